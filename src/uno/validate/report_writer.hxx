// The report sheet (校验报告 / Validation Report) and the highlights of offending cells.
// Highlights are conditional formats of their own on the offending cells, so the cells' own
// formatting is never touched and removing the marks restores it exactly.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
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

// Keeps DealSheet's highlights out of the undo stack for as long as it lives: they are view
// state (the findings' picture), not the user's edit. Calc records every conditional format set
// through the API for undo by copying the format's whole area and the sheet's list of formats
// into an undo document, twice (before and after): that copy was most of the marks' cost
// (docs/BENCHMARKS.md). Calc skips it when the document's IsUndoEnabled is off, but switching
// it off empties the undo stack it acts on; inside an undo context of its own that stack is the
// context's (empty) list, so the user's steps stay, and the empty context leaves no step.
// Where no such context can be opened (a locked undo manager), marks are recorded as before.
class MarksUnrecorded {
  public:
    explicit MarksUnrecorded(const Reference<css::sheet::XSpreadsheetDocument>& doc);
    ~MarksUnrecorded();
    MarksUnrecorded(const MarksUnrecorded&) = delete;
    MarksUnrecorded& operator=(const MarksUnrecorded&) = delete;

  private:
    Reference<css::beans::XPropertySet> document_;
    Reference<css::document::XUndoManager> undo_;
    bool contextOpen_ = false;
    bool undoSwitchedOff_ = false;
};

// Removes the previous report sheets only; returns how many.
int clearReport(const Reference<css::sheet::XSpreadsheetDocument>& doc);

// Makes DealSheet's marks on `sheet` show `findings` (all of that sheet's): a mark that
// already shows exactly its cells stays, the others are removed and the missing ones added. A
// cell under a conditional format of the user's is not marked (Calc would replace that
// format); returns how many were left so.
int syncMarks(const Reference<css::sheet::XSpreadsheetDocument>& doc,
              const Reference<css::sheet::XSpreadsheet>& sheet,
              const std::vector<const Finding*>& findings, PhaseTimes* times = nullptr);

// The mark a finding asks for on its cell (kStyleErrorMark's or kStyleWarningMark's name; a
// cell with both shows the error), or null when it has no cell to mark (a missing column).
const char* markStyleOf(const Finding& finding);

// Removes DealSheet's highlights from a sheet; returns how many formats went.
int removeMarks(const Reference<css::sheet::XSpreadsheet>& sheet);

// The mark style a cell should show (kStyleErrorMark's or kStyleWarningMark's name), or "".
using WantedMark = std::function<std::string(int column, int row)>;

// Brings the marks of `cells` (column, row) on `sheet` in line with `wanted`, taking every other
// cell's mark to be right already: only a format showing one of them wrongly is replaced, so an
// edit's work grows with its cells, not with the sheet's findings. Each update adds a small
// format per column and style; past a few the column's are joined into one again.
int updateMarks(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                const Reference<css::sheet::XSpreadsheet>& sheet,
                std::vector<std::pair<int, int>> cells, const WantedMark& wanted,
                PhaseTimes* times = nullptr);

// Marks the cells of `findings` on every sheet (and removes the marks of sheets without
// findings), except where Calc would have to replace a conditional format the cell already
// has; says what it could not mark.
MarkOutcome markFindings(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                         const std::vector<Finding>& findings, PhaseTimes* times = nullptr);

// Writes the report sheet at the end of the document (in one setDataArray, plus one
// setFormulaArray for the cell links) with an AutoFilter on its table of findings. Its "Time
// (ms)" is written last, so it includes writing the report; returns that time.
long writeReport(const Reference<css::sheet::XSpreadsheetDocument>& doc, const ReportInput& input,
                 PhaseTimes& times);

}  // namespace dealsheet::uno
