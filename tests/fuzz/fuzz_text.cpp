// The UTF-8 helpers (text.hpp) and headerKey: any bytes.
// decodeUtf8 always advances, stays in bounds and yields a Unicode scalar value whose encoding
// is the bytes it consumed (anything else is U+FFFD); valid text re-encodes to itself.
// trimSpaces returns the part of its input a plain forward scan finds and is idempotent;
// foldForComparison is idempotent and yields valid UTF-8 with single inner spaces only.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/text/localized.hpp"
#include "core/text/text.hpp"
#include "core/workbook/workbook.hpp"
#include "fuzz_check.hpp"

using namespace dealsheet;

namespace {

void checkDecode(std::string_view text) {
    std::string reencoded;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t before = pos;
        const char32_t cp = decodeUtf8(text, pos);
        FUZZ_CHECK(pos > before && pos <= text.size());
        FUZZ_CHECK(cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF));
        std::string encoded;
        appendUtf8(encoded, cp);
        FUZZ_CHECK(encoded == text.substr(before, pos - before) || cp == 0xFFFD);
        reencoded += encoded;
    }
    if (fuzz::isValidUtf8(text)) FUZZ_CHECK(reencoded == text);
    FUZZ_CHECK(fuzz::isValidUtf8(reencoded));
}

// trimSpaces by the plain forward scan: the reference for the faster one of text.cpp.
std::string_view referenceTrim(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t next = begin;
        if (!isSpaceCodePoint(decodeUtf8(text, next))) break;
        begin = next;
    }
    std::size_t end = begin;
    for (std::size_t pos = begin; pos < text.size();)
        if (!isSpaceCodePoint(decodeUtf8(text, pos))) end = pos;
    return text.substr(begin, end - begin);
}

void checkTrim(std::string_view text) {
    const std::string_view trimmed = trimSpaces(text);
    const std::string_view reference = referenceTrim(text);
    FUZZ_CHECK(trimmed.data() == reference.data() && trimmed.size() == reference.size());
    FUZZ_CHECK(trimmed.data() >= text.data() &&
               trimmed.data() + trimmed.size() <= text.data() + text.size());
    FUZZ_CHECK(trimSpaces(trimmed) == trimmed);
    FUZZ_CHECK(isBlank(text) == trimmed.empty());
}

void checkFold(std::string_view text) {
    const std::string folded = foldForComparison(text);
    FUZZ_CHECK(fuzz::isValidUtf8(folded));
    FUZZ_CHECK(foldForComparison(folded) == folded);
    FUZZ_CHECK(folded.empty() || (folded.front() != ' ' && folded.back() != ' '));
    FUZZ_CHECK(folded.find("  ") == std::string::npos);
    const std::string key = headerKey(text);
    FUZZ_CHECK(fuzz::isValidUtf8(key));
    FUZZ_CHECK(headerKey(key) == key);
    FUZZ_CHECK(key.find(' ') == std::string::npos);
    FUZZ_CHECK(isBlank(text) == folded.empty());
    FUZZ_CHECK(equalsIgnoringAsciiCase(text, text));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    checkDecode(text);
    checkTrim(text);
    checkFold(text);
    // Every scalar value encodes and decodes back (four bytes at a time).
    for (std::size_t i = 0; i + 4 <= size; i += 4) {
        const char32_t cp =
            (static_cast<char32_t>(data[i]) << 24 | static_cast<char32_t>(data[i + 1]) << 16 |
             static_cast<char32_t>(data[i + 2]) << 8 | data[i + 3]) %
            0x110000;
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        std::string encoded;
        appendUtf8(encoded, cp);
        std::size_t pos = 0;
        FUZZ_CHECK(decodeUtf8(encoded, pos) == cp && pos == encoded.size());
    }
    return 0;
}
