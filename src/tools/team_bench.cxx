// The team benchmark (docs/BENCHMARKS.md): a real PostgreSQL holding N customers and N actions,
// a lead's first full pull into an empty workbook, then the same lead's sync with 1% of the
// customers changed in the workbook.
//   team_bench build/dealsheet.oxt build/server/dealsheet-team.sql [N=100000]
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <org/dealsheet/calc/XToolkit2.hpp>

#include "core/schema.hpp"
#include "office_driver.hxx"
#include "postgres_server.hxx"
#include "office_documents.hxx"

using namespace dealsheet::driver;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// An empty workbook with DealSheet's Customers and Actions headers and the lead's Settings.
Reference<css::sheet::XSpreadsheetDocument> emptyWorkbook(const std::string& database) {
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
    setText(settings, "B2", "zhang");
    return doc;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: team_bench dealsheet.oxt dealsheet-team.sql [rows]\n";
        return 2;
    }
    const long rows = argc > 3 ? std::atol(argv[3]) : 100000;
    const std::string passFile = "/tmp/dealsheet-bench-pgpass-" + std::to_string(::getpid());
    ::setenv("PGPASSFILE", passFile.c_str(), 1);  // the office's libpq reads it
    const std::string sql = argv[2];
    return runWithOffice("team_bench", argv[1], std::chrono::seconds(3600), [&] {
        Postgres server(sql);
        server.addLogin("zhang", "lead", "zhang-pw");
        const std::string n = std::to_string(rows);
        auto start = std::chrono::steady_clock::now();
        server.sql(
            "INSERT INTO dealsheet.customers (customer_no, registered_on, customer_name, "
            "industry, contact, phone_email, core_needs, budget, owner) SELECT "
            "to_char(d, 'YYYYMM') || '-' || lpad((i % 900 + 1)::text, 3, '0'), "
            "to_char(d, 'YYYY-MM-DD'), '客户' || i || '有限公司', '制造业', '联系人' || (i % 977), "
            "'138' || lpad(i::text, 8, '0'), '库存与订单管理 ' || (i % 13), (i % 200)::text, "
            "'销售' || (i % 50) FROM generate_series(0, " +
            n +
            " - 1) i, LATERAL (SELECT "
            "date '2016-01-01' + make_interval(months => i / 900) AS d) x;"
            "INSERT INTO dealsheet.actions (action_no, customer_no, task, owner, created_on, "
            "due_date, status) SELECT 'XD' || lpad(i::text, 7, '0'), '201601-001', "
            "'电话回访并发送报价 ' || i, '销售' || (i % 50), '2026-01-05', '2026-02-05', '进行中' "
            "FROM generate_series(0, " +
            n + " - 1) i; ANALYZE;");
        std::cout << "server filled in " << seconds(start) << " s: "
                  << server.sql(
                         "SELECT (SELECT count(*) FROM dealsheet.customers) || ' customers, ' "
                         "|| (SELECT count(*) FROM dealsheet.actions) || ' actions'")
                  << '\n';
        const auto doc = emptyWorkbook(server.connection());
        const auto toolkit2 =
            Reference<org::dealsheet::calc::XToolkit2>(toolkit(), UNO_QUERY_THROW);
        start = std::chrono::steady_clock::now();
        auto summary = toolkit2->syncTeam(component(doc));
        std::cout << "lead's first full pull: " << seconds(start) << " s wall, " << summary.Pulled
                  << " rows pulled (" << summary.Milliseconds << " ms in the office)\n";

        // 1% of the customers changed in the workbook: their 核心需求, in one bulk write.
        const auto customers = byNameOrThrow(doc, "客户信息登记表");
        const long changed = rows / 100;
        const auto range = Reference<css::table::XCellRange>(customers, UNO_QUERY_THROW)
                               ->getCellRangeByPosition(10, 1, 10, static_cast<sal_Int32>(changed));
        css::uno::Sequence<css::uno::Sequence<css::uno::Any>> values(
            static_cast<sal_Int32>(changed));
        for (sal_Int32 r = 0; r < values.getLength(); ++r) {
            values.getArray()[r].realloc(1);
            values.getArray()[r].getArray()[0] <<=
                toOUString("改为 CRM 与 ERP " + std::to_string(r));
        }
        Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->setDataArray(values);
        start = std::chrono::steady_clock::now();
        summary = toolkit2->syncTeam(component(doc));
        std::cout << "sync with 1% changed: " << seconds(start) << " s wall, " << summary.Pushed
                  << " rows pushed, " << summary.Pulled << " pulled (" << summary.Milliseconds
                  << " ms in the office)\n";
        std::cout << "server: "
                  << server.sql(
                         "SELECT (SELECT count(*) FROM dealsheet.customers) || ' customers, ' "
                         "|| (SELECT count(*) FROM dealsheet.actions) || ' actions, ' || "
                         "(SELECT count(*) FROM dealsheet.customers_history) || ' customer "
                         "versions'")
                  << '\n';
        close(doc);
    });
}
