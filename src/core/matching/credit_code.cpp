#include "core/matching/credit_code.hpp"

#include "core/text/text.hpp"

namespace dealsheet {

namespace {

// GB 32100-2015 table 1: the 31 characters and their values 0..30, in order.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::size_t kLength = 18;

int valueOf(char c) {
    const auto at = kAlphabet.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

}  // namespace

std::string normaliseCreditCode(std::string_view text) {
    std::string code;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t cp = decodeUtf8(text, pos);
        if (isSpaceCodePoint(cp)) continue;
        if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII forms
        if (cp >= U'a' && cp <= U'z') cp -= U'a' - U'A';
        appendUtf8(code, cp);
    }
    return code;
}

char creditCodeCheckCharacter(std::string_view code) {
    if (code.size() < kLength - 1) return '\0';
    const int modulus = static_cast<int>(kAlphabet.size());
    int sum = 0;
    int weight = 1;  // 3^(i-1) mod 31
    for (std::size_t i = 0; i + 1 < kLength; ++i) {
        const int value = valueOf(code[i]);
        if (value < 0) return '\0';
        sum += value * weight;
        weight = weight * 3 % modulus;
    }
    const int check = (modulus - sum % modulus) % modulus;
    return kAlphabet[static_cast<std::size_t>(check)];
}

bool validCreditCode(std::string_view code) {
    if (code.size() != kLength || valueOf(code.back()) < 0) return false;
    const char check = creditCodeCheckCharacter(code);
    return check != '\0' && check == code.back();
}

}  // namespace dealsheet
