// The fixed words of the sales process come from the schema's lists (schema/sheets.json), so a
// word is spelled in one place only: the functions' results and the sheets' drop-downs agree.
#pragma once

#include <string_view>

#include "core/text/localized.hpp"
#include "core/workbook/schema.hpp"

namespace dealsheet::vocab {

// The value `valueId` of list `listId`, e.g. word("actionStatus", "done") = 已完成 / Done.
inline Text word(std::string_view listId, std::string_view valueId) {
    return productSchema().list(listId).byId(valueId).text.view();
}

// The id of the value `trimmedValue` in list `listId`, or empty when it is not in the list.
inline std::string_view idOf(std::string_view listId, std::string_view trimmedValue) {
    const EnumValue* value = productSchema().list(listId).find(trimmedValue);
    return value ? std::string_view(value->id) : std::string_view();
}

}  // namespace dealsheet::vocab
