// The customer card (SPEC §11, the sidebar's Customer panel, and XToolkit3's customerCard):
// for one customer number, what the workbook holds about that customer — the register entry,
// the latest negotiation, the open follow-up actions (overdue ones marked), the contracts with
// their milestones and the protection end (§12) — as lines to show. A pure query over the
// recognised sheets; the rim reads the workbook and shows the lines.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/localized.hpp"
#include "core/workbook/dates.hpp"
#include "core/workbook/workbook.hpp"

namespace dealsheet {

enum class CardLineKind {
    Title,    // the customer's number and name
    Section,  // a heading: 登记信息, 最近谈判, 未完成行动 (3), ...
    Field,    // "label: value" of the register entry
    Item,     // a negotiation, action, contract or milestone
    Overdue,  // an open action or milestone past its date
    Note,     // nothing found, protection end, a hint
};

struct CardLine {
    CardLineKind kind = CardLineKind::Note;
    std::string text;
    // The row the line is about (Go to), when it is one: the sheet's name and 0-based sheet row
    // and column; empty sheet otherwise.
    std::string sheet;
    int row = -1;
    int column = -1;
};

// A customer of the register that may be the same company (SPEC §12). Filled by the caller
// from the match keys (src/core/matching); the card only shows them.
struct DuplicateHint {
    std::string customerNo;
    std::string customerName;
    std::string reason;  // "同一手机号" / "same mobile", in the card's language
    std::string sheet;
    int row = -1;
};

// What the team server says of a customer (SPEC §12), kept by Sync with team in a document
// property: the day its owner claimed it and the end of its protection ("signed" while a
// contract is signed). The server's word, by the server's clock, over the workbook's own dates.
struct TeamProtection {
    std::string since;  // 2026-11-03
    std::string until;  // 2026-12-03, or "signed"
};
inline constexpr const char* kTeamProtectionProperty = "DealSheetProtection";
// One line per customer, "customerNo<TAB>since<TAB>until"; keys trimmed. Lines that are not
// three fields are skipped.
std::map<std::string, TeamProtection> parseTeamProtection(std::string_view text);
std::string formatTeamProtection(const std::map<std::string, TeamProtection>& protection);

struct CardInput {
    std::vector<RecognisedSheet> sheets;  // the workbook's recognised sheets, in order
    SerialDates dates;
    long today = 0;                                 // serial
    Lang lang = Lang::Zh;                           // the language of the lines (the office's)
    long protectionDays = 30;                       // Settings 保护期天数 (SPEC §12)
    std::vector<DuplicateHint> possibleDuplicates;  // hook: see DuplicateHint
    std::map<std::string, TeamProtection> teamProtection;  // by customer number, from the server
};

struct CustomerCard {
    bool registered = false;  // the register has a row of this number
    std::string customerNo;   // as typed in the register (else as asked)
    std::string customerName;
    std::string owner;
    long openActions = 0;
    long overdueActions = 0;
    long contracts = 0;
    // The day the customer returns to the pool (§12): the last follow-up (negotiation, action
    // created or key point) plus the protection days; none when a contract is signed or when
    // nothing is dated.
    std::optional<long> protectionEnd;
    bool protectedBySignedContract = false;
    std::vector<CardLine> lines;
};

// The customer number a row is about: its 客户编号 on the register and on every sheet that
// names the customer; on the execution and acceptance sheets, the customer of its contract.
// `sheetName` and `sheetRow` (0-based) as the user selected them; "" when the row names none.
std::string customerOfRow(const std::vector<RecognisedSheet>& sheets, std::string_view sheetName,
                          int sheetRow);

// Everything about `customerNo` (compared trimmed, full-/half-width and ASCII case folded).
// A number the workbook does not know gives a card with a single Note line.
CustomerCard buildCustomerCard(const CardInput& input, std::string_view customerNo);

// A line as text, as the panel's list and the macro show it: sections in 【】, fields and
// items indented, overdue items marked.
std::string cardLineText(const CardLine& line);

}  // namespace dealsheet

namespace dealsheet {

// The number a new follow-up action gets: the highest action number that ends in digits, one
// up, with its prefix and width kept ("XD-2026-009" -> "XD-2026-010"); "" when no number ends
// in digits (the user types one).
std::string nextActionNumber(const std::vector<RecognisedSheet>& sheets);

}  // namespace dealsheet
