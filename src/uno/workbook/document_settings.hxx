// What the functions need from the calling document: its null date (and, with the schema,
// the defaults of its Settings sheet).
#pragma once

#include <com/sun/star/beans/XPropertySet.hpp>

#include "core/functions/functions.hpp"

namespace dealsheet::uno {

// Never throws for a missing or odd document: falls back to the defaults.
FunctionContext contextOf(
    const com::sun::star::uno::Reference<com::sun::star::beans::XPropertySet>& document);

}  // namespace dealsheet::uno
