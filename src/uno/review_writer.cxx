#include "review_writer.hxx"

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

void writeReviewSheet(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                      const Reference<css::sheet::XSpreadsheet>& sheet, const ReviewLayout& layout,
                      const std::string& chartTitle) {
    (void)doc;
    // Old charts and contents go: the sheet is DealSheet's own.
    const auto charts =
        Reference<css::table::XTableChartsSupplier>(sheet, UNO_QUERY_THROW)->getCharts();
    for (const auto& name : charts->getElementNames()) charts->removeByName(name);
    const auto [rows, columns] = usedSize(sheet);
    if (rows > 0) {
        namespace Flags = css::sheet::CellFlags;
        Reference<css::sheet::XSheetOperation>(rangeOf(sheet, 0, 0, columns - 1, rows - 1),
                                               UNO_QUERY_THROW)
            ->clearContents(Flags::VALUE | Flags::DATETIME | Flags::STRING | Flags::ANNOTATION |
                            Flags::FORMULA | Flags::HARDATTR | Flags::EDITATTR);
    }
    if (layout.cells.empty()) return;
    const int width = static_cast<int>(layout.cells.front().size());
    writeValues(rangeOf(sheet, 0, 0, width - 1, static_cast<int>(layout.cells.size()) - 1),
                layout.cells);
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
}

}  // namespace dealsheet::uno
