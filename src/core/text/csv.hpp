// RFC 4180 CSV: comma-separated, double quotes around fields holding commas, quotes or line
// breaks, "" for a quote inside. Used for the sample workbook's data files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dealsheet {

using CsvRow = std::vector<std::string>;

// Never throws: an unclosed quote takes the rest of the text as the field. A UTF-8 byte
// order mark at the start is skipped; \r\n and \n both end a record; blank lines are skipped.
std::vector<CsvRow> parseCsv(std::string_view text);

}  // namespace dealsheet
