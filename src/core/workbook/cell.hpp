// A spreadsheet cell value as the core sees it, independent of UNO.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace dealsheet {

// Empty, a number (dates are numbers) or text (UTF-8).
using CellValue = std::variant<std::monostate, double, std::string>;
using CellGrid = std::vector<std::vector<CellValue>>;

// Empty, or text holding nothing but spaces (U+3000 included).
bool isBlankCell(const CellValue& value);

// A number as Calc would show it in General format for the values the product deals with.
std::string formatNumber(double value);

// A cell as a key: its text trimmed, or a number as General shows it; empty otherwise.
std::string cellText(const CellValue& value);
// The same, the text folded for comparison (full-/half-width, ASCII case).
std::string cellKey(const CellValue& value);

}  // namespace dealsheet
