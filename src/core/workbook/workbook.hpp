// A workbook as the validator sees it: every recognised sheet read once into memory, its
// columns matched to the schema by their header text (either language, any order).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/text/text.hpp"
#include "core/workbook/cell.hpp"
#include "core/workbook/schema.hpp"

namespace dealsheet {

// One sheet's used area. Row 0 is the header row. A user's sheet is cut to its header row and
// data rows (recognition.hpp); `sheetRows` then says where each row stands on the sheet.
struct SheetData {
    std::string name;
    CellGrid cells;                                // values as read (formula results included)
    std::vector<std::vector<bool>> isFormula;      // same shape as cells, may be empty
    std::vector<std::vector<bool>> isError;        // formula result is an error value (#N/A...)
    std::vector<int> sheetRows{};                  // 0-based sheet row of each row; empty: the same
    std::optional<std::vector<int>> columnOf{};    // columns already located (synonyms, mapping)
    std::optional<Lang> lang{};                    // the sheet's language when already known
    std::set<std::pair<int, int>> mergedCopies{};  // (row, column) holding a merged cell's value
    // Required schema columns two of the sheet's headers could both be, with those headers
    // ("手机 / 邮箱"): reported as ambiguous, not as missing (SPEC §13).
    std::vector<std::pair<std::size_t, std::string>> ambiguousColumns{};

    // Inline: Validate asks these several times for every cell.
    const CellValue& at(int row, int column) const {
        static const CellValue empty{};
        if (row < 0 || column < 0 || row >= rowCount()) return empty;
        const auto& cellsOfRow = cells[static_cast<std::size_t>(row)];
        return static_cast<std::size_t>(column) < cellsOfRow.size()
                   ? cellsOfRow[static_cast<std::size_t>(column)]
                   : empty;
    }
    bool formulaAt(int row, int column) const { return flagAt(isFormula, row, column); }
    bool errorAt(int row, int column) const { return flagAt(isError, row, column); }
    int rowCount() const { return static_cast<int>(cells.size()); }
    int sheetRow(int row) const {
        return row >= 0 && static_cast<std::size_t>(row) < sheetRows.size()
                   ? sheetRows[static_cast<std::size_t>(row)]
                   : row;
    }
    // A cell that shows the value of a cell merged over it from a row above: the same value,
    // never a duplicate of itself.
    bool mergedCopyAt(int row, int column) const { return mergedCopies.count({row, column}) > 0; }

  private:
    static bool flagAt(const std::vector<std::vector<bool>>& flags, int row, int column) {
        if (row < 0 || column < 0 || static_cast<std::size_t>(row) >= flags.size()) return false;
        const auto& ofRow = flags[static_cast<std::size_t>(row)];
        return static_cast<std::size_t>(column) < ofRow.size() &&
               ofRow[static_cast<std::size_t>(column)];
    }
};

// A recognised sheet with its columns located.
struct RecognisedSheet {
    const SheetSchema* schema = nullptr;
    const SheetData* data = nullptr;
    std::vector<int> columnOf;  // per schema column: index in the sheet, -1 when absent
    std::vector<std::string> duplicateHeaders;  // header texts found more than once
    Lang lang = Lang::Zh;                       // language of the sheet name

    int column(std::string_view id) const;  // sheet column of a schema column, or -1
};

// A row counts as filled when any cell of the schema's columns holds something the user typed
// (computed columns and formula results do not count).
bool isRowFilled(const RecognisedSheet& sheet, int row);

// Matches the header row of `data` against `schema`.
RecognisedSheet recognise(const SheetSchema& schema, const SheetData& data);

}  // namespace dealsheet
