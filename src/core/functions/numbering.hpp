// Assign customer numbers: every blank number of a filled row gets the next free number of
// its registration month, in row order, after the highest existing number of that month.
// Existing numbers are never changed. One pass to find the highest numbers, one to assign.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/workbook/dates.hpp"

namespace dealsheet {

struct NumberingRow {
    bool filled = false;               // the row holds data
    bool numberBlank = false;          // its number cell is empty (and not a formula)
    std::string existingNumber;        // the number text when there is one
    std::optional<double> registered;  // registration date serial, when it is a valid date
};

struct Assignment {
    std::size_t row;  // index into the input
    std::string number;
};

struct NumberingResult {
    std::vector<Assignment> assigned;
    std::vector<std::size_t> skipped;  // filled rows without a valid registration date
};

NumberingResult assignCustomerNumbers(const std::vector<NumberingRow>& rows,
                                      const SerialDates& dates);

}  // namespace dealsheet
