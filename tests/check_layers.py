#!/usr/bin/env python3
"""The layers of src/, checked on every include (ctest build.layers).

- The core (src/core) includes no UNO, office or rim header: it is plain C++ over the core.
- The shared layers of the core (text, workbook, functions, matching, validate) include each
  other; a capability of the core (recognition, team, reminders, review, dossier, sharing) includes the
  shared layers and itself, never another capability; text includes nothing of DealSheet's.
- The rim (src/uno) includes the core and the rim; its shared helpers (uno/workbook) include
  only the core; a capability of the rim includes the core, uno/workbook, uno/commands (the
  commands' outcome types) and itself; uno/commands, the entry point, and uno/sidebar, whose
  panels show what every capability finds, may include every rim folder.
Each folder's README.md says the same in words.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src')
OFFICE = re.compile(r'#include\s*[<"](com/sun/star|cppu|cppuhelper|rtl|osl|sal|uno|typelib|comphelper|org/dealsheet)/')
LOCAL = re.compile(r'#include\s*"((?:core|uno)/[^"]+)"')
SHARED_CORE = {"text", "workbook", "functions", "matching", "validate"}


def folder(path):
    parts = path.split('/')
    return parts[0], (parts[1] if len(parts) > 2 else '')


def allowed(side, cap, target):
    tside, tcap = folder(target)
    if side == 'core':
        if tside != 'core':
            return False
        if cap == 'text':
            return tcap == 'text'
        if cap in SHARED_CORE:
            return tcap in SHARED_CORE
        return tcap in SHARED_CORE or tcap == cap
    if tside == 'core':
        return True
    if cap == 'workbook':
        return tcap == 'workbook'
    if cap in ('commands', 'sidebar'):
        return True
    return tcap in ('workbook', 'commands', cap)


def main():
    problems = []
    checked = 0
    for side in ('core', 'uno'):
        for dirpath, _, files in os.walk(os.path.join(ROOT, side)):
            rel = os.path.relpath(dirpath, ROOT).replace(os.sep, '/')
            parts = rel.split('/')
            if len(parts) != 2:
                if any(f.endswith(('.cpp', '.hpp', '.cxx', '.hxx')) for f in files):
                    problems.append(f'{rel}: sources must live in a capability folder')
                continue
            cap = parts[1]
            if 'README.md' not in files:
                problems.append(f'{rel}: no README.md (what it owns, what it may include)')
            for name in files:
                if not name.endswith(('.cpp', '.hpp', '.cxx', '.hxx')):
                    continue
                if side == 'core' and name.endswith(('.cxx', '.hxx')):
                    problems.append(f'{rel}/{name}: the core is .cpp/.hpp')
                path = os.path.join(dirpath, name)
                for number, line in enumerate(open(path, encoding='utf-8'), 1):
                    if side == 'core' and OFFICE.search(line):
                        problems.append(f'{rel}/{name}:{number}: the core includes an office header')
                    match = LOCAL.search(line)
                    if not match:
                        continue
                    checked += 1
                    if not allowed(side, cap, match.group(1)):
                        problems.append(f'{rel}/{name}:{number}: {side}/{cap} may not include {match.group(1)}')
    for problem in problems:
        print(problem)
    print(f'{checked} includes checked, {len(problems)} problem(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
