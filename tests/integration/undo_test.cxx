// Undo of every command, in a document loaded hidden (as macros and batch scripts load them)
// and in a visible one: the document comes back as it was and the office lives on. Calc's own
// undo of a sheet insertion needs a view and kills LibreOffice 7.4 in a hidden document; the
// commands record DealSheet's own action for the sheets they insert
// (src/uno/workbook/undo_action.hxx).
#include <gtest/gtest.h>

#include <cstdio>
#include <set>

#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <org/dealsheet/calc/XToolkit3.hpp>

#include "preservation.hxx"
#include "uno_helpers.hxx"

using namespace dealsheet::test;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

using Doc = Reference<css::sheet::XSpreadsheetDocument>;

struct Command {
    const char* name;
    std::function<void(const Doc&)> run;
};

void dispatched(const Doc& doc, const std::string& command,
                const std::vector<std::pair<std::string, std::string>>& arguments = {}) {
    const Dispatched outcome = dispatchToolbar(doc, command, arguments);
    EXPECT_FALSE(outcome.failed) << command << ": " << outcome.message;
}

// Every command that changes the document; four of them insert a sheet (Insert template
// sheets, Validate's report, the monthly review, a column mapping).
const std::vector<Command>& commands() {
    static const std::vector<Command> all{
        {"Validate", [](const Doc& doc) { dispatched(doc, "Validate"); }},
        {"ValidateAgain", [](const Doc& doc) { dispatched(doc, "Validate"); }},  // replaces it
        {"ClearMarks", [](const Doc& doc) { dispatched(doc, "ClearMarks"); }},
        {"AssignCustomerNumbers", [](const Doc& doc) { dispatched(doc, "AssignCustomerNumbers"); }},
        {"RefreshReview",
         [](const Doc& doc) {
             dispatched(doc, "RefreshReview", {{"Month", "2026-11"}});
         }},
        {"RefreshReviewAgain",
         [](const Doc& doc) {
             dispatched(doc, "RefreshReview", {{"Month", "2026-10"}});
         }},
        {"InsertTemplates",
         [](const Doc& doc) {
             dispatched(doc, "InsertTemplates", {{"Language", "en"}});
         }},
        {"MergeCustomers",
         [](const Doc& doc) {
             const auto customers = byNameOrThrow(doc, "客户信息登记表");
             dispatched(
                 doc, "MergeCustomers",
                 {{"KeptNo", textOf(customers, "A15")}, {"MergedNo", textOf(customers, "A28")}});
         }},
        {"SetColumnMapping",
         [](const Doc& doc) {
             const rtl::OUString entry = toOUString("customerName=客户名称");
             Reference<org::dealsheet::calc::XToolkit2>(toolkit(), UNO_QUERY_THROW)
                 ->setColumnMapping(component(doc), toOUString("客户信息登记表"),
                                    css::uno::Sequence<rtl::OUString>(&entry, 1));
         }},
    };
    return all;
}

// Whether two snapshot records differ only in the number format (the second formatting field).
// Calc's own redo of a formula drops the number format it gave the cell automatically
// (=TODAY() shows a date, after redo a serial number); plain Calc does the same.
bool onlyNumberFormatDiffers(const std::string& before, const std::string& after) {
    const auto fields = [](const std::string& record) {
        std::vector<std::string> parts;
        const auto at = record.find(" ¦ ");
        parts.push_back(record.substr(0, at));
        if (at == std::string::npos) return parts;
        std::size_t start = at + std::string(" ¦ ").size();
        for (std::size_t comma; (comma = record.find(',', start)) != std::string::npos;
             start = comma + 1)
            parts.push_back(record.substr(start, comma - start));
        parts.push_back(record.substr(start));
        return parts;
    };
    auto a = fields(before), b = fields(after);
    if (a.size() != b.size() || a.size() < 3) return false;
    a[2] = b[2];
    return a == b;
}

// Each command on the sample, then undo: the snapshot is the one before; then redo gives the
// command's result again, and a second undo the original once more.
void undoEveryCommand(bool visible, const std::set<std::string>& only = {}) {
    const auto doc = loadCopy(std::string(DEALSHEET_WORKBOOKS) + "/sample-zh.ods", visible);
    // Blank numbers for Assign, a missing sheet for Insert.
    const auto customers = byNameOrThrow(doc, "客户信息登记表");
    setText(customers, "A3", "");
    setText(customers, "A5", "");
    doc->getSheets()->removeByName(toOUString("售前与实施交接单"));
    const auto undo =
        Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager();
    for (const auto& command : commands()) {
        if (!only.empty() && !only.count(command.name)) continue;
        SCOPED_TRACE(std::string(command.name) + (visible ? " (visible)" : " (hidden)"));
        // ClearMarks needs marks, the second Validate and review an existing sheet.
        if (std::string(command.name) == "ClearMarks" ||
            std::string(command.name) == "ValidateAgain")
            dispatched(doc, "Validate");
        if (std::string(command.name) == "RefreshReviewAgain")
            dispatched(doc, "RefreshReview", {{"Month", "2026-11"}});
        const Snapshot before = snapshot(doc);
        const auto steps = undo->getAllUndoActionTitles().getLength();
        command.run(doc);
        ASSERT_EQ(undo->getAllUndoActionTitles().getLength(), steps + 1) << "not one undo step";
        const Snapshot done = snapshot(doc);
        EXPECT_NE(done.digest(), before.digest()) << "changed nothing";
        std::fprintf(stderr, "[undo_it] %s: undo\n", command.name);
        undo->undo();
        const Snapshot undone = snapshot(doc);  // the office is alive: it answers
        EXPECT_EQ(undone.order, before.order);
        for (const auto& change : differences(before, undone)) ADD_FAILURE() << change.describe();
        // Calc's redo of a sheet removal (a report or mapping sheet replaced, the report
        // cleared) needs a view, as its undo of an insertion did: docs/developing.md, Known limits.
        const std::string name = command.name;
        if (!visible && (name == "ValidateAgain" || name == "ClearMarks")) continue;
        std::fprintf(stderr, "[undo_it] %s: redo\n", command.name);
        undo->redo();
        EXPECT_EQ(snapshot(doc).order, done.order);
        int formats = 0;
        for (const auto& change : differences(done, snapshot(doc))) {
            if (change.column >= 0 && onlyNumberFormatDiffers(change.before, change.after))
                ++formats;
            else
                ADD_FAILURE() << "redo: " << change.describe();
        }
        std::fprintf(stderr, "[undo_it] %s: redo dropped %d automatic number formats\n",
                     command.name, formats);
        std::fprintf(stderr, "[undo_it] %s: undo again\n", command.name);
        undo->undo();
        EXPECT_EQ(snapshot(doc).digest(), before.digest());
    }
    EXPECT_FALSE(sheetNamesOf(doc).empty());
    close(doc);
}

}  // namespace

TEST(Undo, EveryCommandInAHiddenDocument) {
    unoGuard([&] { undoEveryCommand(false); });
}

// In a window Calc's own undo of a sheet insertion worked; what DealSheet's own actions replace
// is checked there too: the commands that replace or remove a sheet. (Every command's undo in a
// window: integration.hostile_it, Preservation.UndoOfEveryCommandRestoresTheSample.)
TEST(Undo, SheetReplacingCommandsInAVisibleDocument) {
    unoGuard([&] {
        undoEveryCommand(true,
                         {"ValidateAgain", "ClearMarks", "RefreshReview", "SetColumnMapping"});
    });
}

// Merge customers (SPEC §12) on the sample's planted duplicate (row 28, ＩＴＳ typed full
// width, is row 15's company): every reference moves to the kept number and shows the kept
// name, the merged row is marked and stays, and nothing else of the workbook changes; one undo
// step brings all of it back. Validate no longer reports the pair.
TEST(MergeCustomers, MovesEveryReferenceChangesNothingElseAndUndoes) {
    unoGuard([&] {
        const auto doc = loadCopy(std::string(DEALSHEET_WORKBOOKS) + "/sample-zh.ods", false);
        const auto customers = byNameOrThrow(doc, "客户信息登记表");
        const std::string kept = textOf(customers, "A15");
        const std::string merged = textOf(customers, "A28");
        const std::string keptName = textOf(customers, "C15");
        ASSERT_FALSE(kept.empty() || merged.empty() || kept == merged);
        // Two actions and a handover of the merged customer, as a year of work leaves them.
        const auto actions = byNameOrThrow(doc, "跟进行动表");
        setText(actions, "B2", merged);
        setText(actions, "B3", merged);
        const auto handover = byNameOrThrow(doc, "售前与实施交接单");
        setText(handover, "C2", merged);
        const Snapshot before = snapshot(doc);

        Reference<org::dealsheet::calc::XToolkit3> toolkit3(toolkit(), UNO_QUERY_THROW);
        EXPECT_THROW(
            toolkit3->mergeCustomers(component(doc), toOUString(kept), toOUString("209901-999")),
            css::lang::IllegalArgumentException);
        EXPECT_EQ(snapshot(doc).digest(), before.digest()) << "a refused merge changed something";

        const auto undo =
            Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager();
        const auto steps = undo->getAllUndoActionTitles().getLength();
        const sal_Int32 rowsMoved =
            toolkit3->mergeCustomers(component(doc), toOUString(kept), toOUString(merged));
        EXPECT_EQ(undo->getAllUndoActionTitles().getLength(), steps + 1) << "not one undo step";
        const Snapshot after = snapshot(doc);
        int moved = 0;
        int names = 0;
        int marks = 0;
        for (const auto& change : differences(before, after)) {
            const auto value = [](const std::string& record) {
                return record.substr(0, record.find(" ¦ "));
            };
            if (value(change.before) == merged && value(change.after) == kept) {
                ++moved;
            } else if (change.sheet == "售前与实施交接单" && value(change.after) == keptName) {
                ++names;
            } else if (change.sheet == "客户信息登记表" && change.row == 27 &&
                       value(change.after).find("已合并 → " + kept) != std::string::npos) {
                ++marks;
            } else {
                ADD_FAILURE() << "changed beyond the merge: " << change.describe();
            }
        }
        EXPECT_GE(moved, 3);  // the three above, and any the sample had
        EXPECT_EQ(moved, rowsMoved);
        EXPECT_EQ(names, 1);
        EXPECT_EQ(marks, 1);
        EXPECT_THROW(toolkit3->mergeCustomers(component(doc), toOUString(kept), toOUString(merged)),
                     css::lang::IllegalArgumentException)
            << "merged twice";

        toolkit3->checkWorkbook(component(doc));
        for (const auto& f : toolkit3->getFindings(component(doc), toOUString("客户信息登记表")))
            EXPECT_NE(toUtf8(f.Code), "DUPLICATE_NAME")
                << toUtf8(f.Cell) << " " << toUtf8(f.Message);
        toolkit()->clearMarks(component(doc));
        // Back through the check's steps (if it left any) and the merge.
        for (auto left = undo->getAllUndoActionTitles().getLength() - steps; left > 0; --left)
            undo->undo();
        const Snapshot undone = snapshot(doc);
        for (const auto& change : differences(before, undone))
            ADD_FAILURE() << "undo: " << change.describe();
        close(doc);
    });
}
