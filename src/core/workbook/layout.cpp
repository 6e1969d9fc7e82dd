#include "core/workbook/layout.hpp"

namespace dealsheet {
namespace {

std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + '"';
}

// "list.id" of a {text:...}, {zh:...} or {en:...} placeholder, as a quoted string.
std::string wordLiteral(const Schema& schema, std::string_view listAndId, Lang lang) {
    const std::size_t dot = listAndId.find('.');
    if (dot == std::string_view::npos) throw SchemaError("expected list.id in a formula");
    return quoted(
        schema.list(listAndId.substr(0, dot)).byId(listAndId.substr(dot + 1)).text.in(lang));
}

}  // namespace

std::string columnLetters(int index) {
    std::string letters;
    for (int n = index + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
}

std::string cellAddress(int column, int row) {
    return columnLetters(column) + std::to_string(row + 1);
}

int settingRow(const Schema& schema, std::string_view settingId) {
    const auto& settings = schema.settings();
    for (std::size_t i = 0; i < settings.size(); ++i)
        if (settings[i].id == settingId) return static_cast<int>(i) + 1;
    throw SchemaError("no setting " + std::string(settingId));
}

std::string expandFormula(std::string_view formulaTemplate, int row,
                          const std::function<int(std::string_view)>& columnIndex,
                          std::string_view settingsSheetName, const Schema& schema, Lang lang) {
    std::string out;
    std::size_t pos = 0;
    while (pos < formulaTemplate.size()) {
        const std::size_t open = formulaTemplate.find('{', pos);
        if (open == std::string_view::npos) {
            out.append(formulaTemplate.substr(pos));
            break;
        }
        const std::size_t close = formulaTemplate.find('}', open);
        if (close == std::string_view::npos) throw SchemaError("unclosed { in formula");
        out.append(formulaTemplate.substr(pos, open - pos));
        const std::string_view name = formulaTemplate.substr(open + 1, close - open - 1);
        const auto settingAddress = [&](std::string_view id) {
            std::string sheetName;
            for (char c : settingsSheetName) {
                if (c == '\'') sheetName += '\'';
                sheetName += c;
            }
            return "$'" + sheetName + "'.$B$" + std::to_string(settingRow(schema, id) + 1);
        };
        const auto startsWith = [&](std::string_view prefix) {
            return name.substr(0, prefix.size()) == prefix;
        };
        if (name == "lang") {
            out += lang == Lang::En ? "\"en\"" : "\"zh\"";
        } else if (startsWith("setting:")) {
            out += settingAddress(name.substr(8));
        } else if (startsWith("settingOrDefault:")) {
            const std::string_view id = name.substr(17);
            std::string fallback;
            for (const auto& setting : schema.settings())
                if (setting.id == id) fallback = setting.defaultValue;
            if (fallback.empty()) throw SchemaError("no default for setting " + std::string(id));
            const std::string address = settingAddress(id);
            out += "IF(ISNUMBER(" + address + ");" + address + ";" + fallback + ")";
        } else if (startsWith("text:")) {
            out += wordLiteral(schema, name.substr(5), lang);
        } else if (startsWith("zh:")) {
            out += wordLiteral(schema, name.substr(3), Lang::Zh);
        } else if (startsWith("en:")) {
            out += wordLiteral(schema, name.substr(3), Lang::En);
        } else {
            const int index = columnIndex(name);
            if (index < 0) throw SchemaError("formula names unknown column " + std::string(name));
            out += cellAddress(index, row);
        }
        pos = close + 1;
    }
    return out;
}

}  // namespace dealsheet
