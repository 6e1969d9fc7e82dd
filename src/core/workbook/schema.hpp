// The declarative description of every DealSheet sheet (schema/sheets.json, compiled in).
// Templates, Insert, Validate and the translations all read it; nothing about a sheet is
// written anywhere else.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/localized.hpp"
#include "core/validate/rule.hpp"

namespace dealsheet {

class SchemaError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct OwnedText {
    std::string zh;
    std::string en;
    Text view() const { return Text{zh, en}; }
    const std::string& in(Lang lang) const { return lang == Lang::En ? en : zh; }
    bool matches(std::string_view trimmedValue) const { return view().matches(trimmedValue); }
};

struct EnumValue {
    std::string id;
    OwnedText text;
    std::string zhKey, enKey;  // the texts folded (foldForComparison): `Ａ` is `A`
};

struct EnumList {
    std::string id;
    std::vector<EnumValue> values;
    // The value whose zh or en text is `trimmedValue`, ignoring case and full-/half-width
    // forms (`Ａ` is `A`), or nullptr.
    const EnumValue* find(std::string_view trimmedValue) const;
    const EnumValue& byId(std::string_view id) const;  // throws SchemaError
};

enum class ColumnType { Text, Date, Number, Integer, Enum, Computed };

struct Condition {
    std::string column;            // column id
    std::vector<std::string> ids;  // enum value ids that make the condition true
};

struct ColumnSchema {
    std::string id;
    OwnedText header;
    std::vector<std::string> synonyms;  // other headers users give the column (SPEC §6)
    ColumnType type = ColumnType::Text;
    bool required = false;
    std::optional<Condition> requiredWhen;
    std::string ref;                    // sheet id whose key this column refers to
    const EnumList* list = nullptr;     // enforced list (ENUM)
    const EnumList* suggest = nullptr;  // drop-down only, not enforced
    std::optional<double> min;
    std::optional<double> max;
    bool minExclusive = false;
    std::string format;      // "customerNo", "contact"
    std::string formula;     // computed/filled column formula template
    std::string notBefore;   // column id (DATE_ORDER)
    bool notFuture = false;  // FUTURE_DATE
    int widthMm = 25;

    bool isDate() const { return type == ColumnType::Date; }
    bool isNumeric() const { return type == ColumnType::Number || type == ColumnType::Integer; }
};

// A sheet's use of a rule (schema "rules"): the rule unit and its parameters, parsed and
// checked against the schema when it loads.
struct SheetRule {
    const RuleDefinition* definition = nullptr;
    std::vector<ParamValue> params;                        // in the order the rule declares them
    const ParamValue& param(std::string_view name) const;  // throws SchemaError
};

enum class SheetKind { Data, Review, Settings };

struct SheetSchema {
    std::string id;
    OwnedText name;
    SheetKind kind = SheetKind::Data;
    std::string key;  // column id, may be empty
    std::vector<ColumnSchema> columns;
    std::vector<SheetRule> rules;

    const ColumnSchema* column(std::string_view id) const;
    int columnIndex(std::string_view id) const;  // -1 when absent
    const ColumnSchema& columnOrThrow(std::string_view id) const;
};

struct SettingSchema {
    std::string id;
    OwnedText name;
    std::string defaultValue;
    bool repeatable = false;
    OwnedText note;
    bool text = false;               // a text value (e.g. the team database), not a number
    const EnumList* list = nullptr;  // a word of this list instead of a number (default: an id)
};

class Schema {
  public:
    // Parses and checks a schema document; throws SchemaError with a clear message.
    static std::unique_ptr<Schema> parse(std::string_view json);

    const std::vector<SheetSchema>& sheets() const { return sheets_; }
    const std::vector<SettingSchema>& settings() const { return settings_; }
    const SheetSchema* sheet(std::string_view id) const;
    const SheetSchema& sheetOrThrow(std::string_view id) const;
    // The sheet whose zh or en name is `name` (trimmed; English ignoring case).
    const SheetSchema* sheetByName(std::string_view name) const;
    const EnumList& list(std::string_view id) const;  // throws SchemaError
    const SettingSchema* setting(std::string_view id) const;

  private:
    std::map<std::string, EnumList, std::less<>> lists_;
    std::vector<SheetSchema> sheets_;
    std::vector<SettingSchema> settings_;
};

// The schema compiled into the product (schema/sheets.json).
const Schema& productSchema();
std::string_view productSchemaJson();

}  // namespace dealsheet
