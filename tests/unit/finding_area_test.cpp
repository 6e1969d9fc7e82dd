// Where a macro asks for findings (XToolkit3.getFindings).
#include <gtest/gtest.h>

#include "core/validate/finding_area.hpp"

using namespace dealsheet;

namespace {

Finding at(const std::string& sheet, int column, int row) {
    Finding f;
    f.sheet = sheet;
    f.column = column;
    f.row = row;
    return f;
}

const std::vector<std::string> kSheets{"客户信息登记表", "Sheet.2", "It's"};

}  // namespace

TEST(FindingArea, EmptyMeansEverything) {
    const auto area = parseFindingArea("", kSheets);
    ASSERT_TRUE(area);
    EXPECT_TRUE(area->contains(at("客户信息登记表", 3, 99999)));
    EXPECT_TRUE(area->contains(at("Sheet.2", 0, 0)));
}

TEST(FindingArea, ASheetNameEvenWithADot) {
    const auto area = parseFindingArea("Sheet.2", kSheets);
    ASSERT_TRUE(area);
    EXPECT_TRUE(area->contains(at("Sheet.2", 7, 7)));
    EXPECT_FALSE(area->contains(at("客户信息登记表", 7, 7)));
}

TEST(FindingArea, ARangeAndOneCell) {
    const auto range = parseFindingArea("客户信息登记表.A1:Z100", kSheets);
    ASSERT_TRUE(range);
    EXPECT_TRUE(range->contains(at("客户信息登记表", 25, 99)));
    EXPECT_FALSE(range->contains(at("客户信息登记表", 25, 100)));
    EXPECT_FALSE(range->contains(at("客户信息登记表", 26, 0)));
    const auto cell = parseFindingArea("客户信息登记表.$C$12", kSheets);
    ASSERT_TRUE(cell);
    EXPECT_TRUE(cell->contains(at("客户信息登记表", 2, 11)));
    EXPECT_FALSE(cell->contains(at("客户信息登记表", 2, 12)));
    const auto quoted = parseFindingArea("'It''s'.b2", kSheets);
    ASSERT_TRUE(quoted);
    EXPECT_TRUE(quoted->contains(at("It's", 1, 1)));
}

TEST(FindingArea, UnknownSheetsAndBadAddressesAreRefused) {
    EXPECT_FALSE(parseFindingArea("Nope", kSheets));
    EXPECT_FALSE(parseFindingArea("Nope.A1", kSheets));
    EXPECT_FALSE(parseFindingArea("客户信息登记表.A", kSheets));
    EXPECT_FALSE(parseFindingArea("客户信息登记表.A0", kSheets));
    EXPECT_FALSE(parseFindingArea("客户信息登记表.1A", kSheets));
}
