// The data-preservation harness: a snapshot of every user cell of a document (content or
// formula, number format, cell style, direct formatting, validity, the user's own conditional
// formats), and the differences between two snapshots. Commands may change only what
// docs/REFERENCE.md ("Commands") allows them; everything else must come out identical, and undo
// must return the snapshot.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

namespace dealsheet::test {

namespace css = com::sun::star;

struct SheetSnapshot {
    // (column, row) -> "content ¦ formatting" for every cell that has content, and for every
    // formatted cell near the data (the first rows and columns, and the rows and columns
    // that hold content).
    std::map<std::pair<int, int>, std::string> cells;
    std::string sheetLevel;  // the user's conditional formats, merged areas, protection
};

struct Snapshot {
    std::vector<std::string> order;  // sheet names in document order
    std::map<std::string, SheetSnapshot> sheets;
    std::uint64_t digest() const;
    std::size_t cellCount() const;
};

// Conditional formats that only use DealSheet's highlight styles are Validate's marks, which
// the reference allows; they are left out of the snapshot.
Snapshot snapshot(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc);

struct Change {
    std::string sheet;
    int column = -1;  // -1: the sheet itself (added, removed, moved) or its sheet-level record
    int row = -1;
    std::string before, after;
    std::string describe() const;
};

std::vector<Change> differences(const Snapshot& before, const Snapshot& after);

// What a command may change (docs/REFERENCE.md, "Commands"), as a predicate over one change.
using Allowance = std::function<bool(const Change&)>;
Allowance allowNothing();
Allowance allowReportSheet();                      // Validate, Clear marks
Allowance allowNewSheets(const Snapshot& before);  // Insert template sheets
Allowance allowReviewSheet();                      // Refresh monthly review
Allowance allowBlankCustomerNumbers(const std::string& customersSheet, int numberColumn);
Allowance either(Allowance a, Allowance b);

// The changes that `allowed` does not cover.
std::vector<Change> forbidden(const Snapshot& before, const Snapshot& after,
                              const Allowance& allowed);

}  // namespace dealsheet::test
