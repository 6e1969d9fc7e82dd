#!/usr/bin/env python3
"""Profiles a function's recalculation inside the office with perf (docs/BENCHMARKS.md).

    /usr/bin/python3 tools/profile_functions.py build/dealsheet.oxt "=LEADGRADE(A1;B1;C1)"
    /usr/bin/python3 tools/profile_functions.py build/dealsheet.oxt "=EOMONTH(A1+45000;0)"

Installs the extension into a throw-away profile, starts a headless office, fills 100,000 rows
of inputs (A: 0-119, B and C: 1-5) and the formula in column I (Calc fills it down), then
records the office with `perf record` during five `calculateAll()` and prints the share of
each library. Needs Debian's python3-uno and linux-perf; run as a user allowed to perf.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.sheet.FillDirection import TO_BOTTOM

PROGRAM = "/usr/lib/libreoffice/program"
ROWS = 100000


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    oxt, formula = os.path.abspath(sys.argv[1]), sys.argv[2]
    root = tempfile.mkdtemp(prefix="dealsheet-perf-")
    env = ["-env:UNO_SHARED_PACKAGES_CACHE=file://" + root + "/shared",
           "-env:UserInstallation=file://" + root + "/profile"]
    office = None
    try:
        subprocess.run([PROGRAM + "/unopkg", "add", "--shared", "--suppress-license", *env, oxt],
                       check=True, timeout=240)
        port = 20000 + os.getpid() % 10000
        ctx = None
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        # The first start after installing an extension ends with code 81 (restart wanted).
        for _ in range(3):
            office = subprocess.Popen([PROGRAM + "/soffice.bin", *env, "--headless",
                                       "--norestore",
                                       "--accept=socket,host=localhost,port=%d;urp;" % port])
            for _ in range(240):
                if office.poll() is not None:
                    break
                try:
                    ctx = resolver.resolve(
                        "uno:socket,host=localhost,port=%d;urp;StarOffice.ComponentContext" % port)
                    break
                except Exception:
                    time.sleep(0.5)
            if ctx:
                break
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                           (prop("Hidden", True),))
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByPosition(0, 0, 2, ROWS - 1).setDataArray(
            tuple((float(i % 120), float(1 + i % 5), float(1 + (i // 5) % 5)) for i in range(ROWS)))
        sheet.getCellByPosition(8, 0).setFormula(formula)
        sheet.getCellRangeByPosition(8, 0, 8, ROWS - 1).fillAuto(TO_BOTTOM, 1)
        doc.calculateAll()
        data = os.path.join(root, "perf.data")
        perf = subprocess.Popen(["perf", "record", "-F", "2000", "-g", "-p", str(office.pid),
                                 "-o", data], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1)
        start = time.time()
        for _ in range(5):
            doc.calculateAll()
        print("%s: %.3f s per recalculation of %d cells" % (formula, (time.time() - start) / 5,
                                                            ROWS))
        perf.send_signal(2)
        perf.wait()
        report = subprocess.run(["perf", "report", "-i", data, "--no-children", "--sort", "dso",
                                 "--stdio", "-g", "none"], capture_output=True, text=True).stdout
        lines = [l for l in report.splitlines() if l.strip() and not l.startswith("#")]
        print("\n".join(lines[:12]))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        if office:
            try:
                office.wait(timeout=30)
            except subprocess.TimeoutExpired:
                office.kill()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
