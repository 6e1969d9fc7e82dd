// Drop-down lists in a saved .xlsx. LibreOffice writes every data validation with a second
// formula, list rules included (`<formula2>0</formula2>`); a list has one formula only, and
// Gnumeric rejects such a rule ("Extra formula for validation") and opens the workbook without
// the drop-down. Removing the unused element leaves what Excel itself writes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dealsheet {

// The worksheet part `xml` without the second formula of its list validations; nullopt when
// there is none (the part stays as it is).
std::optional<std::string> withoutListSecondFormulas(std::string_view xml);

}  // namespace dealsheet
