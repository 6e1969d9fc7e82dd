#include "commands.hxx"

#include <algorithm>
#include <chrono>

#include <com/sun/star/lang/IllegalArgumentException.hpp>

#include <com/sun/star/beans/XPropertySet.hpp>

#include "core/messages.hpp"
#include "core/schema.hpp"
#include "core/validator.hpp"
#include "document_settings.hxx"
#include "office_util.hxx"
#include "report_writer.hxx"
#include "template_writer.hxx"
#include "uno_util.hxx"
#include "workbook_reader.hxx"

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
                        const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    const auto start = std::chrono::steady_clock::now();
    const Lang uiLang = officeLanguage(context);
    CommandOutcome outcome;
    const auto plans = planSheets(productSchema(), sheetNames(doc));
    if (std::none_of(plans.begin(), plans.end(), [](const SheetPlan& p) { return p.schema; })) {
        outcome.message = msg::kNoSheetRecognised.in(uiLang);
        return outcome;
    }
    const auto sheets = readPlannedSheets(doc, plans);
    const FunctionContext functionContext =
        contextOf(Reference<css::beans::XPropertySet>(doc, css::uno::UNO_QUERY));
    const ValidationOptions options{functionContext.dates, functionContext.dates.todaySerial(),
                                    readDocumentSettings(doc)};
    const ValidationResult result = validateWorkbook(sheets, options);

    ReportInput report{&result, plans, {}, 0, uiLang};
    {
        UndoScope undo(doc, std::string(msg::kValidateTitle.in(uiLang)), [&] {
            clearReportAndMarks(doc);  // never leave half a report or half the marks
        });
        clearReportAndMarks(doc);
        report.notHighlighted = markFindings(doc, result.findings);
        report.milliseconds =
            static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::steady_clock::now() - start)
                                  .count());
        writeReport(doc, report);
        undo.commit();
    }
    outcome.errors = result.errors;
    outcome.warnings = result.warnings;
    outcome.sheetsChecked = static_cast<long>(result.checked.size());
    outcome.milliseconds = report.milliseconds;
    outcome.message = msg::format(
        msg::format(msg::format(msg::kValidated.in(uiLang), std::to_string(result.errors)),
                    std::to_string(result.warnings)),
        std::to_string(report.milliseconds));
    return outcome;
}

CommandOutcome clearMarks(const Reference<css::uno::XComponentContext>& context,
                          const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    const Lang uiLang = officeLanguage(context);
    CommandOutcome outcome;
    UndoScope undo(doc, std::string(msg::kClearTitle.in(uiLang)));
    outcome.count = clearReportAndMarks(doc);
    undo.commit();
    outcome.message = msg::kMarksCleared.in(uiLang);
    return outcome;
}

}  // namespace dealsheet::uno
