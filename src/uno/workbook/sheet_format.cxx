#include "uno/workbook/sheet_format.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/ConditionEntryType.hpp>
#include <com/sun/star/sheet/ConditionOperator.hpp>
#include <com/sun/star/sheet/TableValidationVisibility.hpp>
#include <com/sun/star/sheet/ValidationAlertStyle.hpp>
#include <com/sun/star/sheet/ValidationType.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XConditionalFormat.hpp>
#include <com/sun/star/sheet/XConditionalFormats.hpp>
#include <com/sun/star/sheet/XSheetCellRangeContainer.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetCondition.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

#include "uno/workbook/office_util.hxx"
#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {

using css::uno::Any;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

const CellStyleSpec kStyleOverdue{"DealSheet Overdue", 0xFFC7CE, 0x9C0006};
const CellStyleSpec kStyleDueSoon{"DealSheet Due Soon", 0xFFEB9C, 0x9C5700};
const CellStyleSpec kStyleGradeA{"DealSheet Grade A", 0xC6EFCE, 0x006100, true};
const CellStyleSpec kStyleGradeB{"DealSheet Grade B", 0xFFEB9C, 0x9C5700};
const CellStyleSpec kStyleGradeC{"DealSheet Grade C", 0xEDEDED, 0x595959};
const CellStyleSpec kStyleErrorMark{"DealSheet Error Mark", 0xFF8B8B, 0x000000};
const CellStyleSpec kStyleWarningMark{"DealSheet Warning Mark", 0xFFD966, 0x000000};

void ensureCellStyle(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                     const CellStyleSpec& style) {
    const auto families =
        Reference<css::style::XStyleFamiliesSupplier>(doc, UNO_QUERY_THROW)->getStyleFamilies();
    Reference<css::container::XNameContainer> cellStyles(families->getByName("CellStyles"),
                                                         UNO_QUERY_THROW);
    const auto name = rtl::OUString::createFromAscii(style.name);
    if (cellStyles->hasByName(name)) return;
    Reference<css::beans::XPropertySet> created(
        Reference<css::lang::XMultiServiceFactory>(doc, UNO_QUERY_THROW)
            ->createInstance("com.sun.star.style.CellStyle"),
        UNO_QUERY_THROW);
    cellStyles->insertByName(name, Any(created));
    try {
        created->setPropertyValue("CellBackColor", Any(style.background));
        if (style.fontColor >= 0) created->setPropertyValue("CharColor", Any(style.fontColor));
        if (style.bold) created->setPropertyValue("CharWeight", Any(150.0f));
    } catch (const css::uno::Exception&) {
        // Calc refuses to change styles while a sheet is protected: no half-made style stays.
        cellStyles->removeByName(name);
        throw;
    }
}

sal_Int32 addConditionalFormat(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                               const Reference<css::sheet::XSpreadsheet>& sheet,
                               const std::vector<css::table::CellRangeAddress>& ranges,
                               const std::vector<ConditionSpec>& conditions) {
    Reference<css::sheet::XSheetCellRangeContainer> container(
        Reference<css::lang::XMultiServiceFactory>(doc, UNO_QUERY_THROW)
            ->createInstance("com.sun.star.sheet.SheetCellRanges"),
        UNO_QUERY_THROW);
    // The ranges belong to `sheet`, whatever sheet index the caller left in them.
    const sal_Int16 sheetIndex =
        Reference<css::sheet::XCellRangeAddressable>(sheet, UNO_QUERY_THROW)
            ->getRangeAddress()
            .Sheet;
    css::uno::Sequence<css::table::CellRangeAddress> addresses(
        static_cast<sal_Int32>(ranges.size()));
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        addresses.getArray()[i] = ranges[i];
        addresses.getArray()[i].Sheet = sheetIndex;
    }
    container->addRangeAddresses(addresses, false);

    // Through the cells' ConditionalFormat property: Calc then attaches the new format to the
    // cells, next to any format they already have (XConditionalFormats::createByRange adds a
    // format to the sheet's list without attaching it, so nothing would be painted).
    Reference<css::beans::XPropertySet> cells(container, UNO_QUERY_THROW);
    Reference<css::sheet::XSheetConditionalEntries> entries(
        cells->getPropertyValue("ConditionalFormat"), UNO_QUERY_THROW);
    entries->clear();
    for (const auto& condition : conditions) {
        css::uno::Sequence<css::beans::PropertyValue> entry(condition.formula2.empty() ? 3 : 4);
        entry.getArray()[0].Name = "Operator";
        entry.getArray()[0].Value <<= condition.op;
        entry.getArray()[1].Name = "Formula1";
        entry.getArray()[1].Value <<= toOUString(condition.formula);
        entry.getArray()[2].Name = "StyleName";
        entry.getArray()[2].Value <<= toOUString(condition.styleName);
        if (!condition.formula2.empty()) {
            entry.getArray()[3].Name = "Formula2";
            entry.getArray()[3].Value <<= toOUString(condition.formula2);
        }
        entries->addNew(entry);
    }
    cells->setPropertyValue("ConditionalFormat", Any(entries));
    return static_cast<sal_Int32>(conditions.size());
}

std::vector<css::table::CellRangeAddress> conditionalFormatAreas(
    const Reference<css::sheet::XSpreadsheet>& sheet) {
    Reference<css::sheet::XConditionalFormats> formats(
        Reference<css::beans::XPropertySet>(sheet, UNO_QUERY_THROW)
            ->getPropertyValue("ConditionalFormats"),
        UNO_QUERY_THROW);
    std::vector<css::table::CellRangeAddress> areas;
    for (const auto& format : formats->getConditionalFormats()) {
        Reference<css::sheet::XSheetCellRanges> ranges(
            Reference<css::beans::XPropertySet>(format, UNO_QUERY_THROW)->getPropertyValue("Range"),
            UNO_QUERY);
        if (!ranges.is()) continue;
        for (const auto& a : ranges->getRangeAddresses()) areas.push_back(a);
    }
    return areas;
}

int removeConditionalFormatsUsing(const Reference<css::sheet::XSpreadsheet>& sheet,
                                  const std::vector<std::string>& styleNames) {
    Reference<css::sheet::XConditionalFormats> formats(
        Reference<css::beans::XPropertySet>(sheet, UNO_QUERY_THROW)
            ->getPropertyValue("ConditionalFormats"),
        UNO_QUERY_THROW);
    std::vector<sal_Int32> ours;
    for (const auto& format : formats->getConditionalFormats()) {
        bool allOurs = format->getCount() > 0;
        for (sal_Int32 i = 0; i < format->getCount() && allOurs; ++i) {
            Reference<css::beans::XPropertySet> entry(format->getByIndex(i), UNO_QUERY);
            rtl::OUString style;
            if (entry.is()) {
                try {
                    entry->getPropertyValue("StyleName") >>= style;
                } catch (const css::uno::Exception&) {
                }
            }
            bool match = false;
            for (const auto& name : styleNames) match = match || toUtf8(style) == name;
            allOurs = match;
        }
        if (!allOurs) continue;
        sal_Int32 id = -1;
        Reference<css::beans::XPropertySet>(format, UNO_QUERY_THROW)->getPropertyValue("ID") >>= id;
        ours.push_back(id);
    }
    for (sal_Int32 id : ours) formats->removeByID(id);
    return static_cast<int>(ours.size());
}

void setListValidation(const Reference<css::uno::XInterface>& range,
                       const std::vector<std::string>& values, bool strict,
                       const std::string& errorTitle, const std::string& errorMessage) {
    Reference<css::beans::XPropertySet> props(range, UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet> validation(props->getPropertyValue("Validation"),
                                                   UNO_QUERY_THROW);
    std::string list;
    for (const auto& value : values) {
        if (!list.empty()) list += ';';
        std::string quoted;
        for (char c : value) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        list += '"' + quoted + '"';
    }
    validation->setPropertyValue("Type", Any(css::sheet::ValidationType_LIST));
    validation->setPropertyValue("ShowList", Any(css::sheet::TableValidationVisibility::UNSORTED));
    validation->setPropertyValue("IgnoreBlankCells", Any(true));
    validation->setPropertyValue("ShowErrorMessage", Any(strict));
    validation->setPropertyValue("ErrorAlertStyle", Any(css::sheet::ValidationAlertStyle_WARNING));
    validation->setPropertyValue("ErrorTitle", Any(toOUString(errorTitle)));
    validation->setPropertyValue("ErrorMessage", Any(toOUString(errorMessage)));
    Reference<css::sheet::XSheetCondition>(validation, UNO_QUERY_THROW)
        ->setFormula1(toOUString(list));
    props->setPropertyValue("Validation", Any(validation));
}

sal_Int32 numberFormatKey(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                          const char* code) {
    const auto formats =
        Reference<css::util::XNumberFormatsSupplier>(doc, UNO_QUERY_THROW)->getNumberFormats();
    const css::lang::Locale locale;
    const auto text = rtl::OUString::createFromAscii(code);
    sal_Int32 key = formats->queryKey(text, locale, false);
    if (key < 0) key = formats->addNew(text, locale);
    return key;
}

sal_Int32 textFormatKey(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    return numberFormatKey(doc, "@");
}

sal_Int32 dateFormatKey(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    return numberFormatKey(doc, "YYYY-MM-DD");
}

}  // namespace dealsheet::uno
