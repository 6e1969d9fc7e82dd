// The DealSheet deck in a real window (ctest label gui, run under xvfb-run with the plain X11
// and, when installed, the GTK3 window back end): the deck shown through the frame's sidebar,
// the Problems list read through accessibility as a screen reader reads it, an entry selected and
// the cell cursor moved there; the Customer panel following the selection; screenshots of the
// three panels (Chinese user interface) in build/screenshots.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <type_traits>

#include <com/sun/star/accessibility/AccessibleRole.hpp>
#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
#include <com/sun/star/accessibility/XAccessibleSelection.hpp>
#include <com/sun/star/accessibility/XAccessibleTable.hpp>
#include <com/sun/star/accessibility/XAccessibleText.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XPanel.hpp>
#include <com/sun/star/ui/XPanels.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <org/dealsheet/calc/XToolkit3.hpp>

#include "office.hxx"
#include "uno_helpers.hxx"

using namespace dealsheet::test;
using css::accessibility::XAccessibleContext;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using namespace std::chrono_literals;
namespace AccessibleRole = css::accessibility::AccessibleRole;

namespace {

const std::string kShots = std::string(DEALSHEET_BUILD_DIR) + "/screenshots";

// The back end in the screenshots' names: "" for the plain X11 one, "-gtk3" for GTK3.
std::string backEnd() {
    const char* plugin = std::getenv("SAL_USE_VCLPLUGIN");
    return plugin && std::string(plugin) == "gtk3" ? "-gtk3" : "";
}

void screenshot(const std::string& name) {
    std::filesystem::create_directories(kShots);
    const std::string path = kShots + "/" + name + backEnd() + ".png";
    EXPECT_EQ(std::system(("import -window root '" + path + "' 2>/dev/null").c_str()), 0) << path;
}

Reference<css::frame::XController> controllerOf(
    const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    return Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController();
}

// The sidebar of the document's window, shown, with the DealSheet deck on top and `panel`
// expanded (the others collapsed).
void showPanel(const Reference<css::sheet::XSpreadsheetDocument>& doc, const char* panel) {
    const auto sidebar =
        Reference<css::frame::XController2>(controllerOf(doc), UNO_QUERY_THROW)->getSidebar();
    ASSERT_TRUE(sidebar.is());
    sidebar->setVisible(true);
    sidebar->showDecks(true);
    std::this_thread::sleep_for(1500ms);  // the sidebar learns its decks once it is shown
    const auto decks = sidebar->getDecks();
    ASSERT_TRUE(decks.is());
    ASSERT_TRUE(decks->hasByName("DealSheetDeck"));
    Reference<css::ui::XDeck> deck(decks->getByName("DealSheetDeck"), UNO_QUERY_THROW);
    if (!deck->isActive()) deck->activate(true);  // activating the active deck closes it
    std::this_thread::sleep_for(1500ms);
    const auto panels = deck->getPanels();
    ASSERT_TRUE(panels.is());
    ASSERT_TRUE(panels->hasByName(toOUString(panel))) << panel;
    Reference<css::ui::XPanel>(panels->getByName(toOUString(panel)), UNO_QUERY_THROW)->expand(true);
    std::this_thread::sleep_for(1500ms);
}

// The Problems grid's body of cells (a TABLE of four columns), found from the window's
// accessible tree without descending into the sheet's own grid.
Reference<XAccessibleContext> problemsTable(const Reference<XAccessibleContext>& context,
                                            int depth = 0) {
    if (!context.is() || depth > 25) return {};
    if (context->getAccessibleRole() == AccessibleRole::TABLE)
        if (Reference<css::accessibility::XAccessibleTable> table(context, UNO_QUERY);
            table.is() && table->getAccessibleColumnCount() == 4 &&
            Reference<css::accessibility::XAccessibleSelection>(context, UNO_QUERY).is())
            return context;
    const auto count = context->getAccessibleChildCount();  // 32 bits in 7.4, 64 later
    if (count > 300) return {};
    for (std::remove_const_t<decltype(count)> i = 0; i < count; ++i)
        if (const auto child = context->getAccessibleChild(i); child.is())
            if (auto found = problemsTable(child->getAccessibleContext(), depth + 1); found.is())
                return found;
    return {};
}

// The Problems grid's body, read from the frame window's accessible tree; under GTK3 the
// sidebar's own widgets are native and that tree stops at them, so there the walk starts at the
// panel's window as the sidebar holds it (XPanel::getDialog).
Reference<XAccessibleContext> problemsTableOf(
    const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    const auto controller = controllerOf(doc);
    Reference<css::accessibility::XAccessible> window(controller->getFrame()->getContainerWindow(),
                                                      UNO_QUERY_THROW);
    if (auto found = problemsTable(window->getAccessibleContext()); found.is() || backEnd() == "")
        return found;
    const auto sidebar =
        Reference<css::frame::XController2>(controller, UNO_QUERY_THROW)->getSidebar();
    Reference<css::ui::XDeck> deck(sidebar->getDecks()->getByName("DealSheetDeck"),
                                   UNO_QUERY_THROW);
    Reference<css::ui::XPanel> panel(deck->getPanels()->getByName("ProblemsPanel"),
                                     UNO_QUERY_THROW);
    Reference<css::accessibility::XAccessible> panelWindow(panel->getDialog(), UNO_QUERY);
    return panelWindow.is() ? problemsTable(panelWindow->getAccessibleContext()) : nullptr;
}

std::string cursorCell(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    const auto controller = controllerOf(doc);
    Reference<css::sheet::XCellRangeAddressable> range(
        Reference<css::view::XSelectionSupplier>(controller, UNO_QUERY_THROW)->getSelection(),
        UNO_QUERY_THROW);
    const auto address = range->getRangeAddress();
    const auto sheet =
        Reference<css::sheet::XSpreadsheetView>(controller, UNO_QUERY_THROW)->getActiveSheet();
    std::string column;
    for (int c = address.StartColumn + 1; c > 0; c = (c - 1) / 26)
        column.insert(column.begin(), static_cast<char>('A' + (c - 1) % 26));
    return toUtf8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName()) + "." +
           column + std::to_string(address.StartRow + 1);
}

}  // namespace

TEST(RealWindowSidebar, ProblemsCustomerRemindersInChinese) {
    unoGuard([&] {
        const UiLanguage chinese("zh-CN");
        const auto doc = loadCopy(std::string(DEALSHEET_WORKBOOKS) + "/sample-zh.ods", true);
        // Closed unmodified on every path, or the office waits on "Save changes?" for ever.
        struct Closer {
            Reference<css::sheet::XSpreadsheetDocument> doc;
            ~Closer() {
                try {
                    Reference<css::util::XModifiable>(doc, UNO_QUERY_THROW)->setModified(false);
                    close(doc);
                } catch (...) {
                }
            }
        } closer{doc};
        std::this_thread::sleep_for(3s);
        Reference<org::dealsheet::calc::XToolkit3> toolkit3(toolkit(), UNO_QUERY_THROW);
        toolkit3->checkWorkbook(component(doc));
        const sal_Int32 findings = toolkit3->getFindings(component(doc), "").getLength();
        ASSERT_GT(findings, 3);

        showPanel(doc, "ProblemsPanel");
        if (HasFatalFailure()) return;
        const auto body = problemsTableOf(doc);
        ASSERT_TRUE(body.is()) << "the Problems list is not in the window's accessible tree";
        Reference<css::accessibility::XAccessibleTable> table(body, UNO_QUERY_THROW);
        ASSERT_EQ(table->getAccessibleRowCount(), findings);
        // Every entry as a screen reader reads it: exactly the check's findings, in order.
        const auto listed = toolkit3->getFindings(component(doc), "");
        const auto text = [&](sal_Int32 row, sal_Int32 column) {
            return toUtf8(Reference<css::accessibility::XAccessibleText>(
                              table->getAccessibleCellAt(row, column)->getAccessibleContext(),
                              UNO_QUERY_THROW)
                              ->getText());
        };
        for (sal_Int32 row = 0; row < listed.getLength(); ++row) {
            const auto& finding = listed[row];
            EXPECT_EQ(text(row, 0), finding.Severity == "error" ? "错误" : "警告") << row;
            EXPECT_EQ(text(row, 1), toUtf8(finding.Sheet) + "." + toUtf8(finding.Cell)) << row;
            EXPECT_EQ(text(row, 2), toUtf8(finding.Code)) << row;
            EXPECT_EQ(text(row, 3), toUtf8(finding.Message)) << row;
        }
        // The sample's first planted mistakes (dates play no part in them).
        EXPECT_EQ(text(0, 1) + " " + text(0, 2), "客户信息登记表.F5 REQUIRED");
        EXPECT_EQ(text(1, 1) + " " + text(1, 2), "客户信息登记表.A7 FORMAT");
        screenshot("sidebar-problems");

        // The Customer panel on the first action's row.
        const auto actions = byNameOrThrow(doc, "跟进行动表");
        Reference<css::sheet::XSpreadsheetView>(controllerOf(doc), UNO_QUERY_THROW)
            ->setActiveSheet(actions);
        Reference<css::view::XSelectionSupplier>(controllerOf(doc), UNO_QUERY_THROW)
            ->select(Any(actions->getCellRangeByName("D3")));
        showPanel(doc, "CustomerPanel");
        screenshot("sidebar-customer");

        showPanel(doc, "RemindersPanel");
        screenshot("sidebar-reminders");

        // Back to Problems: select an entry through accessibility; the cell cursor goes there.
        showPanel(doc, "ProblemsPanel");
        const int pick = 1;
        const std::string cell = "客户信息登记表.A7";  // the entry's cell, as the list shows it
        const auto shown = problemsTableOf(doc);
        ASSERT_TRUE(shown.is());
        Reference<css::accessibility::XAccessibleSelection>(shown, UNO_QUERY_THROW)
            ->selectAccessibleChild(pick * 4);
        std::this_thread::sleep_for(1500ms);
        EXPECT_EQ(cursorCell(doc), cell);
    });
}
