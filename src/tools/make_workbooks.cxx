// Build-time tool: produces the workbook templates (zh-CN, en-US) and the Chinese sample
// workbook by running DealSheet's own Insert command in a headless office, so the templates
// are exactly what Insert template sheets gives a user. The sample's data comes from
// templates/sample/*.csv (dates relative to today: T, T+3, T-10; @CUSTNO:n and @REF:n).
//   make_workbooks <base.oxt> <output folder> <sample folder>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>

#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <org/dealsheet/calc/XToolkit.hpp>

#include "core/functions/customer_number.hpp"
#include "core/text/csv.hpp"
#include "core/workbook/cell.hpp"
#include "core/workbook/dates.hpp"
#include "core/workbook/schema.hpp"
#include "office_documents.hxx"
#include "office_driver.hxx"

namespace {

using namespace dealsheet;
using namespace dealsheet::driver;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
namespace fs = std::filesystem;

// A new workbook holding exactly the DealSheet sheets of `lang`.
Reference<css::sheet::XSpreadsheetDocument> templateWorkbook(Lang lang, const std::string& title) {
    const auto doc = newSpreadsheet();
    const std::string defaultSheet = toUtf8(doc->getSheets()->getElementNames()[0]);
    toolkit()->insertTemplates(component(doc), lang == Lang::En ? "en" : "zh");
    doc->getSheets()->removeByName(toOUString(defaultSheet));
    Reference<css::document::XDocumentPropertiesSupplier>(doc, UNO_QUERY_THROW)
        ->getDocumentProperties()
        ->setTitle(toOUString(title));
    return doc;
}

struct SampleContext {
    SerialDates dates;
    long today;
    std::vector<std::string> customerNumbers;  // by data row of customers.csv
};

// A CSV cell as the sheet should hold it.
CellValue resolve(const std::string& raw, const ColumnSchema& column, const CsvRow& row,
                  const SheetSchema& sheet, const SampleContext& ctx) {
    if (raw.empty()) return std::monostate{};
    if (raw[0] == '\'') return raw.substr(1);  // forced text
    if (raw == "T" || raw.rfind("T+", 0) == 0 || raw.rfind("T-", 0) == 0)
        return static_cast<double>(ctx.today + (raw.size() > 1 ? std::stol(raw.substr(1)) : 0));
    if (raw.rfind("@REF:", 0) == 0) return ctx.customerNumbers.at(std::stoul(raw.substr(5)) - 1);
    if (raw.rfind("@CUSTNO:", 0) == 0) {
        const int dateColumn = sheet.columnIndex("registeredOn");
        const std::string& date = row.at(static_cast<std::size_t>(dateColumn));
        const long day = ctx.today + (date.size() > 1 ? std::stol(date.substr(1)) : 0);
        const auto civil = ctx.dates.toCivil(static_cast<double>(day));
        return formatCustomerNumber(civil->year, civil->month, std::stol(raw.substr(8)));
    }
    if (column.isNumeric()) return std::stod(raw);
    return raw;
}

void fillSample(const Reference<css::sheet::XSpreadsheetDocument>& doc, const fs::path& folder) {
    const std::map<std::string, std::string> files{
        {"customers", "customers.csv"},   {"negotiations", "negotiations.csv"},
        {"actions", "actions.csv"},       {"keyPoints", "keypoints.csv"},
        {"approvals", "approvals.csv"},   {"execution", "execution.csv"},
        {"acceptance", "acceptance.csv"}, {"handover", "handover.csv"},
        {"abnormal", "abnormal.csv"}};
    SampleContext ctx{SerialDates(), SerialDates().todaySerial(), {}};
    // Customers first: other sheets refer to their numbers.
    for (const char* id : {"customers", "negotiations", "actions", "keyPoints", "approvals",
                           "execution", "acceptance", "handover", "abnormal"}) {
        const SheetSchema& sheet = productSchema().sheetOrThrow(id);
        const auto rows = parseCsv(readFile((folder / files.at(id)).string()));
        if (rows.size() < 2) throw std::runtime_error("no data in " + files.at(id));
        const auto target = byNameOrThrow(doc, sheet.name.zh);
        for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
            const auto& column = sheet.columns[c];
            CellGrid values;
            for (std::size_t r = 1; r < rows.size(); ++r)
                values.push_back({resolve(rows[r].at(c), column, rows[r], sheet, ctx)});
            if (column.formula.empty()) {
                writeColumn(target, static_cast<int>(c), 1, values);
            } else {  // keep the template's formula unless the data types a value over it
                for (std::size_t r = 0; r < values.size(); ++r)
                    if (!std::holds_alternative<std::monostate>(values[r][0]))
                        writeColumn(target, static_cast<int>(c), static_cast<int>(r) + 1,
                                    {values[r]});
            }
            if (std::string(id) == "customers" && column.id == "customerNo")
                for (const auto& v : values)
                    ctx.customerNumbers.push_back(std::holds_alternative<std::string>(v[0])
                                                      ? std::get<std::string>(v[0])
                                                      : std::string());
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: make_workbooks <base.oxt> <output folder> <sample folder>\n";
        return 2;
    }
    return runWithOffice("make_workbooks", argv[1], std::chrono::seconds(300), [&] {
        const fs::path out = argv[2];
        fs::create_directories(out / "templates");
        for (const auto& [lang, suffix, title] :
             {std::tuple{Lang::Zh, "zh", "DealSheet 销售管理工作簿"},
              std::tuple{Lang::En, "en", "DealSheet sales workbook"}}) {
            const auto doc = templateWorkbook(lang, title);
            storeAs(doc,
                    (out / "templates" / ("DealSheet-" + std::string(suffix) + ".ots")).string(),
                    "calc8_template");
            close(doc);
        }
        const auto sample = templateWorkbook(Lang::Zh, "DealSheet 示例工作簿");
        fillSample(sample, argv[3]);
        storeAs(sample, (out / "sample-zh.ods").string(), "calc8");
        close(sample);
    });
}
