#include "findings.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <tuple>

namespace dealsheet {

const std::vector<RuleInfo>& ruleTable() {
    static const std::vector<RuleInfo> table{
        {"REQUIRED",
         Severity::Error,
         {"必填项为空", "A required cell is blank"},
         {"必填项“{field}”为空{detail}", "Required field \"{field}\" is blank{detail}"}},
        {"MISSING_COLUMN",
         Severity::Error,
         {"缺少必需的列", "A required column is missing"},
         {"缺少必需的列“{field}”", "Required column \"{field}\" is missing"}},
        {"TYPE",
         Severity::Error,
         {"类型错误：文本或错误值", "Wrong type: text or an error value"},
         {"“{field}”应为{detail}：“{value}”", "\"{field}\" should be {detail}: \"{value}\""}},
        {"ENUM",
         Severity::Error,
         {"不在下拉列表中的值", "A value outside its list"},
         {"“{value}”不是“{field}”的有效选项（{detail}）",
          "\"{value}\" is not a valid \"{field}\" ({detail})"}},
        {"RANGE",
         Severity::Error,
         {"数值超出范围", "A number outside its bounds"},
         {"“{field}”的值 {value} 超出范围：{detail}",
          "\"{field}\" value {value} is out of range: {detail}"}},
        {"FORMAT",
         Severity::Error,
         {"客户编号格式不是 YYYYMM-NNN", "A customer number not YYYYMM-NNN"},
         {"客户编号“{value}”格式应为 YYYYMM-NNN",
          "Customer number \"{value}\" should look like YYYYMM-NNN"}},
        {"DUPLICATE",
         Severity::Error,
         {"编号重复", "A key value twice in its sheet"},
         {"“{field}”的值“{value}”重复（首次出现在第 {detail} 行）",
          "\"{field}\" value \"{value}\" appears twice (first in row {detail})"}},
        {"REF",
         Severity::Error,
         {"引用的记录不存在", "A reference to a record that does not exist"},
         {"“{value}”在{detail}中不存在", "\"{value}\" does not exist in {detail}"}},
        {"DATE_ORDER",
         Severity::Error,
         {"日期早于应在其后的日期", "A date before the date it must follow"},
         {"“{field}”（{value}）早于{detail}", "\"{field}\" ({value}) is before {detail}"}},
        {"SIGNED_UNAPPROVED",
         Severity::Error,
         {"合同未审批通过即签署", "Signed without approval"},
         {"合同已签署，但审批结论为“{detail}”",
          "The contract is signed but its approval is \"{detail}\""}},
        {"CUSTNO_MONTH",
         Severity::Warning,
         {"客户编号月份与登记日期不符", "Customer number month differs from registration"},
         {"客户编号“{value}”的月份与登记日期 {detail} 不一致",
          "Customer number \"{value}\" is not of the registration month {detail}"}},
        {"DUPLICATE_NAME",
         Severity::Warning,
         {"疑似重复客户", "Likely duplicate customer"},
         {"客户名称“{value}”与第 {detail} 行重复",
          "Customer name \"{value}\" repeats row {detail}"}},
        {"CONTACT",
         Severity::Warning,
         {"联系方式不是电话或邮箱", "Contact is neither phone nor e-mail"},
         {"联系方式“{value}”不是电话号码或电子邮箱{detail}",
          "\"{value}\" is neither a phone number nor an e-mail address{detail}"}},
        {"GRADE",
         Severity::Warning,
         {"线索评级与计算结果不符", "Typed lead grade differs from computed"},
         {"手工填写的评级“{value}”与计算结果“{detail}”不一致",
          "Typed grade \"{value}\" differs from the computed grade \"{detail}\""}},
        {"OVERDUE",
         Severity::Warning,
         {"行动已逾期", "Open action past its due date"},
         {"行动已逾期 {detail} 天（截止 {value}）",
          "Action is {detail} day(s) overdue (due {value})"}},
        {"DUE_SOON",
         Severity::Warning,
         {"行动即将到期", "Open action due soon"},
         {"行动将在 {detail} 天内到期（截止 {value}）",
          "Action is due within {detail} day(s) (due {value})"}},
        {"RECORD_LATE",
         Severity::Warning,
         {"谈判记录整理超过 24 小时", "Negotiation record finalised late"},
         {"记录在谈判后 {detail} 天才整理完成（应在次日内）",
          "Record finalised {detail} days after the meeting (due by the next day)"}},
        {"NEXT_STEP",
         Severity::Warning,
         {"谈判后没有下一步行动", "No next step after the meeting"},
         {"谈判结果为“{detail}”，但没有下一步行动", "Outcome \"{detail}\" but no next step"}},
        {"STALE",
         Severity::Warning,
         {"履约里程碑未按时更新", "Milestone not updated"},
         {"未完成的里程碑已 {detail} 天未更新", "Open milestone not updated for {detail} days"}},
        {"STATUS",
         Severity::Warning,
         {"里程碑已过计划日期仍为正常进行", "Late milestone still on track"},
         {"计划日期 {detail} 已过、未完成，状态应为“存在延迟”",
          "Planned date {detail} has passed and it is not done: status should be Delayed"}},
        {"ACCEPT_LATE",
         Severity::Warning,
         {"验收申请晚于交付后 3 个工作日", "Acceptance requested late"},
         {"交付后 {detail} 个工作日才申请验收（应在 3 个工作日内）",
          "Acceptance requested {detail} working days after delivery (due within 3)"}},
        {"NAME_MISMATCH",
         Severity::Warning,
         {"客户名称与客户登记表不一致", "Customer name differs from the register"},
         {"客户名称“{value}”与登记表中的“{detail}”不一致",
          "Customer name \"{value}\" differs from the register's \"{detail}\""}},
        {"FUTURE_DATE",
         Severity::Warning,
         {"登记日期在未来", "Registration date in the future"},
         {"登记日期 {value} 在今天之后", "Registration date {value} is after today"}},
    };
    return table;
}

const RuleInfo& rule(std::string_view code) {
    for (const auto& info : ruleTable())
        if (info.code == code) return info;
    throw std::out_of_range("unknown rule code " + std::string(code));
}

Text severityName(Severity severity) {
    return severity == Severity::Error ? Text{"错误", "Error"} : Text{"警告", "Warning"};
}

void sortAndDeduplicate(std::vector<Finding>& findings,
                        const std::vector<std::string>& sheetOrder) {
    std::map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < sheetOrder.size(); ++i) order.emplace(sheetOrder[i], i);
    const auto key = [&](const Finding& f) {
        const auto it = order.find(f.sheet);
        return std::make_tuple(it == order.end() ? order.size() : it->second, f.row, f.column,
                               std::cref(f.rule));
    };
    std::stable_sort(findings.begin(), findings.end(),
                     [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
    findings.erase(std::unique(findings.begin(), findings.end(),
                               [](const Finding& a, const Finding& b) {
                                   // The field too: every missing column is its own finding.
                                   return a.sheet == b.sheet && a.row == b.row &&
                                          a.column == b.column && a.rule == b.rule &&
                                          a.field == b.field;
                               }),
                   findings.end());
}

}  // namespace dealsheet
