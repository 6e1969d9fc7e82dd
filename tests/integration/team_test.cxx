// Sync with team against a real PostgreSQL started by this test (tests/integration/postgres.*)
// and the real office: salespeople's workbooks are documents in the office, each with its own
// login in its Settings sheet, syncing through LibreOffice's own PostgreSQL driver.
#include <gtest/gtest.h>

#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/table/TableSortField.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/util/XSortable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <org/dealsheet/calc/XToolkit2.hpp>
#include <org/dealsheet/calc/XToolkit3.hpp>

#include "core/team/team_messages.hpp"
#include "core/validate/validator.hpp"
#include "core/workbook/dates.hpp"
#include "core/workbook/schema.hpp"
#include "office.hxx"
#include "pg_relay.hxx"
#include "preservation.hxx"
#include "tools/postgres_server.hxx"
#include "uno_helpers.hxx"

using namespace dealsheet::test;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using org::dealsheet::calc::SyncSummary;

namespace {

// libpq in the office reads the logins' passwords from this file: the office inherits the
// variable, so it is set before main() starts the office. No password is in any document.
const std::string kPassFile = [] {
    const std::string path = "/tmp/dealsheet-pgpass-" + std::to_string(::getpid());
    ::setenv("PGPASSFILE", path.c_str(), 1);
    return path;
}();

Postgres* gServer = nullptr;

double on(int y, int m, int d) {
    return static_cast<double>(*dealsheet::SerialDates().toSerial({y, m, d}));
}

Reference<org::dealsheet::calc::XToolkit2> toolkit2() {
    return Reference<org::dealsheet::calc::XToolkit2>(toolkit(), UNO_QUERY_THROW);
}

// A database of its own per test, so that numbers and counts do not depend on test order.
// The logins (cluster-wide) and the 负责人 names they stand for (each database's own table).
std::string newTeamDatabase(const std::string& name) {
    gServer->sql("CREATE DATABASE " + name, "postgres");
    gServer->sql(readFile(DEALSHEET_TEAM_SQL), name);
    gServer->sql(
        "INSERT INTO dealsheet.salespeople (login, owner_name) VALUES ('zhang', '张伟'), "
        "('li', '李娜'), ('wang', '王强'), ('zhao', '赵敏'), ('chen', '陈静'), "
        "('liu', '刘洋')",
        name);
    return name;
}

void setSettings(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                 const std::string& database, const std::string& user) {
    const auto settings = byNameOrThrow(doc, "设置");
    const auto area = usedArea(settings);
    for (int r = 0; r <= area.EndRow; ++r) {
        const std::string name = textOf(settings, "A" + std::to_string(r + 1));
        if (name == "团队数据库") setText(settings, "B" + std::to_string(r + 1), database);
        if (name == "团队数据库用户") setText(settings, "B" + std::to_string(r + 1), user);
    }
}

// A workbook as a user builds one: the sheets they need, with DealSheet's headers.
Reference<css::sheet::XSpreadsheetDocument> ownWorkbook(const std::string& database,
                                                        const std::string& user) {
    const auto doc = newSpreadsheet(true);
    const auto& schema = dealsheet::productSchema();
    const auto sheets = doc->getSheets();
    const auto header = [&](const char* sheetId, const std::string& name, int index) {
        sheets->insertNewByName(toOUString(name), static_cast<sal_Int16>(index));
        const auto sheet = byNameOrThrow(doc, name);
        int column = 0;
        for (const auto& c : schema.sheetOrThrow(sheetId).columns) {
            setText(sheet, std::string(1, static_cast<char>('A' + column)) + "1", c.header.zh);
            ++column;
        }
    };
    header("customers", "客户信息登记表", 0);
    header("actions", "跟进行动表", 1);
    sheets->insertNewByName(toOUString("设置"), 2);
    const auto settings = byNameOrThrow(doc, "设置");
    setText(settings, "A1", "名称");
    setText(settings, "B1", "值");
    setText(settings, "A2", "团队数据库");
    setText(settings, "A3", "团队数据库用户");
    setSettings(doc, gServer->connection(database), user);
    return doc;
}

int columnOf(const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& header) {
    const auto range = Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                           ->getCellRangeByPosition(0, 0, 60, 0);
    const auto row = Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->getDataArray();
    for (sal_Int32 c = 0; c < row[0].getLength(); ++c) {
        rtl::OUString text;
        if ((row[0][c] >>= text) && toUtf8(text) == header) return c;
    }
    return -1;
}

std::string address(int column, int row) {
    std::string name;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
    return name + std::to_string(row + 1);
}

// A mobile of its own for each customer name: one phone under two names is one company to the
// server (SPEC §12), and the team's customers are different companies.
std::string mobileOf(const std::string& name) {
    std::uint64_t hash = 1469598103934665603ull;
    for (const unsigned char c : name) hash = (hash ^ c) * 1099511628211ull;
    const std::string digits = std::to_string(hash % 100000000 + 100000000);
    return "139" + digits.substr(1);
}

// Fills a customer row: the required cells, the number left blank for the server.
void customerRow(const Reference<css::sheet::XSpreadsheet>& sheet, int row, const std::string& name,
                 double registered, const std::string& owner) {
    setNumber(sheet, address(columnOf(sheet, "登记日期"), row), registered);
    setText(sheet, address(columnOf(sheet, "客户名称"), row), name);
    setText(sheet, address(columnOf(sheet, "行业类型"), row), "制造业");
    setText(sheet, address(columnOf(sheet, "联系人"), row), "王经理");
    setText(sheet, address(columnOf(sheet, "联系方式"), row), mobileOf(name));
    setText(sheet, address(columnOf(sheet, "核心需求"), row), "库存管理");
    setText(sheet, address(columnOf(sheet, "负责人"), row), owner);
}

std::string cellText(const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& header,
                     int row) {
    return textOf(sheet, address(columnOf(sheet, header), row));
}

// Types into a cell through the view, as a user does (Enter included).
void type(const Reference<css::sheet::XSpreadsheetDocument>& doc,
          const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& where,
          const std::string& text) {
    const auto controller =
        Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController();
    Reference<css::view::XSelectionSupplier>(controller, UNO_QUERY_THROW)
        ->select(Any(cell(sheet, where)));
    css::uno::Sequence<css::beans::PropertyValue> args(1);
    args.getArray()[0].Name = "StringName";
    args.getArray()[0].Value <<= toOUString(text);
    css::frame::DispatchHelper::create(Office::get().context())
        ->executeDispatch(
            Reference<css::frame::XDispatchProvider>(controller->getFrame(), UNO_QUERY_THROW),
            ".uno:EnterString", "", 0, args);
}

bool columnVisible(const Reference<css::sheet::XSpreadsheet>& sheet, int column) {
    bool visible = true;
    Reference<css::beans::XPropertySet>(
        Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)
            ->getColumns()
            ->getByIndex(column),
        UNO_QUERY_THROW)
        ->getPropertyValue("IsVisible") >>= visible;
    return visible;
}

// The sync's failure message (a RuntimeException from the macro API), or "" when it succeeded.
std::string syncFailure(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    try {
        toolkit2()->syncTeam(component(doc));
    } catch (const css::uno::RuntimeException& e) {
        return toUtf8(e.Message);
    }
    return {};
}

// True when `message` holds `text` in either language (up to a {0} placeholder).
bool says(const std::string& message, dealsheet::Text text) {
    for (std::string_view words : {text.zh, text.en}) {
        words = words.substr(0, words.find("{0}"));
        if (message.find(words) != std::string::npos) return true;
    }
    return false;
}

void expectUnchanged(const Snapshot& before, const Reference<css::sheet::XSpreadsheetDocument>& doc,
                     const std::string& what) {
    const auto changes = differences(before, snapshot(doc));
    EXPECT_TRUE(changes.empty()) << what << ": " << changes.size() << " change(s), first: "
                                 << (changes.empty() ? "" : changes[0].describe());
}

class TeamSync : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        unoGuard([] {
            static Postgres server(DEALSHEET_TEAM_SQL);
            gServer = &server;
            // Li and Wang sync the whole team register (the sync's mechanics); Chen and Liu
            // are members who see their own customers only (the roles' tests at the end).
            server.addLogin("zhang", "lead", "zhang-pw");
            server.addLogin("li", "lead", "li-pw");
            server.addLogin("wang", "lead", "wang-pw");
            server.addLogin("zhao", "viewer", "zhao-pw");
            server.addLogin("chen", "member", "chen-pw");
            server.addLogin("liu", "member", "liu-pw");
            ASSERT_EQ(server.passFile(), kPassFile);
        });
    }
};

}  // namespace

// Two salespeople (two workbooks, two logins) each add customers, sync, and see each other's.
TEST_F(TeamSync, TwoSalespeopleSeeEachOthersRows) {
    unoGuard([&] {
        const std::string db = newTeamDatabase("two_people");
        // Li works in DealSheet's own template, Wang in a workbook of his own making.
        const auto li = newSpreadsheet(true);
        toolkit()->insertTemplates(component(li), "zh");
        setSettings(li, gServer->connection(db), "li");
        const auto liCustomers = byNameOrThrow(li, "客户信息登记表");
        customerRow(liCustomers, 1, "华东机械有限公司", on(2026, 10, 8), "李娜");
        customerRow(liCustomers, 2, "南方电子股份", on(2026, 10, 9), "李娜");
        const auto liActions = byNameOrThrow(li, "跟进行动表");
        setText(liActions, "D2", "发送报价单");
        setText(liActions, "E2", "李娜");

        SyncSummary first = toolkit2()->syncTeam(component(li));
        EXPECT_EQ(first.Pushed, 3);
        EXPECT_EQ(first.Numbered, 2);
        EXPECT_EQ(first.Pulled, 0);
        EXPECT_EQ(first.Conflicts, 0);
        EXPECT_EQ(cellText(liCustomers, "客户编号", 1), "202610-001");
        EXPECT_EQ(cellText(liCustomers, "客户编号", 2), "202610-002");
        const int idColumn = columnOf(liCustomers, "同步标识");
        ASSERT_GE(idColumn, 0);
        EXPECT_EQ(columnOf(liCustomers, "同步版本"), idColumn + 1);
        EXPECT_FALSE(columnVisible(liCustomers, idColumn));
        EXPECT_EQ(gServer->sql("SELECT customer_no, customer_name, registered_on, phone_email, "
                               "updated_by FROM dealsheet.customers ORDER BY row_id",
                               db),
                  "202610-001|华东机械有限公司|2026-10-08|" + mobileOf("华东机械有限公司") +
                      "|li\n202610-002|南方电子股份|2026-10-09|" + mobileOf("南方电子股份") +
                      "|li");

        const auto wang = ownWorkbook(db, "wang");
        const auto wangCustomers = byNameOrThrow(wang, "客户信息登记表");
        customerRow(wangCustomers, 1, "北方物流集团", on(2026, 10, 20), "王强");
        const SyncSummary second = toolkit2()->syncTeam(component(wang));
        EXPECT_EQ(second.Pulled, 3);  // Li's two customers and her action
        EXPECT_EQ(second.Pushed, 1);
        EXPECT_EQ(second.Numbered, 1);
        EXPECT_EQ(cellText(wangCustomers, "客户编号", 1), "202610-003");
        EXPECT_EQ(cellText(wangCustomers, "客户名称", 2), "华东机械有限公司");
        EXPECT_EQ(cellText(wangCustomers, "客户编号", 3), "202610-002");
        EXPECT_EQ(valueOf(wangCustomers, address(columnOf(wangCustomers, "登记日期"), 3)),
                  on(2026, 10, 9));
        EXPECT_EQ(textOf(byNameOrThrow(wang, "跟进行动表"), "D2"), "发送报价单");

        const SyncSummary third = toolkit2()->syncTeam(component(li));
        EXPECT_EQ(third.Pulled, 1);
        EXPECT_EQ(third.Pushed, 0);
        EXPECT_EQ(cellText(liCustomers, "客户名称", 3), "北方物流集团");
        EXPECT_EQ(cellText(liCustomers, "客户编号", 3), "202610-003");

        // Nothing changed anywhere: the next syncs move nothing.
        const SyncSummary quiet = toolkit2()->syncTeam(component(wang));
        EXPECT_EQ(quiet.Pulled + quiet.Pushed + quiet.Numbered + quiet.Conflicts, 0);
        close(li);
        close(wang);
    });
}

// Values travel exactly both ways: quotes, backslashes, line breaks, a tab, characters beyond
// the Basic Multilingual Plane, text that looks like JSON or an escape, a number-like text, a
// date; NULL and '' both arrive as blank cells. The next sync finds nothing changed, and an
// edit reaches the server byte for byte.
TEST_F(TeamSync, ValuesTravelExactlyBothWays) {
    unoGuard([&] {
        const std::string db = newTeamDatabase("exact_values");
        const std::string nameSql =
            "$$引号\"与\\反斜杠$$ || chr(10) || $$第二行 😀 C:\\路径\\ 'O'Brien'$$";
        const std::string name = "引号\"与\\反斜杠\n第二行 😀 C:\\路径\\ 'O'Brien'";
        gServer->sql(
            "INSERT INTO dealsheet.customers (customer_no, registered_on, customer_name, "
            "industry, contact, phone_email, core_needs, budget, owner, notes) VALUES "
            "('202611-001', '2026-11-05', " +
                nameSql +
                ", $$制$$ || chr(9) || $$表\\u4e2d$$, $$[\"x\",null]$$, '13800138000', NULL, "
                "'050', "
                "'李娜', '')",
            db);
        const auto li = ownWorkbook(db, "li");
        const auto customers = byNameOrThrow(li, "客户信息登记表");
        EXPECT_EQ(toolkit2()->syncTeam(component(li)).Pulled, 1);
        const auto& schema = dealsheet::productSchema().sheetOrThrow("customers");
        const auto at = [&](const char* id) {
            return address(columnOf(customers, schema.column(id)->header.zh), 1);
        };
        EXPECT_EQ(textOf(customers, at("customerName")), name);
        EXPECT_EQ(valueOf(customers, at("registeredOn")), on(2026, 11, 5));
        EXPECT_EQ(textOf(customers, at("industry")), "制\t表\\u4e2d");
        EXPECT_EQ(textOf(customers, at("contact")), "[\"x\",null]");
        EXPECT_EQ(textOf(customers, at("phoneEmail")), "13800138000");
        EXPECT_EQ(textOf(customers, at("budget")), "050");
        EXPECT_EQ(textOf(customers, at("coreNeeds")), "");
        EXPECT_EQ(textOf(customers, at("notes")), "");

        const SyncSummary quiet = toolkit2()->syncTeam(component(li));
        EXPECT_EQ(quiet.Pulled + quiet.Pushed + quiet.Conflicts, 0);

        setText(customers, at("notes"), "备注\"引号\"\\n不是换行\n真换行 𠀀");
        EXPECT_EQ(toolkit2()->syncTeam(component(li)).Pushed, 1);
        EXPECT_EQ(gServer->sql("SELECT notes = $$备注\"引号\"\\n不是换行$$ || chr(10) || "
                               "$$真换行 𠀀$$, customer_name = " +
                                   nameSql +
                                   ", industry = $$制$$ || chr(9) || $$表\\u4e2d$$, contact = "
                                   "$$[\"x\",null]$$, budget, registered_on "
                                   "FROM dealsheet.customers",
                               db),
                  "t|t|t|t|050|2026-11-05");
        close(li);
    });
}

// A register of the user's own making: a title row above the header, the user's own header
// names in their own order, a note below the data. Sync finds the header through the
// recognition, syncs the columns it maps, and inserts pulled rows below the data, above the
// note.
TEST_F(TeamSync, OwnLayoutWithTitleRowAndOwnHeaderNamesSyncs) {
    unoGuard([&] {
        const std::string db = newTeamDatabase("own_layout");
        const auto li = newSpreadsheet(true);
        const auto sheets = li->getSheets();
        sheets->insertNewByName(toOUString("客户信息登记表（2026）"), 0);
        sheets->insertNewByName(toOUString("设置"), 1);
        const auto settings = byNameOrThrow(li, "设置");
        setText(settings, "A1", "团队数据库");
        setText(settings, "B1", gServer->connection(db));
        setText(settings, "A2", "团队数据库用户");
        setText(settings, "B2", "li");
        const auto register_ = byNameOrThrow(li, "客户信息登记表（2026）");
        typeRows(li, register_,
                 {{"2026年华东区客户登记"},
                  {"公司名称", "建档日期", "所属行业", "客户联系人", "手机", "客户需求", "商机阶段",
                   "业务员", "客户编码"},
                  {"华东机械有限公司", "2026-10-08", "制造业", "王经理", "13800138000", "库存管理",
                   "初步接触", "李娜", ""},
                  {},
                  {"注：本表每周一更新"}});
        const SyncSummary first = toolkit2()->syncTeam(component(li));
        EXPECT_EQ(first.Pushed, 1);
        EXPECT_EQ(first.Numbered, 1);
        EXPECT_EQ(gServer->sql("SELECT customer_name, registered_on, industry, contact, "
                               "phone_email, core_needs, stage, owner, customer_no FROM "
                               "dealsheet.customers",
                               db),
                  "华东机械有限公司|2026-10-08|制造业|王经理|13800138000|库存管理|初步接触|李娜|"
                  "202610-001");
        EXPECT_EQ(textOf(register_, "I3"), "202610-001");
        EXPECT_EQ(textOf(register_, "A1"), "2026年华东区客户登记");
        EXPECT_EQ(textOf(register_, "J2"), "同步标识");  // in the header row, hidden
        EXPECT_EQ(textOf(register_, "K2"), "同步版本");
        EXPECT_EQ(textOf(register_, "L2"), "同步校验");
        EXPECT_EQ(textOf(register_, "J1"), "");

        const auto wang = ownWorkbook(db, "wang");
        customerRow(byNameOrThrow(wang, "客户信息登记表"), 1, "北方物流集团", on(2026, 10, 20),
                    "王强");
        const SyncSummary wangs = toolkit2()->syncTeam(component(wang));
        EXPECT_EQ(wangs.Pushed, 1);
        EXPECT_EQ(wangs.Pulled, 1);
        EXPECT_EQ(toolkit2()->syncTeam(component(li)).Pulled, 1);
        // The pulled row right below the data, the blank row and the note moved down.
        EXPECT_EQ(textOf(register_, "A4"), "北方物流集团");
        EXPECT_EQ(textOf(register_, "C4"), "制造业");
        EXPECT_EQ(textOf(register_, "H4"), "王强");
        EXPECT_EQ(textOf(register_, "I4"), "202610-002");
        EXPECT_EQ(textOf(register_, "A5"), "");
        EXPECT_EQ(textOf(register_, "A6"), "注：本表每周一更新");
        const SyncSummary quiet = toolkit2()->syncTeam(component(li));
        std::cerr << "DEBUG server: ["
                  << gServer->sql(
                         "SELECT customer_name || '|' || coalesce(notes, 'NULL') || '|' || "
                         "coalesce(core_needs,'NULL') FROM dealsheet.customers",
                         db)
                  << "]\n";
        EXPECT_EQ(quiet.Pulled + quiet.Pushed + quiet.Numbered + quiet.Conflicts, 0);
        // A row deleted in the workbook: the fingerprint kept with the sync mark no longer
        // matches, so the sync reads everything and the row comes back.
        Reference<css::table::XColumnRowRange>(register_, UNO_QUERY_THROW)
            ->getRows()
            ->removeByIndex(3, 1);
        EXPECT_EQ(textOf(register_, "A4"), "");
        EXPECT_EQ(toolkit2()->syncTeam(component(li)).Pulled, 1);
        EXPECT_EQ(textOf(register_, "A4"), "北方物流集团");
        EXPECT_EQ(textOf(register_, "I4"), "202610-002");
        close(li);
        close(wang);
    });
}

// The same cell changed in two workbooks: the second sync reports both values and overwrites
// neither; cells only one side changed merge; after the user's edit the next sync settles it.
TEST_F(TeamSync, SameCellEditedOnBothSidesIsAConflictAndNothingIsLost) {
    unoGuard([&] {
        const std::string db = newTeamDatabase("conflict");
        const auto li = ownWorkbook(db, "li");
        const auto liCustomers = byNameOrThrow(li, "客户信息登记表");
        customerRow(liCustomers, 1, "华东机械有限公司", on(2026, 9, 1), "李娜");
        toolkit2()->syncTeam(component(li));
        const auto wang = ownWorkbook(db, "wang");
        const auto wangCustomers = byNameOrThrow(wang, "客户信息登记表");
        ASSERT_EQ(toolkit2()->syncTeam(component(wang)).Pulled, 1);

        const std::string needs = address(columnOf(liCustomers, "核心需求"), 1);
        const std::string contact = address(columnOf(liCustomers, "联系人"), 1);
        const std::string title = address(columnOf(liCustomers, "职务"), 1);
        type(li, liCustomers, needs, "ERP 与库存");
        type(li, liCustomers, title, "采购总监");
        type(wang, wangCustomers, needs, "只要 CRM");
        type(wang, wangCustomers, contact, "赵经理");
        EXPECT_EQ(toolkit2()->syncTeam(component(li)).Pushed, 1);

        const SyncSummary clash = toolkit2()->syncTeam(component(wang));
        EXPECT_EQ(clash.Conflicts, 1);
        EXPECT_EQ(clash.Pushed, 0);
        EXPECT_EQ(textOf(wangCustomers, needs), "只要 CRM");  // Wang's value kept
        EXPECT_EQ(textOf(wangCustomers, title), "采购总监");  // Li's other change merged in
        EXPECT_EQ(textOf(wangCustomers, contact), "赵经理");  // Wang's other change kept
        EXPECT_EQ(gServer->sql("SELECT core_needs, contact FROM dealsheet.customers", db),
                  "ERP 与库存|王经理");  // the server keeps Li's value
        std::string reportName;
        for (const auto& name : sheetNamesOf(wang))
            if (dealsheet::hasReportSheetName(name)) reportName = name;
        const auto report = byNameOrThrow(wang, reportName);
        const auto area = usedArea(report);
        bool listed = false;
        for (int r = 0; r <= area.EndRow; ++r)
            for (int c = 0; c <= area.EndColumn; ++c) {
                const std::string text = textOf(report, address(c, r));
                if (text.find("只要 CRM") != std::string::npos &&
                    text.find("ERP 与库存") != std::string::npos)
                    listed = true;
            }
        EXPECT_TRUE(listed) << "the report lists SYNC_CONFLICT with both values";

        type(wang, wangCustomers, needs, "ERP、库存与 CRM");
        const SyncSummary settled = toolkit2()->syncTeam(component(wang));
        EXPECT_EQ(settled.Conflicts, 0);
        EXPECT_EQ(settled.Pushed, 1);
        EXPECT_EQ(gServer->sql("SELECT core_needs, contact, title FROM dealsheet.customers", db),
                  "ERP、库存与 CRM|赵经理|采购总监");
        EXPECT_EQ(toolkit2()->syncTeam(component(li)).Pulled, 1);
        EXPECT_EQ(textOf(liCustomers, needs), "ERP、库存与 CRM");
        // Every version is kept on the server.
        EXPECT_EQ(gServer->sql("SELECT count(*) FROM dealsheet.customers_history", db), "3");
        close(li);
        close(wang);
    });
}

// Ten clients push new customers of one month at the same moment: every number once, every
// row there.
TEST_F(TeamSync, TenClientsPushingOneMonthGetDistinctNumbers) {
    unoGuard([&] {
        const std::string db = newTeamDatabase("ten_clients");
        constexpr int kClients = 10;
        constexpr int kRows = 12;
        std::vector<Reference<css::sheet::XSpreadsheetDocument>> docs;
        for (int i = 0; i < kClients; ++i) {
            docs.push_back(ownWorkbook(db, i % 2 ? "wang" : "li"));
            const auto sheet = byNameOrThrow(docs.back(), "客户信息登记表");
            for (int r = 1; r <= kRows; ++r)
                customerRow(sheet, r, "客户" + std::to_string(i) + "-" + std::to_string(r),
                            on(2026, 11, 1 + r), "销售" + std::to_string(i));
        }
        std::vector<std::thread> clients;
        std::vector<std::string> failures(kClients);
        std::atomic<int> pushed{0};
        for (int i = 0; i < kClients; ++i)
            clients.emplace_back([&, i] {
                try {
                    pushed +=
                        toolkit2()->syncTeam(component(docs[static_cast<std::size_t>(i)])).Pushed;
                } catch (const css::uno::Exception& e) {
                    failures[static_cast<std::size_t>(i)] = toUtf8(e.Message);
                }
            });
        for (auto& client : clients) client.join();
        for (const auto& failure : failures) EXPECT_EQ(failure, "");
        EXPECT_EQ(pushed, kClients * kRows);
        EXPECT_EQ(gServer->sql("SELECT count(*), count(DISTINCT customer_no), min(customer_no), "
                               "max(customer_no) FROM dealsheet.customers",
                               db),
                  "120|120|202611-001|202611-120");
        std::set<std::string> seen;
        for (const auto& doc : docs) {
            const auto sheet = byNameOrThrow(doc, "客户信息登记表");
            for (int r = 1; r <= kRows; ++r) seen.insert(cellText(sheet, "客户编号", r));
        }
        EXPECT_EQ(seen.size(), static_cast<std::size_t>(kClients * kRows));
        EXPECT_EQ(*seen.begin(), "202611-001");
        for (const auto& doc : docs) close(doc);
    });
}

namespace {

// Li's workbook with one synced customer and action, then a new customer and an edited
// action waiting to be pushed; the push is made to wait on a row lock the test holds.
struct PushInFlight {
    Reference<css::sheet::XSpreadsheetDocument> doc;
    Snapshot before;
    std::string failure;
    bool blocked = false;
};

void releaseLock(const std::string& db) {
    gServer->sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE "
        "'%pg_sleep(120)%' AND pid <> pg_backend_pid()",
        db);
}

// `flight` outlives the thread that syncs it: the caller joins `syncer`.
void startBlockedPush(const std::string& db, PushInFlight& flight, std::thread& syncer) {
    flight.doc = ownWorkbook(db, "li");
    const auto customers = byNameOrThrow(flight.doc, "客户信息登记表");
    const auto actions = byNameOrThrow(flight.doc, "跟进行动表");
    customerRow(customers, 1, "华东机械有限公司", on(2026, 8, 3), "李娜");
    setText(actions, "D2", "电话回访");
    EXPECT_EQ(toolkit2()->syncTeam(component(flight.doc)).Pushed, 2);
    customerRow(customers, 2, "西部能源公司", on(2026, 8, 4), "李娜");
    setText(actions, "D2", "上门拜访");
    flight.before = snapshot(flight.doc);
    gServer->sql("SELECT 1", db);
    gServer->sqlInBackground("\\c " + db +
                             "\nBEGIN; SELECT 1 FROM dealsheet.actions FOR UPDATE; "
                             "SELECT pg_sleep(120); COMMIT;");
    // Wait until the lock is held, then start the sync, which blocks on it mid-push (after
    // its new customer is already inserted, in the same transaction).
    for (int i = 0;
         i < 200 && gServer->sql("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a "
                                 "USING (pid) WHERE a.query LIKE '%pg_sleep(120)%' AND "
                                 "l.mode = 'RowShareLock'",
                                 db) == "0";
         ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    syncer = std::thread([&flight] { flight.failure = syncFailure(flight.doc); });
    for (int i = 0; i < 400; ++i) {
        if (gServer->sql("SELECT count(*) FROM pg_stat_activity WHERE usename = 'li' AND "
                         "wait_event_type = 'Lock'",
                         db) == "1") {
            flight.blocked = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (!flight.blocked) {  // never leave the sync waiting on the lock
        releaseLock(db);
        syncer.join();
    }
}

}  // namespace

// The server dies in the middle of a push: the workbook is as it was, the server has nothing
// of the push, and the next sync (once the server is back) completes.
TEST_F(TeamSync, ServerKilledMidPushChangesNothingAndTheNextSyncCompletes) {
    unoGuard([&] {
        const std::string db = newTeamDatabase("server_killed");
        std::thread syncer;
        PushInFlight flight;
        startBlockedPush(db, flight, syncer);
        ASSERT_TRUE(flight.blocked) << "the push never reached the held lock";
        gServer->kill();
        syncer.join();
        EXPECT_TRUE(says(flight.failure, dealsheet::msg::kConnectionLost) ||
                    says(flight.failure, dealsheet::msg::kServerUnreachable))
            << flight.failure;
        EXPECT_TRUE(says(flight.failure, dealsheet::msg::kSyncFailed)) << flight.failure;
        expectUnchanged(flight.before, flight.doc, "after the server was killed");
        gServer->restart();
        EXPECT_EQ(gServer->sql("SELECT count(*), string_agg(task, ',') FROM dealsheet.customers, "
                               "dealsheet.actions",
                               db),
                  "1|电话回访");  // no partial rows
        const SyncSummary next = toolkit2()->syncTeam(component(flight.doc));
        EXPECT_EQ(next.Pushed, 2);
        EXPECT_EQ(next.Numbered, 1);
        EXPECT_EQ(cellText(byNameOrThrow(flight.doc, "客户信息登记表"), "客户编号", 2),
                  "202608-002");
        EXPECT_EQ(gServer->sql("SELECT string_agg(task, ',') FROM dealsheet.actions", db),
                  "上门拜访");
        close(flight.doc);
    });
}

// The connection is cut (the backend terminated) in the middle of a push: same promise.
TEST_F(TeamSync, ConnectionCutMidPushChangesNothingAndTheNextSyncCompletes) {
    unoGuard([&] {
        const std::string db = newTeamDatabase("connection_cut");
        std::thread syncer;
        PushInFlight flight;
        startBlockedPush(db, flight, syncer);
        ASSERT_TRUE(flight.blocked) << "the push never reached the held lock";
        gServer->sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'li'",
                     db);
        syncer.join();
        EXPECT_TRUE(says(flight.failure, dealsheet::msg::kConnectionLost)) << flight.failure;
        expectUnchanged(flight.before, flight.doc, "after the connection was cut");
        releaseLock(db);
        EXPECT_EQ(gServer->sql("SELECT count(*) FROM dealsheet.customers", db), "1");
        EXPECT_EQ(gServer->sql("SELECT count(*) FROM dealsheet.customer_months WHERE last > 1", db),
                  "0");  // the numbering was rolled back with the push
        const SyncSummary next = toolkit2()->syncTeam(component(flight.doc));
        EXPECT_EQ(next.Pushed, 2);
        EXPECT_EQ(next.Numbered, 1);
        close(flight.doc);
    });
}

// Bad settings and servers that cannot serve: a message that says what is wrong, no crash,
// nothing changed in the workbook.
TEST_F(TeamSync, BadInputGivesAClearMessageAndChangesNothing) {
    unoGuard([&] {
        const std::string db = newTeamDatabase("bad_input");
        gServer->sql("CREATE DATABASE no_schema", "postgres");
        const auto doc = ownWorkbook(db, "li");
        customerRow(byNameOrThrow(doc, "客户信息登记表"), 1, "华东机械有限公司", on(2026, 7, 1),
                    "李娜");
        const int closedPort = [] {
            Postgres* s = gServer;
            return s->port() + 1 == 65536 ? s->port() - 1 : s->port() + 1;
        }();
        const struct {
            std::string database, user;
            dealsheet::Text expected;
        } cases[] = {
            {"这不是一个连接串", "li", dealsheet::msg::kBadConnection},
            {"host=127.0.0.1 port=abc dbname=x", "li", dealsheet::msg::kBadConnection},
            {gServer->connection(db) + " password=li-pw", "li",
             dealsheet::msg::kPasswordInDocument},
            {"", "li", dealsheet::msg::kNoTeamDatabase},
            {gServer->connection(db), "", dealsheet::msg::kNoTeamUser},
            {"host=127.0.0.1 port=" + std::to_string(closedPort) + " dbname=" + db, "li",
             dealsheet::msg::kServerUnreachable},
            {gServer->connection("no_schema"), "li", dealsheet::msg::kNoTeamSchema},
            {gServer->connection("no_such_db"), "li", dealsheet::msg::kNoDatabase},
            {gServer->connection(db), "stranger", dealsheet::msg::kLoginRefused},
        };
        for (const auto& c : cases) {
            setSettings(doc, c.database, c.user);
            const Snapshot before = snapshot(doc);
            const std::string failure = syncFailure(doc);
            EXPECT_TRUE(says(failure, c.expected))
                << c.database << " / " << c.user << ": " << failure;
            EXPECT_TRUE(says(failure, dealsheet::msg::kSyncFailed)) << failure;
            expectUnchanged(before, doc, c.database);
        }
        EXPECT_EQ(gServer->sql("SELECT count(*) FROM dealsheet.customers", db), "0");

        // After all that, the right settings sync, through the toolbar's command.
        setSettings(doc, gServer->connection(db), "li");
        const auto frame =
            Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
        const Any result =
            css::frame::DispatchHelper::create(Office::get().context())
                ->executeDispatch(Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW),
                                  "org.dealsheet.calc:SyncTeam", "", 0, {});
        css::frame::DispatchResultEvent event;
        rtl::OUString told;
        ASSERT_TRUE(result >>= event);
        event.Result >>= told;
        EXPECT_EQ(event.State, css::frame::DispatchResultState::SUCCESS);
        EXPECT_TRUE(says(toUtf8(told), {"同步完成", "Sync done"})) << toUtf8(told);
        EXPECT_EQ(gServer->sql("SELECT customer_no FROM dealsheet.customers", db), "202607-001");
        close(doc);
    });
}

// ---- Roles: who may see and change what, enforced by the server --------------------------

namespace {

// Every text of the workbook's report sheet, one line per cell.
std::string reportText(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    std::string reportName;
    for (const auto& name : sheetNamesOf(doc))
        if (dealsheet::hasReportSheetName(name)) reportName = name;
    if (reportName.empty()) return {};
    const auto report = byNameOrThrow(doc, reportName);
    const auto area = usedArea(report);
    const auto range = Reference<css::table::XCellRange>(report, UNO_QUERY_THROW)
                           ->getCellRangeByPosition(0, 0, area.EndColumn, area.EndRow);
    std::string text;
    for (const auto& row :
         Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->getDataArray())
        for (const auto& value : row) {
            rtl::OUString cellText;
            if (value >>= cellText) text += toUtf8(cellText) + "\n";
        }
    return text;
}

// SYNC_NOT_SHOWN's words.
constexpr dealsheet::Text kNotShown{"客户可能已转给别人负责",
                                    "its customer may have been handed to someone else"};

// How often the report says `zh` or `en` (its language is the office's).
std::size_t timesSaid(const std::string& report, const std::string& zh, const std::string& en) {
    std::size_t count = 0;
    for (const std::string& needle : {zh, en})
        for (auto at = report.find(needle); at != std::string::npos;
             at = report.find(needle, at + 1))
            ++count;
    return count;
}

// How many findings of the report give `reason` (in the report's language, either one).
std::size_t findingsSaying(const std::string& report, dealsheet::Text reason) {
    return timesSaid(report, std::string(reason.zh), std::string(reason.en));
}

// Sync with team through the toolbar's command: what it tells the user.
std::string syncMessage(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    const auto frame =
        Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
    const Any result =
        css::frame::DispatchHelper::create(Office::get().context())
            ->executeDispatch(Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW),
                              "org.dealsheet.calc:SyncTeam", "", 0, {});
    css::frame::DispatchResultEvent event;
    rtl::OUString told;
    if (result >>= event) event.Result >>= told;
    return toUtf8(told);
}

// The lead's workbook with three customers (two of Chen's, one of Liu's) and an action for
// each, synced: Chen's are 202610-001 and -002, Liu's 202610-003.
Reference<css::sheet::XSpreadsheetDocument> leadWithTeam(const std::string& db) {
    const auto zhang = ownWorkbook(db, "zhang");
    const auto customers = byNameOrThrow(zhang, "客户信息登记表");
    customerRow(customers, 1, "华东机械有限公司", on(2026, 10, 8), "陈静");
    customerRow(customers, 2, "南方电子股份", on(2026, 10, 9), "陈静");
    customerRow(customers, 3, "北方物流集团", on(2026, 10, 10), "刘洋");
    EXPECT_EQ(toolkit2()->syncTeam(component(zhang)).Numbered, 3);
    const auto actions = byNameOrThrow(zhang, "跟进行动表");
    const char* tasks[] = {"发送报价单", "安排演示", "电话回访"};
    for (int r = 1; r <= 3; ++r) {
        setText(actions, "B" + std::to_string(r + 1), "202610-00" + std::to_string(r));
        setText(actions, "D" + std::to_string(r + 1), tasks[r - 1]);
    }
    EXPECT_EQ(toolkit2()->syncTeam(component(zhang)).Pushed, 3);
    return zhang;
}

}  // namespace

// A member's workbook receives their own customers and the rows that refer to them, never
// another member's, even when they type another row's hidden id by hand; a change the server
// refuses is listed and kept in the cell, and the row's other changes go through.
TEST_F(TeamSync, MemberSeesAndChangesOnlyTheirOwnCustomers) {
    unoGuard([&] {
        const std::string db = newTeamDatabase("member_rows");
        const auto zhang = leadWithTeam(db);
        const auto chen = ownWorkbook(db, "chen");
        const auto customers = byNameOrThrow(chen, "客户信息登记表");
        const SyncSummary first = toolkit2()->syncTeam(component(chen));
        EXPECT_EQ(first.Pulled, 4);  // two customers, two actions
        EXPECT_EQ(cellText(customers, "客户名称", 1), "华东机械有限公司");
        EXPECT_EQ(cellText(customers, "客户名称", 2), "南方电子股份");
        EXPECT_EQ(cellText(customers, "客户名称", 3), "");
        EXPECT_EQ(textOf(byNameOrThrow(chen, "跟进行动表"), "D3"), "安排演示");
        EXPECT_EQ(textOf(byNameOrThrow(chen, "跟进行动表"), "D4"), "");

        // Liu's customer's row id, typed into a new row's hidden columns, with a change.
        const std::string liuId =
            gServer->sql("SELECT row_id FROM dealsheet.customers WHERE owner = '刘洋'", db);
        const int idColumn = columnOf(customers, "同步标识");
        ASSERT_GE(idColumn, 0);
        customerRow(customers, 3, "冒名顶替公司", on(2026, 10, 10), "陈静");
        setNumber(customers, address(idColumn, 3), std::stod(liuId));
        setNumber(customers, address(idColumn + 1, 3), 1);
        // Her own customer handed to Liu (only a lead reassigns), and a note on the other.
        type(chen, customers, address(columnOf(customers, "负责人"), 1), "刘洋");
        type(chen, customers, address(columnOf(customers, "备注"), 2), "下周拜访");
        const SyncSummary second = toolkit2()->syncTeam(component(chen));
        EXPECT_EQ(second.Refused, 1);
        EXPECT_EQ(second.Pushed, 1);
        EXPECT_EQ(second.Pulled, 0);
        EXPECT_EQ(cellText(customers, "负责人", 1), "刘洋");  // kept as typed
        EXPECT_EQ(cellText(customers, "客户名称", 3), "冒名顶替公司");
        EXPECT_EQ(gServer->sql("SELECT customer_name, owner, coalesce(notes, '-') FROM "
                               "dealsheet.customers ORDER BY row_id",
                               db),
                  "华东机械有限公司|陈静|-\n南方电子股份|陈静|下周拜访\n北方物流集团|刘洋|-");
        const std::string report = reportText(chen);
        EXPECT_EQ(findingsSaying(report, dealsheet::msg::kRefusedNotYourCustomer), 1u) << report;
        EXPECT_EQ(findingsSaying(report, kNotShown), 1u) << report;  // the typed id
        EXPECT_EQ(report.find("北方物流集团"), std::string::npos) << report;
        close(chen);
        close(zhang);
    });
}

// A viewer's changes are refused row by row: nothing reaches the server, nothing is lost in
// the workbook, every refused row is listed.
TEST_F(TeamSync, ViewerPushIsRefusedRowByRowAndNothingIsLost) {
    unoGuard([&] {
        const std::string db = newTeamDatabase("viewer_push");
        const auto zhang = leadWithTeam(db);
        const auto zhao = ownWorkbook(db, "zhao");
        const auto customers = byNameOrThrow(zhao, "客户信息登记表");
        EXPECT_EQ(toolkit2()->syncTeam(component(zhao)).Pulled, 6);  // everything
        type(zhao, customers, address(columnOf(customers, "备注"), 1), "管理层意见");
        type(zhao, customers, address(columnOf(customers, "联系人"), 3), "赵经理");
        customerRow(customers, 4, "西部能源公司", on(2026, 10, 12), "陈静");
        const SyncSummary refused = toolkit2()->syncTeam(component(zhao));
        EXPECT_EQ(refused.Refused, 3);
        EXPECT_EQ(refused.Pushed, 0);
        EXPECT_EQ(refused.Numbered, 0);
        EXPECT_EQ(cellText(customers, "备注", 1), "管理层意见");
        EXPECT_EQ(cellText(customers, "联系人", 3), "赵经理");
        EXPECT_EQ(cellText(customers, "客户名称", 4), "西部能源公司");
        EXPECT_EQ(cellText(customers, "客户编号", 4), "");
        EXPECT_EQ(gServer->sql("SELECT count(*), count(notes), max(version) FROM "
                               "dealsheet.customers",
                               db),
                  "3|0|1");
        const std::string report = reportText(zhao);
        EXPECT_EQ(findingsSaying(report, dealsheet::msg::kRefusedReadOnly), 3u) << report;
        close(zhao);
        close(zhang);
    });
}

// An approved contract's amount changes only by a lead: the member's change is refused and
// kept in the cell; after the lead's change, the member's next sync brings the lead's value.
TEST_F(TeamSync, ApprovedContractChangesOnlyByALead) {
    unoGuard([&] {
        const std::string db = newTeamDatabase("approved");
        const auto zhang = leadWithTeam(db);
        Reference<css::sheet::XSpreadsheets>(zhang->getSheets(), UNO_QUERY_THROW)
            ->insertNewByName(toOUString("合同审批表"), 2);
        const auto approvals = byNameOrThrow(zhang, "合同审批表");
        int column = 0;
        for (const auto& c : dealsheet::productSchema().sheetOrThrow("approvals").columns)
            setText(approvals, address(column++, 0), c.header.zh);
        const auto put = [&](const std::string& header, const std::string& text) {
            setText(approvals, address(columnOf(approvals, header), 1), text);
        };
        put("合同编号", "HT-2026-001");
        put("客户编号", "202610-001");
        put("合同名称", "ERP 升级");
        setNumber(approvals, address(columnOf(approvals, "合同金额(元)"), 1), 100000);
        put("付款条件", "预付30%");
        put("销售部意见", "同意");
        put("法务部意见", "同意");
        put("财务部意见", "修改后同意");
        EXPECT_EQ(toolkit2()->syncTeam(component(zhang)).Pushed, 1);

        const auto chen = newSpreadsheet(true);
        toolkit()->insertTemplates(component(chen), "zh");
        setSettings(chen, gServer->connection(db), "chen");
        EXPECT_EQ(toolkit2()->syncTeam(component(chen)).Pulled, 5);
        const auto mine = byNameOrThrow(chen, "合同审批表");
        const std::string amount = address(columnOf(mine, "合同金额(元)"), 1);
        const std::string liability = address(columnOf(mine, "违约责任"), 1);
        EXPECT_EQ(cellText(mine, "审批结论", 1), "修改后通过");
        type(chen, mine, amount, "90000");
        type(chen, mine, liability, "按日万分之五");
        const SyncSummary refused = toolkit2()->syncTeam(component(chen));
        EXPECT_EQ(refused.Refused, 1);
        EXPECT_EQ(valueOf(mine, amount), 90000);  // kept as typed
        EXPECT_EQ(
            gServer->sql("SELECT amount, coalesce(liability, '-') FROM dealsheet.approvals", db),
            "100000|-");  // the whole row was refused: the amount is in it
        const std::string report = reportText(chen);
        EXPECT_EQ(findingsSaying(report, dealsheet::msg::kRefusedApprovedContract), 1u) << report;
        EXPECT_NE(report.find("合同金额(元)\n90000\n"), std::string::npos) << report;

        // The lead changes the amount; the member's next sync brings it, without a conflict.
        type(zhang, approvals, address(columnOf(approvals, "合同金额(元)"), 1), "95000");
        EXPECT_EQ(toolkit2()->syncTeam(component(zhang)).Pushed, 1);
        EXPECT_EQ(gServer->sql("SELECT amount, updated_by FROM dealsheet.approvals", db),
                  "95000|zhang");
        const SyncSummary after = toolkit2()->syncTeam(component(chen));
        EXPECT_EQ(after.Conflicts, 0);
        EXPECT_EQ(after.Refused, 0);
        EXPECT_EQ(after.Pushed, 1);  // her liability, not refused on its own
        EXPECT_EQ(valueOf(mine, amount), 95000);
        EXPECT_EQ(cellText(mine, "违约责任", 1), "按日万分之五");
        EXPECT_EQ(gServer->sql("SELECT amount, liability FROM dealsheet.approvals", db),
                  "95000|按日万分之五");
        close(chen);
        close(zhang);
    });
}

// The lead hands a customer from Chen to Liu: it leaves Chen's next pull (her rows stay in
// her workbook, counted in the summary) and arrives in Liu's.
TEST_F(TeamSync, ReassignedCustomerMovesBetweenMembersNextPulls) {
    unoGuard([&] {
        const std::string db = newTeamDatabase("reassigned");
        const auto zhang = leadWithTeam(db);
        const auto chen = ownWorkbook(db, "chen");
        const auto liu = ownWorkbook(db, "liu");
        EXPECT_EQ(toolkit2()->syncTeam(component(chen)).Pulled, 4);
        EXPECT_EQ(toolkit2()->syncTeam(component(liu)).Pulled, 2);
        const auto leadCustomers = byNameOrThrow(zhang, "客户信息登记表");
        type(zhang, leadCustomers, address(columnOf(leadCustomers, "负责人"), 2), "刘洋");
        EXPECT_EQ(toolkit2()->syncTeam(component(zhang)).Pushed, 1);

        const auto chenCustomers = byNameOrThrow(chen, "客户信息登记表");
        const std::string told = syncMessage(chen);
        EXPECT_TRUE(says(told, dealsheet::msg::kSyncUnknownRows)) << told;
        EXPECT_NE(told.find("2 "), std::string::npos) << told;  // the customer and its action
        const std::string report = reportText(chen);
        EXPECT_EQ(findingsSaying(report, kNotShown), 2u) << report;
        EXPECT_EQ(cellText(chenCustomers, "客户名称", 2), "南方电子股份");  // kept
        EXPECT_EQ(cellText(chenCustomers, "负责人", 2), "陈静");

        const auto liuCustomers = byNameOrThrow(liu, "客户信息登记表");
        EXPECT_EQ(toolkit2()->syncTeam(component(liu)).Pulled, 2);  // the customer, its action
        EXPECT_EQ(cellText(liuCustomers, "客户名称", 2), "南方电子股份");
        EXPECT_EQ(cellText(liuCustomers, "负责人", 2), "刘洋");
        EXPECT_EQ(textOf(byNameOrThrow(liu, "跟进行动表"), "D3"), "安排演示");
        close(chen);
        close(liu);
        close(zhang);
    });
}

// A synced workbook saved as .xlsx (for Excel / WPS users) and opened again keeps what Sync
// needs: the hidden identity columns stay hidden, the sync mark travels in the document's
// properties, so the next sync moves nothing, and a later edit is pushed, not a conflict.
TEST_F(TeamSync, SavedAsXlsxAndReopenedSyncsOnWhereItLeftOff) {
    unoGuard([&] {
        const std::string db = newTeamDatabase("xlsx_round_trip");
        const auto li = newSpreadsheet(true);
        toolkit()->insertTemplates(component(li), "zh");
        setSettings(li, gServer->connection(db), "li");
        const auto before = byNameOrThrow(li, "客户信息登记表");
        customerRow(before, 1, "华东机械有限公司", on(2026, 10, 8), "李娜");
        customerRow(before, 2, "南方电子股份", on(2026, 10, 9), "李娜");
        EXPECT_EQ(toolkit2()->syncTeam(component(li)).Pushed, 2);
        const std::string xlsx = Office::get().workDir() + "/synced-register.xlsx";
        storeAs(li, xlsx, "Calc MS Excel 2007 XML");
        close(li);

        const auto reopened = loadSpreadsheet(xlsx, true);
        const auto customers = byNameOrThrow(reopened, "客户信息登记表");
        for (const char* hidden : {"同步标识", "同步版本"}) {
            const int column = columnOf(customers, hidden);
            ASSERT_GE(column, 0) << hidden;
            EXPECT_FALSE(columnVisible(customers, column)) << hidden;
        }
        const SyncSummary quiet = toolkit2()->syncTeam(component(reopened));
        EXPECT_EQ(quiet.Pulled + quiet.Pushed + quiet.Numbered + quiet.Conflicts, 0);

        type(reopened, customers, address(columnOf(customers, "客户名称"), 2), "南方电子集团");
        const SyncSummary edited = toolkit2()->syncTeam(component(reopened));
        EXPECT_EQ(edited.Pushed, 1);
        EXPECT_EQ(edited.Conflicts, 0);
        EXPECT_EQ(gServer->sql("SELECT customer_name FROM dealsheet.customers ORDER BY row_id", db),
                  "华东机械有限公司\n南方电子集团");
        close(reopened);
    });
}

// ---- Issue 25: the team register's integrity -------------------------------------------

namespace {

// `count` customers of `owner` in one bulk write (the way a team's existing register arrives),
// registered over `months` months from January 2026, numbers left to the server.
void fillCustomers(const Reference<css::sheet::XSpreadsheet>& sheet, int count,
                   const std::string& owner, int months) {
    const int dateColumn = columnOf(sheet, "登记日期"), nameColumn = columnOf(sheet, "客户名称");
    const int ownerColumn = columnOf(sheet, "负责人"), contactColumn = columnOf(sheet, "联系人");
    const int phoneColumn = columnOf(sheet, "联系方式"), needsColumn = columnOf(sheet, "核心需求");
    const int industryColumn = columnOf(sheet, "行业类型");
    const int width = 1 + std::max({dateColumn, nameColumn, ownerColumn, contactColumn, phoneColumn,
                                    needsColumn, industryColumn});
    css::uno::Sequence<css::uno::Sequence<Any>> rows(count);
    for (int r = 0; r < count; ++r) {
        css::uno::Sequence<Any> row(width);
        for (int c = 0; c < width; ++c) row.getArray()[c] <<= rtl::OUString();
        row.getArray()[dateColumn] <<= on(2026, 1 + r % months, 1 + r % 28);
        row.getArray()[nameColumn] <<= toOUString("客户" + std::to_string(r + 1) + "有限公司");
        row.getArray()[ownerColumn] <<= toOUString(owner);
        row.getArray()[contactColumn] <<= toOUString("王经理");
        row.getArray()[phoneColumn] <<= toOUString(std::to_string(13900000000LL + r));
        row.getArray()[needsColumn] <<= toOUString("库存管理");
        row.getArray()[industryColumn] <<= toOUString("制造业");
        rows.getArray()[r] = row;
    }
    Reference<css::sheet::XCellRangeData>(Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                                              ->getCellRangeByPosition(0, 1, width - 1, count),
                                          UNO_QUERY_THROW)
        ->setDataArray(rows);
}

// The texts of one column of rows 1..count.
std::vector<std::string> columnTexts(const Reference<css::sheet::XSpreadsheet>& sheet, int column,
                                     int count) {
    const auto data = Reference<css::sheet::XCellRangeData>(
                          Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                              ->getCellRangeByPosition(column, 1, column, count),
                          UNO_QUERY_THROW)
                          ->getDataArray();
    std::vector<std::string> texts;
    for (const auto& row : data) {
        rtl::OUString text;
        double number = 0;
        if (row[0] >>= text)
            texts.push_back(toUtf8(text));
        else if (row[0] >>= number)
            texts.push_back(std::to_string(static_cast<long long>(number)));
    }
    return texts;
}

// The Team database setting that reaches the server through `relay`, as `login` (whose
// password libpq finds in the pass file for the relay's port too).
std::string through(const PgRelay& relay, const std::string& db, const std::string& login,
                    const std::string& password) {
    std::ofstream(gServer->passFile(), std::ios::app)
        << "127.0.0.1:" << relay.port() << ":*:" << login << ':' << password << '\n';
    return "host=127.0.0.1 port=" + std::to_string(relay.port()) + " dbname=" + db;
}

}  // namespace

// The answer to the push's COMMIT is lost (the relay forwards COMMIT, swallows the answer and
// cuts the line): the server kept every row. The user is told the outcome is unknown, never
// "rolled back"; the next sync finds the push committed and pushes nothing twice: 10,000 rows
// on the server and in the workbook, each numbered once.
TEST_F(TeamSync, ALostCommitAnswerNeverPushesARowTwice) {
    unoGuard([&] {
        constexpr int kRows = 10000;
        const std::string db = newTeamDatabase("lost_commit");
        const auto doc = ownWorkbook(db, "li");
        const auto customers = byNameOrThrow(doc, "客户信息登记表");
        fillCustomers(customers, kRows, "李娜", 12);
        PgRelay relay(gServer->port(), "COMMIT");
        setSettings(doc, through(relay, db, "li", "li-pw"), "li");
        const Snapshot before = snapshot(doc);
        const std::string failure = syncFailure(doc);
        EXPECT_TRUE(relay.dropped());
        EXPECT_TRUE(says(failure, dealsheet::msg::kSyncOutcomeUnknown)) << failure;
        EXPECT_FALSE(says(failure, dealsheet::msg::kConnectionLost)) << failure;
        EXPECT_FALSE(says(failure, dealsheet::msg::kSyncFailed)) << failure;
        EXPECT_EQ(gServer->sql("SELECT count(*) FROM dealsheet.customers", db),
                  std::to_string(kRows));  // the server did commit
        // Nothing of the user's changed; only the hidden Sync IDs of the new rows were kept.
        const int idColumn = columnOf(customers, "同步标识");
        ASSERT_GE(idColumn, 0);
        for (const auto& change : differences(before, snapshot(doc)))
            EXPECT_TRUE(change.sheet == "客户信息登记表" &&
                        (change.column < 0 || change.column >= idColumn))
                << change.describe();
        EXPECT_EQ(columnTexts(customers, columnOf(customers, "客户编号"), 3),
                  (std::vector<std::string>{"", "", ""}));

        setSettings(doc, gServer->connection(db), "li");
        const SyncSummary next = toolkit2()->syncTeam(component(doc));
        EXPECT_EQ(next.Pushed, 0);
        EXPECT_EQ(next.Pulled, kRows);  // each row's number, issued by the lost push
        EXPECT_EQ(gServer->sql("SELECT count(*), count(DISTINCT customer_no) FROM "
                               "dealsheet.customers",
                               db),
                  std::to_string(kRows) + "|" + std::to_string(kRows));
        const auto numbers = columnTexts(customers, columnOf(customers, "客户编号"), kRows + 1);
        EXPECT_EQ(numbers.back(), "");  // no row pulled in twice below the data
        const std::set<std::string> distinct(numbers.begin(), numbers.end() - 1);
        EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kRows));
        EXPECT_EQ(distinct.count(""), 0u);
        const SyncSummary quiet = toolkit2()->syncTeam(component(doc));
        EXPECT_EQ(quiet.Pushed + quiet.Pulled + quiet.Conflicts + quiet.Refused, 0);
        close(doc);
    });
}

// The answer to RELEASE SAVEPOINT is lost: no COMMIT was sent, so the server rolled the push
// back — and says so. The workbook is exactly as it was; the next sync pushes every row once.
TEST_F(TeamSync, ALostAnswerBeforeTheCommitRollsBackAndTheNextSyncPushesOnce) {
    unoGuard([&] {
        constexpr int kRows = 300;
        const std::string db = newTeamDatabase("lost_release");
        const auto doc = ownWorkbook(db, "li");
        fillCustomers(byNameOrThrow(doc, "客户信息登记表"), kRows, "李娜", 3);
        PgRelay relay(gServer->port(), "RELEASE SAVEPOINT");
        setSettings(doc, through(relay, db, "li", "li-pw"), "li");
        const Snapshot before = snapshot(doc);
        const std::string failure = syncFailure(doc);
        EXPECT_TRUE(relay.dropped());
        EXPECT_TRUE(says(failure, dealsheet::msg::kConnectionLost)) << failure;
        EXPECT_FALSE(says(failure, dealsheet::msg::kSyncOutcomeUnknown)) << failure;
        expectUnchanged(before, doc, "after the lost answer");
        EXPECT_EQ(gServer->sql("SELECT count(*) FROM dealsheet.customers", db), "0");
        setSettings(doc, gServer->connection(db), "li");
        EXPECT_EQ(toolkit2()->syncTeam(component(doc)).Pushed, kRows);
        EXPECT_EQ(gServer->sql("SELECT count(*), count(DISTINCT customer_no) FROM "
                               "dealsheet.customers",
                               db),
                  std::to_string(kRows) + "|" + std::to_string(kRows));
        close(doc);
    });
}

// In a team workbook Assign makes no number (the server issues them); a number typed by hand
// that the team already uses is refused at the sync, never a second customer under it.
TEST_F(TeamSync, NumbersInATeamWorkbookComeOnlyFromTheServer) {
    unoGuard([&] {
        const std::string db = newTeamDatabase("team_numbers");
        const auto li = ownWorkbook(db, "li");
        customerRow(byNameOrThrow(li, "客户信息登记表"), 1, "甲公司", on(2026, 12, 1), "陈静");
        EXPECT_EQ(toolkit2()->syncTeam(component(li)).Numbered, 1);
        const auto chen = ownWorkbook(db, "chen");
        const auto customers = byNameOrThrow(chen, "客户信息登记表");
        customerRow(customers, 2, "乙公司", on(2026, 12, 2), "陈静");
        const auto frame = Reference<css::frame::XModel>(chen, UNO_QUERY_THROW)
                               ->getCurrentController()
                               ->getFrame();
        const Any told =
            css::frame::DispatchHelper::create(Office::get().context())
                ->executeDispatch(Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW),
                                  "org.dealsheet.calc:AssignCustomerNumbers", "", 0, {});
        css::frame::DispatchResultEvent event;
        rtl::OUString message;
        if (told >>= event) event.Result >>= message;
        EXPECT_TRUE(says(toUtf8(message), dealsheet::msg::kAssignInTeamWorkbook))
            << toUtf8(message);
        EXPECT_EQ(toolkit()->assignCustomerNumbers(component(chen)), 0);
        EXPECT_EQ(cellText(customers, "客户编号", 2), "");

        // Li's number typed by hand for another company: refused, kept in the cell, listed.
        type(chen, customers, address(columnOf(customers, "客户编号"), 2), "202612-001");
        const SyncSummary typed = toolkit2()->syncTeam(component(chen));
        EXPECT_EQ(typed.Refused, 1);
        EXPECT_EQ(cellText(customers, "客户编号", 2), "202612-001");
        EXPECT_EQ(findingsSaying(reportText(chen), dealsheet::msg::kRefusedDuplicateCustomerNo),
                  1u);
        EXPECT_EQ(
            gServer->sql("SELECT string_agg(customer_name, ',') FROM dealsheet.customers", db),
            "甲公司");
        // Cleared, the sync numbers it.
        type(chen, customers, address(columnOf(customers, "客户编号"), 2), "");
        EXPECT_EQ(toolkit2()->syncTeam(component(chen)).Numbered, 1);
        EXPECT_EQ(cellText(customers, "客户编号", 2), "202612-002");
        close(chen);
        close(li);
    });
}

// The visible columns sorted, the hidden Sync columns left where they were: the rows that
// took another's Sync ID are listed and not pushed, so no server row tells another customer's
// story; the row that kept its own goes through.
TEST_F(TeamSync, ASortThatLeavesTheSyncColumnsBehindRelabelsNothing) {
    unoGuard([&] {
        const std::string db = newTeamDatabase("sorted_rows");
        const auto zhang = ownWorkbook(db, "zhang");
        const auto customers = byNameOrThrow(zhang, "客户信息登记表");
        customerRow(customers, 1, "A公司", on(2026, 11, 2), "陈静");
        customerRow(customers, 2, "B公司", on(2026, 11, 3), "陈静");
        customerRow(customers, 3, "C公司", on(2026, 11, 4), "陈静");
        EXPECT_EQ(toolkit2()->syncTeam(component(zhang)).Numbered, 3);
        const int idColumn = columnOf(customers, "同步标识");
        ASSERT_GT(idColumn, 0);
        const auto range = Reference<css::table::XCellRange>(customers, UNO_QUERY_THROW)
                               ->getCellRangeByPosition(0, 0, idColumn - 1, 3);
        const Reference<css::util::XSortable> sortable(range, UNO_QUERY_THROW);
        auto descriptor = sortable->createSortDescriptor();
        css::uno::Sequence<css::table::TableSortField> fields(1);
        fields.getArray()[0].Field = columnOf(customers, "客户名称");
        fields.getArray()[0].IsAscending = false;
        for (auto& property : descriptor) {
            if (property.Name == "SortFields") property.Value <<= fields;
            if (property.Name == "ContainsHeader") property.Value <<= true;
        }
        sortable->sort(descriptor);
        ASSERT_EQ(cellText(customers, "客户名称", 1), "C公司");
        type(zhang, customers, address(columnOf(customers, "备注"), 2), "B的备注");
        type(zhang, customers, address(columnOf(customers, "备注"), 1), "C的备注");
        const SyncSummary sorted = toolkit2()->syncTeam(component(zhang));
        EXPECT_EQ(sorted.Pushed, 1);  // B公司's note
        const std::string report = reportText(zhang);
        EXPECT_EQ(findingsSaying(report, {"排序时隐藏的同步列没有跟着移动",
                                          "the hidden Sync columns did not move with a sort"}),
                  2u)
            << report;
        EXPECT_EQ(gServer->sql("SELECT string_agg(customer_name || ':' || customer_no || ':' || "
                               "coalesce(notes, '-'), ',' ORDER BY row_id) FROM "
                               "dealsheet.customers",
                               db),
                  "A公司:202611-001:-,B公司:202611-002:B的备注,C公司:202611-003:-");
        close(zhang);
    });
}

// ---- One customer, one owner across the team (SPEC §12) ---------------------------------

namespace {

// A server of its own: the release test moves its clock.
dealsheet::driver::Postgres* gOwnershipServer = nullptr;

// Ten members who have never heard of each other, and the names they stand for.
constexpr int kMembers = 10;
std::string memberLogin(int i) { return "m" + std::to_string(i); }
std::string memberName(int i) { return "成员" + std::to_string(i); }

class TeamOwnership : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        unoGuard([] {
            static Postgres server(DEALSHEET_TEAM_SQL);
            gOwnershipServer = &server;
            server.addLogin("zhang", "lead", "zhang-pw");
            server.addLogin("chen", "member", "chen-pw");
            server.addLogin("liu", "member", "liu-pw");
            for (int i = 0; i < kMembers; ++i)
                server.addLogin(memberLogin(i), "member", memberLogin(i) + "-pw");
        });
    }
    // The helpers above work on gServer: this suite's server while its tests run.
    void SetUp() override {
        saved_ = gServer;
        gServer = gOwnershipServer;
    }
    void TearDown() override { gServer = saved_; }

    std::string database(const std::string& name) {
        const std::string db = newTeamDatabase(name);
        std::string people;
        for (int i = 0; i < kMembers; ++i)
            people += std::string(people.empty() ? "" : ", ") + "('" + memberLogin(i) + "', '" +
                      memberName(i) + "')";
        gServer->sql("INSERT INTO dealsheet.salespeople (login, owner_name) VALUES " + people, db);
        return db;
    }

  private:
    Postgres* saved_ = nullptr;
};

// The row of the customers sheet holding `name` (0-based sheet row), -1 for none.
int rowNamed(const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& name) {
    for (int r = 1; r < 200; ++r)
        if (cellText(sheet, "客户名称", r) == name) return r;
    return -1;
}

}  // namespace

// Ten members register one company at the same moment, each writing it their own way (and
// each with another phone: the name key alone tells it is one company). The server gives it
// exactly one owner; the nine others are told who and until when, and keep their rows.
TEST_F(TeamOwnership, TenMembersRegisteringOneCompanyTenWaysGetOneOwner) {
    unoGuard([&] {
        const std::string db = database("ten_ways");
        const std::vector<std::string> names = {
            "北京华盛科技有限公司",    "华盛科技（北京）有限责任公司", "华盛科技",
            "北京华盛技术有限公司",    "华盛科技(北京)有限公司",       "北京市华盛科技有限公司",
            "华盛科技有限公司",        "北京 华盛科技 有限公司",       "【北京】华盛科技有限公司",
            "华盛技术（北京）有限公司"};
        std::vector<Reference<css::sheet::XSpreadsheetDocument>> docs;
        for (int i = 0; i < kMembers; ++i) {
            docs.push_back(ownWorkbook(db, memberLogin(i)));
            customerRow(byNameOrThrow(docs.back(), "客户信息登记表"), 1,
                        names[static_cast<std::size_t>(i)], on(2026, 11, 3), memberName(i));
        }
        std::vector<SyncSummary> outcomes(kMembers);
        std::vector<std::string> failures(kMembers);
        std::vector<std::thread> members;
        for (int i = 0; i < kMembers; ++i)
            members.emplace_back([&, i] {
                const auto at = static_cast<std::size_t>(i);
                try {
                    outcomes[at] = toolkit2()->syncTeam(component(docs[at]));
                } catch (const css::uno::Exception& e) {
                    failures[at] = toUtf8(e.Message);
                }
            });
        for (auto& member : members) member.join();
        int owner = -1, refused = 0;
        for (int i = 0; i < kMembers; ++i) {
            const auto at = static_cast<std::size_t>(i);
            EXPECT_EQ(failures[at], "") << memberLogin(i);
            if (outcomes[at].Pushed == 1) owner = i;
            refused += outcomes[at].Refused;
        }
        ASSERT_GE(owner, 0) << "nobody owns the company";
        EXPECT_EQ(refused, kMembers - 1);
        EXPECT_EQ(gServer->sql("SELECT count(*), max(owner) FROM dealsheet.customers", db),
                  "1|" + memberName(owner));
        const std::string day = gServer->sql(
            "SELECT to_char(now(), 'YYYY-MM-DD'), "
            "to_char(now() + interval '30 days', 'YYYY-MM-DD')",
            db);
        const std::string claimedZh = "已由 " + memberName(owner) + " 于 " + day.substr(0, 10) +
                                      " 报备，保护期至 " + day.substr(11);
        const std::string claimedEn = "was registered by " + memberName(owner) + " on " +
                                      day.substr(0, 10) + ", protected until " + day.substr(11);
        for (int i = 0; i < kMembers; ++i) {
            const auto sheet = byNameOrThrow(docs[static_cast<std::size_t>(i)], "客户信息登记表");
            // Nothing lost: every member keeps the row as typed.
            EXPECT_EQ(cellText(sheet, "客户名称", 1), names[static_cast<std::size_t>(i)]);
            if (i == owner) continue;
            EXPECT_EQ(cellText(sheet, "客户编号", 1), "");
            const std::string report = reportText(docs[static_cast<std::size_t>(i)]);
            const std::string& name = names[static_cast<std::size_t>(i)];
            EXPECT_EQ(timesSaid(report, "客户“" + name + "”" + claimedZh,
                                "Customer \"" + name + "\" " + claimedEn),
                      1u)
                << report;
        }
        // A second sync changes nothing: the row is refused again, not pushed twice.
        const auto again = toolkit2()->syncTeam(component(docs[owner == 0 ? 1 : 0]));
        EXPECT_EQ(again.Pushed, 0);
        EXPECT_EQ(again.Refused, 1);
        EXPECT_EQ(gServer->sql("SELECT count(*) FROM dealsheet.customers", db), "1");
        for (const auto& doc : docs) close(doc);
    });
}

// A member whose customer is another's learns the owner's name and the dates, and nothing
// else of that customer: read on the wire, every byte the server sent the member's driver. A
// company that only may be the same (the same 字号, another trade) is pushed, with a warning.
TEST_F(TeamOwnership, AClaimTellsTheMemberOnlyTheOwnerAndTheDates) {
    unoGuard([&] {
        const std::string db = database("wire");
        const auto chen = ownWorkbook(db, "chen");
        const auto chenCustomers = byNameOrThrow(chen, "客户信息登记表");
        customerRow(chenCustomers, 1, "杭州云帆信息技术有限公司", on(2026, 11, 3), "陈静");
        setText(chenCustomers, address(columnOf(chenCustomers, "联系人"), 1), "周秘书");
        setText(chenCustomers, address(columnOf(chenCustomers, "核心需求"), 1), "机密需求甲乙丙");
        EXPECT_EQ(toolkit2()->syncTeam(component(chen)).Pushed, 1);
        const std::string chenNumber = cellText(chenCustomers, "客户编号", 1);
        ASSERT_NE(chenNumber, "");
        // Her Customer card shows the server's claim and protection end.
        const std::string days = gServer->sql(
            "SELECT to_char(now(), 'YYYY-MM-DD') || '|' || "
            "to_char(now() + interval '30 days', 'YYYY-MM-DD')",
            db);
        std::string card;
        for (const auto& line :
             Reference<org::dealsheet::calc::XToolkit3>(toolkit(), UNO_QUERY_THROW)
                 ->customerCard(component(chen), toOUString(chenNumber)))
            card += toUtf8(line) + "\n";
        EXPECT_EQ(
            timesSaid(card,
                      "团队服务器：" + days.substr(0, 10) + " 报备，保护期至 " + days.substr(11),
                      "Team server: " + days.substr(0, 10) + " registered, protected until " +
                          days.substr(11)),
            1u)
            << card;

        const auto liu = ownWorkbook(db, "liu");
        const auto liuCustomers = byNameOrThrow(liu, "客户信息登记表");
        customerRow(liuCustomers, 1, "云帆信息技术（杭州）有限公司", on(2026, 11, 20), "刘洋");
        customerRow(liuCustomers, 2, "云帆贸易有限公司", on(2026, 11, 20), "刘洋");
        PgRelay relay(gServer->port(), "NO STATEMENT IS LOST HERE");
        setSettings(liu, through(relay, db, "liu", "liu-pw"), "liu");
        const SyncSummary outcome = toolkit2()->syncTeam(component(liu));
        EXPECT_EQ(outcome.Refused, 1);
        EXPECT_EQ(outcome.Pushed, 1);
        const std::string report = reportText(liu);
        EXPECT_EQ(timesSaid(report, "客户“云帆信息技术（杭州）有限公司”已由 陈静 于 ",
                            "Customer \"云帆信息技术（杭州）有限公司\" was registered by 陈静 on "),
                  1u)
            << report;
        EXPECT_EQ(
            timesSaid(report,
                      "客户“云帆贸易有限公司”可能与团队里的另一位客户相同：那位客户已由 陈静 于 ",
                      "Customer \"云帆贸易有限公司\" may be another customer of the team, "
                      "which was registered by 陈静 on "),
            1u)
            << report;
        const std::string wire = relay.received();
        EXPECT_NE(wire.find("陈静"), std::string::npos);  // the owner's name came
        for (const std::string& secret :
             {std::string("杭州云帆信息技术有限公司"), std::string("周秘书"),
              std::string("机密需求甲乙丙"), mobileOf("杭州云帆信息技术有限公司"), chenNumber})
            EXPECT_EQ(wire.find(secret), std::string::npos) << secret << " reached the member";
        EXPECT_EQ(gServer->sql("SELECT count(*) FROM dealsheet.customers", db), "2");
        close(liu);
        close(chen);
    });
}

// The protection period ends by the server's clock, never the client's: the server's time moves
// on (libfaketime), a customer nobody followed up goes to the pool, one with a recent action
// stays. Its former owner is told and may not claim it back within the cooldown; another
// member claims it by writing her name into 负责人.
TEST_F(TeamOwnership, AnUnfollowedCustomerReturnsToThePoolByTheServersClock) {
    unoGuard([&] {
        const std::string db = database("pool");
        const auto chen = ownWorkbook(db, "chen");
        const auto chenCustomers = byNameOrThrow(chen, "客户信息登记表");
        customerRow(chenCustomers, 1, "宁波海天贸易有限公司", on(2026, 11, 2), "陈静");
        EXPECT_EQ(toolkit2()->syncTeam(component(chen)).Pushed, 1);
        const auto liu = ownWorkbook(db, "liu");
        const auto liuCustomers = byNameOrThrow(liu, "客户信息登记表");
        customerRow(liuCustomers, 1, "温州星辰电器有限公司", on(2026, 11, 2), "刘洋");
        EXPECT_EQ(toolkit2()->syncTeam(component(liu)).Pushed, 1);
        const std::string liuNumber = cellText(liuCustomers, "客户编号", 1);

        // Twenty days on, Liu follows her customer up; thirty-five days on, the release.
        gServer->kill();
        gServer->restartWithClock("+20d");
        const auto actions = byNameOrThrow(liu, "跟进行动表");
        setText(actions, "B2", liuNumber);
        setText(actions, "D2", "电话回访");
        EXPECT_EQ(toolkit2()->syncTeam(component(liu)).Pushed, 1);
        gServer->kill();
        gServer->restartWithClock("+35d");
        toolkit2()->syncTeam(component(liu));  // any sync runs the release when it is due
        EXPECT_EQ(gServer->sql("SELECT customer_name, coalesce(owner, '-') FROM "
                               "dealsheet.customers ORDER BY row_id",
                               db),
                  "宁波海天贸易有限公司|-\n温州星辰电器有限公司|刘洋");

        // Chen is told, and her row shows the pool.
        const SyncSummary told = toolkit2()->syncTeam(component(chen));
        EXPECT_EQ(told.Pulled, 1);
        EXPECT_EQ(cellText(chenCustomers, "负责人", 1), "");
        const std::string chenReport = reportText(chen);
        EXPECT_EQ(
            timesSaid(chenReport, "客户“宁波海天贸易有限公司”在保护期内没有跟进也没有签约",
                      "Customer \"宁波海天贸易有限公司\" had no follow-up and no signed contract"),
            1u)
            << chenReport;
        // Not hers again within the cooldown, whatever she types.
        type(chen, chenCustomers, address(columnOf(chenCustomers, "负责人"), 1), "陈静");
        const SyncSummary cooled = toolkit2()->syncTeam(component(chen));
        EXPECT_EQ(cooled.Refused, 1);
        EXPECT_EQ(findingsSaying(reportText(chen), dealsheet::msg::kRefusedClaimCooldown), 1u);

        // Liu sees the pool customer and claims it.
        toolkit2()->syncTeam(component(liu));
        const int pooled = rowNamed(liuCustomers, "宁波海天贸易有限公司");
        ASSERT_GT(pooled, 0);
        EXPECT_EQ(cellText(liuCustomers, "负责人", pooled), "");
        type(liu, liuCustomers, address(columnOf(liuCustomers, "负责人"), pooled), "刘洋");
        EXPECT_EQ(toolkit2()->syncTeam(component(liu)).Pushed, 1);
        EXPECT_EQ(gServer->sql("SELECT owner FROM dealsheet.customers WHERE customer_name = "
                               "'宁波海天贸易有限公司'",
                               db),
                  "刘洋");
        gServer->kill();
        gServer->restartWithClock("");
        close(liu);
        close(chen);
    });
}

// What the server lets through as two companies may still be one: the lead's Validate of the
// whole team register shows it (LIKELY_DUPLICATE: trade names one character apart), and Merge
// customers resolves it; the merged customer's keys then match nothing on the server.
TEST_F(TeamOwnership, TheLeadsValidateShowsTheTeamsDuplicatesAndMergeResolvesThem) {
    unoGuard([&] {
        const std::string db = database("lead_merges");
        const auto chen = ownWorkbook(db, "chen");
        customerRow(byNameOrThrow(chen, "客户信息登记表"), 1, "华盛达通科技有限公司",
                    on(2026, 11, 3), "陈静");
        EXPECT_EQ(toolkit2()->syncTeam(component(chen)).Pushed, 1);
        const auto liu = ownWorkbook(db, "liu");
        customerRow(byNameOrThrow(liu, "客户信息登记表"), 1, "华盛达同科技有限公司",
                    on(2026, 11, 4), "刘洋");
        const SyncSummary liuPush = toolkit2()->syncTeam(component(liu));
        EXPECT_EQ(liuPush.Pushed, 1);
        EXPECT_EQ(liuPush.Refused, 0);

        const auto zhang = ownWorkbook(db, "zhang");
        EXPECT_EQ(toolkit2()->syncTeam(component(zhang)).Pulled, 2);
        const auto kit = Reference<org::dealsheet::calc::XToolkit3>(toolkit(), UNO_QUERY_THROW);
        const auto duplicates = [&] {
            kit->checkWorkbook(component(zhang));
            std::set<std::string> cells;
            for (const auto& f : kit->getFindings(component(zhang), ""))
                if (toUtf8(f.Code) == "LIKELY_DUPLICATE") cells.insert(toUtf8(f.Cell));
            return cells;
        };
        const auto customers = byNameOrThrow(zhang, "客户信息登记表");
        const int nameColumn = columnOf(customers, "客户名称");
        // The later row names the earlier one.
        EXPECT_EQ(duplicates(), std::set<std::string>{address(nameColumn, 2)});
        const std::string kept = cellText(customers, "客户编号", 1);
        const std::string merged = cellText(customers, "客户编号", 2);
        kit->mergeCustomers(component(zhang), toOUString(kept), toOUString(merged));
        EXPECT_EQ(duplicates(), std::set<std::string>{});
        EXPECT_EQ(toolkit2()->syncTeam(component(zhang)).Pushed, 1);
        EXPECT_EQ(gServer->sql("SELECT k.merged FROM dealsheet.customer_keys k JOIN "
                               "dealsheet.customers c USING (row_id) WHERE c.customer_no = '" +
                                   merged + "'",
                               db),
                  "t");
        for (const auto& doc : {zhang, liu, chen}) close(doc);
    });
}

// The ownership rules are the lead's: a lead's Settings rows reach the server with their next
// sync, a member's do not (the server refuses them, and the sync goes on).
TEST_F(TeamOwnership, TheLeadsSettingsSetTheTeamsRules) {
    unoGuard([&] {
        const std::string db = database("rules");
        const auto rules = [&] {
            return gServer->sql(
                "SELECT protection_days || '|' || daily_claim_limit || '|' || "
                "reclaim_cooldown_days FROM dealsheet.ownership_rules",
                db);
        };
        EXPECT_EQ(rules(), "30|10|7");  // the schema's defaults
        const auto chen = ownWorkbook(db, "chen");
        const auto chenSettings = byNameOrThrow(chen, "设置");
        setText(chenSettings, "A4", "每日领取上限");
        setNumber(chenSettings, "B4", 99);
        customerRow(byNameOrThrow(chen, "客户信息登记表"), 1, "温州海天机电有限公司",
                    on(2026, 11, 3), "陈静");
        EXPECT_EQ(toolkit2()->syncTeam(component(chen)).Pushed, 1);
        EXPECT_EQ(rules(), "30|10|7");

        const auto zhang = ownWorkbook(db, "zhang");
        const auto settings = byNameOrThrow(zhang, "设置");
        setText(settings, "A4", "每日领取上限");
        setNumber(settings, "B4", 2);
        setText(settings, "A5", "Protection days");
        setNumber(settings, "B5", 45);
        toolkit2()->syncTeam(component(zhang));
        EXPECT_EQ(rules(), "45|2|7");  // the row the sheet lacks keeps the server's value
        close(zhang);
        close(chen);
    });
}
