#include "document_settings.hxx"

#include <chrono>
#include <mutex>
#include <stdexcept>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/Date.hpp>

#include "workbook_reader.hxx"

namespace dealsheet::uno {

namespace css = com::sun::star;

namespace {

// Functions are recalculated cell by cell; reading the Settings sheet for each call would
// be slow. The settings of the last document are kept for a moment: a recalculation burst
// reads the sheet once.
Settings settingsOf(const css::uno::Reference<css::beans::XPropertySet>& document) {
    static std::mutex mutex;
    static const void* cachedDocument = nullptr;
    static std::chrono::steady_clock::time_point cachedAt;
    static Settings cached;
    constexpr auto kFresh = std::chrono::seconds(2);

    css::uno::Reference<css::sheet::XSpreadsheetDocument> doc(document, css::uno::UNO_QUERY);
    if (!doc.is()) return readSettings(productSchema(), {});
    const void* key = css::uno::Reference<css::uno::XInterface>(doc, css::uno::UNO_QUERY).get();
    const auto now = std::chrono::steady_clock::now();
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (key == cachedDocument && now - cachedAt < kFresh) return cached;
    }
    Settings fresh = readDocumentSettings(doc);
    std::lock_guard<std::mutex> lock(mutex);
    cachedDocument = key;
    cachedAt = now;
    cached = fresh;
    return fresh;
}

}  // namespace

FunctionContext contextOf(const css::uno::Reference<css::beans::XPropertySet>& document) {
    CivilDate nullDate = SerialDates::kDefaultNullDate;
    Settings settings;
    try {
        settings = settingsOf(document);
        css::util::Date date;
        if (document.is() && (document->getPropertyValue("NullDate") >>= date))
            nullDate = CivilDate{date.Year, date.Month, date.Day};
    } catch (const css::uno::Exception&) {
        // Not a spreadsheet document (e.g. called from a macro): keep the defaults.
    }
    FunctionContext context{SerialDates(), settings.thresholds, settings.reminderDays,
                            std::nullopt};
    try {
        context.dates = SerialDates(nullDate);
    } catch (const std::invalid_argument&) {
        // An odd null date: the default one.
    }
    return context;
}

}  // namespace dealsheet::uno
