#include "core/workbook/workdays.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

namespace dealsheet {

long workingDaysBetween(const SerialDates& dates, long from, long to,
                        const std::set<long>& holidays) {
    if (to <= from) return 0;
    const auto start = dates.toCivil(static_cast<double>(from));
    if (!start || to - from > 366 * 50) return to - from;  // absurd spans: count every day
    namespace greg = boost::gregorian;
    greg::date day(static_cast<unsigned short>(start->year),
                   static_cast<unsigned short>(start->month),
                   static_cast<unsigned short>(start->day));
    long count = 0;
    for (long serial = from + 1; serial <= to; ++serial) {
        day += greg::days(1);
        const auto weekday = day.day_of_week().as_number();  // 0 = Sunday
        if (weekday != 0 && weekday != 6 && holidays.count(serial) == 0) ++count;
    }
    return count;
}

}  // namespace dealsheet
