#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>

#include "core/functions/customer_number.hpp"
#include "core/functions/numbering.hpp"

using namespace dealsheet;

namespace {
const SerialDates kDates;
double on(int y, int m, int d) { return static_cast<double>(*kDates.toSerial({y, m, d})); }
NumberingRow blank(std::optional<double> date) { return {true, true, "", date}; }
NumberingRow numbered(const char* number, double date) { return {true, false, number, date}; }
}  // namespace

TEST(Numbering, ContinuesPerMonthInRowOrder) {
    const std::vector<NumberingRow> rows{
        numbered("202405-007", on(2024, 5, 2)), blank(on(2024, 5, 20)), blank(on(2024, 6, 1)),
        numbered("202406-002", on(2024, 6, 3)), blank(on(2024, 5, 21)), blank(std::nullopt),
        {false, true, "", std::nullopt}};  // an empty row is not numbered
    const auto result = assignCustomerNumbers(rows, kDates);
    ASSERT_EQ(result.assigned.size(), 3u);
    EXPECT_EQ(result.assigned[0].row, 1u);
    EXPECT_EQ(result.assigned[0].number, "202405-008");
    EXPECT_EQ(result.assigned[1].number, "202406-003");
    EXPECT_EQ(result.assigned[2].number, "202405-009");
    ASSERT_EQ(result.skipped.size(), 1u);
    EXPECT_EQ(result.skipped[0], 5u);
}

TEST(Numbering, YearBoundaryAndThousand) {
    const std::vector<NumberingRow> rows{numbered("202412-999", on(2024, 12, 1)),
                                         blank(on(2024, 12, 31)), blank(on(2025, 1, 1)),
                                         numbered("junk", on(2025, 1, 2)), blank(on(2025, 1, 2))};
    const auto result = assignCustomerNumbers(rows, kDates);
    ASSERT_EQ(result.assigned.size(), 3u);
    EXPECT_EQ(result.assigned[0].number, "202412-1000");
    EXPECT_EQ(result.assigned[1].number, "202501-001");
    EXPECT_EQ(result.assigned[2].number, "202501-002");
}

// The rule the server's numbering follows too (tests/team_numbering.sh expects the same):
// at least three digits, never cut — after 999 comes 1000, after 9999 10000.
TEST(Numbering, AtLeastThreeDigitsNeverCut) {
    const std::vector<NumberingRow> rows{
        numbered("202611-999", on(2026, 11, 1)),
        blank(on(2026, 11, 2)),
        numbered("202701-9999", on(2027, 1, 1)),
        blank(on(2027, 1, 2)),
        numbered("202702-0070", on(2027, 2, 1)),  // not a number the core reads: does not count
        numbered(" 202702-060\u3000", on(2027, 2, 1)),  // spaces around it: counts
        blank(on(2027, 2, 2))};
    const auto result = assignCustomerNumbers(rows, kDates);
    ASSERT_EQ(result.assigned.size(), 3u);
    EXPECT_EQ(result.assigned[0].number, "202611-1000");
    EXPECT_EQ(result.assigned[1].number, "202701-10000");
    EXPECT_EQ(result.assigned[2].number, "202702-061");
    EXPECT_EQ(formatCustomerNumber(2026, 11, 999), "202611-999");
    EXPECT_EQ(formatCustomerNumber(2026, 11, 10000), "202611-10000");
}

// 1,100 customers of one month at once: 1,100 distinct numbers, 202612-001 … 202612-1100.
TEST(Numbering, ElevenHundredOfOneMonthAreDistinct) {
    std::vector<NumberingRow> rows(1100, blank(on(2026, 12, 5)));
    const auto result = assignCustomerNumbers(rows, kDates);
    ASSERT_EQ(result.assigned.size(), 1100u);
    std::set<std::string> numbers;
    for (const auto& a : result.assigned) numbers.insert(a.number);
    EXPECT_EQ(numbers.size(), 1100u);
    EXPECT_EQ(result.assigned[0].number, "202612-001");
    EXPECT_EQ(result.assigned[998].number, "202612-999");
    EXPECT_EQ(result.assigned[999].number, "202612-1000");
    EXPECT_EQ(result.assigned[1099].number, "202612-1100");
}

TEST(Numbering, HundredThousandRowsIsOnePass) {
    std::vector<NumberingRow> rows;
    for (int i = 0; i < 100000; ++i) rows.push_back(blank(on(2024, 1, 1) + i % 365));
    const auto start = std::chrono::steady_clock::now();
    const auto result = assignCustomerNumbers(rows, kDates);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    EXPECT_EQ(result.assigned.size(), 100000u);
    std::cout << "[numbering] 100000 rows in " << ms << " ms\n";  // a figure, not a gate
}
