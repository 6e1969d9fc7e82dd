#include "core/reminders/reminders.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/functions/due.hpp"
#include "core/text/text.hpp"
#include "core/workbook/layout.hpp"
#include "core/workbook/vocabulary.hpp"

namespace dealsheet {
namespace {

// A name as compared: folded (case, full-width) with every space removed.
std::string nameKey(std::string_view name) {
    std::string key;
    for (char c : foldForComparison(name))
        if (c != ' ') key += c;
    return key;
}

bool isOwnerSeparator(char32_t c) {
    return c == U'、' || c == U',' || c == U'，' || c == U'/' || c == U'／' || c == U';' ||
           c == U'；' || c == U'&' || c == U'＆' || c == U'\n' || c == U'\r';
}

// The cells of one recognised sheet, read by schema column id.
class Rows {
  public:
    Rows(const RecognisedSheet& sheet, const SerialDates& dates) : sheet_(sheet), dates_(dates) {}

    std::string text(int row, std::string_view column) const {
        const int c = sheet_.column(column);
        if (c < 0 || sheet_.data->errorAt(row, c)) return {};
        const CellValue& value = sheet_.data->at(row, c);
        if (const auto* t = std::get_if<std::string>(&value)) return std::string(trimSpaces(*t));
        if (const auto* n = std::get_if<double>(&value)) return formatNumber(*n);
        return {};
    }
    // A date cell: a number Calc can show as a date. Text that looks like a date is not one
    // (Validate reports it as TYPE); such rows are left out.
    std::optional<long> date(int row, std::string_view column) const {
        const int c = sheet_.column(column);
        if (c < 0 || sheet_.data->errorAt(row, c)) return std::nullopt;
        const auto* n = std::get_if<double>(&sheet_.data->at(row, c));
        if (!n || !dates_.toCivil(*n)) return std::nullopt;
        return wholeDay(*n);
    }
    bool blank(int row, std::string_view column) const {
        const int c = sheet_.column(column);
        return c < 0 || isBlankCell(sheet_.data->at(row, c));
    }
    std::string listId(int row, std::string_view column) const {
        const ColumnSchema* schema = sheet_.schema->column(column);
        if (!schema || !schema->list) return {};
        const EnumValue* value = schema->list->find(text(row, column));
        return value ? value->id : std::string();
    }
    int rows() const { return sheet_.data->rowCount(); }
    const RecognisedSheet& sheet() const { return sheet_; }

  private:
    const RecognisedSheet& sheet_;
    const SerialDates& dates_;
};

Urgency urgencyOf(long due, long today, long windowDays) {
    if (due < today) return Urgency::Overdue;
    return due - today <= windowDays ? Urgency::DueSoon : Urgency::Later;
}

std::string flat(std::string_view text) {
    std::string out;
    for (char c : text) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    return out;
}

}  // namespace

bool ownerMatches(std::string_view ownerCell, std::string_view name) {
    const std::string wanted = nameKey(name);
    if (wanted.empty()) return false;
    std::size_t pos = 0, start = 0;
    while (pos <= ownerCell.size()) {
        std::size_t next = pos;
        const bool end = pos == ownerCell.size();
        if (end || isOwnerSeparator(decodeUtf8(ownerCell, next))) {
            if (nameKey(ownerCell.substr(start, pos - start)) == wanted) return true;
            if (end) break;
            start = next;
        }
        pos = next;
    }
    return false;
}

bool Audience::includes(std::string_view ownerCell) const {
    return everyone || std::any_of(names.begin(), names.end(), [&](const std::string& name) {
               return ownerMatches(ownerCell, name);
           });
}

Audience audienceOf(ReminderScope scope, std::string_view givenName, std::string_view surname) {
    const std::string given(trimSpaces(givenName)), family(trimSpaces(surname));
    Audience audience;
    if (scope == ReminderScope::All || (given.empty() && family.empty())) return audience;
    audience.everyone = false;
    if (given.empty() || family.empty()) {
        audience.names.push_back(given + family);
    } else {
        audience.names.push_back(given + " " + family);
        audience.names.push_back(family + " " + given);
    }
    return audience;
}

std::vector<Deadline> openDeadlines(const std::vector<RecognisedSheet>& sheets,
                                    const SerialDates& dates, long today, long windowDays,
                                    const Audience& audience) {
    // Customer names by number, and the customer of each contract, for the texts.
    std::map<std::string, std::string> customerNames, contractCustomers;
    for (const auto& sheet : sheets) {
        const Rows rows(sheet, dates);
        if (sheet.schema->id == "customers")
            for (int r = 1; r < rows.rows(); ++r)
                customerNames.emplace(rows.text(r, "customerNo"), rows.text(r, "customerName"));
        if (sheet.schema->id == "approvals")
            for (int r = 1; r < rows.rows(); ++r)
                contractCustomers.emplace(rows.text(r, "contractNo"), rows.text(r, "customerNo"));
    }
    customerNames.erase("");
    contractCustomers.erase("");

    std::vector<Deadline> found;
    const auto add = [&](const Rows& rows, int r, DeadlineKind kind, std::string_view dateColumn,
                         std::string owner, std::string customerNo) -> Deadline* {
        const auto due = rows.date(r, dateColumn);
        if (!due || !audience.includes(owner)) return nullptr;
        Deadline d;
        d.kind = kind;
        d.due = *due;
        d.urgency = urgencyOf(*due, today, windowDays);
        d.sheet = rows.sheet().data->name;
        d.row = rows.sheet().data->sheetRow(r);  // the sheet's row, below a title too
        d.dueColumn = rows.sheet().column(dateColumn);
        d.owner = std::move(owner);
        d.customerNo = std::move(customerNo);
        if (const auto it = customerNames.find(d.customerNo); it != customerNames.end())
            d.customerName = it->second;
        return &found.emplace_back(std::move(d));
    };
    const auto customerOfContract = [&](const std::string& contractNo) {
        const auto it = contractCustomers.find(contractNo);
        return it == contractCustomers.end() ? std::string() : it->second;
    };

    for (const auto& sheet : sheets) {
        const Rows rows(sheet, dates);
        const std::string& id = sheet.schema->id;
        for (int r = 1; r < rows.rows(); ++r) {
            if (id == "actions") {
                if (isClosedStatus(rows.text(r, "status")) || !rows.blank(r, "completedOn"))
                    continue;
                Deadline* added = add(rows, r, DeadlineKind::Action, "dueDate",
                                      rows.text(r, "owner"), rows.text(r, "customerNo"));
                if (!added) continue;
                Deadline& d = *added;
                d.reference = rows.text(r, "actionNo");
                d.identity = d.reference;
                d.title = rows.text(r, "task");
                d.status = rows.text(r, "status");
                d.notes = rows.text(r, "notes");
            } else if (id == "execution") {
                if (rows.listId(r, "status") == "done" || !rows.blank(r, "actualDate")) continue;
                const std::string contract = rows.text(r, "contractNo");
                Deadline* added = add(rows, r, DeadlineKind::Milestone, "plannedDate",
                                      rows.text(r, "owner"), customerOfContract(contract));
                if (!added) continue;
                Deadline& d = *added;
                d.reference = contract;
                d.title = rows.text(r, "milestone");
                d.identity = contract + "\x1f" + d.title;
                d.status = rows.text(r, "status");
                d.notes = rows.text(r, "deviation");
            } else if (id == "acceptance") {
                if (rows.listId(r, "result") != "failed" ||
                    rows.listId(r, "rectificationStatus") == "done")
                    continue;
                const std::string contract = rows.text(r, "contractNo");
                Deadline* added =
                    add(rows, r, DeadlineKind::Rectification, "rectificationDue",
                        rows.text(r, "rectificationOwner"), customerOfContract(contract));
                if (!added) continue;
                Deadline& d = *added;
                d.reference = contract;
                d.title = rows.text(r, "rectification");
                const auto delivered = rows.date(r, "deliveredOn");
                d.identity = contract + "\x1f" + (delivered ? std::to_string(*delivered) : "");
                d.status = rows.text(r, "rectificationStatus");
                d.notes = rows.text(r, "failedItems");
            }
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const Deadline& a, const Deadline& b) {
        return std::tie(a.due, a.kind, a.sheet, a.row) < std::tie(b.due, b.kind, b.sheet, b.row);
    });
    return found;
}

std::vector<Deadline> dueNow(const std::vector<Deadline>& deadlines) {
    std::vector<Deadline> due;
    std::copy_if(deadlines.begin(), deadlines.end(), std::back_inserter(due),
                 [](const Deadline& d) { return d.urgency != Urgency::Later; });
    return due;
}

ReminderCounts countDue(const std::vector<Deadline>& deadlines) {
    ReminderCounts counts;
    for (const auto& d : deadlines) {
        if (d.urgency == Urgency::Later) continue;
        const bool overdue = d.urgency == Urgency::Overdue;
        switch (d.kind) {
            case DeadlineKind::Action:
                ++(overdue ? counts.overdueActions : counts.dueSoonActions);
                break;
            case DeadlineKind::Milestone:
                ++(overdue ? counts.overdueMilestones : counts.dueSoonMilestones);
                break;
            case DeadlineKind::Rectification:
                ++(overdue ? counts.overdueRectifications : counts.dueSoonRectifications);
                break;
        }
    }
    return counts;
}

std::string reminderSummary(const ReminderCounts& counts, long windowDays, Lang lang) {
    const bool en = lang == Lang::En;
    const std::string window = std::to_string(windowDays);
    std::string text;
    const auto part = [&](long overdue, long soon, const char* zhName, const char* enName,
                          const char* zhUnit) {
        if (overdue == 0 && soon == 0) return;
        if (!text.empty()) text += en ? "; " : "；";
        if (en)
            text += std::string(enName) + ": " + std::to_string(overdue) + " overdue, " +
                    std::to_string(soon) + " due within " + window + " days";
        else
            text += std::string(zhName) + "：逾期 " + std::to_string(overdue) + " " + zhUnit +
                    "，" + window + " 天内到期 " + std::to_string(soon) + " " + zhUnit;
    };
    part(counts.overdueActions, counts.dueSoonActions, "跟进行动", "Actions", "项");
    part(counts.overdueMilestones, counts.dueSoonMilestones, "履约里程碑", "Milestones", "个");
    part(counts.overdueRectifications, counts.dueSoonRectifications, "整改", "Rectifications",
         "项");
    return text;
}

std::string reminderLine(const Deadline& d, const SerialDates& dates, long today, Lang lang,
                         std::string_view separator) {
    const bool en = lang == Lang::En;
    std::string state;
    const long days = d.due - today;
    if (days < 0)
        state = en ? std::to_string(-days) + " day(s) overdue"
                   : "已逾期 " + std::to_string(-days) + " 天";
    else if (days == 0)
        state = en ? "due today" : "今天到期";
    else
        state =
            en ? "due in " + std::to_string(days) + " day(s)" : std::to_string(days) + " 天后到期";
    const auto civil = dates.toCivil(static_cast<double>(d.due));
    const Text kinds[] = {
        {"跟进行动", "Action"}, {"履约里程碑", "Milestone"}, {"整改", "Rectification"}};
    std::string customer = d.customerName;
    if (!d.customerNo.empty())
        customer += customer.empty() ? d.customerNo : " (" + d.customerNo + ")";
    const std::string place =
        d.sheet + "!" +
        (d.dueColumn >= 0 ? cellAddress(d.dueColumn, d.row) : std::to_string(d.row + 1));
    const std::string fields[] = {state,
                                  civil ? isoDate(*civil) : std::string(),
                                  std::string(kinds[static_cast<int>(d.kind)].in(lang)) +
                                      (d.reference.empty() ? "" : " " + d.reference),
                                  d.title,
                                  customer,
                                  d.owner,
                                  place};
    std::string line;
    for (const auto& field : fields) {
        if (!line.empty()) line += separator;
        line += flat(field);
    }
    return line;
}

Lang workbookLanguage(const std::vector<RecognisedSheet>& sheets) {
    long english = 0;
    for (const auto& s : sheets) english += s.lang == Lang::En ? 1 : -1;
    return english > 0 ? Lang::En : Lang::Zh;
}

}  // namespace dealsheet
