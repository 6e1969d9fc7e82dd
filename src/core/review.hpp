// The monthly review (月度复盘): figures of one month computed from the workbook's tables,
// laid out as a grid for the review sheet.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dates.hpp"
#include "settings.hpp"
#include "workbook.hpp"

namespace dealsheet {

struct ReviewMonth {
    int year = 0;
    int month = 0;
};

// "2026-11", "202611", "2026/11"; blank -> nullopt meaning the current month. Throws
// std::invalid_argument for anything else.
std::optional<ReviewMonth> parseReviewMonth(std::string_view text);

struct ReviewLayout {
    CellGrid cells;         // rectangular, from A1
    int stageFirstRow = 0;  // the "customers by stage" table (header row) for the chart
    int stageRows = 0;      // data rows of that table
};

ReviewLayout buildReview(const std::vector<RecognisedSheet>& sheets, ReviewMonth month, long today,
                         const SerialDates& dates, const Settings& settings, Lang lang);

}  // namespace dealsheet
