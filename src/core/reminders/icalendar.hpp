// The workbook's deadlines as an iCalendar file (RFC 5545): one all-day event per deadline
// with an alarm before it. Written here, as text, so the component links no iCalendar library
// (Debian's libical has no position-independent static archive, and a shared one would be
// missing wherever LibreOffice runs without it); the tests read every file back with libical
// and with Python's icalendar.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/reminders/reminders.hpp"
#include "core/text/localized.hpp"
#include "core/workbook/dates.hpp"

namespace dealsheet {

struct CalendarEvent {
    std::string uid;
    CivilDate date;
    std::string summary;
    std::string description;
    std::string category;
    std::string cell;  // sheet and cell of the date, e.g. 跟进行动表!G21 (X-DEALSHEET-CELL)
    long alarmDaysBefore = 0;
};

// A UTC time for DTSTAMP: 2026-12-01 23:15:00 -> "20261201T231500Z".
struct UtcTime {
    CivilDate date;
    int hour = 0, minute = 0, second = 0;
};

// TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, line breaks as \n;
// control characters other than tab (not allowed in TEXT) become spaces; invalid UTF-8
// becomes U+FFFD.
std::string escapeText(std::string_view text);

// Folds a content line into lines of at most 75 octets (CRLF + space), never inside a
// UTF-8 sequence (3.1); ends it with CRLF.
std::string foldLine(std::string_view line);

// The UID of a deadline: stable for its row's identity (editing the row's date, text or owner
// keeps it), e.g. "action-5d1f0c9a3b2e4f10@dealsheet.org".
std::string deadlineUid(const Deadline& deadline);

// The events of the deadlines, texts in `lang` with customer name and number. UIDs repeated
// within one export (a duplicated action number) get a suffix so no entry swallows another.
std::vector<CalendarEvent> calendarEvents(const std::vector<Deadline>& deadlines,
                                          const SerialDates& dates, long alarmDaysBefore,
                                          Lang lang);

// The whole VCALENDAR. `stamp` is the export time (DTSTAMP, LAST-MODIFIED, and SEQUENCE in
// minutes since 2020, so each export supersedes the one before on re-import).
std::string writeCalendar(const std::vector<CalendarEvent>& events, const UtcTime& stamp,
                          Lang lang);

}  // namespace dealsheet
