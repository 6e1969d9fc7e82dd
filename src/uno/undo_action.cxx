#include "undo_action.hxx"

#include <cppuhelper/implbase1.hxx>

#include "office_util.hxx"
#include "uno_util.hxx"

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

}  // namespace

Reference<css::document::XUndoAction> makeCellWritesUndo(
    const std::string& title, std::vector<CellBlock> blocks,
    const Reference<css::document::XUndoManager>& manager) {
    return new CellWritesUndo(title, std::move(blocks), manager);
}

void writeValuesUnrecorded(const Reference<css::document::XUndoManager>& manager,
                           const Reference<css::table::XCellRange>& range, const CellGrid& values) {
    if (manager.is()) manager->lock();
    try {
        writeValues(range, values);
    } catch (...) {
        if (manager.is()) manager->unlock();
        throw;
    }
    if (manager.is()) manager->unlock();
}

}  // namespace dealsheet::uno
