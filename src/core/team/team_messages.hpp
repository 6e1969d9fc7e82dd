// User-visible words of Sync with team, in both languages.
#pragma once

#include "core/text/localized.hpp"

namespace dealsheet::msg {

inline constexpr Text kSyncTitle{"同步团队数据", "Sync with team"};
inline constexpr Text kSyncDone{
    "同步完成：拉取 {0} 行，推送 {0} 行，分配编号 {0} 个，冲突 {0} 处，用时 {0} 毫秒。",
    "Sync done: {0} row(s) pulled, {0} pushed, {0} number(s) assigned, {0} conflict(s), "
    "{0} ms."};
inline constexpr Text kSyncConflictsSeeReport{
    "有冲突的单元格保留了你的值，双方的值列在“校验报告”表中；改好后再同步一次即可。",
    "Cells in conflict keep your value; both values are listed in the Validation Report "
    "sheet. Edit them and sync again."};
inline constexpr Text kSyncUnknownRows{
    "{0} 行的同步标识在服务器上找不到（可能属于别的数据库或无权查看），这些行未同步。",
    "{0} row(s) have a Sync ID the server does not show you (another database, or not "
    "yours to see); they were not synced."};
inline constexpr Text kSyncRefused{
    "服务器拒绝了 {0} "
    "行的修改（您的角色无权修改）；这些单元格保留了您的值，原因列在“校验报告”表中。",
    "The server refused the changes of {0} row(s) (your role may not make them); those cells "
    "keep your values and the reasons are listed in the Validation Report sheet."};
inline constexpr Text kRefusedApprovedContract{
    "合同已审批通过，金额、付款条件、客户和审批意见只能由销售负责人修改",
    "the contract is approved: only the sales lead may change its amount, payment terms, "
    "customer and opinions"};
inline constexpr Text kRefusedNotYourCustomer{
    "这位客户的负责人不是您：团队成员只能登记和修改自己负责的客户（换负责人请找销售负责人）",
    "this customer's owner (负责人) is not you: a team member adds and changes only their own "
    "customers (the sales lead reassigns them)"};
inline constexpr Text kRefusedNotYourRow{
    "这一行所属的客户不由您负责（或客户编号为空）：团队成员只能修改自己客户的记录",
    "this row's customer is not yours (or its customer number is blank): a team member "
    "changes only the rows of their own customers"};
inline constexpr Text kRefusedReadOnly{"您的角色只能查看团队数据，不能修改（整行未推送）",
                                       "your role may only view the team's data, not change "
                                       "it (the whole row was not pushed)"};
inline constexpr Text kRefusedIssuedNumber{
    "客户编号一经分配就不再更改（与这位客户相关的各表都靠它找到客户）",
    "an issued customer number never changes (the rows of every sheet find their customer by "
    "it)"};
inline constexpr Text kRefusedDuplicateCustomerNo{
    "团队里已有另一位客户使用这个客户编号：客户编号在团队内唯一（留空即由服务器分配新编号）",
    "another customer of the team already has this customer number: numbers are unique "
    "across the team (leave it blank and the server assigns one)"};
inline constexpr Text kRefusedDuplicateContractNo{
    "团队里已有另一份合同使用这个合同编号：合同编号在团队内唯一",
    "another contract of the team already has this contract number: contract numbers are "
    "unique across the team"};
// One customer, one owner (SPEC §12): the details of SYNC_CLAIMED and SYNC_POSSIBLE_DUPLICATE
// ({0}: owner, day, then the protection), and the claims the server refuses.
inline constexpr Text kClaimedBy{"已由 {0} 于 {0} 报备，{0}", "was registered by {0} on {0}, {0}"};
inline constexpr Text kProtectedUntil{"保护期至 {0}", "protected until {0}"};
inline constexpr Text kProtectedBySignedContract{"已签约，长期保护",
                                                 "protected as long as a contract is signed"};
inline constexpr Text kClaimedInPool{
    "已在公海中（原负责人 {0}，{0} "
    "回收）：在这位客户原有的那一行把负责人改成您的名字并同步，即可领取",
    "is in the pool (former owner {0}, released {0}): put your name in 负责人 on that "
    "customer's own row and sync to claim it"};
inline constexpr Text kPossiblyInPool{"在公海中", "is in the pool"};
inline constexpr Text kRefusedClaimLimit{
    "今天从公海领取的客户已达上限（设置“每日领取上限”）：明天再领取，或请销售负责人分配",
    "you have claimed as many pool customers today as the team allows (Daily claim limit): "
    "claim it tomorrow, or ask the sales lead to assign it"};
inline constexpr Text kRefusedClaimCooldown{
    "这位客户刚从您名下回到公海，冷却期内（设置“回收冷却天数”）不能由您领回：请销售负责人分配",
    "this customer was released from you to the pool recently; you cannot claim it back "
    "within the cooldown (Reclaim cooldown days): ask the sales lead to assign it"};
inline constexpr Text kRefusedOther{"服务器不接受这一行：{0}",
                                    "the server does not accept this row: {0}"};
inline constexpr Text kSyncFailed{"同步未完成，工作簿和服务器都未改变：{0}",
                                  "The sync did not complete; neither the workbook nor the "
                                  "server changed: {0}"};
inline constexpr Text kSyncOutcomeUnknown{
    "同步结果未知：推送已送到服务器，但服务器确认之前连接中断了（{0}）。工作簿中的数据没有改变，"
    "只记下了新行的同步标识；下次同步会查明服务器是否已保存这次推送，不会重复推送。",
    "The sync's outcome is unknown: the push reached the server, but the connection was lost "
    "before the server confirmed it ({0}). Your data in the workbook is unchanged; only the "
    "new rows' Sync IDs were kept, so the next sync finds out whether the server kept the push "
    "and never pushes it twice."};
inline constexpr Text kSyncMovedRows{
    "{0} 行与其同步标识脱节（排序时隐藏的同步列没有一起移动），这些行未推送，详见“校验报告”表。",
    "{0} row(s) no longer match their Sync ID (the hidden Sync columns did not move with a "
    "sort); they were not pushed (see the Validation Report sheet)."};
inline constexpr Text kAssignInTeamWorkbook{
    "这是团队工作簿（“设置”表填写了“团队数据库”）：客户编号由服务器统一分配，本次没有分配编号。"
    "请点“同步团队数据”，新客户在同步时得到编号。",
    "This is a team workbook (the Settings sheet has a Team database): customer numbers come "
    "from the server, so none was assigned here. Press Sync with team; new customers get "
    "their numbers as they sync."};
inline constexpr Text kNoTeamDatabase{
    "设置表中没有“团队数据库”。请在“设置”表中填写，如 host=db.example.com port=5432 "
    "dbname=dealsheet，并填写“团队数据库用户”。",
    "The Settings sheet has no Team database. Fill it in, e.g. host=db.example.com "
    "port=5432 dbname=dealsheet, and the Team database user."};
inline constexpr Text kNoTeamUser{"设置表中没有“团队数据库用户”。",
                                  "The Settings sheet has no Team database user."};
inline constexpr Text kPasswordInDocument{
    "“团队数据库”中不能写密码：密码不保存在文档里。请删去 password=…，由系统提示或 .pgpass 提供。",
    "The Team database must not hold a password: passwords are never stored in the "
    "document. Remove password=…; the office asks for it, or .pgpass provides it."};
inline constexpr Text kBadConnection{
    "“团队数据库”的格式不对，应为 host=… port=… dbname=…（空格分隔的 名称=值）。",
    "The Team database is not in the form host=… port=… dbname=… (name=value pairs "
    "separated by spaces)."};
inline constexpr Text kServerUnreachable{
    "连不上团队数据库服务器（地址或端口不对，或服务器未运行）。",
    "The team database server cannot be reached (wrong "
    "address or port, or the server is not running)."};
inline constexpr Text kLoginRefused{"团队数据库拒绝登录（用户名或密码不对）。",
                                    "The team database refused the login (wrong user name or "
                                    "password)."};
inline constexpr Text kNoDatabase{"服务器上没有这个数据库（检查 dbname）。",
                                  "The server has no such database (check dbname)."};
inline constexpr Text kNoTeamSchema{
    "这个数据库里没有 DealSheet 团队表。管理员需先运行 dealsheet-team.sql。",
    "This database has no DealSheet team tables. An administrator runs dealsheet-team.sql "
    "first."};
inline constexpr Text kSchemaTooOld{"服务器上的 DealSheet 团队表版本较旧（{0}），请管理员升级。",
                                    "The server's DealSheet tables are older ({0}); an "
                                    "administrator must upgrade them."};
inline constexpr Text kSchemaTooNew{
    "服务器上的 DealSheet 团队表版本较新（{0}），请升级 DealSheet 扩展。",
    "The server's DealSheet tables are newer ({0}); please upgrade the DealSheet extension."};
inline constexpr Text kConnectionLost{"与团队数据库的连接中断，服务器已撤销本次推送。",
                                      "The connection to the team database was lost; the "
                                      "server rolled this push back."};
inline constexpr Text kNoPermission{"团队数据库不允许你进行此操作（权限不足）。",
                                    "The team database does not allow you to do this "
                                    "(permission denied)."};
inline constexpr Text kNoDriver{
    "没有安装 LibreOffice 的 PostgreSQL 驱动（Debian/Ubuntu：libreoffice-sdbc-postgresql）。",
    "LibreOffice's PostgreSQL driver is not installed (Debian/Ubuntu: "
    "libreoffice-sdbc-postgresql)."};
inline constexpr Text kDatabaseError{"团队数据库报错。", "The team database reported an error."};
inline constexpr Text kNoSyncedSheet{
    "没有可同步的 DealSheet 表。可先用“插入模板表”添加。",
    "No DealSheet sheet to sync. Use Insert template sheets to add them."};
inline constexpr Text kSyncBusy{"服务器上的数据一直在变，请稍后再同步。",
                                "The server's data kept changing; please sync again in a "
                                "moment."};
inline constexpr Text kProgressConnecting{"正在连接团队数据库…",
                                          "Connecting to the team database…"};
inline constexpr Text kProgressPulling{"正在拉取 {0} 行…", "Pulling {0} rows…"};
inline constexpr Text kProgressPushing{"正在推送 {0} 行…", "Pushing {0} rows…"};
inline constexpr Text kProgressReading{"正在读取服务器数据…", "Reading the server's rows…"};
inline constexpr Text kLoginServer{"团队数据库 {0}", "the team database {0}"};
inline constexpr Text kPasswordRefused{
    "团队数据库没有接受用户 {0} 的密码，请重新输入。",
    "The team database did not accept the password of {0}; please type it again."};
inline constexpr Text kPasswordCancelled{"没有输入团队数据库的密码（登录已取消）。",
                                         "No password was given for the team database (the "
                                         "login was cancelled)."};

}  // namespace dealsheet::msg
