// A Validate rule is one unit, found by its code: severity, texts, the parameters a schema entry
// gives it (declared here, parsed and checked once when the schema loads) and its check.
// docs/REFERENCE.md lists every rule with its parameters; it is generated from these units.
#pragma once

#include <any>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text/localized.hpp"
#include "core/workbook/cell.hpp"
#include "core/workbook/dates.hpp"

namespace dealsheet {

enum class Severity { Error, Warning };

struct ColumnSchema;
struct SheetSchema;
class Schema;

// What a schema rule entry's parameter holds; checked against the schema when it loads.
enum class ParamKind {
    Column,     // a column id of the sheet
    Columns,    // comma-separated column ids of the sheet
    Values,     // comma-separated value ids of the list of the column named by `of`
    Value,      // one value id of the list of the column named by `of`
    Count,      // a whole number ≥ 0
    Setting,    // a numeric setting id of the schema; its value is read from the Settings sheet
    RefColumn,  // a column id of the sheet the column named by `of` refers to
};

struct ParamSpec {
    std::string_view name;
    ParamKind kind;
    std::string_view of{};  // the Column parameter whose list or reference a parameter uses
    Text meaning{};         // for the reference

    // A rule's parameter as it is declared: param("due", K::Column, {"截止日期列", "…"}), and
    // .of("status") for a parameter about another's list or reference.
    constexpr ParamSpec ofColumn(std::string_view column) const {
        ParamSpec spec = *this;
        spec.of = column;
        return spec;
    }
};
constexpr ParamSpec param(std::string_view name, ParamKind kind, Text meaning) {
    return ParamSpec{name, kind, {}, meaning};
}

// One parameter of a schema rule entry, parsed.
struct ParamValue {
    std::string name;
    ParamKind kind = ParamKind::Column;
    std::string text;              // as written in the schema
    std::vector<std::string> ids;  // Column/RefColumn/Value: one id; Columns/Values: each id
    long count = 0;                // Count
};

// How the validator serves a rule's check with one row of one sheet.
class RuleRow {
  public:
    virtual ~RuleRow() = default;
    virtual int row() const = 0;
    virtual const SheetSchema& schema() const = 0;
    // The sheet column of a Column parameter (or of the i-th id of a Columns one), -1 when the
    // sheet lacks it.
    virtual int column(std::string_view param, std::size_t index = 0) const = 0;
    virtual int columnOf(std::string_view columnId) const = 0;  // by schema column id
    virtual bool blank(int column) const = 0;
    virtual bool formula(int column) const = 0;
    // The trimmed text, empty for numbers; a view of the cell, valid while the row is checked.
    virtual std::string_view text(int column) const = 0;
    virtual std::string key(int column) const = 0;               // text, or a number as text
    virtual std::optional<long> date(int column) const = 0;      // a valid date serial
    virtual std::optional<double> number(int column) const = 0;  // a number
    virtual std::string_view valueId(int column) const = 0;      // list value id, or empty
    virtual bool valueIn(std::string_view statusParam, std::string_view idsParam) const = 0;
    virtual const ParamValue& param(std::string_view name) const = 0;
    virtual double setting(std::string_view param) const = 0;  // a Setting parameter's value
    virtual long today() const = 0;
    virtual std::string dateText(long serial) const = 0;
    virtual std::optional<CivilDate> civil(long serial) const = 0;
    // The header of a column as the sheet spells it.
    virtual std::string header(int column) const = 0;
    // The language the sheet is written in (its values' words).
    virtual Lang lang() const = 0;
    // Values another sheet holds for a key (e.g. the register's name of a customer number).
    virtual std::optional<std::string> lookup(std::string_view refParam,
                                              const std::string& key) const = 0;
    // Counts working days between two serials, skipping the Settings' holidays.
    virtual long workingDays(long from, long to) const = 0;
    // First row (0-based sheet row) seen with `key` in the rule's own memory, or nullopt when
    // it is new (and is remembered now).
    virtual std::optional<int> firstSeen(std::string_view key) = 0;
    // The row as it stands on the sheet (0-based; rows above the header are not read).
    virtual int sheetRow() const = 0;
    // The rule's own memory on this sheet, for rules that compare a row with the rows before
    // it by more than one key (duplicates): empty at the first row, kept to the last.
    virtual std::any& memory() = 0;
    // Tells that this row is compared (through memory()) with the other rows of the rule that
    // name the same group, `kind` and `key`, and with no others: ("core", a 字号), ("mobile", a
    // mobile). Checking as you type rechecks just those rows when one of them changes; a full
    // check without it does not even join the two.
    virtual void inGroup(std::string_view kind, std::string_view key) = 0;
    virtual void report(int column, std::string detailZh, std::string detailEn) = 0;
};

// The rule's memory as a `T`, made at the first row that asks.
template <typename T>
T& memoryOf(RuleRow& row) {
    std::any& memory = row.memory();
    if (!memory.has_value()) memory.emplace<T>();
    return std::any_cast<T&>(memory);
}

// How the validator serves a column rule with one filled cell of one row.
class RuleCell {
  public:
    virtual ~RuleCell() = default;
    virtual const ColumnSchema& column() const = 0;
    virtual int sheetColumn() const = 0;
    virtual const RuleRow& row() const = 0;
    virtual bool isText() const = 0;
    virtual bool isNumber() const = 0;
    virtual bool isError() const = 0;
    virtual double number() const = 0;            // when isNumber()
    virtual std::string text() const = 0;         // trimmed, when isText()
    virtual std::optional<long> day() const = 0;  // the cell as a whole-day date serial
    virtual const CellValue& value() const = 0;   // as read
    virtual bool refersToMissingKey() const = 0;
    virtual void report(std::string_view code, std::string detailZh, std::string detailEn) = 0;
};

enum class RuleScope {
    Column,     // fires from a column's attributes (required, type, list, format, …)
    Sheet,      // named in a sheet's "rules" in the schema, with parameters
    Structure,  // about the sheet as a whole (columns, keys) or found outside the sheet rows
};

// A rule reads top to bottom, each part named where it is written:
//   RuleDefinition::define("GRADE", Severity::Warning, RuleScope::Sheet)
//       .titled({…}).saying({…}).taking({param(…), …}).checkingRow([](RuleRow& r) { … })
struct RuleDefinition {
    std::string_view code;
    Severity severity = Severity::Error;
    RuleScope scope = RuleScope::Structure;
    Text title;    // what the rule checks: README, reference and the report summary
    Text message;  // {field}, {value}, {detail} and {param:NAME} (a parameter) are filled in
    std::vector<ParamSpec> params;  // Sheet rules: what a schema entry must give
    // Column rules: true when this column is checked by the rule at all.
    bool (*appliesTo)(const ColumnSchema&) = nullptr;
    // Column rules: checks one non-blank cell; returns false to stop checking this cell
    // (a date holding text gets TYPE and nothing else).
    bool (*checkCell)(RuleCell&) = nullptr;
    // Column rules: checks one blank cell of a filled row.
    void (*checkBlank)(RuleCell&) = nullptr;
    // Sheet rules: checks one filled row.
    void (*checkRow)(RuleRow&) = nullptr;

    static RuleDefinition define(std::string_view code, Severity severity, RuleScope scope) {
        RuleDefinition rule;
        rule.code = code;
        rule.severity = severity;
        rule.scope = scope;
        return rule;
    }
    RuleDefinition titled(Text text) && {
        return std::move(*this).with(&RuleDefinition::title, text);
    }
    RuleDefinition saying(Text text) && {
        return std::move(*this).with(&RuleDefinition::message, text);
    }
    RuleDefinition taking(std::vector<ParamSpec> specs) && {
        return std::move(*this).with(&RuleDefinition::params, std::move(specs));
    }
    RuleDefinition appliesWhen(bool (*test)(const ColumnSchema&)) && {
        return std::move(*this).with(&RuleDefinition::appliesTo, test);
    }
    RuleDefinition checkingCell(bool (*check)(RuleCell&)) && {
        return std::move(*this).with(&RuleDefinition::checkCell, check);
    }
    RuleDefinition checkingBlank(void (*check)(RuleCell&)) && {
        return std::move(*this).with(&RuleDefinition::checkBlank, check);
    }
    RuleDefinition checkingRow(void (*check)(RuleRow&)) && {
        return std::move(*this).with(&RuleDefinition::checkRow, check);
    }

  private:
    template <typename Field, typename Value>
    RuleDefinition with(Field RuleDefinition::*field, Value&& value) && {
        this->*field = std::forward<Value>(value);
        return std::move(*this);
    }
};

// Every rule, column rules in the order they check a cell.
const std::vector<RuleDefinition>& allRules();
const RuleDefinition* findRule(std::string_view code);
const RuleDefinition& rule(std::string_view code);  // throws std::out_of_range

// The families, each defined in its own file (rules_columns.cpp, rules_sheets.cpp).
const std::vector<RuleDefinition>& columnRules();
const std::vector<RuleDefinition>& sheetRules();
const std::vector<RuleDefinition>& structureRules();
const std::vector<RuleDefinition>& duplicateRules();  // rules_duplicates.cpp

}  // namespace dealsheet
