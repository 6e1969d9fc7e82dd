// The report sheet (校验报告 / Validation Report) and the highlights of offending cells.
// Highlights are conditional formats of their own on the offending cells, so the cells' own
// formatting is never touched and removing the marks restores it exactly.
#pragma once

#include <string>
#include <vector>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include "core/validator.hpp"

namespace dealsheet::uno {

namespace css = com::sun::star;
using css::uno::Reference;

struct ReportInput {
    const ValidationResult* result = nullptr;
    std::vector<SheetPlan> plans;
    std::vector<std::string> notHighlighted;  // sheets whose cells could not be marked
    long milliseconds = 0;
    Lang lang = Lang::Zh;
};

// Removes the previous report and every DealSheet highlight; returns how many were removed.
int clearReportAndMarks(const Reference<css::sheet::XSpreadsheetDocument>& doc);

// Marks the cells of `findings`; returns the sheets that could not be marked (protected).
std::vector<std::string> markFindings(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                      const std::vector<Finding>& findings);

// Writes the report sheet at the end of the document (in one setDataArray, plus one
// setFormulaArray for the cell links).
void writeReport(const Reference<css::sheet::XSpreadsheetDocument>& doc, const ReportInput& input);

}  // namespace dealsheet::uno
