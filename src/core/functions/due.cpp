#include "core/functions/due.hpp"

#include "core/text/text.hpp"
#include "core/workbook/vocabulary.hpp"

namespace dealsheet {

bool isClosedStatus(std::string_view status) {
    const std::string_view id = vocab::idOf("actionStatus", trimSpaces(status));
    return id == "done" || id == "cancelled";
}

DueState dueState(long due, bool closed, std::optional<long> completed, long today, long warnDays) {
    if (closed || completed) return DueState::Done;
    if (due < today) return DueState::Overdue;
    if (due - today <= warnDays) return DueState::DueSoon;
    return DueState::Open;
}

long daysOverdue(long due, std::optional<long> completed, long today) {
    const long until = completed ? *completed : today;
    return until > due ? until - due : 0;
}

}  // namespace dealsheet
