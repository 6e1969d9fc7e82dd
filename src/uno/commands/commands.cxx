#include "uno/commands/commands.hxx"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>

#include <com/sun/star/lang/IllegalArgumentException.hpp>

#include <com/sun/star/beans/XPropertySet.hpp>

#include <com/sun/star/container/XIndexAccess.hpp>

#include "core/functions/numbering.hpp"
#include "core/review/review.hpp"
#include "core/team/team_messages.hpp"
#include "core/text/messages.hpp"
#include "core/validate/validator.hpp"
#include "core/workbook/schema.hpp"
#include "core/workbook/sheet_locator.hpp"
#include "uno/review/review_writer.hxx"
#include "uno/templates/template_writer.hxx"
#include "uno/validate/live_check.hxx"
#include "uno/validate/report_writer.hxx"
#include "uno/workbook/document_settings.hxx"
#include "uno/workbook/office_util.hxx"
#include "uno/workbook/phase_times.hxx"
#include "uno/workbook/undo_action.hxx"
#include "uno/workbook/uno_util.hxx"
#include "uno/workbook/workbook_reader.hxx"

namespace dealsheet::uno {

CommandOutcome insertTemplates(const Reference<css::uno::XComponentContext>& context,
                               const Reference<css::sheet::XSpreadsheetDocument>& doc,
                               const std::string& lang) {
    const Lang uiLang = officeLanguage(context);
    Lang sheetLang = uiLang;
    if (!lang.empty()) {
        const auto parsed = parseLang(lang);
        if (!parsed)
            throw css::lang::IllegalArgumentException(
                toOUString("language must be \"zh\" or \"en\" / 语言须为 \"zh\" 或 \"en\""),
                nullptr, 1);
        sheetLang = *parsed;
    }
    CommandOutcome outcome;
    std::vector<Reference<css::sheet::XSpreadsheet>> inserted;
    {
        std::vector<std::string> before = sheetNames(doc);
        UndoScope undo(doc, std::string(msg::kInsertTemplatesTitle.in(uiLang)), [&] {
            for (const auto& name : sheetNames(doc))
                if (std::find(before.begin(), before.end(), name) == before.end())
                    doc->getSheets()->removeByName(toOUString(name));
        });
        inserted = insertTemplateSheets(doc, sheetLang);
        undo.commit();
    }
    freezeHeaders(doc, inserted);
    outcome.count = static_cast<long>(inserted.size());
    outcome.message = outcome.count > 0
                          ? msg::format(msg::kInserted.in(uiLang), std::to_string(outcome.count))
                          : std::string(msg::kNothingToInsert.in(uiLang));
    return outcome;
}

CommandOutcome validate(const Reference<css::uno::XComponentContext>& context,
                        const Reference<css::sheet::XSpreadsheetDocument>& doc,
                        const std::vector<Finding>& extra) {
    return runFullCheck(context, doc, true, extra);
}

CommandOutcome clearMarks(const Reference<css::uno::XComponentContext>& context,
                          const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    const Lang uiLang = officeLanguage(context);
    CommandOutcome outcome;
    const RowHeightPause heights(doc);
    UndoScope undo(doc, std::string(msg::kClearTitle.in(uiLang)));
    outcome.count = clearReportAndMarks(doc);
    undo.commit();
    forgetCheck(doc);  // live checking stops with the marks
    outcome.message = msg::kMarksCleared.in(uiLang);
    return outcome;
}

CommandOutcome assignCustomerNumbers(const Reference<css::uno::XComponentContext>& context,
                                     const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    const Lang uiLang = officeLanguage(context);
    PhaseTimes times("assign");
    CommandOutcome outcome;
    // A team workbook's numbers come from the server alone (Sync numbers new customers): a
    // number made here could be one the team already uses.
    if (const Settings settings = readDocumentSettings(doc);
        settings.texts.count("teamDatabase") &&
        !trimSpaces(settings.texts.at("teamDatabase")).empty()) {
        outcome.message = msg::kAssignInTeamWorkbook.in(uiLang);
        return outcome;
    }
    // Only the number and date columns matter here, beside what tells the data rows apart.
    const auto sheets =
        readWorkbookColumns(doc, "customers", {"customerNo", "registeredOn"}, &times).sheets;
    times.mark("read");

    // Every Customers sheet (either language) shares one numbering.
    struct Origin {
        std::size_t sheet;
        int row;
        int column;
    };
    std::vector<NumberingRow> rows;
    std::vector<Origin> origins;
    bool numberColumnFound = false;
    for (std::size_t s = 0; s < sheets.size(); ++s) {
        const RecognisedSheet located = recognise(*sheets[s].first, sheets[s].second);
        const int numberColumn = located.column("customerNo");
        const int dateColumn = located.column("registeredOn");
        if (numberColumn < 0) continue;
        numberColumnFound = true;
        const SheetData& data = sheets[s].second;
        for (int r = 1; r < data.rowCount(); ++r) {
            NumberingRow row;
            // A customer merged over several rows is numbered once, in its merged cell.
            row.filled = isRowFilled(located, r) && !data.mergedCopyAt(r, numberColumn);
            const CellValue& number = data.at(r, numberColumn);
            row.numberBlank = isBlankCell(number) && !data.formulaAt(r, numberColumn) &&
                              !data.errorAt(r, numberColumn);
            if (const auto* text = std::get_if<std::string>(&number)) row.existingNumber = *text;
            if (const auto* date = std::get_if<double>(&data.at(r, dateColumn));
                date && dateColumn >= 0 && !data.errorAt(r, dateColumn))
                row.registered = *date;
            rows.push_back(row);
            origins.push_back({s, r, numberColumn});
        }
    }
    if (!numberColumnFound) {
        outcome.message = msg::kNoCustomerSheet.in(uiLang);
        return outcome;
    }
    const FunctionContext functionContext =
        contextOf(Reference<css::beans::XPropertySet>(doc, css::uno::UNO_QUERY));
    const NumberingResult result = assignCustomerNumbers(rows, functionContext.dates);

    // Calc pays several milliseconds for every setDataArray call (it copies the range for its
    // own undo), so the writes are as few as possible: from the first to the last numbered row
    // of a sheet, every cell without a formula is written in one block (the numbered cells with
    // their new number, all others with their own value, unchanged); only formula cells, which
    // must not be replaced by values, split a block.
    struct Run {
        std::size_t sheet;
        int column;
        int first;
        CellGrid before, after;
    };
    std::vector<Run> runs;
    std::map<std::size_t, std::pair<int, std::map<int, std::string>>>
        numbersBySheet;  // column, rows
    for (const auto& a : result.assigned) {
        const Origin& o = origins[a.row];
        numbersBySheet[o.sheet].first = o.column;
        numbersBySheet[o.sheet].second[o.row] = a.number;
    }
    for (const auto& [sheet, columnAndNumbers] : numbersBySheet) {
        const auto& [column, numbers] = columnAndNumbers;
        const SheetData& data = sheets[sheet].second;
        std::optional<Run> run;
        for (int r = numbers.begin()->first; r <= numbers.rbegin()->first; ++r) {
            // Runs are whole blocks of the sheet: a row left out of the data (a total, a note)
            // or a cell under a merge also ends one.
            const bool gap =
                run && data.sheetRow(r) != run->first + static_cast<int>(run->after.size());
            const bool blocked = data.formulaAt(r, column) || data.errorAt(r, column) ||
                                 data.mergedCopyAt(r, column);
            if (gap || blocked) {
                if (run) runs.push_back(std::move(*run));
                run.reset();
            }
            if (blocked) continue;
            if (!run) run = Run{sheet, column, data.sheetRow(r), {}, {}};
            const auto it = numbers.find(r);
            run->before.push_back({data.at(r, column)});
            run->after.push_back(
                {it != numbers.end() ? CellValue(it->second) : data.at(r, column)});
        }
        if (run) runs.push_back(std::move(*run));
    }
    const auto rangeOfRun = [&](const Run& run) {
        return rangeOf(sheetByName(doc, sheets[run.sheet].second.name), run.column, run.first,
                       run.column, run.first + static_cast<int>(run.after.size()) - 1);
    };
    if (!runs.empty()) {  // no empty undo step when there is nothing to number
        const RowHeightPause heights(doc);
        UndoScope undo(doc, std::string(msg::kAssignTitle.in(uiLang)), [&] {
            for (const auto& run : runs) writeValues(rangeOfRun(run), run.before);
        });
        times.mark("number");
        std::vector<CellBlock> blocks;
        for (const auto& run : runs) {
            const auto range = rangeOfRun(run);
            writeValuesUnrecorded(undo.manager(), range, run.after);
            blocks.push_back({range, run.before, run.after});
        }
        times.mark("write");
        undo.add(makeCellWritesUndo(std::string(msg::kAssignTitle.in(uiLang)), std::move(blocks),
                                    undo.manager()));
        undo.commit();
    }
    times.mark("close");
    outcome.count = static_cast<long>(result.assigned.size());
    outcome.message = msg::format(msg::kAssigned.in(uiLang), std::to_string(outcome.count));
    if (!result.skipped.empty()) {
        std::string list;
        for (std::size_t i = 0; i < result.skipped.size() && i < 30; ++i) {
            const Origin& o = origins[result.skipped[i]];
            list += (list.empty() ? "" : ", ") + sheets[o.sheet].second.name + " " +
                    std::to_string(sheets[o.sheet].second.sheetRow(o.row) + 1);
        }
        if (result.skipped.size() > 30) list += ", …";
        outcome.message += "\n" + msg::format(msg::kSkippedRows.in(uiLang), list);
        outcome.warnings = static_cast<long>(result.skipped.size());
    }
    return outcome;
}

CommandOutcome refreshReview(const Reference<css::uno::XComponentContext>& context,
                             const Reference<css::sheet::XSpreadsheetDocument>& doc,
                             const std::string& monthText) {
    const Lang uiLang = officeLanguage(context);
    std::optional<ReviewMonth> month;
    try {
        month = parseReviewMonth(monthText);
    } catch (const std::invalid_argument&) {
        throw css::lang::IllegalArgumentException(toOUString(msg::kBadMonth.in(uiLang)), nullptr,
                                                  1);
    }
    const FunctionContext functionContext =
        contextOf(Reference<css::beans::XPropertySet>(doc, css::uno::UNO_QUERY));
    const long today = functionContext.dates.todaySerial();
    if (!month) {
        const auto civil = functionContext.dates.toCivil(static_cast<double>(today));
        month = ReviewMonth{civil->year, civil->month};
    }
    const auto names = sheetNames(doc);
    const auto sheets = readWorkbook(doc).sheets;
    std::vector<RecognisedSheet> located;
    for (const auto& [schema, data] : sheets) located.push_back(recognise(*schema, data));

    const SheetSchema& reviewSchema = productSchema().sheetOrThrow("review");
    // An existing review is refilled in the language of its name; a new one in the UI's.
    const auto existingReview = findSheet(productSchema(), names, reviewSchema.id);
    std::string reviewName = existingReview ? existingReview->name : std::string();
    const Lang lang = existingReview ? existingReview->lang : uiLang;
    const ReviewLayout layout =
        buildReview(located, *month, today, functionContext.dates, readDocumentSettings(doc), lang);

    const std::string label = isoMonth(month->year, month->month);
    {
        const bool created = reviewName.empty();
        const RowHeightPause heights(doc);
        UndoScope undo(doc, std::string(msg::kReviewTitle.in(uiLang)));
        if (created) {
            reviewName = reviewSchema.name.in(lang);
            const auto count =
                Reference<css::container::XIndexAccess>(doc->getSheets(), css::uno::UNO_QUERY_THROW)
                    ->getCount();
            insertSheetUndoable(doc, reviewName, static_cast<sal_Int16>(count));
        }
        auto block =
            writeReviewSheet(doc, sheetByName(doc, reviewName), layout, lang, undo.manager());
        if (block.range.is())
            undo.add(makeCellWritesUndo(std::string(msg::kReviewTitle.in(uiLang)),
                                        {std::move(block)}, undo.manager()));
        undo.commit();
    }
    CommandOutcome outcome;
    outcome.message = msg::format(msg::kReviewBuilt.in(uiLang), label);
    return outcome;
}

}  // namespace dealsheet::uno
