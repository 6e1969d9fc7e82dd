#include <gtest/gtest.h>

#include "core/sharing/xlsx_lists.hpp"

using dealsheet::withoutListSecondFormulas;

namespace {

// A worksheet part as LibreOffice 7.4 writes it (attributes shortened).
std::string sheet(const std::string& rules) {
    return "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><f>dataValidation</f></c></row>"
           "</sheetData><dataValidations count=\"2\">" +
           rules + "</dataValidations><pageMargins left=\"0.7\"/></worksheet>";
}

const std::string kList =
    "<dataValidation allowBlank=\"true\" operator=\"equal\" sqref=\"P2:P1001\" "
    "type=\"list\"><formula1>&quot;线索获取,需求挖掘&quot;</formula1>";
const std::string kWhole =
    "<dataValidation operator=\"between\" sqref=\"B2\" type=\"whole\"><formula1>1</formula1>"
    "<formula2>10</formula2></dataValidation>";

}  // namespace

TEST(XlsxLists, RemovesTheSecondFormulaOfEveryListRule) {
    const auto fixed =
        withoutListSecondFormulas(sheet(kList + "<formula2>0</formula2></dataValidation>" + kList +
                                        "<formula2>0</formula2></dataValidation>"));
    ASSERT_TRUE(fixed);
    EXPECT_EQ(*fixed, sheet(kList + "</dataValidation>" + kList + "</dataValidation>"));
}

TEST(XlsxLists, KeepsTheSecondFormulaOfOtherRules) {
    const auto fixed = withoutListSecondFormulas(
        sheet(kWhole + kList + "<formula2>0</formula2></dataValidation>"));
    ASSERT_TRUE(fixed);
    EXPECT_EQ(*fixed, sheet(kWhole + kList + "</dataValidation>"));
    EXPECT_FALSE(withoutListSecondFormulas(sheet(kWhole)));
}

TEST(XlsxLists, LeavesAPartWithoutSuchRulesAlone) {
    EXPECT_FALSE(withoutListSecondFormulas(sheet(kList + "</dataValidation>")));
    EXPECT_FALSE(withoutListSecondFormulas("<worksheet><sheetData/></worksheet>"));
    EXPECT_FALSE(withoutListSecondFormulas(""));
    // Cell text that looks like a rule is not inside <dataValidations>.
    EXPECT_FALSE(withoutListSecondFormulas(
        "<worksheet><sheetData><c><is><t>&lt;dataValidation type=\"list\"&gt;</t></is></c>"
        "</sheetData></worksheet>"));
}

TEST(XlsxLists, ReadsAttributesAsXmlWritesThem) {
    const auto fixed = withoutListSecondFormulas(
        sheet("<dataValidation\n\tsqref='A2:A9'\ttype='list'><formula1>$Z$1:$Z$3</formula1>"
              "<formula2>0</formula2></dataValidation><dataValidation sqref=\"C1\"/>"));
    ASSERT_TRUE(fixed);
    EXPECT_EQ(*fixed, sheet("<dataValidation\n\tsqref='A2:A9'\ttype='list'><formula1>$Z$1:$Z$3"
                            "</formula1></dataValidation><dataValidation sqref=\"C1\"/>"));
}

TEST(XlsxLists, TruncatedPartsDoNotCrash) {
    const std::string whole = sheet(kList + "<formula2>0</formula2></dataValidation>");
    for (std::size_t n = 0; n < whole.size(); ++n) {
        const auto fixed = withoutListSecondFormulas(std::string_view(whole).substr(0, n));
        if (fixed) {
            EXPECT_LT(fixed->size(), n);
        }
    }
}
