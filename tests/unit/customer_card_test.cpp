// The customer card (src/core/customer): what the Customer panel and customerCard show for a
// customer, and which customer a selected row is about.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/customer/customer_card.hpp"
#include "core/workbook/schema.hpp"

using namespace dealsheet;

namespace {

const SerialDates kDates;
double on(int y, int m, int d) { return static_cast<double>(*kDates.toSerial({y, m, d})); }

using Row = std::map<std::string, CellValue>;

SheetData sheetOf(const std::string& id, const std::vector<Row>& rows, Lang lang = Lang::Zh) {
    const SheetSchema& schema = productSchema().sheetOrThrow(id);
    SheetData data;
    data.name = schema.name.in(lang);
    auto& header = data.cells.emplace_back();
    for (const auto& column : schema.columns) header.emplace_back(column.header.in(lang));
    for (const auto& row : rows) {
        auto& cells = data.cells.emplace_back();
        for (const auto& column : schema.columns) {
            const auto it = row.find(column.id);
            cells.push_back(it == row.end() ? CellValue{} : it->second);
        }
    }
    return data;
}

std::string s(const char* text) { return text; }

struct Workbook {
    std::vector<SheetData> data;
    CardInput input;
    explicit Workbook(std::vector<std::pair<std::string, SheetData>> sheets, Lang lang = Lang::Zh) {
        data.reserve(sheets.size());
        for (auto& [id, sheet] : sheets) data.push_back(std::move(sheet));
        for (std::size_t i = 0; i < data.size(); ++i)
            input.sheets.push_back(
                recognise(productSchema().sheetOrThrow(sheets[i].first), data[i]));
        input.today = static_cast<long>(on(2026, 12, 1));
        input.lang = lang;
    }
};

std::vector<std::pair<std::string, SheetData>> sample() {
    return {
        {"customers", sheetOf("customers", {{{"customerNo", s("202601-001")},
                                             {"registeredOn", on(2026, 1, 5)},
                                             {"customerName", s("江苏华锐重工")},
                                             {"contact", s("张伟")},
                                             {"stage", s("商务谈判")},
                                             {"owner", s("王磊")}},
                                            {{"customerNo", s("202601-002")},
                                             {"customerName", s("苏州明德电子")},
                                             {"owner", s("陈晨")}}})},
        {"negotiations", sheetOf("negotiations", {{{"recordNo", s("TP-1")},
                                                   {"customerNo", s("202601-001")},
                                                   {"meetingDate", on(2026, 11, 2)},
                                                   {"round", 1.0},
                                                   {"topic", s("需求确认")},
                                                   {"outcome", s("有进展")}},
                                                  {{"recordNo", s("TP-2")},
                                                   {"customerNo", s("２０２６０１-００１")},
                                                   {"meetingDate", on(2026, 11, 20)},
                                                   {"round", 2.0},
                                                   {"topic", s("价格谈判")},
                                                   {"outcome", s("有进展")},
                                                   {"nextStep", s("发送报价单")}}})},
        {"actions", sheetOf("actions", {{{"actionNo", s("A-1")},
                                         {"customerNo", s("202601-001")},
                                         {"task", s("发送报价单")},
                                         {"owner", s("王磊")},
                                         {"createdOn", on(2026, 11, 21)},
                                         {"dueDate", on(2026, 11, 25)},
                                         {"status", s("进行中")}},
                                        {{"actionNo", s("A-2")},
                                         {"customerNo", s("202601-001")},
                                         {"task", s("安排演示")},
                                         {"owner", s("王磊")},
                                         {"dueDate", on(2026, 12, 3)},
                                         {"status", s("未开始")}},
                                        {{"actionNo", s("A-3")},
                                         {"customerNo", s("202601-001")},
                                         {"task", s("首次拜访")},
                                         {"dueDate", on(2026, 10, 3)},
                                         {"status", s("已完成")}},
                                        {{"actionNo", s("A-4")},
                                         {"customerNo", s("202601-002")},
                                         {"task", s("别人的行动")},
                                         {"dueDate", on(2026, 10, 3)},
                                         {"status", s("未开始")}}})},
        {"approvals", sheetOf("approvals", {{{"contractNo", s("HT-9")},
                                             {"customerNo", s("202601-001")},
                                             {"contractName", s("一期")},
                                             {"amount", 120000.0},
                                             {"approvalResult", s("审批中")}}})},
        {"execution", sheetOf("execution", {{{"contractNo", s("HT-9")},
                                             {"milestone", s("预付款到账")},
                                             {"plannedDate", on(2026, 11, 10)},
                                             {"status", s("正常进行")}}})},
    };
}

std::vector<std::string> texts(const CustomerCard& card) {
    std::vector<std::string> out;
    for (const auto& line : card.lines) out.push_back(cardLineText(line));
    return out;
}

}  // namespace

TEST(CustomerCard, ShowsRegisterLatestNegotiationOpenActionsContractsAndProtection) {
    Workbook book(sample());
    const CustomerCard card = buildCustomerCard(book.input, " 202601-001 ");
    EXPECT_TRUE(card.registered);
    EXPECT_EQ(card.customerName, "江苏华锐重工");
    EXPECT_EQ(card.owner, "王磊");
    EXPECT_EQ(card.openActions, 2);
    EXPECT_EQ(card.overdueActions, 1);
    EXPECT_EQ(card.contracts, 1);
    ASSERT_TRUE(card.protectionEnd);
    EXPECT_EQ(*card.protectionEnd, static_cast<long>(on(2026, 11, 21)) + 30);
    const std::vector<std::string> expected = {
        "202601-001 江苏华锐重工",
        "【登记信息】",
        "  登记日期：2026-01-05",
        "  联系人：张伟",
        "  销售阶段：商务谈判",
        "  负责人：王磊",
        "【最近谈判】",
        "  · 2026-11-20 · 第2轮 · 价格谈判 · 有进展",
        "  下一步行动：发送报价单",
        "  共 2 次谈判记录",
        "【未完成行动 (2)】",
        "  ⚠ 已逾期 6 天 · 发送报价单 · 王磊",
        "  · 截止 2026-12-03 · 安排演示 · 王磊",
        "【合同 (1)】",
        "  · HT-9 · 一期 · 120000 · 审批中",
        "  ⚠   预付款到账 · 计划 2026-11-10 · 正常进行",
        "【保护期】",
        "  保护期至 2026-12-21（最近跟进 2026-11-21）",
    };
    EXPECT_EQ(texts(card), expected);
}

TEST(CustomerCard, LinesPointAtTheirRows) {
    Workbook book(sample());
    const CustomerCard card = buildCustomerCard(book.input, "202601-001");
    const auto overdue = std::find_if(card.lines.begin(), card.lines.end(), [](const auto& l) {
        return l.kind == CardLineKind::Overdue && l.text.find("发送报价单") != std::string::npos;
    });
    ASSERT_NE(overdue, card.lines.end());
    EXPECT_EQ(overdue->sheet, "跟进行动表");
    EXPECT_EQ(overdue->row, 1);
    EXPECT_EQ(overdue->column, 6);  // 截止日期
}

TEST(CustomerCard, InEnglish) {
    Workbook book(sample(), Lang::En);
    const CustomerCard card = buildCustomerCard(book.input, "202601-002");
    const auto lines = texts(card);
    ASSERT_GE(lines.size(), 4u);
    EXPECT_EQ(lines[0], "202601-002 苏州明德电子");
    EXPECT_EQ(lines[1], "【Register entry】");
    EXPECT_NE(std::find(lines.begin(), lines.end(), "  ⚠ overdue 59 d · 别人的行动"), lines.end());
    EXPECT_NE(std::find(lines.begin(), lines.end(), "【Contracts】"), lines.end());
    EXPECT_NE(std::find(lines.begin(), lines.end(), "  No dated follow-up yet"), lines.end());
}

TEST(CustomerCard, SignedContractKeepsTheCustomer) {
    auto sheets = sample();
    sheets[3].second.cells[1][static_cast<std::size_t>(
        productSchema().sheetOrThrow("approvals").columnIndex("signedOn"))] = on(2026, 11, 30);
    Workbook book(std::move(sheets));
    const CustomerCard card = buildCustomerCard(book.input, "202601-001");
    EXPECT_TRUE(card.protectedBySignedContract);
    EXPECT_FALSE(card.protectionEnd);
    EXPECT_EQ(cardLineText(card.lines.back()), "  已签约，不回收公海");
}

TEST(CustomerCard, UnknownAndBlankNumbers) {
    Workbook book(sample());
    const auto unknown = buildCustomerCard(book.input, "209901-999");
    EXPECT_FALSE(unknown.registered);
    ASSERT_EQ(unknown.lines.size(), 1u);
    EXPECT_EQ(unknown.lines[0].text, "工作簿中没有客户编号 209901-999");
    const auto blank = buildCustomerCard(book.input, "  ");
    ASSERT_EQ(blank.lines.size(), 1u);
    EXPECT_EQ(blank.lines[0].kind, CardLineKind::Note);
}

TEST(CustomerCard, PossibleDuplicatesShowWhenTheCallerFindsThem) {
    Workbook book(sample());
    book.input.possibleDuplicates.push_back(
        {"202601-002", "苏州明德电子", "同一手机号", "客户信息登记表", 2});
    const auto card = buildCustomerCard(book.input, "202601-001");
    const auto lines = texts(card);
    EXPECT_EQ(lines[lines.size() - 2], "【可能重复 (1)】");
    EXPECT_EQ(lines.back(), "  · 202601-002 · 苏州明德电子 · 同一手机号");
    EXPECT_EQ(card.lines.back().row, 2);
}

TEST(CustomerCard, CustomerOfASelectedRow) {
    Workbook book(sample());
    const auto& sheets = book.input.sheets;
    EXPECT_EQ(customerOfRow(sheets, "客户信息登记表", 2), "202601-002");
    EXPECT_EQ(customerOfRow(sheets, "跟进行动表", 1), "202601-001");
    EXPECT_EQ(customerOfRow(sheets, "合同履约跟踪表", 1), "202601-001");  // through the contract
    EXPECT_EQ(customerOfRow(sheets, "客户信息登记表", 0), "");            // the header
    EXPECT_EQ(customerOfRow(sheets, "客户信息登记表", 40), "");
    EXPECT_EQ(customerOfRow(sheets, "Sheet1", 1), "");
}

TEST(CustomerCard, NextActionNumberKeepsPrefixAndWidth) {
    Workbook book(sample());
    EXPECT_EQ(nextActionNumber(book.input.sheets), "A-5");
    Workbook padded({{"actions", sheetOf("actions", {{{"actionNo", s("XD-2026-009")}},
                                                     {{"actionNo", s("XD-2026-003")}},
                                                     {{"actionNo", s("备忘")}}})}});
    EXPECT_EQ(nextActionNumber(padded.input.sheets), "XD-2026-010");
    Workbook none({{"actions", sheetOf("actions", {{{"actionNo", s("备忘")}}})}});
    EXPECT_EQ(nextActionNumber(none.input.sheets), "");
}

// In a team register the server's claim and protection end (kept by the last sync) stand
// over the workbook's own dates: the server counts every member's follow-ups by its clock.
TEST(CustomerCard, TheTeamServersProtectionStandsOverTheWorkbooksDates) {
    Workbook book(sample());
    book.input.teamProtection = parseTeamProtection(
        "202601-001\t2026-11-03\t2099-12-03\n 202601-002 \t2026-11-04\tsigned\n"
        "broken line\n\t2026-01-01\t2026-02-01\n");
    ASSERT_EQ(book.input.teamProtection.size(), 2u);
    EXPECT_EQ(formatTeamProtection(book.input.teamProtection),
              "202601-001\t2026-11-03\t2099-12-03\n202601-002\t2026-11-04\tsigned\n");
    const CustomerCard card = buildCustomerCard(book.input, "202601-001");
    ASSERT_TRUE(card.protectionEnd);
    EXPECT_EQ(*card.protectionEnd, static_cast<long>(on(2099, 12, 3)));
    const auto lines = texts(card);
    EXPECT_NE(
        std::find(lines.begin(), lines.end(), "  团队服务器：2026-11-03 报备，保护期至 2099-12-03"),
        lines.end())
        << ::testing::PrintToString(lines);
}
