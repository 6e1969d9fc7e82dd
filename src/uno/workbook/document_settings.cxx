#include "uno/workbook/document_settings.hxx"

#include <chrono>
#include <mutex>
#include <stdexcept>

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/Date.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <cppuhelper/weakref.hxx>

#include "uno/workbook/uno_util.hxx"
#include "uno/workbook/workbook_reader.hxx"

namespace dealsheet::uno {

namespace css = com::sun::star;

namespace {

struct DocumentFacts {
    CivilDate nullDate = SerialDates::kDefaultNullDate;
    Settings settings;
};

DocumentFacts readFacts(const css::uno::Reference<css::beans::XPropertySet>& document,
                        const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc) {
    DocumentFacts facts;
    facts.settings = readDocumentSettings(doc);
    css::util::Date date;
    if (document->getPropertyValue("NullDate") >>= date)
        facts.nullDate = CivilDate{date.Year, date.Month, date.Day};
    return facts;
}

FunctionContext contextFrom(const DocumentFacts& facts) {
    FunctionContext context{SerialDates(), facts.settings.thresholds(),
                            facts.settings.reminderDays(), std::nullopt};
    try {
        context.dates = SerialDates(facts.nullDate);
    } catch (const std::invalid_argument&) {
        // An odd null date: the default one.
    }
    return context;
}

}  // namespace

// Functions are recalculated cell by cell; reading the Settings sheet and the null date for
// each call would cost more than the function itself. The context of the last document is kept
// for a moment, so a recalculation burst reads it once; a hit costs a clock read and a pointer
// comparison (no interface query, no copy of the Settings).
FunctionContext contextOf(const css::uno::Reference<css::beans::XPropertySet>& document) {
    static std::mutex mutex;
    static const void* cachedDocument = nullptr;
    static std::chrono::steady_clock::time_point cachedAt;
    static FunctionContext cached;
    constexpr auto kFresh = std::chrono::seconds(2);

    const void* key = document.get();
    const auto now = std::chrono::steady_clock::now();
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (key && key == cachedDocument && now - cachedAt < kFresh) return cached;
    }
    css::uno::Reference<css::sheet::XSpreadsheetDocument> doc(document, css::uno::UNO_QUERY);
    if (!doc.is())
        return contextFrom(
            DocumentFacts{SerialDates::kDefaultNullDate, readSettings(productSchema(), {})});
    const FunctionContext fresh = contextFrom(readFacts(document, doc));
    std::lock_guard<std::mutex> lock(mutex);
    cachedDocument = key;
    cachedAt = now;
    cached = fresh;
    return fresh;
}

std::string readDocumentText(const css::uno::Reference<css::uno::XInterface>& document,
                             const char* name) {
    try {
        const css::uno::Reference<css::document::XDocumentPropertiesSupplier> supplier(
            document, css::uno::UNO_QUERY);
        if (!supplier.is()) return {};
        const css::uno::Reference<css::beans::XPropertySet> properties(
            supplier->getDocumentProperties()->getUserDefinedProperties(),
            css::uno::UNO_QUERY_THROW);
        const rtl::OUString property = rtl::OUString::createFromAscii(name);
        rtl::OUString text;
        if (properties->getPropertySetInfo()->hasPropertyByName(property))
            properties->getPropertyValue(property) >>= text;
        return toUtf8(text);
    } catch (const css::uno::Exception&) {
        return {};
    }
}

void writeDocumentText(const css::uno::Reference<css::uno::XInterface>& document, const char* name,
                       const std::string& text) {
    try {
        const css::uno::Reference<css::document::XDocumentPropertiesSupplier> supplier(
            document, css::uno::UNO_QUERY);
        if (!supplier.is()) return;
        const auto container = supplier->getDocumentProperties()->getUserDefinedProperties();
        const css::uno::Reference<css::beans::XPropertySet> properties(container,
                                                                       css::uno::UNO_QUERY_THROW);
        const rtl::OUString property = rtl::OUString::createFromAscii(name);
        if (properties->getPropertySetInfo()->hasPropertyByName(property))
            properties->setPropertyValue(property, css::uno::Any(toOUString(text)));
        else
            container->addProperty(property, css::beans::PropertyAttribute::REMOVABLE,
                                   css::uno::Any(toOUString(text)));
    } catch (const css::uno::Exception&) {
    }
}

}  // namespace dealsheet::uno
