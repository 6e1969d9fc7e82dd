// Working days (Monday to Friday, less the Settings sheet's holidays) between serial days.
#pragma once

#include <set>

#include "core/workbook/dates.hpp"

namespace dealsheet {

// Working days after `from` up to and including `to` (0 when `to` <= `from`).
long workingDaysBetween(const SerialDates& dates, long from, long to,
                        const std::set<long>& holidays);

}  // namespace dealsheet
