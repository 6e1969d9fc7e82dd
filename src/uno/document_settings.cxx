#include "document_settings.hxx"

#include <chrono>
#include <mutex>
#include <stdexcept>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/Date.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <cppuhelper/weakref.hxx>

#include "workbook_reader.hxx"

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

// Functions are recalculated cell by cell; reading the Settings sheet and the null date for
// each call would cost more than the function itself. The facts of the last document are
// kept for a moment, so a recalculation burst reads them once.
DocumentFacts factsOf(const css::uno::Reference<css::beans::XPropertySet>& document) {
    static std::mutex mutex;
    static const void* cachedDocument = nullptr;
    static std::chrono::steady_clock::time_point cachedAt;
    static DocumentFacts cached;
    constexpr auto kFresh = std::chrono::seconds(2);

    css::uno::Reference<css::sheet::XSpreadsheetDocument> doc(document, css::uno::UNO_QUERY);
    if (!doc.is())
        return DocumentFacts{SerialDates::kDefaultNullDate, readSettings(productSchema(), {})};
    const void* key = doc.get();
    const auto now = std::chrono::steady_clock::now();
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (key == cachedDocument && now - cachedAt < kFresh) return cached;
    }
    DocumentFacts fresh = readFacts(document, doc);
    std::lock_guard<std::mutex> lock(mutex);
    cachedDocument = key;
    cachedAt = now;
    cached = fresh;
    return fresh;
}

}  // namespace

FunctionContext contextOf(const css::uno::Reference<css::beans::XPropertySet>& document) {
    const DocumentFacts facts = factsOf(document);
    FunctionContext context{SerialDates(), facts.settings.thresholds, facts.settings.reminderDays,
                            std::nullopt};
    try {
        context.dates = SerialDates(facts.nullDate);
    } catch (const std::invalid_argument&) {
        // An odd null date: the default one.
    }
    return context;
}

}  // namespace dealsheet::uno
