// The demo: installs the built extension into a throw-away profile, starts a headless office
// and shows DealSheet at work: the functions computing, then Validate, Assign customer numbers
// and Refresh monthly review on the Chinese sample workbook. The validated workbook is saved
// for the user to open.
//   demo <dealsheet.oxt> <demo-functions.fods> <sample-zh.ods> <output folder>
#include <filesystem>
#include <iostream>

#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <org/dealsheet/calc/XToolkit.hpp>

#include "core/text/text.hpp"
#include "office_documents.hxx"
#include "office_driver.hxx"

namespace {

using namespace dealsheet::driver;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

int displayWidth(const std::string& text) {
    int width = 0;
    for (std::size_t pos = 0; pos < text.size();)
        width += dealsheet::decodeUtf8(text, pos) >= 0x2E80 ? 2 : 1;
    return width;
}

std::string pad(const std::string& text, int width) {
    return text +
           std::string(static_cast<std::size_t>(std::max(0, width - displayWidth(text))), ' ');
}

std::string cellText(const css::uno::Any& value) {
    rtl::OUString text;
    double number = 0;
    if (value >>= text) return toUtf8(text);
    if (value >>= number) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.10g", number);
        return buffer;
    }
    return {};
}

// Prints the block `address` of `sheet` as a table; rows without content are skipped.
void printBlock(const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& address,
                const std::vector<int>& widths, std::size_t maxRows = 60) {
    const auto data = Reference<css::sheet::XCellRangeData>(
                          Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                              ->getCellRangeByName(toOUString(address)),
                          UNO_QUERY_THROW)
                          ->getDataArray();
    std::size_t printed = 0;
    for (const auto& row : data) {
        std::string line;
        bool any = false;
        for (sal_Int32 c = 0; c < row.getLength() && c < static_cast<sal_Int32>(widths.size());
             ++c) {
            const std::string text = cellText(row[c]);
            any = any || !text.empty();
            line += pad(text, widths[static_cast<std::size_t>(c)]) + "  ";
        }
        if (!any) continue;
        std::cout << "  " << line << '\n';
        if (++printed >= maxRows) {
            std::cout << "  …\n";
            break;
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: demo <dealsheet.oxt> <demo-functions.fods> <sample-zh.ods> <output "
                     "folder>\n";
        return 2;
    }
    return runWithOffice("demo", argv[1], std::chrono::seconds(300), [&] {
        std::cout << "== Installing " << argv[1]
                  << " into a throw-away profile, starting headless Calc\n";
        const auto toolkit = dealsheet::driver::toolkit();

        std::cout << "\n== 1. Spreadsheet functions (" << argv[2] << ")\n";
        const auto functions = loadCopy(argv[2]);
        recalculate(functions);
        printBlock(sheetAt(functions, 0), "A1:B20", {78, 20});
        close(functions);

        std::cout << "\n== 2. Validate the sample workbook (" << argv[3] << ")\n";
        const auto sample = loadCopy(argv[3]);
        const auto summary = toolkit->validate(component(sample));
        std::cout << "  " << summary.Errors << " errors, " << summary.Warnings << " warnings in "
                  << summary.SheetsChecked << " sheets, " << summary.Milliseconds << " ms\n";
        printBlock(byNameOrThrow(sample, "Validation Report"), "A1:G200",
                   {10, 18, 16, 8, 14, 22, 60});

        std::cout << "\n== 3. Assign customer numbers\n";
        const auto customers = byNameOrThrow(sample, "客户信息登记表");
        setText(customers, "B40", "");
        setFormula(customers, "B40", "=TODAY()");
        setText(customers, "C40", "演示新客户有限公司");
        std::cout << "  a new customer registered today in row 40 gets: ";
        std::cout << toolkit->assignCustomerNumbers(component(sample)) << " number -> "
                  << textOf(customers, "A40") << '\n';

        std::cout << "\n== 4. Refresh monthly review\n";
        toolkit->refreshReview(component(sample), "");
        printBlock(byNameOrThrow(sample, "月度复盘"), "A1:D60", {26, 16, 12, 14});

        const std::filesystem::path out = argv[4];
        std::filesystem::create_directories(out);
        const auto saved = (out / "sample-zh-validated.ods").string();
        storeAs(sample, saved, "calc8");
        close(sample);
        std::cout << "\nOpen " << saved
                  << " in LibreOffice (with dealsheet.oxt installed) to see the report, the marked "
                     "cells and the review.\n";
    });
}
