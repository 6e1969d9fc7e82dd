#include "core/validate/contact.hpp"

#include <algorithm>

#include <string>

#include "core/text/text.hpp"

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

namespace {

// Full-width forms to ASCII, U+3000 to a space, the separators / ; , 、 and line breaks to
// '\n', and bracketed notes without a digit (（微信同号）) left out.
std::string normaliseContact(std::string_view text) {
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t cp = decodeUtf8(text, pos);
        if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
        if (cp == 0x3010 || cp == 0x3014) cp = U'(';  // 【 〔
        if (cp == 0x3011 || cp == 0x3015) cp = U')';
        if (cp == 0x2014 || cp == 0x2013 || cp == 0x2012) cp = U'-';
        if (cp == U'/' || cp == U';' || cp == U',' || cp == 0x3001 || cp == U'\n' || cp == U'\r')
            out += '\n';
        else if (isSpaceCodePoint(cp))
            out += ' ';
        else
            appendUtf8(out, cp);
    }
    std::string kept;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '(') {
            const auto close = out.find(')', i);
            if (close != std::string::npos) {
                const std::string_view inside = std::string_view(out).substr(i + 1, close - i - 1);
                if (inside.find_first_of("0123456789") == std::string_view::npos &&
                    inside.find('\n') == std::string_view::npos) {
                    i = close;
                    continue;
                }
            }
        }
        kept += out[i];
    }
    return kept;
}

// "手机:138..." -> "138...": a label without digits or @ before a colon.
std::string_view withoutLabel(std::string_view part) {
    const auto colon = part.find(':');
    if (colon == std::string_view::npos || colon + 1 >= part.size()) return part;
    const std::string_view label = part.substr(0, colon);
    if (label.find_first_of("0123456789@") != std::string_view::npos || label.size() > 24)
        return part;
    return part.substr(colon + 1);
}

// "0512-62001234转801" -> "0512-62001234" (转, 分机, ext., x, #). After a dash only when the
// number before it has `fewestDigitsBeforeDash` digits: 138-0013-8000 and 021-6888-1234 are
// whole numbers, which 7 digits before the last dash would take for one with an extension.
std::string_view withoutExtension(std::string_view part, std::size_t fewestDigitsBeforeDash = 0) {
    std::size_t end = part.size();
    while (end > 0 && part[end - 1] >= '0' && part[end - 1] <= '9') --end;
    if (end == part.size() || end == 0) return part;
    std::string_view head = trimSpaces(part.substr(0, end));
    for (const std::string_view marker : {"转", "分机", "ext.", "ext", "x", "X", "#", "-"}) {
        if (head.size() > marker.size() && head.substr(head.size() - marker.size()) == marker) {
            const std::string_view base = trimSpaces(head.substr(0, head.size() - marker.size()));
            if (marker == "-" &&
                (base.find('-') == std::string_view::npos ||  // 0512-62
                 static_cast<std::size_t>(std::count_if(base.begin(), base.end(), [](char c) {
                     return c >= '0' && c <= '9';
                 })) < fewestDigitsBeforeDash))
                return part;
            if (isPhoneNumber(base)) return base;
        }
    }
    return part;
}

bool isOneContact(std::string_view part) {
    const std::string_view unlabelled = trimSpaces(withoutLabel(trimSpaces(part)));
    return isPhoneNumber(unlabelled) || isEmailAddress(unlabelled) ||
           isPhoneNumber(withoutExtension(unlabelled));
}

}  // namespace

bool isContact(std::string_view text) {
    // A plain phone number or e-mail address is a contact as it stands, before any label or
    // note is taken off (found by fuzz_contact: "a:@bb.cn" lost its "a:" as if it were a label).
    if (isPhoneNumber(text)) return true;
    if (isEmailAddress(text) && std::all_of(text.begin(), text.end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x80 && c != '/' && c != ';' && c != ',';
        }))
        return true;
    const std::string normalised = normaliseContact(text);
    bool any = false;
    std::size_t start = 0;
    while (start <= normalised.size()) {
        const auto end = normalised.find('\n', start);
        const std::string_view part =
            std::string_view(normalised)
                .substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!isBlank(part)) {
            if (!isOneContact(part)) {
                // Several contacts separated by spaces: each must be one.
                std::size_t from = 0;
                const std::string_view trimmed = trimSpaces(part);
                while (from < trimmed.size()) {
                    auto to = trimmed.find(' ', from);
                    if (to == std::string_view::npos) to = trimmed.size();
                    const std::string_view token = trimmed.substr(from, to - from);
                    if (!token.empty() && !isOneContact(token)) return false;
                    from = to + 1;
                }
            }
            any = true;
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return any;
}

std::vector<std::string> phonePieces(std::string_view text) {
    std::vector<std::string> pieces;
    const std::string normalised = normaliseContact(text);
    std::size_t start = 0;
    while (start <= normalised.size()) {
        const auto end = normalised.find('\n', start);
        const std::string_view part =
            std::string_view(normalised)
                .substr(start, end == std::string::npos ? std::string::npos : end - start);
        // 10 digits: a landline with its area code (0512-62001234-801) before a dashed extension.
        constexpr std::size_t kDigitsBeforeDashedExtension = 10;
        const std::string_view piece = trimSpaces(withoutExtension(
            trimSpaces(withoutLabel(trimSpaces(part))), kDigitsBeforeDashedExtension));
        if (piece.find_first_of("0123456789") != std::string_view::npos) pieces.emplace_back(piece);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return pieces;
}

std::optional<ContactProblem> contactProblem(const CellValue& value) {
    if (const auto* text = std::get_if<std::string>(&value)) {
        if (isContact(*text)) return std::nullopt;
        return ContactProblem{};
    }
    const auto* number = std::get_if<double>(&value);
    if (!number) return std::nullopt;  // blank: REQUIRED's business
    if (!(*number > 0 && *number < 1e15) ||
        *number != static_cast<double>(static_cast<long long>(*number)))
        return ContactProblem{};
    const std::string digits = std::to_string(static_cast<long long>(*number));
    if (digits.size() < 7 || digits.size() > 15) return ContactProblem{};
    const bool mobile = digits.size() == 11 && digits[0] == '1' && digits[1] >= '3';
    const bool lostZero =
        !mobile &&
        ((digits.size() == 10 && (digits.compare(0, 2, "10") == 0 || digits[0] >= '2')) ||
         (digits.size() == 11 && digits[0] >= '3'));
    if (!lostZero) return std::nullopt;
    return ContactProblem{
        "：像是丢了开头 0 的座机号（0" + digits +
            "）。Calc "
            "把输入的号码当成了数字；请把该列设为“文本”格式后重新输入，或在号码前加英文单引号 '",
        ": it looks like a landline that lost its leading 0 (0" + digits +
            ") when Calc read it as a number; format the column as Text and type it again, or "
            "type an apostrophe ' before the number"};
}

}  // namespace dealsheet
