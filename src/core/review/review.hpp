// The monthly review (月度复盘): figures of one month computed from the workbook's tables,
// laid out as a grid for the review sheet.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/workbook/dates.hpp"
#include "core/workbook/settings.hpp"
#include "core/workbook/workbook.hpp"

namespace dealsheet {

struct ReviewMonth {
    int year = 0;
    int month = 0;
};

// "2026-11", "202611", "2026/11"; blank -> nullopt meaning the current month. Throws
// std::invalid_argument for anything else.
std::optional<ReviewMonth> parseReviewMonth(std::string_view text);

struct ReviewCell {
    int row = 0;
    int column = 0;
};

// A table of the review: its header row and the number of data rows under it.
struct ReviewTable {
    int headerRow = 0;
    int rows = 0;
};

struct ReviewLayout {
    CellGrid cells;                 // rectangular, from A1
    ReviewTable stages;             // customers by stage, charted
    ReviewTable owners;             // actions per owner (done / open / overdue), charted
    std::vector<int> headingRows;   // rows that open a section, for the writer's styling
    std::vector<ReviewCell> dates;  // cells holding a date serial
    std::vector<ReviewCell> money;  // cells holding an amount of money
};

ReviewLayout buildReview(const std::vector<RecognisedSheet>& sheets, ReviewMonth month, long today,
                         const SerialDates& dates, const Settings& settings, Lang lang);

}  // namespace dealsheet
