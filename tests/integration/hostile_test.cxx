// The hostile corpus: workbooks a real user could hand DealSheet (pasted text in date columns,
// error values, merged headers, protected sheets, data in the last row, 32,000-character
// strings, 200 sheets, a 1904 null date, a read-only file, ...), each generated here and run
// through every command. For each command: no crash (the office still answers), bounded time,
// a clear message, the findings the case plants, and the preservation harness: nothing changes
// but what docs/REFERENCE.md ("Commands") allows that command to change.
#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/ConditionOperator.hpp>
#include <com/sun/star/sheet/FilterOperator.hpp>
#include <com/sun/star/sheet/TableFilterField.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/sheet/XSheetFilterDescriptor.hpp>
#include <com/sun/star/sheet/XSheetFilterable.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/util/Date.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XMergeable.hpp>
#include <com/sun/star/util/XProtectable.hpp>

#include "core/validate/validator.hpp"
#include "core/workbook/dates.hpp"
#include "core/workbook/layout.hpp"
#include "core/workbook/schema.hpp"
#include "core/workbook/workbook.hpp"
#include "office.hxx"
#include "preservation.hxx"
#include "uno_helpers.hxx"

using namespace dealsheet::test;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using Doc = Reference<css::sheet::XSpreadsheetDocument>;
using Sheet = Reference<css::sheet::XSpreadsheet>;
using Value = std::variant<std::monostate, double, std::string>;

namespace {

constexpr double kCommandSeconds = 60;  // "bounded time": far above any real run

// Totals for the Safety section of docs/developing.md, printed at the end.
struct Totals {
    int workbooks = 0;
    int commands = 0;
    std::size_t cellsCompared = 0;
    int forbiddenChanges = 0;
} totals;

double serial(int y, int m, int d) {
    return static_cast<double>(*dealsheet::SerialDates().toSerial({y, m, d}));
}

const dealsheet::SheetSchema& schemaOf(const char* id) {
    return dealsheet::productSchema().sheetOrThrow(id);
}

std::vector<std::string> headerOf(const char* id, dealsheet::Lang lang = dealsheet::Lang::Zh) {
    std::vector<std::string> header;
    for (const auto& column : schemaOf(id).columns)
        header.emplace_back(lang == dealsheet::Lang::En ? column.header.en : column.header.zh);
    return header;
}

void putRows(const Sheet& sheet, int firstRow, const std::vector<std::vector<Value>>& rows,
             int firstColumn = 0) {
    std::size_t width = 0;
    for (const auto& r : rows) width = std::max(width, r.size());
    if (rows.empty() || width == 0) return;
    css::uno::Sequence<css::uno::Sequence<Any>> data(static_cast<sal_Int32>(rows.size()));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        css::uno::Sequence<Any> row(static_cast<sal_Int32>(width));
        for (std::size_t c = 0; c < width; ++c) {
            const Value v = c < rows[r].size() ? rows[r][c] : Value{};
            if (const auto* n = std::get_if<double>(&v))
                row.getArray()[c] <<= *n;
            else if (const auto* t = std::get_if<std::string>(&v))
                row.getArray()[c] <<= toOUString(*t);
            else
                row.getArray()[c] <<= rtl::OUString();
        }
        data.getArray()[r] = row;
    }
    const auto range = Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                           ->getCellRangeByPosition(firstColumn, firstRow,
                                                    firstColumn + static_cast<int>(width) - 1,
                                                    firstRow + static_cast<int>(rows.size()) - 1);
    Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->setDataArray(data);
}

std::vector<std::vector<Value>> asRows(const std::vector<std::string>& header) {
    std::vector<Value> row(header.begin(), header.end());
    return {row};
}

Sheet addSheet(const Doc& doc, const std::string& name, const std::vector<std::string>& header) {
    const auto sheets = doc->getSheets();
    const auto count = Reference<css::container::XIndexAccess>(sheets, UNO_QUERY_THROW)->getCount();
    sheets->insertNewByName(toOUString(name), static_cast<sal_Int16>(count));
    const auto sheet = byNameOrThrow(doc, name);
    if (!header.empty()) putRows(sheet, 0, asRows(header));
    return sheet;
}

// A complete, valid Customers row (the required fields filled, optional ones blank).
std::vector<Value> customer(const std::string& number, Value date, const std::string& name) {
    return {number, date, name, "制造业",   "", "张三", "", "", "13800138000", "", "上线 CRM", "",
            "",     "",   "",   "需求挖掘", "", "李四", ""};
}

// A new visible document (Calc's undo of sheet insertions needs a view) with a clean Customers
// sheet of five rows in place of the default sheet.
Doc customersBook(int rows = 5) {
    const auto doc = newSpreadsheet(true);
    const auto sheet = addSheet(doc, "客户信息登记表", headerOf("customers"));
    doc->getSheets()->removeByName(toOUString(sheetNamesOf(doc).front()));
    std::vector<std::vector<Value>> data;
    for (int i = 1; i <= rows; ++i) {
        char number[16];
        std::snprintf(number, sizeof number, "202405-%03d", i);
        data.push_back(customer(number, serial(2024, 5, i), "客户" + std::to_string(i)));
    }
    putRows(sheet, 1, data);
    return doc;
}

Sheet customersOf(const Doc& doc) { return byNameOrThrow(doc, "客户信息登记表"); }

struct Told {
    bool failed = false;
    std::string message;
    double seconds = 0;
};

// Runs a toolbar command through the office's dispatcher, as a click would, and returns the
// message the user would see.
Told dispatchCommand(const Doc& doc, const std::string& command,
                     std::vector<std::pair<std::string, std::string>> arguments = {}) {
    const auto start = std::chrono::steady_clock::now();
    const Dispatched outcome = dispatchToolbar(doc, command, arguments);
    Told told;
    told.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    told.failed = outcome.failed;
    told.message = outcome.message;
    // Commands pause Calc's row-height measuring while they write; it is back on afterwards,
    // after a failure too.
    bool heightsAdjusted = false;
    Reference<css::beans::XPropertySet>(doc, UNO_QUERY_THROW)
        ->getPropertyValue("IsAdjustHeightEnabled") >>= heightsAdjusted;
    EXPECT_TRUE(heightsAdjusted) << command << " left IsAdjustHeightEnabled off";
    ++totals.commands;
    return told;
}

// (rule, sheet, cell) of every row of the report's table.
std::set<std::string> reportedFindings(const Doc& doc) {
    std::set<std::string> found;
    for (const auto& name : sheetNamesOf(doc)) {
        if (!dealsheet::hasReportSheetName(name)) continue;
        const auto sheet = byNameOrThrow(doc, name);
        const auto range = Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                               ->getCellRangeByPosition(0, 0, 6, 2000);
        const auto data =
            Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->getDataArray();
        bool inTable = false;
        for (const auto& row : data) {
            rtl::OUString first, rule, where, cellText;
            row[0] >>= first;
            if (first == "严重程度" || first == "Severity") {
                inTable = true;
                continue;
            }
            if (!inTable || first.isEmpty()) continue;
            row[1] >>= rule;
            row[2] >>= where;
            row[3] >>= cellText;
            found.insert(toUtf8(rule) + "@" + toUtf8(where) + "!" + toUtf8(cellText));
            found.insert(toUtf8(rule));
        }
    }
    return found;
}

// The sheet -> column of every Customers sheet's 客户编号 header in a snapshot.
dealsheet::test::Allowance customerNumbersMayBeFilled(const Snapshot& before) {
    Allowance allowed = allowNothing();
    for (const auto& [name, sheet] : before.sheets) {
        const auto* schema = dealsheet::productSchema().sheetByName(name);
        if (!schema || schema->id != "customers") continue;
        for (const auto& [cell, record] : sheet.cells) {
            if (cell.second != 0) continue;
            const auto key = dealsheet::headerKey(record.substr(0, record.find(" ¦ ")));
            if (key == dealsheet::headerKey("客户编号") ||
                key == dealsheet::headerKey("Customer No."))
                allowed = either(allowed, allowBlankCustomerNumbers(name, cell.first));
        }
    }
    return allowed;
}

void expectOnly(const Snapshot& before, const Snapshot& after, const Allowance& allowed,
                const std::string& what) {
    const auto bad = forbidden(before, after, allowed);
    totals.cellsCompared += before.cellCount();
    totals.forbiddenChanges += static_cast<int>(bad.size());
    for (std::size_t i = 0; i < std::min<std::size_t>(bad.size(), 5); ++i)
        ADD_FAILURE() << what << " changed " << bad[i].describe();
}

void expectClear(const Told& told, const std::string& what) {
    EXPECT_FALSE(told.message.empty()) << what << ": no message";
    EXPECT_LT(told.seconds, kCommandSeconds) << what;
}

struct Case {
    std::string name;
    std::function<Doc()> make;
    std::vector<std::string> mustFind;  // "RULE" or "RULE@sheet!A1"
    bool expectRecognised = true;       // false: Validate must say no sheet was recognised
};

// Every command, in the order a user would click them, with the harness between them.
void runEveryCommand(const Case& c) {
    SCOPED_TRACE(c.name);
    const Doc doc = c.make();
    ++totals.workbooks;
    const Snapshot s0 = snapshot(doc);

    const Told validated = dispatchCommand(doc, "Validate");
    expectClear(validated, c.name + " Validate");
    const Snapshot s1 = snapshot(doc);
    expectOnly(s0, s1, allowReportSheet(), c.name + " Validate");
    const auto found = reportedFindings(doc);
    if (c.expectRecognised) {
        EXPECT_FALSE(found.empty()) << c.name << ": no report after " << validated.message;
    } else {
        EXPECT_TRUE(found.empty()) << c.name;
        EXPECT_FALSE(validated.failed) << validated.message;
    }
    for (const auto& rule : c.mustFind)
        EXPECT_TRUE(found.count(rule))
            << c.name << ": " << rule << " not reported; message " << validated.message;

    const Told cleared = dispatchCommand(doc, "ClearMarks");
    expectClear(cleared, c.name + " ClearMarks");
    const Snapshot s2 = snapshot(doc);
    expectOnly(s0, s2, allowNothing(), c.name + " Validate + ClearMarks");

    const Told assigned = dispatchCommand(doc, "AssignCustomerNumbers");
    expectClear(assigned, c.name + " AssignCustomerNumbers");
    const Snapshot s3 = snapshot(doc);
    expectOnly(s2, s3, customerNumbersMayBeFilled(s2), c.name + " AssignCustomerNumbers");

    const Told reviewed = dispatchCommand(doc, "RefreshReview", {{"Month", "2024-05"}});
    expectClear(reviewed, c.name + " RefreshReview");
    const Snapshot s4 = snapshot(doc);
    expectOnly(s3, s4, allowReviewSheet(), c.name + " RefreshReview");

    const Told inserted = dispatchCommand(doc, "InsertTemplates", {{"Language", "zh"}});
    expectClear(inserted, c.name + " InsertTemplates");
    const Snapshot s5 = snapshot(doc);
    expectOnly(s4, s5, allowNewSheets(s4), c.name + " InsertTemplates");

    // Once more on the completed workbook, then clean up.
    expectClear(dispatchCommand(doc, "Validate"), c.name + " Validate (2)");
    expectOnly(s5, snapshot(doc), allowReportSheet(), c.name + " Validate (2)");
    expectClear(dispatchCommand(doc, "ClearMarks"), c.name + " ClearMarks (2)");
    expectOnly(s5, snapshot(doc), allowNothing(), c.name + " ClearMarks (2)");
    close(doc);
}

Reference<css::table::XCellRange> rangeOf(const Sheet& sheet, const std::string& address) {
    return Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
        ->getCellRangeByName(toOUString(address));
}

std::vector<Case> corpus() {
    std::vector<Case> cases;
    const auto add = [&](std::string name, std::function<Doc()> make,
                         std::vector<std::string> mustFind = {}, bool recognised = true) {
        cases.push_back({std::move(name), std::move(make), std::move(mustFind), recognised});
    };
    const std::string C = "客户信息登记表";

    add("text in a date column",
        [] {
            const auto doc = customersBook();
            setText(customersOf(doc), "B3", "2024年5月3日");
            return doc;
        },
        {"TYPE@" + C + "!B3"});
    add("text in a number column",
        [] {
            const auto doc = customersBook();
            setText(customersOf(doc), "L3", "一百万");
            setText(customersOf(doc), "M4", "很急");
            return doc;
        },
        {"TYPE@" + C + "!L3", "TYPE@" + C + "!M4"});
    add("error value in the key column",
        [] {
            const auto doc = customersBook();
            setFormula(customersOf(doc), "A3", "=NA()");
            setFormula(customersOf(doc), "B4", "=1/0");
            return doc;
        },
        {"TYPE@" + C + "!B4"});
    add("circular reference in the key column",
        [] {
            const auto doc = customersBook();
            setFormula(customersOf(doc), "A3", "=A3&\"x\"");
            setFormula(customersOf(doc), "B3", "=B3+1");
            return doc;
        },
        {"TYPE@" + C + "!B3"});
    add("merged cells over the header", [] {
        const auto doc = customersBook();
        Reference<css::util::XMergeable>(rangeOf(customersOf(doc), "C1:D1"), UNO_QUERY_THROW)
            ->merge(true);
        return doc;
    });
    add("merged cells over data",
        [] {
            const auto doc = customersBook();
            setText(customersOf(doc), "B4", "not a date");
            Reference<css::util::XMergeable>(rangeOf(customersOf(doc), "B3:D5"), UNO_QUERY_THROW)
                ->merge(true);
            return doc;
        },
        // The merged cell is one value for every row it covers (SPEC §6): the text hidden
        // under the merge in B4 is not what the user sees, and is not reported.
        {});
    add("hidden rows",
        [] {
            const auto doc = customersBook();
            setText(customersOf(doc), "A3", "12345");
            Reference<css::beans::XPropertySet>(
                Reference<css::table::XColumnRowRange>(rangeOf(customersOf(doc), "A3:A4"),
                                                       UNO_QUERY_THROW)
                    ->getRows(),
                UNO_QUERY_THROW)
                ->setPropertyValue("IsVisible", Any(false));
            return doc;
        },
        {"FORMAT@" + C + "!A3"});
    add("filtered rows",
        [] {
            const auto doc = customersBook();
            setText(customersOf(doc), "A4", "2024-5-4");
            setText(customersOf(doc), "P2", "线索获取");
            Reference<css::sheet::XSheetFilterable> filterable(rangeOf(customersOf(doc), "A1:S6"),
                                                               UNO_QUERY_THROW);
            const auto descriptor = filterable->createFilterDescriptor(true);
            css::uno::Sequence<css::sheet::TableFilterField> fields(1);
            fields.getArray()[0].Field = 15;
            fields.getArray()[0].Operator = css::sheet::FilterOperator_EQUAL;
            fields.getArray()[0].IsNumeric = false;
            fields.getArray()[0].StringValue = toOUString("线索获取");
            descriptor->setFilterFields(fields);
            Reference<css::beans::XPropertySet>(descriptor, UNO_QUERY_THROW)
                ->setPropertyValue("ContainsHeader", Any(true));
            filterable->filter(descriptor);
            return doc;
        },
        {"FORMAT@" + C + "!A4"});
    add("protected sheet",
        [] {
            const auto doc = customersBook();
            setText(customersOf(doc), "A3", "");
            setText(customersOf(doc), "B4", "昨天");
            Reference<css::util::XProtectable>(customersOf(doc), UNO_QUERY_THROW)->protect("");
            return doc;
        },
        {"TYPE@" + C + "!B4"});
    add("data in the last row",
        [] {
            const auto doc = customersBook();
            putRows(customersOf(doc), 1048575, {customer("", serial(2024, 5, 9), "最后一行")});
            return doc;
        },
        {"REQUIRED@" + C + "!A1048576"});
    add("data in the last column", [] {
        const auto doc = customersBook();
        setText(customersOf(doc), "AMJ1", "额外的列");
        setText(customersOf(doc), "AMJ3", "stray");
        return doc;
    });
    add("32,000-character strings",
        [] {
            const auto doc = customersBook();
            std::string longText;
            while (longText.size() < 32000) longText += "客户需求很长";  // 18 bytes, 6 characters
            setText(customersOf(doc), "K2", longText);
            setText(customersOf(doc), "I3", std::string(32000, '1'));
            setText(customersOf(doc), "C4", longText);
            return doc;
        },
        {"CONTACT@" + C + "!I3"});
    add("emoji, combining marks and right-to-left text",
        [] {
            const auto doc = customersBook();
            setText(customersOf(doc), "C2", "🚀 火箭科技 👩‍💻");
            setText(customersOf(doc), "C3", "Cafe\xCC\x81 Societe\xCC\x81");
            setText(customersOf(doc), "C4", "شركة الاختبار");
            setText(customersOf(doc), "R5", "\xE2\x80\x8F\xE2\x80\xAE负责人");
            setText(customersOf(doc), "P6", "🚀");
            return doc;
        },
        {"ENUM@" + C + "!P6"});
    add("duplicate header names", [] {
        const auto doc = customersBook();
        setText(customersOf(doc), "T1", "客户名称");
        setText(customersOf(doc), "T2", "另一个名字");
        return doc;
    });
    add("headers with extra and full-width spaces",
        [] {
            const auto doc = customersBook();
            setText(customersOf(doc), "A1", "  客户编号  ");
            setText(customersOf(doc), "C1", "客户\xE3\x80\x80名称");
            setText(customersOf(doc), "B1", "\xE3\x80\x80登记日期");
            setText(customersOf(doc), "A3", "bad");
            return doc;
        },
        {"FORMAT@" + C + "!A3"});
    add("both languages' sheets in one workbook",
        [] {
            const auto doc = customersBook();
            const auto en = addSheet(doc, "Customers", headerOf("customers", dealsheet::Lang::En));
            putRows(en, 1,
                    {customer("202405-001", serial(2024, 5, 1), "客户1"),
                     customer("2024-05-002", serial(2024, 5, 2), "Acme")});
            return doc;
        },
        {"FORMAT@Customers!A3"});
    add("sheet names differing only by case",
        [] {
            const auto doc = customersBook();
            const auto en = addSheet(doc, "CUSTOMERS", headerOf("customers", dealsheet::Lang::En));
            putRows(en, 1, {customer("", serial(2024, 6, 1), "Upper")});
            try {
                addSheet(doc, "customers", headerOf("customers", dealsheet::Lang::En));
            } catch (const css::uno::Exception&) {
                // Calc itself refuses names that differ only by case; the upper-case one stays.
            }
            return doc;
        },
        {"REQUIRED@CUSTOMERS!A2"});
    add(
        "an empty workbook", [] { return newSpreadsheet(true); }, {}, false);
    add("200 sheets",
        [] {
            const auto doc = customersBook();
            const auto sheets = doc->getSheets();
            for (int i = 0; i < 199; ++i) {
                const std::string name = "Sheet " + std::to_string(i);
                sheets->insertNewByName(toOUString(name), static_cast<sal_Int16>(i + 1));
                if (i % 20 == 0) setText(byNameOrThrow(doc, name), "A1", "user note " + name);
            }
            setText(customersOf(doc), "B6", "?");
            return doc;
        },
        {"TYPE@" + C + "!B6"});
    add("array formulas", [] {
        const auto doc = customersBook(8);
        putRows(customersOf(doc), 6, {{""}, {""}, {""}});
        Reference<css::sheet::XArrayFormulaRange>(rangeOf(customersOf(doc), "A7:A9"),
                                                  UNO_QUERY_THROW)
            ->setArrayFormula("=IF(ROW(B7:B9)>0;\"\";\"\")");
        Reference<css::sheet::XArrayFormulaRange>(rangeOf(customersOf(doc), "U2:V3"),
                                                  UNO_QUERY_THROW)
            ->setArrayFormula("={1;2}*{1\\2}");
        return doc;
    });
    add("dates before 1900, far in the future and negative serials",
        [] {
            const auto doc = customersBook();
            setNumber(customersOf(doc), "B2", -700000);  // before year 1
            setNumber(customersOf(doc), "B3", 1);        // 1899-12-31
            setNumber(customersOf(doc), "B4", 2958465);  // 9999-12-31
            setNumber(customersOf(doc), "B5", 1.0e9);    // beyond any calendar
            setNumber(customersOf(doc), "B6", -1.5);
            return doc;
        },
        {"FUTURE_DATE@" + C + "!B4", "TYPE@" + C + "!B5", "TYPE@" + C + "!B2"});
    add("a document whose null date is 1904",
        [] {
            const auto doc = customersBook();
            css::util::Date nullDate(1, 1, 1904);
            Reference<css::beans::XPropertySet>(doc, UNO_QUERY_THROW)
                ->setPropertyValue("NullDate", Any(nullDate));
            // 2024-05-03 in 1904 serials; the number says 202406: its month differs.
            const double may3 = serial(2024, 5, 3) - serial(1904, 1, 1);
            putRows(customersOf(doc), 6,
                    {customer("202406-001", may3, "1904"), customer("", may3 + 1, "1904 blank")});
            return doc;
        },
        {"CUSTNO_MONTH@" + C + "!A7"});
    add("a user's own sheet called 校验报告",
        [] {
            const auto doc = customersBook();
            const auto mine = addSheet(doc, "校验报告", {"我自己的校验记录", "日期"});
            putRows(mine, 1, {{std::string("第一次检查"), serial(2024, 1, 1)}});
            setText(customersOf(doc), "B3", "x");
            return doc;
        },
        {"TYPE@" + C + "!B3"});
    add("the user's own conditional formats and colours",
        [] {
            const auto doc = customersBook();
            setText(customersOf(doc), "B3", "x");
            Reference<css::beans::XPropertySet>(rangeOf(customersOf(doc), "A2:C6"), UNO_QUERY_THROW)
                ->setPropertyValue("CellBackColor", Any(sal_Int32(0xFFFF00)));
            auto props = Reference<css::beans::XPropertySet>(rangeOf(customersOf(doc), "B2:B6"),
                                                             UNO_QUERY_THROW);
            Reference<css::sheet::XSheetConditionalEntries> entries(
                props->getPropertyValue("ConditionalFormat"), UNO_QUERY_THROW);
            css::uno::Sequence<css::beans::PropertyValue> entry(3);
            entry.getArray()[0].Name = "Operator";
            entry.getArray()[0].Value <<= css::sheet::ConditionOperator_FORMULA;
            entry.getArray()[1].Name = "Formula1";
            entry.getArray()[1].Value <<= toOUString("ISTEXT(B2)");
            entry.getArray()[2].Name = "StyleName";
            entry.getArray()[2].Value <<= toOUString("Bad");
            entries->addNew(entry);
            props->setPropertyValue("ConditionalFormat", Any(entries));
            return doc;
        },
        {"TYPE@" + C + "!B3"});
    add("garbage in the Settings sheet", [] {
        const auto doc = customersBook();
        const auto settings = addSheet(doc, "设置", headerOf("settings"));
        putRows(settings, 1,
                {{std::string("提醒天数"), std::string("三天")},
                 {std::string("节假日"), std::string("明天")},
                 {std::string("节假日"), -5.0},
                 {std::string("不存在的设置"), 1e300}});
        return doc;
    });
    add("all 999 numbers of a month taken",
        [] {
            const auto doc = customersBook(0);
            std::vector<std::vector<Value>> rows;
            for (int i = 1; i <= 999; ++i) {
                char number[16];
                std::snprintf(number, sizeof number, "202405-%03d", i);
                rows.push_back(
                    customer(number, serial(2024, 5, 1 + i % 28), "客户" + std::to_string(i)));
            }
            rows.push_back(customer("", serial(2024, 5, 30), "第一千个客户"));
            putRows(customersOf(doc), 1, rows);
            return doc;
        },
        {"REQUIRED@" + C + "!A1001"});
    add("header row only", [] {
        const auto doc = newSpreadsheet(true);
        addSheet(doc, "客户信息登记表", headerOf("customers"));
        addSheet(doc, "跟进行动表", headerOf("actions"));
        return doc;
    });
    add("a recognised sheet missing required columns",
        [] {
            const auto doc = newSpreadsheet(true);
            addSheet(doc, "跟进行动表", {"行动编号", "任务内容"});
            putRows(byNameOrThrow(doc, "跟进行动表"), 1,
                    {{std::string("A-1"), std::string("打电话")}});
            return doc;
        },
        {"MISSING_COLUMN"});
    add("formulas everywhere",
        [] {
            const auto doc = customersBook();
            setFormula(customersOf(doc), "A2", "=\"202405-\"&\"001\"");
            setFormula(customersOf(doc), "B2", "=DATE(2024;5;1)");
            setFormula(customersOf(doc), "L2", "=\"100\"");
            setFormula(customersOf(doc), "C3", "=REPT(\"长\";5000)");
            setFormula(customersOf(doc), "P3", "=\"未知阶段\"");
            return doc;
        },
        {"ENUM@" + C + "!P3", "TYPE@" + C + "!L2"});
    add("huge and tiny numbers",
        [] {
            const auto doc = customersBook();
            setNumber(customersOf(doc), "L2", 1e308);
            setNumber(customersOf(doc), "L3", -1e-300);
            setNumber(customersOf(doc), "M4", 1e15);
            setNumber(customersOf(doc), "N5", -0.0);
            return doc;
        },
        {"RANGE@" + C + "!M4", "RANGE@" + C + "!L3"});
    add("customer numbers that look like other things",
        [] {
            const auto doc = customersBook();
            setNumber(customersOf(doc), "A2", 202405001);
            setText(customersOf(doc), "A3", "２０２４０５－００３");  // full-width digits
            setText(customersOf(doc), "A4", "202405-004\n");
            setText(customersOf(doc), "A5", "202413-005");
            setText(customersOf(doc), "A6", "=202405-006");
            return doc;
        },
        {"FORMAT@" + C + "!A5"});
    add("every sheet, in English, with a reference to nowhere",
        [] {
            const auto doc = newSpreadsheet(true);
            toolkit()->insertTemplates(component(doc), "en");
            putRows(byNameOrThrow(doc, "Customers"), 1,
                    {customer("202405-001", serial(2024, 5, 1), "Acme")});
            putRows(byNameOrThrow(doc, "Actions"), 1,
                    {{std::string("A-1"), std::string("209901-001"), std::string(""),
                      std::string("Call"), std::string("Li"), serial(2024, 5, 1),
                      serial(2024, 5, 2), std::string("Not started")}});
            return doc;
        },
        {"REF"});
    add("the user's own sheets around the DealSheet ones", [] {
        const auto doc = customersBook();
        const auto notes = addSheet(doc, "我的笔记", {"笔记"});
        putRows(notes, 1, {{std::string("别动我的数据")}, {std::string("=1+1")}});
        doc->getSheets()->moveByName(toOUString("我的笔记"), 0);
        return doc;
    });
    return cases;
}

}  // namespace

TEST(HostileCorpus, HasAtLeastThirtyWorkbooks) { EXPECT_GE(corpus().size(), 30u); }

class Hostile : public ::testing::TestWithParam<std::size_t> {};

TEST_P(Hostile, EveryCommandIsClearBoundedAndChangesOnlyWhatItMay) {
    unoGuard([&] { runEveryCommand(corpus().at(GetParam())); });
}

INSTANTIATE_TEST_SUITE_P(Corpus, Hostile, ::testing::Range<std::size_t>(0, corpus().size()),
                         [](const ::testing::TestParamInfo<std::size_t>& info) {
                             std::string name;
                             for (char ch : corpus().at(info.param).name)
                                 if (std::isalnum(static_cast<unsigned char>(ch))) name += ch;
                             return std::to_string(info.param) + "_" + name;
                         });

TEST(HostileDocuments, ReadOnlyDocumentIsRefusedWithAMessageAndLeftAlone) {
    unoGuard([&] {
        const auto source = customersBook();
        const std::string path = Office::get().workDir() + "/read-only.ods";
        storeAs(source, path, "calc8");
        close(source);
        const Doc doc(loadComponent(fileUrl(path), true, true), UNO_QUERY_THROW);
        ++totals.workbooks;
        const Snapshot before = snapshot(doc);
        for (const char* command : {"Validate", "ClearMarks", "AssignCustomerNumbers",
                                    "RefreshReview", "InsertTemplates"}) {
            const Told told = dispatchCommand(doc, command);
            expectClear(told, command);
            EXPECT_TRUE(told.failed) << command << ": " << told.message;
            EXPECT_TRUE(told.message.find("只读") != std::string::npos ||
                        told.message.find("read-only") != std::string::npos)
                << told.message;
            expectOnly(before, snapshot(doc), allowNothing(), command);
        }
        try {
            toolkit()->validate(component(doc));
            ADD_FAILURE() << "the Toolkit validated a read-only document";
        } catch (const css::lang::IllegalArgumentException& e) {
            EXPECT_FALSE(e.Message.isEmpty());
        }
        close(doc);
    });
}

TEST(HostileDocuments, WriterDocumentGetsAClearErrorFromServiceAndDispatcher) {
    unoGuard([&] {
        const auto writer = loadComponent("private:factory/swriter", true);
        ++totals.workbooks;
        for (int method = 0; method < 5; ++method) {
            try {
                switch (method) {
                    case 0:
                        toolkit()->validate(writer);
                        break;
                    case 1:
                        toolkit()->insertTemplates(writer, "zh");
                        break;
                    case 2:
                        toolkit()->assignCustomerNumbers(writer);
                        break;
                    case 3:
                        toolkit()->refreshReview(writer, "");
                        break;
                    default:
                        toolkit()->clearMarks(writer);
                        break;
                }
                ADD_FAILURE() << "method " << method << " accepted a Writer document";
            } catch (const css::lang::IllegalArgumentException& e) {
                EXPECT_NE(toUtf8(e.Message).find("Calc"), std::string::npos) << toUtf8(e.Message);
            }
            ++totals.commands;
        }
        // The toolbar is Calc's only (Addons.xcu's Context), but a macro can still dispatch the
        // URL to a Writer frame: it must answer, not crash.
        const auto frame = Reference<css::frame::XModel>(writer, UNO_QUERY_THROW)
                               ->getCurrentController()
                               ->getFrame();
        const auto result =
            css::frame::DispatchHelper::create(Office::get().context())
                ->executeDispatch(Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW),
                                  "org.dealsheet.calc:Validate", "", 0, {});
        css::frame::DispatchResultEvent event;
        rtl::OUString message;
        ASSERT_TRUE(result >>= event);
        event.Result >>= message;
        EXPECT_EQ(event.State, css::frame::DispatchResultState::FAILURE);
        EXPECT_NE(toUtf8(message).find("Calc"), std::string::npos) << toUtf8(message);
        ++totals.commands;
        Reference<css::util::XCloseable>(writer, UNO_QUERY_THROW)->close(true);
    });
}

// Undo of every command on the sample workbook returns every user cell to what it was.
TEST(Preservation, UndoOfEveryCommandRestoresTheSample) {
    unoGuard([&] {
        const auto doc = loadCopy(std::string(DEALSHEET_WORKBOOKS) + "/sample-zh.ods", true);
        ++totals.workbooks;
        // Some blank numbers for Assign and a missing sheet for Insert.
        setText(customersOf(doc), "A3", "");
        setText(customersOf(doc), "A5", "");
        doc->getSheets()->removeByName(toOUString("售前与实施交接单"));
        const auto undo =
            Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager();
        for (const char* command : {"Validate", "ClearMarks", "AssignCustomerNumbers",
                                    "RefreshReview", "InsertTemplates"}) {
            SCOPED_TRACE(command);
            // Validate first so that ClearMarks has something to clear.
            if (std::string(command) == "ClearMarks") dispatchCommand(doc, "Validate");
            const Snapshot before = snapshot(doc);
            const auto steps = undo->getAllUndoActionTitles().getLength();
            const Told told =
                dispatchCommand(doc, command, {{"Month", "2026-11"}, {"Language", "zh"}});
            expectClear(told, command);
            EXPECT_FALSE(told.failed) << told.message;
            ASSERT_EQ(undo->getAllUndoActionTitles().getLength(), steps + 1)
                << command << " is not one undo step";
            EXPECT_NE(snapshot(doc).digest(), before.digest()) << command << " changed nothing";
            undo->undo();
            const Snapshot after = snapshot(doc);
            expectOnly(before, after, allowNothing(), std::string(command) + " + undo");
            EXPECT_EQ(after.digest(), before.digest());
        }
        close(doc);
    });
}

// Printed for the Safety section of docs/developing.md after every test of this binary has run.
class SafetySummary : public ::testing::Environment {
  public:
    void TearDown() override {
        std::printf("SAFETY workbooks=%d commands=%d cells_compared=%zu forbidden_changes=%d\n",
                    totals.workbooks, totals.commands, totals.cellsCompared,
                    totals.forbiddenChanges);
    }
};
[[maybe_unused]] const auto* const kSafetySummary =
    ::testing::AddGlobalTestEnvironment(new SafetySummary);
