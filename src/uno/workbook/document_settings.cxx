#include "uno/workbook/document_settings.hxx"

#include <chrono>
#include <mutex>
#include <stdexcept>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/Date.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <cppuhelper/weakref.hxx>

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

}  // namespace dealsheet::uno
