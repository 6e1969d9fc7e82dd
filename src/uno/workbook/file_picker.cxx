#include "uno/workbook/file_picker.hxx"

#include <algorithm>
#include <cctype>

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/ExtendedFilePickerElementIds.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/FolderPicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilePickerControlAccess.hpp>

#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {

namespace css = com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;

std::string documentFolder(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    const Reference<css::frame::XModel> model(doc, UNO_QUERY);
    const std::string url = model.is() ? toUtf8(model->getURL()) : std::string();
    const auto slash = url.rfind('/');
    if (url.compare(0, 5, "file:") != 0 || slash == std::string::npos) return {};
    return url.substr(0, slash + 1);
}

bool hasExtension(const std::string& url, const std::string& extension) {
    if (url.size() < extension.size()) return false;
    return std::equal(extension.begin(), extension.end(), url.end() - extension.size(),
                      [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b));
                      });
}

std::optional<std::string> pickFileToSave(const Reference<css::uno::XComponentContext>& context,
                                          const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                          const std::string& title, const std::string& filterLabel,
                                          const std::string& extension,
                                          const std::string& defaultName) {
    namespace dialogs = css::ui::dialogs;
    const auto picker = dialogs::FilePicker::createWithMode(
        context, dialogs::TemplateDescription::FILESAVE_AUTOEXTENSION);
    picker->setTitle(toOUString(title));
    picker->appendFilter(toOUString(filterLabel), toOUString("*" + extension));
    picker->setCurrentFilter(toOUString(filterLabel));
    picker->setDefaultName(toOUString(defaultName));
    if (const std::string folder = documentFolder(doc); !folder.empty())
        picker->setDisplayDirectory(toOUString(folder));
    if (Reference<dialogs::XFilePickerControlAccess> controls(picker, UNO_QUERY); controls.is()) {
        try {
            controls->setValue(dialogs::ExtendedFilePickerElementIds::CHECKBOX_AUTOEXTENSION, 0,
                               Any(true));
        } catch (const css::uno::Exception&) {
            // A picker without the check box; the extension is added below.
        }
    }
    if (picker->execute() != dialogs::ExecutableDialogResults::OK) return std::nullopt;
    const auto files = picker->getSelectedFiles();
    if (files.getLength() == 0) return std::nullopt;
    std::string chosen = toUtf8(files[0]);
    if (!hasExtension(chosen, extension)) chosen += extension;
    return chosen;
}

std::optional<std::string> pickFolder(const Reference<css::uno::XComponentContext>& context,
                                      const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                      const std::string& title) {
    namespace dialogs = css::ui::dialogs;
    const auto picker = dialogs::FolderPicker::create(context);
    picker->setTitle(toOUString(title));
    if (const std::string folder = documentFolder(doc); !folder.empty())
        picker->setDisplayDirectory(toOUString(folder));
    if (picker->execute() != dialogs::ExecutableDialogResults::OK) return std::nullopt;
    const std::string chosen = toUtf8(picker->getDirectory());
    if (chosen.empty()) return std::nullopt;
    return chosen;
}

}  // namespace dealsheet::uno
