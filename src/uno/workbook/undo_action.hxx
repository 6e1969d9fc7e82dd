// Undo actions of DealSheet's own. Calc records setDataArray as an undo action that does not
// restore the cells (seen with LibreOffice 7.4), so commands that write cell values add an
// action that writes the old values back. Calc's undo of a sheet insertion needs a view of the
// document: in a document loaded hidden (macros, batch scripts) LibreOffice 7.4 dies undoing it,
// so commands insert sheets through insertSheetUndoable, whose action removes them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <com/sun/star/document/XUndoAction.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCellRange.hpp>

#include "core/workbook/cell.hpp"

namespace dealsheet::uno {

struct CellBlock {
    com::sun::star::uno::Reference<com::sun::star::table::XCellRange> range;
    CellGrid before;
    CellGrid after;

    CellBlock() = default;
    CellBlock(com::sun::star::uno::Reference<com::sun::star::table::XCellRange> range_,
              CellGrid before_, CellGrid after_)
        : range(range_), before(std::move(before_)), after(std::move(after_)) {}
    CellBlock(const CellBlock&) = default;
    CellBlock& operator=(const CellBlock&) = default;
    // Reference has no move constructor outside LibreOffice's own code, so the implicit move
    // is not noexcept and a growing vector of blocks would copy every cell of every block.
    CellBlock(CellBlock&& other) noexcept
        : range(other.range), before(std::move(other.before)), after(std::move(other.after)) {}
    CellBlock& operator=(CellBlock&& other) noexcept {
        range = other.range;
        before = std::move(other.before);
        after = std::move(other.after);
        return *this;
    }
};

// A new undo action for `blocks` (to be added to the document's undo manager).
// Its undo and redo write with `manager` locked, so Calc records nothing while undoing.
com::sun::star::uno::Reference<com::sun::star::document::XUndoAction> makeCellWritesUndo(
    const std::string& title, std::vector<CellBlock> blocks,
    const com::sun::star::uno::Reference<com::sun::star::document::XUndoManager>& manager);

// Writes `values` into `range` without Calc recording an undo action of its own.
void writeValuesUnrecorded(
    const com::sun::star::uno::Reference<com::sun::star::document::XUndoManager>& manager,
    const com::sun::star::uno::Reference<com::sun::star::table::XCellRange>& range,
    const CellGrid& values);

// Inserts an empty sheet `name` at `position` without Calc recording it, and adds DealSheet's
// own undo action for it (to the open undo step, if any): its undo removes the sheet, its redo
// inserts an empty one again at the same place (the cells, recorded by Calc after the
// insertion, come back with Calc's own redo). The same on every LibreOffice version.
void insertSheetUndoable(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    const std::string& name, sal_Int16 position);

}  // namespace dealsheet::uno
