// org.dealsheet.calc.ReminderJob: runs on every document opened in the office (Jobs.xcu,
// event onDocumentOpened). Headless it does nothing at all; in a window it posts the check to
// the office's event loop, so it runs after the document is shown, and puts the reminder bar
// on the window when the user has deadlines due. It never changes the document.
#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/weakref.hxx>

#include "uno/reminders/deadlines.hxx"
#include "uno/workbook/document_job.hxx"
#include "uno/workbook/office_util.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::Any;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using rtl::OUString;

// Runs from the office's event loop once the document is opened; when its window is not on
// the screen yet, once the window is shown (never, for a document loaded hidden).
class ShowLater : public cppu::WeakImplHelper2<css::awt::XCallback, css::awt::XWindowListener> {
  public:
    ShowLater(const Reference<css::uno::XComponentContext>& context,
              const Reference<css::frame::XModel>& model)
        : context_(context), model_(model) {}

    void SAL_CALL notify(const Any&) override {
        try {
            // Held weakly: a document closed before this runs is simply gone.
            const Reference<css::frame::XModel> model(model_);
            if (!model.is()) return;
            if (uno::windowShown(model)) {
                showReminderBar(context_, model);
                return;
            }
            const auto controller = model->getCurrentController();
            const auto frame = controller.is() ? controller->getFrame() : nullptr;
            if (frame.is() && frame->getContainerWindow().is()) {
                window_ = frame->getContainerWindow();
                window_->addWindowListener(this);
            }
        } catch (...) {
            // A reminder that cannot be shown must never disturb the opening of a document.
        }
    }

    void SAL_CALL windowShown(const css::lang::EventObject&) override {
        try {
            if (window_.is()) window_->removeWindowListener(this);
            window_.clear();
            const Reference<css::frame::XModel> model(model_);
            if (model.is()) showReminderBar(context_, model);
        } catch (...) {
            // As above: never in the way.
        }
    }
    void SAL_CALL windowResized(const css::awt::WindowEvent&) override {}
    void SAL_CALL windowMoved(const css::awt::WindowEvent&) override {}
    void SAL_CALL windowHidden(const css::lang::EventObject&) override {}
    void SAL_CALL disposing(const css::lang::EventObject&) override { window_.clear(); }

  private:
    Reference<css::uno::XComponentContext> context_;
    css::uno::WeakReference<css::frame::XModel> model_;
    Reference<css::awt::XWindow> window_;
};

class ReminderJob : public DocumentJob {
  public:
    explicit ReminderJob(const Reference<css::uno::XComponentContext>& context)
        : DocumentJob("org.dealsheet.calc.ReminderJobImpl", "org.dealsheet.calc.ReminderJob"),
          context_(context) {}

  protected:
    void run(const Reference<css::frame::XModel>& model) override {
        if (officeIsHeadless()) return;
        if (!Reference<css::sheet::XSpreadsheetDocument>(model, UNO_QUERY).is()) return;
        css::awt::AsyncCallback::create(context_)->addCallback(new ShowLater(context_, model),
                                                               Any());
    }

  private:
    Reference<css::uno::XComponentContext> context_;
};

}  // namespace
}  // namespace dealsheet::uno

extern "C" SAL_DLLPUBLIC_EXPORT com::sun::star::uno::XInterface*
org_dealsheet_calc_ReminderJob_get_implementation(
    com::sun::star::uno::XComponentContext* context,
    const com::sun::star::uno::Sequence<com::sun::star::uno::Any>&) {
    return cppu::acquire(new dealsheet::uno::ReminderJob(context));
}
