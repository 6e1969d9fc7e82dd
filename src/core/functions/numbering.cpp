#include "core/functions/numbering.hpp"

#include <unordered_map>

#include "core/functions/customer_number.hpp"

namespace dealsheet {

NumberingResult assignCustomerNumbers(const std::vector<NumberingRow>& rows,
                                      const SerialDates& dates) {
    std::unordered_map<int, long> highest;  // month key -> highest sequence in use
    for (const auto& row : rows)
        if (const auto number = parseCustomerNumber(row.existingNumber)) {
            long& top = highest[monthKey(number->year, number->month)];
            if (number->sequence > top) top = number->sequence;
        }
    NumberingResult result;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        if (!row.filled || !row.numberBlank) continue;
        const auto civil = row.registered ? dates.toCivil(*row.registered) : std::nullopt;
        if (!civil || civil->year < kMinCustomerYear || civil->year > kMaxCustomerYear) {
            result.skipped.push_back(i);
            continue;
        }
        long& top = highest[monthKey(civil->year, civil->month)];
        if (top >= kMaxSequence) {
            result.skipped.push_back(i);
            continue;
        }
        result.assigned.push_back({i, formatCustomerNumber(civil->year, civil->month, ++top)});
    }
    return result;
}

}  // namespace dealsheet
