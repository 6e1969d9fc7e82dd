#include "uno/workbook/workbook_reader.hxx"

#include <algorithm>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSheetCellRangeContainer.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/util/XMergeable.hpp>

#include "core/workbook/sheet_locator.hpp"
#include "uno/workbook/office_util.hxx"
#include "uno/workbook/phase_times.hxx"
#include "uno/workbook/sheet_format.hxx"
#include "uno/workbook/undo_action.hxx"
#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

// Flags the cells the ranges cover, within each row's own width.
void markCells(const Reference<css::sheet::XSheetCellRanges>& ranges,
               std::vector<std::vector<bool>>& flags) {
    if (!ranges.is()) return;
    // Clamped: the addresses come through an interface and are not trusted.
    for (const auto& address : ranges->getRangeAddresses())
        for (int r = std::max<int>(address.StartRow, 0);
             r <= std::min<int>(address.EndRow, static_cast<int>(flags.size()) - 1); ++r) {
            auto& ofRow = flags[static_cast<std::size_t>(r)];
            for (int c = std::max<int>(address.StartColumn, 0);
                 c <= address.EndColumn && static_cast<std::size_t>(c) < ofRow.size(); ++c)
                ofRow[static_cast<std::size_t>(c)] = true;
        }
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
int columnsToRead(const SheetRecognition& recognition, const CellGrid& top, int usedColumns) {
    int columns = 1;
    for (const int c : recognition.header.columnOf) columns = std::max(columns, c + 1);
    if (static_cast<std::size_t>(recognition.headerRow) < top.size()) {
        const auto& header = top[static_cast<std::size_t>(recognition.headerRow)];
        for (std::size_t c = 0; c < header.size(); ++c)
            if (!isBlankCell(header[c])) columns = std::max(columns, static_cast<int>(c) + 1);
    }
    return std::min(columns, std::max(usedColumns, 1));
}

SheetData readWhole(const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& name,
                    const SheetRecognition& recognition, const CellGrid& top,
                    PhaseTimes* times = nullptr) {
    SheetData data;
    data.name = name;
    const auto [rows, usedColumns] = usedSize(sheet);
    if (rows == 0) return data;
    const int columns = columnsToRead(recognition, top, usedColumns);
    const auto range = rangeOf(sheet, 0, 0, columns - 1, rows - 1);
    data.cells = readValues(range, times);
    markPhase(times, "read.values");
    data.isFormula.assign(static_cast<std::size_t>(rows),
                          std::vector<bool>(static_cast<std::size_t>(columns), false));
    data.isError = data.isFormula;
    Reference<css::sheet::XCellRangesQuery> query(range, UNO_QUERY_THROW);
    markCells(query->queryContentCells(css::sheet::CellFlags::FORMULA), data.isFormula);
    markPhase(times, "read.formulas");
    markCells(query->queryFormulaCells(css::sheet::FormulaResult::ERROR), data.isError);
    markPhase(times, "read.errors");
    std::vector<MergedArea> merged;
    findMergedAreas(sheet, 0, 0, columns - 1, rows - 1, merged);
    fillMergedCells(data, merged);
    markPhase(times, "read.merged");
    return data;
}

// Flags the rows the ranges cover.
void markRows(const Reference<css::sheet::XSheetCellRanges>& ranges, std::vector<bool>& rows) {
    if (!ranges.is()) return;
    for (const auto& a : ranges->getRangeAddresses())
        for (int r = std::max<int>(a.StartRow, 0);
             r <= std::min<int>(a.EndRow, static_cast<int>(rows.size()) - 1); ++r)
            rows[static_cast<std::size_t>(r)] = true;
}

// Reads `neededIds` (schema columns) of the rows that typedTextMakesDataRow shows to be data
// rows, and every other row whole: cutToData then keeps and skips exactly the rows it would
// from readWhole. Falls back to readWhole where that shortcut does not hold or pays nothing
// (merged cells, no plain text column, rows that would each need a read of their own).
SheetData readColumns(const Reference<css::sheet::XSpreadsheetDocument>& document,
                      const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& name,
                      const SheetRecognition& recognition, const CellGrid& top,
                      const std::vector<std::string>& neededIds, PhaseTimes* times) {
    // The text column is not one of those read for their own sake: a blank customer number
    // says nothing about its row.
    const int textIndex = plainTextColumn(*recognition.schema, neededIds);
    const int probe =
        textIndex < 0 ? -1 : recognition.header.columnOf[static_cast<std::size_t>(textIndex)];
    const auto [rows, usedColumns] = usedSize(sheet);
    const int columns = columnsToRead(recognition, top, usedColumns);
    const auto whole = [&] { return readWhole(sheet, name, recognition, top, times); };
    if (rows == 0 || probe < 0 || probe >= columns) return whole();
    const auto all = rangeOf(sheet, 0, 0, columns - 1, rows - 1);
    if (Reference<css::util::XMergeable>(all, UNO_QUERY_THROW)->getIsMerged())
        return whole();  // merged values are copied down across whole rows

    // The needed columns and the text column, as one block of adjacent columns (one read:
    // Calc's cost is mostly per row).
    int low = probe, high = probe;
    for (const auto& id : neededIds)
        if (const int index = recognition.schema->columnIndex(id); index >= 0) {
            const int c = recognition.header.columnOf[static_cast<std::size_t>(index)];
            if (c >= 0 && c < columns) low = std::min(low, c), high = std::max(high, c);
        }
    CellGrid block = readValues(rangeOf(sheet, low, 0, high, rows - 1));
    const auto width = static_cast<std::size_t>(high - low + 1);
    if (block.size() != static_cast<std::size_t>(rows) ||
        std::any_of(block.begin(), block.end(),
                    [&](const auto& row) { return row.size() != width; }))
        return whole();  // an implementation of the interface may answer anything
    // The text column's formula and error cells: such a cell says nothing about its row.
    std::vector<bool> probeFlagged(static_cast<std::size_t>(rows), false);
    {
        Reference<css::sheet::XCellRangesQuery> query(rangeOf(sheet, probe, 0, probe, rows - 1),
                                                      UNO_QUERY_THROW);
        for (const auto& ranges : {query->queryContentCells(css::sheet::CellFlags::FORMULA),
                                   query->queryFormulaCells(css::sheet::FormulaResult::ERROR)})
            markRows(ranges, probeFlagged);
    }
    const auto column = static_cast<std::size_t>(probe - low);
    std::vector<bool> known(static_cast<std::size_t>(rows), false);
    for (int r = recognition.headerRow + 3; r < rows; ++r) {
        const auto row = static_cast<std::size_t>(r);
        known[row] = !probeFlagged[row] && typedTextMakesDataRow(block[row][column]);
    }
    // The other rows in runs, each read whole; a short gap of known rows is read with them.
    constexpr int kGap = 16;
    std::vector<std::pair<int, int>> runs;
    for (int r = 0; r < rows; ++r) {
        if (known[static_cast<std::size_t>(r)]) continue;
        if (!runs.empty() && runs.back().second >= r - kGap)
            runs.back().second = r;
        else
            runs.emplace_back(r, r);
    }
    if (runs.size() > 2000) return whole();  // a read per scattered row costs more than one
    markPhase(times, "read.columns");

    SheetData data;
    data.name = name;
    data.cells.resize(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
        const auto row = static_cast<std::size_t>(r);
        if (!known[row]) continue;
        auto& cells = data.cells[row];
        cells.resize(static_cast<std::size_t>(high) + 1);
        std::move(block[row].begin(), block[row].end(), cells.begin() + low);
    }
    for (const auto& [first, last] : runs) {
        CellGrid rowsRead = readValues(rangeOf(sheet, 0, first, columns - 1, last));
        if (rowsRead.size() != static_cast<std::size_t>(last - first + 1)) return whole();
        std::move(rowsRead.begin(), rowsRead.end(),
                  data.cells.begin() + static_cast<std::ptrdiff_t>(first));
    }
    // Formula and error cells of what was read (the block and the runs): two queries.
    Reference<css::sheet::XSheetCellRangeContainer> read(
        Reference<css::lang::XMultiServiceFactory>(document, UNO_QUERY_THROW)
            ->createInstance("com.sun.star.sheet.SheetCellRanges"),
        UNO_QUERY_THROW);
    const sal_Int16 sheetIndex =
        Reference<css::sheet::XCellRangeAddressable>(all, UNO_QUERY_THROW)->getRangeAddress().Sheet;
    css::uno::Sequence<css::table::CellRangeAddress> addresses(static_cast<sal_Int32>(runs.size()) +
                                                               1);
    addresses.getArray()[0] = {sheetIndex, low, 0, high, rows - 1};
    for (std::size_t i = 0; i < runs.size(); ++i)
        addresses.getArray()[i + 1] = {sheetIndex, 0, runs[i].first, columns - 1, runs[i].second};
    read->addRangeAddresses(addresses, false);
    Reference<css::sheet::XCellRangesQuery> query(read, UNO_QUERY_THROW);
    for (auto* flags : {&data.isFormula, &data.isError}) {
        flags->resize(static_cast<std::size_t>(rows));
        for (int r = 0; r < rows; ++r)
            (*flags)[static_cast<std::size_t>(r)].assign(
                data.cells[static_cast<std::size_t>(r)].size(), false);
        markCells(flags == &data.isFormula
                      ? query->queryContentCells(css::sheet::CellFlags::FORMULA)
                      : query->queryFormulaCells(css::sheet::FormulaResult::ERROR),
                  *flags);
    }
    markPhase(times, "read.rows");
    return data;
}

}  // namespace

CellGrid readTopRows(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                     const std::string& name, int rowsWanted,
                     std::set<std::pair<int, int>>* dateCells) {
    const auto sheet = sheetByName(doc, name);
    const auto [rows, columns] = usedSize(sheet);
    if (rows == 0 || columns == 0) return {};
    const auto range =
        rangeOf(sheet, 0, 0, std::min(columns, 1024) - 1, std::min(rows, rowsWanted) - 1);
    if (dateCells) {
        // Dates are numbers to getDataArray: their format tells them from amounts (SPEC §13).
        const auto ranges = Reference<css::sheet::XCellRangesQuery>(range, UNO_QUERY_THROW)
                                ->queryContentCells(css::sheet::CellFlags::DATETIME);
        if (ranges.is())
            for (const auto& a : ranges->getRangeAddresses())  // clamped: never trust them
                for (int r = std::max<sal_Int32>(a.StartRow, 0); r <= a.EndRow && r < rowsWanted;
                     ++r)
                    for (int c = std::max<sal_Int32>(a.StartColumn, 0);
                         c <= a.EndColumn && c < 1024; ++c)
                        dateCells->insert({r, c});
    }
    return readValues(range);
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
    std::vector<std::set<std::pair<int, int>>> dates(names.size());
    for (std::size_t i = 0; i < names.size(); ++i)
        tops.push_back(
            hasReportSheetName(names[i]) || names[i] == kMappingSheetName
                ? CellGrid{}
                : readTopRows(doc, names[i], kHeaderSearchRows + kValueSampleRows, &dates[i]));
    auto recognitions = recogniseSheets(productSchema(), names, tops, readMappings(doc), dates);
    if (topRows) *topRows = std::move(tops);
    return recognitions;
}

namespace {

// Recognises every sheet and reads, with `read`, those `wanted` says yes to.
using SheetReader = std::function<SheetData(const Reference<css::sheet::XSpreadsheet>&,
                                            const SheetRecognition&, const CellGrid& top)>;
WorkbookView readRecognised(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                            const std::function<bool(const SheetSchema&)>& wanted,
                            const SheetReader& read, PhaseTimes* times) {
    WorkbookView view;
    std::vector<CellGrid> tops;
    view.recognitions = recogniseWorkbook(doc, &tops);
    markPhase(times, "read.recognise");
    view.plans = plansOf(view.recognitions);
    for (std::size_t i = 0; i < view.recognitions.size(); ++i) {
        const SheetRecognition& r = view.recognitions[i];
        if (!r.schema || (wanted && !wanted(*r.schema))) continue;
        SkippedRows skipped;
        view.sheets.emplace_back(r.schema,
                                 cutToData(r, read(sheetByName(doc, r.name), r, tops[i]), skipped));
        markPhase(times, "read.cut");
        view.skipped[r.name] = skipped;
    }
    return view;
}

}  // namespace

WorkbookView readWorkbook(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                          const std::function<bool(const SheetSchema&)>& wanted,
                          PhaseTimes* times) {
    return readRecognised(
        doc, wanted,
        [&](const auto& sheet, const SheetRecognition& r, const CellGrid& top) {
            return readWhole(sheet, r.name, r, top, times);
        },
        times);
}

WorkbookView readWorkbookColumns(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                 const std::string& sheetId,
                                 const std::vector<std::string>& columnIds, PhaseTimes* times) {
    return readRecognised(
        doc, [&](const SheetSchema& s) { return s.id == sheetId; },
        [&](const auto& sheet, const SheetRecognition& r, const CellGrid& top) {
            return readColumns(doc, sheet, r.name, r, top, columnIds, times);
        },
        times);
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
