// User-visible words of the reminders and the calendar export (SPEC §9), in both languages.
#pragma once

#include "core/text/localized.hpp"

namespace dealsheet::msg {

inline constexpr Text kRemindersTitle{"到期提醒", "Reminders"};
inline constexpr Text kRemindersFor{"DealSheet 到期提醒（{0}）：", "DealSheet reminders ({0}):"};
inline constexpr Text kEveryone{"全部负责人", "every owner"};
inline constexpr Text kShowItems{"查看", "Show"};
inline constexpr Text kGoTo{"转到", "Go to"};
inline constexpr Text kClose{"关闭", "Close"};
inline constexpr Text kNothingDue{"没有逾期或即将到期的事项。", "Nothing is overdue or due soon."};
inline constexpr Text kExportTitle{"导出到日历", "Export to calendar"};
inline constexpr Text kCalendarFilter{"iCalendar 日历 (*.ics)", "iCalendar (*.ics)"};
inline constexpr Text kCalendarFileName{"DealSheet-截止日期.ics", "DealSheet-deadlines.ics"};
inline constexpr Text kExported{"已导出 {0} 个截止日期到：", "{0} deadline(s) exported to:"};
inline constexpr Text kNothingToExport{
    "没有需要导出的截止日期（未完成的跟进行动、履约里程碑和整改），没有写入文件。",
    "No open deadline (actions, milestones, rectifications) to export; no file was written."};
inline constexpr Text kNoDeadlineSheet{"没有找到跟进行动表、合同履约跟踪表或验收与整改表。",
                                       "No Actions, Contract Execution or Acceptance sheet found."};
inline constexpr Text kNeedFileUrl{
    "导出到日历需要一个 .ics 文件的 file: URL（如 file:///home/user/deadlines.ics）",
    "Export to calendar needs a file: URL of an .ics file (e.g. file:///home/user/deadlines.ics)"};
inline constexpr Text kNotOverDocument{"不能用日历文件覆盖工作簿本身",
                                       "The calendar file cannot replace the workbook itself"};

}  // namespace dealsheet::msg
