// The fast paths Validate takes for 100,000-row registers give what the plain ways gave: each is
// compared with the plain version on many generated inputs.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <tuple>
#include <unordered_map>

#include "core/text/text.hpp"
#include "core/validate/findings.hpp"
#include "core/validate/key_index.hpp"
#include "core/validate/validator.hpp"
#include "core/workbook/dates.hpp"

using namespace dealsheet;

namespace {

// sortAndDeduplicate as it was before it sorted keys: a stable sort of the findings themselves.
void plainSortAndDeduplicate(std::vector<Finding>& findings,
                             const std::vector<std::string>& sheetOrder) {
    std::map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < sheetOrder.size(); ++i) order.emplace(sheetOrder[i], i);
    const auto key = [&](const Finding& f) {
        const auto it = order.find(f.sheet);
        return std::make_tuple(it == order.end() ? order.size() : it->second, f.row, f.column,
                               std::cref(f.rule));
    };
    std::stable_sort(findings.begin(), findings.end(),
                     [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
    findings.erase(std::unique(findings.begin(), findings.end(),
                               [](const Finding& a, const Finding& b) {
                                   return a.sheet == b.sheet && a.row == b.row &&
                                          a.column == b.column && a.rule == b.rule &&
                                          a.field == b.field;
                               }),
                   findings.end());
}

std::string describe(const std::vector<Finding>& findings) {
    std::string all;
    for (const auto& f : findings)
        all += f.sheet + "!" + std::to_string(f.row) + ":" + std::to_string(f.column) + " " +
               f.rule + " " + f.field + " " + f.messageEn + "\n";
    return all;
}

// trimSpaces as it was before it skipped decoding: every end decoded.
std::string_view plainTrim(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t next = begin;
        if (!isSpaceCodePoint(decodeUtf8(text, next))) break;
        begin = next;
    }
    std::size_t end = text.size();
    while (end > begin) {
        std::size_t start = end;
        int back = 0;
        do {
            --start;
            ++back;
        } while (start > begin && back < 4 &&
                 (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80);
        std::size_t pos = start;
        const char32_t last = decodeUtf8(text.substr(0, end), pos);
        if (pos != end || !isSpaceCodePoint(last)) break;
        end = start;
    }
    return text.substr(begin, end - begin);
}

// Strings of pieces that matter to decoding: spaces of every kind, full-width forms, capitals,
// CJK, stray and truncated bytes, an overlong form, a real U+FFFD.
std::string randomText(std::mt19937& random) {
    static const std::vector<std::string> pieces{" ",
                                                 "\t",
                                                 "\u3000",
                                                 "\u00a0",
                                                 "\u200b",
                                                 "\ufeff",
                                                 "\u2003",
                                                 "a",
                                                 "Z",
                                                 "7",
                                                 "-",
                                                 "{",
                                                 "客户",
                                                 "有限公司",
                                                 "ＡＢ",
                                                 "\xef\xbf\xbd",
                                                 "\xe4",
                                                 "\xe4\xb8",
                                                 "\x80",
                                                 "\xc0\xa0",
                                                 "\xe0\x80\x80",
                                                 "\xf0\x9f",
                                                 "é",
                                                 "\xff"};
    std::string text;
    const int count = static_cast<int>(random() % 7);
    for (int i = 0; i < count; ++i) text += pieces[random() % pieces.size()];
    return text;
}

}  // namespace

TEST(ValidateFastPaths, SortAndDeduplicateMatchesAStableSortOfTheFindings) {
    std::mt19937 random(12);
    const std::vector<std::string> sheets{"客户", "行动", "客户", "Other"};  // a name twice
    for (int round = 0; round < 300; ++round) {
        std::vector<Finding> findings(random() % 40);
        for (auto& f : findings) {
            f.sheet = sheets[random() % sheets.size()] + (random() % 6 == 0 ? "?" : "");
            f.row = static_cast<int>(random() % 4);
            f.column = static_cast<int>(random() % 3);
            f.rule = random() % 2 ? "TYPE" : "REQUIRED";
            f.field = random() % 3 ? "A" : "B";  // the same cell and rule, another field
            f.messageEn = std::to_string(round) + "/" + std::to_string(&f - findings.data());
        }
        std::vector<Finding> expected = findings;
        plainSortAndDeduplicate(expected, {sheets[0], sheets[1], sheets[2]});
        sortAndDeduplicate(findings, {sheets[0], sheets[1], sheets[2]});
        ASSERT_EQ(describe(findings), describe(expected)) << "round " << round;
    }
}

TEST(ValidateFastPaths, TrimAndFoldMatchThePlainWays) {
    std::mt19937 random(7);
    for (int round = 0; round < 20000; ++round) {
        const std::string text = randomText(random);
        ASSERT_EQ(trimSpaces(text), plainTrim(text)) << ::testing::PrintToString(text);
        ASSERT_EQ(isBlank(text), plainTrim(text).empty()) << ::testing::PrintToString(text);
        std::string scratch;
        ASSERT_EQ(foldForComparison(text, scratch), foldForComparison(text))
            << ::testing::PrintToString(text);
    }
}

TEST(ValidateFastPaths, KeyIndexFindsWhatAMapOfStringsFinds) {
    std::mt19937 random(3);
    KeyIndex index;  // grows from empty: every rehash is crossed
    std::unordered_map<std::string, int> expected;
    std::vector<std::string> lasting;
    lasting.reserve(20000);  // the Lasting keys' bytes must not move
    for (int i = 0; i < 20000; ++i) {
        std::string key = std::to_string(random() % 5000);
        key = std::string(random() % 20, 'k') + key;  // up to and past the 12 bytes kept inline
        if (random() % 50 == 0) key.clear();
        const bool copied = random() % 2;
        if (!copied) lasting.push_back(key);
        const auto [value, inserted] =
            index.emplace(copied ? std::string_view(key) : std::string_view(lasting.back()), i,
                          copied ? KeyIndex::Key::Copied : KeyIndex::Key::Lasting);
        const auto [it, wasNew] = expected.emplace(key, i);
        ASSERT_EQ(inserted, wasNew) << key;
        ASSERT_EQ(*value, it->second) << key;
        key.assign(key.size(), '#');  // a copied key's bytes are the index's own
    }
    for (const auto& [key, value] : expected) {
        const int* found = index.find(key);
        ASSERT_NE(found, nullptr) << key;
        EXPECT_EQ(*found, value) << key;
    }
    EXPECT_EQ(index.find("never"), nullptr);
    EXPECT_EQ(KeyIndex().find("x"), nullptr);
}

TEST(ValidateFastPaths, IsDateAgreesWithToCivil) {
    const SerialDates dates;
    for (const double serial : {-200000.0, -179000.0, -178000.5, 0.0, 0.99, 45000.0, 2958465.0,
                                2958465.5, 2958466.0, 1e8, 1e9, -1e9})
        EXPECT_EQ(dates.isDate(serial), dates.toCivil(serial).has_value()) << serial;
    for (double serial = -657500; serial < -657400; serial += 0.5)  // around 1400-01-01
        EXPECT_EQ(dates.isDate(serial), dates.toCivil(serial).has_value()) << serial;
}

// A key counts for references in every row, but a repeat only among filled rows: a row whose
// only value is a formula's result is not filled (isRowFilled).
TEST(ValidateFastPaths, RepeatedKeysAreFoundAmongFilledRowsOnly) {
    const Schema& schema = productSchema();
    const SheetSchema& customers = schema.sheetOrThrow("customers");
    const SheetSchema& actions = schema.sheetOrThrow("actions");
    const SerialDates dates;
    const long today = *dates.toSerial({2024, 6, 12});
    const auto sheet = [](const SheetSchema& s,
                          const std::vector<std::map<std::string, CellValue>>& rows) {
        SheetData data;
        data.name = s.name.zh;
        data.cells.emplace_back();
        for (const auto& c : s.columns) data.cells.back().emplace_back(c.header.zh);
        for (const auto& row : rows) {
            auto& cells = data.cells.emplace_back();
            for (const auto& c : s.columns) {
                const auto it = row.find(c.id);
                cells.push_back(it == row.end() ? CellValue{} : it->second);
            }
        }
        return data;
    };
    const std::map<std::string, CellValue> customer{
        {"customerNo", std::string("202406-001")},
        {"registeredOn", static_cast<double>(today - 2)},
        {"customerName", std::string("华锐机械")},
        {"industry", std::string("制造业")},
        {"contact", std::string("周建国")},
        {"phoneEmail", std::string("138-0013-8000")},
        {"coreNeeds", std::string("MES")},
        {"stage", std::string("需求挖掘")},
        {"owner", std::string("王磊")}};
    auto second = customer;
    second["customerName"] = std::string("另一家");
    second["phoneEmail"] = std::string("139-0013-9000");  // not LIKELY_DUPLICATE's concern here
    // Row 1: a formula's result in the key column and nothing typed; rows 2 and 3 repeat it.
    SheetData register_ = sheet(customers, {{{"customerNo", std::string("202406-001")}},
                                            customer,
                                            second,
                                            {{"customerNo", std::string("202406-009")}}});
    const int keyColumn = customers.columnIndex("customerNo");
    register_.isFormula.assign(register_.cells.size(), std::vector<bool>(customers.columns.size()));
    register_.isFormula[1][static_cast<std::size_t>(keyColumn)] = true;
    register_.isFormula[4][static_cast<std::size_t>(keyColumn)] = true;
    std::map<std::string, CellValue> action{{"actionNo", std::string("XD-1")},
                                            {"customerNo", std::string("202406-009")},
                                            {"task", std::string("发报价")},
                                            {"owner", std::string("王磊")},
                                            {"createdOn", static_cast<double>(today - 5)},
                                            {"dueDate", static_cast<double>(today + 10)},
                                            {"status", std::string("进行中")}};
    std::vector<std::pair<const SheetSchema*, SheetData>> input;
    input.emplace_back(&customers, std::move(register_));
    input.emplace_back(&actions, sheet(actions, {action}));
    const ValidationResult result = validateWorkbook(input, {dates, today, {}});
    std::vector<std::string> found;
    for (const auto& f : result.findings)
        found.push_back(f.rule + "@" + std::to_string(f.row) + ":" + f.messageEn);
    // Only row 3 repeats a filled row (row 2, the sheet's row 3); the action's customer is the
    // key of a row that is not filled, which still counts as existing.
    ASSERT_EQ(found.size(), 1u) << ::testing::PrintToString(found);
    EXPECT_EQ(found[0].substr(0, found[0].find(':')), "DUPLICATE@3");
    EXPECT_NE(found[0].find("first in row 3"), std::string::npos) << found[0];
}
