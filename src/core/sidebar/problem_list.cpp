#include "core/sidebar/problem_list.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/workbook/layout.hpp"

namespace dealsheet {

std::vector<std::uint32_t> filterProblems(const FindingList& findings,
                                          const ProblemFilter& filter) {
    std::vector<std::uint32_t> kept;
    kept.reserve(findings.size());
    std::uint32_t index = 0;
    for (const auto& f : findings) {
        if (filter.keeps(f)) kept.push_back(index);
        ++index;
    }
    return kept;
}

ProblemCounts countProblems(const FindingList& findings, const ProblemFilter& filter) {
    // From the list's counts by sheet, severity and rule: a few dozen entries, not a walk of
    // every finding on every edit.
    ProblemCounts counts;
    std::unordered_map<std::string, long> bySheet;
    std::unordered_map<std::string, std::size_t> ruleAt;
    for (const auto& [key, count] : findings.tally()) {
        const bool severityOk = !filter.severity || key.severity == *filter.severity;
        const bool sheetOk = filter.sheet.empty() || key.sheet == filter.sheet;
        const bool ruleOk = filter.rule.empty() || key.rule == filter.rule;
        if (sheetOk && ruleOk) {
            counts.all += count;
            (key.severity == Severity::Error ? counts.errors : counts.warnings) += count;
        }
        if (severityOk && ruleOk) bySheet[key.sheet] += count;
        if (severityOk && sheetOk) {
            const auto [it, added] = ruleAt.emplace(key.rule, counts.rules.size());
            if (added) counts.rules.push_back({key.rule, 0});
            counts.rules[it->second].count += count;
        }
    }
    for (const auto& sheet : findings.sheets()) {  // in the order they first appear
        const auto it = bySheet.find(sheet);
        if (it == bySheet.end() || it->second <= 0) continue;
        counts.sheets.push_back({sheet, it->second});
        it->second = 0;  // a sheet met again further on (a sync's findings at the end)
    }
    std::sort(counts.rules.begin(), counts.rules.end(), [](const auto& a, const auto& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    return counts;
}

std::string problemCell(const Finding& finding, ProblemColumn column, Lang lang) {
    switch (column) {
        case ProblemColumn::Severity:
            return std::string(severityName(finding.severity).in(lang));
        case ProblemColumn::Cell:
            return finding.sheet + "." + cellAddress(finding.column, finding.row);
        case ProblemColumn::Rule:
            return finding.rule;
        case ProblemColumn::Message:
            return finding.message(lang);
    }
    return {};
}

std::string groupedCount(long count) {
    std::string digits = std::to_string(count < 0 ? -count : count);
    for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
    return count < 0 ? "-" + digits : digits;
}

std::string problemSummary(const ProblemCounts& counts, Lang lang) {
    if (lang == Lang::En)
        return groupedCount(counts.errors) + (counts.errors == 1 ? " error" : " errors") + " · " +
               groupedCount(counts.warnings) + (counts.warnings == 1 ? " warning" : " warnings");
    return "错误 " + groupedCount(counts.errors) + " · 警告 " + groupedCount(counts.warnings);
}

std::string filterLabel(std::string_view value, long count) {
    return std::string(value) + " (" + groupedCount(count) + ")";
}

}  // namespace dealsheet
