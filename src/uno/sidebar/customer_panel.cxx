// The Customer panel (客户): follows the selection on any sheet and shows the customer of the
// selected row; Go to, New follow-up action and Contract dossier.
#include <memory>

#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

#include "uno/reminders/deadlines.hxx"
#include "uno/sidebar/customer_source.hxx"
#include "uno/sidebar/panels.hxx"
#include "uno/workbook/office_util.hxx"
#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::Any;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

class CustomerPanel : public PanelBase {
  public:
    explicit CustomerPanel(const PanelArguments& arguments) : PanelBase(arguments) {
        const bool en = lang_ == Lang::En;
        title_ = addControl("com.sun.star.awt.UnoControlFixedText",
                            {{"Label", Any(toOUString(en ? "Select a row about a customer"
                                                         : "选中与客户相关的一行"))},
                             {"MultiLine", Any(true)}});
        lines_ = addControl("com.sun.star.awt.UnoControlListBox",
                            {{"Dropdown", Any(false)}, {"MultiSelection", Any(false)}});
        goTo_ = addButton(en ? "Go to" : "转到");
        newAction_ = addButton(en ? "New follow-up action" : "新建跟进行动");
        dossier_ = addButton(en ? "Contract dossier" : "合同档案");
        Reference<css::awt::XListBox>(lines_, UNO_QUERY_THROW)->addActionListener(relay_.get());
        relay_->onAction = [this](const Reference<css::uno::XInterface>& source) {
            onAction(source);
        };
        relay_->onSelectionChange = [this] { follow(); };
        relay_->onModified = [this] { workbook_.reset(); };
        const auto controller = frame_->getController();
        selection_.set(controller, UNO_QUERY);
        if (selection_.is()) selection_->addSelectionChangeListener(relay_.get());
        broadcaster_.set(model(), UNO_QUERY);
        if (broadcaster_.is()) broadcaster_->addModifyListener(relay_.get());
        follow();
    }

  protected:
    css::ui::LayoutSize heightFor(sal_Int32) override {
        return css::ui::LayoutSize(220, 1200, 420);
    }

    void layout(sal_Int32 width, sal_Int32 height) override {
        const sal_Int32 w = width - 2 * kMargin;
        place(title_, kMargin, kMargin, w, 36);
        const sal_Int32 buttons = 3 * (kButton + kGap);
        place(lines_, kMargin, kMargin + 40, w, height - kMargin - 40 - buttons - kMargin);
        sal_Int32 y = height - kMargin - buttons + kGap;
        for (const auto& button : {goTo_, newAction_, dossier_}) {
            place(button, kMargin, y, w, kButton);
            y += kButton + kGap;
        }
    }

    void stop() override {
        if (selection_.is()) selection_->removeSelectionChangeListener(relay_.get());
        if (broadcaster_.is()) broadcaster_->removeModifyListener(relay_.get());
    }

  private:
    static constexpr sal_Int32 kMargin = 6;
    static constexpr sal_Int32 kGap = 4;
    static constexpr sal_Int32 kButton = 26;

    Reference<css::awt::XControl> addButton(const char* label) {
        auto button =
            addControl("com.sun.star.awt.UnoControlButton", {{"Label", Any(toOUString(label))}});
        Reference<css::awt::XButton>(button, UNO_QUERY_THROW)->addActionListener(relay_.get());
        return button;
    }

    Reference<css::sheet::XSpreadsheetDocument> document() const {
        return Reference<css::sheet::XSpreadsheetDocument>(model(), UNO_QUERY);
    }

    const CustomerWorkbook& workbook() {
        if (!workbook_) {
            workbook_ = std::make_unique<CustomerWorkbook>(context_, document(), lang_);
            ++generation_;
        }
        return *workbook_;
    }

    // The selected row's sheet and row, when the selection is cells.
    bool selectedRow(std::string& sheet, int& row) const {
        if (!selection_.is()) return false;
        Reference<css::sheet::XCellRangeAddressable> range(selection_->getSelection(), UNO_QUERY);
        Reference<css::sheet::XSpreadsheetView> view(selection_, UNO_QUERY);
        if (!range.is() || !view.is()) return false;
        row = range->getRangeAddress().StartRow;
        sheet = toUtf8(
            Reference<css::container::XNamed>(view->getActiveSheet(), UNO_QUERY_THROW)->getName());
        return true;
    }

    void follow() {
        if (!document().is()) return;
        std::string sheet;
        int row = 0;
        if (!selectedRow(sheet, row)) return;
        const std::string customer = customerOfRow(workbook().input().sheets, sheet, row);
        if (customer.empty() && !card_.customerNo.empty()) return;  // keep the last customer
        if (customer == shownCustomer_ && shownGeneration_ == generation_) return;
        show(customer);
    }

    void show(const std::string& customer) {
        card_ = workbook().card(customer);
        shownCustomer_ = customer;
        shownGeneration_ = generation_;
        std::vector<std::string> items;
        for (std::size_t i = 1; i < card_.lines.size(); ++i)
            items.push_back(cardLineText(card_.lines[i]));
        setText(title_, card_.lines.empty() ? std::string() : card_.lines.front().text);
        setItems(lines_, items, -1);
        setEnabled(newAction_, !card_.customerNo.empty() && card_.lines.size() > 1);
    }

    static void setEnabled(const Reference<css::awt::XControl>& control, bool enabled) {
        Reference<css::beans::XPropertySet>(control->getModel(), UNO_QUERY_THROW)
            ->setPropertyValue("Enabled", Any(enabled));
    }

    void onAction(const Reference<css::uno::XInterface>& source) {
        if (source == Reference<css::uno::XInterface>(goTo_, UNO_QUERY) ||
            source == Reference<css::uno::XInterface>(lines_, UNO_QUERY)) {
            const sal_Int16 at = selectedItem(lines_);
            if (at < 0 || static_cast<std::size_t>(at) + 1 >= card_.lines.size()) return;
            const CardLine& line = card_.lines[static_cast<std::size_t>(at) + 1];
            if (!line.sheet.empty()) goToCell(line.sheet, std::max(line.column, 0), line.row);
        } else if (source == Reference<css::uno::XInterface>(newAction_, UNO_QUERY)) {
            const auto placed = addFollowUpAction(context_, document(), workbook(), card_,
                                                  officeUserName(context_), lang_);
            workbook_.reset();
            goToCell(placed.sheet, placed.taskColumn, placed.row);
        } else if (source == Reference<css::uno::XInterface>(dossier_, UNO_QUERY)) {
            dispatchCommand("org.dealsheet.calc:ContractDossier");
        }
    }

    Reference<css::awt::XControl> title_, lines_, goTo_, newAction_, dossier_;
    Reference<css::view::XSelectionSupplier> selection_;
    Reference<css::util::XModifyBroadcaster> broadcaster_;
    std::unique_ptr<CustomerWorkbook> workbook_;
    long generation_ = 0;  // of the workbook read; the card shown was built from shownGeneration_
    long shownGeneration_ = -1;
    std::string shownCustomer_;
    CustomerCard card_;
};

}  // namespace

rtl::Reference<PanelBase> createCustomerPanel(const PanelArguments& arguments) {
    return new CustomerPanel(arguments);
}

}  // namespace dealsheet::uno
