// The core of Validate alone, on a generated workbook in memory (no office): 100,000 customers
// and 100,000 actions with about 1% mistakes, as in the benchmark. For profiling:
//   valgrind --tool=callgrind build/profile_validate 100000
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>

#include "core/customer_number.hpp"
#include "core/dates.hpp"
#include "core/functions.hpp"
#include "core/schema.hpp"
#include "core/validator.hpp"

using namespace dealsheet;

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 1;
    std::mt19937 random(20261122u);
    const auto pick = [&](int count) {
        return static_cast<int>(random() % static_cast<unsigned>(count));
    };
    const auto chance = [&](int percent) { return pick(100) < percent; };
    const Schema& schema = productSchema();
    const SerialDates dates;
    const long today = dates.todaySerial();
    const auto word = [&](const char* list) {
        const auto& values = schema.list(list).values;
        return values[static_cast<std::size_t>(pick(static_cast<int>(values.size())))].text.zh;
    };
    const auto header = [&](const char* id) {
        std::vector<CellValue> row;
        for (const auto& column : schema.sheetOrThrow(id).columns)
            row.emplace_back(column.header.zh);
        return row;
    };

    SheetData customers{"客户信息登记表", {header("customers")}, {}, {}};
    std::vector<std::string> numbers;
    std::map<int, int> perMonth;
    for (int i = 0; i < n; ++i) {
        const long registered = today - 1 - pick(720);
        const auto civil = dates.toCivil(static_cast<double>(registered));
        numbers.push_back(formatCustomerNumber(civil->year, civil->month,
                                               ++perMonth[civil->year * 100 + civil->month]));
        customers.cells.push_back(
            {numbers.back(),
             chance(1) ? CellValue("2026/13/45") : CellValue(static_cast<double>(registered)),
             "客户" + std::to_string(i) + "有限公司", word("industries"), "中型",
             chance(1) ? CellValue() : CellValue("联系人" + std::to_string(i)), "经理",
             word("decisionRoles"), "138-0013-" + std::to_string(1000 + i % 9000),
             word("leadSources"), "需求" + std::to_string(i), static_cast<double>(pick(200)),
             static_cast<double>(1 + pick(5)), static_cast<double>(chance(1) ? 7 : 1 + pick(5)),
             CellValue(), chance(1) ? std::string("跟进中") : word("stages"), word("followUp"),
             "销售" + std::to_string(i % 20), CellValue()});
    }
    SheetData actions{"跟进行动表", {header("actions")}, {}, {}};
    for (int i = 0; i < n; ++i) {
        const long created = today - pick(120);
        const bool done = chance(40);
        long due = done ? created + pick(30) : std::max(today + 5, created) + pick(60);
        if (!done && chance(1)) due = today - 1 - pick(20);
        if (!done && chance(1)) due = today + pick(2);
        if (chance(1)) due = created - 1 - pick(30);
        actions.cells.push_back(
            {"XD-" + std::to_string(i),
             chance(1) ? std::string("209901-999") : numbers[static_cast<std::size_t>(pick(n))],
             CellValue(), "任务" + std::to_string(i), "销售" + std::to_string(i % 20),
             static_cast<double>(created), static_cast<double>(due),
             std::string(done ? "已完成" : "进行中"),
             done ? CellValue(static_cast<double>(created + 1)) : CellValue()});
    }
    std::vector<std::pair<const SheetSchema*, SheetData>> sheets;
    sheets.emplace_back(&schema.sheetOrThrow("customers"), std::move(customers));
    sheets.emplace_back(&schema.sheetOrThrow("actions"), std::move(actions));

    // DealSheet's own share of a function call (what Calc's add-in call adds is measured by
    // the benchmark): the core of LEADGRADE and DUESTATUS, a million calls each.
    {
        const FunctionContext context{dates, {}, kDefaultWarnDays, std::nullopt};
        const int calls = 1000000;
        std::size_t sink = 0;
        auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < calls; ++i)
            sink += functions::leadGrade(context, static_cast<double>(i % 120),
                                         static_cast<double>(1 + i % 5),
                                         static_cast<double>(1 + (i / 5) % 5), {}, {}, {})
                        .size();
        const double grade =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        start = std::chrono::steady_clock::now();
        for (int i = 0; i < calls; ++i)
            sink += functions::dueStatus(context, static_cast<double>(today - 10 + i % 30),
                                         std::string(i % 3 ? "进行中" : "已完成"), {},
                                         static_cast<double>(today), {}, {})
                        .size();
        const double due =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("core per call: LEADGRADE %.3f us, DUESTATUS %.3f us (%zu)\n", grade, due,
                    sink % 10);
    }

    for (int run = 0; run < runs; ++run) {
        const auto start = std::chrono::steady_clock::now();
        const ValidationResult result = validateWorkbook(sheets, {dates, today, {}});
        std::printf(
            "validate core: %d + %d rows, %ld errors, %ld warnings, %.3f s\n", n, n, result.errors,
            result.warnings,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
}
