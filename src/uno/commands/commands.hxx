// The commands (docs/REFERENCE.md, "Commands"), shared by the toolbar (dispatch) and the Toolkit
// service. Each runs as one undo step and leaves the document unchanged when it fails.
#pragma once

#include <string>
#include <vector>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "core/text/localized.hpp"
#include "core/validate/findings.hpp"

namespace dealsheet::uno {

namespace css = com::sun::star;
using css::uno::Reference;

struct CommandOutcome {
    std::string message;  // a short summary for the user, in the office's language
    long errors = 0;
    long warnings = 0;
    long count = 0;  // sheets inserted, numbers assigned, ...
    long sheetsChecked = 0;
    long milliseconds = 0;
};

// `lang` as typed by a macro: "zh", "en" or "" for the office's language.
CommandOutcome insertTemplates(const Reference<css::uno::XComponentContext>& context,
                               const Reference<css::sheet::XSpreadsheetDocument>& doc,
                               const std::string& lang);

// Validate: the report sheet and highlights are rewritten; no data cell is ever changed.
// A workbook without any DealSheet sheet is left untouched and told so.
// `extra` findings (a sync's conflicts) join the report.
CommandOutcome validate(const Reference<css::uno::XComponentContext>& context,
                        const Reference<css::sheet::XSpreadsheetDocument>& doc,
                        const std::vector<Finding>& extra = {});

// Clear marks: removes the report sheet and every highlight.
CommandOutcome clearMarks(const Reference<css::uno::XComponentContext>& context,
                          const Reference<css::sheet::XSpreadsheetDocument>& doc);

// Assign customer numbers: fills the blank numbers of filled rows; writes only those cells.
CommandOutcome assignCustomerNumbers(const Reference<css::uno::XComponentContext>& context,
                                     const Reference<css::sheet::XSpreadsheetDocument>& doc);

// Refresh monthly review for "YYYY-MM" ("" = the current month); only that sheet changes.
CommandOutcome refreshReview(const Reference<css::uno::XComponentContext>& context,
                             const Reference<css::sheet::XSpreadsheetDocument>& doc,
                             const std::string& month);

}  // namespace dealsheet::uno
