// Contract dossier (SPEC §10) in a real office: the sample's contracts exported to PDF and read
// back with poppler's pdftotext; the workbook's snapshot and modified flag unchanged; bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <org/dealsheet/calc/XToolkit2.hpp>

#include "core/workbook/cell.hpp"
#include "core/workbook/dates.hpp"
#include "core/workbook/schema.hpp"
#include "office.hxx"
#include "preservation.hxx"
#include "uno_helpers.hxx"

using namespace dealsheet::test;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
namespace fs = std::filesystem;

namespace {

const std::string kSample = std::string(DEALSHEET_WORKBOOKS) + "/sample-zh.ods";

Reference<org::dealsheet::calc::XToolkit2> toolkit2() {
    return Reference<org::dealsheet::calc::XToolkit2>(toolkit(), UNO_QUERY_THROW);
}

std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return out;
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
    pclose(pipe);
    return out;
}

// Without spaces and line breaks: a PDF wraps long values wherever the column ends.
std::string squeezed(const std::string& text) {
    std::string out;
    for (char c : text)
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') out += c;
    return out;
}

// The PDF's text in the order it was drawn (cell after cell), squeezed, without the page
// footers of `contract` that a page break puts in the middle of a record.
std::string pdfText(const std::string& path, const std::string& contract = "") {
    std::string text = squeezed(run("pdftotext -raw -enc UTF-8 '" + path + "' - 2>/dev/null"));
    if (contract.empty()) return text;
    for (const std::string& words :
         {"合同档案" + contract + "·第", "Contractdossier" + contract + "·page"}) {
        for (auto at = text.find(words); at != std::string::npos; at = text.find(words, at)) {
            std::size_t end = at + words.size();
            while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
            if (text.compare(end, 3, "页") == 0) end += 3;
            text.erase(at, end - at);
        }
    }
    return text;
}

int pdfPages(const std::string& path) {
    const std::string info = run("pdfinfo '" + path + "' 2>/dev/null");
    const auto at = info.find("Pages:");
    return at == std::string::npos ? 0 : std::stoi(info.substr(at + 6));
}

// A sheet of the workbook read by the test itself (not through DealSheet), by header text.
struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  // dates as ISO, numbers as written

    int column(const std::string& name) const {
        const auto it = std::find(header.begin(), header.end(), name);
        return it == header.end() ? -1 : static_cast<int>(it - header.begin());
    }
    std::string at(std::size_t row, const std::string& name) const {
        const int c = column(name);
        return c < 0 ? std::string() : rows[row][static_cast<std::size_t>(c)];
    }
};

Table readTable(const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& name,
                const std::set<std::string>& dateColumns = {}) {
    const auto sheet = byNameOrThrow(doc, name);
    const auto data = usedData(sheet);
    Table table;
    for (const auto& cellValue : data[0]) {
        rtl::OUString text;
        cellValue >>= text;
        table.header.push_back(toUtf8(text));
    }
    const dealsheet::SerialDates dates;
    for (sal_Int32 r = 1; r < data.getLength(); ++r) {
        std::vector<std::string> row;
        for (sal_Int32 c = 0; c < data[r].getLength(); ++c) {
            rtl::OUString text;
            double number = 0;
            std::string value;
            if (data[r][c] >>= number) {
                const bool isDate = dateColumns.count(table.header[static_cast<std::size_t>(c)]);
                value = isDate ? dealsheet::isoDate(*dates.toCivil(number))
                               : dealsheet::formatNumber(number);
            } else if (data[r][c] >>= text) {
                value = toUtf8(text);
            }
            row.push_back(value);
        }
        // A row is data when its first column (the key, or the key point's date) is filled:
        // the templates fill computed columns far down the sheet.
        if (!row.empty() && !row.front().empty()) table.rows.push_back(row);
    }
    return table;
}

// The sample's sheets, as the test reads them.
struct SampleBook {
    Table approvals, customers, negotiations, actions, keyPoints, execution, acceptance, handover;
};

SampleBook readSample(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    return {readTable(doc, "合同审批表", {"交付期限", "签署日期"}),
            readTable(doc, "客户信息登记表", {"登记日期"}),
            readTable(doc, "谈判记录表", {"谈判日期", "整理完成日期"}),
            readTable(doc, "跟进行动表", {"创建日期", "截止日期", "完成日期"}),
            readTable(doc, "关键点记录", {"日期"}),
            readTable(doc, "合同履约跟踪表", {"计划完成日期", "实际完成日期", "更新日期"}),
            readTable(doc, "验收与整改", {"交付日期", "验收申请日期", "整改期限"}),
            readTable(doc, "售前与实施交接单", {"交接日期", "实施开始日期", "实施结束日期"})};
}

// What a dossier must show of a row (squeezed), and whether the row belongs to the contract.
struct Expectation {
    std::string what;
    std::string text;
    bool related;
};

std::vector<Expectation> expectations(const SampleBook& book, std::size_t approvalRow) {
    const std::string contract = book.approvals.at(approvalRow, "合同编号");
    const std::string customer = book.approvals.at(approvalRow, "客户编号");
    std::vector<Expectation> out;
    const auto add = [&](const Table& table, const char* sheet, const char* link,
                         const std::string& key, std::vector<std::string> fields) {
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            // A row's signature: its key fields, each label followed by its value, in order
            // (the dossier's field tables put the value right after its label).
            std::string text;
            for (const auto& field : fields)
                if (!table.at(r, field).empty())
                    text += (field == "里程碑" || field == "负责人" || field == "计划完成日期"
                                 ? ""
                                 : field) +
                            table.at(r, field);
            out.push_back({std::string(sheet) + " row " + std::to_string(r + 2), squeezed(text),
                           table.at(r, link) == key});
        }
    };
    add(book.approvals, "合同审批表", "合同编号", contract, {"合同编号", "客户编号", "合同名称"});
    add(book.customers, "客户信息登记表", "客户编号", customer,
        {"客户编号", "登记日期", "客户名称"});
    add(book.negotiations, "谈判记录表", "客户编号", customer,
        {"记录编号", "客户编号", "谈判日期"});
    add(book.actions, "跟进行动表", "客户编号", customer, {"行动编号", "客户编号"});
    add(book.keyPoints, "关键点记录", "客户编号", customer, {"日期", "客户编号", "销售阶段"});
    // Milestones are one table without the contract column: milestone, owner, planned date.
    add(book.execution, "合同履约跟踪表", "合同编号", contract,
        {"里程碑", "负责人", "计划完成日期"});
    add(book.acceptance, "验收与整改", "合同编号", contract,
        {"合同编号", "交付日期", "验收申请日期"});
    add(book.handover, "售前与实施交接单", "合同编号", contract,
        {"合同编号", "合同名称", "客户编号"});
    return out;
}

std::string artifacts() {
    const char* configured = std::getenv("DEALSHEET_ARTIFACTS");
    const std::string dir =
        (configured ? std::string(configured) : Office::get().workDir()) + "/dossier";
    fs::create_directories(dir);
    return dir;
}

bool isModified(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    return Reference<css::util::XModifiable>(doc, UNO_QUERY_THROW)->isModified();
}

Dispatched dispatchDossier(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                           const std::vector<std::pair<std::string, std::string>>& arguments) {
    return dispatchToolbar(doc, "ContractDossier", arguments);
}

std::string refusal(const std::function<void()>& call) {
    try {
        call();
    } catch (const css::lang::IllegalArgumentException& e) {
        return toUtf8(e.Message);
    }
    return "(no refusal)";
}

}  // namespace

TEST(ContractDossier, EachSampleContractHoldsItsRowsAndNothingOfOthers) {
    unoGuard([&] {
        const auto doc = loadCopy(kSample);
        const SampleBook book = readSample(doc);
        ASSERT_EQ(book.approvals.rows.size(), 8u);
        const Snapshot before = snapshot(doc);
        ASSERT_FALSE(isModified(doc));
        const std::string dir = artifacts();
        std::size_t checkedRelated = 0, checkedOthers = 0;
        double slowest = 0;
        for (std::size_t a = 0; a < book.approvals.rows.size(); ++a) {
            const std::string contract = book.approvals.at(a, "合同编号");
            const std::string pdf = dir + "/" + contract + ".pdf";
            fs::remove(pdf);
            const auto start = std::chrono::steady_clock::now();
            const sal_Int32 rows = toolkit2()->exportDossier(component(doc), toOUString(contract),
                                                             toOUString(fileUrl(pdf)));
            slowest = std::max(
                slowest,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            const std::string text = pdfText(pdf, contract);
            ASSERT_FALSE(text.empty()) << contract;
            EXPECT_NE(text.find(squeezed("合同档案" + contract + book.approvals.at(a, "合同名称"))),
                      std::string::npos)
                << "the title: " << contract;
            EXPECT_NE(text.find(squeezed("合同要点合同编号" + contract)), std::string::npos);
            std::size_t related = 0;
            for (const auto& e : expectations(book, a)) {
                if (e.related) {
                    ++related;
                    ++checkedRelated;
                    EXPECT_NE(text.find(e.text), std::string::npos)
                        << contract << " lacks " << e.what << ": " << e.text;
                } else {
                    ++checkedOthers;
                    EXPECT_EQ(text.find(e.text), std::string::npos)
                        << contract << " shows " << e.what << ": " << e.text;
                }
            }
            EXPECT_EQ(static_cast<std::size_t>(rows), related) << contract;
            // No other contract's number anywhere.
            for (std::size_t o = 0; o < book.approvals.rows.size(); ++o) {
                if (o == a) continue;
                EXPECT_EQ(text.find(book.approvals.at(o, "合同编号")), std::string::npos)
                    << contract << " names " << book.approvals.at(o, "合同编号");
            }
        }
        std::printf(
            "[dossier] %zu related rows found, %zu other rows absent; slowest export "
            "%.2f s\n",
            checkedRelated, checkedOthers, slowest);

        // HT-2026-001 has rows in every section; its pages are the guides' pictures.
        const std::string first = dir + "/HT-2026-001.pdf";
        const std::string text = pdfText(first, "HT-2026-001");
        for (const char* heading : {"1.合同审批", "2.客户登记信息", "3.谈判记录", "4.关键点记录",
                                    "5.跟进行动", "6.履约里程碑", "7.验收与整改", "8.项目交接"})
            EXPECT_NE(text.find(heading), std::string::npos) << heading;
        EXPECT_EQ(text.find("工作簿中没有"), std::string::npos);
        // Dates as the workbook shows them (the template's YYYY-MM-DD), the amount grouped.
        EXPECT_NE(text.find("签署日期" + book.approvals.at(0, "签署日期")), std::string::npos);
        EXPECT_NE(text.find("合同金额(元)1,860,000"), std::string::npos);
        const int pages = pdfPages(first);
        EXPECT_GE(pages, 2);
        run("pdftoppm -r 60 -png -f 1 -l 2 '" + first + "' '" + dir + "/dossier-page'");
        EXPECT_TRUE(fs::exists(dir + "/dossier-page-1.png") ||
                    fs::exists(dir + "/dossier-page-01.png"));
        std::printf("[dossier] HT-2026-001: %d pages, %zu bytes\n", pages,
                    static_cast<std::size_t>(fs::file_size(first)));

        // The workbook is exactly as it was, not even marked modified.
        EXPECT_TRUE(differences(before, snapshot(doc)).empty());
        EXPECT_FALSE(isModified(doc));
        close(doc);
    });
}

// Users' registers carry a title row above the header (SPEC §6): the dossier reads them as
// Validate does and holds the same rows as before the titles were added.
TEST(ContractDossier, TitleRowsAboveTheHeadersChangeNothing) {
    unoGuard([&] {
        const auto doc = loadCopy(kSample);
        const std::string dir = artifacts();
        const auto exportText = [&](const std::string& name) {
            const std::string pdf = dir + "/" + name + ".pdf";
            fs::remove(pdf);
            const sal_Int32 rows = toolkit2()->exportDossier(
                component(doc), toOUString("HT-2026-001"), toOUString(fileUrl(pdf)));
            return std::pair{rows, pdfText(pdf, "HT-2026-001")};
        };
        const auto [rowsBefore, textBefore] = exportText("plain-headers");
        ASSERT_GT(rowsBefore, 0);
        for (const auto& name : sheetNamesOf(doc)) {
            const auto sheet = byNameOrThrow(doc, name);
            if (name == "设置") continue;
            Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)
                ->getRows()
                ->insertByIndex(0, 1);
            typeRows(doc, sheet, {{"2026年" + name}});
        }
        const auto [rowsAfter, textAfter] = exportText("title-rows");
        EXPECT_EQ(rowsAfter, rowsBefore);
        EXPECT_EQ(textAfter, textBefore);
        close(doc);
    });
}

TEST(ContractDossier, AllContractsIntoAFolderOneFileEach) {
    unoGuard([&] {
        const auto doc = loadCopy(kSample);
        const SampleBook book = readSample(doc);
        const Snapshot before = snapshot(doc);
        const std::string folder = Office::get().workDir() + "/all-dossiers";
        fs::remove_all(folder);
        fs::create_directories(folder);
        const auto start = std::chrono::steady_clock::now();
        EXPECT_EQ(toolkit2()->exportDossier(component(doc), "", toOUString(fileUrl(folder))), 8);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::set<std::string> expected, written;
        for (std::size_t a = 0; a < book.approvals.rows.size(); ++a) {
            std::string name;
            for (std::size_t c = 0; c < book.customers.rows.size(); ++c)
                if (book.customers.at(c, "客户编号") == book.approvals.at(a, "客户编号"))
                    name = book.customers.at(c, "客户名称");
            expected.insert(book.approvals.at(a, "合同编号") + "-" + name + ".pdf");
        }
        for (const auto& entry : fs::directory_iterator(folder))
            written.insert(entry.path().filename().string());
        EXPECT_EQ(written, expected);
        for (const auto& name : written)
            EXPECT_NE(pdfText(folder + "/" + name).find(squeezed(name.substr(0, 11))),
                      std::string::npos)
                << name;
        std::printf("[dossier] 8 contracts into a folder in %.2f s\n", seconds);
        EXPECT_TRUE(differences(before, snapshot(doc)).empty());
        EXPECT_FALSE(isModified(doc));
        close(doc);
    });
}

TEST(ContractDossier, AReadOnlyWorkbookGetsItsDossierToo) {
    unoGuard([&] {
        const std::string path = Office::get().workDir() + "/read-only-sample.ods";
        fs::copy_file(kSample, path, fs::copy_options::overwrite_existing);
        const auto doc = Reference<css::sheet::XSpreadsheetDocument>(
            loadComponent(fileUrl(path), false, true), UNO_QUERY_THROW);
        const std::string pdf = artifacts() + "/read-only.pdf";
        fs::remove(pdf);
        EXPECT_GT(
            toolkit2()->exportDossier(component(doc), "HT-2026-003", toOUString(fileUrl(pdf))), 1);
        EXPECT_NE(pdfText(pdf, "HT-2026-003").find("合同编号HT-2026-003"), std::string::npos);
        EXPECT_FALSE(isModified(doc));
        close(doc);
    });
}

TEST(ContractDossier, TheToolbarCommandTakesTheSelectedRowOrArguments) {
    unoGuard([&] {
        const auto doc = loadCopy(kSample);
        const std::string dir = artifacts();
        // The cursor on a milestone of HT-2026-004 (row 14 of the execution sheet).
        const auto execution = byNameOrThrow(doc, "合同履约跟踪表");
        ASSERT_EQ(textOf(execution, "A14"), "HT-2026-004");
        Reference<css::view::XSelectionSupplier>(
            Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController(),
            UNO_QUERY_THROW)
            ->select(css::uno::Any(cell(execution, "C14")));
        const std::string selected = dir + "/selected.pdf";
        fs::remove(selected);
        const Dispatched told = dispatchDossier(doc, {{"FileUrl", fileUrl(selected)}});
        EXPECT_FALSE(told.failed) << told.message;
        EXPECT_NE(told.message.find("selected.pdf"), std::string::npos) << told.message;
        const std::string text = pdfText(selected);
        EXPECT_NE(text.find("合同编号HT-2026-004"), std::string::npos);
        EXPECT_EQ(text.find("HT-2026-001"), std::string::npos);

        // By number, overriding the selection.
        const std::string byNumber = dir + "/by-number.pdf";
        EXPECT_FALSE(
            dispatchDossier(doc, {{"ContractNo", "HT-2026-002"}, {"FileUrl", fileUrl(byNumber)}})
                .failed);
        EXPECT_NE(pdfText(byNumber).find("合同编号HT-2026-002"), std::string::npos);

        // Headless and no target: told what to pass, nothing written.
        const Dispatched missing = dispatchDossier(doc, {{"ContractNo", "HT-2026-002"}});
        EXPECT_TRUE(missing.failed);
        EXPECT_NE(missing.message.find("FileUrl"), std::string::npos) << missing.message;
        EXPECT_FALSE(isModified(doc));
        close(doc);
    });
}

TEST(ContractDossier, BadInputGetsAClearAnswer) {
    unoGuard([&] {
        const auto doc = loadCopy(kSample);
        const std::string dir = artifacts();
        const Snapshot before = snapshot(doc);
        const std::string unknownPdf = dir + "/unknown.pdf";
        fs::remove(unknownPdf);
        const std::string unknown = refusal([&] {
            toolkit2()->exportDossier(component(doc), "HT-404", toOUString(fileUrl(unknownPdf)));
        });
        // In the office's language (the test office's is English).
        EXPECT_TRUE(unknown.find("工作簿中没有合同编号为“HT-404”的合同") != std::string::npos ||
                    unknown.find("The workbook has no contract numbered \"HT-404\"") !=
                        std::string::npos)
            << unknown;
        EXPECT_NE(unknown.find("HT-2026-001"), std::string::npos) << unknown;
        EXPECT_FALSE(fs::exists(unknownPdf));
        EXPECT_NE(refusal([&] {
                      toolkit2()->exportDossier(component(doc), "HT-2026-001", "HT.pdf");
                  }).find("URL"),
                  std::string::npos);
        // A folder that cannot exist (below a file): told where it could not write.
        const std::string blocked = dir + "/a-file.txt";
        fs::remove_all(blocked);
        { std::ofstream(blocked) << "x"; }
        const std::string unwritable = refusal([&] {
            toolkit2()->exportDossier(component(doc), "HT-2026-001",
                                      toOUString(fileUrl(blocked + "/HT.pdf")));
        });
        EXPECT_NE(unwritable.find(blocked + "/HT.pdf"), std::string::npos) << unwritable;
        EXPECT_TRUE(differences(before, snapshot(doc)).empty());
        EXPECT_FALSE(isModified(doc));
        close(doc);

        // A Writer document and a workbook without any contract sheet.
        const auto writer = loadComponent("private:factory/swriter");
        EXPECT_NE(refusal([&] {
                      toolkit2()->exportDossier(writer, "HT-1", toOUString(fileUrl(unknownPdf)));
                  }).find("Calc"),
                  std::string::npos);
        Reference<css::util::XCloseable>(writer, UNO_QUERY_THROW)->close(true);
        const auto empty = newSpreadsheet();
        const std::string noSheets = refusal([&] {
            toolkit2()->exportDossier(component(empty), "HT-1", toOUString(fileUrl(unknownPdf)));
        });
        EXPECT_TRUE(noSheets.find("没有合同相关的表") != std::string::npos ||
                    noSheets.find("has no contract sheet") != std::string::npos)
            << noSheets;
        close(empty);
    });
}

TEST(ContractDossier, MissingSheetsAndHostileTextAreShownNotFatal) {
    unoGuard([&] {
        // A workbook with nothing but an approval sheet, typed by hand: a 32,000-character
        // payment term, emoji, right-to-left text, a customer the workbook does not know.
        const auto doc = newSpreadsheet();
        Reference<css::container::XNamed>(sheetAt(doc, 0), UNO_QUERY_THROW)
            ->setName(toOUString("合同审批表"));
        const auto sheet = sheetAt(doc, 0);
        const auto& schema = dealsheet::productSchema().sheetOrThrow("approvals");
        std::vector<std::vector<std::variant<std::monostate, double, std::string>>> header;
        for (const auto& column : schema.columns) header.push_back({column.header.zh});
        for (std::size_t c = 0; c < header.size(); ++c)
            writeColumn(sheet, static_cast<int>(c), 0, {header[c]});
        std::string longTerms;
        while (longTerms.size() < 32000) longTerms += "分期付款ABC";
        setText(sheet, "A2", "HT-X-🚀");
        setText(sheet, "B2", "209901-001");
        setText(sheet, "C2", "合同 🚀👩‍👩‍👧 עברית العربية");
        setText(sheet, "E2", longTerms);
        setText(sheet, "G2", "\u202Eטקסט מימין לשמאל\u202C");
        const Snapshot before = snapshot(doc);

        const std::string dir = artifacts();
        const std::string pdf = dir + "/hostile.pdf";
        fs::remove(pdf);
        EXPECT_EQ(toolkit2()->exportDossier(component(doc), toOUString("HT-X-🚀"),
                                            toOUString(fileUrl(pdf))),
                  1);
        const std::string text = pdfText(pdf, "HT-X-🚀");
        EXPECT_NE(text.find("HT-X-"), std::string::npos);
        // Every missing sheet said in the dossier's language (the workbook's: Chinese).
        for (const char* missing : {"谈判记录表", "跟进行动表", "关键点记录", "合同履约跟踪表",
                                    "验收与整改", "售前与实施交接单", "客户信息登记表"})
            EXPECT_NE(text.find(std::string("工作簿中没有“") + missing + "”表。"),
                      std::string::npos)
                << missing;
        // The long text complete, over several pages, twice: in the key facts and the row.
        std::size_t pieces = 0;
        for (auto at = text.find("分期付款ABC"); at != std::string::npos;
             at = text.find("分期付款ABC", at + 1))
            ++pieces;
        EXPECT_EQ(pieces * std::string("分期付款ABC").size(), 2 * longTerms.size());
        EXPECT_GE(pdfPages(pdf), 3);

        // Every contract into a folder: the file name is safe, the override character gone.
        const std::string folder = Office::get().workDir() + "/hostile-all";
        fs::remove_all(folder);
        fs::create_directories(folder);
        EXPECT_EQ(toolkit2()->exportDossier(component(doc), "", toOUString(fileUrl(folder))), 1);
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(folder))
            names.push_back(entry.path().filename().string());
        EXPECT_EQ(names, (std::vector<std::string>{"HT-X-🚀.pdf"}));

        EXPECT_TRUE(differences(before, snapshot(doc)).empty());
        close(doc);
    });
}

TEST(ContractDossier, AContractWithNoOtherRowsSaysWhatIsMissing) {
    unoGuard([&] {
        // The full template, one approval row, nothing else anywhere.
        const auto doc = newSpreadsheet();
        toolkit()->insertTemplates(component(doc), "en");
        const auto approvals = byNameOrThrow(doc, "Contract Approval");
        setText(approvals, "A2", "HT-LONELY");
        setText(approvals, "B2", "209901-002");
        setText(approvals, "C2", "Lonely contract");
        const std::string pdf = artifacts() + "/lonely.pdf";
        fs::remove(pdf);
        EXPECT_EQ(toolkit2()->exportDossier(component(doc), "ht-lonely", toOUString(fileUrl(pdf))),
                  1);
        const std::string text = pdfText(pdf);
        EXPECT_NE(text.find("Contractdossier"), std::string::npos);
        EXPECT_NE(text.find(squeezed("No row of \"Customers\" is about customer 209901-002.")),
                  std::string::npos);
        EXPECT_NE(text.find(squeezed("No row of \"Contract Execution\" belongs to this contract.")),
                  std::string::npos);
        EXPECT_NE(text.find(squeezed("No row of \"Handover\" belongs to this contract.")),
                  std::string::npos);
        close(doc);
    });
}
