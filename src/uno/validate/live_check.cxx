#include "uno/validate/live_check.hxx"

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XEventListener.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/weakref.hxx>

#include "core/text/messages.hpp"
#include "core/validate/validator.hpp"
#include "uno/validate/report_writer.hxx"
#include "uno/workbook/document_settings.hxx"
#include "uno/workbook/office_util.hxx"
#include "uno/workbook/phase_times.hxx"
#include "uno/workbook/uno_util.hxx"
#include "uno/workbook/workbook_reader.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::Any;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

// What a report written later needs of the last full check besides the findings.
struct ReportBasis {
    std::vector<SheetPlan> plans;
    std::vector<SheetRecognition> recognitions;
    std::map<std::string, SkippedRows> skipped;
    std::vector<SettingProblem> settingProblems;
    std::vector<SheetSummary> checked;
    MarkOutcome marks;
};

struct DocumentCheck {
    css::uno::WeakReference<css::frame::XModel> model;
    std::shared_ptr<const std::vector<Finding>> findings;
    bool live = false;
    bool stale = false;
    std::uint64_t generation = 0;
    ReportBasis basis;
};

struct Store {
    std::recursive_mutex mutex;
    std::map<const void*, DocumentCheck> documents;  // by the model's XInterface
    std::map<int, CheckObserver> observers;
    int nextToken = 1;
    Reference<css::uno::XComponentContext> context;
};

// Never destroyed: it holds UNO references, which must not be released after the office has
// shut the UNO runtime down (static destructors run after that).
Store& store() {
    static Store* const instance = std::make_unique<Store>().release();
    return *instance;
}

const void* keyOf(const Reference<css::uno::XInterface>& document) {
    return Reference<css::uno::XInterface>(document, UNO_QUERY).get();
}

// Forgets a document's check when the document goes away.
class DocumentGone : public cppu::WeakImplHelper1<css::lang::XEventListener> {
  public:
    void SAL_CALL disposing(const css::lang::EventObject& event) override {
        try {
            Store& s = store();
            const std::lock_guard<std::recursive_mutex> lock(s.mutex);
            s.documents.erase(keyOf(event.Source));
        } catch (...) {
        }
    }
};

// Tells the observers on the office's thread: the posted event runs from its main loop.
class TellObservers : public cppu::WeakImplHelper1<css::awt::XCallback> {
  public:
    explicit TellObservers(const Reference<css::frame::XModel>& model) : model_(model) {}
    void SAL_CALL notify(const Any&) override {
        const Reference<css::frame::XModel> model(model_);
        if (!model.is()) return;
        std::vector<CheckObserver> observers;
        {
            Store& s = store();
            const std::lock_guard<std::recursive_mutex> lock(s.mutex);
            for (const auto& [token, observer] : s.observers) observers.push_back(observer);
        }
        for (const auto& observer : observers) {
            try {
                observer(model);
            } catch (...) {
                // One panel's failure never keeps the others from hearing.
            }
        }
    }

  private:
    css::uno::WeakReference<css::frame::XModel> model_;
};

void postToObservers(const Reference<css::frame::XModel>& model) {
    Reference<css::uno::XComponentContext> context;
    {
        Store& s = store();
        const std::lock_guard<std::recursive_mutex> lock(s.mutex);
        if (s.observers.empty()) return;
        context = s.context;
    }
    if (!context.is()) return;
    try {
        css::awt::AsyncCallback::create(context)->addCallback(new TellObservers(model), Any());
    } catch (const css::uno::Exception&) {
        // No main loop (the office is closing): nobody is left to tell.
    }
}

Reference<css::uno::XComponentContext> officeContext() {
    Store& s = store();
    const std::lock_guard<std::recursive_mutex> lock(s.mutex);
    if (!s.context.is())
        throw css::uno::RuntimeException("DealSheet: the office's context is not known yet");
    return s.context;
}

// The entry of a document, made (and watched for its end) when new. Called with the lock held.
DocumentCheck& entryOf(Store& s, const Reference<css::frame::XModel>& model) {
    const void* key = keyOf(model);
    auto it = s.documents.find(key);
    if (it != s.documents.end()) return it->second;
    DocumentCheck& entry = s.documents[key];
    entry.model = model;
    if (Reference<css::lang::XComponent> component(model, UNO_QUERY); component.is())
        component->addEventListener(new DocumentGone);
    return entry;
}

void recordFullCheck(const Reference<css::frame::XModel>& model, std::vector<Finding> findings,
                     ReportBasis basis) {
    {
        Store& s = store();
        const std::lock_guard<std::recursive_mutex> lock(s.mutex);
        DocumentCheck& entry = entryOf(s, model);
        entry.findings = std::make_shared<const std::vector<Finding>>(std::move(findings));
        entry.basis = std::move(basis);
        entry.stale = false;
        ++entry.generation;
    }
    postToObservers(model);
}

}  // namespace

void rememberOfficeContext(const Reference<css::uno::XComponentContext>& context) {
    if (!context.is()) return;
    Store& s = store();
    const std::lock_guard<std::recursive_mutex> lock(s.mutex);
    if (!s.context.is()) s.context = context;
}

CheckSnapshot currentCheck(const Reference<css::frame::XModel>& document) {
    Store& s = store();
    const std::lock_guard<std::recursive_mutex> lock(s.mutex);
    const auto it = s.documents.find(keyOf(document));
    if (it == s.documents.end()) return {};
    return {it->second.findings, it->second.live, it->second.stale, it->second.generation};
}

int observeChecks(CheckObserver observer) {
    Store& s = store();
    const std::lock_guard<std::recursive_mutex> lock(s.mutex);
    const int token = s.nextToken++;
    s.observers.emplace(token, std::move(observer));
    return token;
}

void stopObserving(int token) {
    Store& s = store();
    const std::lock_guard<std::recursive_mutex> lock(s.mutex);
    s.observers.erase(token);
}

CommandOutcome runFullCheck(const Reference<css::uno::XComponentContext>& context,
                            const Reference<css::sheet::XSpreadsheetDocument>& doc, bool report,
                            const std::vector<Finding>& extra) {
    rememberOfficeContext(context);
    const auto start = std::chrono::steady_clock::now();
    PhaseTimes times(report ? "validate" : "check");
    const Lang uiLang = officeLanguage(context);
    CommandOutcome outcome;
    const WorkbookView workbook = readWorkbook(doc, {}, &times);
    const auto& plans = workbook.plans;
    if (std::none_of(plans.begin(), plans.end(), [](const SheetPlan& p) { return p.schema; })) {
        outcome.message = msg::kNoSheetRecognised.in(uiLang);
        return outcome;
    }
    times.mark("read");
    const FunctionContext functionContext =
        contextOf(Reference<css::beans::XPropertySet>(doc, UNO_QUERY));
    const ValidationOptions options{functionContext.dates, functionContext.dates.todaySerial(),
                                    readDocumentSettings(doc)};
    ValidationResult result = validateWorkbook(workbook.sheets, options);
    if (!extra.empty()) {
        result.findings.insert(result.findings.end(), extra.begin(), extra.end());
        std::vector<std::string> order;
        for (const auto& plan : plans) order.push_back(plan.name);
        sortAndDeduplicate(result.findings, order);
        for (const auto& f : extra)
            ++(f.severity == Severity::Error ? result.errors : result.warnings);
    }
    times.mark("check");

    ReportInput input{&result,
                      plans,
                      {},
                      start,
                      uiLang,
                      workbook.recognitions,
                      workbook.skipped,
                      options.settings.problems};
    {
        const RowHeightPause heights(doc);
        UndoScope undo(doc, std::string(msg::kValidateTitle.in(uiLang)), [&] {
            clearReportAndMarks(doc);  // never leave half a report or half the marks
        });
        clearReportAndMarks(doc);
        times.mark("clear");
        input.marks = markFindings(doc, result.findings, &times);
        times.mark("mark");
        if (report) {
            outcome.milliseconds = writeReport(doc, input, times);
            times.mark("report");
        }
        undo.commit();
    }
    times.mark("close");
    if (!report)
        outcome.milliseconds =
            static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::steady_clock::now() - start)
                                  .count());
    outcome.errors = result.errors;
    outcome.warnings = result.warnings;
    outcome.sheetsChecked = static_cast<long>(result.checked.size());
    outcome.message = msg::format(
        msg::format(msg::format(msg::kValidated.in(uiLang), std::to_string(result.errors)),
                    std::to_string(result.warnings)),
        std::to_string(outcome.milliseconds));
    recordFullCheck(Reference<css::frame::XModel>(doc, UNO_QUERY_THROW), std::move(result.findings),
                    ReportBasis{plans, workbook.recognitions, workbook.skipped,
                                options.settings.problems, result.checked, input.marks});
    return outcome;
}

void checkNow(const Reference<css::frame::XModel>& document) {
    runFullCheck(officeContext(), requireSpreadsheet(document), false);
}

void writeReportNow(const Reference<css::frame::XModel>& document) {
    const auto context = officeContext();
    const auto doc = requireSpreadsheet(document);
    ValidationResult result;
    ReportBasis basis;
    {
        Store& s = store();
        const std::lock_guard<std::recursive_mutex> lock(s.mutex);
        const auto it = s.documents.find(keyOf(document));
        if (it != s.documents.end() && it->second.findings && !it->second.stale) {
            result.findings = *it->second.findings;
            basis = it->second.basis;
        }
    }
    if (basis.plans.empty()) {  // never checked, or stale: a fresh check writes it
        runFullCheck(context, doc, true);
        return;
    }
    for (const auto& f : result.findings)
        ++(f.severity == Severity::Error ? result.errors : result.warnings);
    result.checked = basis.checked;
    const Lang uiLang = officeLanguage(context);
    PhaseTimes times("report");
    ReportInput input{&result, basis.plans,        basis.marks,   std::chrono::steady_clock::now(),
                      uiLang,  basis.recognitions, basis.skipped, basis.settingProblems};
    const RowHeightPause heights(doc);
    UndoScope undo(doc, std::string(msg::kValidateTitle.in(uiLang)), [&] {
        for (const auto& name : sheetNames(doc))
            if (isReportSheet(doc, name)) doc->getSheets()->removeByName(toOUString(name));
    });
    for (const auto& name : sheetNames(doc))
        if (isReportSheet(doc, name)) doc->getSheets()->removeByName(toOUString(name));
    writeReport(doc, input, times);
    undo.commit();
}

void setLiveChecking(const Reference<css::uno::XComponentContext>& context,
                     const Reference<css::sheet::XSpreadsheetDocument>& doc, bool on) {
    rememberOfficeContext(context);
    const Reference<css::frame::XModel> model(doc, UNO_QUERY_THROW);
    if (on && !currentCheck(model).findings) runFullCheck(context, doc, false);
    {
        Store& s = store();
        const std::lock_guard<std::recursive_mutex> lock(s.mutex);
        DocumentCheck& entry = entryOf(s, model);
        if (entry.live == on) return;
        entry.live = on;
    }
    postToObservers(model);
}

bool liveCheckingWanted(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    return readDocumentSettings(doc).word("liveChecking") != "off";
}

void forgetCheck(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    const Reference<css::frame::XModel> model(doc, UNO_QUERY);
    {
        Store& s = store();
        const std::lock_guard<std::recursive_mutex> lock(s.mutex);
        const auto it = s.documents.find(keyOf(model));
        if (it == s.documents.end()) return;
        it->second.findings.reset();
        it->second.basis = {};
        it->second.live = false;
        it->second.stale = false;
        ++it->second.generation;
    }
    postToObservers(model);
}

}  // namespace dealsheet::uno
