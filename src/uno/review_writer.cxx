#include "review_writer.hxx"

#include <algorithm>

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableChart.hpp>
#include <com/sun/star/table/XTableCharts.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>

#include "office_util.hxx"
#include "uno_util.hxx"

namespace dealsheet::uno {

using css::uno::Any;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

CellBlock writeReviewSheet(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                           const Reference<css::sheet::XSpreadsheet>& sheet,
                           const ReviewLayout& layout, const std::string& chartTitle,
                           const Reference<css::document::XUndoManager>& undo) {
    (void)doc;
    // Old charts and contents go: the sheet is DealSheet's own.
    const auto charts =
        Reference<css::table::XTableChartsSupplier>(sheet, UNO_QUERY_THROW)->getCharts();
    for (const auto& name : charts->getElementNames()) charts->removeByName(name);
    const auto [rows, columns] = usedSize(sheet);
    // The block of cells written: the old used area and the new grid together.
    const int width = layout.cells.empty() ? 0 : static_cast<int>(layout.cells.front().size());
    const int blockRows = std::max(rows, static_cast<int>(layout.cells.size()));
    const int blockColumns = std::max(columns, width);
    CellBlock block;
    if (blockRows > 0 && blockColumns > 0) {
        block.range = rangeOf(sheet, 0, 0, blockColumns - 1, blockRows - 1);
        block.before = readValues(block.range);
        block.after = CellGrid(static_cast<std::size_t>(blockRows),
                               std::vector<CellValue>(static_cast<std::size_t>(blockColumns)));
        for (std::size_t r = 0; r < layout.cells.size(); ++r)
            for (std::size_t c = 0; c < layout.cells[r].size(); ++c)
                block.after[r][c] = layout.cells[r][c];
    }
    if (rows > 0) {
        namespace Flags = css::sheet::CellFlags;
        Reference<css::sheet::XSheetOperation>(rangeOf(sheet, 0, 0, columns - 1, rows - 1),
                                               UNO_QUERY_THROW)
            ->clearContents(Flags::VALUE | Flags::DATETIME | Flags::STRING | Flags::ANNOTATION |
                            Flags::FORMULA | Flags::HARDATTR | Flags::EDITATTR);
    }
    if (layout.cells.empty()) return block;
    writeValuesUnrecorded(undo, block.range, block.after);
    setProperty(rangeOf(sheet, 0, 0, 0, 0), "CharWeight", Any(css::awt::FontWeight::BOLD));
    const auto columnsOf =
        Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)->getColumns();
    for (int i = 0; i < width; ++i)
        setProperty(Reference<css::uno::XInterface>(columnsOf->getByIndex(i), UNO_QUERY_THROW),
                    "Width", Any(static_cast<sal_Int32>((i == 0 ? 50 : 30) * 100)));

    if (layout.stageRows > 0) {
        css::table::CellRangeAddress source;
        source.Sheet = Reference<css::sheet::XCellRangeAddressable>(sheet, UNO_QUERY_THROW)
                           ->getRangeAddress()
                           .Sheet;
        source.StartColumn = 0;
        source.EndColumn = 1;
        source.StartRow = layout.stageFirstRow;
        source.EndRow = layout.stageFirstRow + layout.stageRows;
        css::uno::Sequence<css::table::CellRangeAddress> ranges(1);
        ranges.getArray()[0] = source;
        const css::awt::Rectangle place(17000, 500, 16000, 9000);  // 1/100 mm, right of the tables
        charts->addNewByName("DealSheetStages", place, ranges, true, true);
        try {
            Reference<css::document::XEmbeddedObjectSupplier> embedded(
                charts->getByName("DealSheetStages"), UNO_QUERY_THROW);
            Reference<css::beans::XPropertySet> chart(embedded->getEmbeddedObject(),
                                                      UNO_QUERY_THROW);
            chart->setPropertyValue("HasMainTitle", Any(true));
            Reference<css::beans::XPropertySet> title(
                Reference<css::beans::XPropertySet>(chart, UNO_QUERY_THROW)
                    ->getPropertyValue("Title"),
                UNO_QUERY);
            if (title.is()) title->setPropertyValue("String", Any(toOUString(chartTitle)));
        } catch (const css::uno::Exception&) {
            // The chart is there without its title: not worth failing the command for.
        }
    }
    return block;
}

}  // namespace dealsheet::uno
