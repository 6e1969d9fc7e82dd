// The generated register of the benchmark and of profile_validate: deterministic rows of
// customers and actions with about 1% planted mistakes of each family (a date typed as text, a
// blank required field, a value outside its list, a score outside 1–5, an unknown customer, a
// due date before the creation date, an overdue action, an action due soon). Header rows are
// not included. One generator per workbook: the rows depend on the order of the calls.
// The heavy register (Trouble::Heavy) is the same rows with the trouble a real register has:
// every phone number typed as a number (read as typed since issue 13, so no longer a finding),
// a lead grade typed by hand in every row that differs from the computed one (a GRADE warning
// each: the team graded by feel), and half of the open actions overdue: about 137,000 findings
// at 100,000 + 100,000 rows.
#pragma once

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/functions/customer_number.hpp"
#include "core/functions/grading.hpp"
#include "core/workbook/cell.hpp"
#include "core/workbook/dates.hpp"
#include "core/workbook/schema.hpp"
#include "core/workbook/settings.hpp"

namespace dealsheet::tools {

enum class Trouble { Light, Heavy };

class RegisterGenerator {
  public:
    RegisterGenerator(unsigned seed, long today, Trouble trouble = Trouble::Light)
        : random_(seed), today_(today), heavy_(trouble == Trouble::Heavy) {}

    int pick(int count) { return static_cast<int>(random_() % static_cast<unsigned>(count)); }
    bool chance(int percent) { return pick(100) < percent; }
    // A random value of a schema list, in Chinese.
    const std::string& word(const char* list) {
        const auto& values = productSchema().list(list).values;
        return values[static_cast<std::size_t>(pick(static_cast<int>(values.size())))].text.zh;
    }
    long today() const { return today_; }
    // The customer numbers of the rows customers() made, in row order.
    const std::vector<std::string>& numbers() const { return numbers_; }

    CellGrid customers(int n) {
        CellGrid rows;
        std::map<int, int> perMonth;
        for (int i = 0; i < n; ++i) {
            const long registered = today_ - 1 - pick(720);
            const auto civil = dates_.toCivil(static_cast<double>(registered));
            const int sequence = ++perMonth[civil->year * 100 + civil->month];
            numbers_.push_back(formatCustomerNumber(civil->year, civil->month, sequence));
            const double budget = static_cast<double>(pick(200));
            const double urgency = static_cast<double>(1 + pick(5));
            const double likelihood = static_cast<double>(chance(1) ? 7 : 1 + pick(5));
            rows.push_back(
                {numbers_.back(),
                 chance(1) ? CellValue("2026/13/45") : CellValue(static_cast<double>(registered)),
                 "客户" + std::to_string(i) + "有限公司", word("industries"), "中型",
                 chance(1) ? CellValue() : CellValue("联系人" + std::to_string(i)), "经理",
                 word("decisionRoles"),
                 // One mobile each: a shared mobile is LIKELY_DUPLICATE's (SPEC §12).
                 heavy_ ? CellValue(13800000000.0 + i) : CellValue(mobileOf(i)),
                 word("leadSources"), "需求" + std::to_string(i), budget, urgency, likelihood,
                 heavy_ ? CellValue(wrongGrade(budget, urgency, likelihood)) : CellValue(),
                 chance(1) ? std::string("跟进中") : word("stages"), word("followUp"),
                 "销售" + std::to_string(i % 20), CellValue()});
        }
        return rows;
    }

    // Actions refer to the customers made before (customers() first).
    CellGrid actions(int n) {
        CellGrid rows;
        const int customerCount = static_cast<int>(numbers_.size());
        for (int i = 0; i < n; ++i) {
            const long created = today_ - pick(120);
            const bool done = chance(40);
            // Open actions are mostly due ahead; about 1% each are overdue, due soon, or due
            // before they were created (the planted mistakes, not half the register).
            long due = done ? created + pick(30) : std::max(today_ + 5, created) + pick(60);
            if (!done && chance(1)) due = today_ - 1 - pick(20);
            if (!done && chance(1)) due = today_ + pick(2);
            if (chance(1)) due = created - 1 - pick(30);
            // Heavy: every other open action is overdue (no draw, so the rows stay the same).
            if (heavy_ && !done && i % 2 == 0 && due >= today_)
                due = std::min(today_ - 1, std::max(created, today_ - 1 - i % 30));
            rows.push_back({"XD-" + std::to_string(i),
                            chance(1) ? std::string("209901-999")
                                      : numbers_[static_cast<std::size_t>(pick(customerCount))],
                            CellValue(), "任务" + std::to_string(i),
                            "销售" + std::to_string(i % 20), static_cast<double>(created),
                            static_cast<double>(due), std::string(done ? "已完成" : "进行中"),
                            done ? CellValue(static_cast<double>(created + 1)) : CellValue()});
        }
        return rows;
    }

  private:
    // 138-NNNN-NNNN, a different one for every i below 100,000,000.
    static std::string mobileOf(int i) {
        char text[16];
        std::snprintf(text, sizeof text, "138-%04d-%04d", i / 10000 % 10000, i % 10000);
        return text;
    }

    // A grade letter other than the one the default thresholds give.
    static std::string wrongGrade(double budget, double urgency, double likelihood) {
        static const GradeThresholds thresholds = readSettings(productSchema(), {}).thresholds();
        const char computed = gradeLetter(gradeLead(budget, urgency, likelihood, thresholds));
        return std::string(1, computed == 'A' ? 'B' : computed == 'B' ? 'C' : 'A');
    }

    std::mt19937 random_;
    SerialDates dates_;
    long today_;
    bool heavy_;
    std::vector<std::string> numbers_;
};

}  // namespace dealsheet::tools
