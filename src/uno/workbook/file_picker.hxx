// The office's own file dialogs, opened where the workbook lies.
#pragma once

#include <optional>
#include <string>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace dealsheet::uno {

// The URL of the folder holding `doc` (ending in '/'), empty for a document never saved or not
// stored in a local file.
std::string documentFolder(
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc);

// True when `url` ends in `extension` (".ics"), in any case.
bool hasExtension(const std::string& url, const std::string& extension);

// A "save as" dialog in the workbook's folder, offering `defaultName` and one filter
// (`filterLabel`, files ending in `extension`). The chosen file URL, with the extension added
// when the user typed none; nothing when cancelled.
std::optional<std::string> pickFileToSave(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    const std::string& title, const std::string& filterLabel, const std::string& extension,
    const std::string& defaultName);

// A folder dialog in the workbook's folder: the chosen folder URL, nothing when cancelled.
std::optional<std::string> pickFolder(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    const std::string& title);

}  // namespace dealsheet::uno
