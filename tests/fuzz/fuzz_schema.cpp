// Schema::parse: any text. It returns a schema or throws SchemaError; any other exception
// escapes and libFuzzer reports it. A schema it returns answers its lookups and the formula
// templates of its columns expand or throw SchemaError.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/workbook/layout.hpp"
#include "core/workbook/schema.hpp"
#include "fuzz_check.hpp"

using namespace dealsheet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    std::unique_ptr<Schema> schema;
    try {
        schema = Schema::parse(json);
    } catch (const SchemaError&) {
        return 0;
    }
    FUZZ_CHECK(!schema->sheets().empty());
    for (const auto& sheet : schema->sheets()) {
        FUZZ_CHECK(schema->sheet(sheet.id) != nullptr);
        FUZZ_CHECK(schema->sheetByName(sheet.name.zh) != nullptr);
        FUZZ_CHECK(schema->sheetByName(sheet.name.en) != nullptr);
        if (!sheet.key.empty()) FUZZ_CHECK(sheet.columnIndex(sheet.key) >= 0);
        for (const auto& column : sheet.columns) {
            FUZZ_CHECK(sheet.column(column.id) != nullptr);
            if (column.type == ColumnType::Enum) FUZZ_CHECK(column.list != nullptr);
            if (column.formula.empty()) continue;
            try {
                expandFormula(
                    column.formula, 1, [&](std::string_view id) { return sheet.columnIndex(id); },
                    "设置", *schema, Lang::Zh);
            } catch (const SchemaError&) {
            }
        }
    }
    for (const auto& setting : schema->settings()) FUZZ_CHECK(schema->setting(setting.id));
    return 0;
}
