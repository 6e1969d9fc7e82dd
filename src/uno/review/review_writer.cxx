#include "uno/review/review_writer.hxx"

#include <algorithm>

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/chart/XDiagram.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XPrintAreas.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableChart.hpp>
#include <com/sun/star/table/XTableCharts.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>

#include "core/text/messages.hpp"
#include "uno/workbook/office_util.hxx"
#include "uno/workbook/sheet_format.hxx"
#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {

using css::uno::Any;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace {

// Sizes in 1/100 mm. The tables take columns A-D (50 + 3 x 30 mm); the charts stand to their
// right, one above the other, and the page is landscape: everything prints one page wide.
constexpr sal_Int32 kFirstColumnWidth = 5000;
constexpr sal_Int32 kColumnWidth = 3000;
constexpr sal_Int32 kChartLeft = kFirstColumnWidth + 3 * kColumnWidth + 800;
constexpr sal_Int32 kChartWidth = 15000;
constexpr sal_Int32 kChartHeight = 8500;
constexpr sal_Int32 kHeadingBackground = 0xE2EFDA;
constexpr char kPageStyle[] = "DealSheet Review";
// Series colours of the owners chart: done, open, overdue (the templates' own colours).
constexpr sal_Int32 kSeriesColours[] = {0x70AD47, 0x4472C4, 0xC00000};

// Headings, widths and number formats, for reading on screen and on paper.
void formatReview(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                  const Reference<css::sheet::XSpreadsheet>& sheet, const ReviewLayout& layout,
                  int width) {
    const auto title = rangeOf(sheet, 0, 0, 1, 0);
    setProperty(title, "CharWeight", Any(css::awt::FontWeight::BOLD));
    setProperty(title, "CharHeight", Any(16.0f));
    setProperty(title, "CharHeightAsian", Any(16.0f));
    for (int row : layout.headingRows) {
        const auto heading = rangeOf(sheet, 0, row, width - 1, row);
        setProperty(heading, "CharWeight", Any(css::awt::FontWeight::BOLD));
        setProperty(heading, "CharWeightAsian", Any(css::awt::FontWeight::BOLD));
        setProperty(heading, "CellBackColor", Any(kHeadingBackground));
    }
    const sal_Int32 dateKey = dateFormatKey(doc);
    for (const auto& cell : layout.dates)
        setProperty(rangeOf(sheet, cell.column, cell.row, cell.column, cell.row), "NumberFormat",
                    Any(dateKey));
    const sal_Int32 moneyKey = numberFormatKey(doc, "#,##0.00");
    for (const auto& cell : layout.money)
        setProperty(rangeOf(sheet, cell.column, cell.row, cell.column, cell.row), "NumberFormat",
                    Any(moneyKey));
    const auto columns =
        Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)->getColumns();
    for (int i = 0; i < width; ++i)
        setProperty(Reference<css::uno::XInterface>(columns->getByIndex(i), UNO_QUERY_THROW),
                    "Width", Any(i == 0 ? kFirstColumnWidth : kColumnWidth));
}

// A column chart of `table` (its first column the labels, then `series` columns of counts).
void addChart(const Reference<css::sheet::XSpreadsheet>& sheet, const char* name,
              const css::awt::Rectangle& place, const ReviewTable& table, int series,
              std::string_view title, bool legend) {
    if (table.rows <= 0) return;
    css::table::CellRangeAddress source;
    source.Sheet = Reference<css::sheet::XCellRangeAddressable>(sheet, UNO_QUERY_THROW)
                       ->getRangeAddress()
                       .Sheet;
    source.StartColumn = 0;
    source.EndColumn = series;
    source.StartRow = table.headerRow;
    source.EndRow = table.headerRow + table.rows;
    css::uno::Sequence<css::table::CellRangeAddress> ranges(1);
    ranges.getArray()[0] = source;
    const auto charts =
        Reference<css::table::XTableChartsSupplier>(sheet, UNO_QUERY_THROW)->getCharts();
    const auto chartName = rtl::OUString::createFromAscii(name);
    charts->addNewByName(chartName, place, ranges, true, true);
    Reference<css::chart::XChartDocument> chart(Reference<css::document::XEmbeddedObjectSupplier>(
                                                    charts->getByName(chartName), UNO_QUERY_THROW)
                                                    ->getEmbeddedObject(),
                                                UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet> properties(chart, UNO_QUERY_THROW);
    properties->setPropertyValue("HasMainTitle", Any(true));
    properties->setPropertyValue("HasLegend", Any(legend));
    Reference<css::beans::XPropertySet>(chart->getTitle(), UNO_QUERY_THROW)
        ->setPropertyValue("String", Any(toOUString(title)));
    if (series > 1) {
        const auto diagram = chart->getDiagram();
        for (int i = 0; i < series && i < 3; ++i)
            diagram->getDataRowProperties(i)->setPropertyValue("Color", Any(kSeriesColours[i]));
    }
}

// The first column (row) whose far edge passes `edge` (1/100 mm), counting from 0.
template <typename Lines>
sal_Int32 lineReaching(const Lines& lines, const char* sizeName, sal_Int32 edge, sal_Int32 at) {
    sal_Int32 end = 0;
    for (; at < lines->getCount(); ++at) {
        sal_Int32 size = 0;
        Reference<css::beans::XPropertySet>(lines->getByIndex(at), UNO_QUERY_THROW)
            ->getPropertyValue(rtl::OUString::createFromAscii(sizeName)) >>= size;
        end += size;
        if (end >= edge) return at;
    }
    return at - 1;
}

// A landscape page style of its own, scaled to one page wide, and a print range holding the
// tables and the charts.
void setPrintLayout(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                    const Reference<css::sheet::XSpreadsheet>& sheet, int tableRows,
                    sal_Int32 chartBottom) {
    const auto families =
        Reference<css::style::XStyleFamiliesSupplier>(doc, UNO_QUERY_THROW)->getStyleFamilies();
    Reference<css::container::XNameContainer> pageStyles(families->getByName("PageStyles"),
                                                         UNO_QUERY_THROW);
    const auto styleName = rtl::OUString::createFromAscii(kPageStyle);
    if (!pageStyles->hasByName(styleName))
        pageStyles->insertByName(
            styleName, Any(Reference<css::lang::XMultiServiceFactory>(doc, UNO_QUERY_THROW)
                               ->createInstance("com.sun.star.style.PageStyle")));
    Reference<css::beans::XPropertySet> style(pageStyles->getByName(styleName), UNO_QUERY_THROW);
    style->setPropertyValue("IsLandscape", Any(true));
    style->setPropertyValue("Width", Any(sal_Int32(29700)));
    style->setPropertyValue("Height", Any(sal_Int32(21000)));
    style->setPropertyValue("ScaleToPagesX", Any(sal_Int16(1)));
    style->setPropertyValue("ScaleToPagesY", Any(sal_Int16(0)));
    setProperty(sheet, "PageStyle", Any(styleName));

    const auto lines = Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW);
    css::table::CellRangeAddress area;
    area.Sheet = Reference<css::sheet::XCellRangeAddressable>(sheet, UNO_QUERY_THROW)
                     ->getRangeAddress()
                     .Sheet;
    area.EndColumn = lineReaching(lines->getColumns(), "Width", kChartLeft + kChartWidth, 0);
    area.EndRow = std::max<sal_Int32>(tableRows - 1,
                                      lineReaching(lines->getRows(), "Height", chartBottom, 0));
    css::uno::Sequence<css::table::CellRangeAddress> areas(1);
    areas.getArray()[0] = area;
    Reference<css::sheet::XPrintAreas>(sheet, UNO_QUERY_THROW)->setPrintAreas(areas);
}

}  // namespace

CellBlock writeReviewSheet(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                           const Reference<css::sheet::XSpreadsheet>& sheet,
                           const ReviewLayout& layout, Lang lang,
                           const Reference<css::document::XUndoManager>& undo) {
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
    formatReview(doc, sheet, layout, width);

    const css::awt::Rectangle stagePlace(kChartLeft, 500, kChartWidth, kChartHeight);
    const css::awt::Rectangle ownerPlace(kChartLeft, 500 + kChartHeight + 500, kChartWidth,
                                         kChartHeight);
    addChart(sheet, "DealSheetStages", stagePlace, layout.stages, 1, msg::kChartTitle.in(lang),
             false);
    addChart(sheet, "DealSheetOwners", ownerPlace, layout.owners, 3, msg::kOwnerChartTitle.in(lang),
             true);
    setPrintLayout(doc, sheet, static_cast<int>(layout.cells.size()),
                   ownerPlace.Y + ownerPlace.Height);
    return block;
}

}  // namespace dealsheet::uno
