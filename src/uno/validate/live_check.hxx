// Checking as you type (SPEC §11): the findings of every document checked in this session,
// kept here so the Problems panel, getFindings and the marks all read one answer. The seam
// the sidebar codes against. Office main thread only (the store is locked all the same, since
// a remote macro's call arrives on a bridge thread).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "core/validate/finding_list.hpp"
#include "uno/commands/commands.hxx"

namespace dealsheet::uno {

namespace css = com::sun::star;

struct CheckSnapshot {
    std::shared_ptr<const dealsheet::FindingList> findings;  // null: never checked
    bool live = false;   // live checking running for this document
    bool stale = false;  // an edit arrived that Calc did not report (e.g. a macro's write)
    std::uint64_t generation = 0;  // grows on every change of findings
};

CheckSnapshot currentCheck(const css::uno::Reference<css::frame::XModel>& document);

// Observers are called on the office's thread (from a posted event), after a document's
// results changed, cleared, or went stale.
using CheckObserver = std::function<void(const css::uno::Reference<css::frame::XModel>&)>;
int observeChecks(CheckObserver observer);  // called after a document's results change
void stopObserving(int token);

// Runs a full check (marks + findings, no report sheet) as checkWorkbook does.
void checkNow(const css::uno::Reference<css::frame::XModel>& document);
// Writes the report sheet of the current findings (after a full check when there are none).
void writeReportNow(const css::uno::Reference<css::frame::XModel>& document);

// Every component DealSheet's factories make hands the office's context here once, so the
// functions above (which take a document only) can reach the office's services.
void rememberOfficeContext(const css::uno::Reference<css::uno::XComponentContext>& context);

// The full check behind Validate, checkWorkbook and checkNow: reads the workbook, runs every
// rule, replaces the marks, writes the report sheet when `report`, and keeps the findings as
// the document's current check. `extra` findings (a sync's conflicts) join them.
CommandOutcome runFullCheck(const css::uno::Reference<css::uno::XComponentContext>& context,
                            const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc,
                            bool report, const std::vector<Finding>& extra = {});

// Starts or stops live checking of a document (starting it checks first when never checked).
void setLiveChecking(const css::uno::Reference<css::uno::XComponentContext>& context,
                     const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc, bool on);

// Settings 实时校验 / Live checking: true unless the Settings sheet says 关 / Off.
bool liveCheckingWanted(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc);

// Clear marks: forgets the document's findings and stops live checking.
void forgetCheck(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc);

}  // namespace dealsheet::uno
