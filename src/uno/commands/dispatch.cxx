// The toolbar and menu: org.dealsheet.calc:* URLs dispatched to the commands. Headless, no
// dialog is shown; in a window, a short message box tells the outcome. A caller that asks for
// a notification (a macro's DispatchHelper, the tests) gets the same message as the result.
#include <iostream>

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>

#include "core/text/messages.hpp"
#include "core/validate/validator.hpp"
#include "core/workbook/dates.hpp"
#include "uno/commands/commands.hxx"
#include "uno/dossier/dossier_export.hxx"
#include "uno/recognition/mapping.hxx"
#include "uno/reminders/deadlines.hxx"
#include "uno/team/team_sync.hxx"
#include "uno/validate/live_check.hxx"
#include "uno/validate/report_writer.hxx"
#include "uno/workbook/choice_dialog.hxx"
#include "uno/workbook/office_util.hxx"
#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::Any;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using rtl::OUString;

constexpr char kProtocol[] = "org.dealsheet.calc:";

// The commands this build offers; Addons.xcu shows the same.
bool isKnownCommand(const OUString& path) {
    return path == "InsertTemplates" || path == "Validate" || path == "ClearMarks" ||
           path == "AssignCustomerNumbers" || path == "RefreshReview" || path == "SyncTeam" ||
           path == "MapColumns" || path == "ExportCalendar" || path == "ShowReminders" ||
           path == "ContractDossier";
}

// "2026-11", "2026-10", ...: this month and the ones before it.
std::vector<std::string> recentMonths(const Reference<css::uno::XComponentContext>&, int count) {
    const SerialDates dates;
    const auto today = dates.toCivil(static_cast<double>(dates.todaySerial()));
    std::vector<std::string> months;
    int year = today ? today->year : 2026;
    int month = today ? today->month : 1;
    for (int i = 0; i < count; ++i) {
        months.push_back(isoMonth(year, month));
        if (--month == 0) {
            month = 12;
            --year;
        }
    }
    return months;
}

class Dispatcher
    : public cppu::WeakImplHelper4<css::frame::XDispatchProvider, css::frame::XNotifyingDispatch,
                                   css::lang::XInitialization, css::lang::XServiceInfo> {
  public:
    explicit Dispatcher(const Reference<css::uno::XComponentContext>& context) : context_(context) {
        rememberOfficeContext(context);
    }

    // XInitialization: the frame the toolbar belongs to.
    void SAL_CALL initialize(const Sequence<Any>& arguments) override {
        for (const auto& argument : arguments) {
            Reference<css::frame::XFrame> frame(argument, UNO_QUERY);
            if (frame.is()) frame_ = frame;
        }
    }

    // XDispatchProvider
    Reference<css::frame::XDispatch> SAL_CALL queryDispatch(const css::util::URL& url,
                                                            const OUString&, sal_Int32) override {
        if (url.Protocol == kProtocol && isKnownCommand(url.Path)) return this;
        return {};
    }

    Sequence<Reference<css::frame::XDispatch>> SAL_CALL
    queryDispatches(const Sequence<css::frame::DispatchDescriptor>& requests) override {
        Sequence<Reference<css::frame::XDispatch>> result(requests.getLength());
        for (sal_Int32 i = 0; i < requests.getLength(); ++i)
            result.getArray()[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName,
                                                 requests[i].SearchFlags);
        return result;
    }

    // XDispatch
    void SAL_CALL dispatch(const css::util::URL& url,
                           const Sequence<css::beans::PropertyValue>& arguments) override {
        run(url, arguments);
    }

    // XNotifyingDispatch: the outcome's message is the result, FAILURE when the command failed.
    void SAL_CALL dispatchWithNotification(
        const css::util::URL& url, const Sequence<css::beans::PropertyValue>& arguments,
        const Reference<css::frame::XDispatchResultListener>& listener) override {
        const Told told = run(url, arguments);
        if (!listener.is()) return;
        try {
            listener->dispatchFinished(css::frame::DispatchResultEvent(
                static_cast<cppu::OWeakObject*>(this),
                told.failed ? css::frame::DispatchResultState::FAILURE
                            : css::frame::DispatchResultState::SUCCESS,
                Any(toOUString(told.message))));
        } catch (const css::uno::Exception&) {
            // The listener's own failure; the command has done its work.
        }
    }
    void SAL_CALL addStatusListener(const Reference<css::frame::XStatusListener>& listener,
                                    const css::util::URL& url) override {
        if (!listener.is()) return;
        try {
            css::frame::FeatureStateEvent event;
            event.Source = static_cast<cppu::OWeakObject*>(this);
            event.FeatureURL = url;
            event.IsEnabled = true;
            listener->statusChanged(event);
        } catch (const css::uno::Exception&) {
            // A listener that fails is its own problem; the command stays usable.
        }
    }

    void SAL_CALL removeStatusListener(const Reference<css::frame::XStatusListener>&,
                                       const css::util::URL&) override {}

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override { return "org.dealsheet.calc.DispatchImpl"; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        Sequence<OUString> names(1);
        names.getArray()[0] = "com.sun.star.frame.ProtocolHandler";
        return names;
    }

  private:
    struct Told {
        std::string message;
        bool failed = false;
    };

    // Runs a command and tells its outcome; nothing may escape, an exception here would reach
    // the office's toolbar code.
    Told run(const css::util::URL& url, const Sequence<css::beans::PropertyValue>& arguments) {
        const Lang uiLang = officeLanguage(context_);
        try {
            const bool gui = !officeIsHeadless() && frame_.is();
            // The reminders and the calendar only read the workbook: read-only ones too.
            if (url.Path == "ShowReminders" || url.Path == "ExportCalendar")
                return readingCommand(url.Path, arguments, requireSpreadsheet(currentModel(), true),
                                      gui);
            const auto doc = requireSpreadsheet(currentModel(), url.Path == "ContractDossier");
            std::string lang;
            std::string month;
            for (const auto& argument : arguments) {
                OUString value;
                if (argument.Name == "Language" && (argument.Value >>= value)) lang = toUtf8(value);
                if (argument.Name == "Month" && (argument.Value >>= value)) month = toUtf8(value);
            }
            // In a window, ask what a macro passes as an argument: the language, the month.
            if (gui && url.Path == "InsertTemplates" && lang.empty()) {
                const auto picked = askChoice(context_, frame_,
                                              {std::string(msg::kInsertTemplatesTitle.in(uiLang)),
                                               std::string(msg::kAskLanguage.in(uiLang)),
                                               {"中文 (zh-CN)", "English (en-US)"},
                                               uiLang == Lang::En ? 1 : 0,
                                               std::string(msg::kOk.in(uiLang)),
                                               std::string(msg::kCancel.in(uiLang))});
                if (!picked) return {std::string(msg::kCancelled.in(uiLang)), false};
                lang = *picked == 1 ? "en" : "zh";
            }
            if (gui && url.Path == "RefreshReview" && month.empty()) {
                const auto months = recentMonths(context_, 6);
                std::vector<std::string> items;
                for (std::size_t i = 0; i < months.size(); ++i)
                    items.push_back(months[i] + (i == 0   ? std::string(msg::kThisMonth.in(uiLang))
                                                 : i == 1 ? std::string(msg::kLastMonth.in(uiLang))
                                                          : std::string()));
                const auto picked = askChoice(
                    context_, frame_,
                    {std::string(msg::kReviewTitle.in(uiLang)),
                     std::string(msg::kAskMonth.in(uiLang)), items, 0,
                     std::string(msg::kOk.in(uiLang)), std::string(msg::kCancel.in(uiLang))});
                if (!picked) return {std::string(msg::kCancelled.in(uiLang)), false};
                month = months[static_cast<std::size_t>(*picked)];
            }
            if (url.Path == "SyncTeam")
                return tell(syncTeam(context_, doc, gui ? frame_ : nullptr).message, false);
            CommandOutcome outcome;
            if (url.Path == "ContractDossier") {
                outcome = contractDossierCommand(context_, frame_, doc, arguments, gui);
                return outcome.count < 0 ? Told{outcome.message, false}
                                         : tell(outcome.message, false);
            }
            if (url.Path == "InsertTemplates") outcome = insertTemplates(context_, doc, lang);
            if (url.Path == "Validate") outcome = validate(context_, doc);
            if (url.Path == "ClearMarks") outcome = clearMarks(context_, doc);
            if (url.Path == "AssignCustomerNumbers") outcome = assignCustomerNumbers(context_, doc);
            if (url.Path == "RefreshReview") outcome = refreshReview(context_, doc, month);
            if (url.Path == "MapColumns") {
                if (!gui) return tell(std::string(msg::kMapNeedsWindow.in(uiLang)), true);
                outcome = mapColumns(context_, doc, frame_);
            }
            if (gui && url.Path == "Validate" && outcome.sheetsChecked > 0) {
                // The summary, with a button that jumps to the report.
                if (ask(outcome.message + "\n\n" + std::string(msg::kShowReport.in(uiLang))))
                    showReport(doc);
                return {outcome.message, false};
            }
            return tell(outcome.message, false);
        } catch (const SyncFailed& e) {  // says itself that nothing changed, and why
            return tell(e.what(), true);
        } catch (const css::uno::Exception& e) {
            return tell(msg::format(msg::kCommandFailed.in(uiLang), toUtf8(e.Message)), true);
        } catch (const std::exception& e) {
            return tell(msg::format(msg::kCommandFailed.in(uiLang), e.what()), true);
        } catch (...) {
            return tell(msg::format(msg::kCommandFailed.in(uiLang), "?"), true);
        }
    }

    // Show reminders (the reminder bar's button) and Export to calendar (argument FileURL; in
    // a window the office's file picker asks).
    Told readingCommand(const OUString& path, const Sequence<css::beans::PropertyValue>& arguments,
                        const Reference<css::sheet::XSpreadsheetDocument>& doc, bool gui) {
        const Lang uiLang = officeLanguage(context_);
        if (path == "ShowReminders") {
            bool listShown = false;
            const std::string text = showReminderList(context_, frame_, doc, gui, listShown);
            return listShown ? Told{text, false} : tell(text, false);
        }
        std::string fileUrl;
        for (const auto& argument : arguments) {
            OUString value;
            if (argument.Name == "FileURL" && (argument.Value >>= value)) fileUrl = toUtf8(value);
        }
        if (fileUrl.empty() && gui) {
            const auto picked = pickCalendarFile(context_, doc);
            if (!picked) return {std::string(msg::kCancelled.in(uiLang)), false};
            fileUrl = *picked;
        }
        return tell(exportCalendar(context_, doc, fileUrl).message, false);
    }

    Reference<css::uno::XInterface> currentModel() {
        if (!frame_.is()) return {};
        const auto controller = frame_->getController();
        return controller.is() ? Reference<css::uno::XInterface>(controller->getModel())
                               : Reference<css::uno::XInterface>();
    }

    // A Yes/No question (Yes is the default); false when no dialog can be shown.
    bool ask(const std::string& question) {
        try {
            const auto toolkit = css::awt::Toolkit::create(context_);
            Reference<css::awt::XMessageBoxFactory> factory(toolkit, UNO_QUERY);
            Reference<css::awt::XWindowPeer> parent(frame_->getContainerWindow(), UNO_QUERY);
            if (!factory.is() || !parent.is()) return false;
            const auto box = factory->createMessageBox(
                parent, css::awt::MessageBoxType_QUERYBOX,
                css::awt::MessageBoxButtons::BUTTONS_YES_NO |
                    css::awt::MessageBoxButtons::DEFAULT_BUTTON_YES,
                toOUString(msg::kProductName.in(officeLanguage(context_))), toOUString(question));
            return box->execute() == css::awt::MessageBoxResults::YES;
        } catch (const css::uno::Exception&) {
            return false;
        }
    }

    void showReport(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
        try {
            Reference<css::sheet::XSpreadsheetView> view(frame_->getController(), UNO_QUERY);
            if (!view.is()) return;
            for (const auto& name : sheetNames(doc))
                if (isReportSheet(doc, name)) view->setActiveSheet(sheetByName(doc, name));
        } catch (const css::uno::Exception&) {
            // The report is there; the user can open it from the sheet tabs.
        }
    }

    Told tell(const std::string& message, bool error) {
        const Told told{message, error};
        if (officeIsHeadless() || !frame_.is()) {
            if (error) std::cerr << "DealSheet: " << message << '\n';
            return told;
        }
        try {
            const auto toolkit = css::awt::Toolkit::create(context_);
            Reference<css::awt::XMessageBoxFactory> factory(toolkit, UNO_QUERY);
            Reference<css::awt::XWindowPeer> parent(frame_->getContainerWindow(), UNO_QUERY);
            if (!factory.is() || !parent.is()) return told;
            const auto box = factory->createMessageBox(
                parent,
                error ? css::awt::MessageBoxType_ERRORBOX : css::awt::MessageBoxType_INFOBOX,
                css::awt::MessageBoxButtons::BUTTONS_OK,
                toOUString(msg::kProductName.in(officeLanguage(context_))), toOUString(message));
            box->execute();
        } catch (const css::uno::Exception&) {
            // No dialog could be shown; the command itself has done its work.
        }
        return told;
    }

    Reference<css::uno::XComponentContext> context_;
    Reference<css::frame::XFrame> frame_;
};

}  // namespace
}  // namespace dealsheet::uno

extern "C" SAL_DLLPUBLIC_EXPORT com::sun::star::uno::XInterface*
org_dealsheet_calc_Dispatch_get_implementation(
    com::sun::star::uno::XComponentContext* context,
    const com::sun::star::uno::Sequence<com::sun::star::uno::Any>&) {
    return cppu::acquire(new dealsheet::uno::Dispatcher(context));
}
