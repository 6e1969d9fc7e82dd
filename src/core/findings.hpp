// Findings of Validate and the table of rule codes (SPEC section 4): each code with its
// severity and its texts in both languages, found by its code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "localized.hpp"

namespace dealsheet {

enum class Severity { Error, Warning };

struct RuleInfo {
    std::string_view code;
    Severity severity;
    Text title;    // what the rule checks, for the README and the report summary
    Text message;  // {field}, {value} and {detail} are filled in
};

const std::vector<RuleInfo>& ruleTable();
const RuleInfo& rule(std::string_view code);  // throws std::out_of_range for an unknown code

struct Finding {
    Severity severity = Severity::Error;
    std::string rule;
    std::string sheet;
    int row = 0;        // 0-based sheet row
    int column = 0;     // 0-based sheet column
    std::string field;  // the column's header as it stands on the sheet
    std::string value;  // the cell's value as text
    std::string messageZh;
    std::string messageEn;
    const std::string& message(Lang lang) const { return lang == Lang::En ? messageEn : messageZh; }
};

Text severityName(Severity severity);

// Sorts by sheet order (as given), row, column, rule; drops repeats of rule, cell and field.
void sortAndDeduplicate(std::vector<Finding>& findings, const std::vector<std::string>& sheetOrder);

}  // namespace dealsheet
