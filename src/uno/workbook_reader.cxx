#include "workbook_reader.hxx"

#include <algorithm>

#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>

#include "core/sheet_locator.hpp"
#include "office_util.hxx"
#include "uno_util.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::UNO_QUERY_THROW;

void markCells(const Reference<css::sheet::XSheetCellRanges>& ranges,
               std::vector<std::vector<bool>>& flags, int rows, int columns) {
    if (!ranges.is()) return;
    // Clamped: the addresses come through an interface and are not trusted.
    for (const auto& address : ranges->getRangeAddresses())
        for (int r = std::max<int>(address.StartRow, 0);
             r <= std::min<int>(address.EndRow, rows - 1); ++r)
            for (int c = std::max<int>(address.StartColumn, 0);
                 c <= std::min<int>(address.EndColumn, columns - 1); ++c)
                flags[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)] = true;
}

}  // namespace

std::vector<std::pair<const SheetSchema*, SheetData>> readPlannedSheets(
    const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::vector<SheetPlan>& plans) {
    std::vector<std::pair<const SheetSchema*, SheetData>> sheets;
    for (const auto& plan : plans) {
        if (!plan.schema) continue;
        SheetData data;
        data.name = plan.name;
        const auto sheet = sheetByName(doc, plan.name);
        const auto [rows, usedColumns] = usedSize(sheet);
        if (rows > 0) {
            // Only up to the last column whose header the schema knows: a stray value far to
            // the right must not make us read thousands of empty columns.
            data.cells = readValues(rangeOf(sheet, 0, 0, usedColumns - 1, 0));
            const RecognisedSheet located = recognise(*plan.schema, data);
            int columns = 1;
            for (int c : located.columnOf) columns = std::max(columns, c + 1);
            const auto range = rangeOf(sheet, 0, 0, columns - 1, rows - 1);
            data.cells = readValues(range);
            data.isFormula.assign(static_cast<std::size_t>(rows),
                                  std::vector<bool>(static_cast<std::size_t>(columns), false));
            data.isError = data.isFormula;
            Reference<css::sheet::XCellRangesQuery> query(range, UNO_QUERY_THROW);
            markCells(query->queryContentCells(css::sheet::CellFlags::FORMULA), data.isFormula,
                      rows, columns);
            markCells(query->queryFormulaCells(css::sheet::FormulaResult::ERROR), data.isError,
                      rows, columns);
        }
        sheets.emplace_back(plan.schema, std::move(data));
    }
    return sheets;
}

Settings readDocumentSettings(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    const Schema& schema = productSchema();
    if (const auto located = findSheet(schema, sheetNames(doc), "settings")) {
        const auto sheet = sheetByName(doc, located->name);
        const auto [rows, columns] = usedSize(sheet);
        if (rows > 0 && columns >= 2)
            return readSettings(schema,
                                readValues(rangeOf(sheet, 0, 0, 1, std::min(rows, 5000) - 1)));
    }
    return readSettings(schema, {});
}

}  // namespace dealsheet::uno
