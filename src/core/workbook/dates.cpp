#include "core/workbook/dates.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

#include <boost/date_time/gregorian/gregorian.hpp>

namespace dealsheet {
namespace {

namespace greg = boost::gregorian;

std::optional<greg::date> makeDate(const CivilDate& d) {
    // Boost's range; checked before the casts, which would wrap (year 67436 -> 1900).
    if (d.year < 1400 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
        return std::nullopt;
    try {
        return greg::date(static_cast<unsigned short>(d.year), static_cast<unsigned short>(d.month),
                          static_cast<unsigned short>(d.day));
    } catch (const std::out_of_range&) {
        return std::nullopt;
    }
}

}  // namespace

std::string isoDate(const CivilDate& date) {
    // Written by hand when every part fits its width (what "%04d-%02d-%02d" writes then): a
    // check shows a date in every finding about one, tens of thousands of them.
    if (date.year >= 0 && date.year <= 9999 && date.month >= 0 && date.month <= 99 &&
        date.day >= 0 && date.day <= 99) {
        std::string text(10, '-');
        const auto put = [&text](std::size_t at, int value, std::size_t width) {
            for (std::size_t i = width; i-- > 0; value /= 10)
                text[at + i] = static_cast<char>('0' + value % 10);
        };
        put(0, date.year, 4);
        put(5, date.month, 2);
        put(8, date.day, 2);
        return text;
    }
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

std::optional<CivilDate> parseIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    const auto number = [&](std::size_t from, std::size_t length) {
        int value = 0;
        for (std::size_t i = from; i < from + length; ++i) value = value * 10 + (text[i] - '0');
        return value;
    };
    return CivilDate{number(0, 4), number(5, 2), number(8, 2)};
}

std::string isoMonth(int year, int month) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
    return buffer;
}

std::optional<long> wholeDay(double serial) {
    // Calc's own date range ends around serial 2.9 million (year 9999); beyond ±1e8 nothing
    // can be a date and the cast to long would be unsafe.
    if (!std::isfinite(serial) || std::fabs(serial) > 1e8) return std::nullopt;
    return static_cast<long>(std::floor(serial));
}

SerialDates::SerialDates(CivilDate nullDate) : nullDate_(nullDate) {
    const auto date = makeDate(nullDate);
    if (!date) throw std::invalid_argument("null date is not a calendar date");
    nullDayNumber_ = static_cast<long>(date->day_number());
}

namespace {
const greg::date& firstDate() {
    static const greg::date first(1400, 1, 1);
    return first;
}
// The day numbers of Boost's range, 1400-01-01 .. 9999-12-31.
long firstDay() {
    static const long first = static_cast<long>(firstDate().day_number());
    return first;
}
long lastDay() {
    static const long last = static_cast<long>(greg::date(9999, 12, 31).day_number());
    return last;
}
}  // namespace

bool SerialDates::isDate(double serial) const {
    const auto day = wholeDay(serial);
    return day && nullDayNumber_ + *day >= firstDay() && nullDayNumber_ + *day <= lastDay();
}

std::optional<CivilDate> SerialDates::toCivil(double serial) const {
    if (!isDate(serial)) return std::nullopt;
    const long dayNumber = nullDayNumber_ + *wholeDay(serial);
    const greg::date date = firstDate() + greg::days(dayNumber - firstDay());
    const auto ymd = date.year_month_day();
    return CivilDate{static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                     static_cast<int>(ymd.day)};
}

std::optional<long> SerialDates::toSerial(CivilDate civil) const {
    const auto date = makeDate(civil);
    if (!date) return std::nullopt;
    return static_cast<long>(date->day_number()) - nullDayNumber_;
}

long SerialDates::todaySerial() const {
    const greg::date today = greg::day_clock::local_day();
    return static_cast<long>(today.day_number()) - nullDayNumber_;
}

}  // namespace dealsheet
