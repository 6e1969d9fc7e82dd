#include "core/sidebar/problem_list.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/workbook/layout.hpp"

namespace dealsheet {

std::vector<std::uint32_t> filterProblems(const FindingList& findings, const ProblemFilter& filter) {
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
    ProblemCounts counts;
    std::unordered_map<std::string, std::size_t> sheetAt;
    std::unordered_map<std::string, std::size_t> ruleAt;
    for (const auto& f : findings) {
        const bool severityOk = !filter.severity || f.severity == *filter.severity;
        const bool sheetOk = filter.sheet.empty() || f.sheet == filter.sheet;
        const bool ruleOk = filter.rule.empty() || f.rule == filter.rule;
        if (sheetOk && ruleOk) {
            ++counts.all;
            ++(f.severity == Severity::Error ? counts.errors : counts.warnings);
        }
        if (severityOk && ruleOk) {
            const auto [it, added] = sheetAt.emplace(f.sheet, counts.sheets.size());
            if (added) counts.sheets.push_back({f.sheet, 0});
            ++counts.sheets[it->second].count;
        }
        if (severityOk && sheetOk) {
            const auto [it, added] = ruleAt.emplace(f.rule, counts.rules.size());
            if (added) counts.rules.push_back({f.rule, 0});
            ++counts.rules[it->second].count;
        }
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
