// org.dealsheet.calc.Toolkit: the commands for Basic macros.
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/dealsheet/calc/XToolkit3.hpp>

#include "core/validate/finding_area.hpp"
#include "core/workbook/layout.hpp"
#include "uno/commands/commands.hxx"
#include "uno/dossier/dossier_export.hxx"
#include "uno/recognition/mapping.hxx"
#include "uno/reminders/deadlines.hxx"
#include "uno/sidebar/customer_source.hxx"
#include "uno/team/team_sync.hxx"
#include "uno/validate/live_check.hxx"
#include "uno/workbook/office_util.hxx"
#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::Reference;
using rtl::OUString;

class Toolkit
    : public cppu::WeakImplHelper2<org::dealsheet::calc::XToolkit3, css::lang::XServiceInfo> {
  public:
    explicit Toolkit(const Reference<css::uno::XComponentContext>& context) : context_(context) {
        rememberOfficeContext(context);
    }

    org::dealsheet::calc::ValidationSummary SAL_CALL
    validate(const Reference<css::lang::XComponent>& document) override {
        return guarded(self(), [&] {
            const auto outcome = uno::validate(context_, requireSpreadsheet(document));
            return org::dealsheet::calc::ValidationSummary(
                static_cast<sal_Int32>(outcome.errors), static_cast<sal_Int32>(outcome.warnings),
                static_cast<sal_Int32>(outcome.sheetsChecked),
                static_cast<sal_Int32>(outcome.milliseconds));
        });
    }

    sal_Int32 SAL_CALL insertTemplates(const Reference<css::lang::XComponent>& document,
                                       const OUString& lang) override {
        return guarded(self(), [&] {
            return static_cast<sal_Int32>(
                uno::insertTemplates(context_, requireSpreadsheet(document), toUtf8(lang)).count);
        });
    }

    sal_Int32 SAL_CALL
    assignCustomerNumbers(const Reference<css::lang::XComponent>& document) override {
        return guarded(self(), [&] {
            return static_cast<sal_Int32>(
                uno::assignCustomerNumbers(context_, requireSpreadsheet(document)).count);
        });
    }

    void SAL_CALL refreshReview(const Reference<css::lang::XComponent>& document,
                                const OUString& month) override {
        guarded(self(),
                [&] { uno::refreshReview(context_, requireSpreadsheet(document), toUtf8(month)); });
    }

    void SAL_CALL clearMarks(const Reference<css::lang::XComponent>& document) override {
        guarded(self(), [&] { uno::clearMarks(context_, requireSpreadsheet(document)); });
    }

    // XToolkit2
    org::dealsheet::calc::SyncSummary SAL_CALL
    syncTeam(const Reference<css::lang::XComponent>& document) override {
        return guarded(self(), [&] {
            const auto o = uno::syncTeam(context_, requireSpreadsheet(document));
            const auto n = [](long v) { return static_cast<sal_Int32>(v); };
            return org::dealsheet::calc::SyncSummary(n(o.pulled), n(o.pushed), n(o.numbered),
                                                     n(o.conflicts), n(o.refused),
                                                     n(o.milliseconds));
        });
    }

    css::uno::Sequence<OUString> SAL_CALL getColumnMapping(
        const Reference<css::lang::XComponent>& document, const OUString& sheet) override {
        return guarded(self(), [&] {
            const auto entries =
                columnMappingOf(context_, requireSpreadsheet(document), toUtf8(sheet));
            css::uno::Sequence<OUString> out(static_cast<sal_Int32>(entries.size()));
            for (std::size_t i = 0; i < entries.size(); ++i)
                out.getArray()[i] = toOUString(entries[i]);
            return out;
        });
    }

    void SAL_CALL setColumnMapping(const Reference<css::lang::XComponent>& document,
                                   const OUString& sheet,
                                   const css::uno::Sequence<OUString>& entries) override {
        guarded(self(), [&] {
            std::vector<std::string> list;
            for (const auto& entry : entries) list.push_back(toUtf8(entry));
            storeColumnMapping(context_, requireSpreadsheet(document), toUtf8(sheet), list);
        });
    }

    // XToolkit2: reminders and calendar; they only read the document.
    css::uno::Sequence<OUString> SAL_CALL
    dueReminders(const Reference<css::lang::XComponent>& document, const OUString& owner) override {
        return guarded(self(), [&] {
            const auto lines = reminderLines(
                context_,
                readDeadlines(context_, requireSpreadsheet(document, true), toUtf8(owner)), "\t");
            css::uno::Sequence<OUString> result(static_cast<sal_Int32>(lines.size()));
            for (std::size_t i = 0; i < lines.size(); ++i)
                result.getArray()[i] = toOUString(lines[i]);
            return result;
        });
    }

    sal_Int32 SAL_CALL exportCalendar(const Reference<css::lang::XComponent>& document,
                                      const OUString& fileUrl) override {
        return guarded(self(), [&] {
            return static_cast<sal_Int32>(
                uno::exportCalendar(context_, requireSpreadsheet(document, true), toUtf8(fileUrl))
                    .count);
        });
    }

    sal_Int32 SAL_CALL exportDossier(const Reference<css::lang::XComponent>& document,
                                     const OUString& contractNo, const OUString& fileUrl) override {
        return guarded(self(), [&] {
            return static_cast<sal_Int32>(uno::exportDossier(context_,
                                                             requireSpreadsheet(document, true),
                                                             toUtf8(contractNo), toUtf8(fileUrl))
                                              .count);
        });
    }

    // XToolkit3: checking as you type (SPEC §11).
    org::dealsheet::calc::ValidationSummary SAL_CALL
    checkWorkbook(const Reference<css::lang::XComponent>& document) override {
        return guarded(self(), [&] {
            const auto outcome = runFullCheck(context_, requireSpreadsheet(document), false);
            return org::dealsheet::calc::ValidationSummary(
                static_cast<sal_Int32>(outcome.errors), static_cast<sal_Int32>(outcome.warnings),
                static_cast<sal_Int32>(outcome.sheetsChecked),
                static_cast<sal_Int32>(outcome.milliseconds));
        });
    }

    css::uno::Sequence<org::dealsheet::calc::Finding> SAL_CALL
    getFindings(const Reference<css::lang::XComponent>& document, const OUString& range) override {
        return guarded(self(), [&] {
            const auto doc = requireSpreadsheet(document, true);
            const auto area = parseFindingArea(toUtf8(range), sheetNames(doc));
            if (!area)
                throw css::lang::IllegalArgumentException(
                    toOUString("DealSheet: 没有这个工作表或区域 / no such sheet or range: ") +
                        range,
                    self(), 1);
            const auto snapshot =
                currentCheck(Reference<css::frame::XModel>(doc, css::uno::UNO_QUERY));
            std::vector<org::dealsheet::calc::Finding> found;
            if (snapshot.findings) {
                const Lang lang = officeLanguage(context_);
                for (const auto& f : *snapshot.findings) {
                    if (!area->contains(f)) continue;
                    found.emplace_back(
                        toOUString(f.severity == Severity::Error ? "error" : "warning"),
                        toOUString(f.rule), toOUString(f.sheet),
                        toOUString(cellAddress(f.column, f.row)), toOUString(f.field),
                        toOUString(f.value), toOUString(f.message(lang)));
                }
            }
            return css::uno::Sequence<org::dealsheet::calc::Finding>(
                found.data(), static_cast<sal_Int32>(found.size()));
        });
    }

    void SAL_CALL setLiveChecking(const Reference<css::lang::XComponent>& document,
                                  sal_Bool on) override {
        guarded(self(), [&] { uno::setLiveChecking(context_, requireSpreadsheet(document), on); });
    }

    void SAL_CALL writeReport(const Reference<css::lang::XComponent>& document) override {
        guarded(self(), [&] {
            writeReportNow(Reference<css::frame::XModel>(requireSpreadsheet(document),
                                                         css::uno::UNO_QUERY_THROW));
        });
    }

    css::uno::Sequence<OUString> SAL_CALL customerCard(
        const Reference<css::lang::XComponent>& document, const OUString& customerNo) override {
        return guarded(self(), [&] {
            const auto lines =
                customerCardLines(context_, requireSpreadsheet(document, true), toUtf8(customerNo));
            css::uno::Sequence<OUString> out(static_cast<sal_Int32>(lines.size()));
            for (std::size_t i = 0; i < lines.size(); ++i) out.getArray()[i] = toOUString(lines[i]);
            return out;
        });
    }

    sal_Int32 SAL_CALL mergeCustomers(const Reference<css::lang::XComponent>& document,
                                      const OUString& keptNo, const OUString& mergedNo) override {
        return guarded(self(), [&] {
            return static_cast<sal_Int32>(uno::mergeCustomers(context_,
                                                              requireSpreadsheet(document),
                                                              toUtf8(keptNo), toUtf8(mergedNo))
                                              .count);
        });
    }

    OUString SAL_CALL getImplementationName() override { return "org.dealsheet.calc.ToolkitImpl"; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override {
        return cppu::supportsService(this, name);
    }
    css::uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        css::uno::Sequence<OUString> names(1);
        names.getArray()[0] = "org.dealsheet.calc.Toolkit";
        return names;
    }

  private:
    Reference<css::uno::XInterface> self() { return static_cast<cppu::OWeakObject*>(this); }
    Reference<css::uno::XComponentContext> context_;
};

}  // namespace
}  // namespace dealsheet::uno

extern "C" SAL_DLLPUBLIC_EXPORT com::sun::star::uno::XInterface*
org_dealsheet_calc_Toolkit_get_implementation(
    com::sun::star::uno::XComponentContext* context,
    const com::sun::star::uno::Sequence<com::sun::star::uno::Any>&) {
    return cppu::acquire(new dealsheet::uno::Toolkit(context));
}
