#include "workbook_reader.hxx"

#include <algorithm>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/util/XMergeable.hpp>

#include "core/sheet_locator.hpp"
#include "office_util.hxx"
#include "phase_times.hxx"
#include "sheet_format.hxx"
#include "undo_action.hxx"
#include "uno_util.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::UNO_QUERY;
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

// The merged areas that start inside a block: Calc answers "is anything merged here" for a
// whole range at once, so the block is halved only where it says yes.
void findMergedAreas(const Reference<css::sheet::XSpreadsheet>& sheet, int c0, int r0, int c1,
                     int r1, std::vector<MergedArea>& areas) {
    const auto range = rangeOf(sheet, c0, r0, c1, r1);
    const Reference<css::util::XMergeable> mergeable(range, UNO_QUERY);
    if (!mergeable.is() || !mergeable->getIsMerged() || areas.size() > 100000) return;
    if (c0 == c1 && r0 == r1) {
        const auto cursor = sheet->createCursorByRange(
            Reference<css::sheet::XSheetCellRange>(range, UNO_QUERY_THROW));
        cursor->collapseToMergedArea();
        const auto a = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)
                           ->getRangeAddress();
        areas.push_back({a.StartRow, a.StartColumn, a.EndRow, a.EndColumn});
        return;
    }
    if (r1 - r0 >= c1 - c0) {
        const int middle = r0 + (r1 - r0) / 2;
        findMergedAreas(sheet, c0, r0, c1, middle, areas);
        findMergedAreas(sheet, c0, middle + 1, c1, r1, areas);
    } else {
        const int middle = c0 + (c1 - c0) / 2;
        findMergedAreas(sheet, c0, r0, middle, r1, areas);
        findMergedAreas(sheet, middle + 1, r0, c1, r1, areas);
    }
}

// The whole sheet from A1 to its last row, and to the last column its header row names (a
// stray value far to the right must not make us read thousands of empty columns).
SheetData readWhole(const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& name,
                    const SheetRecognition& recognition, const CellGrid& top,
                    PhaseTimes* times = nullptr) {
    SheetData data;
    data.name = name;
    const auto [rows, usedColumns] = usedSize(sheet);
    if (rows == 0) return data;
    int columns = 1;
    for (const int c : recognition.header.columnOf) columns = std::max(columns, c + 1);
    if (static_cast<std::size_t>(recognition.headerRow) < top.size()) {
        const auto& header = top[static_cast<std::size_t>(recognition.headerRow)];
        for (std::size_t c = 0; c < header.size(); ++c)
            if (!isBlankCell(header[c])) columns = std::max(columns, static_cast<int>(c) + 1);
    }
    columns = std::min(columns, std::max(usedColumns, 1));
    const auto range = rangeOf(sheet, 0, 0, columns - 1, rows - 1);
    data.cells = readValues(range);
    markPhase(times, "read.values");
    data.isFormula.assign(static_cast<std::size_t>(rows),
                          std::vector<bool>(static_cast<std::size_t>(columns), false));
    data.isError = data.isFormula;
    Reference<css::sheet::XCellRangesQuery> query(range, UNO_QUERY_THROW);
    markCells(query->queryContentCells(css::sheet::CellFlags::FORMULA), data.isFormula, rows,
              columns);
    markPhase(times, "read.formulas");
    markCells(query->queryFormulaCells(css::sheet::FormulaResult::ERROR), data.isError, rows,
              columns);
    markPhase(times, "read.errors");
    std::vector<MergedArea> merged;
    findMergedAreas(sheet, 0, 0, columns - 1, rows - 1, merged);
    fillMergedCells(data, merged);
    markPhase(times, "read.merged");
    return data;
}

}  // namespace

CellGrid readTopRows(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                     const std::string& name) {
    const auto sheet = sheetByName(doc, name);
    const auto [rows, columns] = usedSize(sheet);
    if (rows == 0 || columns == 0) return {};
    return readValues(
        rangeOf(sheet, 0, 0, std::min(columns, 1024) - 1, std::min(rows, kHeaderSearchRows) - 1));
}

std::vector<std::pair<const SheetSchema*, SheetData>> readPlannedSheets(
    const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::vector<SheetPlan>& plans) {
    std::vector<std::pair<const SheetSchema*, SheetData>> sheets;
    for (const auto& plan : plans) {
        if (!plan.schema) continue;
        const auto sheet = sheetByName(doc, plan.name);
        SheetData header;
        header.name = plan.name;
        header.cells = readTopRows(doc, plan.name);
        if (header.cells.size() > 1) header.cells.resize(1);
        SheetRecognition asIs;
        asIs.name = plan.name;
        asIs.schema = plan.schema;
        asIs.headerRow = 0;
        asIs.header.columnOf = recognise(*plan.schema, header).columnOf;
        sheets.emplace_back(plan.schema, readWhole(sheet, plan.name, asIs, header.cells));
    }
    return sheets;
}

std::vector<SheetRecognition> recogniseWorkbook(
    const Reference<css::sheet::XSpreadsheetDocument>& doc, std::vector<CellGrid>* topRows) {
    const auto names = sheetNames(doc);
    std::vector<CellGrid> tops;
    for (const auto& name : names)
        tops.push_back(hasReportSheetName(name) || name == kMappingSheetName
                           ? CellGrid{}
                           : readTopRows(doc, name));
    auto recognitions = recogniseSheets(productSchema(), names, tops, readMappings(doc));
    if (topRows) *topRows = std::move(tops);
    return recognitions;
}

WorkbookView readWorkbook(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                          const std::function<bool(const SheetSchema&)>& wanted,
                          PhaseTimes* times) {
    WorkbookView view;
    std::vector<CellGrid> tops;
    view.recognitions = recogniseWorkbook(doc, &tops);
    markPhase(times, "read.recognise");
    view.plans = plansOf(view.recognitions);
    for (std::size_t i = 0; i < view.recognitions.size(); ++i) {
        const SheetRecognition& r = view.recognitions[i];
        if (!r.schema || (wanted && !wanted(*r.schema))) continue;
        SheetData whole = readWhole(sheetByName(doc, r.name), r.name, r, tops[i], times);
        SkippedRows skipped;
        view.sheets.emplace_back(r.schema, cutToData(r, std::move(whole), skipped));
        markPhase(times, "read.cut");
        view.skipped[r.name] = skipped;
    }
    return view;
}

std::map<std::string, ColumnMapping> readMappings(
    const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    const auto name = toOUString(std::string(kMappingSheetName));
    if (!doc->getSheets()->hasByName(name)) return {};
    const auto sheet = sheetByName(doc, std::string(kMappingSheetName));
    const auto [rows, columns] = usedSize(sheet);
    if (rows == 0 || columns < 2) return {};
    return mappingsFromGrid(productSchema(),
                            readValues(rangeOf(sheet, 0, 0, 2, std::min(rows, 20000) - 1)));
}

void writeMappings(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                   const std::map<std::string, ColumnMapping>& mappings) {
    const std::string name(kMappingSheetName);
    const auto sheets = doc->getSheets();
    CellGrid grid;
    for (const auto& row : mappingsToGrid(mappings)) grid.push_back(row);
    if (sheets->hasByName(toOUString(name))) sheets->removeByName(toOUString(name));
    if (grid.empty()) return;
    const auto count = Reference<css::container::XIndexAccess>(sheets, UNO_QUERY_THROW)->getCount();
    insertSheetUndoable(doc, name, static_cast<sal_Int16>(count));
    const auto sheet = sheetByName(doc, name);
    // Stored as text, so a header "2024" stays what was typed.
    setProperty(rangeOf(sheet, 0, 0, 2, static_cast<int>(grid.size()) - 1), "NumberFormat",
                css::uno::Any(textFormatKey(doc)));
    writeValues(rangeOf(sheet, 0, 0, 2, static_cast<int>(grid.size()) - 1), grid);
    setProperty(sheet, "IsVisible", css::uno::Any(false));
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
