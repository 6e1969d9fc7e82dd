#include "core/functions/customer_number.hpp"

#include <cstdio>

#include "core/text/text.hpp"

namespace dealsheet {
namespace {

bool allDigits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

long toNumber(std::string_view digits) {
    long value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

}  // namespace

std::optional<CustomerNumber> parseCustomerNumber(std::string_view text) {
    const std::string_view t = trimSpaces(text);
    if (t.size() < 10 || t[6] != '-') return std::nullopt;
    const std::string_view yearMonth = t.substr(0, 6);
    const std::string_view sequence = t.substr(7);
    if (!allDigits(yearMonth) || !allDigits(sequence)) return std::nullopt;
    if (sequence.size() > 9) return std::nullopt;
    if (sequence.size() > 3 && sequence.front() == '0') return std::nullopt;
    CustomerNumber number;
    number.year = static_cast<int>(toNumber(yearMonth.substr(0, 4)));
    number.month = static_cast<int>(toNumber(yearMonth.substr(4, 2)));
    number.sequence = toNumber(sequence);
    if (number.year < kMinCustomerYear || number.month < 1 || number.month > 12 ||
        number.sequence < 1)
        return std::nullopt;
    return number;
}

std::string formatCustomerNumber(int year, int month, long sequence) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d%02d-%03ld", year, month, sequence);
    return buffer;
}

}  // namespace dealsheet
