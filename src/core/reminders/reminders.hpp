// Deadlines of the workbook and whose they are (SPEC §9): open follow-up actions, execution
// milestones not done and rectifications of failed acceptances. One function decides which
// rows are open deadlines for whom; the reminder bar on opening, the macro's dueReminders and
// the calendar export all read its answer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/workbook/dates.hpp"
#include "core/workbook/settings.hpp"
#include "core/workbook/workbook.hpp"

namespace dealsheet {

enum class DeadlineKind { Action, Milestone, Rectification };
enum class Urgency { Overdue, DueSoon, Later };

struct Deadline {
    DeadlineKind kind = DeadlineKind::Action;
    Urgency urgency = Urgency::Later;
    long due = 0;        // serial day
    std::string sheet;   // the sheet's name in the workbook
    int row = 0;         // 0-based row on that sheet
    int dueColumn = -1;  // 0-based column of the date
    // What names the row whatever is edited around it: the action number; the contract and
    // milestone; the contract and delivery date of the acceptance.
    std::string identity;
    std::string reference;  // 行动编号 or 合同编号, as typed
    std::string title;      // task, milestone, rectification measures
    std::string owner;
    std::string customerNo;
    std::string customerName;
    std::string status;  // as typed
    std::string notes;   // 备注 / 偏差说明 / 未达标项
};

// True when the owner cell names `name`: several owners may share a cell (、 , ， / ; ；
// & and line breaks separate them); case, full-width forms and spaces are ignored.
bool ownerMatches(std::string_view ownerCell, std::string_view name);

// Who the reminders are for: everyone, or the rows whose 负责人 is one of `names` (the same
// person written either way round: "Lei Wang", "Wang Lei").
struct Audience {
    bool everyone = true;
    std::vector<std::string> names;
    bool includes(std::string_view ownerCell) const;
};

// The user of the office (Tools > Options > User Data): given name and surname, in either
// order ("王磊" typed as surname 王 and given name 磊 too). Settings say Mine or All; with no
// name set the reminders are everyone's.
Audience audienceOf(ReminderScope scope, std::string_view givenName, std::string_view surname);

// Every open deadline of the audience in the recognised sheets, sorted by due date (then
// sheet and row). Open: an action not 已完成/已取消 without a completion date; a milestone not
// 已完成 without an actual date; a rectification of a 未通过 acceptance not 已完成. Rows
// without a valid date are left out (Validate reports them).
std::vector<Deadline> openDeadlines(const std::vector<RecognisedSheet>& sheets,
                                    const SerialDates& dates, long today, long windowDays,
                                    const Audience& audience);

// Those overdue or due within the window: what the reminders show.
std::vector<Deadline> dueNow(const std::vector<Deadline>& deadlines);

struct ReminderCounts {
    long overdueActions = 0;
    long dueSoonActions = 0;
    long overdueMilestones = 0;
    long dueSoonMilestones = 0;
    long overdueRectifications = 0;
    long dueSoonRectifications = 0;
    long total() const {
        return overdueActions + dueSoonActions + overdueMilestones + dueSoonMilestones +
               overdueRectifications + dueSoonRectifications;
    }
};
ReminderCounts countDue(const std::vector<Deadline>& deadlines);

// The reminder bar's text: "逾期行动 4 项，2 天内到期 3 项；逾期里程碑 3 个".
std::string reminderSummary(const ReminderCounts& counts, long windowDays, Lang lang);

// One line per deadline, for the list and for macros, fields separated by `separator`:
// state, due date, kind and reference, title, customer, owner, sheet and cell.
std::string reminderLine(const Deadline& deadline, const SerialDates& dates, long today, Lang lang,
                         std::string_view separator);

// The language most recognised sheets are named in (Chinese on a tie).
Lang workbookLanguage(const std::vector<RecognisedSheet>& sheets);

}  // namespace dealsheet
