// The contract dossier (一合同一档案, SPEC §10): what the workbook holds about one contract,
// found by a query over the recognised sheets, and the outline of the document that shows it
// (headings, the key facts first, dates as the workbook shows them, the workbook's language).
// The office turns the outline into a PDF (src/uno/dossier/dossier_export.cxx).
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/text/localized.hpp"
#include "core/workbook/dates.hpp"
#include "core/workbook/workbook.hpp"

namespace dealsheet {

// A failure the user must be told about (unknown contract, no sheets), in both languages.
class DossierError : public std::runtime_error {
  public:
    DossierError(std::string zh, std::string en)
        : std::runtime_error(en), zh_(std::move(zh)), en_(std::move(en)) {}
    const std::string& in(Lang lang) const { return lang == Lang::En ? en_ : zh_; }

  private:
    std::string zh_, en_;
};

// A date as a Calc number format code shows it ("YYYY-MM-DD", "YYYY/M/D", "YYYY年M月D日",
// "[$-804]YYYY\"年\"MM\"月\"DD\"日\"", "D MMMM YYYY", ...); ISO (2026-05-03) when the code
// is empty, no date format or uses something this does not know. Month and weekday names in
// `lang`.
std::string formatDateAs(double serial, std::string_view formatCode, const SerialDates& dates,
                         Lang lang);

// A contract the workbook knows (from the approval sheet, else from execution, acceptance or
// handover rows).
struct ContractEntry {
    std::string contractNo;
    std::string contractName;
    std::string customerNo;
    std::string customerName;
};

// Every contract of the workbook, in sheet order, each number once (compared trimmed,
// full-/half-width and ASCII case folded).
std::vector<ContractEntry> listContracts(const std::vector<RecognisedSheet>& sheets);

// The contracts a row is about: its contract number on a contract sheet, the contracts of its
// customer on a customer sheet (register, negotiations, actions, key points); empty otherwise.
std::vector<std::string> contractsOfRow(const std::vector<RecognisedSheet>& sheets,
                                        const RecognisedSheet& sheet, int row);

// `合同编号-客户名称.pdf`, safe as a file name on Linux, Windows and macOS: no path separators,
// reserved or control characters, no bidirectional overrides, no trailing dots or spaces, at
// most 150 bytes of UTF-8 before the extension, never a reserved device name.
std::string dossierFileName(const std::string& contractNo, const std::string& customerName);

// The file names of several dossiers in one folder: dossierFileName, and " (2)", " (3)" ...
// before the extension when two contracts would share a name (compared ignoring ASCII case,
// as Windows and macOS do).
std::vector<std::string> dossierFileNames(const std::vector<ContractEntry>& contracts);

struct DossierField {
    std::string label;
    std::string value;
};

// One row of a sheet: a heading that names it, and its non-blank fields.
struct DossierRecord {
    std::string heading;
    std::vector<DossierField> fields;
};

enum class SectionState {
    Found,          // rows below
    NoRows,         // the sheet is there, nothing of this contract in it
    SheetMissing,   // the workbook has no such sheet
    ColumnMissing,  // the sheet lacks the column that links its rows to the contract
    NoCustomer,     // the contract names no customer, so customer rows cannot be found
};

struct DossierSection {
    std::string sheetId;  // the schema's sheet id
    std::string heading;
    std::string source;  // the user's sheet name(s) the rows come from
    SectionState state = SectionState::NoRows;
    std::string note;     // what is missing, in the dossier's language; empty when Found
    bool asGrid = false;  // one table, a row per record (milestones); else a table per record
    std::vector<std::string> gridColumns;            // labels, when asGrid
    std::vector<std::vector<std::string>> gridRows;  // values, when asGrid
    std::vector<DossierRecord> records;              // every record (also when asGrid)
};

struct Dossier {
    Lang lang = Lang::Zh;
    ContractEntry contract;
    std::string title;     // 合同档案 / Contract dossier
    std::string subtitle;  // the contract's number and name
    std::vector<DossierField> keyFacts;
    std::vector<std::string> contents;  // one line per section: heading and count
    std::vector<DossierSection> sections;
    std::string footer;  // where and when it was made
    std::size_t rowCount() const;
};

struct DossierInput {
    std::vector<RecognisedSheet> sheets;  // the workbook's recognised sheets, in order
    SerialDates dates;
    // Number format code of a date column, by (sheet name, sheet column); missing means ISO.
    std::map<std::pair<std::string, int>, std::string> dateFormats;
    Lang lang = Lang::Zh;
    std::string workbookName;  // for the footer; may be empty
    long today = 0;            // serial of the day the dossier is made
};

// The language of the workbook: that of its approval sheet's name, else its customers sheet's,
// else its first recognised sheet's, else `fallback`.
Lang workbookLanguage(const std::vector<RecognisedSheet>& sheets, Lang fallback);

// Everything about `contractNo`. Throws DossierError when the workbook has none of the
// sheets a dossier reads, or when no row of it names the contract.
Dossier buildDossier(const DossierInput& input, std::string_view contractNo);

}  // namespace dealsheet
