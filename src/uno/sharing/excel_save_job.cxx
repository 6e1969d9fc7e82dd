// org.dealsheet.calc.ExcelSaveJob: runs after a document is saved (Jobs.xcu, events OnSaveDone
// and OnSaveAsDone). When a spreadsheet was saved as .xlsx to a local file, it removes the
// unused second formula LibreOffice writes into every drop-down list rule, so that other
// spreadsheets keep the drop-downs (see core/xlsx_lists.hpp). It writes only the file the user
// has just saved, through the office's own package storage, which rewrites a local file in
// place (LibreOffice may hold it open for the next save); the file keeps its modification time,
// so the next File ▸ Save does not think someone else changed it. When anything fails, the
// file stays as LibreOffice wrote it.
#include <optional>
#include <string>

#include <com/sun/star/beans/Property.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/embed/ElementModes.hpp>
#include <com/sun/star/embed/StorageFactory.hpp>
#include <com/sun/star/embed/XStorage.hpp>
#include <com/sun/star/embed/XTransactedObject.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/io/XInputStream.hpp>
#include <com/sun/star/io/XOutputStream.hpp>
#include <com/sun/star/io/XStream.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sdbc/XRow.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/ucb/Command.hpp>
#include <com/sun/star/ucb/UniversalContentBroker.hpp>
#include <com/sun/star/ucb/XCommandProcessor.hpp>
#include <com/sun/star/util/DateTime.hpp>

#include "core/sharing/xlsx_lists.hpp"
#include "uno/workbook/document_job.hxx"
#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;
namespace ElementModes = css::embed::ElementModes;

// LibreOffice's filters that write Office Open XML spreadsheets.
bool isXlsxFilter(const OUString& filter) {
    return filter == "Calc MS Excel 2007 XML" || filter == "Calc Office Open XML" ||
           filter == "Calc MS Excel 2007 VBA XML" || filter == "Calc MS Excel 2007 XML Template";
}

std::string readAll(const Reference<css::io::XInputStream>& input) {
    std::string bytes;
    Sequence<sal_Int8> chunk;
    while (input->readBytes(chunk, 1 << 20) > 0)
        bytes.append(reinterpret_cast<const char*>(chunk.getConstArray()),
                     static_cast<std::size_t>(chunk.getLength()));
    return bytes;
}

Reference<css::ucb::XCommandProcessor> contentOf(
    const Reference<css::uno::XComponentContext>& context, const OUString& url) {
    const auto broker = css::ucb::UniversalContentBroker::create(context);
    return Reference<css::ucb::XCommandProcessor>(
        broker->queryContent(broker->createContentIdentifier(url)), UNO_QUERY_THROW);
}

// Rewrites the worksheet parts of the .xlsx package at `url`; returns whether any changed.
bool fixWorksheets(const Reference<css::uno::XComponentContext>& context, const OUString& url) {
    Sequence<css::beans::PropertyValue> format(1);
    format.getArray()[0].Name = "StorageFormat";
    format.getArray()[0].Value <<= OUString("ZipFormat");
    Sequence<Any> arguments(3);
    arguments.getArray()[0] <<= url;
    arguments.getArray()[1] <<= ElementModes::READWRITE;
    arguments.getArray()[2] <<= format;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"  // the storage factory's only method
    const Reference<css::embed::XStorage> root(
        css::embed::StorageFactory::create(context)->createInstanceWithArguments(arguments),
        UNO_QUERY_THROW);
#pragma GCC diagnostic pop
    bool changed = false;
    try {
        if (root->hasByName("xl") && root->isStorageElement("xl")) {
            const auto xl = root->openStorageElement("xl", ElementModes::READWRITE);
            if (xl->hasByName("worksheets") && xl->isStorageElement("worksheets")) {
                const auto sheets = xl->openStorageElement("worksheets", ElementModes::READWRITE);
                for (const auto& name : sheets->getElementNames()) {
                    if (!name.endsWith(".xml") || !sheets->isStreamElement(name)) continue;
                    std::string xml;
                    {
                        const auto stream = sheets->openStreamElement(name, ElementModes::READ);
                        xml = readAll(stream->getInputStream());
                        Reference<css::lang::XComponent>(stream, UNO_QUERY_THROW)->dispose();
                    }
                    const auto fixed = withoutListSecondFormulas(xml);
                    if (!fixed) continue;
                    const auto stream = sheets->openStreamElement(
                        name, ElementModes::WRITE | ElementModes::TRUNCATE);
                    const auto output = stream->getOutputStream();
                    output->writeBytes(
                        Sequence<sal_Int8>(reinterpret_cast<const sal_Int8*>(fixed->data()),
                                           static_cast<sal_Int32>(fixed->size())));
                    output->closeOutput();
                    changed = true;
                }
                if (changed)
                    Reference<css::embed::XTransactedObject>(sheets, UNO_QUERY_THROW)->commit();
            }
            if (changed) Reference<css::embed::XTransactedObject>(xl, UNO_QUERY_THROW)->commit();
        }
        if (changed) Reference<css::embed::XTransactedObject>(root, UNO_QUERY_THROW)->commit();
    } catch (...) {
        Reference<css::lang::XComponent>(root, UNO_QUERY_THROW)->dispose();
        throw;
    }
    Reference<css::lang::XComponent>(root, UNO_QUERY_THROW)->dispose();
    return changed;
}

// The file's modification time through the office's content broker (nothing when unknown).
std::optional<Any> modifiedTime(const Reference<css::uno::XComponentContext>& context,
                                const OUString& url) {
    Sequence<css::beans::Property> wanted(1);
    wanted.getArray()[0].Name = "DateModified";
    wanted.getArray()[0].Handle = -1;
    css::ucb::Command command;
    command.Name = "getPropertyValues";
    command.Handle = -1;
    command.Argument <<= wanted;
    Reference<css::sdbc::XRow> row;
    contentOf(context, url)->execute(command, 0, nullptr) >>= row;
    if (!row.is()) return std::nullopt;
    const auto time = row->getTimestamp(1);
    if (row->wasNull()) return std::nullopt;
    return Any(time);
}

void setModifiedTime(const Reference<css::uno::XComponentContext>& context, const OUString& url,
                     const Any& time) {
    Sequence<css::beans::PropertyValue> values(1);
    values.getArray()[0].Name = "DateModified";
    values.getArray()[0].Handle = -1;
    values.getArray()[0].Value = time;
    css::ucb::Command command;
    command.Name = "setPropertyValues";
    command.Handle = -1;
    command.Argument <<= values;
    contentOf(context, url)->execute(command, 0, nullptr);
}

class ExcelSaveJob : public DocumentJob {
  public:
    explicit ExcelSaveJob(const Reference<css::uno::XComponentContext>& context)
        : DocumentJob("org.dealsheet.calc.ExcelSaveJobImpl", "org.dealsheet.calc.ExcelSaveJob"),
          context_(context) {}

  protected:
    // Any failure leaves the file as LibreOffice wrote it; saving never fails because of it.
    void run(const Reference<css::frame::XModel>& model) override {
        if (!Reference<css::sheet::XSpreadsheetDocument>(model, UNO_QUERY).is()) return;
        OUString filter;
        for (const auto& value : model->getArgs())
            if (value.Name == "FilterName") value.Value >>= filter;
        if (!isXlsxFilter(filter)) return;
        const Reference<css::frame::XStorable> storable(model, UNO_QUERY_THROW);
        const OUString url = storable->getLocation();
        if (!url.startsWith("file:")) return;
        const auto time = modifiedTime(context_, url);
        if (fixWorksheets(context_, url) && time) setModifiedTime(context_, url, *time);
    }

  private:
    Reference<css::uno::XComponentContext> context_;
};

}  // namespace
}  // namespace dealsheet::uno

extern "C" SAL_DLLPUBLIC_EXPORT com::sun::star::uno::XInterface*
org_dealsheet_calc_ExcelSaveJob_get_implementation(
    com::sun::star::uno::XComponentContext* context,
    const com::sun::star::uno::Sequence<com::sun::star::uno::Any>&) {
    return cppu::acquire(new dealsheet::uno::ExcelSaveJob(context));
}
