// customerCard (XToolkit3), a first version: the register row of a customer as
// "header: value" lines. The Customer panel (src/uno/sidebar) gives it its full content.
#pragma once

#include <string>
#include <vector>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace dealsheet::uno {

std::vector<std::string> customerCard(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    const std::string& customerNo);

}  // namespace dealsheet::uno
