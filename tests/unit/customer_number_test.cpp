#include <gtest/gtest.h>

#include "core/functions/customer_number.hpp"

using namespace dealsheet;

TEST(CustomerNumber, FormatPadsToThreeDigits) {
    EXPECT_EQ(formatCustomerNumber(2024, 5, 1), "202405-001");
    EXPECT_EQ(formatCustomerNumber(2024, 12, 999), "202412-999");
    EXPECT_EQ(formatCustomerNumber(2024, 1, 1000), "202401-1000");
}

TEST(CustomerNumber, ParsesCanonicalForms) {
    const auto n = parseCustomerNumber("202405-001");
    ASSERT_TRUE(n);
    EXPECT_EQ(n->year, 2024);
    EXPECT_EQ(n->month, 5);
    EXPECT_EQ(n->sequence, 1);
    EXPECT_EQ(parseCustomerNumber("202401-1000")->sequence, 1000);
    EXPECT_EQ(parseCustomerNumber("\u3000202405-042 ")->sequence, 42);  // trimmed
}

TEST(CustomerNumber, RejectsMalformed) {
    for (const char* bad :
         {"", "202405", "202405-01", "202405-000", "202413-001", "202400-001", "189912-001",
          "2024-05-001", "202405_001", "202405-0001", "２０２４０５-００１", "202405-00a",
          "202405-1234567890", "a202405-001", "202405 -001"})
        EXPECT_FALSE(parseCustomerNumber(bad)) << bad;
}

TEST(CustomerNumber, ThousandRoundTrips) {
    for (long seq : {998L, 999L, 1000L, 1001L, 999999999L}) {
        const auto parsed = parseCustomerNumber(formatCustomerNumber(2024, 5, seq));
        ASSERT_TRUE(parsed) << seq;
        EXPECT_EQ(parsed->sequence, seq);
    }
}
