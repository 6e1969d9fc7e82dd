// The UNO boundary: DealSheet's components are called with documents that fail. The fake
// documents below live in this test process and are reached by the office over the bridge, so
// every call DealSheet makes on them is a real UNO call that can throw or answer nonsense
// (ragged arrays, odd types, addresses out of the sheet). Each command must answer with a UNO
// exception or a result, and the office must keep running and keep working.
#include <gtest/gtest.h>

#include <functional>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/implbase3.hxx>
#include <cppuhelper/implbase6.hxx>
#include <org/dealsheet/calc/XFunctions.hpp>

#include "core/workbook/schema.hpp"
#include "office.hxx"
#include "uno_helpers.hxx"

using namespace dealsheet::test;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

// Where the fake document fails.
enum class Fault {
    Sheets,        // getSheets() throws
    SheetLookup,   // getByName() throws
    Cursor,        // the sheet's createCursor() throws
    DataArray,     // getDataArray() throws
    RaggedData,    // getDataArray() answers rows of every length, and odd types
    WildAddresses  // the range queries answer addresses far outside the sheet
};

[[noreturn]] void fail(const char* where) {
    throw css::uno::RuntimeException(OUString::createFromAscii(where));
}

Sequence<Sequence<Any>> raggedData() {
    const auto& customers = dealsheet::productSchema().sheetOrThrow("customers");
    Sequence<Any> header(static_cast<sal_Int32>(customers.columns.size()));
    for (std::size_t i = 0; i < customers.columns.size(); ++i)
        header.getArray()[i] <<= toOUString(customers.columns[i].header.zh);
    Sequence<Any> odd(6);
    odd.getArray()[0] <<= sal_Int64(202405001);
    odd.getArray()[1] <<= true;
    odd.getArray()[2] <<= Sequence<OUString>(2);
    odd.getArray()[3] <<= Reference<css::uno::XInterface>();
    odd.getArray()[4] <<= sal_Unicode('x');
    odd.getArray()[5] <<= css::uno::Type();
    Sequence<Sequence<Any>> rows(4);
    rows.getArray()[0] = header;
    rows.getArray()[1] = Sequence<Any>();  // an empty row
    rows.getArray()[2] = odd;
    rows.getArray()[3] = Sequence<Any>(500);  // wider than the sheet
    return rows;
}

class FakeRanges : public cppu::WeakImplHelper1<css::sheet::XSheetCellRanges> {
  public:
    Reference<css::container::XEnumerationAccess> SAL_CALL getCells() override { fail("getCells"); }
    OUString SAL_CALL getRangeAddressesAsString() override { return "A1"; }
    Sequence<css::table::CellRangeAddress> SAL_CALL getRangeAddresses() override {
        Sequence<css::table::CellRangeAddress> wild(2);
        wild.getArray()[0] = css::table::CellRangeAddress(0, -7, -1000000, 50000, 2000000000);
        wild.getArray()[1] = css::table::CellRangeAddress(0, 2000000000, 5, -3, 9);
        return wild;
    }
    sal_Int32 SAL_CALL getCount() override { return 0; }
    Any SAL_CALL getByIndex(sal_Int32) override { fail("getByIndex"); }
    css::uno::Type SAL_CALL getElementType() override {
        return cppu::UnoType<css::table::XCellRange>::get();
    }
    sal_Bool SAL_CALL hasElements() override { return false; }
};

class FakeRange
    : public cppu::WeakImplHelper6<css::sheet::XSheetCellCursor, css::sheet::XUsedAreaCursor,
                                   css::sheet::XCellRangeAddressable, css::sheet::XCellRangeData,
                                   css::sheet::XCellRangeFormula, css::sheet::XCellRangesQuery> {
  public:
    explicit FakeRange(Fault fault) : fault_(fault) {}

    // XCellRange
    Reference<css::table::XCell> SAL_CALL getCellByPosition(sal_Int32, sal_Int32) override {
        fail("getCellByPosition");
    }
    Reference<css::table::XCellRange> SAL_CALL getCellRangeByPosition(sal_Int32, sal_Int32,
                                                                      sal_Int32,
                                                                      sal_Int32) override {
        return new FakeRange(fault_);
    }
    Reference<css::table::XCellRange> SAL_CALL getCellRangeByName(const OUString&) override {
        return new FakeRange(fault_);
    }
    // XSheetCellRange
    Reference<css::sheet::XSpreadsheet> SAL_CALL getSpreadsheet() override {
        fail("getSpreadsheet");
    }
    // XSheetCellCursor
    void SAL_CALL collapseToCurrentRegion() override {}
    void SAL_CALL collapseToCurrentArray() override {}
    void SAL_CALL collapseToMergedArea() override {}
    void SAL_CALL expandToEntireColumns() override {}
    void SAL_CALL expandToEntireRows() override {}
    void SAL_CALL collapseToSize(sal_Int32, sal_Int32) override {}
    // XUsedAreaCursor
    void SAL_CALL gotoStartOfUsedArea(sal_Bool) override {}
    void SAL_CALL gotoEndOfUsedArea(sal_Bool) override {}
    // XCellRangeAddressable: a used area of 4 rows and 19 columns
    css::table::CellRangeAddress SAL_CALL getRangeAddress() override {
        return css::table::CellRangeAddress(0, 0, 0, 18, 3);
    }
    // XCellRangeData
    Sequence<Sequence<Any>> SAL_CALL getDataArray() override {
        if (fault_ == Fault::DataArray) fail("getDataArray");
        return raggedData();
    }
    void SAL_CALL setDataArray(const Sequence<Sequence<Any>>&) override { fail("setDataArray"); }
    // XCellRangeFormula
    Sequence<Sequence<OUString>> SAL_CALL getFormulaArray() override { return {}; }
    void SAL_CALL setFormulaArray(const Sequence<Sequence<OUString>>&) override {
        fail("setFormulaArray");
    }
    // XCellRangesQuery
    Reference<css::sheet::XSheetCellRanges> SAL_CALL queryVisibleCells() override {
        return new FakeRanges;
    }
    Reference<css::sheet::XSheetCellRanges> SAL_CALL queryEmptyCells() override {
        return new FakeRanges;
    }
    Reference<css::sheet::XSheetCellRanges> SAL_CALL queryContentCells(sal_Int16) override {
        if (fault_ != Fault::WildAddresses) return {};
        return new FakeRanges;
    }
    Reference<css::sheet::XSheetCellRanges> SAL_CALL queryFormulaCells(sal_Int32) override {
        if (fault_ != Fault::WildAddresses) return {};
        return new FakeRanges;
    }
    Reference<css::sheet::XSheetCellRanges> SAL_CALL
    queryColumnDifferences(const css::table::CellAddress&) override {
        return new FakeRanges;
    }
    Reference<css::sheet::XSheetCellRanges> SAL_CALL
    queryRowDifferences(const css::table::CellAddress&) override {
        return new FakeRanges;
    }
    Reference<css::sheet::XSheetCellRanges> SAL_CALL
    queryIntersection(const css::table::CellRangeAddress&) override {
        return new FakeRanges;
    }

  protected:
    Fault fault_;
};

class FakeSheet
    : public cppu::WeakImplHelper2<css::sheet::XSpreadsheet, css::sheet::XCellRangeAddressable> {
  public:
    explicit FakeSheet(Fault fault) : fault_(fault) {}
    Reference<css::sheet::XSheetCellCursor> SAL_CALL createCursor() override {
        if (fault_ == Fault::Cursor) fail("createCursor");
        return new FakeRange(fault_);
    }
    Reference<css::sheet::XSheetCellCursor> SAL_CALL
    createCursorByRange(const Reference<css::sheet::XSheetCellRange>&) override {
        return createCursor();
    }
    Reference<css::sheet::XSpreadsheet> SAL_CALL getSpreadsheet() override { return this; }
    Reference<css::table::XCell> SAL_CALL getCellByPosition(sal_Int32, sal_Int32) override {
        fail("getCellByPosition");
    }
    Reference<css::table::XCellRange> SAL_CALL getCellRangeByPosition(sal_Int32, sal_Int32,
                                                                      sal_Int32,
                                                                      sal_Int32) override {
        return new FakeRange(fault_);
    }
    Reference<css::table::XCellRange> SAL_CALL getCellRangeByName(const OUString&) override {
        return new FakeRange(fault_);
    }
    css::table::CellRangeAddress SAL_CALL getRangeAddress() override {
        return css::table::CellRangeAddress(0, 0, 0, 1023, 1048575);
    }

  private:
    Fault fault_;
};

class FakeSheets : public cppu::WeakImplHelper1<css::sheet::XSpreadsheets> {
  public:
    explicit FakeSheets(Fault fault) : fault_(fault) {}
    void SAL_CALL insertNewByName(const OUString&, sal_Int16) override { fail("insertNewByName"); }
    void SAL_CALL moveByName(const OUString&, sal_Int16) override { fail("moveByName"); }
    void SAL_CALL copyByName(const OUString&, const OUString&, sal_Int16) override {
        fail("copyByName");
    }
    void SAL_CALL insertByName(const OUString&, const Any&) override { fail("insertByName"); }
    void SAL_CALL removeByName(const OUString&) override { fail("removeByName"); }
    void SAL_CALL replaceByName(const OUString&, const Any&) override { fail("replaceByName"); }
    Any SAL_CALL getByName(const OUString& name) override {
        if (fault_ == Fault::SheetLookup) fail("getByName");
        if (!hasByName(name)) throw css::container::NoSuchElementException(name);
        return Any(Reference<css::sheet::XSpreadsheet>(new FakeSheet(fault_)));
    }
    Sequence<OUString> SAL_CALL getElementNames() override {
        Sequence<OUString> names(1);
        names.getArray()[0] = toOUString("客户信息登记表");
        return names;
    }
    sal_Bool SAL_CALL hasByName(const OUString& name) override {
        return toUtf8(name) == "客户信息登记表";
    }
    css::uno::Type SAL_CALL getElementType() override {
        return cppu::UnoType<css::sheet::XSpreadsheet>::get();
    }
    sal_Bool SAL_CALL hasElements() override { return true; }

  private:
    Fault fault_;
};

class FakeDocument : public cppu::WeakImplHelper3<css::sheet::XSpreadsheetDocument,
                                                  css::lang::XComponent, css::beans::XPropertySet> {
  public:
    explicit FakeDocument(Fault fault) : fault_(fault) {}
    Reference<css::sheet::XSpreadsheets> SAL_CALL getSheets() override {
        if (fault_ == Fault::Sheets) fail("getSheets");
        return new FakeSheets(fault_);
    }
    void SAL_CALL dispose() override {}
    void SAL_CALL addEventListener(const Reference<css::lang::XEventListener>&) override {}
    void SAL_CALL removeEventListener(const Reference<css::lang::XEventListener>&) override {}
    // Every document property (the null date, ...) fails.
    Reference<css::beans::XPropertySetInfo> SAL_CALL getPropertySetInfo() override {
        fail("getPropertySetInfo");
    }
    void SAL_CALL setPropertyValue(const OUString&, const Any&) override {
        fail("setPropertyValue");
    }
    Any SAL_CALL getPropertyValue(const OUString&) override { fail("getPropertyValue"); }
    void SAL_CALL addPropertyChangeListener(
        const OUString&, const Reference<css::beans::XPropertyChangeListener>&) override {}
    void SAL_CALL removePropertyChangeListener(
        const OUString&, const Reference<css::beans::XPropertyChangeListener>&) override {}
    void SAL_CALL addVetoableChangeListener(
        const OUString&, const Reference<css::beans::XVetoableChangeListener>&) override {}
    void SAL_CALL removeVetoableChangeListener(
        const OUString&, const Reference<css::beans::XVetoableChangeListener>&) override {}

  private:
    Fault fault_;
};

// The office still answers and DealSheet still works on a real document.
void expectOfficeWorks() {
    const auto doc = newSpreadsheet();
    EXPECT_EQ(toolkit()->insertTemplates(component(doc), "zh"),
              static_cast<sal_Int32>(dealsheet::productSchema().sheets().size()));
    EXPECT_GE(toolkit()->validate(component(doc)).SheetsChecked, 1);
    close(doc);
}

int failuresAnswered = 0;

// Runs `call`; it may succeed or throw a UNO exception with a message, nothing else.
void expectAnswer(const std::string& what, const std::function<void()>& call) {
    try {
        call();
    } catch (const css::uno::Exception& e) {
        EXPECT_FALSE(e.Message.isEmpty()) << what;
        ++failuresAnswered;
    }
}

}  // namespace

class Boundary : public ::testing::TestWithParam<Fault> {};

TEST_P(Boundary, EveryCommandAnswersAndTheOfficeKeepsRunning) {
    unoGuard([&] {
        const Reference<css::lang::XComponent> fake(new FakeDocument(GetParam()));
        const auto kit = toolkit();
        expectAnswer("validate", [&] { kit->validate(fake); });
        expectAnswer("insertTemplates", [&] { kit->insertTemplates(fake, "zh"); });
        expectAnswer("assignCustomerNumbers", [&] { kit->assignCustomerNumbers(fake); });
        expectAnswer("refreshReview", [&] { kit->refreshReview(fake, "2026-11"); });
        expectAnswer("clearMarks", [&] { kit->clearMarks(fake); });
        expectOfficeWorks();
    });
}

INSTANTIATE_TEST_SUITE_P(Faults, Boundary,
                         ::testing::Values(Fault::Sheets, Fault::SheetLookup, Fault::Cursor,
                                           Fault::DataArray, Fault::RaggedData,
                                           Fault::WildAddresses));

// The add-in functions with a failing document and arguments of every odd type.
TEST(Boundary, FunctionsAnswerFailingDocumentsAndOddArguments) {
    unoGuard([&] {
        const Reference<org::dealsheet::calc::XFunctions> functions(
            Office::get().serviceManager()->createInstanceWithContext(
                "org.dealsheet.calc.Functions", Office::get().context()),
            UNO_QUERY_THROW);
        const Reference<css::beans::XPropertySet> failing(new FakeDocument(Fault::Sheets));
        std::vector<Any> odd;
        odd.emplace_back();
        odd.emplace_back(sal_Int64(-1));
        odd.emplace_back(1.0e308);
        odd.emplace_back(-1.0e308);
        odd.emplace_back(toOUString(std::string(40000, '9')));
        odd.emplace_back(raggedData());
        odd.emplace_back(Sequence<Sequence<Any>>());
        odd.emplace_back(Reference<css::uno::XInterface>(failing, UNO_QUERY_THROW));
        odd.emplace_back(true);
        const Sequence<Sequence<Any>> grid = raggedData();
        const Sequence<Sequence<Any>> empty;
        int calls = 0;
        for (const auto& document : {Reference<css::beans::XPropertySet>(), failing})
            for (const auto& a : odd) {
                expectAnswer("customerNo", [&] { functions->customerNo(document, a, a); });
                expectAnswer("nextCustomerNo",
                             [&] { functions->nextCustomerNo(document, a, grid); });
                expectAnswer("isCustomerNo", [&] { functions->isCustomerNo(document, a, a); });
                expectAnswer("leadGrade",
                             [&] { functions->leadGrade(document, a, a, a, a, a, a); });
                expectAnswer("dueStatus",
                             [&] { functions->dueStatus(document, a, a, a, a, a, a); });
                expectAnswer("daysOverdue", [&] { functions->daysOverdue(document, a, a, a, a); });
                expectAnswer("missingCount", [&] { functions->missingCount(document, grid); });
                expectAnswer("missingFields",
                             [&] { functions->missingFields(document, grid, empty); });
                expectAnswer("approvalResult",
                             [&] { functions->approvalResult(document, grid, a); });
                calls += 9;
            }
        std::printf("BOUNDARY function calls=%d answered-with-exception=%d\n", calls,
                    failuresAnswered);
        expectOfficeWorks();
    });
}
