// The customers of the register that may be the same company as one of them (SPEC §12), for
// the Customer panel and customerCard: Validate's duplicate rules, asked about one customer.
#pragma once

#include <string>
#include <vector>

#include "core/text/localized.hpp"
#include "core/workbook/workbook.hpp"

namespace dealsheet {

struct PossibleDuplicate {
    std::string customerNo;
    std::string customerName;
    Text reason;  // 同一信用代码 / 同一家公司的另一种写法 / 同一手机号 / 字号只差一个字
    std::string sheet;  // the register's name
    int sheetRow = 0;   // 0-based
};

// Every other register row that shares the customer's credit code, is the same company by
// name key, shares a mobile, or has a trade name of four or more characters one character off
// (rows marked merged, and different valid credit codes, left out). One pass over the register.
std::vector<PossibleDuplicate> possibleDuplicatesOf(const std::vector<RecognisedSheet>& sheets,
                                                    const std::string& customerNo);

}  // namespace dealsheet
