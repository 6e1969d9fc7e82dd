// User-visible words of the commands that are not part of a sheet's schema, in both languages.
#pragma once

#include <string>
#include <string_view>

#include "core/text/localized.hpp"

namespace dealsheet::msg {

inline constexpr Text kProductName{"DealSheet 销售管理", "DealSheet"};
inline constexpr Text kInsertTemplatesTitle{"插入模板表", "Insert template sheets"};
inline constexpr Text kValidateTitle{"校验", "Validate"};
inline constexpr Text kAssignTitle{"分配客户编号", "Assign customer numbers"};
inline constexpr Text kReviewTitle{"刷新月度复盘", "Refresh monthly review"};
inline constexpr Text kClearTitle{"清除校验标记", "Clear marks"};
inline constexpr Text kInserted{"已插入 {0} 张模板表。", "{0} template sheet(s) inserted."};
inline constexpr Text kNothingToInsert{"所有 DealSheet 表都已存在，没有插入新表。",
                                       "Every DealSheet sheet is already there; nothing inserted."};
inline constexpr Text kReviewPlaceholder{"点击工具栏上的“刷新月度复盘”生成本月复盘。",
                                         "Press Refresh monthly review on the toolbar to build "
                                         "this month's review."};
inline constexpr Text kValidationListError{"请从下拉列表中选择。",
                                           "Please pick a value from the list."};
inline constexpr Text kCommandFailed{"DealSheet 命令未完成，文档未被修改：{0}",
                                     "The DealSheet command did not complete; the document is "
                                     "unchanged: {0}"};

inline constexpr Text kNoSheetRecognised{
    "没有找到可校验的 DealSheet 表（按表名识别，如“客户信息登记表”）。可先用“插入模板表”添加。",
    "No DealSheet sheet found to validate (sheets are recognised by name, e.g. \"Customers\"). "
    "Use Insert template sheets to add them."};
inline constexpr Text kValidated{
    "校验完成：{0} 个错误，{0} 个警告，用时 {0} 毫秒。详见“校验报告”表。",
    "Validation done: {0} error(s), {0} warning(s) in {0} ms. See the "
    "Validation Report sheet."};
inline constexpr Text kMarksCleared{"已清除校验报告和所有标记。",
                                    "The validation report and every mark were removed."};

inline constexpr Text kNoCustomerSheet{"没有找到“客户信息登记表”（或缺少“客户编号”列）。",
                                       "No Customers sheet (or no Customer No. column) found."};
inline constexpr Text kAssigned{"已分配 {0} 个客户编号。", "{0} customer number(s) assigned."};
inline constexpr Text kSkippedRows{
    "以下行缺少有效的登记日期，未分配编号：{0}",
    "These rows have no valid registration date and got no number: {0}"};
inline constexpr Text kReviewBuilt{"已刷新 {0} 的月度复盘。",
                                   "The monthly review of {0} is refreshed."};
inline constexpr Text kBadMonth{"月份格式应为 2026-11。", "The month should look like 2026-11."};
inline constexpr Text kChartTitle{"各销售阶段客户数", "Customers by stage"};
inline constexpr Text kOwnerChartTitle{"各负责人的行动（本月完成 / 未完成 / 已逾期）",
                                       "Actions per owner (done this month / open / overdue)"};

inline constexpr Text kAskLanguage{"新表使用哪种语言？", "Which language for the new sheets?"};
inline constexpr Text kAskMonth{"复盘哪个月份？", "Which month to review?"};
inline constexpr Text kThisMonth{"（本月）", " (this month)"};
inline constexpr Text kLastMonth{"（上月）", " (last month)"};
inline constexpr Text kShowReport{"现在查看校验报告吗？", "Show the validation report now?"};
inline constexpr Text kOk{"确定", "OK"};
inline constexpr Text kMapNeedsWindow{
    "“对应列”需要在窗口中使用；宏请用 XToolkit2.setColumnMapping。",
    "Map columns needs a window; macros use XToolkit2.setColumnMapping."};
inline constexpr Text kCancel{"取消", "Cancel"};
inline constexpr Text kCancelled{"已取消，文档未被修改。", "Cancelled; the document is unchanged."};

// Replaces the first {0} in a message.
std::string format(std::string_view pattern, std::string_view value);

}  // namespace dealsheet::msg
