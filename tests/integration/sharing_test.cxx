// Workbooks that travel (docs/guide.en.md, "Sharing with Excel and WPS"): saved as .xlsx,
// DealSheet's computed columns show the same values in another engine (Gnumeric's ssconvert
// --recalc) as in LibreOffice, and the file comes back to LibreOffice with the same findings.
// Colour rules survive deleting a sheet, saving as .ods and .xlsx and reopening (a LibreOffice bug
// broke formula-based rules). Drop-down lists survive File ▸ Save As .xlsx: Gnumeric reads every
// enforced list with its values, and LibreOffice reopens every list.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/ConditionOperator.hpp>
#include <com/sun/star/sheet/ValidationType.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XConditionalFormats.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetCondition.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntry.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <org/dealsheet/calc/XToolkit.hpp>

#include "core/text/csv.hpp"
#include "core/workbook/dates.hpp"
#include "core/workbook/layout.hpp"
#include "core/workbook/schema.hpp"
#include "office.hxx"
#include "uno_helpers.hxx"

using namespace dealsheet::test;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using dealsheet::Lang;
using dealsheet::productSchema;
namespace fs = std::filesystem;

namespace {

constexpr char kXlsxFilter[] = "Calc MS Excel 2007 XML";
constexpr char kOdsFilter[] = "calc8";
constexpr char kOwnSheet[] = "My formulas";

std::string workbooks() { return std::string(DEALSHEET_WORKBOOKS); }

std::string workFile(const std::string& name) {
    return (fs::path(Office::get().workDir()) / name).string();
}

// A cell value as a CSV export shows it: text as it is, whole numbers without decimals.
std::string shown(const Any& value) {
    rtl::OUString text;
    if (value >>= text) return toUtf8(text);
    double number = 0;
    if (value >>= number) {
        if (number == std::floor(number) && std::fabs(number) < 1e15)
            return std::to_string(static_cast<long long>(number));
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.15g", number);
        return buffer;
    }
    return {};
}

struct ComputedCell {
    int sheetIndex;
    std::string where;  // "Sheet!K7", for messages
    int row, column;
    std::string value;  // as LibreOffice computed it
};

// Every cell of every computed column of every DealSheet sheet, down to the last formula row.
std::vector<ComputedCell> computedCells(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    std::vector<ComputedCell> cells;
    const auto names = sheetNamesOf(doc);
    for (std::size_t s = 0; s < names.size(); ++s) {
        const auto* schema = productSchema().sheetByName(names[s]);
        if (!schema || schema->kind != dealsheet::SheetKind::Data) continue;
        const auto sheet = byNameOrThrow(doc, names[s]);
        const int lastRow = usedArea(sheet).EndRow;
        for (std::size_t c = 0; c < schema->columns.size(); ++c) {
            if (schema->columns[c].formula.empty()) continue;
            const int column = static_cast<int>(c);
            const auto data = Reference<css::sheet::XCellRangeData>(
                                  Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                                      ->getCellRangeByPosition(column, 1, column, lastRow),
                                  UNO_QUERY_THROW)
                                  ->getDataArray();
            for (sal_Int32 r = 0; r < data.getLength(); ++r)
                cells.push_back({static_cast<int>(s),
                                 names[s] + "!" + dealsheet::cellAddress(column, r + 1), r + 1,
                                 column, shown(data[r][0])});
        }
    }
    return cells;
}

// Gnumeric opens `xlsx`, recalculates every formula and writes one CSV per sheet.
std::vector<std::vector<dealsheet::CsvRow>> recalculatedByGnumeric(const std::string& xlsx,
                                                                   int sheets) {
    const std::string stem = xlsx + ".gnumeric";
    const std::string command =
        "ssconvert --recalc -S '" + xlsx + "' '" + stem + ".%n.csv' >'" + stem + ".log' 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << readFile(stem + ".log");
    std::vector<std::vector<dealsheet::CsvRow>> result;
    for (int i = 0; i < sheets; ++i) {
        const std::string csv = stem + "." + std::to_string(i) + ".csv";
        result.push_back(fs::exists(csv) ? dealsheet::parseCsv(readFile(csv))
                                         : std::vector<dealsheet::CsvRow>{});
    }
    return result;
}

// Compares every computed cell of `doc` (as LibreOffice has it) with Gnumeric's recalculation
// of `doc` saved as .xlsx; returns how many cells were compared.
std::size_t expectSameInGnumeric(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                 const std::string& xlsx) {
    recalculate(doc);
    const auto cells = computedCells(doc);
    storeAs(doc, xlsx, kXlsxFilter);
    const auto csv = recalculatedByGnumeric(xlsx, static_cast<int>(sheetNamesOf(doc).size()));
    std::size_t mismatches = 0;
    for (const auto& cell : cells) {
        const auto& rows = csv[static_cast<std::size_t>(cell.sheetIndex)];
        std::string theirs;
        if (static_cast<std::size_t>(cell.row) < rows.size() &&
            static_cast<std::size_t>(cell.column) < rows[cell.row].size())
            theirs = rows[cell.row][cell.column];
        if (theirs != cell.value && ++mismatches <= 20)
            ADD_FAILURE() << cell.where << ": LibreOffice " << cell.value << ", Gnumeric "
                          << theirs;
    }
    EXPECT_EQ(mismatches, 0u) << xlsx;
    // No DealSheet sheet shows #NAME? anywhere (a user's own sheet may call the functions).
    const auto names = sheetNamesOf(doc);
    for (std::size_t s = 0; s < csv.size(); ++s) {
        if (!productSchema().sheetByName(names[s])) continue;
        for (const auto& row : csv[s])
            for (const auto& value : row) {
                EXPECT_EQ(value.find("#NAME?"), std::string::npos) << names[s];
            }
    }
    return cells.size();
}

// What Validate reports: the report sheet from its third row (the first two hold the time).
std::vector<std::string> findings(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    toolkit()->validate(component(doc));
    std::string name;
    for (const auto& n : sheetNamesOf(doc))
        if (n == "校验报告" || n == "Validation Report") name = n;
    EXPECT_FALSE(name.empty());
    const auto report = byNameOrThrow(doc, name);
    const auto area = usedArea(report);
    std::vector<std::string> rows;
    const auto data = Reference<css::sheet::XCellRangeData>(
                          Reference<css::table::XCellRange>(report, UNO_QUERY_THROW)
                              ->getCellRangeByPosition(0, 2, area.EndColumn, area.EndRow),
                          UNO_QUERY_THROW)
                          ->getDataArray();
    for (const auto& row : data) {
        std::string line;
        for (const auto& value : row) line += shown(value) + "|";
        rows.push_back(line);
    }
    return rows;
}

// Saves `doc` as .xlsx, has Gnumeric recalculate it, then reopens it in LibreOffice: the
// computed values agree and Validate finds exactly what it found before.
void roundTrip(const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& name) {
    const std::string xlsx = workFile(name + ".xlsx");
    const std::size_t compared = expectSameInGnumeric(doc, xlsx);
    EXPECT_GT(compared, 1000u) << name;
    const auto before = findings(doc);
    const auto reopened = loadCopy(xlsx);
    const auto after = findings(reopened);
    EXPECT_GT(before.size(), 5u);
    EXPECT_EQ(after, before) << name;
    // A user's own formula that calls a DealSheet function computes again in LibreOffice.
    if (reopened->getSheets()->hasByName(toOUString(kOwnSheet))) {
        const auto own = byNameOrThrow(reopened, kOwnSheet);
        recalculate(reopened);
        EXPECT_EQ(textOf(own, "A1"), "A") << toUtf8(cell(own, "A1")->getFormula());
    }
    close(reopened);
}

long today() { return dealsheet::SerialDates().todaySerial(); }

// A template filled as a user would: customers of every grade, actions in every due state,
// contracts with every approval result.
Reference<css::sheet::XSpreadsheetDocument> filledTemplate(Lang lang) {
    const auto doc = newSpreadsheet();
    const std::string first = sheetNamesOf(doc).front();
    toolkit()->insertTemplates(component(doc), lang == Lang::En ? "en" : "zh");
    doc->getSheets()->removeByName(toOUString(first));
    const auto& schema = productSchema();
    const auto sheet = [&](const char* id) {
        return byNameOrThrow(doc, schema.sheetOrThrow(id).name.in(lang));
    };
    const auto word = [&](const char* list, const char* id) {
        return std::string(schema.list(list).byId(id).text.in(lang));
    };
    const double t = static_cast<double>(today());
    using Row = std::vector<std::variant<std::monostate, double, std::string>>;
    const auto customers = sheet("customers");
    const std::vector<Row> customerRows{{"202601-001",
                                         t - 30,
                                         "华东精密制造有限公司",
                                         word("industries", "manufacturing"),
                                         {},
                                         "王强",
                                         {},
                                         {},
                                         "13800138000",
                                         {},
                                         "MES",
                                         80.0,
                                         5.0,
                                         2.0},
                                        {"202601-002",
                                         t - 20,
                                         "Northwind Ltd",
                                         word("industries", "retail"),
                                         {},
                                         "Ann",
                                         {},
                                         {},
                                         "ann@example.com",
                                         {},
                                         "POS",
                                         10.0,
                                         2.0,
                                         2.0},
                                        {"202601-003",
                                         t - 10,
                                         "蓝海医疗",
                                         word("industries", "healthcare"),
                                         {},
                                         "李娜",
                                         {},
                                         {},
                                         "021-5555 1234",
                                         {},
                                         "HIS",
                                         60.0,
                                         4.0,
                                         4.0},
                                        {"202601-004",
                                         t - 5,
                                         "Empty Grade Co",
                                         word("industries", "other"),
                                         {},
                                         "Bo",
                                         {},
                                         {},
                                         "12345678",
                                         {},
                                         "CRM",
                                         std::monostate{},
                                         std::monostate{},
                                         5.0}};
    for (std::size_t c = 0; c < 14; ++c) {
        std::vector<Row> column;
        for (const auto& r : customerRows) column.push_back({r[c]});
        writeColumn(customers, static_cast<int>(c), 1, column);
    }
    for (int r = 0; r < 4; ++r) {
        setText(customers, "P" + std::to_string(r + 2), word("stages", "discovery"));
        setText(customers, "R" + std::to_string(r + 2), "Owner " + std::to_string(r % 2));
    }

    // Actions: overdue, due soon, open later, done late, done on time, cancelled past due,
    // done without a completion date.
    const auto actions = sheet("actions");
    const std::vector<std::tuple<double, const char*, std::variant<std::monostate, double>>> due{
        {t - 3, "inProgress", {}}, {t + 1, "notStarted", {}}, {t + 20, "inProgress", {}},
        {t - 9, "done", t - 4},    {t - 9, "done", t - 12},   {t - 12, "cancelled", {}},
        {t - 2, "done", {}}};
    for (std::size_t i = 0; i < due.size(); ++i) {
        const std::string row = std::to_string(i + 2);
        setText(actions, "A" + row, "ACT-" + row);
        setText(actions, "B" + row, "202601-001");
        setText(actions, "D" + row, "Task " + row);
        setText(actions, "E" + row, "Owner " + std::to_string(i % 2));
        setNumber(actions, "F" + row, t - 30);
        setNumber(actions, "G" + row, std::get<0>(due[i]));
        setText(actions, "H" + row, word("actionStatus", std::get<1>(due[i])));
        if (const auto* done = std::get_if<double>(&std::get<2>(due[i])))
            setNumber(actions, "I" + row, *done);
    }

    const auto approvals = sheet("approvals");
    const std::vector<std::vector<const char*>> opinions{
        {"approve", "approve", "approve"},
        {"approve", "approveWithChanges", ""},
        {"approve", "approveWithChanges", "approve"},
        {"reject", "", "approve"}};
    for (std::size_t i = 0; i < opinions.size(); ++i) {
        const std::string row = std::to_string(i + 2);
        setText(approvals, "A" + row, "HT-" + row);
        setText(approvals, "B" + row, "202601-001");
        setText(approvals, "C" + row, "Contract " + row);
        setNumber(approvals, "D" + row, 10000.0 * static_cast<double>(i + 1));
        setText(approvals, "E" + row, "30/70");
        for (int k = 0; k < 3; ++k)
            if (*opinions[i][static_cast<std::size_t>(k)])
                setText(approvals, std::string(1, static_cast<char>('I' + k)) + row,
                        word("opinions", opinions[i][static_cast<std::size_t>(k)]));
    }
    // A sheet of the user's own with a formula of their own calling a DealSheet function.
    doc->getSheets()->insertNewByName(toOUString(kOwnSheet), 0);
    setFormula(byNameOrThrow(doc, kOwnSheet), "A1", "=LEADGRADE(80;5;2)");
    recalculate(doc);
    return doc;
}

Reference<css::beans::XPropertySet> cellStyle(
    const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& name) {
    const auto families =
        Reference<css::style::XStyleFamiliesSupplier>(doc, UNO_QUERY_THROW)->getStyleFamilies();
    return Reference<css::beans::XPropertySet>(
        Reference<css::container::XNameAccess>(families->getByName("CellStyles"), UNO_QUERY_THROW)
            ->getByName(toOUString(name)),
        UNO_QUERY_THROW);
}

// Every condition of every conditional format of every sheet: none reads #REF!; returns how
// many conditions were read.
int expectNoBrokenCondition(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                            const std::string& label) {
    int conditions = 0;
    for (const auto& name : sheetNamesOf(doc)) {
        const auto sheet = byNameOrThrow(doc, name);
        Reference<css::sheet::XConditionalFormats> formats(
            Reference<css::beans::XPropertySet>(sheet, UNO_QUERY_THROW)
                ->getPropertyValue("ConditionalFormats"),
            UNO_QUERY_THROW);
        for (const auto& format : formats->getConditionalFormats()) {
            Reference<css::sheet::XSheetCellRanges> ranges(
                Reference<css::beans::XPropertySet>(format, UNO_QUERY_THROW)
                    ->getPropertyValue("Range"),
                UNO_QUERY_THROW);
            const auto first = ranges->getRangeAddresses()[0];
            Reference<css::sheet::XSheetConditionalEntries> entries(
                Reference<css::beans::XPropertySet>(
                    Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                        ->getCellByPosition(first.StartColumn, first.StartRow),
                    UNO_QUERY_THROW)
                    ->getPropertyValue("ConditionalFormat"),
                UNO_QUERY_THROW);
            for (sal_Int32 i = 0; i < entries->getCount(); ++i) {
                Reference<css::sheet::XSheetCondition> condition(entries->getByIndex(i),
                                                                 UNO_QUERY_THROW);
                const std::string formula =
                    toUtf8(condition->getFormula1()) + " " + toUtf8(condition->getFormula2());
                EXPECT_EQ(formula.find("#REF"), std::string::npos)
                    << label << " " << name << ": " << formula;
                ++conditions;
            }
        }
    }
    return conditions;
}

// The style Calc's conditional format gives the cell: the first entry whose condition holds
// for the cell's value (the rules DealSheet writes compare the value only).
std::string conditionalStyleOf(const Reference<css::sheet::XSpreadsheet>& sheet,
                               const std::string& address) {
    const auto c = cell(sheet, address);
    Reference<css::sheet::XSheetConditionalEntries> entries(
        Reference<css::beans::XPropertySet>(c, UNO_QUERY_THROW)
            ->getPropertyValue("ConditionalFormat"),
        UNO_QUERY_THROW);
    const std::string text = toUtf8(c->getFormula());
    for (sal_Int32 i = 0; i < entries->getCount(); ++i) {
        Reference<css::sheet::XSheetCondition> condition(entries->getByIndex(i), UNO_QUERY_THROW);
        const std::string operand = toUtf8(condition->getFormula1());
        bool holds = false;
        switch (condition->getOperator()) {
            case css::sheet::ConditionOperator_EQUAL:
                holds = operand == "\"" + textOf(sheet, address) + "\"";
                break;
            case css::sheet::ConditionOperator_BETWEEN:  // numbers only: text never is
                holds = c->getType() == css::table::CellContentType_FORMULA &&
                        textOf(sheet, address) != "" &&
                        valueOf(sheet, address) >= std::stod(operand) &&
                        valueOf(sheet, address) <= std::stod(toUtf8(condition->getFormula2()));
                break;
            default:
                ADD_FAILURE() << address << ": unexpected condition " << operand;
        }
        if (holds)
            return toUtf8(Reference<css::sheet::XSheetConditionalEntry>(entries->getByIndex(i),
                                                                        UNO_QUERY_THROW)
                              ->getStyleName());
    }
    return {};
}

sal_Int32 backgroundOf(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                       const std::string& style) {
    sal_Int32 colour = -1;
    cellStyle(doc, style)->getPropertyValue("CellBackColor") >>= colour;
    return colour;
}

// Deletes the first sheet, saves as .ods and .xlsx, reopens both: no rule reads #REF!, and
// the Actions sheet's overdue row is painted in the overdue colours.
void expectRulesSurvive(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                        const std::string& label, Lang lang) {
    doc->getSheets()->removeByName(toOUString(sheetNamesOf(doc).front()));
    const auto actionsName = productSchema().sheetOrThrow("actions").name.in(lang);
    const auto actions = byNameOrThrow(doc, actionsName);
    const double t = static_cast<double>(today());
    // Row 40: an action of the user, three days overdue; row 41 due tomorrow.
    setText(actions, "A40", "ACT-X1");
    setNumber(actions, "G40", t - 3);
    setText(actions, "H40", productSchema().list("actionStatus").byId("inProgress").text.in(lang));
    setText(actions, "A41", "ACT-X2");
    setNumber(actions, "G41", t + 1);
    recalculate(doc);
    for (const auto& [extension, filter] :
         {std::pair{".ods", kOdsFilter}, std::pair{".xlsx", kXlsxFilter}}) {
        const std::string path = workFile(label + extension);
        storeAs(doc, path, filter);
        const auto reopened = loadCopy(path);
        const std::string what = label + extension;
        EXPECT_GE(expectNoBrokenCondition(reopened, what), 3) << what;
        const auto sheet = byNameOrThrow(reopened, actionsName);
        recalculate(reopened);
        const auto& states = productSchema().list("dueStates");
        ASSERT_EQ(textOf(sheet, "J40"), states.byId("overdue").text.in(lang)) << what;
        EXPECT_EQ(valueOf(sheet, "K40"), 3) << what;
        EXPECT_EQ(backgroundOf(reopened, conditionalStyleOf(sheet, "J40")), 0xFFC7CE) << what;
        EXPECT_EQ(backgroundOf(reopened, conditionalStyleOf(sheet, "K40")), 0xFFC7CE) << what;
        EXPECT_EQ(textOf(sheet, "J41"), states.byId("dueSoon").text.in(lang)) << what;
        EXPECT_EQ(backgroundOf(reopened, conditionalStyleOf(sheet, "J41")), 0xFFEB9C) << what;
        EXPECT_EQ(conditionalStyleOf(sheet, "K41"), "") << what;  // 0 days: not painted
        EXPECT_EQ(conditionalStyleOf(sheet, "K42"), "") << what;  // empty row: nothing
        close(reopened);
    }
}

// What File ▸ Save As does (a copy through storeToURL is an export, not a save).
void saveAs(const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& path,
            const char* filter) {
    css::uno::Sequence<css::beans::PropertyValue> args(1);
    args.getArray()[0].Name = "FilterName";
    args.getArray()[0].Value <<= rtl::OUString::createFromAscii(filter);
    Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)
        ->storeAsURL(toOUString(fileUrl(path)), args);
}

struct ListRule {
    std::string sheet;
    int column, row;  // the rule's first cell; it covers the template rows below
    int lastRow;
    std::vector<std::string> values;
    bool enforced;  // shows an error message (a suggestion list does not)
};

// Every drop-down list the templates write, in `lang`.
std::vector<ListRule> listRules(Lang lang) {
    std::vector<ListRule> rules;
    const auto texts = [&](const dealsheet::EnumList& list) {
        std::vector<std::string> values;
        for (const auto& v : list.values) values.push_back(v.text.in(lang));
        return values;
    };
    for (const auto& sheet : productSchema().sheets()) {
        const std::string name(sheet.name.in(lang));
        if (sheet.kind == dealsheet::SheetKind::Settings) {
            const auto& settings = productSchema().settings();
            for (std::size_t i = 0; i < settings.size(); ++i)
                if (settings[i].list)
                    rules.push_back({name, 1, static_cast<int>(i) + 1, static_cast<int>(i) + 1,
                                     texts(*settings[i].list), true});
            continue;
        }
        for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
            const auto& column = sheet.columns[c];
            if (column.list || column.suggest)
                rules.push_back({name, static_cast<int>(c), 1, 1000,
                                 texts(column.list ? *column.list : *column.suggest),
                                 column.list != nullptr});
        }
    }
    return rules;
}

std::string xmlText(std::string text) {
    for (const auto& [entity, character] :
         {std::pair{"&quot;", "\""}, std::pair{"&apos;", "'"}, std::pair{"&lt;", "<"},
          std::pair{"&gt;", ">"}, std::pair{"&amp;", "&"}}) {
        for (auto at = text.find(entity); at != std::string::npos; at = text.find(entity, at))
            text.replace(at, std::string(entity).size(), character), ++at;
    }
    return text;
}

std::string attribute(const std::string& tag, const std::string& name) {
    const auto at = tag.find(" " + name + "=\"");
    if (at == std::string::npos) return {};
    const auto start = at + name.size() + 3;
    return tag.substr(start, tag.find('"', start) - start);
}

struct GnumericList {
    int startColumn, startRow, endColumn, endRow;
    std::string expression;  // as Gnumeric shows it: "a,b,c"
};

// The list validations Gnumeric reads from `xlsx`, by sheet (ssconvert to its own XML format).
std::map<std::string, std::vector<GnumericList>> gnumericLists(const std::string& xlsx) {
    const std::string out = xlsx + ".gnumeric";
    const std::string command = "ssconvert '" + xlsx + "' '" + out + "' >'" + out +
                                ".log' 2>&1 && gzip -dc '" + out + "' >'" + out + ".xml'";
    EXPECT_EQ(std::system(command.c_str()), 0) << readFile(out + ".log");
    // Gnumeric says why it drops a rule; no such line may appear.
    EXPECT_EQ(readFile(out + ".log").find("validation"), std::string::npos)
        << readFile(out + ".log");
    const std::string xml = readFile(out + ".xml");
    std::map<std::string, std::vector<GnumericList>> lists;
    std::string sheet;
    std::size_t at = 0;
    while (true) {
        const auto nextSheet = xml.find("<gnm:Sheet ", at);
        const auto region = xml.find("<gnm:StyleRegion ", at);
        if (region == std::string::npos) break;
        if (nextSheet != std::string::npos && nextSheet < region) {
            const auto name = xml.find("<gnm:Name>", nextSheet) + 10;
            sheet = xmlText(xml.substr(name, xml.find("</gnm:Name>", name) - name));
            at = name;
            continue;
        }
        const auto end = xml.find("</gnm:StyleRegion>", region);
        const std::string body = xml.substr(region, end - region);
        at = end;
        if (body.find("GNM_VALIDATION_TYPE_IN_LIST") == std::string::npos) continue;
        const std::string tag = body.substr(0, body.find('>'));
        const auto expression = body.find("<gnm:Expression0>") + 17;
        lists[sheet].push_back(
            {std::stoi(attribute(tag, "startCol")), std::stoi(attribute(tag, "startRow")),
             std::stoi(attribute(tag, "endCol")), std::stoi(attribute(tag, "endRow")),
             xmlText(body.substr(expression, body.find("</gnm:Expression0>") - expression))});
    }
    return lists;
}

std::string joined(const std::vector<std::string>& values, const std::string& separator,
                   const std::string& quote) {
    std::string text;
    for (const auto& v : values) text += (text.empty() ? "" : separator) + quote + v + quote;
    return text;
}

// `xlsx` in Gnumeric: every enforced list of `lang` is on its cells with all its values.
// (Gnumeric's reader keeps a rule only when it shows an error message, so a suggestion list,
// which does not, is not there; Excel and LibreOffice keep it.) Returns the lists found.
int expectListsInGnumeric(const std::string& xlsx, Lang lang) {
    const auto lists = gnumericLists(xlsx);
    int found = 0;
    for (const auto& rule : listRules(lang)) {
        if (!rule.enforced) continue;
        const std::string expected = "\"" + joined(rule.values, ",", "") + "\"";
        const auto sheet = lists.find(rule.sheet);
        for (const int row : {rule.row, (rule.row + rule.lastRow) / 2, rule.lastRow}) {
            bool there = false;
            if (sheet != lists.end())
                for (const auto& list : sheet->second)
                    there = there || (list.startColumn <= rule.column &&
                                      rule.column <= list.endColumn && list.startRow <= row &&
                                      row <= list.endRow && list.expression == expected);
            EXPECT_TRUE(there) << xlsx << " " << rule.sheet << "!"
                               << dealsheet::cellAddress(rule.column, row) << " " << expected;
            found += there;
        }
    }
    return found;
}

// `doc` (reopened in LibreOffice): every list of `lang` is there, enforced or not as written.
void expectListsInLibreOffice(const Reference<css::sheet::XSpreadsheetDocument>& doc, Lang lang,
                              const std::string& label) {
    for (const auto& rule : listRules(lang)) {
        const auto sheet = byNameOrThrow(doc, rule.sheet);
        for (const int row : {rule.row, rule.lastRow}) {
            const std::string where =
                label + " " + rule.sheet + "!" + dealsheet::cellAddress(rule.column, row);
            Reference<css::beans::XPropertySet> validation(
                Reference<css::beans::XPropertySet>(
                    cell(sheet, dealsheet::cellAddress(rule.column, row)), UNO_QUERY_THROW)
                    ->getPropertyValue("Validation"),
                UNO_QUERY_THROW);
            css::sheet::ValidationType type{};
            validation->getPropertyValue("Type") >>= type;
            EXPECT_EQ(type, css::sheet::ValidationType_LIST) << where;
            EXPECT_EQ(toUtf8(Reference<css::sheet::XSheetCondition>(validation, UNO_QUERY_THROW)
                                 ->getFormula1()),
                      joined(rule.values, ";", "\""))
                << where;
            bool shown = false;
            validation->getPropertyValue("ShowErrorMessage") >>= shown;
            EXPECT_EQ(shown, rule.enforced) << where;
        }
    }
}

}  // namespace

TEST(SharingWithExcel, DropDownListsSurviveSaveAsXlsx) {
    unoGuard([&] {
        const int enforced = [] {
            int n = 0;
            for (const auto& rule : listRules(Lang::Zh)) n += rule.enforced;
            return n;
        }();
        ASSERT_GE(enforced, 15);
        // The sample (lists read back from .ods) and new English template sheets (lists set
        // through the API), each saved with File ▸ Save As .xlsx.
        const auto sample = loadCopy(workbooks() + "/sample-zh.ods");
        const std::string sampleXlsx = workFile("lists-sample-zh.xlsx");
        saveAs(sample, sampleXlsx, kXlsxFilter);
        EXPECT_EQ(expectListsInGnumeric(sampleXlsx, Lang::Zh), 3 * enforced);
        // File ▸ Save of the .xlsx after a change: still fixed, and the change is saved.
        setText(byNameOrThrow(sample, "客户信息登记表"), "Z2", "saved again");
        Reference<css::frame::XStorable>(sample, UNO_QUERY_THROW)->store();
        EXPECT_EQ(expectListsInGnumeric(sampleXlsx, Lang::Zh), 3 * enforced);
        close(sample);
        const auto reopened = loadCopy(sampleXlsx);
        EXPECT_EQ(textOf(byNameOrThrow(reopened, "客户信息登记表"), "Z2"), "saved again");
        expectListsInLibreOffice(reopened, Lang::Zh, "sample-zh.xlsx");
        close(reopened);

        const auto english = newSpreadsheet();
        toolkit()->insertTemplates(component(english), "en");
        const std::string englishXlsx = workFile("lists-en.xlsx");
        saveAs(english, englishXlsx, kXlsxFilter);
        EXPECT_EQ(expectListsInGnumeric(englishXlsx, Lang::En), 3 * enforced);
        close(english);
        const auto englishAgain = loadCopy(englishXlsx);
        expectListsInLibreOffice(englishAgain, Lang::En, "en.xlsx");
        // Saved again as .xlsx from the reopened file: the lists still travel.
        const std::string twice = workFile("lists-en-twice.xlsx");
        saveAs(englishAgain, twice, kXlsxFilter);
        EXPECT_EQ(expectListsInGnumeric(twice, Lang::En), 3 * enforced);
        close(englishAgain);
    });
}

TEST(ColourRules, SurviveDeletingTheFirstSheetAndSaving) {
    unoGuard([&] {
        // Insert template sheets into a new workbook; its own first sheet is deleted.
        const auto inserted = newSpreadsheet();
        toolkit()->insertTemplates(component(inserted), "zh");
        const auto customers = byNameOrThrow(inserted, "客户信息登记表");
        setNumber(customers, "L2", 80);
        setNumber(customers, "M2", 5);
        expectRulesSurvive(inserted, "inserted", Lang::Zh);
        // The lead grades too, in the reopened .xlsx.
        const auto reopened = loadCopy(workFile("inserted.xlsx"));
        const auto grades = byNameOrThrow(reopened, "客户信息登记表");
        recalculate(reopened);
        EXPECT_EQ(textOf(grades, "O2"), "A");
        EXPECT_EQ(backgroundOf(reopened, conditionalStyleOf(grades, "O2")), 0xC6EFCE);
        close(reopened);
        close(inserted);

        // The shipped templates and the sample: their first sheet (the register) is deleted.
        for (const auto& [file, lang] : {std::pair{"/templates/DealSheet-zh.ots", Lang::Zh},
                                         std::pair{"/templates/DealSheet-en.ots", Lang::En},
                                         std::pair{"/sample-zh.ods", Lang::Zh}}) {
            const auto doc = loadCopy(workbooks() + file);
            expectRulesSurvive(doc, fs::path(file).stem().string(), lang);
            close(doc);
        }
    });
}

TEST(SharingWithExcel, SampleComputesTheSameInGnumericAndValidatesTheSameAfterwards) {
    unoGuard([&] {
        const auto doc = loadCopy(workbooks() + "/sample-zh.ods");
        roundTrip(doc, "sample-zh");
        close(doc);
    });
}

TEST(SharingWithExcel, FilledTemplatesComputeTheSameInGnumeric) {
    unoGuard([&] {
        for (const Lang lang : {Lang::Zh, Lang::En}) {
            const auto doc = filledTemplate(lang);
            // The filled rows hold what the functions would say.
            const auto& schema = productSchema();
            const auto actions = byNameOrThrow(doc, schema.sheetOrThrow("actions").name.in(lang));
            const auto state = [&](const char* id) {
                return schema.list("dueStates").byId(id).text.in(lang);
            };
            EXPECT_EQ(textOf(actions, "J2"), state("overdue"));
            EXPECT_EQ(valueOf(actions, "K2"), 3);
            EXPECT_EQ(textOf(actions, "J3"), state("dueSoon"));
            EXPECT_EQ(textOf(actions, "J4"), state("open"));
            EXPECT_EQ(textOf(actions, "K4"), "0");
            EXPECT_EQ(textOf(actions, "J5"), state("done"));
            EXPECT_EQ(valueOf(actions, "K5"), 5);  // done five days late
            EXPECT_EQ(textOf(actions, "K6"), "");  // done on time
            EXPECT_EQ(textOf(actions, "K7"), "");  // cancelled
            EXPECT_EQ(textOf(actions, "K8"), "");  // done, no completion date
            EXPECT_EQ(textOf(actions, "K9"), "");  // empty row
            EXPECT_EQ(textOf(actions, "J9"), "");
            const auto customers =
                byNameOrThrow(doc, schema.sheetOrThrow("customers").name.in(lang));
            EXPECT_EQ(textOf(customers, "O2"), "A");
            EXPECT_EQ(textOf(customers, "O3"), "C");
            EXPECT_EQ(textOf(customers, "O4"), "A");
            EXPECT_EQ(textOf(customers, "O5"), "B");
            EXPECT_EQ(textOf(customers, "O6"), "");
            const auto approvals =
                byNameOrThrow(doc, schema.sheetOrThrow("approvals").name.in(lang));
            const auto result = [&](const char* id) {
                return schema.list("approvalResults").byId(id).text.in(lang);
            };
            EXPECT_EQ(textOf(approvals, "M2"), result("approved"));
            EXPECT_EQ(textOf(approvals, "M3"), result("pending"));
            EXPECT_EQ(textOf(approvals, "M4"), result("approvedWithChanges"));
            EXPECT_EQ(textOf(approvals, "M5"), result("rejected"));
            roundTrip(doc, lang == Lang::En ? "filled-en" : "filled-zh");
            close(doc);
        }
    });
}

// The computed columns agree with DealSheet's own functions, row by row, on the sample.
TEST(SharingWithExcel, BuiltInFormulasAgreeWithTheDealSheetFunctions) {
    unoGuard([&] {
        const auto doc = loadCopy(workbooks() + "/sample-zh.ods");
        const auto check = [&](const char* sheetId, const char* column,
                               const std::string& function) {
            const auto& schemaSheet = productSchema().sheetOrThrow(sheetId);
            const auto sheet = byNameOrThrow(doc, schemaSheet.name.zh);
            const int index = schemaSheet.columnIndex(column);
            const auto indexOf = [&](std::string_view id) { return schemaSheet.columnIndex(id); };
            const int scratch = static_cast<int>(schemaSheet.columns.size()) + 5;
            int compared = 0;
            for (int row = 1; row <= 40; ++row) {
                const std::string formula = dealsheet::expandFormula(function, row, indexOf, "设置",
                                                                     productSchema(), Lang::Zh);
                setFormula(sheet, dealsheet::cellAddress(scratch, row), formula);
            }
            recalculate(doc);
            for (int row = 1; row <= 40; ++row) {
                const std::string ours = dealsheet::cellAddress(index, row);
                const std::string theirs = dealsheet::cellAddress(scratch, row);
                if (errorOf(sheet, theirs) != 0) continue;  // invalid input: the function refuses
                if (cell(sheet, ours)->getType() != css::table::CellContentType_FORMULA)
                    continue;  // typed over the formula (a deliberate mistake of the sample)
                EXPECT_EQ(textOf(sheet, ours), textOf(sheet, theirs))
                    << schemaSheet.name.zh << " row " << row + 1;
                ++compared;
            }
            EXPECT_GE(compared, 30) << column;
        };
        check("customers", "leadGrade",
              "=LEADGRADE({budget};{urgency};{likelihood};{setting:gradeBudget};"
              "{setting:gradeUrgency};{setting:gradeLikelihood})");
        check("actions", "dueStatus",
              "=DUESTATUS({dueDate};{status};{completedOn};TODAY();{setting:reminderDays};{lang})");
        check("actions", "daysOverdue", "=DAYSOVERDUE({dueDate};{completedOn};TODAY();{status})");
        check("approvals", "approvalResult",
              "=APPROVALRESULT({salesOpinion}:{financeOpinion};{lang})");
        close(doc);
    });
}
