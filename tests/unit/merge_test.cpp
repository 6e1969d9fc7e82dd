// Merge customers' plan (SPEC §12): every reference to the merged customer moves, the merged
// register row is marked and stays, nothing else changes, and the refusals say why.
#include <gtest/gtest.h>

#include <map>

#include "core/matching/merge.hpp"
#include "core/matching/merge_messages.hpp"
#include "core/workbook/schema.hpp"

using namespace dealsheet;

namespace {

using Rows = std::vector<std::map<std::string, CellValue>>;

SheetData sheetOf(const std::string& id, const Rows& rows, Lang lang = Lang::Zh,
                  const std::string& without = {}) {
    const SheetSchema& schema = productSchema().sheetOrThrow(id);
    SheetData data;
    data.name = schema.name.in(lang);
    data.cells.emplace_back();
    std::vector<std::string> ids;
    for (const auto& c : schema.columns)
        if (c.id != without) {
            data.cells.back().push_back(c.header.in(lang));
            ids.push_back(c.id);
        }
    for (const auto& row : rows) {
        auto& cells = data.cells.emplace_back();
        for (const auto& id : ids) {
            const auto it = row.find(id);
            cells.push_back(it == row.end() ? CellValue{} : it->second);
        }
    }
    return data;
}

struct Workbook {
    std::vector<SheetData> data;
    std::vector<RecognisedSheet> sheets;
    void add(const std::string& id, SheetData sheet) {
        data.push_back(std::move(sheet));
        ids.push_back(id);
    }
    void recogniseAll() {
        sheets.clear();
        for (std::size_t i = 0; i < data.size(); ++i)
            sheets.push_back(recognise(productSchema().sheetOrThrow(ids[i]), data[i]));
    }
    std::vector<std::string> ids;
};

Workbook sample(const std::string& registerWithout = {}) {
    Workbook book;
    book.add("customers", sheetOf("customers",
                                  {{{"customerNo", std::string("202406-001")},
                                    {"customerName", std::string("北京华盛科技有限公司")}},
                                   {{"customerNo", std::string("202406-002")},
                                    {"customerName", std::string("华盛科技")},
                                    {"notes", std::string("展会名片")}},
                                   {{"customerNo", std::string("202406-003")},
                                    {"customerName", std::string("华为技术有限公司")}}},
                                  Lang::Zh, registerWithout));
    book.add(
        "actions",
        sheetOf("actions",
                {{{"actionNo", std::string("XD-1")}, {"customerNo", std::string("202406-002")}},
                 {{"actionNo", std::string("XD-2")}, {"customerNo", std::string(" 202406-002 ")}},
                 {{"actionNo", std::string("XD-3")}, {"customerNo", std::string("202406-003")}}}));
    book.add("handover", sheetOf("handover", {{{"contractNo", std::string("HT-1")},
                                               {"customerNo", std::string("202406-002")},
                                               {"customerName", std::string("华盛科技")}}}));
    book.recogniseAll();
    return book;
}

}  // namespace

TEST(MergeCustomers, MovesEveryReferenceAndMarksTheMergedRow) {
    const Workbook book = sample();
    MergePlan plan;
    ASSERT_FALSE(planMerge(book.sheets, "202406-001", "202406-002", plan));
    EXPECT_EQ(plan.movedRows, (std::vector<long>{0, 2, 1}));
    EXPECT_EQ(plan.keptName, "北京华盛科技有限公司");
    EXPECT_EQ(plan.mergedName, "华盛科技");
    EXPECT_EQ(plan.mergedSheetRow, 2);
    std::map<std::tuple<std::size_t, int, int>, std::string> changes;
    for (const auto& c : plan.changes)
        changes[{c.sheet, c.row, c.column}] = std::get<std::string>(c.after);
    const int notes = book.sheets[0].column("notes");
    const int actionNo = book.sheets[1].column("customerNo");
    const int handoverNo = book.sheets[2].column("customerNo");
    const int handoverName = book.sheets[2].column("customerName");
    const std::map<std::tuple<std::size_t, int, int>, std::string> expected{
        {{0, 2, notes}, "展会名片；已合并 → 202406-001"},
        {{1, 1, actionNo}, "202406-001"},
        {{1, 2, actionNo}, "202406-001"},
        {{2, 1, handoverNo}, "202406-001"},
        {{2, 1, handoverName}, "北京华盛科技有限公司"},
    };
    EXPECT_EQ(changes, expected);
    EXPECT_EQ(plan.changes.size(), expected.size());  // nothing written twice
}

TEST(MergeCustomers, RefusesWithAReason) {
    const Workbook book = sample();
    MergePlan plan;
    auto refusal = planMerge(book.sheets, "202406-001", "202406-009", plan);
    ASSERT_TRUE(refusal);
    EXPECT_EQ(refusal->reason.zh, msg::kMergeNotFound.zh);
    EXPECT_EQ(refusal->detail, "202406-009");
    refusal = planMerge(book.sheets, "202406-001", " 202406-001", plan);
    ASSERT_TRUE(refusal);
    EXPECT_EQ(refusal->reason.zh, msg::kMergeSameCustomer.zh);

    Workbook noNotes = sample("notes");
    refusal = planMerge(noNotes.sheets, "202406-001", "202406-002", plan);
    ASSERT_TRUE(refusal);
    EXPECT_EQ(refusal->reason.zh, msg::kMergeNoNotes.zh);
}

TEST(MergeCustomers, AMergedCustomerIsNotMergedTwice) {
    Workbook book = sample();
    MergePlan plan;
    ASSERT_FALSE(planMerge(book.sheets, "202406-001", "202406-002", plan));
    for (const auto& c : plan.changes)
        book.data[c.sheet]
            .cells[static_cast<std::size_t>(c.row)][static_cast<std::size_t>(c.column)] = c.after;
    book.recogniseAll();
    const auto refusal = planMerge(book.sheets, "202406-003", "202406-002", plan);
    ASSERT_TRUE(refusal);
    EXPECT_EQ(refusal->reason.zh, msg::kMergeAlreadyMerged.zh);
    EXPECT_TRUE(carriesMergeMark("已合并 → 202406-001"));
    EXPECT_TRUE(carriesMergeMark("trade fair; merged → 202406-001"));
    EXPECT_FALSE(carriesMergeMark("合并报价"));
}
