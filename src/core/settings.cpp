#include "settings.hpp"

#include <cmath>
#include <cstdlib>

#include "text.hpp"

namespace dealsheet {
namespace {

std::optional<double> numberIn(const CellValue& value) {
    if (const auto* number = std::get_if<double>(&value)) return *number;
    if (const auto* text = std::get_if<std::string>(&value)) {
        const std::string trimmed(trimSpaces(*text));
        if (trimmed.empty()) return std::nullopt;
        char* end = nullptr;
        const double parsed = std::strtod(trimmed.c_str(), &end);
        if (*end == '\0' && std::isfinite(parsed)) return parsed;
    }
    return std::nullopt;
}

}  // namespace

Settings readSettings(const Schema& schema, const CellGrid& rows) {
    Settings settings;
    for (const auto& row : rows) {
        if (row.size() < 2) continue;
        const auto* name = std::get_if<std::string>(&row[0]);
        if (!name) continue;
        const std::string_view trimmed = trimSpaces(*name);
        const SettingSchema* setting = nullptr;
        for (const auto& s : schema.settings())
            if (s.name.matches(trimmed) || s.id == trimmed) setting = &s;
        if (!setting || isBlankCell(row[1])) continue;
        const auto value = numberIn(row[1]);
        if (!value || *value < 0) {
            settings.problems.push_back(std::string(trimmed));
            continue;
        }
        if (setting->id == "gradeBudget") settings.thresholds.budget = *value;
        if (setting->id == "gradeUrgency") settings.thresholds.urgency = *value;
        if (setting->id == "gradeLikelihood") settings.thresholds.likelihood = *value;
        if (setting->id == "reminderDays") settings.reminderDays = static_cast<long>(*value);
        if (setting->id == "staleDays") settings.staleDays = static_cast<long>(*value);
        if (setting->id == "holiday")
            settings.holidays.insert(static_cast<long>(std::floor(*value)));
    }
    return settings;
}

}  // namespace dealsheet
