#include "core/workbook/schema.hpp"

#include <cstdlib>
#include <set>
#include <sstream>

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include "core/text/text.hpp"

namespace dealsheet {
namespace {

namespace pt = boost::property_tree;

const pt::ptree kEmpty;

std::string get(const pt::ptree& node, const std::string& name, const std::string& where) {
    const auto value = node.get_optional<std::string>(name);
    if (!value || value->empty()) throw SchemaError(where + ": \"" + name + "\" is missing");
    return *value;
}

std::string getOr(const pt::ptree& node, const std::string& name) {
    return node.get<std::string>(name, "");
}

bool getFlag(const pt::ptree& node, const std::string& name) {
    return node.get<std::string>(name, "false") == "true";
}

std::optional<double> getNumber(const pt::ptree& node, const std::string& name,
                                const std::string& where) {
    const auto text = node.get_optional<std::string>(name);
    if (!text) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text->c_str(), &end);
    if (text->empty() || *end != '\0')
        throw SchemaError(where + ": \"" + name + "\" is not a number");
    return value;
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> items;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty()) items.push_back(item);
    return items;
}

ColumnType parseType(const std::string& type, const std::string& where) {
    if (type == "text") return ColumnType::Text;
    if (type == "date") return ColumnType::Date;
    if (type == "number") return ColumnType::Number;
    if (type == "integer") return ColumnType::Integer;
    if (type == "enum") return ColumnType::Enum;
    if (type == "computed") return ColumnType::Computed;
    throw SchemaError(where + ": unknown type \"" + type + "\"");
}

// A schema rule entry: the rule must exist and be a sheet rule; every parameter it declares must
// be given and well-formed, and nothing else may be given.
SheetRule parseRuleEntry(const pt::ptree& node, const std::string& sheetWhere) {
    const std::string code = get(node, "code", sheetWhere + " rule");
    const std::string where = sheetWhere + " rule " + code;
    const RuleDefinition* definition = findRule(code);
    if (!definition) throw SchemaError(where + ": no such rule");
    if (definition->scope != RuleScope::Sheet)
        throw SchemaError(where + ": this rule follows from the columns, not from \"rules\"");
    SheetRule rule;
    rule.definition = definition;
    for (const auto& [name, value] : node) {
        if (name == "code") continue;
        bool declared = false;
        for (const auto& spec : definition->params) declared = declared || spec.name == name;
        if (!declared) throw SchemaError(where + ": unknown parameter \"" + name + "\"");
    }
    for (const auto& spec : definition->params) {
        const std::string name(spec.name);
        const std::string text = node.get<std::string>(name, "");
        if (text.empty()) throw SchemaError(where + ": parameter \"" + name + "\" is missing");
        ParamValue value{name, spec.kind, text, splitList(text), 0};
        if (spec.kind == ParamKind::Count) {
            char* end = nullptr;
            const long count = std::strtol(text.c_str(), &end, 10);
            if (*end != '\0' || count < 0 || count > 3650)
                throw SchemaError(where + ": \"" + name + "\" must be a whole number 0 to 3650");
            value.count = count;
        }
        const bool single = spec.kind != ParamKind::Columns && spec.kind != ParamKind::Values;
        if (single && value.ids.size() != 1)
            throw SchemaError(where + ": \"" + name + "\" takes one id");
        rule.params.push_back(std::move(value));
    }
    return rule;
}

// The ids a rule entry names exist: columns of the sheet, values of the right list, settings.
void checkRuleEntry(const Schema& schema, const SheetSchema& sheet, const SheetRule& rule) {
    const std::string where = "sheet " + sheet.id + " rule " + std::string(rule.definition->code);
    const auto columnOf = [&](const ParamSpec& spec) -> const ColumnSchema& {
        const auto& ofParam = rule.param(spec.of);
        return sheet.columnOrThrow(ofParam.ids.front());
    };
    for (const auto& spec : rule.definition->params) {
        const ParamValue& value = rule.param(spec.name);
        switch (spec.kind) {
            case ParamKind::Column:
            case ParamKind::Columns:
                for (const auto& id : value.ids) sheet.columnOrThrow(id);
                break;
            case ParamKind::Values:
            case ParamKind::Value: {
                const ColumnSchema& column = columnOf(spec);
                if (!column.list)
                    throw SchemaError(where + ": \"" + std::string(spec.of) + "\" needs a list");
                for (const auto& id : value.ids) column.list->byId(id);
                break;
            }
            case ParamKind::Setting: {
                const SettingSchema* setting = schema.setting(value.text);
                if (!setting || setting->repeatable)
                    throw SchemaError(where + ": no numeric setting " + value.text);
                break;
            }
            case ParamKind::RefColumn: {
                const ColumnSchema& column = columnOf(spec);
                if (column.ref.empty())
                    throw SchemaError(where + ": \"" + std::string(spec.of) + "\" refers nowhere");
                schema.sheetOrThrow(column.ref).columnOrThrow(value.text);
                break;
            }
            case ParamKind::Count:
                break;
        }
    }
}

}  // namespace

const EnumValue* EnumList::find(std::string_view trimmedValue) const {
    for (const auto& value : values)
        if (value.text.matches(trimmedValue)) return &value;
    const std::string key = foldForComparison(trimmedValue);  // only for what is not exact
    for (const auto& value : values)
        if (key == value.zhKey || key == value.enKey) return &value;
    return nullptr;
}

const EnumValue& EnumList::byId(std::string_view valueId) const {
    for (const auto& value : values)
        if (value.id == valueId) return value;
    throw SchemaError("list " + id + " has no value " + std::string(valueId));
}

const ParamValue& SheetRule::param(std::string_view name) const {
    for (const auto& p : params)
        if (p.name == name) return p;
    throw SchemaError("rule " + std::string(definition ? definition->code : "?") +
                      " has no parameter \"" + std::string(name) + "\"");
}

const ColumnSchema* SheetSchema::column(std::string_view columnId) const {
    for (const auto& c : columns)
        if (c.id == columnId) return &c;
    return nullptr;
}

int SheetSchema::columnIndex(std::string_view columnId) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].id == columnId) return static_cast<int>(i);
    return -1;
}

const ColumnSchema& SheetSchema::columnOrThrow(std::string_view columnId) const {
    const ColumnSchema* c = column(columnId);
    if (!c) throw SchemaError("sheet " + id + " has no column " + std::string(columnId));
    return *c;
}

const SheetSchema* Schema::sheet(std::string_view sheetId) const {
    for (const auto& s : sheets_)
        if (s.id == sheetId) return &s;
    return nullptr;
}

const SheetSchema& Schema::sheetOrThrow(std::string_view sheetId) const {
    const SheetSchema* s = sheet(sheetId);
    if (!s) throw SchemaError("no sheet " + std::string(sheetId));
    return *s;
}

const SheetSchema* Schema::sheetByName(std::string_view name) const {
    const std::string_view trimmed = trimSpaces(name);
    for (const auto& s : sheets_)
        if (s.name.matches(trimmed)) return &s;
    return nullptr;
}

const EnumList& Schema::list(std::string_view listId) const {
    const auto it = lists_.find(listId);
    if (it == lists_.end()) throw SchemaError("no list " + std::string(listId));
    return it->second;
}

const SettingSchema* Schema::setting(std::string_view settingId) const {
    for (const auto& s : settings_)
        if (s.id == settingId) return &s;
    return nullptr;
}

std::unique_ptr<Schema> Schema::parse(std::string_view json) {
    pt::ptree root;
    try {
        std::istringstream in{std::string(json)};
        pt::read_json(in, root);
    } catch (const pt::json_parser_error& e) {
        throw SchemaError(std::string("schema is not valid JSON: ") + e.what());
    }
    auto schema = std::make_unique<Schema>();

    for (const auto& [listId, values] : root.get_child("lists", kEmpty)) {
        EnumList list{listId, {}};
        for (const auto& [unused, triple] : values) {
            std::vector<std::string> parts;
            for (const auto& [u, part] : triple) parts.push_back(part.data());
            if (parts.size() != 3 || parts[0].empty() || parts[1].empty() || parts[2].empty())
                throw SchemaError("list " + listId + ": each value is [id, zh, en]");
            list.values.push_back({parts[0],
                                   {parts[1], parts[2]},
                                   foldForComparison(parts[1]),
                                   foldForComparison(parts[2])});
        }
        if (list.values.empty()) throw SchemaError("list " + listId + " is empty");
        schema->lists_.emplace(listId, std::move(list));
    }

    for (const auto& [unused, node] : root.get_child("settings", kEmpty)) {
        const std::string where = "setting";
        SettingSchema setting{get(node, "id", where),
                              {get(node, "zh", where), get(node, "en", where)},
                              getOr(node, "default"),
                              getFlag(node, "repeatable"),
                              {getOr(node, "noteZh"), getOr(node, "noteEn")},
                              getFlag(node, "text")};

        if (const std::string list = getOr(node, "list"); !list.empty()) {
            setting.list = &schema->list(list);
            setting.list->byId(setting.defaultValue);  // a default outside its list throws
        }
        schema->settings_.push_back(std::move(setting));
    }

    std::set<std::string> names;
    for (const auto& [unused, node] : root.get_child("sheets", kEmpty)) {
        SheetSchema sheet;
        sheet.id = get(node, "id", "sheet");
        const std::string where = "sheet " + sheet.id;
        sheet.name = {get(node, "zh", where), get(node, "en", where)};
        const std::string kind = getOr(node, "kind");
        sheet.kind = kind == "review"     ? SheetKind::Review
                     : kind == "settings" ? SheetKind::Settings
                                          : SheetKind::Data;
        sheet.key = getOr(node, "key");
        for (const auto& [u, c] : node.get_child("columns", kEmpty)) {
            ColumnSchema column;
            column.id = get(c, "id", where + " column");
            const std::string at = where + " column " + column.id;
            column.header = {get(c, "zh", at), get(c, "en", at)};
            for (const auto& [u2, synonym] : c.get_child("synonyms", kEmpty))
                column.synonyms.push_back(synonym.data());
            column.type = parseType(get(c, "type", at), at);
            column.required = getFlag(c, "required");
            if (const std::string when = getOr(c, "requiredWhen"); !when.empty()) {
                const auto eq = when.find('=');
                if (eq == std::string::npos) throw SchemaError(at + ": requiredWhen is col=ids");
                column.requiredWhen = Condition{when.substr(0, eq), splitList(when.substr(eq + 1))};
            }
            column.ref = getOr(c, "ref");
            if (const std::string list = getOr(c, "list"); !list.empty())
                column.list = &schema->list(list);
            if (const std::string list = getOr(c, "suggest"); !list.empty())
                column.suggest = &schema->list(list);
            if (column.type == ColumnType::Enum && !column.list)
                throw SchemaError(at + ": an enum needs a list");
            column.min = getNumber(c, "min", at);
            column.max = getNumber(c, "max", at);
            if (const auto exclusive = getNumber(c, "minExclusive", at)) {
                column.min = exclusive;
                column.minExclusive = true;
            }
            column.format = getOr(c, "format");
            column.formula = getOr(c, "formula");
            column.notBefore = getOr(c, "notBefore");
            column.notFuture = getFlag(c, "notFuture");
            if (const auto width = getNumber(c, "width", at)) {
                if (!(*width >= 1 && *width <= 1000))
                    throw SchemaError(at + ": \"width\" must be 1 to 1000 mm");
                column.widthMm = static_cast<int>(*width);
            }
            sheet.columns.push_back(std::move(column));
        }
        for (const auto& [u, r] : node.get_child("rules", kEmpty))
            sheet.rules.push_back(parseRuleEntry(r, where));
        for (const std::string& name : {sheet.name.zh, sheet.name.en})
            if (!names.insert(name).second) throw SchemaError("sheet name twice: " + name);
        schema->sheets_.push_back(std::move(sheet));
    }
    if (schema->sheets_.empty()) throw SchemaError("schema has no sheets");

    // Cross-checks: every column a rule or condition names exists; no header or synonym could
    // be two columns of one sheet.
    for (const auto& sheet : schema->sheets_) {
        for (const auto& rule : sheet.rules) checkRuleEntry(*schema, sheet, rule);
        if (!sheet.key.empty()) sheet.columnOrThrow(sheet.key);
        std::map<std::string, std::string> owners;  // header key -> column id
        for (const auto& column : sheet.columns) {
            std::vector<std::string> headers{column.header.zh, column.header.en};
            headers.insert(headers.end(), column.synonyms.begin(), column.synonyms.end());
            for (const auto& header : headers) {
                const auto [it, added] = owners.emplace(headerKey(header), column.id);
                if (!added && it->second != column.id)
                    throw SchemaError(sheet.id + ": header \"" + header + "\" could be " +
                                      it->second + " or " + column.id);
            }
        }
        for (const auto& column : sheet.columns) {
            if (column.requiredWhen) {
                const auto& other = sheet.columnOrThrow(column.requiredWhen->column);
                if (!other.list) throw SchemaError(sheet.id + ": requiredWhen needs an enum");
                for (const auto& id : column.requiredWhen->ids) other.list->byId(id);
            }
            if (!column.notBefore.empty()) sheet.columnOrThrow(column.notBefore);
            if (!column.ref.empty()) {
                const auto& target = schema->sheetOrThrow(column.ref);
                if (target.key.empty()) throw SchemaError(column.ref + " has no key to refer to");
            }
        }
    }
    return schema;
}

const Schema& productSchema() {
    static const std::unique_ptr<Schema> schema = Schema::parse(productSchemaJson());
    return *schema;
}

}  // namespace dealsheet
