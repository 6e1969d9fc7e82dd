#include <gtest/gtest.h>

#include "core/functions/function_table.hpp"
#include "core/functions/functions.hpp"

using namespace dealsheet;
namespace fn = dealsheet::functions;

namespace {

const CellValue kEmpty{};
CellValue num(double v) { return v; }
CellValue txt(const char* s) { return std::string(s); }

FunctionContext contextOn(CivilDate today) {
    FunctionContext ctx;
    ctx.fixedToday = ctx.dates.toSerial(today);
    return ctx;
}

double serial(CivilDate d) { return static_cast<double>(*SerialDates().toSerial(d)); }

int argumentOfError(const std::function<void()>& call) {
    try {
        call();
    } catch (const ArgumentError& e) {
        return e.argument();
    }
    return -1;
}

}  // namespace

TEST(CustomerNo, BuildsFromDateAndSequence) {
    const auto ctx = contextOn({2024, 6, 1});
    EXPECT_EQ(fn::customerNo(ctx, num(serial({2024, 5, 3})), num(1)), "202405-001");
    EXPECT_EQ(fn::customerNo(ctx, num(serial({2024, 12, 31}) + 0.9), num(999)), "202412-999");
    EXPECT_EQ(fn::customerNo(ctx, num(serial({2025, 1, 1})), num(1000)), "202501-1000");
    EXPECT_EQ(fn::customerNo(ctx, num(serial({2024, 2, 29})), num(7)), "202402-007");
}

TEST(CustomerNo, BadArgumentsAreErrors) {
    const auto ctx = contextOn({2024, 6, 1});
    const CellValue may = num(serial({2024, 5, 3}));
    EXPECT_EQ(argumentOfError([&] { fn::customerNo(ctx, may, num(0)); }), 1);
    EXPECT_EQ(argumentOfError([&] { fn::customerNo(ctx, may, num(-3)); }), 1);
    EXPECT_EQ(argumentOfError([&] { fn::customerNo(ctx, may, num(1.5)); }), 1);
    EXPECT_EQ(argumentOfError([&] { fn::customerNo(ctx, may, kEmpty); }), 1);
    EXPECT_EQ(argumentOfError([&] { fn::customerNo(ctx, may, txt("1")); }), 1);
    EXPECT_EQ(argumentOfError([&] { fn::customerNo(ctx, kEmpty, num(1)); }), 0);
    EXPECT_EQ(argumentOfError([&] { fn::customerNo(ctx, txt("2024-05-03"), num(1)); }), 0);
    EXPECT_EQ(argumentOfError([&] { fn::customerNo(ctx, num(0), num(1)); }), 0);  // 1899
    EXPECT_EQ(argumentOfError([&] { fn::customerNo(ctx, num(1e12), num(1)); }), 0);
}

TEST(NextCustomerNo, ContinuesAfterHighestOfTheMonth) {
    const auto ctx = contextOn({2024, 6, 1});
    const CellGrid existing{
        {txt("202405-001")}, {txt("202405-007")}, {txt("202404-020")},      {kEmpty},
        {txt("junk")},       {num(12)},           {txt("\u3000202405-003")}};
    EXPECT_EQ(fn::nextCustomerNo(ctx, num(serial({2024, 5, 20})), existing), "202405-008");
    EXPECT_EQ(fn::nextCustomerNo(ctx, num(serial({2024, 6, 1})), existing), "202406-001");
    EXPECT_EQ(fn::nextCustomerNo(ctx, num(serial({2024, 5, 20})), {{txt("202405-999")}}),
              "202405-1000");
}

TEST(NextCustomerNo, YearBoundaryKeepsMonthsApart) {
    const auto ctx = contextOn({2025, 1, 2});
    const CellGrid existing{{txt("202412-015"), txt("202501-002")}};
    EXPECT_EQ(fn::nextCustomerNo(ctx, num(serial({2024, 12, 31})), existing), "202412-016");
    EXPECT_EQ(fn::nextCustomerNo(ctx, num(serial({2025, 1, 1})), existing), "202501-003");
}

TEST(IsCustomerNo, FormatAndMonth) {
    const auto ctx = contextOn({2024, 6, 1});
    EXPECT_TRUE(fn::isCustomerNo(ctx, txt("202405-001"), kEmpty));
    EXPECT_TRUE(fn::isCustomerNo(ctx, txt("202405-001"), num(serial({2024, 5, 31}))));
    EXPECT_FALSE(fn::isCustomerNo(ctx, txt("202405-001"), num(serial({2024, 6, 1}))));
    EXPECT_FALSE(fn::isCustomerNo(ctx, txt("202413-001"), kEmpty));
    EXPECT_FALSE(fn::isCustomerNo(ctx, txt("189912-001"), kEmpty));
    EXPECT_FALSE(fn::isCustomerNo(ctx, num(202405001), kEmpty));
    EXPECT_FALSE(fn::isCustomerNo(ctx, kEmpty, kEmpty));
    EXPECT_EQ(argumentOfError([&] { fn::isCustomerNo(ctx, txt("202405-001"), txt("May")); }), 1);
}

TEST(LeadGrade, CountsCriteria) {
    const auto ctx = contextOn({2024, 6, 1});
    EXPECT_EQ(fn::leadGrade(ctx, num(50), num(4), num(1), kEmpty, kEmpty, kEmpty), "A");
    EXPECT_EQ(fn::leadGrade(ctx, num(80), num(5), num(5), kEmpty, kEmpty, kEmpty), "A");
    EXPECT_EQ(fn::leadGrade(ctx, num(49.9), num(4), num(3), kEmpty, kEmpty, kEmpty), "B");
    EXPECT_EQ(fn::leadGrade(ctx, num(10), num(3), num(3), kEmpty, kEmpty, kEmpty), "C");
    EXPECT_EQ(fn::leadGrade(ctx, kEmpty, num(5), kEmpty, kEmpty, kEmpty, kEmpty), "B");
    EXPECT_EQ(fn::leadGrade(ctx, kEmpty, kEmpty, kEmpty, kEmpty, kEmpty, kEmpty), "");
    EXPECT_EQ(fn::leadGrade(ctx, txt("\u3000"), kEmpty, kEmpty, kEmpty, kEmpty, kEmpty), "");
    // Calc passes empty cells as 0: an all-zero row is an empty row, a zero score is no score.
    EXPECT_EQ(fn::leadGrade(ctx, num(0), num(0), num(0), kEmpty, kEmpty, kEmpty), "");
    EXPECT_EQ(fn::leadGrade(ctx, num(60), num(0), num(0), kEmpty, kEmpty, kEmpty), "B");
    // Explicit thresholds and Settings defaults.
    EXPECT_EQ(fn::leadGrade(ctx, num(20), num(3), num(3), num(20), num(3), kEmpty), "A");
    auto settings = ctx;
    settings.thresholds.budget = 10;
    EXPECT_EQ(fn::leadGrade(settings, num(20), num(4), num(1), kEmpty, kEmpty, kEmpty), "A");
}

TEST(LeadGrade, BadArgumentsAreErrors) {
    const auto ctx = contextOn({2024, 6, 1});
    EXPECT_EQ(argumentOfError(
                  [&] { fn::leadGrade(ctx, num(-1), num(4), num(4), kEmpty, kEmpty, kEmpty); }),
              0);
    EXPECT_EQ(argumentOfError(
                  [&] { fn::leadGrade(ctx, txt("many"), num(4), num(4), kEmpty, kEmpty, kEmpty); }),
              0);
    EXPECT_EQ(argumentOfError(
                  [&] { fn::leadGrade(ctx, num(1), num(6), num(4), kEmpty, kEmpty, kEmpty); }),
              1);
    EXPECT_EQ(argumentOfError(
                  [&] { fn::leadGrade(ctx, num(1), num(4), num(-1), kEmpty, kEmpty, kEmpty); }),
              2);
    EXPECT_EQ(argumentOfError(
                  [&] { fn::leadGrade(ctx, num(1), num(4), num(4), num(-5), kEmpty, kEmpty); }),
              3);
}

TEST(DueStatus, ClassifiesAgainstToday) {
    const auto ctx = contextOn({2024, 6, 10});
    const CellValue due = num(serial({2024, 6, 12}));
    EXPECT_EQ(fn::dueStatus(ctx, due, kEmpty, kEmpty, kEmpty, kEmpty, kEmpty), "即将到期");
    EXPECT_EQ(
        fn::dueStatus(ctx, num(serial({2024, 6, 13})), kEmpty, kEmpty, kEmpty, kEmpty, kEmpty),
        "进行中");
    EXPECT_EQ(
        fn::dueStatus(ctx, num(serial({2024, 6, 10})), kEmpty, kEmpty, kEmpty, kEmpty, kEmpty),
        "即将到期");
    EXPECT_EQ(fn::dueStatus(ctx, num(serial({2024, 6, 9})), kEmpty, kEmpty, kEmpty, kEmpty, kEmpty),
              "已逾期");
    EXPECT_EQ(fn::dueStatus(ctx, num(serial({2024, 6, 9})), txt("已完成"), kEmpty, kEmpty, kEmpty,
                            kEmpty),
              "已完成");
    EXPECT_EQ(fn::dueStatus(ctx, num(serial({2024, 6, 9})), txt(" cancelled "), kEmpty, kEmpty,
                            kEmpty, txt("en")),
              "Done");
    EXPECT_EQ(fn::dueStatus(ctx, num(serial({2024, 6, 9})), txt("进行中"),
                            num(serial({2024, 6, 9})), kEmpty, kEmpty, kEmpty),
              "已完成");
    EXPECT_EQ(
        fn::dueStatus(ctx, num(serial({2024, 6, 9})), kEmpty, kEmpty, kEmpty, kEmpty, txt("en")),
        "Overdue");
    EXPECT_EQ(fn::dueStatus(ctx, due, kEmpty, kEmpty, kEmpty, kEmpty, txt("en")), "Due soon");
    EXPECT_EQ(
        fn::dueStatus(ctx, num(serial({2024, 7, 1})), kEmpty, kEmpty, kEmpty, kEmpty, txt("en")),
        "Open");
    // Explicit today and reminder window.
    EXPECT_EQ(fn::dueStatus(ctx, due, kEmpty, kEmpty, num(serial({2024, 6, 1})), kEmpty, kEmpty),
              "进行中");
    EXPECT_EQ(fn::dueStatus(ctx, due, kEmpty, kEmpty, num(serial({2024, 6, 1})), num(11), kEmpty),
              "即将到期");
    EXPECT_EQ(fn::dueStatus(ctx, due, kEmpty, kEmpty, kEmpty, num(0), kEmpty), "进行中");
    // Nothing to judge on an empty row, whether its cells come as empty or as 0.
    EXPECT_EQ(fn::dueStatus(ctx, kEmpty, kEmpty, kEmpty, kEmpty, kEmpty, kEmpty), "");
    EXPECT_EQ(fn::dueStatus(ctx, num(0), num(0), num(0), kEmpty, kEmpty, num(0)), "");
    EXPECT_EQ(fn::dueStatus(ctx, due, num(0), num(0), num(0), kEmpty, num(0)), "即将到期");
}

TEST(DueStatus, YearBoundary) {
    const auto ctx = contextOn({2024, 12, 31});
    EXPECT_EQ(fn::dueStatus(ctx, num(serial({2025, 1, 2})), kEmpty, kEmpty, kEmpty, kEmpty, kEmpty),
              "即将到期");
    EXPECT_EQ(
        fn::dueStatus(ctx, num(serial({2024, 12, 30})), kEmpty, kEmpty, kEmpty, kEmpty, kEmpty),
        "已逾期");
}

TEST(DueStatus, BadArgumentsAreErrors) {
    const auto ctx = contextOn({2024, 6, 10});
    const CellValue due = num(serial({2024, 6, 12}));
    EXPECT_EQ(argumentOfError(
                  [&] { fn::dueStatus(ctx, txt("明天"), kEmpty, kEmpty, kEmpty, kEmpty, kEmpty); }),
              0);
    EXPECT_EQ(
        argumentOfError([&] { fn::dueStatus(ctx, due, num(3), kEmpty, kEmpty, kEmpty, kEmpty); }),
        1);
    EXPECT_EQ(argumentOfError(
                  [&] { fn::dueStatus(ctx, due, kEmpty, txt("yes"), kEmpty, kEmpty, kEmpty); }),
              2);
    EXPECT_EQ(
        argumentOfError([&] { fn::dueStatus(ctx, due, kEmpty, kEmpty, kEmpty, num(-1), kEmpty); }),
        4);
    EXPECT_EQ(argumentOfError(
                  [&] { fn::dueStatus(ctx, due, kEmpty, kEmpty, kEmpty, kEmpty, txt("fr")); }),
              5);
}

TEST(DaysOverdue, CountsWholeDays) {
    const auto ctx = contextOn({2024, 3, 5});
    const CellValue due = num(serial({2024, 2, 27}));
    EXPECT_EQ(fn::daysOverdue(ctx, due, kEmpty, kEmpty, kEmpty), 7);  // across 29 Feb
    EXPECT_EQ(fn::daysOverdue(ctx, due, num(serial({2024, 2, 28}) + 0.99), kEmpty, kEmpty), 1);
    EXPECT_EQ(fn::daysOverdue(ctx, due, kEmpty, num(serial({2024, 2, 27})), kEmpty), 0);
    EXPECT_EQ(argumentOfError([&] { fn::daysOverdue(ctx, txt("x"), kEmpty, kEmpty, kEmpty); }), 0);
    EXPECT_EQ(argumentOfError([&] { fn::daysOverdue(ctx, due, kEmpty, kEmpty, num(3)); }), 3);
}

TEST(DaysOverdue, EmptyWhenThereIsNothingToCount) {
    const auto ctx = contextOn({2024, 3, 5});
    const CellValue due = num(serial({2024, 2, 27}));
    EXPECT_EQ(fn::daysOverdue(ctx, kEmpty, kEmpty, kEmpty, kEmpty), std::nullopt);  // empty row
    EXPECT_EQ(fn::daysOverdue(ctx, due, num(serial({2024, 2, 20})), kEmpty, kEmpty),
              std::nullopt);  // completed on time
    EXPECT_EQ(fn::daysOverdue(ctx, due, kEmpty, kEmpty, txt("已取消")), std::nullopt);
    EXPECT_EQ(fn::daysOverdue(ctx, due, kEmpty, kEmpty, txt("Cancelled")), std::nullopt);
    EXPECT_EQ(fn::daysOverdue(ctx, due, kEmpty, kEmpty, txt("已完成")), std::nullopt);
    // Done late still shows the delay; an open status counts to today.
    EXPECT_EQ(fn::daysOverdue(ctx, due, num(serial({2024, 3, 1})), kEmpty, txt("已完成")), 3);
    EXPECT_EQ(fn::daysOverdue(ctx, due, kEmpty, kEmpty, txt("进行中")), 7);
    EXPECT_EQ(fn::daysOverdue(ctx, due, kEmpty, kEmpty, txt("waiting")), 7);
}

TEST(Missing, CountAndFields) {
    const CellGrid values{{txt("张三"), kEmpty, txt("\u3000"), num(0), txt(" ")}};
    const CellGrid headers{{txt("联系人"), txt("职务"), txt("联系方式"), txt("预算"), kEmpty}};
    EXPECT_EQ(fn::missingCount(values), 3);
    EXPECT_EQ(fn::missingFields(values, headers), "职务、联系方式、#5");
    EXPECT_EQ(fn::missingFields({{txt("a")}}, {{txt("h")}}), "");
    EXPECT_EQ(fn::missingFields({{kEmpty}, {kEmpty}}, {{num(2024), txt("b")}}), "2024、b");
    EXPECT_EQ(argumentOfError([&] { fn::missingFields(values, {{txt("x")}}); }), 1);
}

TEST(ApprovalResult, CombinesOpinions) {
    EXPECT_EQ(fn::approvalResult({{txt("同意"), txt("同意"), txt("同意")}}, kEmpty), "通过");
    EXPECT_EQ(fn::approvalResult({{txt("同意"), txt("修改后同意"), txt("同意")}}, kEmpty),
              "修改后通过");
    EXPECT_EQ(fn::approvalResult({{txt("同意"), kEmpty, txt("不同意")}}, kEmpty), "驳回");
    EXPECT_EQ(fn::approvalResult({{txt("同意"), txt("\u3000"), txt("同意")}}, kEmpty), "审批中");
    EXPECT_EQ(fn::approvalResult({{txt("Approve"), txt("approve with changes")}}, txt("en")),
              "Approved with changes");
    EXPECT_EQ(fn::approvalResult({{txt("reject")}}, txt("en")), "Rejected");
    EXPECT_EQ(fn::approvalResult({{kEmpty}}, txt("en")), "Pending");
    EXPECT_EQ(argumentOfError([&] { fn::approvalResult({{txt("ok")}}, kEmpty); }), 0);
    EXPECT_EQ(argumentOfError([&] { fn::approvalResult({{num(1)}}, kEmpty); }), 0);
    EXPECT_EQ(argumentOfError([&] { fn::approvalResult({{txt("同意")}}, txt("de")); }), 1);
}

TEST(FunctionTable, EveryFunctionHasTextsInBothLanguages) {
    ASSERT_EQ(functionTable().size(), 9u);
    for (const auto& f : functionTable()) {
        EXPECT_FALSE(f.description.zh.empty()) << f.displayName;
        EXPECT_FALSE(f.description.en.empty()) << f.displayName;
        EXPECT_NE(f.description.zh, f.description.en) << f.displayName;
        EXPECT_EQ(findFunctionByMethod(f.method), &f);
        EXPECT_EQ(findFunctionByDisplayName(f.displayName), &f);
        bool seenOptional = false;
        for (const auto& a : f.arguments) {
            EXPECT_FALSE(a.name.zh.empty() || a.name.en.empty()) << f.displayName;
            EXPECT_FALSE(a.description.zh.empty() || a.description.en.empty()) << f.displayName;
            EXPECT_FALSE(seenOptional && !a.optional)
                << "optional before required in " << f.displayName;
            seenOptional = seenOptional || a.optional;
        }
    }
    EXPECT_EQ(findFunctionByDisplayName("customerno")->method, "customerNo");
    EXPECT_EQ(findFunctionByDisplayName("NOPE"), nullptr);
}

// The defaults the texts and the functions use are the schema's settings: one source.
TEST(FunctionTable, DefaultsComeFromTheSchema) {
    const auto schema = Schema::parse(std::string(productSchemaJson()));
    const Settings defaults(*schema);
    const auto* grade = findFunctionByMethod("leadGrade");
    ASSERT_NE(grade, nullptr);
    const std::string budget = formatNumber(defaults.number("gradeBudget"));
    EXPECT_NE(grade->arguments[3].description.en.find("else " + budget + "."), std::string::npos)
        << grade->arguments[3].description.en;
    for (const auto& f : functionTable())
        for (const auto& a : f.arguments) {
            EXPECT_EQ(a.description.zh.find('{'), std::string::npos) << a.description.zh;
            EXPECT_EQ(a.description.en.find('{'), std::string::npos) << a.description.en;
        }
    const FunctionContext ctx;
    EXPECT_EQ(ctx.thresholds.budget, defaults.number("gradeBudget"));
    EXPECT_EQ(ctx.thresholds.urgency, defaults.number("gradeUrgency"));
    EXPECT_EQ(ctx.warnDays, defaults.reminderDays());
    // A schema with other defaults gives other settings.
    std::string json(productSchemaJson());
    const std::string from = R"("default": "50")";
    json.replace(json.find(from), from.size(), R"("default": "80")");
    EXPECT_EQ(Settings(*Schema::parse(json)).thresholds().budget, 80);
}
