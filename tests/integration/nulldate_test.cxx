// A document whose null date is 1904: the functions count its dates from there.
// Its own office with this one document: Calc hands an add-in the *current* document as its
// caller (the hidden first argument), which with several documents open is not always the one
// being calculated (seen with LibreOffice 7.4; docs/developing.md, Known limits).
#include <gtest/gtest.h>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/util/Date.hpp>

#include "office.hxx"
#include "uno_helpers.hxx"

using namespace dealsheet::test;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

TEST(NullDate1904, FunctionsCountDatesFromTheDocumentsNullDate) {
    unoGuard([&] {
        const auto doc = newSpreadsheet();
        Reference<css::beans::XPropertySet>(doc, UNO_QUERY_THROW)
            ->setPropertyValue("NullDate", css::uno::Any(css::util::Date(1, 1, 1904)));
        const auto sheet = sheetAt(doc, 0);
        setFormula(sheet, "A1", "=CUSTOMERNO(DATE(2024;5;3);1)");
        setFormula(sheet, "A2", "=DUESTATUS(DATE(2024;6;9);;;DATE(2024;6;10);;\"en\")");
        setFormula(sheet, "A3", "=ISCUSTOMERNO(\"202405-001\";DATE(2024;5;31))");
        recalculate(doc);
        EXPECT_EQ(textOf(sheet, "A1"), "202405-001");
        EXPECT_EQ(textOf(sheet, "A2"), "Overdue");
        EXPECT_EQ(valueOf(sheet, "A3"), 1);
        close(doc);
    });
}
