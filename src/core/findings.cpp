#include "findings.hpp"

#include <algorithm>
#include <map>

namespace dealsheet {

Text severityName(Severity severity) {
    return severity == Severity::Error ? Text{"错误", "Error"} : Text{"警告", "Warning"};
}

void sortAndDeduplicate(std::vector<Finding>& findings,
                        const std::vector<std::string>& sheetOrder) {
    std::map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < sheetOrder.size(); ++i) order.emplace(sheetOrder[i], i);
    // Each finding's sort key is computed once (the sheet's position is a name look-up, asked
    // again only when the sheet changes) and the keys are sorted, not the findings: a finding
    // is five strings, moved once into its place below.
    struct Key {
        std::size_t sheet;
        int row;
        int column;
        std::size_t index;  // the position before sorting: ties keep it (a stable sort)
    };
    std::vector<Key> keys;
    keys.reserve(findings.size());
    const std::string* lastSheet = nullptr;
    std::size_t lastPosition = 0;
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const Finding& f = findings[i];
        if (!lastSheet || *lastSheet != f.sheet) {
            const auto it = order.find(f.sheet);
            lastSheet = &f.sheet;
            lastPosition = it == order.end() ? order.size() : it->second;
        }
        keys.push_back({lastPosition, f.row, f.column, i});
    }
    std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
        if (a.sheet != b.sheet) return a.sheet < b.sheet;
        if (a.row != b.row) return a.row < b.row;
        if (a.column != b.column) return a.column < b.column;
        const int rule = findings[a.index].rule.compare(findings[b.index].rule);
        return rule != 0 ? rule < 0 : a.index < b.index;
    });
    std::vector<Finding> sorted;
    sorted.reserve(findings.size());
    for (const Key& key : keys) {
        Finding& f = findings[key.index];
        // A repeat of the finding kept last is dropped. The field too: every missing column is
        // its own finding.
        if (!sorted.empty()) {
            const Finding& kept = sorted.back();
            if (kept.row == f.row && kept.column == f.column && kept.rule == f.rule &&
                kept.sheet == f.sheet && kept.field == f.field)
                continue;
        }
        sorted.push_back(std::move(f));
    }
    findings = std::move(sorted);
}

}  // namespace dealsheet
