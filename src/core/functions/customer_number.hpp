// Customer numbers "YYYYMM-NNN": registration year and month, a dash, and a sequence number
// zero-padded to at least three digits (202405-001, 202405-999, 202405-1000).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dealsheet {

struct CustomerNumber {
    int year = 0;
    int month = 0;
    long sequence = 0;
};

constexpr int kMinCustomerYear = 1900;
constexpr int kMaxCustomerYear = 9999;
// Nine digits keep every sequence far from overflow; no register gets near it.
constexpr long kMaxSequence = 999'999'999;

// Parses a customer number after trimming surrounding spaces (U+3000 included). Only the
// canonical form is accepted: ASCII digits, year 1900-9999, month 01-12, sequence >= 1 with
// exactly three digits or, above 999, no leading zero.
std::optional<CustomerNumber> parseCustomerNumber(std::string_view text);

// Precondition: year, month and sequence are within the bounds above.
std::string formatCustomerNumber(int year, int month, long sequence);

// Month key used to group numbers: year * 100 + month.
constexpr int monthKey(int year, int month) { return year * 100 + month; }

}  // namespace dealsheet
