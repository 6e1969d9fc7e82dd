// Validate: the rules of the schema run over every recognised sheet of a workbook in memory,
// producing findings. Linear passes; keys and references through hash sets.
#pragma once

#include <string>
#include <vector>

#include "core/validate/findings.hpp"
#include "core/workbook/dates.hpp"
#include "core/workbook/schema.hpp"
#include "core/workbook/settings.hpp"
#include "core/workbook/workbook.hpp"

namespace dealsheet {

// Names of the report sheet, in both languages; Validate replaces it on every run.
inline constexpr Text kReportSheetName{"校验报告", "Validation Report"};

// The report's name on the `attempt`-th try (1, 2, ...): 校验报告, then "校验报告 (DealSheet)",
// "校验报告 (DealSheet 2)", ... for when a user's own sheet already has the name.
std::string reportSheetName(Lang lang, int attempt);
// True for every name reportSheetName gives, in either language.
bool hasReportSheetName(std::string_view name);

struct SheetPlan {
    std::string name;
    const SheetSchema* schema = nullptr;  // set when the sheet is to be validated
    Text skipReason{};                    // set when it is not
};

// Decides for every sheet name whether it is validated, and why not.
std::vector<SheetPlan> planSheets(const Schema& schema, const std::vector<std::string>& names);

// What a row's findings depend on besides its own cells, told by the validator to the
// incremental check (incremental.hpp). A group is a key of the workbook ("k", a sheet id and a
// key: the rows holding that key) or the memory of a rule that compares a row with the rows
// before it ("s": DUPLICATE_NAME's names). A Member row is part of a group; a Reader row only
// reads it (a reference to a customer number, a look-up of the register's name).
class RowDependencies {
  public:
    enum class Role { Member, Reader };
    virtual ~RowDependencies() = default;
    virtual void note(const std::string& sheet, int sheetRow, std::string group, Role role) = 0;
};

struct ValidationOptions {
    SerialDates dates;
    long today = 0;
    Settings settings;
    RowDependencies* dependencies = nullptr;  // told every dependency when set
    // Threads the rules may run on at once (1: all on the calling thread). The findings are
    // the same whatever it is; with dependencies to tell, one thread runs them all.
    unsigned threads = 2;
};

struct SheetSummary {
    std::string name;
    long filledRows = 0;
};

struct ValidationResult {
    std::vector<Finding> findings;  // sorted by sheet, row, column
    std::vector<SheetSummary> checked;
    long errors = 0;
    long warnings = 0;
};

// `sheets` are the data of the planned sheets (in workbook order) with their schemas.
ValidationResult validateWorkbook(
    const std::vector<std::pair<const SheetSchema*, SheetData>>& sheets,
    const ValidationOptions& options);

}  // namespace dealsheet
