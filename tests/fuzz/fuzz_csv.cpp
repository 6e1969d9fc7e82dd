// parseCsv: any bytes. Never throws, yields no empty record, and what it parses written back
// as CSV (every field quoted) parses to the same records.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/text/csv.hpp"
#include "fuzz_check.hpp"

using namespace dealsheet;

namespace {

std::string writeCsv(const std::vector<CsvRow>& rows) {
    std::string out;
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) out += ',';
            out += '"';
            for (char c : row[i]) out += c == '"' ? std::string("\"\"") : std::string(1, c);
            out += '"';
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::vector<CsvRow> rows = parseCsv(text);
    std::size_t bytes = 0;
    for (const auto& row : rows) {
        FUZZ_CHECK(!row.empty());
        for (const auto& field : row) bytes += field.size();
    }
    FUZZ_CHECK(bytes <= size);
    FUZZ_CHECK(parseCsv(writeCsv(rows)) == rows);
    return 0;
}
