// Writes the monthly review sheet: its old contents and charts go, the new grid and a chart
// of customers by stage come. Nothing else in the document changes.
#pragma once

#include <string>

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include "core/review.hpp"
#include "undo_action.hxx"

namespace dealsheet::uno {

// Returns the cells it wrote with their old and new values: Calc's undo of a bulk write does
// not restore them, so the caller adds an undo action of its own for them.
CellBlock writeReviewSheet(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet>& sheet,
    const ReviewLayout& layout, const std::string& chartTitle,
    const com::sun::star::uno::Reference<com::sun::star::document::XUndoManager>& undo);

}  // namespace dealsheet::uno
