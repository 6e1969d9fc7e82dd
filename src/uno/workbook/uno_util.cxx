#include "uno/workbook/uno_util.hxx"

#include "core/text/text.hpp"

namespace dealsheet::uno {

std::string toUtf8(const rtl::OUString& text) {
    const sal_Unicode* units = text.getStr();
    const auto length = static_cast<std::size_t>(text.getLength());
    const auto pairedAt = [&](std::size_t i) {  // a high surrogate followed by a low one
        return units[i] >= 0xD800 && units[i] <= 0xDBFF && i + 1 < length &&
               units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF;
    };
    // First the exact size, so the string is allocated once.
    std::size_t size = 0;
    for (std::size_t i = 0; i < length; ++i) {
        const sal_Unicode unit = units[i];
        if (unit < 0x80) {
            size += 1;
        } else if (unit < 0x800) {
            size += 2;
        } else if (unit < 0xD800 || unit > 0xDFFF) {
            size += 3;
        } else if (pairedAt(i)) {
            size += 4;
            ++i;
        } else {
            const rtl::OString converted = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
            return std::string(converted.getStr(), static_cast<std::size_t>(converted.getLength()));
        }
    }
    std::string bytes;
    bytes.reserve(size);
    for (std::size_t i = 0; i < length; ++i) {
        char32_t point = units[i];
        if (point >= 0xD800 && point <= 0xDFFF) {  // paired: checked above
            point = 0x10000 + ((point - 0xD800) << 10) + (units[i + 1] - 0xDC00);
            ++i;
        }
        appendUtf8(bytes, point);
    }
    return bytes;
}

CellValue toCellValue(const css::uno::Any& value, int argument) {
    switch (value.getValueTypeClass()) {
        case css::uno::TypeClass_VOID:
            return std::monostate{};
        case css::uno::TypeClass_BOOLEAN:
            return *static_cast<const sal_Bool*>(value.getValue()) ? 1.0 : 0.0;
        case css::uno::TypeClass_BYTE:
        case css::uno::TypeClass_SHORT:
        case css::uno::TypeClass_UNSIGNED_SHORT:
        case css::uno::TypeClass_LONG:
        case css::uno::TypeClass_UNSIGNED_LONG:
        case css::uno::TypeClass_HYPER:
        case css::uno::TypeClass_UNSIGNED_HYPER:
        case css::uno::TypeClass_FLOAT:
        case css::uno::TypeClass_DOUBLE: {
            double number = 0;
            if (value >>= number) return number;
            sal_Int64 wide = 0;
            value >>= wide;
            return static_cast<double>(wide);
        }
        case css::uno::TypeClass_STRING:
            return toUtf8(*static_cast<const rtl::OUString*>(value.getValue()));
        case css::uno::TypeClass_SEQUENCE: {
            css::uno::Sequence<css::uno::Sequence<css::uno::Any>> range;
            if ((value >>= range) && range.getLength() == 1 && range[0].getLength() == 1)
                return toCellValue(range[0][0], argument);
            throw ArgumentError(argument, "expects a single cell, not a range");
        }
        default:
            throw ArgumentError(argument, "unsupported value");
    }
}

CellGrid toCellGrid(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& range,
                    int argument) {
    CellGrid grid;
    grid.reserve(static_cast<std::size_t>(range.getLength()));
    for (const auto& row : range) {
        auto& cells = grid.emplace_back();
        cells.reserve(static_cast<std::size_t>(row.getLength()));
        for (const auto& cell : row) {
            // A nested range cannot come from Calc; treat it as a bad argument, not a crash.
            if (cell.getValueTypeClass() == css::uno::TypeClass_SEQUENCE)
                throw ArgumentError(argument, "nested ranges are not supported");
            cells.push_back(toCellValue(cell, argument));
        }
    }
    return grid;
}

}  // namespace dealsheet::uno
