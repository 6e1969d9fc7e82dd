// What the three panels of the DealSheet deck share (SPEC §11): the sidebar's side of a panel
// (XUIElement, XToolPanel, XSidebarPanel, XComponent), the panel's own window, controls made
// through the UNO toolkit (no VCL), and one relay for every event a panel listens to, so each
// UNO callback catches every C++ exception in one place.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XToolkit.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/awt/grid/XGridSelectionListener.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <com/sun/star/view/XSelectionChangeListener.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/implbase6.hxx>
#include <rtl/ref.hxx>

#include "core/text/localized.hpp"

namespace dealsheet::uno {

namespace css = com::sun::star;
using css::uno::Reference;

// Forwards the toolkit's and the document's events to a panel. Each callback runs guarded:
// a failure is logged, never thrown back into the office. `detach` (on dispose) drops them.
class EventRelay
    : public cppu::WeakImplHelper6<css::awt::XActionListener, css::awt::XItemListener,
                                   css::awt::grid::XGridSelectionListener,
                                   css::awt::XWindowListener, css::view::XSelectionChangeListener,
                                   css::util::XModifyListener> {
  public:
    std::function<void(const css::uno::Reference<css::uno::XInterface>& source)> onAction;
    std::function<void(const css::uno::Reference<css::uno::XInterface>& source)> onItem;
    std::function<void()> onGridSelection;
    std::function<void()> onResize;
    std::function<void()> onSelectionChange;
    std::function<void()> onModified;
    std::function<void(const css::uno::Reference<css::uno::XInterface>& source)> onDisposing;
    void detach();

    void SAL_CALL actionPerformed(const css::awt::ActionEvent& event) override;
    void SAL_CALL itemStateChanged(const css::awt::ItemEvent& event) override;
    void SAL_CALL selectionChanged(const css::awt::grid::GridSelectionEvent& event) override;
    void SAL_CALL windowResized(const css::awt::WindowEvent& event) override;
    void SAL_CALL windowMoved(const css::awt::WindowEvent&) override {}
    void SAL_CALL windowShown(const css::lang::EventObject&) override {}
    void SAL_CALL windowHidden(const css::lang::EventObject&) override {}
    void SAL_CALL selectionChanged(const css::lang::EventObject& event) override;
    void SAL_CALL modified(const css::lang::EventObject& event) override;
    void SAL_CALL disposing(const css::lang::EventObject& event) override;
};

struct PanelArguments {
    Reference<css::uno::XComponentContext> context;
    Reference<css::frame::XFrame> frame;
    Reference<css::awt::XWindow> parentWindow;
    Reference<css::ui::XSidebar> sidebar;
    std::string resourceUrl;
};

class PanelBase : public cppu::WeakImplHelper4<css::ui::XUIElement, css::ui::XToolPanel,
                                               css::ui::XSidebarPanel, css::lang::XComponent> {
  public:
    explicit PanelBase(const PanelArguments& arguments);
    ~PanelBase() override;

    // XUIElement
    Reference<css::frame::XFrame> SAL_CALL getFrame() override { return frame_; }
    rtl::OUString SAL_CALL getResourceURL() override;
    sal_Int16 SAL_CALL getType() override;
    Reference<css::uno::XInterface> SAL_CALL getRealInterface() override;
    // XToolPanel
    Reference<css::awt::XWindow> SAL_CALL getWindow() override { return window_; }
    Reference<css::accessibility::XAccessible> SAL_CALL
    createAccessible(const Reference<css::accessibility::XAccessible>& parent) override;
    // XSidebarPanel
    css::ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32 width) override;
    sal_Int32 SAL_CALL getMinimalWidth() override { return 220; }
    // XComponent
    void SAL_CALL dispose() override;
    void SAL_CALL addEventListener(const Reference<css::lang::XEventListener>&) override {}
    void SAL_CALL removeEventListener(const Reference<css::lang::XEventListener>&) override {}

    // Places the controls for the window's current size (the factory, before the sidebar
    // sizes the window).
    void relayoutNow() { relayout(); }
    // Holds the accessible objects of the panel's controls until the controls are disposed (the
    // factory, once the panel is made). LibreOffice 7.4's grid (svt::table::TableControl) only
    // points at its accessible object; when the grid had been read through accessibility, that
    // object could lose its last owner while disposing itself as the grid's window went, and was
    // then written to and released again: valgrind showed the invalid write in libacclo under
    // TableControl's dispose, the heap corruption of issue 29. (Later versions hold it
    // themselves.) Held here, it lives through its own dispose.
    void holdAccessibles();

  protected:
    // The panel's height range in pixels for the sidebar's layout.
    virtual css::ui::LayoutSize heightFor(sal_Int32 width) = 0;
    // Places the controls in a window `width` × `height` pixels.
    virtual void layout(sal_Int32 width, sal_Int32 height) = 0;
    // Drops document listeners; the controls go with the window.
    virtual void stop() {}

    // A control of the UNO toolkit in the panel's window: `kind` names the service without
    // its "Model" ending ("com.sun.star.awt.UnoControlButton"); `properties` set on its model.
    Reference<css::awt::XControl> addControl(
        const char* kind, const std::vector<std::pair<const char*, css::uno::Any>>& properties);
    static void place(const Reference<css::awt::XControl>& control, sal_Int32 x, sal_Int32 y,
                      sal_Int32 width, sal_Int32 height);
    static void setText(const Reference<css::awt::XControl>& control, const std::string& text);
    static void setItems(const Reference<css::awt::XControl>& listBox,
                         const std::vector<std::string>& items, sal_Int16 selected);
    static sal_Int16 selectedItem(const Reference<css::awt::XControl>& listBox);
    void relayout();
    // The document of the panel's frame (a spreadsheet), or null.
    Reference<css::frame::XModel> model() const;
    // Selects one cell of a sheet in the frame's view (its cell cursor moves there).
    void goToCell(const std::string& sheet, int column, int row) const;
    // Runs an org.dealsheet.calc:* command through the frame, as the toolbar does.
    void dispatchCommand(const char* command) const;

    Reference<css::uno::XComponentContext> context_;
    Reference<css::frame::XFrame> frame_;
    Reference<css::ui::XSidebar> sidebar_;
    Reference<css::awt::XWindow> window_;
    Reference<css::awt::XToolkit> toolkit_;
    rtl::Reference<EventRelay> relay_;
    Lang lang_ = Lang::Zh;
    bool disposed_ = false;

  private:
    void disposeControls();

    std::string resourceUrl_;
    std::vector<Reference<css::awt::XControl>> controls_;
    std::vector<Reference<css::accessibility::XAccessible>> accessibles_;
};

}  // namespace dealsheet::uno
