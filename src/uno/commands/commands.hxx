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

// Merge customers (SPEC §12): every reference to `mergedNo` on every sheet becomes `keptNo`
// (with the kept customer's name where a name is shown beside it); the merged register row
// stays, marked in its 备注. One undo step. A refusal (a number not in the register, the same
// customer twice, already merged, no 备注 column) is an IllegalArgumentException saying why.
CommandOutcome mergeCustomers(const Reference<css::uno::XComponentContext>& context,
                              const Reference<css::sheet::XSpreadsheetDocument>& doc,
                              const std::string& keptNo, const std::string& mergedNo);
// The customer numbers of the register rows `sheetRows` (0-based) of the register `sheetName`,
// in row order: what the Merge customers dialog starts with when two rows are selected.
std::vector<std::string> registerNumbersOfRows(
    const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& sheetName,
    const std::vector<int>& sheetRows);
// What a merge would do, for the confirmation: who goes into whom, the rows that move per
// sheet; or why it cannot be done.
struct MergePreview {
    bool possible = false;
    std::string text;  // the question to confirm, or the reason it cannot be done
};
MergePreview describeMerge(const Reference<css::uno::XComponentContext>& context,
                           const Reference<css::sheet::XSpreadsheetDocument>& doc,
                           const std::string& keptNo, const std::string& mergedNo);

}  // namespace dealsheet::uno
