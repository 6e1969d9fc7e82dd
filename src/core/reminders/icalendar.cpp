#include "core/reminders/icalendar.hpp"

#include <cstdint>
#include <cstdio>
#include <map>

#include "core/text/text.hpp"
#include "core/workbook/layout.hpp"

namespace dealsheet {
namespace {

constexpr std::size_t kMaxLineOctets = 75;

std::string twoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string basicDate(const CivilDate& d) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", d.year, d.month, d.day);
    return buffer;
}

std::string basicUtc(const UtcTime& t) {
    return basicDate(t.date) + "T" + twoDigits(t.hour) + twoDigits(t.minute) + twoDigits(t.second) +
           "Z";
}

// FNV-1a, 64 bits: a fixed function, so a row's UID is the same in every version.
std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

// The alarm at 09:00, `days` days before an all-day event (its start is midnight).
std::string alarmTrigger(long days) {
    if (days <= 0) return "PT9H";
    return "-PT" + std::to_string(days * 24 - 9) + "H";
}

std::string withCustomer(const Deadline& d, bool en) {
    if (d.customerName.empty()) return d.customerNo;
    if (d.customerNo.empty()) return d.customerName;
    return d.customerName + (en ? " (" : "（") + d.customerNo + (en ? ")" : "）");
}

}  // namespace

std::string escapeText(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t c = decodeUtf8(text, pos);
        switch (c) {
            case U'\\':
                out += "\\\\";
                break;
            case U';':
                out += "\\;";
                break;
            case U',':
                out += "\\,";
                break;
            case U'\n':
                out += "\\n";
                break;
            case U'\r':
                out += "\\n";
                if (pos < text.size() && text[pos] == '\n') ++pos;  // CRLF is one break
                break;
            default:
                if ((c < 0x20 && c != U'\t') || c == 0x7F)
                    out += ' ';
                else
                    appendUtf8(out, c);
        }
    }
    return out;
}

std::string foldLine(std::string_view line) {
    std::string out;
    out.reserve(line.size() + line.size() / 70 * 3 + 2);
    std::size_t lineOctets = 0, pos = 0;
    while (pos < line.size()) {
        std::size_t next = pos;
        decodeUtf8(line, next);  // the length of this code point's sequence
        if (lineOctets + (next - pos) > kMaxLineOctets) {
            out += "\r\n ";
            lineOctets = 1;
        }
        out.append(line.substr(pos, next - pos));
        lineOctets += next - pos;
        pos = next;
    }
    return out + "\r\n";
}

std::string deadlineUid(const Deadline& d) {
    static const char* const kinds[] = {"action", "milestone", "rectification"};
    const char* kind = kinds[static_cast<int>(d.kind)];
    // A row without its identity (a blank action number) can only be named by its place.
    const std::string identity =
        d.identity.empty() ? d.sheet + "\x1f#" + std::to_string(d.row) : d.identity;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(fnv1a(std::string(kind) + "\x1f" + identity)));
    return std::string(kind) + "-" + hex + "@org.dealsheet.calc";
}

std::vector<CalendarEvent> calendarEvents(const std::vector<Deadline>& deadlines,
                                          const SerialDates& dates, long alarmDaysBefore,
                                          Lang lang) {
    const bool en = lang == Lang::En;
    const auto line = [&](const char* zh, const char* english, const std::string& value) {
        return value.empty() ? std::string()
                             : std::string(en ? english : zh) + (en ? ": " : "：") + value + "\n";
    };
    std::map<std::string, int> seen;
    std::vector<CalendarEvent> events;
    for (const auto& d : deadlines) {
        const auto civil = dates.toCivil(static_cast<double>(d.due));
        if (!civil) continue;
        CalendarEvent e;
        e.uid = deadlineUid(d);
        if (const int n = ++seen[e.uid]; n > 1)
            e.uid.insert(e.uid.find('@'), "-" + std::to_string(n));
        e.date = *civil;
        e.alarmDaysBefore = alarmDaysBefore;
        e.cell = d.sheet + "!" +
                 (d.dueColumn >= 0 ? cellAddress(d.dueColumn, d.row) : std::to_string(d.row + 1));
        const std::string customer = withCustomer(d, en);
        const std::string date = isoDate(*civil);
        const std::string contract =
            d.reference.empty() ? "" : (en ? " (" : "（") + d.reference + (en ? ")" : "）");
        switch (d.kind) {
            case DeadlineKind::Action:
                e.category = en ? "Follow-up action" : "跟进行动";
                e.summary = (en ? "Follow-up: " : "跟进：") + d.title;
                e.description =
                    std::string(en ? "Follow-up action " : "跟进行动 ") + d.reference +
                    (en ? ": " : "：") + d.title + "\n" + line("客户", "Customer", customer) +
                    line("负责人", "Owner", d.owner) + line("截止日期", "Due date", date) +
                    line("状态", "Status", d.status) + line("备注", "Notes", d.notes);
                break;
            case DeadlineKind::Milestone:
                e.category = en ? "Contract milestone" : "履约里程碑";
                e.summary = (en ? "Milestone: " : "里程碑：") + d.title + contract;
                e.description =
                    std::string(en ? "Contract milestone: " : "履约里程碑：") + d.title + "\n" +
                    line("合同编号", "Contract No.", d.reference) +
                    line("客户", "Customer", customer) + line("负责人", "Owner", d.owner) +
                    line("计划完成日期", "Planned date", date) + line("状态", "Status", d.status) +
                    line("偏差说明", "Deviation", d.notes);
                break;
            case DeadlineKind::Rectification:
                e.category = en ? "Rectification" : "验收整改";
                e.summary = (en ? "Rectification: " : "整改：") + d.title + contract;
                e.description =
                    std::string(en ? "Rectification: " : "验收整改：") + d.title + "\n" +
                    line("合同编号", "Contract No.", d.reference) +
                    line("客户", "Customer", customer) + line("整改负责人", "Owner", d.owner) +
                    line("整改期限", "Due date", date) + line("整改状态", "Status", d.status) +
                    line("未达标项", "Failed items", d.notes);
                break;
        }
        if (!customer.empty()) e.summary += " · " + customer;
        e.description += line("位置", "Cell", e.cell) + "DealSheet";
        events.push_back(std::move(e));
    }
    return events;
}

std::string writeCalendar(const std::vector<CalendarEvent>& events, const UtcTime& stamp,
                          Lang lang) {
    const bool en = lang == Lang::En;
    const SerialDates gregorian;
    const auto minutesSince2020 = [&] {
        const auto day = gregorian.toSerial(stamp.date);
        const auto start = gregorian.toSerial({2020, 1, 1});
        return day && start ? (*day - *start) * 1440 + stamp.hour * 60 + stamp.minute : 0;
    }();
    std::string out;
    const auto put = [&](std::string_view name, std::string_view value) {
        out += foldLine(std::string(name) + ":" + std::string(value));
    };
    put("BEGIN", "VCALENDAR");
    put("VERSION", "2.0");
    put("PRODID", en ? "-//DealSheet//DealSheet for LibreOffice Calc//EN"
                     : "-//DealSheet//DealSheet for LibreOffice Calc//ZH");
    put("CALSCALE", "GREGORIAN");
    put("X-WR-CALNAME", escapeText(en ? "DealSheet deadlines" : "DealSheet 截止日期"));
    const std::string now = basicUtc(stamp);
    for (const auto& e : events) {
        const auto serial = gregorian.toSerial(e.date);
        const auto next =
            serial ? gregorian.toCivil(static_cast<double>(*serial + 1)) : std::nullopt;
        put("BEGIN", "VEVENT");
        put("UID", escapeText(e.uid));
        put("DTSTAMP", now);
        put("LAST-MODIFIED", now);
        put("SEQUENCE", std::to_string(minutesSince2020));
        put("DTSTART;VALUE=DATE", basicDate(e.date));
        put("DTEND;VALUE=DATE", basicDate(next ? *next : e.date));
        put("SUMMARY", escapeText(e.summary));
        put("DESCRIPTION", escapeText(e.description));
        put("CATEGORIES", escapeText(e.category));
        put("TRANSP", "TRANSPARENT");
        put("X-DEALSHEET-CELL", escapeText(e.cell));
        put("BEGIN", "VALARM");
        put("ACTION", "DISPLAY");
        put("DESCRIPTION", escapeText(e.summary));
        put("TRIGGER", alarmTrigger(e.alarmDaysBefore));
        put("END", "VALARM");
        put("END", "VEVENT");
    }
    put("END", "VCALENDAR");
    return out;
}

}  // namespace dealsheet
