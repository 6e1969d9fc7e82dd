#include "settings.hpp"

#include <cmath>
#include <cstdlib>

#include "text.hpp"

namespace dealsheet {
namespace {

// Days and holiday serials are cast to long; beyond this nothing is a day (see wholeDay).
constexpr double kLargestValue = 1e8;

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
    const auto apply = [&](const std::string& id, double value) {
        if (id == "gradeBudget") settings.thresholds.budget = value;
        if (id == "gradeUrgency") settings.thresholds.urgency = value;
        if (id == "gradeLikelihood") settings.thresholds.likelihood = value;
        if (id == "reminderDays") settings.reminderDays = static_cast<long>(value);
        if (id == "staleDays") settings.staleDays = static_cast<long>(value);
        if (id == "holiday") settings.holidays.insert(static_cast<long>(std::floor(value)));
    };
    // The schema's defaults first: a missing sheet, row or value means the default.
    for (const auto& s : schema.settings())
        if (const auto value = numberIn(CellValue(s.defaultValue))) apply(s.id, *value);
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
        if (!value || *value < 0 || *value > kLargestValue) {
            settings.problems.push_back({setting, std::string(trimmed), row[1]});
            continue;
        }
        apply(setting->id, *value);
    }
    return settings;
}

}  // namespace dealsheet
