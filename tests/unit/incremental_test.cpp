// Checking as you type, the pure part: after every edit of random edit sequences the
// incremental findings are exactly a full check's of the same workbook, and an edit rechecks
// the rows that depend on it (references, duplicate keys and names, both rows).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

#include "core/validate/incremental.hpp"

using namespace dealsheet;

namespace {

const SerialDates kDates;
const long kToday = *kDates.toSerial({2024, 6, 12});

ValidationOptions options() { return {kDates, kToday, Settings{}, nullptr}; }

// Values drawn from small pools, so keys, names and references collide often.
std::vector<CellValue> poolOf(const ColumnSchema& column) {
    const auto day = [](int offset) { return CellValue(static_cast<double>(kToday + offset)); };
    if (column.id == "customerNo")
        return {std::string("202406-001"), std::string("202406-002"), std::string("202406-003"),
                std::string("2024-6"), CellValue{}};
    if (column.id == "customerName")
        return {std::string("华锐机械"),
                std::string(" 华锐机械　"),
                std::string("ＡＣＭＥ"),
                std::string("acme"),
                std::string("北方重工"),
                std::string("北京华盛科技有限公司"),
                std::string("华盛科技（北京）有限责任公司"),
                std::string("华盛科技"),
                std::string("上海华盛科技有限公司"),
                std::string("同方威视技术有限公司"),
                std::string("同方威士技术有限公司"),
                CellValue{}};
    // One company's credit code, another's, a mistyped one; a row merged into another.
    if (column.id == "creditCode")
        return {std::string("91110108MA01D8NW4H"), std::string("91330106MA27Y6H433"),
                std::string("91330106MA27Y6H431"), CellValue{}, CellValue{}};
    if (column.id == "notes")
        return {std::string("已合并 → 202406-001"), std::string("x"), CellValue{}, CellValue{}};
    if (column.id == "phoneEmail")
        return {std::string("138-0013-8000"), std::string("13900000001"),
                std::string("139 0000 0001 / li@acme.cn"), std::string("li@acme.cn"), CellValue{}};
    if (column.id == "actionNo" || column.id == "contractNo" || column.id == "recordNo")
        return {std::string("K-1"), std::string("K-2"), std::string("K-3"), CellValue{}};
    if (column.id == "sourceRecord") return {std::string("K-1"), std::string("K-9"), CellValue{}};
    if (column.isDate()) return {day(-30), day(-1), day(0), day(3), day(40), std::string("昨天")};
    if (column.list) {
        std::vector<CellValue> values;
        for (const auto& v : column.list->values) values.push_back(std::string(v.text.zh));
        values.push_back(std::string("别的"));
        values.push_back(CellValue{});
        return values;
    }
    if (column.type == ColumnType::Number || column.type == ColumnType::Integer)
        return {0.0, 2.0, 4.0, 60.0, -1.0, std::string("六十"), CellValue{}};
    return {std::string("王磊"), std::string("138-0013-8000"), std::string("li@acme.cn"),
            std::string("x"), CellValue{}};
}

struct Workbook {
    IncrementalCheck::Sheets sheets;
    std::vector<std::vector<std::vector<CellValue>>> pools;  // per sheet, per column
};

Workbook randomWorkbook(std::mt19937& random, int rows) {
    Workbook w;
    for (const char* id : {"customers", "actions", "approvals", "handover", "negotiations"}) {
        const SheetSchema& schema = productSchema().sheetOrThrow(id);
        SheetData data;
        data.name = schema.name.zh;
        auto& header = data.cells.emplace_back();
        auto& pools = w.pools.emplace_back();
        for (const auto& c : schema.columns) {
            header.push_back(std::string(c.header.zh));
            pools.push_back(poolOf(c));
        }
        for (int r = 0; r < rows; ++r) {
            auto& row = data.cells.emplace_back();
            for (const auto& pool : pools) row.push_back(pool[random() % pool.size()]);
        }
        w.sheets.emplace_back(&schema, std::move(data));
    }
    return w;
}

std::vector<std::string> described(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings)
        out.push_back(f.sheet + "!" + std::to_string(f.row) + ":" + std::to_string(f.column) + " " +
                      f.rule + " " + f.value + " " + f.messageZh + " / " + f.messageEn);
    return out;
}

// The findings one list has and the other lacks, for a readable failure.
std::string difference(const std::vector<std::string>& got, const std::vector<std::string>& want) {
    std::string out;
    for (const auto& g : got)
        if (std::find(want.begin(), want.end(), g) == want.end()) out += "\n  extra:   " + g;
    for (const auto& w : want)
        if (std::find(got.begin(), got.end(), w) == got.end()) out += "\n  missing: " + w;
    return out;
}

std::vector<CellValue> rowOf(const IncrementalCheck& check, std::size_t sheet, int sheetRow) {
    const SheetData& data = check.sheets()[sheet].second;
    for (int r = 1; r < data.rowCount(); ++r)
        if (data.sheetRow(r) == sheetRow) return data.cells[static_cast<std::size_t>(r)];
    return std::vector<CellValue>(data.cells[0].size());
}

}  // namespace

// Seeds 1, 5 record the dependencies with the first check; 2, 6 work them out on a thread of
// their own (checkWorkbook); 3, 7 start that and abandon it at once (a new check came); 4, 8
// leave them to the first edit (as after Validate's report), which works them out of the rows
// as they were checked.
TEST(IncrementalCheck, AgreesWithAFullCheckAfterEveryRandomEdit) {
    for (unsigned seed = 1; seed <= 8; ++seed) {
        std::mt19937 random(seed);
        Workbook w = randomWorkbook(random, 12);
        const auto pools = w.pools;
        const bool recordFirst = seed % 4 == 1;
        IncrementalCheck check(std::move(w.sheets), options(), recordFirst);
        EXPECT_EQ(check.dependenciesReady(), recordFirst);
        if (seed % 4 == 2 || seed % 4 == 3) check.prepareDependenciesAside();
        if (seed % 4 == 3) {
            check.stopPreparing();
            EXPECT_FALSE(check.preparingAside());  // an edit would work them out itself
        }
        if (seed % 4 == 2 && seed == 2) {
            // Done beside the caller, who sees it done without waiting on it.
            const auto start = std::chrono::steady_clock::now();
            while (check.preparingAside() &&
                   std::chrono::steady_clock::now() - start < std::chrono::seconds(10))
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            EXPECT_FALSE(check.preparingAside());
            EXPECT_TRUE(check.dependenciesReady());
        }
        ASSERT_EQ(described(check.findings()),
                  described(validateWorkbook(check.sheets(), options()).findings));
        for (int step = 0; step < 120; ++step) {
            // One cell typed, a row cleared, or a burst (a paste) of several rows at once.
            const std::size_t sheet = random() % check.sheets().size();
            const int lastRow =
                check.sheets()[sheet].second.sheetRow(check.sheets()[sheet].second.rowCount() - 1);
            std::vector<RowEdit> edits;
            const int kind = static_cast<int>(random() % 10);
            const int burst = kind == 9 ? 1 + static_cast<int>(random() % 4) : 1;
            for (int b = 0; b < burst; ++b) {
                RowEdit edit;
                edit.sheet = sheet;
                edit.sheetRow = 1 + static_cast<int>(random() % static_cast<unsigned>(lastRow + 2));
                edit.cells = rowOf(check, sheet, edit.sheetRow);
                const auto& columnPools = pools[sheet];
                if (kind == 8) {
                    for (auto& cell : edit.cells) cell = CellValue{};
                } else {
                    const std::size_t column = random() % columnPools.size();
                    const auto& pool = columnPools[column];
                    edit.cells[column] = pool[random() % pool.size()];
                }
                edits.push_back(std::move(edit));
            }
            const auto before = check.findings();
            const FindingsDelta delta = check.apply(edits);
            const auto full = validateWorkbook(check.sheets(), options()).findings;
            ASSERT_EQ(described(check.findings()), described(full))
                << "seed " << seed << ", step " << step
                << difference(described(check.findings()), described(full));
            EXPECT_EQ(check.findingCount(), full.size());
            // The delta is the difference itself.
            EXPECT_EQ(before.size() - delta.removed.size() + delta.added.size(), full.size());
        }
    }
}

TEST(IncrementalCheck, AReferenceTypedWrongAndCorrected) {
    std::mt19937 random(7);
    const SheetSchema& customers = productSchema().sheetOrThrow("customers");
    const SheetSchema& actions = productSchema().sheetOrThrow("actions");
    IncrementalCheck::Sheets sheets;
    for (const SheetSchema* schema : {&customers, &actions}) {
        SheetData data;
        data.name = schema->name.zh;
        auto& header = data.cells.emplace_back();
        for (const auto& c : schema->columns) header.push_back(std::string(c.header.zh));
        sheets.emplace_back(schema, std::move(data));
    }
    IncrementalCheck check(std::move(sheets), options());
    const auto row = [&](std::size_t sheet, std::map<std::string, CellValue> values) {
        RowEdit edit;
        edit.sheet = sheet;
        edit.sheetRow = 1;
        for (const auto& c : check.sheets()[sheet].first->columns)
            edit.cells.push_back(values.count(c.id) ? values[c.id] : CellValue{});
        return edit;
    };
    const double today = static_cast<double>(kToday);
    check.apply({row(0, {{"customerNo", std::string("202406-001")},
                         {"registeredOn", today},
                         {"customerName", std::string("华锐")},
                         {"industry", std::string("制造业")},
                         {"contact", std::string("周")},
                         {"phoneEmail", std::string("13800138000")},
                         {"coreNeeds", std::string("MES")},
                         {"stage", std::string("需求挖掘")},
                         {"owner", std::string("王磊")}})});
    EXPECT_EQ(check.findingCount(), 0u);
    std::map<std::string, CellValue> action{{"actionNo", std::string("XD-1")},
                                            {"customerNo", std::string("202406-009")},
                                            {"task", std::string("回访")},
                                            {"owner", std::string("王磊")},
                                            {"dueDate", today + 5},
                                            {"status", std::string("进行中")}};
    auto delta = check.apply({row(1, action)});
    ASSERT_EQ(delta.added.size(), 1u);
    EXPECT_EQ(delta.added[0].rule, "REF");
    action["customerNo"] = std::string("202406-001");
    delta = check.apply({row(1, action)});
    EXPECT_EQ(delta.removed.size(), 1u);
    EXPECT_TRUE(delta.added.empty());
    // The register's number changed: the action that refers to it is rechecked too.
    auto edit = row(0, {});
    edit.cells = rowOf(check, 0, 1);
    edit.cells[0] = std::string("202406-002");
    delta = check.apply({edit});
    ASSERT_EQ(delta.added.size(), 1u);
    EXPECT_EQ(delta.added[0].rule, "REF");
    EXPECT_EQ(delta.added[0].sheet, actions.name.zh);
    EXPECT_EQ(delta.rowsChecked, 2u);
}
