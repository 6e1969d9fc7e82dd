#include "uno/workbook/choice_dialog.hxx"

#include <com/sun/star/awt/PushButtonType.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XToolkit.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>

#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

Reference<css::beans::XPropertySet> addDialogControl(
    const Reference<css::lang::XMultiServiceFactory>& factory, const char* type,
    const std::string& name, sal_Int32 x, sal_Int32 y, sal_Int32 width, sal_Int32 height) {
    Reference<css::beans::XPropertySet> model(
        factory->createInstance(rtl::OUString::createFromAscii(type)), UNO_QUERY_THROW);
    model->setPropertyValue("PositionX", Any(x));
    model->setPropertyValue("PositionY", Any(y));
    model->setPropertyValue("Width", Any(width));
    model->setPropertyValue("Height", Any(height));
    Reference<css::container::XNameContainer>(factory, UNO_QUERY_THROW)
        ->insertByName(toOUString(name), Any(model));
    return model;
}

Reference<css::awt::XControl> createDialog(
    const Reference<css::uno::XComponentContext>& context,
    const Reference<css::frame::XFrame>& frame,
    const Reference<css::lang::XMultiServiceFactory>& model) {
    const auto manager = context->getServiceManager();
    Reference<css::awt::XControl> dialog(
        manager->createInstanceWithContext("com.sun.star.awt.UnoControlDialog", context),
        UNO_QUERY_THROW);
    dialog->setModel(Reference<css::awt::XControlModel>(model, UNO_QUERY_THROW));
    Reference<css::awt::XToolkit> toolkit(
        manager->createInstanceWithContext("com.sun.star.awt.Toolkit", context), UNO_QUERY_THROW);
    Reference<css::awt::XWindowPeer> parent(frame.is() ? frame->getContainerWindow() : nullptr,
                                            UNO_QUERY);
    dialog->createPeer(toolkit, parent);
    return dialog;
}

std::optional<int> askChoice(const Reference<css::uno::XComponentContext>& context,
                             const Reference<css::frame::XFrame>& frame, const Choice& choice) {
    const auto manager = context->getServiceManager();
    Reference<css::lang::XMultiServiceFactory> dialogModel(
        manager->createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel", context),
        UNO_QUERY_THROW);
    const sal_Int32 rows = static_cast<sal_Int32>(choice.items.size());
    const sal_Int32 listHeight = std::min<sal_Int32>(12 * rows + 4, choice.maxListHeight);
    const sal_Int32 width = choice.width;
    const sal_Int32 height = 30 + listHeight + 24;
    Reference<css::beans::XPropertySet> props(dialogModel, UNO_QUERY_THROW);
    props->setPropertyValue("Width", Any(width));
    props->setPropertyValue("Height", Any(height));
    props->setPropertyValue("Title", Any(toOUString(choice.title)));

    addDialogControl(dialogModel, "com.sun.star.awt.UnoControlFixedTextModel", "label", 8, 8,
                     width - 16, 14)
        ->setPropertyValue("Label", Any(toOUString(choice.label)));
    css::uno::Sequence<rtl::OUString> items(rows);
    for (sal_Int32 i = 0; i < rows; ++i)
        items.getArray()[i] = toOUString(choice.items[static_cast<std::size_t>(i)]);
    const auto list = addDialogControl(dialogModel, "com.sun.star.awt.UnoControlListBoxModel",
                                       "list", 8, 24, width - 16, listHeight);
    list->setPropertyValue("StringItemList", Any(items));
    css::uno::Sequence<sal_Int16> selected(1);
    selected.getArray()[0] = static_cast<sal_Int16>(choice.selected);
    list->setPropertyValue("SelectedItems", Any(selected));
    list->setPropertyValue("TabIndex", Any(sal_Int16(0)));

    const auto ok = addDialogControl(dialogModel, "com.sun.star.awt.UnoControlButtonModel", "ok",
                                     width - 114, height - 20, 50, 14);
    ok->setPropertyValue("Label", Any(toOUString(choice.ok)));
    ok->setPropertyValue("PushButtonType", Any(sal_Int16(css::awt::PushButtonType_OK)));
    ok->setPropertyValue("DefaultButton", Any(true));
    ok->setPropertyValue("TabIndex", Any(sal_Int16(1)));
    const auto cancel = addDialogControl(dialogModel, "com.sun.star.awt.UnoControlButtonModel",
                                         "cancel", width - 58, height - 20, 50, 14);
    cancel->setPropertyValue("Label", Any(toOUString(choice.cancel)));
    cancel->setPropertyValue("PushButtonType", Any(sal_Int16(css::awt::PushButtonType_CANCEL)));
    cancel->setPropertyValue("TabIndex", Any(sal_Int16(2)));

    const auto dialog = createDialog(context, frame, dialogModel);
    const sal_Int16 result = Reference<css::awt::XDialog>(dialog, UNO_QUERY_THROW)->execute();
    css::uno::Sequence<sal_Int16> chosen;
    list->getPropertyValue("SelectedItems") >>= chosen;
    Reference<css::lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
    if (result != 1 || chosen.getLength() == 0) return std::nullopt;
    return chosen[0];
}

std::optional<std::vector<std::string>> askTexts(
    const Reference<css::uno::XComponentContext>& context,
    const Reference<css::frame::XFrame>& frame, const TextsToAsk& ask) {
    const auto manager = context->getServiceManager();
    Reference<css::lang::XMultiServiceFactory> dialogModel(
        manager->createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel", context),
        UNO_QUERY_THROW);
    const sal_Int32 width = ask.width;
    const sal_Int32 promptHeight = 40;
    const sal_Int32 fieldsTop = 8 + promptHeight + 4;
    const sal_Int32 height = fieldsTop + 18 * static_cast<sal_Int32>(ask.fields.size()) + 8 + 24;
    Reference<css::beans::XPropertySet> props(dialogModel, UNO_QUERY_THROW);
    props->setPropertyValue("Width", Any(width));
    props->setPropertyValue("Height", Any(height));
    props->setPropertyValue("Title", Any(toOUString(ask.title)));
    const auto prompt = addDialogControl(dialogModel, "com.sun.star.awt.UnoControlFixedTextModel",
                                         "prompt", 8, 8, width - 16, promptHeight);
    prompt->setPropertyValue("Label", Any(toOUString(ask.prompt)));
    prompt->setPropertyValue("MultiLine", Any(true));
    std::vector<Reference<css::beans::XPropertySet>> edits;
    sal_Int16 tab = 0;
    for (std::size_t i = 0; i < ask.fields.size(); ++i) {
        const sal_Int32 top = fieldsTop + 18 * static_cast<sal_Int32>(i);
        addDialogControl(dialogModel, "com.sun.star.awt.UnoControlFixedTextModel",
                         "label" + std::to_string(i), 8, top + 2, 90, 12)
            ->setPropertyValue("Label", Any(toOUString(ask.fields[i].first)));
        auto edit = addDialogControl(dialogModel, "com.sun.star.awt.UnoControlEditModel",
                                     "text" + std::to_string(i), 100, top, width - 108, 14);
        edit->setPropertyValue("Text", Any(toOUString(ask.fields[i].second)));
        edit->setPropertyValue("TabIndex", Any(tab++));
        edits.push_back(edit);
    }
    const auto ok = addDialogControl(dialogModel, "com.sun.star.awt.UnoControlButtonModel", "ok",
                                     width - 114, height - 20, 50, 14);
    ok->setPropertyValue("Label", Any(toOUString(ask.ok)));
    ok->setPropertyValue("PushButtonType", Any(sal_Int16(css::awt::PushButtonType_OK)));
    ok->setPropertyValue("DefaultButton", Any(true));
    ok->setPropertyValue("TabIndex", Any(tab++));
    const auto cancel = addDialogControl(dialogModel, "com.sun.star.awt.UnoControlButtonModel",
                                         "cancel", width - 58, height - 20, 50, 14);
    cancel->setPropertyValue("Label", Any(toOUString(ask.cancel)));
    cancel->setPropertyValue("PushButtonType", Any(sal_Int16(css::awt::PushButtonType_CANCEL)));
    cancel->setPropertyValue("TabIndex", Any(tab++));

    const auto dialog = createDialog(context, frame, dialogModel);
    const sal_Int16 result = Reference<css::awt::XDialog>(dialog, UNO_QUERY_THROW)->execute();
    std::vector<std::string> typed;
    for (const auto& edit : edits) {
        rtl::OUString text;
        edit->getPropertyValue("Text") >>= text;
        typed.push_back(toUtf8(text));
    }
    Reference<css::lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
    if (result != 1) return std::nullopt;
    return typed;
}

}  // namespace dealsheet::uno
