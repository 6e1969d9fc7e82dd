// An undo step of DealSheet's own for cells it wrote in bulk. Calc records setDataArray as an
// undo action that does not restore the cells (seen with LibreOffice 7.4), so commands that
// write cell values add this action, which writes the old values back.
#pragma once

#include <string>
#include <vector>

#include <com/sun/star/document/XUndoAction.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/table/XCellRange.hpp>

#include "core/cell.hpp"

namespace dealsheet::uno {

struct CellBlock {
    com::sun::star::uno::Reference<com::sun::star::table::XCellRange> range;
    CellGrid before;
    CellGrid after;
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

}  // namespace dealsheet::uno
