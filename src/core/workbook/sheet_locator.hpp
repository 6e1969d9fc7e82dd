// Where the schema's sheets are in a document: the one place that decides which document sheet
// stands for which schema sheet, and in which language its name is written. Templates, Insert,
// Validate, Assign and Refresh all locate sheets through it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/localized.hpp"
#include "core/workbook/schema.hpp"

namespace dealsheet {

struct LocatedSheet {
    std::string name;                     // the document's sheet name, as it is
    const SheetSchema* schema = nullptr;  // nullptr: not a DealSheet sheet
    Lang lang = Lang::Zh;                 // the language the name is written in
    SheetKind kind() const { return schema ? schema->kind : SheetKind::Data; }
};

// The language a name for `sheet` is written in: Chinese when it holds the Chinese name,
// English when it holds the English one (any case), else Chinese, the default.
Lang languageOfName(const SheetSchema& sheet, std::string_view name);

// What a document sheet's name stands for (either language; English ignoring case).
LocatedSheet locateSheet(const Schema& schema, std::string_view name);

// The first document sheet (in document order) that stands for schema sheet `sheetId`.
std::optional<LocatedSheet> findSheet(const Schema& schema, const std::vector<std::string>& names,
                                      std::string_view sheetId);

}  // namespace dealsheet
