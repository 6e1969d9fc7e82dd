// A small dialog that asks the user to pick one item from a list (the language of Insert
// template sheets, the month of the review). The office has no standard dialog for such a
// choice, so it is built from the office's own dialog controls; keyboard usable (arrows to
// choose, Enter for OK, Escape to cancel). Never shown headless.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace dealsheet::uno {

struct Choice {
    std::string title;
    std::string label;
    std::vector<std::string> items;
    int selected = 0;
    std::string ok;
    std::string cancel;
    int width = 190;          // dialog units
    int maxListHeight = 100;  // the list scrolls beyond this
};

// The index picked, or nothing when the user cancels.
std::optional<int> askChoice(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const com::sun::star::uno::Reference<com::sun::star::frame::XFrame>& frame,
    const Choice& choice);

// A few lines of text to type, each with its label (the customers to merge), under a prompt.
struct TextsToAsk {
    std::string title;
    std::string prompt;
    std::vector<std::pair<std::string, std::string>> fields;  // label, value it starts with
    std::string ok;
    std::string cancel;
    int width = 240;  // dialog units
};

// The texts as typed, or nothing when the user cancels.
std::optional<std::vector<std::string>> askTexts(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const com::sun::star::uno::Reference<com::sun::star::frame::XFrame>& frame,
    const TextsToAsk& ask);

// Building blocks of DealSheet's dialogs: a control added to a dialog model (positions and
// sizes in dialog units), and the dialog of a model with its window created over `frame`,
// ready to execute (the caller disposes it).
com::sun::star::uno::Reference<com::sun::star::beans::XPropertySet> addDialogControl(
    const com::sun::star::uno::Reference<com::sun::star::lang::XMultiServiceFactory>& dialogModel,
    const char* type, const std::string& name, sal_Int32 x, sal_Int32 y, sal_Int32 width,
    sal_Int32 height);
com::sun::star::uno::Reference<com::sun::star::awt::XControl> createDialog(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const com::sun::star::uno::Reference<com::sun::star::frame::XFrame>& frame,
    const com::sun::star::uno::Reference<com::sun::star::lang::XMultiServiceFactory>& dialogModel);

}  // namespace dealsheet::uno
