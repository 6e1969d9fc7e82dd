#include "preservation.hxx"

#include <algorithm>
#include <sstream>

#include <com/sun/star/beans/XMultiPropertySet.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellFormatRangesSupplier.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XConditionalFormats.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/BorderLine2.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/util/CellProtection.hpp>
#include <com/sun/star/util/XProtectable.hpp>

#include "core/functions/customer_number.hpp"
#include "core/validate/validator.hpp"
#include "core/workbook/layout.hpp"
#include "uno_helpers.hxx"

namespace dealsheet::test {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace {

constexpr int kNearRows = 3000;   // formatted empty cells are compared this far down
constexpr int kNearColumns = 60;  // ... and this far across
const char* const kMarkStyles[] = {"DealSheet Error Mark", "DealSheet Warning Mark"};

// The properties a user sets by hand: number format, cell style and direct formatting.
const char* const kFormatProperties[] = {
    "CellStyle",    "NumberFormat",  "CellBackColor", "IsCellBackgroundTransparent",
    "CharColor",    "CharWeight",    "CharPosture",   "CharHeight",
    "CharFontName", "CharUnderline", "CharStrikeout", "HoriJustify",
    "VertJustify",  "IsTextWrapped", "RotateAngle",   "CellProtection",
    "TopBorder2",   "BottomBorder2", "LeftBorder2",   "RightBorder2",
    "ShrinkToFit",  "ParaIndent"};

std::string describe(const Any& value) {
    std::ostringstream out;
    css::util::CellProtection protection;
    css::table::BorderLine2 border;
    rtl::OUString text;
    double number = 0;
    sal_Int32 whole = 0;
    bool flag = false;
    if (value >>= protection)
        out << protection.IsLocked << protection.IsFormulaHidden << protection.IsHidden
            << protection.IsPrintHidden;
    else if (value >>= border)
        out << border.Color << '/' << border.LineWidth << '/' << border.LineStyle;
    else if (value.getValueTypeClass() == css::uno::TypeClass_ENUM)
        out << *static_cast<const sal_Int32*>(value.getValue());
    else if (value.getValueTypeClass() == css::uno::TypeClass_BOOLEAN && (value >>= flag))
        out << flag;
    else if (value >>= whole)
        out << whole;
    else if (value >>= number)
        out << number;
    else if (value >>= text)
        out << toUtf8(text);
    else
        out << toUtf8(value.getValueTypeName());
    return out.str();
}

bool isMarkStyle(const std::string& style) {
    return std::any_of(std::begin(kMarkStyles), std::end(kMarkStyles),
                       [&](const char* mark) { return style == mark; });
}

std::string propertyText(const Reference<css::beans::XPropertySet>& props, const char* name) {
    try {
        return describe(props->getPropertyValue(toOUString(name)));
    } catch (const css::uno::Exception&) {
        return "-";
    }
}

// The user's conditional formats (ranges and entries), the cell validity is per cell.
std::string sheetLevelRecord(const Reference<css::sheet::XSpreadsheet>& sheet) {
    std::ostringstream out;
    Reference<css::beans::XPropertySet> props(sheet, UNO_QUERY_THROW);
    Reference<css::util::XProtectable> protectable(sheet, UNO_QUERY);
    out << "protected=" << (protectable.is() && protectable->isProtected()) << ';';
    Reference<css::sheet::XConditionalFormats> formats(
        props->getPropertyValue("ConditionalFormats"), UNO_QUERY_THROW);
    std::vector<std::string> userFormats;
    for (const auto& format : formats->getConditionalFormats()) {
        std::string entries;
        bool onlyMarks = format->getCount() > 0;
        for (sal_Int32 i = 0; i < format->getCount(); ++i) {
            Reference<css::beans::XPropertySet> entry(format->getByIndex(i), UNO_QUERY);
            const std::string style = entry.is() ? propertyText(entry, "StyleName") : "-";
            onlyMarks = onlyMarks && isMarkStyle(style);
            entries += style + "|" + (entry.is() ? propertyText(entry, "Formula1") : "") + ";";
        }
        if (onlyMarks) continue;
        Reference<css::beans::XPropertySet> formatProps(format, UNO_QUERY_THROW);
        Reference<css::sheet::XSheetCellRanges> ranges(formatProps->getPropertyValue("Range"),
                                                       UNO_QUERY);
        userFormats.push_back((ranges.is() ? toUtf8(ranges->getRangeAddressesAsString()) : "?") +
                              "=" + entries);
    }
    std::sort(userFormats.begin(), userFormats.end());
    for (const auto& f : userFormats) out << "cf:" << f << ';';
    return out.str();
}

SheetSnapshot snapshotSheet(const Reference<css::sheet::XSpreadsheet>& sheet) {
    SheetSnapshot shot;
    shot.sheetLevel = sheetLevelRecord(sheet);

    // Content: only the blocks that hold something, so a value in row 1,048,576 costs one
    // block and not a million empty rows.
    std::map<std::pair<int, int>, std::string> content;
    const auto query =
        Reference<css::sheet::XCellRangesQuery>(sheet, UNO_QUERY_THROW)
            ->queryContentCells(css::sheet::CellFlags::VALUE | css::sheet::CellFlags::DATETIME |
                                css::sheet::CellFlags::STRING | css::sheet::CellFlags::FORMULA);
    std::set<int> rows, columns;
    Reference<css::table::XCellRange> whole(sheet, UNO_QUERY_THROW);
    for (const auto& a : query->getRangeAddresses()) {
        const auto block =
            whole->getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow);
        const auto formulas =
            Reference<css::sheet::XCellRangeFormula>(block, UNO_QUERY_THROW)->getFormulaArray();
        for (sal_Int32 r = 0; r < formulas.getLength(); ++r)
            for (sal_Int32 c = 0; c < formulas[r].getLength(); ++c) {
                if (formulas[r][c].isEmpty()) continue;
                const int column = a.StartColumn + c, row = a.StartRow + r;
                content[{column, row}] = toUtf8(formulas[r][c]);
                rows.insert(row);
                columns.insert(column);
            }
    }
    const auto area = usedArea(sheet);
    const int lastColumn = area.EndColumn, lastRow = area.EndRow;
    for (int r = 0; r <= std::min(lastRow + 1, kNearRows); ++r) rows.insert(r);
    for (int c = 0; c <= std::min(lastColumn + 1, kNearColumns); ++c) columns.insert(c);

    // Formatting: Calc's own partition of the sheet into uniformly formatted ranges, each read
    // once, then spread over the cells of interest.
    const auto ranges = Reference<css::sheet::XCellFormatRangesSupplier>(sheet, UNO_QUERY_THROW)
                            ->getCellFormatRanges();
    css::uno::Sequence<rtl::OUString> names(static_cast<sal_Int32>(std::size(kFormatProperties)));
    for (std::size_t i = 0; i < std::size(kFormatProperties); ++i)
        names.getArray()[i] = toOUString(kFormatProperties[i]);
    for (sal_Int32 i = 0; i < ranges->getCount(); ++i) {
        Reference<css::beans::XPropertySet> props(ranges->getByIndex(i), UNO_QUERY_THROW);
        const auto a =
            Reference<css::sheet::XCellRangeAddressable>(props, UNO_QUERY_THROW)->getRangeAddress();
        std::string format;
        for (const char* name : kFormatProperties) {
            std::string text = propertyText(props, name);
            // Calc reads the default style as "" or as "Default" depending on how the cell got
            // it (a load, an undo); both are the same style.
            if (text.empty() && std::string(name) == "CellStyle") text = "Default";
            format += text + ",";
        }
        Reference<css::beans::XPropertySet> validation(props->getPropertyValue("Validation"),
                                                       UNO_QUERY);
        if (validation.is())
            format += "valid:" + propertyText(validation, "Type") + ":" +
                      propertyText(validation, "Formula1");
        for (auto r = rows.lower_bound(a.StartRow); r != rows.end() && *r <= a.EndRow; ++r)
            for (auto c = columns.lower_bound(a.StartColumn);
                 c != columns.end() && *c <= a.EndColumn; ++c) {
                const auto it = content.find({*c, *r});
                shot.cells[{*c, *r}] = (it == content.end() ? "" : it->second) + " ¦ " + format;
            }
    }
    return shot;
}

}  // namespace

Snapshot snapshot(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    Snapshot shot;
    shot.order = sheetNamesOf(doc);
    for (const auto& name : shot.order) shot.sheets[name] = snapshotSheet(byNameOrThrow(doc, name));
    return shot;
}

std::uint64_t Snapshot::digest() const {
    // FNV-1a over every record, in order.
    std::uint64_t hash = 1469598103934665603ULL;
    const auto mix = [&](const std::string& text) {
        for (unsigned char ch : text) hash = (hash ^ ch) * 1099511628211ULL;
        hash = (hash ^ 0xff) * 1099511628211ULL;
    };
    for (const auto& name : order) {
        mix(name);
        const auto& sheet = sheets.at(name);
        mix(sheet.sheetLevel);
        for (const auto& [cell, record] : sheet.cells) {
            mix(std::to_string(cell.first) + ":" + std::to_string(cell.second));
            mix(record);
        }
    }
    return hash;
}

std::size_t Snapshot::cellCount() const {
    std::size_t count = 0;
    for (const auto& [name, sheet] : sheets) count += sheet.cells.size();
    return count;
}

std::string Change::describe() const {
    std::string where = "'" + sheet + "'";
    if (column >= 0) where += "." + cellAddress(column, row);
    return where + ": [" + before.substr(0, 200) + "] -> [" + after.substr(0, 200) + "]";
}

std::vector<Change> differences(const Snapshot& before, const Snapshot& after) {
    std::vector<Change> changes;
    std::string orderBefore, orderAfter;
    for (const auto& n : before.order)
        if (after.sheets.count(n)) orderBefore += n + "/";
    for (const auto& n : after.order)
        if (before.sheets.count(n)) orderAfter += n + "/";
    if (orderBefore != orderAfter) changes.push_back({"(order)", -1, -1, orderBefore, orderAfter});
    for (const auto& [name, sheet] : before.sheets) {
        const auto it = after.sheets.find(name);
        if (it == after.sheets.end()) {
            changes.push_back({name, -1, -1, "sheet", "(removed)"});
            continue;
        }
        if (sheet.sheetLevel != it->second.sheetLevel)
            changes.push_back({name, -1, -1, sheet.sheetLevel, it->second.sheetLevel});
        // Cells on either side; a missing record reads as an empty default cell.
        std::set<std::pair<int, int>> keys;
        for (const auto& [k, v] : sheet.cells) keys.insert(k);
        for (const auto& [k, v] : it->second.cells) keys.insert(k);
        for (const auto& k : keys) {
            const auto b = sheet.cells.find(k);
            const auto a = it->second.cells.find(k);
            const std::string vb = b == sheet.cells.end() ? "(none)" : b->second;
            const std::string va = a == it->second.cells.end() ? "(none)" : a->second;
            if (vb == "(none)" || va == "(none)") {
                // Cells of interest follow the used area; a cell seen on one side only counts
                // when it holds content.
                const std::string& seen = vb == "(none)" ? va : vb;
                if (seen.rfind(" ¦ ", 0) == 0) continue;
            }
            if (vb != va) changes.push_back({name, k.first, k.second, vb, va});
        }
    }
    for (const auto& [name, sheet] : after.sheets)
        if (!before.sheets.count(name)) changes.push_back({name, -1, -1, "(absent)", "sheet"});
    return changes;
}

Allowance allowNothing() {
    return [](const Change&) { return false; };
}

Allowance allowReportSheet() {
    return [](const Change& c) { return hasReportSheetName(c.sheet); };
}

Allowance allowNewSheets(const Snapshot& before) {
    auto existing = std::make_shared<std::set<std::string>>();
    for (const auto& n : before.order) existing->insert(n);
    return [existing](const Change& c) {
        if (c.sheet == "(order)") return true;  // sheets added in between
        return !existing->count(c.sheet);
    };
}

Allowance allowReviewSheet() {
    return [](const Change& c) { return c.sheet == "月度复盘" || c.sheet == "Monthly Review"; };
}

Allowance allowBlankCustomerNumbers(const std::string& customersSheet, int numberColumn) {
    return [=](const Change& c) {
        if (c.sheet != customersSheet || c.column != numberColumn || c.row < 1) return false;
        const auto content = [](const std::string& record) {
            return record.substr(0, record.find(" ¦ "));
        };
        // Only a blank cell may get a number, and only its content may change.
        return content(c.before).empty() && parseCustomerNumber(content(c.after)).has_value() &&
               c.before.substr(c.before.find(" ¦ ")) == c.after.substr(c.after.find(" ¦ "));
    };
}

Allowance either(Allowance a, Allowance b) {
    return [a = std::move(a), b = std::move(b)](const Change& c) { return a(c) || b(c); };
}

std::vector<Change> forbidden(const Snapshot& before, const Snapshot& after,
                              const Allowance& allowed) {
    std::vector<Change> out;
    for (auto& c : differences(before, after))
        if (!allowed(c)) out.push_back(std::move(c));
    return out;
}

}  // namespace dealsheet::test
