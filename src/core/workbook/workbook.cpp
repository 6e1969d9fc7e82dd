#include "core/workbook/workbook.hpp"

#include <map>

#include "core/text/text.hpp"
#include "core/workbook/sheet_locator.hpp"

namespace dealsheet {
int RecognisedSheet::column(std::string_view id) const {
    const int index = schema->columnIndex(id);
    return index < 0 ? -1 : columnOf[static_cast<std::size_t>(index)];
}

bool isRowFilled(const RecognisedSheet& sheet, int row) {
    for (std::size_t i = 0; i < sheet.schema->columns.size(); ++i) {
        const int column = sheet.columnOf[i];
        if (column < 0 || !sheet.schema->columns[i].formula.empty()) continue;
        if (sheet.data->formulaAt(row, column)) continue;
        if (sheet.data->errorAt(row, column) || !isBlankCell(sheet.data->at(row, column)))
            return true;
    }
    return false;
}

RecognisedSheet recognise(const SheetSchema& schema, const SheetData& data) {
    RecognisedSheet sheet;
    sheet.schema = &schema;
    sheet.data = &data;
    sheet.lang = languageOfName(schema, data.name);
    if (data.lang) sheet.lang = *data.lang;
    if (data.columnOf && data.columnOf->size() == schema.columns.size()) {
        sheet.columnOf = *data.columnOf;
        return sheet;
    }
    std::map<std::string, int> byHeader;
    if (!data.cells.empty()) {
        const auto& header = data.cells.front();
        for (std::size_t c = 0; c < header.size(); ++c) {
            const auto* text = std::get_if<std::string>(&header[c]);
            if (!text || isBlank(*text)) continue;
            const std::string key = headerKey(*text);
            if (!byHeader.emplace(key, static_cast<int>(c)).second)
                sheet.duplicateHeaders.push_back(std::string(trimSpaces(*text)));
        }
    }
    for (const auto& column : schema.columns) {
        int found = -1;
        for (const auto* name : {&column.header.zh, &column.header.en}) {
            const auto it = byHeader.find(headerKey(*name));
            if (it != byHeader.end()) {
                found = it->second;
                break;
            }
        }
        sheet.columnOf.push_back(found);
    }
    return sheet;
}

}  // namespace dealsheet
