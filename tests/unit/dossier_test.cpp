// The contract dossier's query, outline, dates, file names and document text.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include "core/dossier/dossier.hpp"
#include "core/dossier/dossier_document.hpp"
#include "core/workbook/schema.hpp"

using namespace dealsheet;

namespace {

const SerialDates kDates;
double on(int y, int m, int d) { return static_cast<double>(*kDates.toSerial({y, m, d})); }

using Row = std::map<std::string, CellValue>;

// A sheet as a user has it: the schema's headers in `lang` in row 1, then `rows`.
SheetData sheetOf(const std::string& id, const std::vector<Row>& rows, Lang lang = Lang::Zh,
                  const std::vector<std::string>& dropColumns = {}) {
    const SheetSchema& schema = productSchema().sheetOrThrow(id);
    SheetData data;
    data.name = schema.name.in(lang);
    std::vector<const ColumnSchema*> columns;
    for (const auto& column : schema.columns)
        if (std::find(dropColumns.begin(), dropColumns.end(), column.id) == dropColumns.end())
            columns.push_back(&column);
    auto& header = data.cells.emplace_back();
    for (const auto* column : columns) header.emplace_back(column->header.in(lang));
    for (const auto& row : rows) {
        auto& cells = data.cells.emplace_back();
        for (const auto* column : columns) {
            const auto it = row.find(column->id);
            cells.push_back(it == row.end() ? CellValue{} : it->second);
        }
    }
    return data;
}

struct Workbook {
    std::vector<SheetData> data;  // reserved up front: the recognised sheets point into it
    DossierInput input;

    explicit Workbook(std::vector<std::pair<std::string, SheetData>> sheets) {
        data.reserve(sheets.size());
        for (auto& [id, sheet] : sheets) data.push_back(std::move(sheet));
        for (std::size_t i = 0; i < data.size(); ++i)
            input.sheets.push_back(
                recognise(productSchema().sheetOrThrow(sheets[i].first), data[i]));
        input.lang = workbookLanguage(input.sheets, Lang::Zh);
        input.today = static_cast<long>(on(2026, 12, 1));
        input.workbookName = "销售台账.ods";
    }
};

std::string s(const char* text) { return text; }

// Two customers, two contracts, rows of each in every sheet.
std::vector<std::pair<std::string, SheetData>> sample(Lang lang = Lang::Zh) {
    return {
        {"customers", sheetOf("customers",
                              {{{"customerNo", s("202601-001")},
                                {"registeredOn", on(2026, 1, 5)},
                                {"customerName", s("江苏华锐重工")},
                                {"owner", s("王磊")}},
                               {{"customerNo", s("202601-002")},
                                {"registeredOn", on(2026, 1, 9)},
                                {"customerName", s("苏州明德电子")},
                                {"owner", s("陈晨")}}},
                              lang)},
        {"negotiations",
         sheetOf("negotiations",
                 {{{"recordNo", s("TP-2")},
                   {"customerNo", s("202601-001")},
                   {"meetingDate", on(2026, 3, 2)},
                   {"round", 2.0},
                   {"topic", s("技术方案评审")}},
                  {{"recordNo", s("TP-9")},
                   {"customerNo", s("202601-002")},
                   {"meetingDate", on(2026, 2, 1)},
                   {"topic", s("明德的谈判")}},
                  {{"recordNo", s("TP-1")},
                   {"customerNo", s("２０２６０１-００１")},  // typed full-width: same customer
                   {"meetingDate", on(2026, 2, 10)},
                   {"round", 1.0},
                   {"topic", s("需求澄清")}}},
                 lang)},
        {"actions", sheetOf("actions",
                            {{{"actionNo", s("XD-1")},
                              {"customerNo", s("202601-001")},
                              {"task", s("提交技术方案")},
                              {"dueDate", on(2026, 3, 9)}},
                             {{"actionNo", s("XD-2")},
                              {"customerNo", s("202601-002")},
                              {"task", s("明德的行动")}}},
                            lang)},
        {"approvals", sheetOf("approvals",
                              {{{"contractNo", s("HT-1")},
                                {"customerNo", s("202601-001")},
                                {"contractName", s("MES 升级合同")},
                                {"amount", 1860000.0},
                                {"signedOn", on(2026, 4, 1)},
                                {"approvalResult", s("通过")}},
                               {{"contractNo", s("HT-2")},
                                {"customerNo", s("202601-002")},
                                {"contractName", s("智能仓储合同")},
                                {"amount", 460000.0}}},
                              lang)},
        {"execution", sheetOf("execution",
                              {{{"contractNo", s("HT-1")},
                                {"milestone", s("二期交付")},
                                {"plannedDate", on(2026, 9, 1)},
                                {"status", s("存在延迟")},
                                {"deviation", s("车间改造推迟")}},
                               {{"contractNo", s("HT-2")},
                                {"milestone", s("明德的里程碑")},
                                {"plannedDate", on(2026, 5, 1)}},
                               {{"contractNo", s("ht-1")},  // lower case: same contract
                                {"milestone", s("预付款到账")},
                                {"plannedDate", on(2026, 4, 20)},
                                {"status", s("已完成")}}},
                              lang)},
        {"acceptance",
         sheetOf(
             "acceptance",
             {{{"contractNo", s("HT-2")}, {"deliveredOn", on(2026, 6, 1)}, {"result", s("通过")}}},
             lang)},
    };
}

const DossierSection& section(const Dossier& d, const std::string& id) {
    for (const auto& sec : d.sections)
        if (sec.sheetId == id) return sec;
    throw std::runtime_error("no section " + id);
}

std::vector<std::string> headings(const DossierSection& sec) {
    std::vector<std::string> out;
    for (const auto& r : sec.records) out.push_back(r.heading);
    return out;
}

}  // namespace

TEST(DossierDates, ShowDatesAsTheWorkbookFormatsThem) {
    const double day = on(2026, 5, 3);  // a Sunday
    EXPECT_EQ(formatDateAs(day, "", kDates, Lang::Zh), "2026-05-03");
    EXPECT_EQ(formatDateAs(day, "YYYY-MM-DD", kDates, Lang::Zh), "2026-05-03");
    EXPECT_EQ(formatDateAs(day, "YYYY/M/D", kDates, Lang::Zh), "2026/5/3");
    EXPECT_EQ(formatDateAs(day, "YYYY\"年\"M\"月\"D\"日\"", kDates, Lang::Zh), "2026年5月3日");
    EXPECT_EQ(formatDateAs(day, "[$-804]YYYY年MM月DD日;@", kDates, Lang::Zh), "2026年05月03日");
    EXPECT_EQ(formatDateAs(day, "DD.MM.YY", kDates, Lang::En), "03.05.26");
    EXPECT_EQ(formatDateAs(day, "D MMMM YYYY", kDates, Lang::En), "3 May 2026");
    EXPECT_EQ(formatDateAs(day, "MMM D, YYYY", kDates, Lang::En), "May 3, 2026");
    EXPECT_EQ(formatDateAs(day, "NNN, YYYY-MM-DD", kDates, Lang::En), "Sunday, 2026-05-03");
    EXPECT_EQ(formatDateAs(day, "YYYY-MM-DD NN", kDates, Lang::Zh), "2026-05-03 周日");
    EXPECT_EQ(formatDateAs(on(2026, 12, 1), "MMMM", kDates, Lang::Zh), "十二月");
    EXPECT_EQ(formatDateAs(day + 0.5625, "YYYY-MM-DD HH:MM", kDates, Lang::Zh), "2026-05-03 13:30");
    EXPECT_EQ(formatDateAs(day, "yyyy\\-mm\\-dd", kDates, Lang::Zh), "2026-05-03");
    // Not a date format, or one this does not know: ISO, never a wrong date.
    EXPECT_EQ(formatDateAs(day, "General", kDates, Lang::Zh), "2026-05-03");
    EXPECT_EQ(formatDateAs(day, "#,##0.00", kDates, Lang::Zh), "2026-05-03");
    EXPECT_EQ(formatDateAs(day, "QQ YYYY", kDates, Lang::Zh), "2026-05-03");
    EXPECT_EQ(formatDateAs(day, "\"unterminated", kDates, Lang::Zh), "2026-05-03");
    // A 1904 workbook: the same serial is another day.
    const SerialDates dates1904({1904, 1, 1});
    EXPECT_EQ(formatDateAs(0, "YYYY-MM-DD", dates1904, Lang::Zh), "1904-01-01");
    // Not a date at all.
    EXPECT_EQ(formatDateAs(1e12, "YYYY-MM-DD", kDates, Lang::Zh), "1000000000000");
}

TEST(DossierQuery, HoldsTheContractsRowsAndTheCustomersAndNothingElse) {
    Workbook book(sample());
    book.input.dateFormats[{"合同审批表", 13}] = "YYYY年M月D日";
    const Dossier d = buildDossier(book.input, " ht-1 ");
    EXPECT_EQ(d.lang, Lang::Zh);
    EXPECT_EQ(d.contract.contractNo, "HT-1");
    EXPECT_EQ(d.contract.customerNo, "202601-001");
    EXPECT_EQ(d.contract.customerName, "江苏华锐重工");
    EXPECT_EQ(d.title, "合同档案");
    EXPECT_EQ(d.subtitle, "HT-1  MES 升级合同");

    // The key facts first, in a fixed order, blanks left out, dates in the sheet's format.
    std::vector<std::string> facts;
    for (const auto& f : d.keyFacts) facts.push_back(f.label + "=" + f.value);
    EXPECT_EQ(facts,
              (std::vector<std::string>{"合同编号=HT-1", "合同名称=MES 升级合同",
                                        "客户=江苏华锐重工（202601-001）", "合同金额(元)=1,860,000",
                                        "签署日期=2026年4月1日", "审批结论=通过", "负责人=王磊"}));

    EXPECT_EQ(headings(section(d, "approvals")), (std::vector<std::string>{"HT-1 MES 升级合同"}));
    EXPECT_EQ(headings(section(d, "customers")),
              (std::vector<std::string>{"202601-001 江苏华锐重工"}));
    // Ordered by meeting date; the full-width customer number is the same customer.
    EXPECT_EQ(headings(section(d, "negotiations")),
              (std::vector<std::string>{"TP-1 · 2026-02-10 · 第1轮 · 需求澄清",
                                        "TP-2 · 2026-03-02 · 第2轮 · 技术方案评审"}));
    EXPECT_EQ(headings(section(d, "actions")), (std::vector<std::string>{"XD-1 · 提交技术方案"}));
    const auto& keyPoints = section(d, "keyPoints");
    EXPECT_EQ(keyPoints.state, SectionState::SheetMissing);
    EXPECT_EQ(keyPoints.note, "工作簿中没有“关键点记录”表。");

    // Milestones as one table: by planned date, only the columns that hold something.
    const auto& execution = section(d, "execution");
    EXPECT_TRUE(execution.asGrid);
    EXPECT_EQ(execution.gridColumns,
              (std::vector<std::string>{"里程碑", "计划完成日期", "状态", "偏差说明"}));
    EXPECT_EQ(execution.gridRows, (std::vector<std::vector<std::string>>{
                                      {"预付款到账", "2026-04-20", "已完成", ""},
                                      {"二期交付", "2026-09-01", "存在延迟", "车间改造推迟"}}));
    const auto& acceptance = section(d, "acceptance");
    EXPECT_EQ(acceptance.state, SectionState::NoRows);
    EXPECT_EQ(acceptance.note, "“验收与整改”中没有这份合同的记录。");
    EXPECT_EQ(section(d, "handover").state, SectionState::SheetMissing);
    EXPECT_EQ(d.rowCount(), 7u);  // approval, customer, 2 negotiations, action, 2 milestones
    EXPECT_EQ(d.contents.front(), "合同审批：1 条");
    EXPECT_EQ(d.contents.back(), "项目交接：缺");
    EXPECT_EQ(d.footer, "由 DealSheet 根据“销售台账.ods”于 2026-12-01 生成。");

    // Nothing of the other contract or customer anywhere in the document.
    const std::string document = dossierFlatOdt(d);
    for (const char* other : {"HT-2", "明德", "TP-9", "XD-2", "智能仓储"})
        EXPECT_EQ(document.find(other), std::string::npos) << other;
    for (const char* own : {"TP-1", "TP-2", "XD-1", "二期交付", "车间改造推迟", "1,860,000"})
        EXPECT_NE(document.find(own), std::string::npos) << own;
}

TEST(DossierQuery, AnEnglishWorkbookGetsAnEnglishDossier) {
    Workbook book(sample(Lang::En));
    const Dossier d = buildDossier(book.input, "HT-2");
    EXPECT_EQ(d.lang, Lang::En);
    EXPECT_EQ(d.title, "Contract dossier");
    EXPECT_EQ(d.keyFacts.at(2).label, "Customer");
    EXPECT_EQ(d.keyFacts.at(2).value, "苏州明德电子 (202601-002)");
    EXPECT_EQ(section(d, "acceptance").heading, "Acceptance and rectification");
    EXPECT_EQ(headings(section(d, "acceptance")),
              (std::vector<std::string>{"delivered 2026-06-01 · 通过"}));
    EXPECT_EQ(section(d, "keyPoints").note, "The workbook has no Key Points sheet.");
    EXPECT_EQ(section(d, "execution").gridRows.size(), 1u);
}

TEST(DossierQuery, UnknownContractAndMissingSheetsAreToldNotGuessed) {
    Workbook book(sample());
    try {
        buildDossier(book.input, "HT-404");
        FAIL() << "no error";
    } catch (const DossierError& e) {
        EXPECT_EQ(e.in(Lang::Zh), "工作簿中没有合同编号为“HT-404”的合同。已有的合同：HT-1, HT-2");
        EXPECT_EQ(e.in(Lang::En),
                  "The workbook has no contract numbered \"HT-404\". Contracts in it: HT-1, HT-2");
    }
    EXPECT_THROW(buildDossier(book.input, " \u3000"), DossierError);

    Workbook customersOnly({{"customers", sheetOf("customers", {{{"customerNo", s("1")}}})}});
    try {
        buildDossier(customersOnly.input, "HT-1");
        FAIL() << "no error";
    } catch (const DossierError& e) {
        EXPECT_NE(e.in(Lang::Zh).find("工作簿中没有合同相关的表"), std::string::npos);
    }
}

TEST(DossierQuery, AContractWithNothingElseSaysWhatIsMissing) {
    // Only an approval row without a customer number, and an execution sheet lacking its
    // contract column.
    Workbook book(
        {{"approvals",
          sheetOf("approvals", {{{"contractNo", s("HT-9")}, {"contractName", s("孤立合同")}}})},
         {"execution",
          sheetOf("execution", {{{"milestone", s("某里程碑")}}}, Lang::Zh, {"contractNo"})}});
    const Dossier d = buildDossier(book.input, "HT-9");
    EXPECT_EQ(d.rowCount(), 1u);
    EXPECT_EQ(section(d, "customers").state, SectionState::SheetMissing);
    EXPECT_EQ(section(d, "negotiations").state, SectionState::SheetMissing);
    EXPECT_EQ(section(d, "execution").state, SectionState::ColumnMissing);
    EXPECT_EQ(section(d, "execution").note,
              "“合同履约跟踪表”缺少“合同编号”列，无法找到与这份合同相关的行。");

    Workbook withCustomers(
        {{"customers", sheetOf("customers", {{{"customerNo", s("202601-001")}}})},
         {"approvals", sheetOf("approvals", {{{"contractNo", s("HT-9")}}})}});
    const Dossier noCustomer = buildDossier(withCustomers.input, "HT-9");
    EXPECT_EQ(section(noCustomer, "customers").state, SectionState::NoCustomer);

    // Known only from its handover: the key facts say the approval row is missing.
    Workbook handoverOnly({{"handover", sheetOf("handover", {{{"contractNo", s("HT-7")},
                                                              {"customerName", s("某客户")},
                                                              {"project", s("项目七")}}})}});
    const Dossier fromHandover = buildDossier(handoverOnly.input, "HT-7");
    EXPECT_EQ(fromHandover.keyFacts.back().value, "工作簿中没有这份合同的审批行（见下文）");
    EXPECT_EQ(section(fromHandover, "approvals").state, SectionState::SheetMissing);
    EXPECT_EQ(fromHandover.contract.customerName, "某客户");
}

TEST(DossierQuery, ListsContractsAndFindsThoseOfASelectedRow) {
    Workbook book(sample());
    const auto contracts = listContracts(book.input.sheets);
    ASSERT_EQ(contracts.size(), 2u);
    EXPECT_EQ(contracts[0].contractNo, "HT-1");
    EXPECT_EQ(contracts[0].customerName, "江苏华锐重工");
    EXPECT_EQ(contracts[1].contractName, "智能仓储合同");
    const auto& sheets = book.input.sheets;
    // A milestone row: its contract; a negotiation row: its customer's contracts.
    EXPECT_EQ(contractsOfRow(sheets, sheets[4], 2), (std::vector<std::string>{"HT-2"}));
    EXPECT_EQ(contractsOfRow(sheets, sheets[1], 2), (std::vector<std::string>{"HT-2"}));
    EXPECT_EQ(contractsOfRow(sheets, sheets[0], 1), (std::vector<std::string>{"HT-1"}));
    EXPECT_TRUE(contractsOfRow(sheets, sheets[0], 0).empty());   // the header
    EXPECT_TRUE(contractsOfRow(sheets, sheets[0], 99).empty());  // below the data
}

TEST(DossierFileName, IsSafeOnEverySystem) {
    EXPECT_EQ(dossierFileName("HT-2026-001", "江苏华锐重工机械股份有限公司"),
              "HT-2026-001-江苏华锐重工机械股份有限公司.pdf");
    EXPECT_EQ(dossierFileName("HT/2026\\001", "A:B*C?\"D\"<E>|F"),
              "HT_2026_001-A_B_C__D__E__F.pdf");
    EXPECT_EQ(dossierFileName("HT-1", ""), "HT-1.pdf");
    EXPECT_EQ(dossierFileName("", ""), "dossier.pdf");
    EXPECT_EQ(dossierFileName("CON", ""), "_CON.pdf");
    EXPECT_EQ(dossierFileName("com3", ""), "_com3.pdf");
    EXPECT_EQ(dossierFileName(" ..HT-1.. ", "  a\tb\nc  "), "HT-1-a b c.pdf");
    // Right-to-left override (a file-name spoofing trick) and zero-width characters removed.
    EXPECT_EQ(dossierFileName("HT-1", "\u202Efdp.exe\u200B"), "HT-1-fdp.exe.pdf");
    EXPECT_EQ(dossierFileName("HT-1", "شركة 🚀"), "HT-1-شركة 🚀.pdf");
    // Long names end on a character boundary, at most 150 bytes before ".pdf".
    std::string longName;
    for (int i = 0; i < 100; ++i) longName += "华";
    const std::string name = dossierFileName("HT-1", longName);
    EXPECT_LE(name.size(), 154u);
    EXPECT_EQ(name.substr(name.size() - 4), ".pdf");
    EXPECT_EQ((name.size() - 4 - 5) % 3, 0u);  // whole three-byte characters after "HT-1-"
}

TEST(DossierDocument, AnyTextMakesWellFormedXml) {
    std::string huge(32000, 'x');
    huge += "终";
    Workbook book({{"approvals",
                    sheetOf("approvals", {{{"contractNo", s("HT-<&>\"'")},
                                           {"contractName",
                                            s("emoji 🚀👩‍👩‍👧 and עברית RTL")},
                                           {"paymentTerms", huge},
                                           {"liability", s("ctrl\x01\x02\x1f chars\r\nline 2\t"
                                                           "tab    four spaces")},
                                           {"disputes", s("bad utf8 \xff\xfe end")}}})}});
    const Dossier d = buildDossier(book.input, "HT-<&>\"'");
    const std::string xml = dossierFlatOdt(d);
    std::istringstream in(xml);
    boost::property_tree::ptree tree;
    EXPECT_NO_THROW(boost::property_tree::read_xml(in, tree));
    EXPECT_EQ(xml.find('\x01'), std::string::npos);
    EXPECT_NE(xml.find("HT-&lt;&amp;&gt;\"'"), std::string::npos);
    EXPECT_NE(xml.find("🚀👩‍👩‍👧 and עברית RTL"), std::string::npos);
    EXPECT_NE(xml.find(huge), std::string::npos);  // all of it, nothing cut
    EXPECT_NE(xml.find("chars<text:line-break/>line 2<text:tab/>tab <text:s text:c=\"3\"/>four"),
              std::string::npos);
    EXPECT_NE(xml.find("bad utf8 \uFFFD\uFFFD end"), std::string::npos);
    // The structure: title, key facts, a numbered heading per section, the footer.
    EXPECT_NE(xml.find("<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">1. "
                       "合同审批</text:h>"),
              std::string::npos);
    EXPECT_NE(xml.find("8. 项目交接"), std::string::npos);
    EXPECT_NE(xml.find("工作簿中没有“售前与实施交接单”表。"), std::string::npos);
}

TEST(DossierFileName, TwoContractsNeverShareAFile) {
    const std::vector<ContractEntry> contracts{{"HT/1", "", "", "甲"},
                                               {"HT:1", "", "", "甲"},
                                               {"ht_1", "", "", "甲"},
                                               {"HT-2", "", "", "乙"}};
    EXPECT_EQ(dossierFileNames(contracts),
              (std::vector<std::string>{"HT_1-甲.pdf", "HT_1-甲 (2).pdf", "ht_1-甲 (3).pdf",
                                        "HT-2-乙.pdf"}));
}
