#include "uno/recognition/mapping.hxx"

#include <algorithm>
#include <stdexcept>

#include <com/sun/star/awt/PushButtonType.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XToolkit.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>

#include "core/text/messages.hpp"
#include "core/text/text.hpp"
#include "uno/workbook/choice_dialog.hxx"
#include "uno/workbook/office_util.hxx"
#include "uno/workbook/uno_util.hxx"
#include "uno/workbook/workbook_reader.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::Any;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

constexpr Text kMapTitle{"对应列", "Map columns"};
constexpr Text kKindLabel{"表类型", "Sheet kind"};
constexpr Text kHeaderRowLabel{"表头行", "Header row"};
constexpr Text kNone{"（无）", "(none)"};
constexpr Text kNotDealSheet{"（不是 DealSheet 表）", "(not a DealSheet sheet)"};
constexpr Text kMapHint{
    "左边是 DealSheet 的列，右边选本表中对应的列。更改表类型或表头行后按“确定”，列表随之更新。",
    "DealSheet's columns on the left, your sheet's columns on the right. "
    "After changing the kind or the header row, OK shows the new list."};
constexpr Text kMapped{"已保存“{0}”的列对应，所有命令都会使用。",
                       "The column mapping of \"{0}\" is saved; every command uses it."};
constexpr Text kMapCancelled{"已取消，列对应未改变。", "Cancelled; the mapping is unchanged."};

void requireSheet(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                  const std::string& sheet) {
    if (sheet.empty() || sheet == kMappingSheetName ||
        !doc->getSheets()->hasByName(toOUString(sheet)))
        throw css::lang::IllegalArgumentException(
            toOUString("没有名为“" + sheet + "”的工作表 / no sheet named \"" + sheet + "\""),
            nullptr, 2);
}

SheetRecognition recognitionOf(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                               const std::string& sheet) {
    const auto view = readWorkbook(doc, [](const SheetSchema&) { return false; });
    for (const auto& r : view.recognitions)
        if (r.name == sheet) return r;
    return {};
}

// The user's header texts of one row, trimmed, in sheet order (blank cells left out).
std::vector<std::string> headersOf(const CellGrid& top, int row) {
    std::vector<std::string> headers;
    if (row < 0 || static_cast<std::size_t>(row) >= top.size()) return headers;
    for (const auto& cell : top[static_cast<std::size_t>(row)]) {
        if (const auto* text = std::get_if<std::string>(&cell); text && !isBlank(*text))
            headers.emplace_back(trimSpaces(*text));
        else if (const auto* number = std::get_if<double>(&cell))
            headers.push_back(formatNumber(*number));
    }
    return headers;
}

css::uno::Sequence<rtl::OUString> sequenceOf(const std::vector<std::string>& items) {
    css::uno::Sequence<rtl::OUString> out(static_cast<sal_Int32>(items.size()));
    for (std::size_t i = 0; i < items.size(); ++i) out.getArray()[i] = toOUString(items[i]);
    return out;
}

void select(const Reference<css::beans::XPropertySet>& list, int index) {
    css::uno::Sequence<sal_Int16> selected(1);
    selected.getArray()[0] = static_cast<sal_Int16>(index);
    list->setPropertyValue("SelectedItems", Any(selected));
}

int selectedOf(const Reference<css::beans::XPropertySet>& list) {
    css::uno::Sequence<sal_Int16> chosen;
    list->getPropertyValue("SelectedItems") >>= chosen;
    return chosen.getLength() > 0 ? chosen[0] : 0;
}

struct DialogResult {
    bool confirmed = false;
    const SheetSchema* kind = nullptr;
    int headerRow = 1;  // 1-based
    std::map<std::string, std::string> columns;
};

// One showing of the dialog for `kind` and `headerRow` (1-based) of `sheet`.
DialogResult showDialog(const Reference<css::uno::XComponentContext>& context,
                        const Reference<css::frame::XFrame>& frame, const std::string& sheet,
                        const CellGrid& top, const SheetSchema* kind, int headerRow,
                        const std::vector<int>& columnOf, Lang lang) {
    const auto manager = context->getServiceManager();
    Reference<css::lang::XMultiServiceFactory> model(
        manager->createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel", context),
        UNO_QUERY_THROW);
    const std::vector<std::string> headers = headersOf(top, headerRow - 1);
    const std::size_t count = kind ? kind->columns.size() : 0;
    const sal_Int32 perColumn = static_cast<sal_Int32>((count + 1) / 2);
    constexpr sal_Int32 kLine = 15, kHalf = 200, kTop = 48;
    const sal_Int32 width = 2 * kHalf + 16;
    const sal_Int32 height = kTop + perColumn * kLine + 30;
    Reference<css::beans::XPropertySet> props(model, UNO_QUERY_THROW);
    props->setPropertyValue("Width", Any(width));
    props->setPropertyValue("Height", Any(height));
    props->setPropertyValue("Title",
                            Any(toOUString(std::string(kMapTitle.in(lang)) + " — " + sheet)));

    addDialogControl(model, "com.sun.star.awt.UnoControlFixedTextModel", "kindLabel", 8, 10, 50, 12)
        ->setPropertyValue("Label", Any(toOUString(std::string(kKindLabel.in(lang)))));
    std::vector<std::string> kinds{std::string(kNotDealSheet.in(lang))};
    std::vector<const SheetSchema*> kindSchemas{nullptr};
    int kindIndex = 0;
    for (const auto& s : productSchema().sheets()) {
        if (s.kind != SheetKind::Data) continue;
        if (&s == kind) kindIndex = static_cast<int>(kinds.size());
        kinds.push_back(s.name.in(lang));
        kindSchemas.push_back(&s);
    }
    const auto kindList =
        addDialogControl(model, "com.sun.star.awt.UnoControlListBoxModel", "kind", 60, 8, 130, 14);
    kindList->setPropertyValue("Dropdown", Any(true));
    kindList->setPropertyValue("LineCount", Any(sal_Int16(12)));
    kindList->setPropertyValue("StringItemList", Any(sequenceOf(kinds)));
    select(kindList, kindIndex);
    addDialogControl(model, "com.sun.star.awt.UnoControlFixedTextModel", "rowLabel", 210, 10, 50,
                     12)
        ->setPropertyValue("Label", Any(toOUString(std::string(kHeaderRowLabel.in(lang)))));
    const auto rowField = addDialogControl(model, "com.sun.star.awt.UnoControlNumericFieldModel",
                                           "headerRow", 262, 8, 40, 14);
    rowField->setPropertyValue("ValueMin", Any(1.0));
    rowField->setPropertyValue("ValueMax", Any(static_cast<double>(kHeaderSearchRows)));
    rowField->setPropertyValue("DecimalAccuracy", Any(sal_Int16(0)));
    rowField->setPropertyValue("Spin", Any(true));
    rowField->setPropertyValue("Value", Any(static_cast<double>(headerRow)));
    addDialogControl(model, "com.sun.star.awt.UnoControlFixedTextModel", "hint", 8, 26, width - 16,
                     20)
        ->setPropertyValue("Label", Any(toOUString(std::string(kMapHint.in(lang)))));

    std::vector<std::string> choices{std::string(kNone.in(lang))};
    choices.insert(choices.end(), headers.begin(), headers.end());
    std::vector<Reference<css::beans::XPropertySet>> lists;
    for (std::size_t i = 0; i < count; ++i) {
        const auto& column = kind->columns[i];
        const sal_Int32 x =
            8 + static_cast<sal_Int32>(i / static_cast<std::size_t>(perColumn)) * kHalf;
        const sal_Int32 y =
            kTop + static_cast<sal_Int32>(i % static_cast<std::size_t>(perColumn)) * kLine;
        addDialogControl(model, "com.sun.star.awt.UnoControlFixedTextModel",
                         "name" + std::to_string(i), x, y + 2, 86, 12)
            ->setPropertyValue(
                "Label", Any(toOUString(column.header.in(lang) + (column.required ? " *" : ""))));
        const auto list = addDialogControl(model, "com.sun.star.awt.UnoControlListBoxModel",
                                           "column" + std::to_string(i), x + 88, y, kHalf - 96, 13);
        list->setPropertyValue("Dropdown", Any(true));
        list->setPropertyValue("LineCount", Any(sal_Int16(14)));
        list->setPropertyValue("StringItemList", Any(sequenceOf(choices)));
        int chosen = 0;
        if (i < columnOf.size() && columnOf[i] >= 0 &&
            static_cast<std::size_t>(headerRow - 1) < top.size()) {
            const auto& row = top[static_cast<std::size_t>(headerRow - 1)];
            const auto c = static_cast<std::size_t>(columnOf[i]);
            if (c < row.size())
                if (const auto* text = std::get_if<std::string>(&row[c])) {
                    const auto it =
                        std::find(headers.begin(), headers.end(), std::string(trimSpaces(*text)));
                    if (it != headers.end()) chosen = static_cast<int>(it - headers.begin()) + 1;
                }
        }
        select(list, chosen);
        lists.push_back(list);
    }
    const auto ok = addDialogControl(model, "com.sun.star.awt.UnoControlButtonModel", "ok",
                                     width - 120, height - 20, 52, 14);
    ok->setPropertyValue("Label", Any(toOUString(std::string(msg::kOk.in(lang)))));
    ok->setPropertyValue("PushButtonType", Any(sal_Int16(css::awt::PushButtonType_OK)));
    ok->setPropertyValue("DefaultButton", Any(true));
    const auto cancel = addDialogControl(model, "com.sun.star.awt.UnoControlButtonModel", "cancel",
                                         width - 62, height - 20, 52, 14);
    cancel->setPropertyValue("Label", Any(toOUString(std::string(msg::kCancel.in(lang)))));
    cancel->setPropertyValue("PushButtonType", Any(sal_Int16(css::awt::PushButtonType_CANCEL)));

    const auto dialog = createDialog(context, frame, model);
    DialogResult result;
    result.confirmed = Reference<css::awt::XDialog>(dialog, UNO_QUERY_THROW)->execute() == 1;
    result.kind = kindSchemas[static_cast<std::size_t>(
        std::clamp(selectedOf(kindList), 0, static_cast<int>(kindSchemas.size()) - 1))];
    double row = headerRow;
    rowField->getPropertyValue("Value") >>= row;
    result.headerRow = std::clamp(static_cast<int>(row), 1, kHeaderSearchRows);
    for (std::size_t i = 0; i < lists.size(); ++i) {
        const int chosen = selectedOf(lists[i]);
        result.columns[kind->columns[i].id] =
            chosen > 0 && static_cast<std::size_t>(chosen) <= headers.size()
                ? headers[static_cast<std::size_t>(chosen) - 1]
                : std::string();
    }
    Reference<css::lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
    return result;
}

std::string activeSheetName(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    const Reference<css::frame::XModel> model(doc, UNO_QUERY_THROW);
    const Reference<css::sheet::XSpreadsheetView> view(model->getCurrentController(), UNO_QUERY);
    if (!view.is()) return sheetNames(doc).front();
    return toUtf8(
        Reference<css::container::XNamed>(view->getActiveSheet(), UNO_QUERY_THROW)->getName());
}

}  // namespace

std::vector<std::string> columnMappingOf(const Reference<css::uno::XComponentContext>&,
                                         const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                         const std::string& sheet) {
    requireSheet(doc, sheet);
    const SheetRecognition r = recognitionOf(doc, sheet);
    if (!r.schema) return {"@kind="};
    std::vector<std::string> entries{"@kind=" + r.schema->id,
                                     "@headerRow=" + std::to_string(r.headerRow + 1)};
    const CellGrid top = readTopRows(doc, sheet);
    for (std::size_t i = 0; i < r.schema->columns.size(); ++i) {
        std::string header;
        const int c = r.header.columnOf[i];
        if (c >= 0 && static_cast<std::size_t>(r.headerRow) < top.size()) {
            const auto& row = top[static_cast<std::size_t>(r.headerRow)];
            if (static_cast<std::size_t>(c) < row.size()) {
                if (const auto* text = std::get_if<std::string>(&row[static_cast<std::size_t>(c)]))
                    header = std::string(trimSpaces(*text));
                else if (const auto* n = std::get_if<double>(&row[static_cast<std::size_t>(c)]))
                    header = formatNumber(*n);
            }
        }
        entries.push_back(r.schema->columns[i].id + "=" + header);
    }
    return entries;
}

void storeColumnMapping(const Reference<css::uno::XComponentContext>& context,
                        const Reference<css::sheet::XSpreadsheetDocument>& doc,
                        const std::string& sheet, const std::vector<std::string>& entries) {
    requireSheet(doc, sheet);
    ColumnMapping mapping;
    try {
        mapping = parseMappingEntries(productSchema(), entries);
    } catch (const std::invalid_argument& e) {
        throw css::lang::IllegalArgumentException(toOUString(e.what()), nullptr, 3);
    }
    auto mappings = readMappings(doc);
    const auto before = mappings;
    if (mapping.empty())
        mappings.erase(sheet);
    else
        mappings[sheet] = mapping;
    const Lang uiLang = officeLanguage(context);
    UndoScope undo(doc, std::string(kMapTitle.in(uiLang)), [&] { writeMappings(doc, before); });
    writeMappings(doc, mappings);
    undo.commit();
}

CommandOutcome mapColumns(const Reference<css::uno::XComponentContext>& context,
                          const Reference<css::sheet::XSpreadsheetDocument>& doc,
                          const Reference<css::frame::XFrame>& frame) {
    const Lang uiLang = officeLanguage(context);
    const std::string sheet = activeSheetName(doc);
    requireSheet(doc, sheet);
    const CellGrid top = readTopRows(doc, sheet);
    SheetRecognition r = recognitionOf(doc, sheet);
    const SheetSchema* kind = r.schema;
    int headerRow = r.headerRow + 1;
    std::vector<int> columnOf = r.header.columnOf;
    CommandOutcome outcome;
    for (int shown = 0; shown < 20; ++shown) {
        const DialogResult result =
            showDialog(context, frame, sheet, top, kind, headerRow, columnOf, uiLang);
        if (!result.confirmed) {
            outcome.message = kMapCancelled.in(uiLang);
            return outcome;
        }
        if (result.kind == kind && result.headerRow == headerRow) {
            std::vector<std::string> entries;
            if (kind) {
                ColumnMapping mapping;
                mapping.kind = kind->id;
                mapping.headerRow = headerRow;
                mapping.columns = result.columns;
                entries = mappingEntries(mapping);
            }
            storeColumnMapping(context, doc, sheet, entries);
            outcome.count = static_cast<long>(entries.size());
            outcome.message = msg::format(kMapped.in(uiLang), sheet);
            return outcome;
        }
        // Another kind or header row: the columns as they match there, shown again.
        kind = result.kind;
        headerRow = result.headerRow;
        columnOf = kind ? matchHeaderRow(*kind, static_cast<std::size_t>(headerRow - 1) < top.size()
                                                    ? top[static_cast<std::size_t>(headerRow - 1)]
                                                    : std::vector<CellValue>{})
                              .columnOf
                        : std::vector<int>{};
    }
    outcome.message = kMapCancelled.in(uiLang);
    return outcome;
}

}  // namespace dealsheet::uno
