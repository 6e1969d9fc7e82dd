// The team benchmark (docs/BENCHMARKS.md), against a real PostgreSQL started for it:
//  1. a lead's first full pull of L customers + L actions into an empty workbook;
//  2. Calc's own setDataArray of the same rows into an empty sheet, for the cost per row;
//  3. a team of P salespeople × (C customers + A actions) on the server: one member (a real
//     salesperson added through dealsheet.add_salesperson, seeing what the server's row-level
//     security shows them) pulls their own rows, then syncs with 1% of their rows changed
//     (half in the workbook, half on the server by someone else);
//  4. a lead's first push of N customers without numbers (2,000 a month, so numbers pass 999)
//     into an empty register of their own: the server numbers every one inside the push and
//     the workbook receives the numbers; checked to be N distinct numbers on both sides;
//  5. one owner across the team (SPEC §12): a member registers 100 new customers into the
//     register of step 3 (and 100 more, three of them others'), then the pool release over it.
// Wall times are the client's (the office is another process); medians of `repeats` runs (the
// push: one run).
//   team_bench dealsheet.oxt dealsheet-team.sql [L=100000 P=50 C=2000 A=10000 repeats=3
//                                                N=10000]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <org/dealsheet/calc/XToolkit2.hpp>

#include "core/workbook/dates.hpp"
#include "core/workbook/schema.hpp"
#include "office_documents.hxx"
#include "office_driver.hxx"
#include "postgres_server.hxx"

using namespace dealsheet::driver;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point since) {
    return std::chrono::duration<double>(Clock::now() - since).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

std::string sheetName(const char* id) {
    return dealsheet::productSchema().sheetOrThrow(id).name.zh;
}

// An empty workbook with DealSheet's Customers and Actions headers and `user`'s Settings.
Reference<css::sheet::XSpreadsheetDocument> emptyWorkbook(const std::string& database,
                                                          const std::string& user) {
    const auto doc = newSpreadsheet();
    const auto sheets = doc->getSheets();
    int index = 0;
    for (const char* id : {"customers", "actions"}) {
        const auto& schema = dealsheet::productSchema().sheetOrThrow(id);
        sheets->insertNewByName(toOUString(schema.name.zh), static_cast<sal_Int16>(index++));
        const auto sheet = byNameOrThrow(doc, schema.name.zh);
        for (std::size_t c = 0; c < schema.columns.size(); ++c)
            setText(sheet, std::string(1, static_cast<char>('A' + c)) + "1",
                    schema.columns[c].header.zh);
    }
    sheets->insertNewByName(toOUString("设置"), static_cast<sal_Int16>(index));
    const auto settings = byNameOrThrow(doc, "设置");
    setText(settings, "A1", "团队数据库");
    setText(settings, "B1", database);
    setText(settings, "A2", "团队数据库用户");
    setText(settings, "B2", user);
    return doc;
}

Reference<org::dealsheet::calc::XToolkit2> toolkit2() {
    return Reference<org::dealsheet::calc::XToolkit2>(toolkit(), UNO_QUERY_THROW);
}

Reference<css::table::XCellRange> range(const Reference<css::sheet::XSpreadsheet>& sheet,
                                        int firstColumn, int firstRow, int lastColumn,
                                        int lastRow) {
    return Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
        ->getCellRangeByPosition(firstColumn, firstRow, lastColumn, lastRow);
}

// `count` rows of one text column, from row 1, in one bulk write (a user's edits).
void editColumn(const Reference<css::sheet::XSpreadsheet>& sheet, int column, long count,
                const std::string& text) {
    Sequence<Sequence<Any>> values(static_cast<sal_Int32>(count));
    for (sal_Int32 r = 0; r < values.getLength(); ++r) {
        values.getArray()[r].realloc(1);
        values.getArray()[r].getArray()[0] <<= toOUString(text + " " + std::to_string(r));
    }
    Reference<css::sheet::XCellRangeData>(range(sheet, column, 1, column, static_cast<int>(count)),
                                          UNO_QUERY_THROW)
        ->setDataArray(values);
}

// The customer number of customer k (900 a month from January 2016), as SQL.
std::string customerNoSql(const std::string& k) {
    return "to_char(date '2016-01-01' + make_interval(months => (" + k +
           ") / 900), 'YYYYMM') || '-' || lpad(((" + k + ") % 900 + 1)::text, 3, '0')";
}

// INSERT … SELECT of customers and actions numbered from `from` to `to` - 1, owned round-robin
// by the P salespeople 销售0 … 销售{P-1} (负责人 names; logins sales0 … sales{P-1}). Action i
// belongs to a customer k of its own owner (k ≡ i mod P, among the first `customers`), so the
// server's row-level security shows a member the actions of their own customers.
std::string fillSql(const char* table, long from, long to, long people, long customers) {
    const std::string range = std::to_string(from) + ", " + std::to_string(to - 1);
    const std::string owner = "'销售' || (i % " + std::to_string(people) + ")";
    if (std::string(table) == "customers")
        return "INSERT INTO dealsheet.customers (customer_no, registered_on, customer_name, "
               "industry, contact, phone_email, core_needs, budget, owner) SELECT " +
               customerNoSql("i") +
               ", to_char(date '2016-01-01' + make_interval(months => i / 900), 'YYYY-MM-DD'), "
               "'客户' || i || '有限公司', '制造业', '联系人' || (i % 977), '138' || "
               "lpad(i::text, 8, '0'), '库存与订单管理 ' || (i % 13), (i % 200)::text, " +
               owner + " FROM generate_series(" + range + ") i;";
    const long cycle = people * std::max(1L, customers / people);
    return "INSERT INTO dealsheet.actions (action_no, customer_no, task, owner, created_on, "
           "due_date, status) SELECT 'XD' || lpad(i::text, 7, '0'), " +
           customerNoSql("i % " + std::to_string(cycle)) + ", '电话回访并发送报价 ' || i, " +
           owner + ", '2026-01-05', '2026-02-05', '进行中' FROM generate_series(" + range + ") i;";
}

std::string serverCounts(Postgres& server) {
    return server.sql(
        "SELECT (SELECT count(*) FROM dealsheet.customers) || ' customers, ' || (SELECT count(*) "
        "FROM dealsheet.actions) || ' actions, ' || (SELECT count(*) FROM "
        "dealsheet.customers_history) + (SELECT count(*) FROM dealsheet.actions_history) || ' "
        "row versions'");
}

// Calc's own bulk write of what the sync wrote: the synced sheets' used areas copied with one
// getDataArray and written with one setDataArray each into a new workbook, row heights paused
// as the sync pauses them. Returns the seconds of the writes alone (through the bridge).
double calcOwnWrite(const Reference<css::sheet::XSpreadsheetDocument>& pulled) {
    const auto copy = newSpreadsheet();
    Reference<css::beans::XPropertySet> properties(copy, UNO_QUERY_THROW);
    properties->setPropertyValue("IsAdjustHeightEnabled", Any(false));
    double total = 0;
    int index = 0;
    for (const std::string& name : {sheetName("customers"), sheetName("actions")}) {
        const auto source = byNameOrThrow(pulled, name);
        const auto address = usedArea(source);
        const auto data =
            Reference<css::sheet::XCellRangeData>(
                range(source, 0, 1, address.EndColumn, address.EndRow), UNO_QUERY_THROW)
                ->getDataArray();
        const std::string copyName = "copy" + std::to_string(index);
        copy->getSheets()->insertNewByName(toOUString(copyName), static_cast<sal_Int16>(index++));
        const auto target = byNameOrThrow(copy, copyName);
        const auto start = Clock::now();
        Reference<css::sheet::XCellRangeData>(
            range(target, 0, 1, address.EndColumn, address.EndRow), UNO_QUERY_THROW)
            ->setDataArray(data);
        total += seconds(start);
    }
    properties->setPropertyValue("IsAdjustHeightEnabled", Any(true));
    close(copy);
    return total;
}

// 4. A lead's first push of `count` customers without numbers into the empty register
// `database`: one sync, its wall time printed; throws unless every customer got a number of its
// own on the server and in the workbook.
void leadFirstPush(Postgres& server, const std::string& sql, long count) {
    const std::string database = "first_push";
    server.sql("CREATE DATABASE " + database, "postgres");
    {
        std::ifstream in(sql, std::ios::binary);
        server.sql(std::string(std::istreambuf_iterator<char>(in), {}), database);
    }
    server.addSalesperson("zhang", "张伟", "lead", "zhang-pw", database);
    const auto doc = emptyWorkbook(server.connection(database), "zhang");
    const auto sheet = byNameOrThrow(doc, sheetName("customers"));
    const auto& schema = dealsheet::productSchema().sheetOrThrow("customers");
    const auto columnOf = [&](const char* id) {
        for (std::size_t c = 0; c < schema.columns.size(); ++c)
            if (schema.columns[c].id == id) return static_cast<int>(c);
        throw std::runtime_error(std::string("no column ") + id);
    };
    const int numberColumn = columnOf("customerNo"), dateColumn = columnOf("registeredOn"),
              nameColumn = columnOf("customerName"), needsColumn = columnOf("coreNeeds"),
              ownerColumn = columnOf("owner");
    const int width = std::max({dateColumn, nameColumn, needsColumn, ownerColumn}) + 1;
    const dealsheet::SerialDates dates;
    Sequence<Sequence<Any>> rows(static_cast<sal_Int32>(count));
    for (sal_Int32 r = 0; r < rows.getLength(); ++r) {
        auto& row = rows.getArray()[r];
        row.realloc(width);
        const int month = r / 2000;
        row.getArray()[dateColumn] <<=
            static_cast<double>(*dates.toSerial({2030 + month / 12, month % 12 + 1, 1 + r % 28}));
        row.getArray()[nameColumn] <<= toOUString("新客户" + std::to_string(r) + "有限公司");
        row.getArray()[needsColumn] <<= toOUString("库存与订单管理 " + std::to_string(r % 13));
        row.getArray()[ownerColumn] <<= toOUString("销售" + std::to_string(r % 50));
    }
    Reference<css::beans::XPropertySet> properties(doc, UNO_QUERY_THROW);
    properties->setPropertyValue("IsAdjustHeightEnabled", Any(false));
    Reference<css::sheet::XCellRangeData>(range(sheet, 0, 1, width - 1, static_cast<int>(count)),
                                          UNO_QUERY_THROW)
        ->setDataArray(rows);
    properties->setPropertyValue("IsAdjustHeightEnabled", Any(true));

    const auto start = Clock::now();
    const auto summary = toolkit2()->syncTeam(component(doc));
    const double wall = seconds(start);
    std::cout << "LEAD FIRST PUSH of " << count << " customers without numbers: " << wall
              << " s wall, " << summary.Pushed << " pushed, " << summary.Numbered << " numbered ("
              << summary.Milliseconds << " ms in the office)\n";
    printOfficeTimings();
    const std::string onServer = server.sql(
        "SELECT count(*) || ' customers, ' || count(DISTINCT customer_no) || ' distinct numbers, "
        "highest ' || (array_agg(customer_no ORDER BY length(customer_no) DESC, customer_no "
        "DESC))[1] FROM dealsheet.customers",
        database);
    std::cout << "  server: " << onServer << '\n';
    const auto numbers =
        Reference<css::sheet::XCellRangeData>(
            range(sheet, numberColumn, 1, numberColumn, static_cast<int>(count)), UNO_QUERY_THROW)
            ->getDataArray();
    std::set<std::string> inWorkbook;
    for (const auto& row : numbers) {
        rtl::OUString text;
        if (row.getLength() > 0 && (row[0] >>= text) && !text.isEmpty())
            inWorkbook.insert(toUtf8(text));
    }
    const std::string expected =
        std::to_string(count) + " customers, " + std::to_string(count) + " distinct numbers";
    if (summary.Pushed != count || summary.Numbered != count || onServer.rfind(expected, 0) != 0 ||
        inWorkbook.size() != static_cast<std::size_t>(count))
        throw std::runtime_error("the first push did not number every customer once: " +
                                 std::to_string(inWorkbook.size()) +
                                 " distinct numbers in the workbook, server " + onServer);
    close(doc);
}

// 5. One owner across the team (SPEC §12), in a register of P × C customers: the member adds
// `count` new customers to their workbook and syncs (the server keys and checks every one in
// the push), then `count` more of which three are other members' companies written their own
// way (refused, one by one); then the pool release over the whole register, on the server, with
// every claim moved 40 days back (as the owner) so that it looks at every customer.
void ownershipBench(Postgres& server, const std::string& login, const std::string& owner,
                    long count) {
    const auto doc = emptyWorkbook(server.connection(), login);
    toolkit2()->syncTeam(component(doc));  // their own customers first
    const auto sheet = byNameOrThrow(doc, sheetName("customers"));
    const auto& schema = dealsheet::productSchema().sheetOrThrow("customers");
    const auto columnOf = [&](const char* id) {
        for (std::size_t c = 0; c < schema.columns.size(); ++c)
            if (schema.columns[c].id == id) return static_cast<int>(c);
        throw std::runtime_error(std::string("no column ") + id);
    };
    const int dateColumn = columnOf("registeredOn"), nameColumn = columnOf("customerName"),
              phoneColumn = columnOf("phoneEmail"), needsColumn = columnOf("coreNeeds"),
              ownerColumn = columnOf("owner");
    const int width = std::max({dateColumn, nameColumn, phoneColumn, needsColumn, ownerColumn}) + 1;
    const dealsheet::SerialDates dates;
    const auto addRows = [&](long round, long clashes) {
        const int first = usedArea(sheet).EndRow + 1;
        Sequence<Sequence<Any>> rows(static_cast<sal_Int32>(count));
        for (sal_Int32 r = 0; r < rows.getLength(); ++r) {
            auto& row = rows.getArray()[r];
            row.realloc(width);
            for (int c = 0; c < width; ++c) row.getArray()[c] <<= rtl::OUString();
            const long k = round * count + r;
            // A clash: customer 3r of the fill (another member's), written another way.
            const std::string name =
                r < clashes ? "客户" + std::to_string(3 * r + 1) + "（北京）有限责任公司"
                            : "华东新客户" + std::to_string(k) + "有限公司";
            row.getArray()[dateColumn] <<=
                static_cast<double>(*dates.toSerial({2026, 11, 1 + static_cast<int>(r % 28)}));
            row.getArray()[nameColumn] <<= toOUString(name);
            row.getArray()[phoneColumn] <<= toOUString("137" + std::to_string(10000000 + k));
            row.getArray()[needsColumn] <<= toOUString("库存与订单管理");
            row.getArray()[ownerColumn] <<= toOUString(owner);
        }
        Reference<css::sheet::XCellRangeData>(
            range(sheet, 0, first, width - 1, first + static_cast<int>(count) - 1), UNO_QUERY_THROW)
            ->setDataArray(rows);
        const auto start = Clock::now();
        const auto summary = toolkit2()->syncTeam(component(doc));
        const double wall = seconds(start);
        std::cout << "OWNERSHIP: member registers " << count << " new customers (" << clashes
                  << " of them other members'): " << wall << " s wall, " << summary.Pushed
                  << " pushed, " << summary.Refused << " refused (" << summary.Milliseconds
                  << " ms in the office)\n";
        printOfficeTimings();
    };
    addRows(0, 0);
    addRows(1, 3);
    close(doc);

    server.sql(
        "UPDATE dealsheet.customer_keys SET claimed_at = claimed_at - interval '40 days';"
        " ANALYZE dealsheet.customer_keys;");
    const auto start = Clock::now();
    const std::string released = server.sql("SELECT dealsheet.release_unfollowed()");
    std::cout << "OWNERSHIP: pool release over "
              << server.sql("SELECT count(*) FROM dealsheet.customer_keys")
              << " customers (claims 40 days old, follow-ups of some of them today): "
              << seconds(start) << " s wall (psql included), " << released
              << " released to the pool\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: team_bench dealsheet.oxt dealsheet-team.sql [L P C A repeats N]\n";
        return 2;
    }
    const auto arg = [&](int i, long fallback) { return argc > i ? std::atol(argv[i]) : fallback; };
    const long leadRows = arg(3, 100000), people = arg(4, 50), customersEach = arg(5, 2000),
               actionsEach = arg(6, 10000), repeats = std::max(1L, arg(7, 3)),
               firstPush = arg(8, 10000);
    const std::string passFile = "/tmp/dealsheet-bench-pgpass-" + std::to_string(::getpid());
    ::setenv("PGPASSFILE", passFile.c_str(), 1);  // the office's libpq reads it
    const std::string sql = argv[2];
    ::setenv("DEALSHEET_TIMINGS", "1", 0);  // the office prints where each sync's time went
    return runWithOffice("team_bench", argv[1], std::chrono::hours(3), [&] {
        std::cout << std::fixed << std::setprecision(2);
        Postgres server(sql);
        // Real salespeople, added as a lead adds them: the server's own roles and row-level
        // security decide what each sees.
        server.addSalesperson("zhang", "张伟", "lead", "zhang-pw");
        const std::string memberNumber = std::to_string(std::min(7L, people - 1));
        const std::string memberName = "sales" + memberNumber, memberOwner = "销售" + memberNumber;
        server.addSalesperson(memberName, memberOwner, "member", memberName + "-pw");
        if (firstPush > 0) leadFirstPush(server, sql, firstPush);
        if (leadRows <= 0) return;  // the push alone: team_bench OXT SQL 0 0 0 0 1 N
        auto start = Clock::now();
        server.sql(fillSql("customers", 0, leadRows, people, leadRows) +
                   fillSql("actions", 0, leadRows, people, leadRows) + " ANALYZE;");
        std::cout << "server filled in " << seconds(start) << " s: " << serverCounts(server)
                  << '\n';

        // 1. The lead's first full pull.
        std::vector<double> walls;
        long officeMs = 0, pulled = 0;
        Reference<css::sheet::XSpreadsheetDocument> lastPull;
        for (long run = 0; run < repeats; ++run) {
            if (lastPull.is()) close(lastPull);
            lastPull = emptyWorkbook(server.connection(), "zhang");
            start = Clock::now();
            const auto summary = toolkit2()->syncTeam(component(lastPull));
            walls.push_back(seconds(start));
            officeMs = summary.Milliseconds;
            pulled = summary.Pulled;
            std::cout << "  lead's first full pull, run " << run + 1 << ": " << walls.back()
                      << " s wall, " << summary.Pulled << " rows pulled (" << summary.Milliseconds
                      << " ms in the office)\n";
            printOfficeTimings();
        }
        const double leadPull = median(walls);
        std::cout << "LEAD FULL PULL: median " << leadPull << " s wall of " << repeats << " runs, "
                  << pulled << " rows (" << officeMs << " ms in the office, last run)"
                  << "; server: " << serverCounts(server) << '\n';

        // 2. Calc's own bulk write of the same rows.
        walls.clear();
        for (long run = 0; run < repeats; ++run) walls.push_back(calcOwnWrite(lastPull));
        const double calcWrite = median(walls);
        std::cout << "CALC OWN setDataArray of the same rows: median " << calcWrite
                  << " s (through the bridge); per row: sync " << leadPull * 1e6 / pulled
                  << " µs, Calc's own write " << calcWrite * 1e6 / pulled << " µs\n";
        close(lastPull);

        // 3. The team: P × (C + A) on the server, each salesperson seeing their own rows.
        start = Clock::now();
        const long customers = people * customersEach, actions = people * actionsEach;
        std::string more;
        if (customers > leadRows)
            more += fillSql("customers", leadRows, customers, people, customers);
        if (actions > leadRows)
            more += fillSql("actions", leadRows, actions, people, std::max(customers, leadRows));
        server.sql(more + " ANALYZE;");
        std::cout << "team on the server in " << seconds(start) << " s: " << serverCounts(server)
                  << '\n';
        const auto member = emptyWorkbook(server.connection(), memberName);
        start = Clock::now();
        auto summary = toolkit2()->syncTeam(component(member));
        std::cout << "MEMBER FIRST PULL: " << seconds(start) << " s wall, " << summary.Pulled
                  << " rows pulled (" << summary.Milliseconds << " ms in the office)\n";
        printOfficeTimings();
        const long own = summary.Pulled;
        const long ownCustomers = customersEach, ownActions = actionsEach;
        walls.clear();
        for (long run = 0; run < repeats; ++run) {
            // Half of the 1% in the workbook (core needs, tasks), half on the server by the lead
            // (notes of other rows of this member).
            const long localCustomers = std::max(1L, ownCustomers / 200),
                       localActions = std::max(1L, ownActions / 200);
            const std::string tag = "第" + std::to_string(run + 1) + "轮";
            editColumn(byNameOrThrow(member, sheetName("customers")), 10, localCustomers,
                       "改为 CRM " + tag);
            editColumn(byNameOrThrow(member, sheetName("actions")), 3, localActions,
                       "改期回访 " + tag);
            const std::string n = std::to_string(run);
            server.sql("UPDATE dealsheet.customers SET notes = 'lead " + n +
                       "' WHERE row_id IN (SELECT row_id FROM dealsheet.customers WHERE owner = '" +
                       memberOwner + "' ORDER BY row_id DESC LIMIT " +
                       std::to_string(localCustomers) +
                       "); UPDATE dealsheet.actions SET notes = 'lead " + n +
                       "' WHERE row_id IN (SELECT row_id FROM dealsheet.actions WHERE owner = '" +
                       memberOwner + "' ORDER BY row_id DESC LIMIT " +
                       std::to_string(localActions) + ");");
            start = Clock::now();
            summary = toolkit2()->syncTeam(component(member));
            walls.push_back(seconds(start));
            std::cout << "  member's sync with 1% changed, run " << run + 1 << ": " << walls.back()
                      << " s wall, " << summary.Pushed << " pushed, " << summary.Pulled
                      << " pulled, " << summary.Conflicts << " conflicts (" << summary.Milliseconds
                      << " ms in the office)\n";
            printOfficeTimings();
        }
        std::cout << "MEMBER 1% SYNC: median " << median(walls) << " s wall of " << repeats
                  << " runs, member's workbook " << own << " rows; server: " << serverCounts(server)
                  << '\n';
        close(member);

        // 5. One owner across the team.
        ownershipBench(server, memberName, memberOwner, 100);
    });
}
