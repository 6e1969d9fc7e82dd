// Where a macro asks for findings (XToolkit3.getFindings): "客户信息登记表.A1:Z100", one cell
// "客户信息登记表.C12", a sheet name, or "" for all.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/validate/findings.hpp"

namespace dealsheet {

struct FindingArea {
    std::string sheet;  // empty: every sheet
    int firstColumn = 0, firstRow = 0;
    int lastColumn = -1, lastRow = -1;  // -1: to the end

    bool contains(const Finding& finding) const;
};

// Reads `text` against the document's sheet names; nullopt when it names no sheet or holds an
// address that is not one ("A1", "$B$2", "A1:Z100"; a sheet name may be in single quotes).
std::optional<FindingArea> parseFindingArea(std::string_view text,
                                            const std::vector<std::string>& sheetNames);

}  // namespace dealsheet
