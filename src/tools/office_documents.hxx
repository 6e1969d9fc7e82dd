// Documents and cells of the office started by office_driver.hxx, for the tools and the tests.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <org/dealsheet/calc/XToolkit.hpp>
#include <rtl/ustring.hxx>

namespace dealsheet::driver {

namespace css = com::sun::star;

rtl::OUString toOUString(std::string_view utf8);
std::string toUtf8(const rtl::OUString& text);
std::string fileUrl(const std::string& path);
std::string readFile(const std::string& path);

// Any document at `url` (a file URL or "private:factory/swriter"), hidden unless `visible`.
css::uno::Reference<css::lang::XComponent> loadComponent(const std::string& url,
                                                         bool visible = false,
                                                         bool readOnly = false);

// A new, hidden spreadsheet document; closed by the caller with close().
// `visible` documents get a view of their own, which Calc's undo of sheet insertions needs.
css::uno::Reference<css::sheet::XSpreadsheetDocument> newSpreadsheet(bool visible = false);
css::uno::Reference<css::sheet::XSpreadsheetDocument> loadSpreadsheet(const std::string& path,
                                                                      bool visible = false);
// Loads a private copy of `path` (in the office's work folder), so that no lock file is left
// next to a shared file and parallel tests never meet.
css::uno::Reference<css::sheet::XSpreadsheetDocument> loadCopy(const std::string& path,
                                                               bool visible = false);
void storeAs(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc,
             const std::string& path, const std::string& filter);
css::uno::Reference<css::lang::XComponent> component(
    const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc);
void close(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc);
void recalculate(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc);

css::uno::Reference<css::sheet::XSpreadsheet> sheetAt(
    const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc, int index);
css::uno::Reference<css::table::XCell> cell(
    const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const std::string& address);

// Runs a toolbar command (`org.dealsheet.calc:<command>`) through the office's dispatcher, as
// a click would: `failed` and the message the user would see.
struct Dispatched {
    bool failed = false;
    std::string message;
};
Dispatched dispatchToolbar(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc,
                           const std::string& command,
                           const std::vector<std::pair<std::string, std::string>>& arguments = {});

// DealSheet's macro service, created in the office.
css::uno::Reference<org::dealsheet::calc::XToolkit> toolkit();
std::vector<std::string> sheetNamesOf(
    const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc);
// Puts Basic `source` as `module` into `host`'s Standard library and runs `function` in the
// office; returns its string result.
std::string runBasic(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& host,
                     const std::string& module, const std::string& source,
                     const std::string& function);

// The used area of a sheet (Calc's used-area cursor): from A1 to its last column and row.
css::table::CellRangeAddress usedArea(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet);
// The values from A1 to the end of the used area, in one getDataArray.
css::uno::Sequence<css::uno::Sequence<css::uno::Any>> usedData(
    const css::uno::Reference<css::sheet::XSpreadsheet>& sheet);

css::uno::Reference<css::sheet::XSpreadsheet> byNameOrThrow(
    const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& name);
// Writes `values` (one per row) into `column` from `firstRow` down, in one call.
void writeColumn(
    const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, int column, int firstRow,
    const std::vector<std::vector<std::variant<std::monostate, double, std::string>>>& values);

// Types `rows` into `sheet` from A1 as a person does: each non-empty text goes through the
// view (.uno:EnterString on the selected cell), so Calc turns it into a number, a date or a
// formula exactly as it would for a user. "" leaves a cell alone.
void typeRows(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc,
              const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
              const std::vector<std::vector<std::string>>& rows, int firstRow = 0);

void setFormula(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                const std::string& address, const std::string& formula);
void setText(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const std::string& address,
             const std::string& text);
void setNumber(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
               const std::string& address, double value);
std::string textOf(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                   const std::string& address);
double valueOf(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
               const std::string& address);
int errorOf(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const std::string& address);

}  // namespace dealsheet::driver
