#include "office_documents.hxx"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/document/XEmbeddedScripts.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/script/provider/XScript.hpp>
#include <com/sun/star/script/provider/XScriptProviderSupplier.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <osl/file.hxx>

#include "office_driver.hxx"

namespace dealsheet::driver {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

rtl::OUString toOUString(std::string_view utf8) {
    return rtl::OUString(utf8.data(), static_cast<sal_Int32>(utf8.size()), RTL_TEXTENCODING_UTF8);
}

std::string toUtf8(const rtl::OUString& text) {
    const rtl::OString bytes = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(bytes.getStr(), static_cast<std::size_t>(bytes.getLength()));
}

std::string fileUrl(const std::string& path) {
    rtl::OUString url;
    const std::string absolute = std::filesystem::absolute(path).string();
    if (osl::FileBase::getFileURLFromSystemPath(toOUString(absolute), url) != osl::FileBase::E_None)
        throw std::runtime_error("not a path: " + path);
    return toUtf8(url);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream all;
    all << in.rdbuf();
    return all.str();
}

namespace {

css::uno::Sequence<css::beans::PropertyValue> properties(
    std::initializer_list<std::pair<const char*, css::uno::Any>> items) {
    css::uno::Sequence<css::beans::PropertyValue> result(static_cast<sal_Int32>(items.size()));
    sal_Int32 i = 0;
    for (const auto& [name, value] : items) {
        result.getArray()[i].Name = rtl::OUString::createFromAscii(name);
        result.getArray()[i].Value = value;
        ++i;
    }
    return result;
}

Reference<css::sheet::XSpreadsheetDocument> load(const std::string& url, bool visible = false) {
    return Reference<css::sheet::XSpreadsheetDocument>(loadComponent(url, visible),
                                                       UNO_QUERY_THROW);
}

}  // namespace

Reference<css::lang::XComponent> loadComponent(const std::string& url, bool visible,
                                               bool readOnly) {
    Reference<css::frame::XComponentLoader> loader(Office::get().desktop(), UNO_QUERY_THROW);
    return Reference<css::lang::XComponent>(
        loader->loadComponentFromURL(toOUString(url), "_blank", 0,
                                     properties({{"Hidden", css::uno::Any(!visible)},
                                                 {"ReadOnly", css::uno::Any(readOnly)}})),
        UNO_QUERY_THROW);
}

Reference<css::sheet::XSpreadsheetDocument> newSpreadsheet(bool visible) {
    return load("private:factory/scalc", visible);
}

Reference<css::sheet::XSpreadsheetDocument> loadSpreadsheet(const std::string& path, bool visible) {
    return load(fileUrl(path), visible);
}

Reference<css::sheet::XSpreadsheetDocument> loadCopy(const std::string& path, bool visible) {
    static int counter = 0;
    const std::filesystem::path source(path);
    const auto copy =
        std::filesystem::path(Office::get().workDir()) /
        (source.stem().string() + "-" + std::to_string(++counter) + source.extension().string());
    std::filesystem::copy_file(source, copy, std::filesystem::copy_options::overwrite_existing);
    return loadSpreadsheet(copy.string(), visible);
}

void storeAs(const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& path,
             const std::string& filter) {
    Reference<css::frame::XStorable> storable(doc, UNO_QUERY_THROW);
    storable->storeToURL(toOUString(fileUrl(path)),
                         properties({{"FilterName", css::uno::Any(toOUString(filter))}}));
}

Reference<css::lang::XComponent> component(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    return Reference<css::lang::XComponent>(doc, UNO_QUERY_THROW);
}

void close(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    Reference<css::util::XCloseable> closeable(doc, UNO_QUERY_THROW);
    closeable->close(true);
}

void recalculate(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
}

Reference<css::sheet::XSpreadsheet> sheetAt(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                            int index) {
    Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    return Reference<css::sheet::XSpreadsheet>(sheets->getByIndex(index), UNO_QUERY_THROW);
}

Reference<css::table::XCell> cell(const Reference<css::sheet::XSpreadsheet>& sheet,
                                  const std::string& address) {
    Reference<css::table::XCellRange> range(sheet, UNO_QUERY_THROW);
    return range->getCellRangeByName(toOUString(address))->getCellByPosition(0, 0);
}

Reference<org::dealsheet::calc::XToolkit> toolkit() {
    return Reference<org::dealsheet::calc::XToolkit>(
        Office::get().serviceManager()->createInstanceWithContext("org.dealsheet.calc.Toolkit",
                                                                  Office::get().context()),
        UNO_QUERY_THROW);
}

std::vector<std::string> sheetNamesOf(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    std::vector<std::string> result;
    for (const auto& n : doc->getSheets()->getElementNames()) result.push_back(toUtf8(n));
    return result;
}

std::string runBasic(const Reference<css::sheet::XSpreadsheetDocument>& host,
                     const std::string& module, const std::string& source,
                     const std::string& function) {
    const auto libraries =
        Reference<css::document::XEmbeddedScripts>(host, UNO_QUERY_THROW)->getBasicLibraries();
    if (!libraries->hasByName("Standard")) libraries->createLibrary("Standard");
    Reference<css::container::XNameContainer> standard(libraries->getByName("Standard"),
                                                       UNO_QUERY_THROW);
    if (!standard->hasByName(toOUString(module)))
        standard->insertByName(toOUString(module), css::uno::Any(toOUString(source)));
    const auto script =
        Reference<css::script::provider::XScriptProviderSupplier>(host, UNO_QUERY_THROW)
            ->getScriptProvider()
            ->getScript(toOUString("vnd.sun.star.script:Standard." + module + "." + function +
                                   "?language=Basic&location=document"));
    css::uno::Sequence<sal_Int16> outIndex;
    css::uno::Sequence<css::uno::Any> out;
    rtl::OUString result;
    script->invoke({}, outIndex, out) >>= result;
    return toUtf8(result);
}

Reference<css::sheet::XSpreadsheet> byNameOrThrow(
    const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& name) {
    return Reference<css::sheet::XSpreadsheet>(doc->getSheets()->getByName(toOUString(name)),
                                               UNO_QUERY_THROW);
}

css::table::CellRangeAddress usedArea(const Reference<css::sheet::XSpreadsheet>& sheet) {
    const auto cursor = sheet->createCursor();
    Reference<css::sheet::XUsedAreaCursor> area(cursor, UNO_QUERY_THROW);
    area->gotoStartOfUsedArea(false);
    area->gotoEndOfUsedArea(true);
    return Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
}

css::uno::Sequence<css::uno::Sequence<css::uno::Any>> usedData(
    const Reference<css::sheet::XSpreadsheet>& sheet) {
    const auto area = usedArea(sheet);
    return Reference<css::sheet::XCellRangeData>(
               Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                   ->getCellRangeByPosition(0, 0, area.EndColumn, area.EndRow),
               UNO_QUERY_THROW)
        ->getDataArray();
}

void writeColumn(
    const Reference<css::sheet::XSpreadsheet>& sheet, int column, int firstRow,
    const std::vector<std::vector<std::variant<std::monostate, double, std::string>>>& values) {
    if (values.empty()) return;
    css::uno::Sequence<css::uno::Sequence<css::uno::Any>> data(
        static_cast<sal_Int32>(values.size()));
    for (std::size_t r = 0; r < values.size(); ++r) {
        css::uno::Sequence<css::uno::Any> row(1);
        const auto& v = values[r].at(0);
        if (const auto* number = std::get_if<double>(&v))
            row.getArray()[0] <<= *number;
        else if (const auto* text = std::get_if<std::string>(&v))
            row.getArray()[0] <<= toOUString(*text);
        else
            row.getArray()[0] <<= rtl::OUString();
        data.getArray()[r] = row;
    }
    const auto range = Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                           ->getCellRangeByPosition(column, firstRow, column,
                                                    firstRow + static_cast<int>(values.size()) - 1);
    Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->setDataArray(data);
}

void setFormula(const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& address,
                const std::string& formula) {
    cell(sheet, address)->setFormula(toOUString(formula));
}

void setText(const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& address,
             const std::string& text) {
    Reference<css::text::XText>(cell(sheet, address), UNO_QUERY_THROW)->setString(toOUString(text));
}

void setNumber(const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& address,
               double value) {
    cell(sheet, address)->setValue(value);
}

std::string textOf(const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& address) {
    return toUtf8(Reference<css::text::XText>(cell(sheet, address), UNO_QUERY_THROW)->getString());
}

double valueOf(const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& address) {
    return cell(sheet, address)->getValue();
}

int errorOf(const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& address) {
    return static_cast<int>(cell(sheet, address)->getError());
}

Dispatched dispatchToolbar(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                           const std::string& command,
                           const std::vector<std::pair<std::string, std::string>>& arguments) {
    const auto frame =
        Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
    css::uno::Sequence<css::beans::PropertyValue> args(static_cast<sal_Int32>(arguments.size()));
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        args.getArray()[i].Name = toOUString(arguments[i].first);
        args.getArray()[i].Value <<= toOUString(arguments[i].second);
    }
    const auto result =
        css::frame::DispatchHelper::create(Office::get().context())
            ->executeDispatch(Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW),
                              toOUString("org.dealsheet.calc:" + command), "", 0, args);
    Dispatched outcome;
    css::frame::DispatchResultEvent event;
    rtl::OUString message;
    if ((result >>= event) && (event.Result >>= message)) {
        outcome.failed = event.State == css::frame::DispatchResultState::FAILURE;
        outcome.message = toUtf8(message);
    }
    return outcome;
}

void typeRows(const Reference<css::sheet::XSpreadsheetDocument>& doc,
              const Reference<css::sheet::XSpreadsheet>& sheet,
              const std::vector<std::vector<std::string>>& rows, int firstRow) {
    const auto controller =
        Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController();
    const Reference<css::view::XSelectionSupplier> selection(controller, UNO_QUERY_THROW);
    const Reference<css::frame::XDispatchProvider> provider(controller->getFrame(),
                                                            UNO_QUERY_THROW);
    const auto helper = css::frame::DispatchHelper::create(Office::get().context());
    css::uno::Sequence<css::beans::PropertyValue> args(1);
    args.getArray()[0].Name = "StringName";
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            if (rows[r][c].empty()) continue;
            selection->select(css::uno::Any(
                sheet->getCellByPosition(static_cast<sal_Int32>(c),
                                         static_cast<sal_Int32>(firstRow + static_cast<int>(r)))));
            args.getArray()[0].Value <<= toOUString(rows[r][c]);
            helper->executeDispatch(provider, ".uno:EnterString", "", 0, args);
        }
}

}  // namespace dealsheet::driver
