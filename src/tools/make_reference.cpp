// Writes docs/REFERENCE.md from the product itself: the schema's sheets, columns, settings and
// lists, the rule registry, the function table and the toolbar's commands (registration/
// Addons.xcu). A ctest entry compares the committed file with this output, so the reference
// cannot drift from the code.
//   make_reference path/to/Addons.xcu > docs/REFERENCE.md
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/functions/function_table.hpp"
#include "core/validate/rule.hpp"
#include "core/workbook/cell.hpp"
#include "core/workbook/schema.hpp"
#include "core/workbook/settings.hpp"

namespace {

using namespace dealsheet;
namespace pt = boost::property_tree;

// Table cells must not break the Markdown table.
std::string cell(std::string text) {
    for (std::size_t at = text.find('|'); at != std::string::npos; at = text.find('|', at + 2))
        text.replace(at, 1, "\\|");
    return text;
}

std::string typeName(const ColumnSchema& column) {
    switch (column.type) {
        case ColumnType::Text:
            return "text";
        case ColumnType::Date:
            return "date";
        case ColumnType::Number:
            return "number";
        case ColumnType::Integer:
            return "integer";
        case ColumnType::Enum:
            return "list";
        case ColumnType::Computed:
            return "computed";
    }
    return "?";
}

std::string listWords(const EnumList& list) {
    std::string words;
    for (const auto& v : list.values)
        words += (words.empty() ? "" : ", ") + v.text.zh + " / " + v.text.en;
    return words;
}

// What the schema says of a column, in words.
std::string columnRules(const Schema& schema, const ColumnSchema& column) {
    std::vector<std::string> parts;
    if (column.required) parts.push_back("required");
    if (column.requiredWhen) {
        std::string ids;
        for (const auto& id : column.requiredWhen->ids) ids += (ids.empty() ? "" : ", ") + id;
        parts.push_back("required when `" + column.requiredWhen->column + "` is " + ids);
    }
    if (column.list) parts.push_back("list `" + column.list->id + "`");
    if (column.suggest) parts.push_back("suggested list `" + column.suggest->id + "`");
    if (column.min)
        parts.push_back((column.minExclusive ? "> " : "≥ ") + formatNumber(*column.min));
    if (column.max) parts.push_back("≤ " + formatNumber(*column.max));
    if (column.type == ColumnType::Integer) parts.push_back("whole number");
    if (!column.format.empty()) parts.push_back("format `" + column.format + "`");
    if (!column.ref.empty())
        parts.push_back("→ " + schema.sheetOrThrow(column.ref).name.en + " (`REF`)");
    if (!column.notBefore.empty()) parts.push_back("not before `" + column.notBefore + "`");
    if (column.notFuture) parts.push_back("not in the future");
    if (!column.formula.empty()) parts.push_back("filled with `" + column.formula + "`");
    std::string joined;
    for (const auto& p : parts) joined += (joined.empty() ? "" : "; ") + p;
    return joined;
}

std::string paramKind(ParamKind kind) {
    switch (kind) {
        case ParamKind::Column:
            return "column";
        case ParamKind::Columns:
            return "columns";
        case ParamKind::Values:
            return "list values";
        case ParamKind::Value:
            return "list value";
        case ParamKind::Count:
            return "count";
        case ParamKind::Setting:
            return "setting";
        case ParamKind::RefColumn:
            return "column of the referred sheet";
    }
    return "?";
}

std::string scopeName(RuleScope scope) {
    switch (scope) {
        case RuleScope::Column:
            return "column";
        case RuleScope::Sheet:
            return "sheet";
        case RuleScope::Structure:
            return "structure";
    }
    return "?";
}

void commands(std::ostream& out, const std::string& addonsXcu) {
    pt::ptree root;
    pt::read_xml(addonsXcu, root);
    out << "## Commands\n\nOn the DealSheet toolbar and under Tools ▸ Add-Ons (from "
           "`registration/Addons.xcu`); every one is also a method of the macro service "
           "`org.dealsheet.calc.Toolkit`.\n\n| command URL | 中文 | English |\n|---|---|---|\n";
    // component-data / node AddonUI / node OfficeToolBar / node toolbar / node mNN / prop
    const std::function<void(const pt::ptree&)> walk = [&](const pt::ptree& node) {
        for (const auto& [name, child] : node) {
            if (name != "node") continue;
            std::string url, zh, en;
            for (const auto& [propName, prop] : child) {
                if (propName != "prop") continue;
                const auto what = prop.get<std::string>("<xmlattr>.oor:name", "");
                for (const auto& [valueName, value] : prop) {
                    if (valueName != "value") continue;
                    const auto lang = value.get<std::string>("<xmlattr>.xml:lang", "");
                    if (what == "URL") url = value.data();
                    if (what == "Title" && lang == "zh-CN") zh = value.data();
                    if (what == "Title" && lang == "en-US") en = value.data();
                }
            }
            if (url.rfind("org.dealsheet.calc:", 0) == 0 && !zh.empty())
                out << "| `" << url << "` | " << zh << " | " << en << " |\n";
            else
                walk(child);
        }
    };
    const auto& ui = root.get_child("oor:component-data");
    for (const auto& [name, child] : ui)
        if (name == "node")
            for (const auto& [n2, bar] : child)
                if (n2 == "node" &&
                    bar.get<std::string>("<xmlattr>.oor:name", "") == "OfficeToolBar")
                    walk(bar);
    out << "\nWhat each command may change in a workbook (the tests' preservation harness holds "
           "every command to this):\n\n"
           "- Validate: the report sheet and the highlight formatting of the cells it "
           "reports; never a user's data cell.\n"
           "- Clear marks: removes the report sheet and the highlights.\n"
           "- Insert template sheets: adds the missing DealSheet sheets; never touches an "
           "existing sheet.\n"
           "- Assign customer numbers: writes blank customer numbers of filled register rows, "
           "nothing else.\n"
           "- Refresh monthly review: rebuilds the review sheet only.\n\n"
           "Each is one undo step where Calc allows it; a command that fails leaves the "
           "document as it was.\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_reference registration/Addons.xcu > docs/REFERENCE.md\n";
        return 2;
    }
    try {
        const Schema& schema = productSchema();
        std::ostringstream out;
        out << "# DealSheet reference\n\n"
               "Generated by `make_reference` from the schema (`schema/sheets.json`), the rule "
               "registry (`src/core/rules_*.cpp`), the function table and the toolbar; "
               "`ctest -R docs.reference` fails when this file is out of date. Regenerate it "
               "with `build/make_reference registration/Addons.xcu > docs/REFERENCE.md`.\n\n";

        out << "## Sheets\n\nA sheet is recognised by its name in either language. Columns are "
               "recognised by their header text; the column id is the stable public name.\n\n";
        for (const auto& sheet : schema.sheets()) {
            out << "### " << sheet.name.zh << " / " << sheet.name.en << " (`" << sheet.id
                << "`)\n\n";
            if (!sheet.key.empty()) out << "Key: `" << sheet.key << "` (unique, `DUPLICATE`).\n\n";
            if (sheet.columns.empty()) {
                out << "Built by Refresh monthly review.\n\n";
                continue;
            }
            out << "| id | 中文 | English | type | rules |\n|---|---|---|---|---|\n";
            for (const auto& c : sheet.columns)
                out << "| `" << c.id << "` | " << cell(c.header.zh) << " | " << cell(c.header.en)
                    << " | " << typeName(c) << " | " << cell(columnRules(schema, c)) << " |\n";
            if (!sheet.rules.empty()) {
                out << "\nSheet rules:\n\n";
                for (const auto& r : sheet.rules) {
                    out << "- `" << r.definition->code << "`:";
                    for (const auto& p : r.params) out << " " << p.name << "=`" << p.text << "`";
                    out << "\n";
                }
            }
            out << "\n";
        }

        out << "## Rules\n\nOne finding per rule and cell. Column rules follow from a column's "
               "attributes, sheet rules from a sheet's `rules` entry with the parameters below "
               "(checked when the schema loads).\n\n"
               "| code | severity | scope | checks | parameters |\n|---|---|---|---|---|\n";
        for (const auto& r : allRules()) {
            std::string params;
            for (const auto& p : r.params)
                params += (params.empty() ? "" : "; ") + std::string(p.name) + " (" +
                          paramKind(p.kind) + "): " + std::string(p.meaning.en);
            out << "| `" << r.code << "` | "
                << (r.severity == Severity::Error ? "error" : "warning") << " | "
                << scopeName(r.scope) << " | " << r.title.zh << " / " << r.title.en << " | "
                << cell(params) << " |\n";
        }

        out << "\n## Settings\n\nRows of the 设置 / Settings sheet. A missing or unreadable value "
               "means the default (Validate's report lists unreadable values).\n\n"
               "| id | 中文 | English | default |\n|---|---|---|---|\n";
        for (const auto& s : schema.settings())
            out << "| `" << s.id << "` | " << s.name.zh << " | " << s.name.en << " | "
                << (s.repeatable ? "(one row per value)" : s.defaultValue) << " |\n";

        out << "\n## Lists\n\n| id | values (中文 / English) |\n|---|---|\n";
        std::map<std::string, const EnumList*> lists;
        for (const auto& sheet : schema.sheets())
            for (const auto& c : sheet.columns)
                for (const EnumList* l : {c.list, c.suggest})
                    if (l) lists[l->id] = l;
        for (const auto& [id, list] : lists)
            out << "| `" << id << "` | " << cell(listWords(*list)) << " |\n";

        out << "\n## Functions\n\nCategory 销售管理 / DealSheet in the Function Wizard.\n\n";
        for (const auto& f : functionTable()) {
            out << "### " << f.displayName << "(";
            bool first = true;
            for (const auto& a : f.arguments) {
                out << (first ? "" : "; ") << (a.optional ? "[" : "") << a.name.en
                    << (a.optional ? "]" : "");
                first = false;
            }
            out << ")\n\n" << f.description.en << "\n\n" << f.description.zh << "\n\n";
            for (const auto& a : f.arguments)
                out << "- `" << a.name.en << "` (" << a.name.zh << "): " << a.description.en
                    << "\n";
            out << "\n";
        }
        commands(out, argv[1]);
        std::cout << out.str();
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "make_reference: " << e.what() << "\n";
        return 1;
    }
}
