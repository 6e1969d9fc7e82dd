// parseCustomerNumber: any text. What it accepts is in range, is the canonical spelling of the
// trimmed text, and formatCustomerNumber of its parts parses back to the same parts.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/functions/customer_number.hpp"
#include "core/text/text.hpp"
#include "fuzz_check.hpp"

using namespace dealsheet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto number = parseCustomerNumber(text);
    if (!number) return 0;
    FUZZ_CHECK(number->year >= kMinCustomerYear && number->year <= kMaxCustomerYear);
    FUZZ_CHECK(number->month >= 1 && number->month <= 12);
    FUZZ_CHECK(number->sequence >= 1 && number->sequence <= kMaxSequence);

    const std::string formatted =
        formatCustomerNumber(number->year, number->month, number->sequence);
    const auto again = parseCustomerNumber(formatted);
    FUZZ_CHECK(again);
    FUZZ_CHECK(again->year == number->year && again->month == number->month &&
               again->sequence == number->sequence);
    // Only the canonical form is accepted, so formatting gives back the trimmed text.
    FUZZ_CHECK(formatted == trimSpaces(text));
    FUZZ_CHECK(monthKey(number->year, number->month) / 100 == number->year);
    return 0;
}
