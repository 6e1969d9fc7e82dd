// Assign customer numbers, Refresh monthly review and the macro API in a real Calc.
#include <gtest/gtest.h>

#include <map>
#include <optional>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/document/XEmbeddedScripts.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/script/XLibraryContainer.hpp>
#include <com/sun/star/script/provider/XScript.hpp>
#include <com/sun/star/script/provider/XScriptProviderSupplier.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XPrintAreas.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <org/dealsheet/calc/XToolkit.hpp>

#include "core/workbook/dates.hpp"
#include "office.hxx"
#include "uno_helpers.hxx"

using namespace dealsheet::test;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

double on(int y, int m, int d) {
    return static_cast<double>(*dealsheet::SerialDates().toSerial({y, m, d}));
}

std::vector<std::string> formulas(const Reference<css::sheet::XSpreadsheet>& sheet,
                                  const std::string& block) {
    std::vector<std::string> cells;
    const auto range = Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                           ->getCellRangeByName(toOUString(block));
    for (const auto& row :
         Reference<css::sheet::XCellRangeFormula>(range, UNO_QUERY_THROW)->getFormulaArray())
        for (const auto& c : row) cells.push_back(toUtf8(c));
    return cells;
}

}  // namespace

TEST(AssignCustomerNumbers, ContinuesPerMonthAcrossTheYearAndKeepsExistingNumbers) {
    unoGuard([&] {
        const auto doc = newSpreadsheet(true);
        toolkit()->insertTemplates(component(doc), "zh");
        const auto customers = byNameOrThrow(doc, "客户信息登记表");
        const auto row = [&](int r, const char* number, std::optional<double> date,
                             const char* name) {
            if (*number) setText(customers, "A" + std::to_string(r), number);
            if (date) setNumber(customers, "B" + std::to_string(r), *date);
            setText(customers, "C" + std::to_string(r), name);
        };
        row(2, "202412-015", on(2024, 12, 3), "甲");
        row(3, "", on(2024, 12, 31), "乙");
        row(4, "", on(2025, 1, 1), "丙");
        row(5, "", std::nullopt, "丁");  // no date: reported, not guessed
        row(6, "202501-004", on(2025, 1, 10), "戊");
        row(7, "", on(2025, 1, 15), "己");
        setFormula(customers, "A8", "=\"202501-\"&\"009\"");  // a formula is the user's own
        row(8, "", on(2025, 1, 20), "庚");
        const auto others = formulas(customers, "B1:S10");

        EXPECT_EQ(toolkit()->assignCustomerNumbers(component(doc)), 3);
        EXPECT_EQ(textOf(customers, "A2"), "202412-015");
        EXPECT_EQ(textOf(customers, "A3"), "202412-016");
        // 202501-009 comes from the user's formula: in use, so numbering goes on after it.
        EXPECT_EQ(textOf(customers, "A4"), "202501-010");
        EXPECT_EQ(textOf(customers, "A5"), "");
        EXPECT_EQ(textOf(customers, "A6"), "202501-004");
        EXPECT_EQ(textOf(customers, "A7"), "202501-011");
        EXPECT_EQ(toUtf8(cell(customers, "A8")->getFormula()), "=\"202501-\"&\"009\"");
        EXPECT_EQ(textOf(customers, "A9"), "");            // empty row: nothing
        EXPECT_EQ(formulas(customers, "B1:S10"), others);  // only column A changed

        // A second run has nothing left to number; undo brings the blanks back.
        EXPECT_EQ(toolkit()->assignCustomerNumbers(component(doc)), 0);
        const auto undo =
            Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager();
        undo->undo();
        EXPECT_EQ(textOf(customers, "A3"), "");
        EXPECT_EQ(textOf(customers, "A6"), "202501-004");
        EXPECT_EQ(textOf(customers, "A7"), "");
        undo->redo();
        EXPECT_EQ(textOf(customers, "A7"), "202501-011");
        close(doc);
    });
}

namespace {

// The titles of the review's charts, by chart name.
std::map<std::string, std::string> chartTitles(const Reference<css::sheet::XSpreadsheet>& review) {
    const auto charts =
        Reference<css::table::XTableChartsSupplier>(review, UNO_QUERY_THROW)->getCharts();
    std::map<std::string, std::string> titles;
    for (const auto& name : charts->getElementNames()) {
        Reference<css::chart::XChartDocument> chart(
            Reference<css::document::XEmbeddedObjectSupplier>(charts->getByName(name),
                                                              UNO_QUERY_THROW)
                ->getEmbeddedObject(),
            UNO_QUERY_THROW);
        rtl::OUString title;
        Reference<css::beans::XPropertySet>(chart->getTitle(), UNO_QUERY_THROW)
            ->getPropertyValue("String") >>= title;
        titles[toUtf8(name)] = toUtf8(title);
    }
    return titles;
}

}  // namespace

TEST(RefreshReview, IsTitledFormattedAndPrintsOnePageWide) {
    unoGuard([&] {
        for (const auto& [lang, sheetName, stageTitle, ownerTitle] :
             {std::tuple{"zh", "月度复盘", "各销售阶段客户数",
                         "各负责人的行动（本月完成 / 未完成 / 已逾期）"},
              std::tuple{"en", "Monthly Review", "Customers by stage",
                         "Actions per owner (done this month / open / overdue)"}}) {
            const auto doc = newSpreadsheet();
            toolkit()->insertTemplates(component(doc), rtl::OUString::createFromAscii(lang));
            const bool zh = std::string(lang) == "zh";
            const auto actions = byNameOrThrow(doc, zh ? "跟进行动表" : "Actions");
            const auto execution = byNameOrThrow(doc, zh ? "合同履约跟踪表" : "Contract Execution");
            const double today = static_cast<double>(dealsheet::SerialDates().todaySerial());
            setText(actions, "A2", "A-1");
            setText(actions, "E2", zh ? "王磊" : "Wang");
            setNumber(actions, "G2", today - 3);
            setText(actions, "H2", zh ? "进行中" : "In progress");
            setText(execution, "A2", "HT-1");
            setText(execution, "B2", zh ? "验收测试" : "Acceptance test");
            setNumber(execution, "D2", today - 10);
            setText(execution, "F2", zh ? "存在延迟" : "Delayed");
            toolkit()->refreshReview(component(doc), "");
            const auto review = byNameOrThrow(doc, sheetName);
            const auto titles = chartTitles(review);
            ASSERT_EQ(titles.size(), 2u) << lang;
            EXPECT_EQ(titles.at("DealSheetStages"), stageTitle);
            EXPECT_EQ(titles.at("DealSheetOwners"), ownerTitle);

            // Headings stand out; the delayed milestone's planned date is a date.
            EXPECT_GT(Reference<css::beans::XPropertySet>(cell(review, "A1"), UNO_QUERY_THROW)
                          ->getPropertyValue("CharHeight")
                          .get<float>(),
                      12.0f);
            const auto area = usedArea(review);
            const auto last = "D" + std::to_string(area.EndRow + 1);
            EXPECT_EQ(valueOf(review, last), today - 10) << last;
            EXPECT_EQ(textOf(review, last).size(), 10u) << textOf(review, last);  // YYYY-MM-DD

            // A landscape page of its own, one page wide, over the tables and the charts.
            rtl::OUString pageStyle;
            Reference<css::beans::XPropertySet>(review, UNO_QUERY_THROW)
                ->getPropertyValue("PageStyle") >>= pageStyle;
            EXPECT_EQ(toUtf8(pageStyle), "DealSheet Review");
            const auto families =
                Reference<css::style::XStyleFamiliesSupplier>(doc, UNO_QUERY_THROW)
                    ->getStyleFamilies();
            Reference<css::beans::XPropertySet> style(
                Reference<css::container::XNameAccess>(families->getByName("PageStyles"),
                                                       UNO_QUERY_THROW)
                    ->getByName(pageStyle),
                UNO_QUERY_THROW);
            EXPECT_EQ(style->getPropertyValue("ScaleToPagesX").get<sal_Int16>(), 1);
            EXPECT_TRUE(style->getPropertyValue("IsLandscape").get<bool>());
            const auto printAreas =
                Reference<css::sheet::XPrintAreas>(review, UNO_QUERY_THROW)->getPrintAreas();
            ASSERT_EQ(printAreas.getLength(), 1);
            EXPECT_EQ(printAreas[0].StartColumn, 0);
            EXPECT_GE(printAreas[0].EndColumn, 8);  // the charts right of columns A-D
            EXPECT_GE(printAreas[0].EndRow, area.EndRow);
            close(doc);
        }
    });
}

TEST(RefreshReview, CountsMatchTheSampleAndOnlyTheReviewChanges) {
    unoGuard([&] {
        const auto doc = loadCopy(std::string(DEALSHEET_WORKBOOKS) + "/sample-zh.ods");
        const auto customers = byNameOrThrow(doc, "客户信息登记表");
        const auto before = formulas(customers, "A1:S60");
        toolkit()->refreshReview(component(doc), "");
        const auto review = byNameOrThrow(doc, "月度复盘");
        const auto data = Reference<css::sheet::XCellRangeData>(
                              Reference<css::table::XCellRange>(review, UNO_QUERY_THROW)
                                  ->getCellRangeByName("A1:D80"),
                              UNO_QUERY_THROW)
                              ->getDataArray();
        // Expected: stages counted straight from the register.
        std::map<std::string, int> stages;
        const auto register_ = Reference<css::sheet::XCellRangeData>(
                                   Reference<css::table::XCellRange>(customers, UNO_QUERY_THROW)
                                       ->getCellRangeByName("C2:P200"),
                                   UNO_QUERY_THROW)
                                   ->getDataArray();
        for (const auto& r : register_) {
            rtl::OUString name, stage;
            if ((r[0] >>= name) && !name.isEmpty() && (r[13] >>= stage)) ++stages[toUtf8(stage)];
        }
        int checked = 0;
        for (const auto& r : data) {
            rtl::OUString label;
            double count = -1;
            if ((r[0] >>= label) && (r[1] >>= count) && stages.count(toUtf8(label)) &&
                label != "跟进中") {
                EXPECT_EQ(count, stages[toUtf8(label)]) << toUtf8(label);
                ++checked;
            }
        }
        EXPECT_EQ(checked, 7);  // every stage has its row
        EXPECT_EQ(Reference<css::table::XTableChartsSupplier>(review, UNO_QUERY_THROW)
                      ->getCharts()
                      ->getElementNames()
                      .getLength(),
                  2);
        EXPECT_EQ(formulas(customers, "A1:S60"), before);

        // Rebuilding replaces, and a chosen month works.
        toolkit()->refreshReview(component(doc), "2026-01");
        EXPECT_EQ(textOf(review, "B1"), "2026-01");
        EXPECT_EQ(Reference<css::table::XTableChartsSupplier>(review, UNO_QUERY_THROW)
                      ->getCharts()
                      ->getElementNames()
                      .getLength(),
                  2);
        EXPECT_THROW(toolkit()->refreshReview(component(doc), "January"),
                     css::lang::IllegalArgumentException);
        close(doc);
    });
}

// A review sheet the user named in English, in any case, is refilled in English.
TEST(RefreshReview, AnEnglishNamedReviewIsRefilledInEnglish) {
    unoGuard([&] {
        const auto doc = loadCopy(std::string(DEALSHEET_WORKBOOKS) + "/sample-zh.ods");
        doc->getSheets()->insertNewByName("monthly review", 0);
        toolkit()->refreshReview(component(doc), "2026-01");
        const auto review = byNameOrThrow(doc, "monthly review");
        const auto data = Reference<css::sheet::XCellRangeData>(
                              Reference<css::table::XCellRange>(review, UNO_QUERY_THROW)
                                  ->getCellRangeByName("A1:A40"),
                              UNO_QUERY_THROW)
                              ->getDataArray();
        std::string labels;
        for (const auto& r : data) {
            rtl::OUString label;
            if (r[0] >>= label) labels += toUtf8(label) + "|";
        }
        EXPECT_NE(labels.find("New customers this month"), std::string::npos) << labels;
        EXPECT_EQ(labels.find("本月新增客户"), std::string::npos) << labels;
        EXPECT_FALSE(doc->getSheets()->hasByName("月度复盘")) << "no second review sheet";
        close(doc);
    });
}

// The Basic macro of docs/macro-api.md (docs/validate-all.bas), run as a user would run it.
TEST(MacroApi, ReadmeMacroValidatesEveryOpenWorkbook) {
    unoGuard([&] {
        const auto sample = loadCopy(std::string(DEALSHEET_WORKBOOKS) + "/sample-zh.ods");
        // A read-only workbook is skipped with a word, not an error that stops the macro.
        const std::string lockedPath = Office::get().workDir() + "/locked-copy.ods";
        storeAs(sample, lockedPath, "calc8");
        const auto locked = loadComponent(fileUrl(lockedPath), false, true);
        const auto host = newSpreadsheet();
        const std::string text =
            runBasic(host, "DealSheetMacro",
                     readFile(std::string(DEALSHEET_SOURCE_DIR) + "/docs/validate-all.bas"),
                     "ValidateAllOpenWorkbooks");
        EXPECT_NE(text.find("errors"), std::string::npos) << text;
        EXPECT_NE(text.find("sample-zh"), std::string::npos) << text;
        EXPECT_NE(text.find("locked-copy.ods (read-only): read-only, not validated"),
                  std::string::npos)
            << text;
        close(host);
        close(sample);
        Reference<css::util::XCloseable>(locked, UNO_QUERY_THROW)->close(true);
    });
}

TEST(Commands, AssignAndReviewThroughTheToolbarCommands) {
    unoGuard([&] {
        const auto doc = newSpreadsheet();
        toolkit()->insertTemplates(component(doc), "zh");
        const auto customers = byNameOrThrow(doc, "客户信息登记表");
        setNumber(customers, "B2", on(2025, 3, 4));
        setText(customers, "C2", "甲");
        const auto frame =
            Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
        const auto helper = css::frame::DispatchHelper::create(Office::get().context());
        const Reference<css::frame::XDispatchProvider> provider(frame, UNO_QUERY_THROW);
        helper->executeDispatch(provider, "org.dealsheet.calc:AssignCustomerNumbers", "", 0, {});
        EXPECT_EQ(textOf(customers, "A2"), "202503-001");
        css::uno::Sequence<css::beans::PropertyValue> args(1);
        args.getArray()[0].Name = "Month";
        args.getArray()[0].Value <<= toOUString("2025-03");
        helper->executeDispatch(provider, "org.dealsheet.calc:RefreshReview", "", 0, args);
        const auto review = byNameOrThrow(doc, "月度复盘");
        EXPECT_EQ(textOf(review, "B1"), "2025-03");
        EXPECT_EQ(valueOf(review, "B3"), 1);  // one new customer in March 2025
        close(doc);
    });
}

// Every Toolkit method from Basic, as a user's macro would call them.
TEST(MacroApi, EveryMethodFromBasic) {
    unoGuard([&] {
        const auto host = newSpreadsheet();
        const std::string text = runBasic(host, "AllMethods", R"BAS(
Function RunAll() As String
    Dim t As Object, doc As Object, s As Object, n As Long
    t = createUnoService("org.dealsheet.calc.Toolkit")
    doc = ThisComponent
    n = t.insertTemplates(doc, "en")
    doc.Sheets.getByName("Customers").getCellRangeByName("B2").Value = DateSerial(2025, 3, 4)
    doc.Sheets.getByName("Customers").getCellRangeByName("C2").String = "Acme"
    RunAll = n & "|" & t.assignCustomerNumbers(doc)
    s = t.validate(doc)
    RunAll = RunAll & "|" & s.SheetsChecked & "|" & (s.Errors > 0)
    t.refreshReview(doc, "2025-03")
    t.clearMarks(doc)
    RunAll = RunAll & "|" & doc.Sheets.hasByName("Validation Report") & "|" & doc.Sheets.getByName("Customers").getCellRangeByName("A2").String
End Function
)BAS",
                                          "RunAll");
        EXPECT_EQ(text, "11|1|9|True|False|202503-001");
        close(host);
    });
}
