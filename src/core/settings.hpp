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

// A Settings value that could not be read; the schema's default is used instead.
struct SettingProblem {
    const SettingSchema* setting = nullptr;
    std::string name;  // the row's name as written
    CellValue value;   // what the cell holds
};

struct Settings {
    GradeThresholds thresholds;
    long reminderDays = 2;
    long staleDays = 7;
    std::set<long> holidays;               // serial days
    std::vector<SettingProblem> problems;  // shown in the report (defaults used instead)
};

// Reads rows of (name, value): names in either language; values numbers (dates for holidays)
// from 0 to 1e8; other values are problems.
Settings readSettings(const Schema& schema, const CellGrid& rows);

}  // namespace dealsheet
