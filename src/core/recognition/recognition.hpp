// Users' own workbooks (SPEC §6): which DealSheet sheet a sheet is (by its name, a decorated
// name, its header row or the user's mapping), where its header row is, which of its columns
// are which (headers, synonyms, mapping), and which of its rows are not data (instructions
// under the header, totals, notes after the data, rows holding only defaults).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/text/localized.hpp"
#include "core/validate/validator.hpp"
#include "core/workbook/cell.hpp"
#include "core/workbook/schema.hpp"
#include "core/workbook/workbook.hpp"

namespace dealsheet {

// Rows read from the top of a sheet to find its header row.
inline constexpr int kHeaderSearchRows = 10;
// Rows read after those to confirm the headers by their values (SPEC §13): a sample, cheap.
inline constexpr int kValueSampleRows = 30;

// What a user confirmed with Map columns (or a macro with setColumnMapping).
struct ColumnMapping {
    std::string kind;   // sheet id ("customers"), empty: recognised as usual
    int headerRow = 0;  // 1-based sheet row, 0: found as usual
    // Column id -> the user's header text; an empty text means "none of my columns".
    std::map<std::string, std::string> columns;
    bool empty() const { return kind.empty() && headerRow == 0 && columns.empty(); }
};

// The macro API's entries: "columnId=header text", "@kind=customers", "@headerRow=3".
std::vector<std::string> mappingEntries(const ColumnMapping& mapping);
// Throws std::invalid_argument with a message in both languages for an entry that is not
// "name=value", an unknown column id or kind, or a header row outside 1..kHeaderSearchRows.
ColumnMapping parseMappingEntries(const Schema& schema, const std::vector<std::string>& entries);

// The mappings of a workbook as stored in the document: rows of (sheet, entry name, value).
std::map<std::string, ColumnMapping> mappingsFromGrid(const Schema& schema, const CellGrid& grid);
CellGrid mappingsToGrid(const std::map<std::string, ColumnMapping>& mappings);
// The hidden sheet that holds them; never a data sheet.
inline constexpr std::string_view kMappingSheetName = "DealSheet_Mapping";

struct HeaderMatch {
    std::vector<int> columnOf;              // per schema column: sheet column or -1
    int matched = 0;                        // schema columns found
    std::vector<std::string> unrecognised;  // the sheet's headers no column took
    std::vector<std::string> ambiguous;  // "手机 / 邮箱 → 联系方式": reported, not guessed
    bool english = false;                // most matched headers are English
    // Per schema column: matched by a synonym (not its own name or the user's mapping), so
    // its values may still contradict it.
    std::vector<bool> bySynonym;
    // Required columns left unmatched because two headers were synonyms of each one: the
    // schema column and its candidate headers ("手机 / 邮箱").
    std::vector<std::pair<std::size_t, std::string>> ambiguousRequired;
    // Headers a synonym matched whose values say otherwise: left unmapped, named in the summary.
    struct Contradiction {
        std::string header;  // the user's header
        std::size_t column;  // schema column it was taken for
        std::string zh, en;  // what the values are instead
    };
    std::vector<Contradiction> contradicted;
};

// Matches one row as the header row of `schema`. Exact names win over synonyms; two of the
// sheet's headers that are both synonyms of one column leave that column unmatched (ambiguous).
HeaderMatch matchHeaderRow(const SheetSchema& schema, const std::vector<CellValue>& row,
                           const ColumnMapping* mapping = nullptr);

// Checks every synonym match against the column's values in `rows` (the rows after
// `headerRow`; `dateCells` the (row, column) of `rows` formatted as dates): a 1-5 score column
// of 0-100 numbers or percentages, an amount column of dates, a number column of mostly text
// is contradicted: unmapped and listed in `match.contradicted`. Exact names and the
// user's mapping are never second-guessed.
void confirmByValues(const SheetSchema& schema, HeaderMatch& match, const CellGrid& rows,
                     int headerRow, const std::set<std::pair<int, int>>& dateCells = {});

// The sheet schema whose name `name` is, allowing a year, "（2024）", a trailing 表 and
// "- 副本" / "- Copy"; nullptr when none.
const SheetSchema* sheetByDecoratedName(const Schema& schema, std::string_view name);

enum class RecognisedBy { Name, DecoratedName, HeaderRow, Mapping };

struct SheetRecognition {
    std::string name;
    const SheetSchema* schema = nullptr;  // set when the sheet is checked
    Text skipReason{};                    // set when it is not
    RecognisedBy by = RecognisedBy::Name;
    int headerRow = 0;         // 0-based sheet row of the header
    bool headerFound = false;  // false: no row matched; the first row is taken
    HeaderMatch header;
    Lang lang = Lang::Zh;
};

// Recognises every sheet: `topRows[i]` are the first rows of sheet `names[i]` (at least
// kHeaderSearchRows when the sheet has them), `mappings` the stored mappings by sheet name.
// The rows after the header row in `topRows` confirm its synonym matches (confirmByValues);
// `dateCells[i]` are the cells of `topRows[i]` formatted as dates, when known.
std::vector<SheetRecognition> recogniseSheets(
    const Schema& schema, const std::vector<std::string>& names,
    const std::vector<CellGrid>& topRows, const std::map<std::string, ColumnMapping>& mappings = {},
    const std::vector<std::set<std::pair<int, int>>>& dateCells = {});

// The plans Validate's report and the commands use, one per sheet.
std::vector<SheetPlan> plansOf(const std::vector<SheetRecognition>& recognitions);

// Rows left out of checking, by kind, for the report's summary.
struct SkippedRows {
    long aboveHeader = 0;   // title, date and note lines above the header
    long instructions = 0;  // repeated headers or explanations directly under the header
    long totals = 0;        // 合计 / 总计 / 小计 / Total rows
    long notes = 0;         // 注： / 说明 / 备注： lines after the data
    long defaults = 0;      // only drop-down or computed defaults filled in
    long total() const { return instructions + totals + notes + defaults; }
};

// A merged area of a sheet (0-based, inclusive).
struct MergedArea {
    int firstRow = 0, firstColumn = 0, lastRow = 0, lastColumn = 0;
};

// Gives every row a merged area covers the merged cell's value in its first column (a customer
// merged over two contact rows belongs to both) and records those cells as copies.
void fillMergedCells(SheetData& whole, const std::vector<MergedArea>& areas);

// A schema column users type plain text into (required, no list, no formula), not one of
// `except`: its cell tells a data row apart from the rows cutToData leaves out. -1 when none.
int plainTextColumn(const SheetSchema& schema, const std::vector<std::string>& except);

// A row below the first two under its header whose plainTextColumn cell holds this typed text
// (no formula, no error) is a data row, and a filled one, whatever its other cells hold: the
// text is neither a total's label nor a note, and the column takes no default, so cutToData
// keeps the row even when the row's other cells are left out. Assign relies on it to read
// three columns of such rows instead of all of them.
bool typedTextMakesDataRow(const CellValue& cell);

// The sheet as the validator and the commands see it: `whole` is the used area from A1; the
// result holds the header row as row 0, then the data rows only, each with its sheet row.
SheetData cutToData(const SheetRecognition& recognition, SheetData whole, SkippedRows& skipped);

// For the summary: how a sheet was recognised, in words.
Text recognisedByText(RecognisedBy by);

}  // namespace dealsheet
