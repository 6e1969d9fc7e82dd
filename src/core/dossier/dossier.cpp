#include "core/dossier/dossier.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "core/text/text.hpp"

namespace dealsheet {
namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// ---- Dates in the workbook's format ---------------------------------------------------------

constexpr const char* kMonthsEn[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};
constexpr const char* kMonthsZh[] = {"一月", "二月", "三月", "四月", "五月",   "六月",
                                     "七月", "八月", "九月", "十月", "十一月", "十二月"};
constexpr const char* kWeekdaysEn[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};
constexpr const char* kWeekdaysZh[] = {"一", "二", "三", "四", "五", "六", "日"};

std::string padded(long value, int width) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%0*ld", width, value);
    return buffer;
}

// Monday = 0, from a day count where 1899-12-30 (a Saturday) is 0 in the default null date;
// computed from the civil date so any null date works.
int weekdayOf(const CivilDate& date) {
    // Sakamoto's method: 0 = Sunday.
    static const int offsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int year = date.year - (date.month < 3 ? 1 : 0);
    const int sunday0 =
        (year + year / 4 - year / 100 + year / 400 + offsets[date.month - 1] + date.day) % 7;
    return (sunday0 + 6) % 7;
}

std::optional<std::string> applyDateCode(std::string_view code, const CivilDate& date,
                                         double dayFraction, Lang lang) {
    // The first section only (positive numbers), up to an unquoted ';'.
    std::string out;
    bool sawDate = false;
    bool afterHour = false;  // M after h is minutes
    const long seconds = std::lround(dayFraction * 86400.0) % 86400;
    const auto runOf = [&](std::size_t at, char letter) {
        std::size_t n = 0;
        while (at + n < code.size() &&
               (code[at + n] == letter || code[at + n] == letter - 'a' + 'A' ||
                code[at + n] == letter + 'a' - 'A'))
            ++n;
        return n;
    };
    const auto nextIsSeconds = [&](std::size_t at) {
        for (std::size_t i = at; i < code.size(); ++i) {
            const char c = code[i];
            if (c == 's' || c == 'S') return true;
            if (c != ':' && c != ' ' && c != '.') return false;
        }
        return false;
    };
    for (std::size_t i = 0; i < code.size();) {
        const char c = code[i];
        const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if (c == ';') break;
        if (c == '"') {
            const std::size_t end = code.find('"', i + 1);
            if (end == std::string_view::npos) return std::nullopt;
            out.append(code.substr(i + 1, end - i - 1));
            i = end + 1;
        } else if (c == '\\') {
            if (i + 1 >= code.size()) return std::nullopt;
            std::size_t next = i + 1;
            decodeUtf8(code, next);
            out.append(code.substr(i + 1, next - i - 1));
            i = next;
        } else if (c == '[') {  // locale, colour, NatNum modifiers: nothing to show
            const std::size_t end = code.find(']', i);
            if (end == std::string_view::npos) return std::nullopt;
            i = end + 1;
        } else if (c == '_' || c == '*') {  // padding to a character's width
            i += 2;
        } else if (c == '@') {
            ++i;
        } else if (lower(code.substr(i, 5)) == "am/pm") {
            out += seconds < 43200 ? "AM" : "PM";
            i += 5;
        } else if (l == 'y' || l == 'e') {
            const std::size_t n = runOf(i, l);
            out += n <= 2 && l == 'y' ? padded(date.year % 100, 2) : std::to_string(date.year);
            sawDate = true;
            i += n;
        } else if (l == 'm') {
            const std::size_t n = runOf(i, 'm');
            if ((afterHour || nextIsSeconds(i + n)) && n <= 2) {
                out += padded((seconds / 60) % 60, n == 2 ? 2 : 1);
            } else if (n == 1 || n == 2) {
                out += padded(date.month, static_cast<int>(n));
                sawDate = true;
            } else {
                const std::string full =
                    lang == Lang::En ? kMonthsEn[date.month - 1] : kMonthsZh[date.month - 1];
                out += lang == Lang::En && n == 3 ? full.substr(0, 3) : full;
                sawDate = true;
            }
            afterHour = false;
            i += n;
        } else if (l == 'd' || l == 'n' || l == 'a') {
            const std::size_t n = runOf(i, l);
            if (l == 'd' && n <= 2) {
                out += padded(date.day, static_cast<int>(n));
            } else if ((l == 'd' && n >= 3) || (l != 'd' && n >= 2)) {
                const bool full =
                    (l == 'd' && n >= 4) || (l == 'n' && n >= 3) || (l == 'a' && n >= 4);
                const int w = weekdayOf(date);
                if (lang == Lang::En) {
                    const std::string name = kWeekdaysEn[w];
                    out += full ? name : name.substr(0, 3);
                } else {
                    out += std::string(full ? "星期" : "周") + kWeekdaysZh[w];
                }
            } else {
                return std::nullopt;
            }
            sawDate = true;
            i += n;
        } else if (l == 'h') {
            const std::size_t n = runOf(i, 'h');
            out += padded(seconds / 3600, n >= 2 ? 2 : 1);
            afterHour = true;
            i += n;
        } else if (l == 's') {
            const std::size_t n = runOf(i, 's');
            out += padded(seconds % 60, n >= 2 ? 2 : 1);
            i += n;
        } else if (l >= 'a' && l <= 'z') {
            return std::nullopt;  // a keyword this does not know (era, quarter, ...)
        } else if (c == '0' || c == '#' || c == '?' || c == '%' || c == 'E') {
            return std::nullopt;  // a number format
        } else {
            std::size_t next = i;
            decodeUtf8(code, next);
            out.append(code.substr(i, next - i));
            i = next;
        }
    }
    if (!sawDate) return std::nullopt;
    return out;
}

// ---- Reading the recognised sheets ------------------------------------------------------------

// The first row below the header. (Issue 13 may move the header down; this is the one place.)
int firstDataRow(const RecognisedSheet&) { return 1; }

std::string groupedNumber(double value) {
    std::string text = formatNumber(value);
    if (!std::isfinite(value) || std::fabs(value) < 10000 ||
        text.find_first_of("eE") != std::string::npos)
        return text;
    const std::size_t start = text[0] == '-' ? 1 : 0;
    std::size_t end = text.find('.');
    if (end == std::string::npos) end = text.size();
    for (std::size_t at = end; at > start + 3; at -= 3) text.insert(at - 3, ",");
    return text;
}

struct Reader {
    const DossierInput& input;

    const RecognisedSheet* sheet = nullptr;

    // The cell as the dossier shows it: dates in the column's format, text as typed.
    std::string show(const RecognisedSheet& s, int row, const ColumnSchema& column) const {
        const int c = s.column(column.id);
        if (c < 0) return {};
        const CellValue& value = s.data->at(row, c);
        if (s.data->errorAt(row, c)) return input.lang == Lang::En ? "(error value)" : "（错误值）";
        if (const auto* text = std::get_if<std::string>(&value))
            return std::string(trimSpaces(*text));
        if (const auto* number = std::get_if<double>(&value)) {
            if (column.isDate()) {
                const auto it = input.dateFormats.find({s.data->name, c});
                return formatDateAs(*number, it == input.dateFormats.end() ? "" : it->second,
                                    input.dates, input.lang);
            }
            return column.type == ColumnType::Number ? groupedNumber(*number)
                                                     : formatNumber(*number);
        }
        return {};
    }
    std::string show(const RecognisedSheet& s, int row, std::string_view id) const {
        const auto* column = s.schema->column(id);
        return column ? show(s, row, *column) : std::string();
    }
    std::optional<double> number(const RecognisedSheet& s, int row, std::string_view id) const {
        const int c = s.column(id);
        if (c < 0 || s.data->errorAt(row, c)) return std::nullopt;
        const auto* value = std::get_if<double>(&s.data->at(row, c));
        return value ? std::optional<double>(*value) : std::nullopt;
    }
};

std::vector<const RecognisedSheet*> sheetsOf(const std::vector<RecognisedSheet>& sheets,
                                             std::string_view id) {
    std::vector<const RecognisedSheet*> found;
    for (const auto& s : sheets)
        if (s.schema && s.data && s.schema->id == id) found.push_back(&s);
    return found;
}

struct RowRef {
    const RecognisedSheet* sheet;
    int row;
};

// The filled rows of every `id` sheet whose `column` matches `key` (folded).
std::vector<RowRef> rowsMatching(const std::vector<RecognisedSheet>& sheets, std::string_view id,
                                 std::string_view column, const std::string& key) {
    std::vector<RowRef> rows;
    if (key.empty()) return rows;
    for (const auto* s : sheetsOf(sheets, id)) {
        const int c = s->column(column);
        if (c < 0) continue;
        for (int r = firstDataRow(*s); r < s->data->rowCount(); ++r)
            if (isRowFilled(*s, r) && cellKey(s->data->at(r, c)) == key) rows.push_back({s, r});
    }
    return rows;
}

std::string text(const RowRef& ref, std::string_view column) {
    const int c = ref.sheet->column(column);
    if (c < 0) return {};
    const CellValue& value = ref.sheet->data->at(ref.row, c);
    if (const auto* t = std::get_if<std::string>(&value)) return std::string(trimSpaces(*t));
    if (const auto* n = std::get_if<double>(&value)) return formatNumber(*n);
    return {};
}

std::string clipped(std::string_view value, std::size_t bytes) {
    if (value.size() <= bytes) return std::string(value);
    std::size_t end = 0;
    for (std::size_t pos = 0; pos < value.size();) {
        std::size_t next = pos;
        decodeUtf8(value, next);
        if (next > bytes) break;
        end = pos = next;
    }
    return std::string(value.substr(0, end)) + "…";
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& part : parts) {
        if (part.empty()) continue;
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

std::string fill(std::string_view pattern, const std::vector<std::string>& values) {
    std::string out;
    std::size_t next = 0;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern.compare(i, 3, "{0}") == 0 && next < values.size()) {
            out += values[next++];
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

struct SectionSpec {
    const char* sheetId;
    Text heading;
    const char* link;    // the column that ties a row to the dossier
    bool byCustomer;     // linked through the customer number, not the contract number
    const char* sortBy;  // date column the records are ordered by
    bool grid;
};

// In the order of SPEC §10, the approval first.
const SectionSpec kSections[] = {
    {"approvals", {"合同审批", "Contract approval"}, "contractNo", false, nullptr, false},
    {"customers", {"客户登记信息", "Customer register entry"}, "customerNo", true, nullptr, false},
    {"negotiations", {"谈判记录", "Negotiation records"}, "customerNo", true, "meetingDate", false},
    {"keyPoints", {"关键点记录", "Key points"}, "customerNo", true, "date", false},
    {"actions", {"跟进行动", "Follow-up actions"}, "customerNo", true, "createdOn", false},
    {"execution", {"履约里程碑", "Execution milestones"}, "contractNo", false, "plannedDate", true},
    {"acceptance",
     {"验收与整改", "Acceptance and rectification"},
     "contractNo",
     false,
     "deliveredOn",
     false},
    {"handover", {"项目交接", "Handover"}, "contractNo", false, "handoverDate", false},
};

const char* const kContractSheets[] = {"approvals", "execution", "acceptance", "handover"};

std::string recordHeading(const Reader& read, const RowRef& ref, Lang lang) {
    const RecognisedSheet& s = *ref.sheet;
    const int r = ref.row;
    const std::string id = s.schema->id;
    const auto show = [&](const char* column) { return read.show(s, r, column); };
    if (id == "approvals") return joined({show("contractNo"), show("contractName")}, " ");
    if (id == "customers") return joined({show("customerNo"), show("customerName")}, " ");
    if (id == "negotiations") {
        const std::string round = show("round");
        return joined({show("recordNo"), show("meetingDate"),
                       round.empty()      ? ""
                       : lang == Lang::En ? "round " + round
                                          : "第" + round + "轮",
                       show("topic")},
                      " · ");
    }
    if (id == "keyPoints") return joined({show("date"), show("stage"), show("channel")}, " · ");
    if (id == "actions") return joined({show("actionNo"), show("task")}, " · ");
    if (id == "execution") return show("milestone");
    if (id == "acceptance") {
        const std::string delivered = show("deliveredOn");
        return joined({delivered.empty()  ? ""
                       : lang == Lang::En ? "delivered " + delivered
                                          : "交付 " + delivered,
                       show("result")},
                      " · ");
    }
    if (id == "handover") return joined({show("project"), show("handoverDate")}, " · ");
    return {};
}

DossierRecord recordOf(const Reader& read, const RowRef& ref, Lang lang) {
    DossierRecord record;
    record.heading = recordHeading(read, ref, lang);
    for (const auto& column : ref.sheet->schema->columns) {
        std::string value = read.show(*ref.sheet, ref.row, column);
        if (value.empty() || isBlank(value)) continue;
        record.fields.push_back({column.header.in(lang), std::move(value)});
    }
    const std::string shownRow = std::to_string(ref.sheet->data->sheetRow(ref.row) + 1);
    if (record.heading.empty())
        record.heading =
            fill(lang == Lang::En ? "Row {0} of {0}" : "“{0}”第 {0} 行",
                 lang == Lang::En ? std::vector<std::string>{shownRow, ref.sheet->data->name}
                                  : std::vector<std::string>{ref.sheet->data->name, shownRow});
    return record;
}

}  // namespace

std::string formatDateAs(double serial, std::string_view formatCode, const SerialDates& dates,
                         Lang lang) {
    const auto civil = dates.toCivil(serial);
    if (!civil) return formatNumber(serial);
    const double fraction = serial - std::floor(serial);
    if (!isBlank(formatCode))
        if (auto shown = applyDateCode(formatCode, *civil, fraction, lang)) return *shown;
    return isoDate(*civil);
}

std::vector<ContractEntry> listContracts(const std::vector<RecognisedSheet>& sheets) {
    std::vector<ContractEntry> contracts;
    std::vector<std::string> keys;
    for (const char* id : kContractSheets)
        for (const auto* s : sheetsOf(sheets, id)) {
            const int c = s->column("contractNo");
            if (c < 0) continue;
            for (int r = firstDataRow(*s); r < s->data->rowCount(); ++r) {
                const RowRef ref{s, r};
                const std::string key = cellKey(s->data->at(r, c));
                if (key.empty() || !isRowFilled(*s, r)) continue;
                const auto at = std::find(keys.begin(), keys.end(), key);
                ContractEntry* entry = nullptr;
                if (at == keys.end()) {
                    keys.push_back(key);
                    entry = &contracts.emplace_back();
                    entry->contractNo = text(ref, "contractNo");
                } else {
                    entry = &contracts[static_cast<std::size_t>(at - keys.begin())];
                }
                if (entry->contractName.empty()) entry->contractName = text(ref, "contractName");
                if (entry->customerNo.empty()) entry->customerNo = text(ref, "customerNo");
                if (entry->customerName.empty()) entry->customerName = text(ref, "customerName");
            }
        }
    // The register's name wins: it is the customer's name of record.
    for (auto& entry : contracts) {
        const auto customers =
            rowsMatching(sheets, "customers", "customerNo", foldForComparison(entry.customerNo));
        for (const auto& ref : customers) {
            const std::string name = text(ref, "customerName");
            if (!name.empty()) {
                entry.customerName = name;
                break;
            }
        }
    }
    return contracts;
}

std::vector<std::string> contractsOfRow(const std::vector<RecognisedSheet>& sheets,
                                        const RecognisedSheet& sheet, int row) {
    if (!sheet.schema || !sheet.data || row < firstDataRow(sheet) || row >= sheet.data->rowCount())
        return {};
    const RowRef ref{&sheet, row};
    const std::string contract = text(ref, "contractNo");
    if (!contract.empty()) return {contract};
    const std::string customer = foldForComparison(text(ref, "customerNo"));
    std::vector<std::string> found;
    if (customer.empty()) return found;
    for (const auto& entry : listContracts(sheets))
        if (foldForComparison(entry.customerNo) == customer) found.push_back(entry.contractNo);
    return found;
}

std::string dossierFileName(const std::string& contractNo, const std::string& customerName) {
    const auto clean = [](std::string_view part) {
        std::string out;
        bool pendingSpace = false;
        for (std::size_t pos = 0; pos < part.size();) {
            const char32_t c = decodeUtf8(part, pos);
            const bool bidiControl = c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
                                     (c >= 0x2066 && c <= 0x2069) || c == 0x061C;
            if (bidiControl || c == 0xFEFF || c == 0x200B || c == 0xFFFD) continue;
            if (isSpaceCodePoint(c) || c < 0x20 || c == 0x7F) {
                pendingSpace = !out.empty();
                continue;
            }
            if (pendingSpace) out += ' ';
            pendingSpace = false;
            if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
                c == '>' || c == '|')
                out += '_';
            else
                appendUtf8(out, c);
        }
        return out;
    };
    // Windows drops trailing dots and spaces; leading dots hide a file on Unix.
    const auto trimDots = [](std::string part) {
        while (!part.empty() && (part.back() == '.' || part.back() == ' ')) part.pop_back();
        const std::size_t first = part.find_first_not_of(". ");
        return first == std::string::npos ? std::string() : part.substr(first);
    };
    std::string name = trimDots(clean(contractNo));
    const std::string customer = trimDots(clean(customerName));
    if (!customer.empty()) name += (name.empty() ? "" : "-") + customer;
    // Long names are cut on a character boundary; 150 bytes leave room for a folder's path.
    if (name.size() > 150) {
        std::size_t end = 0;
        for (std::size_t pos = 0; pos < name.size();) {
            std::size_t next = pos;
            decodeUtf8(name, next);
            if (next > 150) break;
            end = pos = next;
        }
        name.resize(end);
    }
    name = trimDots(name);
    if (name.empty()) name = "dossier";
    const std::string stem = lower(name.substr(0, name.find('.')));
    static const char* const reserved[] = {"con", "prn", "aux", "nul"};
    bool isReserved = std::find_if(std::begin(reserved), std::end(reserved),
                                   [&](const char* r) { return stem == r; }) != std::end(reserved);
    if (stem.size() == 4 && (stem.rfind("com", 0) == 0 || stem.rfind("lpt", 0) == 0) &&
        stem[3] >= '1' && stem[3] <= '9')
        isReserved = true;
    if (isReserved) name = "_" + name;
    return name + ".pdf";
}

std::vector<std::string> dossierFileNames(const std::vector<ContractEntry>& contracts) {
    std::vector<std::string> names;
    std::vector<std::string> taken;
    for (const auto& contract : contracts) {
        const std::string name = dossierFileName(contract.contractNo, contract.customerName);
        const std::string stem = name.substr(0, name.size() - 4);
        std::string candidate = name;
        for (int n = 2; std::find(taken.begin(), taken.end(), lower(candidate)) != taken.end(); ++n)
            candidate = stem + " (" + std::to_string(n) + ").pdf";
        taken.push_back(lower(candidate));
        names.push_back(candidate);
    }
    return names;
}

std::size_t Dossier::rowCount() const {
    std::size_t rows = 0;
    for (const auto& section : sections) rows += section.records.size();
    return rows;
}

Lang workbookLanguage(const std::vector<RecognisedSheet>& sheets, Lang fallback) {
    for (const char* id : {"approvals", "customers"}) {
        const auto found = sheetsOf(sheets, id);
        if (!found.empty()) return found.front()->lang;
    }
    for (const auto& s : sheets)
        if (s.schema && s.schema->kind == SheetKind::Data) return s.lang;
    return fallback;
}

Dossier buildDossier(const DossierInput& input, std::string_view contractNo) {
    const Lang lang = input.lang;
    const std::string wanted = std::string(trimSpaces(contractNo));
    const std::string shownWanted = clipped(wanted, 80);
    if (wanted.empty()) throw DossierError("请给出合同编号。", "Please give a contract number.");
    bool anyContractSheet = false;
    for (const char* id : kContractSheets) anyContractSheet |= !sheetsOf(input.sheets, id).empty();
    if (!anyContractSheet)
        throw DossierError(
            "工作簿中没有合同相关的表（合同审批表、合同履约跟踪表、验收与整改、售前与实施交接单），"
            "无法生成合同档案。",
            "The workbook has no contract sheet (Contract Approval, Contract Execution, "
            "Acceptance, Handover), so no dossier can be made.");

    const std::string contractKey = foldForComparison(wanted);
    std::vector<RowRef> contractRows;
    for (const char* id : kContractSheets)
        for (const auto& ref : rowsMatching(input.sheets, id, "contractNo", contractKey))
            contractRows.push_back(ref);
    if (contractRows.empty()) {
        std::vector<std::string> known;
        for (const auto& entry : listContracts(input.sheets))
            if (known.size() < 10) known.push_back(clipped(entry.contractNo, 40));
        const std::string list = known.empty() ? "—" : joined(known, ", ");
        throw DossierError(
            fill("工作簿中没有合同编号为“{0}”的合同。已有的合同：{0}", {shownWanted, list}),
            fill("The workbook has no contract numbered \"{0}\". Contracts in it: {0}",
                 {shownWanted, list}));
    }

    const Reader read{input};
    Dossier dossier;
    dossier.lang = lang;
    for (const auto& ref : contractRows) {
        ContractEntry& c = dossier.contract;
        if (c.contractNo.empty()) c.contractNo = text(ref, "contractNo");
        if (c.contractName.empty()) c.contractName = text(ref, "contractName");
        if (c.customerNo.empty()) c.customerNo = text(ref, "customerNo");
        if (c.customerName.empty()) c.customerName = text(ref, "customerName");
    }
    const std::string customerKey = foldForComparison(dossier.contract.customerNo);
    const auto customerRows = rowsMatching(input.sheets, "customers", "customerNo", customerKey);
    for (const auto& ref : customerRows)
        if (const std::string name = text(ref, "customerName"); !name.empty()) {
            dossier.contract.customerName = name;
            break;
        }

    dossier.title = lang == Lang::En ? "Contract dossier" : "合同档案";
    dossier.subtitle = joined({dossier.contract.contractNo, dossier.contract.contractName}, "  ");

    for (const auto& spec : kSections) {
        const SheetSchema& schema = productSchema().sheetOrThrow(spec.sheetId);
        DossierSection section;
        section.sheetId = spec.sheetId;
        section.heading = std::string(spec.heading.in(lang));
        section.asGrid = spec.grid;
        const auto present = sheetsOf(input.sheets, spec.sheetId);
        std::vector<std::string> names;
        for (const auto* s : present) names.push_back(s->data->name);
        section.source = joined(names, ", ");
        const std::string sheetLabel = names.empty() ? schema.name.in(lang) : names.front();
        const std::string linkLabel = schema.columnOrThrow(spec.link).header.in(lang);
        const bool linkColumnMissing = std::all_of(
            present.begin(), present.end(), [&](auto* s) { return s->column(spec.link) < 0; });
        if (present.empty()) {
            section.state = SectionState::SheetMissing;
            section.note =
                fill(lang == Lang::En ? "The workbook has no {0} sheet." : "工作簿中没有“{0}”表。",
                     {schema.name.in(lang)});
        } else if (linkColumnMissing) {
            section.state = SectionState::ColumnMissing;
            section.note =
                fill(lang == Lang::En ? "\"{0}\" has no \"{0}\" column, so its rows cannot be "
                                        "matched to this contract."
                                      : "“{0}”缺少“{0}”列，无法找到与这份合同相关的行。",
                     {sheetLabel, linkLabel});
        } else if (spec.byCustomer && customerKey.empty()) {
            section.state = SectionState::NoCustomer;
            section.note = lang == Lang::En
                               ? "The contract names no customer number, so the customer's rows "
                                 "cannot be found."
                               : "这份合同没有客户编号，无法找到该客户的记录。";
        } else {
            auto rows = spec.byCustomer
                            ? rowsMatching(input.sheets, spec.sheetId, spec.link, customerKey)
                            : rowsMatching(input.sheets, spec.sheetId, spec.link, contractKey);
            if (spec.sortBy)
                std::stable_sort(rows.begin(), rows.end(), [&](const RowRef& a, const RowRef& b) {
                    const auto x = read.number(*a.sheet, a.row, spec.sortBy);
                    const auto y = read.number(*b.sheet, b.row, spec.sortBy);
                    if (x && y) return *x < *y;
                    return x.has_value() && !y.has_value();
                });
            for (const auto& ref : rows) section.records.push_back(recordOf(read, ref, lang));
            if (rows.empty()) {
                section.state = SectionState::NoRows;
                section.note =
                    spec.byCustomer
                        ? fill(lang == Lang::En ? "No row of \"{0}\" is about customer {0}."
                                                : "“{0}”中没有客户 {0} 的记录。",
                               {sheetLabel, clipped(dossier.contract.customerNo, 80)})
                        : fill(lang == Lang::En ? "No row of \"{0}\" belongs to this contract."
                                                : "“{0}”中没有这份合同的记录。",
                               {sheetLabel});
            } else {
                section.state = SectionState::Found;
            }
            if (spec.grid && !rows.empty()) {
                // The columns that hold something in at least one row; the link is the title.
                std::vector<const ColumnSchema*> columns;
                for (const auto& column : schema.columns) {
                    if (column.id == spec.link) continue;
                    const bool used = std::any_of(rows.begin(), rows.end(), [&](const RowRef& r) {
                        return !read.show(*r.sheet, r.row, column).empty();
                    });
                    if (used) columns.push_back(&column);
                }
                for (const auto* column : columns)
                    section.gridColumns.push_back(column->header.in(lang));
                for (const auto& ref : rows) {
                    auto& cells = section.gridRows.emplace_back();
                    for (const auto* column : columns)
                        cells.push_back(read.show(*ref.sheet, ref.row, *column));
                }
            }
        }
        const std::string count = section.state == SectionState::Found
                                      ? fill(lang == Lang::En ? "{0}" : "{0} 条",
                                             {std::to_string(section.records.size())})
                                      : (lang == Lang::En ? "missing" : "缺");
        dossier.contents.push_back(section.heading + (lang == Lang::En ? ": " : "：") + count);
        dossier.sections.push_back(std::move(section));
    }

    // Key facts: the approval row, the customer, the handover.
    const auto approval = rowsMatching(input.sheets, "approvals", "contractNo", contractKey);
    const auto handover = rowsMatching(input.sheets, "handover", "contractNo", contractKey);
    const auto fact = [&](const std::vector<RowRef>& rows, const char* column) {
        for (const auto& ref : rows) {
            std::string value = read.show(*ref.sheet, ref.row, column);
            if (!value.empty()) {
                dossier.keyFacts.push_back(
                    {ref.sheet->schema->columnOrThrow(column).header.in(lang), std::move(value)});
                return;
            }
        }
    };
    fact(contractRows, "contractNo");
    fact(approval.empty() ? handover : approval, "contractName");
    if (!dossier.contract.customerName.empty() || !dossier.contract.customerNo.empty()) {
        const std::string customer =
            dossier.contract.customerName.empty()
                ? dossier.contract.customerNo
                : dossier.contract.customerName +
                      (dossier.contract.customerNo.empty()
                           ? ""
                           : (lang == Lang::En ? " (" + dossier.contract.customerNo + ")"
                                               : "（" + dossier.contract.customerNo + "）"));
        dossier.keyFacts.push_back({lang == Lang::En ? "Customer" : "客户", customer});
    }
    for (const char* column : {"amount", "paymentTerms", "signedOn", "deliveryDate",
                               "approvalResult", "contractStatus", "salesDirector"})
        fact(approval, column);
    fact(customerRows, "owner");
    fact(handover, "project");
    fact(handover, "projectManager");
    if (approval.empty())
        dossier.keyFacts.push_back({lang == Lang::En ? "Approval" : "审批",
                                    lang == Lang::En ? "not found in the workbook (see below)"
                                                     : "工作簿中没有这份合同的审批行（见下文）"});

    const auto today = input.dates.toCivil(static_cast<double>(input.today));
    const std::string day = today ? isoDate(*today) : std::string();
    dossier.footer =
        input.workbookName.empty()
            ? fill(lang == Lang::En ? "Made by DealSheet on {0}." : "由 DealSheet 于 {0} 生成。",
                   {day})
            : fill(lang == Lang::En ? "Made by DealSheet from \"{0}\" on {0}."
                                    : "由 DealSheet 根据“{0}”于 {0} 生成。",
                   {clipped(input.workbookName, 120), day});
    return dossier;
}

}  // namespace dealsheet
