#include "layout.hpp"

namespace dealsheet {

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
        if (name == "lang") {
            out += lang == Lang::En ? "\"en\"" : "\"zh\"";
        } else if (name.substr(0, 8) == "setting:") {
            const int settingIndex = settingRow(schema, name.substr(8));
            std::string quoted;
            for (char c : settingsSheetName) {
                if (c == '\'') quoted += '\'';
                quoted += c;
            }
            out += "$'" + quoted + "'.$B$" + std::to_string(settingIndex + 1);
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
