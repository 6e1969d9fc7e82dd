// A rule entry of the schema is checked when the schema loads: unknown rules and parameters,
// missing or malformed ones fail loading with a message that names them.
#include <gtest/gtest.h>

#include <string>

#include "core/workbook/schema.hpp"

using namespace dealsheet;

namespace {

// A one-sheet schema whose only rule entry is `rule`.
std::string schemaWithRule(const std::string& rule) {
    return R"({
  "lists": {"status": [["open", "进行中", "Open"], ["done", "已完成", "Done"]]},
  "settings": [{"id": "window", "zh": "窗口", "en": "Window", "default": "2"},
               {"id": "holiday", "zh": "节假日", "en": "Holiday", "default": "", "repeatable": "true"}],
  "sheets": [{"id": "tasks", "zh": "任务", "en": "Tasks",
    "columns": [{"id": "due", "zh": "截止", "en": "Due", "type": "date"},
                {"id": "status", "zh": "状态", "en": "Status", "type": "enum", "list": "status"},
                {"id": "doneOn", "zh": "完成", "en": "Done on", "type": "date"}],
    "rules": [)" +
           rule + R"(]}]})";
}

std::string loadError(const std::string& rule) {
    try {
        Schema::parse(schemaWithRule(rule));
    } catch (const SchemaError& e) {
        return e.what();
    }
    return "loaded";
}

const std::string kDueSoon =
    R"({"code": "DUE_SOON", "due": "due", "status": "status", "closed": "done", )"
    R"("completed": "doneOn", "windowSetting": "window"})";

}  // namespace

TEST(RuleSchema, AWellFormedEntryLoadsWithTypedParameters) {
    const auto schema = Schema::parse(schemaWithRule(kDueSoon));
    const SheetRule& entry = schema->sheetOrThrow("tasks").rules.at(0);
    EXPECT_EQ(entry.definition, &rule("DUE_SOON"));
    EXPECT_EQ(entry.param("closed").ids, std::vector<std::string>{"done"});
    EXPECT_EQ(entry.param("windowSetting").kind, ParamKind::Setting);
}

TEST(RuleSchema, BadEntriesFailLoadingWithAClearMessage) {
    EXPECT_NE(loadError(R"({"code": "DUE_SOOON"})").find("DUE_SOOON: no such rule"),
              std::string::npos);
    EXPECT_NE(loadError(R"({"code": "REQUIRED"})").find("follows from the columns"),
              std::string::npos);
    std::string missing = kDueSoon;
    missing.replace(missing.find(R"("windowSetting": "window")"), 25, R"("x": "y")");
    EXPECT_NE(loadError(missing).find("unknown parameter \"x\""), std::string::npos)
        << loadError(missing);
    EXPECT_NE(loadError(R"({"code": "DUE_SOON", "due": "due"})").find("is missing"),
              std::string::npos);
    std::string badColumn = kDueSoon;
    badColumn.replace(badColumn.find(R"("due": "due")"), 12, R"("due": "dew")");
    EXPECT_NE(loadError(badColumn).find("no column dew"), std::string::npos)
        << loadError(badColumn);
    std::string badValue = kDueSoon;
    badValue.replace(badValue.find(R"("closed": "done")"), 16, R"("closed": "finished")");
    EXPECT_NE(loadError(badValue).find("no value finished"), std::string::npos);
    std::string badSetting = kDueSoon;
    badSetting.replace(badSetting.find(R"("window"})"), 9, R"("holiday"})");
    EXPECT_NE(loadError(badSetting).find("no numeric setting holiday"), std::string::npos)
        << loadError(badSetting);
    EXPECT_NE(loadError(R"({"code": "RECORD_LATE", "date": "due", "finalised": "doneOn", )"
                        R"("days": "one"})")
                  .find("whole number"),
              std::string::npos);
}

TEST(RuleSchema, TheProductSchemaBindsEveryRuleEntry) {
    for (const auto& sheet : productSchema().sheets())
        for (const auto& entry : sheet.rules) {
            ASSERT_NE(entry.definition, nullptr);
            EXPECT_EQ(entry.params.size(), entry.definition->params.size())
                << sheet.id << " " << entry.definition->code;
        }
}
