// Phone keys of a 联系方式 cell (SPEC §12): the numbers in it as digits only, so that one phone
// typed two ways has one key. Read from validate/contact's phonePieces.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dealsheet {

enum class PhoneKind { Mobile, Landline };

struct PhoneKey {
    PhoneKind kind;
    // Mobile: the 11 digits, +86/0086 taken off (13800138000). Landline: 0, the area code and
    // the number, extension taken off (02168881234, 051262001234); a 400/800 number as its 10
    // digits.
    std::string digits;

    bool operator==(const PhoneKey& other) const {
        return kind == other.kind && digits == other.digits;
    }
};

// The key of one number as typed (separators allowed, no other text), or nothing when it is no
// mobile or area-code landline: a local number without its area code has no key.
bool phoneKeyOf(std::string_view number, PhoneKey& key);

// Every mobile and landline key of a cell, in the order typed, each once: several numbers may
// stand in one cell ("13800138000 / 021-68881234", "138 0013 8000 139 0013 9000").
std::vector<PhoneKey> phoneKeys(std::string_view contactCell);

}  // namespace dealsheet
