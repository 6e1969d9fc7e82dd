#!/usr/bin/python3
"""Could Validate write its report faster through Calc's CSV import than through setDataArray?

Writes a CSV shaped like the heavy case's report (137,295 rows of the 8 report columns, unique
addresses and values), then times, in a headless office (Debian's python3-uno):
  - loading it as a hidden document with every column as text, and copying its sheet into a
    document with importSheet (the two steps an import-filter report would take);
  - the same through XSheetLinkable.link, the link then broken.
Both happen inside the office, so the client's wall time is the office's.
Usage: /usr/bin/python3 tools/report_import_experiment.py [rows]   (docs/BENCHMARKS.md)
"""
import csv
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 137295
    folder = tempfile.mkdtemp(prefix="report-import-")
    path = os.path.join(folder, "report.csv")
    random.seed(1)
    rules = [("警告", "GRADE", "客户信息登记表", "线索评级"),
             ("警告", "OVERDUE", "跟进行动表", "计划完成日期"),
             ("错误", "CONTACT", "客户信息登记表", "联系方式")]
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        for i in range(rows):
            severity, rule, sheet, field = rules[i % 3]
            value = str(random.randint(1, 99999))
            writer.writerow([severity, rule, sheet, "", field, value,
                             f"填写的值 {value} 与计算结果不符，第 {i + 2} 行", f"F{i + 2}"])
    office = subprocess.Popen(
        ["/usr/lib/libreoffice/program/soffice", "--headless", "--norestore", "--nologo",
         f"-env:UserInstallation=file://{folder}/profile",
         "--accept=pipe,name=report_import_experiment;urp;"])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(240):
            try:
                context = resolver.resolve(
                    "uno:pipe,name=report_import_experiment;urp;StarOffice.ComponentContext")
                break
            except Exception as error:  # the office is still starting
                last = error
                time.sleep(0.5)
        if context is None:
            sys.exit(f"the office did not answer: {last}")
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context)
        target = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                              (prop("Hidden", True),))
        options = "44,34,76,1," + "/".join(f"{c}/2" for c in range(1, 9))  # all text
        url = uno.systemPathToFileUrl(path)
        for attempt in range(2):
            start = time.time()
            source = desktop.loadComponentFromURL(
                url, "_blank", 0,
                (prop("Hidden", True), prop("FilterName", "Text - txt - csv (StarCalc)"),
                 prop("FilterOptions", options)))
            loaded = time.time()
            target.Sheets.importSheet(source, source.Sheets.ElementNames[0], target.Sheets.Count)
            copied = time.time()
            source.close(True)
            print(f"run {attempt + 1}: load CSV {loaded - start:.2f} s, "
                  f"importSheet {copied - loaded:.2f} s")
        name = f"Linked{target.Sheets.Count}"
        target.Sheets.insertNewByName(name, target.Sheets.Count)
        sheet = target.Sheets.getByName(name)
        start = time.time()
        sheet.link(url, "", "Text - txt - csv (StarCalc)", options,
                   uno.Enum("com.sun.star.sheet.SheetLinkMode", "VALUE"))
        sheet.setLinkMode(uno.Enum("com.sun.star.sheet.SheetLinkMode", "NONE"))
        print(f"link and unlink {time.time() - start:.2f} s")
        target.close(True)
    finally:
        office.terminate()
        office.wait()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
