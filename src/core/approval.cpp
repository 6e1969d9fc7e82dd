#include "approval.hpp"

#include <algorithm>

#include "text.hpp"
#include "vocabulary.hpp"

namespace dealsheet {

std::optional<Opinion> parseOpinion(std::string_view text) {
    const std::string_view t = trimSpaces(text);
    if (t.empty()) return Opinion::Pending;
    if (vocab::kApprove.matches(t)) return Opinion::Approve;
    if (vocab::kApproveWithChanges.matches(t)) return Opinion::ApproveWithChanges;
    if (vocab::kReject.matches(t)) return Opinion::Reject;
    return std::nullopt;
}

ApprovalResult combineOpinions(const std::vector<Opinion>& opinions) {
    const auto any = [&](Opinion o) {
        return std::find(opinions.begin(), opinions.end(), o) != opinions.end();
    };
    if (any(Opinion::Reject)) return ApprovalResult::Rejected;
    if (opinions.empty() || any(Opinion::Pending)) return ApprovalResult::Pending;
    if (any(Opinion::ApproveWithChanges)) return ApprovalResult::ApprovedWithChanges;
    return ApprovalResult::Approved;
}

}  // namespace dealsheet
