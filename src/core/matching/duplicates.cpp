#include "core/matching/duplicates.hpp"

#include "core/matching/credit_code.hpp"
#include "core/matching/merge.hpp"
#include "core/matching/name_key.hpp"
#include "core/matching/phone_key.hpp"
#include "core/text/text.hpp"

namespace dealsheet {
namespace {

constexpr Text kSameCode{"同一信用代码", "the same credit code"};
constexpr Text kSameCompany{"同一家公司的另一种写法", "the same company written another way"};
constexpr Text kSameMobile{"同一手机号", "the same mobile"};
constexpr Text kOneCharacter{"字号只差一个字", "trade names one character apart"};

std::string keyText(const SheetData& data, int row, int column) {
    return column < 0 ? std::string() : cellText(data.at(row, column));
}

std::vector<char32_t> codePoints(std::string_view text) {
    std::vector<char32_t> points;
    for (std::size_t pos = 0; pos < text.size();) points.push_back(decodeUtf8(text, pos));
    return points;
}

// What the comparison reads of one register row.
struct RowKeys {
    NameKey name;
    std::string code;  // valid, else empty
    std::vector<std::string> mobiles;
};

RowKeys keysOf(const RecognisedSheet& sheet, int row) {
    const SheetData& data = *sheet.data;
    RowKeys keys;
    keys.name = nameKey(keyText(data, row, sheet.column("customerName")));
    const std::string code = normaliseCreditCode(keyText(data, row, sheet.column("creditCode")));
    if (validCreditCode(code)) keys.code = code;
    for (const PhoneKey& phone : phoneKeys(keyText(data, row, sheet.column("phoneEmail"))))
        if (phone.kind == PhoneKind::Mobile) keys.mobiles.push_back(phone.digits);
    return keys;
}

const Text* reasonFor(const RowKeys& a, const RowKeys& b) {
    if (!a.code.empty() && a.code == b.code) return &kSameCode;
    if (!a.code.empty() && !b.code.empty()) return nullptr;  // two companies
    if (sameCompany(a.name, b.name)) return &kSameCompany;
    for (const auto& mobile : a.mobiles)
        for (const auto& other : b.mobiles)
            if (mobile == other) return &kSameMobile;
    const auto coreA = codePoints(a.name.core);
    const auto coreB = codePoints(b.name.core);
    if (coreA.size() >= 4 && coreB.size() >= 4 && oneCharacterApart(coreA, coreB)) {
        NameKey aligned = b.name;
        aligned.core = a.name.core;
        if (sameCompany(a.name, aligned)) return &kOneCharacter;
    }
    return nullptr;
}

}  // namespace

std::vector<PossibleDuplicate> possibleDuplicatesOf(const std::vector<RecognisedSheet>& sheets,
                                                    const std::string& customerNo) {
    const std::string wanted(trimSpaces(customerNo));
    std::vector<PossibleDuplicate> found;
    for (const RecognisedSheet& sheet : sheets) {
        const int numberColumn = sheet.column("customerNo");
        if (sheet.schema->id != "customers" || numberColumn < 0 || wanted.empty()) continue;
        const SheetData& data = *sheet.data;
        const int notes = sheet.column("notes");
        const auto merged = [&](int row) {
            return notes >= 0 && carriesMergeMark(keyText(data, row, notes));
        };
        int target = -1;
        for (int row = 1; row < data.rowCount() && target < 0; ++row)
            if (keyText(data, row, numberColumn) == wanted && !merged(row)) target = row;
        if (target < 0) continue;
        const RowKeys keys = keysOf(sheet, target);
        for (int row = 1; row < data.rowCount(); ++row) {
            if (row == target || !isRowFilled(sheet, row) || merged(row)) continue;
            const std::string number = keyText(data, row, numberColumn);
            if (number == wanted) continue;
            if (const Text* reason = reasonFor(keys, keysOf(sheet, row)))
                found.push_back({number, keyText(data, row, sheet.column("customerName")), *reason,
                                 data.name, data.sheetRow(row)});
        }
    }
    return found;
}

}  // namespace dealsheet
