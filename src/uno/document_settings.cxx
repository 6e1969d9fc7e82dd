#include "document_settings.hxx"

#include <stdexcept>

#include <com/sun/star/util/Date.hpp>

namespace dealsheet::uno {

namespace css = com::sun::star;

FunctionContext contextOf(const css::uno::Reference<css::beans::XPropertySet>& document) {
    CivilDate nullDate = SerialDates::kDefaultNullDate;
    if (document.is()) {
        try {
            css::util::Date date;
            if (document->getPropertyValue("NullDate") >>= date)
                nullDate = CivilDate{date.Year, date.Month, date.Day};
        } catch (const css::uno::Exception&) {
            // Not a spreadsheet document (e.g. called from a macro): keep the default.
        }
    }
    try {
        return FunctionContext{SerialDates(nullDate), {}, kDefaultWarnDays, std::nullopt};
    } catch (const std::invalid_argument&) {
        return FunctionContext{SerialDates(), {}, kDefaultWarnDays, std::nullopt};
    }
}

}  // namespace dealsheet::uno
