// Insert template sheets: adds every DealSheet sheet the document lacks, never touching the
// sheets it already has.
#pragma once

#include <vector>

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include "core/text/localized.hpp"

namespace dealsheet::uno {

// Rows below the header that get formulas, drop-downs and highlighting in a new sheet.
constexpr int kTemplateRows = 1000;

// Returns the sheets it added. Throws on failure.
std::vector<com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet>>
insertTemplateSheets(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    Lang lang);

// Freezes the header row of `sheets` in the document's view. A view setting, not a change of
// the document: done outside the undo step, because Calc cannot undo a sheet insertion whose
// view was switched inside the same step.
void freezeHeaders(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    const std::vector<com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet>>& sheets);

}  // namespace dealsheet::uno
