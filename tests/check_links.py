#!/usr/bin/env python3
"""Checks the relative links and images of README.md, every docs/*.md and every src/**/README.md (ctest docs.links).

    python3 tests/check_links.py [REPOSITORY_ROOT]

A link or image whose target is a path (not http:, https: or mailto:) must name a file or folder
inside the repository; a `#anchor` must be the GitHub slug of a heading of the Markdown file it
points into (or of the same file for `#anchor` alone), or an explicit `id`/`name` in its HTML.
Fenced code blocks and inline code are not read. Every broken link is listed with its file and
line; the exit code is 1 when there is one, 0 otherwise. Python 3 standard library only.
"""
import os
import re
import sys
import unicodedata
import urllib.parse

EXTERNAL = ("http://", "https://", "mailto:")

FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
INLINE_CODE = re.compile(r"(`+)(.+?)\1")
# [text](target "title") and ![alt](target); the text may hold one level of brackets (an image
# inside a link). The target is <...> or runs to the first space or closing parenthesis.
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>]*>|[^\s)]*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
REFERENCE_DEF = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*(<[^>]*>|\S+)")
HTML_TARGET = re.compile(r"<(?:a|img)\b[^>]*?\b(?:href|src)\s*=\s*\"([^\"]*)\"", re.I)
HTML_ANCHOR = re.compile(r"<[a-z][^>]*?\b(?:id|name)\s*=\s*\"([^\"]*)\"", re.I)


def slug(heading):
    """GitHub's anchor of a heading: its text as shown, lower-cased, punctuation dropped
    (letters of every script, marks, digits, '_' and '-' stay), spaces become '-'."""
    text = INLINE_CODE.sub(lambda m: m.group(2), heading)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link shows its text
    text = re.sub(r"<[^>]+>", "", text)  # HTML tags
    text = text.strip().lower()
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch in "-_ " or category[0] in "LM" or category in ("Nd", "Pc"):
            kept.append(ch)
    return "".join(kept).replace(" ", "-")


def read_markdown(path):
    """Returns (links, anchors): links as (line number, target), anchors as a set of slugs."""
    links, anchors, seen = [], set(), {}
    definitions = []
    in_fence = None
    previous = ""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number, line in enumerate(lines, 1):
        fence = FENCE.match(line)
        if in_fence:
            if fence and fence.group(1)[0] == in_fence[0] and len(fence.group(1)) >= len(in_fence):
                in_fence = None
            previous = ""
            continue
        if fence:
            in_fence = fence.group(1)
            previous = ""
            continue
        title = None
        match = HEADING.match(line)
        if match:
            title = match.group(2)
        elif SETEXT.match(line) and previous.strip() and not previous.lstrip().startswith(("|", "-", "*")):
            title = previous.strip()
        if title is not None:
            base = slug(title)
            count = seen.get(base, 0)
            seen[base] = count + 1
            anchors.add(base if count == 0 else "%s-%d" % (base, count))
        anchors.update(HTML_ANCHOR.findall(line))
        definition = REFERENCE_DEF.match(line)
        if definition:
            definitions.append((number, definition.group(2)))
            previous = line
            continue
        code_free = INLINE_CODE.sub("", line)
        for target in LINK.findall(code_free):
            links.append((number, target))
        for target in HTML_TARGET.findall(code_free):
            links.append((number, target))
        previous = line
    links.extend(definitions)
    return [(n, t[1:-1] if t.startswith("<") and t.endswith(">") else t) for n, t in links], anchors


def check(root):
    root = os.path.realpath(root)
    files = [os.path.join(root, "README.md")]
    for top in ("docs", "src"):  # the documents, and each source folder's README
        for folder, _, names in os.walk(os.path.join(root, top)):
            files.extend(os.path.join(folder, n) for n in sorted(names) if n.endswith(".md"))
    files = [f for f in files if os.path.isfile(f)]
    parsed = {}

    def markdown(path):
        if path not in parsed:
            parsed[path] = read_markdown(path)
        return parsed[path]

    broken, checked = [], 0
    for source in files:
        for number, target in markdown(source)[0]:
            if not target or target.lower().startswith(EXTERNAL):
                continue
            checked += 1
            where = "%s:%d: %s" % (os.path.relpath(source, root), number, target)
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
                broken.append(where + " (a scheme other than http, https or mailto)")
                continue
            path_part, _, anchor = target.partition("#")
            path_part = urllib.parse.unquote(path_part.split("?")[0])
            if path_part.startswith("/"):
                broken.append(where + " (an absolute path; use a path relative to the file)")
                continue
            if path_part:
                resolved = os.path.realpath(os.path.join(os.path.dirname(source), path_part))
            else:
                resolved = source
            if resolved != root and not resolved.startswith(root + os.sep):
                broken.append(where + " (outside the repository)")
                continue
            if not os.path.exists(resolved):
                broken.append(where + " (no such file)")
                continue
            if anchor:
                anchor = urllib.parse.unquote(anchor)
                if not resolved.endswith(".md") or not os.path.isfile(resolved):
                    broken.append(where + " (an anchor into a file that is not Markdown)")
                elif anchor not in markdown(resolved)[1]:
                    broken.append(where + " (no heading with this anchor in %s)"
                                  % os.path.relpath(resolved, root))
    return files, checked, broken


def self_test():
    assert slug("Sharing with Excel / WPS") == "sharing-with-excel--wps", slug("Sharing with Excel / WPS")
    assert slug("2. 插入表格（模板表）") == "2-插入表格模板表", slug("2. 插入表格（模板表）")
    assert slug("`SYNC_CONFLICT` and co.") == "sync_conflict-and-co"
    assert slug("The heavy case, third pass (2026-12-02, 08:57–09:01 UTC)") == \
        "the-heavy-case-third-pass-2026-12-02-08570901-utc"


def main():
    self_test()
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    files, checked, broken = check(root)
    for line in broken:
        print("broken link: " + line)
    print("%d Markdown files, %d relative links checked, %d broken" % (len(files), checked, len(broken)))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
