// The report sheet (校验报告 / Validation Report) and the highlights of offending cells.
// Highlights are conditional formats of their own on the offending cells, so the cells' own
// formatting is never touched and removing the marks restores it exactly.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include "core/recognition/recognition.hpp"
#include "core/validate/validator.hpp"
#include "uno/workbook/phase_times.hxx"

namespace dealsheet::uno {

namespace css = com::sun::star;
using css::uno::Reference;

// What marking could not do, said in the report.
struct MarkOutcome {
    std::vector<std::string> protectedSheets;    // sheets whose cells could not be marked
    std::map<std::string, int> underOwnFormats;  // sheet -> cells left unmarked (own formats)
    bool stylesUnavailable = false;              // the mark styles could not be created
};

struct ReportInput {
    const ValidationResult* result = nullptr;
    std::vector<SheetPlan> plans;
    MarkOutcome marks;
    std::chrono::steady_clock::time_point started;  // when the command began
    Lang lang = Lang::Zh;
    std::vector<SheetRecognition> recognitions{};  // how each sheet was read (SPEC §6)
    std::map<std::string, SkippedRows> skipped{};  // rows left out, by sheet
    std::vector<SettingProblem> settingProblems;   // listed with the defaults used instead
};

// True for a report sheet DealSheet wrote (by its name and its title), never for a user's sheet
// that only has the same name.
bool isReportSheet(const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& name);

// Removes the previous report and every DealSheet highlight; returns how many were removed.
int clearReportAndMarks(const Reference<css::sheet::XSpreadsheetDocument>& doc);

// Marks the cells of `findings`, except where Calc would have to replace a conditional format
// the cell already has; says what it could not mark.
MarkOutcome markFindings(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                         const std::vector<Finding>& findings, PhaseTimes* times = nullptr);

// Writes the report sheet at the end of the document (in one setDataArray, plus one
// setFormulaArray for the cell links) with an AutoFilter on its table of findings. Its "Time
// (ms)" is written last, so it includes writing the report; returns that time.
long writeReport(const Reference<css::sheet::XSpreadsheetDocument>& doc, const ReportInput& input,
                 PhaseTimes& times);

}  // namespace dealsheet::uno
