#include "core/matching/merge.hpp"

#include "core/matching/merge_messages.hpp"
#include "core/text/text.hpp"

namespace dealsheet {
namespace {

constexpr Text kMergedWord{"已合并 → ", "merged → "};

std::string textAt(const SheetData& data, int row, int column) {
    const auto* text = std::get_if<std::string>(&data.at(row, column));
    return text ? std::string(trimSpaces(*text)) : std::string();
}

}  // namespace

std::string mergeMark(Lang lang, const std::string& keptNo) {
    return std::string(kMergedWord.in(lang)) + keptNo;
}

bool carriesMergeMark(std::string_view notes) {
    return notes.find(kMergedWord.zh) != std::string_view::npos ||
           notes.find(kMergedWord.en) != std::string_view::npos;
}

std::optional<MergeRefusal> planMerge(const std::vector<RecognisedSheet>& sheets,
                                      const std::string& keptInput, const std::string& mergedInput,
                                      MergePlan& plan) {
    plan = MergePlan{};
    plan.movedRows.assign(sheets.size(), 0);
    const std::string keptNo(trimSpaces(keptInput));
    const std::string mergedNo(trimSpaces(mergedInput));

    // The register: the first Customers sheet with a number column.
    std::size_t registerIndex = sheets.size();
    for (std::size_t s = 0; s < sheets.size() && registerIndex == sheets.size(); ++s)
        if (sheets[s].schema->id == "customers" && sheets[s].column("customerNo") >= 0)
            registerIndex = s;
    if (registerIndex == sheets.size()) return MergeRefusal{msg::kMergeNoRegister, {}};
    const RecognisedSheet& customers = sheets[registerIndex];
    const SheetData& register_ = *customers.data;
    const int numberColumn = customers.column("customerNo");
    const int nameColumn = customers.column("customerName");
    const int notesColumn = customers.column("notes");

    if (keptNo == mergedNo) return MergeRefusal{msg::kMergeSameCustomer, keptNo};
    int keptRow = -1;
    int mergedRow = -1;
    for (int row = 1; row < register_.rowCount(); ++row) {
        if (register_.mergedCopyAt(row, numberColumn)) continue;
        const std::string number = cellText(register_.at(row, numberColumn));
        if (keptRow < 0 && number == keptNo) keptRow = row;
        if (mergedRow < 0 && number == mergedNo) mergedRow = row;
    }
    if (keptRow < 0) return MergeRefusal{msg::kMergeNotFound, keptNo};
    if (mergedRow < 0) return MergeRefusal{msg::kMergeNotFound, mergedNo};
    if (notesColumn < 0) return MergeRefusal{msg::kMergeNoNotes, {}};
    const std::string notes = textAt(register_, mergedRow, notesColumn);
    if (carriesMergeMark(notes)) return MergeRefusal{msg::kMergeAlreadyMerged, mergedNo};
    if (register_.formulaAt(mergedRow, notesColumn)) return MergeRefusal{msg::kMergeNoNotes, {}};

    plan.keptName = nameColumn < 0 ? std::string() : textAt(register_, keptRow, nameColumn);
    plan.mergedName = nameColumn < 0 ? std::string() : textAt(register_, mergedRow, nameColumn);
    plan.mergedSheetRow = register_.sheetRow(mergedRow);

    // The merged customer's row stays, marked: its number still means it in older copies.
    const std::string mark = mergeMark(customers.lang, keptNo);
    plan.changes.push_back(
        {registerIndex, mergedRow, notesColumn,
         notes.empty() ? mark : notes + (customers.lang == Lang::En ? "; " : "；") + mark});

    for (std::size_t s = 0; s < sheets.size(); ++s) {
        const RecognisedSheet& sheet = sheets[s];
        const SheetData& data = *sheet.data;
        std::vector<int> references;
        for (std::size_t c = 0; c < sheet.schema->columns.size(); ++c)
            if (sheet.schema->columns[c].ref == "customers" && sheet.columnOf[c] >= 0)
                references.push_back(sheet.columnOf[c]);
        if (references.empty()) continue;
        // A sheet that shows the customer's name beside the number shows the kept one's.
        const int shownName = sheet.column("customerName");
        for (int row = 1; row < data.rowCount(); ++row) {
            bool moved = false;
            for (const int column : references) {
                if (data.mergedCopyAt(row, column) || cellText(data.at(row, column)) != mergedNo)
                    continue;
                if (data.formulaAt(row, column)) {
                    ++plan.skippedFormulas;
                    continue;
                }
                plan.changes.push_back({s, row, column, CellValue(keptNo)});
                moved = true;
            }
            if (!moved) continue;
            ++plan.movedRows[s];
            if (shownName >= 0 && !plan.keptName.empty() && !data.formulaAt(row, shownName) &&
                !data.mergedCopyAt(row, shownName) && !isBlankCell(data.at(row, shownName)) &&
                textAt(data, row, shownName) != plan.keptName)
                plan.changes.push_back({s, row, shownName, CellValue(plan.keptName)});
        }
    }
    return std::nullopt;
}

}  // namespace dealsheet
