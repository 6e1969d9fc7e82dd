#include "core/functions/functions.hpp"

#include <algorithm>
#include <cmath>

#include "core/functions/approval.hpp"
#include "core/functions/customer_number.hpp"
#include "core/text/localized.hpp"
#include "core/text/text.hpp"
#include "core/workbook/vocabulary.hpp"

namespace dealsheet::functions {
namespace {

// Calc hands an empty cell to an add-in's `any` argument as the number 0, so where 0 cannot be
// a real value (a date, a status, a 1-5 score, a language) it is read as "empty".
bool isBlankOrZero(const CellValue& value) {
    const auto* number = std::get_if<double>(&value);
    return isBlankCell(value) || (number && *number == 0);
}

std::optional<double> optionalNumber(const CellValue& value, int argument) {
    if (isBlankCell(value)) return std::nullopt;
    if (const auto* number = std::get_if<double>(&value)) {
        if (!std::isfinite(*number)) throw ArgumentError(argument, "not a finite number");
        return *number;
    }
    throw ArgumentError(argument, "expects a number, got text");
}

std::optional<long> optionalDate(const FunctionContext& ctx, const CellValue& value, int argument) {
    if (isBlankOrZero(value)) return std::nullopt;
    const auto number = optionalNumber(value, argument);
    if (!ctx.dates.toCivil(*number)) throw ArgumentError(argument, "not a valid date");
    return wholeDay(*number);
}

long requiredDate(const FunctionContext& ctx, const CellValue& value, int argument) {
    const auto day = optionalDate(ctx, value, argument);
    if (!day) throw ArgumentError(argument, "a date is required");
    return *day;
}

std::string optionalText(const CellValue& value, int argument) {
    if (isBlankOrZero(value)) return {};
    if (const auto* text = std::get_if<std::string>(&value)) return std::string(trimSpaces(*text));
    throw ArgumentError(argument, "expects text, got a number");
}

Lang requiredLang(const CellValue& value, int argument) {
    const auto lang = parseLang(optionalText(value, argument));
    if (!lang) throw ArgumentError(argument, "language must be \"zh\" or \"en\"");
    return *lang;
}

double nonNegative(std::optional<double> value, double fallback, int argument) {
    if (!value) return fallback;
    if (*value < 0) throw ArgumentError(argument, "must not be negative");
    return *value;
}

std::optional<double> scoreOneToFive(const CellValue& value, int argument) {
    if (isBlankOrZero(value)) return std::nullopt;
    const auto score = optionalNumber(value, argument);
    if (score && (*score < 1 || *score > 5)) throw ArgumentError(argument, "must be 1 to 5");
    return score;
}

CivilDate monthOf(const FunctionContext& ctx, long day, int argument) {
    const auto civil = ctx.dates.toCivil(static_cast<double>(day));
    if (!civil || civil->year < kMinCustomerYear || civil->year > kMaxCustomerYear)
        throw ArgumentError(argument, "the year must be 1900 to 9999");
    return *civil;
}

template <typename Visit>
void forEachCell(const CellGrid& grid, Visit visit) {
    for (const auto& row : grid)
        for (const auto& cell : row) visit(cell);
}

std::size_t cellCount(const CellGrid& grid) {
    std::size_t count = 0;
    for (const auto& row : grid) count += row.size();
    return count;
}

}  // namespace

std::string customerNo(const FunctionContext& ctx, const CellValue& date, const CellValue& seq) {
    const CivilDate month = monthOf(ctx, requiredDate(ctx, date, 0), 0);
    const auto sequence = optionalNumber(seq, 1);
    if (!sequence) throw ArgumentError(1, "a sequence number is required");
    if (*sequence != std::floor(*sequence) || *sequence < 1 || *sequence > kMaxSequence)
        throw ArgumentError(1, "the sequence must be a whole number from 1");
    return formatCustomerNumber(month.year, month.month, static_cast<long>(*sequence));
}

std::string nextCustomerNo(const FunctionContext& ctx, const CellValue& date,
                           const CellGrid& existing) {
    const CivilDate month = monthOf(ctx, requiredDate(ctx, date, 0), 0);
    long highest = 0;
    forEachCell(existing, [&](const CellValue& cell) {
        const auto* text = std::get_if<std::string>(&cell);
        if (!text) return;
        const auto number = parseCustomerNumber(*text);
        if (number && number->year == month.year && number->month == month.month)
            highest = std::max(highest, number->sequence);
    });
    if (highest >= kMaxSequence) throw ArgumentError(1, "no free number left in this month");
    return formatCustomerNumber(month.year, month.month, highest + 1);
}

bool isCustomerNo(const FunctionContext& ctx, const CellValue& text, const CellValue& date) {
    const auto day = optionalDate(ctx, date, 1);
    const auto* string = std::get_if<std::string>(&text);
    if (!string) return false;
    const auto number = parseCustomerNumber(*string);
    if (!number) return false;
    if (!day) return true;
    const auto civil = ctx.dates.toCivil(static_cast<double>(*day));
    return civil && civil->year == number->year && civil->month == number->month;
}

std::string leadGrade(const FunctionContext& ctx, const CellValue& budget, const CellValue& urgency,
                      const CellValue& likelihood, const CellValue& budgetMin,
                      const CellValue& urgencyMin, const CellValue& likelihoodMin) {
    const auto budgetValue = isBlankOrZero(budget) ? std::nullopt : optionalNumber(budget, 0);
    if (budgetValue && *budgetValue < 0) throw ArgumentError(0, "budget must not be negative");
    const auto urgencyValue = scoreOneToFive(urgency, 1);
    const auto likelihoodValue = scoreOneToFive(likelihood, 2);
    GradeThresholds thresholds;
    thresholds.budget = nonNegative(optionalNumber(budgetMin, 3), ctx.thresholds.budget, 3);
    thresholds.urgency = nonNegative(optionalNumber(urgencyMin, 4), ctx.thresholds.urgency, 4);
    thresholds.likelihood =
        nonNegative(optionalNumber(likelihoodMin, 5), ctx.thresholds.likelihood, 5);
    // An empty row has no grade yet: templates fill the column for rows still to be typed.
    if (!budgetValue && !urgencyValue && !likelihoodValue) return {};
    return std::string(
        1, gradeLetter(gradeLead(budgetValue, urgencyValue, likelihoodValue, thresholds)));
}

std::string dueStatus(const FunctionContext& ctx, const CellValue& due, const CellValue& status,
                      const CellValue& completed, const CellValue& today, const CellValue& warnDays,
                      const CellValue& lang) {
    const auto dueDay = optionalDate(ctx, due, 0);
    const bool closed = isClosedStatus(optionalText(status, 1));
    const auto completedDay = optionalDate(ctx, completed, 2);
    const auto todayDay = optionalDate(ctx, today, 3);
    const auto warn = optionalNumber(warnDays, 4);
    if (warn && (*warn < 0 || *warn > 3650))
        throw ArgumentError(4, "the reminder window must be 0 to 3650 days");
    const Lang language = requiredLang(lang, 5);
    if (!dueDay && !closed && !completedDay) return {};  // nothing to judge yet
    const DueState state =
        dueState(dueDay.value_or(0), closed, completedDay, todayDay ? *todayDay : ctx.today(),
                 warn ? static_cast<long>(std::floor(*warn)) : ctx.warnDays);
    switch (state) {
        case DueState::Done:
            return std::string(vocab::word("dueStates", "done").in(language));
        case DueState::Overdue:
            return std::string(vocab::word("dueStates", "overdue").in(language));
        case DueState::DueSoon:
            return std::string(vocab::word("dueStates", "dueSoon").in(language));
        case DueState::Open:
            break;
    }
    return std::string(vocab::word("dueStates", "open").in(language));
}

std::optional<double> daysOverdue(const FunctionContext& ctx, const CellValue& due,
                                  const CellValue& completed, const CellValue& today,
                                  const CellValue& status) {
    const auto dueDay = optionalDate(ctx, due, 0);
    const auto completedDay = optionalDate(ctx, completed, 1);
    const auto todayDay = optionalDate(ctx, today, 2);
    // Any other status is an open action, as for DUESTATUS.
    const std::string_view statusId = vocab::idOf("actionStatus", optionalText(status, 3));
    if (!dueDay || statusId == "cancelled") return std::nullopt;
    if (!completedDay && statusId == "done") return std::nullopt;  // done, date not known
    const long days =
        dealsheet::daysOverdue(*dueDay, completedDay, todayDay ? *todayDay : ctx.today());
    if (completedDay && days == 0) return std::nullopt;  // completed on time
    return static_cast<double>(days);
}

double missingCount(const CellGrid& values) {
    double count = 0;
    forEachCell(values, [&](const CellValue& cell) { count += isBlankCell(cell) ? 1 : 0; });
    return count;
}

std::string missingFields(const CellGrid& values, const CellGrid& headers) {
    if (cellCount(values) != cellCount(headers))
        throw ArgumentError(1, "headers must have as many cells as values");
    std::vector<const CellValue*> headerCells;
    forEachCell(headers, [&](const CellValue& cell) { headerCells.push_back(&cell); });
    std::string joined;
    std::size_t index = 0;
    forEachCell(values, [&](const CellValue& cell) {
        const CellValue& header = *headerCells[index++];
        if (!isBlankCell(cell)) return;
        std::string name;
        if (const auto* text = std::get_if<std::string>(&header)) name = trimSpaces(*text);
        if (const auto* number = std::get_if<double>(&header)) name = formatNumber(*number);
        if (name.empty()) name = "#" + std::to_string(index);  // unnamed column: its position
        if (!joined.empty()) joined += "、";
        joined += name;
    });
    return joined;
}

std::string approvalResult(const CellGrid& opinions, const CellValue& lang) {
    const Lang language = requiredLang(lang, 1);
    std::vector<Opinion> parsed;
    forEachCell(opinions, [&](const CellValue& cell) {
        if (std::holds_alternative<double>(cell))
            throw ArgumentError(0, "an opinion must be text such as 同意");
        const auto opinion = parseOpinion(optionalText(cell, 0));
        if (!opinion) throw ArgumentError(0, "unknown opinion: use 同意, 修改后同意 or 不同意");
        parsed.push_back(*opinion);
    });
    switch (combineOpinions(parsed)) {
        case ApprovalResult::Approved:
            return std::string(vocab::word("approvalResults", "approved").in(language));
        case ApprovalResult::ApprovedWithChanges:
            return std::string(vocab::word("approvalResults", "approvedWithChanges").in(language));
        case ApprovalResult::Rejected:
            return std::string(vocab::word("approvalResults", "rejected").in(language));
        case ApprovalResult::Pending:
            break;
    }
    return std::string(vocab::word("approvalResults", "pending").in(language));
}

}  // namespace dealsheet::functions
