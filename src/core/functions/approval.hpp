// Contract approval: three department opinions combine into one result.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace dealsheet {

enum class Opinion { Pending, Approve, ApproveWithChanges, Reject };
enum class ApprovalResult { Approved, ApprovedWithChanges, Rejected, Pending };

// Blank -> Pending; 同意 / 修改后同意 / 不同意 or their English names; else nullopt.
std::optional<Opinion> parseOpinion(std::string_view text);

// Rejected if any reject; Pending if any blank; ApprovedWithChanges if any; else Approved.
ApprovalResult combineOpinions(const std::vector<Opinion>& opinions);

}  // namespace dealsheet
