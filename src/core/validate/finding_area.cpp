#include "core/validate/finding_area.hpp"

#include <algorithm>

namespace dealsheet {
namespace {

// "C12" / "$C$12" -> (column, row), 0-based.
std::optional<std::pair<int, int>> parseCell(std::string_view text) {
    std::size_t at = 0;
    if (at < text.size() && text[at] == '$') ++at;
    long column = 0;
    const std::size_t lettersFrom = at;
    while (at < text.size() &&
           ((text[at] >= 'A' && text[at] <= 'Z') || (text[at] >= 'a' && text[at] <= 'z'))) {
        column = column * 26 + ((text[at] | 0x20) - 'a' + 1);
        if (column > 16384) return std::nullopt;
        ++at;
    }
    if (at == lettersFrom) return std::nullopt;
    if (at < text.size() && text[at] == '$') ++at;
    long row = 0;
    const std::size_t digitsFrom = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
        row = row * 10 + (text[at] - '0');
        if (row > 1048576) return std::nullopt;
        ++at;
    }
    if (at == digitsFrom || at != text.size() || row < 1) return std::nullopt;
    return std::pair<int, int>{static_cast<int>(column - 1), static_cast<int>(row - 1)};
}

std::string unquoted(std::string_view sheet) {
    if (!sheet.empty() && sheet.front() == '$') sheet.remove_prefix(1);
    if (sheet.size() >= 2 && sheet.front() == '\'' && sheet.back() == '\'') {
        std::string name;
        sheet = sheet.substr(1, sheet.size() - 2);
        for (std::size_t i = 0; i < sheet.size(); ++i) {
            name += sheet[i];
            if (sheet[i] == '\'' && i + 1 < sheet.size() && sheet[i + 1] == '\'') ++i;
        }
        return name;
    }
    return std::string(sheet);
}

}  // namespace

bool FindingArea::contains(const Finding& finding) const {
    if (!sheet.empty() && finding.sheet != sheet) return false;
    return finding.column >= firstColumn && (lastColumn < 0 || finding.column <= lastColumn) &&
           finding.row >= firstRow && (lastRow < 0 || finding.row <= lastRow);
}

std::optional<FindingArea> parseFindingArea(std::string_view text,
                                            const std::vector<std::string>& sheetNames) {
    const auto known = [&](const std::string& name) {
        return std::find(sheetNames.begin(), sheetNames.end(), name) != sheetNames.end();
    };
    FindingArea area;
    if (text.empty()) return area;
    // A whole sheet first: a sheet's own name may hold a dot.
    if (const std::string whole = unquoted(text); known(whole)) {
        area.sheet = whole;
        return area;
    }
    const std::size_t dot = text.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    area.sheet = unquoted(text.substr(0, dot));
    if (!known(area.sheet)) return std::nullopt;
    std::string_view cells = text.substr(dot + 1);
    const std::size_t colon = cells.find(':');
    const auto first = parseCell(cells.substr(0, colon));
    const auto last = colon == std::string_view::npos ? first : parseCell(cells.substr(colon + 1));
    if (!first || !last) return std::nullopt;
    area.firstColumn = std::min(first->first, last->first);
    area.lastColumn = std::max(first->first, last->first);
    area.firstRow = std::min(first->second, last->second);
    area.lastRow = std::max(first->second, last->second);
    return area;
}

}  // namespace dealsheet
