#include "core/matching/name_key.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/matching/word_lists.hpp"
#include "core/text/text.hpp"

namespace dealsheet {

namespace {

using Chars = std::u32string;

bool isAsciiWordChar(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9'); }

// Punctuation and symbols a name drops: ASCII punctuation, Latin-1 signs, general punctuation,
// arrows and symbols, CJK punctuation (、。《》「」…), the katakana middle dot, vertical and
// small forms, and what is left of the full-width and half-width forms after folding.
bool isDropped(char32_t c) {
    if (c < 0x80) return !isAsciiWordChar(c) && c != U'(' && c != U')';
    return (c >= 0x00A0 && c <= 0x00BF) || c == 0x00D7 || c == 0x00F7 ||
           (c >= 0x2000 && c <= 0x206F) || (c >= 0x2190 && c <= 0x2BFF) ||
           (c >= 0x3000 && c <= 0x303F && c != 0x3007) || c == 0x30FB ||
           (c >= 0xFE10 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF65) || c == 0xFFFD;
}

char32_t bracketOf(char32_t c) {
    switch (c) {
        case U'[':
        case U'{':
        case 0x3010:  // 【
        case 0x3014:  // 〔
        case 0x3016:  // 〖
            return U'(';
        case U']':
        case U'}':
        case 0x3011:
        case 0x3015:
        case 0x3017:
            return U')';
        default:
            return c;
    }
}

Chars fold(std::string_view text) {
    // foldForComparison's folding (width, case) in the same pass: its trimming and joining of
    // spaces are what a space does here anyway, separate.
    Chars out;
    out.reserve(text.size());  // a code point takes a byte at least
    bool separated = false;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = decodeUtf8(text, pos);
        if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII forms
        if (c >= U'A' && c <= U'Z') c += U'a' - U'A';
        c = bracketOf(c);
        if (isSpaceCodePoint(c) || isDropped(c)) {
            separated = true;
            continue;
        }
        if (separated && isAsciiWordChar(c) && !out.empty() && isAsciiWordChar(out.back()))
            out += U' ';
        separated = false;
        out += c;
    }
    return out;
}

std::string toUtf8(const Chars& chars) {
    std::string out;
    out.reserve(chars.size());
    for (char32_t c : chars) appendUtf8(out, c);
    return out;
}

// Without spaces and brackets: what a key keeps of a part of the name.
Chars bare(const Chars& chars) {
    Chars out;
    out.reserve(chars.size());
    for (char32_t c : chars)
        if (c != U' ' && c != U'(' && c != U')') out += c;
    return out;
}

void trimChars(Chars& s) {
    while (!s.empty() && s.back() == U' ') s.pop_back();
    std::size_t lead = 0;
    while (lead < s.size() && s[lead] == U' ') ++lead;
    s.erase(0, lead);
}

// `word` ends `s`, and an ASCII word is not the tail of a longer one ("bag" does not end in AG).
bool endsWithWord(const Chars& s, const Chars& word) {
    if (word.empty() || s.size() < word.size()) return false;
    if (s.back() != word.back()) return false;  // most words of a list, at once
    if (s.compare(s.size() - word.size(), word.size(), word) != 0) return false;
    const std::size_t at = s.size() - word.size();
    return at == 0 || !isAsciiWordChar(word.front()) || !isAsciiWordChar(s[at - 1]);
}

// The lists of schema/matching, folded as names are.
struct WordLists {
    std::vector<Chars> legalForms;                          // longest first
    std::vector<Chars> branchWords;                         // longest first
    std::unordered_map<Chars, std::string> regionShort;     // any way written -> short name
    std::unordered_map<std::string, std::string> regionIn;  // short name -> the region it is in
    std::size_t longestRegion = 0;
    std::unordered_map<Chars, std::string> industryClass;  // word -> its class
    std::size_t longestIndustry = 0;
    // The characters a region starts with, an industry word starts and ends with: most
    // positions of a name are none of them, and are passed without building a substring.
    std::unordered_set<char32_t> regionFirst, industryFirst, industryLast;
    // The last characters of the legal forms and branch words: most names end in none of the
    // branch words, and a name ending in none of the forms needs no look at each.
    std::unordered_set<char32_t> legalFormLast, branchWordLast;
};

// The entries of a list: lines without '#' comments and blank lines, each split at spaces
// unless `wholeLines`.
std::vector<std::vector<std::string>> entries(std::string_view list, bool wholeLines) {
    std::vector<std::vector<std::string>> lines;
    std::size_t start = 0;
    while (start < list.size()) {
        auto end = list.find('\n', start);
        if (end == std::string_view::npos) end = list.size();
        const std::string_view line = trimSpaces(list.substr(start, end - start));
        start = end + 1;
        if (line.empty() || line.front() == '#') continue;
        std::vector<std::string> words;
        if (wholeLines) {
            words.emplace_back(line);
        } else {
            for (std::size_t from = 0; from < line.size();) {
                auto to = line.find_first_of(" \t", from);
                if (to == std::string_view::npos) to = line.size();
                if (to > from) words.emplace_back(line.substr(from, to - from));
                from = to + 1;
            }
        }
        lines.push_back(std::move(words));
    }
    return lines;
}

void longestFirst(std::vector<Chars>& words) {
    std::stable_sort(words.begin(), words.end(),
                     [](const Chars& a, const Chars& b) { return a.size() > b.size(); });
}

const WordLists& wordLists() {
    static const WordLists lists = [] {
        WordLists l;
        for (const auto& line : entries(legalFormsList(), true))
            l.legalForms.push_back(fold(line.front()));
        for (const auto& line : entries(branchWordsList(), true))
            l.branchWords.push_back(fold(line.front()));
        longestFirst(l.legalForms);
        longestFirst(l.branchWords);
        for (const Chars& form : l.legalForms)
            if (!form.empty()) l.legalFormLast.insert(form.back());
        for (const Chars& word : l.branchWords)
            if (!word.empty()) l.branchWordLast.insert(word.back());
        for (const auto& line : entries(regionsList(), false)) {
            const std::string& name = line.front();
            for (const std::string& word : line) {
                if (word.front() == '<') {
                    l.regionIn[name] = word.substr(1);
                    continue;
                }
                const Chars written = fold(word);
                l.regionShort.emplace(written, name);
                l.longestRegion = std::max(l.longestRegion, written.size());
                if (!written.empty()) l.regionFirst.insert(written.front());
            }
        }
        for (const auto& line : entries(industryClassesList(), false))
            for (const std::string& word : line) {
                const Chars written = fold(word);
                l.industryClass.emplace(written, line.front());
                l.longestIndustry = std::max(l.longestIndustry, written.size());
                if (!written.empty()) {
                    l.industryFirst.insert(written.front());
                    l.industryLast.insert(written.back());
                }
            }
        return l;
    }();
    return lists;
}

// The longest region written at `at` in `s` (its length, 0 for none) and its short name.
std::size_t regionAt(const Chars& s, std::size_t at, std::string& shortName) {
    const WordLists& l = wordLists();
    if (at >= s.size() || !l.regionFirst.count(s[at])) return 0;
    for (std::size_t n = std::min(l.longestRegion, s.size() - at); n > 0; --n) {
        const auto found = l.regionShort.find(s.substr(at, n));
        if (found != l.regionShort.end()) {
            shortName = found->second;
            return n;
        }
    }
    return 0;
}

// The longest industry word at `at` in `s` (its length, 0 for none).
std::size_t industryAt(const Chars& s, std::size_t at) {
    const WordLists& l = wordLists();
    if (at >= s.size() || !l.industryFirst.count(s[at])) return 0;
    for (std::size_t n = std::min(l.longestIndustry, s.size() - at); n > 0; --n)
        if (l.industryClass.count(s.substr(at, n))) return n;
    return 0;
}

// The regions `s` is made of, one after the other (北京海淀区), or none when it is not.
std::vector<std::string> regionRun(const Chars& s) {
    std::vector<std::string> regions;
    for (std::size_t at = 0; at < s.size();) {
        std::string shortName;
        const std::size_t n = regionAt(s, at, shortName);
        if (n == 0) return {};
        regions.push_back(shortName);
        at += n;
    }
    return regions;
}

// A branch's place with its regions by their short names (北京市 -> 北京), other text kept.
std::string placeKey(const Chars& place) {
    std::string key;
    for (std::size_t at = 0; at < place.size();) {
        std::string shortName;
        if (const std::size_t n = regionAt(place, at, shortName)) {
            key += shortName;
            at += n;
        } else {
            appendUtf8(key, place[at++]);
        }
    }
    return key;
}

constexpr std::size_t kShortestTradeName =
    2;  // 企业名称登记管理规定实施办法: 字号 of 2+ characters

// Where the place of a branch starts in the name before its branch word: after the last legal
// form (招商银行股份有限公司|深圳), else after the first run of industry words past a 字号
// (中国工商银行|北京, 招商银行|深圳科技园), else at the regions that end it (华盛|北京); the
// end of `before` when none is found.
std::size_t placeStart(const Chars& before) {
    const WordLists& l = wordLists();
    std::size_t cut = 0;
    for (const Chars& form : l.legalForms) {
        if (form.size() < 2) continue;  // 厂 may stand inside a place
        const auto at = before.rfind(form);
        if (at != Chars::npos) cut = std::max(cut, at + form.size());
    }
    if (cut > 0) return cut;
    for (std::size_t at = kShortestTradeName; at < before.size(); ++at) {
        std::size_t end = at;
        while (end < before.size()) {
            const std::size_t n = industryAt(before, end);
            if (n == 0) break;
            end += n;
        }
        if (end > at) return end;
    }
    std::size_t start = before.size();
    for (bool found = true; found && start > kShortestTradeName;) {
        found = false;
        for (std::size_t n = std::min(wordLists().longestRegion, start - kShortestTradeName); n > 0;
             --n) {
            std::string shortName;
            if (regionAt(before, start - n, shortName) == n) {
                start -= n;
                found = true;
                break;
            }
        }
    }
    return start;
}

// True when region `inner` lies in `outer` (深圳 in 广东), or is it.
bool regionWithin(const std::string& inner, const std::string& outer) {
    const WordLists& l = wordLists();
    std::string at = inner;
    for (int depth = 0; depth < 8; ++depth) {  // the lists nest three deep at most
        if (at == outer) return true;
        const auto up = l.regionIn.find(at);
        if (up == l.regionIn.end()) return false;
        at = up->second;
    }
    return false;
}

std::set<std::string> classesOf(const std::string& industryClass) {
    std::set<std::string> classes;
    std::size_t from = 0;
    while (from < industryClass.size()) {
        auto to = industryClass.find('+', from);
        if (to == std::string::npos) to = industryClass.size();
        classes.insert(industryClass.substr(from, to - from));
        from = to + 1;
    }
    return classes;
}

}  // namespace

std::string foldCompanyName(std::string_view name) { return toUtf8(fold(name)); }

NameKey nameKey(std::string_view name) {
    const WordLists& l = wordLists();
    NameKey key;
    Chars s = fold(name);

    // The branch: 招商银行股份有限公司深圳分行 -> 深圳分行.
    const bool mayEndInBranch = !s.empty() && l.branchWordLast.count(s.back());
    for (std::size_t i = 0; mayEndInBranch && i < l.branchWords.size(); ++i) {
        const Chars& word = l.branchWords[i];
        if (!endsWithWord(s, word) || s.size() == word.size()) continue;
        Chars before = s.substr(0, s.size() - word.size());
        trimChars(before);
        const std::size_t cut = placeStart(before);
        key.branch = placeKey(bare(before.substr(cut))) + toUtf8(word);
        s = before.substr(0, cut);
        break;
    }

    // Regions in brackets: 华盛科技（北京）有限公司.
    std::vector<std::string> regions;
    for (std::size_t open = 0; (open = s.find(U'(', open)) != Chars::npos;) {
        const std::size_t close = s.find(U')', open);
        if (close == Chars::npos) break;
        const std::vector<std::string> inside =
            regionRun(bare(s.substr(open + 1, close - open - 1)));
        if (inside.empty()) {
            ++open;
            continue;
        }
        regions.insert(regions.end(), inside.begin(), inside.end());
        s.erase(open, close - open + 1);
    }
    trimChars(s);

    // The legal forms at the end, the longest first, again until none is left.
    Chars legal;
    for (bool found = true; found;) {
        found = false;
        if (s.empty() || !l.legalFormLast.count(s.back())) break;
        for (const Chars& form : l.legalForms) {
            if (!endsWithWord(s, form)) continue;  // a name that is only a form has no 字号
            legal.insert(0, form);
            s.erase(s.size() - form.size());
            trimChars(s);
            found = true;
            break;
        }
    }
    key.legalForm = toUtf8(bare(legal));

    // The industry words at the end, while a 字号 of two characters is left. A second word is
    // left in the 字号 when only a region would remain: 中国建设银行 is 中国 + 建设 + 银行, not
    // 中国 + 银行 (中国银行), while 北京银行's 字号 is 北京.
    std::set<std::string> classes;
    for (bool found = true; found;) {
        found = false;
        if (s.empty() || !l.industryLast.count(s.back())) break;
        for (std::size_t n = std::min(l.longestIndustry, s.size()); n > 0; --n) {
            const Chars word = s.substr(s.size() - n);
            const auto cls = l.industryClass.find(word);
            if (cls == l.industryClass.end() || !endsWithWord(s, word)) continue;
            const Chars rest = bare(s.substr(0, s.size() - n));
            if (rest.size() < kShortestTradeName) continue;
            if (!classes.empty() && !regionRun(rest).empty()) continue;
            classes.insert(cls->second);
            s.erase(s.size() - n);
            trimChars(s);
            found = true;
            break;
        }
    }
    for (const std::string& cls : classes)
        key.industryClass += (key.industryClass.empty() ? "" : "+") + cls;

    // The regions at the start (广东省深圳市华盛), while a 字号 of two characters is left:
    // 北京银行's 北京 is its 字号.
    std::vector<std::string> leading;
    for (;;) {
        std::string shortName;
        const std::size_t n = regionAt(s, 0, shortName);
        if (n == 0 || bare(s.substr(n)).size() < kShortestTradeName) break;
        leading.push_back(shortName);
        s.erase(0, n);
        trimChars(s);
    }
    regions.insert(regions.begin(), leading.begin(), leading.end());
    for (const std::string& region : regions)  // the most specific one
        if (key.region.empty() || regionWithin(region, key.region)) key.region = region;

    key.core = toUtf8(bare(s));
    return key;
}

bool sameCompany(const NameKey& a, const NameKey& b) {
    if (a.core.empty() || a.core != b.core) return false;
    if (!a.industryClass.empty() && !b.industryClass.empty() &&
        a.industryClass != b.industryClass) {
        const std::set<std::string> ca = classesOf(a.industryClass);
        const std::set<std::string> cb = classesOf(b.industryClass);
        if (!std::includes(ca.begin(), ca.end(), cb.begin(), cb.end()) &&
            !std::includes(cb.begin(), cb.end(), ca.begin(), ca.end()))
            return false;
    }
    if (!a.region.empty() && !b.region.empty() && !regionWithin(a.region, b.region) &&
        !regionWithin(b.region, a.region))
        return false;
    return a.branch == b.branch;
}

bool isAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

bool oneCharacterApart(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
    if (a == b) return false;
    const auto& longer = a.size() >= b.size() ? a : b;
    const auto& shorter = a.size() >= b.size() ? b : a;
    if (longer.size() - shorter.size() > 1) return false;
    std::size_t front = 0;
    while (front < shorter.size() && longer[front] == shorter[front]) ++front;
    std::size_t back = 0;
    while (back < shorter.size() - front &&
           longer[longer.size() - 1 - back] == shorter[shorter.size() - 1 - back])
        ++back;
    // Equal lengths: all but one position agree; else the shorter is the longer less one.
    const bool oneEdit = longer.size() == shorter.size() ? front + back + 1 >= longer.size()
                                                         : front + back >= shorter.size();
    if (!oneEdit) return false;
    const char32_t changed = longer[front];
    const bool numbered = isAsciiDigit(changed) &&
                          (longer.size() != shorter.size()
                               ? (front > 0 && isAsciiDigit(longer[front - 1])) ||
                                     (front + 1 < longer.size() && isAsciiDigit(longer[front + 1]))
                               : isAsciiDigit(shorter[front]));
    return !numbered;
}

}  // namespace dealsheet
