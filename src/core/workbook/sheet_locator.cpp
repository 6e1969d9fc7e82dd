#include "core/workbook/sheet_locator.hpp"

#include "core/text/text.hpp"

namespace dealsheet {

Lang languageOfName(const SheetSchema& sheet, std::string_view name) {
    if (name.find(sheet.name.zh) != std::string_view::npos) return Lang::Zh;
    const std::string folded = foldForComparison(name);
    return folded.find(foldForComparison(sheet.name.en)) != std::string::npos ? Lang::En : Lang::Zh;
}

LocatedSheet locateSheet(const Schema& schema, std::string_view name) {
    LocatedSheet located{std::string(name), schema.sheetByName(name), Lang::Zh};
    if (located.schema) located.lang = languageOfName(*located.schema, name);
    return located;
}

std::optional<LocatedSheet> findSheet(const Schema& schema, const std::vector<std::string>& names,
                                      std::string_view sheetId) {
    for (const auto& name : names) {
        LocatedSheet located = locateSheet(schema, name);
        if (located.schema && located.schema->id == sheetId) return located;
    }
    return std::nullopt;
}

}  // namespace dealsheet
