// The Calc add-in: org.dealsheet.calc.Functions. Thin adapter from UNO to core/functions;
// Function Wizard texts come from core/function_table.
#include <mutex>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/Date.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/dealsheet/calc/XFunctions.hpp>

#include "core/functions/function_table.hpp"
#include "core/functions/functions.hpp"
#include "uno/workbook/document_settings.hxx"
#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using rtl::OUString;
using Range = Sequence<Sequence<Any>>;

constexpr char kImplementationName[] = "org.dealsheet.calc.FunctionsImpl";
constexpr char kServiceName[] = "org.dealsheet.calc.Functions";
constexpr char kAddInService[] = "com.sun.star.sheet.AddIn";

class FunctionsAddIn
    : public cppu::WeakImplHelper4<org::dealsheet::calc::XFunctions, css::sheet::XAddIn,
                                   css::lang::XServiceName, css::lang::XServiceInfo> {
  public:
    FunctionsAddIn() = default;

    // XFunctions
    OUString SAL_CALL customerNo(const Reference<css::beans::XPropertySet>& document,
                                 const Any& date, const Any& sequence) override {
        return guarded(self(), [&] {
            return toOUString(functions::customerNo(contextOf(document), toCellValue(date, 0),
                                                    toCellValue(sequence, 1)));
        });
    }

    OUString SAL_CALL nextCustomerNo(const Reference<css::beans::XPropertySet>& document,
                                     const Any& date, const Range& existing) override {
        return guarded(self(), [&] {
            return toOUString(functions::nextCustomerNo(contextOf(document), toCellValue(date, 0),
                                                        toCellGrid(existing, 1)));
        });
    }

    sal_Int32 SAL_CALL isCustomerNo(const Reference<css::beans::XPropertySet>& document,
                                    const Any& text, const Any& date) override {
        return guarded(self(), [&]() -> sal_Int32 {
            return functions::isCustomerNo(contextOf(document), toCellValue(text, 0),
                                           toCellValue(date, 1))
                       ? 1
                       : 0;
        });
    }

    OUString SAL_CALL leadGrade(const Reference<css::beans::XPropertySet>& document,
                                const Any& budget, const Any& urgency, const Any& likelihood,
                                const Any& budgetMin, const Any& urgencyMin,
                                const Any& likelihoodMin) override {
        return guarded(self(), [&] {
            return toOUString(functions::leadGrade(
                contextOf(document), toCellValue(budget, 0), toCellValue(urgency, 1),
                toCellValue(likelihood, 2), toCellValue(budgetMin, 3), toCellValue(urgencyMin, 4),
                toCellValue(likelihoodMin, 5)));
        });
    }

    OUString SAL_CALL dueStatus(const Reference<css::beans::XPropertySet>& document, const Any& due,
                                const Any& status, const Any& completed, const Any& today,
                                const Any& warnDays, const Any& lang) override {
        return guarded(self(), [&] {
            return toOUString(functions::dueStatus(contextOf(document), toCellValue(due, 0),
                                                   toCellValue(status, 1),
                                                   toCellValue(completed, 2), toCellValue(today, 3),
                                                   toCellValue(warnDays, 4), toCellValue(lang, 5)));
        });
    }

    Any SAL_CALL daysOverdue(const Reference<css::beans::XPropertySet>& document, const Any& due,
                             const Any& completed, const Any& today, const Any& status) override {
        return guarded(self(), [&] {
            const auto days = functions::daysOverdue(contextOf(document), toCellValue(due, 0),
                                                     toCellValue(completed, 1),
                                                     toCellValue(today, 2), toCellValue(status, 3));
            return days ? Any(*days) : Any(OUString());  // empty text: an empty-looking cell
        });
    }

    double SAL_CALL missingCount(const Reference<css::beans::XPropertySet>&,
                                 const Range& values) override {
        return guarded(self(), [&] { return functions::missingCount(toCellGrid(values, 0)); });
    }

    OUString SAL_CALL missingFields(const Reference<css::beans::XPropertySet>&, const Range& values,
                                    const Range& headers) override {
        return guarded(self(), [&] {
            return toOUString(
                functions::missingFields(toCellGrid(values, 0), toCellGrid(headers, 1)));
        });
    }

    OUString SAL_CALL approvalResult(const Reference<css::beans::XPropertySet>&,
                                     const Range& opinions, const Any& lang) override {
        return guarded(self(), [&] {
            return toOUString(
                functions::approvalResult(toCellGrid(opinions, 0), toCellValue(lang, 1)));
        });
    }

    // XAddIn
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& displayName) override {
        return guarded(self(), [&] {
            const FunctionInfo* info = findFunctionByDisplayName(toUtf8(displayName));
            return info ? toOUString(info->method) : OUString();
        });
    }

    OUString SAL_CALL getDisplayFunctionName(const OUString& method) override {
        return textOf(method, [](const FunctionInfo& f, Lang) { return f.displayName; });
    }

    OUString SAL_CALL getFunctionDescription(const OUString& method) override {
        return textOf(method,
                      [](const FunctionInfo& f, Lang lang) { return f.description.in(lang); });
    }

    OUString SAL_CALL getDisplayArgumentName(const OUString& method, sal_Int32 argument) override {
        return argumentText(method, argument,
                            [](const ArgumentInfo& a, Lang lang) { return a.name.in(lang); });
    }

    OUString SAL_CALL getArgumentDescription(const OUString& method, sal_Int32 argument) override {
        return argumentText(method, argument, [](const ArgumentInfo& a, Lang lang) {
            return a.description.in(lang);
        });
    }

    OUString SAL_CALL getProgrammaticCategoryName(const OUString&) override {
        return toOUString(kFunctionCategory);
    }

    OUString SAL_CALL getDisplayCategoryName(const OUString&) override {
        return toOUString(kFunctionCategoryDisplay.in(lang()));
    }

    // XLocalizable
    void SAL_CALL setLocale(const css::lang::Locale& locale) override {
        std::lock_guard<std::mutex> lock(mutex_);
        locale_ = locale;
    }

    css::lang::Locale SAL_CALL getLocale() override {
        std::lock_guard<std::mutex> lock(mutex_);
        return locale_;
    }

    // XServiceName
    OUString SAL_CALL getServiceName() override { return kServiceName; }

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override { return kImplementationName; }

    sal_Bool SAL_CALL supportsService(const OUString& name) override {
        return cppu::supportsService(this, name);
    }

    Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        Sequence<OUString> names(2);
        names.getArray()[0] = kAddInService;
        names.getArray()[1] = kServiceName;
        return names;
    }

  private:
    Reference<css::uno::XInterface> self() { return static_cast<cppu::OWeakObject*>(this); }

    Lang lang() {
        std::lock_guard<std::mutex> lock(mutex_);
        return langOfLocale(toUtf8(locale_.Language));
    }

    template <typename Pick>
    OUString textOf(const OUString& method, Pick pick) {
        return guarded(self(), [&] {
            const FunctionInfo* info = findFunctionByMethod(toUtf8(method));
            return info ? toOUString(pick(*info, lang())) : OUString();
        });
    }

    // Calc counts the hidden document argument: argument 0 is the document.
    template <typename Pick>
    OUString argumentText(const OUString& method, sal_Int32 argument, Pick pick) {
        return guarded(self(), [&] {
            const FunctionInfo* info = findFunctionByMethod(toUtf8(method));
            const sal_Int32 visible = argument - 1;
            if (!info || visible < 0 || visible >= static_cast<sal_Int32>(info->arguments.size()))
                return OUString();
            return toOUString(pick(info->arguments[static_cast<std::size_t>(visible)], lang()));
        });
    }

    std::mutex mutex_;
    css::lang::Locale locale_{"zh", "CN", ""};
};

}  // namespace
}  // namespace dealsheet::uno

extern "C" SAL_DLLPUBLIC_EXPORT com::sun::star::uno::XInterface*
org_dealsheet_calc_Functions_get_implementation(
    com::sun::star::uno::XComponentContext*,
    const com::sun::star::uno::Sequence<com::sun::star::uno::Any>&) {
    return cppu::acquire(new dealsheet::uno::FunctionsAddIn());
}
