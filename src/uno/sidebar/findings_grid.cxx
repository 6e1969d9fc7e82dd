#include "uno/sidebar/findings_grid.hxx"

#include <algorithm>

#include <com/sun/star/awt/grid/GridDataEvent.hpp>

#include "core/sidebar/problem_list.hpp"
#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {

void FindingsGrid::reset(SharedFindings findings, std::vector<std::uint32_t> rows) {
    const auto before = static_cast<sal_Int32>(rows_.size());
    findings_ = std::move(findings);
    rows_ = std::move(rows);
    cellsAsked_ = 0;
    const auto after = static_cast<sal_Int32>(rows_.size());
    Reference<css::uno::XInterface> self(static_cast<cppu::OWeakObject*>(this));
    const auto listeners = listeners_;  // a listener may remove itself
    for (const auto& listener : listeners) {
        try {
            // Only the tail is removed or added and the rest repainted: removing every row and
            // adding them again made the grid's accessibility rebuild every cell, and LibreOffice
            // 7.4 sometimes ended there while a screen reader was reading the list.
            if (after < before)
                listener->rowsRemoved(
                    css::awt::grid::GridDataEvent(self, -1, -1, after, before - 1));
            if (after > before)
                listener->rowsInserted(
                    css::awt::grid::GridDataEvent(self, -1, -1, before, after - 1));
            if (std::min(before, after) > 0)
                listener->dataChanged(
                    css::awt::grid::GridDataEvent(self, -1, -1, 0, std::min(before, after) - 1));
        } catch (const css::uno::Exception&) {
            // A grid that went away meanwhile.
        }
    }
}

const Finding* FindingsGrid::at(sal_Int32 row) const {
    if (!findings_ || row < 0 || static_cast<std::size_t>(row) >= rows_.size()) return nullptr;
    const std::uint32_t index = rows_[static_cast<std::size_t>(row)];
    return index < findings_->size() ? &(*findings_)[index] : nullptr;
}

sal_Int32 FindingsGrid::getColumnCount() { return kProblemColumns; }

css::uno::Any FindingsGrid::getCellData(sal_Int32 column, sal_Int32 row) {
    return guarded(self(), [&]() -> css::uno::Any {
        const Finding* finding = at(row);
        // A row the grid still asks for while a new list replaces the old one: nothing to show.
        if (!finding || column < 0 || column >= kProblemColumns) return {};
        ++cellsAsked_;
        return css::uno::Any(
            toOUString(problemCell(*finding, static_cast<ProblemColumn>(column), lang_)));
    });
}

css::uno::Any FindingsGrid::getCellToolTip(sal_Int32, sal_Int32 row) {
    return guarded(self(), [&]() -> css::uno::Any {
        const Finding* finding = at(row);
        if (!finding) return {};
        std::string tip = finding->message(lang_);
        if (!finding->value.empty())
            tip += (lang_ == Lang::En ? " — value: " : " — 值：") + finding->value;
        return css::uno::Any(toOUString(tip));
    });
}

css::uno::Sequence<css::uno::Any> FindingsGrid::getRowData(sal_Int32 row) {
    css::uno::Sequence<css::uno::Any> data(kProblemColumns);
    for (sal_Int32 c = 0; c < kProblemColumns; ++c) data.getArray()[c] = getCellData(c, row);
    return data;
}

Reference<css::util::XCloneable> FindingsGrid::createClone() {
    return guarded(self(), [&]() -> Reference<css::util::XCloneable> {
        rtl::Reference<FindingsGrid> clone(new FindingsGrid(lang_));
        clone->findings_ = findings_;
        clone->rows_ = rows_;
        return clone.get();
    });
}

void FindingsGrid::dispose() {
    listeners_.clear();
    findings_.reset();
    rows_.clear();
}

void FindingsGrid::addGridDataListener(
    const Reference<css::awt::grid::XGridDataListener>& listener) {
    guarded(self(), [&] {
        if (listener.is()) listeners_.push_back(listener);
    });
}

void FindingsGrid::removeGridDataListener(
    const Reference<css::awt::grid::XGridDataListener>& listener) {
    guarded(self(), [&] {
        listeners_.erase(std::remove(listeners_.begin(), listeners_.end(), listener),
                         listeners_.end());
    });
}

}  // namespace dealsheet::uno
