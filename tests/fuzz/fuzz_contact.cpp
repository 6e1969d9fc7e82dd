// isPhoneNumber, isEmailAddress, isContact: any text. A phone number or an e-mail address
// without separators is a contact; surrounding spaces change nothing; two contacts joined by
// a separator are a contact.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/validate/contact.hpp"
#include "fuzz_check.hpp"

using namespace dealsheet;

namespace {

bool hasSeparatorOrNonAscii(std::string_view s) {
    for (char c : s)
        // ':' and brackets too: a label (手机：, Tel:) and a note in brackets are users' notations.
        if (c == '/' || c == ';' || c == ',' || c == ':' || c == '(' || c == ')' ||
            static_cast<unsigned char>(c) >= 0x80)
            return true;
    return false;
}

bool isPlain(std::string_view text) {
    return isPhoneNumber(text) || (isEmailAddress(text) && !hasSeparatorOrNonAscii(text));
}

void checkOne(std::string_view text) {
    const bool phone = isPhoneNumber(text);
    const bool email = isEmailAddress(text);
    const bool contact = isContact(text);
    if (phone) FUZZ_CHECK(contact);
    if (email && !hasSeparatorOrNonAscii(text)) FUZZ_CHECK(contact);

    const std::string padded = " \u3000" + std::string(text) + "\u3000\t";
    FUZZ_CHECK(isPhoneNumber(padded) == phone);
    FUZZ_CHECK(isEmailAddress(padded) == email);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    checkOne(text);
    // A NUL byte splits the input into two contacts to join.
    const auto nul = text.find('\0');
    if (nul != std::string_view::npos) {
        const std::string_view first = text.substr(0, nul);
        const std::string_view second = text.substr(nul + 1);
        checkOne(first);
        checkOne(second);
        // Plain numbers and addresses joined by a separator are a list of contacts. (Notes in
        // brackets and labels, which users' own notations allow, may span a separator.)
        if (isPlain(first) && isPlain(second)) {
            for (const char* separator : {"/", ";", ",", "，", "；", "、"})
                FUZZ_CHECK(isContact(std::string(first) + separator + std::string(second)));
        }
    }
    return 0;
}
