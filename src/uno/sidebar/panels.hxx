// The three panels of the DealSheet deck (SPEC §11), made by the panel factory.
#pragma once

#include "uno/sidebar/panel_base.hxx"

namespace dealsheet::uno {

// ProblemsPanel, RemindersPanel, CustomerPanel (the last part of the panel URL); null for
// another name.
rtl::Reference<PanelBase> createPanel(const std::string& name, const PanelArguments& arguments);

// Shows the frame's sidebar with the DealSheet deck on top and `panel` ("ProblemsPanel", ...)
// expanded: what Validate in a window does when its check ends (SPEC §11). Nothing in a frame
// without a sidebar (a hidden document).
void showDeckPanel(const Reference<css::frame::XFrame>& frame, const char* panel);

rtl::Reference<PanelBase> createProblemsPanel(const PanelArguments& arguments);
rtl::Reference<PanelBase> createRemindersPanel(const PanelArguments& arguments);
rtl::Reference<PanelBase> createCustomerPanel(const PanelArguments& arguments);

}  // namespace dealsheet::uno
