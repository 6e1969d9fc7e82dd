// Writes the monthly review sheet: its old contents and charts go, the new grid and a chart
// of customers by stage come. Nothing else in the document changes.
#pragma once

#include <string>

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include "core/review.hpp"

namespace dealsheet::uno {

void writeReviewSheet(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet>& sheet,
    const ReviewLayout& layout, const std::string& chartTitle);

}  // namespace dealsheet::uno
