// Users' own workbooks (SPEC §6): header rows, synonyms, decorated names, non-data rows,
// merged cells, contacts as typed, width-folded list values, every missing column.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "core/recognition/recognition.hpp"
#include "core/validate/contact.hpp"
#include "core/validate/validator.hpp"

using namespace dealsheet;

namespace {

const Schema& schema() { return productSchema(); }
const SheetSchema& customers() { return schema().sheetOrThrow("customers"); }

std::vector<CellValue> row(std::initializer_list<const char*> texts) {
    std::vector<CellValue> cells;
    for (const char* t : texts) cells.emplace_back(t ? CellValue(std::string(t)) : CellValue());
    return cells;
}

const std::vector<CellValue> kUserHeader =
    row({"序号", "*客户名称", "客户\n编码", "录入日期", "所属行业", "联系人", "手机", "需求",
         "客户来源", "阶段", "业务员", "预算（万元）", "线索评级"});

SheetRecognition recogniseOne(const std::string& name, const CellGrid& top,
                              const std::map<std::string, ColumnMapping>& mappings = {}) {
    return recogniseSheets(schema(), {name}, {top}, mappings).front();
}

ValidationResult validateOne(const SheetRecognition& r, const SheetData& whole) {
    SkippedRows skipped;
    std::vector<std::pair<const SheetSchema*, SheetData>> input;
    input.emplace_back(r.schema, cutToData(r, whole, skipped));
    const SerialDates dates;
    return validateWorkbook(input, {dates, *dates.toSerial({2024, 6, 12}), Settings{}});
}

std::vector<std::string> codes(const ValidationResult& result) {
    std::vector<std::string> out;
    for (const auto& f : result.findings)
        out.push_back(f.rule + "@" + std::to_string(f.row + 1) + ":" + f.field);
    return out;
}

}  // namespace

TEST(HeaderKey, IgnoresWidthCaseSpacesBreaksMarkersAndBracketWidth) {
    EXPECT_EQ(headerKey("＊客户\n名称（必填）："), headerKey("客户名称"));
    EXPECT_EQ(headerKey("* 客户名称"), headerKey("客户名称"));
    EXPECT_EQ(headerKey("预算（万元）"), headerKey("预算(万元)"));
    EXPECT_EQ(headerKey("预算【万元】"), headerKey("预算(万元)"));
    EXPECT_EQ(headerKey("ＣＵＳＴＯＭＥＲ　NO."), headerKey("Customer No."));
    EXPECT_EQ(headerKey("客户名称(必填)"), headerKey("客户名称"));
    EXPECT_NE(headerKey("客户名称"), headerKey("客户编号"));
}

TEST(HeaderRow, SynonymsAndMarkersAreRecognisedAndTheRestListed) {
    const HeaderMatch m = matchHeaderRow(customers(), kUserHeader);
    const auto at = [&](const char* id) { return m.columnOf[customers().columnIndex(id)]; };
    EXPECT_EQ(at("customerName"), 1);
    EXPECT_EQ(at("customerNo"), 2);
    EXPECT_EQ(at("registeredOn"), 3);
    EXPECT_EQ(at("industry"), 4);
    EXPECT_EQ(at("contact"), 5);
    EXPECT_EQ(at("phoneEmail"), 6);
    EXPECT_EQ(at("coreNeeds"), 7);
    EXPECT_EQ(at("leadSource"), 8);
    EXPECT_EQ(at("stage"), 9);
    EXPECT_EQ(at("owner"), 10);
    EXPECT_EQ(at("budget"), 11);
    EXPECT_EQ(at("leadGrade"), 12);
    EXPECT_EQ(m.matched, 12);
    EXPECT_EQ(m.unrecognised, std::vector<std::string>{"序号"});
    EXPECT_TRUE(m.ambiguous.empty());
}

// A synced sheet's hidden Sync columns are DealSheet's own: never "not recognised".
TEST(HeaderRow, DealSheetsOwnSyncColumnsAreNeverListedAsUnrecognised) {
    std::vector<CellValue> header = kUserHeader;
    for (const char* own : {"同步标识", " 同步版本 ", "同步校验", "Sync ID", "sync version"})
        header.emplace_back(std::string(own));
    header.emplace_back(std::string("同步备注"));  // a column of the user's own
    const HeaderMatch m = matchHeaderRow(customers(), header);
    EXPECT_EQ(m.matched, 12);
    EXPECT_EQ(m.unrecognised, (std::vector<std::string>{"序号", "同步备注"}));
}

TEST(HeaderRow, TwoSynonymsOfOneColumnAreAmbiguousNotGuessed) {
    const HeaderMatch m = matchHeaderRow(customers(), row({"客户名称", "手机", "邮箱", "负责人"}));
    EXPECT_EQ(m.columnOf[customers().columnIndex("phoneEmail")], -1);
    ASSERT_EQ(m.ambiguous.size(), 1u);
    EXPECT_EQ(m.ambiguous[0], "手机 / 邮箱 → 联系方式 (Phone / Email)");
    EXPECT_TRUE(m.unrecognised.empty());
}

TEST(HeaderRow, TheExactNameWinsOverASynonym) {
    const HeaderMatch m = matchHeaderRow(customers(), row({"手机", "联系方式", "客户名称"}));
    EXPECT_EQ(m.columnOf[customers().columnIndex("phoneEmail")], 1);
    EXPECT_EQ(m.unrecognised, std::vector<std::string>{"手机"});
}

TEST(HeaderRow, AMappingChoosesAndClearsColumns) {
    ColumnMapping mapping;
    mapping.columns["phoneEmail"] = "邮箱";
    mapping.columns["customerName"] = "";
    const HeaderMatch m =
        matchHeaderRow(customers(), row({"客户名称", "手机", "邮箱", "负责人"}), &mapping);
    EXPECT_EQ(m.columnOf[customers().columnIndex("phoneEmail")], 2);
    EXPECT_EQ(m.columnOf[customers().columnIndex("customerName")], -1);
    EXPECT_EQ(m.unrecognised, (std::vector<std::string>{"客户名称", "手机"}));
}

TEST(SchemaSynonyms, NoHeaderCouldBeTwoColumnsOfOneSheet) {
    for (const auto& sheet : schema().sheets()) {
        std::map<std::string, std::string> owner;
        for (const auto& c : sheet.columns) {
            std::vector<std::string> all{c.header.zh, c.header.en};
            all.insert(all.end(), c.synonyms.begin(), c.synonyms.end());
            for (const auto& h : all) {
                const auto [it, added] = owner.emplace(headerKey(h), c.id);
                EXPECT_TRUE(added || it->second == c.id) << sheet.id << ": " << h;
            }
        }
    }
    EXPECT_THROW(Schema::parse(R"({"sheets":[{"id":"s","zh":"表","en":"S","columns":[
        {"id":"a","zh":"甲","en":"A","type":"text","synonyms":["丙"]},
        {"id":"b","zh":"乙","en":"B","type":"text","synonyms":["＊丙"]}]}]})"),
                 SchemaError);
}

TEST(SheetNames, DecorationsAreToleratedAndBareWordsAreNot) {
    for (const char* name : {"客户信息登记表2024", "客户信息登记表（2024）",
                             "客户信息登记表 - 副本", "2024年客户信息登记表", "客户信息登记",
                             "Customers (2)", "Customers - Copy", "customers 2024"})
        EXPECT_EQ(sheetByDecoratedName(schema(), name), &customers()) << name;
    for (const char* name : {"客户表", "客户登记表", "Sheet1", "2024", "表"})
        EXPECT_EQ(sheetByDecoratedName(schema(), name), nullptr) << name;
    EXPECT_EQ(sheetByDecoratedName(schema(), "跟进行动表（副本）"),
              &schema().sheetOrThrow("actions"));
}

TEST(SheetRecognition, ATitleRowAboveTheHeaderIsSkipped) {
    const CellGrid top{
        row({"2024年客户信息登记表"}), row({"制表日期：2024-06-01"}), {}, kUserHeader};
    const auto r = recogniseOne("客户信息登记表", top);
    ASSERT_EQ(r.schema, &customers());
    EXPECT_EQ(r.by, RecognisedBy::Name);
    EXPECT_EQ(r.headerRow, 3);
    EXPECT_TRUE(r.headerFound);
}

TEST(SheetRecognition, ANameThatSaysNothingIsRecognisedByItsHeaderRow) {
    const auto r = recogniseOne("Sheet1", {row({"客户清单"}), kUserHeader});
    ASSERT_EQ(r.schema, &customers());
    EXPECT_EQ(r.by, RecognisedBy::HeaderRow);
    EXPECT_EQ(r.headerRow, 1);
    // Too few columns of any sheet: not recognised, with a reason.
    const auto other = recogniseOne("Sheet2", {row({"姓名", "电话", "地址"})});
    EXPECT_EQ(other.schema, nullptr);
    EXPECT_FALSE(std::string(other.skipReason.en).empty());
}

TEST(SheetRecognition, AStoredKindAndHeaderRowWin) {
    ColumnMapping mapping;
    mapping.kind = "customers";
    mapping.headerRow = 2;
    mapping.columns["customerNo"] = "编号";
    const auto r =
        recogniseOne("名单", {row({"说明"}), row({"编号", "公司", "电话"})}, {{"名单", mapping}});
    ASSERT_EQ(r.schema, &customers());
    EXPECT_EQ(r.by, RecognisedBy::Mapping);
    EXPECT_EQ(r.headerRow, 1);
    EXPECT_EQ(r.header.columnOf[customers().columnIndex("customerNo")], 0);
    EXPECT_EQ(r.header.columnOf[customers().columnIndex("customerName")], 1);
}

TEST(Mapping, EntriesRoundTripAndBadOnesAreRefusedWithAMessage) {
    const ColumnMapping m = parseMappingEntries(
        schema(), {"@kind=customers", "@headerRow=3", "customerNo=客户代码", "phoneEmail="});
    EXPECT_EQ(m.kind, "customers");
    EXPECT_EQ(m.headerRow, 3);
    EXPECT_EQ(mappingEntries(m), (std::vector<std::string>{"@kind=customers", "@headerRow=3",
                                                           "customerNo=客户代码", "phoneEmail="}));
    const auto grid = mappingsToGrid({{"Sheet1", m}});
    EXPECT_EQ(mappingsFromGrid(schema(), grid).at("Sheet1").columns, m.columns);
    EXPECT_THROW(parseMappingEntries(schema(), {"@kind=nonsense"}), std::invalid_argument);
    EXPECT_THROW(parseMappingEntries(schema(), {"noSuchColumn=x"}), std::invalid_argument);
    EXPECT_THROW(parseMappingEntries(schema(), {"@headerRow=abc"}), std::invalid_argument);
    EXPECT_THROW(parseMappingEntries(schema(), {"no equals sign"}), std::invalid_argument);
}

TEST(Rows, InstructionsTotalsNotesAndDefaultsAreSkippedAndCounted) {
    SheetData whole;
    whole.name = "客户信息登记表";
    const auto header = row({"客户编号", "登记日期", "客户名称", "行业类型", "联系人", "联系方式",
                             "核心需求", "销售阶段", "跟进状态", "负责人", "预算(万元)"});
    whole.cells = {
        row({"2024年客户信息登记表"}),
        header,
        row({"Customer No.", "Registered On", "Customer Name", "Industry"}),
        {std::string("202406-001"), 45450.0, std::string("华锐"), std::string("制造业"),
         std::string("周"), 13800138000.0, std::string("MES"), std::string("需求挖掘"),
         std::string("正常跟进"), std::string("王磊"), 10.0},
        row({nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, "正常跟进"}),
        {std::string("合计"), {}, {}, {}, {}, {}, {}, {}, {}, {}, 10.0},
        {},
        row({"注：本表每周更新"})};
    whole.isFormula.assign(whole.cells.size(), std::vector<bool>(11, false));
    whole.isFormula[5][10] = true;
    const auto r = recogniseOne(whole.name, whole.cells);
    ASSERT_EQ(r.headerRow, 1);
    SkippedRows skipped;
    const SheetData data = cutToData(r, whole, skipped);
    EXPECT_EQ(skipped.aboveHeader, 1);
    EXPECT_EQ(skipped.instructions, 1);
    EXPECT_EQ(skipped.defaults, 1);
    EXPECT_EQ(skipped.totals, 1);
    EXPECT_EQ(skipped.notes, 1);
    EXPECT_EQ(data.sheetRows, (std::vector<int>{1, 3}));  // blank rows left out too
    const auto result = validateOne(r, whole);
    EXPECT_TRUE(result.findings.empty()) << codes(result).front();
    ASSERT_EQ(result.checked.size(), 1u);
    EXPECT_EQ(result.checked[0].filledRows, 1);
}

TEST(Rows, EveryMissingRequiredColumnIsItsOwnFindingAndCheckingGoesOn) {
    SheetData whole;
    whole.name = "客户信息登记表";
    whole.cells = {row({"标题"}), row({"客户名称", "联系人", "预算(万元)", "线索评级"}),
                   row({"华锐", "周", "abc", "Ａ"})};
    const auto r = recogniseOne(whole.name, whole.cells);
    const auto result = validateOne(r, whole);
    EXPECT_EQ(codes(result),
              (std::vector<std::string>{"MISSING_COLUMN@2:客户编号", "MISSING_COLUMN@2:登记日期",
                                        "MISSING_COLUMN@2:行业类型", "MISSING_COLUMN@2:联系方式",
                                        "MISSING_COLUMN@2:核心需求", "MISSING_COLUMN@2:销售阶段",
                                        "MISSING_COLUMN@2:负责人", "TYPE@3:预算(万元)"}));
}

TEST(Rows, AMergedCellCountsForEveryRowItCoversAndIsNoDuplicate) {
    SheetData whole;
    whole.name = "客户信息登记表";
    whole.cells = {row({"客户编号", "登记日期", "客户名称", "行业类型", "联系人", "联系方式",
                        "核心需求", "销售阶段", "负责人"}),
                   {std::string("202406-001"), 45450.0, std::string("华锐"), std::string("制造业"),
                    std::string("周"), std::string("13800138000"), std::string("MES"),
                    std::string("需求挖掘"), std::string("王磊")},
                   {{}, {}, {}, {}, std::string("李"), std::string("zhang＠abc.com"), {}, {}, {}}};
    std::vector<MergedArea> merged;
    for (int c : {0, 1, 2, 3, 6, 7, 8}) merged.push_back({1, c, 2, c});
    fillMergedCells(whole, merged);
    EXPECT_TRUE(whole.mergedCopyAt(2, 0));
    const auto r = recogniseOne(whole.name, whole.cells);
    const auto result = validateOne(r, whole);
    EXPECT_TRUE(result.findings.empty()) << codes(result).front();
    EXPECT_EQ(result.checked[0].filledRows, 2);
}

TEST(Contacts, ChineseNotationsAreContacts) {
    for (const char* text :
         {"0512-62001234转801", "0512-62001234 分机801", "010-88886666 ext. 801",
          "021-5555 6666x801", "13700001111（微信同号）", "（0755）86001234",
          "１３８００１３８０００", "zhang＠abc.com", "13800138000/zhang@abc.com",
          "13800138000、13900139000", "13800138000 zhang@abc.com", "13800138000\n13900139000",
          "手机：13800138000", "Tel: +86 21 6888 1234",
          "13800138000 面谈"})  // the number is what counts (SPEC §13)
        EXPECT_TRUE(isContact(text)) << text;
    for (const char* text : {"面谈", "138", "zhang at abc", "（微信同号）"})
        EXPECT_FALSE(isContact(text)) << text;
}

TEST(Contacts, NumbersAreTypedPhonesAndALostLeadingZeroIsSaid) {
    EXPECT_FALSE(contactProblem(CellValue(13800138000.0)));
    EXPECT_FALSE(contactProblem(CellValue(62001234.0)));
    const auto lost = contactProblem(CellValue(51262001234.0));
    ASSERT_TRUE(lost);
    EXPECT_NE(lost->zh.find("0512620012"), std::string::npos);
    EXPECT_NE(lost->en.find("Text"), std::string::npos);
    ASSERT_TRUE(contactProblem(CellValue(1062001234.0)));  // 010 Beijing
    const auto tooShort = contactProblem(CellValue(12345.0));
    ASSERT_TRUE(tooShort);
    EXPECT_TRUE(tooShort->zh.empty());
    EXPECT_TRUE(contactProblem(CellValue(std::string("面谈"))));
}

TEST(ListValues, FullWidthFormsMatch) {
    const EnumList& grades = schema().list("grades");
    EXPECT_EQ(grades.find("Ａ"), &grades.values[0]);
    EXPECT_EQ(schema().list("stages").find("ｌｅａｄ"), &schema().list("stages").values[0]);
    EXPECT_EQ(grades.find("D"), nullptr);
}

TEST(Rows, ATemplatesFormulaRowsAreEmptyRowsNotDefaults) {
    SheetData whole;
    whole.name = "客户信息登记表";
    whole.cells = {row({"客户编号", "客户名称", "联系人", "线索评级"}),
                   row({nullptr, nullptr, nullptr, "C"}), row({nullptr, nullptr, nullptr, "C"})};
    whole.isFormula = {
        {false, false, false, false}, {false, false, false, true}, {false, false, false, true}};
    const auto r = recogniseOne(whole.name, whole.cells);
    SkippedRows skipped;
    const SheetData data = cutToData(r, whole, skipped);
    EXPECT_EQ(skipped.total(), 0);
    EXPECT_EQ(data.rowCount(), 3);  // kept: rows of formula results, empty to the validator
    EXPECT_EQ(validateOne(r, whole).findings.size(), 6u);  // the missing required columns only
}

// Found by fuzz_contact: an e-mail address whose local part ends in a colon is not a label.
TEST(Contacts, AnAddressIsNeverTakenApartAsALabel) {
    EXPECT_TRUE(isEmailAddress("a:@bb.cHn30"));
    EXPECT_TRUE(isContact("a:@bb.cHn30"));
    EXPECT_TRUE(isContact("手机：13800138000"));  // a real label still comes off
}

// Assign reads only three columns of the rows whose customer name is typed text (the rest of
// those rows stays blank): cutToData must keep and skip exactly the same rows either way.
TEST(Rows, ATypedCustomerNameDecidesItsRowWhateverTheRestOfTheRowHolds) {
    const int name = plainTextColumn(customers(), {"customerNo", "registeredOn"});
    ASSERT_GE(name, 0);
    EXPECT_EQ(customers().columns[static_cast<std::size_t>(name)].id, "customerName");
    EXPECT_EQ(plainTextColumn(customers(), {"customerNo", "registeredOn", "customerName", "contact",
                                            "phoneEmail", "coreNeeds", "owner"}),
              -1);

    SheetData whole;
    whole.name = "客户信息登记表";
    const auto header = row({"客户编号", "登记日期", "客户名称", "行业类型", "联系人", "联系方式",
                             "核心需求", "销售阶段", "跟进状态", "负责人", "预算(万元)"});
    whole.cells = {row({"2024年客户信息登记表"}), header};
    const std::vector<CellValue> names{CellValue(),
                                       std::string("华锐科技"),
                                       std::string("  "),
                                       std::string("合计"),
                                       std::string("总计（万元）"),
                                       std::string("注：本表每周更新"),
                                       std::string("说明"),
                                       std::string("Total"),
                                       std::string("合计华锐科技有限公司北京分公司"),
                                       45450.0};
    const std::vector<std::vector<CellValue>> rests{
        {},
        {{}, {}, {}, {}, std::string("需求挖掘"), std::string("正常跟进")},
        {{}, {}, {}, {}, {}, {}, {}, 10.0},
        {std::string("制造业"), std::string("周"), 13800138000.0, std::string("MES"),
         std::string("需求挖掘"), std::string("正常跟进"), std::string("王磊"), 10.0},
        {std::string("合计"), {}, {}, {}, {}, {}, {}, 12.0}};
    std::mt19937 random(7);
    for (int i = 0; i < 3000; ++i) {
        std::vector<CellValue> cells(11);
        if (random() % 3 == 0) cells[0] = std::string("202406-00") + std::to_string(i % 10);
        if (random() % 2 == 0) cells[1] = 45450.0 + i % 30;
        cells[2] = names[random() % names.size()];
        const auto& rest = rests[random() % rests.size()];
        ASSERT_LE(rest.size(), 8u);
        std::copy(rest.begin(), rest.end(), cells.begin() + 3);
        whole.cells.push_back(cells);
    }
    whole.cells.push_back(row({"注：本表每周更新"}));
    whole.isFormula.assign(whole.cells.size(), std::vector<bool>(11, false));
    whole.isError = whole.isFormula;
    for (std::size_t r = 2; r < whole.cells.size(); ++r) {
        if (random() % 17 == 0) whole.isFormula[r][2] = true;
        if (random() % 23 == 0) whole.isFormula[r][10] = true;
        if (random() % 29 == 0) whole.isError[r][2] = whole.isFormula[r][2] = true;
    }

    const auto r = recogniseOne(whole.name, whole.cells);
    ASSERT_EQ(r.headerRow, 1);
    SheetData narrow = whole;
    int left = 0;
    for (int row = r.headerRow + 3; row < narrow.rowCount(); ++row) {
        const auto at = static_cast<std::size_t>(row);
        if (whole.formulaAt(row, 2) || whole.errorAt(row, 2) ||
            !typedTextMakesDataRow(whole.at(row, 2)))
            continue;
        narrow.cells[at].resize(3);  // customer number, date, name
        narrow.isFormula[at].resize(3);
        narrow.isError[at].resize(3);
        ++left;
    }
    EXPECT_GT(left, 500);
    SkippedRows skippedWhole, skippedNarrow;
    const SheetData a = cutToData(r, whole, skippedWhole);
    const SheetData b = cutToData(r, narrow, skippedNarrow);
    EXPECT_EQ(a.sheetRows, b.sheetRows);
    EXPECT_EQ(skippedWhole.instructions, skippedNarrow.instructions);
    EXPECT_EQ(skippedWhole.totals, skippedNarrow.totals);
    EXPECT_EQ(skippedWhole.notes, skippedNarrow.notes);
    EXPECT_EQ(skippedWhole.defaults, skippedNarrow.defaults);
    EXPECT_GT(skippedWhole.totals, 0);
    EXPECT_GT(skippedWhole.defaults, 0);
    const RecognisedSheet sa = recognise(customers(), a), sb = recognise(customers(), b);
    for (int row = 1; row < a.rowCount() && row < b.rowCount(); ++row) {
        EXPECT_EQ(isRowFilled(sa, row), isRowFilled(sb, row)) << "sheet row " << a.sheetRow(row);
        for (int c : {0, 1})
            EXPECT_EQ(a.at(row, c), b.at(row, c)) << "sheet row " << a.sheetRow(row);
    }
}

// ---- SPEC §13: values confirm the header, ambiguous required columns ---------------------

namespace {

CellValue number(double value) { return CellValue(value); }

}  // namespace

TEST(ValuesConfirmHeaders, AWinProbabilityOf0To100IsNoLikelihoodScore) {
    SheetData whole;
    whole.name = "Pipeline";
    whole.cells = {
        row({"Customer Name", "Probability", "Urgency Level", "Owner"}),
        {CellValue(std::string("Huarui")), number(30), number(4), CellValue(std::string("Wang"))},
        {CellValue(std::string("Dongfang")), number(60), number(2), CellValue(std::string("Zhao"))},
        {CellValue(std::string("Qiming")), number(90), number(7), CellValue(std::string("Zhao"))}};
    const auto r = recogniseOne("客户信息登记表", whole.cells);
    EXPECT_EQ(r.header.columnOf[customers().columnIndex("likelihood")], -1);
    EXPECT_EQ(r.header.columnOf[customers().columnIndex("urgency")], 2);  // one 7 in three
    ASSERT_EQ(r.header.contradicted.size(), 1u);
    EXPECT_EQ(r.header.contradicted[0].header, "Probability");
    EXPECT_EQ(r.header.contradicted[0].column,
              static_cast<std::size_t>(customers().columnIndex("likelihood")));
    EXPECT_NE(r.header.contradicted[0].en.find("0–100"), std::string::npos);
    // No RANGE finding for a column left unmapped; the urgency of 7 still is one.
    const auto findings = codes(validateOne(r, whole));
    EXPECT_EQ(std::count_if(findings.begin(), findings.end(),
                            [](const std::string& f) { return f.rfind("RANGE", 0) == 0; }),
              1);
}

TEST(ValuesConfirmHeaders, PercentagesAndFractionsAreNoScoreEither) {
    const auto column = static_cast<std::size_t>(customers().columnIndex("urgency"));
    for (const CellGrid& rows : {CellGrid{row({"客户名称", "紧急度", "负责人"}),
                                          row({"甲", "80%", "王"}), row({"乙", "20%", "王"})},
                                 CellGrid{row({"客户名称", "紧急度", "负责人"}),
                                          {CellValue(std::string("甲")), number(0.8)},
                                          {CellValue(std::string("乙")), number(0.25)}}}) {
        HeaderMatch m = matchHeaderRow(customers(), rows[0]);
        ASSERT_EQ(m.columnOf[column], 1);
        confirmByValues(customers(), m, rows, 0);
        EXPECT_EQ(m.columnOf[column], -1);
        EXPECT_EQ(m.contradicted.size(), 1u);
    }
}

TEST(ValuesConfirmHeaders, DatesAreNoAmountsAndTextIsNoNumber) {
    const auto budget = static_cast<std::size_t>(customers().columnIndex("budget"));
    // Dates typed as text, and dates formatted as dates (numbers to getDataArray).
    CellGrid typed{row({"客户名称", "预算", "负责人"}), row({"甲", "2024-05-06", "王"}),
                   row({"乙", "2024年5月8日", "王"})};
    HeaderMatch m = matchHeaderRow(customers(), typed[0]);
    confirmByValues(customers(), m, typed, 0);
    EXPECT_EQ(m.columnOf[budget], -1);
    ASSERT_EQ(m.contradicted.size(), 1u);
    EXPECT_EQ(m.contradicted[0].zh, "多为日期，不是数额");

    CellGrid formatted{row({"客户名称", "预算", "负责人"}),
                       {CellValue(std::string("甲")), number(45418)},
                       {CellValue(std::string("乙")), number(45420)}};
    HeaderMatch n = matchHeaderRow(customers(), formatted[0]);
    confirmByValues(customers(), n, formatted, 0, {{1, 1}, {2, 1}});
    EXPECT_EQ(n.columnOf[budget], -1);
    HeaderMatch amounts = matchHeaderRow(customers(), formatted[0]);
    confirmByValues(customers(), amounts, formatted, 0);  // not formatted as dates: amounts
    EXPECT_EQ(amounts.columnOf[budget], 1);

    CellGrid words{row({"客户名称", "预算", "负责人"}), row({"甲", "待定", "王"}),
                   row({"乙", "面议", "王"}), row({"丙", "50", "王"})};
    HeaderMatch w = matchHeaderRow(customers(), words[0]);
    confirmByValues(customers(), w, words, 0);
    EXPECT_EQ(w.columnOf[budget], -1);
    EXPECT_EQ(w.contradicted[0].en, "mostly text");
}

TEST(ValuesConfirmHeaders, ExactNamesAndTooFewValuesAreNeverSecondGuessed) {
    const auto likelihood = static_cast<std::size_t>(customers().columnIndex("likelihood"));
    // DealSheet's own header: out-of-range values are RANGE findings, not a different column.
    CellGrid own{row({"客户名称", "决策可能性", "负责人"}),
                 {CellValue(std::string("甲")), number(60)},
                 {CellValue(std::string("乙")), number(80)}};
    HeaderMatch m = matchHeaderRow(customers(), own[0]);
    confirmByValues(customers(), m, own, 0);
    EXPECT_EQ(m.columnOf[likelihood], 1);
    EXPECT_TRUE(m.contradicted.empty());
    // One stray value says nothing.
    CellGrid one{row({"客户名称", "Probability", "负责人"}),
                 {CellValue(std::string("甲")), number(60)}};
    HeaderMatch n = matchHeaderRow(customers(), one[0]);
    confirmByValues(customers(), n, one, 0);
    EXPECT_EQ(n.columnOf[likelihood], 1);
    // A mapping is the user's word.
    ColumnMapping mapping;
    mapping.columns["likelihood"] = "Probability";
    CellGrid probability{row({"客户名称", "Probability", "负责人"}), own[1], own[2]};
    HeaderMatch mapped = matchHeaderRow(customers(), probability[0], &mapping);
    confirmByValues(customers(), mapped, probability, 0);
    EXPECT_EQ(mapped.columnOf[likelihood], 1);
}

TEST(AmbiguousColumns, ARequiredColumnTwoHeadersCouldBeIsAmbiguousNotMissing) {
    SheetData whole;
    whole.name = "客户信息登记表";
    whole.cells = {row({"客户编号", "登记日期", "客户名称", "行业类型", "联系人", "手机", "邮箱",
                        "核心需求", "销售阶段", "负责人"}),
                   row({"202405-001", nullptr, "华锐", "制造业", "周", "13800138000", "a@b.cn",
                        "MES", "需求挖掘", "王"})};
    whole.cells[1][1] = number(45418);
    const auto r = recogniseOne(whole.name, whole.cells);
    ASSERT_EQ(r.header.ambiguousRequired.size(), 1u);
    EXPECT_EQ(r.header.ambiguousRequired[0].second, "手机 (F) / 邮箱 (G)");
    const auto result = validateOne(r, whole);
    ASSERT_EQ(result.findings.size(), 1u);
    EXPECT_EQ(result.findings[0].rule, "AMBIGUOUS_COLUMN");
    EXPECT_NE(result.findings[0].messageZh.find("手机 (F) / 邮箱 (G)"), std::string::npos);
    EXPECT_NE(result.findings[0].messageEn.find("Map columns"), std::string::npos);
}

TEST(HeaderKey, AnEmptyBracketLeftByARequiredMarkerGoes) {
    EXPECT_EQ(headerKey("客户等级(*)"), headerKey("客户等级"));
    EXPECT_EQ(headerKey("客户名称（*）"), headerKey("客户名称"));
}

TEST(HeaderRow, SynonymsFoundInRealRegisters) {
    const std::vector<std::pair<const char*, const char*>> synonyms{
        {"客户代号", "customerNo"},
        {"Customer No", "customerNo"},
        {"Customer Number", "customerNo"},
        {"初次备案日期", "registeredOn"},
        {"建档日期", "registeredOn"},
        {"Customer", "customerName"},
        {"Company", "customerName"},
        {"行业划分", "industry"},
        {"所属行业", "industry"},
        {"业务负责人", "owner"},
        {"所属销售", "owner"},
        {"联系方式（手机/邮箱）", "phoneEmail"},
        {"Deal Stage", "stage"},
        {"Customer Rating", "leadGrade"},
        {"客户等级(*)", "leadGrade"}};
    for (const auto& [header, id] : synonyms) {
        const HeaderMatch m = matchHeaderRow(customers(), row({header}));
        EXPECT_EQ(m.columnOf[customers().columnIndex(id)], 0) << header;
        EXPECT_TRUE(m.bySynonym[customers().columnIndex(id)]) << header;
    }
}

TEST(ValuesConfirmHeaders, DatesTypedInWordsStayTypeFindings) {
    const auto registeredOn = static_cast<std::size_t>(customers().columnIndex("registeredOn"));
    CellGrid rows{row({"客户名称", "录入日期", "负责人"}), row({"甲", "五月六日", "王"}),
                  row({"乙", "五月八日", "王"})};
    HeaderMatch m = matchHeaderRow(customers(), rows[0]);
    confirmByValues(customers(), m, rows, 0);
    EXPECT_EQ(m.columnOf[registeredOn], 1);
    EXPECT_TRUE(m.contradicted.empty());
}
