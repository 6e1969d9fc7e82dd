// Users' own workbooks in a real Calc (SPEC §6): a corpus of registers laid out as teams keep
// them — title rows (merged or not), their own headers and synonyms, English and Chinese,
// instruction rows, a second header row, totals, notes, merged contacts, defaults filled down —
// every value typed through the view as a person types it. Each workbook's findings are
// exact; the preservation harness checks that no user cell changes; the mapping of a register
// DealSheet cannot read survives saving as .xlsx.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/util/XMergeable.hpp>
#include <org/dealsheet/calc/XToolkit2.hpp>

#include "core/recognition/recognition.hpp"
#include "core/text/text.hpp"
#include "office.hxx"
#include "preservation.hxx"
#include "uno_helpers.hxx"

using namespace dealsheet::test;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

using Grid = std::vector<std::vector<std::string>>;
using Doc = Reference<css::sheet::XSpreadsheetDocument>;

struct SheetSpec {
    std::string name;
    Grid rows;
    std::vector<std::string> merges;  // "A1:I1"
};

struct Case {
    std::string name;
    std::vector<SheetSpec> sheets;
    std::vector<std::string> expected;  // "RULE@Sheet!A1", exactly these
    int headerCells = 0;                // header cells of the register(s), for the figures
    // Registers collected from public sources (SPEC §13): where the header row comes from,
    // and how many DealSheet columns the register holds (one column each), for the figures.
    std::string source{};
    int present = 0;
};

// The four customers of most registers, in the order 客户编号 登记日期 客户名称 行业 联系人
// 联系方式 需求 阶段 负责人.
Grid customerRows() {
    return {{"202405-001", "2024-05-06", "华锐机械", "制造业", "周建国", "13800138000", "MES 升级",
             "需求挖掘", "王磊"},
            {"202405-002", "2024-05-08", "东方金融", "金融业", "李娜", "0512-62001234转801",
             "风控系统", "方案呈现", "王磊"},
            {"202405-003", "2024-05-10", "启明教育", "教育", "陈晨", "zhang＠abc.com", "排课系统",
             "商务谈判", "赵敏"},
            {"202405-004", "2024-05-20", "康宁医疗", "医疗", "刘洋", "13700001111（微信同号）",
             "数据平台", "线索获取", "赵敏"}};
}

const std::vector<std::string> kStandardHeader{"客户编号", "登记日期", "客户名称",
                                               "行业类型", "联系人",   "联系方式",
                                               "核心需求", "销售阶段", "负责人"};

Grid concat(Grid a, const Grid& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// `rows` with `column` (0-based) of data row `index` (0-based) set to `value`.
Grid with(Grid rows, std::size_t index, std::size_t column, const std::string& value) {
    if (rows[index].size() <= column) rows[index].resize(column + 1);
    rows[index][column] = value;
    return rows;
}

Grid appendColumns(Grid rows, const Grid& extra) {
    for (std::size_t i = 0; i < rows.size() && i < extra.size(); ++i)
        rows[i].insert(rows[i].end(), extra[i].begin(), extra[i].end());
    return rows;
}

// `count` MISSING_COLUMN findings of `sheet` (at its header row), then `others`.
std::vector<std::string> missingColumns(const std::string& sheet, int count,
                                        std::vector<std::string> others = {}) {
    for (int i = 0; i < count; ++i) others.push_back("MISSING_COLUMN@" + sheet + "!A1");
    return others;
}

// Registers no one here wrote (SPEC §13): each header row exactly as its public source has it;
// the data rows are made up (none of the sources ships rows, or they are not ours to copy).
std::vector<Case> publicRegisters() {
    std::vector<Case> cases;
    // yudao (芋道) CRM's customer import template: phone, telephone and e-mail are three
    // candidates for 联系方式 (ambiguous, reported); 客户等级 and 客户来源 are list columns.
    cases.push_back({"yudao CRM customer import template",
                     {{"Sheet1",
                       {{"客户名称", "所属行业", "客户等级", "客户来源", "手机", "电话", "网址",
                         "QQ", "微信", "邮箱", "客户描述", "备注", "地区编号", "详细地址"},
                        {"华锐机械", "制造业", "A", "展会", "13800138000", "0512-62001234",
                         "www.huarui.cn", "12345678", "zhangwei123", "zhou@huarui.cn", "数控机床",
                         "重点", "320500", "苏州工业园区星湖街1号"},
                        {"东方金融", "金融业", "B", "转介绍", "13911112222", "021-68881234", "", "",
                         "", "li@dfjr.cn", "风控外包", "", "310000", "上海浦东新区"}},
                       {}}},
                     missingColumns("Sheet1", 6, {"AMBIGUOUS_COLUMN@Sheet1!A1"}),
                     14,
                     "github.com/YunaiV/ruoyi-vue-pro "
                     "yudao-module-crm/.../customer/CrmCustomerImportExcelVO.java",
                     6});
    // A RuoYi-based customer filing register (客户备案): 客户代号, 初次备案日期, 行业划分,
    // 业务负责人; 座机电话 and QQ/E-mail beside 手机 (the one synonym); a mobile one digit short.
    cases.push_back(
        {"RuoYi customer filing import",
         {{"客户备案",
           {{"序号",       "客户区域",     "客户类别",
             "客户名称",   "客户代号",     "初次备案日期",
             "行业划分",   "客户来源",     "客户所属商务公司代码",
             "隶属部门",   "业务负责人",   "分配日期",
             "分配次数",   "档案编号",     "备案类别",
             "项目备案号", "项目名称",     "品牌",
             "主要产品",   "客户联系人",   "座机电话",
             "联系传真",   "QQ/E-mail",    "手机",
             "公司地址",   "开票资料上传", "备注"},
            {"1",
             "华东",
             "终端",
             "华锐机械",
             "202405-001",
             "2024-05-06",
             "制造业",
             "展会",
             "HD01",
             "销售一部",
             "王磊",
             "2024-05-07",
             "1",
             "DA-001",
             "项目",
             "XM-1",
             "产线改造",
             "",
             "阀门",
             "周建国",
             "0512-62001234",
             "",
             "zhou@huarui.cn",
             "13800138000",
             "苏州",
             "",
             ""},
            {"2",      "华北",     "终端",       "北方重工", "202405-002", "2024-05-08", "制造业",
             "转介绍", "HB01",     "销售二部",   "赵敏",     "2024-05-09", "1",          "DA-002",
             "项目",   "XM-2",     "",           "",         "",           "孙丽",       "",
             "",       "QQ:10001", "1388888888", "天津",     "",           "备用"}},
           {}}},
         missingColumns("客户备案", 2, {"CONTACT@客户备案!X3"}),
         27,
         "github.com/deepsoft-haolifa/fmis ruoyi-fmis/.../fmis/common/BizCustomerImport.java",
         9});
    // A lead export of a RuoYi-based CRM: the customer is a person, WeChat beside the mobile.
    cases.push_back(
        {"tianshu CRM lead export",
         {{"线索导出",
           {{"客户姓名", "手机号码", "微信号", "性别", "年龄", "意向级别", "客户性质", "业务类型",
             "线索阶段", "推荐人", "推荐人手机号", "推荐人微信号"},
            {"张伟", "13800138000", "zhangwei123", "男", "35", "A", "企业", "软件", "线索获取",
             "李娜", "13911112222", "lina88"},
            {"王芳", "+86 139 0013 9000", "", "女", "29", "B", "个人", "咨询", "需求挖掘", "", "",
             ""}},
           {}}},
         missingColumns("线索导出", 6),
         12,
         "github.com/tianshu-crm/tscrm-server tianshu-crm/.../domain/dto/CustomerExportDto.java",
         3});
    // A sample CRM lead export in English (100 leads): Account Id, Lead Owner, Deal Stage.
    // Typed into Calc, +1-415-555-0100 is a formula (-1069): no phone any more, said so.
    cases.push_back(
        {"sample leads export",
         {{"leads-100",
           {{"Index", "Account Id", "Lead Owner", "First Name", "Last Name", "Company", "Phone 1",
             "Phone 2", "Email 1", "Email 2", "Website", "Source", "Deal Stage", "Notes"},
            {"1", "202405-001", "Wang Lei", "Jianguo", "Zhou", "Huarui Machinery",
             "+86 138 0013 8000", "", "zhou@huarui.cn", "", "huarui.cn", "Referral", "Discovery",
             ""},
            {"2", "202405-002", "Zhao Min", "Na", "Li", "Dongfang Finance", "+1-415-555-0100", "",
             "li@dfjr.cn", "", "", "Trade show", "Proposal", "call back"}},
           {}}},
         missingColumns("leads-100", 4, {"CONTACT@leads-100!G3"}),
         14,
         "github.com/minhhoccode111/csvparser about-csv.md (leads-100.csv)",
         7});
    // The same collection's customer list: Customer Id, Company, a phone and an e-mail column.
    cases.push_back({"sample customers list",
                     {{"customers-100",
                       {{"Index", "Customer Id", "First Name", "Last Name", "Company", "City",
                         "Country", "Phone 1", "Phone 2", "Email", "Subscription Date", "Website"},
                        {"1", "202405-001", "Jianguo", "Zhou", "Huarui Machinery", "Suzhou",
                         "China", "0512-62001234", "", "zhou@huarui.cn", "2024-05-06", "huarui.cn"},
                        {"2", "202405-002", "Na", "Li", "Dongfang Finance", "Shanghai", "China",
                         "021-68881234", "", "li@dfjr.cn", "2024-05-08", ""}},
                       {}}},
                     missingColumns("customers-100", 6, {"AMBIGUOUS_COLUMN@customers-100!A1"}),
                     12,
                     "github.com/minhhoccode111/csvparser about-csv.md (customers-100.csv)",
                     3});
    // A foreign-trade customer list: Key Contact, Customer Rating, Coordinator, Creation Date.
    cases.push_back({"foreign trade customer list",
                     {{"客户资料",
                       {{"Company Name",
                         "Year Founded",
                         "Number of Employees",
                         "Annual Revenue",
                         "Phone Number",
                         "Email",
                         "Key Contact",
                         "Hunter Data",
                         "Company Domain Name",
                         "Customer Type",
                         "Customer Rating",
                         "Followup Date",
                         "Remarks",
                         "Description",
                         "Facebook Page",
                         "LinkedIn Company Page",
                         "Twitter Handle",
                         "Industry",
                         "Country",
                         "Region",
                         "City",
                         "Street Address",
                         "Postal Code",
                         "LinkedIn Bio",
                         "Coordinator",
                         "Creation Date"},
                        {"Acme Tools GmbH",
                         "1998",
                         "250",
                         "12000000",
                         "+49 30 1234567",
                         "info@acme.de",
                         "Anna Weber",
                         "",
                         "acme.de",
                         "Distributor",
                         "A",
                         "2024-06-01",
                         "samples sent",
                         "",
                         "",
                         "",
                         "",
                         "Manufacturing",
                         "Germany",
                         "Berlin",
                         "Berlin",
                         "Hauptstr. 1",
                         "10115",
                         "",
                         "Wang Lei",
                         "2024-05-06"},
                        {"Blue Ocean Ltd",
                         "2010",
                         "40",
                         "800000",
                         "+44 20 7946 0958",
                         "sales@blueocean.uk",
                         "Tom Hill",
                         "",
                         "",
                         "Retailer",
                         "B",
                         "",
                         "",
                         "",
                         "",
                         "",
                         "",
                         "Retail",
                         "UK",
                         "England",
                         "London",
                         "",
                         "",
                         "",
                         "Zhao Min",
                         "2024-05-08"}},
                       {}}},
                     missingColumns("客户资料", 3, {"AMBIGUOUS_COLUMN@客户资料!A1"}),
                     26,
                     "github.com/fjqisba/ForeignTradePLAT README.md (client data order)",
                     9});
    // An office system's customer sheet with one-word headers: 编号, 名称, 行业, 电话.
    cases.push_back(
        {"office system customer sheet",
         {{"客户",
           {{"编号", "名称", "行业", "区域", "分类", "电话", "关系等级", "重要程度", "状态"},
            {"202405-001", "华锐机械", "制造业", "华东", "终端", "0512-62001234", "良好", "高",
             "合作中"},
            {"202405-002", "康宁医疗", "医疗", "华南", "渠道", "（0755）86001234", "一般", "中",
             "洽谈中"}},
           {}}},
         missingColumns("客户", 5),
         9,
         "github.com/xtuer/java ldoa/ldoa-web-boot/.../com/xtuer/bean/Customer.java",
         4});
    // A company list from open registration data: one DealSheet column, not a register.
    cases.push_back(
        {"open-data company list",
         {{"企业名录",
           {{"企业名称", "统一社会信用代码", "注册日期", "企业类型", "法人代表", "注册资金",
             "经营范围", "所在省份", "地区", "注册地址"},
            {"华锐机械有限公司", "91320594MA1MXXXX0X", "2015-03-02", "有限责任公司", "周建国",
             "500万元", "机械设备制造", "江苏省", "苏州市", "苏州工业园区星湖街1号"}},
           {}}},
         {},
         10,
         "github.com/catseyess/elevencats README.md (Enterprise-Registration-Data-of-Chinese-"
         "Mainland)",
         1});
    // HubSpot's contact import properties, with the contact owner.
    cases.push_back(
        {"HubSpot contact import",
         {{"contacts",
           {{"First name", "Last name", "Email address", "Phone number", "Mobile phone number",
             "Job title", "Company name", "Website URL", "City", "Lifecycle stage", "Lead status",
             "Contact owner"},
            {"Jianguo", "Zhou", "zhou@huarui.cn", "0512-62001234", "13800138000", "CTO",
             "Huarui Machinery", "huarui.cn", "Suzhou", "lead", "New", "wang.lei@example.com"},
            {"Na", "Li", "li@dfjr.cn", "", "13911112222", "CFO", "Dongfang Finance", "", "Shanghai",
             "opportunity", "Open", "zhao.min@example.com"}},
           {}}},
         missingColumns("contacts", 6, {"REQUIRED@contacts!D3"}),
         12,
         "knowledge.hubspot.com/import-and-export/sample-import-files; "
         "wildandfreetools.com/blog/format-csv-for-hubspot-contact-import",
         4});
    // Odoo's pipeline (crm.lead) exported: Customer, Salesperson, and a win Probability of
    // 0-100 that is no 1-5 likelihood.
    cases.push_back({"Odoo pipeline export",
                     {{"Pipeline",
                       {{"Opportunity", "Customer", "Email", "Phone", "Salesperson",
                         "Expected Revenue", "Probability", "Stage", "Created on"},
                        {"MES upgrade", "Huarui Machinery", "zhou@huarui.cn", "+86 512 6200 1234",
                         "Wang Lei", "120000", "30", "Proposal", "2024-05-06"},
                        {"Risk platform", "Dongfang Finance", "li@dfjr.cn", "+86 21 6888 1234",
                         "Zhao Min", "80000", "60", "Negotiation", "2024-05-08"},
                        {"Scheduling", "Qiming Education", "chen@qiming.edu.cn", "13800138000",
                         "Zhao Min", "30000", "90", "Negotiation", "2024-05-10"}},
                       {}}},
                     missingColumns("Pipeline", 4, {"AMBIGUOUS_COLUMN@Pipeline!A1"}),
                     9,
                     "github.com/odoo/odoo addons/crm/models/crm_lead.py (field labels)",
                     5});
    // WukongCRM (悟空CRM 9) customer import: required markers (*) after the headers. The
    // constants name 负责人, 客户等级(*), 客户类型(*), 省(*), 市(*), 区, 行业, 公司规模;
    // 客户名称(*) is the template's name column, added here.
    cases.push_back(
        {"WukongCRM customer import",
         {{"客户导入",
           {{"客户名称(*)", "客户等级(*)", "客户类型(*)", "行业", "公司规模", "省(*)", "市(*)",
             "区", "负责人"},
            {"华锐机械", "A", "终端客户", "制造业", "100-499人", "江苏省", "苏州市", "工业园区",
             "王磊"},
            {"启明教育", "C", "渠道客户", "教育", "20-99人", "浙江省", "杭州市", "西湖区", "赵敏"}},
           {}}},
         missingColumns("客户导入", 6),
         9,
         "github.com/wanhonglei/jfinal-dubbo src/main/java/com/kakarote/crm9/erp/crm/constant/"
         "CrmTagConstant.java",
         5});
    return cases;
}

std::vector<Case> corpus() {
    const Grid data = customerRows();
    std::vector<Case> cases;
    // 1. A merged title above the standard header.
    cases.push_back(
        {"merged title row",
         {{"客户信息登记表",
           concat({{"2024年客户信息登记表"}, {}, kStandardHeader}, with(data, 2, 5, "面谈")),
           {"A1:I1"}}},
         {"CONTACT@客户信息登记表!F6"},
         9});
    // 2. A plain title and a date line; synonyms; a decorated sheet name.
    cases.push_back({"title, date line, synonyms, decorated name",
                     {{"客户信息登记表（2024）",
                       concat({{"客户信息登记表"},
                               {"制表日期：2024年6月1日"},
                               {"客户编码", "录入日期", "公司名称", "所属行业", "联系人",
                                "联系电话", "客户需求", "跟进阶段", "业务员"}},
                              with(data, 1, 7, "谈判中")),
                       {}}},
                     {"ENUM@客户信息登记表（2024）!H5"},
                     9});
    // 3. Sheet1 with required markers, a line break in a header, mobiles typed as numbers.
    {
        Grid rows = data;
        rows[1][5] = "13911112222";
        rows[3][5] = "13700001111";
        cases.push_back({"Sheet1, markers, line breaks, numeric mobiles",
                         {{"Sheet1",
                           concat({{"*客户编码", "登记\n日期", "＊客户名称", "行业（必填）",
                                    "联系人", "手机号", "需求", "阶段", "跟进人"}},
                                  rows),
                           {}}},
                         {},
                         9});
    }
    // 4. An English CRM export with columns of its own.
    {
        Grid rows = data;
        const char* stages[] = {"Discovery", "Qualified", "Negotiation", "Lead"};
        const char* industries[] = {"Manufacturing", "Finance", "Education", "Healthcare"};
        for (std::size_t i = 0; i < 4; ++i) {
            rows[i][3] = industries[i];
            rows[i][7] = stages[i];
            rows[i].push_back("Shanghai");
        }
        cases.push_back(
            {"English CRM export",
             {{"Leads",
               concat({{"Customer ID", "Created On", "Company", "Industry", "Contact Person",
                        "Phone", "Requirements", "Sales Stage", "Sales Rep", "City"}},
                      rows),
               {}}},
             {"ENUM@Leads!H3"},
             10});
    }
    // 5. A second header row in English under the Chinese one.
    cases.push_back({"second header row in English",
                     {{"客户信息登记表",
                       concat({kStandardHeader,
                               {"Customer No.", "Registered On", "Customer Name", "Industry",
                                "Contact", "Phone / Email", "Core Needs", "Stage", "Owner"}},
                              with(data, 3, 8, "")),
                       {}}},
                     {"REQUIRED@客户信息登记表!I6"},
                     9});
    // 6. An instruction row under the header; a date typed in words stays text.
    cases.push_back(
        {"instruction row",
         {{"客户登记",
           concat({{"客户登记表（销售部）"},
                   kStandardHeader,
                   {"填写说明：带*为必填，日期格式 YYYY-MM-DD", "", "", "", "", "", "", "", ""}},
                  with(data, 0, 1, "五月六日")),
           {}}},
         {"TYPE@客户登记!B4"},
         9});
    // 7. A total row with =SUM under the budget column.
    {
        Grid rows = appendColumns(data, {{"60"}, {"abc"}, {"20"}, {"35"}});
        std::vector<std::string> total(10);
        total[0] = "合计";
        total[9] = "=SUM(J2:J5)";
        rows.push_back(total);
        std::vector<std::string> header = kStandardHeader;
        header.push_back("预算（万元）");
        cases.push_back({"total row",
                         {{"客户信息登记表", concat({header}, rows), {}}},
                         {"TYPE@客户信息登记表!J3"},
                         10});
    }
    // 8. Notes after the data (one merged across), a likely duplicate customer.
    {
        Grid rows = with(data, 3, 2, "华锐机械 ");
        rows.push_back({});
        rows.push_back({"注：红色为重点客户"});
        rows.push_back({"说明：本表每周五更新"});
        cases.push_back({"notes after the data",
                         {{"客户信息登记表", concat({kStandardHeader}, rows), {"A7:I7"}}},
                         {"DUPLICATE_NAME@客户信息登记表!C5"},
                         9});
    }
    // 9. One customer merged over two contact rows.
    {
        Grid rows = data;
        rows.insert(rows.begin() + 1, {"", "", "", "", "孙丽", "13911112222", "", "", ""});
        std::vector<std::string> merges;
        for (const char* c : {"A", "B", "C", "D", "G", "H", "I"})
            merges.push_back(std::string(c) + "2:" + c + "3");
        cases.push_back({"merged customer over two contacts",
                         {{"客户信息登记表", concat({kStandardHeader}, rows), merges}},
                         {},
                         9});
    }
    // 10. A default 跟进状态 filled down far below the data.
    {
        Grid rows = appendColumns(data, {{"一般"}, {"正常跟进"}, {"正常跟进"}, {"正常跟进"}});
        for (int i = 0; i < 20; ++i)
            rows.push_back({"", "", "", "", "", "", "", "", "", "正常跟进"});
        std::vector<std::string> header = kStandardHeader;
        header.push_back("跟进状态");
        cases.push_back({"default filled down",
                         {{"客户信息登记表", concat({header}, rows), {}}},
                         {"ENUM@客户信息登记表!J2"},
                         10});
    }
    // 11. Full-width values: a grade Ａ, full-width digits and ＠.
    {
        Grid rows = appendColumns(
            data,
            {{"60", "4", "2", "Ａ"}, {"10", "2", "2", "ｃ"}, {"", "", "", ""}, {"", "", "", ""}});
        rows[0][5] = "１３８００１３８０００";
        std::vector<std::string> header = kStandardHeader;
        for (const char* h : {"预算(万元)", "需求紧急度", "决策可能性", "线索评级"})
            header.push_back(h);
        cases.push_back(
            {"full-width values", {{"客户信息登记表", concat({header}, rows), {}}}, {}, 13});
    }
    // 12. Contact notations, and a landline typed as a number that lost its 0.
    {
        Grid rows = data;
        rows[0][5] = "0512-62001234 分机801";
        rows[1][5] = "010-88886666 ext. 801";
        rows[2][5] = "13800138000/zhang@abc.com";
        rows[3][5] = "051262001234";
        cases.push_back({"contact notations",
                         {{"客户信息登记表", concat({kStandardHeader}, rows), {}}},
                         {"CONTACT@客户信息登记表!F5"},
                         9});
    }
    // 13. A register DealSheet cannot read: every missing required column, on its own.
    cases.push_back(
        {"unmappable register",
         {{"客户信息登记表",
           {{"单位", "编码", "建立", "领域", "联系人", "号码", "要点", "进度", "客户名称"},
            {"华锐机械", "X1", "2024-05-06", "制造", "周建国", "13800138000", "MES", "初访",
             "华锐"}},
           {}}},
         {"MISSING_COLUMN@客户信息登记表!A1", "MISSING_COLUMN@客户信息登记表!A1",
          "MISSING_COLUMN@客户信息登记表!A1", "MISSING_COLUMN@客户信息登记表!A1",
          "MISSING_COLUMN@客户信息登记表!A1", "MISSING_COLUMN@客户信息登记表!A1",
          "MISSING_COLUMN@客户信息登记表!A1"},
         9});
    // 14. A copy of the sheet; a customer number typed as a date.
    cases.push_back(
        {"copy of the sheet",
         {{"客户信息登记表 - 副本", concat({kStandardHeader}, with(data, 1, 0, "2024-5-2")), {}}},
         {"FORMAT@客户信息登记表 - 副本!A3"},
         9});
    // 15. Two synonyms of one column: ambiguous, reported, not guessed.
    {
        Grid rows = appendColumns(data, {{"a@b.com"}, {"c@d.com"}, {"e@f.com"}, {"g@h.com"}});
        std::vector<std::string> header = kStandardHeader;
        header[5] = "手机";
        header.push_back("邮箱");
        cases.push_back({"ambiguous contact columns",
                         {{"客户信息登记表", concat({header}, rows), {}}},
                         {"AMBIGUOUS_COLUMN@客户信息登记表!A1"},  // not missing (SPEC §13)
                         10});
    }
    // 16. Actions with an English title row, decorated name; a completion before creation.
    cases.push_back(
        {"actions with a title",
         {{"Actions (2024)",
           {{"Follow-up actions, sales team 2"},
            {"Action No.", "Customer No.", "Task", "Owner", "Created", "Deadline", "Status",
             "Completed"},
            {"A-1", "202405-001", "Send the quote", "Wang Lei", "2024-05-06", "2024-05-10", "Done",
             "2024-05-09"},
            {"A-2", "202405-002", "Site visit", "Wang Lei", "2024-05-08", "2024-05-20", "Done",
             "2024-05-01"},
            {"A-3", "202405-003", "Demo", "Zhao Min", "2024-05-10", "2024-05-12", "Cancelled", ""}},
           {}}},
         {"DATE_ORDER@Actions (2024)!H4"},
         8});
    // 17. Negotiation records with synonyms under a title.
    cases.push_back({"negotiations with synonyms",
                     {{"谈判记录表2024",
                       {{"商务谈判记录"},
                        {"记录编号", "客户编码", "日期", "轮次", "我方人员", "客户人员", "主题",
                         "需求", "结果", "下一步", "记录人"},
                        {"TP-1", "202405-001", "2024-05-07", "1", "王磊", "周建国", "报价", "降价",
                         "有进展", "发正式报价", "王磊"},
                        {"TP-2", "202405-002", "2024-05-09", "1", "王磊", "李娜", "方案", "风控",
                         "有进展", "", "王磊"}},
                       {}}},
                     {"NEXT_STEP@谈判记录表2024!J4"},
                     11});
    // 18. Two of a team's sheets recognised by their header rows; a reference to nobody.
    cases.push_back(
        {"customers and actions by header rows",
         {{"客户表", concat({kStandardHeader}, data), {}},
          {"任务",
           {{"行动编号", "客户编号", "任务内容", "负责人", "截止日期", "状态", "完成日期"},
            {"XD-1", "202405-001", "发报价", "王磊", "2024-05-10", "已完成", "2024-05-09"},
            {"XD-2", "202405-009", "演示", "赵敏", "2024-05-12", "已取消", ""}},
           {}}},
         {"REF@任务!B3"},
         16});
    // 19. A WPS-style template: full-width markers, (必填), bracket widths; an urgency of 7.
    {
        Grid rows = appendColumns(data, {{"7"}, {"3"}, {"2"}, {"5"}});
        cases.push_back(
            {"WPS-style markers",
             {{"客户信息登记表",
               concat({{"客户信息登记表"},
                       {"＊客户编号", "＊登记日期", "客户名称（必填）", "＊行业类型", "＊联系人",
                        "＊联系方式", "＊核心需求", "＊销售阶段", "＊负责人", "紧急程度"}},
                      rows),
               {"A1:J1"}}},
             {"RANGE@客户信息登记表!J3"},
             10});
    }
    // 20. Sheets of the user's own beside the register are left alone.
    cases.push_back({"own sheets beside the register",
                     {{"说明", {{"本工作簿由销售部维护"}, {"每周五更新"}}, {}},
                      {"通讯录", {{"姓名", "电话", "地址"}, {"王磊", "13800138000", "上海"}}, {}},
                      {"客户信息登记表", concat({kStandardHeader}, with(data, 0, 6, "")), {}}},
                     {"REQUIRED@客户信息登记表!G2"},
                     9});
    // 21. Everything at once: merged title, English second header, merged customer, total,
    // note, default filled down.
    {
        Grid rows = data;
        rows.insert(rows.begin() + 2, {"", "", "", "", "钱多多", "13922223333", "", "", ""});
        rows = appendColumns(rows, {{"重点跟进"}, {"正常跟进"}, {""}, {"正常跟进"}, {"暂停"}});
        std::vector<std::string> total(10);
        total[0] = "总计";
        total[1] = "=COUNTA(B4:B8)";
        rows.push_back(total);
        rows.push_back({"", "", "", "", "", "", "", "", "", "正常跟进"});
        rows.push_back({"备注：本表仅供内部使用"});
        std::vector<std::string> header = kStandardHeader;
        header.push_back("跟进状态");
        std::vector<std::string> merges{"A1:J1", "A11:J11"};
        for (const char* c : {"A", "B", "C", "D", "G", "H", "I"})
            merges.push_back(std::string(c) + "5:" + c + "6");
        cases.push_back(
            {"everything at once",
             {{"客户信息登记表",
               concat({{"2024年客户信息登记表"},
                       header,
                       {"Customer No.", "Registered On", "Customer Name", "Industry", "Contact",
                        "Phone / Email", "Core Needs", "Stage", "Owner", "Follow-up Status"}},
                      rows),
               merges}},
             {},
             10});
    }
    // 22. SPEC §13: a name or a label beside the number, WeChat and QQ handles alone, and a
    // mobile one digit short.
    {
        Grid rows = data;
        rows[0][5] = "13800138000 张经理";
        rows[1][5] = "微信：zhangwei123";
        rows[2][5] = "QQ: 12345678";
        rows[3][5] = "1388888888";
        cases.push_back({"names, labels and handles beside numbers",
                         {{"客户信息登记表", concat({kStandardHeader}, rows), {}}},
                         {"CONTACT@客户信息登记表!F5"},
                         9});
    }
    for (auto& c : publicRegisters()) cases.push_back(std::move(c));
    return cases;
}

Doc build(const Case& c) {
    const Doc doc = newSpreadsheet();
    const auto sheets = doc->getSheets();
    for (std::size_t i = 0; i < c.sheets.size(); ++i) {
        const auto& spec = c.sheets[i];
        if (i == 0) {
            Reference<css::container::XNamed>(sheetAt(doc, 0), UNO_QUERY_THROW)
                ->setName(toOUString(spec.name));
        } else {
            sheets->insertNewByName(toOUString(spec.name), static_cast<sal_Int16>(i));
        }
        const auto sheet = byNameOrThrow(doc, spec.name);
        typeRows(doc, sheet, spec.rows);
        for (const auto& area : spec.merges)
            Reference<css::util::XMergeable>(
                Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                    ->getCellRangeByName(toOUString(area)),
                UNO_QUERY_THROW)
                ->merge(true);
    }
    return doc;
}

Reference<org::dealsheet::calc::XToolkit2> toolkit2() {
    return Reference<org::dealsheet::calc::XToolkit2>(toolkit(), UNO_QUERY_THROW);
}

// The report: its table as "RULE@Sheet!Cell" (sorted) and its summary rows by sheet name.
struct Report {
    std::vector<std::string> findings;
    std::map<std::string, std::vector<std::string>> checked;  // sheet -> summary cells
};

Report readReport(const Doc& doc) {
    Report report;
    for (const auto& name : sheetNamesOf(doc)) {
        if (!dealsheet::hasReportSheetName(name)) continue;
        const auto sheet = byNameOrThrow(doc, name);
        const auto data = usedData(sheet);
        enum { None, Checked, Table } part = None;
        for (const auto& row : data) {
            std::vector<std::string> cells;
            for (const auto& cell : row) {
                rtl::OUString text;
                double number = 0;
                if (cell >>= text)
                    cells.push_back(toUtf8(text));
                else if (cell >>= number)
                    cells.push_back(std::to_string(static_cast<long>(number)));
                else
                    cells.emplace_back();
            }
            const std::string& first = cells.empty() ? std::string() : cells[0];
            if (first == "Sheets checked" || first == "已检查的表") {
                part = Checked;
                continue;
            }
            if (first == "Severity" || first == "严重程度") {
                part = Table;
                continue;
            }
            if (first.empty()) {
                if (part == Checked) part = None;
                continue;
            }
            if (part == Checked) report.checked[first] = cells;
            if (part == Table && cells.size() > 3 && !cells[1].empty())
                report.findings.push_back(cells[1] + "@" + cells[2] + "!" + cells[3]);
        }
    }
    std::sort(report.findings.begin(), report.findings.end());
    return report;
}

struct Figures {
    int sheets = 0, sheetsBefore = 0, sheetsAfter = 0;
    int headerCells = 0, columnsBefore = 0, columnsAfter = 0;
    // The public registers: DealSheet columns they hold, and how many were recognised.
    int publicRegisters = 0, publicPresent = 0, publicRecognised = 0;
} figures;

// What the first version understood: a sheet by its exact name, columns by the exact text of
// row 1 (ignoring case, width and surrounding spaces).
void countBefore(const Case& c) {
    for (const auto& spec : c.sheets) {
        const auto* schema = dealsheet::productSchema().sheetByName(spec.name);
        if (!schema || schema->kind != dealsheet::SheetKind::Data || spec.rows.empty()) continue;
        ++figures.sheetsBefore;
        for (const auto& header : spec.rows[0])
            for (const auto& column : schema->columns)
                if (!header.empty() && (dealsheet::foldForComparison(header) ==
                                            dealsheet::foldForComparison(column.header.zh) ||
                                        dealsheet::foldForComparison(header) ==
                                            dealsheet::foldForComparison(column.header.en))) {
                    ++figures.columnsBefore;
                    break;
                }
    }
}

void countAfter(const Doc& doc, const Case& c) {
    if (!c.source.empty()) {
        ++figures.publicRegisters;
        figures.publicPresent += c.present;
    }
    for (const auto& spec : c.sheets) {
        const auto entries = toolkit2()->getColumnMapping(component(doc), toOUString(spec.name));
        if (entries.getLength() < 2) continue;  // not a DealSheet sheet
        ++figures.sheetsAfter;
        for (const auto& entry : entries) {
            const std::string text = toUtf8(entry);
            if (text[0] != '@' && text.back() != '=') {
                ++figures.columnsAfter;
                if (!c.source.empty()) ++figures.publicRecognised;
            }
        }
    }
}

class OwnWorkbook : public ::testing::TestWithParam<std::size_t> {};

}  // namespace

TEST(OwnWorkbookCorpus, HasAtLeastTwentyWorkbooks) { EXPECT_GE(corpus().size(), 20u); }

TEST_P(OwnWorkbook, FindsExactlyThePlantedMistakesAndChangesNoUserCell) {
    unoGuard([&] {
        const Case c = corpus()[GetParam()];
        SCOPED_TRACE(c.name);
        const Doc doc = build(c);
        const Snapshot s0 = snapshot(doc);

        toolkit()->validate(component(doc));
        const Report report = readReport(doc);
        std::vector<std::string> expected = c.expected;
        std::sort(expected.begin(), expected.end());
        EXPECT_EQ(report.findings, expected) << c.name;
        const Snapshot s1 = snapshot(doc);
        for (const auto& change : forbidden(s0, s1, allowReportSheet()))
            ADD_FAILURE() << c.name << " Validate changed " << change.describe();

        toolkit()->clearMarks(component(doc));
        for (const auto& change : forbidden(s0, snapshot(doc), allowNothing()))
            ADD_FAILURE() << c.name << " Clear marks changed " << change.describe();
        // Every number is there: Assign writes nothing (never into a merged customer's rows).
        toolkit()->assignCustomerNumbers(component(doc));
        for (const auto& change : forbidden(s0, snapshot(doc), allowNothing()))
            ADD_FAILURE() << c.name << " Assign changed " << change.describe();
        toolkit()->refreshReview(component(doc), "2024-05");
        for (const auto& change : forbidden(s0, snapshot(doc), allowReviewSheet()))
            ADD_FAILURE() << c.name << " Refresh review changed " << change.describe();

        countBefore(c);
        countAfter(doc, c);
        for (const auto& spec : c.sheets)
            // Not registers: notes, an address book, an open-data company list.
            if (!spec.rows.empty() && spec.name != "说明" && spec.name != "通讯录" &&
                spec.name != "企业名录")
                ++figures.sheets;
        figures.headerCells += c.headerCells;
        close(doc);
        if (GetParam() + 1 == corpus().size()) {
            std::printf(
                "RECOGNITION sheets=%d before=%d after=%d; header_cells=%d "
                "columns_before=%d columns_after=%d\n",
                figures.sheets, figures.sheetsBefore, figures.sheetsAfter, figures.headerCells,
                figures.columnsBefore, figures.columnsAfter);
            std::printf("PUBLIC registers=%d columns_present=%d columns_recognised=%d\n",
                        figures.publicRegisters, figures.publicPresent, figures.publicRecognised);
            EXPECT_GT(figures.columnsAfter, figures.columnsBefore);
        }
    });
}

INSTANTIATE_TEST_SUITE_P(Corpus, OwnWorkbook, ::testing::Range<std::size_t>(0, corpus().size()));

TEST(OwnWorkbookReport, SaysHowEachSheetWasReadAndWhatItDidNotUnderstand) {
    unoGuard([&] {
        Case c = corpus()[20];  // everything at once
        c.sheets[0].rows[1].push_back("城市");
        c.sheets[0].rows[3].push_back("上海");
        const Doc doc = build(c);
        toolkit()->validate(component(doc));
        const auto row = readReport(doc).checked.at("客户信息登记表");
        ASSERT_GE(row.size(), 6u);
        EXPECT_EQ(row[1], "5");  // four customers, one of them over two rows
        EXPECT_EQ(row[2], "by its name");
        EXPECT_EQ(row[3], "2");
        EXPECT_EQ(row[4],
                  "1 instruction or repeated-header row(s), 1 total row(s), 1 note row(s), "
                  "1 row(s) with defaults only");
        EXPECT_EQ(row[5], "城市");
        close(doc);
    });
}

// SPEC §13: a header whose values contradict the synonym that matched it is named, with the
// reason, and used for nothing; an ambiguous required column names its candidates.
TEST(OwnWorkbookReport, NamesAHeaderItsValuesContradictAndTheCandidatesOfAnAmbiguousOne) {
    unoGuard([&] {
        const auto cases = corpus();
        const auto odoo = std::find_if(cases.begin(), cases.end(), [](const Case& c) {
            return c.name == "Odoo pipeline export";
        });
        ASSERT_NE(odoo, cases.end());
        const Doc doc = build(*odoo);
        toolkit()->validate(component(doc));
        const Report report = readReport(doc);
        const auto row = report.checked.at("Pipeline");
        ASSERT_GE(row.size(), 7u);
        EXPECT_EQ(row[2], "by its header row");
        EXPECT_NE(row[5].find("Probability (values do not fit Decision Likelihood: mostly numbers "
                              "0–100 or percentages, not a 1–5 score)"),
                  std::string::npos)
            << row[5];
        EXPECT_NE(row[6].find("Email / Phone"), std::string::npos) << row[6];
        for (const auto& finding : report.findings)
            EXPECT_EQ(finding.find("RANGE"), std::string::npos) << finding;
        const auto entries = toolkit2()->getColumnMapping(component(doc), "Pipeline");
        for (const auto& entry : entries) EXPECT_NE(toUtf8(entry), "likelihood=Probability");
        close(doc);
    });
}

// Insert template sheets beside a register recognised by its headers (on Sheet1) adds the
// sheets the workbook lacks, never a second, empty Customers sheet.
TEST(OwnWorkbookInsert, KeepsTheRegisterRecognisedByItsHeaders) {
    unoGuard([&] {
        const auto cases = corpus();
        const auto sheet1 = std::find_if(cases.begin(), cases.end(), [](const Case& c) {
            return c.name.rfind("Sheet1", 0) == 0;
        });
        ASSERT_NE(sheet1, cases.end());
        const Doc doc = build(*sheet1);
        EXPECT_GT(toolkit()->insertTemplates(component(doc), "zh"), 0);
        const auto names = sheetNamesOf(doc);
        EXPECT_EQ(std::count(names.begin(), names.end(), "客户信息登记表"), 0);
        EXPECT_EQ(std::count(names.begin(), names.end(), "跟进行动表"), 1);
        EXPECT_EQ(std::count(names.begin(), names.end(), "Sheet1"), 1);
        close(doc);
    });
}

TEST(OwnWorkbookAssign, NumbersAMergedCustomerOnceAndSkipsTotalsAndNotes) {
    unoGuard([&] {
        Case c = corpus()[20];
        for (int r : {3, 4, 7}) c.sheets[0].rows[static_cast<std::size_t>(r)][0].clear();
        const Doc doc = build(c);
        const Snapshot before = snapshot(doc);
        EXPECT_EQ(toolkit()->assignCustomerNumbers(component(doc)), 3);
        const auto sheet = byNameOrThrow(doc, "客户信息登记表");
        EXPECT_EQ(textOf(sheet, "A4"), "202405-004");
        EXPECT_EQ(textOf(sheet, "A5"), "202405-005");
        EXPECT_EQ(textOf(sheet, "A6"), "");  // under the merge of A5:A6
        EXPECT_EQ(textOf(sheet, "A8"), "202405-006");
        EXPECT_EQ(textOf(sheet, "A9"), "总计");
        for (const auto& change :
             forbidden(before, snapshot(doc), allowBlankCustomerNumbers("客户信息登记表", 0)))
            ADD_FAILURE() << "Assign changed " << change.describe();
        close(doc);
    });
}

// Assign reads three columns of the rows whose customer name is typed text and every other
// row whole (rows far enough from those, with no merged cell, so that the shortcut is taken).
// A customer called 合计 (its owner makes it one), a name that merely starts with 合计, a name
// typed as a formula or giving an error, a total with a date, a row without a name, defaults
// and a note must come out as if every cell had been read.
TEST(OwnWorkbookAssign, ReadsOnlyTheColumnsItNeedsYetTellsTheSameRowsApart) {
    unoGuard([&] {
        std::vector<std::string> header = kStandardHeader;
        header.push_back("跟进状态");
        Grid rows{{"2024年客户信息登记表"},
                  header,
                  {"Customer No.", "Registered On", "Customer Name", "Industry", "Contact",
                   "Phone / Email", "Core Needs", "Stage", "Owner", "Follow-up Status"}};
        std::vector<std::string> expected{"", "客户编号", "Customer No."};
        const auto customer = [&](const std::string& date, const std::string& name,
                                  const std::string& number) {
            rows.push_back({"", date, name, "制造业", "周", "13800138000", "MES", "需求挖掘",
                            "王磊", "正常跟进"});
            expected.push_back(number);
        };
        const auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
        for (int i = 1; i <= 20; ++i)
            customer("2024-05-" + two(i), "客户" + two(i), "202405-0" + two(i));
        rows.push_back({"", "2024-05-21", "合计", "", "", "", "", "", "王磊", ""});
        expected.push_back("202405-021");
        int june = 0;
        for (int i = 1; i <= 20; ++i) {
            if (i == 6) {
                customer("", "北方物流", "");  // no date: reported, not numbered
                continue;
            }
            const std::string name = i == 1 ? "合计用户服务中心有限公司" : "客户" + two(20 + i);
            customer("2024-06-" + two(i), name, "202406-0" + two(++june));
        }
        rows.push_back({"总计", "2024-06-30", "", "", "", "", "", "", "", ""});
        expected.push_back("总计");
        customer("2024-06-21", "=\"东方\"&\"金融\"", "202406-0" + two(++june));
        rows.push_back({"", "2024-06-22", "", "", "钱多多", "13922223333", "", "", ""});
        expected.push_back("202406-0" + two(++june));
        rows.push_back({"", "", "", "", "", "", "", "", "", "正常跟进"});
        expected.push_back("");
        customer("2024-06-23", "=1/0", "202406-0" + two(++june));
        rows.push_back({"注：本表仅供内部使用"});
        expected.push_back("注：本表仅供内部使用");

        const Doc doc = build({"assign shortcut", {{"客户信息登记表", rows, {}}}, {}, 0});
        const Snapshot before = snapshot(doc);
        EXPECT_EQ(toolkit()->assignCustomerNumbers(component(doc)), 20 + 1 + june);
        const auto sheet = byNameOrThrow(doc, "客户信息登记表");
        for (std::size_t r = 3; r < expected.size(); ++r) {
            const std::string cell = "A" + std::to_string(r + 1);
            EXPECT_EQ(textOf(sheet, cell), expected[r]) << cell;
        }
        for (const auto& change :
             forbidden(before, snapshot(doc), allowBlankCustomerNumbers("客户信息登记表", 0)))
            ADD_FAILURE() << "Assign changed " << change.describe();
        close(doc);
    });
}

TEST(OwnWorkbookMapping, AMappedRegisterValidatesFullyAlsoAfterSavingAsXlsx) {
    unoGuard([&] {
        const Case c = corpus()[12];  // unmappable register
        const Doc doc = build(c);
        const auto mapped = [&] {
            const auto entries =
                toolkit2()->getColumnMapping(component(doc), toOUString("客户信息登记表"));
            std::vector<std::string> out;
            for (const auto& e : entries) out.push_back(toUtf8(e));
            return out;
        };
        EXPECT_EQ(mapped()[0], "@kind=customers");
        EXPECT_EQ(mapped()[1], "@headerRow=1");
        const std::vector<std::string> entries{
            "@kind=customers",   "@headerRow=1",  "customerNo=编码", "registeredOn=建立",
            "customerName=单位", "industry=领域", "phoneEmail=号码", "coreNeeds=要点",
            "stage=进度",        "owner=客户名称"};
        css::uno::Sequence<rtl::OUString> sequence(static_cast<sal_Int32>(entries.size()));
        for (std::size_t i = 0; i < entries.size(); ++i)
            sequence.getArray()[i] = toOUString(entries[i]);
        const Snapshot before = snapshot(doc);
        toolkit2()->setColumnMapping(component(doc), toOUString("客户信息登记表"), sequence);
        // Only the hidden mapping sheet was added.
        for (const auto& change : forbidden(before, snapshot(doc), allowNewSheets(before)))
            ADD_FAILURE() << "setColumnMapping changed " << change.describe();
        EXPECT_EQ(mapped()[2], "customerNo=编码");
        EXPECT_EQ(mapped()[10], "phoneEmail=号码");

        // The planted mistakes of the mapped register: a malformed number, an unknown stage.
        const std::vector<std::string> expected{"ENUM@客户信息登记表!H2",
                                                "FORMAT@客户信息登记表!B2"};
        toolkit()->validate(component(doc));
        EXPECT_EQ(readReport(doc).findings, expected);
        toolkit()->clearMarks(component(doc));

        const std::string path = Office::get().workDir() + "/mapped.xlsx";
        storeAs(doc, path, "Calc MS Excel 2007 XML");
        close(doc);
        const Doc reopened = loadSpreadsheet(path);
        toolkit()->validate(component(reopened));
        EXPECT_EQ(readReport(reopened).findings, expected);
        const auto entriesBack =
            toolkit2()->getColumnMapping(component(reopened), toOUString("客户信息登记表"));
        EXPECT_EQ(toUtf8(entriesBack[2]), "customerNo=编码");

        // Bad entries are refused with a message and change nothing.
        const Snapshot kept = snapshot(reopened);
        css::uno::Sequence<rtl::OUString> bad(1);
        bad.getArray()[0] = "noSuchColumn=x";
        EXPECT_THROW(
            toolkit2()->setColumnMapping(component(reopened), toOUString("客户信息登记表"), bad),
            css::lang::IllegalArgumentException);
        EXPECT_TRUE(forbidden(kept, snapshot(reopened), allowNothing()).empty());
        close(reopened);
    });
}
