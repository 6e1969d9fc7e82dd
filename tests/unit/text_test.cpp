#include <gtest/gtest.h>

#include "core/text/text.hpp"

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

// Found by fuzz_text: an overlong space counted as a space, a surrogate decoded as itself.
TEST(Text, Utf8RejectsOverlongSurrogatesAndOutOfRange) {
    for (const std::string bad : {"\xc0\xa0", "\xe0\x80\xa0", "\xed\xa0\x80", "\xf4\x90\x80\x80"}) {
        std::size_t pos = 0;
        EXPECT_EQ(decodeUtf8(bad, pos), char32_t{0xFFFD}) << bad.size();
        EXPECT_EQ(pos, bad.size());
    }
    EXPECT_FALSE(isBlank("\xc0\xa0"));
    EXPECT_EQ(trimSpaces("x\xc0\xa0"), "x\xc0\xa0");
    std::size_t pos = 0;
    EXPECT_EQ(decodeUtf8("\xf4\x8f\xbf\xbf", pos), char32_t{0x10FFFF});
}

// trimSpaces finds trailing spaces from the back; it must agree with the plain forward scan
// on any bytes, valid UTF-8 or not.
TEST(Text, TrimFromTheBackAgreesWithAForwardScan) {
    const auto forward = [](std::string_view text) {
        std::size_t begin = 0;
        while (begin < text.size()) {
            std::size_t next = begin;
            if (!dealsheet::isSpaceCodePoint(dealsheet::decodeUtf8(text, next))) break;
            begin = next;
        }
        std::size_t end = begin;
        for (std::size_t pos = begin; pos < text.size();)
            if (!dealsheet::isSpaceCodePoint(dealsheet::decodeUtf8(text, pos))) end = pos;
        return text.substr(begin, end - begin);
    };
    const std::string pieces[] = {" ",
                                  "\xE3\x80\x80",
                                  "\xC2\xA0",
                                  "\xE2\x80\x8B",
                                  "a",
                                  "客",
                                  "\x80",
                                  "\xE3\x80",
                                  "\xC0\xA0",
                                  "\xFF",
                                  "\xF0\x9F\x9A\x80",
                                  "\xED\xA0\x80",
                                  "\t",
                                  "\xEF\xBB\xBF"};
    std::uint32_t seed = 12345;
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        const int length = static_cast<int>(seed % 7);
        for (int i = 0; i < length; ++i) {
            seed = seed * 1664525u + 1013904223u;
            text += pieces[(seed >> 8) % std::size(pieces)];
        }
        seed = seed * 1664525u + 1013904223u;
        ASSERT_EQ(dealsheet::trimSpaces(text), forward(text)) << testing::PrintToString(text);
        ASSERT_EQ(dealsheet::isBlank(text), forward(text).empty());
    }
}
