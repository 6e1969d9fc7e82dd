// Where things go on a DealSheet sheet: column letters, the Settings sheet's rows, and the
// expansion of the schema's formula templates into a row's formula.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/text/localized.hpp"
#include "core/workbook/schema.hpp"

namespace dealsheet {

// 0 -> "A", 25 -> "Z", 26 -> "AA".
std::string columnLetters(int index);
// "B7" style address of a 0-based column and row.
std::string cellAddress(int column, int row);

// Row (0-based) of a setting's value on the Settings sheet: header row, then the settings in
// schema order; the value is in column B.
int settingRow(const Schema& schema, std::string_view settingId);

// Expands a formula template of the schema for 0-based `row`:
//   {columnId}       -> the address of that column in the row, e.g. L2
//   {setting:id}     -> absolute address of the setting's value on the Settings sheet
//   {lang}           -> "zh" or "en" as a string literal
//   {settingOrDefault:id} -> the setting's value, or its schema default when not a number
//   {text:list.id}   -> a list word in `lang` as a string literal; {zh:list.id}, {en:list.id}
//                       in that language
// `columnIndex` maps a column id to its 0-based index on this sheet (-1 when absent).
// Throws SchemaError for an unknown placeholder.
std::string expandFormula(std::string_view formulaTemplate, int row,
                          const std::function<int(std::string_view)>& columnIndex,
                          std::string_view settingsSheetName, const Schema& schema, Lang lang);

}  // namespace dealsheet
