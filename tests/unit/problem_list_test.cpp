// The Problems panel's list (src/core/sidebar): filters, counts, cells.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>

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

namespace {

// The counts as the panel first made them: a walk of every finding.
ProblemCounts countedOneByOne(const std::vector<Finding>& findings, const ProblemFilter& filter) {
    ProblemCounts counts;
    for (const auto& f : findings) {
        const bool severityOk = !filter.severity || f.severity == *filter.severity;
        const bool sheetOk = filter.sheet.empty() || f.sheet == filter.sheet;
        const bool ruleOk = filter.rule.empty() || f.rule == filter.rule;
        if (sheetOk && ruleOk) {
            ++counts.all;
            ++(f.severity == Severity::Error ? counts.errors : counts.warnings);
        }
        const auto bump = [](std::vector<ProblemCount>& list, const std::string& value) {
            for (auto& c : list)
                if (c.value == value) return void(++c.count);
            list.push_back({value, 1});
        };
        if (severityOk && ruleOk) bump(counts.sheets, f.sheet);
        if (severityOk && sheetOk) bump(counts.rules, f.rule);
    }
    std::sort(counts.rules.begin(), counts.rules.end(), [](const auto& a, const auto& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    return counts;
}

std::string describedCounts(const ProblemCounts& c) {
    std::string out = std::to_string(c.all) + "/" + std::to_string(c.errors) + "/" +
                      std::to_string(c.warnings) + " sheets";
    for (const auto& s : c.sheets) out += " " + s.value + "=" + std::to_string(s.count);
    out += " rules";
    for (const auto& r : c.rules) out += " " + r.value + "=" + std::to_string(r.count);
    return out;
}

}  // namespace

// The counts come from the list's tally, kept up to date through every patch: the same as
// counting every finding, under every filter, after every edit of a random sequence.
TEST(ProblemList, CountsFollowEveryPatchAsAWalkOfAllFindingsWould) {
    const std::vector<std::string> sheets{"客户信息登记表", "跟进行动表", "洽谈记录表"};
    const char* const rules[] = {"REQUIRED", "REF", "DUPLICATE"};
    std::vector<Finding> plain;
    for (int row = 1; row <= 1500; ++row)
        plain.push_back(finding(row % 3 ? Severity::Error : Severity::Warning, rules[row % 3],
                                sheets[static_cast<std::size_t>(row / 600)].c_str(), row, row % 4));
    FindingList list(plain);
    countProblems(list, {});  // counted now: from here on the patches keep the counts
    unsigned seed = 5;
    const auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 8) % 1000; };
    for (int step = 0; step < 60; ++step) {
        std::vector<Finding> removed, added;
        for (int i = 0; i < 5 && !plain.empty(); ++i) {
            const auto at = plain.begin() + static_cast<std::ptrdiff_t>(next() % plain.size());
            removed.push_back(*at);
            plain.erase(at);
        }
        for (int i = 0; i < 4; ++i) {
            Finding f = finding(next() % 2 ? Severity::Error : Severity::Warning, rules[next() % 3],
                                sheets[next() % 3].c_str(), 2000 + step * 10 + i, 1);
            added.push_back(f);
        }
        list = list.patched(removed, added, sheets);
        plain = list.toVector();
        for (const auto& filter : {ProblemFilter{}, ProblemFilter{Severity::Error, "", ""},
                                   ProblemFilter{std::nullopt, "跟进行动表", ""},
                                   ProblemFilter{Severity::Warning, "", "REF"}})
            ASSERT_EQ(describedCounts(countProblems(list, filter)),
                      describedCounts(countedOneByOne(plain, filter)))
                << "step " << step;
    }
}
