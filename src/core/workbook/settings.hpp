// The Settings sheet (设置): name-value rows read by the functions' defaults and by Validate.
// A missing sheet, row or value means the schema's default: the schema is the one source of
// every default (schema/sheets.json "settings").
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/functions/grading.hpp"
#include "core/workbook/cell.hpp"
#include "core/workbook/schema.hpp"

namespace dealsheet {

// A Settings value that could not be read; the default is used instead.
struct SettingProblem {
    std::string name;          // as the user wrote it
    std::string value;         // the unreadable value, as text
    std::string defaultValue;  // what is used instead
};

// Whose deadlines the reminders on opening show (提醒范围): the user's own, or everyone's.
enum class ReminderScope { Mine, All };

class Settings {
  public:
    // The schema's defaults (the product schema unless told otherwise).
    Settings();
    explicit Settings(const Schema& schema);

    // The value of a numeric setting; throws SchemaError for an id the schema lacks.
    double number(std::string_view id) const;
    long days(std::string_view id) const { return static_cast<long>(number(id)); }
    void set(std::string_view id, double value);

    GradeThresholds thresholds() const;
    long reminderDays() const { return days("reminderDays"); }
    long staleDays() const { return days("staleDays"); }

    // The value id of a list setting (e.g. reminderScope: "mine"/"all"), the default when unset.
    std::string word(std::string_view id) const;
    ReminderScope reminderScope() const {
        return word("reminderScope") == "all" ? ReminderScope::All : ReminderScope::Mine;
    }

    std::set<long> holidays;  // serial days
    // Text settings by id (the team database and its user), trimmed; absent when blank.
    std::map<std::string, std::string, std::less<>> texts;
    std::vector<SettingProblem> problems;
    // The numeric settings the sheet itself gives (a readable value in its own row), not defaults.
    std::set<std::string, std::less<>> given;

  private:
    std::map<std::string, double, std::less<>> numbers_;
    std::map<std::string, std::string, std::less<>> words_;
    friend Settings readSettings(const Schema& schema, const CellGrid& rows);
};

// The defaults of the product schema, made once.
const Settings& productDefaults();

// Reads rows of (name, value): names in either language; values numbers (dates for holidays)
// from 0 to 1e8, or a word of the setting's list (either language); other values are problems.
Settings readSettings(const Schema& schema, const CellGrid& rows);

}  // namespace dealsheet
