// Benchmark: generates workbooks of 1k / 10k / 100k rows in Customers and Actions (with
// proportional Negotiations, Contracts and Milestones and about 1% planted mistakes), drives a
// headless office and measures DealSheet's work against what a user would do without it.
// Prints a table of figures (median, min, max of several runs), ratios and the office's peak
// memory.
//   bench <dealsheet.oxt> [rows ...]      e.g. bench build/dealsheet.oxt 1000 10000 100000
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <thread>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/datatransfer/XTransferableSupplier.hpp>
#include <com/sun/star/document/XEmbeddedScripts.hpp>
#include <com/sun/star/drawing/XDrawPage.hpp>
#include <com/sun/star/drawing/XDrawPages.hpp>
#include <com/sun/star/drawing/XDrawPagesSupplier.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/script/provider/XScript.hpp>
#include <com/sun/star/script/provider/XScriptProviderSupplier.hpp>
#include <com/sun/star/sheet/ConditionOperator.hpp>
#include <com/sun/star/sheet/FillDirection.hpp>
#include <com/sun/star/sheet/ValidationType.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellSeries.hpp>
#include <com/sun/star/sheet/XSheetCellRangeContainer.hpp>
#include <com/sun/star/sheet/XSheetCondition.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <org/dealsheet/calc/XToolkit3.hpp>

#include "core/workbook/dates.hpp"
#include "core/workbook/layout.hpp"
#include "core/workbook/schema.hpp"
#include "office_documents.hxx"
#include "office_driver.hxx"
#include "register_generator.hpp"

namespace {

using namespace dealsheet;
using namespace dealsheet::driver;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using Clock = std::chrono::steady_clock;

struct Stats {
    double median = 0, min = 0, max = 0;
};

Stats measure(int runs, const std::function<void()>& prepare, const std::function<void()>& work) {
    std::vector<double> seconds;
    for (int i = 0; i < runs; ++i) {
        if (prepare) prepare();
        const auto start = Clock::now();
        work();
        seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    return {seconds[seconds.size() / 2], seconds.front(), seconds.back()};
}

long statusKb(int pid, const char* field) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::strlen(field)));
    return 0;
}

// CPU seconds the process has used (user + system): the office's own work, whatever else
// runs on the machine.
double cpuSeconds(int pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string all((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    std::istringstream fields(all.substr(all.rfind(')') + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i)
        if (i == 14 || i == 15) ticks += std::stod(field);  // utime, stime
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// Resets the process's peak resident size (VmHWM) to its current size (Linux clear_refs 5).
void resetPeak(int pid) { std::ofstream("/proc/" + std::to_string(pid) + "/clear_refs") << "5"; }

long peakMemoryKb(int pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

Sequence<Sequence<Any>> toData(const std::vector<std::vector<Any>>& rows) {
    Sequence<Sequence<Any>> data(static_cast<sal_Int32>(rows.size()));
    for (std::size_t r = 0; r < rows.size(); ++r)
        data.getArray()[r] = Sequence<Any>(rows[r].data(), static_cast<sal_Int32>(rows[r].size()));
    return data;
}

void writeBlock(const Reference<css::sheet::XSpreadsheet>& sheet, int firstRow,
                const std::vector<std::vector<Any>>& rows) {
    if (rows.empty()) return;
    const auto range =
        Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
            ->getCellRangeByPosition(0, firstRow, static_cast<sal_Int32>(rows[0].size()) - 1,
                                     firstRow + static_cast<sal_Int32>(rows.size()) - 1);
    Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->setDataArray(toData(rows));
}

Any text(const std::string& s) { return Any(toOUString(s)); }

Any num(double v) { return Any(v); }
Any none() { return Any(rtl::OUString()); }

// Generated rows as Calc takes them: numbers, texts, and empty text for a blank cell.
std::vector<std::vector<Any>> toAnyRows(const CellGrid& grid) {
    std::vector<std::vector<Any>> rows;
    rows.reserve(grid.size());
    for (const auto& cells : grid) {
        auto& row = rows.emplace_back();
        for (const auto& cell : cells) {
            if (const auto* number = std::get_if<double>(&cell))
                row.push_back(num(*number));
            else if (const auto* textValue = std::get_if<std::string>(&cell))
                row.push_back(text(*textValue));
            else
                row.push_back(none());
        }
    }
    return rows;
}

// The generated workbook: DealSheet's sheets (Insert template sheets) filled with `n` customers
// and `n` actions, n/5 negotiations, n/20 contracts and n/10 milestones; ~1% mistakes.
struct Workbook {
    Reference<css::sheet::XSpreadsheetDocument> doc;
    int customers = 0;
};

Workbook generate(const Reference<org::dealsheet::calc::XToolkit>& toolkit, int n,
                  tools::Trouble trouble = tools::Trouble::Light) {
    tools::RegisterGenerator generator(20261122u + static_cast<unsigned>(n),
                                       SerialDates().todaySerial(), trouble);
    const auto pick = [&](int count) { return generator.pick(count); };
    const auto chance = [&](int percent) { return generator.chance(percent); };
    const auto word = [&](const char* list) { return generator.word(list); };
    const long today = generator.today();
    Workbook book;
    book.doc = newSpreadsheet(true);  // visible: Calc's Mark Invalid Data needs a view
    toolkit->insertTemplates(component(book.doc), "zh");
    book.customers = n;

    writeBlock(byNameOrThrow(book.doc, "客户信息登记表"), 1, toAnyRows(generator.customers(n)));
    writeBlock(byNameOrThrow(book.doc, "跟进行动表"), 1, toAnyRows(generator.actions(n)));
    const auto& numbers = generator.numbers();

    std::vector<std::vector<Any>> rows;
    for (int i = 0; i < n / 5; ++i) {
        const long meeting = today - 5 - pick(300);
        rows.push_back({text("TP-" + std::to_string(i)),
                        text(numbers[static_cast<std::size_t>(pick(n))]),
                        num(static_cast<double>(meeting)),
                        num(1 + pick(4)),
                        text("线上"),
                        text("王磊"),
                        text("客户方"),
                        text("价格"),
                        text("需求"),
                        none(),
                        none(),
                        none(),
                        none(),
                        none(),
                        none(),
                        text(word("outcomes")),
                        text(chance(1) ? "" : "发方案"),
                        text("王磊"),
                        num(static_cast<double>(meeting + (chance(1) ? 3 : 1))),
                        text("是")});
    }
    writeBlock(byNameOrThrow(book.doc, "谈判记录表"), 1, rows);

    rows.clear();
    for (int i = 0; i < std::max(1, n / 20); ++i)
        rows.push_back({text("HT-" + std::to_string(i)),
                        text(numbers[static_cast<std::size_t>(pick(n))]),
                        text("合同" + std::to_string(i)), num(10000 + pick(1000000)), text("3-6-1"),
                        none(), none(), none(), text("同意"), text("同意"),
                        text(chance(2) ? "" : "同意"), text("总监")});
    writeBlock(byNameOrThrow(book.doc, "合同审批表"), 1, rows);

    rows.clear();
    for (int i = 0; i < std::max(1, n / 10); ++i) {
        const long planned = today - 30 + pick(90);
        rows.push_back(
            {text("HT-" + std::to_string(pick(std::max(1, n / 20)))),
             text("里程碑" + std::to_string(i)), text("吴斌"), num(static_cast<double>(planned)),
             none(), text(planned < today ? "存在延迟" : "正常进行"), text("原因"), text("措施"),
             num(static_cast<double>(chance(1) ? today - 8 - pick(20) : today - pick(7)))});
    }
    writeBlock(byNameOrThrow(book.doc, "合同履约跟踪表"), 1, rows);
    return book;
}

// One formula in row 1 of `column`, copied down to row n by Calc itself (Fill ▸ Down): no
// formula text crosses the bridge n times.
void fillDown(const Reference<css::sheet::XSpreadsheet>& sheet, int column, int n,
              const std::string& formula) {
    Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
        ->getCellByPosition(column, 0)
        ->setFormula(toOUString(formula));
    if (n > 1)
        Reference<css::sheet::XCellSeries>(Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                                               ->getCellRangeByPosition(column, 0, column, n - 1),
                                           UNO_QUERY_THROW)
            ->fillAuto(css::sheet::FillDirection_TO_BOTTOM, 1);
}

void dispatch(const Reference<css::sheet::XSpreadsheetDocument>& doc, const char* command) {
    const auto frame =
        Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
    css::frame::DispatchHelper::create(Office::get().context())
        ->executeDispatch(Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW),
                          rtl::OUString::createFromAscii(command), "", 0, {});
}

// Calc's own validity rule on rows 2..n+1 of a column, as a user would set with Data ▸ Validity.
void setValidity(const Reference<css::sheet::XSpreadsheet>& sheet, int column, int n,
                 css::sheet::ValidationType type, css::sheet::ConditionOperator op,
                 const std::string& formula1, const std::string& formula2 = "") {
    Reference<css::beans::XPropertySet> range(
        Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
            ->getCellRangeByPosition(column, 1, column, n),
        UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet> validation(range->getPropertyValue("Validation"),
                                                   UNO_QUERY_THROW);
    validation->setPropertyValue("Type", Any(type));
    validation->setPropertyValue("IgnoreBlankCells", Any(true));
    Reference<css::sheet::XSheetCondition> condition(validation, UNO_QUERY_THROW);
    condition->setOperator(op);
    condition->setFormula1(toOUString(formula1));
    condition->setFormula2(toOUString(formula2));
    range->setPropertyValue("Validation", Any(validation));
}

std::string listOf(const char* list) {
    std::string formula;
    for (const auto& value : productSchema().list(list).values)
        formula += (formula.empty() ? "\"" : ";\"") + value.text.zh + "\"";
    return formula;
}

// The subset of DealSheet's rules Calc's validity can express (lists, date bounds, number
// ranges) on the Customers and Actions columns; Calc does not check blank cells, so REQUIRED
// and the cross-sheet rules have no equivalent.
void addEquivalentValidity(const Reference<css::sheet::XSpreadsheetDocument>& doc, int n) {
    using css::sheet::ConditionOperator_BETWEEN;
    using css::sheet::ConditionOperator_GREATER_EQUAL;
    const std::string firstDay = std::to_string(*SerialDates().toSerial({1900, 1, 1}));
    const std::string today = std::to_string(SerialDates().todaySerial());
    const auto customers = byNameOrThrow(doc, "客户信息登记表");
    setValidity(customers, 1, n, css::sheet::ValidationType_DATE, ConditionOperator_BETWEEN,
                firstDay, today);
    setValidity(customers, 7, n, css::sheet::ValidationType_LIST, ConditionOperator_BETWEEN,
                listOf("decisionRoles"));
    setValidity(customers, 9, n, css::sheet::ValidationType_LIST, ConditionOperator_BETWEEN,
                listOf("leadSources"));
    setValidity(customers, 11, n, css::sheet::ValidationType_DECIMAL,
                ConditionOperator_GREATER_EQUAL, "0");
    for (int column : {12, 13})
        setValidity(customers, column, n, css::sheet::ValidationType_WHOLE,
                    ConditionOperator_BETWEEN, "1", "5");
    setValidity(customers, 15, n, css::sheet::ValidationType_LIST, ConditionOperator_BETWEEN,
                listOf("stages"));
    setValidity(customers, 16, n, css::sheet::ValidationType_LIST, ConditionOperator_BETWEEN,
                listOf("followUp"));
    const auto actions = byNameOrThrow(doc, "跟进行动表");
    for (int column : {5, 6, 8})
        setValidity(actions, column, n, css::sheet::ValidationType_DATE, ConditionOperator_BETWEEN,
                    firstDay, "2958465");
    setValidity(actions, 7, n, css::sheet::ValidationType_LIST, ConditionOperator_BETWEEN,
                listOf("actionStatus"));
}

// BENCH_HEAVY_PAUSE=<seconds> before each Validate: time to attach a profiler to the office.
void pauseForProfiler() {
    if (const char* pause = std::getenv("BENCH_HEAVY_PAUSE"))
        std::this_thread::sleep_for(std::chrono::seconds(std::atoi(pause)));
}

std::string fmt(double seconds) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, seconds < 1 ? "%.3f" : "%.2f", seconds);
    return buffer;
}

void row(const std::string& what, int n, const Stats& s, const std::string& note = "") {
    std::printf("| %-58s | %7d | %8s | %8s | %8s | %s\n", what.c_str(), n, fmt(s.median).c_str(),
                fmt(s.min).c_str(), fmt(s.max).c_str(), note.c_str());
    std::fflush(stdout);
}

// Numbering as a user would do it without DealSheet: a COUNTIFS formula per row that counts
// the registrations of the same month so far. Quadratic, so above BENCH_COUNTIFS_MAX rows
// (default 20,000) it is not run and the figure is extrapolated from 10,000 rows.
void numberingWithCountifs(const Reference<css::sheet::XSpreadsheetDocument>& book, int n,
                           double assignSeconds) {
    static double tenThousand = 0;
    const char* configured = std::getenv("BENCH_COUNTIFS_MAX");
    const int limit = configured ? std::atoi(configured) : 20000;
    if (n > limit) {
        if (tenThousand > 0) {
            const double estimate =
                tenThousand * (static_cast<double>(n) / 10000) * (static_cast<double>(n) / 10000);
            std::printf(
                "| %-58s | %7d | %8s |          |          | estimated (n^2 from 10k), "
                "ratio COUNTIFS / Assign = %.0f\n",
                "built-in COUNTIFS numbering (not run)", n, fmt(estimate).c_str(),
                estimate / std::max(assignSeconds, 1e-6));
        }
        return;
    }
    const auto dates = Reference<css::sheet::XCellRangeData>(
                           Reference<css::table::XCellRange>(byNameOrThrow(book, "客户信息登记表"),
                                                             UNO_QUERY_THROW)
                               ->getCellRangeByPosition(1, 1, 1, n),
                           UNO_QUERY_THROW)
                           ->getDataArray();
    const auto doc = newSpreadsheet();
    const auto sheet = sheetAt(doc, 0);
    Reference<css::sheet::XCellRangeData>(Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                                              ->getCellRangeByPosition(1, 0, 1, n - 1),
                                          UNO_QUERY_THROW)
        ->setDataArray(dates);
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->enableAutomaticCalculation(false);
    fillDown(sheet, 0, n,
             "=TEXT(B1;\"YYYYMM\")&\"-\"&TEXT(COUNTIFS(B$1:B1;\">=\"&(B1-DAY(B1)+1);B$1:B1;\"<=\"&"
             "EOMONTH(B1;0));\"000\")");
    const Stats s = measure(1, nullptr, [&] { recalculate(doc); });
    if (n == 10000) tenThousand = s.median;
    row("built-in COUNTIFS numbering (recalculate n formulas)", n, s,
        "ratio COUNTIFS / Assign = " + fmt(s.median / std::max(assignSeconds, 1e-6)));
    close(doc);
}

// Recalculation of n DealSheet formulas against the built-in formulas a user would write.
void functionsVersusBuiltIns(int n, int runs) {
    const struct {
        const char* name;
        const char* dealsheet;
        const char* builtin;
    } pairs[] = {
        {"CUSTOMERNO", "=CUSTOMERNO(A{r};B{r})", "=TEXT(A{r};\"YYYYMM\")&\"-\"&TEXT(B{r};\"000\")"},
        {"LEADGRADE", "=LEADGRADE(C{r};D{r};E{r})",
         "=IF(C{r}=\"\";\"\";IF((C{r}>=50)+(D{r}>=4)+(E{r}>=4)>=2;\"A\";IF((C{r}>=50)+(D{r}>=4)+(E{"
         "r}>=4)=1;\"B\";\"C\")))"},
        {"DUESTATUS", "=DUESTATUS(F{r};G{r};;TODAY())",
         "=IF(OR(G{r}=\"已完成\";G{r}=\"已取消\");\"已完成\";IF(F{r}<TODAY();\"已逾期\";IF(F{r}-"
         "TODAY()<=2;\"即将到期\";\"进行中\")))"},
        // Not DealSheet's: LibreOffice's own Analysis add-in, called the same way, against the
        // built-in formula. Its ratio is the cost of the add-in interface itself.
        {"EOMONTH (Calc's own Analysis add-in)", "=EOMONTH(F{r};0)",
         "=DATE(YEAR(F{r});MONTH(F{r})+1;0)"},
    };
    const long today = SerialDates().todaySerial();
    std::vector<std::vector<Any>> inputs;
    for (int i = 0; i < n; ++i)
        inputs.push_back({num(static_cast<double>(today - i % 700)), num(1 + i % 999), num(i % 120),
                          num(1 + i % 5), num(1 + (i / 5) % 5),
                          num(static_cast<double>(today - 10 + i % 30)),
                          text(i % 3 ? "进行中" : "已完成")});
    for (const auto& pair : pairs) {
        double figures[2] = {0, 0};
        for (int variant = 0; variant < 2; ++variant) {
            const auto doc = newSpreadsheet();
            const auto sheet = sheetAt(doc, 0);
            writeBlock(sheet, 0, inputs);
            std::string first = variant == 0 ? pair.dealsheet : pair.builtin;
            for (auto at = first.find("{r}"); at != std::string::npos; at = first.find("{r}"))
                first.replace(at, 3, "1");
            fillDown(sheet, 8, n, first);
            const Stats s = measure(runs, nullptr, [&] { recalculate(doc); });
            figures[variant] = s.median;
            row(std::string(variant == 0 ? "recalculate " : "  built-in equivalent of ") +
                    pair.name,
                n, s,
                variant == 1
                    ? "ratio add-in / built-in = " + fmt(figures[0] / std::max(figures[1], 1e-6))
                    : "");
            close(doc);
        }
    }
}

Stats statsOf(std::vector<double> seconds) {
    std::sort(seconds.begin(), seconds.end());
    return {seconds[seconds.size() / 2], seconds.front(), seconds.back()};
}

// Calc's own Tools ▸ Detective ▸ Mark Invalid Data with validity rules equivalent to the
// subset of DealSheet's rules Calc can express; returns its times and the circles drawn.
std::pair<Stats, long> markInvalidData(const Workbook& book, int n, int runs) {
    addEquivalentValidity(book.doc, n);
    // Calc marks the active sheet only: both sheets, one after the other, as a user would.
    const auto view = Reference<css::sheet::XSpreadsheetView>(
        Reference<css::frame::XModel>(book.doc, UNO_QUERY_THROW)->getCurrentController(),
        UNO_QUERY_THROW);
    const auto forBothSheets = [&](const char* command) {
        for (const char* name : {"客户信息登记表", "跟进行动表"}) {
            view->setActiveSheet(byNameOrThrow(book.doc, name));
            dispatch(book.doc, command);
        }
    };
    const Stats markInvalid = measure(
        runs, [&] { forBothSheets(".uno:ClearArrows"); },
        [&] { forBothSheets(".uno:ShowInvalid"); });
    long circled = 0;
    const auto pages =
        Reference<css::drawing::XDrawPagesSupplier>(book.doc, UNO_QUERY_THROW)->getDrawPages();
    const auto names = sheetNamesOf(book.doc);
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == "客户信息登记表" || names[i] == "跟进行动表")
            circled += Reference<css::drawing::XDrawPage>(
                           pages->getByIndex(static_cast<sal_Int32>(i)), UNO_QUERY_THROW)
                           ->getCount();
    forBothSheets(".uno:ClearArrows");
    return {markInvalid, circled};
}

// Validate measured as a user sees it: the wall time of one Toolkit.validate call from this
// client, beside the report's own "Time (ms)" (which stops before the report is written).
struct ValidateFigures {
    Stats wall, internal, officeCpu;
    org::dealsheet::calc::ValidationSummary summary{};
    long memoryGrowthMb = 0, peakMb = 0;
};

ValidateFigures validateFigures(const Reference<org::dealsheet::calc::XToolkit>& toolkit,
                                const Workbook& book, int runs) {
    ValidateFigures figures;
    // The office's own growth while DealSheet validates: peak during Validate minus the
    // resident size before it (the workbook itself is the user's, not DealSheet's).
    const int office = Office::get().pid();
    const long residentBefore = statusKb(office, "VmRSS:");
    resetPeak(office);
    std::vector<double> internal, cpu;
    figures.wall = measure(runs, nullptr, [&] {
        const double cpuBefore = cpuSeconds(office);
        figures.summary = toolkit->validate(component(book.doc));
        cpu.push_back(cpuSeconds(office) - cpuBefore);
        internal.push_back(figures.summary.Milliseconds / 1000.0);
    });
    figures.internal = statsOf(internal);
    figures.officeCpu = statsOf(cpu);
    const long peak = statusKb(office, "VmHWM:");
    figures.memoryGrowthMb = (peak - residentBefore) / 1024;
    figures.peakMb = peak / 1024;
    return figures;
}

std::string findingsNote(const org::dealsheet::calc::ValidationSummary& summary) {
    return std::to_string(summary.Errors) + " errors, " + std::to_string(summary.Warnings) +
           " warnings";
}

// Assign customer numbers on n rows with every number blank: the client's wall time. The blanks
// are written through the bridge before each run; with `settle`, the command starts that long
// after (Calc finishes its own work on the 100,000 cells just cleared first; a person does not
// click within milliseconds of such an edit).
Stats assignAllBlank(const Reference<org::dealsheet::calc::XToolkit>& toolkit, const Workbook& book,
                     int n, int runs, long& assigned,
                     std::chrono::milliseconds settle = std::chrono::milliseconds(0)) {
    const auto numberColumn = Reference<css::table::XCellRange>(
                                  byNameOrThrow(book.doc, "客户信息登记表"), UNO_QUERY_THROW)
                                  ->getCellRangeByPosition(0, 1, 0, n);
    std::vector<std::vector<Any>> blanks(static_cast<std::size_t>(n), std::vector<Any>{none()});
    return measure(
        runs,
        [&] {
            Reference<css::sheet::XCellRangeData>(numberColumn, UNO_QUERY_THROW)
                ->setDataArray(toData(blanks));
            std::this_thread::sleep_for(settle);
        },
        [&] { assigned = toolkit->assignCustomerNumbers(component(book.doc)); });
}

// The heavy case's Assign rows: one second after the blanks were written, and right after.
void heavyAssignRows(const Reference<org::dealsheet::calc::XToolkit>& toolkit, const Workbook& book,
                     int n, int runs) {
    long assigned = 0;
    const Stats settled =
        assignAllBlank(toolkit, book, n, runs, assigned, std::chrono::milliseconds(1000));
    row("HEAVY DealSheet Assign customer numbers (all blank), client", n, settled,
        std::to_string(assigned) + " assigned; started 1 s after the blanks were written");
    const Stats rushed = assignAllBlank(toolkit, book, n, runs, assigned);
    row("HEAVY   the same, started at once after the blanks were written", n, rushed,
        "includes Calc finishing its work on the cleared cells");
}

// ---- Checking as you type (issue 29) ------------------------------------------------------

// The office's own timer of each live check: "[timings] live-edit ... total_us=N" lines the
// office printed since `from` (a byte offset of its log).
std::vector<double> liveEditMilliseconds(std::streamoff from) {
    std::ifstream log(Office::get().logPath());
    log.seekg(from);
    std::vector<double> ms;
    std::string line;
    while (std::getline(log, line)) {
        const auto at = line.find("live-edit");
        const auto total = line.find("total_us=");
        if (at != std::string::npos && total != std::string::npos)
            ms.push_back(std::atof(line.c_str() + total + 9) / 1000.0);
    }
    return ms;
}

std::streamoff logSize() {
    std::ifstream log(Office::get().logPath(), std::ios::ate);
    return log.tellg() >= 0 ? static_cast<std::streamoff>(log.tellg()) : 0;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

void selectRange(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                 const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& where) {
    Reference<css::view::XSelectionSupplier>(
        Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController(),
        UNO_QUERY_THROW)
        ->select(Any(Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                         ->getCellRangeByName(toOUString(where))));
}

void typeInto(const Reference<css::sheet::XSpreadsheetDocument>& doc,
              const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& where,
              const std::string& text) {
    selectRange(doc, sheet, where);
    Sequence<css::beans::PropertyValue> args(1);
    args.getArray()[0].Name = "StringName";
    args.getArray()[0].Value <<= toOUString(text);
    css::frame::DispatchHelper::create(Office::get().context())
        ->executeDispatch(Reference<css::frame::XDispatchProvider>(
                              Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)
                                  ->getCurrentController()
                                  ->getFrame(),
                              UNO_QUERY_THROW),
                          ".uno:EnterString", "", 0, args);
}

// checkWorkbook against Validate, a typed cell's finding (office timer and a polling client),
// a paste of 1,000 rows, and the office's growth with the findings.
void liveFigures(const Reference<org::dealsheet::calc::XToolkit>& toolkit, const Workbook& book,
                 int n, int runs, double validateMedian) {
    const Reference<org::dealsheet::calc::XToolkit3> toolkit3(toolkit, UNO_QUERY_THROW);
    const auto doc = component(book.doc);
    toolkit->clearMarks(doc);
    const int office = Office::get().pid();
    const long before = statusKb(office, "VmRSS:");
    org::dealsheet::calc::ValidationSummary summary{};
    const Stats first = measure(1, nullptr, [&] { summary = toolkit3->checkWorkbook(doc); });
    const long after = statusKb(office, "VmRSS:");
    row("LIVE checkWorkbook, first check, client", n, first,
        findingsNote(summary) + "; Validate (client) / checkWorkbook = " +
            fmt(validateMedian / std::max(first.median, 1e-6)));
    const Stats rerun = measure(runs, nullptr, [&] { summary = toolkit3->checkWorkbook(doc); });
    row("LIVE checkWorkbook, rerun, client", n, rerun,
        "Validate (client) / checkWorkbook = " +
            fmt(validateMedian / std::max(rerun.median, 1e-6)));
    std::printf(
        "| %-58s | %7d | %8ld |          |          | MB: office resident after the "
        "first checkWorkbook minus before (findings, the kept workbook, marks)\n",
        "LIVE (office growth with the findings kept)", n, (after - before) / 1024);

    // One typed cell: 联系方式 of row 6 alternates between a wrong and a right contact.
    const auto customers = byNameOrThrow(book.doc, "客户信息登记表");
    const auto fromLog = logSize();
    std::vector<double> polled;
    const int typed = std::max(20, runs * 10);
    for (int i = 0; i < typed; ++i) {
        const bool wrong = i % 2 == 0;
        const auto start = Clock::now();
        typeInto(book.doc, customers, "I6", wrong ? "x" : "13800138000");
        for (int polls = 0; polls < 5000; ++polls) {
            const auto found = toolkit3->getFindings(doc, toOUString("客户信息登记表.I6"));
            bool contact = false;
            for (const auto& f : found) contact = contact || f.Code == "CONTACT";
            if (contact == wrong) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        polled.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto timer = liveEditMilliseconds(fromLog);
    std::printf("| %-58s | %7d | p50 %6.1f ms, p95 %6.1f ms (office timer, %zu edits) |\n",
                "LIVE one typed cell -> its finding updated", n, percentile(timer, 0.5),
                percentile(timer, 0.95), timer.size());
    std::printf(
        "| %-58s | %7d | p50 %6.1f ms, p95 %6.1f ms (client: type, then poll "
        "getFindings on the cell) |\n",
        "LIVE   the same, seen by a remote client", n, percentile(polled, 0.5),
        percentile(polled, 0.95));

    // A paste of 1,000 action rows (copied from the top of the sheet) below the data.
    const auto actions = byNameOrThrow(book.doc, "跟进行动表");
    std::vector<double> pasted, pasteCalls;
    for (int r = 0; r < runs; ++r) {
        selectRange(book.doc, actions, "A2:L1001");
        const Reference<css::datatransfer::XTransferableSupplier> transfer(
            Reference<css::frame::XModel>(book.doc, UNO_QUERY_THROW)->getCurrentController(),
            UNO_QUERY_THROW);
        const auto copied = transfer->getTransferable();
        const int target = n + 3 + r * 1000;
        selectRange(book.doc, actions, "A" + std::to_string(target));
        const std::string area =
            "跟进行动表.A" + std::to_string(target) + ":L" + std::to_string(target + 999);
        const auto start = Clock::now();
        transfer->insertTransferable(copied);
        pasteCalls.push_back(std::chrono::duration<double>(Clock::now() - start).count());
        for (int polls = 0; polls < 20000; ++polls) {
            if (toolkit3->getFindings(doc, toOUString(area)).getLength() > 0) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        pasted.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    row("LIVE paste of 1,000 rows -> their findings, client", n, statsOf(pasted),
        "the pasted rows repeat existing action numbers: DUPLICATE on each, both rows rechecked");
    row("LIVE   of which Calc's paste (insertTransferable returns)", n, statsOf(pasteCalls),
        "the paste itself, before the live check that follows it");
    // The report sheet of the current findings, without checking again.
    const Stats report = measure(runs, nullptr, [&] { toolkit3->writeReport(doc); });
    row("LIVE writeReport (report sheet of the current findings), client", n, report,
        "Validate (client) / writeReport = " + fmt(validateMedian / std::max(report.median, 1e-6)));
    std::fflush(stdout);
}

// ---- What a conditional format costs Calc (issue 29, LibreOffice 7.4 against 25.2) ---------

// One format (style "Bad", condition always true) on `rows` of `column` of sheet 0, added the
// way DealSheet adds its marks (the cells' ConditionalFormat property); its time in seconds.
double addMark(const Reference<css::sheet::XSpreadsheetDocument>& doc, int column,
               const std::vector<int>& rows) {
    const Reference<css::sheet::XSheetCellRangeContainer> container(
        Reference<css::lang::XMultiServiceFactory>(doc, UNO_QUERY_THROW)
            ->createInstance("com.sun.star.sheet.SheetCellRanges"),
        UNO_QUERY_THROW);
    Sequence<css::table::CellRangeAddress> ranges(static_cast<sal_Int32>(rows.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto& r = ranges.getArray()[i];
        r.Sheet = 0;
        r.StartColumn = r.EndColumn = column;
        r.StartRow = r.EndRow = rows[i];
    }
    container->addRangeAddresses(ranges, false);
    const Reference<css::beans::XPropertySet> cells(container, UNO_QUERY_THROW);
    const Reference<css::sheet::XSheetConditionalEntries> entries(
        cells->getPropertyValue("ConditionalFormat"), UNO_QUERY_THROW);
    entries->clear();
    Sequence<css::beans::PropertyValue> entry(3);
    entry.getArray()[0].Name = "Operator";
    entry.getArray()[0].Value <<= css::sheet::ConditionOperator_FORMULA;
    entry.getArray()[1].Name = "Formula1";
    entry.getArray()[1].Value <<= toOUString("1");
    entry.getArray()[2].Name = "StyleName";
    entry.getArray()[2].Value <<= toOUString("Bad");
    entries->addNew(entry);
    const auto start = Clock::now();
    cells->setPropertyValue("ConditionalFormat", Any(entries));
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// How the time of one format grows: with its own runs, with the runs of other formats in the
// same column and in other columns, and with the order of its runs.
void marksExperiment(int n) {
    const auto doc = newSpreadsheet();
    const auto sheet = Reference<css::sheet::XSpreadsheet>(
        Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getByIndex(0),
        UNO_QUERY_THROW);
    std::vector<std::vector<Any>> rows(static_cast<std::size_t>(n), std::vector<Any>(6));
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < 6; ++c)
            rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)] = num(r + c);
    writeBlock(sheet, 0, rows);
    // As DealSheet's marks are written: not recorded for undo (MarksUnrecorded).
    Reference<css::beans::XPropertySet>(doc, UNO_QUERY_THROW)
        ->setPropertyValue("IsUndoEnabled", Any(false));
    const auto every = [&](int step, int offset, bool reversed) {
        std::vector<int> out;
        for (int r = offset; r < n; r += step) out.push_back(r);
        if (reversed) std::reverse(out.begin(), out.end());
        return out;
    };
    const auto report = [&](const char* what, int column, const std::vector<int>& cells) {
        const double seconds = addMark(doc, column, cells);
        std::printf("| %-58s | %7zu | %8s |          |          | column %d\n", what, cells.size(),
                    fmt(seconds).c_str(), column);
        std::fflush(stdout);
    };
    report("MARKS first format, every other row", 0, every(2, 0, false));
    report("MARKS second format, other column, every other row", 1, every(2, 0, false));
    report("MARKS third format, first column, the rows between", 0, every(2, 1, false));
    report("MARKS a format of every 4th row, fresh column", 2, every(4, 0, false));
    report("MARKS the same runs bottom to top, fresh column", 3, every(4, 0, true));
    report("MARKS 1,000 runs, fresh column, after all those", 4,
           every(std::max(2, n / 1000), 0, false));
    report("MARKS 1,000 runs in the first column (busy)", 0,
           every(std::max(2, n / 1000), 0, false));
    close(doc);
}

// The heavy case: a register with the trouble real ones have (every phone typed as a number,
// half of the open actions overdue: about 145,000 findings at 100k + 100k), against Calc's Mark
// Invalid Data on the same data, with the office's memory.
void heavyCase(const Reference<org::dealsheet::calc::XToolkit>& toolkit, int n, int runs) {
    const auto generateStart = Clock::now();
    // BENCH_HEAVY_CACHE=<folder> keeps the generated workbook between runs (generating it
    // through the bridge takes minutes; loading it is quicker).
    const char* cacheFolder = std::getenv("BENCH_HEAVY_CACHE");
    const std::string cached =
        cacheFolder ? std::string(cacheFolder) + "/heavy-v2-" + std::to_string(n) + ".ods" : "";
    Workbook book;
    if (!cached.empty() && std::ifstream(cached).good()) {
        book.doc = loadSpreadsheet(cached, true);
        book.customers = n;
    } else {
        book = generate(toolkit, n, tools::Trouble::Heavy);
        if (!cached.empty()) storeAs(book.doc, cached, "calc8");
    }
    std::printf("| %-58s | %7d | %8s |          |          | %s, not a product figure\n",
                "(generate the heavy workbook)", n,
                fmt(std::chrono::duration<double>(Clock::now() - generateStart).count()).c_str(),
                cached.empty() ? "through the bridge" : cached.c_str());
    const long residentMb = statusKb(Office::get().pid(), "VmRSS:") / 1024;
    pauseForProfiler();
    // For profiling Assign alone (BENCH_HEAVY_ASSIGN_ONLY): the same workbook, nothing before.
    if (std::getenv("BENCH_HEAVY_ASSIGN_ONLY")) {
        heavyAssignRows(toolkit, book, n, runs);
        printOfficeTimings();
        close(book.doc);
        return;
    }
    const ValidateFigures validate = validateFigures(toolkit, book, runs);
    row("HEAVY DealSheet Validate, client wall time", n, validate.wall,
        findingsNote(validate.summary) + " = " +
            std::to_string(validate.summary.Errors + validate.summary.Warnings) + " findings");
    row("HEAVY   the report's own Time (ms), same runs", n, validate.internal,
        "client / internal = " +
            fmt(validate.wall.median / std::max(validate.internal.median, 1e-6)));
    row("HEAVY   the office's CPU time during the call, same runs", n, validate.officeCpu,
        "independent of other load on the machine");
    std::printf(
        "| %-58s | %7d | %8ld |          |          | MB: office %ld MB before, peak %ld MB "
        "(VmHWM) during %d runs\n",
        "HEAVY (office memory growth during Validate)", n, validate.memoryGrowthMb, residentMb,
        validate.peakMb, runs);
    std::fflush(stdout);
    liveFigures(toolkit, book, n, runs, validate.wall.median);
    printOfficeTimings();
    if (std::getenv("BENCH_HEAVY_LIVE_ONLY")) {
        close(book.doc);
        return;
    }
    // For profiling Validate alone (perf attached to the office after the workbook is loaded).
    if (std::getenv("BENCH_HEAVY_VALIDATE_ONLY")) {
        printOfficeTimings();
        close(book.doc);
        return;
    }
    const auto [markInvalid, circled] = markInvalidData(book, n, runs);
    row("HEAVY Calc Mark Invalid Data (equivalent validity subset)", n, markInvalid,
        std::to_string(circled) + " cells circled; ratio Validate (client) / Mark Invalid = " +
            fmt(validate.wall.median / std::max(markInvalid.median, 1e-6)));
    heavyAssignRows(toolkit, book, n, runs);
    printOfficeTimings();
    close(book.doc);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: bench <dealsheet.oxt> [rows ... | heavy:rows ...]\n";
        return 2;
    }
    std::vector<int> sizes, heavySizes, markSizes;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("marks:", 0) == 0)
            markSizes.push_back(std::atoi(arg.c_str() + 6));
        else if (arg.rfind("heavy:", 0) == 0)
            heavySizes.push_back(std::atoi(arg.c_str() + 6));
        else
            sizes.push_back(std::atoi(arg.c_str()));
    }
    if (sizes.empty() && heavySizes.empty() && markSizes.empty()) {
        sizes = {1000, 10000, 100000};
        heavySizes = {100000};
    }
    const int runs = std::getenv("BENCH_RUNS") ? std::atoi(std::getenv("BENCH_RUNS")) : 3;
    // The office (started below, inheriting the environment) prints where each command's
    // time goes: reading, checking, marking, the report.
    setenv("DEALSHEET_TIMINGS", "1", 0);
    return runWithOffice("bench", argv[1], std::chrono::seconds(3000), [&] {
        const auto toolkit = driver::toolkit();
        std::printf("| %-58s | %7s | %8s | %8s | %8s | %s\n", "work (seconds)", "rows", "median",
                    "min", "max", "notes");
        std::printf("|%s|%s|%s|%s|%s|---\n", std::string(60, '-').c_str(),
                    std::string(9, '-').c_str(), std::string(10, '-').c_str(),
                    std::string(10, '-').c_str(), std::string(10, '-').c_str());
        for (int n : markSizes) marksExperiment(n);
        std::map<int, double> validateBySize;
        for (int n : sizes) {
            const long before = peakMemoryKb(Office::get().pid());
            const auto generateStart = Clock::now();
            Workbook book = generate(toolkit, n);
            const double generated =
                std::chrono::duration<double>(Clock::now() - generateStart).count();
            std::printf(
                "| %-58s | %7d | %8s |          |          | through the bridge, not a product "
                "figure\n",
                "(generate the workbook)", n, fmt(generated).c_str());

            pauseForProfiler();
            const ValidateFigures validate = validateFigures(toolkit, book, runs);
            validateBySize[n] = validate.wall.median;
            row("DealSheet Validate, client wall time", n, validate.wall,
                findingsNote(validate.summary));
            row("  the report's own Time (ms), same runs", n, validate.internal);
            row("  the office's CPU time during the call, same runs", n, validate.officeCpu);
            std::printf(
                "| %-58s | %7d | %8ld |          |          | MB above the office's size "
                "before Validate (VmHWM - VmRSS)\n",
                "(office memory growth during Validate)", n, validate.memoryGrowthMb);

            // What the reminder bar runs after a workbook opens (the same reading and decision).
            const Reference<org::dealsheet::calc::XToolkit2> toolkit2(toolkit, UNO_QUERY_THROW);
            sal_Int32 due = 0;
            const Stats reminders = measure(runs, nullptr, [&] {
                due = toolkit2->dueReminders(component(book.doc), "").getLength();
            });
            row("DealSheet reminder check on opening (dueReminders)", n, reminders,
                std::to_string(due) + " items due");

            const auto [markInvalid, circled] = markInvalidData(book, n, runs);
            row("Calc Mark Invalid Data (equivalent validity subset)", n, markInvalid,
                std::to_string(circled) + " cells circled; ratio Validate / Mark Invalid = " +
                    fmt(validate.wall.median / std::max(markInvalid.median, 1e-6)));

            // Bulk read of the same ranges inside the office: the floor for any extension.
            const std::string readSource =
                "Function ReadAll() As String\n"
                "  Dim t As Long, d As Variant, s As Object\n"
                "  t = GetSystemTicks()\n"
                "  For Each name In Array(\"客户信息登记表\", \"跟进行动表\", \"谈判记录表\", "
                "\"合同审批表\", \"合同履约跟踪表\")\n"
                "    s = ThisComponent.Sheets.getByName(name)\n"
                "    d = s.getCellRangeByPosition(0, 0, 19, " +
                std::to_string(n) +
                ").getDataArray()\n"
                "  Next\n"
                "  ReadAll = CStr(GetSystemTicks() - t)\n"
                "End Function\n";
            std::vector<double> reads;
            for (int i = 0; i < runs; ++i)
                reads.push_back(std::stod(runBasic(book.doc, "BenchRead", readSource, "ReadAll")) /
                                1000.0);
            std::sort(reads.begin(), reads.end());
            row("bulk read of the same ranges in the office (Basic getDataArray)", n,
                {reads[reads.size() / 2], reads.front(), reads.back()}, "the floor");

            long assigned = 0;
            const Stats assign = assignAllBlank(toolkit, book, n, runs, assigned);
            row("DealSheet Assign customer numbers (all blank)", n, assign,
                std::to_string(assigned) + " assigned");

            // The same number of cells written by Calc itself in one call, inside the office.
            const std::string writeSource =
                "Function WriteAll() As String\n"
                "  Dim t As Long, d(" +
                std::to_string(n - 1) +
                ") As Variant, i As Long\n"
                "  For i = 0 To " +
                std::to_string(n - 1) +
                "\n"
                "    d(i) = Array(\"202401-\" & Format(i + 1, \"000\"))\n"
                "  Next\n"
                "  t = GetSystemTicks()\n"
                "  ThisComponent.Sheets.getByName(\"客户信息登记表\").getCellRangeByPosition(0, 1, "
                "0, " +
                std::to_string(n) +
                ").setDataArray(d)\n"
                "  WriteAll = CStr(GetSystemTicks() - t)\n"
                "End Function\n";
            std::vector<double> writes;
            for (int i = 0; i < runs; ++i)
                writes.push_back(
                    std::stod(runBasic(book.doc, "BenchWrite", writeSource, "WriteAll")) / 1000.0);
            std::sort(writes.begin(), writes.end());
            row("Calc's own bulk write of the same cells (Basic setDataArray)", n,
                {writes[writes.size() / 2], writes.front(), writes.back()},
                "the floor for writing");

            // Why that floor is high: Calc re-measures the optimal height of every row written,
            // which means laying out the row's Chinese text. The same cells written from here,
            // first as they are, then with the document's IsAdjustHeightEnabled off around the
            // write (what DealSheet's commands do; the rows keep their optimal-height flag).
            const auto numberColumn =
                Reference<css::table::XCellRange>(byNameOrThrow(book.doc, "客户信息登记表"),
                                                  UNO_QUERY_THROW)
                    ->getCellRangeByPosition(0, 1, 0, n);
            std::vector<std::vector<Any>> sameNumbers;
            for (int i = 0; i < n; ++i)
                sameNumbers.push_back({text("202401-" + std::to_string(100 + i % 900))});
            const auto numbersData = toData(sameNumbers);
            const auto writeNumbers = [&] {
                Reference<css::sheet::XCellRangeData>(numberColumn, UNO_QUERY_THROW)
                    ->setDataArray(numbersData);
            };
            row("  the same write through the bridge, heights re-measured", n,
                measure(runs, nullptr, writeNumbers));
            Reference<css::beans::XPropertySet> document(book.doc, UNO_QUERY_THROW);
            const Stats paused = measure(runs, nullptr, [&] {
                document->setPropertyValue("IsAdjustHeightEnabled", Any(false));
                writeNumbers();
                document->setPropertyValue("IsAdjustHeightEnabled", Any(true));
            });
            row("  the same write with IsAdjustHeightEnabled off around it", n, paused,
                "row-height measuring is the difference");

            printOfficeTimings();
            numberingWithCountifs(book.doc, n, assign.median);
            close(book.doc);
            functionsVersusBuiltIns(n, runs);
            std::printf(
                "| %-58s | %7d | %8ld |          |          | MB, office process peak (VmHWM) "
                "growth\n",
                "(office peak memory growth, whole run at this size)", n,
                (peakMemoryKb(Office::get().pid()) - before) / 1024);
        }
        for (int n : heavySizes) heavyCase(toolkit, n, runs);
        if (validateBySize.count(10000) && validateBySize.count(100000))
            std::printf(
                "\nValidate time(100k) / time(10k) = %.1f (linear: about 10; target <= 12)\n",
                validateBySize[100000] / validateBySize[10000]);
    });
}
