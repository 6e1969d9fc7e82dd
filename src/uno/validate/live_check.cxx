#include "uno/validate/live_check.hxx"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <string_view>
#include <system_error>
#include <thread>
#include <tuple>

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/DocumentEvent.hpp>
#include <com/sun/star/document/XDocumentEventBroadcaster.hpp>
#include <com/sun/star/document/XDocumentEventListener.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XEventListener.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/util/XChangesListener.hpp>
#include <com/sun/star/util/XChangesNotifier.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/weakref.hxx>

#include "core/text/messages.hpp"
#include "core/validate/incremental.hpp"
#include "core/validate/validator.hpp"
#include "core/workbook/sheet_locator.hpp"
#include "uno/validate/report_writer.hxx"
#include "uno/workbook/document_settings.hxx"
#include "uno/workbook/office_util.hxx"
#include "uno/workbook/phase_times.hxx"
#include "uno/workbook/sheet_format.hxx"
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

// An edit Calc reported: rows of a sheet, or a change of the sheet's structure.
struct PendingEdit {
    std::string sheet;
    int firstRow = 0, lastRow = 0;
    bool structural = false;  // rows or columns inserted or deleted
};

class EditListener;

struct DocumentCheck {
    css::uno::WeakReference<css::frame::XModel> model;
    std::shared_ptr<const FindingList> findings;
    bool live = false;
    bool stale = false;
    std::uint64_t generation = 0;
    ReportBasis basis;
    // Live checking: the workbook as last checked, the listener, and the edits not yet checked.
    std::shared_ptr<IncrementalCheck> incremental;
    std::vector<std::string> extraSheets;  // sheets of findings that are not checked (a sync's)
    Reference<css::util::XChangesListener> listener;
    Reference<css::document::XDocumentEventListener> saveListener;  // marks never saved
    bool modifiedBeforeSave = true;
    std::vector<PendingEdit> pending;
    bool posted = false;                           // a check of the pending edits is on its way
    std::chrono::steady_clock::time_point editAt;  // when the burst's first edit was told
    bool unreportedEdit = false;  // the document changed without Calc reporting what
    bool reported = false;        // Calc reported an edit since the last check
    int ownWrites = 0;            // DealSheet itself is writing (marks): not an edit
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

// Lets go of a previous check on a thread of its own: freeing a large workbook's kept rows,
// findings and dependencies (hundreds of megabytes in small pieces) took a third of a rerun's
// time, and nobody waits for it. The last reference may be held elsewhere: then nothing is freed.
template <typename Retired>
void retire(Retired retired) {
    try {
        std::thread([retired = std::move(retired)]() mutable {
            try {
                retired = {};
            } catch (...) {
            }
        }).detach();
    } catch (const std::system_error&) {
        // No thread to be had: freed here instead, when `retired` goes.
    }
}

// A document's kept check and findings, let go of that way.
void retireCheckOf(DocumentCheck& entry) {
    retire(std::make_pair(std::move(entry.incremental), std::move(entry.findings)));
}

// Forgets a document's check when the document goes away.
class DocumentGone : public cppu::WeakImplHelper1<css::lang::XEventListener> {
  public:
    void SAL_CALL disposing(const css::lang::EventObject& event) override {
        try {
            Store& s = store();
            const std::lock_guard<std::recursive_mutex> lock(s.mutex);
            const auto it = s.documents.find(keyOf(event.Source));
            if (it == s.documents.end()) return;
            retireCheckOf(it->second);
            s.documents.erase(it);
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

// Defers Calc's repaints to the end of a bulk change (every mark would repaint its area).
class ControllersLocked {
  public:
    explicit ControllersLocked(const Reference<css::frame::XModel>& model) : model_(model) {
        if (model_.is()) model_->lockControllers();
    }
    ~ControllersLocked() {
        try {
            if (model_.is()) model_->unlockControllers();
        } catch (...) {
        }
    }
    ControllersLocked(const ControllersLocked&) = delete;
    ControllersLocked& operator=(const ControllersLocked&) = delete;

  private:
    Reference<css::frame::XModel> model_;
};

// Marks DealSheet's own writes, so the modify events they cause are not taken for edits.
class OwnWrites {
  public:
    explicit OwnWrites(const Reference<css::frame::XModel>& model);
    ~OwnWrites();
    OwnWrites(const OwnWrites&) = delete;
    OwnWrites& operator=(const OwnWrites&) = delete;

  private:
    const void* key_;
};

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

OwnWrites::OwnWrites(const Reference<css::frame::XModel>& model) : key_(keyOf(model)) {
    Store& s = store();
    const std::lock_guard<std::recursive_mutex> lock(s.mutex);
    if (auto it = s.documents.find(key_); it != s.documents.end()) ++it->second.ownWrites;
}

OwnWrites::~OwnWrites() {
    Store& s = store();
    const std::lock_guard<std::recursive_mutex> lock(s.mutex);
    if (auto it = s.documents.find(key_); it != s.documents.end()) --it->second.ownWrites;
}

// The snapshot of a document's findings: the incremental check's, then a sync's own.
std::shared_ptr<const FindingList> snapshotOf(const IncrementalCheck& check,
                                              const std::vector<Finding>& extra) {
    std::vector<Finding> all;
    all.reserve(check.findingCount() + extra.size());
    check.forEachFinding([&](const Finding& f) { all.push_back(f); });
    all.insert(all.end(), extra.begin(), extra.end());
    return std::make_shared<const FindingList>(std::move(all));
}

// The checked sheets in the incremental check's order (the order of its findings).
std::vector<std::string> sheetOrderOf(const IncrementalCheck& check) {
    std::vector<std::string> order;
    for (const auto& [schema, data] : check.sheets()) order.push_back(data.name);
    return order;
}

void postEditCheck(const Reference<css::frame::XModel>& model);
void postEditCheckLater(const Reference<css::frame::XModel>& model);

// Records what Calc reports (and that something changed), and asks for a check right after:
// the edit itself is never slowed.
class EditListener
    : public cppu::WeakImplHelper2<css::util::XChangesListener, css::util::XModifyListener> {
  public:
    explicit EditListener(const Reference<css::frame::XModel>& model) : model_(model) {}

    void SAL_CALL changesOccurred(const css::util::ChangesEvent& event) override {
        try {
            const Reference<css::frame::XModel> model(model_);
            const Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY);
            if (!doc.is()) return;
            std::vector<PendingEdit> edits;
            const Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY);
            for (const auto& change : event.Changes) {
                rtl::OUString accessor;
                change.Accessor >>= accessor;
                const Reference<css::sheet::XCellRangeAddressable> range(change.ReplacedElement,
                                                                         UNO_QUERY);
                if (!range.is() || !sheets.is()) continue;
                const auto a = range->getRangeAddress();
                const Reference<css::container::XNamed> sheet(sheets->getByIndex(a.Sheet),
                                                              UNO_QUERY);
                if (!sheet.is()) continue;
                const std::string operation = toUtf8(accessor);
                edits.push_back({toUtf8(sheet->getName()), a.StartRow, a.EndRow,
                                 operation.find("rows") != std::string::npos ||
                                     operation.find("columns") != std::string::npos});
            }
            bool post = false;
            {
                Store& s = store();
                const std::lock_guard<std::recursive_mutex> lock(s.mutex);
                const auto it = s.documents.find(keyOf(model));
                if (it == s.documents.end() || !it->second.live) return;
                DocumentCheck& entry = it->second;
                entry.pending.insert(entry.pending.end(), edits.begin(), edits.end());
                entry.reported = true;
                post = !entry.posted;
                if (post) entry.editAt = std::chrono::steady_clock::now();
                entry.posted = true;
            }
            if (post) postEditCheck(model);
        } catch (...) {
            // Never in the way of the user's edit.
        }
    }

    void SAL_CALL modified(const css::lang::EventObject&) override {
        try {
            const Reference<css::frame::XModel> model(model_);
            bool post = false;
            {
                Store& s = store();
                const std::lock_guard<std::recursive_mutex> lock(s.mutex);
                const auto it = s.documents.find(keyOf(model));
                if (it == s.documents.end() || !it->second.live || it->second.ownWrites > 0) return;
                it->second.unreportedEdit = true;
                post = !it->second.posted;
                if (post) it->second.editAt = std::chrono::steady_clock::now();
                it->second.posted = true;
            }
            if (post) postEditCheck(model);
        } catch (...) {
        }
    }

    void SAL_CALL disposing(const css::lang::EventObject&) override {}

  private:
    css::uno::WeakReference<css::frame::XModel> model_;
};

void processEdits(const Reference<css::frame::XModel>& model);

class EditCheck : public cppu::WeakImplHelper1<css::awt::XCallback> {
  public:
    explicit EditCheck(const Reference<css::frame::XModel>& model) : model_(model) {}
    void SAL_CALL notify(const Any&) override {
        try {
            const Reference<css::frame::XModel> model(model_);
            if (model.is()) processEdits(model);
        } catch (...) {
            // A failed live check leaves the last results standing; the next Validate refreshes.
        }
    }

  private:
    css::uno::WeakReference<css::frame::XModel> model_;
};

void postEditCheck(const Reference<css::frame::XModel>& model) {
    Reference<css::uno::XComponentContext> context;
    {
        Store& s = store();
        const std::lock_guard<std::recursive_mutex> lock(s.mutex);
        context = s.context;
    }
    if (context.is())
        css::awt::AsyncCallback::create(context)->addCallback(new EditCheck(model), Any());
}

// The same a little later, from a thread of its own (the office's main loop has no timer to
// offer a component); the edits stay pending meanwhile.
void postEditCheckLater(const Reference<css::frame::XModel>& model) {
    const css::uno::WeakReference<css::frame::XModel> weak(model);
    try {
        std::thread([weak] {
            try {
                std::this_thread::sleep_for(std::chrono::milliseconds(30));
                const Reference<css::frame::XModel> later(weak);
                if (later.is()) postEditCheck(later);
            } catch (...) {
            }
        }).detach();
    } catch (const std::system_error&) {
        postEditCheck(model);  // no thread to be had: checked at once (and waits there)
    }
}

// Every DealSheet highlight of every sheet, removed (before a save) under OwnWrites.
void removeAllMarks(const Reference<css::frame::XModel>& model) {
    const Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY);
    if (!doc.is()) return;
    {
        const Reference<css::util::XModifiable> modifiable(model, UNO_QUERY);
        Store& s = store();
        const std::lock_guard<std::recursive_mutex> lock(s.mutex);
        const auto it = s.documents.find(keyOf(model));
        if (it != s.documents.end())
            it->second.modifiedBeforeSave = modifiable.is() && modifiable->isModified();
    }
    const OwnWrites own(model);
    for (const auto& name : sheetNames(doc)) {
        try {
            removeMarks(sheetByName(doc, name));
        } catch (const css::uno::Exception&) {
        }
    }
}

// The highlights of the current findings, painted again (after a save).
void restoreAllMarks(const Reference<css::frame::XModel>& model) {
    const Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY);
    std::shared_ptr<const FindingList> findings;
    bool wasModified = true;
    {
        Store& s = store();
        const std::lock_guard<std::recursive_mutex> lock(s.mutex);
        const auto it = s.documents.find(keyOf(model));
        if (it != s.documents.end()) {
            findings = it->second.findings;
            wasModified = it->second.modifiedBeforeSave;
        }
    }
    const Reference<css::util::XModifiable> modifiable(model, UNO_QUERY);
    // A save (not a copy) leaves the document unmodified.
    if (modifiable.is() && !modifiable->isModified()) wasModified = false;
    if (!doc.is() || !findings || findings->empty()) return;
    {
        const OwnWrites own(model);
        const MarksUnrecorded unrecorded(doc);
        std::map<std::string, std::vector<const Finding*>> bySheet;
        for (const auto& f : *findings) bySheet[f.sheet].push_back(&f);
        for (const auto& [name, sheetFindings] : bySheet) {
            try {
                syncMarks(doc, sheetByName(doc, name), sheetFindings);
            } catch (const css::uno::Exception&) {
            }
        }
    }
    // The marks are not the user's change: a just-saved document stays saved.
    if (modifiable.is() && !wasModified) modifiable->setModified(false);
}

class RestoreMarks : public cppu::WeakImplHelper1<css::awt::XCallback> {
  public:
    explicit RestoreMarks(const Reference<css::frame::XModel>& model) : model_(model) {}
    void SAL_CALL notify(const Any&) override {
        try {
            const Reference<css::frame::XModel> model(model_);
            if (model.is()) restoreAllMarks(model);
        } catch (...) {
        }
    }

  private:
    css::uno::WeakReference<css::frame::XModel> model_;
};

void restoreLater(const Reference<css::frame::XModel>& model) {
    Reference<css::uno::XComponentContext> context;
    {
        Store& s = store();
        const std::lock_guard<std::recursive_mutex> lock(s.mutex);
        context = s.context;
    }
    if (context.is())
        css::awt::AsyncCallback::create(context)->addCallback(new RestoreMarks(model), Any());
}

// Highlights are never saved into the file: they go before every save and come back after it.
// A file sent to a colleague, or reopened in Excel or WPS, carries no stale red cells, and an
// .xlsx round trip (whose conditional styles come back as ConditionalStyle_1, which nothing
// could tell from a user's own) has nothing of DealSheet's left to remove.
class SaveListener : public cppu::WeakImplHelper1<css::document::XDocumentEventListener> {
  public:
    void SAL_CALL documentEventOccured(const css::document::DocumentEvent& event) override {
        try {
            const Reference<css::frame::XModel> model(event.Source, UNO_QUERY);
            if (!model.is()) return;
            const std::string name = toUtf8(event.EventName);
            // OnCopyTo: a copy is written (Save a Copy, Export).
            if (name == "OnSave" || name == "OnSaveAs" || name == "OnSaveTo" || name == "OnCopyTo")
                removeAllMarks(model);
            else if (name == "OnSaveDone" || name == "OnSaveAsDone" || name == "OnSaveToDone" ||
                     name == "OnCopyToDone" || name == "OnSaveFailed" || name == "OnSaveAsFailed" ||
                     name == "OnSaveToFailed" || name == "OnCopyToFailed")
                restoreLater(model);  // right after: the document is still being stored
        } catch (...) {
            // Never in the way of a save.
        }
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}
};

void watchSaves(DocumentCheck& entry, const Reference<css::frame::XModel>& model) {
    if (entry.saveListener.is()) return;
    const Reference<css::document::XDocumentEventBroadcaster> broadcaster(model, UNO_QUERY);
    if (!broadcaster.is()) return;
    entry.saveListener = new SaveListener;
    broadcaster->addDocumentEventListener(entry.saveListener);
}

void startListening(DocumentCheck& entry, const Reference<css::frame::XModel>& model) {
    if (entry.listener.is()) return;
    const Reference<css::util::XChangesNotifier> notifier(model, UNO_QUERY);
    if (!notifier.is()) return;  // not Calc's model: nothing reports edits
    entry.listener = new EditListener(model);
    notifier->addChangesListener(entry.listener);
    if (Reference<css::util::XModifyBroadcaster> broadcaster(model, UNO_QUERY); broadcaster.is())
        broadcaster->addModifyListener(
            Reference<css::util::XModifyListener>(entry.listener, UNO_QUERY));
}

void stopListening(DocumentCheck& entry, const Reference<css::frame::XModel>& model) {
    if (!entry.listener.is()) return;
    try {
        if (Reference<css::util::XChangesNotifier> notifier(model, UNO_QUERY); notifier.is())
            notifier->removeChangesListener(entry.listener);
        if (Reference<css::util::XModifyBroadcaster> broadcaster(model, UNO_QUERY);
            broadcaster.is())
            broadcaster->removeModifyListener(
                Reference<css::util::XModifyListener>(entry.listener, UNO_QUERY));
    } catch (const css::uno::Exception&) {
    }
    entry.listener.clear();
    entry.pending.clear();
}

// `all` is the check's findings in the incremental check's order, when there is no `extra`
// (kept as the snapshot without copying them again).
void recordFullCheck(const Reference<css::frame::XModel>& model,
                     std::shared_ptr<IncrementalCheck> incremental, std::vector<Finding> extra,
                     std::vector<Finding> all, ReportBasis basis) {
    {
        Store& s = store();
        const std::lock_guard<std::recursive_mutex> lock(s.mutex);
        DocumentCheck& entry = entryOf(s, model);
        watchSaves(entry, model);
        retireCheckOf(entry);
        entry.findings = extra.empty() && all.size() == incremental->findingCount()
                             ? std::make_shared<const FindingList>(std::move(all))
                             : snapshotOf(*incremental, extra);
        entry.incremental = std::move(incremental);
        entry.extraSheets.clear();
        entry.basis = std::move(basis);
        entry.stale = false;
        entry.pending.clear();
        entry.unreportedEdit = entry.reported = false;
        ++entry.generation;
    }
    postToObservers(model);
}

// The current rows of a sheet from `first` to `last` (sheet rows), `width` columns from A.
std::vector<RowEdit> readRows(const Reference<css::sheet::XSpreadsheet>& sheet, std::size_t index,
                              int first, int last, int width) {
    std::vector<RowEdit> edits;
    if (width <= 0 || last < first) return edits;
    const auto range = rangeOf(sheet, 0, first, width - 1, last);
    CellGrid values = readValues(range);
    const auto rows = static_cast<std::size_t>(last - first + 1);
    std::vector<std::vector<bool>> formulas(rows,
                                            std::vector<bool>(static_cast<std::size_t>(width)));
    auto errors = formulas;
    Reference<css::sheet::XCellRangesQuery> query(range, UNO_QUERY_THROW);
    const auto mark = [&](const Reference<css::sheet::XSheetCellRanges>& found,
                          std::vector<std::vector<bool>>& flags) {
        if (!found.is()) return;
        for (const auto& a : found->getRangeAddresses())
            for (int r = std::max<int>(a.StartRow, first); r <= std::min<int>(a.EndRow, last); ++r)
                for (int c = a.StartColumn; c <= a.EndColumn && c < width; ++c)
                    flags[static_cast<std::size_t>(r - first)][static_cast<std::size_t>(c)] = true;
    };
    mark(query->queryContentCells(css::sheet::CellFlags::FORMULA), formulas);
    mark(query->queryFormulaCells(css::sheet::FormulaResult::ERROR), errors);
    for (std::size_t r = 0; r < rows && r < values.size(); ++r)
        edits.push_back(
            {index, first + static_cast<int>(r), std::move(values[r]), formulas[r], errors[r]});
    return edits;
}

// Longest a burst may be read row by row; beyond it the sheet is read again whole.
constexpr int kRowsReadApart = 20000;

// Up to this many data rows a change Calc did not report is found by reading the workbook
// again (a few milliseconds per thousand rows); above it the results are said to be stale.
constexpr std::size_t kRowsReadAgain = 20000;

std::size_t rowsOf(const IncrementalCheck& check) {
    std::size_t rows = 0;
    for (const auto& [schema, data] : check.sheets())
        rows += static_cast<std::size_t>(data.rowCount());
    return rows;
}

bool sameData(const SheetData& a, const SheetData& b) {
    return a.cells == b.cells && a.isFormula == b.isFormula && a.isError == b.isError &&
           a.mergedCopies == b.mergedCopies &&
           (a.sheetRows == b.sheetRows ||
            (a.sheetRows.empty() || b.sheetRows.empty()));  // identity written out or not
}

// Rows read again per checked sheet (first, last sheet rows), by processEdits.
using EditedRows = std::map<std::size_t, std::set<std::pair<int, int>>>;

void publish(const Reference<css::frame::XModel>& model,
             const std::shared_ptr<IncrementalCheck>& incremental, const FindingsDelta& changed,
             const EditedRows& edited = {});

void rereadChanged(const Reference<css::frame::XModel>& model,
                   const std::shared_ptr<IncrementalCheck>& incremental) {
    const Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY_THROW);
    std::set<const SheetSchema*> schemas;
    for (const auto& [schema, data] : incremental->sheets()) schemas.insert(schema);
    auto view = readWorkbook(doc, [&](const SheetSchema& s) { return schemas.count(&s) > 0; });
    FindingsDelta changed;
    for (auto& [schema, data] : view.sheets) {
        const int index = incremental->sheetIndex(data.name);
        if (index < 0) {  // a DealSheet sheet that was not there: everything again
            runFullCheck(officeContext(), doc, false);
            return;
        }
        if (sameData(incremental->sheets()[static_cast<std::size_t>(index)].second, data)) continue;
        auto d = incremental->replaceSheet(static_cast<std::size_t>(index), std::move(data));
        changed.removed.insert(changed.removed.end(), d.removed.begin(), d.removed.end());
        changed.added.insert(changed.added.end(), d.added.begin(), d.added.end());
    }
    publish(model, incremental, changed);
}

void publish(const Reference<css::frame::XModel>& model,
             const std::shared_ptr<IncrementalCheck>& incremental, const FindingsDelta& changed,
             const EditedRows& edited) {
    const Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY_THROW);
    PhaseTimes times("publish");
    // The cells to decide again: those whose findings changed, and every cell of the edited
    // rows (a paste may bring a copy of a mark along).
    std::map<std::size_t, std::vector<std::pair<int, int>>> cellsOf;  // by checked sheet
    for (const auto* list : {&changed.removed, &changed.added})
        for (const auto& f : *list)
            if (const int sheet = incremental->sheetIndex(f.sheet); sheet >= 0)
                cellsOf[static_cast<std::size_t>(sheet)].emplace_back(f.column, f.row);
    for (const auto& [sheet, spans] : edited) {
        const SheetData& data = incremental->sheets()[sheet].second;
        const int width = static_cast<int>(data.cells.empty() ? 0 : data.cells[0].size());
        auto& cells = cellsOf[sheet];
        for (const auto& [first, last] : spans)
            for (int row = first; row <= last; ++row)
                for (int column = 0; column < width; ++column) cells.emplace_back(column, row);
    }
    times.mark("cells");
    if (!cellsOf.empty()) {
        const OwnWrites own(model);
        const MarksUnrecorded unrecorded(doc);
        for (auto& [sheet, cells] : cellsOf) {
            // What a cell shows: its error, else its warning (a missing column marks nothing).
            const auto wanted = [&, sheet = sheet](int column, int row) -> std::string {
                std::string style;
                if (const auto* found = incremental->findingsAt(sheet, row))
                    for (const auto& f : *found) {
                        const char* mark = f.column == column ? markStyleOf(f) : nullptr;
                        if (!mark) continue;
                        if (f.severity == Severity::Error) return mark;
                        style = mark;
                    }
                return style;
            };
            try {
                ensureCellStyle(doc, kStyleErrorMark);
                ensureCellStyle(doc, kStyleWarningMark);
                updateMarks(doc, sheetByName(doc, incremental->sheets()[sheet].second.name),
                            std::move(cells), wanted, &times);
            } catch (const css::uno::Exception&) {
                // A protected sheet keeps its old marks; the Problems list is still right.
            }
        }
        times.mark("marks");
    }
    {
        Store& s = store();
        const std::lock_guard<std::recursive_mutex> lock(s.mutex);
        const auto it = s.documents.find(keyOf(model));
        if (it == s.documents.end() || it->second.incremental != incremental) return;
        if (!changed.empty() || it->second.stale) {
            auto& current = it->second.findings;
            // A new version sharing every block of findings the edit did not touch (a reader
            // may still hold the previous one).
            if (current && !it->second.stale &&
                current->size() ==
                    incremental->findingCount() - changed.added.size() + changed.removed.size())
                current = std::make_shared<const FindingList>(
                    current->patched(changed.removed, changed.added, sheetOrderOf(*incremental)));
            else
                current = snapshotOf(*incremental, {});
            ++it->second.generation;
        }
        it->second.stale = false;
    }
    times.mark("snapshot");
    postToObservers(model);
}

void processEdits(const Reference<css::frame::XModel>& model) {
    std::vector<PendingEdit> pending;
    std::shared_ptr<IncrementalCheck> incremental;
    bool unreported = false;
    std::chrono::steady_clock::time_point editAt;
    {
        Store& s = store();
        const std::lock_guard<std::recursive_mutex> lock(s.mutex);
        const auto it = s.documents.find(keyOf(model));
        if (it == s.documents.end()) return;
        DocumentCheck& entry = it->second;
        if (entry.live && entry.incremental && entry.incremental->preparingAside()) {
            // The dependencies of the check are still being worked out beside the office:
            // the edits wait for them off the office's thread, so typing is never held up.
            postEditCheckLater(model);
            return;
        }
        entry.posted = false;
        pending.swap(entry.pending);
        unreported = entry.unreportedEdit && !entry.reported;
        entry.unreportedEdit = entry.reported = false;
        if (!entry.live || !entry.incremental) return;
        incremental = entry.incremental;
        editAt = entry.editAt;
        if (unreported && pending.empty() && rowsOf(*incremental) > kRowsReadAgain) {
            // A write Calc did not report (a macro's, Delete, an undo): in a large workbook
            // the results may be wrong now, and say so.
            if (entry.stale) return;
            entry.stale = true;
            ++entry.generation;
        }
    }
    if (unreported && pending.empty() && rowsOf(*incremental) <= kRowsReadAgain) {
        // A small workbook is read again, and what changed is rechecked: exact, never stale.
        rereadChanged(model, incremental);
        return;
    }
    if (unreported && pending.empty()) {
        postToObservers(model);
        return;
    }
    const auto context = officeContext();
    const Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY_THROW);
    PhaseTimes times("live");
    // Which rows of which checked sheet changed; a change elsewhere that matters (Settings,
    // a DealSheet sheet not checked yet, a header) takes a full check.
    EditedRows rowsBySheet;
    std::set<std::size_t> reread;
    bool full = false;
    for (const auto& edit : pending) {
        const int index = incremental->sheetIndex(edit.sheet);
        if (index < 0) {
            const LocatedSheet located = locateSheet(productSchema(), edit.sheet);
            const bool report = hasReportSheetName(edit.sheet);
            if (!report && located.schema && located.kind() != SheetKind::Review) full = true;
            continue;
        }
        const auto sheet = static_cast<std::size_t>(index);
        const SheetData& data = incremental->sheets()[sheet].second;
        if (edit.structural || edit.firstRow <= data.sheetRow(0) ||
            edit.lastRow - edit.firstRow >= kRowsReadApart)
            reread.insert(sheet);
        else
            rowsBySheet[sheet].insert({edit.firstRow, edit.lastRow});
    }
    if (full) {
        runFullCheck(context, doc, false);
        return;
    }
    FindingsDelta delta;
    std::vector<RowEdit> edits;
    for (const auto& [index, spans] : rowsBySheet) {
        if (reread.count(index)) continue;
        const SheetData& data = incremental->sheets()[index].second;
        const auto sheet = sheetByName(doc, data.name);
        const int width = static_cast<int>(data.cells.empty() ? 0 : data.cells[0].size());
        // Overlapping spans (a paste and its undo in one burst) are read once.
        int readUpTo = -1;
        for (const auto& [first, last] : spans) {
            const int from = std::max(first, readUpTo + 1);
            if (from > last) continue;
            for (auto& e : readRows(sheet, index, from, last, width)) edits.push_back(std::move(e));
            readUpTo = last;
        }
    }
    times.mark("read");
    auto changed = incremental->apply(edits);
    times.mark("check");
    for (std::size_t index : reread) {
        const SheetData& old = incremental->sheets()[index].second;
        const std::string name = old.name;
        const SheetSchema* schema = incremental->sheets()[index].first;
        auto view = readWorkbook(doc, [&](const SheetSchema& s) { return &s == schema; });
        bool found = false;
        for (auto& [s, data] : view.sheets)
            if (data.name == name) {
                auto d = incremental->replaceSheet(index, std::move(data));
                changed.removed.insert(changed.removed.end(), d.removed.begin(), d.removed.end());
                changed.added.insert(changed.added.end(), d.added.begin(), d.added.end());
                found = true;
            }
        if (!found) {  // no longer read as that sheet: everything is looked at again
            runFullCheck(context, doc, false);
            return;
        }
    }
    times.mark("reread");
    for (std::size_t index : reread) rowsBySheet.erase(index);
    publish(model, incremental, changed, rowsBySheet);
    times.mark("publish");
    // From Calc's notice of the first edit of the burst to the findings published.
    if (std::getenv("DEALSHEET_TIMINGS"))
        std::fprintf(stderr, "[timings] live-edit rows=%zu findings=%zu total_us=%lld\n",
                     changed.rowsChecked, incremental->findingCount(),
                     static_cast<long long>(std::chrono::duration_cast<std::chrono::microseconds>(
                                                std::chrono::steady_clock::now() - editAt)
                                                .count()));
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
    {
        // The previous check's preparation would only compete with this one for the cores.
        std::shared_ptr<IncrementalCheck> previous;
        {
            Store& s = store();
            const std::lock_guard<std::recursive_mutex> lock(s.mutex);
            const auto it = s.documents.find(keyOf(doc));
            if (it != s.documents.end()) previous = it->second.incremental;
        }
        if (previous) previous->stopPreparing();
    }
    const Lang uiLang = officeLanguage(context);
    CommandOutcome outcome;
    WorkbookView workbook = readWorkbook(doc, {}, &times);
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
    // The rows' dependencies (live checking's bookkeeping) are worked out after the check, on
    // a thread of their own (prepareDependenciesAside below); never on the check's own time.
    auto incremental = std::make_shared<IncrementalCheck>(std::move(workbook.sheets), options,
                                                          /*recordDependencies=*/false);
    ValidationResult result;
    result.findings = incremental->findings();
    result.checked = incremental->checked();
    for (const auto& f : result.findings)
        ++(f.severity == Severity::Error ? result.errors : result.warnings);
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
    const Reference<css::frame::XModel> model(doc, UNO_QUERY_THROW);
    {
        Store& s = store();
        const std::lock_guard<std::recursive_mutex> lock(s.mutex);
        entryOf(s, model);  // so that OwnWrites has an entry to count on
    }
    {
        const OwnWrites own(model);
        const RowHeightPause heights(doc);
        {
            // Highlights are view state, never an undo step (MarksUnrecorded); painted once.
            const ControllersLocked painting(model);
            const MarksUnrecorded unrecorded(doc);
            input.marks = markFindings(doc, result.findings, &times);
        }
        times.mark("mark");
        const auto names = sheetNames(doc);
        const bool previousReport = std::any_of(
            names.begin(), names.end(), [&](const auto& name) { return isReportSheet(doc, name); });
        // The report (written, or a previous one removed) is the user's undo step.
        if (report || previousReport) {
            UndoScope undo(doc, std::string(msg::kValidateTitle.in(uiLang)),
                           [&] { clearReport(doc); });  // never leave half a report
            clearReport(doc);
            times.mark("clear");
            if (report) {
                outcome.milliseconds = writeReport(doc, input, times);
                times.mark("report");
            }
            undo.commit();
        }
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
    const std::shared_ptr<IncrementalCheck> kept = incremental;
    recordFullCheck(model, std::move(incremental), extra,
                    extra.empty() ? std::move(result.findings) : std::vector<Finding>{},
                    ReportBasis{plans, workbook.recognitions, workbook.skipped,
                                options.settings.problems, result.checked, input.marks});
    // Live checking starts at the first check (Settings 实时校验 / Live checking).
    if (options.settings.word("liveChecking") != "off") {
        setLiveChecking(context, doc, true);
        // Someone may be about to type: ready for it, worked out beside the office on a thread
        // of its own (the next call is not held up; the next full check stops it).
        kept->prepareDependenciesAside();
    }
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
            result.findings = it->second.findings->toVector();
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
    UndoScope undo(doc, std::string(msg::kValidateTitle.in(uiLang)), [&] { clearReport(doc); });
    clearReport(doc);
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
        if (on)
            startListening(entry, model);
        else
            stopListening(entry, model);
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
        stopListening(it->second, model);
        retireCheckOf(it->second);
        it->second.basis = {};
        it->second.live = false;
        it->second.stale = false;
        ++it->second.generation;
    }
    postToObservers(model);
}

}  // namespace dealsheet::uno
