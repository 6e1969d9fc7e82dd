#include "uno/validate/report_writer.hxx"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/sheet/ConditionFormatOperator.hpp>
#include <com/sun/star/sheet/FillDirection.hpp>
#include <com/sun/star/sheet/XCellSeries.hpp>
#include <com/sun/star/sheet/XConditionalFormat.hpp>
#include <com/sun/star/sheet/XConditionalFormats.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XUnnamedDatabaseRanges.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>

#include "core/team/team_sync.hpp"
#include "core/text/messages.hpp"
#include "core/workbook/layout.hpp"
#include "uno/workbook/office_util.hxx"
#include "uno/workbook/sheet_format.hxx"
#include "uno/workbook/undo_action.hxx"
#include "uno/workbook/uno_util.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::Any;
using css::uno::UNO_QUERY_THROW;

const std::vector<std::string> kMarkStyles{kStyleErrorMark.name, kStyleWarningMark.name};

constexpr int kReportRowHeight = 452;  // 1/100 mm: one line of the default font

const Text kReportTitle{"DealSheet 校验报告", "DealSheet validation report"};

// The report's name, or a name of its own when a user's sheet already has that name.
std::string freeReportName(const Reference<css::sheet::XSpreadsheetDocument>& doc, Lang lang) {
    for (int attempt = 1;; ++attempt) {
        const std::string name = reportSheetName(lang, attempt);
        if (!doc->getSheets()->hasByName(toOUString(name))) return name;
    }
}

std::string now() {
    const std::time_t t = std::time(nullptr);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", std::localtime(&t));
    return buffer;
}

// A vertical run of cells of one column.
struct Run {
    int column, first, last;
    bool operator<(const Run& o) const {
        return std::tie(column, first, last) < std::tie(o.column, o.first, o.last);
    }
};

// The runs sorted, with overlapping and adjacent ones joined, as ranges for a format.
std::vector<css::table::CellRangeAddress> joined(std::vector<Run> runs) {
    std::sort(runs.begin(), runs.end());
    std::vector<css::table::CellRangeAddress> ranges;
    for (const auto& run : runs) {
        if (!ranges.empty() && ranges.back().StartColumn == run.column &&
            ranges.back().EndRow + 1 >= run.first) {
            ranges.back().EndRow = std::max<sal_Int32>(ranges.back().EndRow, run.last);
            continue;
        }
        css::table::CellRangeAddress address;
        address.StartColumn = address.EndColumn = run.column;
        address.StartRow = run.first;
        address.EndRow = run.last;
        ranges.push_back(address);
    }
    return ranges;
}

// Calc's AutoFilter on the table of findings (the sheet's own unnamed database range, removed
// with the sheet), so 100,000 findings can be narrowed to one rule, sheet or owner.
void addAutoFilter(const Reference<css::sheet::XSpreadsheetDocument>& doc, sal_Int16 sheetIndex,
                   int firstRow, int lastRow, int lastColumn) {
    const Reference<css::sheet::XUnnamedDatabaseRanges> ranges(
        Reference<css::beans::XPropertySet>(doc, UNO_QUERY_THROW)
            ->getPropertyValue("UnnamedDatabaseRanges"),
        UNO_QUERY_THROW);
    css::table::CellRangeAddress address;
    address.Sheet = sheetIndex;
    address.StartColumn = 0;
    address.EndColumn = lastColumn;
    address.StartRow = firstRow;
    address.EndRow = lastRow;
    ranges->setByTable(address);
    setProperty(Reference<css::uno::XInterface>(ranges->getByTable(sheetIndex), UNO_QUERY_THROW),
                "AutoFilter", Any(true));
}

}  // namespace

bool isReportSheet(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                   const std::string& name) {
    // By name and by its title: a user's own sheet that happens to be called 校验报告 is data.
    if (!hasReportSheetName(name) || !doc->getSheets()->hasByName(toOUString(name))) return false;
    const auto title = sheetByName(doc, name)->getCellByPosition(0, 0)->getFormula();
    return kReportTitle.matches(toUtf8(title));
}

const char* markStyleOf(const Finding& finding) {
    if (finding.rule == "MISSING_COLUMN" || finding.rule == "AMBIGUOUS_COLUMN")
        return nullptr;  // a missing or ambiguous column has no cell to mark
    return finding.severity == Severity::Error ? kStyleErrorMark.name : kStyleWarningMark.name;
}

int removeMarks(const Reference<css::sheet::XSpreadsheet>& sheet) {
    return removeConditionalFormatsUsing(sheet, kMarkStyles);
}

int clearReportAndMarks(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    int removed = 0;
    for (const auto& name : sheetNames(doc)) {
        if (isReportSheet(doc, name)) {
            doc->getSheets()->removeByName(toOUString(name));
            ++removed;
            continue;
        }
        try {
            removed += removeMarks(sheetByName(doc, name));
        } catch (const css::uno::Exception&) {
            // A protected sheet keeps its marks; nothing of the user's is at stake.
        }
    }
    return removed;
}

MarksUnrecorded::MarksUnrecorded(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    try {
        document_.set(doc, css::uno::UNO_QUERY);
        bool undoEnabled = false;
        if (document_.is()) document_->getPropertyValue("IsUndoEnabled") >>= undoEnabled;
        if (!undoEnabled) return;  // nothing is recorded anyway
        const Reference<css::document::XUndoManagerSupplier> supplier(doc, css::uno::UNO_QUERY);
        if (supplier.is()) undo_ = supplier->getUndoManager();
        // A locked manager ignores a new context: switching undo off would then empty the
        // user's own stack.
        if (!undo_.is() || undo_->isLocked()) return;
        undo_->enterUndoContext("DealSheet highlights");
        contextOpen_ = true;
        document_->setPropertyValue("IsUndoEnabled", Any(false));
        undoSwitchedOff_ = true;
    } catch (const css::uno::Exception&) {
        // The marks are then recorded as before.
    }
}

MarksUnrecorded::~MarksUnrecorded() {
    try {
        if (undoSwitchedOff_) document_->setPropertyValue("IsUndoEnabled", Any(true));
    } catch (...) {
    }
    try {
        if (contextOpen_) undo_->leaveUndoContext();
    } catch (...) {
    }
}

namespace {

// At most this many mark formats per column and severity: an edit adds a small format for
// the cells it marks instead of rebuilding the column's (Calc rebuilds a format's cell
// attributes whole, and a column can hold 50,000 runs); beyond it the column is one format again.
constexpr std::size_t kMarksPerColumn = 16;

// One conditional format of DealSheet's own on a sheet, as it stands.
struct ExistingMark {
    sal_Int32 id = -1;
    std::string style;  // empty when its entries do not name one mark style
    std::vector<css::table::CellRangeAddress> ranges;
};

auto rangeKey(const css::table::CellRangeAddress& r) {
    return std::make_tuple(r.StartColumn, r.StartRow, r.EndColumn, r.EndRow);
}

// Whether every cell of `mark` (vertical runs of one column) is among `rows` (sorted, unique);
// then its cells are flagged in `shown`.
bool showsOnlyWanted(const ExistingMark& mark, const std::vector<int>& rows,
                     std::vector<bool>& shown) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (const auto& run : mark.ranges) {
        const auto first = std::lower_bound(rows.begin(), rows.end(), run.StartRow);
        const auto length = static_cast<std::size_t>(run.EndRow - run.StartRow) + 1;
        const auto at = static_cast<std::size_t>(first - rows.begin());
        if (first == rows.end() || *first != run.StartRow || at + length > rows.size() ||
            rows[at + length - 1] != run.EndRow)
            return false;
        spans.emplace_back(at, length);
    }
    for (const auto& [at, length] : spans)
        std::fill(shown.begin() + static_cast<std::ptrdiff_t>(at),
                  shown.begin() + static_cast<std::ptrdiff_t>(at + length), true);
    return true;
}

// DealSheet's own conditional formats of a sheet and the ranges of the user's.
struct SheetMarks {
    Reference<css::sheet::XConditionalFormats> formats;
    std::vector<ExistingMark> ours;
    std::vector<css::table::CellRangeAddress> others;  // the user's formats: never painted over
    bool covered(int column, int row) const {
        for (const auto& a : others)
            if (column >= a.StartColumn && column <= a.EndColumn && row >= a.StartRow &&
                row <= a.EndRow)
                return true;
        return false;
    }
};

SheetMarks readMarks(const Reference<css::sheet::XSpreadsheet>& sheet) {
    SheetMarks marks;
    marks.formats.set(Reference<css::beans::XPropertySet>(sheet, UNO_QUERY_THROW)
                          ->getPropertyValue("ConditionalFormats"),
                      UNO_QUERY_THROW);
    for (const auto& format : marks.formats->getConditionalFormats()) {
        bool mine = format->getCount() > 0;
        std::string style;
        for (sal_Int32 i = 0; i < format->getCount() && mine; ++i) {
            Reference<css::beans::XPropertySet> entry(format->getByIndex(i), css::uno::UNO_QUERY);
            rtl::OUString name;
            if (entry.is()) {
                try {
                    entry->getPropertyValue("StyleName") >>= name;
                } catch (const css::uno::Exception&) {
                }
            }
            const std::string utf8 = toUtf8(name);
            mine = std::find(kMarkStyles.begin(), kMarkStyles.end(), utf8) != kMarkStyles.end();
            style = i == 0 ? utf8 : std::string();
        }
        const Reference<css::beans::XPropertySet> properties(format, UNO_QUERY_THROW);
        Reference<css::sheet::XSheetCellRanges> ranges(properties->getPropertyValue("Range"),
                                                       css::uno::UNO_QUERY);
        const auto addresses = ranges.is() ? ranges->getRangeAddresses()
                                           : css::uno::Sequence<css::table::CellRangeAddress>();
        if (!mine) {
            for (const auto& a : addresses) marks.others.push_back(a);
            continue;
        }
        ExistingMark mark;
        properties->getPropertyValue("ID") >>= mark.id;
        mark.style = style;
        mark.ranges.assign(addresses.begin(), addresses.end());
        std::sort(mark.ranges.begin(), mark.ranges.end(),
                  [](const auto& a, const auto& b) { return rangeKey(a) < rangeKey(b); });
        marks.ours.push_back(std::move(mark));
    }
    return marks;
}

// The one column of a mark made by DealSheet (vertical runs of one column, one style), or -1.
int columnOf(const ExistingMark& mark) {
    const auto& ranges = mark.ranges;
    const bool oneColumn =
        !mark.style.empty() && !ranges.empty() &&
        std::all_of(ranges.begin(), ranges.end(), [&](const auto& r) {
            return r.StartColumn == r.EndColumn && r.StartColumn == ranges[0].StartColumn;
        });
    return oneColumn ? ranges[0].StartColumn : -1;
}

}  // namespace

int syncMarks(const Reference<css::sheet::XSpreadsheetDocument>& doc,
              const Reference<css::sheet::XSpreadsheet>& sheet,
              const std::vector<const Finding*>& findings, PhaseTimes* times) {
    SheetMarks marks = readMarks(sheet);
    auto& ours = marks.ours;
    const auto& formats = marks.formats;
    const auto covered = [&](int column, int row) { return marks.covered(column, row); };
    markPhase(times, "sync.read");
    // What the findings ask for, by column and severity (a cell with an error and a warning
    // shows the error), except where the user's own format would be replaced.
    std::set<std::pair<int, int>> errorCells;
    for (const auto* f : findings)
        if (f->severity == Severity::Error) errorCells.insert({f->column, f->row});
    std::map<std::pair<int, std::string>, std::vector<int>> wanted;  // rows by column, style
    int skipped = 0;
    for (const auto* f : findings) {
        const char* style = markStyleOf(*f);
        if (!style) continue;
        if (f->severity != Severity::Error && errorCells.count({f->column, f->row})) continue;
        if (covered(f->column, f->row)) {
            ++skipped;
            continue;
        }
        wanted[{f->column, style}].push_back(f->row);
    }
    // A mark that shows only wanted cells stays (a rerun with the same findings touches
    // nothing, a finding that appears adds a small format); a mark with a cell no longer wanted
    // goes, and the wanted cells no mark shows get a format of their own.
    std::map<std::pair<int, std::string>, std::vector<std::size_t>> byColumn;
    for (std::size_t i = 0; i < ours.size(); ++i)
        if (const int column = columnOf(ours[i]); column >= 0)
            byColumn[{column, ours[i].style}].push_back(i);
    std::vector<bool> keep(ours.size(), false);
    std::vector<std::pair<std::string, std::vector<css::table::CellRangeAddress>>> toAdd;
    for (auto& [key, rows] : wanted) {
        const auto& [column, style] = key;
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        std::vector<bool> shown(rows.size(), false);
        std::vector<std::size_t> kept;
        if (const auto it = byColumn.find(key); it != byColumn.end())
            for (std::size_t i : it->second)
                if (showsOnlyWanted(ours[i], rows, shown)) kept.push_back(i);
        std::vector<Run> missing;
        for (std::size_t r = 0; r < rows.size(); ++r)
            if (!shown[r]) missing.push_back({column, rows[r], rows[r]});
        if (missing.empty() || kept.size() < kMarksPerColumn) {
            for (std::size_t i : kept) keep[i] = true;
        } else {  // too many pieces: the column's one format again
            missing.clear();
            for (int row : rows) missing.push_back({column, row, row});
        }
        if (!missing.empty()) toAdd.emplace_back(style, joined(std::move(missing)));
    }
    markPhase(times, "sync.plan");
    for (std::size_t i = 0; i < ours.size(); ++i)
        if (!keep[i]) formats->removeByID(ours[i].id);
    markPhase(times, "sync.remove");
    for (const auto& [style, runs] : toAdd) {
        const auto start = std::chrono::steady_clock::now();
        addConditionalFormat(doc, sheet, runs, {{"1", style}});
        if (times && std::getenv("DEALSHEET_TIMINGS"))
            std::fprintf(
                stderr, "[timings] mark.add runs=%zu ms=%lld\n", runs.size(),
                static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                           std::chrono::steady_clock::now() - start)
                                           .count()));
    }
    markPhase(times, "sync.add");
    return skipped;
}

int updateMarks(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                const Reference<css::sheet::XSpreadsheet>& sheet,
                std::vector<std::pair<int, int>> cells, const WantedMark& wanted,
                PhaseTimes* times) {
    std::sort(cells.begin(), cells.end());
    cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
    if (cells.empty()) return 0;
    SheetMarks marks = readMarks(sheet);
    const auto& ours = marks.ours;
    markPhase(times, "update.read");

    // What each cell should show ("": nothing), except under the user's own format.
    int skipped = 0;
    std::vector<std::string> want(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        want[i] = wanted(cells[i].first, cells[i].second);
        if (!want[i].empty() && marks.covered(cells[i].first, cells[i].second)) {
            want[i].clear();
            ++skipped;
        }
    }
    // Each mark's runs by column (sorted by first row), and the marks of each column.
    std::vector<std::map<int, std::vector<std::pair<int, int>>>> runsOfMark(ours.size());
    std::map<int, std::vector<std::size_t>> marksOfColumn;
    for (std::size_t m = 0; m < ours.size(); ++m) {
        for (const auto& r : ours[m].ranges)
            for (int c = r.StartColumn; c <= r.EndColumn; ++c)
                runsOfMark[m][c].emplace_back(r.StartRow, r.EndRow);
        for (auto& [column, runs] : runsOfMark[m]) {
            std::sort(runs.begin(), runs.end());
            marksOfColumn[column].push_back(m);
        }
    }
    const auto covers = [&](std::size_t m, int column, int row) {
        const auto it = runsOfMark[m].find(column);
        if (it == runsOfMark[m].end()) return false;
        const auto& runs = it->second;
        // Calc keeps a format's ranges apart: the last run starting at or above the row.
        const auto at = std::upper_bound(runs.begin(), runs.end(),
                                         std::make_pair(row, std::numeric_limits<int>::max()));
        return at != runs.begin() && std::prev(at)->second >= row;
    };
    // A mark showing one of the cells wrongly goes (its other cells are right: they come back
    // in a format of their own); the others stay untouched.
    std::vector<bool> goes(ours.size(), false);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const auto [column, row] = cells[i];
        const auto it = marksOfColumn.find(column);
        if (it == marksOfColumn.end()) continue;
        for (std::size_t m : it->second)
            if (!goes[m] && covers(m, column, row) &&
                (ours[m].style.empty() || ours[m].style != want[i]))
                goes[m] = true;
    }
    std::map<std::pair<int, std::string>, std::vector<Run>> toAdd;  // by column, style
    for (std::size_t m = 0; m < ours.size(); ++m) {
        if (!goes[m] || ours[m].style.empty()) continue;  // a format of no one style: gone
        for (const auto& [column, runs] : runsOfMark[m]) {
            auto& out = toAdd[{column, ours[m].style}];
            const auto columnFirst =
                std::lower_bound(cells.begin(), cells.end(),
                                 std::make_pair(column, std::numeric_limits<int>::min()));
            for (auto [first, last] : runs) {
                // The run without the cells being decided here.
                for (auto c =
                         std::lower_bound(columnFirst, cells.end(), std::make_pair(column, first));
                     c != cells.end() && c->first == column && c->second <= last; ++c) {
                    if (c->second > first) out.push_back({column, first, c->second - 1});
                    first = c->second + 1;
                }
                if (first <= last) out.push_back({column, first, last});
            }
        }
    }
    // The cells no staying mark shows as they should.
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (want[i].empty()) continue;
        const auto [column, row] = cells[i];
        bool shown = false;
        if (const auto it = marksOfColumn.find(column); it != marksOfColumn.end())
            for (std::size_t m : it->second)
                shown = shown || (!goes[m] && ours[m].style == want[i] && covers(m, column, row));
        if (!shown) toAdd[{column, want[i]}].push_back({column, row, row});
    }
    // Every update adds a format; past kMarksPerColumn a column and style is one format again.
    std::map<std::pair<int, std::string>, std::vector<std::size_t>> staying;
    for (std::size_t m = 0; m < ours.size(); ++m)
        if (const int column = columnOf(ours[m]); !goes[m] && column >= 0)
            staying[{column, ours[m].style}].push_back(m);
    for (auto& [key, runs] : toAdd) {
        if (runs.empty()) continue;
        const auto it = staying.find(key);
        if (it == staying.end() || it->second.size() < kMarksPerColumn) continue;
        for (std::size_t m : it->second) {
            goes[m] = true;
            for (const auto& r : ours[m].ranges) runs.push_back({key.first, r.StartRow, r.EndRow});
        }
    }
    markPhase(times, "update.plan");
    for (std::size_t m = 0; m < ours.size(); ++m)
        if (goes[m]) marks.formats->removeByID(ours[m].id);
    for (auto& [key, runs] : toAdd)
        if (!runs.empty())
            addConditionalFormat(doc, sheet, joined(std::move(runs)), {{"1", key.second}});
    markPhase(times, "update.write");
    return skipped;
}

MarkOutcome markFindings(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                         const std::vector<Finding>& findings, PhaseTimes* times) {
    std::map<std::string, std::vector<const Finding*>> bySheet;
    for (const auto& f : findings) bySheet[f.sheet].push_back(&f);
    MarkOutcome outcome;
    bool stylesReady = false;
    try {
        ensureCellStyle(doc, kStyleErrorMark);
        ensureCellStyle(doc, kStyleWarningMark);
        stylesReady = true;
    } catch (const css::uno::Exception&) {
        outcome.stylesUnavailable = true;  // said in the report; every finding is still listed
    }
    markPhase(times, "mark.styles");
    // Every sheet: one without findings loses the marks a previous check left.
    for (const auto& name : sheetNames(doc)) {
        const auto it = bySheet.find(name);
        const bool hasFindings = it != bySheet.end();
        try {
            const auto sheet = sheetByName(doc, name);
            if (!stylesReady || !hasFindings) {
                removeMarks(sheet);
                continue;
            }
            const int skipped = syncMarks(doc, sheet, it->second, times);
            if (skipped > 0) outcome.underOwnFormats[name] = skipped;
        } catch (const css::uno::Exception&) {
            if (hasFindings && stylesReady)
                outcome.protectedSheets.push_back(name);  // e.g. a protected sheet: in the report
        }
    }
    markPhase(times, "mark.formats");
    return outcome;
}

int clearReport(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    int removed = 0;
    for (const auto& name : sheetNames(doc))
        if (isReportSheet(doc, name)) {
            doc->getSheets()->removeByName(toOUString(name));
            ++removed;
        }
    return removed;
}

long writeReport(const Reference<css::sheet::XSpreadsheetDocument>& doc, const ReportInput& input,
                 PhaseTimes& times) {
    const Lang lang = input.lang;
    const ValidationResult& result = *input.result;
    const auto t = [lang](const char* zh, const char* en) {
        return std::string(lang == Lang::En ? en : zh);
    };
    constexpr int kColumns = 7;
    CellGrid grid;
    const auto row = [&](std::vector<CellValue> cells) {
        cells.resize(kColumns + 1);  // + the hidden address column (H) of the table's links
        grid.push_back(std::move(cells));
    };
    row({std::string(kReportTitle.in(lang)), t("生成时间", "Generated"), now()});
    constexpr int kTimeRow = 1, kTimeColumn = 5;  // written last, below
    row({t("错误", "Errors"), static_cast<double>(result.errors), t("警告", "Warnings"),
         static_cast<double>(result.warnings), t("用时（毫秒）", "Time (ms)")});
    row({});
    row({t("规则", "Rule"), t("严重程度", "Severity"), t("数量", "Count"), t("说明", "Meaning")});
    std::map<std::string, long> byRule;
    for (const auto& f : result.findings) ++byRule[f.rule];
    for (const auto& info : allRules()) {
        const auto it = byRule.find(std::string(info.code));
        if (it == byRule.end()) continue;
        row({std::string(info.code), std::string(severityName(info.severity).in(lang)),
             static_cast<double>(it->second), std::string(info.title.in(lang))});
    }
    row({});
    row({t("已检查的表", "Sheets checked"), t("有数据的行", "Filled rows"),
         t("识别方式", "Recognised"), t("表头行", "Header row"), t("跳过的行", "Rows skipped"),
         t("未识别的列", "Columns not recognised"), t("有歧义的表头", "Ambiguous headers")});
    for (const auto& sheet : result.checked) {
        const auto r =
            std::find_if(input.recognitions.begin(), input.recognitions.end(),
                         [&](const SheetRecognition& s) { return s.name == sheet.name; });
        if (r == input.recognitions.end()) {
            row({sheet.name, static_cast<double>(sheet.filledRows)});
            continue;
        }
        const auto skippedIt = input.skipped.find(sheet.name);
        const SkippedRows skipped =
            skippedIt == input.skipped.end() ? SkippedRows{} : skippedIt->second;
        std::string rows;
        const auto count = [&](long n, const char* zh, const char* en) {
            if (n > 0) rows += (rows.empty() ? "" : t("，", ", ")) + std::to_string(n) + t(zh, en);
        };
        count(skipped.instructions, " 行说明/重复表头", " instruction or repeated-header row(s)");
        count(skipped.totals, " 行合计", " total row(s)");
        count(skipped.notes, " 行注释", " note row(s)");
        count(skipped.defaults, " 行仅有默认值", " row(s) with defaults only");
        std::string unrecognised, ambiguous;
        for (const auto& h : r->header.unrecognised)
            unrecognised += (unrecognised.empty() ? "" : t("、", ", ")) + h;
        // A synonym match its values contradict: named, and why (SPEC §13).
        for (const auto& c : r->header.contradicted) {
            const auto& column = r->schema->columns[c.column].header;
            unrecognised +=
                (unrecognised.empty() ? "" : t("、", ", ")) + c.header +
                (lang == Lang::En ? " (values do not fit " + column.en + ": " + c.en + ")"
                                  : "（值不像“" + column.zh + "”：" + c.zh + "）");
        }
        for (const auto& h : r->header.ambiguous)
            ambiguous += (ambiguous.empty() ? "" : t("；", "; ")) + h;
        const std::string headerRow =
            r->headerFound ? std::to_string(r->headerRow + 1)
                           : std::to_string(r->headerRow + 1) +
                                 t("（未找到表头，按第 1 行）", " (no header found; row 1)");
        row({sheet.name, static_cast<double>(sheet.filledRows),
             std::string(recognisedByText(r->by).in(lang)), headerRow,
             rows.empty() ? t("无", "none") : rows,
             unrecognised.empty() ? t("无", "none") : unrecognised, ambiguous});
    }
    row({});
    row({t("跳过的表", "Sheets skipped"), t("原因", "Why")});
    for (const auto& plan : input.plans)
        if (!plan.schema && !hasReportSheetName(plan.name))
            row({plan.name, std::string(plan.skipReason.in(lang))});
    if (input.marks.stylesUnavailable)
        row({t("（全部）", "(all)"),
             t("有受保护的工作表，Calc 不允许新建标记样式，单元格未标记；下表列出全部问题",
               "a protected sheet keeps Calc from creating the mark styles, so no cell was "
               "marked; the table lists every finding")});
    for (const auto& name : input.marks.protectedSheets)
        row({name, t("工作表受保护，无法标记单元格", "protected: its cells could not be marked")});
    for (const auto& [name, count] : input.marks.underOwnFormats)
        row({name, msg::format(t("{0} 个单元格已有自己的条件格式，未标记（见下表）",
                                 "{0} cell(s) have conditional formatting of their own and were "
                                 "not marked (see the table)"),
                               std::to_string(count))});
    std::vector<int> headerRows{0, 3};
    if (!input.settingProblems.empty()) {
        row({});
        headerRows.push_back(static_cast<int>(grid.size()));
        row({t("无法读取的设置", "Settings that could not be read"), t("填写的值", "Value"),
             t("改用的默认值", "Default used instead")});
        for (const auto& problem : input.settingProblems) {
            const std::string& fallback = problem.defaultValue;
            row({problem.name, problem.value,
                 fallback.empty() ? t("（无，此行被忽略）", "(none: the row is ignored)")
                                  : fallback});
        }
    }
    row({});
    const int tableHeaderRow = static_cast<int>(grid.size());
    headerRows.push_back(tableHeaderRow);
    row({t("严重程度", "Severity"), t("规则", "Rule"), t("工作表", "Sheet"), t("单元格", "Cell"),
         t("字段", "Field"), t("值", "Value"), t("说明", "Message")});
    // The Cell column is left empty here: its links are filled in below. The address goes to
    // the hidden column H, which the links read.
    for (const auto& f : result.findings)
        row({std::string(severityName(f.severity).in(lang)), f.rule, f.sheet, std::monostate{},
             f.field, f.value, f.message(lang), cellAddress(f.column, f.row)});
    if (result.findings.empty()) row({t("没有发现问题。", "No problems found.")});

    times.mark("report.grid");
    const auto count = static_cast<sal_Int16>(
        Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getCount());
    const std::string name = freeReportName(doc, lang);
    insertSheetUndoable(doc, name, count);
    const auto sheet = sheetByName(doc, name);
    const auto all = rangeOf(sheet, 0, 0, kColumns, static_cast<int>(grid.size()) - 1);
    // One line per finding at a fixed height: Calc would otherwise measure every row's Chinese
    // text for its optimal height, which costs more than writing the report (BENCHMARKS.md).
    const auto rows = Reference<css::table::XColumnRowRange>(all, UNO_QUERY_THROW)->getRows();
    setProperty(rows, "OptimalHeight", Any(false));
    setProperty(rows, "Height", Any(static_cast<sal_Int32>(kReportRowHeight)));
    times.mark("report.sheet");
    writeValues(all, grid, &times);
    times.mark("report.values");

    // The Cell column links to the cell. Every row has the same relative formula, so it is
    // written once and filled down: Calc copies the compiled formula instead of parsing 100,000
    // of them. It reads the sheet (C) and the address (H) of its own row.
    if (!result.findings.empty()) {
        const int first = tableHeaderRow + 1;
        const int last = tableHeaderRow + static_cast<int>(result.findings.size());
        const std::string sheetCell = "C" + std::to_string(first + 1);
        const std::string addressCell = "H" + std::to_string(first + 1);
        writeFormulas(rangeOf(sheet, 3, first, 3, first),
                      {{"=HYPERLINK(\"#'\"&SUBSTITUTE(" + sheetCell + ";\"'\";\"''\")&\"'.\"&" +
                        addressCell + ";" + addressCell + ")"}});
        if (last > first)
            Reference<css::sheet::XCellSeries>(rangeOf(sheet, 3, first, 3, last), UNO_QUERY_THROW)
                ->fillAuto(css::sheet::FillDirection_TO_BOTTOM, 1);
        setColumnsVisible(sheet, kColumns, 1, false);
    }
    times.mark("report.links");
    for (int headerRow : headerRows)
        setProperty(rangeOf(sheet, 0, headerRow, kColumns - 1, headerRow), "CharWeight",
                    Any(css::awt::FontWeight::BOLD));
    const auto columns =
        Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)->getColumns();
    const int widths[kColumns] = {28, 34, 36, 16, 30, 40, 90};
    for (int i = 0; i < kColumns; ++i)
        setProperty(Reference<css::uno::XInterface>(columns->getByIndex(i), UNO_QUERY_THROW),
                    "Width", Any(static_cast<sal_Int32>(widths[i] * 100)));
    times.mark("report.format");
    if (!result.findings.empty())
        addAutoFilter(doc, count, tableHeaderRow,
                      tableHeaderRow + static_cast<int>(result.findings.size()), kColumns);
    times.mark("report.filter");

    const long milliseconds =
        static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now() - input.started)
                              .count());
    sheet->getCellByPosition(kTimeColumn, kTimeRow)->setValue(static_cast<double>(milliseconds));
    return milliseconds;
}

}  // namespace dealsheet::uno
