// The Problems list's data model for the awt grid: the check's findings (shared, never copied)
// and the indexes a filter keeps. The grid asks getCellData for the rows it paints only, so
// 200,000 findings show at once; reset() tells the grid the list changed as a whole.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <com/sun/star/awt/grid/XMutableGridDataModel.hpp>
#include <cppuhelper/implbase1.hxx>
#include <rtl/ref.hxx>

#include "core/text/localized.hpp"
#include "core/validate/finding_list.hpp"

namespace dealsheet::uno {

namespace css = com::sun::star;
using css::uno::Reference;

using SharedFindings = std::shared_ptr<const FindingList>;

class FindingsGrid : public cppu::WeakImplHelper1<css::awt::grid::XMutableGridDataModel> {
  public:
    explicit FindingsGrid(Lang lang) : lang_(lang) {}

    void reset(SharedFindings findings, std::vector<std::uint32_t> rows);
    // The finding shown in grid row `row`, or null.
    const Finding* at(sal_Int32 row) const;

    // XGridDataModel
    sal_Int32 SAL_CALL getRowCount() override { return static_cast<sal_Int32>(rows_.size()); }
    sal_Int32 SAL_CALL getColumnCount() override;
    css::uno::Any SAL_CALL getCellData(sal_Int32 column, sal_Int32 row) override;
    css::uno::Any SAL_CALL getCellToolTip(sal_Int32 column, sal_Int32 row) override;
    css::uno::Any SAL_CALL getRowHeading(sal_Int32) override { return {}; }
    css::uno::Sequence<css::uno::Any> SAL_CALL getRowData(sal_Int32 row) override;
    // XCloneable: a second view of the same findings
    Reference<css::util::XCloneable> SAL_CALL createClone() override;
    // XComponent
    void SAL_CALL dispose() override;
    void SAL_CALL addEventListener(const Reference<css::lang::XEventListener>&) override {}
    void SAL_CALL removeEventListener(const Reference<css::lang::XEventListener>&) override {}
    // XMutableGridDataModel: the list is the check's; the grid never edits it.
    void SAL_CALL addRow(const css::uno::Any&, const css::uno::Sequence<css::uno::Any>&) override {}
    void SAL_CALL addRows(const css::uno::Sequence<css::uno::Any>&,
                          const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>&) override {}
    void SAL_CALL insertRow(sal_Int32, const css::uno::Any&,
                            const css::uno::Sequence<css::uno::Any>&) override {}
    void SAL_CALL
    insertRows(sal_Int32, const css::uno::Sequence<css::uno::Any>&,
               const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>&) override {}
    void SAL_CALL removeRow(sal_Int32) override {}
    void SAL_CALL removeAllRows() override {}
    void SAL_CALL updateCellData(sal_Int32, sal_Int32, const css::uno::Any&) override {}
    void SAL_CALL updateRowData(const css::uno::Sequence<sal_Int32>&, sal_Int32,
                                const css::uno::Sequence<css::uno::Any>&) override {}
    void SAL_CALL updateRowHeading(sal_Int32, const css::uno::Any&) override {}
    void SAL_CALL updateCellToolTip(sal_Int32, sal_Int32, const css::uno::Any&) override {}
    void SAL_CALL updateRowToolTip(sal_Int32, const css::uno::Any&) override {}
    void SAL_CALL
    addGridDataListener(const Reference<css::awt::grid::XGridDataListener>& listener) override;
    void SAL_CALL
    removeGridDataListener(const Reference<css::awt::grid::XGridDataListener>& listener) override;

    // How many cells the grid asked for since the last reset (the test of "visible rows only").
    long cellsAsked() const { return cellsAsked_; }

  private:
    Reference<css::uno::XInterface> self() { return static_cast<cppu::OWeakObject*>(this); }

    Lang lang_;
    SharedFindings findings_;
    std::vector<std::uint32_t> rows_;
    std::vector<Reference<css::awt::grid::XGridDataListener>> listeners_;
    long cellsAsked_ = 0;
};

}  // namespace dealsheet::uno
