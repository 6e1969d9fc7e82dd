// The table of spreadsheet functions and their Function Wizard texts in both languages, in the
// manner of LibreOffice's scaddins. The add-in serves these texts through XAddIn; the
// `method` names must match idl/org/dealsheet/calc/XFunctions.idl.
#pragma once

#include <string_view>
#include <vector>

#include "core/text/localized.hpp"
#include "core/workbook/schema.hpp"

namespace dealsheet {

inline constexpr std::string_view kFunctionCategory = "DealSheet";
inline constexpr Text kFunctionCategoryDisplay{"销售管理", "DealSheet"};

struct ArgumentInfo {
    Text name;
    OwnedText description;  // may name a setting's default, filled in from the schema
    bool optional = false;
};

struct FunctionInfo {
    std::string_view method;       // IDL method, stored in ODF
    std::string_view displayName;  // what users type, the same in both languages
    Text description;
    std::vector<ArgumentInfo> arguments;  // the visible ones, without the hidden document
};

const std::vector<FunctionInfo>& functionTable();
const FunctionInfo* findFunctionByMethod(std::string_view method);
// Case-insensitive, as Calc upper-cases what users type.
const FunctionInfo* findFunctionByDisplayName(std::string_view displayName);

}  // namespace dealsheet
