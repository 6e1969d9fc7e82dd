// The duplicate rules (SPEC §12): one company written many ways. Each compares a row with the
// rows above it through an index of keys (credit code, name key, mobile, trade name one
// character off), never with every row: 100,000 customers cost one pass.
#include <charconv>
#include <cstdint>
#include <iterator>
#include <optional>
#include <unordered_map>

#include "core/matching/credit_code.hpp"
#include "core/matching/merge.hpp"
#include "core/matching/name_key.hpp"
#include "core/matching/phone_key.hpp"
#include "core/text/text.hpp"
#include "core/validate/rule.hpp"
#include "core/workbook/schema.hpp"

namespace dealsheet {
namespace {

using K = ParamKind;

// A row's credit code when it is a valid one, else empty: only valid codes tell companies apart.
std::string validCodeOf(const RuleRow& r, int column) {
    if (column < 0 || r.blank(column)) return {};
    std::string code = normaliseCreditCode(r.key(column));
    return validCreditCode(code) ? code : std::string();
}

// A register row merged into another customer (Merge customers marks its 备注) is history, not
// a duplicate.
bool mergedAway(const RuleRow& r) {
    const int notes = r.column("notes");
    return notes >= 0 && carriesMergeMark(r.text(notes));
}

ParamSpec notesParam() {
    return param("notes", ParamKind::Column,
                 {"备注列（已合并的行不参与比较）", "the notes column (merged rows are left out)"});
}

// Two different valid credit codes are two companies, whatever their names say.
bool codesApart(const std::string& a, const std::string& b) {
    return !a.empty() && !b.empty() && a != b;
}

// A customer as the duplicate rules remember it.
struct Seen {
    int sheetRow = 0;
    std::string name;  // as typed, to name it in the message
    NameKey key;
    std::string code;  // a valid credit code, or empty
};

// The other row as a message names it: "5 行“北京华盛科技有限公司”" (the message says 第).
struct RowDetail {
    std::string zh, en;
};
RowDetail rowAndName(const Seen& seen, Text why = {}) {
    const std::string row = std::to_string(seen.sheetRow + 1);
    return {row + " 行“" + seen.name + "”" + std::string(why.zh),
            row + " (\"" + seen.name + "\")" + std::string(why.en)};
}

std::vector<char32_t> codePoints(std::string_view text) {
    std::vector<char32_t> points;
    points.reserve(text.size());  // a code point takes a byte at least
    for (std::size_t pos = 0; pos < text.size();) points.push_back(decodeUtf8(text, pos));
    return points;
}

// A bucket of an index holds few customers (one 字号, one mobile); a sheet of thousands of rows
// named alike is bounded all the same.
constexpr std::size_t kBucketLimit = 64;

struct NameMemory {
    std::unordered_map<std::string, std::vector<Seen>> byCore;  // 字号 → its spellings
    std::unordered_map<std::string, Seen> byFoldedName;         // names without a 字号
};

// Rows by a 64-bit key, newest first, in flat arrays (open addressing, chains through `next`):
// hundreds of thousands of keys without an allocation each.
class RowChains {
  public:
    // Calls `visit(row)` for the rows stored under `key` (newest first) until it returns true.
    template <typename Visit>
    void find(std::uint64_t key, Visit&& visit) const {
        if (slots_.empty()) return;
        for (int at = slots_[slotOf(key)].head; at >= 0;
             at = links_[static_cast<std::size_t>(at)].next)
            if (visit(links_[static_cast<std::size_t>(at)].row)) return;
    }
    void add(std::uint64_t key, int row) {
        if ((used_ + 1) * 2 > slots_.size()) grow();
        Slot& slot = slots_[slotOf(key)];
        if (slot.head < 0) {
            slot.key = key;
            ++used_;
        }
        links_.push_back({row, slot.head});
        slot.head = static_cast<int>(links_.size()) - 1;
    }

  private:
    struct Slot {
        std::uint64_t key = 0;
        int head = -1;  // -1: free
    };
    struct Link {
        int row;
        int next;
    };
    std::size_t slotOf(std::uint64_t key) const {
        const std::size_t mask = slots_.size() - 1;
        std::size_t at = static_cast<std::size_t>(key ^ (key >> 29)) & mask;
        while (slots_[at].head >= 0 && slots_[at].key != key) at = (at + 1) & mask;
        return at;
    }
    void grow() {
        std::vector<Slot> old(slots_.empty() ? 1024 : slots_.size() * 2);
        old.swap(slots_);
        for (const Slot& slot : old)
            if (slot.head >= 0) slots_[slotOf(slot.key)] = slot;
    }
    std::vector<Slot> slots_;
    std::vector<Link> links_;
    std::size_t used_ = 0;
};

// What LIKELY_DUPLICATE keeps of a row: enough to name it; its name key is worked out again
// for the few rows a key brings up.
struct Brief {
    int sheetRow = 0;
    std::string name;
    std::string code;
};

struct LikelyMemory {
    std::vector<Brief> rows;                   // every row compared, once
    std::vector<std::vector<char32_t>> chars;  // per row: its 字号 when 4+ long
    RowChains byMobile;                        // the hash of a mobile's digits
    RowChains byVariant;  // the 字号's variants (below); a shared hash is only a candidate
};

// The keys of the one-character-off index, as hashes: the trade name itself and every
// spelling with one character left out (marked apart); two trade names one edit apart share
// one of them.
std::vector<std::uint64_t> variantKeys(const std::vector<char32_t>& core) {
    const auto hashOf = [](const std::vector<char32_t>& chars, std::size_t skip) {
        std::uint64_t hash = skip == chars.size() ? 1469598103934665603ull : 1099511628211ull;
        for (std::size_t i = 0; i < chars.size(); ++i)
            if (i != skip) hash = (hash ^ chars[i]) * 1099511628211ull;
        return hash;
    };
    std::vector<std::uint64_t> keys;
    keys.reserve(core.size() + 1);
    keys.push_back(hashOf(core, core.size()));
    for (std::size_t skip = 0; skip < core.size(); ++skip) {
        // A digit beside a digit is a number's, never a typo (oneCharacterApart): no key for it, so
        // a register of 客户1 … 客户99999 is not one crowded bucket.
        const bool inNumber =
            isAsciiDigit(core[skip]) && ((skip > 0 && isAsciiDigit(core[skip - 1])) ||
                                         (skip + 1 < core.size() && isAsciiDigit(core[skip + 1])));
        if (!inNumber) keys.push_back(hashOf(core, skip));
    }
    return keys;
}

// Both duplicate rules ask for the name key of the same row, one after the other: worked out
// once.
const NameKey& nameKeyOf(const std::string& name) {
    thread_local std::string lastName;
    thread_local NameKey lastKey;
    thread_local bool known = false;
    if (!known || name != lastName) {
        lastKey = nameKey(name);
        lastName = name;
        known = true;
    }
    return lastKey;
}

}  // namespace

const std::vector<RuleDefinition>& duplicateRules() {
    static const std::vector<RuleDefinition> rules{
        // The sheet's key is checked by Validate itself (every keyed sheet); other columns whose
        // values must be unique name this rule in the schema.
        RuleDefinition::define("DUPLICATE", Severity::Error, RuleScope::Sheet)
            .titled({"编号重复", "A key value twice in its sheet"})
            .saying({"“{field}”的值“{value}”重复（首次出现在第 {detail} 行）",
                     "\"{field}\" value \"{value}\" appears twice (first in row {detail})"})
            .taking({param("column", K::Column, {"值须唯一的列", "the column of unique values"}),
                     notesParam()})
            .checkingRow([](RuleRow& r) {
                const int column = r.column("column");
                if (column < 0 || r.blank(column) || mergedAway(r)) return;
                const ColumnSchema& schema = r.schema().columnOrThrow(r.param("column").ids[0]);
                // A credit code typed with spaces or in lower case is the same code.
                const std::string key = schema.format == "creditCode"
                                            ? normaliseCreditCode(r.key(column))
                                            : foldForComparison(r.key(column));
                if (key.empty()) return;
                if (const auto first = r.firstSeen(key))
                    r.report(column, std::to_string(*first + 1), std::to_string(*first + 1));
            }),
        RuleDefinition::define("DUPLICATE_NAME", Severity::Warning, RuleScope::Sheet)
            .titled({"重复客户：同一家公司登记了两次", "Duplicate customer: one company twice"})
            .saying({"客户名称“{value}”与第 {detail}是同一家公司",
                     "Customer name \"{value}\" is the same company as row {detail}"})
            .taking(
                {param("column", K::Column, {"客户名称列", "the customer name column"}),
                 param("creditCode", K::Column, {"统一社会信用代码列", "the credit code column"}),
                 notesParam()})
            .checkingRow([](RuleRow& r) {
                const int column = r.column("column");
                if (column < 0 || r.blank(column) || mergedAway(r)) return;
                const std::string name = r.key(column);
                Seen here{r.sheetRow(), name, nameKeyOf(name),
                          validCodeOf(r, r.column("creditCode"))};
                NameMemory& memory = memoryOf<NameMemory>(r);
                if (here.key.core.empty()) {  // no 字号 to read: the whole name, folded
                    const std::string folded = foldCompanyName(name);
                    if (folded.empty()) return;
                    r.inGroup("name", folded);
                    const auto [first, inserted] = memory.byFoldedName.emplace(folded, here);
                    if (!inserted && !codesApart(here.code, first->second.code)) {
                        const RowDetail detail = rowAndName(first->second);
                        r.report(column, detail.zh, detail.en);
                    }
                    return;
                }
                r.inGroup("core", here.key.core);
                auto& spellings = memory.byCore[here.key.core];
                for (const Seen& earlier : spellings)
                    if (sameCompany(here.key, earlier.key) &&
                        !codesApart(here.code, earlier.code)) {
                        const RowDetail detail = rowAndName(earlier);
                        r.report(column, detail.zh, detail.en);
                        // A name without its region is the region of the company it was
                        // found to be: 华盛科技 after 北京华盛 is not 上海华盛 as well.
                        if (here.key.region.empty()) here.key.region = earlier.key.region;
                        break;
                    }
                if (spellings.size() < kBucketLimit) spellings.push_back(std::move(here));
            }),
        RuleDefinition::define("LIKELY_DUPLICATE", Severity::Warning, RuleScope::Sheet)
            .titled({"疑似重复客户，请核对", "Possibly one customer twice: please check"})
            .saying({"“{value}”可能与第 {detail}是同一客户，请核对",
                     "\"{value}\" may be the same customer as row {detail}; please check"})
            .taking(
                {param("name", K::Column, {"客户名称列", "the customer name column"}),
                 param("contact", K::Column, {"联系方式列", "the contact column"}),
                 param("creditCode", K::Column, {"统一社会信用代码列", "the credit code column"}),
                 notesParam()})
            .checkingRow([](RuleRow& r) {
                const int nameColumn = r.column("name");
                if (nameColumn < 0 || r.blank(nameColumn) || mergedAway(r)) return;
                const std::string name = r.key(nameColumn);
                const Seen here{r.sheetRow(), name, nameKeyOf(name),
                                validCodeOf(r, r.column("creditCode"))};
                LikelyMemory& memory = memoryOf<LikelyMemory>(r);
                const int self = static_cast<int>(memory.rows.size());
                memory.rows.push_back({here.sheetRow, here.name, here.code});
                const auto core = codePoints(here.key.core);
                memory.chars.push_back(core.size() >= 4 ? core : std::vector<char32_t>());
                // An earlier row as the checks below need it, its name key again.
                const auto earlierRow = [&](int index) {
                    const Brief& brief = memory.rows[static_cast<std::size_t>(index)];
                    return Seen{brief.sheetRow, brief.name, nameKey(brief.name), brief.code};
                };

                // The same mobile under a name that is not the same company (the same company
                // is DUPLICATE_NAME's): the first earlier row with it.
                if (const int contact = r.column("contact"); contact >= 0 && !r.blank(contact)) {
                    bool told = false;  // once per row; every mobile of it is still indexed
                    for (const PhoneKey& phone : phoneKeys(r.key(contact))) {
                        if (phone.kind != PhoneKind::Mobile) continue;
                        // 11 digits: the number itself is the key, no two mobiles share it.
                        const std::uint64_t key = std::stoull(phone.digits);
                        r.inGroup("mobile", phone.digits);
                        std::optional<int> first;
                        memory.byMobile.find(key, [&](int index) {
                            first = index;
                            return true;
                        });
                        if (!first) {  // only the first row of a mobile is kept
                            memory.byMobile.add(key, self);
                            continue;
                        }
                        if (told) continue;
                        const Seen earlier = earlierRow(*first);
                        if (sameCompany(here.key, earlier.key) ||
                            codesApart(here.code, earlier.code))
                            continue;
                        const RowDetail detail =
                            rowAndName(earlier, {"（手机号相同）", ", the same mobile"});
                        r.report(contact, detail.zh, detail.en);
                        told = true;
                    }
                }

                // A trade name of four or more characters one character off another's.
                if (core.size() < 4) return;
                const auto keys = variantKeys(core);
                for (const std::uint64_t key : keys) {
                    char digits[20];  // the most a 64-bit number has
                    const auto end = std::to_chars(std::begin(digits), std::end(digits), key).ptr;
                    r.inGroup("variant", std::string_view(digits, end - digits));
                }
                bool reported = false;
                for (const std::uint64_t key : keys) {
                    if (reported) break;
                    memory.byVariant.find(key, [&](int index) {
                        if (!oneCharacterApart(core, memory.chars[static_cast<std::size_t>(index)]))
                            return false;
                        const Seen earlier = earlierRow(index);
                        NameKey aligned = earlier.key;  // all but the 字号 must agree
                        aligned.core = here.key.core;
                        if (!sameCompany(here.key, aligned) || codesApart(here.code, earlier.code))
                            return false;
                        const RowDetail detail = rowAndName(
                            earlier, {"（字号只差一个字）", ", trade names one character apart"});
                        r.report(nameColumn, detail.zh, detail.en);
                        reported = true;
                        return true;
                    });
                }
                for (const std::uint64_t key : keys) memory.byVariant.add(key, self);
            }),
    };
    return rules;
}

}  // namespace dealsheet
