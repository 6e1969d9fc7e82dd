// The Problems panel's list (src/core/sidebar): filters, counts, cells.
#include <gtest/gtest.h>

#include <chrono>

#include "core/sidebar/problem_list.hpp"

using namespace dealsheet;

namespace {

Finding finding(Severity severity, const char* rule, const char* sheet, int row, int column) {
    Finding f;
    f.severity = severity;
    f.rule = rule;
    f.sheet = sheet;
    f.row = row;
    f.column = column;
    f.messageZh = "必填";
    f.messageEn = "Required";
    return f;
}

std::vector<Finding> sample() {
    return {finding(Severity::Error, "REQUIRED", "客户信息登记表", 1, 2),
            finding(Severity::Warning, "DUPLICATE_NAME", "客户信息登记表", 2, 2),
            finding(Severity::Error, "REF", "跟进行动表", 4, 1),
            finding(Severity::Error, "REQUIRED", "跟进行动表", 5, 3)};
}

}  // namespace

TEST(ProblemList, FiltersBySeveritySheetAndRule) {
    const FindingList findings(sample());
    EXPECT_EQ(filterProblems(findings, {}), (std::vector<std::uint32_t>{0, 1, 2, 3}));
    ProblemFilter errors;
    errors.severity = Severity::Error;
    EXPECT_EQ(filterProblems(findings, errors), (std::vector<std::uint32_t>{0, 2, 3}));
    ProblemFilter required;
    required.rule = "REQUIRED";
    required.sheet = "跟进行动表";
    EXPECT_EQ(filterProblems(findings, required), (std::vector<std::uint32_t>{3}));
}

TEST(ProblemList, EachCountIsWhatChoosingItWouldShow) {
    const FindingList findings(sample());
    ProblemFilter filter;
    filter.sheet = "跟进行动表";
    const auto counts = countProblems(findings, filter);
    EXPECT_EQ(counts.all, 2);
    EXPECT_EQ(counts.errors, 2);
    EXPECT_EQ(counts.warnings, 0);
    ASSERT_EQ(counts.sheets.size(), 2u);  // the sheet filter does not narrow its own list
    EXPECT_EQ(counts.sheets[0].value, "客户信息登记表");
    EXPECT_EQ(counts.sheets[0].count, 2);
    ASSERT_EQ(counts.rules.size(), 2u);  // under the sheet filter: REF 1, REQUIRED 1
    EXPECT_EQ(counts.rules[0].value, "REF");
    EXPECT_EQ(counts.rules[1].value, "REQUIRED");
    EXPECT_EQ(problemSummary(countProblems(findings, {}), Lang::Zh), "错误 3 · 警告 1");
    EXPECT_EQ(problemSummary(countProblems(findings, {}), Lang::En), "3 errors · 1 warning");
    EXPECT_EQ(filterLabel("REQUIRED", 1234567), "REQUIRED (1,234,567)");
}

TEST(ProblemList, CellsAsTheGridShowsThem) {
    const auto f = sample()[0];
    EXPECT_EQ(problemCell(f, ProblemColumn::Severity, Lang::Zh), "错误");
    EXPECT_EQ(problemCell(f, ProblemColumn::Severity, Lang::En), "Error");
    EXPECT_EQ(problemCell(f, ProblemColumn::Cell, Lang::Zh), "客户信息登记表.C2");
    EXPECT_EQ(problemCell(f, ProblemColumn::Rule, Lang::Zh), "REQUIRED");
    EXPECT_EQ(problemCell(f, ProblemColumn::Message, Lang::En), "Required");
}

TEST(ProblemList, TwoHundredThousandFindingsFilterFast) {
    std::vector<Finding> findings;
    findings.reserve(200000);
    for (int i = 0; i < 200000; ++i)
        findings.push_back(finding(i % 3 ? Severity::Error : Severity::Warning,
                                   i % 2 ? "REQUIRED" : "REF", i % 5 ? "A" : "B", i, 1));
    const FindingList list(std::move(findings));
    const auto start = std::chrono::steady_clock::now();
    ProblemFilter filter;
    filter.severity = Severity::Warning;
    const auto kept = filterProblems(list, filter);
    const auto counts = countProblems(list, filter);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    EXPECT_EQ(kept.size(), 66667u);
    EXPECT_EQ(counts.all, 200000);
    EXPECT_LT(ms, 300);  // generous for the sanitizer build; ~10 ms in a release build
}
