#include "uno/dossier/dossier_export.hxx"

#include <cstring>
#include <map>
#include <optional>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/ModuleManager.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/frame/XTitle.hpp>
#include <com/sun/star/io/IOException.hpp>
#include <com/sun/star/io/SequenceInputStream.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <rtl/uri.hxx>

#include "core/dossier/dossier.hpp"
#include "core/dossier/dossier_document.hpp"
#include "core/dossier/dossier_messages.hpp"
#include "core/text/messages.hpp"
#include "core/text/text.hpp"
#include "core/validate/validator.hpp"
#include "uno/workbook/choice_dialog.hxx"
#include "uno/workbook/document_settings.hxx"
#include "uno/workbook/file_picker.hxx"
#include "uno/workbook/office_util.hxx"
#include "uno/workbook/uno_util.hxx"
#include "uno/workbook/workbook_reader.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::Any;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

css::beans::PropertyValue property(const char* name, const Any& value) {
    css::beans::PropertyValue p;
    p.Name = OUString::createFromAscii(name);
    p.Value = value;
    return p;
}

// The number format code of every date column, taken from its first dated cell: the dossier
// shows dates as the workbook does. One property read per date column.
std::map<std::pair<std::string, int>, std::string> readDateFormats(
    const Reference<css::sheet::XSpreadsheetDocument>& doc,
    const std::vector<RecognisedSheet>& sheets) {
    std::map<std::pair<std::string, int>, std::string> formats;
    Reference<css::util::XNumberFormatsSupplier> supplier(doc, UNO_QUERY);
    if (!supplier.is()) return formats;
    const auto numberFormats = supplier->getNumberFormats();
    for (const auto& s : sheets) {
        for (const auto& column : s.schema->columns) {
            const int c = s.column(column.id);
            if (!column.isDate() || c < 0) continue;
            for (int r = 1; r < s.data->rowCount(); ++r) {
                if (!std::holds_alternative<double>(s.data->at(r, c)) || s.data->errorAt(r, c))
                    continue;
                try {
                    Reference<css::beans::XPropertySet> cell(
                        sheetByName(doc, s.data->name)->getCellByPosition(c, s.data->sheetRow(r)),
                        UNO_QUERY_THROW);
                    sal_Int32 key = 0;
                    cell->getPropertyValue("NumberFormat") >>= key;
                    OUString code;
                    numberFormats->getByKey(key)->getPropertyValue("FormatString") >>= code;
                    formats[{s.data->name, c}] = toUtf8(code);
                } catch (const css::uno::Exception&) {
                    // ISO dates then; a format is a nicety, never a reason to fail.
                }
                break;
            }
        }
    }
    return formats;
}

// The document's file name ("销售台账.ods"), or its window title when it was never saved.
std::string documentName(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    Reference<css::frame::XModel> model(doc, UNO_QUERY);
    const OUString url = model.is() ? model->getURL() : OUString();
    if (!url.isEmpty())
        return toUtf8(rtl::Uri::decode(url.copy(url.lastIndexOf('/') + 1), rtl_UriDecodeWithCharset,
                                       RTL_TEXTENCODING_UTF8));
    Reference<css::frame::XTitle> title(doc, UNO_QUERY);
    return title.is() ? toUtf8(title->getTitle()) : std::string();
}

// The workbook read once through the shared reader, with what the dossier needs besides.
class DossierWorkbook {
  public:
    DossierWorkbook(const Reference<css::uno::XComponentContext>& context,
                    const Reference<css::sheet::XSpreadsheetDocument>& doc)
        : data_(readWorkbook(doc).sheets) {
        for (const auto& [schema, data] : data_) input_.sheets.push_back(recognise(*schema, data));
        const FunctionContext functions =
            contextOf(Reference<css::beans::XPropertySet>(doc, UNO_QUERY));
        input_.dates = functions.dates;
        input_.today = functions.dates.todaySerial();
        input_.lang = workbookLanguage(input_.sheets, officeLanguage(context));
        input_.workbookName = documentName(doc);
        input_.dateFormats = readDateFormats(doc, input_.sheets);
    }
    DossierWorkbook(const DossierWorkbook&) = delete;
    DossierWorkbook& operator=(const DossierWorkbook&) = delete;

    const DossierInput& input() const { return input_; }

  private:
    std::vector<std::pair<const SheetSchema*, SheetData>> data_;  // the recognised sheets' rows
    DossierInput input_;
};

// Closes the hidden document on every path.
class ClosingGuard {
  public:
    explicit ClosingGuard(Reference<css::lang::XComponent> component)
        : component_(std::move(component)) {}
    ~ClosingGuard() {
        try {
            Reference<css::util::XCloseable> closeable(component_, UNO_QUERY);
            if (closeable.is())
                closeable->close(true);
            else if (component_.is())
                component_->dispose();
        } catch (...) {
            // Nothing more can be done; the document is hidden and holds nothing of the user's.
        }
    }
    ClosingGuard(const ClosingGuard&) = delete;
    ClosingGuard& operator=(const ClosingGuard&) = delete;

  private:
    Reference<css::lang::XComponent> component_;
};

// A local file URL as the user knows it (/home/me/HT-1.pdf); other URLs as they are.
std::string shownPath(const OUString& url) {
    if (!url.startsWith("file:///")) return toUtf8(url);
    return toUtf8(rtl::Uri::decode(url.copy(7), rtl_UriDecodeWithCharset, RTL_TEXTENCODING_UTF8));
}

// The dossier's text document is Writer's: its module (the ModuleManager lists the office's
// /org.openoffice.Setup/Office/Factories), the Flat XML filter it is loaded with and the PDF
// filter it is exported with. An office installed without Writer has none of them: Debian's
// libreoffice-calc alone leaves out writer.xcd, the configuration that declares all three.
// When the office cannot answer, loading the document decides (writePdf).
bool officeHasWriter(const Reference<css::uno::XComponentContext>& context) {
    try {
        Reference<css::container::XNameAccess> modules(css::frame::ModuleManager::create(context),
                                                       UNO_QUERY_THROW);
        if (!modules->hasByName("com.sun.star.text.TextDocument")) return false;
        Reference<css::container::XNameAccess> filters(
            context->getServiceManager()->createInstanceWithContext(
                "com.sun.star.document.FilterFactory", context),
            UNO_QUERY_THROW);
        return filters->hasByName("OpenDocument Text Flat XML") &&
               filters->hasByName("writer_pdf_Export");
    } catch (const css::uno::Exception&) {
        return true;
    }
}

// Says what to install, before the user is asked anything and before the workbook is read.
void requireWriter(const Reference<css::uno::XComponentContext>& context, Lang uiLang) {
    if (!officeHasWriter(context))
        throw css::uno::RuntimeException(toOUString(msg::kDossierNeedsWriter.in(uiLang)));
}

// The dossier's text document, loaded hidden from memory in one go (no temporary file), then
// exported through the office's PDF filter to `url` and closed.
void writePdf(const Reference<css::uno::XComponentContext>& context, const std::string& fodt,
              const OUString& url, Lang uiLang) {
    Sequence<sal_Int8> bytes(static_cast<sal_Int32>(fodt.size()));
    std::memcpy(bytes.getArray(), fodt.data(), fodt.size());
    Sequence<css::beans::PropertyValue> load(4);
    auto* l = load.getArray();
    l[0] = property("InputStream",
                    Any(css::io::SequenceInputStream::createStreamFromSequence(context, bytes)));
    l[1] = property("FilterName", Any(OUString("OpenDocument Text Flat XML")));
    l[2] = property("Hidden", Any(true));
    l[3] = property("MacroExecutionMode", Any(css::document::MacroExecMode::NEVER_EXECUTE));
    Reference<css::lang::XComponent> writer;
    try {
        writer = css::frame::Desktop::create(context)->loadComponentFromURL("private:stream",
                                                                            "_blank", 0, load);
    } catch (const css::lang::IllegalArgumentException&) {
        // An unknown filter or document service: told below, as for no document at all.
    } catch (const css::io::IOException&) {
        // The document could not be read from memory: told below.
    }
    ClosingGuard closing(writer);
    if (!writer.is()) {
        requireWriter(context, uiLang);
        throw css::uno::RuntimeException(toOUString(msg::kDossierNoTextDocument.in(uiLang)));
    }

    Sequence<css::beans::PropertyValue> pdf(3);
    auto* p = pdf.getArray();
    p[0] = property("ExportBookmarks", Any(true));  // the headings as the PDF's outline
    p[1] = property("UseTaggedPDF", Any(true));     // readable by screen readers
    p[2] = property("ExportNotes", Any(false));
    Sequence<css::beans::PropertyValue> store(2);
    auto* s = store.getArray();
    s[0] = property("FilterName", Any(OUString("writer_pdf_Export")));
    s[1] = property("FilterData", Any(pdf));
    try {
        Reference<css::frame::XStorable>(writer, UNO_QUERY_THROW)->storeToURL(url, store);
    } catch (const css::io::IOException&) {
        throw css::lang::IllegalArgumentException(
            toOUString(msg::format(msg::kDossierNotWritten.in(uiLang), shownPath(url))), nullptr,
            3);
    }
}

bool looksLikeUrl(std::string_view url) {
    const std::size_t colon = url.find(':');
    if (colon == std::string_view::npos || colon < 2 || colon + 1 >= url.size()) return false;
    for (std::size_t i = 0; i < colon; ++i) {
        const char c = url[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter && !(i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))
            return false;
    }
    return true;
}

[[noreturn]] void refuse(const std::string& message, sal_Int16 argument) {
    throw css::lang::IllegalArgumentException(toOUString(message), nullptr, argument);
}

CommandOutcome exportFrom(const Reference<css::uno::XComponentContext>& context,
                          const DossierWorkbook& book, const std::string& contractNo,
                          const std::string& targetUrl) {
    const Lang uiLang = officeLanguage(context);
    if (!looksLikeUrl(targetUrl)) refuse(std::string(msg::kDossierBadUrl.in(uiLang)), 3);
    CommandOutcome outcome;
    try {
        if (!isBlank(contractNo)) {
            const Dossier dossier = buildDossier(book.input(), contractNo);
            const OUString url = toOUString(targetUrl);
            writePdf(context, dossierFlatOdt(dossier), url, uiLang);
            outcome.count = static_cast<long>(dossier.rowCount());
            outcome.message = msg::format(
                msg::format(msg::kDossierWritten.in(uiLang), std::to_string(outcome.count)),
                shownPath(url));
            return outcome;
        }
        const auto contracts = listContracts(book.input().sheets);
        if (contracts.empty())
            throw DossierError(std::string(msg::kNoContracts.zh),
                               std::string(msg::kNoContracts.en));
        const auto names = dossierFileNames(contracts);
        OUString folder = toOUString(targetUrl);
        if (!folder.endsWith("/")) folder += "/";
        for (std::size_t i = 0; i < contracts.size(); ++i) {
            const Dossier dossier = buildDossier(book.input(), contracts[i].contractNo);
            writePdf(context, dossierFlatOdt(dossier),
                     folder + rtl::Uri::encode(toOUString(names[i]), rtl_UriCharClassPchar,
                                               rtl_UriEncodeIgnoreEscapes, RTL_TEXTENCODING_UTF8),
                     uiLang);
        }
        outcome.count = static_cast<long>(contracts.size());
        outcome.message = msg::format(
            msg::format(msg::kDossiersWritten.in(uiLang), std::to_string(outcome.count)),
            shownPath(folder));
        return outcome;
    } catch (const DossierError& e) {
        refuse(e.in(uiLang), 2);
    }
}

// The contracts of the row the user's cursor is on (see contractsOfRow).
std::vector<std::string> selectedContracts(const Reference<css::frame::XFrame>& frame,
                                           const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                           const DossierWorkbook& book) {
    try {
        if (!frame.is()) return {};
        Reference<css::view::XSelectionSupplier> selection(frame->getController(), UNO_QUERY);
        if (!selection.is()) return {};
        const Any selected = selection->getSelection();
        css::table::CellRangeAddress address;
        if (Reference<css::sheet::XCellRangeAddressable> range(selected, UNO_QUERY); range.is()) {
            address = range->getRangeAddress();
        } else if (Reference<css::sheet::XSheetCellRanges> ranges(selected, UNO_QUERY);
                   ranges.is() && ranges->getRangeAddresses().getLength() > 0) {
            address = ranges->getRangeAddresses()[0];
        } else {
            return {};
        }
        Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
        if (address.Sheet < 0 || address.Sheet >= sheets->getCount()) return {};
        const std::string name = toUtf8(
            Reference<css::container::XNamed>(sheets->getByIndex(address.Sheet), UNO_QUERY_THROW)
                ->getName());
        for (const auto& sheet : book.input().sheets)
            if (sheet.data->name == name)
                return contractsOfRow(book.input().sheets, sheet, address.StartRow);
    } catch (const css::uno::Exception&) {
        // No usable selection: the user is asked instead.
    }
    return {};
}

CommandOutcome cancelled(Lang uiLang) {
    CommandOutcome outcome;
    outcome.message = msg::kCancelled.in(uiLang);
    outcome.count = -1;
    return outcome;
}

}  // namespace

CommandOutcome exportDossier(const Reference<css::uno::XComponentContext>& context,
                             const Reference<css::sheet::XSpreadsheetDocument>& doc,
                             const std::string& contractNo, const std::string& fileUrl) {
    requireWriter(context, officeLanguage(context));
    const DossierWorkbook book(context, doc);
    return exportFrom(context, book, contractNo, fileUrl);
}

CommandOutcome contractDossierCommand(const Reference<css::uno::XComponentContext>& context,
                                      const Reference<css::frame::XFrame>& frame,
                                      const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                      const Sequence<css::beans::PropertyValue>& arguments,
                                      bool withDialogs) {
    const Lang uiLang = officeLanguage(context);
    std::string contractNo, fileUrl, folderUrl;
    for (const auto& argument : arguments) {
        OUString value;
        if (!(argument.Value >>= value)) continue;
        if (argument.Name == "ContractNo") contractNo = toUtf8(value);
        if (argument.Name == "FileUrl") fileUrl = toUtf8(value);
        if (argument.Name == "FolderUrl") folderUrl = toUtf8(value);
    }
    requireWriter(context, uiLang);
    const DossierWorkbook book(context, doc);
    if (!folderUrl.empty()) return exportFrom(context, book, "", folderUrl);
    const auto selected =
        contractNo.empty() ? selectedContracts(frame, doc, book) : std::vector<std::string>();
    if (selected.size() == 1) contractNo = selected.front();
    if (!contractNo.empty() && !fileUrl.empty())
        return exportFrom(context, book, contractNo, fileUrl);
    if (!withDialogs) refuse(std::string(msg::kDossierNeedsTarget.in(uiLang)), 0);

    const auto contracts = listContracts(book.input().sheets);
    if (contracts.empty()) {
        CommandOutcome outcome;
        outcome.message = msg::kNoContracts.in(uiLang);
        return outcome;
    }
    bool everyContract = false;
    if (contractNo.empty()) {
        // The customer's contracts when the row is about a customer with several, else all.
        std::vector<const ContractEntry*> offered;
        for (const auto& c : contracts)
            if (selected.empty() ||
                std::find(selected.begin(), selected.end(), c.contractNo) != selected.end())
                offered.push_back(&c);
        std::vector<std::string> items;
        for (const auto* c : offered) {
            std::string item = c->contractNo;
            if (!c->contractName.empty()) item += "  " + c->contractName;
            if (!c->customerName.empty())
                item += uiLang == Lang::En ? " (" + c->customerName + ")"
                                           : "（" + c->customerName + "）";
            items.push_back(item);
        }
        items.emplace_back(msg::kAllContracts.in(uiLang));
        const auto picked = askChoice(
            context, frame,
            {std::string(msg::kDossierTitle.in(uiLang)), std::string(msg::kAskContract.in(uiLang)),
             items, 0, std::string(msg::kOk.in(uiLang)), std::string(msg::kCancel.in(uiLang))});
        if (!picked) return cancelled(uiLang);
        if (static_cast<std::size_t>(*picked) >= offered.size())
            everyContract = true;
        else
            contractNo = offered[static_cast<std::size_t>(*picked)]->contractNo;
    }
    if (everyContract) {
        const auto chosen =
            pickFolder(context, doc, std::string(msg::kChooseDossierFolder.in(uiLang)));
        if (!chosen) return cancelled(uiLang);
        return exportFrom(context, book, "", *chosen);
    }
    std::string customerName;
    for (const auto& c : contracts)
        if (foldForComparison(c.contractNo) == foldForComparison(contractNo))
            customerName = c.customerName;
    const auto chosen =
        pickFileToSave(context, doc, std::string(msg::kSaveDossierAs.in(uiLang)), "PDF (*.pdf)",
                       ".pdf", dossierFileName(contractNo, customerName));
    if (!chosen) return cancelled(uiLang);
    return exportFrom(context, book, contractNo, *chosen);
}

}  // namespace dealsheet::uno
