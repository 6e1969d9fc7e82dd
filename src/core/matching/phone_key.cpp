#include "core/matching/phone_key.hpp"

#include <algorithm>

#include "core/validate/contact.hpp"

namespace dealsheet {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

constexpr std::size_t kMostDigits = 15;  // 0086 and an area-code landline

// The characters a number is typed with besides its digits.
bool isNumberSeparator(char c) {
    return c == ' ' || c == '-' || c == '(' || c == ')' || c == '+' || c == '.';
}

// The kinds of validate/contact's phone number table that have a key.
bool isLandline(const std::string& d) {
    return phoneNumberKindOfDigits(d) == PhoneNumberKind::Landline;
}

bool isMobile(const std::string& d) {
    return phoneNumberKindOfDigits(d) == PhoneNumberKind::Mobile;
}

bool isServiceNumber(const std::string& d) {
    return phoneNumberKindOfDigits(d) == PhoneNumberKind::Service;
}

}  // namespace

bool phoneKeyOf(std::string_view number, PhoneKey& key) {
    std::string digits;
    bool plus = false;
    for (char c : number) {
        if (isDigit(c))
            digits += c;
        else if (!isNumberSeparator(c))
            return false;
        else if (c == '+' && digits.empty())
            plus = true;
    }
    bool international = false;
    if (plus) {
        if (digits.compare(0, 2, "86") != 0) return false;  // a foreign number has no key
        digits.erase(0, 2);
        international = true;
    } else if (digits.compare(0, 4, "0086") == 0) {
        digits.erase(0, 4);
        international = true;
    } else if (digits.size() == 13 && digits.compare(0, 2, "86") == 0 &&
               isMobile(digits.substr(2))) {
        digits.erase(0, 2);
    }
    // +86 21 6888 1234 and +86 (0)21 6888 1234: the area code without or with its 0.
    if (international && !digits.empty() && digits[0] != '0' && !isMobile(digits) &&
        !isServiceNumber(digits))
        digits.insert(0, 1, '0');
    if (isMobile(digits)) {
        key = PhoneKey{PhoneKind::Mobile, digits};
        return true;
    }
    if (isLandline(digits) || isServiceNumber(digits)) {
        key = PhoneKey{PhoneKind::Landline, digits};
        return true;
    }
    return false;
}

std::vector<PhoneKey> phoneKeys(std::string_view contactCell) {
    // Digits alone, the most common contact (a phone typed as a number is read as its digits):
    // one piece, one run, one word, which is what the reading below makes of them.
    if (!contactCell.empty() && std::all_of(contactCell.begin(), contactCell.end(), isDigit)) {
        PhoneKey key;
        if (contactCell.size() <= kMostDigits && phoneKeyOf(contactCell, key)) return {key};
        return {};
    }
    std::vector<PhoneKey> keys;
    const auto add = [&keys](const PhoneKey& key) {
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    };
    for (const std::string& piece : phonePieces(contactCell)) {
        // Runs of digits and separators; any other character (a name, 转, x) ends a run.
        std::size_t i = 0;
        while (i < piece.size()) {
            while (i < piece.size() && !isDigit(piece[i]) && piece[i] != '+' && piece[i] != '(')
                ++i;
            std::size_t end = i;
            while (end < piece.size() && (isDigit(piece[end]) || isNumberSeparator(piece[end])))
                ++end;
            if (end == i) {
                ++i;
                continue;
            }
            // The run's words (split at spaces), joined while they make no number yet: a
            // number typed in groups is found whole, two numbers side by side one by one.
            std::vector<std::string_view> words;
            const std::string_view run = std::string_view(piece).substr(i, end - i);
            for (std::size_t from = 0; from < run.size();) {
                auto to = run.find(' ', from);
                if (to == std::string_view::npos) to = run.size();
                if (to > from) words.push_back(run.substr(from, to - from));
                from = to + 1;
            }
            for (std::size_t first = 0; first < words.size();) {
                std::string joined;
                std::size_t digits = 0;
                bool found = false;
                for (std::size_t last = first; last < words.size(); ++last) {
                    if (last > first) joined += ' ';
                    joined += words[last];
                    digits += static_cast<std::size_t>(
                        std::count_if(words[last].begin(), words[last].end(), isDigit));
                    if (digits > kMostDigits) break;
                    PhoneKey key;
                    if (phoneKeyOf(joined, key)) {
                        add(key);
                        first = last + 1;
                        found = true;
                        break;
                    }
                }
                if (!found) ++first;
            }
            i = end;
        }
    }
    return keys;
}

}  // namespace dealsheet
