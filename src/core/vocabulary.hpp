// The fixed words of the sales process in both languages. The schema's enum lists and the
// functions' results both refer to these, so a word is spelled in one place only.
#pragma once

#include "localized.hpp"

namespace dealsheet::vocab {

// 跟进行动表 状态 / Actions status
inline constexpr Text kNotStarted{"未开始", "Not started"};
inline constexpr Text kInProgress{"进行中", "In progress"};
inline constexpr Text kDone{"已完成", "Done"};
inline constexpr Text kCancelled{"已取消", "Cancelled"};

// DUESTATUS results
inline constexpr Text kDueDone{"已完成", "Done"};
inline constexpr Text kDueOverdue{"已逾期", "Overdue"};
inline constexpr Text kDueSoon{"即将到期", "Due soon"};
inline constexpr Text kDueOpen{"进行中", "Open"};

// 合同审批表 department opinions
inline constexpr Text kApprove{"同意", "Approve"};
inline constexpr Text kApproveWithChanges{"修改后同意", "Approve with changes"};
inline constexpr Text kReject{"不同意", "Reject"};

// APPROVALRESULT results (审批结论)
inline constexpr Text kApproved{"通过", "Approved"};
inline constexpr Text kApprovedWithChanges{"修改后通过", "Approved with changes"};
inline constexpr Text kRejected{"驳回", "Rejected"};
inline constexpr Text kPending{"审批中", "Pending"};

}  // namespace dealsheet::vocab
