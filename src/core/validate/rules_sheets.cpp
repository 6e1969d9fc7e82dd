// The sheet rules: named in a sheet's "rules" in the schema with their parameters (declared
// here, checked when the schema loads), each checking one filled row.
#include "core/functions/approval.hpp"
#include "core/functions/customer_number.hpp"
#include "core/functions/grading.hpp"
#include "core/text/text.hpp"
#include "core/validate/rule.hpp"
#include "core/workbook/schema.hpp"

namespace dealsheet {
namespace {

using K = ParamKind;

// An open item: its status is not one of the `closed` values.
bool isOpen(const RuleRow& r) { return !r.valueIn("status", "closed"); }

std::string text(long number) { return std::to_string(number); }

// The parameters of a rule about an open action's due date, and `extra`.
std::vector<ParamSpec> openItemParams(std::optional<ParamSpec> extra) {
    std::vector<ParamSpec> params{
        param("due", K::Column, {"截止日期列", "the due date column"}),
        param("status", K::Column, {"状态列", "the status column"}),
        param("closed", K::Values, {"表示已关闭的状态", "statuses that close an item"})
            .ofColumn("status"),
        param("completed", K::Column, {"完成日期列", "the completion date column"})};
    if (extra) params.push_back(*extra);
    return params;
}

// The due date of an open action without a completion date, if it has a valid one.
std::optional<long> openDueDate(const RuleRow& r) {
    if (!isOpen(r) || !r.blank(r.column("completed"))) return std::nullopt;
    return r.date(r.column("due"));
}

}  // namespace

const std::vector<RuleDefinition>& sheetRules() {
    static const std::vector<RuleDefinition> rules{
        RuleDefinition::define("CUSTNO_MONTH", Severity::Warning, RuleScope::Sheet)
            .titled(
                {"客户编号月份与登记日期不符", "Customer number month differs from registration"})
            .saying({"客户编号“{value}”的月份与登记日期 {detail} 不一致",
                     "Customer number \"{value}\" is not of the registration month {detail}"})
            .taking({param("number", K::Column, {"客户编号列", "the customer number column"}),
                     param("date", K::Column, {"登记日期列", "the registration date column"})})
            .checkingRow([](RuleRow& r) {
                const int numberColumn = r.column("number");
                const auto date = r.date(r.column("date"));
                if (numberColumn < 0 || !date) return;
                const auto number = parseCustomerNumber(r.text(numberColumn));
                const auto civil = r.civil(*date);
                if (number && civil &&
                    (number->year != civil->year || number->month != civil->month))
                    r.report(numberColumn, r.dateText(*date), r.dateText(*date));
            }),
        RuleDefinition::define("GRADE", Severity::Warning, RuleScope::Sheet)
            .titled({"线索评级与计算结果不符", "Typed lead grade differs from computed"})
            .saying({"手工填写的评级“{value}”与计算结果“{detail}”不一致",
                     "Typed grade \"{value}\" differs from the computed grade \"{detail}\""})
            .taking({param("grade", K::Column, {"线索评级列", "the lead grade column"}),
                     param("budget", K::Column, {"预算列", "the budget column"}),
                     param("urgency", K::Column, {"紧急度列", "the urgency column"}),
                     param("likelihood", K::Column, {"决策可能性列", "the likelihood column"}),
                     param("budgetSetting", K::Setting, {"预算门槛", "the budget threshold"}),
                     param("urgencySetting", K::Setting, {"紧急度门槛", "the urgency threshold"}),
                     param("likelihoodSetting", K::Setting,
                           {"可能性门槛", "the likelihood threshold"})})
            .checkingRow([](RuleRow& r) {
                const int gradeColumn = r.column("grade");
                if (gradeColumn < 0 || r.blank(gradeColumn) || r.formula(gradeColumn)) return;
                const auto budget = r.number(r.column("budget"));
                const auto urgency = r.number(r.column("urgency"));
                const auto likelihood = r.number(r.column("likelihood"));
                if (!budget && !urgency && !likelihood) return;  // nothing to grade from
                const GradeThresholds thresholds{r.setting("budgetSetting"),
                                                 r.setting("urgencySetting"),
                                                 r.setting("likelihoodSetting")};
                const std::string computed(
                    1, gradeLetter(gradeLead(budget, urgency, likelihood, thresholds)));
                const std::string typed = foldForComparison(r.text(gradeColumn));
                if (typed != foldForComparison(computed)) r.report(gradeColumn, computed, computed);
            }),
        RuleDefinition::define("NEXT_STEP", Severity::Warning, RuleScope::Sheet)
            .titled({"谈判后没有下一步行动", "No next step after the meeting"})
            .saying(
                {"谈判结果为“{detail}”，但没有下一步行动", "Outcome \"{detail}\" but no next step"})
            .taking(
                {param("outcome", K::Column, {"谈判结果列", "the outcome column"}),
                 param("when", K::Values, {"需要下一步的结果", "outcomes that need a next step"})
                     .ofColumn("outcome"),
                 param("nextStep", K::Column, {"下一步行动列", "the next step column"})})
            .checkingRow([](RuleRow& r) {
                const int next = r.column("nextStep");
                if (next < 0 || !r.blank(next) || !r.valueIn("outcome", "when")) return;
                const std::string typed(r.text(r.column("outcome")));
                r.report(next, typed, typed);
            }),
        RuleDefinition::define("RECORD_LATE", Severity::Warning, RuleScope::Sheet)
            .titled({"谈判记录整理不及时", "Negotiation record finalised late"})
            .saying({"记录在谈判后 {detail} 天才整理完成（应在 {param:days} 天内）",
                     "Record finalised {detail} days after the meeting (due within {param:days})"})
            .taking({param("date", K::Column, {"谈判日期列", "the meeting date column"}),
                     param("finalised", K::Column, {"整理完成日期列", "the finalised-on column"}),
                     param("days", K::Count,
                           {"允许的天数（1 = 24 小时内）", "days allowed (1 = within 24 hours)"})})
            .checkingRow([](RuleRow& r) {
                const auto meeting = r.date(r.column("date"));
                const int finalisedColumn = r.column("finalised");
                const auto finalised = r.date(finalisedColumn);
                if (meeting && finalised && *finalised - *meeting > r.param("days").count)
                    r.report(finalisedColumn, text(*finalised - *meeting),
                             text(*finalised - *meeting));
            }),
        RuleDefinition::define("OVERDUE", Severity::Warning, RuleScope::Sheet)
            .titled({"行动已逾期", "Open action past its due date"})
            .saying({"行动已逾期 {detail} 天（截止 {value}）",
                     "Action is {detail} day(s) overdue (due {value})"})
            .taking(openItemParams(std::nullopt))
            .checkingRow([](RuleRow& r) {
                const auto due = openDueDate(r);
                if (due && *due < r.today())
                    r.report(r.column("due"), text(r.today() - *due), text(r.today() - *due));
            }),
        RuleDefinition::define("DUE_SOON", Severity::Warning, RuleScope::Sheet)
            .titled({"行动即将到期", "Open action due soon"})
            .saying({"行动将在 {detail} 天内到期（截止 {value}）",
                     "Action is due within {detail} day(s) (due {value})"})
            .taking(openItemParams(param("windowSetting", K::Setting,
                                         {"提醒天数（设置）", "the reminder window (a setting)"})))
            .checkingRow([](RuleRow& r) {
                const auto due = openDueDate(r);
                const long window = static_cast<long>(r.setting("windowSetting"));
                if (due && *due >= r.today() && *due - r.today() <= window)
                    r.report(r.column("due"), text(window), text(window));
            }),
        RuleDefinition::define("SIGNED_UNAPPROVED", Severity::Error, RuleScope::Sheet)
            .titled({"合同未审批通过即签署", "Signed without approval"})
            .saying({"合同已签署，但审批结论为“{detail}”",
                     "The contract is signed but its approval is \"{detail}\""})
            .taking({param("signed", K::Column, {"签署日期列", "the signing date column"}),
                     param("opinions", K::Columns, {"各部门意见列", "the opinion columns"})})
            .checkingRow([](RuleRow& r) {
                const int signedColumn = r.column("signed");
                if (signedColumn < 0 || r.blank(signedColumn)) return;
                std::vector<Opinion> opinions;
                bool unknown = false;
                const auto& ids = r.param("opinions").ids;
                for (std::size_t i = 0; i < ids.size(); ++i) {
                    const int column = r.column("opinions", i);
                    const auto opinion = column < 0 ? std::optional<Opinion>(Opinion::Pending)
                                                    : parseOpinion(r.text(column));
                    unknown = unknown || !opinion;
                    opinions.push_back(opinion.value_or(Opinion::Pending));
                }
                const ApprovalResult result = combineOpinions(opinions);
                if (unknown || (result != ApprovalResult::Approved &&
                                result != ApprovalResult::ApprovedWithChanges)) {
                    const char* id = result == ApprovalResult::Rejected ? "rejected" : "pending";
                    const auto& words = productSchema().list("approvalResults").byId(id).text;
                    r.report(signedColumn, words.zh, words.en);
                }
            }),
        RuleDefinition::define("STALE", Severity::Warning, RuleScope::Sheet)
            .titled({"履约里程碑未按时更新", "Milestone not updated"})
            .saying(
                {"未完成的里程碑已 {detail} 天未更新（应每 {param:daysSetting} 天内更新）",
                 "Open milestone not updated for {detail} days (due every {param:daysSetting})"})
            .taking({param("updated", K::Column, {"更新日期列", "the updated-on column"}),
                     param("status", K::Column, {"状态列", "the status column"}),
                     param("closed", K::Values, {"表示已关闭的状态", "statuses that close an item"})
                         .ofColumn("status"),
                     param("daysSetting", K::Setting,
                           {"更新间隔天数（设置）", "the update interval (a setting)"})})
            .checkingRow([](RuleRow& r) {
                if (!isOpen(r)) return;
                const int updatedColumn = r.column("updated");
                const auto updated = r.date(updatedColumn);
                if (updated && r.today() - *updated > static_cast<long>(r.setting("daysSetting")))
                    r.report(updatedColumn, text(r.today() - *updated), text(r.today() - *updated));
            }),
        RuleDefinition::define("STATUS", Severity::Warning, RuleScope::Sheet)
            .titled({"里程碑已过计划日期仍为正常进行", "Late milestone still on track"})
            .saying(
                {"计划日期 {detail} 已过、未完成，状态应为“存在延迟”",
                 "Planned date {detail} has passed and it is not done: status should be Delayed"})
            .taking({param("planned", K::Column, {"计划完成日期列", "the planned date column"}),
                     param("status", K::Column, {"状态列", "the status column"}),
                     param("onTrack", K::Value, {"表示正常进行的状态", "the on-track status"})
                         .ofColumn("status")})
            .checkingRow([](RuleRow& r) {
                const auto planned = r.date(r.column("planned"));
                if (planned && *planned < r.today() && r.valueIn("status", "onTrack"))
                    r.report(r.column("status"), r.dateText(*planned), r.dateText(*planned));
            }),
        RuleDefinition::define("ACCEPT_LATE", Severity::Warning, RuleScope::Sheet)
            .titled({"验收申请晚于规定的工作日", "Acceptance requested late"})
            .saying({"交付后 {detail} 个工作日才申请验收（应在 {param:workingDays} 个工作日内）",
                     "Acceptance requested {detail} working days after delivery (due within "
                     "{param:workingDays})"})
            .taking(
                {param("delivered", K::Column, {"交付日期列", "the delivery date column"}),
                 param("requested", K::Column, {"验收申请日期列", "the acceptance request column"}),
                 param("workingDays", K::Count, {"允许的工作日数", "working days allowed"})})
            .checkingRow([](RuleRow& r) {
                const auto delivered = r.date(r.column("delivered"));
                const int requestedColumn = r.column("requested");
                const auto requested = r.date(requestedColumn);
                if (!delivered || !requested) return;
                const long days = r.workingDays(*delivered, *requested);
                if (days > r.param("workingDays").count)
                    r.report(requestedColumn, text(days), text(days));
            }),
        RuleDefinition::define("NAME_MISMATCH", Severity::Warning, RuleScope::Sheet)
            .titled({"客户名称与客户登记表不一致", "Customer name differs from the register"})
            .saying({"客户名称“{value}”与登记表中的“{detail}”不一致",
                     "Customer name \"{value}\" differs from the register's \"{detail}\""})
            .taking({param("number", K::Column, {"客户编号列", "the customer number column"}),
                     param("name", K::Column, {"客户名称列", "the customer name column"}),
                     param("registerName", K::RefColumn,
                           {"登记表中的名称列", "the name column of the register"})
                         .ofColumn("number")})
            .checkingRow([](RuleRow& r) {
                const int nameColumn = r.column("name");
                const int numberColumn = r.column("number");
                if (nameColumn < 0 || numberColumn < 0 || r.blank(nameColumn)) return;
                const auto registered = r.lookup("registerName", r.key(numberColumn));
                if (!registered || registered->empty()) return;
                if (foldForComparison(r.text(nameColumn)) != foldForComparison(*registered))
                    r.report(nameColumn, *registered, *registered);
            }),
    };
    return rules;
}

const std::vector<RuleDefinition>& structureRules() {
    static const std::vector<RuleDefinition> rules{
        RuleDefinition::define("MISSING_COLUMN", Severity::Error, RuleScope::Structure)
            .titled({"缺少必需的列", "A required column is missing"})
            .saying({"缺少必需的列“{field}”", "Required column \"{field}\" is missing"}),
        RuleDefinition::define("AMBIGUOUS_COLUMN", Severity::Error, RuleScope::Structure)
            .titled({"必需的列有多个候选表头", "A required column has more than one candidate"})
            .saying({"必需的列“{field}”有多个候选表头：{detail}；请用“对应列”选定一列",
                     "Required column \"{field}\" could be any of {detail}; choose one with "
                     "Map columns"}),
        // Found by Sync with team (team_sync.cpp), not by Validate's row loop.
        RuleDefinition::define("SYNC_CONFLICT", Severity::Error, RuleScope::Structure)
            .titled({"同步冲突：本地和服务器都改了同一单元格",
                     "Sync conflict: the cell changed here and on the server"})
            .saying(
                {"同步冲突：本地为“{value}”，服务器为“{detail}”；本地值保留，改好后再同步",
                 "Sync conflict: here \"{value}\", on the server \"{detail}\"; your value is kept, "
                 "edit it and sync again"}),
        RuleDefinition::define("SYNC_REFUSED", Severity::Error, RuleScope::Structure)
            .titled({"服务器拒绝了这次修改", "The server refused this change"})
            .saying(
                {"服务器拒绝了“{value}”：{detail}", "The server refused \"{value}\": {detail}"}),
        RuleDefinition::define("SYNC_CLAIMED", Severity::Error, RuleScope::Structure)
            .titled({"客户已由团队里的另一位销售报备",
                     "Another salesperson registered this customer first"})
            .saying({"客户“{value}”{detail}；本行未同步，保留在工作簿中",
                     "Customer \"{value}\" {detail}; this row was not synced and stays in the "
                     "workbook"}),
        RuleDefinition::define("SYNC_POSSIBLE_DUPLICATE", Severity::Warning, RuleScope::Structure)
            .titled({"可能与团队里的另一位客户相同",
                     "Possibly the same as another customer of the team"})
            .saying(
                {"客户“{value}”可能与团队里的另一位客户相同：那位客户{detail}。本行已同步，请核实",
                 "Customer \"{value}\" may be another customer of the team, which {detail}. "
                 "This row was synced; please check"}),
        RuleDefinition::define("SYNC_RELEASED", Severity::Warning, RuleScope::Structure)
            .titled({"客户已回到公海", "The customer returned to the pool"})
            .saying({"客户“{value}”在保护期内没有跟进也没有签约，{detail} 已回到公海；"
                     "要继续跟进，在负责人填上您的名字再同步（回收冷却天数内不能领回）",
                     "Customer \"{value}\" had no follow-up and no signed contract within the "
                     "protection period and returned to the pool on {detail}; to go on with it, "
                     "put your name in 负责人 and sync (not within the reclaim cooldown)"}),
        RuleDefinition::define("SYNC_MOVED", Severity::Error, RuleScope::Structure)
            .titled(
                {"同步标识与行脱节（排序时隐藏的同步列没有一起移动）",
                 "The row's Sync ID stands for another row (hidden Sync columns left behind by a "
                 "sort)"})
            .saying(
                {"这一行的同步标识在服务器上是“{detail}”，而“{detail}"
                 "”现在在另一行：排序时隐藏的同步列"
                 "没有跟着移动。本行未推送；请撤销排序，或整表（含隐藏列）重新排序后再同步",
                 "This row's Sync ID stands for \"{detail}\" on the server, and \"{detail}\" is "
                 "now on "
                 "another row: the hidden Sync columns did not move with a sort. The row was not "
                 "pushed; undo the sort, or sort the whole sheet (hidden columns included), then "
                 "sync "
                 "again"}),
        RuleDefinition::define("SYNC_NOT_SHOWN", Severity::Warning, RuleScope::Structure)
            .titled({"服务器不再向您显示这一行", "The server no longer shows you this row"})
            .saying({"服务器不再向您显示这一行（同步标识 "
                     "{value}）：客户可能已转给别人负责，或您无权查看；"
                     "本行保留在工作簿中，未同步",
                     "The server no longer shows you this row (Sync ID {value}): its customer may "
                     "have been "
                     "handed to someone else, or it is not yours to see; the row stays here and "
                     "was not "
                     "synced"}),
    };
    return rules;
}

}  // namespace dealsheet
