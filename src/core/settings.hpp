// The Settings sheet (设置): name-value rows read by the functions' defaults and by Validate.
// A missing sheet, row or value means the default.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "cell.hpp"
#include "grading.hpp"
#include "schema.hpp"

namespace dealsheet {

struct Settings {
    GradeThresholds thresholds;
    long reminderDays = 2;
    long staleDays = 7;
    std::set<long> holidays;  // serial days
    // Text settings by id (the team database and its user), trimmed; absent when blank.
    std::map<std::string, std::string, std::less<>> texts;
    std::vector<std::string> problems;  // values that could not be read (kept as defaults)
};

// Reads rows of (name, value): names in either language; values numbers (dates for holidays)
// from 0 to 1e8; other values are problems.
Settings readSettings(const Schema& schema, const CellGrid& rows);

}  // namespace dealsheet
