#include "undo_action.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/sheet/XSpreadsheets2.hpp>
#include <com/sun/star/util/XCloseable.hpp>
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

sal_Int16 positionOf(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                     const std::string& name) {
    const auto names = doc->getSheets()->getElementNames();
    for (sal_Int32 i = 0; i < names.getLength(); ++i)
        if (names[i] == toOUString(name)) return static_cast<sal_Int16>(i);
    return -1;
}

// Copies sheet `name` of `from` into `to` at `position` (same name, contents and formats).
void copySheet(const Reference<css::sheet::XSpreadsheetDocument>& from, const std::string& name,
               const Reference<css::sheet::XSpreadsheetDocument>& to, sal_Int16 position) {
    Reference<css::sheet::XSpreadsheets2>(to->getSheets(), css::uno::UNO_QUERY_THROW)
        ->importSheet(from, toOUString(name), position);
}

class RemovedSheetUndo : public cppu::WeakImplHelper1<css::document::XUndoAction> {
  public:
    RemovedSheetUndo(const Reference<css::sheet::XSpreadsheetDocument>& doc, std::string name,
                     sal_Int16 position, const Reference<css::sheet::XSpreadsheetDocument>& vault,
                     const Reference<css::document::XUndoManager>& manager)
        : doc_(doc),
          name_(std::move(name)),
          position_(position),
          vault_(vault),
          manager_(manager) {}
    ~RemovedSheetUndo() override {
        try {
            Reference<css::util::XCloseable>(vault_, css::uno::UNO_QUERY_THROW)->close(true);
        } catch (...) {
            // The hidden copy holds nothing of the user's; the office closes it at the end.
        }
    }

    rtl::OUString SAL_CALL getTitle() override { return toOUString(name_); }

    void SAL_CALL undo() override {
        guarded(self(),
                [&] { unrecorded(manager_, [&] { copySheet(vault_, name_, doc_, position_); }); });
    }

    void SAL_CALL redo() override {
        guarded(self(), [&] {
            unrecorded(manager_, [&] { doc_->getSheets()->removeByName(toOUString(name_)); });
        });
    }

  private:
    Reference<css::uno::XInterface> self() { return static_cast<cppu::OWeakObject*>(this); }
    Reference<css::sheet::XSpreadsheetDocument> doc_;
    std::string name_;
    sal_Int16 position_;
    Reference<css::sheet::XSpreadsheetDocument> vault_;
    Reference<css::document::XUndoManager> manager_;
};

}  // namespace

void removeSheetUndoable(const Reference<css::uno::XComponentContext>& context,
                         const Reference<css::sheet::XSpreadsheetDocument>& doc,
                         const std::string& name) {
    const auto manager = undoManagerOf(doc);
    const sal_Int16 position = positionOf(doc, name);
    if (!manager.is() || position < 0) {
        doc->getSheets()->removeByName(toOUString(name));
        return;
    }
    css::uno::Sequence<css::beans::PropertyValue> hidden(1);
    hidden.getArray()[0].Name = "Hidden";
    hidden.getArray()[0].Value <<= true;
    const Reference<css::sheet::XSpreadsheetDocument> vault(
        css::frame::Desktop::create(context)->loadComponentFromURL("private:factory/scalc",
                                                                   "_blank", 0, hidden),
        css::uno::UNO_QUERY_THROW);
    try {
        // The new document's own sheet may carry the same name: it makes room first.
        const auto own =
            Reference<css::container::XIndexAccess>(vault->getSheets(), css::uno::UNO_QUERY_THROW);
        Reference<css::container::XNamed>(own->getByIndex(0), css::uno::UNO_QUERY_THROW)
            ->setName("-");
        copySheet(doc, name, vault, 0);
        unrecorded(manager, [&] { doc->getSheets()->removeByName(toOUString(name)); });
    } catch (...) {
        Reference<css::util::XCloseable>(vault, css::uno::UNO_QUERY_THROW)->close(true);
        throw;
    }
    manager->addUndoAction(new RemovedSheetUndo(doc, name, position, vault, manager));
}

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
