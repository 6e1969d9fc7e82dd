// The Problems panel (问题): the current check's findings (SPEC §11) in a virtual list with
// severity, sheet and rule filters and their counts; selecting an entry selects its cell.
// Follows the live check; says when the results are stale; Check now and Write report sheet.
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/grid/DefaultGridColumnModel.hpp>
#include <com/sun/star/awt/grid/XGridColumnModel.hpp>
#include <com/sun/star/awt/grid/XGridRowSelection.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/view/SelectionType.hpp>

#include "core/sidebar/problem_list.hpp"
#include "uno/sidebar/findings_grid.hxx"
#include "uno/sidebar/panels.hxx"
#include "uno/validate/live_check.hxx"
#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::Any;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

class ProblemsPanel : public PanelBase {
  public:
    explicit ProblemsPanel(const PanelArguments& arguments)
        : PanelBase(arguments), grid_(new FindingsGrid(lang_)) {
        const bool en = lang_ == Lang::En;
        status_ = addControl("com.sun.star.awt.UnoControlFixedText",
                             {{"Label", Any(rtl::OUString())}, {"MultiLine", Any(true)}});
        severity_ = addFilter();
        sheet_ = addFilter();
        rule_ = addFilter();
        list_ = addGrid();
        check_ = addButton(en ? "Check now" : "立即校验");
        report_ = addButton(en ? "Write report sheet" : "写入校验报告表");
        relay_->onItem = [this](const Reference<css::uno::XInterface>&) { filterChanged(); };
        relay_->onGridSelection = [this] { goToSelected(); };
        relay_->onAction = [this](const Reference<css::uno::XInterface>& source) {
            if (source == Reference<css::uno::XInterface>(check_, UNO_QUERY))
                checkNow(model());
            else if (source == Reference<css::uno::XInterface>(report_, UNO_QUERY))
                writeReportNow(model());
        };
        // The panel lives on the office's thread, as the checks do: the observer may call it.
        observer_ = observeChecks([this](const Reference<css::frame::XModel>& document) {
            if (disposed_ || document != model()) return;
            try {
                refresh();
            } catch (...) {
                std::fprintf(stderr, "DealSheet sidebar: the Problems list failed to refresh\n");
            }
        });
        refresh();
    }

    ~ProblemsPanel() override { stop(); }

  protected:
    css::ui::LayoutSize heightFor(sal_Int32) override {
        return css::ui::LayoutSize(300, 2000, 520);
    }

    void layout(sal_Int32 width, sal_Int32 height) override {
        const sal_Int32 w = width - 2 * kMargin;
        sal_Int32 y = kMargin;
        place(status_, kMargin, y, w, 36);
        y += 40;
        const sal_Int32 third = (w - 2 * kGap) / 3;
        place(severity_, kMargin, y, third, kRow);
        place(sheet_, kMargin + third + kGap, y, third, kRow);
        place(rule_, kMargin + 2 * (third + kGap), y, w - 2 * (third + kGap), kRow);
        y += kRow + kGap;
        const sal_Int32 buttonsTop = height - kMargin - kRow;
        place(list_, kMargin, y, w, buttonsTop - kGap - y);
        const sal_Int32 half = (w - kGap) / 2;
        place(check_, kMargin, buttonsTop, half, kRow);
        place(report_, kMargin + half + kGap, buttonsTop, w - half - kGap, kRow);
    }

    void stop() override {
        if (observer_ >= 0) stopObserving(observer_);
        observer_ = -1;
    }

  private:
    static constexpr sal_Int32 kMargin = 6;
    static constexpr sal_Int32 kGap = 4;
    static constexpr sal_Int32 kRow = 26;

    Reference<css::awt::XControl> addFilter() {
        auto list = addControl("com.sun.star.awt.UnoControlListBox",
                               {{"Dropdown", Any(true)}, {"LineCount", Any(sal_Int16(16))}});
        Reference<css::awt::XListBox>(list, UNO_QUERY_THROW)->addItemListener(relay_.get());
        return list;
    }

    Reference<css::awt::XControl> addButton(const char* label) {
        auto button =
            addControl("com.sun.star.awt.UnoControlButton", {{"Label", Any(toOUString(label))}});
        Reference<css::awt::XButton>(button, UNO_QUERY_THROW)->addActionListener(relay_.get());
        return button;
    }

    Reference<css::awt::XControl> addGrid() {
        const bool en = lang_ == Lang::En;
        const auto columns = css::awt::grid::DefaultGridColumnModel::create(context_);
        const struct {
            const char* title;
            sal_Int32 width;
            sal_Int32 flexibility;
        } specs[] = {{en ? "Severity" : "级别", 44, 0},
                     {en ? "Cell" : "单元格", 110, 1},
                     {en ? "Rule" : "规则", 90, 0},
                     {en ? "Message" : "说明", 240, 3}};
        for (const auto& spec : specs) {
            const auto column = columns->createColumn();
            column->setTitle(toOUString(spec.title));
            column->setColumnWidth(spec.width);
            column->setMinWidth(30);
            column->setFlexibility(spec.flexibility);
            columns->addColumn(column);
        }
        auto grid = addControl(
            "com.sun.star.awt.grid.UnoControlGrid",
            {{"GridDataModel", Any(Reference<css::awt::grid::XGridDataModel>(grid_.get()))},
             {"ColumnModel", Any(columns)},
             {"ShowRowHeader", Any(false)},
             {"ShowColumnHeader", Any(true)},
             {"SelectionModel", Any(css::view::SelectionType_SINGLE)},
             {"HScroll", Any(false)},
             {"VScroll", Any(true)}});
        Reference<css::awt::grid::XGridRowSelection>(grid, UNO_QUERY_THROW)
            ->addSelectionListener(relay_.get());
        return grid;
    }

    // Reads the current check again when it changed, then filters.
    void refresh() {
        const auto start = std::chrono::steady_clock::now();
        const CheckSnapshot snapshot = currentCheck(model());
        // Told again of a check already shown (the panel opened after it): nothing to redo.
        if (shownOnce_ && snapshot.generation == snapshot_.generation &&
            snapshot.stale == snapshot_.stale && snapshot.live == snapshot_.live &&
            snapshot.findings == snapshot_.findings)
            return;
        shownOnce_ = true;
        snapshot_ = snapshot;
        show();
        if (std::getenv("DEALSHEET_TIMINGS"))
            std::fprintf(
                stderr, "[timings] problems panel filled: %lld ms, %zu findings\n",
                static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                           std::chrono::steady_clock::now() - start)
                                           .count()),
                snapshot.findings ? snapshot.findings->size() : std::size_t{0});
    }

    void filterChanged() {
        const sal_Int16 severity = selectedItem(severity_);
        filter_.severity.reset();
        if (severity == 1) filter_.severity = Severity::Error;
        if (severity == 2) filter_.severity = Severity::Warning;
        const sal_Int16 sheet = selectedItem(sheet_);
        filter_.sheet = sheet > 0 && static_cast<std::size_t>(sheet) <= sheets_.size()
                            ? sheets_[static_cast<std::size_t>(sheet) - 1]
                            : std::string();
        const sal_Int16 rule = selectedItem(rule_);
        filter_.rule = rule > 0 && static_cast<std::size_t>(rule) <= rules_.size()
                           ? rules_[static_cast<std::size_t>(rule) - 1]
                           : std::string();
        show();
    }

    // Fills the filters with their counts and the grid with what they keep.
    void show() {
        const bool en = lang_ == Lang::En;
        static const FindingList none;
        const FindingList& findings = snapshot_.findings ? *snapshot_.findings : none;
        const ProblemCounts counts = countProblems(findings, filter_);
        // A filter whose value is gone (the sheet's problems all fixed) lets everything through.
        const auto has = [](const std::vector<ProblemCount>& list, const std::string& value) {
            return std::any_of(list.begin(), list.end(),
                               [&](const ProblemCount& c) { return c.value == value; });
        };
        ProblemCounts shown = counts;
        if (!filter_.sheet.empty() && !has(counts.sheets, filter_.sheet)) filter_.sheet.clear();
        if (!filter_.rule.empty() && !has(counts.rules, filter_.rule)) filter_.rule.clear();
        shown = countProblems(findings, filter_);

        setItems(severity_,
                 {filterLabel(en ? "All" : "全部", shown.all),
                  filterLabel(en ? "Errors" : "错误", shown.errors),
                  filterLabel(en ? "Warnings" : "警告", shown.warnings)},
                 static_cast<sal_Int16>(!filter_.severity                      ? 0
                                        : *filter_.severity == Severity::Error ? 1
                                                                               : 2));
        sheets_.clear();
        std::vector<std::string> sheetItems{en ? "All sheets" : "全部工作表"};
        sal_Int16 sheetAt = 0;
        for (const auto& c : shown.sheets) {
            sheets_.push_back(c.value);
            sheetItems.push_back(filterLabel(c.value, c.count));
            if (c.value == filter_.sheet) sheetAt = static_cast<sal_Int16>(sheets_.size());
        }
        setItems(sheet_, sheetItems, sheetAt);
        rules_.clear();
        std::vector<std::string> ruleItems{en ? "All rules" : "全部规则"};
        sal_Int16 ruleAt = 0;
        for (const auto& c : shown.rules) {
            rules_.push_back(c.value);
            ruleItems.push_back(filterLabel(c.value, c.count));
            if (c.value == filter_.rule) ruleAt = static_cast<sal_Int16>(rules_.size());
        }
        setItems(rule_, ruleItems, ruleAt);

        std::string status;
        if (!snapshot_.findings) {
            status =
                en ? "Not checked yet. Check now checks the whole workbook; from then on it is "
                     "checked as you type."
                   : "尚未校验。按“立即校验”检查整个工作簿，此后边输入边检查。";
        } else {
            status = problemSummary(countProblems(findings, {}), lang_);
            if (findings.empty()) status = en ? "No problems found." : "没有发现问题。";
            if (snapshot_.stale)
                status += en ? "\nStale: cells changed without notice (a macro?). Check now to "
                               "refresh."
                             : "\n结果已过期：有单元格未经通知被修改（宏？）。请按“立即校验”刷新。";
            else if (!snapshot_.live)
                status += en ? "\nLive checking is off." : "\n实时校验已关闭。";
        }
        setText(status_, status);
        grid_->reset(snapshot_.findings, filterProblems(findings, filter_));
    }

    void goToSelected() {
        Reference<css::awt::grid::XGridRowSelection> selection(list_, UNO_QUERY_THROW);
        const auto rows = selection->getSelectedRows();
        if (rows.getLength() == 0) return;
        const Finding* finding = grid_->at(rows[0]);
        if (finding) goToCell(finding->sheet, finding->column, finding->row);
    }

    rtl::Reference<FindingsGrid> grid_;
    Reference<css::awt::XControl> status_, severity_, sheet_, rule_, list_, check_, report_;
    CheckSnapshot snapshot_;
    ProblemFilter filter_;
    std::vector<std::string> sheets_, rules_;
    int observer_ = -1;
    bool shownOnce_ = false;
};

}  // namespace

rtl::Reference<PanelBase> createProblemsPanel(const PanelArguments& arguments) {
    return new ProblemsPanel(arguments);
}

}  // namespace dealsheet::uno
