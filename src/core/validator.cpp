#include "validator.hpp"

#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "approval.hpp"
#include "contact.hpp"
#include "customer_number.hpp"
#include "grading.hpp"
#include "layout.hpp"
#include "text.hpp"
#include "workdays.hpp"

namespace dealsheet {

std::string reportSheetName(Lang lang, int attempt) {
    const std::string base(kReportSheetName.in(lang));
    if (attempt <= 1) return base;
    if (attempt == 2) return base + " (DealSheet)";
    return base + " (DealSheet " + std::to_string(attempt - 1) + ")";
}

bool hasReportSheetName(std::string_view name) {
    const std::string_view trimmed = trimSpaces(name);
    if (kReportSheetName.matches(trimmed)) return true;
    for (const std::string_view base : {kReportSheetName.zh, kReportSheetName.en}) {
        const std::string prefix = std::string(base) + " (DealSheet";
        if (trimmed.substr(0, prefix.size()) == prefix) return true;
    }
    return false;
}

std::vector<SheetPlan> planSheets(const Schema& schema, const std::vector<std::string>& names) {
    std::vector<SheetPlan> plans;
    for (const auto& name : names) {
        SheetPlan plan{name, nullptr, {}};
        const SheetSchema* sheet = schema.sheetByName(name);
        if (hasReportSheetName(name))
            plan.skipReason = {"校验报告本身", "the report itself"};
        else if (!sheet)
            plan.skipReason = {"不是 DealSheet 表（按表名识别）",
                               "not a DealSheet sheet (by its name)"};
        else if (sheet->kind == SheetKind::Review)
            plan.skipReason = {"由“刷新月度复盘”生成", "built by Refresh monthly review"};
        else if (sheet->kind == SheetKind::Settings)
            plan.skipReason = {"设置表，用于读取参数", "settings, read for parameters"};
        else
            plan.schema = sheet;
        plans.push_back(plan);
    }
    return plans;
}

namespace {

struct Detail {
    std::string zh;
    std::string en;
};

std::string fill(std::string_view pattern, const std::string& field, const std::string& value,
                 const std::string& detail) {
    std::string out(pattern);
    for (const auto& [key, text] : {std::pair<std::string, const std::string*>{"{field}", &field},
                                    {"{value}", &value},
                                    {"{detail}", &detail}}) {
        for (auto at = out.find(key); at != std::string::npos;
             at = out.find(key, at + text->size()))
            out.replace(at, key.size(), *text);
    }
    return out;
}

std::string shorten(std::string text) {
    constexpr std::size_t kMax = 200;
    if (text.size() <= kMax) return text;
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    return text.substr(0, cut) + "…";
}

class Validator {
  public:
    explicit Validator(const ValidationOptions& options) : options_(options) {}

    ValidationResult run(const std::vector<std::pair<const SheetSchema*, SheetData>>& input) {
        for (const auto& [schema, data] : input) sheets_.push_back(recognise(*schema, data));
        indexKeys();
        ValidationResult result;
        std::vector<std::string> order;
        for (const auto& sheet : sheets_) {
            order.push_back(sheet.data->name);
            result.checked.push_back({sheet.data->name, checkSheet(sheet)});
        }
        sortAndDeduplicate(findings_, order);
        for (const auto& f : findings_)
            (f.severity == Severity::Error ? result.errors : result.warnings)++;
        result.findings = std::move(findings_);
        return result;
    }

  private:
    // ---- helpers -------------------------------------------------------------------------
    std::string fieldName(const RecognisedSheet& sheet, int column) const {
        const auto* text = std::get_if<std::string>(&sheet.data->at(0, column));
        return text ? std::string(trimSpaces(*text)) : columnLetters(column);
    }

    std::string display(const RecognisedSheet& sheet, int row, int column, bool asDate) const {
        const CellValue& value = sheet.data->at(row, column);
        if (sheet.data->errorAt(row, column)) return "#ERR";
        if (const auto* text = std::get_if<std::string>(&value)) return shorten(*text);
        if (const auto* number = std::get_if<double>(&value)) {
            if (asDate)
                if (const auto civil = options_.dates.toCivil(*number)) return isoDate(*civil);
            return formatNumber(*number);
        }
        return {};
    }

    std::string dateText(long serial) const {
        const auto civil = options_.dates.toCivil(static_cast<double>(serial));
        return civil ? isoDate(*civil) : formatNumber(static_cast<double>(serial));
    }

    void add(std::string_view code, const RecognisedSheet& sheet, int row, int column,
             const Detail& detail = {}, const ColumnSchema* schemaColumn = nullptr,
             std::string fieldOverride = {}) {
        if (sheet.data->mergedCopyAt(row, column)) return;  // said once, at the merged cell
        const RuleInfo& info = rule(code);
        Finding f;
        f.severity = info.severity;
        f.rule = std::string(code);
        f.sheet = sheet.data->name;
        f.row = sheet.data->sheetRow(row);
        f.column = column;
        f.field = fieldOverride.empty() ? fieldName(sheet, column) : fieldOverride;
        f.value =
            row > 0 ? display(sheet, row, column, schemaColumn && schemaColumn->isDate()) : "";
        f.messageZh = fill(info.message.zh, f.field, f.value, detail.zh);
        f.messageEn = fill(info.message.en, f.field, f.value, detail.en);
        findings_.push_back(std::move(f));
    }

    bool blankAt(const RecognisedSheet& sheet, int row, int column) const {
        return column < 0 ||
               (isBlankCell(sheet.data->at(row, column)) && !sheet.data->errorAt(row, column));
    }

    std::string trimmedText(const RecognisedSheet& sheet, int row, int column) const {
        const auto* text = std::get_if<std::string>(&sheet.data->at(row, column));
        return text ? std::string(trimSpaces(*text)) : std::string();
    }

    // A valid date in a date cell, or nothing (blank, text or error: TYPE reports those).
    std::optional<long> dateAt(const RecognisedSheet& sheet, int row, int column) const {
        if (column < 0 || sheet.data->errorAt(row, column)) return std::nullopt;
        const auto* number = std::get_if<double>(&sheet.data->at(row, column));
        if (!number || !options_.dates.toCivil(*number)) return std::nullopt;
        return wholeDay(*number);
    }

    std::optional<double> numberAt(const RecognisedSheet& sheet, int row, int column) const {
        if (column < 0 || sheet.data->errorAt(row, column)) return std::nullopt;
        const auto* number = std::get_if<double>(&sheet.data->at(row, column));
        return number ? std::optional<double>(*number) : std::nullopt;
    }

    // The id of an enum value in a cell (either language), empty when blank or unknown.
    std::string_view enumIdAt(const RecognisedSheet& sheet, int row,
                              const std::string& columnId) const {
        const int column = sheet.column(columnId);
        const auto* schemaColumn = sheet.schema->column(columnId);
        if (column < 0 || !schemaColumn || !schemaColumn->list) return {};
        const EnumValue* value = schemaColumn->list->find(trimmedText(sheet, row, column));
        return value ? std::string_view(value->id) : std::string_view();
    }

    static Text sheetTitle(const SheetSchema& schema) { return schema.name.view(); }

    // ---- keys of the whole workbook -------------------------------------------------------
    void indexKeys() {
        for (const auto& sheet : sheets_) {
            if (sheet.schema->key.empty()) continue;
            const int column = sheet.column(sheet.schema->key);
            if (column < 0) continue;
            auto& keys = keys_[sheet.schema->id];
            present_.insert(sheet.schema->id);
            const int nameColumn =
                sheet.schema->id == "customers" ? sheet.column("customerName") : -1;
            for (int row = 1; row < sheet.data->rowCount(); ++row) {
                const std::string key = keyText(sheet, row, column);
                if (key.empty()) continue;
                keys.insert(key);
                if (nameColumn >= 0 && !customerNames_.count(key))
                    customerNames_.emplace(key, trimmedText(sheet, row, nameColumn));
            }
        }
    }

    std::string keyText(const RecognisedSheet& sheet, int row, int column) const {
        const CellValue& value = sheet.data->at(row, column);
        if (const auto* text = std::get_if<std::string>(&value))
            return std::string(trimSpaces(*text));
        if (const auto* number = std::get_if<double>(&value)) return formatNumber(*number);
        return {};
    }

    // ---- one sheet -------------------------------------------------------------------------
    long checkSheet(const RecognisedSheet& sheet) {
        const SheetSchema& schema = *sheet.schema;
        for (std::size_t i = 0; i < schema.columns.size(); ++i)
            if (sheet.columnOf[i] < 0 &&
                (schema.columns[i].required || schema.columns[i].requiredWhen))
                add("MISSING_COLUMN", sheet, 0, 0, {}, nullptr,
                    schema.columns[i].header.in(sheet.lang));

        std::unordered_map<std::string, int> firstKeyRow;
        std::unordered_map<std::string, int> firstNameRow;
        const int keyColumn = schema.key.empty() ? -1 : sheet.column(schema.key);
        long filled = 0;
        for (int row = 1; row < sheet.data->rowCount(); ++row) {
            if (!isRowFilled(sheet, row)) continue;
            ++filled;
            for (std::size_t i = 0; i < schema.columns.size(); ++i)
                if (sheet.columnOf[i] >= 0)
                    checkCell(sheet, schema.columns[i], row, sheet.columnOf[i]);
            if (keyColumn >= 0) {
                const std::string key = keyText(sheet, row, keyColumn);
                if (!key.empty()) {
                    const auto [it, inserted] = firstKeyRow.emplace(key, row);
                    const std::string first = std::to_string(sheet.data->sheetRow(it->second) + 1);
                    if (!inserted) add("DUPLICATE", sheet, row, keyColumn, {first, first});
                }
            }
            for (const auto& sheetRule : schema.rules)
                checkRule(sheet, sheetRule, row, firstNameRow);
        }
        return filled;
    }

    void checkCell(const RecognisedSheet& sheet, const ColumnSchema& column, int row, int col) {
        const bool blank = blankAt(sheet, row, col);
        if (blank) {
            if (column.required) {
                add("REQUIRED", sheet, row, col, {}, &column);
            } else if (column.requiredWhen) {
                const std::string_view id = enumIdAt(sheet, row, column.requiredWhen->column);
                for (const auto& when : column.requiredWhen->ids)
                    if (id == when) {
                        const auto& other =
                            sheet.schema->columnOrThrow(column.requiredWhen->column);
                        // The sheet's own header and value words, in whichever language it uses.
                        const std::string header = fieldName(sheet, sheet.column(other.id));
                        const std::string& value = other.list->byId(when).text.in(sheet.lang);
                        add("REQUIRED", sheet, row, col,
                            {"（" + header + "为“" + value + "”时必填）",
                             " (required when \"" + header + "\" is " + value + ")"},
                            &column);
                    }
            }
            return;
        }
        if (!column.formula.empty() && sheet.data->formulaAt(row, col)) return;  // computed
        const CellValue& value = sheet.data->at(row, col);
        const bool error = sheet.data->errorAt(row, col);
        const auto* text = std::get_if<std::string>(&value);
        const auto* number = std::get_if<double>(&value);

        if (error) {
            add("TYPE", sheet, row, col,
                {"有效的值（现在是错误值）", "a value (it holds an error)"}, &column);
            return;
        }
        if (column.isDate()) {
            if (text) {
                add("TYPE", sheet, row, col, {"日期（现在是文本）", "a date (it holds text)"},
                    &column);
                return;
            }
            if (number && !options_.dates.toCivil(*number)) {
                add("TYPE", sheet, row, col, {"有效的日期", "a valid date"}, &column);
                return;
            }
            const long day = *wholeDay(*number);
            if (column.notFuture && day > options_.today)
                add("FUTURE_DATE", sheet, row, col, {}, &column);
            if (!column.notBefore.empty()) {
                const int otherColumn = sheet.column(column.notBefore);
                const auto other = dateAt(sheet, row, otherColumn);
                if (other && day < *other) {
                    const std::string header = fieldName(sheet, otherColumn);
                    add("DATE_ORDER", sheet, row, col,
                        {"“" + header + "”（" + dateText(*other) + "）",
                         "\"" + header + "\" (" + dateText(*other) + ")"},
                        &column);
                }
            }
            return;
        }
        if (column.isNumeric()) {
            if (text) {
                add("TYPE", sheet, row, col, {"数字（现在是文本）", "a number (it holds text)"},
                    &column);
                return;
            }
            checkRange(sheet, column, row, col, *number);
            return;
        }
        if (column.list) {
            const std::string shown = text ? std::string(trimSpaces(*text)) : formatNumber(*number);
            if (!column.list->find(shown)) {
                std::string zh, en;  // the allowed values as this sheet spells them
                for (const auto& v : column.list->values) {
                    zh += (zh.empty() ? "" : "、") + v.text.in(sheet.lang);
                    en += (en.empty() ? "" : ", ") + v.text.in(sheet.lang);
                }
                add("ENUM", sheet, row, col, {"可选：" + zh, "allowed: " + en}, &column);
            }
        }
        if (column.format == "customerNo") {
            if (!text || !parseCustomerNumber(*text)) add("FORMAT", sheet, row, col, {}, &column);
        } else if (column.format == "contact") {
            if (const auto problem = contactProblem(value))
                add("CONTACT", sheet, row, col, {problem->zh, problem->en}, &column);
        }
        if (!column.ref.empty() && present_.count(column.ref)) {
            const std::string key = keyText(sheet, row, col);
            if (!keys_[column.ref].count(key)) {
                const auto& target = productSchema().sheetOrThrow(column.ref).name;
                add("REF", sheet, row, col, {target.zh, target.en}, &column);
            }
        }
    }

    void checkRange(const RecognisedSheet& sheet, const ColumnSchema& column, int row, int col,
                    double value) {
        const bool integerWanted = column.type == ColumnType::Integer;
        bool bad = integerWanted && value != std::floor(value);
        if (column.min)
            bad = bad || (column.minExclusive ? value <= *column.min : value < *column.min);
        if (column.max) bad = bad || value > *column.max;
        if (!bad) return;
        std::string zh, en;
        if (column.min && column.max) {
            zh = formatNumber(*column.min) + " 到 " + formatNumber(*column.max);
            en = formatNumber(*column.min) + " to " + formatNumber(*column.max);
        } else if (column.min) {
            zh = (column.minExclusive ? "须大于 " : "须不小于 ") + formatNumber(*column.min);
            en = (column.minExclusive ? "must be > " : "must be ≥ ") + formatNumber(*column.min);
        }
        if (integerWanted) {
            zh += zh.empty() ? "须为整数" : "的整数";
            en += en.empty() ? "a whole number" : ", whole numbers";
        }
        add("RANGE", sheet, row, col, {zh, en}, &column);
    }

    // ---- rules of a sheet (schema "rules") -------------------------------------------------
    void checkRule(const RecognisedSheet& sheet, const SheetRule& r, int row,
                   std::unordered_map<std::string, int>& firstNameRow) {
        const auto col = [&](const char* param) { return sheet.column(r.param(param)); };
        const std::string& code = r.code;
        if (code == "CUSTNO_MONTH") {
            const int numberColumn = col("number");
            const auto date = dateAt(sheet, row, col("date"));
            if (numberColumn < 0 || !date) return;
            const auto number = parseCustomerNumber(trimmedText(sheet, row, numberColumn));
            const auto civil = options_.dates.toCivil(static_cast<double>(*date));
            if (number && civil && (number->year != civil->year || number->month != civil->month))
                add(code, sheet, row, numberColumn, {dateText(*date), dateText(*date)});
        } else if (code == "DUPLICATE_NAME") {
            const int column = col("column");
            if (column < 0 || blankAt(sheet, row, column)) return;
            const std::string key = foldForComparison(trimmedText(sheet, row, column));
            if (key.empty()) return;
            const auto [it, inserted] = firstNameRow.emplace(key, row);
            const std::string first = std::to_string(sheet.data->sheetRow(it->second) + 1);
            if (!inserted) add(code, sheet, row, column, {first, first});
        } else if (code == "GRADE") {
            const int gradeColumn = col("grade");
            if (gradeColumn < 0 || blankAt(sheet, row, gradeColumn) ||
                sheet.data->formulaAt(row, gradeColumn))
                return;
            const auto budget = numberAt(sheet, row, col("budget"));
            const auto urgency = numberAt(sheet, row, col("urgency"));
            const auto likelihood = numberAt(sheet, row, col("likelihood"));
            if (!budget && !urgency && !likelihood) return;  // nothing to compute a grade from
            const std::string computed(1, gradeLetter(gradeLead(budget, urgency, likelihood,
                                                                options_.settings.thresholds)));
            if (foldForComparison(trimmedText(sheet, row, gradeColumn)) !=
                foldForComparison(computed))
                add(code, sheet, row, gradeColumn, {computed, computed});
        } else if (code == "NEXT_STEP") {
            const std::string_view outcome = enumIdAt(sheet, row, r.param("outcome"));
            const int next = col("nextStep");
            if (next < 0 || !blankAt(sheet, row, next)) return;
            for (const auto& when : r.listParam("when"))
                if (outcome == when) {
                    const std::string typed =
                        trimmedText(sheet, row, sheet.column(r.param("outcome")));
                    add(code, sheet, row, next, {typed, typed});
                }
        } else if (code == "RECORD_LATE") {
            const auto meeting = dateAt(sheet, row, col("date"));
            const int finalisedColumn = col("finalised");
            const auto finalised = dateAt(sheet, row, finalisedColumn);
            const long days = std::stol(r.param("days"));
            if (meeting && finalised && *finalised - *meeting > days) {
                const std::string late = std::to_string(*finalised - *meeting);
                add(code, sheet, row, finalisedColumn, {late, late},
                    sheet.schema->column(r.param("finalised")));
            }
        } else if (code == "OVERDUE" || code == "DUE_SOON") {
            if (isClosed(sheet, row, r) || !blankAt(sheet, row, col("completed"))) return;
            const int dueColumn = col("due");
            const auto due = dateAt(sheet, row, dueColumn);
            if (!due) return;
            const auto* dueSchema = sheet.schema->column(r.param("due"));
            if (code == "OVERDUE" && *due < options_.today) {
                const std::string days = std::to_string(options_.today - *due);
                add(code, sheet, row, dueColumn, {days, days}, dueSchema);
            } else if (code == "DUE_SOON" && *due >= options_.today &&
                       *due - options_.today <= options_.settings.reminderDays) {
                const std::string days = std::to_string(options_.settings.reminderDays);
                add(code, sheet, row, dueColumn, {days, days}, dueSchema);
            }
        } else if (code == "SIGNED_UNAPPROVED") {
            const int signedColumn = col("signed");
            if (signedColumn < 0 || blankAt(sheet, row, signedColumn)) return;
            std::vector<Opinion> opinions;
            bool unknown = false;
            for (const auto& id : r.listParam("opinions")) {
                const int column = sheet.column(id);
                const auto opinion = column < 0 ? std::optional<Opinion>(Opinion::Pending)
                                                : parseOpinion(trimmedText(sheet, row, column));
                if (!opinion) unknown = true;
                opinions.push_back(opinion.value_or(Opinion::Pending));
            }
            const ApprovalResult result = combineOpinions(opinions);
            if (unknown || (result != ApprovalResult::Approved &&
                            result != ApprovalResult::ApprovedWithChanges)) {
                const char* id = result == ApprovalResult::Rejected ? "rejected" : "pending";
                const auto& text = productSchema().list("approvalResults").byId(id).text;
                add(code, sheet, row, signedColumn, {text.zh, text.en},
                    sheet.schema->column(r.param("signed")));
            }
        } else if (code == "STALE") {
            if (isClosed(sheet, row, r)) return;
            const int updatedColumn = col("updated");
            const auto updated = dateAt(sheet, row, updatedColumn);
            if (updated && options_.today - *updated > options_.settings.staleDays) {
                const std::string days = std::to_string(options_.today - *updated);
                add(code, sheet, row, updatedColumn, {days, days},
                    sheet.schema->column(r.param("updated")));
            }
        } else if (code == "STATUS") {
            const auto planned = dateAt(sheet, row, col("planned"));
            if (planned && *planned < options_.today &&
                enumIdAt(sheet, row, r.param("status")) == r.param("onTrack"))
                add(code, sheet, row, col("status"), {dateText(*planned), dateText(*planned)});
        } else if (code == "ACCEPT_LATE") {
            const auto delivered = dateAt(sheet, row, col("delivered"));
            const int requestedColumn = col("requested");
            const auto requested = dateAt(sheet, row, requestedColumn);
            const long limit = std::stol(r.param("workingDays"));
            if (delivered && requested) {
                const long days = workingDaysBetween(options_.dates, *delivered, *requested,
                                                     options_.settings.holidays);
                if (days > limit)
                    add(code, sheet, row, requestedColumn,
                        {std::to_string(days), std::to_string(days)},
                        sheet.schema->column(r.param("requested")));
            }
        } else if (code == "NAME_MISMATCH") {
            const int nameColumn = col("name");
            const int numberColumn = col("number");
            if (nameColumn < 0 || numberColumn < 0 || blankAt(sheet, row, nameColumn)) return;
            const auto it = customerNames_.find(keyText(sheet, row, numberColumn));
            if (it == customerNames_.end() || it->second.empty()) return;
            if (foldForComparison(trimmedText(sheet, row, nameColumn)) !=
                foldForComparison(it->second))
                add(code, sheet, row, nameColumn, {it->second, it->second});
        } else {
            throw SchemaError("the schema names an unknown rule " + code);
        }
    }

    bool isClosed(const RecognisedSheet& sheet, int row, const SheetRule& r) const {
        const std::string_view status = enumIdAt(sheet, row, r.param("status"));
        for (const auto& id : r.listParam("closed"))
            if (status == id) return true;
        return false;
    }

    const ValidationOptions& options_;
    std::vector<RecognisedSheet> sheets_;
    std::vector<Finding> findings_;
    std::unordered_map<std::string, std::unordered_set<std::string>> keys_;
    std::unordered_set<std::string> present_;
    std::unordered_map<std::string, std::string> customerNames_;
};

}  // namespace

ValidationResult validateWorkbook(
    const std::vector<std::pair<const SheetSchema*, SheetData>>& sheets,
    const ValidationOptions& options) {
    return Validator(options).run(sheets);
}

}  // namespace dealsheet
