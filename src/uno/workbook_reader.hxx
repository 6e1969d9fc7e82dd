// Reads a workbook for Validate: every planned sheet in bulk (one getDataArray per sheet, two
// range queries for formula and error cells), and the Settings sheet.
#pragma once

#include <utility>
#include <vector>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include "core/settings.hpp"
#include "core/validator.hpp"

namespace dealsheet::uno {

std::vector<std::pair<const SheetSchema*, SheetData>> readPlannedSheets(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    const std::vector<SheetPlan>& plans);

// The Settings sheet (either language); defaults when it is missing.
Settings readDocumentSettings(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc);

}  // namespace dealsheet::uno
