// The name key of a company (SPEC §12): one company written many ways has one key.
//
// 北京华盛科技有限公司, 华盛科技（北京）有限责任公司, 华盛科技 and 北京华盛技术有限公司 are one
// company: the name is taken apart into its 字号 (华盛), the synonym classes of its industry words
// (科技 ≈ 技术), its legal form (有限公司), its region (北京) and its branch (深圳分行), the word
// lists coming from schema/matching/*.txt. The whole name's edit distance cannot do this:
// 华盛科技/华盛技术 is one company, 华为技术/华为终端 two.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dealsheet {

struct NameKey {
    std::string core;           // 字号, folded: 华盛, huasheng
    std::string industryClass;  // the classes of its industry words, sorted, '+' between: 科技
    std::string legalForm;      // the legal forms taken off, as listed: 有限公司
    std::string region;         // the most specific region, by its short name: 北京
    std::string branch;         // the branch's place (regions by short name) and word: 深圳分行
};

// Folds a name as the keys compare it: full-width forms to ASCII, 【】〔〕［］ to brackets, ASCII
// lower-case, punctuation dropped, spaces kept only between two ASCII words ("co ltd").
std::string foldCompanyName(std::string_view name);

NameKey nameKey(std::string_view name);

// One company: the same non-empty 字号; compatible industry classes (equal, one a subset of the
// other, or one name without industry words); regions agreeing where both are given (equal, or
// one lying in the other: 广东 and 深圳); the same branch, or neither a branch (a branch is not
// its parent, SPEC §12).
bool sameCompany(const NameKey& a, const NameKey& b);

// Two trade names (字号, as code points) one character replaced, added or taken away: a typo,
// not more. A digit against a digit is no typo: 星河1号 and 星河2号 are numbered, different
// places.
bool oneCharacterApart(const std::vector<char32_t>& a, const std::vector<char32_t>& b);
bool isAsciiDigit(char32_t c);

}  // namespace dealsheet
