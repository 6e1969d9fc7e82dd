// Reads a workbook for the commands: the first rows of every sheet to recognise it (SPEC §6),
// then every recognised sheet in bulk (one getDataArray, two range queries for formula and
// error cells, the merged areas), cut to its header and data rows; and the Settings sheet.
// Assign reads fewer cells (readWorkbookColumns) with the same cut.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include "core/recognition/recognition.hpp"
#include "core/validate/validator.hpp"
#include "core/workbook/settings.hpp"

namespace dealsheet::uno {

class PhaseTimes;

struct WorkbookView {
    std::vector<SheetRecognition> recognitions;  // every sheet, in workbook order
    std::vector<SheetPlan> plans;                // the same, as plans
    // The recognised sheets that were asked for, cut to header and data rows.
    std::vector<std::pair<const SheetSchema*, SheetData>> sheets;
    std::map<std::string, SkippedRows> skipped;  // by sheet name
};

// Recognises every sheet (SPEC §6) from its first rows, which `topRows` receives when given.
std::vector<SheetRecognition> recogniseWorkbook(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    std::vector<CellGrid>* topRows = nullptr);

// Recognises every sheet; reads the recognised ones for which `wanted` says yes (all of them
// when it is empty).
WorkbookView readWorkbook(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    const std::function<bool(const SheetSchema&)>& wanted = {}, PhaseTimes* times = nullptr);

// Like readWorkbook for the sheets of one schema sheet (`sheetId`), but of the rows a plain
// text column shows to be data rows only `columnIds` are read; the other cells of those rows
// are left blank. Every other row is read whole, so the rows kept and skipped are the same.
// Assign numbers 100,000 rows from three of their nineteen columns.
WorkbookView readWorkbookColumns(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    const std::string& sheetId, const std::vector<std::string>& columnIds,
    PhaseTimes* times = nullptr);

// The planned sheets as they stand, the header in the first row and every row kept, so that a
// row's index is its sheet row (Sync with team and the dossier write or cite rows by index).
std::vector<std::pair<const SheetSchema*, SheetData>> readPlannedSheets(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    const std::vector<SheetPlan>& plans);

// The first rows of one sheet (up to `rows`), for recognition and the mapping dialog;
// `dateCells`, when given, receives the (row, column) of those formatted as dates.
CellGrid readTopRows(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    const std::string& name, int rows = kHeaderSearchRows,
    std::set<std::pair<int, int>>* dateCells = nullptr);

// The column mappings stored in the document (Map columns), by sheet name.
std::map<std::string, ColumnMapping> readMappings(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc);
// Stores them in the document's hidden mapping sheet (created when needed, removed when empty).
void writeMappings(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    const std::map<std::string, ColumnMapping>& mappings);

// The Settings sheet (either language); defaults when it is missing.
Settings readDocumentSettings(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc);

}  // namespace dealsheet::uno
