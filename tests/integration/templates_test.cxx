// Insert template sheets in a real Calc: every sheet and column of the schema, drop-downs,
// formulas computing, the user's own sheets untouched, one undo step.
#include <gtest/gtest.h>

#include <filesystem>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/ValidationType.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XConditionalFormats.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetCondition.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/theMacroExpander.hpp>
#include <org/dealsheet/calc/XToolkit.hpp>
#include <osl/file.hxx>
#include <rtl/uri.hxx>

#include "core/workbook/layout.hpp"
#include "core/workbook/schema.hpp"
#include "office.hxx"
#include "uno_helpers.hxx"

using namespace dealsheet::test;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using dealsheet::Lang;
using dealsheet::productSchema;

namespace {

Reference<css::sheet::XSpreadsheet> byName(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                           const std::string& name) {
    return Reference<css::sheet::XSpreadsheet>(doc->getSheets()->getByName(toOUString(name)),
                                               UNO_QUERY_THROW);
}

// Everything a user typed: the formula (or constant) of every cell of a block.
std::vector<std::string> snapshot(const Reference<css::sheet::XSpreadsheet>& sheet,
                                  const std::string& block) {
    const auto range = Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                           ->getCellRangeByName(toOUString(block));
    std::vector<std::string> cells;
    for (const auto& row :
         Reference<css::sheet::XCellRangeFormula>(range, UNO_QUERY_THROW)->getFormulaArray())
        for (const auto& c : row) cells.push_back(toUtf8(c));
    return cells;
}

void checkSheetsOfSchema(const Reference<css::sheet::XSpreadsheetDocument>& doc, Lang lang) {
    for (const auto& schemaSheet : productSchema().sheets()) {
        const std::string name = schemaSheet.name.in(lang);
        ASSERT_TRUE(doc->getSheets()->hasByName(toOUString(name))) << name;
        const auto sheet = byName(doc, name);
        if (schemaSheet.kind != dealsheet::SheetKind::Data) continue;
        for (std::size_t i = 0; i < schemaSheet.columns.size(); ++i) {
            const auto& column = schemaSheet.columns[i];
            const std::string header = dealsheet::cellAddress(static_cast<int>(i), 0);
            EXPECT_EQ(textOf(sheet, header), column.header.in(lang)) << name << " " << header;
            const std::string second = dealsheet::cellAddress(static_cast<int>(i), 1);
            if (column.list) {
                Reference<css::beans::XPropertySet> validation(
                    Reference<css::beans::XPropertySet>(cell(sheet, second), UNO_QUERY_THROW)
                        ->getPropertyValue("Validation"),
                    UNO_QUERY_THROW);
                css::sheet::ValidationType type;
                validation->getPropertyValue("Type") >>= type;
                EXPECT_EQ(type, css::sheet::ValidationType_LIST) << name << " " << second;
                const std::string list =
                    toUtf8(Reference<css::sheet::XSheetCondition>(validation, UNO_QUERY_THROW)
                               ->getFormula1());
                EXPECT_NE(list.find(column.list->values.front().text.in(lang)), std::string::npos)
                    << list;
            }
            if (!column.formula.empty()) {
                EXPECT_FALSE(toUtf8(cell(sheet, second)->getFormula()).empty()) << second;
            }
        }
    }
}

}  // namespace

TEST(InsertTemplates, EmptyDocumentGetsEverySheetInChinese) {
    unoGuard([&] {
        const auto doc = newSpreadsheet();
        EXPECT_EQ(toolkit()->insertTemplates(component(doc), "zh"),
                  static_cast<sal_Int32>(productSchema().sheets().size()));
        checkSheetsOfSchema(doc, Lang::Zh);

        // Computed columns work: a lead grade and an overdue action.
        const auto customers = byName(doc, "客户信息登记表");
        setNumber(customers, "L2", 80);
        setNumber(customers, "M2", 5);
        setNumber(customers, "N2", 2);
        const auto actions = byName(doc, "跟进行动表");
        setFormula(actions, "G2", "=TODAY()-3");
        setText(actions, "H2", "进行中");
        setFormula(actions, "G3", "=TODAY()+1");
        setText(actions, "H3", "未开始");
        const auto approvals = byName(doc, "合同审批表");
        setText(approvals, "I2", "同意");
        setText(approvals, "J2", "修改后同意");
        setText(approvals, "K2", "同意");
        recalculate(doc);
        EXPECT_EQ(textOf(customers, "O2"), "A");
        EXPECT_EQ(textOf(customers, "O3"), "");  // empty row: no grade
        EXPECT_EQ(textOf(actions, "J2"), "已逾期");
        EXPECT_EQ(valueOf(actions, "K2"), 3);
        EXPECT_EQ(textOf(actions, "J3"), "即将到期");
        EXPECT_EQ(textOf(actions, "J4"), "");
        EXPECT_EQ(valueOf(actions, "K3"), 0);  // open, not late yet
        EXPECT_EQ(textOf(actions, "K4"), "");  // an empty row has no days overdue
        EXPECT_EQ(textOf(actions, "K1001"), "");
        EXPECT_EQ(textOf(approvals, "M2"), "修改后通过");
        EXPECT_EQ(textOf(approvals, "M3"), "审批中");

        // Lead grades and due states are highlighted by conditional formats of their own.
        // (跟进行动表: one for 到期提醒, one for 逾期天数.)
        for (const auto& [name, count] :
             {std::pair{"客户信息登记表", 1}, std::pair{"跟进行动表", 2}}) {
            Reference<css::sheet::XConditionalFormats> formats(
                Reference<css::beans::XPropertySet>(byName(doc, name), UNO_QUERY_THROW)
                    ->getPropertyValue("ConditionalFormats"),
                UNO_QUERY_THROW);
            EXPECT_EQ(formats->getConditionalFormats().getLength(), count) << name;
        }

        // Settings defaults are what the formulas read.
        const auto settings = byName(doc, "设置");
        EXPECT_EQ(valueOf(settings, "B2"), 50);
        setNumber(settings, "B2", 90);  // budget threshold up: 80 no longer counts
        recalculate(doc);
        EXPECT_EQ(textOf(customers, "O2"), "B");

        // A second run adds nothing.
        EXPECT_EQ(toolkit()->insertTemplates(component(doc), "zh"), 0);
        close(doc);
    });
}

TEST(InsertTemplates, EnglishSheets) {
    unoGuard([&] {
        const auto doc = newSpreadsheet();
        toolkit()->insertTemplates(component(doc), "en");
        checkSheetsOfSchema(doc, Lang::En);
        const auto actions = byName(doc, "Actions");
        setFormula(actions, "G2", "=TODAY()-1");
        setText(actions, "H2", "In progress");
        recalculate(doc);
        EXPECT_EQ(textOf(actions, "J2"), "Overdue");
        close(doc);
    });
}

TEST(InsertTemplates, ExistingSheetsAreNeverChanged) {
    unoGuard([&] {
        const auto doc = newSpreadsheet();
        auto sheets = doc->getSheets();
        sheets->insertNewByName("Customers", 1);  // DealSheet sheet in the other language
        sheets->insertNewByName(toOUString("我的统计"), 2);  // the user's own sheet
        const auto customers = byName(doc, "Customers");
        setText(customers, "A1", "My own header");
        setText(customers, "A2", "202401-001");
        setFormula(customers, "B2", "=1+1");
        const auto mine = byName(doc, "我的统计");
        setText(mine, "A1", "销售额");
        setNumber(mine, "B1", 12.5);
        setFormula(mine, "C1", "=B1*2");
        const auto customersBefore = snapshot(customers, "A1:Z50");
        const auto mineBefore = snapshot(mine, "A1:Z50");
        const auto firstBefore = snapshot(sheetAt(doc, 0), "A1:Z50");

        const sal_Int32 added = toolkit()->insertTemplates(component(doc), "zh");
        EXPECT_EQ(added, static_cast<sal_Int32>(productSchema().sheets().size()) - 1);
        EXPECT_FALSE(doc->getSheets()->hasByName(toOUString("客户信息登记表")));
        EXPECT_EQ(snapshot(customers, "A1:Z50"), customersBefore);
        EXPECT_EQ(snapshot(mine, "A1:Z50"), mineBefore);
        EXPECT_EQ(snapshot(sheetAt(doc, 0), "A1:Z50"), firstBefore);
        // Customers numbers in the user's English sheet are referenced by name.
        EXPECT_TRUE(doc->getSheets()->hasByName(toOUString("跟进行动表")));
        close(doc);
    });
}

// Calc's undo of a sheet insertion needs a view of the document: a visible one.
TEST(InsertTemplates, IsOneUndoStep) {
    unoGuard([&] {
        const auto doc = newSpreadsheet(true);
        const auto before = sheetNamesOf(doc);
        toolkit()->insertTemplates(component(doc), "en");
        ASSERT_GT(sheetNamesOf(doc).size(), before.size());
        const auto undo =
            Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager();
        undo->undo();
        EXPECT_EQ(sheetNamesOf(doc), before);
        close(doc);
    });
}

TEST(InsertTemplates, WriterDocumentGetsAClearError) {
    unoGuard([&] {
        const auto writer = loadComponent("private:factory/swriter");
        try {
            toolkit()->insertTemplates(Reference<css::lang::XComponent>(writer, UNO_QUERY_THROW),
                                       "zh");
            ADD_FAILURE() << "a Writer document must be refused";
        } catch (const css::lang::IllegalArgumentException& e) {
            EXPECT_NE(toUtf8(e.Message).find("Calc"), std::string::npos);
        }
        Reference<css::util::XCloseable>(writer, UNO_QUERY_THROW)->close(true);
    });
}

TEST(InsertTemplates, ThroughTheToolbarCommand) {
    unoGuard([&] {
        const auto doc = newSpreadsheet();
        const auto frame =
            Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
        const auto helper = css::frame::DispatchHelper::create(Office::get().context());
        css::uno::Sequence<css::beans::PropertyValue> args(1);
        args.getArray()[0].Name = "Language";
        args.getArray()[0].Value <<= toOUString("en");
        helper->executeDispatch(Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW),
                                "org.dealsheet.calc:InsertTemplates", "", 0, args);
        checkSheetsOfSchema(doc, Lang::En);
        close(doc);
    });
}

TEST(Templates, AreInTheOfficeTemplatePaths) {
    unoGuard([&] {
        Reference<css::beans::XPropertySet> paths(
            Office::get().serviceManager()->createInstanceWithContext(
                "com.sun.star.util.PathSettings", Office::get().context()),
            UNO_QUERY_THROW);
        rtl::OUString all;
        paths->getPropertyValue("Template") >>= all;
        const auto expander = css::util::theMacroExpander::get(Office::get().context());
        bool found = false;
        for (sal_Int32 index = 0; index >= 0;) {
            rtl::OUString url = all.getToken(0, ';', index);
            if (url.startsWith("vnd.sun.star.expand:")) {
                url =
                    rtl::Uri::decode(url.copy(20), rtl_UriDecodeWithCharset, RTL_TEXTENCODING_UTF8);
                url = expander->expandMacros(url);
            }
            rtl::OUString path;
            if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
                continue;
            found = found || std::filesystem::exists(toUtf8(path) + "/DealSheet-zh.ots");
        }
        EXPECT_TRUE(found) << toUtf8(all);
    });
}

TEST(Templates, OpenWithEverySheet) {
    unoGuard([&] {
        for (const auto& [file, lang] :
             {std::pair{"DealSheet-zh.ots", Lang::Zh}, {"DealSheet-en.ots", Lang::En}}) {
            const auto doc = loadCopy(std::string(DEALSHEET_WORKBOOKS) + "/templates/" + file);
            EXPECT_EQ(sheetNamesOf(doc).size(), productSchema().sheets().size()) << file;
            checkSheetsOfSchema(doc, lang);
            close(doc);
        }
    });
}

TEST(SampleWorkbook, ComputesWithoutErrorValues) {
    unoGuard([&] {
        const auto doc = loadCopy(std::string(DEALSHEET_WORKBOOKS) + "/sample-zh.ods");
        recalculate(doc);
        for (const auto& name : sheetNamesOf(doc)) {
            const auto sheet = byName(doc, name);
            const auto errors = Reference<css::sheet::XCellRangesQuery>(sheet, UNO_QUERY_THROW)
                                    ->queryFormulaCells(css::sheet::FormulaResult::ERROR);
            EXPECT_EQ(toUtf8(errors->getRangeAddressesAsString()), "") << name;
        }
        const auto customers = byName(doc, "客户信息登记表");
        EXPECT_FALSE(textOf(customers, "C31").empty());  // at least 30 customers
        EXPECT_EQ(textOf(customers, "A2").size(), 10u);  // a generated YYYYMM-NNN
        close(doc);
    });
}

// Column widths fit the sample's own values: the schema's width of every column is at least
// Calc's optimal width for the sample's values (the header wraps and does not count), up to
// kWidthCap for long free text. The schema's widths were set from this measurement.
TEST(SampleWorkbook, ColumnWidthsFitTheValues) {
    constexpr sal_Int32 kWidthCap = 8000;  // 1/100 mm
    constexpr sal_Int32 kTolerance = 150;  // 1.5 mm: fonts differ a little between machines
    unoGuard([&] {
        const auto doc = loadCopy(std::string(DEALSHEET_WORKBOOKS) + "/sample-zh.ods");
        for (const auto& schemaSheet : productSchema().sheets()) {
            if (schemaSheet.kind != dealsheet::SheetKind::Data) continue;
            const auto sheet = byName(doc, schemaSheet.name.zh);
            const auto columns =
                Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)->getColumns();
            for (std::size_t i = 0; i < schemaSheet.columns.size(); ++i) {
                Reference<css::beans::XPropertySet> column(
                    columns->getByIndex(static_cast<sal_Int32>(i)), UNO_QUERY_THROW);
                sal_Int32 width = 0, optimal = 0;
                column->getPropertyValue("Width") >>= width;
                column->setPropertyValue("OptimalWidth", css::uno::Any(true));
                column->getPropertyValue("Width") >>= optimal;
                EXPECT_GE(width + kTolerance, std::min(optimal, kWidthCap))
                    << schemaSheet.name.zh << " " << schemaSheet.columns[i].header.zh;
            }
        }
        close(doc);
    });
}
