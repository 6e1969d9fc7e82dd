// Dates from numbers and text: SerialDates (toCivil, toSerial, the null date), wholeDay,
// isoDate, parseReviewMonth, workingDaysBetween, assignCustomerNumbers and the date-taking
// spreadsheet functions, where a date typed as text must be an ArgumentError and nothing else.
//
// The input is text, one field a line (missing lines are empty):
//   0 serial          a number (strtod); 8 bytes that are not one are a raw IEEE double
//   1 null date       "Y-M-D" with any integers; empty: 1899-12-30
//   2 calendar date   "Y-M-D", converted to a serial and back
//   3 text            a customer number, a month for the review, a status
//   4 second serial   completion date, end of a working-day span
//   5 number          sequence number, reminder window
//   6 language        "zh", "en", ...
// A cell argument is a number when its line is one, empty when blank, else text.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/functions/customer_number.hpp"
#include "core/functions/functions.hpp"
#include "core/functions/numbering.hpp"
#include "core/review/review.hpp"
#include "core/workbook/dates.hpp"
#include "core/workbook/workdays.hpp"
#include "fuzz_check.hpp"

using namespace dealsheet;

namespace {

std::vector<std::string> lines(std::string_view text, std::size_t count) {
    std::vector<std::string> out(count);
    for (std::size_t i = 0; i < count && !text.empty(); ++i) {
        const auto end = text.find('\n');
        out[i] = std::string(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    }
    return out;
}

std::optional<double> numberOf(const std::string& field) {
    if (field.empty()) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(field.c_str(), &end);
    if (end == field.c_str() + field.size()) return value;
    if (field.size() == sizeof(double)) {
        double raw;
        std::memcpy(&raw, field.data(), sizeof raw);
        return raw;
    }
    return std::nullopt;
}

CellValue cellOf(const std::string& field) {
    if (const auto number = numberOf(field)) return *number;
    if (field.empty()) return CellValue{};
    return field;
}

// "Y-M-D" with integers clamped to int; nullopt when it does not look like that.
std::optional<CivilDate> civilOf(const std::string& field) {
    int parts[3] = {0, 0, 0};
    const char* p = field.c_str();
    for (int i = 0; i < 3; ++i) {
        char* end = nullptr;
        const long long value = std::strtoll(p, &end, 10);
        if (end == p) return std::nullopt;
        parts[i] = static_cast<int>(
            std::max<long long>(std::numeric_limits<int>::min(),
                                std::min<long long>(value, std::numeric_limits<int>::max())));
        p = end;
        if (i < 2) {
            if (*p != '-') return std::nullopt;
            ++p;
        }
    }
    return CivilDate{parts[0], parts[1], parts[2]};
}

bool isCalendarDate(const CivilDate& d) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.year < 1400 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    return d.day <= kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
}

void checkSerial(const SerialDates& dates, double serial) {
    const auto day = wholeDay(serial);
    if (std::isfinite(serial) && std::fabs(serial) <= 1e8)
        FUZZ_CHECK(day && static_cast<double>(*day) == std::floor(serial));
    else
        FUZZ_CHECK(!day);
    const auto civil = dates.toCivil(serial);
    if (!civil) return;
    FUZZ_CHECK(day);
    FUZZ_CHECK(isCalendarDate(*civil));
    const auto back = dates.toSerial(*civil);
    FUZZ_CHECK(back && *back == *day);
    const std::string iso = isoDate(*civil);
    FUZZ_CHECK(iso.size() == 10 && iso[4] == '-' && iso[7] == '-');
    FUZZ_CHECK(civilOf(iso) && *civilOf(iso) == *civil);
}

void checkCivil(const SerialDates& dates, const CivilDate& civil) {
    const auto serial = dates.toSerial(civil);
    FUZZ_CHECK(serial.has_value() == isCalendarDate(civil));
    if (!serial) return;
    const auto back = dates.toCivil(static_cast<double>(*serial));
    FUZZ_CHECK(back && *back == civil);
}

void checkReviewMonth(const std::string& text) {
    try {
        const auto month = parseReviewMonth(text);
        if (!month) return;
        FUZZ_CHECK(month->year >= kMinCustomerYear && month->year <= kMaxCustomerYear);
        FUZZ_CHECK(month->month >= 1 && month->month <= 12);
        const auto again = parseReviewMonth(isoMonth(month->year, month->month));
        FUZZ_CHECK(again && again->year == month->year && again->month == month->month);
    } catch (const std::invalid_argument&) {
    }
}

void checkFunctions(const SerialDates& dates, const std::vector<std::string>& f) {
    FunctionContext ctx;
    ctx.dates = dates;
    ctx.fixedToday = dates.toSerial({2024, 6, 12});
    const CellValue date = cellOf(f[0]);
    const CellValue text = cellOf(f[3]);
    const CellValue other = cellOf(f[4]);
    const CellValue number = cellOf(f[5]);
    const CellValue lang = cellOf(f[6]);
    std::optional<CustomerNumber> made;
    try {
        const std::string no = functions::customerNo(ctx, date, number);
        made = parseCustomerNumber(no);
        FUZZ_CHECK(made);
        const auto civil = dates.toCivil(std::get<double>(date));
        FUZZ_CHECK(civil && civil->year == made->year && civil->month == made->month);
        FUZZ_CHECK(functions::isCustomerNo(ctx, no, date));
    } catch (const ArgumentError&) {
    }
    try {
        const std::string next = functions::nextCustomerNo(ctx, date, {{text, other}});
        const auto parsed = parseCustomerNumber(next);
        FUZZ_CHECK(parsed);
        if (const auto* existing = std::get_if<std::string>(&text))
            if (const auto old = parseCustomerNumber(*existing))
                if (old->year == parsed->year && old->month == parsed->month)
                    FUZZ_CHECK(parsed->sequence > old->sequence);
    } catch (const ArgumentError&) {
    }
    try {
        if (functions::isCustomerNo(ctx, text, date))
            FUZZ_CHECK(parseCustomerNumber(std::get<std::string>(text)));
    } catch (const ArgumentError&) {
    }
    try {
        functions::dueStatus(ctx, date, text, other, CellValue{}, number, lang);
    } catch (const ArgumentError&) {
    }
    try {
        FUZZ_CHECK(functions::daysOverdue(ctx, date, other, CellValue{}, text).value_or(0) >= 0);
        FUZZ_CHECK(functions::daysOverdue(ctx, date, CellValue{}, other, text).value_or(0) >= 0);
    } catch (const ArgumentError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto f = lines(std::string_view(reinterpret_cast<const char*>(data), size), 7);
    const auto nullDate =
        f[1].empty() ? std::optional<CivilDate>(SerialDates::kDefaultNullDate) : civilOf(f[1]);
    if (!nullDate) return 0;
    std::optional<SerialDates> constructed;
    try {
        constructed.emplace(*nullDate);
    } catch (const std::invalid_argument&) {
    }
    FUZZ_CHECK(constructed.has_value() == isCalendarDate(*nullDate));
    if (!constructed) return 0;
    const SerialDates& dates = *constructed;

    const auto serial = numberOf(f[0]);
    const auto second = numberOf(f[4]);
    if (serial) checkSerial(dates, *serial);
    if (second) checkSerial(dates, *second);
    if (const auto civil = civilOf(f[2])) checkCivil(dates, *civil);
    checkReviewMonth(f[3]);
    checkFunctions(dates, f);

    if (serial && second && dates.toCivil(*serial) && dates.toCivil(*second)) {
        const long from = *wholeDay(*serial);
        const long to = *wholeDay(*second);
        const long days = workingDaysBetween(dates, from, to, {from + 1, to});
        FUZZ_CHECK(days >= 0 && days <= std::max(0L, to - from));
    }

    std::vector<NumberingRow> rows(3);
    rows[0] = {true, false, f[3], std::nullopt};
    rows[1] = {true, true, "", serial};
    rows[2] = {true, true, "", second};
    const NumberingResult numbering = assignCustomerNumbers(rows, dates);
    FUZZ_CHECK(numbering.assigned.size() + numbering.skipped.size() == 2);
    for (const auto& assignment : numbering.assigned) {
        const auto number = parseCustomerNumber(assignment.number);
        FUZZ_CHECK(number);
        const auto civil = dates.toCivil(*rows[assignment.row].registered);
        FUZZ_CHECK(civil && civil->year == number->year && civil->month == number->month);
    }
    return 0;
}
