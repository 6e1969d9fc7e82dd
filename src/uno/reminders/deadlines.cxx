#include "uno/reminders/deadlines.hxx"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/StringPair.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/InfobarType.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XInfobarProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/io/SequenceInputStream.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/ucb/SimpleFileAccess.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

#include "core/reminders/icalendar.hpp"
#include "core/reminders/reminder_messages.hpp"
#include "core/text/messages.hpp"
#include "core/validate/validator.hpp"
#include "core/workbook/layout.hpp"
#include "uno/workbook/choice_dialog.hxx"
#include "uno/workbook/document_settings.hxx"
#include "uno/workbook/file_picker.hxx"
#include "uno/workbook/office_util.hxx"
#include "uno/workbook/uno_util.hxx"
#include "uno/workbook/workbook_reader.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::Any;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

constexpr char kInfobarId[] = "org.dealsheet.calc.reminders";

std::string configString(const Reference<css::uno::XComponentContext>& context, const char* path,
                         const char* name) {
    try {
        const auto provider = css::configuration::theDefaultProvider::get(context);
        Sequence<Any> args(1);
        args.getArray()[0] <<=
            css::beans::NamedValue("nodepath", Any(rtl::OUString::createFromAscii(path)));
        Reference<css::container::XNameAccess> node(
            provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                                  args),
            UNO_QUERY_THROW);
        rtl::OUString value;
        node->getByName(rtl::OUString::createFromAscii(name)) >>= value;
        return toUtf8(value);
    } catch (const css::uno::Exception&) {
        return {};
    }
}

bool isDeadlineSheet(const SheetSchema* schema) {
    return schema &&
           (schema->id == "actions" || schema->id == "execution" || schema->id == "acceptance");
}

// The columns the deadlines need, per sheet: what the reminder bar counts with, and what the
// lines and the calendar add.
std::vector<std::string_view> columnsFor(std::string_view sheetId, bool texts) {
    std::vector<std::string_view> ids;
    if (sheetId == "actions") ids = {"owner", "dueDate", "status", "completedOn"};
    if (sheetId == "execution") ids = {"owner", "plannedDate", "actualDate", "status"};
    if (sheetId == "acceptance")
        ids = {"result", "rectificationOwner", "rectificationDue", "rectificationStatus"};
    if (!texts) return ids;
    if (sheetId == "actions") ids.insert(ids.end(), {"actionNo", "customerNo", "task", "notes"});
    if (sheetId == "execution") ids.insert(ids.end(), {"contractNo", "milestone", "deviation"});
    if (sheetId == "acceptance")
        ids.insert(ids.end(), {"contractNo", "rectification", "failedItems", "deliveredOn"});
    if (sheetId == "customers") ids = {"customerNo", "customerName"};
    if (sheetId == "approvals") ids = {"contractNo", "customerNo"};
    return ids;
}

// Only those columns, one bulk read each, and no formula queries: on opening a workbook of
// 100,000 actions the whole sheet would be read for four columns. The header stays the first
// row of the result (where the sheet has it is in `sheetRows`), so a title row above the header
// or the user's own header names (SPEC §6) are read as Validate reads them.
SheetData readColumns(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                      const SheetRecognition& recognition,
                      const std::vector<std::string_view>& ids) {
    SheetData data;
    data.name = recognition.name;
    const auto sheet = sheetByName(doc, recognition.name);
    const auto [rows, columns] = usedSize(sheet);
    const int header = recognition.headerRow;
    if (rows <= header) return data;
    data.cells = readValues(rangeOf(sheet, 0, header, columns - 1, header));
    data.columnOf = recognition.header.columnOf;
    const RecognisedSheet located = recognise(*recognition.schema, data);
    int width = 0;
    for (const auto id : ids) width = std::max(width, located.column(id) + 1);
    const int count = rows - header;  // the header and the rows below it
    data.cells.resize(static_cast<std::size_t>(count));
    data.sheetRows.resize(static_cast<std::size_t>(count));
    for (int r = 0; r < count; ++r) data.sheetRows[static_cast<std::size_t>(r)] = header + r;
    for (int r = 1; r < count; ++r) data.cells[static_cast<std::size_t>(r)].resize(width);
    if (count == 1) return data;
    for (const auto id : ids) {
        const int c = located.column(id);
        if (c < 0) continue;
        CellGrid values = readValues(rangeOf(sheet, c, header + 1, c, rows - 1));
        for (std::size_t r = 0; r < values.size() && r + 1 < data.cells.size(); ++r)
            if (!values[r].empty())
                data.cells[r + 1][static_cast<std::size_t>(c)] = std::move(values[r][0]);
    }
    return data;
}

UtcTime utcNow() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    return {{utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday}, utc.tm_hour, utc.tm_min, utc.tm_sec};
}

std::string documentUrl(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    Reference<css::frame::XModel> model(doc, UNO_QUERY);
    return model.is() ? toUtf8(model->getURL()) : std::string();
}

}  // namespace

std::string officeUserName(const Reference<css::uno::XComponentContext>& context) {
    const std::string given =
        configString(context, "/org.openoffice.UserProfile/Data", "givenname");
    const std::string surname = configString(context, "/org.openoffice.UserProfile/Data", "sn");
    if (given.empty() || surname.empty()) return given + surname;
    // Chinese names are written surname first without a space; others given name first.
    const bool cjk = static_cast<unsigned char>(surname[0]) >= 0xE0;
    return cjk ? surname + given : given + " " + surname;
}

WorkbookDeadlines readDeadlines(const Reference<css::uno::XComponentContext>& context,
                                const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                const std::optional<std::string>& owner, bool texts) {
    WorkbookDeadlines result;
    std::vector<std::pair<const SheetSchema*, SheetData>> sheets;
    for (const auto& recognition : recogniseWorkbook(doc)) {
        if (!recognition.schema) continue;
        const SheetSchema* schema = recognition.schema;
        result.hasDeadlineSheets = result.hasDeadlineSheets || isDeadlineSheet(schema);
        const auto ids = columnsFor(schema->id, texts);
        if (!ids.empty()) sheets.emplace_back(schema, readColumns(doc, recognition, ids));
    }
    if (!result.hasDeadlineSheets) return result;
    std::vector<RecognisedSheet> located;
    for (const auto& [schema, data] : sheets) located.push_back(recognise(*schema, data));

    result.settings = readDocumentSettings(doc);
    result.dates = contextOf(Reference<css::beans::XPropertySet>(doc, UNO_QUERY)).dates;
    result.today = result.dates.todaySerial();
    result.lang = workbookLanguage(located);
    if (owner) {
        result.audience.everyone = owner->find_first_not_of(" \t") == std::string::npos;
        if (!result.audience.everyone) result.audience.names.push_back(*owner);
    } else {
        result.audience =
            audienceOf(result.settings.reminderScope(),
                       configString(context, "/org.openoffice.UserProfile/Data", "givenname"),
                       configString(context, "/org.openoffice.UserProfile/Data", "sn"));
    }
    result.open = openDeadlines(located, result.dates, result.today, result.settings.reminderDays(),
                                result.audience);
    return result;
}

std::vector<std::string> reminderLines(const Reference<css::uno::XComponentContext>& context,
                                       const WorkbookDeadlines& deadlines,
                                       const std::string& separator) {
    const Lang uiLang = officeLanguage(context);
    std::vector<std::string> lines;
    for (const auto& d : dueNow(deadlines.open))
        lines.push_back(reminderLine(d, deadlines.dates, deadlines.today, uiLang, separator));
    return lines;
}

CommandOutcome exportCalendar(const Reference<css::uno::XComponentContext>& context,
                              const Reference<css::sheet::XSpreadsheetDocument>& doc,
                              const std::string& fileUrl) {
    const Lang uiLang = officeLanguage(context);
    // Only a file the user (or the macro) named, and never the workbook itself.
    if (fileUrl.compare(0, 5, "file:") != 0 || !hasExtension(fileUrl, ".ics"))
        throw css::lang::IllegalArgumentException(toOUString(msg::kNeedFileUrl.in(uiLang)), nullptr,
                                                  1);
    if (fileUrl == documentUrl(doc))
        throw css::lang::IllegalArgumentException(toOUString(msg::kNotOverDocument.in(uiLang)),
                                                  nullptr, 1);
    const WorkbookDeadlines deadlines = readDeadlines(context, doc, std::nullopt);
    CommandOutcome outcome;
    if (!deadlines.hasDeadlineSheets) {
        outcome.message = msg::kNoDeadlineSheet.in(uiLang);
        return outcome;
    }
    const auto events = calendarEvents(deadlines.open, deadlines.dates,
                                       deadlines.settings.reminderDays(), deadlines.lang);
    if (events.empty()) {
        outcome.message = msg::kNothingToExport.in(uiLang);
        return outcome;
    }
    const std::string text = writeCalendar(events, utcNow(), deadlines.lang);
    Sequence<sal_Int8> bytes(static_cast<sal_Int32>(text.size()));
    std::copy(text.begin(), text.end(), bytes.getArray());
    // The one place DealSheet writes a file: through the office's own file access, to the
    // URL chosen in the file picker or passed by the user's macro (tests/security_check.sh).
    const Reference<css::io::XInputStream> data(
        css::io::SequenceInputStream::createStreamFromSequence(context, bytes), UNO_QUERY_THROW);
    css::ucb::SimpleFileAccess::create(context)->writeFile(toOUString(fileUrl), data);
    outcome.count = static_cast<long>(events.size());
    outcome.message =
        msg::format(msg::kExported.in(uiLang), std::to_string(outcome.count)) + "\n" + fileUrl;
    return outcome;
}

std::optional<std::string> pickCalendarFile(
    const Reference<css::uno::XComponentContext>& context,
    const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    const Lang uiLang = officeLanguage(context);
    return pickFileToSave(context, doc, std::string(msg::kExportTitle.in(uiLang)),
                          std::string(msg::kCalendarFilter.in(uiLang)), ".ics",
                          std::string(msg::kCalendarFileName.in(uiLang)));
}

bool windowShown(const Reference<css::frame::XModel>& model) {
    const auto controller = model.is() ? model->getCurrentController() : nullptr;
    const auto frame = controller.is() ? controller->getFrame() : nullptr;
    Reference<css::awt::XWindow2> window(frame.is() ? frame->getContainerWindow() : nullptr,
                                         UNO_QUERY);
    return window.is() && window->isVisible();
}

void showReminderBar(const Reference<css::uno::XComponentContext>& context,
                     const Reference<css::frame::XModel>& model) {
    const auto start = std::chrono::steady_clock::now();
    const auto controller = model.is() ? model->getCurrentController() : nullptr;
    const auto frame = controller.is() ? controller->getFrame() : nullptr;
    Reference<css::awt::XWindow2> window(frame.is() ? frame->getContainerWindow() : nullptr,
                                         UNO_QUERY);
    Reference<css::frame::XInfobarProvider> infobars(controller, UNO_QUERY);
    Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY);
    // Documents loaded hidden (by a macro, a conversion) have a window no one sees.
    if (!window.is() || !window->isVisible() || !infobars.is() || !doc.is()) return;
    const WorkbookDeadlines deadlines = readDeadlines(context, doc, std::nullopt, false);
    const ReminderCounts counts = countDue(deadlines.open);
    if (std::getenv("DEALSHEET_TIMINGS"))
        std::fprintf(stderr, "[timings] reminders on open: %lld ms, %zu open deadlines\n",
                     static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                std::chrono::steady_clock::now() - start)
                                                .count()),
                     deadlines.open.size());
    if (counts.total() == 0) return;
    const Lang uiLang = officeLanguage(context);
    const std::string user = officeUserName(context);
    const std::string who =
        deadlines.audience.everyone ? std::string(msg::kEveryone.in(uiLang)) : user;
    const auto primary = toOUString(msg::format(msg::kRemindersFor.in(uiLang), who));
    const auto secondary =
        toOUString(reminderSummary(counts, deadlines.settings.reminderDays(), uiLang));
    const sal_Int32 type =
        counts.overdueActions + counts.overdueMilestones + counts.overdueRectifications > 0
            ? css::frame::InfobarType::WARNING
            : css::frame::InfobarType::INFO;
    if (infobars->hasInfobar(kInfobarId)) {
        infobars->updateInfobar(kInfobarId, primary, secondary, type);
        return;
    }
    Sequence<css::beans::StringPair> buttons(1);
    buttons.getArray()[0] = css::beans::StringPair(toOUString(msg::kShowItems.in(uiLang)),
                                                   "org.dealsheet.calc:ShowReminders");
    infobars->appendInfobar(kInfobarId, primary, secondary, type, buttons, true);
}

std::string showReminderList(const Reference<css::uno::XComponentContext>& context,
                             const Reference<css::frame::XFrame>& frame,
                             const Reference<css::sheet::XSpreadsheetDocument>& doc, bool window,
                             bool& listShown) {
    const Lang uiLang = officeLanguage(context);
    listShown = false;
    const WorkbookDeadlines deadlines = readDeadlines(context, doc, std::nullopt);
    if (!deadlines.hasDeadlineSheets) return std::string(msg::kNoDeadlineSheet.in(uiLang));
    const auto due = dueNow(deadlines.open);
    const std::string summary =
        due.empty() ? std::string(msg::kNothingDue.in(uiLang))
                    : reminderSummary(countDue(due), deadlines.settings.reminderDays(), uiLang);
    const auto lines = reminderLines(context, deadlines, "   ");
    if (!window || due.empty()) {
        std::string text = summary;
        for (const auto& line : reminderLines(context, deadlines, "\t")) text += "\n" + line;
        return text;
    }
    Choice choice{std::string(msg::kRemindersTitle.in(uiLang)),
                  summary,
                  lines,
                  0,
                  std::string(msg::kGoTo.in(uiLang)),
                  std::string(msg::kClose.in(uiLang))};
    choice.width = 420;
    choice.maxListHeight = 180;
    listShown = true;
    const auto picked = askChoice(context, frame, choice);
    if (!picked) return summary;
    const Deadline& d = due[static_cast<std::size_t>(*picked)];
    Reference<css::sheet::XSpreadsheetView> view(frame->getController(), UNO_QUERY);
    Reference<css::view::XSelectionSupplier> selection(frame->getController(), UNO_QUERY);
    if (view.is() && selection.is()) {
        const auto sheet = sheetByName(doc, d.sheet);
        view->setActiveSheet(sheet);
        const int column = std::max(d.dueColumn, 0);
        selection->select(Any(rangeOf(sheet, column, d.row, column, d.row)));
    }
    return summary;
}

}  // namespace dealsheet::uno
