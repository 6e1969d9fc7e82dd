// The match keys of SPEC §12 (src/core/matching): name keys, phone keys, credit codes.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "core/matching/credit_code.hpp"
#include "core/matching/name_key.hpp"
#include "core/matching/phone_key.hpp"

using namespace dealsheet;

namespace {

struct NamePair {
    std::string a;
    std::string b;
    bool same;
};

// Real-looking names as sales staff type them, each pair marked one company or two: one list
// in tests/data/company_names.tsv, which the team server's keys are also checked against
// (tests/team_match_keys.sh).
std::vector<NamePair> namePairs() {
    std::vector<NamePair> pairs;
    std::ifstream in(DEALSHEET_SOURCE_DIR "/tests/data/company_names.tsv");
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line.front() == '#') continue;
        const auto first = line.find('\t');
        const auto second = line.find('\t', first + 1);
        if (first == std::string::npos || second == std::string::npos) {
            ADD_FAILURE() << "not name<TAB>name<TAB>same|different: " << line;
            continue;
        }
        const std::string verdict = line.substr(second + 1);
        EXPECT_TRUE(verdict == "same" || verdict == "different") << line;
        pairs.push_back(
            {line.substr(0, first), line.substr(first + 1, second - first - 1), verdict == "same"});
    }
    return pairs;
}

}  // namespace

TEST(MatchKeys, NamePairsSameOrDifferent) {
    int pairs = 0;
    for (const NamePair& pair : namePairs()) {
        const NameKey a = nameKey(pair.a);
        const NameKey b = nameKey(pair.b);
        EXPECT_EQ(sameCompany(a, b), pair.same)
            << pair.a << " [" << a.core << "|" << a.industryClass << "|" << a.legalForm << "|"
            << a.region << "|" << a.branch << "] vs " << pair.b << " [" << b.core << "|"
            << b.industryClass << "|" << b.legalForm << "|" << b.region << "|" << b.branch << "]";
        EXPECT_EQ(sameCompany(b, a), pair.same) << pair.b << " vs " << pair.a;
        ++pairs;
    }
    EXPECT_GE(pairs, 80);
}

TEST(MatchKeys, NameTakenApart) {
    const NameKey k = nameKey("华盛科技（北京）有限责任公司");
    EXPECT_EQ(k.core, "华盛");
    EXPECT_EQ(k.industryClass, "科技");
    EXPECT_EQ(k.legalForm, "有限责任公司");
    EXPECT_EQ(k.region, "北京");
    EXPECT_EQ(k.branch, "");

    const NameKey bank = nameKey("招商银行股份有限公司深圳分行");
    EXPECT_EQ(bank.core, "招商");
    EXPECT_EQ(bank.industryClass, "银行");
    EXPECT_EQ(bank.legalForm, "股份有限公司");
    EXPECT_EQ(bank.region, "");
    EXPECT_EQ(bank.branch, "深圳分行");

    const NameKey nested = nameKey("广东省深圳市腾达电子科技集团有限公司");
    EXPECT_EQ(nested.core, "腾达");
    EXPECT_EQ(nested.industryClass, "电子+科技");
    EXPECT_EQ(nested.legalForm, "集团有限公司");
    EXPECT_EQ(nested.region, "深圳");  // the most specific

    const NameKey english = nameKey("Huasheng Technology Group Co., Ltd.");
    EXPECT_EQ(english.core, "huasheng");
    EXPECT_EQ(english.industryClass, "科技");
    EXPECT_EQ(english.legalForm, "groupcoltd");
}

TEST(MatchKeys, RegionAloneIsATradeName) {
    // 北京银行's 字号 is 北京; a name that is only a region and an industry keeps the region.
    EXPECT_EQ(nameKey("北京银行").core, "北京");
    EXPECT_EQ(nameKey("北京银行").region, "");
    EXPECT_EQ(nameKey("中国银行").core, "中国");
    EXPECT_EQ(nameKey("中国建设银行").core, "建设");
    EXPECT_EQ(nameKey("中国建设银行").region, "中国");
    // Nothing left but a legal form: no 字号, so never the same company as anything.
    EXPECT_FALSE(sameCompany(nameKey("有限公司"), nameKey("有限公司")));
    EXPECT_FALSE(sameCompany(nameKey(""), nameKey("  ")));
}

TEST(MatchKeys, FoldCompanyName) {
    EXPECT_EQ(foldCompanyName("ＡＢＣ　科技（北京）"), "abc科技(北京)");
    EXPECT_EQ(foldCompanyName("Co., Ltd."), "co ltd");
    EXPECT_EQ(foldCompanyName("CO.,LTD"), "co ltd");
    EXPECT_EQ(foldCompanyName("【华盛】·科技、"), "(华盛)科技");
}

// ---- Phone keys --------------------------------------------------------------------------

namespace {

std::vector<std::string> keysOf(std::string_view cell) {
    std::vector<std::string> out;
    for (const PhoneKey& key : phoneKeys(cell))
        out.push_back((key.kind == PhoneKind::Mobile ? "m:" : "l:") + key.digits);
    return out;
}

using Keys = std::vector<std::string>;

}  // namespace

TEST(MatchKeys, PhoneMobilePrefixesAndSeparators) {
    EXPECT_EQ(keysOf("13800138000"), Keys{"m:13800138000"});
    EXPECT_EQ(keysOf("138-0013-8000"), Keys{"m:13800138000"});
    EXPECT_EQ(keysOf("138 0013 8000"), Keys{"m:13800138000"});
    EXPECT_EQ(keysOf("+86 138 0013 8000"), Keys{"m:13800138000"});
    EXPECT_EQ(keysOf("+86-13800138000"), Keys{"m:13800138000"});
    EXPECT_EQ(keysOf("+86-138-0013-8000"), Keys{"m:13800138000"});
    EXPECT_EQ(keysOf("0086 13800138000"), Keys{"m:13800138000"});
    EXPECT_EQ(keysOf("8613800138000"), Keys{"m:13800138000"});
    EXPECT_EQ(keysOf("（+86）13800138000"), Keys{"m:13800138000"});
    EXPECT_EQ(keysOf("１３８００１３８０００"), Keys{"m:13800138000"});
    EXPECT_EQ(keysOf("手机：13800138000"), Keys{"m:13800138000"});
    EXPECT_EQ(keysOf("张经理 13800138000（微信同号）"), Keys{"m:13800138000"});
    EXPECT_EQ(keysOf("19912345678"), Keys{"m:19912345678"});
}

TEST(MatchKeys, PhoneLandlines) {
    EXPECT_EQ(keysOf("021-68881234"), Keys{"l:02168881234"});
    EXPECT_EQ(keysOf("(021) 6888 1234"), Keys{"l:02168881234"});
    EXPECT_EQ(keysOf("+86 21 6888 1234"), Keys{"l:02168881234"});
    EXPECT_EQ(keysOf("+86 (0)21 6888 1234"), Keys{"l:02168881234"});
    EXPECT_EQ(keysOf("010-6552 8888"), Keys{"l:01065528888"});
    EXPECT_EQ(keysOf("021-6888-1234"), Keys{"l:02168881234"});
    EXPECT_EQ(keysOf("010-65528888-8001"), Keys{"l:01065528888"});
    EXPECT_EQ(keysOf("+86-21-6888-1234"), Keys{"l:02168881234"});
    EXPECT_EQ(keysOf("0512-62001234转801"), Keys{"l:051262001234"});
    EXPECT_EQ(keysOf("0512-62001234-801"), Keys{"l:051262001234"});
    EXPECT_EQ(keysOf("0512-62001234 ext. 801"), Keys{"l:051262001234"});
    EXPECT_EQ(keysOf("0757-8123456"), Keys{"l:07578123456"});
    EXPECT_EQ(keysOf("400-800-1234"), Keys{"l:4008001234"});
}

TEST(MatchKeys, PhoneSeveralPerCell) {
    EXPECT_EQ(keysOf("13800138000/13900139000"), (Keys{"m:13800138000", "m:13900139000"}));
    EXPECT_EQ(keysOf("13800138000、021-68881234"), (Keys{"m:13800138000", "l:02168881234"}));
    EXPECT_EQ(keysOf("138 0013 8000 139 0013 9000"), (Keys{"m:13800138000", "m:13900139000"}));
    EXPECT_EQ(keysOf("手机：13800138000；座机：021-6888 1234转801"),
              (Keys{"m:13800138000", "l:02168881234"}));
    EXPECT_EQ(keysOf("13800138000\n0512-62001234"), (Keys{"m:13800138000", "l:051262001234"}));
    EXPECT_EQ(keysOf("0512-62001234 13800138000"), (Keys{"l:051262001234", "m:13800138000"}));
    // The same number twice is one key.
    EXPECT_EQ(keysOf("13800138000, +86 138-0013-8000"), Keys{"m:13800138000"});
}

TEST(MatchKeys, PhoneWithoutKey) {
    EXPECT_TRUE(keysOf("6888 1234").empty());          // no area code
    EXPECT_TRUE(keysOf("1380013800").empty());         // 10 digits
    EXPECT_TRUE(keysOf("138001380001").empty());       // 12 digits
    EXPECT_TRUE(keysOf("12800138000").empty());        // 12x is no mobile
    EXPECT_TRUE(keysOf("+1 415 555 0100").empty());    // foreign
    EXPECT_TRUE(keysOf("zhang@example.com").empty());  // e-mail
    EXPECT_TRUE(keysOf("微信：zhangwei123").empty());
    EXPECT_TRUE(keysOf("QQ: 12345678").empty());
    EXPECT_TRUE(keysOf("").empty());
    PhoneKey key;
    EXPECT_FALSE(phoneKeyOf("138-0013-800O", key));  // a letter
    EXPECT_TRUE(phoneKeyOf("+86 138 0013 8000", key));
    EXPECT_EQ(key.digits, "13800138000");
}

// ---- Credit codes ------------------------------------------------------------------------

namespace {

// GB 32100-2015 computed here from the rule itself, not from the code under test.
char checkByRule(const std::string& first17) {
    const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        int weight = 1;
        for (int k = 0; k < i; ++k) weight = weight * 3 % 31;
        sum += static_cast<int>(alphabet.find(first17[static_cast<std::size_t>(i)])) * weight;
    }
    const int check = 31 - sum % 31;
    return alphabet[static_cast<std::size_t>(check == 31 ? 0 : check)];
}

}  // namespace

TEST(MatchKeys, CreditCodeComputedFromTheRule) {
    for (const char* first17 :
         {"91110108MA01KPXD7", "91440300MA5FPEM23", "12100000400012345", "31110000MD0123456",
          "52310000MJ4971234", "93320583MA1N0X9K2", "Y1110108L12345678", "91500000MA5U7A8B2"}) {
        const std::string code = std::string(first17) + checkByRule(first17);
        EXPECT_EQ(creditCodeCheckCharacter(code), code.back()) << code;
        EXPECT_TRUE(validCreditCode(code)) << code;
    }
    // A prefix whose check character is 0 (31 read as 0): found by trying the 17th character.
    bool zero = false;
    for (char last : std::string("0123456789ABCDEFGHJKLMNPQRTUWXY")) {
        const std::string first17 = std::string("9111010855138508") + last;
        if (checkByRule(first17) != '0') continue;
        EXPECT_TRUE(validCreditCode(first17 + "0")) << first17;
        zero = true;
    }
    EXPECT_TRUE(zero);
}

TEST(MatchKeys, CreditCodePublishedExamples) {
    // The example of GB 32100-2015's explanatory material, and codes of the published format
    // as printed on business licences.
    for (const char* code : {"91350100M000100Y43", "91110108551385082Q", "914403001922038216",
                             "91440300708461136T", "91330100799655058B"})
        EXPECT_TRUE(validCreditCode(code)) << code;
}

TEST(MatchKeys, CreditCodeInvalid) {
    EXPECT_FALSE(validCreditCode("91350100M000100Y44"));   // wrong check
    EXPECT_FALSE(validCreditCode("91350100M000100Y4"));    // 17
    EXPECT_FALSE(validCreditCode("91350100M000100Y433"));  // 19
    EXPECT_FALSE(validCreditCode(""));
    // I, O, S, V and Z are not in the alphabet, wherever they stand (checked with a check
    // character the rule would give if they were read as their neighbours' values).
    for (const char forbidden : {'I', 'O', 'S', 'V', 'Z'}) {
        std::string code = "91350100M000100Y43";
        code[9] = forbidden;
        EXPECT_FALSE(validCreditCode(code)) << code;
        code = "91350100M000100Y43";
        code[17] = forbidden;
        EXPECT_FALSE(validCreditCode(code)) << code;
    }
    EXPECT_EQ(creditCodeCheckCharacter("91350100I000100Y4"), '\0');
    EXPECT_FALSE(validCreditCode("91350100m000100y43"));  // not normalised
    EXPECT_FALSE(validCreditCode("9135 0100M000100Y43"));
}

TEST(MatchKeys, CreditCodeNormalised) {
    EXPECT_EQ(normaliseCreditCode("91350100m000100y43"), "91350100M000100Y43");
    EXPECT_EQ(normaliseCreditCode(" 9135 0100 M000 100Y 43\u3000"), "91350100M000100Y43");
    EXPECT_EQ(normaliseCreditCode("９１３５０１００Ｍ０００１００Ｙ４３"), "91350100M000100Y43");
    EXPECT_TRUE(validCreditCode(normaliseCreditCode("９１３５０１００ｍ０００１００ｙ４３")));
    EXPECT_EQ(normaliseCreditCode("91350100-M000100Y43"), "91350100-M000100Y43");  // kept
}
