// What Merge customers says to the user, in both languages ({0}: filled in order by msg::format).
#pragma once

#include "core/text/localized.hpp"

namespace dealsheet::msg {

inline constexpr Text kMergeTitle{"合并客户", "Merge customers"};
inline constexpr Text kMergeAskNumbers{
    "把哪个客户并入哪个客户？被并入客户的谈判、行动、合同等记录都会改为保留的客户编号；"
    "被并入客户在登记表中的那一行保留，并在备注中标记“已合并”。",
    "Which customer is merged into which? The negotiations, actions, contracts and other rows "
    "of the merged customer will refer to the kept customer number; the merged customer's "
    "register row stays, marked as merged in Notes."};
inline constexpr Text kMergeKeptLabel{"保留的客户编号：", "Customer number kept:"};
inline constexpr Text kMergeMergedLabel{"并入的客户编号：", "Customer number merged into it:"};
inline constexpr Text kMergeConfirm{
    "将“{0}”并入“{0}”：\n{0}\n登记表第 {0} 行保留，备注中标记“已合并”。可以撤销。确定合并吗？",
    "Merge \"{0}\" into \"{0}\":\n{0}\nRegister row {0} stays, marked as merged in Notes. It "
    "can be undone. Merge now?"};
inline constexpr Text kMergeMovesRows{"{0}：{0} 行改为保留的编号", "{0}: {0} row(s) move"};
inline constexpr Text kMergeMovesNothing{"没有其他表格引用被并入的客户。",
                                         "No other sheet refers to the merged customer."};
inline constexpr Text kMerged{"已将“{0}”并入“{0}”：{0} 行记录改为保留的客户编号。",
                              "Merged \"{0}\" into \"{0}\": {0} row(s) now refer to the kept "
                              "customer."};
inline constexpr Text kMergeSkippedFormulas{
    "另有 {0} 个客户编号由公式计算，未修改，请检查这些公式。",
    "{0} more customer number(s) are computed by formulas and were left alone; check those "
    "formulas."};
inline constexpr Text kMergeNoRegister{"工作簿中没有客户信息登记表（或它没有客户编号列）。",
                                       "The workbook has no Customers register (or it has no "
                                       "Customer No. column)."};
inline constexpr Text kMergeNotFound{"客户编号“{0}”不在客户信息登记表中。",
                                     "Customer number \"{0}\" is not in the register."};
inline constexpr Text kMergeSameCustomer{"要合并的是同一个客户编号“{0}”。",
                                         "Both numbers are the same customer, \"{0}\"."};
inline constexpr Text kMergeAlreadyMerged{"客户“{0}”已经并入其他客户（见其备注）。",
                                          "Customer \"{0}\" was already merged (see its Notes)."};
inline constexpr Text kMergeNoNotes{
    "客户信息登记表没有“备注”列，无法标记被并入的客户。请先加上“备注”列。工作簿未被修改。",
    "The register has no Notes column to mark the merged customer in. Add a Notes column "
    "first. The workbook is unchanged."};
inline constexpr Text kMergeNeedsNumbers{
    "没有界面时请给出两个客户编号：mergeCustomers(doc, 保留的编号, 并入的编号)。",
    "Without a window, give both numbers: mergeCustomers(doc, keptNo, mergedNo)."};

}  // namespace dealsheet::msg
