// Every user-visible string exists in Chinese (the default) and English.
#pragma once

#include <optional>
#include <string_view>

namespace dealsheet {

enum class Lang { Zh, En };

struct Text {
    std::string_view zh;
    std::string_view en;
    std::string_view in(Lang lang) const { return lang == Lang::En ? en : zh; }
    // True when `value` (already trimmed) is this text in either language; English ignores case.
    bool matches(std::string_view value) const;
};

// "zh", "zh-CN", "cn", "中文" -> Zh; "en", "en-US", "English" -> En (case-insensitive);
// blank -> Zh. Anything else -> nullopt.
std::optional<Lang> parseLang(std::string_view text);

// Picks the language of a BCP-47 / office locale ("zh-CN", "en-US", "de"): Chinese for any
// Chinese locale, English for everything else.
Lang langOfLocale(std::string_view language);

bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b);

}  // namespace dealsheet
