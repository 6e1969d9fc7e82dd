#include "uno/workbook/undo_action.hxx"

#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <cppuhelper/implbase1.hxx>

#include "uno/workbook/office_util.hxx"
#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {
namespace {

class CellWritesUndo : public cppu::WeakImplHelper1<css::document::XUndoAction> {
  public:
    CellWritesUndo(std::string title, std::vector<CellBlock> blocks,
                   const Reference<css::document::XUndoManager>& manager)
        : title_(std::move(title)), blocks_(std::move(blocks)), manager_(manager) {}

    rtl::OUString SAL_CALL getTitle() override { return toOUString(title_); }

    void SAL_CALL undo() override {
        guarded(self(), [&] {
            const RowHeightPause heights(document());
            for (auto it = blocks_.rbegin(); it != blocks_.rend(); ++it)
                writeValuesUnrecorded(manager_, it->range, it->before);
        });
    }

    void SAL_CALL redo() override {
        guarded(self(), [&] {
            const RowHeightPause heights(document());
            for (const auto& block : blocks_)
                writeValuesUnrecorded(manager_, block.range, block.after);
        });
    }

  private:
    // An undo manager's parent is its document: undoing 100,000 numbers is a bulk write too.
    Reference<css::sheet::XSpreadsheetDocument> document() const {
        return manager_.is() ? Reference<css::sheet::XSpreadsheetDocument>(manager_->getParent(),
                                                                           css::uno::UNO_QUERY)
                             : Reference<css::sheet::XSpreadsheetDocument>();
    }
    Reference<css::uno::XInterface> self() { return static_cast<cppu::OWeakObject*>(this); }
    std::string title_;
    std::vector<CellBlock> blocks_;
    Reference<css::document::XUndoManager> manager_;
};

// Runs `change` with `manager` locked, so Calc records nothing of it.
template <typename Change>
void unrecorded(const Reference<css::document::XUndoManager>& manager, Change&& change) {
    if (manager.is()) manager->lock();
    try {
        change();
    } catch (...) {
        if (manager.is()) manager->unlock();
        throw;
    }
    if (manager.is()) manager->unlock();
}

class InsertedSheetUndo : public cppu::WeakImplHelper1<css::document::XUndoAction> {
  public:
    InsertedSheetUndo(const Reference<css::sheet::XSpreadsheetDocument>& doc, std::string name,
                      sal_Int16 position, const Reference<css::document::XUndoManager>& manager)
        : doc_(doc), name_(std::move(name)), position_(position), manager_(manager) {}

    rtl::OUString SAL_CALL getTitle() override { return toOUString(name_); }

    void SAL_CALL undo() override {
        guarded(self(), [&] {
            unrecorded(manager_, [&] { doc_->getSheets()->removeByName(toOUString(name_)); });
        });
    }

    void SAL_CALL redo() override {
        guarded(self(), [&] {
            unrecorded(manager_,
                       [&] { doc_->getSheets()->insertNewByName(toOUString(name_), position_); });
        });
    }

  private:
    Reference<css::uno::XInterface> self() { return static_cast<cppu::OWeakObject*>(this); }
    Reference<css::sheet::XSpreadsheetDocument> doc_;
    std::string name_;
    sal_Int16 position_;
    Reference<css::document::XUndoManager> manager_;
};

Reference<css::document::XUndoManager> undoManagerOf(
    const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    const Reference<css::document::XUndoManagerSupplier> supplier{doc, css::uno::UNO_QUERY};
    return supplier.is() ? supplier->getUndoManager() : nullptr;
}

}  // namespace

void insertSheetUndoable(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                         const std::string& name, sal_Int16 position) {
    const auto manager = undoManagerOf(doc);
    unrecorded(manager, [&] { doc->getSheets()->insertNewByName(toOUString(name), position); });
    if (manager.is()) manager->addUndoAction(new InsertedSheetUndo(doc, name, position, manager));
}

Reference<css::document::XUndoAction> makeCellWritesUndo(
    const std::string& title, std::vector<CellBlock> blocks,
    const Reference<css::document::XUndoManager>& manager) {
    return new CellWritesUndo(title, std::move(blocks), manager);
}

void writeValuesUnrecorded(const Reference<css::document::XUndoManager>& manager,
                           const Reference<css::table::XCellRange>& range, const CellGrid& values) {
    unrecorded(manager, [&] { writeValues(range, values); });
}

}  // namespace dealsheet::uno
