// Merge customers (合并客户, SPEC §12): the plan of what moves when one customer is merged into
// another. Every row of every sheet that refers to the merged customer number refers to the
// kept one afterwards (and shows the kept customer's name where it shows a name); the merged
// register row stays, marked in its 备注. Nothing else changes. The rim writes the plan as one
// undo step.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/text/localized.hpp"
#include "core/workbook/workbook.hpp"

namespace dealsheet {

struct CellChange {
    std::size_t sheet = 0;  // index into the sheets given to planMerge
    int row = 0;            // data row (SheetData's row, not the sheet's)
    int column = 0;         // sheet column
    CellValue after;
};

struct MergePlan {
    std::vector<CellChange> changes;
    // Per sheet (in the order given) the rows whose reference moves; the register's own row
    // is not counted.
    std::vector<long> movedRows;
    std::string keptName;      // the kept customer's name in the register
    std::string mergedName;    // the merged customer's
    int mergedSheetRow = 0;    // 0-based row of the merged customer on the register sheet
    long skippedFormulas = 0;  // references computed by a formula: left to the formula
};

// Why a merge cannot be done, in both languages.
struct MergeRefusal {
    Text reason;
    std::string detail;  // a customer number, when the reason names one ({1})
};

// The mark written into the merged customer's 备注: "已合并 → 202406-001" ("merged → …" on an
// English sheet), and whether a 备注 cell already carries one.
std::string mergeMark(Lang lang, const std::string& keptNo);
bool carriesMergeMark(std::string_view notes);

// Plans merging `mergedNo` into `keptNo` over the recognised sheets of a workbook. Refused when
// either number is not in the register, they are the same customer, the merged one is already
// merged, or the register has no 备注 column to mark it in.
std::optional<MergeRefusal> planMerge(const std::vector<RecognisedSheet>& sheets,
                                      const std::string& keptNo, const std::string& mergedNo,
                                      MergePlan& plan);

}  // namespace dealsheet
