#include "contact.hpp"

#include <string>

#include "text.hpp"

namespace dealsheet {

bool isPhoneNumber(std::string_view text) {
    const std::string_view t = trimSpaces(text);
    int digits = 0;
    for (char c : t) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c != '+' && c != '-' && c != '(' && c != ')' && c != ' ')
            return false;
    }
    return digits >= 7 && digits <= 15;
}

bool isEmailAddress(std::string_view text) {
    const std::string_view t = trimSpaces(text);
    const auto at = t.find('@');
    if (at == std::string_view::npos || at == 0 || t.find('@', at + 1) != std::string_view::npos)
        return false;
    const std::string_view domain = t.substr(at + 1);
    const auto dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size()) return false;
    for (char c : t)
        if (static_cast<unsigned char>(c) <= ' ') return false;
    return true;
}

bool isContact(std::string_view text) {
    // Split on ASCII separators and the full-width ones (as UTF-8 sequences).
    std::string normalised;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = decodeUtf8(text, pos);
        if (cp == U'/' || cp == U';' || cp == U',' || cp == 0xFF0C || cp == 0xFF1B || cp == 0x3001)
            normalised += '\n';
        else
            appendUtf8(normalised, cp);
    }
    bool any = false;
    std::size_t start = 0;
    while (start <= normalised.size()) {
        const auto end = normalised.find('\n', start);
        const std::string_view part =
            std::string_view(normalised)
                .substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!isBlank(part)) {
            if (!isPhoneNumber(part) && !isEmailAddress(part)) return false;
            any = true;
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return any;
}

}  // namespace dealsheet
