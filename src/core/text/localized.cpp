#include "core/text/localized.hpp"

#include "core/text/text.hpp"

namespace dealsheet {

bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

bool Text::matches(std::string_view value) const {
    return value == zh || equalsIgnoringAsciiCase(value, en);
}

std::optional<Lang> parseLang(std::string_view text) {
    const std::string_view t = trimSpaces(text);
    if (t.empty()) return Lang::Zh;
    for (std::string_view zh : {"zh", "zh-CN", "zh_CN", "cn", "chinese"})
        if (equalsIgnoringAsciiCase(t, zh)) return Lang::Zh;
    if (t == "中文") return Lang::Zh;
    for (std::string_view en : {"en", "en-US", "en_US", "english"})
        if (equalsIgnoringAsciiCase(t, en)) return Lang::En;
    if (t == "英文") return Lang::En;
    return std::nullopt;
}

Lang langOfLocale(std::string_view language) {
    return language.size() >= 2 && equalsIgnoringAsciiCase(language.substr(0, 2), "zh") ? Lang::Zh
                                                                                        : Lang::En;
}

}  // namespace dealsheet
