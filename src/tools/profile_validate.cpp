// The core of Validate alone, on a generated workbook in memory (no office): 100,000 customers
// and 100,000 actions with about 1% mistakes, as in the benchmark; "heavy" as a third argument
// gives the benchmark's heavy register (about 145,000 findings), "heavy-full" the same register
// with nothing run but checkWorkbook's full check (IncrementalCheck without dependencies and
// its findings copied out, as runFullCheck does). For profiling:
//   valgrind --tool=callgrind build/profile_validate 100000
//   build/profile_validate 100000 3 heavy
// Each run prints the time of validateWorkbook alone (the data is generated before the clock
// starts) and a hash of every finding (all fields, in order), so a faster core can be shown to
// find exactly the same; a fourth argument names a file to write the findings to, one a line.
// "duplicates" as the third argument plants one company written two ways in 5% of the
// customers (SPEC §12): every 40th row is an earlier row's company with its region in brackets
// and another legal form (DUPLICATE_NAME), every 40th another company with an earlier row's
// mobile (LIKELY_DUPLICATE); it prints how many of each were found against how many planted.
#include <malloc.h>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <memory>
#include <string>

#include "core/functions/functions.hpp"
#include "core/sidebar/problem_list.hpp"
#include "core/validate/incremental.hpp"
#include "core/validate/validator.hpp"
#include "core/workbook/dates.hpp"
#include "core/workbook/schema.hpp"
#include "register_generator.hpp"

using namespace dealsheet;

namespace {

// Every field of a finding, tab-separated.
std::string findingLine(const Finding& f) {
    return std::string(f.severity == Severity::Error ? "E" : "W") + "\t" + f.rule + "\t" + f.sheet +
           "\t" + std::to_string(f.row) + "\t" + std::to_string(f.column) + "\t" + f.field + "\t" +
           f.value + "\t" + f.messageZh + "\t" + f.messageEn;
}

// FNV-1a over the findings' lines.
std::uint64_t findingsHash(const std::vector<Finding>& findings) {
    std::uint64_t hash = 14695981039346656037ull;
    for (const auto& f : findings)
        for (const char c : findingLine(f) + "\n") {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ull;
        }
    return hash;
}

// Bytes the allocator has handed out and not got back.
std::size_t heapInUse() {
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

}  // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 1;
    const Schema& schema = productSchema();
    const SerialDates dates;
    const long today = dates.todaySerial();
    const std::string mode = argc > 3 ? argv[3] : "";
    // "heavy-full": the heavy register, and nothing timed but checkWorkbook's full check.
    const bool fullOnly = mode == "heavy-full";
    const bool heavy = mode == "heavy" || fullOnly;
    const bool duplicates = mode == "duplicates";
    tools::RegisterGenerator generator(20261122u, today,
                                       heavy ? tools::Trouble::Heavy : tools::Trouble::Light);
    const auto withHeader = [&](const char* id, CellGrid rows) {
        std::vector<CellValue> header;
        for (const auto& column : schema.sheetOrThrow(id).columns)
            header.emplace_back(column.header.zh);
        rows.insert(rows.begin(), std::move(header));
        return rows;
    };
    CellGrid customerRows = generator.customers(n);
    long plantedNames = 0;
    long plantedMobiles = 0;
    if (duplicates) {
        const auto& register_ = schema.sheetOrThrow("customers");
        const auto name = static_cast<std::size_t>(register_.columnIndex("customerName"));
        const auto phone = static_cast<std::size_t>(register_.columnIndex("phoneEmail"));
        for (std::size_t i = 20; i < customerRows.size(); ++i) {
            const std::size_t earlier = i - 17;
            if (i % 40 == 19) {  // 客户12有限公司 → 客户12（北京）有限责任公司
                customerRows[i][name] = "客户" + std::to_string(earlier) + "（北京）有限责任公司";
                ++plantedNames;
            } else if (i % 40 == 39) {
                customerRows[i][phone] = customerRows[earlier][phone];
                ++plantedMobiles;
            }
        }
    }
    SheetData customers{"客户信息登记表", withHeader("customers", std::move(customerRows)), {}, {}};
    SheetData actions{"跟进行动表", withHeader("actions", generator.actions(n)), {}, {}};
    std::vector<std::pair<const SheetSchema*, SheetData>> sheets;
    sheets.emplace_back(&schema.sheetOrThrow("customers"), std::move(customers));
    sheets.emplace_back(&schema.sheetOrThrow("actions"), std::move(actions));

    // DealSheet's own share of a function call (what Calc's add-in call adds is measured by
    // the benchmark): the core of LEADGRADE and DUESTATUS, a million calls each.
    if (!fullOnly) {
        FunctionContext context;
        context.dates = dates;
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

    for (int run = 0; run < (fullOnly ? 0 : runs); ++run) {
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpuStart = std::clock();
        const ValidationResult result = validateWorkbook(sheets, {dates, today, {}});
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        // The processor time too: on a shared machine it varies less than the wall time.
        const double cpu = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        std::printf(
            "validate core: %d + %d rows, %ld errors, %ld warnings, %.3f s (cpu %.3f s), "
            "%zu findings hash %016llx\n",
            n, n, result.errors, result.warnings, seconds, cpu, result.findings.size(),
            static_cast<unsigned long long>(findingsHash(result.findings)));
        if (duplicates) {
            long names = 0;
            long likely = 0;
            for (const auto& f : result.findings) {
                names += f.rule == "DUPLICATE_NAME";
                likely += f.rule == "LIKELY_DUPLICATE";
            }
            std::printf(
                "duplicates: DUPLICATE_NAME %ld of %ld planted, LIKELY_DUPLICATE %ld of %ld "
                "planted\n",
                names, plantedNames, likely, plantedMobiles);
        }
        if (argc > 4 && run == 0) {
            std::ofstream out(argv[4]);
            for (const auto& f : result.findings) out << findingLine(f) << '\n';
        }
    }

    // checkWorkbook's full check (runFullCheck): the incremental check without its dependency
    // bookkeeping, and the findings copied out of it; on two threads (as in the office) and on
    // one (the processor time it takes, whatever else runs on the machine). The workbook is
    // copied before the clock starts, as the office hands over the one it read.
    for (const unsigned threads : {2u, 1u})
        for (int run = 0; run < runs; ++run) {
            IncrementalCheck::Sheets copy = sheets;
            ValidationOptions options{dates, today, {}};
            options.threads = threads;
            const auto start = std::chrono::steady_clock::now();
            const std::clock_t cpuStart = std::clock();
            const IncrementalCheck check(std::move(copy), options, /*recordDependencies=*/false);
            const std::vector<Finding> findings = check.findings();
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const double cpu = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
            std::printf(
                "full check (checkWorkbook's core), %u thread%s: %.3f s (cpu %.3f s), %zu "
                "findings hash %016llx\n",
                threads, threads > 1 ? "s" : "", seconds, cpu, findings.size(),
                static_cast<unsigned long long>(findingsHash(findings)));
        }

    // The same check kept for live checking (checkWorkbook, Validate): the incremental check's
    // full check with its dependency bookkeeping, and the memory it keeps (the findings, the
    // workbook it rechecks rows of, the dependencies), counted by the allocator.
    for (int run = 0; run < (fullOnly ? 0 : runs); ++run) {
        const std::size_t heapBefore = heapInUse();
        const auto start = std::chrono::steady_clock::now();
        auto kept = std::make_unique<IncrementalCheck>(sheets, ValidationOptions{dates, today, {}});
        const double built =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const std::size_t heapKept = heapInUse();
        // The snapshot the Problems panel and getFindings read.
        std::vector<Finding> all;
        all.reserve(kept->findingCount());
        kept->forEachFinding([&](const Finding& f) { all.push_back(f); });
        const FindingList snapshot(std::move(all));
        const std::size_t heapSnapshot = heapInUse();
        // The Problems panel's part in the core: the unfiltered list and its counts.
        const auto listStart = std::chrono::steady_clock::now();
        const auto listed = filterProblems(snapshot, {});
        const auto counts = countProblems(snapshot, {});
        const double listing =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - listStart).count();
        std::printf(
            "incremental check kept: %zu findings, %.3f s; kept in memory %.1f MB (findings, "
            "workbook, dependencies), the findings' snapshot %.1f MB; Problems list of %zu "
            "entries with counts (%ld) %.3f s\n",
            kept->findingCount(), built,
            static_cast<double>(heapKept - heapBefore) / (1024.0 * 1024.0),
            static_cast<double>(heapSnapshot - heapKept) / (1024.0 * 1024.0), listed.size(),
            counts.all, listing);
    }
}
