#include "uno/sidebar/customer_source.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/util/NumberFormat.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

#include "core/matching/duplicates.hpp"
#include "core/workbook/vocabulary.hpp"
#include "uno/workbook/document_settings.hxx"
#include "uno/workbook/office_util.hxx"
#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::Any;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

void setCell(const Reference<css::sheet::XSpreadsheet>& sheet, int column, int row,
             const CellValue& value) {
    const auto cell = sheet->getCellByPosition(column, row);
    if (const auto* number = std::get_if<double>(&value))
        cell->setValue(*number);
    else if (const auto* text = std::get_if<std::string>(&value))
        cell->setFormula(toOUString(*text).startsWith("=") ? "'" + toOUString(*text)
                                                           : toOUString(*text));
}

// The date cell shows a date: the column's format from the row above, else the document's
// standard date format.
void formatAsDate(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                  const Reference<css::sheet::XSpreadsheet>& sheet, int column, int row,
                  int header) {
    Reference<css::beans::XPropertySet> cell(sheet->getCellByPosition(column, row),
                                             UNO_QUERY_THROW);
    sal_Int32 format = 0;
    if (row - 1 > header) {
        Reference<css::beans::XPropertySet> above(sheet->getCellByPosition(column, row - 1),
                                                  UNO_QUERY_THROW);
        above->getPropertyValue("NumberFormat") >>= format;
    }
    if (format == 0) {
        Reference<css::util::XNumberFormatsSupplier> supplier(doc, UNO_QUERY_THROW);
        Reference<css::util::XNumberFormatTypes> types(supplier->getNumberFormats(),
                                                       UNO_QUERY_THROW);
        format = types->getStandardFormat(css::util::NumberFormat::DATE, css::lang::Locale());
    }
    cell->setPropertyValue("NumberFormat", Any(format));
}

}  // namespace

CustomerWorkbook::CustomerWorkbook(const Reference<css::uno::XComponentContext>&,
                                   const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                   Lang lang)
    : view_(readWorkbook(doc)) {
    for (const auto& [schema, data] : view_.sheets)
        input_.sheets.push_back(recognise(*schema, data));
    input_.dates = contextOf(Reference<css::beans::XPropertySet>(doc, UNO_QUERY)).dates;
    input_.today = input_.dates.todaySerial();
    input_.lang = lang;
    input_.protectionDays = readDocumentSettings(doc).days("protectionDays");
    // A team register: what the server said at the last sync (SPEC §12).
    input_.teamProtection = parseTeamProtection(readDocumentText(doc, kTeamProtectionProperty));
}

CustomerCard CustomerWorkbook::card(const std::string& customerNo) const {
    // Possible duplicates (SPEC §12): the register rows the match keys say may be this company.
    CardInput input = input_;
    for (const PossibleDuplicate& duplicate : possibleDuplicatesOf(input_.sheets, customerNo))
        input.possibleDuplicates.push_back({duplicate.customerNo, duplicate.customerName,
                                            std::string(duplicate.reason.in(input_.lang)),
                                            duplicate.sheet, duplicate.sheetRow});
    return buildCustomerCard(input, customerNo);
}

std::vector<std::string> customerCardLines(const Reference<css::uno::XComponentContext>& context,
                                           const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                           const std::string& customerNo) {
    const CustomerWorkbook workbook(context, doc, officeLanguage(context));
    const CustomerCard card = workbook.card(customerNo);
    std::vector<std::string> lines;
    // A number the workbook does not know: nothing, so a macro can test for it.
    if (card.lines.size() <= 1) return lines;
    for (const auto& line : card.lines) lines.push_back(cardLineText(line));
    return lines;
}

NewActionRow addFollowUpAction(const Reference<css::uno::XComponentContext>&,
                               const Reference<css::sheet::XSpreadsheetDocument>& doc,
                               const CustomerWorkbook& workbook, const CustomerCard& card,
                               const std::string& user, Lang lang) {
    const RecognisedSheet* actions = nullptr;
    for (const auto& s : workbook.input().sheets)
        if (s.schema && s.schema->id == "actions") {
            actions = &s;
            break;
        }
    if (!actions)
        throw css::lang::IllegalArgumentException(
            lang == Lang::En
                ? "The workbook has no Actions sheet: insert the template sheets first."
                : toOUString("工作簿中没有跟进行动表：请先插入模板表。"),
            nullptr, 0);
    const SheetData& data = *actions->data;
    const int header = data.sheetRow(0);
    int last = header;
    for (int r = 1; r < data.rowCount(); ++r)
        if (isRowFilled(*actions, r)) last = std::max(last, data.sheetRow(r));
    NewActionRow placed;
    placed.sheet = data.name;
    placed.row = last + 1;
    placed.taskColumn = std::max(actions->column("task"), 0);
    const auto sheet = sheetByName(doc, data.name);
    const Lang sheetLang = actions->lang;
    const std::vector<std::pair<const char*, CellValue>> values = {
        {"actionNo", nextActionNumber(workbook.input().sheets)},
        {"customerNo", card.customerNo},
        {"owner", card.owner.empty() ? user : card.owner},
        {"createdOn", static_cast<double>(workbook.input().today)},
        {"status", std::string(vocab::word("actionStatus", "notStarted").in(sheetLang))},
    };
    RowHeightPause pause(doc);
    UndoScope undo(doc, lang == Lang::En ? "New follow-up action" : "新建跟进行动");
    for (const auto& [id, value] : values) {
        const int column = actions->column(id);
        if (column < 0) continue;
        if (const auto* text = std::get_if<std::string>(&value); text && text->empty()) continue;
        setCell(sheet, column, placed.row, value);
        if (std::string_view(id) == "createdOn")
            formatAsDate(doc, sheet, column, placed.row, header);
    }
    undo.commit();
    return placed;
}

}  // namespace dealsheet::uno
