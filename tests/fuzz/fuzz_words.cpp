// The small matchers of typed words: parseLang, langOfLocale, parseOpinion, isClosedStatus,
// Schema::sheetByName, the enum lists' find, and expandFormula with the input as a formula
// template (it expands or throws SchemaError). Any text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/functions/approval.hpp"
#include "core/functions/due.hpp"
#include "core/text/localized.hpp"
#include "core/text/text.hpp"
#include "core/workbook/layout.hpp"
#include "core/workbook/schema.hpp"
#include "fuzz_check.hpp"

using namespace dealsheet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string_view trimmed = trimSpaces(text);
    const Schema& schema = productSchema();

    const auto lang = parseLang(text);
    if (trimmed.empty()) FUZZ_CHECK(lang == Lang::Zh);
    langOfLocale(text);
    const auto opinion = parseOpinion(text);
    if (trimmed.empty()) FUZZ_CHECK(opinion == Opinion::Pending);
    isClosedStatus(text);

    if (const SheetSchema* sheet = schema.sheetByName(text))
        FUZZ_CHECK(sheet->name.matches(trimmed));
    for (const char* id : {"stages", "opinions", "actionStatus", "yesNo"}) {
        if (const EnumValue* value = schema.list(id).find(trimmed)) {
            // Exact, or equal once folded as users type (full width, case, inner spaces).
            const std::string key = foldForComparison(trimmed);
            FUZZ_CHECK(value->text.matches(trimmed) || key == value->zhKey || key == value->enKey);
            FUZZ_CHECK(&schema.list(id).byId(value->id) == value);
        }
    }

    const SheetSchema& actions = schema.sheetOrThrow("actions");
    try {
        const std::string formula = expandFormula(
            text, static_cast<int>(size % 1000),
            [&](std::string_view id) { return actions.columnIndex(id); }, "设置'x", schema,
            size % 2 ? Lang::En : Lang::Zh);
        FUZZ_CHECK(formula.find('{') == std::string::npos ||
                   text.find('{') != std::string_view::npos);
    } catch (const SchemaError&) {
    }
    return 0;
}
