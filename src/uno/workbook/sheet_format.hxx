// Formatting the office keeps apart from the cells' own: cell styles, conditional formats
// (each its own entry, so removing it restores the cells exactly), validity lists, widths.
#pragma once

#include <string>
#include <vector>

#include <com/sun/star/sheet/ConditionOperator.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>

namespace dealsheet::uno {

namespace css = com::sun::star;
using css::uno::Reference;

struct CellStyleSpec {
    const char* name;
    sal_Int32 background;
    sal_Int32 fontColor;  // -1 keeps the default
    bool bold = false;
};

// The styles DealSheet uses; created in the document when missing.
extern const CellStyleSpec kStyleOverdue;
extern const CellStyleSpec kStyleDueSoon;
extern const CellStyleSpec kStyleGradeA;
extern const CellStyleSpec kStyleGradeB;
extern const CellStyleSpec kStyleGradeC;
extern const CellStyleSpec kStyleErrorMark;
extern const CellStyleSpec kStyleWarningMark;
void ensureCellStyle(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                     const CellStyleSpec& style);

struct ConditionSpec {
    std::string formula;  // a condition formula, relative to the first cell of the first range
    std::string styleName;
    // FORMULA: `formula` is true; otherwise the cell's own value compared with `formula`.
    // Templates compare values: a formula with a relative reference turns into #REF! when a
    // sheet before it is deleted and the file saved (a LibreOffice bug, 7.4 to 25.2).
    css::sheet::ConditionOperator op = css::sheet::ConditionOperator_FORMULA;
    std::string formula2{};  // the upper bound of BETWEEN
};

// Adds one conditional format over `ranges` (all on `sheet`), attached to the cells next to
// the formats they already have; returns the number of conditions.
sal_Int32 addConditionalFormat(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                               const Reference<css::sheet::XSpreadsheet>& sheet,
                               const std::vector<css::table::CellRangeAddress>& ranges,
                               const std::vector<ConditionSpec>& conditions);
// The cell areas that already carry a conditional format (any, the marks excepted when they
// have been removed before).
std::vector<css::table::CellRangeAddress> conditionalFormatAreas(
    const Reference<css::sheet::XSpreadsheet>& sheet);
// Removes every conditional format of `sheet` whose entries all use one of `styleNames`;
// returns how many were removed.
int removeConditionalFormatsUsing(const Reference<css::sheet::XSpreadsheet>& sheet,
                                  const std::vector<std::string>& styleNames);

// A drop-down list on `range`; `strict` refuses other values with a warning dialog.
void setListValidation(const Reference<css::uno::XInterface>& range,
                       const std::vector<std::string>& values, bool strict,
                       const std::string& errorTitle, const std::string& errorMessage);

// The key of number format `code` (e.g. "#,##0.00"), added to the document when missing.
sal_Int32 numberFormatKey(const Reference<css::sheet::XSpreadsheetDocument>& doc, const char* code);
sal_Int32 dateFormatKey(const Reference<css::sheet::XSpreadsheetDocument>& doc);
// The text format "@": what is typed stays text (phone numbers, identifiers).
sal_Int32 textFormatKey(const Reference<css::sheet::XSpreadsheetDocument>& doc);

}  // namespace dealsheet::uno
