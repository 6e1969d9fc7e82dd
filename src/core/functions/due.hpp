// Due-date status of a follow-up action. Days are whole serial days.
#pragma once

#include <optional>
#include <string_view>

namespace dealsheet {

enum class DueState { Done, Overdue, DueSoon, Open };

// True for 已完成 / 已取消 / Done / Cancelled (trimmed; English ignores case).
bool isClosedStatus(std::string_view status);

// Done when closed or completed; Overdue past due; DueSoon within warnDays; else Open.
DueState dueState(long due, bool closed, std::optional<long> completed, long today, long warnDays);

// Whole days past due, counted to the completion date when there is one, else to today.
long daysOverdue(long due, std::optional<long> completed, long today);

}  // namespace dealsheet
