#include "core/customer/customer_card.hpp"

#include <algorithm>
#include <cmath>

#include "core/text/text.hpp"
#include "core/workbook/vocabulary.hpp"

namespace dealsheet {
namespace {

struct RowRef {
    const RecognisedSheet* sheet = nullptr;
    int row = 0;  // index into the sheet's data
};

std::vector<const RecognisedSheet*> sheetsOf(const std::vector<RecognisedSheet>& sheets,
                                             std::string_view id) {
    std::vector<const RecognisedSheet*> found;
    for (const auto& s : sheets)
        if (s.schema && s.data && s.schema->id == id) found.push_back(&s);
    return found;
}

const CellValue& cell(const RowRef& ref, std::string_view column) {
    static const CellValue empty{};
    const int c = ref.sheet->column(column);
    return c < 0 ? empty : ref.sheet->data->at(ref.row, c);
}

std::string text(const RowRef& ref, std::string_view column) {
    const CellValue& value = cell(ref, column);
    if (const auto* t = std::get_if<std::string>(&value)) return std::string(trimSpaces(*t));
    if (const auto* n = std::get_if<double>(&value)) return formatNumber(*n);
    return {};
}

std::optional<long> dateOf(const CardInput& input, const RowRef& ref, std::string_view column) {
    const auto* n = std::get_if<double>(&cell(ref, column));
    if (!n || !input.dates.isDate(*n)) return std::nullopt;
    return static_cast<long>(std::floor(*n));
}

std::string showDate(const CardInput& input, long serial) {
    const auto civil = input.dates.toCivil(static_cast<double>(serial));
    return civil ? isoDate(*civil) : formatNumber(static_cast<double>(serial));
}

// A cell as the card shows it: dates as ISO dates, numbers and text as typed.
std::string show(const CardInput& input, const RowRef& ref, std::string_view column) {
    const ColumnSchema* schema = ref.sheet->schema->column(column);
    if (schema && schema->isDate())
        if (const auto serial = dateOf(input, ref, column)) return showDate(input, *serial);
    return text(ref, column);
}

// The filled rows of every `id` sheet whose `column` holds `key` (folded).
std::vector<RowRef> rowsMatching(const std::vector<RecognisedSheet>& sheets, std::string_view id,
                                 std::string_view column, const std::string& key) {
    std::vector<RowRef> rows;
    if (key.empty()) return rows;
    for (const auto* s : sheetsOf(sheets, id)) {
        const int c = s->column(column);
        if (c < 0) continue;
        for (int r = 1; r < s->data->rowCount(); ++r)
            if (cellKey(s->data->at(r, c)) == key && isRowFilled(*s, r)) rows.push_back({s, r});
    }
    return rows;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& part : parts) {
        if (part.empty()) continue;
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

bool isWord(const std::string& value, std::string_view list, std::string_view id) {
    return !value.empty() && vocab::idOf(list, value) == id;
}

struct CardWriter {
    const CardInput& input;
    CustomerCard& card;
    Lang lang() const { return input.lang; }
    std::string_view tr(std::string_view zh, std::string_view en) const {
        return lang() == Lang::En ? en : zh;
    }
    void add(CardLineKind kind, std::string text, const RowRef* ref = nullptr,
             std::string_view column = {}) {
        CardLine line;
        line.kind = kind;
        line.text = std::move(text);
        if (ref) {
            line.sheet = ref->sheet->data->name;
            line.row = ref->sheet->data->sheetRow(ref->row);
            const int c = column.empty() ? -1 : ref->sheet->column(column);
            line.column = c >= 0 ? c : 0;
        }
        card.lines.push_back(std::move(line));
    }
    void section(std::string_view zh, std::string_view en, std::size_t count) {
        std::string heading(tr(zh, en));
        if (count > 0) heading += " (" + std::to_string(count) + ")";
        add(CardLineKind::Section, heading);
    }
    void none() { add(CardLineKind::Note, std::string(tr("无", "None"))); }
    std::string label(const RowRef& ref, std::string_view column) const {
        const ColumnSchema* schema = ref.sheet->schema->column(column);
        return schema ? std::string(schema->header.in(lang())) : std::string(column);
    }
};

// The register entry's fields worth a glance; the rest are one click away on the sheet.
constexpr std::string_view kRegisterFields[] = {"registeredOn", "contact",   "title",
                                                "phoneEmail",   "industry",  "stage",
                                                "followUp",     "leadGrade", "owner"};

void writeRegister(CardWriter& w, const std::vector<RowRef>& entries) {
    w.section("登记信息", "Register entry", 0);
    if (entries.empty()) {
        w.add(CardLineKind::Note, std::string(w.tr("客户信息登记表中没有这个客户编号",
                                                   "This customer number is not in the register")));
        return;
    }
    const RowRef& entry = entries.front();
    for (const auto column : kRegisterFields) {
        const std::string value = show(w.input, entry, column);
        if (value.empty()) continue;
        w.add(CardLineKind::Field, w.label(entry, column) + std::string(w.tr("：", ": ")) + value,
              &entry, column);
    }
    if (entries.size() > 1)
        w.add(CardLineKind::Note,
              std::string(w.tr("登记表中有 ", "The register has this number ")) +
                  std::to_string(entries.size()) + std::string(w.tr(" 行是这个编号", " times")),
              &entries[1], "customerNo");
}

void writeLatestNegotiation(CardWriter& w, const std::vector<RowRef>& negotiations) {
    w.section("最近谈判", "Latest negotiation", 0);
    const RowRef* latest = nullptr;
    long latestDate = 0;
    for (const auto& ref : negotiations) {
        const long date = dateOf(w.input, ref, "meetingDate").value_or(0);
        if (!latest || date >= latestDate) {
            latest = &ref;
            latestDate = date;
        }
    }
    if (!latest) return w.none();
    const std::string round = text(*latest, "round");
    std::string roundText;
    if (!round.empty()) roundText = w.lang() == Lang::En ? "round " + round : "第" + round + "轮";
    w.add(CardLineKind::Item,
          joined({show(w.input, *latest, "meetingDate"), roundText, text(*latest, "topic"),
                  text(*latest, "outcome")},
                 " · "),
          latest, "meetingDate");
    const std::string next = text(*latest, "nextStep");
    if (!next.empty())
        w.add(CardLineKind::Field,
              w.label(*latest, "nextStep") + std::string(w.tr("：", ": ")) + next, latest,
              "nextStep");
    if (negotiations.size() > 1)
        w.add(CardLineKind::Note,
              std::string(w.tr("共 ", "")) + std::to_string(negotiations.size()) +
                  std::string(w.tr(" 次谈判记录", " negotiation records in all")));
}

void writeOpenActions(CardWriter& w, const std::vector<RowRef>& actions) {
    std::vector<std::pair<long, const RowRef*>> open;
    for (const auto& ref : actions) {
        const std::string status = text(ref, "status");
        if (isWord(status, "actionStatus", "done") || isWord(status, "actionStatus", "cancelled"))
            continue;
        if (dateOf(w.input, ref, "completedOn")) continue;
        open.emplace_back(dateOf(w.input, ref, "dueDate").value_or(0), &ref);
    }
    std::stable_sort(open.begin(), open.end(), [](const auto& a, const auto& b) {
        // Dated ones first, soonest first; undated last.
        if ((a.first == 0) != (b.first == 0)) return b.first == 0;
        return a.first < b.first;
    });
    w.card.openActions = static_cast<long>(open.size());
    w.section("未完成行动", "Open actions", open.size());
    if (open.empty()) return w.none();
    for (const auto& [due, ref] : open) {
        const bool overdue = due > 0 && due < w.input.today;
        std::string when;
        if (overdue) {
            ++w.card.overdueActions;
            when = w.lang() == Lang::En ? "overdue " + std::to_string(w.input.today - due) + " d"
                                        : "已逾期 " + std::to_string(w.input.today - due) + " 天";
        } else if (due > 0) {
            when = std::string(w.tr("截止 ", "due ")) + showDate(w.input, due);
        }
        w.add(overdue ? CardLineKind::Overdue : CardLineKind::Item,
              joined({when, text(*ref, "task"), text(*ref, "owner")}, " · "), ref, "dueDate");
    }
}

void writeContracts(CardWriter& w, const std::vector<RowRef>& contracts,
                    const std::vector<RecognisedSheet>& sheets) {
    w.card.contracts = static_cast<long>(contracts.size());
    w.section("合同", "Contracts", contracts.size());
    if (contracts.empty()) return w.none();
    for (const auto& ref : contracts) {
        w.add(CardLineKind::Item,
              joined({text(ref, "contractNo"), text(ref, "contractName"), text(ref, "amount"),
                      text(ref, "approvalResult"), text(ref, "contractStatus")},
                     " · "),
              &ref, "contractNo");
        for (const auto& milestone :
             rowsMatching(sheets, "execution", "contractNo", cellKey(cell(ref, "contractNo")))) {
            const std::string status = text(milestone, "status");
            const auto planned = dateOf(w.input, milestone, "plannedDate");
            const bool done = isWord(status, "milestoneStatus", "done") ||
                              dateOf(w.input, milestone, "actualDate").has_value();
            const bool late = !done && planned && *planned < w.input.today;
            w.add(late ? CardLineKind::Overdue : CardLineKind::Item,
                  "  " + joined({text(milestone, "milestone"),
                                 planned ? std::string(w.tr("计划 ", "planned ")) +
                                               showDate(w.input, *planned)
                                         : std::string(),
                                 status},
                                " · "),
                  &milestone, "plannedDate");
        }
    }
}

// The last follow-up (SPEC §12: a negotiation, an action or a key point dated in the
// protection time) and a signed contract decide when the customer returns to the pool.
void writeProtection(CardWriter& w, const std::vector<RowRef>& negotiations,
                     const std::vector<RowRef>& actions, const std::vector<RowRef>& keyPoints,
                     const std::vector<RowRef>& contracts) {
    w.section("保护期", "Protection", 0);
    // A team register: the server decides (its claim date, its clock, every member's follow-ups).
    if (const auto team = w.input.teamProtection.find(std::string(trimSpaces(w.card.customerNo)));
        team != w.input.teamProtection.end()) {
        if (team->second.until == "signed") {
            w.card.protectedBySignedContract = true;
            w.add(CardLineKind::Note,
                  std::string(w.tr("团队服务器：", "Team server: ")) + team->second.since +
                      std::string(w.tr(" 报备，已签约，不回收公海",
                                       " registered, signed: never returns to the pool")));
            return;
        }
        const auto civil = parseIsoDate(team->second.until);
        const auto end = civil ? w.input.dates.toSerial(*civil) : std::nullopt;
        if (end) w.card.protectionEnd = *end;
        const bool ended = end && *end < w.input.today;
        w.add(ended ? CardLineKind::Overdue : CardLineKind::Note,
              std::string(w.tr("团队服务器：", "Team server: ")) + team->second.since +
                  std::string(w.tr(" 报备，保护期至 ", " registered, protected until ")) +
                  team->second.until);
        return;
    }
    for (const auto& ref : contracts)
        if (dateOf(w.input, ref, "signedOn")) w.card.protectedBySignedContract = true;
    if (w.card.protectedBySignedContract) {
        w.add(CardLineKind::Note,
              std::string(w.tr("已签约，不回收公海", "Signed: never returns to the pool")));
        return;
    }
    long last = 0;
    for (const auto& ref : negotiations)
        last = std::max(last, dateOf(w.input, ref, "meetingDate").value_or(0));
    for (const auto& ref : actions)
        last = std::max(last, dateOf(w.input, ref, "createdOn").value_or(0));
    for (const auto& ref : keyPoints)
        last = std::max(last, dateOf(w.input, ref, "date").value_or(0));
    if (last == 0) {
        w.add(CardLineKind::Note,
              std::string(w.tr("没有带日期的跟进记录", "No dated follow-up yet")));
        return;
    }
    w.card.protectionEnd = last + w.input.protectionDays;
    const bool ended = *w.card.protectionEnd < w.input.today;
    w.add(ended ? CardLineKind::Overdue : CardLineKind::Note,
          std::string(ended ? w.tr("保护期已于 ", "Protection ended ")
                            : w.tr("保护期至 ", "Protected until ")) +
              showDate(w.input, *w.card.protectionEnd) +
              std::string(ended ? w.tr(" 结束", "") : "") +
              std::string(w.tr("（最近跟进 ", " (last follow-up ")) + showDate(w.input, last) +
              std::string(w.tr("）", ")")));
}

void writeDuplicates(CardWriter& w) {
    if (w.input.possibleDuplicates.empty()) return;
    w.section("可能重复", "Possible duplicates", w.input.possibleDuplicates.size());
    for (const auto& hint : w.input.possibleDuplicates) {
        CardLine line;
        line.kind = CardLineKind::Item;
        line.text = joined({hint.customerNo, hint.customerName, hint.reason}, " · ");
        line.sheet = hint.sheet;
        line.row = hint.row;
        line.column = 0;
        w.card.lines.push_back(std::move(line));
    }
}

}  // namespace

std::string customerOfRow(const std::vector<RecognisedSheet>& sheets, std::string_view sheetName,
                          int sheetRow) {
    for (const auto& s : sheets) {
        if (!s.schema || !s.data || s.data->name != sheetName) continue;
        for (int r = 1; r < s.data->rowCount(); ++r) {
            if (s.data->sheetRow(r) != sheetRow) continue;
            const RowRef ref{&s, r};
            const std::string customer = text(ref, "customerNo");
            if (!customer.empty() || s.column("customerNo") >= 0) return customer;
            // Execution and acceptance rows name a contract: its customer is the approval's.
            const std::string contract = cellKey(cell(ref, "contractNo"));
            for (const auto& approval : rowsMatching(sheets, "approvals", "contractNo", contract)) {
                const std::string owner = text(approval, "customerNo");
                if (!owner.empty()) return owner;
            }
            for (const auto& handover : rowsMatching(sheets, "handover", "contractNo", contract)) {
                const std::string owner = text(handover, "customerNo");
                if (!owner.empty()) return owner;
            }
            return {};
        }
        return {};
    }
    return {};
}

CustomerCard buildCustomerCard(const CardInput& input, std::string_view customerNo) {
    CustomerCard card;
    card.customerNo = std::string(trimSpaces(customerNo));
    CardWriter w{input, card};
    const std::string key = foldForComparison(customerNo);
    const auto entries = rowsMatching(input.sheets, "customers", "customerNo", key);
    const auto negotiations = rowsMatching(input.sheets, "negotiations", "customerNo", key);
    const auto actions = rowsMatching(input.sheets, "actions", "customerNo", key);
    const auto keyPoints = rowsMatching(input.sheets, "keyPoints", "customerNo", key);
    const auto contracts = rowsMatching(input.sheets, "approvals", "customerNo", key);
    if (key.empty() || (entries.empty() && negotiations.empty() && actions.empty() &&
                        keyPoints.empty() && contracts.empty())) {
        w.add(CardLineKind::Note,
              key.empty()
                  ? std::string(w.tr("选中一行客户相关的记录，这里显示该客户的全部信息",
                                     "Select a row about a customer to see the customer here"))
                  : std::string(w.tr("工作簿中没有客户编号 ", "The workbook has no customer ")) +
                        card.customerNo);
        return card;
    }
    card.registered = !entries.empty();
    if (card.registered) {
        card.customerNo = text(entries.front(), "customerNo");
        card.customerName = text(entries.front(), "customerName");
        card.owner = text(entries.front(), "owner");
    }
    w.add(CardLineKind::Title, joined({card.customerNo, card.customerName}, " "),
          card.registered ? &entries.front() : nullptr, "customerNo");
    writeRegister(w, entries);
    writeLatestNegotiation(w, negotiations);
    writeOpenActions(w, actions);
    writeContracts(w, contracts, input.sheets);
    writeProtection(w, negotiations, actions, keyPoints, contracts);
    writeDuplicates(w);
    return card;
}

std::string cardLineText(const CardLine& line) {
    switch (line.kind) {
        case CardLineKind::Title:
            return line.text;
        case CardLineKind::Section:
            return "【" + line.text + "】";
        case CardLineKind::Overdue:
            return "  ⚠ " + line.text;
        case CardLineKind::Item:
            return "  · " + line.text;
        case CardLineKind::Field:
        case CardLineKind::Note:
            return "  " + line.text;
    }
    return line.text;
}

}  // namespace dealsheet

namespace dealsheet {

std::string nextActionNumber(const std::vector<RecognisedSheet>& sheets) {
    std::string best;
    std::string bestPrefix;
    unsigned long long bestValue = 0;
    std::size_t bestWidth = 0;
    for (const auto* s : sheetsOf(sheets, "actions")) {
        const int c = s->column("actionNo");
        if (c < 0) continue;
        for (int r = 1; r < s->data->rowCount(); ++r) {
            const std::string number = text({s, r}, "actionNo");
            std::size_t start = number.size();
            while (start > 0 && number[start - 1] >= '0' && number[start - 1] <= '9') --start;
            const std::size_t width = number.size() - start;
            if (width == 0 || width > 18) continue;
            const unsigned long long value = std::stoull(number.substr(start));
            if (best.empty() || value > bestValue) {
                best = number;
                bestPrefix = number.substr(0, start);
                bestValue = value;
                bestWidth = width;
            }
        }
    }
    if (best.empty()) return {};
    std::string digits = std::to_string(bestValue + 1);
    if (digits.size() < bestWidth) digits.insert(0, bestWidth - digits.size(), '0');
    return bestPrefix + digits;
}

}  // namespace dealsheet

namespace dealsheet {

std::map<std::string, TeamProtection> parseTeamProtection(std::string_view text) {
    std::map<std::string, TeamProtection> protection;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        const auto first = line.find('\t');
        const auto second = first == std::string_view::npos ? first : line.find('\t', first + 1);
        if (second == std::string_view::npos ||
            line.find('\t', second + 1) != std::string_view::npos)
            continue;
        const std::string key(trimSpaces(line.substr(0, first)));
        if (key.empty()) continue;
        protection[key] = {std::string(line.substr(first + 1, second - first - 1)),
                           std::string(line.substr(second + 1))};
    }
    return protection;
}

std::string formatTeamProtection(const std::map<std::string, TeamProtection>& protection) {
    std::string text;
    for (const auto& [customerNo, dates] : protection)
        text += customerNo + '\t' + dates.since + '\t' + dates.until + '\n';
    return text;
}

}  // namespace dealsheet
