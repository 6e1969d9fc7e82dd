// Conversions between UNO and the core, and the guard that keeps C++ exceptions from ever
// crossing the UNO boundary.
#pragma once

#include <string>
#include <string_view>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

#include "core/functions/functions.hpp"
#include "core/workbook/cell.hpp"

namespace dealsheet::uno {

namespace css = com::sun::star;

inline rtl::OUString toOUString(std::string_view utf8) {
    return rtl::OUString(utf8.data(), static_cast<sal_Int32>(utf8.size()), RTL_TEXTENCODING_UTF8);
}

// Straight into one std::string: reading 100,000 rows converts two million cells, and going
// through an OString first (two allocations per cell) cost more than Calc's own getDataArray.
// Text with an unpaired surrogate takes the office's converter, which decides what it becomes.
std::string toUtf8(const rtl::OUString& text);

// A single value as Calc passes it to an `any` argument. A range of one cell is unwrapped;
// a larger range is an ArgumentError for `argument`.
CellValue toCellValue(const css::uno::Any& value, int argument);
CellGrid toCellGrid(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& range,
                    int argument);

// Runs `body`, turning core ArgumentErrors into IllegalArgumentException (Err:502 in a cell)
// and every other failure into a RuntimeException, so nothing else leaves a UNO method.
template <typename Body>
auto guarded(const css::uno::Reference<css::uno::XInterface>& context, Body&& body)
    -> decltype(body()) {
    try {
        return body();
    } catch (const ArgumentError& e) {
        throw css::lang::IllegalArgumentException(toOUString(e.what()), context,
                                                  static_cast<sal_Int16>(e.argument()));
    } catch (const css::lang::IllegalArgumentException&) {
        throw;
    } catch (const css::uno::RuntimeException&) {
        throw;
    } catch (const css::uno::Exception& e) {
        throw css::uno::RuntimeException("DealSheet: " + e.Message, context);
    } catch (const std::exception& e) {
        throw css::uno::RuntimeException("DealSheet: " + toOUString(e.what()), context);
    } catch (...) {
        throw css::uno::RuntimeException("DealSheet: unexpected failure", context);
    }
}

}  // namespace dealsheet::uno
