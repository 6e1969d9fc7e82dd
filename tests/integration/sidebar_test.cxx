// The DealSheet deck (SPEC §11) in a real office: the deck and its panels registered, each panel
// made through the office's UI element factory manager (Factories.xcu) for a Calc frame, and
// what the panels show and do, read and driven through accessibility as a user's assistive
// technology would: the Problems list, Go to, the Customer card following the selection, New
// follow-up action, the Reminders list.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include <com/sun/star/accessibility/AccessibleRole.hpp>
#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessibleAction.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
#include <com/sun/star/accessibility/XAccessibleSelection.hpp>
#include <com/sun/star/accessibility/XAccessibleTable.hpp>
#include <com/sun/star/accessibility/XAccessibleText.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/container/XHierarchicalNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/ui/theUIElementFactoryManager.hpp>
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
namespace AccessibleRole = css::accessibility::AccessibleRole;

namespace {

const std::string kSample = std::string(DEALSHEET_WORKBOOKS) + "/sample-zh.ods";
const char* const kPanels[] = {"ProblemsPanel", "RemindersPanel", "CustomerPanel"};

Reference<css::frame::XFrame> frameOf(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    return Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
}

// A panel as the sidebar makes it: through the UI element factory manager, which finds
// DealSheet's factory by the URL (Factories.xcu), with the frame and a parent window.
Reference<css::ui::XUIElement> makePanel(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                         const std::string& panel) {
    const auto frame = frameOf(doc);
    css::uno::Sequence<css::beans::PropertyValue> args(2);
    args.getArray()[0].Name = "Frame";
    args.getArray()[0].Value <<= frame;
    args.getArray()[1].Name = "ParentWindow";
    args.getArray()[1].Value <<= frame->getContainerWindow();
    return css::ui::theUIElementFactoryManager::get(Office::get().context())
        ->createUIElement(toOUString("private:resource/toolpanel/DealSheetPanelFactory/" + panel),
                          args);
}

Reference<XAccessibleContext> accessibleOf(const Reference<css::ui::XUIElement>& element) {
    Reference<css::ui::XToolPanel> panel(element->getRealInterface(), UNO_QUERY_THROW);
    return Reference<css::accessibility::XAccessible>(panel->getWindow(), UNO_QUERY_THROW)
        ->getAccessibleContext();
}

void collect(const Reference<XAccessibleContext>& context, sal_Int16 role,
             std::vector<Reference<XAccessibleContext>>& found, int depth = 0) {
    if (!context.is() || depth > 8) return;
    if (context->getAccessibleRole() == role) found.push_back(context);
    // A table's cells are read by row and column (XAccessibleTable), never walked: LibreOffice
    // 7.4 ends the office when the accessible of a grid cell outside the shown rows is made.
    if (context->getAccessibleRole() == AccessibleRole::TABLE &&
        Reference<css::accessibility::XAccessibleTable>(context, UNO_QUERY).is() &&
        Reference<css::accessibility::XAccessibleTable>(context, UNO_QUERY)
                ->getAccessibleColumnCount() == 4)
        return;
    const auto count = context->getAccessibleChildCount();  // 32 bits in 7.4, 64 later
    if (count > 300) return;
    for (std::remove_const_t<decltype(count)> i = 0; i < count; ++i)
        if (const auto child = context->getAccessibleChild(i); child.is())
            collect(child->getAccessibleContext(), role, found, depth + 1);
}

std::vector<Reference<XAccessibleContext>> all(const Reference<XAccessibleContext>& root,
                                               sal_Int16 role) {
    std::vector<Reference<XAccessibleContext>> found;
    collect(root, role, found);
    return found;
}

std::string nameOf(const Reference<XAccessibleContext>& context) {
    return toUtf8(context->getAccessibleName());
}

std::vector<std::string> labels(const Reference<XAccessibleContext>& root) {
    std::vector<std::string> texts;
    for (const auto& label : all(root, AccessibleRole::LABEL)) texts.push_back(nameOf(label));
    return texts;
}

std::vector<std::string> listItems(const Reference<XAccessibleContext>& root) {
    std::vector<std::string> items;
    for (const auto& item : all(root, AccessibleRole::LIST_ITEM)) items.push_back(nameOf(item));
    return items;
}

void press(const Reference<XAccessibleContext>& root, const std::string& name) {
    for (const auto& button : all(root, AccessibleRole::PUSH_BUTTON))
        if (nameOf(button) == name) {
            Reference<css::accessibility::XAccessibleAction>(button, UNO_QUERY_THROW)
                ->doAccessibleAction(0);
            return;
        }
    FAIL() << "no button " << name;
}

// The cell the view's cursor is on, as "Sheet.B7".
std::string cursorCell(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    const auto controller =
        Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController();
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

void selectCell(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                const std::string& sheetName, const std::string& address) {
    const auto controller =
        Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController();
    const auto sheet = byNameOrThrow(doc, sheetName);
    Reference<css::sheet::XSpreadsheetView>(controller, UNO_QUERY_THROW)->setActiveSheet(sheet);
    Reference<css::view::XSelectionSupplier>(controller, UNO_QUERY_THROW)
        ->select(Any(sheet->getCellRangeByName(toOUString(address))));
}

void unmodifyAndClose(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    Reference<css::util::XModifiable>(doc, UNO_QUERY_THROW)->setModified(false);
    close(doc);
}

std::string configValue(const std::string& path, const std::string& name) {
    const auto provider = css::configuration::theDefaultProvider::get(Office::get().context());
    css::uno::Sequence<Any> args(1);
    args.getArray()[0] <<= css::beans::NamedValue("nodepath", Any(toOUString(path)));
    Reference<css::container::XHierarchicalNameAccess> node(
        provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                              args),
        UNO_QUERY_THROW);
    Any value = node->getByHierarchicalName(toOUString(name));
    rtl::OUString text;
    if (value >>= text) return toUtf8(text);
    css::uno::Sequence<rtl::OUString> list;
    if (value >>= list) {
        std::string joined;
        for (const auto& item : list) joined += toUtf8(item) + ";";
        return joined;
    }
    return {};
}

}  // namespace

// Sidebar.xcu and Factories.xcu as the office reads them from the installed package.
TEST(Sidebar, DeckAndPanelsAreRegistered) {
    unoGuard([] {
        const std::string sidebar = "/org.openoffice.Office.UI.Sidebar/Content";
        EXPECT_EQ(configValue(sidebar, "DeckList/DealSheetDeck/Id"), "DealSheetDeck");
        EXPECT_NE(configValue(sidebar, "DeckList/DealSheetDeck/IconURL").find("sidebar_26.png"),
                  std::string::npos);
        EXPECT_NE(configValue(sidebar, "DeckList/DealSheetDeck/ContextList").find("Calc"),
                  std::string::npos);
        for (const char* panel : kPanels) {
            const std::string node = std::string("PanelList/") + panel;
            EXPECT_EQ(configValue(sidebar, node + "/DeckId"), "DealSheetDeck") << panel;
            EXPECT_EQ(configValue(sidebar, node + "/ImplementationURL"),
                      std::string("private:resource/toolpanel/DealSheetPanelFactory/") + panel);
        }
        EXPECT_EQ(configValue("/org.openoffice.Office.UI.Factories/Registered/UIElementFactories",
                              "org.dealsheet.calc.PanelFactory/FactoryImplementation"),
                  "org.dealsheet.calc.PanelFactoryImpl");
    });
}

// Every panel is made for a Calc frame, is a tool panel with a window, says its height, and
// goes away cleanly; an unknown panel name is refused.
TEST(Sidebar, FactoryMakesEveryPanelForACalcFrame) {
    unoGuard([] {
        const auto doc = loadCopy(kSample);
        for (const char* name : kPanels) {
            const auto element = makePanel(doc, name);
            ASSERT_TRUE(element.is()) << name;
            EXPECT_EQ(element->getType(), css::ui::UIElementType::TOOLPANEL);
            EXPECT_EQ(toUtf8(element->getResourceURL()),
                      std::string("private:resource/toolpanel/DealSheetPanelFactory/") + name);
            Reference<css::ui::XToolPanel> panel(element->getRealInterface(), UNO_QUERY_THROW);
            EXPECT_TRUE(panel->getWindow().is());
            Reference<css::ui::XSidebarPanel> sized(panel, UNO_QUERY_THROW);
            const auto size = sized->getHeightForWidth(300);
            EXPECT_GT(size.Minimum, 100) << name;
            EXPECT_GE(size.Preferred, size.Minimum) << name;
            EXPECT_GE(sized->getMinimalWidth(), 200);
            Reference<css::lang::XComponent>(element, UNO_QUERY_THROW)->dispose();
        }
        EXPECT_THROW(makePanel(doc, "NoSuchPanel"), css::container::NoSuchElementException);
        unmodifyAndClose(doc);
    });
}

// The Problems list shows the check's findings, one row each and in the check's order, read
// through accessibility as a screen reader reads them: every row's four cells (severity, cell,
// rule, message) are exactly the findings the macro API lists for the sample's planted mistakes;
// selecting an entry moves the cell cursor to the finding's cell; the filters show their counts.
// Then the panel is disposed after its grid was read, which is what used to corrupt the office's
// heap (issue 29: see PanelBase::dispose).
TEST(Sidebar, ProblemsListAndGoTo) {
    unoGuard([] {
        const UiLanguage chinese("zh-CN");
        const auto doc = loadCopy(kSample);
        dispatchToolbar(doc, "Validate");
        const auto listed = Reference<org::dealsheet::calc::XToolkit3>(toolkit(), UNO_QUERY_THROW)
                                ->getFindings(component(doc), "");
        ASSERT_GT(listed.getLength(), 3);
        const auto element = makePanel(doc, "ProblemsPanel");
        const auto root = accessibleOf(element);
        // The grid control is a TABLE, and so is its body of cells inside it: the body is the
        // one with the four columns.
        Reference<XAccessibleContext> body;
        for (const auto& candidate : all(root, AccessibleRole::TABLE))
            if (Reference<css::accessibility::XAccessibleTable> t(candidate, UNO_QUERY);
                t.is() && t->getAccessibleColumnCount() == 4)
                body = candidate;
        if (!body.is()) {
            unmodifyAndClose(doc);
            FAIL() << "no table of four columns in the Problems panel";
        }
        Reference<css::accessibility::XAccessibleTable> table(body, UNO_QUERY_THROW);
        ASSERT_EQ(table->getAccessibleRowCount(), listed.getLength());
        EXPECT_EQ(table->getAccessibleColumnCount(), 4);
        const auto text = [&](sal_Int32 row, sal_Int32 column) {
            return toUtf8(Reference<css::accessibility::XAccessibleText>(
                              table->getAccessibleCellAt(row, column)->getAccessibleContext(),
                              UNO_QUERY_THROW)
                              ->getText());
        };
        long errors = 0;
        for (sal_Int32 row = 0; row < listed.getLength(); ++row) {
            const auto& finding = listed[row];
            const bool error = finding.Severity == "error";
            errors += error ? 1 : 0;
            EXPECT_EQ(text(row, 0), error ? "错误" : "警告") << "row " << row;
            EXPECT_EQ(text(row, 1), toUtf8(finding.Sheet) + "." + toUtf8(finding.Cell))
                << "row " << row;
            EXPECT_EQ(text(row, 2), toUtf8(finding.Code)) << "row " << row;
            EXPECT_EQ(text(row, 3), toUtf8(finding.Message)) << "row " << row;
        }
        // The sample's first planted mistakes, as the list shows them (dates play no part).
        EXPECT_EQ(text(0, 1) + " " + text(0, 2), "客户信息登记表.F5 REQUIRED");
        EXPECT_EQ(text(0, 3), "必填项“联系人”为空");
        EXPECT_EQ(text(1, 1) + " " + text(1, 2), "客户信息登记表.A7 FORMAT");
        EXPECT_EQ(text(2, 0) + " " + text(2, 1) + " " + text(2, 2),
                  "错误 客户信息登记表.T9 CREDIT_CODE");
        const int pick = 2;
        const std::string cell = "客户信息登记表.T9";
        const std::string before = cursorCell(doc);
        Reference<css::accessibility::XAccessibleSelection>(body, UNO_QUERY_THROW)
            ->selectAccessibleChild(pick * 4);
        EXPECT_EQ(cursorCell(doc), cell) << "was " << before;
        // The filters, with counts: severity first ("全部 (n)", "错误 (n)", "警告 (n)").
        const auto items = listItems(root);
        const std::string all = "全部 (" + std::to_string(listed.getLength()) + ")";
        EXPECT_NE(std::find(items.begin(), items.end(), all), items.end()) << all;
        EXPECT_NE(std::find(items.begin(), items.end(), "错误 (" + std::to_string(errors) + ")"),
                  items.end());
        body.clear();
        table.clear();
        Reference<css::lang::XComponent>(element, UNO_QUERY_THROW)->dispose();
        unmodifyAndClose(doc);
    });
}

// The Customer panel follows the selection to the customer of the selected row on any sheet;
// New follow-up action adds a row for that customer and puts the cursor on its 任务内容.
TEST(Sidebar, CustomerPanelFollowsTheSelectionAndAddsAnAction) {
    unoGuard([] {
        const UiLanguage chinese("zh-CN");
        const auto doc = loadCopy(kSample);
        const auto actions = byNameOrThrow(doc, "跟进行动表");
        const std::string customer = textOf(actions, "B2");
        const auto customers = byNameOrThrow(doc, "客户信息登记表");
        int lastRow = 2;  // 1-based: the last row with an action number or a customer
        while (!textOf(actions, "A" + std::to_string(lastRow + 1)).empty() ||
               !textOf(actions, "B" + std::to_string(lastRow + 1)).empty())
            ++lastRow;
        const auto element = makePanel(doc, "CustomerPanel");
        const auto root = accessibleOf(element);
        selectCell(doc, "跟进行动表", "D2");
        std::string name;
        for (int r = 2; r < 400 && name.empty(); ++r)
            if (textOf(customers, "A" + std::to_string(r)) == customer)
                name = textOf(customers, "C" + std::to_string(r));
        ASSERT_FALSE(name.empty());
        const auto texts = labels(root);
        ASSERT_FALSE(texts.empty());
        EXPECT_EQ(texts[0], customer + " " + name);
        const auto items = listItems(root);
        EXPECT_NE(std::find(items.begin(), items.end(), "【登记信息】"), items.end());
        EXPECT_NE(std::find(items.begin(), items.end(), "【保护期】"), items.end());
        // The execution sheet's rows name a contract: the card is its customer's.
        selectCell(doc, "合同履约跟踪表", "B2");
        EXPECT_FALSE(labels(root).empty());

        selectCell(doc, "跟进行动表", "D2");
        // The panel follows the selection through the office's own events: wait until it shows
        // the action's customer again before pressing (a loaded machine takes its time).
        const auto within = [](const std::function<bool()>& done) {
            for (int i = 0; i < 100 && !done(); ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
        };
        within([&] {
            const auto shown = labels(root);
            return !shown.empty() && shown[0] == customer + " " + name;
        });
        press(root, "新建跟进行动");
        const int newRow = lastRow + 1;
        // The office runs the button's action after the accessible press returns: wait for its
        // last step (the cursor on the new row), not its first (the customer number).
        within([&] { return cursorCell(doc) == "跟进行动表.D" + std::to_string(newRow); });
        EXPECT_EQ(textOf(actions, "B" + std::to_string(newRow)), customer);
        EXPECT_EQ(textOf(actions, "H" + std::to_string(newRow)), "未开始");
        EXPECT_FALSE(textOf(actions, "A" + std::to_string(newRow)).empty());
        EXPECT_EQ(cursorCell(doc), "跟进行动表.D" + std::to_string(newRow));
        Reference<css::lang::XComponent>(element, UNO_QUERY_THROW)->dispose();
        unmodifyAndClose(doc);
    });
}

// The Reminders panel lists what dueReminders lists for everyone (this profile has no user
// name), with a summary line.
TEST(Sidebar, RemindersPanelListsWhatIsDue) {
    unoGuard([] {
        const UiLanguage chinese("zh-CN");
        const auto doc = loadCopy(kSample);
        const auto element = makePanel(doc, "RemindersPanel");
        const auto root = accessibleOf(element);
        const auto items = listItems(root);
        EXPECT_GT(items.size(), 0u);
        const auto texts = labels(root);
        ASSERT_FALSE(texts.empty());
        EXPECT_NE(texts[0].find("逾期"), std::string::npos) << texts[0];
        Reference<css::lang::XComponent>(element, UNO_QUERY_THROW)->dispose();
        unmodifyAndClose(doc);
    });
}
