// What the functions need from the calling document: its null date (and, with the schema,
// the defaults of its Settings sheet).
#pragma once

#include <string>

#include <com/sun/star/beans/XPropertySet.hpp>

#include "core/functions/functions.hpp"

namespace dealsheet::uno {

// A text the document keeps in a user-defined document property (saved with it, in .ods and
// .xlsx): "" when it has none or cannot be read. Writing never throws; a failure keeps nothing.
std::string readDocumentText(
    const com::sun::star::uno::Reference<com::sun::star::uno::XInterface>& document,
    const char* name);
void writeDocumentText(
    const com::sun::star::uno::Reference<com::sun::star::uno::XInterface>& document,
    const char* name, const std::string& text);

// Never throws for a missing or odd document: falls back to the defaults.
FunctionContext contextOf(
    const com::sun::star::uno::Reference<com::sun::star::beans::XPropertySet>& document);

}  // namespace dealsheet::uno
