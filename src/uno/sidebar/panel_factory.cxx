// org.dealsheet.calc.PanelFactory (Factories.xcu): makes the DealSheet deck's panels for the
// sidebar from private:resource/toolpanel/DealSheetPanelFactory/<Panel>, with the Frame,
// ParentWindow and Sidebar the sidebar passes.
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XPanel.hpp>
#include <com/sun/star/ui/XPanels.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

#include "uno/sidebar/panels.hxx"
#include "uno/validate/live_check.hxx"
#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {

rtl::Reference<PanelBase> createPanel(const std::string& name, const PanelArguments& arguments) {
    if (name == "ProblemsPanel") return createProblemsPanel(arguments);
    if (name == "RemindersPanel") return createRemindersPanel(arguments);
    if (name == "CustomerPanel") return createCustomerPanel(arguments);
    return nullptr;
}

void showDeckPanel(const Reference<css::frame::XFrame>& frame, const char* panel) {
    Reference<css::frame::XController2> controller(frame.is() ? frame->getController() : nullptr,
                                                   css::uno::UNO_QUERY);
    const auto sidebar = controller.is() ? controller->getSidebar() : nullptr;
    if (!sidebar.is()) return;
    sidebar->setVisible(true);
    sidebar->showDecks(true);
    Reference<css::ui::XDeck> deck(sidebar->getDecks()->getByName("DealSheetDeck"),
                                   css::uno::UNO_QUERY_THROW);
    if (!deck->isActive()) deck->activate(true);  // activating the active deck closes it
    Reference<css::ui::XPanel>(deck->getPanels()->getByName(rtl::OUString::createFromAscii(panel)),
                               css::uno::UNO_QUERY_THROW)
        ->expand(true);
}

namespace {

using css::uno::UNO_QUERY;
using rtl::OUString;

constexpr char kUrlPrefix[] = "private:resource/toolpanel/DealSheetPanelFactory/";

bool isPanel(const std::string& name) {
    return name == "ProblemsPanel" || name == "RemindersPanel" || name == "CustomerPanel";
}

class PanelFactory
    : public cppu::WeakImplHelper2<css::ui::XUIElementFactory, css::lang::XServiceInfo> {
  public:
    explicit PanelFactory(const Reference<css::uno::XComponentContext>& context)
        : context_(context) {
        rememberOfficeContext(context);
    }

    Reference<css::ui::XUIElement> SAL_CALL
    createUIElement(const OUString& url,
                    const css::uno::Sequence<css::beans::PropertyValue>& properties) override {
        // An unknown panel is the caller's mistake, said as the interface says it.
        if (!url.startsWithIgnoreAsciiCase(kUrlPrefix) ||
            !isPanel(toUtf8(url.copy(sizeof kUrlPrefix - 1))))
            throw css::container::NoSuchElementException("DealSheet: no panel " + url, self());
        return guarded(self(), [&]() -> Reference<css::ui::XUIElement> {
            PanelArguments arguments;
            arguments.context = context_;
            arguments.resourceUrl = toUtf8(url);
            for (const auto& property : properties) {
                if (property.Name == "Frame") property.Value >>= arguments.frame;
                if (property.Name == "ParentWindow") property.Value >>= arguments.parentWindow;
                if (property.Name == "Sidebar") property.Value >>= arguments.sidebar;
            }
            if (!arguments.frame.is() || !arguments.parentWindow.is())
                throw css::lang::IllegalArgumentException(
                    "DealSheet: a panel needs the Frame and ParentWindow arguments", self(), 1);
            const std::string name = arguments.resourceUrl.substr(sizeof kUrlPrefix - 1);
            const auto panel = createPanel(name, arguments);
            if (!panel.is())
                throw css::container::NoSuchElementException("DealSheet: no panel " + url, self());
            panel->relayoutNow();
            panel->holdAccessibles();
            return Reference<css::ui::XUIElement>(panel.get());
        });
    }

    OUString SAL_CALL getImplementationName() override {
        return "org.dealsheet.calc.PanelFactoryImpl";
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override {
        return cppu::supportsService(this, name);
    }
    css::uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        css::uno::Sequence<OUString> names(1);
        names.getArray()[0] = "org.dealsheet.calc.PanelFactory";
        return names;
    }

  private:
    Reference<css::uno::XInterface> self() { return static_cast<cppu::OWeakObject*>(this); }
    Reference<css::uno::XComponentContext> context_;
};

}  // namespace
}  // namespace dealsheet::uno

extern "C" SAL_DLLPUBLIC_EXPORT com::sun::star::uno::XInterface*
org_dealsheet_calc_PanelFactory_get_implementation(
    com::sun::star::uno::XComponentContext* context,
    const com::sun::star::uno::Sequence<com::sun::star::uno::Any>&) {
    return cppu::acquire(new dealsheet::uno::PanelFactory(context));
}
