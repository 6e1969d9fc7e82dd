// The workbook's deadlines at the rim (SPEC §9): read the sheets, ask the core whose deadlines
// are due, and hand them to the reminder bar, the list, the macro API and the calendar file.
// Nothing here changes the document.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "core/reminders/reminders.hpp"
#include "uno/commands/commands.hxx"

namespace dealsheet::uno {

struct WorkbookDeadlines {
    bool hasDeadlineSheets = false;  // an actions, execution or acceptance sheet is there
    std::vector<Deadline> open;      // every open deadline of the audience
    Audience audience;
    Settings settings;
    SerialDates dates;
    long today = 0;
    Lang lang = Lang::Zh;  // the workbook's, for the calendar texts
};

// `owner` given: that owner's deadlines ("" = everyone's). Not given: the office user's, as the
// Settings' 提醒范围 says. Only the columns needed are read; without `texts` only those the
// reminder bar counts with (no titles, no customers).
WorkbookDeadlines readDeadlines(const Reference<css::uno::XComponentContext>& context,
                                const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                const std::optional<std::string>& owner, bool texts = true);

// The name in Tools > Options > User Data ("" when none), as shown.
std::string officeUserName(const Reference<css::uno::XComponentContext>& context);

// One line per deadline due now, in the office's language, fields joined by `separator`.
std::vector<std::string> reminderLines(const Reference<css::uno::XComponentContext>& context,
                                       const WorkbookDeadlines& deadlines,
                                       const std::string& separator);

// Writes the calendar file; count = entries written (0: no file written).
CommandOutcome exportCalendar(const Reference<css::uno::XComponentContext>& context,
                              const Reference<css::sheet::XSpreadsheetDocument>& doc,
                              const std::string& fileUrl);

// The office's file picker for the calendar file; nothing when the user cancels.
std::optional<std::string> pickCalendarFile(const Reference<css::uno::XComponentContext>& context,
                                            const Reference<css::sheet::XSpreadsheetDocument>& doc);

// True when the document's window is on the screen (documents loaded hidden never are).
bool windowShown(const Reference<css::frame::XModel>& model);

// The reminder bar on a document's window (opening): counts and a button to list them.
// Nothing without a visible window, without deadline sheets or with nothing due.
void showReminderBar(const Reference<css::uno::XComponentContext>& context,
                     const Reference<css::frame::XModel>& model);

// The list of what is due (in a window, when there is something); "Go to" selects the chosen
// row's date cell. Returns the summary and the lines as text.
std::string showReminderList(const Reference<css::uno::XComponentContext>& context,
                             const Reference<css::frame::XFrame>& frame,
                             const Reference<css::sheet::XSpreadsheetDocument>& doc, bool window,
                             bool& listShown);

}  // namespace dealsheet::uno
