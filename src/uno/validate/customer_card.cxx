#include "uno/validate/customer_card.hxx"

#include "core/text/text.hpp"
#include "core/workbook/layout.hpp"
#include "uno/workbook/workbook_reader.hxx"

namespace dealsheet::uno {

std::vector<std::string> customerCard(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>&,
    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc,
    const std::string& customerNo) {
    std::vector<std::string> lines;
    const std::string wanted(trimSpaces(customerNo));
    if (wanted.empty()) return lines;
    const auto view =
        readWorkbook(doc, [](const SheetSchema& schema) { return schema.id == "customers"; });
    for (const auto& [schema, data] : view.sheets) {
        const RecognisedSheet sheet = recognise(*schema, data);
        const int numberColumn = sheet.column("customerNo");
        if (numberColumn < 0) continue;
        for (int row = 1; row < data.rowCount(); ++row) {
            const auto* number = std::get_if<std::string>(&data.at(row, numberColumn));
            if (!number || trimSpaces(*number) != wanted) continue;
            const int width = static_cast<int>(data.cells[0].size());
            for (int column = 0; column < width; ++column) {
                const CellValue& value = data.at(row, column);
                if (isBlankCell(value)) continue;
                const auto* header = std::get_if<std::string>(&data.at(0, column));
                std::string text;
                if (const auto* s = std::get_if<std::string>(&value)) text = *s;
                if (const auto* n = std::get_if<double>(&value)) text = formatNumber(*n);
                lines.push_back(
                    (header ? std::string(trimSpaces(*header)) : columnLetters(column)) + ": " +
                    text);
            }
            return lines;
        }
    }
    return lines;
}

}  // namespace dealsheet::uno
