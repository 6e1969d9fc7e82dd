// Checking as you type (SPEC §11) in a real Calc: checkWorkbook and getFindings (XToolkit3),
// findings following what is typed through the view (.uno:EnterString), as a user types.
#include <gtest/gtest.h>

#include <set>

#include <com/sun/star/frame/XModel.hpp>
#include <org/dealsheet/calc/XToolkit3.hpp>

#include "office.hxx"
#include "uno_helpers.hxx"

using namespace dealsheet::test;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

Reference<org::dealsheet::calc::XToolkit3> toolkit3() {
    return Reference<org::dealsheet::calc::XToolkit3>(toolkit(), UNO_QUERY_THROW);
}

// "RULE Sheet.Cell" of every finding inside `range`.
std::set<std::string> findings(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                               const std::string& range = "") {
    std::set<std::string> out;
    for (const auto& f : toolkit3()->getFindings(component(doc), toOUString(range)))
        out.insert(toUtf8(f.Code) + " " + toUtf8(f.Sheet) + "." + toUtf8(f.Cell));
    return out;
}

// One clean English register row (row 2) and one action referring to it.
Reference<css::sheet::XSpreadsheetDocument> cleanWorkbook() {
    const auto doc = newSpreadsheet();
    toolkit()->insertTemplates(component(doc), "en");
    typeRows(doc, byNameOrThrow(doc, "Customers"),
             {{"202501-001", "2025-01-04", "Acme", "Retail", "", "Li Na", "", "", "li@acme.cn", "",
               "CRM", "", "", "", "", "Lead", "", "Wang"}},
             1);
    typeRows(doc, byNameOrThrow(doc, "Actions"),
             {{"XD-1", "202501-001", "", "Call back", "Wang", "2025-01-04", "2099-01-10",
               "In progress"}},
             1);
    return doc;
}

}  // namespace

TEST(LiveCheck, CheckWorkbookKeepsFindingsWithoutAReportSheet) {
    unoGuard([&] {
        const auto doc = cleanWorkbook();
        const auto customers = byNameOrThrow(doc, "Customers");
        setText(customers, "C3", "Beta");  // a second row, most of it blank
        const auto summary = toolkit3()->checkWorkbook(component(doc));
        EXPECT_GT(summary.Errors, 0);
        for (const auto& name : sheetNamesOf(doc)) EXPECT_NE(name, "Validation Report");
        const auto inRow3 = findings(doc, "Customers.A3:Z3");
        EXPECT_TRUE(inRow3.count("REQUIRED Customers.A3"));
        EXPECT_TRUE(inRow3.count("REQUIRED Customers.F3"));
        EXPECT_EQ(findings(doc, "Customers.A2:Z2"), std::set<std::string>{});
        EXPECT_EQ(findings(doc, "Customers.C3"), std::set<std::string>{});
        EXPECT_EQ(findings(doc, "Customers"), inRow3);
        EXPECT_EQ(findings(doc, ""), inRow3);
        EXPECT_THROW(toolkit3()->getFindings(component(doc), "NoSuchSheet.A1"),
                     css::lang::IllegalArgumentException);
        toolkit3()->writeReport(component(doc));
        const auto names = sheetNamesOf(doc);
        EXPECT_NE(std::find(names.begin(), names.end(), "Validation Report"), names.end());
        toolkit()->clearMarks(component(doc));
        EXPECT_EQ(findings(doc), std::set<std::string>{});  // forgotten with the marks
        close(doc);
    });
}

TEST(LiveCheck, CustomerCardListsTheRegisterRow) {
    unoGuard([&] {
        const auto doc = cleanWorkbook();
        std::vector<std::string> lines;
        for (const auto& line : toolkit3()->customerCard(component(doc), "202501-001"))
            lines.push_back(toUtf8(line));
        ASSERT_FALSE(lines.empty());
        // The Customer panel's card (src/core/customer), in the office's language.
        EXPECT_EQ(lines.front(), "202501-001 Acme");
        EXPECT_NE(std::find(lines.begin(), lines.end(), "【Register entry】"), lines.end());
        EXPECT_EQ(toolkit3()->customerCard(component(doc), "209912-999").getLength(), 0);
        close(doc);
    });
}
