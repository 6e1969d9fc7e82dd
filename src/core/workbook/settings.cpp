#include "core/workbook/settings.hpp"

#include <cmath>
#include <cstdlib>

#include "core/text/text.hpp"

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

std::string shown(const CellValue& value) {
    if (const auto* text = std::get_if<std::string>(&value)) return std::string(trimSpaces(*text));
    if (const auto* number = std::get_if<double>(&value)) return formatNumber(*number);
    return {};
}

}  // namespace

Settings::Settings() : Settings(productSchema()) {}

Settings::Settings(const Schema& schema) {
    for (const auto& s : schema.settings()) {
        if (s.list)
            words_[s.id] = s.defaultValue;
        else if (!s.repeatable && !s.text)
            if (const auto value = numberIn(CellValue(s.defaultValue))) numbers_[s.id] = *value;
    }
}

std::string Settings::word(std::string_view id) const {
    const auto it = words_.find(id);
    if (it == words_.end()) throw SchemaError("the schema has no list setting " + std::string(id));
    return it->second;
}

double Settings::number(std::string_view id) const {
    const auto it = numbers_.find(id);
    if (it == numbers_.end())
        throw SchemaError("the schema has no numeric setting " + std::string(id));
    return it->second;
}

void Settings::set(std::string_view id, double value) {
    const auto it = numbers_.find(id);
    if (it == numbers_.end())
        throw SchemaError("the schema has no numeric setting " + std::string(id));
    it->second = value;
}

GradeThresholds Settings::thresholds() const {
    return {number("gradeBudget"), number("gradeUrgency"), number("gradeLikelihood")};
}

const Settings& productDefaults() {
    static const Settings defaults;
    return defaults;
}

Settings readSettings(const Schema& schema, const CellGrid& rows) {
    Settings settings(schema);
    for (const auto& row : rows) {
        if (row.size() < 2) continue;
        const auto* name = std::get_if<std::string>(&row[0]);
        if (!name) continue;
        const std::string_view trimmed = trimSpaces(*name);
        const SettingSchema* setting = nullptr;
        for (const auto& s : schema.settings())
            if (s.name.matches(trimmed) || s.id == trimmed) setting = &s;
        if (!setting || isBlankCell(row[1])) continue;
        if (setting->list) {
            const auto* word = std::get_if<std::string>(&row[1]);
            const EnumValue* value = word ? setting->list->find(trimSpaces(*word)) : nullptr;
            if (value)
                settings.words_[setting->id] = value->id;
            else  // the default in the language the row's name is written in
                settings.problems.push_back(
                    {std::string(trimmed), shown(row[1]),
                     setting->list->byId(setting->defaultValue)
                         .text.in(equalsIgnoringAsciiCase(trimmed, setting->name.en) ? Lang::En
                                                                                     : Lang::Zh)});
            continue;
        }
        if (setting->text) {
            const auto* text = std::get_if<std::string>(&row[1]);
            settings.texts[setting->id] =
                text ? std::string(trimSpaces(*text)) : formatNumber(std::get<double>(row[1]));
            continue;
        }
        const auto value = numberIn(row[1]);
        if (!value || *value < 0 || *value > kLargestValue) {
            settings.problems.push_back(
                {std::string(trimmed), shown(row[1]), setting->defaultValue});
            continue;
        }
        if (setting->repeatable)
            settings.holidays.insert(static_cast<long>(std::floor(*value)));
        else
            settings.set(setting->id, *value);
        settings.given.insert(setting->id);
    }
    return settings;
}

}  // namespace dealsheet
