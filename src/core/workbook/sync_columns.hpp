// DealSheet's own hidden columns at the right of a synced sheet (SPEC §8): Sync with team
// writes them, and every reader knows them as DealSheet's, never as a column of the user's.
#pragma once

#include <string_view>

#include "core/text/localized.hpp"

namespace dealsheet {

inline constexpr Text kSyncIdHeader{"同步标识", "Sync ID"};
inline constexpr Text kSyncVersionHeader{"同步版本", "Sync Version"};
// A hash of the row's synced values as last synced, so a sync tells a local change without
// fetching the row from the server.
inline constexpr Text kSyncCheckHeader{"同步校验", "Sync Check"};

// True for the header of one of those columns (trimmed, either language).
inline bool isSyncColumnHeader(std::string_view header) {
    return kSyncIdHeader.matches(header) || kSyncVersionHeader.matches(header) ||
           kSyncCheckHeader.matches(header);
}

}  // namespace dealsheet
