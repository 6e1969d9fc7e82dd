// The spreadsheet functions (docs/REFERENCE.md, "Functions") over plain values. The UNO add-in
// converts its arguments to CellValue, calls these and converts back; everything testable lives
// here.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "core/functions/due.hpp"
#include "core/functions/grading.hpp"
#include "core/workbook/cell.hpp"
#include "core/workbook/dates.hpp"
#include "core/workbook/settings.hpp"

namespace dealsheet {

// A bad argument. Calc shows it as Err:502 (IllegalArgumentException).
class ArgumentError : public std::invalid_argument {
  public:
    ArgumentError(int argument, const std::string& message)
        : std::invalid_argument(message), argument_(argument) {}
    // 0-based position among the arguments a user types.
    int argument() const { return argument_; }

  private:
    int argument_;
};

// What a function needs from its document: dates, defaults from the Settings sheet, today.
struct FunctionContext {
    SerialDates dates;
    GradeThresholds thresholds = productDefaults().thresholds();
    long warnDays = productDefaults().reminderDays();
    std::optional<long> fixedToday;  // set by tests; otherwise the machine's clock

    long today() const { return fixedToday ? *fixedToday : dates.todaySerial(); }
};

namespace functions {

std::string customerNo(const FunctionContext& ctx, const CellValue& date, const CellValue& seq);
std::string nextCustomerNo(const FunctionContext& ctx, const CellValue& date,
                           const CellGrid& existing);
bool isCustomerNo(const FunctionContext& ctx, const CellValue& text, const CellValue& date);
std::string leadGrade(const FunctionContext& ctx, const CellValue& budget, const CellValue& urgency,
                      const CellValue& likelihood, const CellValue& budgetMin,
                      const CellValue& urgencyMin, const CellValue& likelihoodMin);
std::string dueStatus(const FunctionContext& ctx, const CellValue& due, const CellValue& status,
                      const CellValue& completed, const CellValue& today, const CellValue& warnDays,
                      const CellValue& lang);
// Empty (no days to count) for a row without a due date, a cancelled action and an action
// completed on time or marked done without a completion date.
std::optional<double> daysOverdue(const FunctionContext& ctx, const CellValue& due,
                                  const CellValue& completed, const CellValue& today,
                                  const CellValue& status);
double missingCount(const CellGrid& values);
std::string missingFields(const CellGrid& values, const CellGrid& headers);
std::string approvalResult(const CellGrid& opinions, const CellValue& lang);

}  // namespace functions
}  // namespace dealsheet
