// Helpers around the office API used by the commands: documents, sheets, bulk cell access,
// undo grouping and locks. All bulk: one call per block of cells.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XActionLockable.hpp>
#include <com/sun/star/document/XUndoAction.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "core/text/localized.hpp"
#include "core/workbook/cell.hpp"

namespace dealsheet::uno {

class PhaseTimes;

namespace css = com::sun::star;
using css::uno::Reference;

// The spreadsheet behind `component`, or an IllegalArgumentException saying DealSheet works
// on Calc spreadsheets only, or that the document is read-only (unless `onlyRead`: the
// reminders, the calendar export and the dossier read a workbook without changing it).
Reference<css::sheet::XSpreadsheetDocument> requireSpreadsheet(
    const Reference<css::uno::XInterface>& component, bool onlyRead = false);

std::vector<std::string> sheetNames(const Reference<css::sheet::XSpreadsheetDocument>& doc);
Reference<css::sheet::XSpreadsheet> sheetByName(
    const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& name);

// The used area of a sheet as (rows, columns) from A1, both 0 when the sheet is empty.
std::pair<int, int> usedSize(const Reference<css::sheet::XSpreadsheet>& sheet);

Reference<css::table::XCellRange> rangeOf(const Reference<css::sheet::XSpreadsheet>& sheet,
                                          int firstColumn, int firstRow, int lastColumn,
                                          int lastRow);
// Values of a block in one call: empty cells are std::monostate.
// Bulk reads and writes. With `times`, Calc's own part is marked apart from the conversion
// ("values.calc" after getDataArray; "values.build" before setDataArray), so the benchmark
// shows what Calc's calls alone cost.
CellGrid readValues(const Reference<css::table::XCellRange>& range, PhaseTimes* times = nullptr);
void writeValues(const Reference<css::table::XCellRange>& range, const CellGrid& values,
                 PhaseTimes* times = nullptr);
void writeFormulas(const Reference<css::table::XCellRange>& range,
                   const std::vector<std::vector<std::string>>& formulas);

void setProperty(const Reference<css::uno::XInterface>& object, const char* name,
                 const css::uno::Any& value);

// Shows or hides `count` columns of `sheet` from `first` on.
void setColumnsVisible(const Reference<css::sheet::XSpreadsheet>& sheet, int first, int count,
                       bool visible);

// True when the office runs without a user interface (no dialog may be shown).
bool officeIsHeadless();
// The language of the office's user interface.
Lang officeLanguage(const Reference<css::uno::XComponentContext>& context);

// Pauses Calc's re-measuring of optimal row heights for as long as it lives. Calc measures the
// height of every row a bulk write touches, laying out its text: 100,000 customer numbers took
// 8.5 s to write instead of 0.23 s. The rows keep their "optimal height" flag, so a row still
// grows when someone edits it later. The document's setting is restored on every exit path.
// Every command that writes cells in bulk holds one (before its UndoScope, so a rollback writes
// with heights paused too).
class RowHeightPause {
  public:
    explicit RowHeightPause(const Reference<css::sheet::XSpreadsheetDocument>& doc);
    ~RowHeightPause();
    RowHeightPause(const RowHeightPause&) = delete;
    RowHeightPause& operator=(const RowHeightPause&) = delete;

  private:
    Reference<css::beans::XPropertySet> document_;
    bool paused_ = false;
};

// Groups every change of a command into one undo step. When the command fails (the scope
// ends without commit), `rollback` removes what the command did. It is not done through
// undo(): Calc's undo of some API changes needs an active view and crashes without one.
class UndoScope {
  public:
    UndoScope(const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& title,
              std::function<void()> rollback = {});
    ~UndoScope();
    void commit();  // the command succeeded
    const Reference<css::document::XUndoManager>& manager() const { return undo_; }
    // Adds an undo action of DealSheet's own to this step.
    void add(const Reference<css::document::XUndoAction>& action);

  private:
    Reference<css::document::XUndoManager> undo_;
    Reference<css::frame::XModel> model_;
    Reference<css::document::XActionLockable> locks_;
    Reference<css::sheet::XCalculatable> calculation_;
    bool restoreCalculation_ = false;
    bool open_ = false;
    std::function<void()> rollback_;
    bool committed_ = false;
};

}  // namespace dealsheet::uno
