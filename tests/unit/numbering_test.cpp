#include <gtest/gtest.h>

#include <chrono>

#include "core/numbering.hpp"

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
