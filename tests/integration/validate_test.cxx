// Validate in a real Calc: the sample workbook's listed mistakes are all found with the right
// rule code and nothing else is reported; the report links to the cells; user data is
// identical before and after; highlights come and go without touching the cells' formatting.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XConditionalFormat.hpp>
#include <com/sun/star/sheet/XConditionalFormats.hpp>
#include <com/sun/star/sheet/XDatabaseRange.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XUnnamedDatabaseRanges.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <org/dealsheet/calc/XToolkit3.hpp>

#include "core/text/text.hpp"
#include "core/workbook/layout.hpp"
#include "office.hxx"
#include "uno_helpers.hxx"

using namespace dealsheet::test;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

bool isReport(const std::string& name) { return name == "校验报告" || name == "Validation Report"; }

std::pair<int, int> used(const Reference<css::sheet::XSpreadsheet>& sheet) {
    const auto a = usedArea(sheet);
    return {a.EndRow + 1, a.EndColumn + 1};
}

Reference<css::table::XCellRange> usedRange(const Reference<css::sheet::XSpreadsheet>& sheet) {
    const auto [rows, columns] = used(sheet);
    return Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
        ->getCellRangeByPosition(0, 0, columns - 1, rows - 1);
}

// Content and formula of every cell of every sheet but the report, plus each cell's own
// background colour in the used area.
std::vector<std::string> userCells(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    std::vector<std::string> cells;
    for (const auto& name : sheetNamesOf(doc)) {
        if (isReport(name)) continue;
        const auto sheet = byNameOrThrow(doc, name);
        const auto range = usedRange(sheet);
        for (const auto& row :
             Reference<css::sheet::XCellRangeFormula>(range, UNO_QUERY_THROW)->getFormulaArray())
            for (const auto& c : row) cells.push_back(name + ":" + toUtf8(c));
    }
    return cells;
}

struct Expected {
    std::string rule, sheet, address;
};

// The tables of templates/sample/mistakes.md, as (rule, sheet, cell).
std::vector<Expected> expectedFindings(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    std::ifstream in(std::string(DEALSHEET_SOURCE_DIR) + "/templates/sample/mistakes.md");
    std::vector<Expected> expected;
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("| `", 0) != 0) continue;
        std::vector<std::string> fields;
        std::stringstream parts(line);
        std::string part;
        while (std::getline(parts, part, '|')) fields.emplace_back(dealsheet::trimSpaces(part));
        // fields: "", rule, sheet, csv, data row, column, what
        const std::string rule = fields[1].substr(1, fields[1].size() - 2);
        const int dataRow = std::stoi(fields[4]);
        const auto sheet = byNameOrThrow(doc, fields[2]);
        const auto header = Reference<css::sheet::XCellRangeData>(
                                Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                                    ->getCellRangeByPosition(0, 0, 40, 0),
                                UNO_QUERY_THROW)
                                ->getDataArray()[0];
        int column = -1;
        for (sal_Int32 c = 0; c < header.getLength(); ++c) {
            rtl::OUString text;
            if ((header[c] >>= text) && toUtf8(text) == fields[5]) column = c;
        }
        EXPECT_GE(column, 0) << fields[5];
        expected.push_back({rule, fields[2], dealsheet::cellAddress(column, dataRow)});
    }
    return expected;
}

struct Reported {
    std::string severity, rule, sheet, cell, link;
    std::string target;  // where the link goes: from the sheet (C) and the address column (H)
    int row = 0;         // the report's row, 1-based
    bool operator<(const Reported& o) const {
        return std::tie(rule, sheet, cell) < std::tie(o.rule, o.sheet, o.cell);
    }
};

std::vector<Reported> reportRows(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    const auto report = byNameOrThrow(doc, "Validation Report");
    const auto range = usedRange(report);
    const auto data = Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->getDataArray();
    const auto formulas =
        Reference<css::sheet::XCellRangeFormula>(range, UNO_QUERY_THROW)->getFormulaArray();
    std::vector<Reported> rows;
    bool inTable = false;
    for (sal_Int32 r = 0; r < data.getLength(); ++r) {
        rtl::OUString first, rule, sheet, cellText, address;
        data[r][0] >>= first;
        if (first == "Severity" && (data[r][1] >>= rule) && rule == "Rule") {
            inTable = true;
            continue;
        }
        if (!inTable || first.isEmpty() || data[r].getLength() < 4) continue;
        data[r][1] >>= rule;
        data[r][2] >>= sheet;
        data[r][3] >>= cellText;
        if (data[r].getLength() > 7) data[r][7] >>= address;
        std::string quoted;
        for (char c : toUtf8(sheet)) quoted += c == '\'' ? std::string("''") : std::string(1, c);
        rows.push_back({toUtf8(first), toUtf8(rule), toUtf8(sheet), toUtf8(cellText),
                        toUtf8(formulas[r][3]), "#'" + quoted + "'." + toUtf8(address),
                        static_cast<int>(r) + 1});
    }
    return rows;
}

int markFormats(const Reference<css::sheet::XSpreadsheet>& sheet) {
    Reference<css::sheet::XConditionalFormats> formats(
        Reference<css::beans::XPropertySet>(sheet, UNO_QUERY_THROW)
            ->getPropertyValue("ConditionalFormats"),
        UNO_QUERY_THROW);
    int count = 0;
    for (const auto& format : formats->getConditionalFormats())
        for (sal_Int32 i = 0; i < format->getCount(); ++i) {
            rtl::OUString style;
            Reference<css::beans::XPropertySet>(format->getByIndex(i), UNO_QUERY_THROW)
                ->getPropertyValue("StyleName") >>= style;
            if (style.startsWith("DealSheet") && style.endsWith("Mark")) ++count;
        }
    return count;
}

class ValidateSample : public ::testing::Test {
  protected:
    void SetUp() override { doc = loadCopy(std::string(DEALSHEET_WORKBOOKS) + "/sample-zh.ods"); }
    void TearDown() override {
        if (doc.is()) close(doc);
    }
    Reference<css::sheet::XSpreadsheetDocument> doc;
};

}  // namespace

TEST_F(ValidateSample, FindsEveryListedMistakeAndNothingElse) {
    unoGuard([&] {
        const auto before = userCells(doc);
        const auto summary = toolkit()->validate(component(doc));
        EXPECT_EQ(summary.SheetsChecked, 9);
        const auto expected = expectedFindings(doc);
        ASSERT_GE(expected.size(), 20u);
        const auto rows = reportRows(doc);
        std::set<std::string> reported, wanted;
        for (const auto& r : rows) reported.insert(r.rule + " " + r.sheet + "." + r.cell);
        for (const auto& e : expected) wanted.insert(e.rule + " " + e.sheet + "." + e.address);
        std::vector<std::string> missing, extra;
        std::set_difference(wanted.begin(), wanted.end(), reported.begin(), reported.end(),
                            std::back_inserter(missing));
        std::set_difference(reported.begin(), reported.end(), wanted.begin(), wanted.end(),
                            std::back_inserter(extra));
        EXPECT_TRUE(missing.empty()) << "not found: " << ::testing::PrintToString(missing);
        EXPECT_TRUE(extra.empty()) << "not listed as mistakes: " << ::testing::PrintToString(extra);
        EXPECT_EQ(summary.Errors + summary.Warnings, static_cast<sal_Int32>(rows.size()));

        // Every Cell is a link to its cell: one relative formula filled down the column, which
        // reads the sheet (C) and the address (hidden H) of its own row.
        for (const auto& r : rows) {
            const std::string n = std::to_string(r.row);
            EXPECT_EQ(r.link, "=HYPERLINK(\"#'\"&SUBSTITUTE(C" + n + ";\"'\";\"''\")&\"'.\"&H" + n +
                                  ";H" + n + ")");
            EXPECT_EQ(r.target, "#'" + r.sheet + "'." + r.cell);
        }

        // Offending cells are marked; nothing the user typed changed.
        EXPECT_GT(markFormats(byNameOrThrow(doc, "客户信息登记表")), 0);
        EXPECT_EQ(userCells(doc), before);
    });
}

TEST_F(ValidateSample, RerunReplacesTheReportAndClearMarksRestoresFormatting) {
    unoGuard([&] {
        const auto customers = byNameOrThrow(doc, "客户信息登记表");
        // The user's own yellow cell, on a cell that will be marked (REQUIRED 联系人, row 5).
        Reference<css::beans::XPropertySet>(cell(customers, "F5"), UNO_QUERY_THROW)
            ->setPropertyValue("CellBackColor", css::uno::Any(sal_Int32(0xFFFF00)));
        const auto first = toolkit()->validate(component(doc));
        const int marksOnce = markFormats(customers);
        const auto second = toolkit()->validate(component(doc));
        EXPECT_EQ(first.Errors, second.Errors);
        EXPECT_EQ(first.Warnings, second.Warnings);
        const auto all = sheetNamesOf(doc);
        EXPECT_EQ(std::count_if(all.begin(), all.end(), isReport), 1);
        // One format per marked column and severity, not doubled by the rerun.
        EXPECT_GT(marksOnce, 1);
        EXPECT_EQ(markFormats(customers), marksOnce);

        toolkit()->clearMarks(component(doc));
        const auto after = sheetNamesOf(doc);
        EXPECT_EQ(std::count_if(after.begin(), after.end(), isReport), 0);
        for (const auto& name : after) EXPECT_EQ(markFormats(byNameOrThrow(doc, name)), 0) << name;
        sal_Int32 colour = 0;
        Reference<css::beans::XPropertySet>(cell(customers, "F5"), UNO_QUERY_THROW)
            ->getPropertyValue("CellBackColor") >>= colour;
        EXPECT_EQ(colour, 0xFFFF00);
        // The template's own conditional formats (lead grades) are still there.
        Reference<css::sheet::XConditionalFormats> formats(
            Reference<css::beans::XPropertySet>(customers, UNO_QUERY_THROW)
                ->getPropertyValue("ConditionalFormats"),
            UNO_QUERY_THROW);
        EXPECT_GE(formats->getConditionalFormats().getLength(), 1);
    });
}

TEST_F(ValidateSample, ThroughTheToolbarCommand) {
    unoGuard([&] {
        const auto frame =
            Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
        const auto helper = css::frame::DispatchHelper::create(Office::get().context());
        helper->executeDispatch(Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW),
                                "org.dealsheet.calc:Validate", "", 0, {});
        EXPECT_FALSE(reportRows(doc).empty());
        helper->executeDispatch(Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW),
                                "org.dealsheet.calc:ClearMarks", "", 0, {});
        const auto all = sheetNamesOf(doc);
        EXPECT_EQ(std::count_if(all.begin(), all.end(), isReport), 0);
    });
}

TEST(Validate, WorkbookWithoutDealSheetSheetsIsLeftAlone) {
    unoGuard([&] {
        const auto doc = newSpreadsheet();
        const auto before = sheetNamesOf(doc);
        const auto summary = toolkit()->validate(component(doc));
        EXPECT_EQ(summary.SheetsChecked, 0);
        EXPECT_EQ(sheetNamesOf(doc), before);
        close(doc);
    });
}

// Values as users paste them: error values, numbers stored as text, dates typed as text, a
// deleted required column, English sheets.
TEST(Validate, PastedValuesErrorValuesAndMissingColumns) {
    unoGuard([&] {
        const auto doc = newSpreadsheet();
        toolkit()->insertTemplates(component(doc), "en");
        const auto customers = byNameOrThrow(doc, "Customers");
        setText(customers, "A2", "202501-001");
        setNumber(customers, "B2", 45660);  // 2025-01-04
        setText(customers, "C2", "Acme");
        setText(customers, "D2", "Retail");
        setText(customers, "F2", "Li Na");
        setText(customers, "I2", "li@acme.cn");
        setText(customers, "K2", "CRM");
        setText(customers, "L2", "60");        // a number stored as text
        setFormula(customers, "M2", "=NA()");  // an error value in a data cell
        setText(customers, "P2", "Lead");
        setText(customers, "R2", "Wang");
        const auto actions = byNameOrThrow(doc, "Actions");
        Reference<css::table::XCellRange>(actions, UNO_QUERY_THROW)
            ->getCellRangeByName("E1")
            ->getCellByPosition(0, 0)
            ->setFormula("");  // the Owner header deleted: a required column is missing
        setText(actions, "A2", "XD-1");
        setText(actions, "B2", "202501-001");
        setText(actions, "D2", "Call back");
        setText(actions, "G2", "2025/01/10");  // a date typed as text
        setText(actions, "H2", "Done");
        setNumber(actions, "I2", 45660);
        toolkit()->validate(component(doc));
        std::set<std::string> found;
        for (const auto& r : reportRows(doc)) found.insert(r.rule + " " + r.sheet + "." + r.cell);
        const std::set<std::string> expected{"TYPE Customers.L2", "TYPE Customers.M2",
                                             "MISSING_COLUMN Actions.A1", "TYPE Actions.G2"};
        EXPECT_EQ(found, expected);  // and nothing else: the clean cells give nothing
        close(doc);
    });
}

// Settings values that cannot be read are not silently replaced: the report lists each one with
// the default used instead (a holiday has none: its row is ignored).
TEST(Validate, ReportListsUnreadableSettingsWithTheDefaultsUsed) {
    unoGuard([&] {
        const auto doc = newSpreadsheet();
        toolkit()->insertTemplates(component(doc), "en");
        const auto settings = byNameOrThrow(doc, "Settings");
        ASSERT_EQ(textOf(settings, "A5"), "Reminder window (days)");
        ASSERT_EQ(textOf(settings, "A6"), "Milestone update interval (days)");
        ASSERT_EQ(textOf(settings, "A7"), "Reminder scope");
        ASSERT_EQ(textOf(settings, "A8"), "Holiday");
        setText(settings, "B5", "two days");
        setNumber(settings, "B6", -3);
        setText(settings, "B7", "the whole team");
        setText(settings, "B8", "next Monday");
        const auto customers = byNameOrThrow(doc, "Customers");
        setText(customers, "A2", "202501-001");
        setNumber(customers, "B2", 45660);
        setText(customers, "C2", "Acme");
        toolkit()->validate(component(doc));

        const auto report = byNameOrThrow(doc, "Validation Report");
        const auto data = Reference<css::sheet::XCellRangeData>(usedRange(report), UNO_QUERY_THROW)
                              ->getDataArray();
        std::vector<std::string> listed;
        bool inList = false;
        for (const auto& row : data) {
            rtl::OUString first, value, fallback;
            row[0] >>= first;
            if (first == "Settings that could not be read") {
                row[1] >>= value;
                row[2] >>= fallback;
                EXPECT_EQ(toUtf8(value), "Value");
                EXPECT_EQ(toUtf8(fallback), "Default used instead");
                inList = true;
                continue;
            }
            if (!inList) continue;
            if (first.isEmpty()) break;
            row[1] >>= value;
            row[2] >>= fallback;
            listed.push_back(toUtf8(first) + " | " + toUtf8(value) + " | " + toUtf8(fallback));
        }
        const std::vector<std::string> expected{
            "Reminder window (days) | two days | 2", "Milestone update interval (days) | -3 | 7",
            "Reminder scope | the whole team | Mine",
            "Holiday | next Monday | (none: the row is ignored)"};
        EXPECT_EQ(listed, expected);
        close(doc);
    });
}

TEST(Validate, ReadableSettingsListNothing) {
    unoGuard([&] {
        const auto doc = newSpreadsheet();
        toolkit()->insertTemplates(component(doc), "en");
        setNumber(byNameOrThrow(doc, "Settings"), "B5", 5);
        setText(byNameOrThrow(doc, "Customers"), "C2", "Acme");
        toolkit()->validate(component(doc));
        const auto data = Reference<css::sheet::XCellRangeData>(
                              usedRange(byNameOrThrow(doc, "Validation Report")), UNO_QUERY_THROW)
                              ->getDataArray();
        for (const auto& row : data) {
            rtl::OUString first;
            row[0] >>= first;
            EXPECT_NE(first, "Settings that could not be read");
        }
        close(doc);
    });
}

// The findings table carries Calc's AutoFilter (to narrow it to one rule, sheet or owner), and
// the report's time is the one the command returned.
TEST_F(ValidateSample, FindingsTableHasAnAutoFilterAndTheCommandsTime) {
    unoGuard([&] {
        const auto summary = toolkit()->validate(component(doc));
        const auto rows = reportRows(doc);
        ASSERT_FALSE(rows.empty());
        const auto names = sheetNamesOf(doc);
        const auto index = static_cast<sal_Int16>(
            std::find(names.begin(), names.end(), "Validation Report") - names.begin());
        const auto report = byNameOrThrow(doc, "Validation Report");
        const auto data = Reference<css::sheet::XCellRangeData>(usedRange(report), UNO_QUERY_THROW)
                              ->getDataArray();
        int header = -1;
        for (sal_Int32 r = 0; r < data.getLength() && header < 0; ++r) {
            rtl::OUString first;
            if ((data[r][0] >>= first) && first == "Severity") header = r;
        }
        ASSERT_GE(header, 0);

        const Reference<css::sheet::XUnnamedDatabaseRanges> ranges(
            Reference<css::beans::XPropertySet>(doc, UNO_QUERY_THROW)
                ->getPropertyValue("UnnamedDatabaseRanges"),
            UNO_QUERY_THROW);
        ASSERT_TRUE(ranges->hasByTable(index));
        const Reference<css::sheet::XDatabaseRange> range(ranges->getByTable(index),
                                                          UNO_QUERY_THROW);
        bool autoFilter = false;
        Reference<css::beans::XPropertySet>(range, UNO_QUERY_THROW)
            ->getPropertyValue("AutoFilter") >>= autoFilter;
        EXPECT_TRUE(autoFilter);
        const auto address = range->getDataArea();
        EXPECT_EQ(address.Sheet, index);
        EXPECT_EQ(address.StartColumn, 0);
        EXPECT_EQ(address.EndColumn, 7);  // with the hidden address column: rows sort as one
        EXPECT_EQ(address.StartRow, header);
        EXPECT_EQ(address.EndRow, header + static_cast<int>(rows.size()));

        EXPECT_EQ(valueOf(report, "F2"), summary.Milliseconds);
        EXPECT_EQ(textOf(report, "E2"), "Time (ms)");
    });
}

// One company written many ways, typed as a salesperson types (SPEC §12): the four spellings of
// 华盛科技 are one customer, two branches of one bank and 华为技术/华为终端 are not, a colleague's
// company with the first row's mobile is only a suggestion, a mistyped credit code is an error.
// Exactly these are found; after Merge customers the merged spelling is no longer reported.
TEST(Validate, OneCompanyWrittenManyWaysGetsExactlyItsDuplicates) {
    unoGuard([&] {
        const auto doc = newSpreadsheet();
        toolkit()->insertTemplates(component(doc), "zh");
        const auto customers = byNameOrThrow(doc, "客户信息登记表");
        std::vector<std::vector<std::string>> rows;
        const auto row = [&](int n, const std::string& name, const std::string& mobile,
                             const std::string& code) {
            const std::string number = "202512-00" + std::to_string(n);
            rows.push_back({number.size() == 10 ? number : "202512-0" + std::to_string(n),
                            "2025-12-0" + std::to_string(1 + n % 9),
                            name,
                            "制造业",
                            "",
                            "周建国",
                            "",
                            "",
                            mobile,
                            "",
                            "MES",
                            "",
                            "",
                            "",
                            "",
                            "需求挖掘",
                            "",
                            "王磊",
                            "",
                            code});
        };
        row(1, "北京华盛科技有限公司", "13900000001", "91110108MA01D8NW4H");  // row 2
        row(2, "华盛科技（北京）有限责任公司", "13900000002", "");            // 3: the same
        row(3, "华盛科技", "13900000003", "");                                // 4: the same
        row(4, "北京华盛技术有限公司", "13900000004", "");                    // 5: the same
        row(5, "中国工商银行股份有限公司北京分行", "13900000005", "");        // 6
        row(6, "中国工商银行股份有限公司上海分行", "13900000006", "");        // 7: a branch
        row(7, "华为技术有限公司", "13900000007", "");                        // 8
        row(8, "华为终端有限公司", "13900000008", "");                        // 9: another
        row(9, "上海明远贸易有限公司", "139 0000 0001", "");                  // 10: row 2's mobile
        row(10, "杭州云帆网络科技有限公司", "13900000010", "91330106MA27Y6H431");  // 11: check char
        typeRows(doc, customers, rows, 1);

        Reference<org::dealsheet::calc::XToolkit3> toolkit3(toolkit(), UNO_QUERY_THROW);
        const auto findings = [&] {
            toolkit3->checkWorkbook(component(doc));
            std::set<std::string> out;
            for (const auto& f : toolkit3->getFindings(component(doc), toOUString("")))
                out.insert(toUtf8(f.Code) + " " + toUtf8(f.Cell));
            return out;
        };
        EXPECT_EQ(findings(), (std::set<std::string>{"DUPLICATE_NAME C3", "DUPLICATE_NAME C4",
                                                     "DUPLICATE_NAME C5", "LIKELY_DUPLICATE I10",
                                                     "CREDIT_CODE T11"}));
        // The Customer panel's card (customerCard) lists the other spellings and the shared
        // mobile as possible duplicates; the branches and 华为 are not among them.
        std::string card;
        for (const auto& line : toolkit3->customerCard(component(doc), toOUString("202512-001")))
            card += toUtf8(line) + "\n";
        for (const char* other : {"202512-002", "202512-003", "202512-004", "202512-009"})
            EXPECT_NE(card.find(other), std::string::npos) << other << " not in\n" << card;
        for (const char* other : {"202512-005", "202512-006", "202512-007", "202512-008"})
            EXPECT_EQ(card.find(other), std::string::npos) << other << " in\n" << card;
        const Dispatched merged = dispatchToolbar(
            doc, "MergeCustomers", {{"KeptNo", "202512-001"}, {"MergedNo", "202512-002"}});
        EXPECT_FALSE(merged.failed) << merged.message;
        EXPECT_NE(textOf(customers, "S3").find("202512-001"), std::string::npos)
            << textOf(customers, "S3");
        EXPECT_EQ(findings(), (std::set<std::string>{"DUPLICATE_NAME C4", "DUPLICATE_NAME C5",
                                                     "LIKELY_DUPLICATE I10", "CREDIT_CODE T11"}));
        close(doc);
    });
}
