// The add-in functions in a real Calc: results through real formulas, error values for bad
// arguments, the stored ODF form surviving save and reload, and the Function Wizard texts.
#include <gtest/gtest.h>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/FunctionArgument.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/util/Date.hpp>

#include "core/functions/function_table.hpp"
#include "office.hxx"
#include "uno_helpers.hxx"

using namespace dealsheet::test;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

constexpr int kErr502 = 502;  // IllegalArgumentException from an add-in

class FunctionsInCalc : public ::testing::Test {
  protected:
    void SetUp() override {
        doc = newSpreadsheet();
        sheet = sheetAt(doc, 0);
    }
    void TearDown() override {
        if (doc.is()) close(doc);
    }

    // Puts `formula` in A1 and returns its text; fails on any error value.
    std::string eval(const std::string& formula) {
        setFormula(sheet, "A1", formula);
        recalculate(doc);
        EXPECT_EQ(errorOf(sheet, "A1"), 0) << formula;
        return textOf(sheet, "A1");
    }
    double evalNumber(const std::string& formula) {
        setFormula(sheet, "A1", formula);
        recalculate(doc);
        EXPECT_EQ(errorOf(sheet, "A1"), 0) << formula;
        return valueOf(sheet, "A1");
    }
    int evalError(const std::string& formula) {
        setFormula(sheet, "A1", formula);
        recalculate(doc);
        return errorOf(sheet, "A1");
    }

    Reference<css::sheet::XSpreadsheetDocument> doc;
    Reference<css::sheet::XSpreadsheet> sheet;
};

}  // namespace

TEST_F(FunctionsInCalc, CustomerNo) {
    EXPECT_EQ(eval("=CUSTOMERNO(DATE(2024;5;3);1)"), "202405-001");
    EXPECT_EQ(eval("=CUSTOMERNO(DATE(2024;12;31);999)"), "202412-999");
    EXPECT_EQ(eval("=CUSTOMERNO(DATE(2025;1;1);1000)"), "202501-1000");
    EXPECT_EQ(eval("=CUSTOMERNO(DATE(2024;2;29)+0.5;12)"), "202402-012");
    EXPECT_EQ(evalError("=CUSTOMERNO(DATE(2024;5;3);0)"), kErr502);
    EXPECT_EQ(evalError("=CUSTOMERNO(DATE(2024;5;3);1.5)"), kErr502);
    EXPECT_EQ(evalError("=CUSTOMERNO(\"2024-05-03\";1)"), kErr502);
    EXPECT_EQ(evalError("=CUSTOMERNO(Z99;1)"), kErr502);  // blank date cell
    EXPECT_EQ(evalError("=CUSTOMERNO(DATE(2024;5;3))"), kErr502);
}

TEST_F(FunctionsInCalc, NextCustomerNoOverARange) {
    setText(sheet, "E1", "202405-001");
    setText(sheet, "E2", "202405-009");
    setText(sheet, "E3", "202404-030");
    setText(sheet, "E4", "not a number");
    setNumber(sheet, "E5", 7);
    setText(sheet, "E6", "202412-004");
    EXPECT_EQ(eval("=NEXTCUSTOMERNO(DATE(2024;5;20);E1:E10)"), "202405-010");
    EXPECT_EQ(eval("=NEXTCUSTOMERNO(DATE(2024;6;1);E1:E10)"), "202406-001");
    EXPECT_EQ(eval("=NEXTCUSTOMERNO(DATE(2024;12;31);E1:E10)"), "202412-005");
    EXPECT_EQ(eval("=NEXTCUSTOMERNO(DATE(2025;1;1);E1:E10)"), "202501-001");
    EXPECT_EQ(evalError("=NEXTCUSTOMERNO(\"May\";E1:E10)"), kErr502);
}

TEST_F(FunctionsInCalc, IsCustomerNo) {
    EXPECT_EQ(evalNumber("=ISCUSTOMERNO(\"202405-001\")"), 1);
    EXPECT_EQ(evalNumber("=ISCUSTOMERNO(\"202405-001\";DATE(2024;5;31))"), 1);
    EXPECT_EQ(evalNumber("=ISCUSTOMERNO(\"202405-001\";DATE(2024;6;1))"), 0);
    EXPECT_EQ(evalNumber("=ISCUSTOMERNO(\"202413-001\")"), 0);
    EXPECT_EQ(evalNumber("=ISCUSTOMERNO(202405001)"), 0);
    EXPECT_EQ(evalError("=ISCUSTOMERNO(\"202405-001\";\"June\")"), kErr502);
}

TEST_F(FunctionsInCalc, LeadGrade) {
    EXPECT_EQ(eval("=LEADGRADE(60;4;2)"), "A");
    EXPECT_EQ(eval("=LEADGRADE(10;5;2)"), "B");
    EXPECT_EQ(eval("=LEADGRADE(10;2;2)"), "C");
    EXPECT_EQ(eval("=LEADGRADE(10;2;2;5)"), "B");
    EXPECT_EQ(eval("=LEADGRADE(10;3;3;5;3)"), "A");
    EXPECT_EQ(eval("=LEADGRADE(Z1;Z2;Z3)"), "");  // an empty row has no grade yet
    setNumber(sheet, "Z1", 80);
    EXPECT_EQ(eval("=LEADGRADE(Z1;Z2;Z3)"), "B");
    EXPECT_EQ(evalError("=LEADGRADE(-1;2;2)"), kErr502);
    EXPECT_EQ(evalError("=LEADGRADE(10;9;2)"), kErr502);
    EXPECT_EQ(evalError("=LEADGRADE(\"lots\";4;4)"), kErr502);
}

TEST_F(FunctionsInCalc, DueStatusAndDaysOverdue) {
    const std::string today = "DATE(2024;6;10)";
    EXPECT_EQ(eval("=DUESTATUS(DATE(2024;6;12);;;" + today + ")"), "即将到期");
    EXPECT_EQ(eval("=DUESTATUS(DATE(2024;6;13);\"进行中\";\"\";" + today + ")"), "进行中");
    EXPECT_EQ(eval("=DUESTATUS(DATE(2024;6;9);;;" + today + ")"), "已逾期");
    EXPECT_EQ(eval("=DUESTATUS(DATE(2024;6;9);\"已完成\";;" + today + ")"), "已完成");
    EXPECT_EQ(eval("=DUESTATUS(DATE(2024;6;9);;DATE(2024;6;8);" + today + ")"), "已完成");
    EXPECT_EQ(eval("=DUESTATUS(DATE(2024;6;9);;;" + today + ";;\"en\")"), "Overdue");
    EXPECT_EQ(eval("=DUESTATUS(DATE(2024;6;20);;;" + today + ";10;\"en\")"), "Due soon");
    EXPECT_EQ(eval("=DUESTATUS(DATE(2024;6;20);;;" + today + ";;\"en\")"), "Open");
    EXPECT_EQ(eval("=DUESTATUS(Z1;Z2;Z3;" + today + ")"), "");
    EXPECT_EQ(evalError("=DUESTATUS(\"tomorrow\")"), kErr502);
    EXPECT_EQ(evalError("=DUESTATUS(DATE(2024;6;9);;;;;\"fr\")"), kErr502);
    EXPECT_EQ(evalError("=DUESTATUS(DATE(2024;6;9);;;;-1)"), kErr502);

    EXPECT_EQ(evalNumber("=DAYSOVERDUE(DATE(2024;2;27);;DATE(2024;3;5))"), 7);
    EXPECT_EQ(evalNumber("=DAYSOVERDUE(DATE(2024;2;27);DATE(2024;2;28);DATE(2024;3;5))"), 1);
    EXPECT_EQ(evalNumber("=DAYSOVERDUE(DATE(2024;12;30);;DATE(2025;1;2))"), 3);
    EXPECT_EQ(evalNumber("=DAYSOVERDUE(DATE(2024;6;9);;DATE(2024;6;1))"), 0);
    EXPECT_EQ(evalNumber("=DAYSOVERDUE(DATE(2000;1;1)) > 0"), 1);  // default today
    EXPECT_EQ(evalError("=DAYSOVERDUE(\"x\")"), kErr502);
    // Nothing to count gives an empty cell: no due date, cancelled, completed on time.
    EXPECT_EQ(eval("=DAYSOVERDUE(Z1;Z2;" + today + ")"), "");
    EXPECT_EQ(eval("=DAYSOVERDUE(DATE(2024;6;1);;" + today + ";\"已取消\")"), "");
    EXPECT_EQ(eval("=DAYSOVERDUE(DATE(2024;6;1);DATE(2024;5;30);" + today + ")"), "");
    EXPECT_EQ(eval("=DAYSOVERDUE(DATE(2024;6;1);;" + today + ";\"Done\")"), "");
    EXPECT_EQ(evalNumber("=DAYSOVERDUE(DATE(2024;6;1);;" + today + ";\"进行中\")"), 9);
}

TEST_F(FunctionsInCalc, MissingCountAndFields) {
    setText(sheet, "B1", "联系人");
    setText(sheet, "C1", "职务");
    setText(sheet, "D1", "联系方式");
    setText(sheet, "E1", "预算");
    setText(sheet, "B2", "张三");
    setText(sheet, "D2", "\u3000\u3000");
    setNumber(sheet, "E2", 0);
    EXPECT_EQ(evalNumber("=MISSINGCOUNT(B2:E2)"), 2);
    EXPECT_EQ(eval("=MISSINGFIELDS(B2:E2;B1:E1)"), "职务、联系方式");
    EXPECT_EQ(eval("=MISSINGFIELDS(B1:E1;B1:E1)"), "");
    EXPECT_EQ(evalError("=MISSINGFIELDS(B2:E2;B1:C1)"), kErr502);
}

TEST_F(FunctionsInCalc, ApprovalResult) {
    setText(sheet, "B1", "同意");
    setText(sheet, "C1", "修改后同意");
    setText(sheet, "D1", "同意");
    EXPECT_EQ(eval("=APPROVALRESULT(B1:D1)"), "修改后通过");
    EXPECT_EQ(eval("=APPROVALRESULT(B1:D1;\"en\")"), "Approved with changes");
    setText(sheet, "C1", "同意");
    EXPECT_EQ(eval("=APPROVALRESULT(B1:D1)"), "通过");
    setText(sheet, "C1", "");
    EXPECT_EQ(eval("=APPROVALRESULT(B1:D1)"), "审批中");
    setText(sheet, "D1", "不同意");
    EXPECT_EQ(eval("=APPROVALRESULT(B1:D1)"), "驳回");
    setText(sheet, "D1", "maybe");
    EXPECT_EQ(evalError("=APPROVALRESULT(B1:D1)"), kErr502);
}

TEST_F(FunctionsInCalc, StoredFormSurvivesSaveAndReload) {
    setFormula(sheet, "A1", "=CUSTOMERNO(DATE(2024;5;3);1)");
    setFormula(sheet, "A2", "=LEADGRADE(60;4;2)");
    setFormula(sheet, "A3", "=APPROVALRESULT(B1:D1;\"en\")");
    setText(sheet, "B1", "同意");
    setText(sheet, "C1", "同意");
    setText(sheet, "D1", "同意");
    const auto formulaBefore = toUtf8(cell(sheet, "A1")->getFormula());
    const std::string path = Office::get().workDir() + "/stored.fods";
    storeAs(doc, path, "OpenDocument Spreadsheet Flat XML");
    const std::string xml = readFile(path);
    // ODF keeps the programmatic name: service name and method, upper-cased by Calc.
    EXPECT_NE(xml.find("of:=ORG.DEALSHEET.CALC.FUNCTIONS.CUSTOMERNO(DATE(2024;5;3);1)"),
              std::string::npos);
    EXPECT_NE(xml.find("of:=ORG.DEALSHEET.CALC.FUNCTIONS.LEADGRADE(60;4;2)"), std::string::npos);
    EXPECT_NE(xml.find("of:=ORG.DEALSHEET.CALC.FUNCTIONS.APPROVALRESULT([.B1:.D1];"),
              std::string::npos);

    const std::string ods = Office::get().workDir() + "/stored.ods";
    storeAs(doc, ods, "calc8");
    for (const std::string& file : {path, ods}) {
        const auto reloaded = loadSpreadsheet(file);
        const auto first = sheetAt(reloaded, 0);
        recalculate(reloaded);
        EXPECT_EQ(textOf(first, "A1"), "202405-001") << file;
        EXPECT_EQ(textOf(first, "A2"), "A") << file;
        EXPECT_EQ(textOf(first, "A3"), "Approved") << file;
        EXPECT_EQ(toUtf8(cell(first, "A1")->getFormula()), formulaBefore) << file;
        close(reloaded);
    }
}

// The office's own list of functions, which the Function Wizard shows.
TEST(FunctionWizard, EveryFunctionIsListedWithItsTexts) {
    Reference<css::container::XNameAccess> descriptions(
        Office::get().serviceManager()->createInstanceWithContext(
            "com.sun.star.sheet.FunctionDescriptions", Office::get().context()),
        UNO_QUERY_THROW);
    for (const auto& info : dealsheet::functionTable()) {
        const auto name = toOUString(info.displayName);
        ASSERT_TRUE(descriptions->hasByName(name)) << info.displayName;
        css::uno::Sequence<css::beans::PropertyValue> props;
        descriptions->getByName(name) >>= props;
        std::string description;
        css::uno::Sequence<css::sheet::FunctionArgument> arguments;
        sal_Int32 category = -1;
        for (const auto& p : props) {
            if (p.Name == "Description") {
                rtl::OUString text;
                p.Value >>= text;
                description = toUtf8(text);
            } else if (p.Name == "Arguments") {
                p.Value >>= arguments;
            } else if (p.Name == "Category") {
                p.Value >>= category;
            }
        }
        // The headless office runs in en-US.
        EXPECT_EQ(description, info.description.en) << info.displayName;
        EXPECT_GT(category, 0) << info.displayName;
        ASSERT_EQ(static_cast<std::size_t>(arguments.getLength()), info.arguments.size())
            << info.displayName;
        for (std::size_t i = 0; i < info.arguments.size(); ++i) {
            const auto& argument = arguments[static_cast<sal_Int32>(i)];
            EXPECT_EQ(toUtf8(argument.Name), info.arguments[i].name.en) << info.displayName;
            EXPECT_EQ(toUtf8(argument.Description), info.arguments[i].description.en)
                << info.displayName;
        }
    }
}

TEST(FunctionWizard, AddInServesChineseAndEnglish) {
    Reference<css::sheet::XAddIn> addIn(
        Office::get().serviceManager()->createInstanceWithContext("org.dealsheet.calc.Functions",
                                                                  Office::get().context()),
        UNO_QUERY_THROW);
    for (const auto& [language, country] :
         {std::pair<const char*, const char*>{"zh", "CN"}, {"en", "US"}}) {
        addIn->setLocale(css::lang::Locale(rtl::OUString::createFromAscii(language),
                                           rtl::OUString::createFromAscii(country), ""));
        const auto lang = std::string(language) == "zh" ? dealsheet::Lang::Zh : dealsheet::Lang::En;
        for (const auto& info : dealsheet::functionTable()) {
            const auto method = toOUString(info.method);
            EXPECT_EQ(toUtf8(addIn->getProgrammaticFuntionName(toOUString(info.displayName))),
                      info.method);
            EXPECT_EQ(toUtf8(addIn->getDisplayFunctionName(method)), info.displayName);
            EXPECT_EQ(toUtf8(addIn->getFunctionDescription(method)), info.description.in(lang));
            EXPECT_EQ(toUtf8(addIn->getProgrammaticCategoryName(method)), "DealSheet");
            EXPECT_EQ(toUtf8(addIn->getDisplayCategoryName(method)),
                      lang == dealsheet::Lang::Zh ? "销售管理" : "DealSheet");
            for (std::size_t i = 0; i < info.arguments.size(); ++i) {
                const auto index = static_cast<sal_Int32>(i + 1);  // 0 is the hidden document
                EXPECT_EQ(toUtf8(addIn->getDisplayArgumentName(method, index)),
                          info.arguments[i].name.in(lang));
                EXPECT_EQ(toUtf8(addIn->getArgumentDescription(method, index)),
                          info.arguments[i].description.in(lang));
            }
        }
    }
}
