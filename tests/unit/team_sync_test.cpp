// The sync plan and its helpers, without any database: what a sync pushes, pulls and reports
// for each situation two salespeople can create.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/team/team_messages.hpp"
#include "core/team/team_sql.hpp"
#include "core/team/team_sync.hpp"

using namespace dealsheet;
using namespace dealsheet::team;

namespace {

LocalRow row(int sheetRow, std::optional<long long> id, std::optional<long long> base,
             Values values) {
    return {sheetRow, id, base, std::move(values), true, false, std::nullopt, false, std::nullopt};
}
ServerRow server(long long id, long long version, Values values) {
    return {id, version, std::move(values)};
}

}  // namespace

TEST(TeamSyncPlan, NewRowsArePushedInRowOrderAndEmptyRowsIgnored) {
    std::vector<LocalRow> local{
        row(1, std::nullopt, std::nullopt, {"", "甲公司"}),
        {2, std::nullopt, std::nullopt, {"", ""}, false, false, std::nullopt, false, std::nullopt},
        row(3, std::nullopt, std::nullopt, {"202611-001", "乙公司"})};
    const Plan p = plan(local, {}, {});
    ASSERT_EQ(p.pushes.size(), 2u);
    EXPECT_EQ(p.pushes[0].local, 0u);
    EXPECT_FALSE(p.pushes[0].id);
    EXPECT_EQ(p.pushes[1].local, 2u);
    EXPECT_EQ(p.pushes[1].values, (Values{"202611-001", "乙公司"}));
    EXPECT_TRUE(p.pulls.empty());
    EXPECT_TRUE(p.conflicts.empty());
}

TEST(TeamSyncPlan, UnchangedRowsDoNothing) {
    const Plan p = plan({row(1, 7, 2, {"a", "b"})}, {server(7, 2, {"a", "b"})}, {});
    EXPECT_TRUE(p.pushes.empty());
    EXPECT_TRUE(p.pulls.empty());
    EXPECT_TRUE(p.conflicts.empty());
}

TEST(TeamSyncPlan, LocalEditIsPushedAgainstTheVersionItWasBasedOn) {
    const Plan p = plan({row(1, 7, 2, {"a", "new"})}, {server(7, 2, {"a", "b"})}, {});
    ASSERT_EQ(p.pushes.size(), 1u);
    EXPECT_EQ(*p.pushes[0].id, 7);
    EXPECT_EQ(p.pushes[0].expected, 2);
    EXPECT_EQ(p.pushes[0].values, (Values{"a", "new"}));
    EXPECT_TRUE(p.pulls.empty());
}

TEST(TeamSyncPlan, ServerEditIsPulledWhenTheRowIsUnchangedHere) {
    const std::vector<LocalRow> local{row(4, 7, 2, {"a", "b"})};
    const std::vector<ServerRow> remote{server(7, 3, {"a", "theirs"})};
    const auto needed = basesNeeded(local, remote);
    ASSERT_EQ(needed.size(), 1u);
    EXPECT_EQ(needed[0], (std::pair<long long, long long>{7, 2}));
    const Plan p = plan(local, remote, {{7, {"a", "b"}}});
    EXPECT_TRUE(p.pushes.empty());
    ASSERT_EQ(p.pulls.size(), 1u);
    EXPECT_EQ(*p.pulls[0].local, 0u);
    EXPECT_EQ(p.pulls[0].version, 3);
    EXPECT_EQ(p.pulls[0].values, (Values{"a", "theirs"}));
}

TEST(TeamSyncPlan, EditsOfDifferentCellsMergeBothWays) {
    const Plan p =
        plan({row(1, 7, 2, {"mine", "b"})}, {server(7, 3, {"a", "theirs"})}, {{7, {"a", "b"}}});
    EXPECT_TRUE(p.conflicts.empty());
    ASSERT_EQ(p.pulls.size(), 1u);
    EXPECT_EQ(p.pulls[0].values, (Values{"mine", "theirs"}));
    ASSERT_EQ(p.pushes.size(), 1u);
    EXPECT_EQ(p.pushes[0].expected, 3);
    EXPECT_EQ(p.pushes[0].values, (Values{"mine", "theirs"}));
}

TEST(TeamSyncPlan, SameCellEditedOnBothSidesIsAConflictAndNothingIsOverwritten) {
    const Plan p = plan({row(1, 7, 2, {"mine", "b", "c"})}, {server(7, 3, {"theirs", "b", "new"})},
                        {{7, {"a", "b", "c"}}});
    ASSERT_EQ(p.conflicts.size(), 1u);
    EXPECT_EQ(p.conflicts[0].column, 0u);
    EXPECT_EQ(p.conflicts[0].mine, "mine");
    EXPECT_EQ(p.conflicts[0].theirs, "theirs");
    EXPECT_TRUE(p.pushes.empty());  // the server keeps "theirs"
    ASSERT_EQ(p.pulls.size(), 1u);  // the cell keeps "mine"; the untouched cell takes "new"
    EXPECT_EQ(p.pulls[0].values, (Values{"mine", "b", "new"}));
    EXPECT_EQ(p.pulls[0].version, 3);  // the next sync pushes what the cell then holds
    const Plan next =
        plan({row(1, 7, 3, {"resolved", "b", "new"})}, {server(7, 3, {"theirs", "b", "new"})}, {});
    ASSERT_EQ(next.pushes.size(), 1u);
    EXPECT_EQ(next.pushes[0].values[0], "resolved");
}

TEST(TeamSyncPlan, SameEditOnBothSidesIsNoConflict) {
    const Plan p = plan({row(1, 7, 2, {"same"})}, {server(7, 3, {"same"})}, {{7, {"old"}}});
    EXPECT_TRUE(p.conflicts.empty());
    EXPECT_TRUE(p.pushes.empty());
    ASSERT_EQ(p.pulls.size(), 1u);
    EXPECT_EQ(p.pulls[0].version, 3);
}

TEST(TeamSyncPlan, WithoutAKnownBaseEveryDifferenceIsAConflict) {
    const Plan p = plan({row(1, 7, std::nullopt, {"x", "y"})}, {server(7, 3, {"x", "z"})}, {});
    ASSERT_EQ(p.conflicts.size(), 1u);
    EXPECT_EQ(p.conflicts[0].column, 1u);
}

TEST(TeamSyncPlan, RowsOnlyOnTheServerAreAppended) {
    const Plan p = plan({row(1, 7, 1, {"a"})}, {server(7, 1, {"a"}), server(9, 4, {"other"})}, {});
    ASSERT_EQ(p.pulls.size(), 1u);
    EXPECT_FALSE(p.pulls[0].local);
    EXPECT_EQ(p.pulls[0].id, 9);
    EXPECT_EQ(p.pulls[0].values, (Values{"other"}));
}

TEST(TeamSyncPlan, ARowCopiedWithItsHiddenIdIsANewRow) {
    const Plan p = plan({row(1, 7, 1, {"a"}), row(2, 7, 1, {"copy"})}, {server(7, 1, {"a"})}, {});
    ASSERT_EQ(p.pushes.size(), 1u);
    EXPECT_EQ(p.pushes[0].local, 1u);
    EXPECT_FALSE(p.pushes[0].id);
}

TEST(TeamSyncPlan, AnIdTheServerDoesNotShowIsLeftAlone) {
    const Plan p = plan({row(1, 99, 1, {"a"})}, {}, {});
    EXPECT_TRUE(p.pushes.empty());
    EXPECT_TRUE(p.pulls.empty());
    ASSERT_EQ(p.unknown.size(), 1u);
}

TEST(TeamSyncValues, DatesNumbersAndTextTravelAsText) {
    const SerialDates dates;
    ColumnSchema date;
    date.type = ColumnType::Date;
    ColumnSchema number;
    number.type = ColumnType::Number;
    ColumnSchema text;
    const double serial = static_cast<double>(*dates.toSerial({2026, 11, 5}));
    EXPECT_EQ(toServerText(serial, date, dates), "2026-11-05");
    EXPECT_EQ(toServerText(serial + 0.5, date, dates), formatNumber(serial + 0.5));
    EXPECT_EQ(toServerText(12.5, number, dates), "12.5");
    EXPECT_EQ(toServerText(13800138000.0, text, dates), "13800138000");
    EXPECT_EQ(toServerText(std::string("2026年11月5日"), date, dates), "2026年11月5日");
    EXPECT_EQ(toServerText(std::monostate{}, text, dates), "");

    EXPECT_EQ(fromServerText("2026-11-05", date, dates), CellValue(serial));
    EXPECT_EQ(fromServerText("2026-02-30", date, dates), CellValue(std::string("2026-02-30")));
    EXPECT_EQ(fromServerText("12.5", number, dates), CellValue(12.5));
    EXPECT_EQ(fromServerText("050", number, dates), CellValue(std::string("050")));
    EXPECT_EQ(fromServerText("13800138000", text, dates), CellValue(std::string("13800138000")));
    EXPECT_EQ(fromServerText("", text, dates), CellValue(std::monostate{}));
}

TEST(TeamSyncValues, PushRecordsAreEscapedJson) {
    SheetSchema sheet;
    ColumnSchema name;
    name.id = "customerName";
    const std::vector<SyncColumn> columns{{&name, 0}};
    const std::vector<Push> pushes{{0, std::nullopt, 0, {"引号\"与\\反斜杠\n"}}, {1, 7, 3, {""}}};
    EXPECT_EQ(pushRecords(pushes, columns, {41}),
              "[{\"ord\":0,\"row_id\":41,\"base\":0,\"customer_name\":\"引号\\\"与\\\\反斜杠"
              "\\u000a\"},{\"ord\":1,\"row_id\":7,\"base\":3,\"customer_name\":null}]");
    EXPECT_EQ(idVersionRecords({{7, 2}}), "[{\"row_id\":7,\"version\":2}]");
}

TEST(TeamSyncConnection, SettingsBecomeADriverUrlWithoutPassword) {
    const auto good = connectionUrl(" host=127.0.0.1 port=5433 dbname=dealsheet ", "li");
    EXPECT_FALSE(good.problem);
    EXPECT_EQ(good.url,
              "sdbc:postgresql:host=127.0.0.1 port=5433 dbname=dealsheet connect_timeout=10 "
              "user='li'");
    EXPECT_EQ(connectionUrl("host=h connect_timeout=3", "o'k").url,
              "sdbc:postgresql:host=h connect_timeout=3 user='o\\'k'");
    EXPECT_EQ(connectionUrl("host=h password=secret", "li").problem->en,
              msg::kPasswordInDocument.en);
    EXPECT_EQ(connectionUrl("this is garbage", "li").problem->en, msg::kBadConnection.en);
    EXPECT_EQ(connectionUrl("host=h dbname='x y'", "li").problem->en, msg::kBadConnection.en);
    EXPECT_EQ(connectionUrl("", "li").problem->en, msg::kNoTeamDatabase.en);
    EXPECT_EQ(connectionUrl("host=h", " ").problem->en, msg::kNoTeamUser.en);
}

TEST(TeamSyncConnection, DriverMessagesAreExplained) {
    EXPECT_EQ(explainDatabaseError("FATAL:  password authentication failed for user \"li\"").en,
              msg::kLoginRefused.en);
    EXPECT_EQ(explainDatabaseError("fe_sendauth: no password supplied").en, msg::kLoginRefused.en);
    EXPECT_EQ(explainDatabaseError("connection to server at \"127.0.0.1\", port 1 failed: "
                                   "Connection refused\n\tIs the server running")
                  .en,
              msg::kServerUnreachable.en);
    EXPECT_EQ(explainDatabaseError("FATAL:  database \"nope\" does not exist").en,
              msg::kNoDatabase.en);
    EXPECT_EQ(explainDatabaseError("ERROR:  relation \"dealsheet.meta\" does not exist").en,
              msg::kNoTeamSchema.en);
    EXPECT_EQ(
        explainDatabaseError("FATAL:  terminating connection due to administrator command").en,
        msg::kConnectionLost.en);
    EXPECT_EQ(explainDatabaseError("something else").en, msg::kDatabaseError.en);
}

TEST(TeamSyncFindings, AConflictNamesBothValues) {
    const Finding f = conflictFinding("客户信息登记表", 4, 2, "客户名称", "甲", "乙");
    EXPECT_EQ(f.rule, "SYNC_CONFLICT");
    EXPECT_EQ(f.severity, Severity::Error);
    EXPECT_EQ(f.value, "甲");
    EXPECT_EQ(f.messageZh, "同步冲突：本地为“甲”，服务器为“乙”；本地值保留，改好后再同步");
    EXPECT_EQ(f.messageEn,
              "Sync conflict: here \"甲\", on the server \"乙\"; your value is kept, edit it and "
              "sync again");
}

TEST(TeamServerSql, CommittedFileIsTheGeneratedOne) {
    std::ifstream in(DEALSHEET_SOURCE_DIR "/server/dealsheet-team.sql", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), teamServerSql(productSchema()))
        << "server/dealsheet-team.sql is out of date: run build/make_server_sql "
           "server/dealsheet-team.sql";
}

TEST(TeamServerSql, CommittedUpgradeIsTheGeneratedOne) {
    std::ifstream in(DEALSHEET_SOURCE_DIR "/server/upgrade-3.sql", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string upgrade = teamUpgradeSql(productSchema(), 3);
    EXPECT_EQ(text.str(), upgrade) << "server/upgrade-3.sql is out of date: run "
                                      "build/make_server_sql --upgrade-from 3 server/upgrade-3.sql";
    // Every column a fresh register has and a version-3 one lacks is added, to the table and
    // its history alike.
    EXPECT_NE(upgrade.find("ALTER TABLE dealsheet.customers ADD COLUMN credit_code text;"),
              std::string::npos);
    EXPECT_NE(upgrade.find("ALTER TABLE dealsheet.customers_history ADD COLUMN credit_code text;"),
              std::string::npos);
    EXPECT_NE(upgrade.find("SET value = '" + std::to_string(kTeamSchemaVersion) + "'"),
              std::string::npos);
    EXPECT_THROW(teamUpgradeSql(productSchema(), 2), std::invalid_argument);
}

TEST(TeamServerSql, EveryDataSheetHasATableWithItsSystemColumnsAndHistory) {
    const std::string sql = teamServerSql(productSchema());
    EXPECT_NE(sql.find("INSERT INTO dealsheet.meta VALUES ('schema_version', '" +
                       std::to_string(kTeamSchemaVersion) + "')"),
              std::string::npos);
    for (const char* table : {"customers", "negotiations", "actions", "key_points", "approvals",
                              "execution", "acceptance", "handover", "abnormal"}) {
        EXPECT_NE(sql.find(std::string("CREATE TABLE dealsheet.") + table +
                           " (\n  row_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
                           "  version integer NOT NULL DEFAULT 1,\n"),
                  std::string::npos)
            << table;
        EXPECT_NE(sql.find(std::string("CREATE TABLE dealsheet.") + table + "_history (LIKE"),
                  std::string::npos);
    }
    EXPECT_EQ(sql.find("CREATE TABLE dealsheet.review"), std::string::npos);
    EXPECT_EQ(sql.find("due_status"), std::string::npos);    // computed: the sheet's own
    EXPECT_EQ(sql.find(" lead_grade "), std::string::npos);  // filled by a formula
    EXPECT_NE(sql.find("  customer_no text,\n"), std::string::npos);
    EXPECT_EQ(sqlName("keyPoints"), "key_points");
}

TEST(TeamSyncPlan, ARefusedRowTakesTheServersValueOnceTheServerChangedIt) {
    LocalRow refused = row(1, 7, 2, {"90000", "mine only", "c"});
    refused.refused = true;
    // The lead changed the refused cell: the server's value, no conflict; the other local
    // change is pushed on the server's version.
    const Plan p = plan({refused}, {server(7, 3, {"95000", "", "c"})}, {{7, {"100000", "", "c"}}});
    EXPECT_TRUE(p.conflicts.empty());
    ASSERT_EQ(p.pulls.size(), 1u);
    EXPECT_EQ(p.pulls[0].values, (Values{"95000", "mine only", "c"}));
    ASSERT_EQ(p.pushes.size(), 1u);
    EXPECT_EQ(p.pushes[0].expected, 3);
    EXPECT_EQ(p.pushes[0].values, (Values{"95000", "mine only", "c"}));
    // Nothing changed on the server since: the refused value is pushed (and refused) again.
    const Plan again = plan({refused}, {server(7, 2, {"100000", "", "c"})}, {});
    ASSERT_EQ(again.pushes.size(), 1u);
    EXPECT_EQ(again.pushes[0].values[0], "90000");
}

TEST(TeamSyncFindings, RefusalsAreExplainedInWords) {
    const SheetSchema& customers = productSchema().sheetOrThrow("customers");
    const SheetSchema& approvals = productSchema().sheetOrThrow("approvals");
    const SheetSchema& execution = productSchema().sheetOrThrow("execution");
    const Refusal locked = explainRefusal(
        "ERROR: dealsheet-approved-contract:amount,payment_terms (only a lead may change an "
        "approved contract)",
        approvals);
    EXPECT_EQ(locked.reason.en, msg::kRefusedApprovedContract.en);
    EXPECT_EQ(locked.columns, (std::vector<std::string>{"amount", "payment_terms"}));
    const Refusal notMine = explainRefusal(
        "new row violates row-level security policy for table \"customers\"", customers);
    EXPECT_EQ(notMine.reason.en, msg::kRefusedNotYourCustomer.en);
    EXPECT_EQ(notMine.columns, (std::vector<std::string>{"owner"}));
    EXPECT_EQ(explainRefusal("new row violates row-level security policy", execution).columns,
              (std::vector<std::string>{"contract_no"}));
    const Refusal issued = explainRefusal(
        "ERROR: dealsheet-customer-number:customer_no (an issued customer number never changes)",
        customers);
    EXPECT_EQ(issued.reason.zh, msg::kRefusedIssuedNumber.zh);
    EXPECT_EQ(issued.columns, (std::vector<std::string>{"customer_no"}));
    EXPECT_TRUE(isRefusal("", "dealsheet-customer-number:customer_no"));
    const Refusal taken = explainRefusal(
        "ERROR: duplicate key value violates unique constraint \"customers_customer_no_unique\"",
        customers);
    EXPECT_EQ(taken.reason.en, msg::kRefusedDuplicateCustomerNo.en);
    EXPECT_EQ(taken.columns, (std::vector<std::string>{"customer_no"}));
    const Refusal contract = explainRefusal(
        "ERROR: duplicate key value violates unique constraint \"approvals_contract_no_unique\"",
        approvals);
    EXPECT_EQ(contract.reason.en, msg::kRefusedDuplicateContractNo.en);
    EXPECT_EQ(contract.columns, (std::vector<std::string>{"contract_no"}));
    EXPECT_TRUE(isRefusal("23505", "duplicate key value violates unique constraint"));
    // The office's driver gives no SQLSTATE: the message alone tells a unique number refused.
    EXPECT_TRUE(isRefusal("",
                          "ERROR:  duplicate key value violates unique constraint "
                          "\"customers_customer_no_unique\""));
    const Refusal viewer = explainRefusal("ERROR: permission denied for table actions", customers);
    EXPECT_EQ(viewer.reason.en, msg::kRefusedReadOnly.en);
    EXPECT_TRUE(viewer.columns.empty());
    EXPECT_TRUE(isRefusal("42501", "anything"));
    EXPECT_TRUE(isRefusal("", "ERROR: permission denied for table customers"));
    EXPECT_FALSE(isRefusal("08006", "server closed the connection unexpectedly"));
    EXPECT_FALSE(isRefusal("40P01", "deadlock detected"));

    const Finding f = refusedFinding("合同审批表", 1, 3, "合同金额(元)", "90000", locked);
    EXPECT_EQ(f.rule, "SYNC_REFUSED");
    EXPECT_EQ(f.value, "90000");
    EXPECT_EQ(f.messageZh, "服务器拒绝了“90000”：" + std::string(msg::kRefusedApprovedContract.zh));
    EXPECT_EQ(f.messageEn,
              "The server refused \"90000\": " + std::string(msg::kRefusedApprovedContract.en));
    const Finding other = refusedFinding("客户信息登记表", 1, 0, "客户编号", "x",
                                         explainRefusal("ERROR: odd\nmore", customers));
    EXPECT_EQ(other.messageEn,
              "The server refused \"x\": the server does not accept this row: "
              "ERROR: odd");
}

TEST(TeamSyncFindings, ARowTheServerNoLongerShowsIsAWarningAtItsSyncId) {
    const Finding f = notShownFinding("客户信息登记表", 2, 19, "同步标识", 42);
    EXPECT_EQ(f.rule, "SYNC_NOT_SHOWN");
    EXPECT_EQ(f.severity, Severity::Warning);
    EXPECT_EQ(f.value, "42");
    EXPECT_EQ(f.messageZh,
              "服务器不再向您显示这一行（同步标识 42）：客户可能已转给别人负责，或您无权查看；"
              "本行保留在工作簿中，未同步");
}

TEST(TeamServerSql, EverySyncedTableHasRowLevelSecurityForTheThreeRoles) {
    const std::string sql = teamServerSql(productSchema());
    for (const char* table : {"customers", "negotiations", "actions", "key_points", "approvals",
                              "execution", "acceptance", "handover", "abnormal"}) {
        const std::string t = std::string("dealsheet.") + table;
        for (const std::string& line :
             {"ALTER TABLE " + t + " ENABLE ROW LEVEL SECURITY;",
              "ALTER TABLE " + t + "_history ENABLE ROW LEVEL SECURITY;",
              "CREATE POLICY lead_all ON " + t + " TO lead USING (true) WITH CHECK (true);",
              "CREATE POLICY viewer_reads ON " + t + " FOR SELECT TO viewer USING (true);",
              "CREATE POLICY member_own ON " + t + " TO member\n"})
            EXPECT_NE(sql.find(line), std::string::npos) << line;
    }
    // Children find their customer through the indexed customer or contract number.
    EXPECT_NE(sql.find("CREATE INDEX actions_customer_no ON dealsheet.actions (customer_no);"),
              std::string::npos);
    EXPECT_NE(sql.find("CREATE INDEX execution_contract_no ON dealsheet.execution (contract_no);"),
              std::string::npos);
    EXPECT_NE(sql.find("CREATE TRIGGER t15_approved_contract BEFORE UPDATE ON dealsheet.approvals"),
              std::string::npos);
    EXPECT_NE(sql.find("GRANT EXECUTE ON FUNCTION dealsheet.add_salesperson(text, text, text, "
                       "text) TO lead;"),
              std::string::npos);
    EXPECT_EQ(ownershipColumn(productSchema().sheetOrThrow("customers")), "owner");
    EXPECT_EQ(ownershipColumn(productSchema().sheetOrThrow("handover")), "customer_no");
    EXPECT_EQ(ownershipColumn(productSchema().sheetOrThrow("acceptance")), "contract_no");
}

// ---- Incremental sync: only what changed since the last sync ------------------------------

namespace {
LocalRow synced(int sheetRow, long long id, long long base, Values values, bool unchanged) {
    LocalRow local = row(sheetRow, id, base, std::move(values));
    local.hash = "0123456789abcdef";
    local.matchesHash = unchanged;
    return local;
}
}  // namespace

TEST(TeamSyncIncremental, RowsAbsentFromTheChangesArePushedOnlyWhenTheirHashNoLongerMatches) {
    const std::vector<LocalRow> local{synced(1, 7, 2, {"a", "b"}, true),
                                      synced(2, 8, 5, {"a", "mine"}, false)};
    const Plan p = plan(local, {}, {}, true, {7, 8});
    ASSERT_EQ(p.pushes.size(), 1u);
    EXPECT_EQ(p.pushes[0].local, 1u);
    EXPECT_EQ(*p.pushes[0].id, 8);
    EXPECT_EQ(p.pushes[0].expected, 5);
    EXPECT_TRUE(p.pulls.empty());
    EXPECT_TRUE(p.unknown.empty());  // both still shown to this user
    // Row 8 handed to someone else: no longer shown, so unknown and not pushed.
    const Plan handedOver = plan(local, {}, {}, true, {7});
    EXPECT_TRUE(handedOver.pushes.empty());
    EXPECT_EQ(handedOver.unknown, (std::vector<std::size_t>{1}));
    // The same rows against a full read: row 7 unknown to the server, row 8 too.
    EXPECT_EQ(plan(local, {}, {}, false).unknown, (std::vector<std::size_t>{0, 1}));
}

TEST(TeamSyncIncremental, ChangedServerRowsMergeAsInAFullReadAndNewOnesArePulled) {
    const std::vector<LocalRow> local{synced(1, 7, 2, {"a", "b"}, true)};
    const Plan p = plan(local, {server(7, 3, {"a", "theirs"}), server(9, 1, {"x", "y"})},
                        {{7, {"a", "b"}}}, true);
    ASSERT_EQ(p.pulls.size(), 2u);
    EXPECT_EQ(p.pulls[0].values, (Values{"a", "theirs"}));
    EXPECT_EQ(p.pulls[0].server, (Values{"a", "theirs"}));
    EXPECT_FALSE(p.pulls[1].local);
    EXPECT_EQ(p.pulls[1].id, 9);
    EXPECT_TRUE(p.pushes.empty());
}

TEST(TeamSyncIncremental, RowHashDependsOnColumnIdsAndValues) {
    const ColumnSchema& name = productSchema().sheetOrThrow("customers").columns.at(2);
    const ColumnSchema& needs = productSchema().sheetOrThrow("customers").columns.at(10);
    const std::vector<SyncColumn> both{{&name, 2}, {&needs, 10}};
    const std::string hash = rowHash(both, {"甲公司", "ERP"});
    EXPECT_EQ(hash.size(), 16u);
    EXPECT_EQ(hash, rowHash(both, {"甲公司", "ERP"}));
    EXPECT_NE(hash, rowHash(both, {"甲公司", "CRM"}));
    EXPECT_NE(hash, rowHash(both, {"甲公司E", "RP"}));  // the separator counts
    EXPECT_NE(hash, rowHash({{&name, 2}, {&name, 3}}, {"甲公司", "ERP"}));
}

TEST(TeamSyncIncremental, HashlessRowsAreAskedForAndTheFingerprintIsOrderFree) {
    LocalRow noHash = row(3, 11, 4, {"c"});
    const std::vector<LocalRow> local{synced(1, 7, 2, {"a"}, true), synced(2, 8, 5, {"b"}, true),
                                      noHash, synced(4, 7, 2, {"copy"}, true),
                                      row(5, std::nullopt, std::nullopt, {"new"})};
    EXPECT_EQ(idsToAsk(local), (std::vector<long long>{11}));
    using Pairs = std::vector<std::pair<long long, long long>>;
    // The fingerprint: the first row of each id, in any order; a version or a row less differs.
    EXPECT_EQ(fingerprint(local), fingerprint(Pairs{{11, 4}, {8, 5}, {7, 2}}));
    EXPECT_EQ(fingerprint(local).substr(0, 2), "3.");
    EXPECT_NE(fingerprint(local), fingerprint(Pairs{{11, 4}, {8, 6}, {7, 2}}));
    EXPECT_NE(fingerprint(local), fingerprint(Pairs{{11, 4}, {7, 2}}));
    EXPECT_NE(fingerprint(Pairs{{1, 2}, {3, 4}}), fingerprint(Pairs{{1, 4}, {3, 2}}));
}

TEST(TeamSyncIncremental, MarksBelongToOneRegister) {
    const std::string text =
        formatMarks("4b1f-9c", {{"actions", "813:2.00000000000000ff"}, {"customers", "812:0.0"}});
    EXPECT_EQ(text, "4b1f-9c actions=813:2.00000000000000ff customers=812:0.0");
    EXPECT_EQ(parseMarks(text, "4b1f-9c"),
              (std::map<std::string, std::string>{{"actions", "813:2.00000000000000ff"},
                                                  {"customers", "812:0.0"}}));
    EXPECT_TRUE(parseMarks(text, "other-register").empty());
    EXPECT_TRUE(parseMarks(text, "").empty());
    EXPECT_TRUE(parseMarks("4b1f-9c customers=81x:0.0", "4b1f-9c").empty());
    EXPECT_TRUE(parseMarks("4b1f-9c customers=812", "4b1f-9c").empty());
    EXPECT_TRUE(parseMarks("", "4b1f-9c").empty());
}

// A customer handed to another member: the rows that hang off it get a new change stamp, so
// the new owner's incremental sync reads them; a write that changes no value is no new version.
TEST(TeamServerSql, ReassigningACustomerStampsWhatHangsOffIt) {
    const std::string sql = teamServerSql(productSchema());
    EXPECT_NE(sql.find("CREATE TRIGGER t30_touch_dependants AFTER UPDATE ON dealsheet.customers"),
              std::string::npos);
    for (const char* table : {"negotiations", "actions", "key_points", "approvals", "handover"})
        EXPECT_NE(sql.find(std::string("UPDATE dealsheet.") + table +
                           " SET change_xid = pg_current_xact_id() WHERE customer_no IN "
                           "(OLD.customer_no, NEW.customer_no);"),
                  std::string::npos)
            << table;
    for (const char* table : {"execution", "acceptance"})
        EXPECT_NE(sql.find(std::string("UPDATE dealsheet.") + table +
                           " SET change_xid = pg_current_xact_id() WHERE contract_no IN"),
                  std::string::npos)
            << table;
    EXPECT_NE(sql.find("'ON o.row_id = n.row_id WHERE n.version <> o.version'"), std::string::npos);
}

// The server's own integrity (issue 25): unique numbers, issued numbers never change, and no
// function runnable by everyone — the REVOKE comes after every function of the file, so a
// function added anywhere in it is covered (tests/team_bypass.sh proves it on a real server).
TEST(TeamServerSql, TheServerKeepsItsOwnIntegrity) {
    const std::string sql = teamServerSql(productSchema());
    for (const char* line :
         {"CREATE UNIQUE INDEX customers_customer_no_unique ON dealsheet.customers",
          "CREATE UNIQUE INDEX approvals_contract_no_unique ON dealsheet.approvals",
          "CREATE TRIGGER t18_issued_number BEFORE UPDATE ON dealsheet.customers",
          "'dealsheet-customer-number:customer_no (an issued customer number never changes)'\n"
          "      USING ERRCODE = 'insufficient_privilege'",
          "CREATE FUNCTION dealsheet.number_customer() RETURNS trigger LANGUAGE plpgsql SECURITY "
          "DEFINER",
          "REFERENCING NEW TABLE AS written\n  FOR EACH STATEMENT", "ELSE n::text END"})
        EXPECT_NE(sql.find(line), std::string::npos) << line;
    EXPECT_EQ(sql.find("lpad(n::text, 3, '0');"), std::string::npos);  // cut 1000 to 100
    const auto revoke =
        sql.rfind("REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA dealsheet FROM PUBLIC;");
    ASSERT_NE(revoke, std::string::npos);
    EXPECT_GT(revoke, sql.rfind("CREATE FUNCTION"));
    EXPECT_GT(revoke, sql.rfind("CREATE OR REPLACE FUNCTION") == std::string::npos
                          ? 0
                          : sql.rfind("CREATE OR REPLACE FUNCTION"));
    EXPECT_EQ(sql.find("GRANT EXECUTE ON FUNCTION dealsheet.next_customer_no"), std::string::npos);
    EXPECT_EQ(sql.find("TO PUBLIC"), std::string::npos);
    // A blank contract number names no contract: rows without one belong to nobody's contract.
    EXPECT_NE(sql.find("WHERE a.contract_no = execution.contract_no AND btrim(a.contract_no, "),
              std::string::npos);
}

// The server sends each row as one JSON array of texts (array_to_json of a text array): what
// PostgreSQL writes for quotes, backslashes, control characters and every Unicode character
// comes back exactly, and null stays apart from the empty text.
TEST(TeamSyncRows, JsonTextsKeepNullsApartFromEmptyTexts) {
    const auto texts = parseJsonTexts(R"(["a",null,"",  "b" ])");
    ASSERT_TRUE(texts);
    ASSERT_EQ(texts->size(), 4u);
    EXPECT_EQ((*texts)[0], std::optional<std::string>("a"));
    EXPECT_EQ((*texts)[1], std::nullopt);
    EXPECT_EQ((*texts)[2], std::optional<std::string>(""));
    EXPECT_EQ((*texts)[3], std::optional<std::string>("b"));
    EXPECT_EQ(parseJsonTexts("[]")->size(), 0u);
    EXPECT_EQ(parseJsonTexts(" [ null ] ")->size(), 1u);
}

TEST(TeamSyncRows, JsonTextsDecodeEveryEscape) {
    // As PostgreSQL 15 writes them: E'引号"与\\反斜杠\n换行\t制表\r\b\f\x01' and unicode raw.
    const auto texts = parseJsonTexts(
        R"(["引号\"与\\反斜杠\n换行\t制表\r\b\f\u0001", "客户😀 ½ é", "a\/b", "\u4e2d\u6587",)"
        R"( "\ud83d\ude00", "\u00e9\u00E9", "C:\\path\\", "\"\"", "'single'"])");
    ASSERT_TRUE(texts);
    ASSERT_EQ(texts->size(), 9u);
    EXPECT_EQ(*(*texts)[0], "引号\"与\\反斜杠\n换行\t制表\r\b\f\x01");
    EXPECT_EQ(*(*texts)[1], "客户😀 ½ é");
    EXPECT_EQ(*(*texts)[2], "a/b");
    EXPECT_EQ(*(*texts)[3], "中文");
    EXPECT_EQ(*(*texts)[4], "😀");
    EXPECT_EQ(*(*texts)[5], "éé");
    EXPECT_EQ(*(*texts)[6], "C:\\path\\");
    EXPECT_EQ(*(*texts)[7], "\"\"");
    EXPECT_EQ(*(*texts)[8], "'single'");
}

TEST(TeamSyncRows, WhatThePushEscapesTheReadDecodes) {
    for (const std::string text :
         {"", " ", "plain", "引号\"与\\反斜杠", "line\nbreak\r\n", "\t\x01\x1f", "😀𠀀",
          "2026-11-05", "050", "null", "[\"x\"]", "\\u0041", "end\\"}) {
        const auto texts = parseJsonTexts("[" + jsonString(text) + "]");
        ASSERT_TRUE(texts) << text;
        ASSERT_EQ(texts->size(), 1u);
        EXPECT_EQ(*(*texts)[0], text);
    }
}

TEST(TeamSyncRows, MalformedJsonIsRefused) {
    for (const char* bad : {"", "[", "]", "[\"a\"", "[\"a\",]", "[,\"a\"]", "[\"a\" \"b\"]",
                            "[\"a\"] x", "[\"unterminated]", "[\"bad \\x escape\"]", "[\"\\u12\"]",
                            "[\"\\ud83d\"]", "[\"\\ude00\"]", "[\"\\ud83d\\u0041\"]",
                            "[\"raw\ncontrol\"]", "[1]", "[nul]", "[true]", "{\"a\":\"b\"}"})
        EXPECT_FALSE(parseJsonTexts(bad)) << bad;
}

TEST(TeamSyncRows, ServerRowsHaveIdVersionAndTheirColumns) {
    const auto row = parseServerRow(R"(["12","3","2026-11-05","",null,"a\"b"])", 4);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->id, 12);
    EXPECT_EQ(row->version, 3);
    // A null reads as "", as the driver's getString gave it.
    EXPECT_EQ(row->values, (Values{"2026-11-05", "", "", "a\"b"}));
    EXPECT_FALSE(parseServerRow(R"(["12","3","a"])", 2));          // a column short
    EXPECT_FALSE(parseServerRow(R"(["12","3","a","b","c"])", 2));  // one too many
    EXPECT_FALSE(parseServerRow(R"([null,"3","a"])", 1));
    EXPECT_FALSE(parseServerRow(R"(["x1","3","a"])", 1));
    EXPECT_FALSE(parseServerRow(R"(["-1","3","a"])", 1));
    EXPECT_FALSE(parseServerRow("not json", 1));
}

TEST(TeamSyncRows, RowAsJsonCastsEveryColumnToText) {
    ColumnSchema number, name;
    number.id = "customerNo";
    name.id = "customerName";
    const std::vector<SyncColumn> columns{{&number, 0}, {&name, 2}};
    EXPECT_EQ(rowAsJson(columns, "h."),
              "CAST(array_to_json(ARRAY[CAST(h.row_id AS text), CAST(h.version AS text), "
              "CAST(h.customer_no AS text), CAST(h.customer_name AS text)]) AS text)");
}

// ---- Issue 25: identities that hold --------------------------------------------------------

TEST(TeamSyncIdentity, RowsChangedHereAreAskedForSoTheirKeyCanBeChecked) {
    const std::vector<LocalRow> local{synced(1, 7, 2, {"a"}, true), synced(2, 8, 5, {"b"}, false),
                                      synced(3, 7, 2, {"copy"}, false)};
    EXPECT_EQ(idsToAsk(local), (std::vector<long long>{8}));
}

TEST(TeamSyncIdentity, NewRowsAreTheFilledRowsWithoutAnIdOrWithACopiedOne) {
    std::vector<LocalRow> local{row(1, 7, 2, {"a"}), row(2, std::nullopt, std::nullopt, {"new"}),
                                row(3, 7, 2, {"copy"}), row(4, std::nullopt, std::nullopt, {""})};
    local[3].filled = false;
    EXPECT_EQ(newRows(local), (std::vector<std::size_t>{1, 2}));
    const Plan p = plan(local, {server(7, 2, {"a"})}, {});
    ASSERT_EQ(p.pushes.size(), 2u);  // the plan inserts exactly those
    EXPECT_EQ(p.pushes[0].local, 1u);
    EXPECT_EQ(p.pushes[1].local, 2u);
}

// A push whose answer was lost left the row without its number; the server numbered it. The
// number comes back and nothing is pushed (a blank would take the issued number away).
TEST(TeamSyncIdentity, ABlankNumberNeverReplacesTheServersIssuedNumber) {
    const PlanColumns special{0, 0};
    const std::vector<LocalRow> local{row(1, 7, 1, {"", "甲公司"})};
    Plan p = plan(local, {server(7, 1, {"202612-001", "甲公司"})}, {}, false, {}, special);
    EXPECT_TRUE(p.pushes.empty());
    ASSERT_EQ(p.pulls.size(), 1u);
    EXPECT_EQ(p.pulls[0].values, (Values{"202612-001", "甲公司"}));
    // Changed on the server since, and here too: the number still comes back, the local
    // change is pushed.
    const std::vector<LocalRow> edited{row(1, 7, 1, {"", "甲公司（新）"})};
    p = plan(edited, {server(7, 2, {"202612-001", "甲公司"})}, {{7, {"202612-001", "甲公司"}}},
             false, {}, special);
    ASSERT_EQ(p.pushes.size(), 1u);
    EXPECT_EQ(p.pushes[0].values, (Values{"202612-001", "甲公司（新）"}));
    EXPECT_TRUE(p.conflicts.empty());
    // Without the number column nothing special happens: the blank is a local change.
    p = plan(local, {server(7, 1, {"202612-001", "甲公司"})}, {});
    ASSERT_EQ(p.pushes.size(), 1u);
    EXPECT_EQ(p.pushes[0].values[0], "");
}

// The visible columns sorted, the hidden Sync columns left behind: rows 1 and 3 swapped their
// customers under their ids. Both are Moved, neither is pushed; the untouched row is not.
TEST(TeamSyncIdentity, RowsSortedWithoutTheirSyncColumnsAreMovedAndNotPushed) {
    const PlanColumns special{-1, 0};
    const std::vector<LocalRow> local{synced(1, 1, 1, {"C-3", "C公司", "note"}, false),
                                      synced(2, 2, 1, {"B-2", "B公司", ""}, true),
                                      synced(3, 3, 1, {"A-1", "A公司", ""}, false)};
    const std::vector<ServerRow> theirs{server(1, 1, {"A-1", "A公司", ""}),
                                        server(2, 1, {"B-2", "B公司", ""}),
                                        server(3, 1, {"C-3", "C公司", ""})};
    Plan p = plan(local, theirs, {}, false, {}, special);
    EXPECT_TRUE(p.pushes.empty());
    ASSERT_EQ(p.moved.size(), 2u);
    EXPECT_EQ(p.moved[0].local, 0u);
    EXPECT_EQ(p.moved[0].oldKey, "A-1");
    EXPECT_EQ(p.moved[1].local, 2u);
    EXPECT_EQ(p.moved[1].oldKey, "C-3");
    // A key changed with no other row holding the old one is an ordinary change.
    const std::vector<LocalRow> renamed{synced(1, 1, 1, {"A-9", "A公司", ""}, false)};
    p = plan(renamed, {theirs[0]}, {}, false, {}, special);
    EXPECT_TRUE(p.moved.empty());
    ASSERT_EQ(p.pushes.size(), 1u);
    // Without a key column there is nothing to tell.
    p = plan(local, theirs, {}, false, {}, {});
    EXPECT_TRUE(p.moved.empty());
    EXPECT_EQ(p.pushes.size(), 2u);
}
