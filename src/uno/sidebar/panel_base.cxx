#include "uno/sidebar/panel_base.hxx"

#include <cstdio>
#include <type_traits>

#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/WindowAttribute.hpp>
#include <com/sun/star/awt/WindowClass.hpp>
#include <com/sun/star/awt/WindowDescriptor.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/util/URL.hpp>
#include <com/sun/star/util/URLTransformer.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

#include "uno/workbook/office_util.hxx"
#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::Any;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

// A panel's event must never take the office down: report and carry on.
template <typename Body>
void relayed(const char* what, Body&& body) {
    try {
        body();
    } catch (const css::uno::Exception& e) {
        std::fprintf(stderr, "DealSheet sidebar: %s failed: %s\n", what, toUtf8(e.Message).c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "DealSheet sidebar: %s failed: %s\n", what, e.what());
    } catch (...) {
        std::fprintf(stderr, "DealSheet sidebar: %s failed\n", what);
    }
}

}  // namespace

void EventRelay::detach() {
    onAction = nullptr;
    onItem = nullptr;
    onGridSelection = nullptr;
    onResize = nullptr;
    onSelectionChange = nullptr;
    onModified = nullptr;
    onDisposing = nullptr;
}

void EventRelay::actionPerformed(const css::awt::ActionEvent& event) {
    if (onAction) relayed("a button", [&] { onAction(event.Source); });
}
void EventRelay::itemStateChanged(const css::awt::ItemEvent& event) {
    if (onItem) relayed("a list", [&] { onItem(event.Source); });
}
void EventRelay::selectionChanged(const css::awt::grid::GridSelectionEvent&) {
    if (onGridSelection) relayed("the list", [&] { onGridSelection(); });
}
void EventRelay::windowResized(const css::awt::WindowEvent&) {
    if (onResize) relayed("layout", [&] { onResize(); });
}
void EventRelay::selectionChanged(const css::lang::EventObject&) {
    if (onSelectionChange) relayed("following the selection", [&] { onSelectionChange(); });
}
void EventRelay::modified(const css::lang::EventObject&) {
    if (onModified) relayed("a document change", [&] { onModified(); });
}
void EventRelay::disposing(const css::lang::EventObject& event) {
    if (onDisposing) relayed("closing", [&] { onDisposing(event.Source); });
}

PanelBase::PanelBase(const PanelArguments& arguments)
    : context_(arguments.context),
      frame_(arguments.frame),
      sidebar_(arguments.sidebar),
      relay_(new EventRelay),
      resourceUrl_(arguments.resourceUrl) {
    lang_ = officeLanguage(context_);
    toolkit_.set(css::awt::Toolkit::create(context_), UNO_QUERY_THROW);
    Reference<css::awt::XWindowPeer> parentPeer(arguments.parentWindow, UNO_QUERY_THROW);
    // The panel's own window, a child of the one the sidebar gives: the sidebar places it.
    css::awt::WindowDescriptor descriptor;
    descriptor.Type = css::awt::WindowClass_CONTAINER;
    descriptor.Parent = parentPeer;
    descriptor.Bounds = css::awt::Rectangle(0, 0, 300, 400);
    descriptor.WindowAttributes = css::awt::WindowAttribute::SHOW;
    window_.set(toolkit_->createWindow(descriptor), UNO_QUERY_THROW);
    relay_->onResize = [this] { relayout(); };
    // The sidebar may take the windows away before it disposes the panel (a closing document):
    // the panel then goes first, its controls before their window (see dispose).
    relay_->onDisposing = [this](const Reference<css::uno::XInterface>& source) {
        if (source == Reference<css::uno::XInterface>(window_, UNO_QUERY)) dispose();
    };
    window_->addWindowListener(relay_.get());
}

PanelBase::~PanelBase() { relay_->detach(); }

rtl::OUString PanelBase::getResourceURL() { return toOUString(resourceUrl_); }

sal_Int16 PanelBase::getType() { return css::ui::UIElementType::TOOLPANEL; }

Reference<css::uno::XInterface> PanelBase::getRealInterface() {
    return static_cast<css::ui::XToolPanel*>(this);
}

Reference<css::accessibility::XAccessible> PanelBase::createAccessible(
    const Reference<css::accessibility::XAccessible>&) {
    return Reference<css::accessibility::XAccessible>(window_, UNO_QUERY);
}

css::ui::LayoutSize PanelBase::getHeightForWidth(sal_Int32 width) {
    try {
        return heightFor(width);
    } catch (...) {
        return css::ui::LayoutSize(100, 400, 200);
    }
}

void PanelBase::dispose() {
    if (disposed_) return;
    disposed_ = true;
    relay_->detach();
    try {
        stop();
        window_->removeWindowListener(relay_.get());
        // Each control (and its peer) goes before the window that holds them, as a dialog's
        // controls do, and the grid's accessible object is kept alive meanwhile (issue 29).
        disposeControls();
        Reference<css::lang::XComponent>(window_, UNO_QUERY_THROW)->dispose();
    } catch (...) {
        // The sidebar goes away with its windows; nothing more to undo.
    }
    window_.clear();
}

Reference<css::awt::XControl> PanelBase::addControl(
    const char* kind, const std::vector<std::pair<const char*, Any>>& properties) {
    const auto factory = context_->getServiceManager();
    const rtl::OUString name = rtl::OUString::createFromAscii(kind);
    Reference<css::awt::XControl> control(factory->createInstanceWithContext(name, context_),
                                          UNO_QUERY_THROW);
    Reference<css::awt::XControlModel> model(
        factory->createInstanceWithContext(name + "Model", context_), UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet> props(model, UNO_QUERY_THROW);
    for (const auto& [property, value] : properties)
        props->setPropertyValue(rtl::OUString::createFromAscii(property), value);
    control->setModel(model);
    control->createPeer(toolkit_, Reference<css::awt::XWindowPeer>(window_, UNO_QUERY_THROW));
    controls_.push_back(control);
    return control;
}

void PanelBase::holdAccessibles() {
    try {
        Reference<css::accessibility::XAccessible> accessible(window_, UNO_QUERY);
        const auto context = accessible.is() ? accessible->getAccessibleContext() : nullptr;
        if (!context.is()) return;  // the window is going: keep what was held
        std::vector<Reference<css::accessibility::XAccessible>> children;
        const auto count = context->getAccessibleChildCount();
        for (std::remove_const_t<decltype(count)> i = 0; i < count; ++i)
            children.push_back(context->getAccessibleChild(i));
        accessibles_ = std::move(children);
    } catch (...) {
        // No accessibility here: nothing to hold.
    }
}

void PanelBase::disposeControls() {
    holdAccessibles();
    // Newest first; each control with its peer, then its model (the grid's model disposes its
    // data model, which lets go of the grid's listener: no cycle keeps the grid alive).
    for (auto it = controls_.rbegin(); it != controls_.rend(); ++it) {
        try {
            const auto model = (*it)->getModel();
            (*it)->dispose();
            if (Reference<css::lang::XComponent> component{model, UNO_QUERY}; component.is())
                component->dispose();
        } catch (...) {
            // Already gone with the sidebar's windows: nothing more to undo.
        }
    }
    controls_.clear();
    accessibles_.clear();
}

void PanelBase::place(const Reference<css::awt::XControl>& control, sal_Int32 x, sal_Int32 y,
                      sal_Int32 width, sal_Int32 height) {
    Reference<css::awt::XWindow> window(control, UNO_QUERY);
    if (window.is())
        window->setPosSize(x, y, std::max<sal_Int32>(width, 1), std::max<sal_Int32>(height, 1),
                           css::awt::PosSize::POSSIZE);
}

void PanelBase::setText(const Reference<css::awt::XControl>& control, const std::string& text) {
    Reference<css::beans::XPropertySet> props(control->getModel(), UNO_QUERY_THROW);
    props->setPropertyValue("Label", Any(toOUString(text)));
}

void PanelBase::setItems(const Reference<css::awt::XControl>& listBox,
                         const std::vector<std::string>& items, sal_Int16 selected) {
    Reference<css::beans::XPropertySet> props(listBox->getModel(), UNO_QUERY_THROW);
    css::uno::Sequence<rtl::OUString> list(static_cast<sal_Int32>(items.size()));
    for (std::size_t i = 0; i < items.size(); ++i) list.getArray()[i] = toOUString(items[i]);
    props->setPropertyValue("StringItemList", Any(list));
    css::uno::Sequence<sal_Int16> selection(selected >= 0 ? 1 : 0);
    if (selected >= 0) selection.getArray()[0] = selected;
    props->setPropertyValue("SelectedItems", Any(selection));
}

sal_Int16 PanelBase::selectedItem(const Reference<css::awt::XControl>& listBox) {
    Reference<css::awt::XListBox> list(listBox, UNO_QUERY_THROW);
    return list->getSelectedItemPos();
}

void PanelBase::relayout() {
    if (disposed_ || !window_.is()) return;
    const css::awt::Rectangle size = window_->getPosSize();
    layout(size.Width, size.Height);
}

Reference<css::frame::XModel> PanelBase::model() const {
    const auto controller = frame_.is() ? frame_->getController() : nullptr;
    return controller.is() ? controller->getModel() : nullptr;
}

void PanelBase::goToCell(const std::string& sheet, int column, int row) const {
    const auto controller = frame_->getController();
    Reference<css::sheet::XSpreadsheetView> view(controller, UNO_QUERY_THROW);
    Reference<css::view::XSelectionSupplier> selection(controller, UNO_QUERY_THROW);
    Reference<css::sheet::XSpreadsheetDocument> doc(model(), UNO_QUERY_THROW);
    const auto target = sheetByName(doc, sheet);
    view->setActiveSheet(target);
    selection->select(Any(rangeOf(target, column, row, column, row)));
}

void PanelBase::dispatchCommand(const char* command) const {
    css::util::URL url;
    url.Complete = rtl::OUString::createFromAscii(command);
    css::util::URLTransformer::create(context_)->parseStrict(url);
    Reference<css::frame::XDispatchProvider> provider(frame_, UNO_QUERY_THROW);
    const auto dispatch = provider->queryDispatch(url, "_self", 0);
    if (dispatch.is()) dispatch->dispatch(url, {});
}

}  // namespace dealsheet::uno
