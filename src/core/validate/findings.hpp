// Findings of Validate. The rules that produce them, with their severities and texts, are units
// of their own (rule.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/text/localized.hpp"
#include "core/validate/rule.hpp"

namespace dealsheet {

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
