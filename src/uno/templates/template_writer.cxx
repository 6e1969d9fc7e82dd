#include "uno/templates/template_writer.hxx"

#include <set>

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XViewFreezable.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>

#include "core/text/messages.hpp"
#include "core/workbook/layout.hpp"
#include "core/workbook/schema.hpp"
#include "core/workbook/sheet_locator.hpp"
#include "uno/workbook/office_util.hxx"
#include "uno/workbook/sheet_format.hxx"
#include "uno/workbook/undo_action.hxx"
#include "uno/workbook/uno_util.hxx"
#include "uno/workbook/workbook_reader.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::Any;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

constexpr sal_Int32 kHeaderBackground = 0x1E7B4A;
constexpr sal_Int32 kHeaderFont = 0xFFFFFF;

// The existing sheet of `schemaSheet` in the document, in either language, or empty.
std::string existingName(const std::vector<std::string>& names, const SheetSchema& schemaSheet) {
    const auto located = findSheet(productSchema(), names, schemaSheet.id);
    return located ? located->name : std::string();
}

void writeHeader(const Reference<css::sheet::XSpreadsheet>& sheet,
                 const std::vector<std::string>& headers) {
    if (headers.empty()) return;
    const int last = static_cast<int>(headers.size()) - 1;
    const auto range = rangeOf(sheet, 0, 0, last, 0);
    CellGrid row(1);
    for (const auto& h : headers) row[0].emplace_back(h);
    writeValues(range, row);
    setProperty(range, "CharWeight", Any(css::awt::FontWeight::BOLD));
    setProperty(range, "CellBackColor", Any(kHeaderBackground));
    setProperty(range, "CharColor", Any(kHeaderFont));
    setProperty(range, "IsTextWrapped", Any(true));
}

void setWidths(const Reference<css::sheet::XSpreadsheet>& sheet, const std::vector<int>& mm) {
    const auto columns =
        Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)->getColumns();
    for (std::size_t i = 0; i < mm.size(); ++i)
        setProperty(Reference<css::uno::XInterface>(columns->getByIndex(static_cast<sal_Int32>(i)),
                                                    UNO_QUERY_THROW),
                    "Width", Any(static_cast<sal_Int32>(mm[i] * 100)));
}

std::vector<std::string> listIn(const EnumList& list, Lang lang) {
    std::vector<std::string> values;
    for (const auto& v : list.values) values.push_back(v.text.in(lang));
    return values;
}

// The header row and the column widths of a schema sheet.
void writeHeaderOf(const Reference<css::sheet::XSpreadsheet>& sheet, const SheetSchema& schema,
                   Lang lang) {
    std::vector<std::string> headers;
    std::vector<int> widths;
    for (const auto& c : schema.columns) {
        headers.push_back(c.header.in(lang));
        widths.push_back(c.widthMm);
    }
    writeHeader(sheet, headers);
    setWidths(sheet, widths);
}

void fillDataSheet(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                   const Reference<css::sheet::XSpreadsheet>& sheet, const SheetSchema& schema,
                   const std::string& settingsSheet, Lang lang) {
    writeHeaderOf(sheet, schema, lang);
    const int firstRow = 1;
    const int lastRow = kTemplateRows;
    const sal_Int32 dateKey = dateFormatKey(doc);
    const sal_Int32 textKey = textFormatKey(doc);
    const std::string listTitle(msg::kProductName.in(lang));
    const std::string listMessage(msg::kValidationListError.in(lang));
    const auto indexOf = [&](std::string_view id) { return schema.columnIndex(id); };

    for (std::size_t i = 0; i < schema.columns.size(); ++i) {
        const auto& column = schema.columns[i];
        const int index = static_cast<int>(i);
        const auto range = rangeOf(sheet, index, firstRow, index, lastRow);
        if (column.isDate()) setProperty(range, "NumberFormat", Any(dateKey));
        // Identifiers and phone numbers stay as typed (SPEC §6): a mobile is not a number.
        if (column.format == "customerNo" || column.format == "contact" ||
            column.id == schema.key || !column.ref.empty())
            setProperty(range, "NumberFormat", Any(textKey));
        if (column.list)
            setListValidation(range, listIn(*column.list, lang), true, listTitle, listMessage);
        if (column.suggest)
            setListValidation(range, listIn(*column.suggest, lang), false, listTitle, listMessage);
        if (!column.formula.empty()) {
            std::vector<std::vector<std::string>> formulas;
            formulas.reserve(kTemplateRows);
            for (int row = firstRow; row <= lastRow; ++row)
                formulas.push_back({expandFormula(column.formula, row, indexOf, settingsSheet,
                                                  productSchema(), lang)});
            writeFormulas(range, formulas);
        }
    }

    const auto fullRows = [&](int column) {
        css::table::CellRangeAddress address;
        address.StartColumn = column < 0 ? 0 : column;
        address.EndColumn = column < 0 ? static_cast<sal_Int32>(schema.columns.size()) - 1 : column;
        address.StartRow = firstRow;
        address.EndRow = lastRow;
        return address;
    };
    // Conditions compare the cell's own value and name no cell (see ConditionSpec).
    const auto equalTo = [](const std::string& text, const CellStyleSpec& style) {
        return ConditionSpec{"\"" + text + "\"", style.name, css::sheet::ConditionOperator_EQUAL};
    };
    if (const int grade = schema.columnIndex("leadGrade"); grade >= 0) {
        for (const auto* style : {&kStyleGradeA, &kStyleGradeB, &kStyleGradeC})
            ensureCellStyle(doc, *style);
        addConditionalFormat(
            doc, sheet, {fullRows(grade)},
            {equalTo("A", kStyleGradeA), equalTo("B", kStyleGradeB), equalTo("C", kStyleGradeC)});
    }
    // The computed due columns show the state; the rest of the row stays free for
    // Validate's marks (a cell has one conditional format through the API).
    if (const int due = schema.columnIndex("dueStatus"); due >= 0) {
        ensureCellStyle(doc, kStyleOverdue);
        ensureCellStyle(doc, kStyleDueSoon);
        const auto& states = productSchema().list("dueStates");
        std::vector<ConditionSpec> conditions;
        for (const auto& [id, style] :
             {std::pair{"overdue", &kStyleOverdue}, std::pair{"dueSoon", &kStyleDueSoon}})
            for (const Lang language : {Lang::Zh, Lang::En})
                conditions.push_back(equalTo(states.byId(id).text.in(language), *style));
        addConditionalFormat(doc, sheet, {fullRows(due)}, conditions);
    }
    // Between 1 and 100000 days rather than "greater than 0": Excel ranks any text, the empty
    // text of a row without delay included, above every number.
    if (const int days = schema.columnIndex("daysOverdue"); days >= 0) {
        ensureCellStyle(doc, kStyleOverdue);
        addConditionalFormat(
            doc, sheet, {fullRows(days)},
            {{"1", kStyleOverdue.name, css::sheet::ConditionOperator_BETWEEN, "100000"}});
    }
}

void fillSettingsSheet(const Reference<css::sheet::XSpreadsheet>& sheet, const SheetSchema& schema,
                       Lang lang) {
    writeHeaderOf(sheet, schema, lang);
    CellGrid rows;
    std::vector<std::pair<int, const EnumList*>> wordRows;  // settings chosen from a list
    for (const auto& setting : productSchema().settings()) {
        CellValue value;
        if (setting.list) {
            value = setting.list->byId(setting.defaultValue).text.in(lang);
            wordRows.emplace_back(static_cast<int>(rows.size()) + 1, setting.list);
        } else if (!setting.defaultValue.empty()) {
            value = std::stod(setting.defaultValue);
        }
        rows.push_back({setting.name.in(lang), value, setting.note.in(lang)});
    }
    if (!rows.empty()) writeValues(rangeOf(sheet, 0, 1, 2, static_cast<int>(rows.size())), rows);
    for (const auto& [row, list] : wordRows)
        setListValidation(rangeOf(sheet, 1, row, 1, row), listIn(*list, lang), true,
                          schema.name.in(lang), std::string(msg::kValidationListError.in(lang)));
}

void fillReviewSheet(const Reference<css::sheet::XSpreadsheet>& sheet, const SheetSchema& schema,
                     Lang lang) {
    writeValues(rangeOf(sheet, 0, 0, 0, 1),
                {{schema.name.in(lang)}, {std::string(msg::kReviewPlaceholder.in(lang))}});
    setProperty(rangeOf(sheet, 0, 0, 0, 0), "CharWeight", Any(css::awt::FontWeight::BOLD));
    setWidths(sheet, {120});
}

}  // namespace

void freezeHeaders(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                   const std::vector<Reference<css::sheet::XSpreadsheet>>& sheets) {
    Reference<css::frame::XModel> model(doc, UNO_QUERY);
    if (!model.is() || sheets.empty()) return;
    Reference<css::sheet::XSpreadsheetView> view(model->getCurrentController(), UNO_QUERY);
    Reference<css::sheet::XViewFreezable> freezable(view, UNO_QUERY);
    if (!view.is() || !freezable.is()) return;  // no view: nothing to freeze
    const auto active = view->getActiveSheet();
    for (const auto& sheet : sheets) {
        view->setActiveSheet(sheet);
        freezable->freezeAtPosition(0, 1);
    }
    view->setActiveSheet(active);
}

std::vector<Reference<css::sheet::XSpreadsheet>> insertTemplateSheets(
    const Reference<css::sheet::XSpreadsheetDocument>& doc, Lang lang) {
    const Schema& schema = productSchema();
    const std::vector<std::string> names = sheetNames(doc);
    const SheetSchema& settingsSchema = schema.sheetOrThrow("settings");
    std::string settingsSheet = existingName(names, settingsSchema);
    if (settingsSheet.empty()) settingsSheet = settingsSchema.name.in(lang);

    // A sheet recognised by its headers (a register on Sheet1) is that schema sheet already:
    // a second, empty one beside it would be the sheet Validate and Sync read instead.
    std::set<const SheetSchema*> recognised;
    for (const auto& sheet : recogniseWorkbook(doc))
        if (sheet.schema) recognised.insert(sheet.schema);

    // Every sheet first, then their contents: formulas refer to sheets inserted later.
    const auto sheets = doc->getSheets();
    std::vector<std::pair<const SheetSchema*, Reference<css::sheet::XSpreadsheet>>> added;
    for (const auto& sheetSchema : schema.sheets()) {
        if (!existingName(names, sheetSchema).empty() || recognised.count(&sheetSchema)) continue;
        const auto name = toOUString(sheetSchema.name.in(lang));
        const auto count =
            Reference<css::container::XIndexAccess>(sheets, UNO_QUERY_THROW)->getCount();
        insertSheetUndoable(doc, toUtf8(name), static_cast<sal_Int16>(count));
        added.emplace_back(&sheetSchema, sheetByName(doc, toUtf8(name)));
    }
    std::vector<Reference<css::sheet::XSpreadsheet>> inserted;
    for (const auto& [schemaOf, sheet] : added) {
        const SheetSchema& sheetSchema = *schemaOf;
        switch (sheetSchema.kind) {
            case SheetKind::Data:
                fillDataSheet(doc, sheet, sheetSchema, settingsSheet, lang);
                break;
            case SheetKind::Settings:
                fillSettingsSheet(sheet, sheetSchema, lang);
                break;
            case SheetKind::Review:
                fillReviewSheet(sheet, sheetSchema, lang);
                break;
        }
        inserted.push_back(sheet);
    }
    return inserted;
}

}  // namespace dealsheet::uno
