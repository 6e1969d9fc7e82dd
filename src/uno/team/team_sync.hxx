// Sync with team (SPEC §8), the part that does: reads the synced sheets in bulk, talks to the
// team's PostgreSQL through LibreOffice's own SDBC driver in one transaction per push, and
// writes the result into the workbook in bulk. The decisions are the core's (core/team_sync).
#pragma once

#include <functional>
#include <stdexcept>
#include <string>

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace dealsheet::uno {

struct SyncOutcome {
    long pulled = 0;
    long pushed = 0;
    long numbered = 0;
    long conflicts = 0;
    long refused = 0;
    long milliseconds = 0;
    std::string message;  // the summary for the user, in the office's language
};

// Raised when a sync fails: the workbook and the server are as they were (or, when the answer
// to the push's COMMIT was lost, the outcome is unknown and the next sync settles it); what() says
// why, in the office's language.
class SyncFailed : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// `frame` (may be empty) is the window: it gets the progress in its status bar, and the
// office's login dialog when the server wants a password that libpq's environment lacks.
SyncOutcome syncTeam(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    const com::sun::star::uno::Reference<com::sun::star::frame::XFrame>& frame = {});

}  // namespace dealsheet::uno
