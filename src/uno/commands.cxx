#include "commands.hxx"

#include <algorithm>
#include <chrono>

#include <com/sun/star/lang/IllegalArgumentException.hpp>

#include "core/messages.hpp"
#include "office_util.hxx"
#include "template_writer.hxx"
#include "uno_util.hxx"

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

}  // namespace dealsheet::uno
