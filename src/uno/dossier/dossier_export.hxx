// Contract dossier (SPEC §10): the workbook is read through the shared reader, the core builds
// the dossier, and a hidden Writer document made from it in one load is exported through the
// office's PDF filter to the URL the user chose, then closed. The workbook is only read.
#pragma once

#include <string>
#include <vector>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "uno/commands/commands.hxx"

namespace dealsheet::uno {

// One dossier to `fileUrl`; `contractNo` empty writes every contract's dossier into the folder
// `fileUrl`. CommandOutcome::count: the rows in the dossier (all: the files written).
// Throws IllegalArgumentException with a message in the office's language for an unknown
// contract, a workbook without contract sheets, or a target that is not a URL.
CommandOutcome exportDossier(const Reference<css::uno::XComponentContext>& context,
                             const Reference<css::sheet::XSpreadsheetDocument>& doc,
                             const std::string& contractNo, const std::string& fileUrl);

// The toolbar command: the contract of the selected row or one picked in a small dialog, the
// target from the office's file (or folder) picker. Without a window the arguments ContractNo
// and FileUrl (or FolderUrl) say it. An empty message and count -1 mean the user cancelled.
CommandOutcome contractDossierCommand(
    const Reference<css::uno::XComponentContext>& context,
    const Reference<css::frame::XFrame>& frame,
    const Reference<css::sheet::XSpreadsheetDocument>& doc,
    const css::uno::Sequence<css::beans::PropertyValue>& arguments, bool withDialogs);

}  // namespace dealsheet::uno
