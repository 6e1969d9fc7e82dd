#include "core/validate/validator.hpp"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "core/text/text.hpp"
#include "core/validate/key_index.hpp"
#include "core/workbook/layout.hpp"
#include "core/workbook/sheet_locator.hpp"
#include "core/workbook/workdays.hpp"

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
        const SheetSchema* sheet = locateSheet(schema, name).schema;
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

void replaceAll(std::string& out, const std::string& key, const std::string& text) {
    for (auto at = out.find(key); at != std::string::npos; at = out.find(key, at + text.size()))
        out.replace(at, key.size(), text);
}

std::string fillPlaceholders(std::string out, const std::string& field, const std::string& value,
                             const std::string& detail) {
    replaceAll(out, "{field}", field);
    replaceAll(out, "{value}", value);
    replaceAll(out, "{detail}", detail);
    return out;
}

// A rule's message with its {param:…} filled in, once per validation.
struct Message {
    std::string pattern;
    bool onePass = false;  // every '{' of the pattern starts {field}, {value} or {detail}
};

bool startsPlaceholder(std::string_view text) {
    for (const std::string_view key : {"{field}", "{value}", "{detail}"})
        if (text.substr(0, key.size()) == key) return true;
    return false;
}

Message compileMessage(std::string pattern) {
    bool onePass = true;
    for (auto at = pattern.find('{'); at != std::string::npos; at = pattern.find('{', at + 1))
        onePass = onePass && startsPlaceholder(std::string_view(pattern).substr(at));
    return {std::move(pattern), onePass};
}

// fillPlaceholders in one pass. Replacing the three one after the other gives the same text
// when the pattern has no other '{' and neither field nor value has one (a '{' of theirs
// could start a placeholder the next replacement fills); otherwise that is what is done.
std::string fillMessage(const Message& message, const std::string& field, const std::string& value,
                        const std::string& detail) {
    if (!message.onePass || field.find('{') != std::string::npos ||
        value.find('{') != std::string::npos)
        return fillPlaceholders(message.pattern, field, value, detail);
    const std::string_view pattern = message.pattern;
    std::string out;
    out.reserve(pattern.size() + field.size() + value.size() + detail.size());
    std::size_t from = 0;
    for (auto at = pattern.find('{'); at != std::string_view::npos; at = pattern.find('{', from)) {
        out.append(pattern.substr(from, at - from));
        const std::string_view rest = pattern.substr(at);
        const std::string& text = rest[1] == 'f' ? field : rest[1] == 'v' ? value : detail;
        out += text;
        from = at + (rest[1] == 'd' ? 8 : 7);  // {detail} is one longer than {field}, {value}
    }
    out.append(pattern.substr(from));
    return out;
}

std::string shorten(std::string text) {
    constexpr std::size_t kMax = 200;
    if (text.size() <= kMax) return text;
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    return text.substr(0, cut) + "…";
}

// The rules of one sheet with their parameters' columns located on the sheet (once per sheet).
struct BoundRule {
    const SheetRule* rule = nullptr;
    std::vector<std::vector<int>> columns;        // per parameter: sheet column of each id, or -1
    std::vector<std::optional<double>> settings;  // per parameter: a Setting's value, once read
    KeyIndex seen;                                // RuleRow::firstSeen
    std::any memory;                              // RuleRow::memory

    std::size_t paramIndex(std::string_view name) {
        const auto& params = rule->params;
        for (std::size_t i = 0; i < params.size(); ++i)
            if (params[i].name == name) return i;
        rule->param(name);  // throws the schema's error for a parameter the rule lacks
        return 0;
    }
};

// A cell's key (its trimmed text, or a number's text) and whether it views the cell itself.
struct CellKey {
    std::string_view text;
    KeyIndex::Key lifetime;
};

struct Messages {
    Message zh, en;
};

// One pass over the rows of a sheet: its columns, cells and keys, or some of its schema rules
// (one after the other on each row). A pass changes nothing another pass reads, so two can run
// at once; its findings are kept in the order it made them, and put together with the others'
// afterwards in the order of a single pass over the rows checking everything
// (Validator::merged).
struct Pass {
    std::size_t sheet = 0;
    bool cells = true;          // the columns, cells and keys; else the rules below
    std::size_t firstRule = 0;  // the sheet's schema rules [firstRule, endRule)
    std::size_t endRule = 0;
    bool comparesRows = false;  // a rule of it compares each row with the rows before it
    std::vector<Finding> findings;
    // Worked out once per pass: a rule's messages with {param:…} filled in, and the headers.
    std::map<std::pair<const RuleDefinition*, const SheetRule*>, Messages> messages;
    std::vector<std::optional<std::string>> headers;  // by sheet column
};

class Validator;

// One row of a sheet as the sheet rules see it.
class RowView final : public RuleRow {
  public:
    RowView(Validator& validator, Pass& pass, const RecognisedSheet& sheet)
        : validator_(validator), pass_(pass), sheet_(sheet) {
        std::size_t width = sheet.data->cells.empty() ? 0 : sheet.data->cells.front().size();
        for (const int column : sheet.columnOf)
            width = std::max(width, static_cast<std::size_t>(column + 1));
        dates_.resize(width);
        ids_.resize(width);
    }
    void at(int row, BoundRule* rule) {
        row_ = row;
        rule_ = rule;
    }

    int row() const override { return row_; }
    Pass& pass() const { return pass_; }
    const RecognisedSheet& sheet() const { return sheet_; }
    const SheetSchema& schema() const override { return *sheet_.schema; }
    int column(std::string_view param, std::size_t index) const override;
    int columnOf(std::string_view columnId) const override { return sheet_.column(columnId); }
    bool blank(int column) const override {
        return column < 0 ||
               (isBlankCell(sheet_.data->at(row_, column)) && !sheet_.data->errorAt(row_, column));
    }
    bool formula(int column) const override { return sheet_.data->formulaAt(row_, column); }
    std::string_view text(int column) const override {
        const auto* value = std::get_if<std::string>(&sheet_.data->at(row_, column));
        return value ? trimSpaces(*value) : std::string_view();
    }
    std::string key(int column) const override { return keyText(sheet_, row_, column); }
    std::optional<long> date(int column) const override;
    std::optional<double> number(int column) const override {
        if (column < 0 || sheet_.data->errorAt(row_, column)) return std::nullopt;
        const auto* value = std::get_if<double>(&sheet_.data->at(row_, column));
        return value ? std::optional<double>(*value) : std::nullopt;
    }
    std::string_view valueId(int column) const override;
    bool valueIn(std::string_view columnParam, std::string_view idsParam) const override {
        const std::string_view id = valueId(this->column(columnParam, 0));
        if (id.empty()) return false;
        for (const auto& wanted : param(idsParam).ids)
            if (id == wanted) return true;
        return false;
    }
    const ParamValue& param(std::string_view name) const override {
        return rule_->rule->params[rule_->paramIndex(name)];
    }
    double setting(std::string_view param) const override;
    long today() const override;
    std::string dateText(long serial) const override;
    std::optional<CivilDate> civil(long serial) const override;
    std::string header(int column) const override;
    Lang lang() const override { return sheet_.lang; }
    std::optional<std::string> lookup(std::string_view refParam,
                                      const std::string& key) const override;
    long workingDays(long from, long to) const override;
    std::optional<int> firstSeen(std::string_view key) override;
    int sheetRow() const override { return sheet_.data->sheetRow(row_); }
    std::any& memory() override { return rule_->memory; }
    void inGroup(std::string_view kind, std::string_view key) override;
    void report(int column, std::string detailZh, std::string detailEn) override;

    static std::string keyText(const RecognisedSheet& sheet, int row, int column) {
        const CellValue& value = sheet.data->at(row, column);
        if (const auto* text = std::get_if<std::string>(&value))
            return std::string(trimSpaces(*text));
        if (const auto* number = std::get_if<double>(&value)) return formatNumber(*number);
        return {};
    }
    // keyText without a copy of a text; a number's text is written to `scratch`.
    static CellKey keyOf(const RecognisedSheet& sheet, int row, int column, std::string& scratch) {
        const CellValue& value = sheet.data->at(row, column);
        if (const auto* text = std::get_if<std::string>(&value))
            return {trimSpaces(*text), KeyIndex::Key::Lasting};
        scratch.clear();
        if (const auto* number = std::get_if<double>(&value)) scratch = formatNumber(*number);
        return {scratch, KeyIndex::Key::Copied};
    }

  private:
    // What a row's rules ask of a cell more than once (a due date is read by TYPE,
    // DATE_ORDER, OVERDUE and DUE_SOON), worked out once per row.
    template <typename T>
    struct RowMemo {
        int row = -1;
        T value{};
    };

    Validator& validator_;
    Pass& pass_;  // where its findings go
    const RecognisedSheet& sheet_;
    int row_ = 0;
    BoundRule* rule_ = nullptr;
    mutable std::vector<RowMemo<std::optional<long>>> dates_;  // per sheet column
    mutable std::vector<RowMemo<std::string_view>> ids_;       // per sheet column
};

// One non-blank (or blank, for REQUIRED) cell of a filled row as the column rules see it.
class CellView final : public RuleCell {
  public:
    CellView(Validator& validator, RowView& row, const ColumnSchema& column, int sheetColumn);

    const ColumnSchema& column() const override { return column_; }
    int sheetColumn() const override { return sheetColumn_; }
    const RuleRow& row() const override { return row_; }
    bool isText() const override { return text_ != nullptr; }
    bool isNumber() const override { return number_ != nullptr; }
    bool isError() const override { return error_; }
    double number() const override { return number_ ? *number_ : 0.0; }
    std::string text() const override {
        return text_ ? std::string(trimSpaces(*text_)) : std::string();
    }
    std::optional<long> day() const override { return row_.date(sheetColumn_); }
    const CellValue& value() const override {
        return row_.sheet().data->at(row_.row(), sheetColumn_);
    }
    bool refersToMissingKey() const override;
    void report(std::string_view code, std::string detailZh, std::string detailEn) override;

  private:
    Validator& validator_;
    RowView& row_;
    const ColumnSchema& column_;
    int sheetColumn_;
    const std::string* text_ = nullptr;
    const double* number_ = nullptr;
    bool error_ = false;
};

class Validator {
  public:
    explicit Validator(const ValidationOptions& options) : options_(options) {}

    ValidationResult run(const std::vector<std::pair<const SheetSchema*, SheetData>>& input) {
        for (const auto& [schema, data] : input) sheets_.push_back(recognise(*schema, data));
        for (const auto& sheet : sheets_) filled_.push_back(filledRows(sheet));
        indexKeys();
        std::vector<Pass> passes;
        ValidationResult result;
        for (std::size_t i = 0; i < sheets_.size(); ++i) {
            addPasses(i, passes);
            const auto& filled = filled_[i];  // the header row is never filled
            result.checked.push_back(
                {sheets_[i].data->name,
                 static_cast<long>(std::count(filled.begin(), filled.end(), 1))});
        }
        runPasses(passes);
        result.findings = merged(passes);
        for (const auto& f : result.findings)
            (f.severity == Severity::Error ? result.errors : result.warnings)++;
        return result;
    }

    const ValidationOptions& options() const { return options_; }

    std::string dateText(long serial) const {
        const auto civil = options_.dates.toCivil(static_cast<double>(serial));
        return civil ? isoDate(*civil) : formatNumber(static_cast<double>(serial));
    }

    std::string fieldName(const RecognisedSheet& sheet, int column) const {
        const auto* text = std::get_if<std::string>(&sheet.data->at(0, column));
        return text ? std::string(trimSpaces(*text)) : columnLetters(column);
    }

    // fieldName, worked out once per column of the pass's sheet.
    const std::string& fieldNameOnce(Pass& pass, const RecognisedSheet& sheet, int column) const {
        auto& headers = pass.headers;
        const auto at = static_cast<std::size_t>(column);
        if (at >= headers.size()) headers.resize(at + 1);
        if (!headers[at]) headers[at] = fieldName(sheet, column);
        return *headers[at];
    }

    // Adds a finding of `definition` at a cell; `rule` fills {param:…} in the message.
    void add(Pass& pass, const RuleDefinition& definition, const RecognisedSheet& sheet, int row,
             int column, const Detail& detail, const SheetRule* rule = nullptr,
             std::string fieldOverride = {}) const {
        if (sheet.data->mergedCopyAt(row, column)) return;  // said once, at the merged cell
        Finding& f = pass.findings.emplace_back();
        f.severity = definition.severity;
        f.rule = std::string(definition.code);
        f.sheet = sheet.data->name;
        f.row = sheet.data->sheetRow(row);
        f.column = column;
        f.field = fieldOverride.empty() ? fieldNameOnce(pass, sheet, column) : fieldOverride;
        f.value = row > 0 ? display(sheet, row, column) : "";
        const Messages& messages = messagesOf(pass, definition, rule);
        f.messageZh = fillMessage(messages.zh, f.field, f.value, detail.zh);
        f.messageEn = fillMessage(messages.en, f.field, f.value, detail.en);
    }

    // The group of the rows holding `key` in the sheets of `sheetId` (RowDependencies).
    static std::string keyGroup(std::string_view sheetId, std::string_view key) {
        return "k\x1f" + std::string(sheetId) + "\x1f" + std::string(key);
    }
    void noteReader(const RecognisedSheet& sheet, int row, std::string_view sheetId,
                    std::string_view key) const {
        if (options_.dependencies)
            options_.dependencies->note(sheet.data->name, sheet.data->sheetRow(row),
                                        keyGroup(sheetId, key), RowDependencies::Role::Reader);
    }

    bool keyExists(std::string_view sheetId, std::string_view key) const {
        bool keyed = false;
        for (const auto& keys : keys_)
            if (keys.sheet->schema->id == sheetId) {
                if (keys.index.find(key)) return true;
                keyed = true;
            }
        return !keyed;  // no such sheet: nothing to check against
    }

    // The first value of `columnId` on the sheet `sheetId` for each of its keys. Passes running
    // at once ask for them: the first builds them under the lock, the others wait for them (a
    // map built is never changed again, so it is read without the lock).
    const std::unordered_map<std::string, std::string>& valuesByKey(const std::string& sheetId,
                                                                    const std::string& columnId) {
        const std::lock_guard<std::mutex> lock(lookupsMutex_);
        const std::string cacheKey = sheetId + "\n" + columnId;
        const auto cached = lookups_.find(cacheKey);
        if (cached != lookups_.end()) return cached->second;
        auto& values = lookups_[cacheKey];
        for (const auto& sheet : sheets_) {
            values.reserve(values.size() + static_cast<std::size_t>(sheet.data->rowCount()));
            if (sheet.schema->id != sheetId || sheet.schema->key.empty()) continue;
            const int keyColumn = sheet.column(sheet.schema->key);
            const int valueColumn = sheet.column(columnId);
            if (keyColumn < 0 || valueColumn < 0) continue;
            for (int row = 1; row < sheet.data->rowCount(); ++row) {
                const std::string key = RowView::keyText(sheet, row, keyColumn);
                if (key.empty() || values.count(key)) continue;
                const auto* text = std::get_if<std::string>(&sheet.data->at(row, valueColumn));
                values.emplace(key, text ? std::string(trimSpaces(*text)) : std::string());
            }
        }
        return values;
    }

  private:
    std::string display(const RecognisedSheet& sheet, int row, int column) const {
        const CellValue& value = sheet.data->at(row, column);
        if (sheet.data->errorAt(row, column)) return "#ERR";
        if (const auto* text = std::get_if<std::string>(&value)) return shorten(*text);
        if (const auto* number = std::get_if<double>(&value)) {
            const ColumnSchema* schemaColumn = schemaColumnAt(sheet, column);
            if (schemaColumn && schemaColumn->isDate())
                if (const auto civil = options_.dates.toCivil(*number)) return isoDate(*civil);
            return formatNumber(*number);
        }
        return {};
    }

    static const ColumnSchema* schemaColumnAt(const RecognisedSheet& sheet, int column) {
        for (std::size_t i = 0; i < sheet.columnOf.size(); ++i)
            if (sheet.columnOf[i] == column) return &sheet.schema->columns[i];
        return nullptr;
    }

    // A rule's messages with their {param:…} filled in, once per pass, rule and schema entry.
    const Messages& messagesOf(Pass& pass, const RuleDefinition& definition,
                               const SheetRule* rule) const {
        const auto key = std::make_pair(&definition, rule);
        auto it = pass.messages.find(key);
        if (it == pass.messages.end())
            it =
                pass.messages
                    .emplace(key, Messages{compileMessage(withParams(definition.message.zh, rule)),
                                           compileMessage(withParams(definition.message.en, rule))})
                    .first;
        return it->second;
    }

    // A rule's message with {param:NAME} replaced by that parameter's value (a setting's value
    // as the Settings sheet has it); {field}, {value} and {detail} are filled per finding.
    std::string withParams(std::string_view pattern, const SheetRule* rule) const {
        std::string out(pattern);
        if (rule) {
            for (const auto& p : rule->params) {
                const std::string key = "{param:" + p.name + "}";
                std::string shown = p.text;
                if (p.kind == ParamKind::Setting)
                    shown = formatNumber(options_.settings.number(p.text));
                else if (p.kind == ParamKind::Count)
                    shown = std::to_string(p.count);
                replaceAll(out, key, shown);
            }
        }
        return out;
    }

    // ---- keys of the whole workbook -------------------------------------------------------
    // Every keyed sheet's keys, in one pass that also finds the keys repeated (DUPLICATE).
    void indexKeys() {
        std::string scratch;
        for (std::size_t i = 0; i < sheets_.size(); ++i) {
            const RecognisedSheet& sheet = sheets_[i];
            if (sheet.schema->key.empty()) continue;
            const int column = sheet.column(sheet.schema->key);
            if (column < 0) continue;
            SheetKeys& keys = keys_.emplace_back();
            keys.sheet = &sheet;
            keys.index.reserve(static_cast<std::size_t>(sheet.data->rowCount()));  // no rehashing
            for (int row = 1; row < sheet.data->rowCount(); ++row) {
                const CellKey key = RowView::keyOf(sheet, row, column, scratch);
                if (key.text.empty()) continue;
                if (options_.dependencies)
                    options_.dependencies->note(sheet.data->name, sheet.data->sheetRow(row),
                                                keyGroup(sheet.schema->id, key.text),
                                                RowDependencies::Role::Member);
                const bool filled = filled_[i][static_cast<std::size_t>(row)];
                const auto [first, inserted] =
                    keys.index.emplace(key.text, filled ? row : -1, key.lifetime);
                if (inserted || !filled) continue;
                if (*first < 0)
                    *first = row;
                else
                    keys.repeats.emplace_back(row, *first);
            }
        }
    }

    // Whether each row of a sheet is filled (isRowFilled).
    static std::vector<char> filledRows(const RecognisedSheet& sheet) {
        std::vector<char> filled(static_cast<std::size_t>(sheet.data->rowCount()));
        for (int row = 1; row < sheet.data->rowCount(); ++row)
            filled[static_cast<std::size_t>(row)] = isRowFilled(sheet, row);
        return filled;
    }

    // ---- the passes --------------------------------------------------------------------------
    // A sheet's passes: its columns, cells and keys, then one per schema rule, except that the
    // rules comparing rows with the rows before them (the duplicate rules) that stand together
    // share a pass: they read the same name key of each row, worked out once (nameKeyOf).
    void addPasses(std::size_t sheet, std::vector<Pass>& passes) const {
        passes.push_back({sheet, true, 0, 0, false, {}, {}, {}});
        const auto& rules = sheets_[sheet].schema->rules;
        for (std::size_t k = 0; k < rules.size(); ++k) {
            const bool compares = comparesRows(*rules[k].definition);
            Pass& last = passes.back();
            if (compares && !last.cells && last.comparesRows && last.endRule == k)
                last.endRule = k + 1;
            else
                passes.push_back({sheet, false, k, k + 1, compares, {}, {}, {}});
        }
    }

    static bool comparesRows(const RuleDefinition& definition) {
        const auto& family = duplicateRules();
        return std::any_of(family.begin(), family.end(), [&](const RuleDefinition& member) {
            return member.code == definition.code;
        });
    }

    // Runs the passes on this thread and one more. This thread takes them from the longest
    // down, the helper from the shortest up, until they meet: on a busy machine, where the
    // helper may get little of the processor, it holds up a short pass at most. With
    // dependencies to tell (the incremental check's notes, which go to one recorder) or without
    // a second core, this thread runs them all: the findings are the same either way.
    void runPasses(std::vector<Pass>& passes) {
        // Longest first, by kind: the passes of the rules that compare each row with the rows
        // before it, then the cells of each sheet, then the other rules.
        const auto weight = [](const Pass& pass) {
            return pass.comparesRows ? 0 : pass.cells ? 1 : 2;
        };
        std::vector<std::size_t> order(passes.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return weight(passes[a]) < weight(passes[b]);
        });
        std::vector<std::exception_ptr> errors(passes.size());
        std::mutex taking;
        std::size_t front = 0, back = order.size();  // order[front, back): not taken yet
        const auto work = [&](bool longest) {
            for (;;) {
                std::size_t pass = 0;
                {
                    const std::lock_guard<std::mutex> lock(taking);
                    if (front == back) return;
                    pass = longest ? order[front++] : order[--back];
                }
                try {
                    runPass(passes[pass]);
                } catch (...) {
                    errors[pass] = std::current_exception();
                }
            }
        };
        std::thread helper;
        if (!options_.dependencies && options_.threads > 1 && passes.size() > 1 &&
            std::thread::hardware_concurrency() > 1) {
            try {
                helper = std::thread(work, false);
            } catch (const std::system_error&) {
                // No thread to be had: this one does it all.
            }
        }
        work(true);
        if (helper.joinable()) helper.join();
        for (const auto& error : errors)  // the first pass's error, as one thread would throw
            if (error) std::rethrow_exception(error);
    }

    void runPass(Pass& pass) {
        if (pass.cells)
            checkCellsAndKeys(pass);
        else
            checkRules(pass);
    }

    // The sheet's columns (MISSING_COLUMN), its cells (the column rules) and its keys repeated
    // (DUPLICATE).
    void checkCellsAndKeys(Pass& pass) {
        const RecognisedSheet& sheet = sheets_[pass.sheet];
        const SheetSchema& schema = *sheet.schema;
        const RuleDefinition& missingColumn = rule("MISSING_COLUMN");
        for (std::size_t i = 0; i < schema.columns.size(); ++i) {
            if (sheet.columnOf[i] >= 0 ||
                !(schema.columns[i].required || schema.columns[i].requiredWhen))
                continue;
            const auto& ambiguous = sheet.data->ambiguousColumns;
            const auto candidates =
                std::find_if(ambiguous.begin(), ambiguous.end(),
                             [&](const auto& entry) { return entry.first == i; });
            if (candidates != ambiguous.end())
                add(pass, rule("AMBIGUOUS_COLUMN"), sheet, 0, 0,
                    Detail{candidates->second, candidates->second}, nullptr,
                    schema.columns[i].header.in(sheet.lang));
            else
                add(pass, missingColumn, sheet, 0, 0, {}, nullptr,
                    schema.columns[i].header.in(sheet.lang));
        }

        // Which column rules check which column.
        std::vector<std::vector<const RuleDefinition*>> cellRules(schema.columns.size());
        for (std::size_t i = 0; i < schema.columns.size(); ++i)
            for (const auto& definition : columnRules())
                if (definition.appliesTo(schema.columns[i])) cellRules[i].push_back(&definition);

        const RuleDefinition& duplicate = rule("DUPLICATE");
        const int keyColumn = schema.key.empty() ? -1 : sheet.column(schema.key);
        const std::vector<std::pair<int, int>>* repeats = nullptr;  // (row, first row) by row
        for (const auto& keys : keys_)
            if (keys.sheet == &sheet) repeats = &keys.repeats;
        std::size_t nextRepeat = 0;
        RowView view(*this, pass, sheet);
        const auto& filled = filled_[pass.sheet];
        for (int row = 1; row < sheet.data->rowCount(); ++row) {
            if (!filled[static_cast<std::size_t>(row)]) continue;
            view.at(row, nullptr);
            for (std::size_t i = 0; i < schema.columns.size(); ++i) {
                const int column = sheet.columnOf[i];
                if (column < 0 || cellRules[i].empty()) continue;
                checkCell(view, schema.columns[i], column, cellRules[i]);
            }
            if (repeats && nextRepeat < repeats->size() && (*repeats)[nextRepeat].first == row) {
                const std::string first =
                    std::to_string(sheet.data->sheetRow((*repeats)[nextRepeat].second) + 1);
                add(pass, duplicate, sheet, row, keyColumn, {first, first});
                ++nextRepeat;
            }
        }
    }

    // The pass's schema rules over the sheet's filled rows, with their parameters' columns
    // located once.
    void checkRules(Pass& pass) {
        const RecognisedSheet& sheet = sheets_[pass.sheet];
        std::vector<BoundRule> bound;
        for (std::size_t k = pass.firstRule; k < pass.endRule; ++k) {
            const SheetRule& sheetRule = sheet.schema->rules[k];
            BoundRule& b = bound.emplace_back();
            b.rule = &sheetRule;
            b.settings.resize(sheetRule.params.size());
            for (const auto& p : sheetRule.params) {
                std::vector<int> located;
                if (p.kind == ParamKind::Column || p.kind == ParamKind::Columns)
                    for (const auto& id : p.ids) located.push_back(sheet.column(id));
                b.columns.push_back(std::move(located));
            }
        }
        RowView view(*this, pass, sheet);
        const auto& filled = filled_[pass.sheet];
        for (int row = 1; row < sheet.data->rowCount(); ++row) {
            if (!filled[static_cast<std::size_t>(row)]) continue;
            for (auto& b : bound) {
                view.at(row, &b);
                b.rule->definition->checkRow(view);
            }
        }
    }

    // The passes' findings in the order one pass over the rows checking everything makes them
    // (each row's cells, its key, then the sheet's rules in order), sorted by sheet, row,
    // column and rule as sortAndDeduplicate sorts them, and without its repeats. Within a
    // sheet, row, column and rule, the findings of the earlier pass come first, each pass's in
    // its own order: where the single pass keeps the earlier finding, so does this.
    std::vector<Finding> merged(std::vector<Pass>& passes) const {
        // A sheet's place: the first sheet of its name (as sortAndDeduplicate orders them).
        std::vector<std::size_t> place(sheets_.size());
        for (std::size_t i = 0; i < sheets_.size(); ++i)
            for (place[i] = 0; sheets_[place[i]].data->name != sheets_[i].data->name;) ++place[i];
        // Integers only, for the sort: the sheet's place, the cell (row, then column) and the
        // order of making (pass, then index in it).
        struct Key {
            std::size_t sheet;
            std::uint64_t cell;
            std::uint64_t made;
        };
        const auto bits = [](int value) {  // ordered as the int is
            return static_cast<std::uint64_t>(static_cast<std::uint32_t>(value) ^ 0x80000000u);
        };
        std::vector<Key> keys;
        std::size_t count = 0;
        for (const auto& pass : passes) count += pass.findings.size();
        keys.reserve(count);
        for (std::size_t p = 0; p < passes.size(); ++p) {
            const auto& findings = passes[p].findings;
            for (std::size_t i = 0; i < findings.size(); ++i)
                keys.push_back({place[passes[p].sheet],
                                bits(findings[i].row) << 32 | bits(findings[i].column),
                                static_cast<std::uint64_t>(p) << 32 | i});
        }
        const auto findingOf = [&](const Key& key) -> Finding& {
            return passes[key.made >> 32].findings[key.made & 0xFFFFFFFFu];
        };
        std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
            return std::tie(a.sheet, a.cell, a.made) < std::tie(b.sheet, b.cell, b.made);
        });
        // The few findings of one cell by rule, in the order of making within each rule.
        for (auto first = keys.begin(); first != keys.end();) {
            auto last = std::next(first);
            while (last != keys.end() && last->sheet == first->sheet && last->cell == first->cell)
                ++last;
            if (std::distance(first, last) > 1)
                std::stable_sort(first, last, [&](const Key& a, const Key& b) {
                    return findingOf(a).rule < findingOf(b).rule;
                });
            first = last;
        }
        // Each finding moved once, into its place; a repeat of the one before is left out.
        std::vector<Finding> all;
        all.reserve(keys.size());
        for (const Key& key : keys) {
            Finding& f = findingOf(key);
            if (!all.empty() && sameFinding(all.back(), f)) continue;
            all.push_back(std::move(f));
        }
        return all;
    }

    // A repeat: the same rule at the same cell, and the same field (every missing column is
    // its own finding), as sortAndDeduplicate tells them.
    static bool sameFinding(const Finding& a, const Finding& b) {
        return a.row == b.row && a.column == b.column && a.rule == b.rule && a.sheet == b.sheet &&
               a.field == b.field;
    }

    void checkCell(RowView& view, const ColumnSchema& column, int sheetColumn,
                   const std::vector<const RuleDefinition*>& rules) {
        CellView cell(*this, view, column, sheetColumn);
        if (view.blank(sheetColumn)) {
            for (const auto* definition : rules)
                if (definition->checkBlank) definition->checkBlank(cell);
            return;
        }
        if (!column.formula.empty() && view.formula(sheetColumn)) return;  // computed
        for (const auto* definition : rules)
            if (definition->checkCell && !definition->checkCell(cell)) return;
    }

    const ValidationOptions& options_;
    std::vector<RecognisedSheet> sheets_;
    // The keys of a sheet: the first filled row holding each (-1: only rows not filled), and
    // the filled rows whose key an earlier filled row holds, with that row.
    struct SheetKeys {
        const RecognisedSheet* sheet = nullptr;
        KeyIndex index;
        std::vector<std::pair<int, int>> repeats;
    };
    std::vector<std::vector<char>> filled_;  // per sheet, per row: isRowFilled
    std::vector<SheetKeys> keys_;            // per sheet with a key column
    std::mutex lookupsMutex_;
    std::unordered_map<std::string, std::unordered_map<std::string, std::string>> lookups_;
};

int RowView::column(std::string_view param, std::size_t index) const {
    const auto& params = rule_->rule->params;
    for (std::size_t i = 0; i < params.size(); ++i)
        if (params[i].name == param) {
            const auto& located = rule_->columns[i];
            return index < located.size() ? located[index] : -1;
        }
    throw SchemaError("rule " + std::string(rule_->rule->definition->code) +
                      " has no column parameter " + std::string(param));
}

std::optional<long> RowView::date(int column) const {
    if (column < 0) return std::nullopt;
    const auto at = static_cast<std::size_t>(column);
    if (at < dates_.size() && dates_[at].row == row_) return dates_[at].value;
    std::optional<long> day;
    if (!sheet_.data->errorAt(row_, column)) {
        const auto* number = std::get_if<double>(&sheet_.data->at(row_, column));
        if (number && validator_.options().dates.isDate(*number)) day = wholeDay(*number);
    }
    if (at < dates_.size()) dates_[at] = {row_, day};
    return day;
}

std::string_view RowView::valueId(int column) const {
    if (column < 0) return {};
    const auto at = static_cast<std::size_t>(column);
    if (at < ids_.size() && ids_[at].row == row_) return ids_[at].value;
    const ColumnSchema* schemaColumn = nullptr;
    for (std::size_t i = 0; i < sheet_.columnOf.size(); ++i)
        if (sheet_.columnOf[i] == column) schemaColumn = &sheet_.schema->columns[i];
    std::string_view id;
    if (schemaColumn && schemaColumn->list)
        if (const EnumValue* value = schemaColumn->list->find(text(column))) id = value->id;
    if (at < ids_.size()) ids_[at] = {row_, id};
    return id;
}

double RowView::setting(std::string_view name) const {
    auto& value = rule_->settings[rule_->paramIndex(name)];
    if (!value) value = validator_.options().settings.number(param(name).text);
    return *value;
}

std::optional<int> RowView::firstSeen(std::string_view key) {
    if (rule_->seen.empty())  // a rule that remembers keys sees every row: no rehashing
        rule_->seen.reserve(static_cast<std::size_t>(sheet_.data->rowCount()));
    if (auto* dependencies = validator_.options().dependencies)
        dependencies->note(sheet_.data->name, sheet_.data->sheetRow(row_),
                           "s\x1f" + sheet_.data->name + "\x1f" +
                               std::to_string(reinterpret_cast<std::uintptr_t>(rule_->rule)) +
                               "\x1f" + std::string(key),
                           RowDependencies::Role::Member);
    const auto [first, inserted] = rule_->seen.emplace(key, row_, KeyIndex::Key::Copied);
    // The row as it stands on the sheet (rows above the header are not read).
    return inserted ? std::nullopt : std::optional<int>(sheet_.data->sheetRow(*first));
}

void RowView::inGroup(std::string_view kind, std::string_view key) {
    // Like firstSeen's keys: the rows of one group are rechecked together, in order.
    if (auto* dependencies = validator_.options().dependencies)
        dependencies->note(sheet_.data->name, sheet_.data->sheetRow(row_),
                           "s\x1f" + sheet_.data->name + "\x1f" +
                               std::to_string(reinterpret_cast<std::uintptr_t>(rule_->rule)) +
                               "\x1f" + std::string(kind) + ":" + std::string(key),
                           RowDependencies::Role::Member);
}

long RowView::today() const { return validator_.options().today; }

std::string RowView::dateText(long serial) const { return validator_.dateText(serial); }

std::optional<CivilDate> RowView::civil(long serial) const {
    return validator_.options().dates.toCivil(static_cast<double>(serial));
}

std::string RowView::header(int column) const { return validator_.fieldName(sheet_, column); }

std::optional<std::string> RowView::lookup(std::string_view refParam,
                                           const std::string& key) const {
    const ParamValue& value = param(refParam);
    // The sheet the rule's `of` column refers to (checked when the schema loaded).
    std::string target;
    for (const auto& spec : rule_->rule->definition->params)
        if (spec.name == refParam) target = sheet_.schema->columnOrThrow(param(spec.of).text).ref;
    validator_.noteReader(sheet_, row_, target, key);
    const auto& values = validator_.valuesByKey(target, value.text);
    const auto it = values.find(key);
    return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
}

long RowView::workingDays(long from, long to) const {
    return workingDaysBetween(validator_.options().dates, from, to,
                              validator_.options().settings.holidays);
}

void RowView::report(int column, std::string detailZh, std::string detailEn) {
    validator_.add(pass_, *rule_->rule->definition, sheet_, row_, column,
                   {std::move(detailZh), std::move(detailEn)}, rule_->rule);
}

CellView::CellView(Validator& validator, RowView& row, const ColumnSchema& column, int sheetColumn)
    : validator_(validator), row_(row), column_(column), sheetColumn_(sheetColumn) {
    const SheetData& data = *row.sheet().data;
    const CellValue& value = data.at(row.row(), sheetColumn);
    text_ = std::get_if<std::string>(&value);
    number_ = std::get_if<double>(&value);
    error_ = data.errorAt(row.row(), sheetColumn);
}

bool CellView::refersToMissingKey() const {
    std::string scratch;
    const std::string_view key =
        RowView::keyOf(row_.sheet(), row_.row(), sheetColumn_, scratch).text;
    validator_.noteReader(row_.sheet(), row_.row(), column_.ref, key);
    return !validator_.keyExists(column_.ref, key);
}

void CellView::report(std::string_view code, std::string detailZh, std::string detailEn) {
    validator_.add(row_.pass(), rule(code), row_.sheet(), row_.row(), sheetColumn_,
                   {std::move(detailZh), std::move(detailEn)});
}

}  // namespace

ValidationResult validateWorkbook(
    const std::vector<std::pair<const SheetSchema*, SheetData>>& sheets,
    const ValidationOptions& options) {
    return Validator(options).run(sheets);
}

}  // namespace dealsheet
