// Phone numbers and e-mail addresses as sales staff type them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/workbook/cell.hpp"

namespace dealsheet {

// What a string of digits is as a phone number (SPEC §13).
enum class PhoneNumberKind {
    None,            // no number of any plan
    Mobile,          // 11 digits 1[3-9]
    MistypedMobile,  // 10 digits starting with 1: a mobile one digit short
    Landline,        // 0 + area code + local number
    Local,           // 7-8 digits without an area code
    Service,         // 400 / 800
    Foreign,         // + and a country code other than 86
};

// One row of the phone number table: national digits (after +86 / 0086) starting with one of
// `prefixes` and `minDigits`..`maxDigits` long are of `kind`. The rows are read in order.
struct PhoneNumberRule {
    PhoneNumberKind kind;
    std::vector<std::string_view> prefixes;
    std::size_t minDigits, maxDigits;
    // Where the area code ends: the local number after it starts with 2-9 (0 when no area code).
    std::size_t areaDigits;
    std::string_view source;  // where the rule comes from
};
const std::vector<PhoneNumberRule>& phoneNumberRules();

// The kind of national digits (no +86, landlines with their leading 0) by the table.
PhoneNumberKind phoneNumberKindOfDigits(std::string_view digits);
// The kind of one number as typed: digits with + - ( ) . and spaces; +86 / 0086 / (0) taken
// off; + or 00 with another country code is a foreign number of at most 15 digits (E.164).
PhoneNumberKind phoneNumberKind(std::string_view text);
// A valid phone number as typed: a mobile, landline, local, 400/800 or foreign number.
bool isPhoneNumber(std::string_view text);
// A WeChat id (a letter, then 5-19 letters, digits, _ or -) or a mobile number (WeChat's
// own rule for 微信号).
bool isWeChatHandle(std::string_view text);
// A QQ number: 5-11 digits, not starting with 0.
bool isQqHandle(std::string_view text);
// local@domain.tld without spaces.
bool isEmailAddress(std::string_view text);
// One or more phone numbers or e-mail addresses as people type them (SPEC §6): separated by
// / ; , 、 spaces or line breaks; full-width digits, punctuation and ＠; an extension (转801,
// 分机801, ext. 801, x801); a note in brackets (（微信同号）); a label (手机：); a name or any
// word without digits beside a number (13800138000 张经理); a WeChat or QQ handle after its
// label (微信：zhangwei123, QQ: 12345678). At least one phone, address or handle, and every
// group of digits a phone number.
bool isContact(std::string_view text);

// The pieces of a 联系方式 cell that may hold a phone number, as isContact reads them: split at
// / ; , 、 and line breaks, full-width forms folded, without a label (手机：), a note in brackets
// without digits (（微信同号）) or an extension (转801, -801 after a dashed number). Pieces
// without a digit are left out; a piece may still hold several numbers separated by spaces.
// The match keys (core/matching) read their phone keys from these.
std::vector<std::string> phonePieces(std::string_view text);

// Why a 联系方式 cell is not a contact, as a detail for the CONTACT message (empty texts for
// the plain message), or nothing when it is one. A number is a phone typed into a General
// cell; a number that reads as a landline without its leading 0 is said to be one, and so is a
// 10-digit number starting with 1 (a mobile one digit short), typed or text.
struct ContactProblem {
    std::string zh, en;
};
std::optional<ContactProblem> contactProblem(const CellValue& value);

}  // namespace dealsheet
