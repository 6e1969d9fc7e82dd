#include "core/validate/findings.hpp"

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
    // Each finding moved once into its place: the cycles of the permutation, followed.
    std::vector<bool> placed(findings.size());
    for (std::size_t start = 0; start < keys.size(); ++start) {
        if (placed[start] || keys[start].index == start) continue;
        Finding carried = std::move(findings[start]);
        std::size_t at = start;
        while (keys[at].index != start) {
            findings[at] = std::move(findings[keys[at].index]);
            placed[at] = true;
            at = keys[at].index;
        }
        findings[at] = std::move(carried);
        placed[at] = true;
    }
    findings.erase(std::unique(findings.begin(), findings.end(),
                               [](const Finding& a, const Finding& b) {
                                   // The field too: every missing column is its own finding.
                                   return a.row == b.row && a.column == b.column &&
                                          a.rule == b.rule && a.sheet == b.sheet &&
                                          a.field == b.field;
                               }),
                   findings.end());
}

}  // namespace dealsheet
