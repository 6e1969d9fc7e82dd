// Header matching, the whole validator, the monthly review and the Settings reader on one
// grid. The input is CSV (parseCsv); its first row is the header row. Each cell is
//   empty              an empty cell
//   a number           (strtod takes all of the trimmed text, finite) a number
//   =rest              a formula whose result is `rest`, read by the same rules
//   #rest              a formula with an error result (#N/A, #VALUE!...)
//   anything else      text
// Every sheet of productSchema() gets this grid under its own name (Chinese names, English
// for inputs of odd length); recognise, planSheets, readSettings, validateWorkbook and
// buildReview run on them. No crash, no hang; findings point into the sheets, are sorted and,
// for valid UTF-8 input, are valid UTF-8.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/review/review.hpp"
#include "core/text/csv.hpp"
#include "core/text/text.hpp"
#include "core/validate/validator.hpp"
#include "core/workbook/settings.hpp"
#include "core/workbook/workbook.hpp"
#include "fuzz_check.hpp"

using namespace dealsheet;

namespace {

CellValue valueOf(const std::string& field) {
    const std::string trimmed(trimSpaces(field));
    if (field.empty()) return CellValue{};
    if (!trimmed.empty()) {
        char* end = nullptr;
        const double number = std::strtod(trimmed.c_str(), &end);
        if (end == trimmed.c_str() + trimmed.size() && std::isfinite(number)) return number;
    }
    return field;
}

SheetData sheetOf(const std::vector<CsvRow>& rows) {
    SheetData data;
    for (const auto& row : rows) {
        auto& cells = data.cells.emplace_back();
        auto& formula = data.isFormula.emplace_back();
        auto& error = data.isError.emplace_back();
        for (const auto& field : row) {
            const bool isFormula = !field.empty() && (field[0] == '=' || field[0] == '#');
            const bool isError = !field.empty() && field[0] == '#';
            cells.push_back(isFormula ? (isError ? CellValue(field) : valueOf(field.substr(1)))
                                      : valueOf(field));
            formula.push_back(isFormula);
            error.push_back(isError);
        }
    }
    return data;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Schema& schema = productSchema();
    const SheetData grid = sheetOf(parseCsv(text));
    const Lang lang = size % 2 ? Lang::En : Lang::Zh;

    std::vector<std::string> names;
    for (const auto& sheet : schema.sheets()) names.push_back(sheet.name.in(lang));
    const std::vector<SheetPlan> plans = planSheets(schema, names);
    FUZZ_CHECK(plans.size() == names.size());

    std::vector<std::pair<const SheetSchema*, SheetData>> input;
    for (const auto& plan : plans) {
        if (!plan.schema) continue;
        SheetData sheet = grid;
        sheet.name = plan.name;
        input.emplace_back(plan.schema, std::move(sheet));
    }
    std::vector<RecognisedSheet> recognised;
    for (const auto& [sheetSchema, sheet] : input) {
        const RecognisedSheet r = recognise(*sheetSchema, sheet);
        FUZZ_CHECK(r.lang == lang);
        FUZZ_CHECK(r.columnOf.size() == sheetSchema->columns.size());
        for (const int column : r.columnOf)
            FUZZ_CHECK(column >= -1 &&
                       (column < 0 || static_cast<std::size_t>(column) < sheet.cells[0].size()));
        for (int row = 0; row < sheet.rowCount(); ++row) isRowFilled(r, row);
        recognised.push_back(r);
    }

    const Settings settings = readSettings(schema, grid.cells);
    FUZZ_CHECK(settings.thresholds().budget >= 0 && settings.reminderDays() >= 0 &&
               settings.staleDays() >= 0);
    const SerialDates dates;
    const long today = *dates.toSerial({2024, 6, 12});
    const ValidationResult result = validateWorkbook(input, {dates, today, settings});

    FUZZ_CHECK(result.checked.size() == input.size());
    FUZZ_CHECK(static_cast<std::size_t>(result.errors + result.warnings) == result.findings.size());
    const bool utf8 = fuzz::isValidUtf8(text);
    for (std::size_t i = 0; i < result.findings.size(); ++i) {
        const Finding& f = result.findings[i];
        FUZZ_CHECK(f.row >= 0 && f.row < std::max(1, grid.rowCount()));
        FUZZ_CHECK(f.column >= 0);
        FUZZ_CHECK(!f.messageZh.empty() && !f.messageEn.empty());
        if (utf8) FUZZ_CHECK(fuzz::isValidUtf8(f.messageZh) && fuzz::isValidUtf8(f.messageEn));
        if (i > 0 && result.findings[i - 1].sheet == f.sheet)
            FUZZ_CHECK(result.findings[i - 1].row <= f.row);
    }

    const ReviewLayout review = buildReview(recognised, {2024, 6}, today, dates, settings, lang);
    for (const auto& row : review.cells) FUZZ_CHECK(row.size() == 4);
    for (const auto& table : {review.stages, review.owners})
        FUZZ_CHECK(table.headerRow >= 0 &&
                   table.headerRow + table.rows <= static_cast<int>(review.cells.size()));
    return 0;
}
