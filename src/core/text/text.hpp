// UTF-8 text helpers shared by the functions and the validator.
// Blank means "nothing but spaces", where spaces include the ideographic space U+3000 that
// Chinese input methods type, the no-break space and the zero-width space.
#pragma once

#include <string>
#include <string_view>

namespace dealsheet {

// Decodes one code point at `pos` and advances it; invalid bytes decode as U+FFFD, and so do
// overlong forms, surrogates and values past U+10FFFF (each sequence as one U+FFFD).
char32_t decodeUtf8(std::string_view text, std::size_t& pos);
// Inline: reading a workbook encodes every character of two million cells with it.
inline void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool isSpaceCodePoint(char32_t c);
bool isBlank(std::string_view text);
std::string_view trimSpaces(std::string_view text);

// Folds a name for duplicate detection: trims, maps full-width forms and U+3000 to their
// ASCII twins, lower-cases ASCII and collapses runs of spaces.
std::string foldForComparison(std::string_view text);
// The same without a copy when folding changes nothing (most names): the trimmed text itself,
// else the folded text, kept in `scratch`.
std::string_view foldForComparison(std::string_view text, std::string& scratch);

// Folds a column header for matching (SPEC §6): as foldForComparison, and also without any
// spaces or line breaks, without required markers (* ＊ (必填) （必填） (*)), with 【】〔〕 read as
// brackets and without a trailing colon: "＊客户\n名称（必填）：" and "客户名称" are one key.
std::string headerKey(std::string_view header);

// `text` with every `from` replaced by `to`, left to right, never inside a replacement.
std::string replaceAll(std::string text, std::string_view from, std::string_view to);

}  // namespace dealsheet
