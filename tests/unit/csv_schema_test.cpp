#include <gtest/gtest.h>

#include "core/text/csv.hpp"
#include "core/workbook/layout.hpp"
#include "core/workbook/schema.hpp"
#include "core/workbook/settings.hpp"

using namespace dealsheet;

TEST(Csv, QuotesCommasAndLineEnds) {
    const auto rows = parseCsv(
        "\xEF\xBB\xBF"
        "a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\n\n3,,\"multi\nline\"");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0], (CsvRow{"a", "b", "c"}));
    EXPECT_EQ(rows[1], (CsvRow{"x,1", "say \"hi\"", ""}));
    EXPECT_EQ(rows[2], (CsvRow{"3", "", "multi\nline"}));
    EXPECT_EQ(parseCsv("\"unclosed,x").front(), (CsvRow{"unclosed,x"}));
    EXPECT_TRUE(parseCsv("").empty());
}

TEST(Schema, ProductSchemaDescribesEverySheet) {
    const Schema& schema = productSchema();
    ASSERT_EQ(schema.sheets().size(), 11u);
    for (const char* name :
         {"客户信息登记表", "谈判记录表", "跟进行动表", "关键点记录", "合同审批表",
          "合同履约跟踪表", "验收与整改", "售前与实施交接单", "异常客户信息表", "月度复盘", "设置"})
        EXPECT_NE(schema.sheetByName(name), nullptr) << name;
    EXPECT_EQ(schema.sheetByName(" customers ")->id, "customers");
    EXPECT_EQ(schema.sheetByName("Contract Approval")->id, "approvals");
    EXPECT_EQ(schema.sheetByName("客户"), nullptr);
    const auto& customers = schema.sheetOrThrow("customers");
    EXPECT_EQ(customers.columns.size(), 20u);
    EXPECT_EQ(customers.key, "customerNo");
    EXPECT_TRUE(customers.columnOrThrow("customerNo").required);
    EXPECT_EQ(customers.columnOrThrow("stage").list->values.size(), 7u);
    EXPECT_EQ(schema.sheetOrThrow("handover").columns.size(), 20u);
    EXPECT_EQ(schema.sheetOrThrow("negotiations").columns.size(), 20u);
    for (const auto& sheet : schema.sheets())
        for (const auto& column : sheet.columns) {
            EXPECT_FALSE(column.header.zh.empty() || column.header.en.empty()) << column.id;
            EXPECT_NE(column.header.zh, column.header.en) << sheet.id << "." << column.id;
        }
}

TEST(Schema, BadSchemasAreClearErrors) {
    EXPECT_THROW(Schema::parse("{"), SchemaError);
    EXPECT_THROW(Schema::parse("{\"sheets\": []}"), SchemaError);
    EXPECT_THROW(Schema::parse(R"({"sheets": [{"id": "a", "zh": "甲", "en": "A",
        "columns": [{"id": "x", "zh": "x", "en": "X", "type": "enum", "list": "nope"}]}]})"),
                 SchemaError);
    EXPECT_THROW(Schema::parse(R"({"sheets": [{"id": "a", "zh": "甲", "en": "A",
        "columns": [{"id": "x", "zh": "x", "en": "X", "type": "colour"}]}]})"),
                 SchemaError);
    EXPECT_THROW(Schema::parse(R"({"sheets": [{"id": "a", "zh": "甲", "en": "A", "columns": []},
        {"id": "b", "zh": "甲", "en": "B", "columns": []}]})"),
                 SchemaError);
    // Reproduced with fuzz_schema: a huge or NaN width overflowed the cast to int.
    for (const std::string width : {"1e300", "nan", "0"})
        EXPECT_THROW(
            Schema::parse(R"({"sheets": [{"id": "a", "zh": "甲", "en": "A", "columns": [)"
                          R"({"id": "x", "zh": "x", "en": "X", "type": "text", "width": ")" +
                          width + R"("}]}]})"),
            SchemaError)
            << width;
}

TEST(Layout, ColumnsAndFormulas) {
    EXPECT_EQ(columnLetters(0), "A");
    EXPECT_EQ(columnLetters(25), "Z");
    EXPECT_EQ(columnLetters(26), "AA");
    EXPECT_EQ(columnLetters(16383), "XFD");
    EXPECT_EQ(cellAddress(2, 9), "C10");
    const auto& actions = productSchema().sheetOrThrow("actions");
    const auto index = [&](std::string_view id) { return actions.columnIndex(id); };
    EXPECT_EQ(expandFormula("=DUESTATUS({dueDate};{status};{completedOn};TODAY();"
                            "{setting:reminderDays};{lang})",
                            1, index, "设置", productSchema(), Lang::En),
              "=DUESTATUS(G2;H2;I2;TODAY();$'设置'.$B$5;\"en\")");
    // The placeholders of the templates' built-in formulas.
    EXPECT_EQ(expandFormula("=IF({status}={zh:actionStatus.done};{text:dueStates.overdue};"
                            "{settingOrDefault:reminderDays})",
                            1, index, "it's", productSchema(), Lang::En),
              "=IF(H2=\"已完成\";\"Overdue\";IF(ISNUMBER($'it''s'.$B$5);$'it''s'.$B$5;2))");
    EXPECT_THROW(expandFormula("={text:dueStates}", 1, index, "S", productSchema(), Lang::Zh),
                 SchemaError);
    EXPECT_THROW(
        expandFormula("={settingOrDefault:holiday}", 1, index, "S", productSchema(), Lang::Zh),
        SchemaError);
    EXPECT_THROW(expandFormula("={nope}", 1, index, "S", productSchema(), Lang::Zh), SchemaError);
}

TEST(Settings, ReadsNamesInEitherLanguage) {
    const CellGrid rows{{std::string("项目"), std::string("值")},
                        {std::string("线索评级预算门槛(万元)"), 80.0},
                        {std::string("Reminder window (days)"), std::string("5")},
                        {std::string("节假日"), 45000.0},
                        {std::string("Holiday"), 45001.0},
                        {std::string("履约更新间隔天数"), std::string("soon")}};
    const Settings settings = readSettings(productSchema(), rows);
    EXPECT_EQ(settings.thresholds().budget, 80);
    EXPECT_EQ(settings.thresholds().urgency, 4);
    EXPECT_EQ(settings.reminderDays(), 5);
    EXPECT_EQ(settings.staleDays(), 7);       // unreadable value keeps the default...
    ASSERT_EQ(settings.problems.size(), 1u);  // ...and is reported with the default used
    EXPECT_EQ(settings.problems[0].name, "履约更新间隔天数");
    EXPECT_EQ(settings.problems[0].value, "soon");
    EXPECT_EQ(settings.problems[0].defaultValue, "7");
    EXPECT_EQ(settings.holidays.size(), 2u);
}

// Found by fuzz_workbook: a huge value overflowed the cast to long (undefined behaviour).
TEST(Settings, HugeValuesAreProblemsNotDays) {
    const CellGrid rows{{std::string("节假日"), 4.545e49},
                        {std::string("到期提醒天数"), std::string("1e300")},
                        {std::string("staleDays"), 1e8}};
    const Settings settings = readSettings(productSchema(), rows);
    EXPECT_TRUE(settings.holidays.empty());
    EXPECT_EQ(settings.reminderDays(), 2);
    EXPECT_EQ(settings.staleDays(), 100000000);
    EXPECT_EQ(settings.problems.size(), 2u);
}

// A list setting's default is named in the language its row is written in.
TEST(Settings, AnUnreadableListValueNamesTheDefaultInTheRowsLanguage) {
    const CellGrid rows{{std::string("Reminder scope"), std::string("the whole team")},
                        {std::string("提醒范围"), std::string("大家")}};
    const Settings settings = readSettings(productSchema(), rows);
    EXPECT_EQ(settings.reminderScope(), ReminderScope::Mine);
    ASSERT_EQ(settings.problems.size(), 2u);
    EXPECT_EQ(settings.problems[0].defaultValue, "Mine");
    EXPECT_EQ(settings.problems[1].defaultValue, "我的");
}
