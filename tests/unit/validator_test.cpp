// Every rule code: a row that must fire it and a near miss that must not.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/validate/contact.hpp"
#include "core/validate/validator.hpp"
#include "core/workbook/workdays.hpp"

using namespace dealsheet;

namespace {

const SerialDates kDates;
const long kToday = *kDates.toSerial({2024, 6, 12});  // a Wednesday

double day(int offset) { return static_cast<double>(kToday + offset); }

using Row = std::map<std::string, CellValue>;

// A clean, filled row of each sheet; tests change one field.
Row cleanRow(const std::string& sheet) {
    if (sheet == "customers")
        return {{"customerNo", std::string("202406-001")},
                {"registeredOn", day(-2)},
                {"customerName", std::string("华锐机械")},
                {"industry", std::string("制造业")},
                {"contact", std::string("周建国")},
                {"phoneEmail", std::string("138-0013-8000")},
                {"coreNeeds", std::string("MES")},
                {"budget", 60.0},
                {"urgency", 4.0},
                {"likelihood", 2.0},
                {"stage", std::string("需求挖掘")},
                {"owner", std::string("王磊")}};
    if (sheet == "negotiations")
        return {{"recordNo", std::string("TP-1")},
                {"customerNo", std::string("202406-001")},
                {"meetingDate", day(-5)},
                {"round", 1.0},
                {"ourAttendees", std::string("王磊")},
                {"customerAttendees", std::string("周")},
                {"topic", std::string("价格")},
                {"customerNeeds", std::string("降价")},
                {"outcome", std::string("有进展")},
                {"nextStep", std::string("发报价")},
                {"recorder", std::string("王磊")},
                {"finalisedOn", day(-4)}};
    if (sheet == "actions")
        return {{"actionNo", std::string("XD-1")},
                {"customerNo", std::string("202406-001")},
                {"sourceRecord", std::string("TP-1")},
                {"task", std::string("发报价")},
                {"owner", std::string("王磊")},
                {"createdOn", day(-5)},
                {"dueDate", day(10)},
                {"status", std::string("进行中")}};
    if (sheet == "approvals")
        return {{"contractNo", std::string("HT-1")},
                {"customerNo", std::string("202406-001")},
                {"contractName", std::string("MES 一期")},
                {"amount", 500000.0},
                {"paymentTerms", std::string("3-6-1")},
                {"salesOpinion", std::string("同意")},
                {"legalOpinion", std::string("同意")},
                {"financeOpinion", std::string("修改后同意")},
                {"signedOn", day(-1)}};
    if (sheet == "execution")
        return {{"contractNo", std::string("HT-1")}, {"milestone", std::string("预付款到账")},
                {"owner", std::string("王磊")},      {"plannedDate", day(5)},
                {"status", std::string("正常进行")}, {"updatedOn", day(-2)}};
    if (sheet == "acceptance")
        return {{"contractNo", std::string("HT-1")},
                {"deliveredOn", day(-9)},  // Monday
                {"requestedOn", day(-6)},
                {"result", std::string("通过")}};
    if (sheet == "handover")
        return {{"contractNo", std::string("HT-1")},
                {"customerNo", std::string("202406-001")},
                {"customerName", std::string("华锐机械")},
                {"project", std::string("MES")},
                {"handoverDate", day(-1)},
                {"salesManager", std::string("王磊")},
                {"projectManager", std::string("李")}};
    return {};
}

// A workbook with one clean row in every sheet that the references need.
class Book {
  public:
    Book() {
        for (const char* id : {"customers", "negotiations", "actions", "approvals", "execution",
                               "acceptance", "handover"})
            rows_[id].push_back(cleanRow(id));
    }
    Row& row(const std::string& sheet, std::size_t index = 0) {
        while (rows_[sheet].size() <= index) rows_[sheet].push_back(cleanRow(sheet));
        return rows_[sheet][index];
    }
    void dropColumn(const std::string& sheet, const std::string& column) {
        dropped_[sheet] = column;
    }
    void markError(const std::string& sheet, const std::string& column) { errors_[sheet] = column; }

    ValidationResult validate(Settings settings = {}, unsigned threads = 2) const {
        std::vector<std::pair<const SheetSchema*, SheetData>> input;
        for (const auto& [id, rows] : rows_) {
            const SheetSchema& schema = productSchema().sheetOrThrow(id);
            SheetData data;
            data.name = schema.name.zh;
            std::vector<const ColumnSchema*> columns;
            for (const auto& c : schema.columns)
                if (!(dropped_.count(id) && dropped_.at(id) == c.id)) columns.push_back(&c);
            data.cells.emplace_back();
            for (const auto* c : columns) data.cells.back().push_back(c->header.zh);
            for (const auto& row : rows) {
                auto& cells = data.cells.emplace_back();
                auto& errors = data.isError.emplace_back();
                for (const auto* c : columns) {
                    const auto it = row.find(c->id);
                    cells.push_back(it == row.end() ? CellValue{} : it->second);
                    errors.push_back(errors_.count(id) && errors_.at(id) == c->id);
                }
            }
            data.isError.insert(data.isError.begin(), std::vector<bool>(columns.size(), false));
            input.emplace_back(&schema, std::move(data));
        }
        ValidationOptions options{kDates, kToday, settings};
        options.threads = threads;
        return validateWorkbook(input, options);
    }

  private:
    std::map<std::string, std::vector<Row>> rows_;
    std::map<std::string, std::string> dropped_;
    std::map<std::string, std::string> errors_;
};

std::vector<std::string> codes(const ValidationResult& result) {
    std::vector<std::string> all;
    for (const auto& f : result.findings)
        all.push_back(f.rule + "@" + f.sheet + "!" + std::to_string(f.row) + ":" + f.field);
    return all;
}

::testing::AssertionResult fires(const Book& book, const std::string& code,
                                 const std::string& field) {
    const auto result = book.validate();
    for (const auto& f : result.findings)
        if (f.rule == code && f.field == field) return ::testing::AssertionSuccess();
    std::string all;
    for (const auto& c : codes(result)) all += c + " ";
    return ::testing::AssertionFailure() << code << " on " << field << " not found; got: " << all;
}

}  // namespace

TEST(Validator, CleanWorkbookHasNoFindings) {
    const auto result = Book().validate();
    EXPECT_TRUE(result.findings.empty()) << ::testing::PrintToString(codes(result));
    EXPECT_EQ(result.checked.size(), 7u);
}

// Every field of every finding, one line each.
std::vector<std::string> findingLines(const ValidationResult& result) {
    std::vector<std::string> lines;
    for (const auto& f : result.findings)
        lines.push_back(std::string(f.severity == Severity::Error ? "E" : "W") + "|" + f.rule +
                        "|" + f.sheet + "|" + std::to_string(f.row) + "|" +
                        std::to_string(f.column) + "|" + f.field + "|" + f.value + "|" +
                        f.messageZh + "|" + f.messageEn);
    return lines;
}

// The rules run as passes on two threads find what one thread finds, in the order
// sortAndDeduplicate gives: a book with mistakes in most rows of several sheets, several in
// one cell, and a column missing.
TEST(Validator, TwoThreadsFindWhatOneFinds) {
    Book book;
    book.dropColumn("negotiations", "recorder");
    for (std::size_t i = 1; i < 80; ++i) {
        Row& customer = book.row("customers", i);
        customer["customerNo"] = std::string(i % 7 ? "202406-0" + std::to_string(10 + i) : "x");
        customer["customerName"] = std::string(i % 3 ? "华锐机械" : "华锐机械（北京）有限公司");
        customer["phoneEmail"] = i % 4 ? CellValue{13800138000.0 + static_cast<double>(i % 5)}
                                       : CellValue{std::string("电话")};
        customer["budget"] = i % 6 ? 60.0 : -1.0;
        customer["leadGrade"] = std::string(i % 2 ? "C" : "A");
        Row& action = book.row("actions", i);
        action["actionNo"] = std::string(i % 9 ? "XD-" + std::to_string(i) : "XD-1");
        action["customerNo"] = std::string(i % 5 ? "202406-001" : "209901-999");
        action["dueDate"] = day(i % 2 ? -3 : 1);
        action["createdOn"] = day(i % 8 ? -5 : 20);
        book.row("negotiations", i)["round"] = i % 3 ? 1.0 : 0.5;
    }
    const ValidationResult two = book.validate({}, 2);
    const ValidationResult one = book.validate({}, 1);
    EXPECT_GT(two.findings.size(), 300u);
    EXPECT_EQ(findingLines(two), findingLines(one));
    EXPECT_EQ(two.errors, one.errors);
    EXPECT_EQ(two.warnings, one.warnings);
    std::vector<std::string> order;
    for (const auto& sheet : two.checked) order.push_back(sheet.name);
    ValidationResult sorted = two;
    sortAndDeduplicate(sorted.findings, order);
    EXPECT_EQ(findingLines(sorted), findingLines(two));
}

TEST(Validator, Required) {
    Book book;
    book.row("customers")["contact"] = std::string("\u3000 ");
    EXPECT_TRUE(fires(book, "REQUIRED", "联系人"));
    Book nearMiss;
    nearMiss.row("customers")["title"] = std::string("");  // optional column
    EXPECT_TRUE(nearMiss.validate().findings.empty());
    // "R when": 完成日期 when 已完成.
    Book done;
    done.row("actions")["status"] = std::string("已完成");
    EXPECT_TRUE(fires(done, "REQUIRED", "完成日期"));
    done.row("actions")["completedOn"] = day(-1);
    EXPECT_TRUE(done.validate().findings.empty())
        << ::testing::PrintToString(codes(done.validate()));
}

TEST(Validator, EmptyRowsAreNotChecked) {
    Book book;
    book.row("customers", 3) = Row{};  // rows 2 and 3 clean copies, row 4 empty
    book.row("customers", 1)["customerNo"] = std::string("202406-002");
    book.row("customers", 1)["customerName"] = std::string("另一家");
    book.row("customers", 1)["phoneEmail"] = std::string("139-0013-9000");
    book.row("customers", 2)["customerNo"] = std::string("202406-003");
    book.row("customers", 2)["customerName"] = std::string("第三家");
    book.row("customers", 2)["phoneEmail"] = std::string("137-0013-7000");
    EXPECT_TRUE(book.validate().findings.empty())
        << ::testing::PrintToString(codes(book.validate()));
}

TEST(Validator, MissingColumn) {
    Book book;
    book.dropColumn("customers", "owner");
    EXPECT_TRUE(fires(book, "MISSING_COLUMN", "负责人"));
    Book nearMiss;
    nearMiss.dropColumn("customers", "notes");  // optional
    EXPECT_TRUE(nearMiss.validate().findings.empty());
}

TEST(Validator, Type) {
    Book book;
    book.row("customers")["registeredOn"] = std::string("2024/06/10");
    EXPECT_TRUE(fires(book, "TYPE", "登记日期"));
    Book number;
    number.row("customers")["budget"] = std::string("60");
    EXPECT_TRUE(fires(number, "TYPE", "预算(万元)"));
    Book error;
    error.markError("customers", "customerName");
    EXPECT_TRUE(fires(error, "TYPE", "客户名称"));
    Book nearMiss;
    nearMiss.row("customers")["registeredOn"] = day(-2) + 0.5;  // a date with a time
    EXPECT_TRUE(nearMiss.validate().findings.empty());
}

TEST(Validator, Enum) {
    Book book;
    book.row("customers")["stage"] = std::string("跟进中");
    EXPECT_TRUE(fires(book, "ENUM", "销售阶段"));
    Book nearMiss;
    nearMiss.row("customers")["stage"] = std::string(" discovery ");  // English, any case
    nearMiss.row("customers")["industry"] = std::string("物流");      // suggested list only
    EXPECT_TRUE(nearMiss.validate().findings.empty());
}

TEST(Validator, Range) {
    Book book;
    book.row("customers")["urgency"] = 7.0;
    EXPECT_TRUE(fires(book, "RANGE", "需求紧急度"));
    Book fraction;
    fraction.row("customers")["likelihood"] = 3.5;
    EXPECT_TRUE(fires(fraction, "RANGE", "决策可能性"));
    Book zero;
    zero.row("approvals")["amount"] = 0.0;
    EXPECT_TRUE(fires(zero, "RANGE", "合同金额(元)"));
    Book nearMiss;
    nearMiss.row("customers")["urgency"] = 5.0;
    nearMiss.row("customers")["budget"] = 0.0;
    nearMiss.row("approvals")["amount"] = 0.01;
    EXPECT_TRUE(nearMiss.validate().findings.empty());
}

TEST(Validator, Format) {
    Book book;
    book.row("customers", 1) = cleanRow("customers");
    book.row("customers", 1)["customerNo"] = std::string("2024-06-01");
    book.row("customers", 1)["customerName"] = std::string("别家");
    EXPECT_TRUE(fires(book, "FORMAT", "客户编号"));
    Book nearMiss;
    nearMiss.row("customers")["customerNo"] = std::string("\u3000202406-001 ");
    EXPECT_TRUE(nearMiss.validate().findings.empty());
}

TEST(Validator, DuplicateKey) {
    Book book;
    book.row("negotiations", 1) = cleanRow("negotiations");
    EXPECT_TRUE(fires(book, "DUPLICATE", "记录编号"));
    const auto result = book.validate();
    EXPECT_EQ(result.findings.front().row, 2);  // the second occurrence
    Book nearMiss;
    nearMiss.row("negotiations", 1) = cleanRow("negotiations");
    nearMiss.row("negotiations", 1)["recordNo"] = std::string("TP-2");
    EXPECT_TRUE(nearMiss.validate().findings.empty());
}

TEST(Validator, Ref) {
    Book book;
    book.row("actions")["customerNo"] = std::string("209901-999");
    EXPECT_TRUE(fires(book, "REF", "客户编号"));
    Book source;
    source.row("actions")["sourceRecord"] = std::string("TP-404");
    EXPECT_TRUE(fires(source, "REF", "来源记录"));
    Book nearMiss;
    nearMiss.row("actions")["customerNo"] = std::string(" 202406-001\u3000");
    nearMiss.row("actions")["sourceRecord"] = std::string("");  // optional reference
    EXPECT_TRUE(nearMiss.validate().findings.empty());
}

TEST(Validator, DateOrder) {
    Book book;
    book.row("actions")["dueDate"] = day(-6);
    EXPECT_TRUE(fires(book, "DATE_ORDER", "截止日期"));
    Book nearMiss;
    nearMiss.row("actions")["dueDate"] = day(-5) + 0.9;  // same day as created
    nearMiss.row("actions")["status"] = std::string("已完成");
    nearMiss.row("actions")["completedOn"] = day(-5);
    EXPECT_TRUE(nearMiss.validate().findings.empty())
        << ::testing::PrintToString(codes(nearMiss.validate()));
}

TEST(Validator, SignedUnapproved) {
    Book book;
    book.row("approvals")["financeOpinion"] = std::string("");
    EXPECT_TRUE(fires(book, "SIGNED_UNAPPROVED", "签署日期"));
    Book rejected;
    rejected.row("approvals")["legalOpinion"] = std::string("不同意");
    EXPECT_TRUE(fires(rejected, "SIGNED_UNAPPROVED", "签署日期"));
    Book nearMiss;
    nearMiss.row("approvals")["financeOpinion"] = std::string("");
    nearMiss.row("approvals")["signedOn"] = CellValue{};  // not signed yet
    EXPECT_TRUE(nearMiss.validate().findings.empty());
}

TEST(Validator, CustomerNumberMonth) {
    Book book;
    book.row("customers")["customerNo"] = std::string("202405-001");
    for (const char* sheet : {"negotiations", "actions", "approvals", "handover"})
        book.row(sheet)["customerNo"] = std::string("202405-001");
    EXPECT_TRUE(fires(book, "CUSTNO_MONTH", "客户编号"));
    Book nearMiss;
    nearMiss.row("customers")["registeredOn"] = day(-11);  // 2024-06-01, same month
    EXPECT_TRUE(nearMiss.validate().findings.empty());
}

TEST(Validator, DuplicateName) {
    Book book;
    book.row("customers")["customerName"] = std::string("ITS智联");
    book.row("customers", 1)["customerNo"] = std::string("202406-002");
    book.row("customers", 1)["customerName"] = std::string("ＩＴＳ智联\u3000");
    EXPECT_TRUE(fires(book, "DUPLICATE_NAME", "客户名称"));
    Book nearMiss;
    nearMiss.row("customers", 1)["customerNo"] = std::string("202406-002");
    nearMiss.row("customers", 1)["customerName"] = std::string("华锐重工");  // another 字号
    nearMiss.row("customers", 1)["phoneEmail"] = std::string("139-0013-9000");
    EXPECT_TRUE(nearMiss.validate().findings.empty());
}

TEST(Validator, Contact) {
    Book book;
    book.row("customers")["phoneEmail"] = std::string("张经理");
    EXPECT_TRUE(fires(book, "CONTACT", "联系方式"));
    Book nearMiss;
    nearMiss.row("customers")["phoneEmail"] = std::string("+86 (21) 6888-1234 / zhou@huarui.cn");
    EXPECT_TRUE(nearMiss.validate().findings.empty());
    EXPECT_FALSE(isContact("123456"));
    EXPECT_TRUE(isContact("2345678"));  // a local number starts with 2-9 (SPEC §13)
    EXPECT_FALSE(isContact("1234567"));
    EXPECT_FALSE(isContact("a@b"));
    EXPECT_TRUE(isContact("a@b.cn"));
}

TEST(Validator, Grade) {
    Book book;
    book.row("customers")["leadGrade"] = std::string("C");  // computed: A (60, 4, 2)
    EXPECT_TRUE(fires(book, "GRADE", "线索评级"));
    Book nearMiss;
    nearMiss.row("customers")["leadGrade"] = std::string("a");
    EXPECT_TRUE(nearMiss.validate().findings.empty());
    Settings higher;
    higher.set("gradeBudget", 100);  // Settings change the computed grade to B
    EXPECT_FALSE(nearMiss.validate(higher).findings.empty());
}

TEST(Validator, OverdueAndDueSoon) {
    Book book;
    book.row("actions")["dueDate"] = day(-1);
    EXPECT_TRUE(fires(book, "OVERDUE", "截止日期"));
    Book soon;
    soon.row("actions")["dueDate"] = day(2);
    EXPECT_TRUE(fires(soon, "DUE_SOON", "截止日期"));
    Book nearMiss;
    nearMiss.row("actions")["dueDate"] = day(3);
    EXPECT_TRUE(nearMiss.validate().findings.empty());
    Book closed;
    closed.row("actions")["dueDate"] = day(-1);
    closed.row("actions")["status"] = std::string("已取消");
    EXPECT_TRUE(closed.validate().findings.empty());
    Settings wider;
    wider.set("reminderDays", 3);
    EXPECT_EQ(nearMiss.validate(wider).findings.size(), 1u);
}

TEST(Validator, RecordLate) {
    Book book;
    book.row("negotiations")["finalisedOn"] = day(-2);  // three days after
    EXPECT_TRUE(fires(book, "RECORD_LATE", "整理完成日期"));
    Book nearMiss;  // the clean row: the next day
    EXPECT_TRUE(nearMiss.validate().findings.empty());
}

TEST(Validator, NextStep) {
    Book book;
    book.row("negotiations")["nextStep"] = std::string("");
    EXPECT_TRUE(fires(book, "NEXT_STEP", "下一步行动"));
    Book nearMiss;
    nearMiss.row("negotiations")["nextStep"] = std::string("");
    nearMiss.row("negotiations")["outcome"] = std::string("无订单");
    EXPECT_TRUE(nearMiss.validate().findings.empty());
}

TEST(Validator, StaleAndStatus) {
    Book stale;
    stale.row("execution")["updatedOn"] = day(-8);
    EXPECT_TRUE(fires(stale, "STALE", "更新日期"));
    Book late;
    late.row("execution")["plannedDate"] = day(-1);
    EXPECT_TRUE(fires(late, "STATUS", "状态"));
    Book nearMiss;
    nearMiss.row("execution")["updatedOn"] = day(-7);
    nearMiss.row("execution")["plannedDate"] = day(-1);
    nearMiss.row("execution")["status"] = std::string("存在延迟");
    nearMiss.row("execution")["deviation"] = std::string("供货延迟");
    nearMiss.row("execution")["remedy"] = std::string("加班");
    EXPECT_TRUE(nearMiss.validate().findings.empty())
        << ::testing::PrintToString(codes(nearMiss.validate()));
}

TEST(Validator, AcceptLateCountsWorkingDays) {
    Book book;
    book.row("acceptance")["requestedOn"] = day(-5);  // Mon -> Fri: 4 working days
    EXPECT_TRUE(fires(book, "ACCEPT_LATE", "验收申请日期"));
    Book nearMiss;  // Mon -> Thu: 3 working days
    EXPECT_TRUE(nearMiss.validate().findings.empty());
    Book weekend;
    weekend.row("acceptance")["deliveredOn"] = day(-12);  // Fri
    weekend.row("acceptance")["requestedOn"] = day(-7);   // Wed: Mon, Tue, Wed = 3
    EXPECT_TRUE(weekend.validate().findings.empty());
    Settings holiday;
    holiday.holidays.insert(kToday - 9);  // Monday off: Fri -> Thu is 3 working days
    EXPECT_EQ(workingDaysBetween(kDates, kToday - 12, kToday - 6, holiday.holidays), 3);
}

TEST(Validator, NameMismatch) {
    Book book;
    book.row("handover")["customerName"] = std::string("华锐重工");
    EXPECT_TRUE(fires(book, "NAME_MISMATCH", "客户名称"));
    Book nearMiss;
    nearMiss.row("handover")["customerName"] = std::string(" 华锐机械\u3000");
    EXPECT_TRUE(nearMiss.validate().findings.empty());
}

TEST(Validator, FutureDate) {
    Book book;
    book.row("customers")["registeredOn"] = day(1);
    book.row("customers")["customerNo"] = std::string("202406-001");
    EXPECT_TRUE(fires(book, "FUTURE_DATE", "登记日期"));
    Book nearMiss;
    nearMiss.row("customers")["registeredOn"] = day(0);
    EXPECT_TRUE(nearMiss.validate().findings.empty());
}

// Both directions: every rule of the registry is produced by the schema (a column it applies
// to, or a sheet that names it), and every code the validator produces is a registered rule
// with texts in both languages.
TEST(Validator, EveryRuleCodeHasTextsAndIsUsed) {
    const Schema& schema = productSchema();
    for (const auto& definition : allRules()) {
        const std::string code(definition.code);
        EXPECT_FALSE(definition.message.zh.empty() || definition.message.en.empty()) << code;
        EXPECT_FALSE(definition.title.zh.empty() || definition.title.en.empty()) << code;
        bool used = false;
        for (const auto& sheet : schema.sheets()) {
            for (const auto& column : sheet.columns)
                used =
                    used || (definition.scope == RuleScope::Column && definition.appliesTo(column));
            for (const auto& sheetRule : sheet.rules)
                used = used || sheetRule.definition == &definition;
            if (definition.scope == RuleScope::Structure)
                used = used || (code == "DUPLICATE" && !sheet.key.empty()) ||
                       code == "MISSING_COLUMN" || code == "AMBIGUOUS_COLUMN" ||
                       code.rfind("SYNC_", 0) == 0;  // produced by Sync with team
        }
        EXPECT_TRUE(used) << code << " is produced by nothing in the schema";
        EXPECT_EQ(definition.scope == RuleScope::Column, definition.appliesTo != nullptr) << code;
        EXPECT_EQ(definition.scope == RuleScope::Sheet, definition.checkRow != nullptr) << code;
    }
    EXPECT_EQ(allRules().size(), 33u);
    EXPECT_THROW(rule("NOPE"), std::out_of_range);

    // A workbook with a mistake of every kind: each code it produces is registered.
    Book book;
    book.row("customers")["customerNo"] = std::string("2024-1");
    book.row("customers")["phoneEmail"] = std::string("call me");
    book.row("customers")["urgency"] = 9.0;
    book.row("customers")["stage"] = std::string("谈恋爱");
    book.row("customers")["registeredOn"] = std::string("昨天");
    book.row("customers", 1)["customerNo"] = std::string("202405-001");
    book.row("actions")["dueDate"] = day(-3);
    book.row("actions")["owner"] = std::string("");
    book.row("actions", 1)["customerNo"] = std::string("209901-001");
    book.row("negotiations")["finalisedOn"] = day(-9);
    book.row("approvals")["salesOpinion"] = std::string("不同意");
    book.dropColumn("keyPoints", "recorder");
    book.row("keyPoints")["date"] = day(-1);
    std::set<std::string> produced;
    for (const auto& f : book.validate().findings) {
        produced.insert(f.rule);
        ASSERT_NE(findRule(f.rule), nullptr) << f.rule;
        EXPECT_EQ(f.severity, rule(f.rule).severity) << f.rule;
        EXPECT_FALSE(f.messageZh.empty() || f.messageEn.empty()) << f.rule;
        EXPECT_EQ(f.messageZh.find('{'), std::string::npos) << f.messageZh;
        EXPECT_EQ(f.messageEn.find('{'), std::string::npos) << f.messageEn;
    }
    EXPECT_GE(produced.size(), 10u) << ::testing::PrintToString(produced);
}

// Killed mutation: an action due today is due soon, not overdue.
TEST(Validator, DueTodayIsDueSoonNotOverdue) {
    Book book;
    book.row("actions")["dueDate"] = day(0);
    const auto result = book.validate();
    ASSERT_EQ(result.findings.size(), 1u) << ::testing::PrintToString(codes(result));
    EXPECT_EQ(result.findings[0].rule, "DUE_SOON");
}

// Killed mutation: the register's name is compared ignoring case and full-/half-width forms.
TEST(Validator, NameMismatchIgnoresCaseAndWidth) {
    Book book;
    book.row("customers")["customerName"] = std::string("Huarui Machinery");
    book.row("handover")["customerName"] = std::string("ＨＵＡＲＵＩ machinery");
    EXPECT_TRUE(book.validate().findings.empty())
        << ::testing::PrintToString(codes(book.validate()));
    book.row("handover")["customerName"] = std::string("Huarui Machines");
    EXPECT_TRUE(fires(book, "NAME_MISMATCH", "客户名称"));
}

// Killed mutation: one finding per rule and cell, whatever produced it twice.
TEST(Validator, SortAndDeduplicateKeepsOnePerRuleAndCell) {
    Finding a;
    a.rule = "REQUIRED";
    a.sheet = "S";
    a.row = 2;
    a.column = 1;
    Finding other = a;
    other.rule = "TYPE";
    Finding earlier = a;
    earlier.row = 1;
    std::vector<Finding> findings{a, other, a, earlier, a};
    sortAndDeduplicate(findings, {"S"});
    ASSERT_EQ(findings.size(), 3u);
    EXPECT_EQ(findings[0].row, 1);
    EXPECT_EQ(findings[1].rule, "REQUIRED");
    EXPECT_EQ(findings[2].rule, "TYPE");
}

// Messages take their limits from the rule's parameters and the Settings, not from literals.
TEST(Validator, MessagesSayTheLimitsInForce) {
    Book book;
    book.row("actions")["dueDate"] = day(3);
    Settings wider;
    wider.set("reminderDays", 3);
    const auto soon = book.validate(wider);
    ASSERT_EQ(soon.findings.size(), 1u);
    EXPECT_NE(soon.findings[0].messageEn.find("within 3 day"), std::string::npos)
        << soon.findings[0].messageEn;
    Book stale;
    stale.row("execution")["updatedOn"] = day(-12);
    Settings weekly;
    weekly.set("staleDays", 10);
    const auto result = stale.validate(weekly);
    ASSERT_EQ(result.findings.size(), 1u);
    EXPECT_NE(result.findings[0].messageZh.find("应每 10 天内更新"), std::string::npos)
        << result.findings[0].messageZh;
    Book late;
    late.row("negotiations")["finalisedOn"] = day(-2);
    const auto record = late.validate();
    ASSERT_EQ(record.findings.size(), 1u);
    EXPECT_NE(record.findings[0].messageEn.find("due within 1"), std::string::npos)
        << record.findings[0].messageEn;
}

TEST(Validator, PlansSheetsAndSkipsOthers) {
    const auto plans = planSheets(
        productSchema(), {"客户信息登记表", "Actions", "我的表", "校验报告", "设置", "月度复盘"});
    EXPECT_NE(plans[0].schema, nullptr);
    EXPECT_NE(plans[1].schema, nullptr);
    for (std::size_t i = 2; i < plans.size(); ++i) {
        EXPECT_EQ(plans[i].schema, nullptr) << plans[i].name;
        EXPECT_FALSE(plans[i].skipReason.zh.empty());
    }
}

// The report's names, in the order Validate tries them, are all recognised as the report's
// (and planned as "the report itself"); a user's sheet that only starts alike is not.
TEST(Validator, ReportSheetNames) {
    using dealsheet::hasReportSheetName;
    using dealsheet::reportSheetName;
    EXPECT_EQ(reportSheetName(dealsheet::Lang::Zh, 1), "校验报告");
    EXPECT_EQ(reportSheetName(dealsheet::Lang::En, 2), "Validation Report (DealSheet)");
    EXPECT_EQ(reportSheetName(dealsheet::Lang::Zh, 3), "校验报告 (DealSheet 2)");
    for (int attempt = 1; attempt <= 4; ++attempt)
        for (auto lang : {dealsheet::Lang::Zh, dealsheet::Lang::En})
            EXPECT_TRUE(hasReportSheetName(reportSheetName(lang, attempt)));
    EXPECT_FALSE(hasReportSheetName("校验报告备份"));
    EXPECT_FALSE(hasReportSheetName("客户信息登记表"));
    const auto plans = dealsheet::planSheets(dealsheet::productSchema(), {"校验报告 (DealSheet)"});
    EXPECT_EQ(plans.at(0).skipReason.en, std::string_view("the report itself"));
}
