// Deadlines and whose they are (SPEC §9): the one decision shared by the reminder bar, the
// macro's dueReminders and the calendar export; and the iCalendar text, read back by libical.
#include <gtest/gtest.h>

#include <libical/ical.h>

#include <map>

#include "core/reminders/icalendar.hpp"
#include "core/reminders/reminders.hpp"
#include "core/text/text.hpp"

using namespace dealsheet;

namespace {

const SerialDates kDates;
const long kToday = *kDates.toSerial({2026, 11, 20});

double day(int offset) { return static_cast<double>(kToday + offset); }
std::string s(const char* text) { return text; }

using Row = std::map<std::string, CellValue>;

// Sheets named in `lang` with every schema column, rows given by column id.
class Book {
  public:
    explicit Book(Lang lang = Lang::Zh) : lang_(lang) {}
    Book& add(const std::string& sheet, Row row) {
        rows_[sheet].push_back(std::move(row));
        return *this;
    }
    std::vector<Deadline> deadlines(const Audience& audience = {}, long window = 2) {
        data_.clear();
        data_.reserve(rows_.size());
        std::vector<const SheetSchema*> schemas;
        for (const auto& [id, rows] : rows_) {
            const SheetSchema& schema = productSchema().sheetOrThrow(id);
            SheetData& data = data_.emplace_back();
            data.name = schema.name.in(lang_);
            data.cells.emplace_back();
            for (const auto& c : schema.columns) data.cells.back().push_back(c.header.in(lang_));
            for (const auto& row : rows) {
                auto& cells = data.cells.emplace_back();
                for (const auto& c : schema.columns) {
                    const auto it = row.find(c.id);
                    cells.push_back(it == row.end() ? CellValue{} : it->second);
                }
            }
            schemas.push_back(&schema);
        }
        sheets_.clear();
        for (std::size_t i = 0; i < data_.size(); ++i) {
            sheets_.push_back(recognise(*schemas[i], data_[i]));
            sheets_.back().lang = lang_;
        }
        return openDeadlines(sheets_, kDates, kToday, window, audience);
    }
    const std::vector<RecognisedSheet>& sheets() const { return sheets_; }

  private:
    Lang lang_;
    std::map<std::string, std::vector<Row>> rows_;
    std::vector<SheetData> data_;
    std::vector<RecognisedSheet> sheets_;
};

Row action(const char* number, int due, const char* status, const char* owner = "王磊") {
    return {{"actionNo", s(number)}, {"customerNo", s("202611-001")}, {"task", s("发报价")},
            {"owner", s(owner)},     {"dueDate", day(due)},           {"status", s(status)}};
}

Book sampleBook() {
    Book book;
    book.add("customers", {{"customerNo", s("202611-001")}, {"customerName", s("华锐机械")}})
        .add("approvals", {{"contractNo", s("HT-1")}, {"customerNo", s("202611-001")}})
        .add("actions", action("XD-1", -3, "进行中"))         // overdue
        .add("actions", action("XD-2", 0, "未开始", "李娜"))  // due today
        .add("actions", action("XD-3", 2, "进行中"))          // last day of the window
        .add("actions", action("XD-4", 3, "进行中"))          // later
        .add("actions", action("XD-5", -9, "已完成"))         // closed
        .add("actions", action("XD-6", -9, "Cancelled"))      // closed, English
        .add("execution", {{"contractNo", s("HT-1")},
                           {"milestone", s("生产交付")},
                           {"owner", s("王磊")},
                           {"plannedDate", day(-1)},
                           {"status", s("存在延迟")},
                           {"deviation", s("车间改造")}})
        .add("execution", {{"contractNo", s("HT-1")},
                           {"milestone", s("预付款")},
                           {"owner", s("王磊")},
                           {"plannedDate", day(-20)},
                           {"actualDate", day(-19)},
                           {"status", s("正常进行")}})  // has an actual date: done
        .add("execution", {{"contractNo", s("HT-1")},
                           {"milestone", s("验收")},
                           {"owner", s("王磊")},
                           {"plannedDate", day(-5)},
                           {"status", s("已完成")}})
        .add("acceptance", {{"contractNo", s("HT-1")},
                            {"deliveredOn", day(-30)},
                            {"result", s("未通过")},
                            {"failedItems", s("延迟超过2秒")},
                            {"rectification", s("更换采集模块")},
                            {"rectificationOwner", s("周凯")},
                            {"rectificationDue", day(1)},
                            {"rectificationStatus", s("进行中")}})
        .add("acceptance", {{"contractNo", s("HT-1")},
                            {"deliveredOn", day(-60)},
                            {"result", s("通过")},
                            {"rectificationDue", day(-1)}});  // passed: nothing to rectify
    return book;
}

std::vector<std::string> refs(const std::vector<Deadline>& deadlines) {
    std::vector<std::string> out;
    for (const auto& d : deadlines) out.push_back(d.reference + "/" + d.title);
    return out;
}

}  // namespace

TEST(Owners, OneNameAmongSeveralIgnoringSpacesWidthAndCase) {
    EXPECT_TRUE(ownerMatches("王磊", "王磊"));
    EXPECT_TRUE(ownerMatches("王 磊", "王磊"));
    EXPECT_TRUE(ownerMatches("李娜、王磊", "王磊"));
    EXPECT_TRUE(ownerMatches("李娜/王磊;周凯", "王磊"));
    EXPECT_TRUE(ownerMatches("李娜\n王磊", "王磊"));
    EXPECT_TRUE(ownerMatches("Lei  WANG, Na Li", "lei wang"));
    EXPECT_TRUE(ownerMatches("ＬＥＩ　ＷＡＮＧ", "Lei Wang"));
    EXPECT_FALSE(ownerMatches("王磊磊", "王磊"));
    EXPECT_FALSE(ownerMatches("", "王磊"));
    EXPECT_FALSE(ownerMatches("王磊", ""));
}

TEST(Owners, AudienceFromSettingsAndUserData) {
    EXPECT_TRUE(audienceOf(ReminderScope::All, "磊", "王").everyone);
    EXPECT_TRUE(audienceOf(ReminderScope::Mine, " ", "").everyone);  // no name: everyone's
    const Audience mine = audienceOf(ReminderScope::Mine, "磊", "王");
    EXPECT_FALSE(mine.everyone);
    EXPECT_TRUE(mine.includes("王磊"));
    EXPECT_TRUE(mine.includes("磊 王"));
    EXPECT_FALSE(mine.includes("李娜"));
    const Audience english = audienceOf(ReminderScope::Mine, "Lei", "Wang");
    EXPECT_TRUE(english.includes("Wang Lei"));
    EXPECT_TRUE(english.includes("Lei Wang"));
    EXPECT_TRUE(audienceOf(ReminderScope::Mine, "王磊", "").includes("王磊"));
}

TEST(Deadlines, OpenRowsOfEverySheetSortedByDate) {
    Book book = sampleBook();
    const auto all = book.deadlines();
    EXPECT_EQ(refs(all),
              (std::vector<std::string>{"XD-1/发报价", "HT-1/生产交付", "XD-2/发报价",
                                        "HT-1/更换采集模块", "XD-3/发报价", "XD-4/发报价"}));
    EXPECT_EQ(all[0].urgency, Urgency::Overdue);
    EXPECT_EQ(all[2].urgency, Urgency::DueSoon);
    EXPECT_EQ(all[4].urgency, Urgency::DueSoon);
    EXPECT_EQ(all[5].urgency, Urgency::Later);
    EXPECT_EQ(dueNow(all).size(), 5u);
    // The customer comes from the register, through the contract for milestones.
    EXPECT_EQ(all[1].customerNo, "202611-001");
    EXPECT_EQ(all[1].customerName, "华锐机械");
    EXPECT_EQ(all[1].notes, "车间改造");
    EXPECT_EQ(all[3].owner, "周凯");
    EXPECT_EQ(all[3].notes, "延迟超过2秒");
    EXPECT_EQ(all[0].sheet, "跟进行动表");
    EXPECT_EQ(all[0].row, 1);
    EXPECT_EQ(all[0].dueColumn, productSchema().sheetOrThrow("actions").columnIndex("dueDate"));

    const ReminderCounts counts = countDue(all);
    EXPECT_EQ(counts.overdueActions, 1);
    EXPECT_EQ(counts.dueSoonActions, 2);
    EXPECT_EQ(counts.overdueMilestones, 1);
    EXPECT_EQ(counts.dueSoonMilestones, 0);
    EXPECT_EQ(counts.overdueRectifications, 0);
    EXPECT_EQ(counts.dueSoonRectifications, 1);
    EXPECT_EQ(counts.total(), 5);
    EXPECT_EQ(reminderSummary(counts, 2, Lang::Zh),
              "跟进行动：逾期 1 项，2 天内到期 2 项；履约里程碑：逾期 1 个，2 天内到期 0 "
              "个；整改：逾期 0 项，2 天内到期 1 项");
    EXPECT_EQ(reminderSummary(counts, 2, Lang::En),
              "Actions: 1 overdue, 2 due within 2 days; Milestones: 1 overdue, 0 due within 2 "
              "days; Rectifications: 0 overdue, 1 due within 2 days");
}

TEST(Deadlines, TheOwnersOwnAndTheWindowFromSettings) {
    Book book = sampleBook();
    const auto mine = book.deadlines(audienceOf(ReminderScope::Mine, "磊", "王"));
    EXPECT_EQ(refs(mine), (std::vector<std::string>{"XD-1/发报价", "HT-1/生产交付", "XD-3/发报价",
                                                    "XD-4/发报价"}));
    const auto wider = book.deadlines({}, 3);
    EXPECT_EQ(wider[5].urgency, Urgency::DueSoon);
    const auto today = book.deadlines({}, 0);
    EXPECT_EQ(countDue(today).dueSoonActions, 1);  // only today's
}

TEST(Deadlines, RowsWithoutAValidDateAreLeftToValidate) {
    Book book;
    Row textDate = action("XD-7", 0, "进行中");
    textDate["dueDate"] = s("2026/11/20");
    Row noDate = action("XD-8", 0, "进行中");
    noDate.erase("dueDate");
    Row completed = action("XD-9", -2, "进行中");
    completed["completedOn"] = day(-1);
    book.add("actions", textDate).add("actions", noDate).add("actions", completed);
    EXPECT_TRUE(book.deadlines().empty());
}

TEST(Deadlines, OneLinePerItemForTheListAndMacros) {
    Book book = sampleBook();
    const auto all = book.deadlines();
    EXPECT_EQ(reminderLine(all[0], kDates, kToday, Lang::Zh, "\t"),
              "已逾期 3 天\t2026-11-17\t跟进行动 XD-1\t发报价\t华锐机械 "
              "(202611-001)\t王磊\t跟进行动表!G2");
    EXPECT_EQ(reminderLine(all[2], kDates, kToday, Lang::En, " | "),
              "due today | 2026-11-20 | Action XD-2 | 发报价 | 华锐机械 (202611-001) | 李娜 | "
              "跟进行动表!G3");
    EXPECT_EQ(
        reminderLine(all[4], kDates, kToday, Lang::Zh, " "),
        "2 天后到期 2026-11-22 跟进行动 XD-3 发报价 华锐机械 (202611-001) 王磊 跟进行动表!G4");
    Deadline multiline = all[0];
    multiline.title = "第一行\n第二行\t完";
    EXPECT_EQ(reminderLine(multiline, kDates, kToday, Lang::Zh, "\t").find('\n'),
              std::string::npos);
}

TEST(Deadlines, WorkbookLanguageFromTheSheetNames) {
    Book english(Lang::En);
    english.add("actions", action("XD-1", 1, "In progress"));
    english.deadlines();
    EXPECT_EQ(workbookLanguage(english.sheets()), Lang::En);
    Book chinese;
    chinese.add("actions", action("XD-1", 1, "进行中"));
    chinese.deadlines();
    EXPECT_EQ(workbookLanguage(chinese.sheets()), Lang::Zh);
}

TEST(ReminderSettings, ScopeIsAWordOfItsListInEitherLanguage) {
    const Schema& schema = productSchema();
    EXPECT_EQ(readSettings(schema, {}).reminderScope(), ReminderScope::Mine);
    EXPECT_EQ(readSettings(schema, {{s("提醒范围"), s("全部")}}).reminderScope(),
              ReminderScope::All);
    EXPECT_EQ(readSettings(schema, {{s("Reminder scope"), s(" all ")}}).reminderScope(),
              ReminderScope::All);
    EXPECT_EQ(readSettings(schema, {{s("提醒范围"), s("我的")}}).reminderScope(),
              ReminderScope::Mine);
    const Settings odd = readSettings(schema, {{s("提醒范围"), s("大家")}, {s("提醒范围"), 3.0}});
    EXPECT_EQ(odd.reminderScope(), ReminderScope::Mine);
    ASSERT_EQ(odd.problems.size(), 2u);
    for (const auto& problem : odd.problems) {
        EXPECT_EQ(problem.name, "提醒范围");
        EXPECT_EQ(problem.defaultValue, "我的");  // what is used instead, as the sheet says it
    }
}

TEST(ICalendar, TextEscapingAndFolding) {
    EXPECT_EQ(escapeText("a,b;c\\d\ne\r\nf\rg\th\x01i"), "a\\,b\\;c\\\\d\\ne\\nf\\ng\th i");
    EXPECT_EQ(escapeText("客户：华锐，报价；"),
              "客户：华锐，报价；");  // full-width marks as they are
    EXPECT_EQ(escapeText("bad\xff"), "bad\xef\xbf\xbd");

    const std::string chinese = "SUMMARY:" + std::string(100, 'x') + "交付验收😀测试";
    const std::string folded = foldLine(chinese);
    std::string unfolded;
    std::size_t start = 0;
    while (start < folded.size()) {
        const std::size_t end = folded.find("\r\n", start);
        ASSERT_NE(end, std::string::npos);
        const std::string line = folded.substr(start, end - start);
        EXPECT_LE(line.size(), 75u);
        // Never inside a UTF-8 sequence: no line starts with a continuation byte.
        const std::string body = start == 0 ? line : line.substr(1);
        if (start > 0) {
            EXPECT_EQ(line[0], ' ');
        }
        EXPECT_NE(static_cast<unsigned char>(body[0]) & 0xC0, 0x80);
        unfolded += body;
        start = end + 2;
    }
    EXPECT_EQ(unfolded, chinese);
    EXPECT_EQ(foldLine("BEGIN:VEVENT"), "BEGIN:VEVENT\r\n");
}

TEST(ICalendar, UidsStayWithTheRowAndNeverRepeat) {
    Book book = sampleBook();
    const auto all = book.deadlines();
    Deadline edited = all[0];
    edited.title = "另一个任务";
    edited.due += 7;
    edited.owner = "李娜";
    edited.row = 40;  // sorted elsewhere
    EXPECT_EQ(deadlineUid(edited), deadlineUid(all[0]));
    EXPECT_EQ(deadlineUid(all[0]),
              "action-" + deadlineUid(all[0]).substr(7, 16) + "@org.dealsheet.calc");
    EXPECT_NE(deadlineUid(all[0]), deadlineUid(all[2]));
    Deadline milestone = all[1];
    milestone.identity = all[0].identity;  // same text, another kind
    EXPECT_NE(deadlineUid(milestone), deadlineUid(all[0]));

    std::vector<Deadline> twice{all[0], all[0]};  // an action number typed twice
    const auto events = calendarEvents(twice, kDates, 2, Lang::Zh);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_NE(events[0].uid, events[1].uid);
    EXPECT_EQ(events[1].uid, deadlineUid(all[0]).insert(23, "-2"));
}

TEST(ICalendar, OneEventInFull) {
    Book book = sampleBook();
    const auto all = book.deadlines();
    const auto events = calendarEvents({all[1]}, kDates, 2, Lang::Zh);
    const std::string text = writeCalendar(events, {{2026, 11, 20}, 8, 5, 9}, Lang::Zh);
    const std::string expected =
        "BEGIN:VCALENDAR\r\n"
        "VERSION:2.0\r\n"
        "PRODID:-//DealSheet//DealSheet for LibreOffice Calc//ZH\r\n"
        "CALSCALE:GREGORIAN\r\n"
        "X-WR-CALNAME:DealSheet 截止日期\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:" +
        events[0].uid +
        "\r\n"
        "DTSTAMP:20261120T080509Z\r\n"
        "LAST-MODIFIED:20261120T080509Z\r\n"
        "SEQUENCE:3622085\r\n"
        "DTSTART;VALUE=DATE:20261119\r\n"
        "DTEND;VALUE=DATE:20261120\r\n"
        "SUMMARY:里程碑：生产交付（HT-1） · 华锐机械（202611-001）\r\n"
        "DESCRIPTION:履约里程碑：生产交付\\n合同编号：HT-1\\n客户：\r\n"
        " 华锐机械（202611-001）\\n负责人：王磊\\n计划完成日期：202\r\n"
        " 6-11-19\\n状态：存在延迟\\n偏差说明：车间改造\\n位置：合\r\n"
        " 同履约跟踪表!D2\\nDealSheet\r\n"
        "CATEGORIES:履约里程碑\r\n"
        "TRANSP:TRANSPARENT\r\n"
        "X-DEALSHEET-CELL:合同履约跟踪表!D2\r\n"
        "BEGIN:VALARM\r\n"
        "ACTION:DISPLAY\r\n"
        "DESCRIPTION:里程碑：生产交付（HT-1） · 华锐机械（202611-001\r\n"
        " ）\r\n"
        "TRIGGER:-PT39H\r\n"
        "END:VALARM\r\n"
        "END:VEVENT\r\n"
        "END:VCALENDAR\r\n";
    EXPECT_EQ(text, expected);
}

// libical, a real iCalendar library, reads back exactly what was written: hostile texts too.
TEST(ICalendar, LibicalReadsBackEveryFieldOfHostileText) {
    const std::string hostile[] = {
        "逗号,分号;反斜杠\\冒号:引号\"",
        "多行\n第二行\r\n第三行",
        "emoji 😀👍🏽 and 𠀀 (outside the BMP)",
        std::string(32000, 'x') + "尾",
        std::string(10000, ' ') + "空格",
        "  前后空格  ",
        "制表\t符",
    };
    for (const auto& text : hostile) {
        Book book;
        Row row = action("XD-1", 1, "进行中");
        row["task"] = text;
        row["notes"] = text;
        book.add("actions", row);
        const auto deadlines = book.deadlines();
        ASSERT_EQ(deadlines.size(), 1u);
        const auto events = calendarEvents(deadlines, kDates, 3, Lang::En);
        const std::string ics = writeCalendar(events, {{2026, 11, 20}, 1, 2, 3}, Lang::En);

        icalcomponent* calendar = icalparser_parse_string(ics.c_str());
        ASSERT_NE(calendar, nullptr);
        EXPECT_EQ(icalrestriction_check(calendar), 1) << "libical restrictions";
        icalcomponent* event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
        ASSERT_NE(event, nullptr);
        EXPECT_EQ(icalcomponent_count_errors(calendar), 0);
        // Line breaks come back as \n (CRLF and CR alike), everything else as it was.
        const auto lf = [](const std::string& text) {
            std::string out;
            for (std::size_t i = 0; i < text.size(); ++i) {
                out += text[i] == '\r' ? '\n' : text[i];
                if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            }
            return out;
        };
        EXPECT_EQ(std::string(icalcomponent_get_summary(event)), lf(events[0].summary));
        EXPECT_EQ(std::string(icalcomponent_get_description(event)), lf(events[0].description));
        EXPECT_EQ(std::string(icalcomponent_get_uid(event)), events[0].uid);
        EXPECT_NE(events[0].summary.find(std::string(trimSpaces(text))), std::string::npos);
        const icaltimetype start = icalcomponent_get_dtstart(event);
        EXPECT_EQ(start.is_date, 1);
        EXPECT_EQ(start.year * 10000 + start.month * 100 + start.day, 20261121);
        icalcomponent* alarm = icalcomponent_get_first_component(event, ICAL_VALARM_COMPONENT);
        ASSERT_NE(alarm, nullptr);
        const icaltriggertype trigger = icalproperty_get_trigger(
            icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY));
        EXPECT_EQ(icaldurationtype_as_int(trigger.duration), -(3 * 24 - 9) * 3600);
        icalcomponent_free(calendar);
    }
}
