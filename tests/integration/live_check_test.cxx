// Checking as you type (SPEC §11) in a real Calc: checkWorkbook and getFindings (XToolkit3),
// findings following what is typed through the view (.uno:EnterString), as a user types.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <thread>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/datatransfer/XTransferableSupplier.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XConditionalFormats.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <org/dealsheet/calc/XToolkit3.hpp>

#include "office.hxx"
#include "uno_helpers.hxx"

using namespace dealsheet::test;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

Reference<org::dealsheet::calc::XToolkit3> toolkit3() {
    return Reference<org::dealsheet::calc::XToolkit3>(toolkit(), UNO_QUERY_THROW);
}

// "RULE Sheet.Cell" of every finding inside `range`.
std::set<std::string> findings(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                               const std::string& range = "") {
    std::set<std::string> out;
    for (const auto& f : toolkit3()->getFindings(component(doc), toOUString(range)))
        out.insert(toUtf8(f.Code) + " " + toUtf8(f.Sheet) + "." + toUtf8(f.Cell));
    return out;
}

// One clean English register row (row 2) and one action referring to it.
Reference<css::sheet::XSpreadsheetDocument> cleanWorkbook() {
    const auto doc = newSpreadsheet();
    toolkit()->insertTemplates(component(doc), "en");
    typeRows(doc, byNameOrThrow(doc, "Customers"),
             {{"202501-001", "2025-01-04", "Acme", "Retail", "", "Li Na", "", "", "li@acme.cn", "",
               "CRM", "", "", "", "", "Lead", "", "Wang"}},
             1);
    typeRows(doc, byNameOrThrow(doc, "Actions"),
             {{"XD-1", "202501-001", "", "Call back", "Wang", "2025-01-04", "2099-01-10",
               "In progress"}},
             1);
    return doc;
}

}  // namespace

TEST(LiveCheck, CheckWorkbookKeepsFindingsWithoutAReportSheet) {
    unoGuard([&] {
        const auto doc = cleanWorkbook();
        const auto customers = byNameOrThrow(doc, "Customers");
        setText(customers, "C3", "Beta");  // a second row, most of it blank
        const auto summary = toolkit3()->checkWorkbook(component(doc));
        EXPECT_GT(summary.Errors, 0);
        for (const auto& name : sheetNamesOf(doc)) EXPECT_NE(name, "Validation Report");
        const auto inRow3 = findings(doc, "Customers.A3:Z3");
        EXPECT_TRUE(inRow3.count("REQUIRED Customers.A3"));
        EXPECT_TRUE(inRow3.count("REQUIRED Customers.F3"));
        EXPECT_EQ(findings(doc, "Customers.A2:Z2"), std::set<std::string>{});
        EXPECT_EQ(findings(doc, "Customers.C3"), std::set<std::string>{});
        EXPECT_EQ(findings(doc, "Customers"), inRow3);
        EXPECT_EQ(findings(doc, ""), inRow3);
        EXPECT_THROW(toolkit3()->getFindings(component(doc), "NoSuchSheet.A1"),
                     css::lang::IllegalArgumentException);
        toolkit3()->writeReport(component(doc));
        const auto names = sheetNamesOf(doc);
        EXPECT_NE(std::find(names.begin(), names.end(), "Validation Report"), names.end());
        toolkit()->clearMarks(component(doc));
        EXPECT_EQ(findings(doc), std::set<std::string>{});  // forgotten with the marks
        close(doc);
    });
}

TEST(LiveCheck, CustomerCardListsTheRegisterRow) {
    unoGuard([&] {
        const auto doc = cleanWorkbook();
        std::vector<std::string> lines;
        for (const auto& line : toolkit3()->customerCard(component(doc), "202501-001"))
            lines.push_back(toUtf8(line));
        ASSERT_FALSE(lines.empty());
        // The Customer panel's card (src/core/customer), in the office's language.
        EXPECT_EQ(lines.front(), "202501-001 Acme");
        EXPECT_NE(std::find(lines.begin(), lines.end(), "【Register entry】"), lines.end());
        EXPECT_EQ(toolkit3()->customerCard(component(doc), "209912-999").getLength(), 0);
        close(doc);
    });
}

namespace {

Reference<css::frame::XController> controllerOf(
    const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    return Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController();
}

void dispatch(const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& command,
              const css::uno::Sequence<css::beans::PropertyValue>& args = {}) {
    css::frame::DispatchHelper::create(Office::get().context())
        ->executeDispatch(Reference<css::frame::XDispatchProvider>(controllerOf(doc)->getFrame(),
                                                                   UNO_QUERY_THROW),
                          toOUString(command), "", 0, args);
}

void select(const Reference<css::sheet::XSpreadsheetDocument>& doc,
            const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& where) {
    Reference<css::view::XSelectionSupplier>(controllerOf(doc), UNO_QUERY_THROW)
        ->select(css::uno::Any(Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                                   ->getCellRangeByName(toOUString(where))));
}

// Types into a cell through the view, as a user does (Enter included).
void type(const Reference<css::sheet::XSpreadsheetDocument>& doc,
          const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& where,
          const std::string& text) {
    select(doc, sheet, where);
    css::uno::Sequence<css::beans::PropertyValue> args(1);
    args.getArray()[0].Name = "StringName";
    args.getArray()[0].Value <<= toOUString(text);
    dispatch(doc, ".uno:EnterString", args);
}

// Empties a cell as the Delete key does.
void erase(const Reference<css::sheet::XSpreadsheetDocument>& doc,
           const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& where) {
    select(doc, sheet, where);
    dispatch(doc, ".uno:ClearContents");
}

// Polls getFindings until `wanted` holds (the check runs right after the edit, on the office's
// thread); the milliseconds it took, or -1 after five seconds.
double waitFor(const std::function<bool()>& wanted) {
    const auto start = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - start < std::chrono::seconds(5)) {
        if (wanted())
            return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                             start)
                .count();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return -1;
}

bool has(const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& range,
         const std::string& finding) {
    return findings(doc, range).count(finding) > 0;
}

}  // namespace

TEST(LiveCheck, ABlankRequiredCellAppearsAndDisappearsAsItIsEmptiedAndFilled) {
    unoGuard([&] {
        const auto doc = cleanWorkbook();
        const auto customers = byNameOrThrow(doc, "Customers");
        toolkit3()->checkWorkbook(component(doc));
        EXPECT_EQ(findings(doc), std::set<std::string>{});
        erase(doc, customers, "C2");
        EXPECT_GE(waitFor([&] { return has(doc, "Customers.C2", "REQUIRED Customers.C2"); }), 0);
        type(doc, customers, "C2", "Acme");
        EXPECT_GE(waitFor([&] { return findings(doc).empty(); }), 0);
        close(doc);
    });
}

TEST(LiveCheck, AnActionsCustomerNumberTypedWrongAndCorrected) {
    unoGuard([&] {
        const auto doc = cleanWorkbook();
        const auto actions = byNameOrThrow(doc, "Actions");
        toolkit3()->checkWorkbook(component(doc));
        type(doc, actions, "B2", "202501-009");
        EXPECT_GE(waitFor([&] { return has(doc, "Actions.B2", "REF Actions.B2"); }), 0);
        type(doc, actions, "B2", "202501-001");
        EXPECT_GE(waitFor([&] { return findings(doc).empty(); }), 0);
        // The register's number changes: the action referring to it is rechecked too.
        type(doc, byNameOrThrow(doc, "Customers"), "A2", "202501-002");
        EXPECT_GE(waitFor([&] { return has(doc, "Actions.B2", "REF Actions.B2"); }), 0);
        close(doc);
    });
}

TEST(LiveCheck, ADuplicateKeyTypedAndRemovedBothRows) {
    unoGuard([&] {
        const auto doc = cleanWorkbook();
        const auto customers = byNameOrThrow(doc, "Customers");
        typeRows(doc, customers,
                 {{"202501-002", "2025-01-05", "Beta", "Retail", "", "Zhao", "", "", "z@beta.cn",
                   "", "ERP", "", "", "", "", "Lead", "", "Wang"}},
                 2);
        toolkit3()->checkWorkbook(component(doc));
        EXPECT_EQ(findings(doc), std::set<std::string>{});
        type(doc, customers, "A3", "202501-001");
        EXPECT_GE(waitFor([&] { return has(doc, "Customers.A3", "DUPLICATE Customers.A3"); }), 0);
        // The first row's number changes: the second row is no longer a duplicate.
        type(doc, customers, "A2", "202501-003");
        EXPECT_GE(waitFor([&] { return !has(doc, "Customers.A3", "DUPLICATE Customers.A3"); }), 0);
        EXPECT_EQ(findings(doc, "Customers.A1:A10"), std::set<std::string>{});
        close(doc);
    });
}

TEST(LiveCheck, UndoAndRedoAreCheckedLikeEdits) {
    unoGuard([&] {
        const auto doc = newSpreadsheet(true);  // Calc's undo of typing needs a view
        toolkit()->insertTemplates(component(doc), "en");
        typeRows(doc, byNameOrThrow(doc, "Customers"),
                 {{"202501-001", "2025-01-04", "Acme", "Retail", "", "Li Na", "", "", "li@acme.cn",
                   "", "CRM", "", "", "", "", "Lead", "", "Wang"}},
                 1);
        const auto actions = byNameOrThrow(doc, "Actions");
        typeRows(doc, actions,
                 {{"XD-1", "202501-001", "", "Call back", "Wang", "2025-01-04", "2099-01-10",
                   "In progress"}},
                 1);
        toolkit3()->checkWorkbook(component(doc));
        type(doc, actions, "B2", "202501-009");
        EXPECT_GE(waitFor([&] { return has(doc, "Actions.B2", "REF Actions.B2"); }), 0);
        dispatch(doc, ".uno:Undo");
        EXPECT_GE(waitFor([&] { return findings(doc).empty(); }), 0);
        dispatch(doc, ".uno:Redo");
        EXPECT_GE(waitFor([&] { return has(doc, "Actions.B2", "REF Actions.B2"); }), 0);
        Reference<css::util::XModifiable>(doc, UNO_QUERY_THROW)->setModified(false);
        close(doc);
    });
}

TEST(LiveCheck, APasteOfAThousandRows) {
    unoGuard([&] {
        const auto doc = cleanWorkbook();
        toolkit3()->checkWorkbook(component(doc));
        // 1,000 action rows on a sheet of the user's own, every fifth with a customer number
        // the register lacks, copied and pasted under the Actions header.
        doc->getSheets()->insertNewByName("Scratch", 0);
        const auto scratch = byNameOrThrow(doc, "Scratch");
        const auto range = Reference<css::table::XCellRange>(scratch, UNO_QUERY_THROW);
        css::uno::Sequence<css::uno::Sequence<css::uno::Any>> block(1000);
        for (int i = 0; i < 1000; ++i) {
            css::uno::Sequence<css::uno::Any> row(8);
            row.getArray()[0] <<= toOUString("XD-" + std::to_string(i + 10));
            row.getArray()[1] <<= toOUString(i % 5 == 0 ? "202501-099" : "202501-001");
            row.getArray()[2] <<= rtl::OUString();
            row.getArray()[3] <<= toOUString("Call");
            row.getArray()[4] <<= toOUString("Wang");
            row.getArray()[5] <<= 45660.0;
            row.getArray()[6] <<= 73000.0;
            row.getArray()[7] <<= toOUString("In progress");
            block.getArray()[i] = row;
        }
        Reference<css::sheet::XCellRangeData>(range->getCellRangeByName("A1:H1000"),
                                              UNO_QUERY_THROW)
            ->setDataArray(block);
        select(doc, scratch, "A1:H1000");
        const auto transfer =
            Reference<css::datatransfer::XTransferableSupplier>(controllerOf(doc), UNO_QUERY_THROW)
                ->getTransferable();
        select(doc, byNameOrThrow(doc, "Actions"), "A3");
        const auto pasteStart = std::chrono::steady_clock::now();
        Reference<css::datatransfer::XTransferableSupplier>(controllerOf(doc), UNO_QUERY_THROW)
            ->insertTransferable(transfer);
        const double seen = waitFor([&] { return findings(doc, "Actions").size() == 200; });
        const double total =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - pasteStart)
                .count();
        EXPECT_GE(seen, 0) << findings(doc, "Actions").size() << " findings on Actions";
        std::fprintf(stderr, "[live_check_it] paste of 1,000 rows to findings seen: %.0f ms\n",
                     total);
        EXPECT_TRUE(has(doc, "Actions.B3", "REF Actions.B3"));
        EXPECT_FALSE(has(doc, "Actions.B4", "REF Actions.B4"));
        close(doc);
    });
}

TEST(LiveCheck, AMacrosWriteCalcDoesNotReportIsFoundInASmallWorkbook) {
    unoGuard([&] {
        const auto doc = cleanWorkbook();
        toolkit3()->checkWorkbook(component(doc));
        const auto actions = byNameOrThrow(doc, "Actions");
        setText(actions, "B2", "202501-009");  // through the API: Calc tells no listener
        // Only that the document changed: a small workbook is read again (a large one's
        // results are marked stale instead).
        EXPECT_GE(waitFor([&] { return has(doc, "Actions.B2", "REF Actions.B2"); }), 0);
        close(doc);
    });
}

namespace {

int conditionalFormats(const Reference<css::sheet::XSpreadsheet>& sheet) {
    return Reference<css::sheet::XConditionalFormats>(
               Reference<css::beans::XPropertySet>(sheet, UNO_QUERY_THROW)
                   ->getPropertyValue("ConditionalFormats"),
               UNO_QUERY_THROW)
        ->getLength();
}

}  // namespace

// Highlights are never saved: after .ods and .xlsx round trips nothing of DealSheet's is in the
// file (so nothing can stay red for good), while the open document keeps its marks.
TEST(LiveCheck, HighlightsAreNeverSavedIntoTheFile) {
    unoGuard([&] {
        const auto doc = cleanWorkbook();
        const auto customers = byNameOrThrow(doc, "Customers");
        const int own = conditionalFormats(customers);  // the template's (lead grades)
        setText(customers, "C3", "Beta");               // two rows with blanks: marks
        toolkit3()->checkWorkbook(component(doc));
        const int marked = conditionalFormats(customers);
        ASSERT_GT(marked, own);
        for (const auto& [extension, filter] : {std::pair<std::string, std::string>{"ods", "calc8"},
                                                {"xlsx", "Calc MS Excel 2007 XML"}}) {
            SCOPED_TRACE(extension);
            const std::string path = Office::get().workDir() + "/marks." + extension;
            Reference<css::util::XModifiable>(doc, UNO_QUERY_THROW)->setModified(false);
            storeAs(doc, path, filter);  // a copy (storeToURL): the marks leave, then return
            // Still marked in the window: the marks come back when the office tells the save
            // is done (a posted event, right after).
            EXPECT_GE(waitFor([&] { return conditionalFormats(customers) == marked; }), 0);
            // Neither the marks' leaving nor their return is a change of the user's.
            EXPECT_FALSE(Reference<css::util::XModifiable>(doc, UNO_QUERY_THROW)->isModified());
            const auto reopened = loadSpreadsheet(path);
            EXPECT_EQ(conditionalFormats(byNameOrThrow(reopened, "Customers")), own);
            close(reopened);
        }
        close(doc);
    });
}

// Highlights are view state (issue 29): a check and the live updates of its marks add no undo
// step of their own and leave the user's steps as they were; one undo takes back what was
// typed, and its marks follow the findings.
TEST(LiveCheck, HighlightsAreNoUndoStepsAndTheUsersStepsStay) {
    unoGuard([&] {
        const auto doc = newSpreadsheet(true);  // Calc's undo of typing needs a view
        toolkit()->insertTemplates(component(doc), "en");
        const auto customers = byNameOrThrow(doc, "Customers");
        const int own = conditionalFormats(customers);
        type(doc, customers, "C2", "Acme");  // a row with blank required cells
        const auto undo =
            Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager();
        const auto titles = [&] {
            std::vector<std::string> out;
            for (const auto& t : undo->getAllUndoActionTitles()) out.push_back(toUtf8(t));
            return out;
        };
        const auto typed = titles();
        ASSERT_FALSE(typed.empty());
        toolkit3()->checkWorkbook(component(doc));
        EXPECT_GT(conditionalFormats(customers), own);
        EXPECT_EQ(titles(), typed);
        toolkit3()->checkWorkbook(component(doc));  // a rerun: the same marks, no step
        EXPECT_EQ(titles(), typed);
        type(doc, customers, "C3", "Beta");  // a second row, marked as it is checked
        EXPECT_GE(waitFor([&] { return has(doc, "Customers.A3", "REQUIRED Customers.A3"); }), 0);
        EXPECT_EQ(titles().size(), typed.size() + 1);  // the typing, nothing more
        dispatch(doc, ".uno:Undo");
        EXPECT_GE(waitFor([&] { return findings(doc, "Customers.A3:Z3").empty(); }), 0);
        EXPECT_EQ(titles(), typed);
        EXPECT_EQ(textOf(customers, "C2"), "Acme");
        Reference<css::util::XModifiable>(doc, UNO_QUERY_THROW)->setModified(false);
        close(doc);
    });
}

namespace {

std::string columnName(int column) {
    std::string name;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
    return name;
}

// "Sheet.Cell" -> "E" or "W": what DealSheet's conditional formats show ("EW": both, a fault).
std::map<std::string, std::string> markedCells(
    const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    std::map<std::string, std::string> out;
    const auto sheets = doc->getSheets();
    for (const auto& name : sheets->getElementNames()) {
        const auto sheet = byNameOrThrow(doc, toUtf8(name));
        const Reference<css::sheet::XConditionalFormats> formats(
            Reference<css::beans::XPropertySet>(sheet, UNO_QUERY_THROW)
                ->getPropertyValue("ConditionalFormats"),
            UNO_QUERY_THROW);
        for (const auto& format : formats->getConditionalFormats()) {
            if (format->getCount() != 1) continue;
            rtl::OUString style;
            Reference<css::beans::XPropertySet>(format->getByIndex(0), UNO_QUERY_THROW)
                ->getPropertyValue("StyleName") >>= style;
            const std::string mark = toUtf8(style) == "DealSheet Error Mark"     ? "E"
                                     : toUtf8(style) == "DealSheet Warning Mark" ? "W"
                                                                                 : "";
            if (mark.empty()) continue;
            const Reference<css::sheet::XSheetCellRanges> ranges(
                Reference<css::beans::XPropertySet>(format, UNO_QUERY_THROW)
                    ->getPropertyValue("Range"),
                UNO_QUERY_THROW);
            for (const auto& r : ranges->getRangeAddresses())
                for (int c = r.StartColumn; c <= r.EndColumn; ++c)
                    for (int row = r.StartRow; row <= r.EndRow; ++row) {
                        auto& shown =
                            out[toUtf8(name) + "." + columnName(c) + std::to_string(row + 1)];
                        if (shown.find(mark) == std::string::npos) shown += mark;
                        std::sort(shown.begin(), shown.end());
                    }
        }
    }
    return out;
}

// What the findings ask the marks to show: a cell's error, else its warning.
std::map<std::string, std::string> wantedMarks(
    const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    std::map<std::string, std::string> out;
    for (const auto& f : toolkit3()->getFindings(component(doc), "")) {
        const std::string code = toUtf8(f.Code);
        if (code == "MISSING_COLUMN" || code == "AMBIGUOUS_COLUMN") continue;
        auto& wanted = out[toUtf8(f.Sheet) + "." + toUtf8(f.Cell)];
        if (toUtf8(f.Severity) == "error")
            wanted = "E";
        else if (wanted.empty())
            wanted = "W";
    }
    return out;
}

std::string described(const std::map<std::string, std::string>& cells) {
    std::string out;
    for (const auto& [cell, mark] : cells) out += " " + cell + "=" + mark;
    return out;
}

}  // namespace

// The marks follow the findings cell for cell through typing, clearing, a duplicate made and
// undone by another row, a paste of rows that brings marked cells along, and more updates of
// one column than it keeps small formats for (they are joined into one again).
TEST(LiveCheck, MarksFollowTheFindingsCellForCell) {
    unoGuard([&] {
        const auto doc = cleanWorkbook();
        const auto customers = byNameOrThrow(doc, "Customers");
        const auto actions = byNameOrThrow(doc, "Actions");
        typeRows(doc, customers,
                 {{"202501-002", "2025-01-05", "", "Retail", "", "Zhao", "", "", "not-a-mail", "",
                   "ERP", "", "", "", "", "Lead", "", "Wang"}},
                 2);
        toolkit3()->checkWorkbook(component(doc));
        const auto settled = [&] { return markedCells(doc) == wantedMarks(doc); };
        ASSERT_FALSE(wantedMarks(doc).empty());
        EXPECT_GE(waitFor(settled), 0)
            << described(markedCells(doc)) << " /" << described(wantedMarks(doc));
        const auto step = [&](const std::string& what, const std::function<void()>& edit) {
            edit();
            EXPECT_GE(waitFor(settled), 0) << what << ":" << described(markedCells(doc)) << " /"
                                           << described(wantedMarks(doc));
        };
        step("C2 emptied", [&] { erase(doc, customers, "C2"); });
        step("A3 made a duplicate of A2", [&] { type(doc, customers, "A3", "202501-001"); });
        step("A2 changed: A3 no longer a duplicate",
             [&] { type(doc, customers, "A2", "202501-009"); });
        step("C2 filled", [&] { type(doc, customers, "C2", "Acme"); });
        step("an action's customer made wrong", [&] { type(doc, actions, "B2", "202501-077"); });
        step("rows 2-3 pasted at row 6", [&] {
            select(doc, customers, "A2:R3");
            const auto transfer = Reference<css::datatransfer::XTransferableSupplier>(
                                      controllerOf(doc), UNO_QUERY_THROW)
                                      ->getTransferable();
            select(doc, customers, "A6");
            Reference<css::datatransfer::XTransferableSupplier>(controllerOf(doc), UNO_QUERY_THROW)
                ->insertTransferable(transfer);
        });
        step("the pasted rows' mail fixed", [&] { type(doc, customers, "I7", "z@beta.cn"); });
        for (int i = 0; i < 20; ++i) {
            const std::string cell = "C" + std::to_string(2 + i % 6);
            step("round " + std::to_string(i) + " of " + cell, [&] {
                if (i % 2 == 0)
                    erase(doc, customers, cell);
                else
                    type(doc, customers, cell, "Name " + std::to_string(i));
            });
        }
        Reference<css::util::XModifiable>(doc, UNO_QUERY_THROW)->setModified(false);
        close(doc);
    });
}
