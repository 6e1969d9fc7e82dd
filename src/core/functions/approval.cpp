#include "core/functions/approval.hpp"

#include <algorithm>

#include "core/text/text.hpp"
#include "core/workbook/vocabulary.hpp"

namespace dealsheet {

std::optional<Opinion> parseOpinion(std::string_view text) {
    const std::string_view t = trimSpaces(text);
    if (t.empty()) return Opinion::Pending;
    const std::string_view id = vocab::idOf("opinions", t);
    if (id == "approve") return Opinion::Approve;
    if (id == "approveWithChanges") return Opinion::ApproveWithChanges;
    if (id == "reject") return Opinion::Reject;
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
