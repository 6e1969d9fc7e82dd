#include "core/text/text.hpp"

namespace dealsheet {

char32_t decodeUtf8(std::string_view text, std::size_t& pos) {
    constexpr char32_t kReplacement = 0xFFFD;
    const auto lead = static_cast<unsigned char>(text[pos++]);
    if (lead < 0x80) return lead;
    int extra = 0;
    char32_t cp = 0;
    if ((lead & 0xE0) == 0xC0) {
        extra = 1;
        cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        extra = 2;
        cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        extra = 3;
        cp = lead & 0x07;
    } else {
        return kReplacement;
    }
    for (int i = 0; i < extra; ++i) {
        if (pos >= text.size()) return kReplacement;
        const auto next = static_cast<unsigned char>(text[pos]);
        if ((next & 0xC0) != 0x80) return kReplacement;
        cp = (cp << 6) | (next & 0x3F);
        ++pos;
    }
    // Overlong forms ("\xC0\xA0" for a space), surrogates and values past U+10FFFF.
    constexpr char32_t kShortest[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kShortest[extra] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return kReplacement;
    return cp;
}

bool isSpaceCodePoint(char32_t c) {
    switch (c) {
        case U' ':
        case U'\t':
        case U'\n':
        case U'\r':
        case U'\v':
        case U'\f':
        case 0x00A0:  // no-break space
        case 0x200B:  // zero-width space
        case 0x3000:  // ideographic space
        case 0xFEFF:  // byte order mark pasted from other tools
            return true;
        default:
            return c >= 0x2000 && c <= 0x200A;  // en quad .. hair space
    }
}

namespace {

// True for a byte that starts no space however the bytes after it read: printable ASCII and
// the lead bytes of U+00C0..U+07FF, U+4000..U+EFFF (CJK) and past U+FFFF, none of which
// isSpaceCodePoint counts (an invalid sequence decodes as U+FFFD, not a space either). Most
// cells start and end with one, so they need no decoding.
bool startsNoSpace(char byte) {
    const auto b = static_cast<unsigned char>(byte);
    return (b > 0x20 && b < 0x80) || (b >= 0xC3 && b <= 0xDF) || (b >= 0xE4 && b <= 0xEE) ||
           b >= 0xF0;
}

// The end of the leading spaces of `text`.
std::size_t leadingSpacesEnd(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
        if (startsNoSpace(text[begin])) break;
        std::size_t next = begin;
        if (!isSpaceCodePoint(decodeUtf8(text, next))) break;
        begin = next;
    }
    return begin;
}

}  // namespace

// Stops at the first code point that is not a space: O(1) for most cells, which are run
// through this once per rule.
bool isBlank(std::string_view text) { return leadingSpacesEnd(text) == text.size(); }

std::string_view trimSpaces(std::string_view text) {
    const std::size_t begin = leadingSpacesEnd(text);
    // Trailing spaces from the back. A code point boundary of the forward decoding lies at
    // every byte that is not a continuation byte (decodeUtf8 only ever swallows continuation
    // bytes), so the last code point starts at the nearest such byte when its decoding ends
    // exactly at `end`; otherwise the last code point is a stray byte, which is not a space.
    std::size_t end = text.size();
    while (end > begin) {
        std::size_t start = end;
        int back = 0;
        do {
            --start;
            ++back;
        } while (start > begin && back < 4 &&
                 (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80);
        if (startsNoSpace(text[start])) break;  // a code point, or a stray byte: no space
        std::size_t pos = start;
        const char32_t last = decodeUtf8(text.substr(0, end), pos);
        if (pos != end || !isSpaceCodePoint(last)) break;
        end = start;
    }
    return text.substr(begin, end - begin);
}

std::string foldForComparison(std::string_view text) {
    const std::string_view trimmed = trimSpaces(text);
    std::string folded;
    folded.reserve(trimmed.size());
    bool pendingSpace = false;
    for (std::size_t pos = 0; pos < trimmed.size();) {
        char32_t cp = decodeUtf8(trimmed, pos);
        if (isSpaceCodePoint(cp)) {
            pendingSpace = true;
            continue;
        }
        if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII forms
        if (cp >= U'A' && cp <= U'Z') cp += U'a' - U'A';
        if (pendingSpace) folded += ' ';
        pendingSpace = false;
        appendUtf8(folded, cp);
    }
    return folded;
}

std::string_view foldForComparison(std::string_view text, std::string& scratch) {
    const std::string_view trimmed = trimSpaces(text);
    for (std::size_t pos = 0; pos < trimmed.size();) {
        const std::size_t start = pos;
        const char32_t cp = decodeUtf8(trimmed, pos);
        // What folding changes: spaces, full-width forms, capitals, and invalid bytes (each
        // sequence becomes U+FFFD; a valid code point is written back as it was read).
        const bool changed = isSpaceCodePoint(cp) || (cp >= 0xFF01 && cp <= 0xFF5E) ||
                             (cp >= U'A' && cp <= U'Z') ||
                             (cp == 0xFFFD && trimmed.substr(start, pos - start) != "\xEF\xBF\xBD");
        if (changed) {
            scratch = foldForComparison(text);
            return scratch;
        }
    }
    return trimmed;
}

std::string headerKey(std::string_view header) {
    std::string key;
    key.reserve(header.size());
    for (std::size_t pos = 0; pos < header.size();) {
        char32_t cp = decodeUtf8(header, pos);
        if (isSpaceCodePoint(cp)) continue;
        if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII forms
        if (cp == 0x3010 || cp == 0x3014) cp = U'(';     // 【 〔
        if (cp == 0x3011 || cp == 0x3015) cp = U')';     // 】 〕
        if (cp >= U'A' && cp <= U'Z') cp += U'a' - U'A';
        if (cp == U'*' || cp == 0x203B) continue;  // required markers, ※
        appendUtf8(key, cp);
    }
    for (bool erased = true; erased;) {  // until none is left, also one put together by erasing
        erased = false;
        for (const std::string_view marker : {"(必填)", "(必填项)", "(required)", "()"})
            if (const auto at = key.find(marker); at != std::string::npos) {
                key.erase(at, marker.size());
                erased = true;
            }
    }
    while (!key.empty() && key.back() == ':') key.pop_back();
    return key;
}

std::string replaceAll(std::string text, std::string_view from, std::string_view to) {
    if (from.empty()) return text;
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

}  // namespace dealsheet
