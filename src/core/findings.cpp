#include "findings.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <tuple>

namespace dealsheet {

Text severityName(Severity severity) {
    return severity == Severity::Error ? Text{"错误", "Error"} : Text{"警告", "Warning"};
}

void sortAndDeduplicate(std::vector<Finding>& findings,
                        const std::vector<std::string>& sheetOrder) {
    std::map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < sheetOrder.size(); ++i) order.emplace(sheetOrder[i], i);
    const auto key = [&](const Finding& f) {
        const auto it = order.find(f.sheet);
        return std::make_tuple(it == order.end() ? order.size() : it->second, f.row, f.column,
                               std::cref(f.rule));
    };
    std::stable_sort(findings.begin(), findings.end(),
                     [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
    findings.erase(std::unique(findings.begin(), findings.end(),
                               [](const Finding& a, const Finding& b) {
                                   // The field too: every missing column is its own finding.
                                   return a.sheet == b.sheet && a.row == b.row &&
                                          a.column == b.column && a.rule == b.rule &&
                                          a.field == b.field;
                               }),
                   findings.end());
}

}  // namespace dealsheet
