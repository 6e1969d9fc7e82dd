#include "core/recognition/recognition.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/text/text.hpp"
#include "core/workbook/layout.hpp"
#include "core/workbook/sync_columns.hpp"

namespace dealsheet {
namespace {

const std::string* textOf(const CellValue& value) {
    const auto* text = std::get_if<std::string>(&value);
    return text && !isBlank(*text) ? text : nullptr;
}

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

bool isAscii(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : std::string(separator)) + part;
    return out;
}

// The keys a schema column answers to: its names first, then its synonyms.
struct ColumnKeys {
    std::vector<std::string> names;
    std::vector<std::string> synonyms;
};

ColumnKeys keysOf(const ColumnSchema& column) {
    ColumnKeys keys{{headerKey(column.header.zh), headerKey(column.header.en)}, {}};
    for (const auto& synonym : column.synonyms) keys.synonyms.push_back(headerKey(synonym));
    return keys;
}

bool contains(const std::vector<std::string>& keys, const std::string& key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// A sheet name without the decorations users add: spaces, "- 副本" / "copy", bracketed parts,
// years (digits, 年), a trailing 表.
std::string bareSheetName(std::string_view name) {
    std::string key;
    for (char c : foldForComparison(name))
        if (c != ' ') key += c;
    for (const std::string_view copy : {"-副本", "副本", "-copy", "copy"})
        if (const auto at = key.rfind(copy);
            at != std::string::npos && at + copy.size() == key.size())
            key.erase(at);
    for (auto open = key.find('('); open != std::string::npos; open = key.find('(')) {
        const auto close = key.find(')', open);
        key.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
    }
    std::string bare;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if (key[i] >= '0' && key[i] <= '9') {
            while (i + 1 < key.size() && key[i + 1] >= '0' && key[i + 1] <= '9') ++i;
            if (key.compare(i + 1, 3, "年") == 0) i += 3;
            continue;
        }
        bare += key[i];
    }
    while (!bare.empty() && (bare.back() == '-' || bare.back() == '_')) bare.pop_back();
    const std::string_view table = "表";
    if (bare.size() > table.size() &&
        bare.compare(bare.size() - table.size(), table.size(), table) == 0)
        bare.erase(bare.size() - table.size());
    return bare;
}

int requiredMatches(const SheetSchema& schema) {
    return std::min<int>(3, static_cast<int>(schema.columns.size()));
}

std::optional<int> findHeaderRow(const SheetSchema& schema, const CellGrid& top,
                                 const ColumnMapping* mapping, HeaderMatch& match) {
    const int rows = std::min<int>(kHeaderSearchRows, static_cast<int>(top.size()));
    for (int r = 0; r < rows; ++r) {
        HeaderMatch candidate = matchHeaderRow(schema, top[static_cast<std::size_t>(r)], mapping);
        if (candidate.matched >= requiredMatches(schema)) {
            match = std::move(candidate);
            return r;
        }
    }
    return std::nullopt;
}

}  // namespace

// ---- mappings ------------------------------------------------------------------------------

std::vector<std::string> mappingEntries(const ColumnMapping& mapping) {
    std::vector<std::string> entries;
    if (!mapping.kind.empty()) entries.push_back("@kind=" + mapping.kind);
    if (mapping.headerRow > 0) entries.push_back("@headerRow=" + std::to_string(mapping.headerRow));
    for (const auto& [id, header] : mapping.columns) entries.push_back(id + "=" + header);
    return entries;
}

ColumnMapping parseMappingEntries(const Schema& schema, const std::vector<std::string>& entries) {
    ColumnMapping mapping;
    for (const auto& entry : entries) {
        if (isBlank(entry)) continue;
        const auto eq = entry.find('=');
        if (eq == std::string::npos)
            throw std::invalid_argument("对应项须为“列标识=表头”：" + entry +
                                        " / an entry is \"columnId=header\": " + entry);
        const std::string name(trimSpaces(std::string_view(entry).substr(0, eq)));
        const std::string value(trimSpaces(std::string_view(entry).substr(eq + 1)));
        if (name == "@kind") {
            const SheetSchema* sheet = schema.sheet(value);
            if (!value.empty() && (!sheet || sheet->kind != SheetKind::Data))
                throw std::invalid_argument("未知的表类型：" + value +
                                            " / unknown sheet kind: " + value);
            mapping.kind = value;
        } else if (name == "@headerRow") {
            int row = 0;
            try {
                std::size_t used = 0;
                row = value.empty() ? 0 : std::stoi(value, &used);
                if (!value.empty() && used != value.size()) row = -1;
            } catch (const std::exception&) {
                row = -1;
            }
            if (row < 0 || row > kHeaderSearchRows)
                throw std::invalid_argument("表头行须为 1 到 " + std::to_string(kHeaderSearchRows) +
                                            "：" + value + " / the header row must be 1 to " +
                                            std::to_string(kHeaderSearchRows) + ": " + value);
            mapping.headerRow = row;
        } else {
            mapping.columns[name] = value;
        }
    }
    // Column ids are checked against the kind (or every data sheet when no kind is given).
    for (const auto& [id, header] : mapping.columns) {
        bool known = false;
        for (const auto& sheet : schema.sheets())
            if ((mapping.kind.empty() || sheet.id == mapping.kind) && sheet.column(id))
                known = true;
        if (!known)
            throw std::invalid_argument("未知的列标识：" + id + " / unknown column id: " + id);
    }
    return mapping;
}

std::map<std::string, ColumnMapping> mappingsFromGrid(const Schema& schema, const CellGrid& grid) {
    std::map<std::string, std::vector<std::string>> entries;
    for (const auto& row : grid) {
        if (row.size() < 2) continue;
        const auto* sheet = std::get_if<std::string>(&row[0]);
        const auto* name = std::get_if<std::string>(&row[1]);
        if (!sheet || !name || sheet->empty() || name->empty()) continue;
        std::string value;
        if (row.size() > 2) {
            if (const auto* text = std::get_if<std::string>(&row[2])) value = *text;
            if (const auto* number = std::get_if<double>(&row[2])) value = formatNumber(*number);
        }
        entries[*sheet].push_back(*name + "=" + value);
    }
    std::map<std::string, ColumnMapping> mappings;
    for (const auto& [sheet, list] : entries) {
        try {
            mappings[sheet] = parseMappingEntries(schema, list);
        } catch (const std::invalid_argument&) {
            // A stored mapping edited by hand into nonsense is ignored, never fatal.
        }
    }
    return mappings;
}

CellGrid mappingsToGrid(const std::map<std::string, ColumnMapping>& mappings) {
    CellGrid grid;
    for (const auto& [sheet, mapping] : mappings)
        for (const auto& entry : mappingEntries(mapping)) {
            const auto eq = entry.find('=');
            grid.push_back({sheet, entry.substr(0, eq), entry.substr(eq + 1)});
        }
    return grid;
}

// ---- header row ----------------------------------------------------------------------------

HeaderMatch matchHeaderRow(const SheetSchema& schema, const std::vector<CellValue>& row,
                           const ColumnMapping* mapping) {
    HeaderMatch match;
    match.columnOf.assign(schema.columns.size(), -1);
    match.bySynonym.assign(schema.columns.size(), false);
    std::vector<std::string> keys(row.size());
    for (std::size_t c = 0; c < row.size(); ++c)
        if (const auto* text = textOf(row[c])) keys[c] = headerKey(*text);
    std::vector<bool> taken(row.size(), false);
    std::vector<bool> decided(schema.columns.size(), false);

    // The user's own mapping first.
    if (mapping)
        for (std::size_t i = 0; i < schema.columns.size(); ++i) {
            const auto it = mapping->columns.find(schema.columns[i].id);
            if (it == mapping->columns.end()) continue;
            decided[i] = true;
            const std::string key = headerKey(it->second);
            if (key.empty()) continue;  // "none of my columns"
            for (std::size_t c = 0; c < row.size(); ++c)
                if (!taken[c] && keys[c] == key) {
                    match.columnOf[i] = static_cast<int>(c);
                    taken[c] = true;
                    break;
                }
        }
    std::vector<ColumnKeys> columnKeys;
    for (const auto& column : schema.columns) columnKeys.push_back(keysOf(column));
    // Then exact names (the first of two equal headers), then synonyms.
    for (std::size_t i = 0; i < schema.columns.size(); ++i) {
        if (decided[i]) continue;
        for (std::size_t c = 0; c < row.size(); ++c)
            if (!taken[c] && !keys[c].empty() && contains(columnKeys[i].names, keys[c])) {
                match.columnOf[i] = static_cast<int>(c);
                taken[c] = decided[i] = true;
                break;
            }
    }
    std::vector<bool> ambiguousColumn(row.size(), false);
    for (std::size_t i = 0; i < schema.columns.size(); ++i) {
        if (decided[i]) continue;
        std::vector<std::size_t> candidates;
        for (std::size_t c = 0; c < row.size(); ++c)
            if (!taken[c] && !keys[c].empty() && contains(columnKeys[i].synonyms, keys[c]))
                candidates.push_back(c);
        if (candidates.size() == 1) {
            match.columnOf[i] = static_cast<int>(candidates.front());
            match.bySynonym[i] = true;
            taken[candidates.front()] = true;
        } else if (candidates.size() > 1) {
            std::vector<std::string> headers;
            for (const auto c : candidates) {
                headers.emplace_back(trimSpaces(*textOf(row[c])));
                ambiguousColumn[c] = true;
            }
            match.ambiguous.push_back(join(headers, " / ") + " → " + schema.columns[i].header.zh +
                                      " (" + schema.columns[i].header.en + ")");
            if (schema.columns[i].required || schema.columns[i].requiredWhen) {
                // With the sheet's column letters, so the message finds the candidates.
                std::vector<std::string> named;
                for (std::size_t k = 0; k < candidates.size(); ++k)
                    named.push_back(headers[k] + " (" +
                                    columnLetters(static_cast<int>(candidates[k])) + ")");
                match.ambiguousRequired.emplace_back(i, join(named, " / "));
            }
        }
    }
    int english = 0;
    for (std::size_t c = 0; c < row.size(); ++c) {
        const auto* text = textOf(row[c]);
        if (!text) continue;
        if (taken[c])
            english += isAscii(*text) ? 1 : -1;
        else if (!ambiguousColumn[c] && !isSyncColumnHeader(trimSpaces(*text)))
            match.unrecognised.emplace_back(trimSpaces(*text));
    }
    for (const int c : match.columnOf) match.matched += c >= 0 ? 1 : 0;
    match.english = english > 0;
    return match;
}

namespace {

// A number as typed in text: digits with one decimal point, a sign, thousands separators.
bool isNumberText(std::string_view text) {
    const std::string_view t = trimSpaces(text);
    bool digit = false;
    for (char c : t) {
        if (c >= '0' && c <= '9')
            digit = true;
        else if (c != '.' && c != ',' && c != '-' && c != '+' && c != '%')
            return false;
    }
    return digit;
}

// A date typed as text: 2024-05-06, 2024/5/6, 2024.5.6, 2024年5月6日.
bool isDateText(std::string_view text) {
    const std::string_view t = trimSpaces(text);
    int groups = 0, digits = 0;
    bool year = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (c >= '0' && c <= '9') {
            ++digits;
            continue;
        }
        if (digits == 0) return false;
        if (groups == 0) year = digits == 4;
        ++groups;
        digits = 0;
        if (c == '-' || c == '/' || c == '.') continue;
        // 年 月 日 (three bytes each in UTF-8)
        for (const std::string_view unit : {"年", "月", "日"})
            if (t.substr(i, unit.size()) == unit) i += unit.size() - 1;
    }
    if (digits > 0) ++groups;
    return year && groups >= 3;
}

// Why the values of a column contradict `column`, or nothing when they fit or say too little.
std::optional<std::pair<std::string, std::string>> contradiction(
    const ColumnSchema& column, const std::vector<std::pair<const CellValue*, bool>>& values) {
    constexpr std::size_t kFewestValues = 2;  // one stray value says nothing
    if (values.size() < kFewestValues) return std::nullopt;
    std::size_t percentLike = 0, dates = 0, text = 0;
    const bool score = column.type == ColumnType::Integer && column.max && *column.max <= 10;
    for (const auto& [value, dateFormatted] : values) {
        if (const auto* number = std::get_if<double>(value)) {
            if (dateFormatted) ++dates;
            const bool fraction = *number > 0 && *number < 1;
            if (score && (fraction || (*number > *column.max && *number <= 100))) ++percentLike;
        } else if (const auto* s = std::get_if<std::string>(value)) {
            if (isDateText(*s)) {
                ++dates;
            } else if (isNumberText(*s)) {
                if (score && s->find('%') != std::string::npos) ++percentLike;
            } else {
                ++text;
            }
        }
    }
    const auto most = [&](std::size_t n) { return n * 2 > values.size(); };
    if (score && most(percentLike))
        return std::make_pair(std::string("多为 0–100 的数或百分数，不是 1–5 分"),
                              std::string("mostly numbers 0–100 or percentages, not a 1–5 score"));
    if (column.isNumeric() && most(dates))
        return std::make_pair(std::string("多为日期，不是数额"),
                              std::string("mostly dates, not amounts"));
    // Words in a date column stay TYPE findings: the header promised dates, the user typed them
    // in words ("五月六日"), and is told so cell by cell.
    if (column.isNumeric() && most(text))
        return std::make_pair(std::string("多为文字"), std::string("mostly text"));
    return std::nullopt;
}

}  // namespace

void confirmByValues(const SheetSchema& schema, HeaderMatch& match, const CellGrid& rows,
                     int headerRow, const std::set<std::pair<int, int>>& dateCells) {
    for (std::size_t i = 0; i < schema.columns.size() && i < match.bySynonym.size(); ++i) {
        const int c = match.columnOf[i];
        if (!match.bySynonym[i] || c < 0) continue;
        std::vector<std::pair<const CellValue*, bool>> values;
        for (std::size_t r = static_cast<std::size_t>(headerRow) + 1; r < rows.size(); ++r) {
            const auto& row = rows[r];
            if (static_cast<std::size_t>(c) >= row.size() ||
                isBlankCell(row[static_cast<std::size_t>(c)]))
                continue;
            values.emplace_back(&row[static_cast<std::size_t>(c)],
                                dateCells.count({static_cast<int>(r), c}) > 0);
        }
        const auto why = contradiction(schema.columns[i], values);
        if (!why) continue;
        const auto& header = rows[static_cast<std::size_t>(headerRow)][static_cast<std::size_t>(c)];
        const auto* text = std::get_if<std::string>(&header);
        match.contradicted.push_back(
            {text ? std::string(trimSpaces(*text)) : std::string(), i, why->first, why->second});
        match.columnOf[i] = -1;
        match.bySynonym[i] = false;
        --match.matched;
    }
}

const SheetSchema* sheetByDecoratedName(const Schema& schema, std::string_view name) {
    const std::string bare = bareSheetName(name);
    if (bare.empty()) return nullptr;
    for (const auto& sheet : schema.sheets())
        if (bareSheetName(sheet.name.zh) == bare || bareSheetName(sheet.name.en) == bare)
            return &sheet;
    return nullptr;
}

// ---- sheets --------------------------------------------------------------------------------

std::vector<SheetRecognition> recogniseSheets(
    const Schema& schema, const std::vector<std::string>& names,
    const std::vector<CellGrid>& topRows, const std::map<std::string, ColumnMapping>& mappings,
    const std::vector<std::set<std::pair<int, int>>>& dateCells) {
    static const std::set<std::pair<int, int>> kNoDates;
    std::vector<SheetRecognition> result;
    for (std::size_t i = 0; i < names.size(); ++i) {
        SheetRecognition r;
        r.name = names[i];
        const CellGrid& top = i < topRows.size() ? topRows[i] : CellGrid{};
        const auto stored = mappings.find(r.name);
        const ColumnMapping* mapping = stored != mappings.end() ? &stored->second : nullptr;
        const SheetSchema* sheet = nullptr;
        if (hasReportSheetName(r.name)) {
            r.skipReason = {"校验报告本身", "the report itself"};
        } else if (trimSpaces(r.name) == kMappingSheetName) {
            r.skipReason = {"DealSheet 的列对应设置", "DealSheet's column mappings"};
        } else if (mapping && !mapping->kind.empty()) {
            sheet = schema.sheet(mapping->kind);
            r.by = RecognisedBy::Mapping;
        } else if ((sheet = schema.sheetByName(r.name))) {
            r.by = RecognisedBy::Name;
        } else if ((sheet = sheetByDecoratedName(schema, r.name))) {
            r.by = RecognisedBy::DecoratedName;
        } else {
            // By the header row: one data sheet matched clearly better than any other.
            int best = 0, second = 0;
            for (const auto& candidate : schema.sheets()) {
                if (candidate.kind != SheetKind::Data) continue;
                HeaderMatch match;
                if (!findHeaderRow(candidate, top, nullptr, match)) continue;
                if (match.matched > best) {
                    second = best;
                    best = match.matched;
                    sheet = &candidate;
                } else if (match.matched > second) {
                    second = match.matched;
                }
            }
            if (sheet && best < second + 2) sheet = nullptr;  // not clearly one sheet
            r.by = RecognisedBy::HeaderRow;
            if (!sheet)
                r.skipReason = {
                    "不是 DealSheet 表（表名和表头行都不像）",
                    "not a DealSheet sheet (neither by its name nor by its header row)"};
        }
        if (sheet && sheet->kind == SheetKind::Review) {
            r.skipReason = {"由“刷新月度复盘”生成", "built by Refresh monthly review"};
        } else if (sheet && sheet->kind == SheetKind::Settings) {
            r.skipReason = {"设置表，用于读取参数", "settings, read for parameters"};
        } else if (sheet) {
            r.schema = sheet;
            if (mapping && mapping->headerRow > 0) {
                r.headerRow = mapping->headerRow - 1;
                r.headerFound = true;
                r.header = matchHeaderRow(*sheet,
                                          static_cast<std::size_t>(r.headerRow) < top.size()
                                              ? top[static_cast<std::size_t>(r.headerRow)]
                                              : std::vector<CellValue>{},
                                          mapping);
            } else if (const auto row = findHeaderRow(*sheet, top, mapping, r.header)) {
                r.headerRow = *row;
                r.headerFound = true;
            } else {
                r.header = matchHeaderRow(*sheet, top.empty() ? std::vector<CellValue>{} : top[0],
                                          mapping);
            }
            if (r.headerFound)
                confirmByValues(*sheet, r.header, top, r.headerRow,
                                i < dateCells.size() ? dateCells[i] : kNoDates);
            const bool namedInEnglish = sheet->name.en == trimSpaces(r.name) ||
                                        equalsIgnoringAsciiCase(sheet->name.en, trimSpaces(r.name));
            r.lang = (r.by == RecognisedBy::Name || r.by == RecognisedBy::DecoratedName)
                         ? (namedInEnglish || bareSheetName(sheet->name.en) == bareSheetName(r.name)
                                ? Lang::En
                                : Lang::Zh)
                         : (r.header.english ? Lang::En : Lang::Zh);
        }
        result.push_back(std::move(r));
    }
    return result;
}

std::vector<SheetPlan> plansOf(const std::vector<SheetRecognition>& recognitions) {
    std::vector<SheetPlan> plans;
    for (const auto& r : recognitions) plans.push_back({r.name, r.schema, r.skipReason});
    return plans;
}

Text recognisedByText(RecognisedBy by) {
    switch (by) {
        case RecognisedBy::Name:
            return {"按表名", "by its name"};
        case RecognisedBy::DecoratedName:
            return {"按表名（含年份等修饰）", "by its name (decorated)"};
        case RecognisedBy::HeaderRow:
            return {"按表头行", "by its header row"};
        case RecognisedBy::Mapping:
            return {"按“对应列”设置", "by its Map columns setting"};
    }
    return {};
}

// ---- rows ----------------------------------------------------------------------------------

namespace {

// 合计 / 总计 / 小计 / Total, perhaps with a short qualifier ("合计（万元）").
bool isTotalLabel(const std::string& key) {
    for (const std::string_view word : {"合计", "总计", "小计", "total", "sum", "总和"})
        if (startsWith(key, word) && key.size() <= word.size() + 12) return true;
    return false;
}

// The start of a note line under the data.
bool isNoteText(const std::string& key) {
    for (const std::string_view prefix :
         {"注:", "注1", "注意:", "说明", "备注:", "填表说明", "note", "remark", "*注"})
        if (startsWith(key, prefix)) return true;
    return false;
}

}  // namespace

int plainTextColumn(const SheetSchema& schema, const std::vector<std::string>& except) {
    for (std::size_t i = 0; i < schema.columns.size(); ++i) {
        const ColumnSchema& c = schema.columns[i];
        if (std::find(except.begin(), except.end(), c.id) == except.end() &&
            c.type == ColumnType::Text && c.required && !c.list && !c.suggest && c.formula.empty())
            return static_cast<int>(i);
    }
    return -1;
}

bool typedTextMakesDataRow(const CellValue& cell) {
    const auto* text = std::get_if<std::string>(&cell);
    if (!text || isBlankCell(cell)) return false;
    const std::string key = headerKey(*text);
    return !isTotalLabel(key) && !isNoteText(key);
}

void fillMergedCells(SheetData& whole, const std::vector<MergedArea>& areas) {
    for (const auto& area : areas) {
        if (area.lastRow <= area.firstRow || area.firstRow < 0 || area.firstColumn < 0) continue;
        const CellValue value = whole.at(area.firstRow, area.firstColumn);
        const bool formula = whole.formulaAt(area.firstRow, area.firstColumn);
        const bool error = whole.errorAt(area.firstRow, area.firstColumn);
        const auto column = static_cast<std::size_t>(area.firstColumn);
        for (int r = area.firstRow + 1; r <= area.lastRow && r < whole.rowCount(); ++r) {
            auto& cells = whole.cells[static_cast<std::size_t>(r)];
            if (cells.size() <= column) continue;
            cells[column] = value;
            for (auto* flags : {&whole.isFormula, &whole.isError})
                if (static_cast<std::size_t>(r) < flags->size() &&
                    column < (*flags)[static_cast<std::size_t>(r)].size())
                    (*flags)[static_cast<std::size_t>(r)][column] =
                        flags == &whole.isFormula ? formula : error;
            whole.mergedCopies.insert({r, area.firstColumn});
        }
    }
}

namespace {

class RowClassifier {
  public:
    RowClassifier(const SheetRecognition& recognition, const SheetData& whole) : whole_(whole) {
        const auto& columns = recognition.schema->columns;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const int c = recognition.header.columnOf[i];
            if (c < 0) continue;
            if (static_cast<std::size_t>(c) >= defaultColumn_.size()) {
                defaultColumn_.resize(static_cast<std::size_t>(c) + 1, false);
                keysOfColumn_.resize(static_cast<std::size_t>(c) + 1);
            }
            defaultColumn_[static_cast<std::size_t>(c)] =
                columns[i].list || columns[i].suggest || !columns[i].formula.empty();
            const ColumnKeys keys = keysOf(columns[i]);
            keysOfColumn_[static_cast<std::size_t>(c)] = keys.names;
            for (const auto& k : keys.synonyms)
                keysOfColumn_[static_cast<std::size_t>(c)].push_back(k);
        }
    }

    // Non-blank cells of a row (values or error results).
    std::vector<int> filled(int row) const {
        std::vector<int> columns;
        if (row < 0 || row >= whole_.rowCount()) return columns;
        const auto& cells = whole_.cells[static_cast<std::size_t>(row)];
        for (std::size_t c = 0; c < cells.size(); ++c)
            if (!isBlankCell(cells[c]) || whole_.errorAt(row, static_cast<int>(c)))
                columns.push_back(static_cast<int>(c));
        return columns;
    }

    // A row under the header that repeats the headers (in the other language) or explains them.
    bool isInstruction(int row) const {
        const auto columns = filled(row);
        if (columns.empty()) return false;
        int repeats = 0;
        for (const int c : columns) {
            const auto* text = textOf(whole_.at(row, c));
            if (!text) continue;
            const std::string key = headerKey(*text);
            for (const std::string_view prefix :
                 {"填写说明", "填表说明", "示例", "样例", "例:", "例如", "格式:", "说明:", "e.g.",
                  "example", "format:", "instructions", "请填写", "请选择", "必填", "选填"})
                if (startsWith(key, prefix)) return true;
            if (static_cast<std::size_t>(c) < keysOfColumn_.size() &&
                contains(keysOfColumn_[static_cast<std::size_t>(c)], key))
                ++repeats;
        }
        return repeats >= 2 && repeats * 2 >= static_cast<int>(columns.size());
    }

    // 合计 / 总计 / 小计 / Total with nothing but figures (numbers or formulas) beside it.
    bool isTotal(int row, const std::vector<int>& filledColumns) const {
        bool label = false;
        for (const int c : filledColumns) {
            const auto* text = textOf(whole_.at(row, c));
            if (whole_.formulaAt(row, c) || !text) continue;  // figures
            if (!isTotalLabel(headerKey(*text))) return false;
            label = true;
        }
        return label;
    }

    // One text cell beginning 注： / 说明 / 备注： (a line under the data).
    bool isNote(int row) const {
        const auto columns = filled(row);
        if (columns.size() != 1) return false;
        const auto* text = textOf(whole_.at(row, columns.front()));
        if (!text) return false;
        return isNoteText(headerKey(*text));
    }

    // Only drop-down columns typed into (a default filled down the sheet); formula results
    // alone (a template's computed columns) make an empty row, not a default one.
    bool isDefaultsOnly(int row, const std::vector<int>& filledColumns) const {
        bool typed = false;
        for (const int c : filledColumns) {
            if (whole_.formulaAt(row, c)) continue;
            if (!(static_cast<std::size_t>(c) < defaultColumn_.size() &&
                  defaultColumn_[static_cast<std::size_t>(c)]))
                return false;
            typed = true;
        }
        return typed;
    }

  private:
    const SheetData& whole_;
    std::vector<bool> defaultColumn_;
    std::vector<std::vector<std::string>> keysOfColumn_;
};

}  // namespace

SheetData cutToData(const SheetRecognition& recognition, SheetData whole, SkippedRows& skipped) {
    SheetData data;
    data.name = whole.name;
    data.columnOf = recognition.header.columnOf;
    data.ambiguousColumns = recognition.header.ambiguousRequired;
    data.lang = recognition.lang;
    const int header = recognition.headerRow;
    if (header >= whole.rowCount()) return data;
    const RowClassifier rows(recognition, whole);
    skipped = {};
    skipped.aboveHeader = header;

    int first = header + 1;
    while (first < whole.rowCount() && first <= header + 2 && rows.isInstruction(first)) {
        ++skipped.instructions;
        ++first;
    }
    // Notes count only after the data: from the bottom up, across blank rows.
    int end = whole.rowCount();
    std::vector<bool> note(static_cast<std::size_t>(whole.rowCount()), false);
    for (int r = whole.rowCount() - 1; r >= first; --r) {
        if (rows.filled(r).empty()) continue;
        if (!rows.isNote(r)) break;
        note[static_cast<std::size_t>(r)] = true;
    }
    // Each row is classified before it is moved out of `whole`; only its own cells are read.
    const auto copyRow = [&](int r) {
        const auto index = static_cast<std::size_t>(r);
        data.cells.push_back(std::move(whole.cells[index]));
        if (index < whole.isFormula.size())
            data.isFormula.push_back(std::move(whole.isFormula[index]));
        if (index < whole.isError.size()) data.isError.push_back(std::move(whole.isError[index]));
        data.sheetRows.push_back(r);
    };
    const auto most = static_cast<std::size_t>(std::max(end - first, 0) + 1);
    data.cells.reserve(most);
    data.sheetRows.reserve(most);
    data.isFormula.reserve(std::min(most, whole.isFormula.size()));
    data.isError.reserve(std::min(most, whole.isError.size()));
    copyRow(header);
    for (int r = first; r < end; ++r) {
        const auto filled = rows.filled(r);
        if (filled.empty()) continue;  // nothing to check; a far-away last row is cheap
        if (note[static_cast<std::size_t>(r)]) {
            ++skipped.notes;
            continue;
        }
        if (rows.isTotal(r, filled)) {
            ++skipped.totals;
            continue;
        }
        if (rows.isDefaultsOnly(r, filled)) {
            ++skipped.defaults;
            continue;
        }
        copyRow(r);
    }
    // Keep the shapes of the flags in step with the cells even when the input had none.
    if (data.isFormula.size() != data.cells.size()) data.isFormula.clear();
    if (data.isError.size() != data.cells.size()) data.isError.clear();
    for (const auto& [row, column] : whole.mergedCopies) {
        const auto at = std::lower_bound(data.sheetRows.begin(), data.sheetRows.end(), row);
        if (at != data.sheetRows.end() && *at == row)
            data.mergedCopies.insert({static_cast<int>(at - data.sheetRows.begin()), column});
    }
    return data;
}

}  // namespace dealsheet
