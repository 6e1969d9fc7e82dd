// What the Contract dossier command says to the user, in both languages.
#pragma once

#include "core/text/localized.hpp"

namespace dealsheet::msg {

inline constexpr Text kDossierTitle{"合同档案", "Contract dossier"};
inline constexpr Text kAskContract{"为哪份合同生成档案（PDF）？",
                                   "Which contract's dossier (PDF)?"};
inline constexpr Text kAllContracts{"全部合同（每份一个 PDF，选择文件夹）",
                                    "All contracts (one PDF each, into a folder)"};
inline constexpr Text kSaveDossierAs{"合同档案另存为", "Save the contract dossier as"};
inline constexpr Text kChooseDossierFolder{"选择存放合同档案的文件夹",
                                           "Choose the folder for the contract dossiers"};
inline constexpr Text kDossierWritten{"已生成合同档案（{0} 行记录）：{0}",
                                      "Contract dossier written ({0} rows): {0}"};
inline constexpr Text kDossiersWritten{"已生成 {0} 份合同档案，存放在：{0}",
                                       "{0} contract dossier(s) written into: {0}"};
inline constexpr Text kNoContracts{
    "工作簿中没有任何合同（合同审批表等表中没有合同编号）。",
    "The workbook holds no contract (no contract number in Contract Approval or the other "
    "contract sheets)."};
inline constexpr Text kDossierNeedsTarget{
    "没有界面时请在参数中给出合同编号 ContractNo 和目标文件 FileUrl（或文件夹 FolderUrl）。",
    "Without a window, pass the contract as ContractNo and the target as FileUrl (or FolderUrl "
    "for every contract)."};
inline constexpr Text kDossierNotWritten{
    "无法写入 {0}：请检查文件夹是否存在、是否可写。工作簿未被修改。",
    "Could not write {0}: check that the folder exists and can be written. The workbook is "
    "unchanged."};
// An office installed without Writer (Debian's libreoffice-calc alone) cannot make the dossier's
// text document nor export it as PDF.
inline constexpr Text kDossierNeedsWriter{
    "合同档案需要 LibreOffice Writer（文字处理）。"
    "请安装 Writer（Debian/Ubuntu：sudo apt-get install libreoffice-writer）后重试。",
    "The contract dossier needs LibreOffice Writer. Install it (Debian/Ubuntu: sudo apt-get "
    "install libreoffice-writer) and try again."};
inline constexpr Text kDossierNoTextDocument{
    "LibreOffice 未能生成合同档案的文字文档，未写入任何文件。",
    "LibreOffice could not make the dossier's text document; no file was written."};
inline constexpr Text kDossierBadUrl{
    "目标须为 URL，例如 file:///home/me/HT-2026-001.pdf。",
    "The target must be a URL such as file:///home/me/HT-2026-001.pdf."};

}  // namespace dealsheet::msg
