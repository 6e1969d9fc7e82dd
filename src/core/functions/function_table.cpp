#include "core/functions/function_table.hpp"

#include "core/workbook/cell.hpp"
#include "core/workbook/settings.hpp"

namespace dealsheet {
namespace {

const ArgumentInfo kLangArgument{
    {"语言", "lang"},
    {"可选。\"en\" 返回英文结果，默认 \"zh\" 返回中文。",
     "Optional. \"en\" for English results; the default \"zh\" gives Chinese."},
    true};

std::vector<FunctionInfo> buildTable() {
    return {
        {"customerNo",
         "CUSTOMERNO",
         {"由登记日期的年月和序号生成客户编号 YYYYMM-NNN，例如 202405-001。",
          "Builds the customer number YYYYMM-NNN from the year and month of a date and a "
          "sequence number, e.g. 202405-001."},
         {{{"日期", "date"},
           {"登记日期，决定编号的年月。", "Registration date; gives the number's year and month."}},
          {{"序号", "sequence"},
           {"当月序号，从 1 开始的整数，至少补零到 3 位。",
            "Sequence within the month, a whole number from 1, zero-padded to 3 digits."}}}},
        {"nextCustomerNo",
         "NEXTCUSTOMERNO",
         {"给出该日期所在月份的下一个可用客户编号（该月最大序号加 1）。",
          "Gives the next free customer number of the date's month (highest sequence of that "
          "month plus 1)."},
         {{{"日期", "date"},
           {"登记日期，决定编号的年月。", "Registration date; gives the number's year and month."}},
          {{"已有编号", "existing"},
           {"已有客户编号所在的区域；空白和格式不符的内容被忽略。",
            "Range of existing customer numbers; blanks and malformed entries are ignored."}}}},
        {"isCustomerNo",
         "ISCUSTOMERNO",
         {"检查客户编号格式是否为 YYYYMM-NNN；给出日期时还检查年月是否一致。",
          "TRUE when the text is a well-formed customer number YYYYMM-NNN and, with a date, "
          "of that date's month."},
         {{{"文本", "text"}, {"要检查的客户编号。", "The customer number to check."}},
          {{"日期", "date"},
           {"可选。编号应属于的月份中的任一日期。",
            "Optional. A date in the month the number should belong to."},
           true}}},
        {"leadGrade",
         "LEADGRADE",
         {"按预算、需求紧急度和决策可能性评定线索等级：满足两项及以上为 A，一项为 B，否则为 C。",
          "Grades a lead by budget, urgency and decision likelihood: A when at least two "
          "criteria are met, B for one, C for none."},
         {{{"预算", "budget"}, {"预算（万元）。", "Budget in 10k CNY."}},
          {{"紧急度", "urgency"}, {"需求紧急度，1 到 5。", "Urgency, 1 to 5."}},
          {{"决策可能性", "likelihood"}, {"决策可能性，1 到 5。", "Decision likelihood, 1 to 5."}},
          {{"预算门槛", "budget_min"},
           {"可选。预算达标线，默认取设置表，否则 {default:gradeBudget}。",
            "Optional. Budget threshold; default from the Settings sheet, else "
            "{default:gradeBudget}."},
           true},
          {{"紧急度门槛", "urgency_min"},
           {"可选。紧急度达标线，默认取设置表，否则 {default:gradeUrgency}。",
            "Optional. Urgency threshold; default from the Settings sheet, else "
            "{default:gradeUrgency}."},
           true},
          {{"可能性门槛", "likelihood_min"},
           {"可选。决策可能性达标线，默认取设置表，否则 {default:gradeLikelihood}。",
            "Optional. Likelihood threshold; default from the Settings sheet, else "
            "{default:gradeLikelihood}."},
           true}}},
        {"dueStatus",
         "DUESTATUS",
         {"跟进行动的到期状态：已完成、已逾期、即将到期或进行中。",
          "Due status of a follow-up action: Done, Overdue, Due soon or Open."},
         {{{"截止日期", "due"}, {"行动的截止日期。", "The action's due date."}},
          {{"状态", "status"},
           {"可选。行动状态；已完成或已取消视为完成。",
            "Optional. The action's status; Done or Cancelled count as done."},
           true},
          {{"完成日期", "completed"},
           {"可选。完成日期；填写了日期即视为完成。",
            "Optional. Completion date; any date means done."},
           true},
          {{"今天", "today"},
           {"可选。今天的日期，模板传入 TODAY() 以便每天重算。",
            "Optional. Today's date; templates pass TODAY() so the status updates daily."},
           true},
          {{"提醒天数", "warn_days"},
           {"可选。到期前多少天提示即将到期，默认取设置表，否则 {default:reminderDays}。",
            "Optional. Days before the due date that count as due soon; default from the "
            "Settings sheet, else {default:reminderDays}."},
           true},
          kLangArgument}},
        {"daysOverdue",
         "DAYSOVERDUE",
         {"逾期天数：完成日期（未完成则今天）超过截止日期的整天数；未完成且未逾期为 "
          "0。没有截止日期、"
          "已取消、按时完成（或标为已完成而无完成日期）时为空。",
          "Whole days past the due date, counted to the completion date or else today; 0 for "
          "an open action not yet late. Empty without a due date, for a cancelled action and "
          "for one completed on time (or marked done without a completion date)."},
         {{{"截止日期", "due"}, {"行动的截止日期。", "The action's due date."}},
          {{"完成日期", "completed"}, {"可选。完成日期。", "Optional. Completion date."}, true},
          {{"今天", "today"},
           {"可选。今天的日期，模板传入 TODAY()。",
            "Optional. Today's date; templates pass TODAY()."},
           true},
          {{"状态", "status"},
           {"可选。行动状态：已取消为空，已完成只计完成日期的延误；其他状态视为未完成。",
            "Optional. The action's status: Cancelled gives empty, Done counts only a late "
            "completion date; any other status is an open action."},
           true}}},
        {"missingCount",
         "MISSINGCOUNT",
         {"区域中空白单元格的个数（只含空格或全角空格也算空白）。",
          "Number of blank cells in the range (cells holding only spaces, U+3000 included, "
          "count as blank)."},
         {{{"数值", "values"}, {"要检查的单元格区域。", "The range to check."}}}},
        {"missingFields",
         "MISSINGFIELDS",
         {"列出空白单元格对应的表头，用“、”连接；没有缺失时为空文本。",
          "Lists the headers of the blank cells, joined by 、; empty text when none is "
          "missing."},
         {{{"数值", "values"}, {"要检查的单元格区域。", "The range to check."}},
          {{"表头", "headers"},
           {"与数值区域同样大小的表头区域。", "Header range of the same size as the values."}}}},
        {"approvalResult",
         "APPROVALRESULT",
         {"汇总各部门审批意见：有不同意为驳回，有空白为审批中，有修改后同意为修改后通过，否则通过"
          "。",
          "Combines department opinions: Rejected if any rejects, Pending if any is blank, "
          "Approved with changes if any, else Approved."},
         {{{"审批意见", "opinions"},
           {"各部门意见所在区域：同意、修改后同意、不同意或空白。",
            "Range of opinions: Approve, Approve with changes, Reject or blank."}},
          kLangArgument}},
    };
}

}  // namespace

// "{default:ID}" in a text becomes the schema's default of setting ID: the texts never spell a
// default of their own.
void fillDefaults(std::string& text) {
    const std::string open = "{default:";
    for (auto at = text.find(open); at != std::string::npos; at = text.find(open, at)) {
        const auto end = text.find('}', at);
        const std::string id = text.substr(at + open.size(), end - at - open.size());
        const std::string value = formatNumber(productDefaults().number(id));
        text.replace(at, end - at + 1, value);
        at += value.size();
    }
}

const std::vector<FunctionInfo>& functionTable() {
    static const std::vector<FunctionInfo> table = [] {
        auto built = buildTable();
        for (auto& function : built)
            for (auto& argument : function.arguments) {
                fillDefaults(argument.description.zh);
                fillDefaults(argument.description.en);
            }
        return built;
    }();
    return table;
}

const FunctionInfo* findFunctionByMethod(std::string_view method) {
    for (const auto& info : functionTable())
        if (info.method == method) return &info;
    return nullptr;
}

const FunctionInfo* findFunctionByDisplayName(std::string_view displayName) {
    for (const auto& info : functionTable())
        if (equalsIgnoringAsciiCase(info.displayName, displayName)) return &info;
    return nullptr;
}

}  // namespace dealsheet
