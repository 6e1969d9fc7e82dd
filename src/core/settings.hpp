// The Settings sheet (设置): name-value rows read by the functions' defaults and by Validate.
// A missing sheet, row or value means the default.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "cell.hpp"
#include "grading.hpp"
#include "schema.hpp"

namespace dealsheet {

// Whose deadlines the reminders on opening show (提醒范围): the user's own, or everyone's.
enum class ReminderScope { Mine, All };

struct Settings {
    GradeThresholds thresholds;
    long reminderDays = 2;
    ReminderScope reminderScope = ReminderScope::Mine;
    long staleDays = 7;
    std::set<long> holidays;            // serial days
    std::vector<std::string> problems;  // values that could not be read (kept as defaults)
};

// Reads rows of (name, value): names in either language; values numbers (dates for holidays)
// from 0 to 1e8, or a word of the setting's list (either language); other values are problems.
Settings readSettings(const Schema& schema, const CellGrid& rows);

}  // namespace dealsheet
