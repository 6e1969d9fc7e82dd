// Phone numbers as they are (SPEC §13): validate/contact's table, number by number, and the
// contact cells people type around them.
#include <gtest/gtest.h>

#include <string>

#include "core/validate/contact.hpp"

using namespace dealsheet;

namespace {

const char* kindName(PhoneNumberKind kind) {
    switch (kind) {
        case PhoneNumberKind::None:
            return "none";
        case PhoneNumberKind::Mobile:
            return "mobile";
        case PhoneNumberKind::MistypedMobile:
            return "mistyped mobile";
        case PhoneNumberKind::Landline:
            return "landline";
        case PhoneNumberKind::Local:
            return "local";
        case PhoneNumberKind::Service:
            return "400/800";
        case PhoneNumberKind::Foreign:
            return "foreign";
    }
    return "?";
}

std::string kindOf(const char* number) { return kindName(phoneNumberKind(number)); }

}  // namespace

TEST(PhoneNumbers, MobilesHave11DigitsStarting13To19) {
    for (const char* number :
         {"13012345678", "13800138000", "14512345678", "15012345678", "16612345678", "17012345678",
          "18912345678", "19912345678", "138-0013-8000", "138 0013 8000", "+86 138 0013 8000",
          "+86-13800138000", "0086 13800138000", "8613800138000", "(+86)13800138000",
          "138.0013.8000"})
        EXPECT_EQ(kindOf(number), "mobile") << number;
    for (const char* number : {"12012345678", "11012345678", "10012345678", "138001380001",
                               "2380013800012", "13800138O00"})
        EXPECT_NE(kindOf(number), "mobile") << number;
}

TEST(PhoneNumbers, TenDigitsStartingWith1AreAMobileOneDigitShort) {
    for (const char* number : {"1388888888", "138-8888-888", "1990000000", "1012345678"})
        EXPECT_EQ(kindOf(number), "mistyped mobile") << number;
    EXPECT_FALSE(isPhoneNumber("1388888888"));
}

TEST(PhoneNumbers, LandlinesHaveAnAreaCode) {
    for (const char* number :
         {"010-65528888", "01065528888", "021-68881234", "(021) 6888 1234", "029-88886666",
          "0512-62001234", "051262001234", "0757-8123456", "(0755) 86001234", "0991-2345678",
          "+86 21 6888 1234", "+86 (0)21 6888 1234", "0086 10 6552 8888", "021-6888-1234"})
        EXPECT_EQ(kindOf(number), "landline") << number;
    // A local number starts with 2-9; 010 and 02X take 8 digits, 3-digit area codes 7-8.
    for (const char* number : {"010-1552888", "021-0888123", "010-6552888", "0512-620012345",
                               "0512-123456", "0012-62001234"})
        EXPECT_NE(kindOf(number), "landline") << number;
}

TEST(PhoneNumbers, LocalNumbersHave7Or8DigitsStarting2To9) {
    for (const char* number : {"62001234", "6888 1234", "8123456", "2345678", "9876-5432"})
        EXPECT_EQ(kindOf(number), "local") << number;
    for (const char* number : {"1234567", "12345678", "0123456", "123456", "623456789"})
        EXPECT_NE(kindOf(number), "local") << number;
}

TEST(PhoneNumbers, ServiceNumbers400And800) {
    for (const char* number : {"400-800-1234", "4008001234", "800-810-8888", "400 820 8820"})
        EXPECT_EQ(kindOf(number), "400/800") << number;
    for (const char* number : {"400-800-123", "500-800-1234"})
        EXPECT_NE(kindOf(number), "400/800") << number;
}

TEST(PhoneNumbers, ForeignNumbersNeedAPlusOr00) {
    for (const char* number : {"+1 415 555 0100", "+44 20 7946 0958", "+852 2123 4567",
                               "001 415 555 0100", "+49 30 123456"})
        EXPECT_EQ(kindOf(number), "foreign") << number;
    for (const char* number : {"+1 415", "+1234567890123456", "14155550100"})
        EXPECT_NE(kindOf(number), "foreign") << number;
}

TEST(PhoneNumbers, TheTableNamesItsSources) {
    ASSERT_FALSE(phoneNumberRules().empty());
    for (const auto& rule : phoneNumberRules()) {
        EXPECT_FALSE(rule.source.empty());
        EXPECT_FALSE(rule.prefixes.empty());
        EXPECT_LE(rule.minDigits, rule.maxDigits);
    }
}

TEST(PhoneNumbers, NotNumbersAtAll) {
    for (const char* number : {"", "面谈", "138-0013-800O", "1.5", "12.5", "+", "--"})
        EXPECT_EQ(kindOf(number), "none") << number;
}

TEST(ContactCells, ANameOrALabelBesideTheNumber) {
    for (const char* text :
         {"13800138000 张经理", "张经理 13800138000", "张经理：13800138000", "手机：13800138000",
          "手机: 138 0013 8000", "电话：021-68881234 王总", "13800138000（张经理）",
          "张经理 13800138000 / 李工 13900139000", "Tel: +86 21 6888 1234", "13800138000 面谈",
          "座机 0512-62001234 转801", "王总/13800138000"})
        EXPECT_TRUE(isContact(text)) << text;
}

TEST(ContactCells, WeChatAndQqHandles) {
    for (const char* text :
         {"微信：zhangwei123", "微信: zhang_wei-88", "WeChat: zhangwei123", "wx:zhangwei123",
          "微信 zhangwei123", "QQ: 12345678", "QQ:12345678", "qq 1234567890", "微信：13800138000",
          "13800138000 微信：zhangwei123", "张伟 QQ:12345678", "zhang@abc.com；QQ：10001",
          "WeChat ID: zhangwei123", "微信ID：zhangwei123", "QQ号码：12345678"})
        EXPECT_TRUE(isContact(text)) << text;
    // WeChat ids start with a letter and have 6-20 characters; QQ numbers 5-11 digits, no
    // leading 0.
    for (const char* text : {"微信：123abc", "微信：zw1", "QQ: 0123456", "QQ: 1234", "QQ: abc123",
                             "QQ:", "zhangwei123"})
        EXPECT_FALSE(isContact(text)) << text;
    EXPECT_TRUE(isWeChatHandle("zhangwei123"));
    EXPECT_TRUE(isWeChatHandle("13800138000"));
    EXPECT_FALSE(isWeChatHandle("zhang wei"));
    EXPECT_TRUE(isQqHandle("10001"));
    EXPECT_FALSE(isQqHandle("1000"));
}

TEST(ContactCells, EveryGroupOfDigitsMustBeANumber) {
    for (const char* text : {"13800138000 1388888888", "张经理 138001380", "13800138000/12345",
                             "zhang@abc 13800138000", "面谈", "张经理", "（微信同号）"})
        EXPECT_FALSE(isContact(text)) << text;
}

TEST(ContactCells, AMobileOneDigitShortIsSaid) {
    for (const CellValue& value :
         {CellValue(1388888888.0), CellValue(std::string("1388888888")),
          CellValue(std::string("张经理 1388888888")), CellValue(std::string("138-8888-888"))}) {
        const auto problem = contactProblem(value);
        ASSERT_TRUE(problem);
        EXPECT_NE(problem->zh.find("少打了一位的手机号"), std::string::npos) << problem->zh;
        EXPECT_NE(problem->en.find("one digit short"), std::string::npos);
    }
    // Beijing's 010 without its 0 is a landline that lost it, not a short mobile.
    const auto beijing = contactProblem(CellValue(1065528888.0));
    ASSERT_TRUE(beijing);
    EXPECT_NE(beijing->zh.find("01065528888"), std::string::npos);
    // 400 numbers typed as numbers are phones, not landlines without their 0.
    EXPECT_FALSE(contactProblem(CellValue(4008001234.0)));
    EXPECT_FALSE(contactProblem(CellValue(19912345678.0)));
    EXPECT_FALSE(contactProblem(CellValue(std::string("QQ: 12345678"))));
}
