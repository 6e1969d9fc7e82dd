// The Reminders panel (提醒): the user's overdue and due-soon items (SPEC §9), as the reminder
// bar counts them, with Go to. Refreshed when the panel opens, after every check and on demand.
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XListBox.hpp>

#include "core/reminders/reminders.hpp"
#include "uno/reminders/deadlines.hxx"
#include "uno/sidebar/panels.hxx"
#include "uno/workbook/office_util.hxx"
#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::Any;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

class RemindersPanel : public PanelBase {
  public:
    explicit RemindersPanel(const PanelArguments& arguments) : PanelBase(arguments) {
        const bool en = lang_ == Lang::En;
        summary_ = addControl("com.sun.star.awt.UnoControlFixedText",
                              {{"Label", Any(rtl::OUString())}, {"MultiLine", Any(true)}});
        list_ = addControl("com.sun.star.awt.UnoControlListBox",
                           {{"Dropdown", Any(false)}, {"MultiSelection", Any(false)}});
        goTo_ = addControl("com.sun.star.awt.UnoControlButton",
                           {{"Label", Any(toOUString(en ? "Go to" : "转到"))}});
        refresh_ = addControl("com.sun.star.awt.UnoControlButton",
                              {{"Label", Any(toOUString(en ? "Refresh" : "刷新"))}});
        Reference<css::awt::XListBox>(list_, UNO_QUERY_THROW)->addActionListener(relay_.get());
        Reference<css::awt::XButton>(goTo_, UNO_QUERY_THROW)->addActionListener(relay_.get());
        Reference<css::awt::XButton>(refresh_, UNO_QUERY_THROW)->addActionListener(relay_.get());
        relay_->onAction = [this](const Reference<css::uno::XInterface>& source) {
            if (source == Reference<css::uno::XInterface>(refresh_, UNO_QUERY))
                refresh();
            else
                goToSelected();
        };
        refresh();
    }

  protected:
    css::ui::LayoutSize heightFor(sal_Int32) override { return css::ui::LayoutSize(160, 800, 260); }

    void layout(sal_Int32 width, sal_Int32 height) override {
        const sal_Int32 w = width - 2 * kMargin;
        place(summary_, kMargin, kMargin, w, 36);
        place(list_, kMargin, kMargin + 40, w, height - 2 * kMargin - 40 - kButton - kGap);
        const sal_Int32 half = (w - kGap) / 2;
        place(goTo_, kMargin, height - kMargin - kButton, half, kButton);
        place(refresh_, kMargin + half + kGap, height - kMargin - kButton, half, kButton);
    }

  private:
    static constexpr sal_Int32 kMargin = 6;
    static constexpr sal_Int32 kGap = 4;
    static constexpr sal_Int32 kButton = 26;

    void refresh() {
        Reference<css::sheet::XSpreadsheetDocument> doc(model(), UNO_QUERY);
        if (!doc.is()) return;
        const WorkbookDeadlines deadlines = readDeadlines(context_, doc, std::nullopt);
        due_ = dueNow(deadlines.open);
        std::vector<std::string> lines;
        for (const auto& d : due_)
            lines.push_back(reminderLine(d, deadlines.dates, deadlines.today, lang_, "  "));
        const bool en = lang_ == Lang::En;
        std::string summary;
        if (!deadlines.hasDeadlineSheets)
            summary = en ? "No actions, execution or acceptance sheet in this workbook."
                         : "工作簿中没有跟进行动表、合同履约跟踪表或验收与整改表。";
        else if (due_.empty())
            summary = en ? "Nothing overdue or due soon." : "没有逾期或即将到期的事项。";
        else
            summary = reminderSummary(countDue(due_), deadlines.settings.reminderDays(), lang_);
        setText(summary_, summary);
        setItems(list_, lines, -1);
    }

    void goToSelected() {
        const sal_Int16 at = selectedItem(list_);
        if (at < 0 || static_cast<std::size_t>(at) >= due_.size()) return;
        const Deadline& d = due_[static_cast<std::size_t>(at)];
        goToCell(d.sheet, std::max(d.dueColumn, 0), d.row);
    }

    Reference<css::awt::XControl> summary_, list_, goTo_, refresh_;
    std::vector<Deadline> due_;
};

}  // namespace

rtl::Reference<PanelBase> createRemindersPanel(const PanelArguments& arguments) {
    return new RemindersPanel(arguments);
}

}  // namespace dealsheet::uno
