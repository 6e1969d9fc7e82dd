#include <gtest/gtest.h>

#include "core/workbook/dates.hpp"

using namespace dealsheet;

TEST(Dates, DefaultNullDateMatchesCalc) {
    const SerialDates dates;
    // Calc: DATE(2024;5;3) = 45415, DATE(1900;1;1) = 2, DATE(2000;1;1) = 36526.
    EXPECT_EQ(dates.toSerial({2024, 5, 3}), 45415);
    EXPECT_EQ(dates.toSerial({1900, 1, 1}), 2);
    EXPECT_EQ(dates.toSerial({2000, 1, 1}), 36526);
    EXPECT_EQ(dates.toCivil(45415.75), (CivilDate{2024, 5, 3}));  // time of day ignored
}

TEST(Dates, LeapDaysAndYearBoundaries) {
    const SerialDates dates;
    const long leap = *dates.toSerial({2024, 2, 29});
    EXPECT_EQ(dates.toCivil(leap + 1), (CivilDate{2024, 3, 1}));
    EXPECT_EQ(dates.toCivil(*dates.toSerial({2023, 12, 31}) + 1), (CivilDate{2024, 1, 1}));
    EXPECT_FALSE(dates.toSerial({2023, 2, 29}));
    EXPECT_FALSE(dates.toSerial({1900, 2, 29}));  // real calendar, not Lotus' bug
    EXPECT_TRUE(dates.toSerial({2000, 2, 29}));
}

TEST(Dates, NegativeSerialsAndRangeLimits) {
    const SerialDates dates;
    EXPECT_EQ(dates.toCivil(-1), (CivilDate{1899, 12, 29}));
    EXPECT_EQ(dates.toCivil(0), (CivilDate{1899, 12, 30}));
    EXPECT_TRUE(dates.toCivil(*dates.toSerial({9999, 12, 31})));
    EXPECT_FALSE(dates.toCivil(*dates.toSerial({9999, 12, 31}) + 1));
    EXPECT_FALSE(dates.toCivil(1e300));
    EXPECT_FALSE(dates.toCivil(std::numeric_limits<double>::quiet_NaN()));
}

TEST(Dates, NullDate1904) {
    const SerialDates dates(CivilDate{1904, 1, 1});
    EXPECT_EQ(dates.toCivil(0), (CivilDate{1904, 1, 1}));
    EXPECT_EQ(dates.toSerial({2024, 5, 3}), 45415 - 1462);
    EXPECT_THROW(SerialDates(CivilDate{2023, 2, 30}), std::invalid_argument);
    // Found by fuzz_dates: years past 65535 wrapped to a valid one (202544 -> 5936).
    EXPECT_THROW(SerialDates(CivilDate{202544, 6, 12}), std::invalid_argument);
    EXPECT_FALSE(dates.toSerial({67436, 1, 1}));  // not 1900-01-01
}

TEST(Dates, TodayIsPlausible) {
    const SerialDates dates;
    const auto today = dates.toCivil(static_cast<double>(dates.todaySerial()));
    ASSERT_TRUE(today);
    EXPECT_GE(today->year, 2024);
}
