#include "core/workbook/cell.hpp"

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
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15)
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else
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
