// Map columns (SPEC §6): a sheet's column mapping as the macro API shows it, storing a
// confirmed mapping in the document, and the dialog of the command.
#pragma once

#include <string>
#include <vector>

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "uno/commands/commands.hxx"

namespace dealsheet::uno {

// "@kind=customers", "@headerRow=3" and "columnId=header text" for every column of the kind
// (empty text: none of the sheet's columns); only "@kind=" for a sheet that is no DealSheet
// sheet. An unknown sheet is an IllegalArgumentException.
std::vector<std::string> columnMappingOf(const Reference<css::uno::XComponentContext>& context,
                                         const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                         const std::string& sheet);

// Stores (or, with no entries, removes) a sheet's mapping; one undo step. Bad entries are an
// IllegalArgumentException that says which, and the document is left as it was.
void storeColumnMapping(const Reference<css::uno::XComponentContext>& context,
                        const Reference<css::sheet::XSpreadsheetDocument>& doc,
                        const std::string& sheet, const std::vector<std::string>& entries);

// The command in a window: the dialog for the active sheet; stores what the user confirms.
CommandOutcome mapColumns(const Reference<css::uno::XComponentContext>& context,
                          const Reference<css::sheet::XSpreadsheetDocument>& doc,
                          const Reference<css::frame::XFrame>& frame);

}  // namespace dealsheet::uno
