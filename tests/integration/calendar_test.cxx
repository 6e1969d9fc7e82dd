// Reminders and the calendar export (SPEC §9) in a real Calc: dueReminders and exportCalendar
// through the macro API, the .ics read back by two independent parsers (libical and Python's
// icalendar) and every field compared to the sheet, stable UIDs across edits, hostile text.
#include <gtest/gtest.h>

#include <libical/ical.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XInfobarProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <org/dealsheet/calc/XToolkit2.hpp>

#include "core/workbook/dates.hpp"
#include "office.hxx"
#include "uno_helpers.hxx"

using namespace dealsheet::test;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
namespace fs = std::filesystem;

namespace {

using Fields = std::map<std::string, std::string>;  // property -> value
using Events = std::map<std::string, Fields>;       // UID -> fields

Reference<org::dealsheet::calc::XToolkit2> toolkit2() {
    return Reference<org::dealsheet::calc::XToolkit2>(toolkit(), UNO_QUERY_THROW);
}

bool modified(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    return Reference<css::util::XModifiable>(doc, UNO_QUERY_THROW)->isModified();
}

std::vector<std::string> lines(const css::uno::Sequence<rtl::OUString>& sequence) {
    std::vector<std::string> out;
    for (const auto& line : sequence) out.push_back(toUtf8(line));
    return out;
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, separator);) parts.push_back(part);
    return parts;
}

std::string exportTo(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                     const std::string& name, long expected) {
    const std::string path = Office::get().workDir() + "/" + name;
    EXPECT_EQ(toolkit2()->exportCalendar(component(doc), toOUString(fileUrl(path))), expected);
    return path;
}

// What libical reads from the file.
Events readWithLibical(const std::string& path) {
    const std::string text = readFile(path);
    Events events;
    icalcomponent* calendar = icalparser_parse_string(text.c_str());
    EXPECT_NE(calendar, nullptr);
    if (!calendar) return events;
    EXPECT_EQ(icalcomponent_count_errors(calendar), 0);
    EXPECT_EQ(icalrestriction_check(calendar), 1);
    const auto date = [](icaltimetype t) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", t.year, t.month, t.day);
        return std::string(buffer);
    };
    for (icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
        Fields f;
        EXPECT_EQ(icalcomponent_get_dtstart(e).is_date, 1);
        f["DTSTART"] = date(icalcomponent_get_dtstart(e));
        f["DTEND"] = date(icalcomponent_get_dtend(e));
        f["SUMMARY"] = icalcomponent_get_summary(e);
        f["DESCRIPTION"] = icalcomponent_get_description(e);
        f["CATEGORIES"] = icalproperty_get_categories(
            icalcomponent_get_first_property(e, ICAL_CATEGORIES_PROPERTY));
        f["SEQUENCE"] = std::to_string(icalcomponent_get_sequence(e));
        for (icalproperty* p = icalcomponent_get_first_property(e, ICAL_X_PROPERTY); p;
             p = icalcomponent_get_next_property(e, ICAL_X_PROPERTY))
            if (std::string(icalproperty_get_x_name(p)) == "X-DEALSHEET-CELL")
                f["X-DEALSHEET-CELL"] = icalproperty_get_x(p);
        int alarms = 0;
        for (icalcomponent* a = icalcomponent_get_first_component(e, ICAL_VALARM_COMPONENT); a;
             a = icalcomponent_get_next_component(e, ICAL_VALARM_COMPONENT), ++alarms) {
            if (alarms > 0) continue;
            f["TRIGGER"] = std::to_string(icaldurationtype_as_int(
                icalproperty_get_trigger(icalcomponent_get_first_property(a, ICAL_TRIGGER_PROPERTY))
                    .duration));
            f["ALARM-DESCRIPTION"] = icalproperty_get_description(
                icalcomponent_get_first_property(a, ICAL_DESCRIPTION_PROPERTY));
            f["ACTION"] = icalproperty_enum_to_string(
                icalproperty_get_action(icalcomponent_get_first_property(a, ICAL_ACTION_PROPERTY)));
        }
        f["ALARMS"] = std::to_string(alarms);
        const std::string uid = icalcomponent_get_uid(e);
        EXPECT_EQ(events.count(uid), 0u) << "UID twice: " << uid;
        events[uid] = f;
    }
    icalcomponent_free(calendar);
    return events;
}

// What Python's icalendar reads from the file (tests/integration/ics_fields.py).
Events readWithPython(const std::string& path) {
    const std::string json = path + ".json";
    const std::string command = "/usr/bin/python3 " DEALSHEET_SOURCE_DIR
                                "/tests/integration/ics_fields.py '" +
                                path + "' > '" + json + "'";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    boost::property_tree::ptree tree;
    std::istringstream in(readFile(json));
    boost::property_tree::read_json(in, tree);
    Events events;
    for (const auto& [uid, fields] : tree)
        for (const auto& [name, value] : fields) events[uid][name] = value.data();
    return events;
}

// Both parsers agree on every field of every event; their common reading is returned.
Events readBoth(const std::string& path) {
    const Events libical = readWithLibical(path);
    const Events python = readWithPython(path);
    EXPECT_EQ(libical, python);
    return libical;
}

// A sheet as the user sees it: header texts -> column, rows of values (numbers or text).
struct Table {
    std::vector<std::string> headers;
    std::vector<std::vector<css::uno::Any>> rows;
    int column(const std::string& header) const {
        for (std::size_t i = 0; i < headers.size(); ++i)
            if (headers[i] == header) return static_cast<int>(i);
        ADD_FAILURE() << "no column " << header;
        return 0;
    }
    std::string text(int row, const std::string& header) const {
        rtl::OUString value;
        double number = 0;
        const auto& any =
            rows[static_cast<std::size_t>(row)][static_cast<std::size_t>(column(header))];
        if (any >>= value) return toUtf8(value);
        if (any >>= number) return std::to_string(static_cast<long>(number));
        return {};
    }
    bool hasDate(int row, const std::string& header) const {
        double serial = 0;
        return rows[static_cast<std::size_t>(row)][static_cast<std::size_t>(column(header))] >>=
               serial;
    }
    std::string date(int row, const std::string& header) const {
        double serial = 0;
        rows[static_cast<std::size_t>(row)][static_cast<std::size_t>(column(header))] >>= serial;
        const auto civil = dealsheet::SerialDates().toCivil(serial);
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", civil->year, civil->month, civil->day);
        return buffer;
    }
};

Table table(const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& name) {
    const auto sheet = byNameOrThrow(doc, name);
    const auto data = usedData(sheet);
    Table t;
    for (const auto& h : data[0]) {
        rtl::OUString text;
        h >>= text;
        t.headers.push_back(toUtf8(text));
    }
    for (const auto& row : data) t.rows.emplace_back(row.begin(), row.end());
    return t;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Types into a cell through the view, as a user does (Enter included).
void type(const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& sheet,
          const std::string& address, const std::string& text) {
    const auto controller =
        Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController();
    Reference<css::view::XSelectionSupplier>(controller, UNO_QUERY_THROW)
        ->select(css::uno::Any(cell(byNameOrThrow(doc, sheet), address)));
    css::uno::Sequence<css::beans::PropertyValue> args(1);
    args.getArray()[0].Name = "StringName";
    args.getArray()[0].Value <<= toOUString(text);
    css::frame::DispatchHelper::create(Office::get().context())
        ->executeDispatch(
            Reference<css::frame::XDispatchProvider>(controller->getFrame(), UNO_QUERY_THROW),
            ".uno:EnterString", "", 0, args);
}

const std::string kSample = std::string(DEALSHEET_WORKBOOKS) + "/sample-zh.ods";

}  // namespace

// The sample (templates/sample/mistakes.md): overdue actions XD-2026-020/023/025/028, due
// soon XD-2026-026/034/035, overdue milestones HT-2026-001 二期生产交付, HT-2026-003 现场安装调试,
// HT-2026-004 验收测试; 王磊 owns XD-2026-025 and XD-2026-028.
TEST(DueReminders, EveryonesAndOneOwnersLinesWithoutChangingTheWorkbook) {
    unoGuard([&] {
        const auto doc = loadCopy(kSample);
        // Headless, opening shows nothing: no reminder bar on the document's controller.
        std::this_thread::sleep_for(std::chrono::seconds(2));
        EXPECT_FALSE(
            Reference<css::frame::XInfobarProvider>(
                Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController(),
                UNO_QUERY_THROW)
                ->hasInfobar("org.dealsheet.calc.reminders"));
        const auto everyone = lines(toolkit2()->dueReminders(component(doc), ""));
        std::vector<std::string> references;
        for (const auto& line : everyone) {
            const auto fields = split(line, '\t');
            ASSERT_EQ(fields.size(), 7u) << line;
            references.push_back(fields[2]);
        }
        EXPECT_EQ(references,
                  (std::vector<std::string>{"Milestone HT-2026-004", "Action XD-2026-023",
                                            "Milestone HT-2026-001", "Action XD-2026-020",
                                            "Action XD-2026-025", "Milestone HT-2026-003",
                                            "Action XD-2026-028", "Action XD-2026-026",
                                            "Action XD-2026-034", "Action XD-2026-035"}));

        const auto actions = table(doc, "跟进行动表");
        const auto customers = table(doc, "客户信息登记表");
        const auto mine = lines(toolkit2()->dueReminders(component(doc), toOUString("王 磊")));
        ASSERT_EQ(mine.size(), 2u);
        for (const auto& [line, row, days] :
             {std::tuple{mine[0], 25, std::string("3 day(s) overdue")},
              std::tuple{mine[1], 28, std::string("1 day(s) overdue")}}) {
            const std::string number = actions.text(row, "客户编号");
            std::string name;
            for (std::size_t r = 1; r < customers.rows.size(); ++r)
                if (customers.text(static_cast<int>(r), "客户编号") == number)
                    name = customers.text(static_cast<int>(r), "客户名称");
            const std::string due = actions.date(row, "截止日期");
            EXPECT_EQ(line, days + "\t" + due.substr(0, 4) + "-" + due.substr(4, 2) + "-" +
                                due.substr(6) + "\tAction " + actions.text(row, "行动编号") + "\t" +
                                actions.text(row, "任务内容") + "\t" + name + " (" + number +
                                ")\t王磊\t跟进行动表!G" + std::to_string(row + 1));
        }
        EXPECT_TRUE(lines(toolkit2()->dueReminders(component(doc), toOUString("无此人"))).empty());
        EXPECT_FALSE(modified(doc));
        close(doc);

        const auto plain = newSpreadsheet();
        EXPECT_TRUE(lines(toolkit2()->dueReminders(component(plain), "")).empty());
        close(plain);
    });
}

TEST(DueReminders, ATitleRowAboveTheHeaderIsReadAsValidateReadsIt) {
    unoGuard([&] {
        const auto doc = loadCopy(kSample);
        const auto before = lines(toolkit2()->dueReminders(component(doc), toOUString("王 磊")));
        ASSERT_EQ(before.size(), 2u);
        // The most common layout of Chinese registers: a title row above the header.
        const auto sheet = byNameOrThrow(doc, "跟进行动表");
        Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)
            ->getRows()
            ->insertByIndex(0, 1);
        typeRows(doc, sheet, {{"2026年跟进行动表"}});
        const auto after = lines(toolkit2()->dueReminders(component(doc), toOUString("王 磊")));
        ASSERT_EQ(after.size(), 2u);
        for (std::size_t i = 0; i < before.size(); ++i) {
            // The same reminder; only its cell is one row lower.
            const auto cellAt = before[i].rfind('G');
            const int row = std::stoi(before[i].substr(cellAt + 1));
            EXPECT_EQ(after[i], before[i].substr(0, cellAt + 1) + std::to_string(row + 1));
        }
        close(doc);
    });
}

TEST(ExportCalendar, LibicalAndPythonReadEveryFieldAsTheSheetHoldsIt) {
    unoGuard([&] {
        const auto doc = loadCopy(kSample);
        const std::string path = exportTo(doc, "sample.ics", 24);
        EXPECT_FALSE(modified(doc));
        const Events events = readBoth(path);
        ASSERT_EQ(events.size(), 24u);

        const std::map<std::string, Table> sheets{{"跟进行动表", table(doc, "跟进行动表")},
                                                  {"合同履约跟踪表", table(doc, "合同履约跟踪表")},
                                                  {"验收与整改", table(doc, "验收与整改")}};
        const Table customers = table(doc, "客户信息登记表");
        const Table contracts = table(doc, "合同审批表");
        const auto customerName = [&](const std::string& number) {
            for (std::size_t r = 1; r < customers.rows.size(); ++r)
                if (customers.text(static_cast<int>(r), "客户编号") == number)
                    return customers.text(static_cast<int>(r), "客户名称");
            return std::string();
        };
        const auto customerOf = [&](const std::string& contract) {
            for (std::size_t r = 1; r < contracts.rows.size(); ++r)
                if (contracts.text(static_cast<int>(r), "合同编号") == contract)
                    return contracts.text(static_cast<int>(r), "客户编号");
            return std::string();
        };
        // Which rows the sheet says are open deadlines, read here without DealSheet's core.
        std::set<std::string> expectedCells;
        for (const auto& [name, t] : sheets)
            for (int r = 1; r < static_cast<int>(t.rows.size()); ++r) {
                if (name == "跟进行动表" && t.hasDate(r, "截止日期") &&
                    t.text(r, "状态") != "已完成" && t.text(r, "状态") != "已取消" &&
                    t.text(r, "完成日期").empty())
                    expectedCells.insert(name + "!G" + std::to_string(r + 1));
                if (name == "合同履约跟踪表" && t.hasDate(r, "计划完成日期") &&
                    t.text(r, "状态") != "已完成" && t.text(r, "实际完成日期").empty())
                    expectedCells.insert(name + "!D" + std::to_string(r + 1));
                if (name == "验收与整改" && t.hasDate(r, "整改期限") &&
                    t.text(r, "验收结果") == "未通过" && t.text(r, "整改状态") != "已完成")
                    expectedCells.insert(name + "!H" + std::to_string(r + 1));
            }
        std::set<std::string> exportedCells;
        for (const auto& [uid, f] : events) {
            const std::string cellRef = f.at("X-DEALSHEET-CELL");
            exportedCells.insert(cellRef);
            const std::string sheetName = cellRef.substr(0, cellRef.find('!'));
            const int row = std::stoi(cellRef.substr(cellRef.find('!') + 2)) - 1;
            const Table& t = sheets.at(sheetName);
            EXPECT_EQ(f.at("TRIGGER"), std::to_string(-(2 * 24 - 9) * 3600))
                << uid;  // 到期提醒天数 2
            EXPECT_EQ(f.at("ACTION"), "DISPLAY");
            EXPECT_EQ(f.at("ALARMS"), "1");
            EXPECT_EQ(f.at("ALARM-DESCRIPTION"), f.at("SUMMARY"));
            const std::string& summary = f.at("SUMMARY");
            const std::string& description = f.at("DESCRIPTION");
            EXPECT_TRUE(contains(description, "位置：" + cellRef)) << description;
            std::string number;
            if (sheetName == "跟进行动表") {
                EXPECT_EQ(uid.rfind("action-", 0), 0u);
                EXPECT_EQ(f.at("DTSTART"), t.date(row, "截止日期"));
                EXPECT_EQ(f.at("CATEGORIES"), "跟进行动");
                EXPECT_EQ(summary.rfind("跟进：" + t.text(row, "任务内容"), 0), 0u) << summary;
                EXPECT_TRUE(contains(description, "跟进行动 " + t.text(row, "行动编号") + "：" +
                                                      t.text(row, "任务内容")));
                EXPECT_TRUE(contains(description, "负责人：" + t.text(row, "负责人")));
                EXPECT_TRUE(contains(description, "状态：" + t.text(row, "状态")));
                if (!t.text(row, "备注").empty()) {
                    EXPECT_TRUE(contains(description, "备注：" + t.text(row, "备注")));
                }
                number = t.text(row, "客户编号");
            } else if (sheetName == "合同履约跟踪表") {
                EXPECT_EQ(uid.rfind("milestone-", 0), 0u);
                EXPECT_EQ(f.at("DTSTART"), t.date(row, "计划完成日期"));
                EXPECT_EQ(summary.rfind("里程碑：" + t.text(row, "里程碑") + "（" +
                                            t.text(row, "合同编号") + "）",
                                        0),
                          0u)
                    << summary;
                EXPECT_TRUE(contains(description, "负责人：" + t.text(row, "负责人")));
                EXPECT_TRUE(contains(description, "状态：" + t.text(row, "状态")));
                number = customerOf(t.text(row, "合同编号"));
            } else {
                EXPECT_EQ(uid.rfind("rectification-", 0), 0u);
                EXPECT_EQ(f.at("DTSTART"), t.date(row, "整改期限"));
                EXPECT_EQ(summary.rfind("整改：" + t.text(row, "整改措施"), 0), 0u) << summary;
                EXPECT_TRUE(contains(description, "整改负责人：" + t.text(row, "整改负责人")));
                EXPECT_TRUE(contains(description, "未达标项：" + t.text(row, "未达标项")));
                number = customerOf(t.text(row, "合同编号"));
            }
            // The customer's name and number, from the register (an unknown number alone).
            const std::string name = customerName(number);
            const std::string customer = name.empty() ? number : name + "（" + number + "）";
            EXPECT_TRUE(contains(summary, " · " + customer)) << summary;
            EXPECT_TRUE(contains(description, "客户：" + customer)) << description;
        }
        EXPECT_EQ(exportedCells, expectedCells);
        close(doc);
    });
}

TEST(ExportCalendar, ReexportAfterEditingRowsKeepsEveryUid) {
    unoGuard([&] {
        const auto doc = loadCopy(kSample);
        const Events before = readBoth(exportTo(doc, "before.ics", 24));
        // XD-2026-020 (row 21): new task text and a later due date, typed as a user does.
        type(doc, "跟进行动表", "D21", "改为电话确认预算");
        type(doc, "跟进行动表", "G21", "2099-01-15");
        // A milestone's owner and a rectification's measures change too.
        type(doc, "合同履约跟踪表", "C6", "李娜");
        type(doc, "验收与整改", "F5", "更换全部采集模块");
        const Events after = readBoth(exportTo(doc, "after.ics", 24));
        std::set<std::string> uidsBefore, uidsAfter;
        for (const auto& [uid, f] : before) uidsBefore.insert(uid);
        for (const auto& [uid, f] : after) uidsAfter.insert(uid);
        EXPECT_EQ(uidsBefore, uidsAfter);
        int changed = 0;
        for (const auto& [uid, f] : after) {
            if (f.at("X-DEALSHEET-CELL") != "跟进行动表!G21") continue;
            ++changed;
            EXPECT_EQ(f.at("DTSTART"), "20990115");
            EXPECT_EQ(f.at("SUMMARY").rfind("跟进：改为电话确认预算", 0), 0u);
            EXPECT_NE(before.at(uid).at("SUMMARY"), f.at("SUMMARY"));
            EXPECT_GE(std::stol(f.at("SEQUENCE")), std::stol(before.at(uid).at("SEQUENCE")));
        }
        EXPECT_EQ(changed, 1);
        Reference<css::util::XModifiable>(doc, UNO_QUERY_THROW)->setModified(false);
        close(doc);
    });
}

TEST(ExportCalendar, HostileTextRoundTripsThroughBothParsers) {
    unoGuard([&] {
        const auto doc = loadCopy(kSample);
        const auto actions = byNameOrThrow(doc, "跟进行动表");
        const std::vector<std::string> hostile{
            "逗号,分号;冒号:引号\"反斜杠\\末尾",
            "第一行\n第二行\n\n第四行",
            "emoji 😀👍🏽 𠀀 and Ünïcödé",
            std::string(32000, 'x') + "尾",
            std::string(16000, ';') + std::string(16000, ','),
            "制表\t符 ＡＢＣ　全角",
        };
        for (const auto& text : hostile) {
            setText(actions, "D21", text);  // XD-2026-020's task
            setText(actions, "L21", text);  // and its notes
            const Events events = readBoth(exportTo(doc, "hostile.ics", 24));
            int found = 0;
            for (const auto& [uid, f] : events) {
                if (f.at("X-DEALSHEET-CELL") != "跟进行动表!G21") continue;
                ++found;
                EXPECT_EQ(f.at("SUMMARY").substr(0, std::string("跟进：").size() + text.size()),
                          "跟进：" + text);
                EXPECT_TRUE(contains(f.at("DESCRIPTION"), "备注：" + text));
            }
            EXPECT_EQ(found, 1) << text.substr(0, 40);
        }
        // A backslash before an n: libical reads it exactly; Python's icalendar 4.0.3 turns
        // "\\n" into a line break (its unescape replaces \n before \\), so libical alone here.
        setText(actions, "D21", "C:\\new\\Notes");
        const Events events = readWithLibical(exportTo(doc, "backslash.ics", 24));
        int found = 0;
        for (const auto& [uid, f] : events)
            if (f.at("X-DEALSHEET-CELL") == "跟进行动表!G21") {
                ++found;
                EXPECT_EQ(f.at("SUMMARY").rfind("跟进：C:\\new\\Notes", 0), 0u);
            }
        EXPECT_EQ(found, 1);
        Reference<css::util::XModifiable>(doc, UNO_QUERY_THROW)->setModified(false);
        close(doc);
    });
}

TEST(ExportCalendar, OnlyAnIcsFileTheCallerNamedAndNothingWhenNothingIsDue) {
    unoGuard([&] {
        const auto doc = loadCopy(kSample);
        const std::string dir = Office::get().workDir();
        for (const std::string& bad :
             {std::string(""), dir + "/plain-path.ics", fileUrl(dir + "/not-a-calendar.txt"),
              std::string("http://127.0.0.1/x.ics")}) {
            EXPECT_THROW(toolkit2()->exportCalendar(component(doc), toOUString(bad)),
                         css::lang::IllegalArgumentException)
                << bad;
        }
        EXPECT_FALSE(fs::exists(dir + "/not-a-calendar.txt"));
        // The workbook itself is never overwritten.
        const std::string own =
            toUtf8(Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getURL());
        EXPECT_THROW(toolkit2()->exportCalendar(component(doc), toOUString(own)),
                     css::lang::IllegalArgumentException);
        EXPECT_EQ(readFile(kSample).size(), readFile(own.substr(7)).size());
        close(doc);

        // A workbook without deadline sheets, or with nothing open: no file is written.
        const auto plain = newSpreadsheet();
        EXPECT_EQ(
            toolkit2()->exportCalendar(component(plain), toOUString(fileUrl(dir + "/none.ics"))),
            0);
        toolkit()->insertTemplates(component(plain), "en");
        EXPECT_EQ(
            toolkit2()->exportCalendar(component(plain), toOUString(fileUrl(dir + "/none.ics"))),
            0);
        EXPECT_FALSE(fs::exists(dir + "/none.ics"));
        Reference<css::util::XModifiable>(plain, UNO_QUERY_THROW)->setModified(false);
        close(plain);

        // A Writer document is refused; a read-only workbook can be exported (it is only read).
        const auto writer = loadComponent("private:factory/swriter");
        EXPECT_THROW(toolkit2()->exportCalendar(writer, toOUString(fileUrl(dir + "/w.ics"))),
                     css::lang::IllegalArgumentException);
        writer->dispose();
        const auto readOnly = loadComponent(fileUrl(kSample), false, true);
        EXPECT_EQ(toolkit2()->exportCalendar(readOnly, toOUString(fileUrl(dir + "/ro.ics"))), 24);
        EXPECT_EQ(toolkit2()->dueReminders(readOnly, "").getLength(), 10);
        readOnly->dispose();
    });
}

// The check the reminder bar runs on opening, on 100,000 actions (the figure of
// docs/developing.md).
TEST(DueReminders, HundredThousandActionsInTheOffice) {
    unoGuard([&] {
        const auto doc = newSpreadsheet();
        toolkit()->insertTemplates(component(doc), "zh");
        const long today = dealsheet::SerialDates().todaySerial();
        const int n = 100000;
        long expected = 0;
        css::uno::Sequence<css::uno::Sequence<css::uno::Any>> rows(n);
        for (int i = 0; i < n; ++i) {
            css::uno::Sequence<css::uno::Any> row(9);
            auto* cells = row.getArray();
            const bool done = i % 7 < 3;
            if (!done && i % 400 < 6) ++expected;  // due from three days ago to in two days
            cells[0] <<= toOUString("XD-" + std::to_string(i));
            cells[1] <<= toOUString("202601-001");
            cells[2] <<= rtl::OUString();
            cells[3] <<= toOUString("任务" + std::to_string(i));
            cells[4] <<= toOUString("销售" + std::to_string(i % 20));
            cells[5] <<= static_cast<double>(today - 30);
            cells[6] <<= static_cast<double>(today - 3 + i % 400);  // 1.5% overdue or due soon
            cells[7] <<= toOUString(done ? "已完成" : "进行中");
            cells[8] <<= done ? css::uno::Any(static_cast<double>(today - 1))
                              : css::uno::Any(rtl::OUString());
            rows.getArray()[i] = row;
        }
        const auto sheet = byNameOrThrow(doc, "跟进行动表");
        Reference<css::beans::XPropertySet> props(doc, UNO_QUERY_THROW);
        props->setPropertyValue("IsAdjustHeightEnabled", css::uno::Any(false));
        Reference<css::sheet::XCellRangeData>(
            Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                ->getCellRangeByPosition(0, 1, 8, n),
            UNO_QUERY_THROW)
            ->setDataArray(rows);
        props->setPropertyValue("IsAdjustHeightEnabled", css::uno::Any(true));
        std::vector<double> seconds;
        long due = 0;
        for (int run = 0; run < 3; ++run) {
            const auto start = std::chrono::steady_clock::now();
            due = toolkit2()->dueReminders(component(doc), "").getLength();
            seconds.push_back(
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
        std::sort(seconds.begin(), seconds.end());
        EXPECT_EQ(due, expected);
        std::cout << "[figure] reminder check on " << n << " actions: median " << seconds[1]
                  << " s (min " << seconds[0] << ", max " << seconds[2] << "), " << due << " due\n";
        // A loose bound: the figure depends on the machine's load (docs/developing.md); reading the
        // rows cell by cell instead of in bulk would take minutes.
        EXPECT_LT(seconds[1], 30.0);
        Reference<css::util::XModifiable>(doc, UNO_QUERY_THROW)->setModified(false);
        close(doc);
    });
}
