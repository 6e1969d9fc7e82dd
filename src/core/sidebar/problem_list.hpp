// The Problems panel's list (SPEC §11), decided without the office: which findings a filter
// keeps, in the order of the check, and the counts the filters show. The list holds indexes
// into the check's findings, never copies: 200,000 findings filter in a few milliseconds and the
// grid asks the panel for the rows it paints only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/text/localized.hpp"
#include "core/validate/finding_list.hpp"

namespace dealsheet {

// Empty sheet or rule, no severity: everything.
struct ProblemFilter {
    std::optional<Severity> severity;
    std::string sheet;
    std::string rule;
    bool keeps(const Finding& finding) const {
        return (!severity || finding.severity == *severity) &&
               (sheet.empty() || finding.sheet == sheet) && (rule.empty() || finding.rule == rule);
    }
};

struct ProblemCount {
    std::string value;  // a sheet name or a rule code
    long count = 0;
};

// What each filter offers, with counts: severities, sheets (in the order they first appear)
// and rules (most frequent first, then by code). Each dimension is counted under the two other
// filters, so a count is what choosing it would show.
struct ProblemCounts {
    long all = 0;  // under the sheet and rule filters
    long errors = 0;
    long warnings = 0;
    std::vector<ProblemCount> sheets;
    std::vector<ProblemCount> rules;
};

std::vector<std::uint32_t> filterProblems(const FindingList& findings, const ProblemFilter& filter);
// From the list's tally (FindingList::tally), not a walk of the findings: cheap on every edit.
ProblemCounts countProblems(const FindingList& findings, const ProblemFilter& filter);

// The grid's columns, in order, and one cell of a finding as text in `lang`.
enum class ProblemColumn { Severity, Cell, Rule, Message };
constexpr int kProblemColumns = 4;
std::string problemCell(const Finding& finding, ProblemColumn column, Lang lang);

// "错误 1,234 · 警告 56" / "1,234 errors · 56 warnings", and the filter entries' labels:
// "全部 (1,290)", "客户信息登记表 (830)", "REQUIRED (412)".
std::string groupedCount(long count);
std::string problemSummary(const ProblemCounts& counts, Lang lang);
std::string filterLabel(std::string_view value, long count);

}  // namespace dealsheet
