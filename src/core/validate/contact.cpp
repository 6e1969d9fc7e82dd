#include "core/validate/contact.hpp"

#include <algorithm>

#include <string>

#include "core/text/text.hpp"

namespace dealsheet {

const std::vector<PhoneNumberRule>& phoneNumberRules() {
    // Sources: 工业和信息化部《电信网编码计划（2017年版）》 (the national numbering plan: mobile
    // numbers 1[3-9]X with 11 digits, area codes 0 + 2-3 digits, local numbers 7-8 digits
    // starting 2-9, 400/800 numbers with 10 digits); the mobile segments China Mobile, China
    // Unicom, China Telecom and China Broadcast Network publish (130-199); ITU-T E.164 for
    // foreign numbers (at most 15 digits with the country code).
    static const std::vector<PhoneNumberRule> rules{
        {PhoneNumberKind::Mobile,
         {"13", "14", "15", "16", "17", "18", "19"},
         11,
         11,
         0,
         "MIIT numbering plan 2017, mobile 1[3-9]X; operators' published segments 130-199"},
        {PhoneNumberKind::Service, {"400", "800"}, 10, 10, 0, "MIIT numbering plan 2017, 400/800"},
        {PhoneNumberKind::MistypedMobile,
         {"1"},
         10,
         10,
         0,
         "a mobile has 11 digits: 10 starting with 1 is one digit short"},
        {PhoneNumberKind::Landline,
         {"010", "020", "021", "022", "023", "024", "025", "026", "027", "028", "029"},
         11,
         11,
         3,
         "MIIT numbering plan 2017, area codes 010 and 02X with 8-digit local numbers"},
        {PhoneNumberKind::Landline,
         {"03", "04", "05", "06", "07", "08", "09"},
         11,
         12,
         4,
         "MIIT numbering plan 2017, 3-digit area codes 0[3-9]XX with 7-8 digit local numbers"},
        {PhoneNumberKind::Local,
         {"2", "3", "4", "5", "6", "7", "8", "9"},
         7,
         8,
         0,
         "MIIT numbering plan 2017, local numbers of 7-8 digits starting 2-9"},
    };
    return rules;
}

PhoneNumberKind phoneNumberKindOfDigits(std::string_view digits) {
    for (const auto& rule : phoneNumberRules()) {
        if (digits.size() < rule.minDigits || digits.size() > rule.maxDigits) continue;
        const bool prefixed =
            std::any_of(rule.prefixes.begin(), rule.prefixes.end(),
                        [&](std::string_view p) { return digits.substr(0, p.size()) == p; });
        if (!prefixed) continue;
        if (rule.areaDigits > 0 && (digits[rule.areaDigits] < '2' || digits[rule.areaDigits] > '9'))
            continue;
        return rule.kind;
    }
    return PhoneNumberKind::None;
}

PhoneNumberKind phoneNumberKind(std::string_view text) {
    const std::string_view t = trimSpaces(text);
    std::string digits;
    bool plus = false;
    for (char c : t) {
        if (c >= '0' && c <= '9')
            digits += c;
        else if (c == '+' && digits.empty() && !plus)
            plus = true;
        else if (c != '-' && c != '(' && c != ')' && c != ' ' && c != '.')
            return PhoneNumberKind::None;
    }
    // A dot only between digit groups (138.0013.8000), never a decimal number's point.
    if (t.find('.') != std::string_view::npos && t.find('.') == t.rfind('.'))
        return PhoneNumberKind::None;
    bool international = false;
    if (plus || digits.compare(0, 2, "00") == 0) {
        if (!plus) digits.erase(0, 2);
        if (digits.compare(0, 2, "86") != 0) {
            constexpr std::size_t kFewestForeign = 7, kMostForeign = 15;  // E.164
            return digits.size() >= kFewestForeign && digits.size() <= kMostForeign
                       ? PhoneNumberKind::Foreign
                       : PhoneNumberKind::None;
        }
        digits.erase(0, 2);
        international = true;
    } else if (digits.size() == 13 && digits.compare(0, 2, "86") == 0 &&
               phoneNumberKindOfDigits(std::string_view(digits).substr(2)) ==
                   PhoneNumberKind::Mobile) {
        digits.erase(0, 2);
    }
    // +86 21 6888 1234, +86 10 6552 8888: the area code without its 0.
    if (international && !digits.empty() && digits[0] != '0' &&
        phoneNumberKindOfDigits(digits) != PhoneNumberKind::Mobile &&
        phoneNumberKindOfDigits(digits) != PhoneNumberKind::Service)
        digits.insert(0, 1, '0');
    return phoneNumberKindOfDigits(digits);
}

bool isPhoneNumber(std::string_view text) {
    switch (phoneNumberKind(text)) {
        case PhoneNumberKind::Mobile:
        case PhoneNumberKind::Landline:
        case PhoneNumberKind::Local:
        case PhoneNumberKind::Service:
        case PhoneNumberKind::Foreign:
            return true;
        case PhoneNumberKind::None:
        case PhoneNumberKind::MistypedMobile:
            break;
    }
    return false;
}

bool isWeChatHandle(std::string_view text) {
    const std::string_view t = trimSpaces(text);
    if (phoneNumberKind(t) == PhoneNumberKind::Mobile) return true;
    const auto isLetter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (t.size() < 6 || t.size() > 20 || !isLetter(t[0])) return false;
    return std::all_of(t.begin(), t.end(), [&](char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

bool isQqHandle(std::string_view text) {
    const std::string_view t = trimSpaces(text);
    return t.size() >= 5 && t.size() <= 11 && t[0] != '0' &&
           std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
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

// 微信, WeChat, QQ ... before a colon or a space: the next word is a handle.
enum class HandleLabel { None, WeChat, Qq };
HandleLabel handleLabel(std::string_view word) {
    std::string key;
    for (char c : trimSpaces(word))
        if (c != ':') key += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (const std::string_view label : {"微信", "微信号", "微信id", "wechat", "wechat id",
                                         "wechatid", "weixin", "wx", "vx", "v信"})
        if (key == label) return HandleLabel::WeChat;
    for (const std::string_view label : {"qq", "qq号", "qq号码"})
        if (key == label) return HandleLabel::Qq;
    return HandleLabel::None;
}

bool hasDigit(std::string_view text) {
    return text.find_first_of("0123456789") != std::string_view::npos;
}

// What one piece of a contact cell (between / ; , 、 and line breaks) holds.
struct PieceReading {
    int contacts = 0;            // phones, addresses and handles
    bool bad = false;            // digits that make no number, an address that is none
    std::string mistypedMobile;  // a 10-digit 1... found, for the message
};

// Words split at spaces, a label's colon kept with the label ("QQ:", "12345678").
std::vector<std::string_view> wordsOf(std::string_view piece) {
    std::vector<std::string_view> words;
    for (std::size_t from = 0; from < piece.size();) {
        auto to = piece.find(' ', from);
        if (to == std::string_view::npos) to = piece.size();
        std::string_view word = piece.substr(from, to - from);
        from = to + 1;
        if (word.empty()) continue;
        const auto colon = word.find(':');
        if (colon != std::string_view::npos && colon + 1 < word.size() &&
            word.find('@') == std::string_view::npos) {
            words.push_back(word.substr(0, colon + 1));
            word = word.substr(colon + 1);
        }
        words.push_back(word);
    }
    return words;
}

PieceReading readPiece(std::string_view piece) {
    PieceReading reading;
    const std::string_view trimmed = trimSpaces(piece);
    // The piece as a whole: one number (typed in groups, with a label or an extension).
    if (const auto colon = trimmed.find(':'); colon != std::string_view::npos) {
        const HandleLabel label = handleLabel(trimmed.substr(0, colon));
        const std::string_view handle = trimSpaces(trimmed.substr(colon + 1));
        if (label != HandleLabel::None && handle.find(' ') == std::string_view::npos) {
            const bool valid =
                label == HandleLabel::WeChat ? isWeChatHandle(handle) : isQqHandle(handle);
            if (valid)
                reading.contacts = 1;
            else
                reading.bad = true;
            return reading;
        }
    }
    if (isOneContact(trimmed)) {
        reading.contacts = 1;
        return reading;
    }
    const auto words = wordsOf(trimmed);
    constexpr std::size_t kMostWordsInANumber = 6;  // +86 21 6888 1234 ext. 801
    for (std::size_t i = 0; i < words.size();) {
        const std::string_view word = words[i];
        const HandleLabel label = handleLabel(word);
        if (label != HandleLabel::None && i + 1 < words.size()) {
            const bool valid = label == HandleLabel::WeChat ? isWeChatHandle(words[i + 1])
                                                            : isQqHandle(words[i + 1]);
            if (valid)
                ++reading.contacts;
            else
                reading.bad = true;
            i += 2;
            continue;
        }
        if (word.find('@') != std::string_view::npos) {
            if (isEmailAddress(word))
                ++reading.contacts;
            else
                reading.bad = true;
            ++i;
            continue;
        }
        if (!hasDigit(word) || word.back() == ':') {  // a name, a label, a word of a note
            ++i;
            continue;
        }
        // The longest run of words from here that is one number (typed in groups, with an
        // extension).
        std::size_t longest = 0;
        const char* begin = word.data();
        for (std::size_t last = i; last < words.size() && last < i + kMostWordsInANumber; ++last) {
            const std::string_view joined(
                begin, static_cast<std::size_t>(words[last].data() + words[last].size() - begin));
            if (isOneContact(joined)) longest = last - i + 1;
        }
        if (longest > 0) {
            ++reading.contacts;
            i += longest;
            continue;
        }
        reading.bad = true;
        if (phoneNumberKind(word) == PhoneNumberKind::MistypedMobile)
            reading.mistypedMobile = std::string(word);
        ++i;
    }
    return reading;
}

// Every piece of a contact cell read, the verdict over the whole cell.
PieceReading readContact(std::string_view text) {
    PieceReading cell;
    const std::string normalised = normaliseContact(text);
    std::size_t start = 0;
    while (start <= normalised.size()) {
        const auto end = normalised.find('\n', start);
        const std::string_view part =
            std::string_view(normalised)
                .substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!isBlank(part)) {
            const PieceReading piece = readPiece(part);
            cell.contacts += piece.contacts;
            cell.bad = cell.bad || piece.bad;
            if (cell.mistypedMobile.empty()) cell.mistypedMobile = piece.mistypedMobile;
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return cell;
}

ContactProblem mistypedMobileProblem(const std::string& number) {
    return ContactProblem{"：“" + number + "”只有 10 位，像是少打了一位的手机号（手机号 11 位）",
                          ": " + number +
                              " has 10 digits, like a mobile number one digit short (mobile "
                              "numbers have 11)"};
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
    const PieceReading reading = readContact(text);
    return reading.contacts > 0 && !reading.bad;
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
        const std::string mistyped = readContact(*text).mistypedMobile;
        if (!mistyped.empty()) return mistypedMobileProblem(mistyped);
        if (phoneNumberKind(*text) == PhoneNumberKind::MistypedMobile)
            return mistypedMobileProblem(std::string(trimSpaces(*text)));
        return ContactProblem{};
    }
    const auto* number = std::get_if<double>(&value);
    if (!number) return std::nullopt;  // blank: REQUIRED's business
    if (!(*number > 0 && *number < 1e15) ||
        *number != static_cast<double>(static_cast<long long>(*number)))
        return ContactProblem{};
    const std::string digits = std::to_string(static_cast<long long>(*number));
    const PhoneNumberKind kind = phoneNumberKindOfDigits(digits);
    if (kind == PhoneNumberKind::Mobile || kind == PhoneNumberKind::Local ||
        kind == PhoneNumberKind::Service)
        return std::nullopt;
    // A number has no leading 0: a landline typed into a General cell lost it.
    if (phoneNumberKindOfDigits("0" + digits) == PhoneNumberKind::Landline)
        return ContactProblem{
            "：像是丢了开头 0 的座机号（0" + digits +
                "）。Calc "
                "把输入的号码当成了数字；请把该列设为“文本”格式后重新输入，或在号码前加英文单引"
                "号 '",
            ": it looks like a landline that lost its leading 0 (0" + digits +
                ") when Calc read it as a number; format the column as Text and type it again, "
                "or type an apostrophe ' before the number"};
    if (kind == PhoneNumberKind::MistypedMobile) return mistypedMobileProblem(digits);
    return ContactProblem{};
}

}  // namespace dealsheet
