// Checking as you type (SPEC §11), the pure part: a workbook kept in memory with its findings;
// rows changed in, findings changed out. A changed row is rechecked with the rows that depend
// on it: the rows of every group it enters or leaves (the holders of a key: DUPLICATE; the rows
// a rule compares it with: DUPLICATE_NAME) and the rows that read such a group (an action's
// customer number, a handover's customer name). The groups are whatever the validator tells
// through RowDependencies, so a new cross-row rule that keeps its memory in RuleRow::firstSeen
// or reads keys through references and look-ups is followed without a change here.
//
// How a subset of rows is rechecked: the validator runs over a cut of the workbook holding
// those rows and every row of the groups they belong to or read (in sheet order, their sheet
// rows kept), which is all a row's findings depend on; the findings of the rechecked rows
// replace theirs. A full check of the same workbook gives the same findings (the unit test
// checks it after every edit of random edit sequences).
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/validate/validator.hpp"

namespace dealsheet {

// One sheet row's new content, as read from the sheet (the sheet's columns from A).
struct RowEdit {
    std::size_t sheet = 0;  // index into the checked sheets
    int sheetRow = 0;       // 0-based row on the sheet
    std::vector<CellValue> cells;
    std::vector<bool> isFormula{};
    std::vector<bool> isError{};
};

struct FindingsDelta {
    std::vector<Finding> removed;  // findings that are gone (or changed)
    std::vector<Finding> added;    // findings that are new (or changed)
    std::size_t rowsChecked = 0;
    bool empty() const { return removed.empty() && added.empty(); }
};

class IncrementalCheck {
  public:
    using Sheets = std::vector<std::pair<const SheetSchema*, SheetData>>;

    // Checks `sheets` in full (as validateWorkbook does) and keeps them. Without
    // `recordDependencies` the rows' dependencies are worked out later (prepareDependencies),
    // so a check nobody will type after (Validate as a macro) does not pay for them.
    IncrementalCheck(Sheets sheets, ValidationOptions options, bool recordDependencies = true);
    ~IncrementalCheck();
    IncrementalCheck(const IncrementalCheck&) = delete;
    IncrementalCheck& operator=(const IncrementalCheck&) = delete;

    // Every current finding, sorted as validateWorkbook sorts them.
    std::vector<Finding> findings() const;
    std::size_t findingCount() const { return count_; }
    // Calls `visit` with every current finding, in order, without copying them.
    template <typename Visit>
    void forEachFinding(Visit&& visit) const {
        for (const auto& [row, list] : findings_)
            for (const auto& f : list) visit(f);
    }
    // The current findings of one sheet row of a checked sheet, or null.
    const std::vector<Finding>* findingsAt(std::size_t sheet, int sheetRow) const {
        const auto it = findings_.find({sheet, sheetRow});
        return it == findings_.end() ? nullptr : &it->second;
    }
    const Sheets& sheets() const { return sheets_; }
    // The filled rows of each sheet at the last full check (the report's summary).
    const std::vector<SheetSummary>& checked() const { return checked_; }
    // The index of a checked sheet by name, or -1.
    int sheetIndex(const std::string& name) const;

    // Works out every row's dependencies (what a full check with them recorded costs, about
    // as much again as the check); apply() does it first when it has not been done.
    void prepareDependencies();
    // The same on a thread of its own, so the office is not held up: apply(), replaceSheet()
    // and prepareDependencies() wait for it; stopPreparing() and the destructor abandon it.
    void prepareDependenciesAside();
    void stopPreparing();
    // Whether prepareDependenciesAside's thread is still at work (an edit would wait for it).
    bool preparingAside() const;
    bool dependenciesReady() const { return dependenciesReady_; }

    // Rows whose cells changed (rows beyond the data are added to it; the header row is not
    // an edit: replaceSheet it). Rechecks them and their dependents.
    FindingsDelta apply(const std::vector<RowEdit>& edits);
    // A sheet whose rows moved (rows inserted or deleted) or whose header changed, read again:
    // rechecks everything.
    FindingsDelta replaceSheet(std::size_t sheet, SheetData data);

  private:
    struct RowId {
        std::size_t sheet;
        int row;  // sheet row
        bool operator<(const RowId& o) const {
            return sheet != o.sheet ? sheet < o.sheet : row < o.row;
        }
        bool operator==(const RowId& o) const { return sheet == o.sheet && row == o.row; }
    };
    struct RowIdHash {
        std::size_t operator()(const RowId& id) const {
            return std::hash<std::size_t>()(id.sheet * 0x9E3779B97F4A7C15ull ^
                                            static_cast<std::size_t>(id.row));
        }
    };
    // A group's rows in no order (a group is looked up whole); a row is in a list once.
    struct Group {
        std::vector<RowId> members, readers;
    };
    // The validator names groups with strings; they are kept as numbers (groupIds_), since
    // a full check of 100,000 + 100,000 rows tells about 400,000 of them.
    struct Dependency {
        int group;
        RowDependencies::Role role;
        bool operator==(const Dependency& o) const { return group == o.group && role == o.role; }
    };
    using DependencyMap = std::unordered_map<RowId, std::vector<Dependency>, RowIdHash>;
    class Recorder;

    void checkAll(bool recordDependencies);
    void recordDependencies();  // what prepareDependencies does, on whichever thread
    void waitForPreparation();
    ValidationResult checkRows(const std::set<RowId>& rows, Recorder* recorder) const;
    void forgetDependencies(const RowId& row);
    void remember(const RowId& row, std::vector<Dependency> dependencies);
    int groupId(std::string&& name);
    FindingsDelta replaceFindings(const std::set<RowId>& rows, std::vector<Finding> fresh);
    int dataRowOf(std::size_t sheet, int sheetRow) const;

    Sheets sheets_;
    ValidationOptions options_;
    std::map<RowId, std::vector<Finding>> findings_;  // by row (the header row's too)
    std::size_t count_ = 0;
    std::vector<SheetSummary> checked_;
    DependencyMap dependencies_;
    std::unordered_map<std::string, int> groupIds_;
    std::vector<Group> groups_;  // by group id
    std::atomic<bool> dependenciesReady_{false};
    std::mutex preparingMutex_;             // a remote call and the office's thread may both wait
    std::thread preparing_;                 // prepareDependenciesAside's thread, until joined
    std::atomic<bool> abandon_{false};      // tells preparing_ to give up
    std::atomic<bool> asideAtWork_{false};  // preparing_ has not finished yet
};

}  // namespace dealsheet
