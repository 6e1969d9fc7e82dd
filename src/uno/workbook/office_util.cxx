#include "uno/workbook/office_util.hxx"

#include <exception>
#include <thread>

#include <osl/process.h>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XActionLockable.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <rtl/ustring.hxx>

#include "uno/workbook/phase_times.hxx"
#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {

using css::uno::Any;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

Reference<css::sheet::XSpreadsheetDocument> requireSpreadsheet(
    const Reference<css::uno::XInterface>& component, bool onlyRead) {
    Reference<css::sheet::XSpreadsheetDocument> doc(component, UNO_QUERY);
    if (!doc.is())
        throw css::lang::IllegalArgumentException(
            toOUString("DealSheet 只能用于 Calc 电子表格 / DealSheet works on Calc spreadsheets "
                       "only"),
            component, 0);
    if (onlyRead) return doc;
    // Every command writes (a report, marks, numbers, sheets); a read-only document is left
    // alone with a clear answer instead of changes the user could never save.
    // The load arguments say it (XStorable would say it too, but DealSheet never stores).
    bool readOnly = false;
    if (Reference<css::frame::XModel> model(component, UNO_QUERY); model.is())
        for (const auto& argument : model->getArgs())
            if (argument.Name == "ReadOnly") argument.Value >>= readOnly;
    if (readOnly && !onlyRead)
        throw css::lang::IllegalArgumentException(
            toOUString("文档是只读的，DealSheet 没有修改它；请另存一份或取消只读后再试 / The "
                       "document is read-only and DealSheet left it unchanged; save a copy or "
                       "make it editable, then try again"),
            component, 0);
    return doc;
}

std::vector<std::string> sheetNames(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    std::vector<std::string> names;
    for (const auto& name : doc->getSheets()->getElementNames()) names.push_back(toUtf8(name));
    return names;
}

Reference<css::sheet::XSpreadsheet> sheetByName(
    const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& name) {
    return Reference<css::sheet::XSpreadsheet>(doc->getSheets()->getByName(toOUString(name)),
                                               UNO_QUERY_THROW);
}

std::pair<int, int> usedSize(const Reference<css::sheet::XSpreadsheet>& sheet) {
    Reference<css::sheet::XSheetCellCursor> cursor = sheet->createCursor();
    Reference<css::sheet::XUsedAreaCursor> used(cursor, UNO_QUERY_THROW);
    used->gotoStartOfUsedArea(false);
    used->gotoEndOfUsedArea(true);
    const auto address =
        Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
    const int rows = address.EndRow + 1;
    const int columns = address.EndColumn + 1;
    if (rows == 1 && columns == 1) {  // an empty sheet reports A1 as its used area
        // Checked sizes: a sheet is an interface, and an implementation may answer anything.
        const auto values = readValues(rangeOf(sheet, 0, 0, 0, 0));
        const auto formulas =
            Reference<css::sheet::XCellRangeFormula>(rangeOf(sheet, 0, 0, 0, 0), UNO_QUERY_THROW)
                ->getFormulaArray();
        const bool blankValue = values.empty() || values[0].empty() || isBlankCell(values[0][0]);
        const bool noFormula =
            formulas.getLength() == 0 || formulas[0].getLength() == 0 || formulas[0][0].isEmpty();
        if (blankValue && noFormula) return {0, 0};
    }
    return {rows, columns};
}

Reference<css::table::XCellRange> rangeOf(const Reference<css::sheet::XSpreadsheet>& sheet,
                                          int firstColumn, int firstRow, int lastColumn,
                                          int lastRow) {
    return Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
        ->getCellRangeByPosition(firstColumn, firstRow, lastColumn, lastRow);
}

namespace {

void convertRows(const Sequence<Sequence<Any>>& data, std::size_t first, std::size_t last,
                 CellGrid& grid) {
    for (std::size_t r = first; r < last; ++r) {
        const auto& row = data[static_cast<sal_Int32>(r)];
        auto& cells = grid[r];
        cells.reserve(static_cast<std::size_t>(row.getLength()));
        for (const auto& cell : row) {
            double number = 0;
            rtl::OUString text;
            if (cell >>= number)
                cells.emplace_back(number);
            else if ((cell >>= text) && !text.isEmpty())
                cells.emplace_back(toUtf8(text));
            else
                cells.emplace_back(std::monostate{});
        }
    }
}

// Past this many cells the values are turned into the core's on two threads (the conversion
// costs about as much as Calc's getDataArray, and the office's own thread is idle meanwhile).
constexpr std::size_t kCellsConvertedApart = 100000;

}  // namespace

CellGrid readValues(const Reference<css::table::XCellRange>& range, PhaseTimes* times) {
    const auto data = Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->getDataArray();
    markPhase(times, "values.calc");
    const auto rows = static_cast<std::size_t>(data.getLength());
    CellGrid grid(rows);
    const std::size_t cells = rows == 0 ? 0 : rows * static_cast<std::size_t>(data[0].getLength());
    if (cells < kCellsConvertedApart) {
        convertRows(data, 0, rows, grid);
        return grid;
    }
    const std::size_t half = rows / 2;
    std::exception_ptr failure;
    std::thread second([&] {
        try {
            convertRows(data, half, rows, grid);
        } catch (...) {
            failure = std::current_exception();
        }
    });
    try {
        convertRows(data, 0, half, grid);
    } catch (...) {
        second.join();
        throw;
    }
    second.join();
    if (failure) std::rethrow_exception(failure);
    return grid;
}

void writeValues(const Reference<css::table::XCellRange>& range, const CellGrid& values,
                 PhaseTimes* times) {
    Sequence<Sequence<Any>> data(static_cast<sal_Int32>(values.size()));
    for (std::size_t r = 0; r < values.size(); ++r) {
        Sequence<Any> row(static_cast<sal_Int32>(values[r].size()));
        for (std::size_t c = 0; c < values[r].size(); ++c) {
            const CellValue& v = values[r][c];
            if (const auto* number = std::get_if<double>(&v))
                row.getArray()[c] <<= *number;
            else if (const auto* text = std::get_if<std::string>(&v))
                row.getArray()[c] <<= toOUString(*text);
            else
                row.getArray()[c] <<= rtl::OUString();
        }
        data.getArray()[r] = row;
    }
    markPhase(times, "values.build");
    Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->setDataArray(data);
}

void writeFormulas(const Reference<css::table::XCellRange>& range,
                   const std::vector<std::vector<std::string>>& formulas) {
    Sequence<Sequence<rtl::OUString>> data(static_cast<sal_Int32>(formulas.size()));
    for (std::size_t r = 0; r < formulas.size(); ++r) {
        Sequence<rtl::OUString> row(static_cast<sal_Int32>(formulas[r].size()));
        for (std::size_t c = 0; c < formulas[r].size(); ++c)
            row.getArray()[c] = toOUString(formulas[r][c]);
        data.getArray()[r] = row;
    }
    Reference<css::sheet::XCellRangeFormula>(range, UNO_QUERY_THROW)->setFormulaArray(data);
}

void setProperty(const Reference<css::uno::XInterface>& object, const char* name,
                 const Any& value) {
    Reference<css::beans::XPropertySet>(object, UNO_QUERY_THROW)
        ->setPropertyValue(rtl::OUString::createFromAscii(name), value);
}

void setColumnsVisible(const Reference<css::sheet::XSpreadsheet>& sheet, int first, int count,
                       bool visible) {
    const auto columns =
        Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)->getColumns();
    for (int c = first; c < first + count; ++c)
        setProperty(Reference<css::uno::XInterface>(columns->getByIndex(c), UNO_QUERY_THROW),
                    "IsVisible", Any(visible));
}

bool officeIsHeadless() {
    const sal_uInt32 count = osl_getCommandArgCount();
    for (sal_uInt32 i = 0; i < count; ++i) {
        rtl::OUString arg;
        osl_getCommandArg(i, &arg.pData);
        if (arg == "--headless" || arg == "-headless" || arg == "--invisible" ||
            arg == "-invisible")
            return true;
    }
    return false;
}

Lang officeLanguage(const Reference<css::uno::XComponentContext>& context) {
    try {
        const auto provider = css::configuration::theDefaultProvider::get(context);
        Sequence<Any> args(1);
        args.getArray()[0] <<=
            css::beans::NamedValue("nodepath", Any(rtl::OUString("/org.openoffice.Setup/L10N")));
        Reference<css::container::XNameAccess> node(
            provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                                  args),
            UNO_QUERY_THROW);
        rtl::OUString locale;
        node->getByName("ooLocale") >>= locale;
        return langOfLocale(toUtf8(locale));
    } catch (const css::uno::Exception&) {
        return Lang::Zh;
    }
}

namespace {
constexpr char kAdjustHeight[] = "IsAdjustHeightEnabled";
}  // namespace

RowHeightPause::RowHeightPause(const Reference<css::sheet::XSpreadsheetDocument>& doc)
    : document_(doc, UNO_QUERY) {
    try {
        bool enabled = false;
        if (document_.is() && (document_->getPropertyValue(kAdjustHeight) >>= enabled) && enabled) {
            document_->setPropertyValue(kAdjustHeight, Any(false));
            paused_ = true;
        }
    } catch (const css::uno::Exception&) {
        // A document without the property: writes are slower, nothing else changes.
    }
}

RowHeightPause::~RowHeightPause() {
    if (!paused_) return;
    try {
        document_->setPropertyValue(kAdjustHeight, Any(true));
    } catch (...) {
        // A destructor must not throw; the document was closed under us.
    }
}

UndoScope::UndoScope(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                     const std::string& title, std::function<void()> rollback)
    : model_(doc, UNO_QUERY), rollback_(std::move(rollback)) {
    Reference<css::document::XUndoManagerSupplier> supplier(doc, UNO_QUERY);
    if (supplier.is()) undo_ = supplier->getUndoManager();
    if (undo_.is()) {
        undo_->enterUndoContext(toOUString(title));
        open_ = true;
    }
    if (model_.is()) model_->lockControllers();
    // Calc adjusts row heights and repaints after every bulk write; the action lock defers
    // that to the end of the command (once, instead of once per block).
    locks_.set(doc, css::uno::UNO_QUERY);
    if (locks_.is()) locks_->addActionLock();
    // Each bulk write would otherwise recalculate every volatile formula (TODAY() in the
    // templates' computed columns): calculate once, at the end.
    calculation_.set(doc, css::uno::UNO_QUERY);
    if (calculation_.is() && calculation_->isAutomaticCalculationEnabled()) {
        calculation_->enableAutomaticCalculation(false);
        restoreCalculation_ = true;
    }
}

void UndoScope::commit() { committed_ = true; }

void UndoScope::add(const Reference<css::document::XUndoAction>& action) {
    if (undo_.is()) undo_->addUndoAction(action);
}

UndoScope::~UndoScope() {
    try {
        if (!committed_ && rollback_) rollback_();
        if (restoreCalculation_) calculation_->enableAutomaticCalculation(true);
        if (locks_.is()) locks_->removeActionLock();
        if (model_.is()) model_->unlockControllers();
        if (open_) undo_->leaveUndoContext();
    } catch (...) {
        // A destructor must not throw; the command's own error is already on its way.
    }
}

}  // namespace dealsheet::uno
