#include "uno_util.hxx"

namespace dealsheet::uno {

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
