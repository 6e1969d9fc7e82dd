#include "core/validate/incremental.hpp"

#include <algorithm>
#include <tuple>

namespace dealsheet {

// Collects what the validator tells, by row, with the groups' names turned into numbers.
class IncrementalCheck::Recorder final : public RowDependencies {
  public:
    explicit Recorder(IncrementalCheck& check) : check_(check) {}
    void note(const std::string& sheet, int sheetRow, std::string group, Role role) override {
        if (check_.abandon_.load(std::memory_order_relaxed)) throw Abandoned{};
        if (lastSheet_ != &sheet && (lastSheet_ == nullptr || *lastSheet_ != sheet)) {
            lastIndex_ = check_.sheetIndex(sheet);
            lastSheet_ = &sheet;
        }
        if (lastIndex_ < 0) return;
        const RowId row{static_cast<std::size_t>(lastIndex_), sheetRow};
        auto& list = byRow[row];
        const Dependency dependency{check_.groupId(std::move(group)), role};
        if (std::find(list.begin(), list.end(), dependency) == list.end())
            list.push_back(dependency);
    }
    DependencyMap byRow;
    struct Abandoned {};  // unwinds an abandoned preparation out of the validator

  private:
    IncrementalCheck& check_;
    const std::string* lastSheet_ = nullptr;  // the rows of one sheet come together
    int lastIndex_ = -1;
};

namespace {

auto tied(const Finding& f) {
    return std::tie(f.sheet, f.row, f.column, f.rule, f.severity, f.field, f.value, f.messageZh,
                    f.messageEn);
}
bool before(const Finding& a, const Finding& b) { return tied(a) < tied(b); }

// Fills a row to `width` (what a sheet row read from the office has; a row typed further to
// the right widens the sheet).
template <typename T>
void widen(std::vector<T>& row, std::size_t width, T blank) {
    if (row.size() < width) row.resize(width, blank);
}

}  // namespace

IncrementalCheck::IncrementalCheck(Sheets sheets, ValidationOptions options,
                                   bool recordDependencies)
    : sheets_(std::move(sheets)), options_(std::move(options)) {
    // Columns are located once, on the whole sheet, so a cut of it reads them the same way.
    for (auto& [schema, data] : sheets_) {
        if (data.columnOf) continue;
        const RecognisedSheet located = recognise(*schema, data);
        data.columnOf = located.columnOf;
        data.lang = located.lang;
    }
    checkAll(recordDependencies);
}

IncrementalCheck::~IncrementalCheck() { stopPreparing(); }

int IncrementalCheck::sheetIndex(const std::string& name) const {
    for (std::size_t i = 0; i < sheets_.size(); ++i)
        if (sheets_[i].second.name == name) return static_cast<int>(i);
    return -1;
}

std::vector<Finding> IncrementalCheck::findings() const {
    std::vector<Finding> all;
    all.reserve(count_);
    for (const auto& [row, list] : findings_) all.insert(all.end(), list.begin(), list.end());
    return all;
}

void IncrementalCheck::checkAll(bool recordDependencies) {
    dependencies_.clear();
    groupIds_.clear();
    groups_.clear();
    dependenciesReady_ = false;
    std::size_t rows = 0;
    for (const auto& [schema, data] : sheets_) rows += static_cast<std::size_t>(data.rowCount());
    Recorder recorder(*this);
    ValidationOptions options = options_;
    if (recordDependencies) {
        recorder.byRow.reserve(rows);  // no rehashing
        groupIds_.reserve(rows * 2);
        options.dependencies = &recorder;
    }
    ValidationResult result = validateWorkbook(sheets_, options);
    findings_.clear();
    // The findings come sorted by sheet and row: a row's list is the last one made, or a new
    // one at the end (the hint makes it no search of the tree).
    auto list = findings_.end();
    for (auto& f : result.findings) {
        const int sheet = sheetIndex(f.sheet);
        const RowId row{static_cast<std::size_t>(sheet < 0 ? 0 : sheet), f.row};
        if (list == findings_.end() || !(list->first == row))
            list = findings_.try_emplace(findings_.end(), row);
        list->second.push_back(std::move(f));
    }
    count_ = result.findings.size();
    checked_ = std::move(result.checked);
    if (!recordDependencies) return;
    for (auto& [row, list] : recorder.byRow) remember(row, std::move(list));
    dependenciesReady_ = true;
}

void IncrementalCheck::prepareDependencies() {
    waitForPreparation();
    if (!dependenciesReady_) recordDependencies();
}

void IncrementalCheck::prepareDependenciesAside() {
    const std::lock_guard<std::mutex> lock(preparingMutex_);
    if (dependenciesReady_ || preparing_.joinable()) return;
    abandon_ = false;
    asideAtWork_ = true;
    // Until it is joined, only that thread touches the dependencies; the rest of the check
    // (sheets, findings) is only read by both.
    try {
        preparing_ = std::thread([this] {
            try {
                recordDependencies();
            } catch (...) {  // abandoned, or out of memory: the first edit works them out
                dependencies_.clear();
                groupIds_.clear();
                groups_.clear();
            }
            asideAtWork_ = false;
        });
    } catch (...) {
        asideAtWork_ = false;  // no thread to be had: the first edit works them out
    }
}

void IncrementalCheck::stopPreparing() {
    abandon_ = true;
    waitForPreparation();
    abandon_ = false;
}

bool IncrementalCheck::preparingAside() const { return asideAtWork_; }

void IncrementalCheck::waitForPreparation() {
    const std::lock_guard<std::mutex> lock(preparingMutex_);
    if (preparing_.joinable()) preparing_.join();
}

void IncrementalCheck::recordDependencies() {
    std::size_t rows = 0;
    for (const auto& [schema, data] : sheets_) rows += static_cast<std::size_t>(data.rowCount());
    Recorder recorder(*this);
    recorder.byRow.reserve(rows);
    groupIds_.reserve(rows * 2);
    ValidationOptions options = options_;
    options.dependencies = &recorder;
    validateWorkbook(sheets_, options);  // the same findings as the kept ones: only the notes
    for (auto& [row, list] : recorder.byRow) remember(row, std::move(list));
    dependenciesReady_ = true;
}

int IncrementalCheck::groupId(std::string&& name) {
    const auto [it, added] =
        groupIds_.try_emplace(std::move(name), static_cast<int>(groups_.size()));
    if (added) groups_.emplace_back();
    return it->second;
}

int IncrementalCheck::dataRowOf(std::size_t sheet, int sheetRow) const {
    const SheetData& data = sheets_[sheet].second;
    if (data.sheetRows.empty()) return sheetRow >= 1 && sheetRow < data.rowCount() ? sheetRow : -1;
    const auto it = std::lower_bound(data.sheetRows.begin() + 1, data.sheetRows.end(), sheetRow);
    if (it == data.sheetRows.end() || *it != sheetRow) return -1;
    return static_cast<int>(it - data.sheetRows.begin());
}

ValidationResult IncrementalCheck::checkRows(const std::set<RowId>& rows,
                                             Recorder* recorder) const {
    Sheets cut;
    cut.reserve(sheets_.size());
    for (std::size_t s = 0; s < sheets_.size(); ++s) {
        const SheetData& data = sheets_[s].second;
        SheetData part;
        part.name = data.name;
        part.columnOf = data.columnOf;
        part.lang = data.lang;
        const auto take = [&](int dataRow) {
            const int at = part.rowCount();
            part.cells.push_back(data.cells[static_cast<std::size_t>(dataRow)]);
            part.sheetRows.push_back(data.sheetRow(dataRow));
            if (!data.isFormula.empty())
                part.isFormula.push_back(static_cast<std::size_t>(dataRow) < data.isFormula.size()
                                             ? data.isFormula[static_cast<std::size_t>(dataRow)]
                                             : std::vector<bool>{});
            if (!data.isError.empty())
                part.isError.push_back(static_cast<std::size_t>(dataRow) < data.isError.size()
                                           ? data.isError[static_cast<std::size_t>(dataRow)]
                                           : std::vector<bool>{});
            for (auto it = data.mergedCopies.lower_bound({dataRow, -1});
                 it != data.mergedCopies.end() && it->first == dataRow; ++it)
                part.mergedCopies.insert({at, it->second});
        };
        if (data.rowCount() > 0) take(0);
        for (auto it = rows.lower_bound({s, -1}); it != rows.end() && it->sheet == s; ++it) {
            const int dataRow = dataRowOf(s, it->row);
            if (dataRow > 0) take(dataRow);
        }
        cut.emplace_back(sheets_[s].first, std::move(part));
    }
    ValidationOptions options = options_;
    options.dependencies = recorder;
    return validateWorkbook(cut, options);
}

void IncrementalCheck::forgetDependencies(const RowId& row) {
    const auto it = dependencies_.find(row);
    if (it == dependencies_.end()) return;
    for (const auto& d : it->second) {
        Group& group = groups_[static_cast<std::size_t>(d.group)];
        auto& rows = d.role == RowDependencies::Role::Member ? group.members : group.readers;
        const auto at = std::find(rows.begin(), rows.end(), row);
        if (at == rows.end()) continue;
        *at = rows.back();
        rows.pop_back();
    }
    dependencies_.erase(it);
}

void IncrementalCheck::remember(const RowId& row, std::vector<Dependency> dependencies) {
    if (dependencies.empty()) return;
    for (const auto& d : dependencies) {
        Group& group = groups_[static_cast<std::size_t>(d.group)];
        (d.role == RowDependencies::Role::Member ? group.members : group.readers).push_back(row);
    }
    dependencies_[row] = std::move(dependencies);
}

FindingsDelta IncrementalCheck::replaceFindings(const std::set<RowId>& rows,
                                                std::vector<Finding> fresh) {
    FindingsDelta delta;
    delta.rowsChecked = rows.size();
    std::vector<Finding> old;
    for (const auto& row : rows) {
        const auto it = findings_.find(row);
        if (it == findings_.end()) continue;
        for (auto& f : it->second) old.push_back(std::move(f));
        count_ -= it->second.size();
        findings_.erase(it);
    }
    for (const auto& f : fresh) {
        const int sheet = sheetIndex(f.sheet);
        findings_[{static_cast<std::size_t>(sheet < 0 ? 0 : sheet), f.row}].push_back(f);
    }
    count_ += fresh.size();
    std::sort(old.begin(), old.end(), before);
    std::sort(fresh.begin(), fresh.end(), before);
    std::set_difference(old.begin(), old.end(), fresh.begin(), fresh.end(),
                        std::back_inserter(delta.removed), before);
    std::set_difference(fresh.begin(), fresh.end(), old.begin(), old.end(),
                        std::back_inserter(delta.added), before);
    return delta;
}

FindingsDelta IncrementalCheck::apply(const std::vector<RowEdit>& edits) {
    prepareDependencies();  // of the rows as they were checked, before the edits go in
    std::set<RowId> edited;
    for (const auto& edit : edits) {
        if (edit.sheet >= sheets_.size() || edit.sheetRow < 0) continue;
        SheetData& data = sheets_[edit.sheet].second;
        if (data.rowCount() == 0) continue;  // no header: nothing is checked on this sheet
        if (edit.sheetRow <= data.sheetRow(0)) continue;  // the header and rows above it
        int dataRow = dataRowOf(edit.sheet, edit.sheetRow);
        if (dataRow < 0) {
            // A row not in the data yet (below it, or a blank row left out): into its place.
            if (data.sheetRows.empty())
                for (int r = 0; r < data.rowCount(); ++r) data.sheetRows.push_back(r);
            const auto at =
                std::lower_bound(data.sheetRows.begin() + 1, data.sheetRows.end(), edit.sheetRow);
            dataRow = static_cast<int>(at - data.sheetRows.begin());
            data.sheetRows.insert(at, edit.sheetRow);
            data.cells.emplace(data.cells.begin() + dataRow);
            if (!data.isFormula.empty()) data.isFormula.emplace(data.isFormula.begin() + dataRow);
            if (!data.isError.empty()) data.isError.emplace(data.isError.begin() + dataRow);
            std::set<std::pair<int, int>> shifted;
            for (const auto& [row, column] : data.mergedCopies)
                shifted.insert({row >= dataRow ? row + 1 : row, column});
            data.mergedCopies = std::move(shifted);
        }
        const auto at = static_cast<std::size_t>(dataRow);
        data.cells[at] = edit.cells;
        widen(data.cells[at], data.cells[0].size(), CellValue{});
        if (!data.isFormula.empty() || !edit.isFormula.empty()) {
            data.isFormula.resize(data.cells.size());
            data.isFormula[at] = edit.isFormula;
        }
        if (!data.isError.empty() || !edit.isError.empty()) {
            data.isError.resize(data.cells.size());
            data.isError[at] = edit.isError;
        }
        for (auto it = data.mergedCopies.lower_bound({dataRow, -1});
             it != data.mergedCopies.end() && it->first == dataRow;)
            it = data.mergedCopies.erase(it);
        edited.insert({edit.sheet, edit.sheetRow});
    }
    if (edited.empty()) return {};

    // What the edited rows depend on now, from a check of them alone.
    Recorder now(*this);
    checkRows(edited, &now);
    std::set<RowId> recheck = edited;
    const auto addGroupOf = [&](const std::vector<Dependency>& list) {
        for (const auto& d : list) {
            if (d.role != RowDependencies::Role::Member) continue;  // a reader changes no one
            const Group& group = groups_[static_cast<std::size_t>(d.group)];
            recheck.insert(group.members.begin(), group.members.end());
            recheck.insert(group.readers.begin(), group.readers.end());
        }
    };
    for (const auto& row : edited) {
        if (const auto it = dependencies_.find(row); it != dependencies_.end())
            addGroupOf(it->second);
        forgetDependencies(row);
        auto& list = now.byRow[row];
        remember(row, list);
        addGroupOf(list);
    }
    // Every row the rechecked rows' findings depend on.
    std::set<RowId> context = recheck;
    for (const auto& row : recheck) {
        const auto it = dependencies_.find(row);
        if (it == dependencies_.end()) continue;
        for (const auto& d : it->second) {
            const Group& group = groups_[static_cast<std::size_t>(d.group)];
            context.insert(group.members.begin(), group.members.end());
        }
    }
    ValidationResult result = checkRows(context, nullptr);
    std::vector<Finding> fresh;
    for (auto& f : result.findings) {
        const int sheet = sheetIndex(f.sheet);
        if (sheet >= 0 && recheck.count({static_cast<std::size_t>(sheet), f.row}))
            fresh.push_back(std::move(f));
    }
    return replaceFindings(recheck, std::move(fresh));
}

FindingsDelta IncrementalCheck::replaceSheet(std::size_t sheet, SheetData data) {
    FindingsDelta delta;
    if (sheet >= sheets_.size()) return delta;
    waitForPreparation();
    std::vector<Finding> old = findings();
    const RecognisedSheet located = recognise(*sheets_[sheet].first, data);
    data.columnOf = located.columnOf;
    data.lang = located.lang;
    sheets_[sheet].second = std::move(data);
    checkAll(dependenciesReady_);
    std::vector<Finding> fresh = findings();
    std::sort(old.begin(), old.end(), before);
    std::sort(fresh.begin(), fresh.end(), before);
    std::set_difference(old.begin(), old.end(), fresh.begin(), fresh.end(),
                        std::back_inserter(delta.removed), before);
    std::set_difference(fresh.begin(), fresh.end(), old.begin(), old.end(),
                        std::back_inserter(delta.added), before);
    delta.rowsChecked = static_cast<std::size_t>(sheets_[sheet].second.rowCount());
    return delta;
}

}  // namespace dealsheet
