// 统一社会信用代码 (GB 32100-2015): 18 characters of the alphabet 0-9 and A-Z without I, O, S, V
// and Z; the 18th a check character over the first 17, weights 3^(i-1) mod 31 for positions
// 1..17, check = 31 - (sum mod 31), 31 read as 0.
#pragma once

#include <string>
#include <string_view>

namespace dealsheet {

// Upper-case ASCII, full-width forms folded, spaces (also U+3000) removed: how a user's cell
// becomes the code it means. Nothing else is changed.
std::string normaliseCreditCode(std::string_view text);

// The check character of the first 17 characters of `code`, or '\0' when there are fewer or one
// is outside the alphabet. `code` is taken as normalised.
char creditCodeCheckCharacter(std::string_view code);

// A normalised code of 18 characters of the alphabet whose 18th is its check character.
bool validCreditCode(std::string_view code);

}  // namespace dealsheet
