#include "core/workbook/cell.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/text/text.hpp"

namespace dealsheet {

bool isBlankCell(const CellValue& value) {
    if (std::holds_alternative<std::monostate>(value)) return true;
    if (const auto* text = std::get_if<std::string>(&value)) return isBlank(*text);
    return false;
}

std::string formatNumber(double value) {
    char buffer[40];
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
        // A whole number below 1e15 is exactly a long long: written as "%.0f" writes it (a
        // phone number typed as a number is read this way for every row), without printf.
        if (value == 0) return std::signbit(value) ? "-0" : "0";
        const auto end =
            std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(value)).ptr;
        return std::string(buffer, end);
    }
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
    return buffer;
}

std::string cellText(const CellValue& value) {
    if (const auto* text = std::get_if<std::string>(&value)) return std::string(trimSpaces(*text));
    if (const auto* number = std::get_if<double>(&value)) return formatNumber(*number);
    return {};
}

std::string cellKey(const CellValue& value) {
    if (const auto* text = std::get_if<std::string>(&value)) return foldForComparison(*text);
    if (const auto* number = std::get_if<double>(&value)) return formatNumber(*number);
    return {};
}

}  // namespace dealsheet
