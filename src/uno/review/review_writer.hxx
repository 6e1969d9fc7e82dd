// Writes the monthly review sheet: its old contents and charts go, the new grid, formatted for
// reading and printing, and two charts (customers by stage, actions per owner) come, titled in
// `lang`. Nothing else in the document changes but the review's own page style.
#pragma once

#include <string>

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include "core/review/review.hpp"
#include "uno/workbook/undo_action.hxx"

namespace dealsheet::uno {

// Returns the cells it wrote with their old and new values: Calc's undo of a bulk write does
// not restore them, so the caller adds an undo action of its own for them.
CellBlock writeReviewSheet(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet>& sheet,
    const ReviewLayout& layout, Lang lang,
    const com::sun::star::uno::Reference<com::sun::star::document::XUndoManager>& undo);

}  // namespace dealsheet::uno
