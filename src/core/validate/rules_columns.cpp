// The column rules: they follow from a column's attributes in the schema (required, type, list,
// bounds, format, reference, date order), in the order they check a cell.
#include <cmath>

#include "core/functions/customer_number.hpp"
#include "core/matching/credit_code.hpp"
#include "core/text/text.hpp"
#include "core/validate/contact.hpp"
#include "core/validate/rule.hpp"
#include "core/workbook/cell.hpp"
#include "core/workbook/schema.hpp"

namespace dealsheet {
namespace {

std::string joinedValues(const EnumList& list, Lang lang, std::string_view separator) {
    std::string joined;
    for (const auto& v : list.values)
        joined += (joined.empty() ? "" : std::string(separator)) + v.text.in(lang);
    return joined;
}

std::string number(double value) { return formatNumber(value); }

std::size_t codePointCount(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size(); ++count) decodeUtf8(text, pos);
    return count;
}

}  // namespace

const std::vector<RuleDefinition>& columnRules() {
    static const std::vector<RuleDefinition> rules{
        RuleDefinition::define("REQUIRED", Severity::Error, RuleScope::Column)
            .titled({"必填项为空", "A required cell is blank"})
            .saying({"必填项“{field}”为空{detail}", "Required field \"{field}\" is blank{detail}"})
            .appliesWhen(
                [](const ColumnSchema& c) { return c.required || c.requiredWhen.has_value(); })
            .checkingBlank([](RuleCell& cell) {
                const ColumnSchema& column = cell.column();
                if (column.required) {
                    cell.report("REQUIRED", {}, {});
                    return;
                }
                const RuleRow& row = cell.row();
                const int other = row.columnOf(column.requiredWhen->column);
                const std::string_view id = row.valueId(other);
                for (const auto& when : column.requiredWhen->ids) {
                    if (id != when) continue;
                    // The sheet's own header and value words, in whichever language it uses.
                    const std::string header = row.header(other);
                    const auto& list =
                        *row.schema().columnOrThrow(column.requiredWhen->column).list;
                    const std::string& value = list.byId(when).text.in(row.lang());
                    cell.report("REQUIRED", "（" + header + "为“" + value + "”时必填）",
                                " (required when \"" + header + "\" is " + value + ")");
                }
            }),
        RuleDefinition::define("TYPE", Severity::Error, RuleScope::Column)
            .titled({"类型错误：文本或错误值", "Wrong type: text or an error value"})
            .saying(
                {"“{field}”应为{detail}：“{value}”", "\"{field}\" should be {detail}: \"{value}\""})
            .appliesWhen([](const ColumnSchema&) { return true; })
            .checkingCell([](RuleCell& cell) {
                if (cell.isError()) {
                    cell.report("TYPE", "有效的值（现在是错误值）", "a value (it holds an error)");
                    return false;
                }
                const ColumnSchema& column = cell.column();
                if (column.isDate() && cell.isText()) {
                    cell.report("TYPE", "日期（现在是文本）", "a date (it holds text)");
                    return false;
                }
                if (column.isDate() && !cell.day()) {
                    cell.report("TYPE", "有效的日期", "a valid date");
                    return false;
                }
                if (column.isNumeric() && cell.isText()) {
                    cell.report("TYPE", "数字（现在是文本）", "a number (it holds text)");
                    return false;
                }
                return true;
            }),
        RuleDefinition::define("FUTURE_DATE", Severity::Warning, RuleScope::Column)
            .titled({"登记日期在未来", "Registration date in the future"})
            .saying({"登记日期 {value} 在今天之后", "Registration date {value} is after today"})
            .appliesWhen([](const ColumnSchema& c) { return c.isDate() && c.notFuture; })
            .checkingCell([](RuleCell& cell) {
                if (*cell.day() > cell.row().today()) cell.report("FUTURE_DATE", {}, {});
                return true;
            }),
        RuleDefinition::define("DATE_ORDER", Severity::Error, RuleScope::Column)
            .titled({"日期早于应在其后的日期", "A date before the date it must follow"})
            .saying(
                {"“{field}”（{value}）早于{detail}", "\"{field}\" ({value}) is before {detail}"})
            .appliesWhen([](const ColumnSchema& c) { return c.isDate() && !c.notBefore.empty(); })
            .checkingCell([](RuleCell& cell) {
                const RuleRow& row = cell.row();
                const int otherColumn = row.columnOf(cell.column().notBefore);
                const auto other = row.date(otherColumn);
                if (other && *cell.day() < *other) {
                    const std::string header = row.header(otherColumn);
                    const std::string when = row.dateText(*other);
                    cell.report("DATE_ORDER", "“" + header + "”（" + when + "）",
                                "\"" + header + "\" (" + when + ")");
                }
                return true;
            }),
        RuleDefinition::define("RANGE", Severity::Error, RuleScope::Column)
            .titled({"数值超出范围", "A number outside its bounds"})
            .saying({"“{field}”的值 {value} 超出范围：{detail}",
                     "\"{field}\" value {value} is out of range: {detail}"})
            .appliesWhen([](const ColumnSchema& c) { return c.isNumeric(); })
            .checkingCell([](RuleCell& cell) {
                const ColumnSchema& column = cell.column();
                const double value = cell.number();
                const bool integerWanted = column.type == ColumnType::Integer;
                bool bad = integerWanted && value != std::floor(value);
                if (column.min)
                    bad = bad || (column.minExclusive ? value <= *column.min : value < *column.min);
                if (column.max) bad = bad || value > *column.max;
                if (!bad) return true;
                std::string zh, en;
                if (column.min && column.max) {
                    zh = number(*column.min) + " 到 " + number(*column.max);
                    en = number(*column.min) + " to " + number(*column.max);
                } else if (column.min) {
                    zh = (column.minExclusive ? "须大于 " : "须不小于 ") + number(*column.min);
                    en = (column.minExclusive ? "must be > " : "must be ≥ ") + number(*column.min);
                }
                if (integerWanted) {
                    zh += zh.empty() ? "须为整数" : "的整数";
                    en += en.empty() ? "a whole number" : ", whole numbers";
                }
                cell.report("RANGE", zh, en);
                return true;
            }),
        RuleDefinition::define("ENUM", Severity::Error, RuleScope::Column)
            .titled({"不在下拉列表中的值", "A value outside its list"})
            .saying({"“{value}”不是“{field}”的有效选项（{detail}）",
                     "\"{value}\" is not a valid \"{field}\" ({detail})"})
            .appliesWhen([](const ColumnSchema& c) { return c.list != nullptr; })
            .checkingCell([](RuleCell& cell) {
                const EnumList& list = *cell.column().list;
                const std::string shown = cell.isText() ? cell.text() : number(cell.number());
                if (!list.find(shown)) {
                    const Lang lang = cell.row().lang();  // the values as this sheet spells them
                    cell.report("ENUM", "可选：" + joinedValues(list, lang, "、"),
                                "allowed: " + joinedValues(list, lang, ", "));
                }
                return true;
            }),
        RuleDefinition::define("FORMAT", Severity::Error, RuleScope::Column)
            .titled({"客户编号格式不是 YYYYMM-NNN", "A customer number not YYYYMM-NNN"})
            .saying({"客户编号“{value}”格式应为 YYYYMM-NNN",
                     "Customer number \"{value}\" should look like YYYYMM-NNN"})
            .appliesWhen([](const ColumnSchema& c) { return c.format == "customerNo"; })
            .checkingCell([](RuleCell& cell) {
                if (!cell.isText() || !parseCustomerNumber(cell.text()))
                    cell.report("FORMAT", {}, {});
                return true;
            }),
        RuleDefinition::define("CONTACT", Severity::Warning, RuleScope::Column)
            .titled({"联系方式不是电话或邮箱", "Contact is neither phone nor e-mail"})
            .saying({"联系方式“{value}”不是电话号码或电子邮箱{detail}",
                     "\"{value}\" is neither a phone number nor an e-mail address{detail}"})
            .appliesWhen([](const ColumnSchema& c) { return c.format == "contact"; })
            .checkingCell([](RuleCell& cell) {
                // Numbers typed into a General cell and Chinese notations are contacts too.
                if (const auto problem = contactProblem(cell.value()))
                    cell.report("CONTACT", std::string(problem->zh), std::string(problem->en));
                return true;
            }),
        RuleDefinition::define("CREDIT_CODE", Severity::Error, RuleScope::Column)
            .titled({"统一社会信用代码有误", "A malformed credit code"})
            .saying({"统一社会信用代码“{value}”有误：{detail}",
                     "Credit code \"{value}\" is wrong: {detail}"})
            .appliesWhen([](const ColumnSchema& c) { return c.format == "creditCode"; })
            .checkingCell([](RuleCell& cell) {
                // 18 characters: a number cell cannot hold one (Calc keeps 15 digits).
                if (!cell.isText()) {
                    cell.report("CREDIT_CODE",
                                "它成了数字，位数已丢失；请把单元格设为文本后重新输入",
                                "it became a number and lost digits; format the cell as text and "
                                "type it again");
                    return true;
                }
                const std::string code = normaliseCreditCode(cell.text());
                if (code.size() != 18) {
                    cell.report("CREDIT_CODE",
                                "应为 18 位，现为 " + std::to_string(codePointCount(code)) + " 位",
                                "it should have 18 characters, it has " +
                                    std::to_string(codePointCount(code)));
                    return true;
                }
                const char expected = creditCodeCheckCharacter(code);
                if (expected == '\0')
                    cell.report("CREDIT_CODE", "只能由数字和除 I、O、S、V、Z 以外的大写字母组成",
                                "only digits and capital letters other than I, O, S, V, Z");
                else if (expected != code.back())
                    cell.report("CREDIT_CODE",
                                std::string("校验位应为 ") + expected + "，请核对是否抄错",
                                std::string("its check character should be ") + expected +
                                    ": a character was probably mistyped");
                return true;
            }),
        RuleDefinition::define("REF", Severity::Error, RuleScope::Column)
            .titled({"引用的记录不存在", "A reference to a record that does not exist"})
            .saying({"“{value}”在{detail}中不存在", "\"{value}\" does not exist in {detail}"})
            .appliesWhen([](const ColumnSchema& c) { return !c.ref.empty(); })
            .checkingCell([](RuleCell& cell) {
                if (cell.refersToMissingKey()) {
                    const auto& target = productSchema().sheetOrThrow(cell.column().ref).name;
                    cell.report("REF", target.zh, target.en);
                }
                return true;
            }),
    };
    return rules;
}

}  // namespace dealsheet
