#include <gtest/gtest.h>

#include "core/text.hpp"

using namespace dealsheet;

TEST(Text, BlankIncludesIdeographicAndOtherSpaces) {
    EXPECT_TRUE(isBlank(""));
    EXPECT_TRUE(isBlank("   "));
    EXPECT_TRUE(isBlank("\u3000\u3000"));
    EXPECT_TRUE(isBlank(" \t\u00a0\u3000\u200b"));
    EXPECT_FALSE(isBlank("\u3000a\u3000"));
    EXPECT_FALSE(isBlank("0"));
}

TEST(Text, TrimRemovesSurroundingSpacesOnly) {
    EXPECT_EQ(trimSpaces("\u3000 客户 A \u3000"), "客户 A");
    EXPECT_EQ(trimSpaces("x"), "x");
    EXPECT_EQ(trimSpaces("\u3000"), "");
}

TEST(Text, FoldMakesFullWidthAndCaseEqual) {
    EXPECT_EQ(foldForComparison("ＡＢＣ科技"), foldForComparison(" abc科技\u3000"));
    EXPECT_EQ(foldForComparison("Acme  Ltd"), "acme ltd");
    EXPECT_EQ(foldForComparison("Acme\u3000Ltd"), "acme ltd");
    EXPECT_NE(foldForComparison("Acme Ltd"), foldForComparison("AcmeLtd"));
}

TEST(Text, Utf8RoundTripAndInvalidBytes) {
    std::string out;
    for (char32_t cp : {U'a', U'é', U'中', U'😀'}) appendUtf8(out, cp);
    std::size_t pos = 0;
    EXPECT_EQ(decodeUtf8(out, pos), U'a');
    EXPECT_EQ(decodeUtf8(out, pos), U'é');
    EXPECT_EQ(decodeUtf8(out, pos), U'中');
    EXPECT_EQ(decodeUtf8(out, pos), U'😀');
    EXPECT_EQ(pos, out.size());
    const std::string broken = "\xe4\xb8";  // truncated 中
    pos = 0;
    EXPECT_EQ(decodeUtf8(broken, pos), char32_t{0xFFFD});
    EXPECT_FALSE(isBlank(broken));
}
