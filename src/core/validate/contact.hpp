// Phone numbers and e-mail addresses as sales staff type them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/workbook/cell.hpp"

namespace dealsheet {

// 7-15 digits, optionally with + - ( ) and spaces: 138-0013-8000, +86 (21) 6888 1234.
bool isPhoneNumber(std::string_view text);
// local@domain.tld without spaces.
bool isEmailAddress(std::string_view text);
// One or more phone numbers or e-mail addresses as people type them (SPEC §6): separated by
// / ; , 、 spaces or line breaks; full-width digits, punctuation and ＠; an extension (转801,
// 分机801, ext. 801, x801); a note in brackets (（微信同号）); a label (手机：).
bool isContact(std::string_view text);

// The pieces of a 联系方式 cell that may hold a phone number, as isContact reads them: split at
// / ; , 、 and line breaks, full-width forms folded, without a label (手机：), a note in brackets
// without digits (（微信同号）) or an extension (转801, -801 after a dashed number). Pieces
// without a digit are left out; a piece may still hold several numbers separated by spaces.
// The match keys (core/matching) read their phone keys from these.
std::vector<std::string> phonePieces(std::string_view text);

// Why a 联系方式 cell is not a contact, as a detail for the CONTACT message (empty texts for
// the plain message), or nothing when it is one. A number is a phone typed into a General
// cell; a number that reads as a landline without its leading 0 is said to be one.
struct ContactProblem {
    std::string zh, en;
};
std::optional<ContactProblem> contactProblem(const CellValue& value);

}  // namespace dealsheet
