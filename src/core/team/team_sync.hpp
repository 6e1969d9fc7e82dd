// Sync with team (SPEC §8), the part that decides: which columns of a sheet sync, how a cell
// travels as text, and the sync plan — given the sheet's rows with their hidden id and base
// version and the server's rows, what to push, what to pull and what conflicts. Pure: the
// rim (src/uno/team/team_sync.cxx) reads and writes the sheet and talks to the server.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/localized.hpp"
#include "core/validate/findings.hpp"
#include "core/workbook/cell.hpp"
#include "core/workbook/dates.hpp"
#include "core/workbook/sync_columns.hpp"
#include "core/workbook/workbook.hpp"

namespace dealsheet::team {

// The hidden columns at the right of every synced sheet (core/workbook/sync_columns.hpp).
inline constexpr Text kIdHeader = kSyncIdHeader;
inline constexpr Text kVersionHeader = kSyncVersionHeader;
inline constexpr Text kHashHeader = kSyncCheckHeader;

// A column that syncs: its schema and its place on the sheet.
struct SyncColumn {
    const ColumnSchema* schema = nullptr;
    int sheetColumn = -1;
};
// The recognised columns of `sheet` that sync (the recognition, later the user's mapping,
// decides which sheet column is which).
std::vector<SyncColumn> syncedColumns(const RecognisedSheet& sheet);

// A cell as the server keeps it: blank is "", a date in a date column is ISO "2026-11-05",
// other numbers as Calc shows them in General format, text as typed.
std::string toServerText(const CellValue& value, const ColumnSchema& column,
                         const SerialDates& dates);
// The cell for a server text: dates and numbers become numbers again when they come back to
// exactly the same text, so a pulled row never looks changed on the next sync.
CellValue fromServerText(std::string text, const ColumnSchema& column, const SerialDates& dates);

using Values = std::vector<std::string>;  // one per synced column, "" for blank / NULL

struct LocalRow {
    int row = 0;                    // sheet row
    std::optional<long long> id;    // 同步标识
    std::optional<long long> base;  // 同步版本: the server version last seen
    Values values;
    bool filled = false;
    // The server refused this row's last push (同步版本 kept negative): where the server's
    // value has changed since, it replaces the refused one instead of being a conflict.
    bool refused = false;
    std::optional<std::string> hash;  // 同步校验: rowHash of the values as last synced
    bool matchesHash = false;         // the values are still those the hash was taken of
    // A new row whose id the server reserved for this login and no committed insert has used
    // yet (a push that failed or whose outcome was unknown): it is inserted with this id.
    std::optional<long long> reservedId;
};

struct ServerRow {
    long long id = 0;
    long long version = 0;
    Values values;
};

struct Push {
    std::size_t local = 0;        // index into the local rows
    std::optional<long long> id;  // none: a new row
    long long expected = 0;       // the server version the update is based on
    Values values;
};

// What the workbook receives: an existing row (local index) or a new row at the end.
struct Pull {
    std::optional<std::size_t> local;
    long long id = 0;
    long long version = 0;
    Values values;  // what the sheet gets (the merge)
    Values server;  // what the server holds
};

struct Conflict {
    std::size_t local = 0;
    std::size_t column = 0;  // index into the synced columns
    std::string mine, theirs;
};

// A row whose key (customer, contract, record number) changed under its Sync ID while another
// row of the sheet took the old key: the hidden Sync columns did not move with the rows (a
// sort of the visible columns only). Neither pushed nor pulled.
struct Moved {
    std::size_t local = 0;
    std::string oldKey;  // the key the Sync ID stands for on the server
};

struct Plan {
    std::vector<Push> pushes;  // inserts (no id) first, then updates, in row order
    std::vector<Pull> pulls;
    std::vector<Conflict> conflicts;
    std::vector<std::size_t> unknown;  // rows whose id the server does not show this user
    std::vector<Moved> moved;
};

// Columns of the synced columns (indexes, -1 for none) the plan treats specially.
struct PlanColumns {
    // The customer number the server issues: a blank local value never replaces an issued
    // number (a push whose answer was lost, a number deleted by mistake); the server's comes
    // back instead.
    int number = -1;
    // The sheet's key (SPEC §2): a changed key under the same Sync ID while another row holds
    // the old one is a Moved row.
    int key = -1;
};

// The local rows the plan inserts as new rows: filled rows without an id, or with the id of
// an earlier row (copied with its hidden columns).
std::vector<std::size_t> newRows(const std::vector<LocalRow>& local);

// The local rows whose base version must be fetched from the server's history to tell a
// local change from a change on the server.
std::vector<std::pair<long long, long long>> basesNeeded(const std::vector<LocalRow>& local,
                                                         const std::vector<ServerRow>& server);

// The plan: per cell, the side that changed since the base wins; a cell changed on both sides
// to different values is a conflict (neither side is overwritten; the row's base moves to the
// server's version, so the value in the cell at the next sync is what the team gets). A row
// copied with its hidden id is pushed as a new row. Server rows the workbook lacks are pulled
// as new rows. Nothing is ever deleted.
//
// `incremental`: `server` holds only the rows changed on the server since the last sync (and
// the rows asked for by id); a local row absent from it is unchanged on the server, and
// changed locally when its values no longer match its hash. `visible` then holds which of the
// workbook's ids the server still shows this user: the others (a customer handed to another
// member) are `unknown`, as in a full read.
Plan plan(const std::vector<LocalRow>& local, std::vector<ServerRow> server,
          const std::map<long long, Values>& bases, bool incremental = false,
          const std::set<long long>& visible = {}, PlanColumns special = {});

// The hash kept in 同步校验: 16 hex digits of FNV-1a over the column ids and values, so a
// column the user's layout leaves out does not make every row look changed.
std::string rowHash(const std::vector<SyncColumn>& columns, const Values& values);

// Local rows (first of each id) the server must send even when they did not change there:
// those whose hash or base is missing (a local change would go unseen) and those changed
// here since the last sync (their key is checked against the server's, see Moved).
std::vector<long long> idsToAsk(const std::vector<LocalRow>& local);

// What the workbook held after its last sync: the count and an order-free hash of its rows'
// (id, version) pairs (first row of each id). A sync whose workbook no longer has the same
// (a row deleted, a sync undone) reads everything instead of only the changes.
std::string fingerprint(const std::vector<std::pair<long long, long long>>& idVersions);
std::string fingerprint(const std::vector<LocalRow>& local);

// The push as JSON records for json_to_recordset: {"ord":0,"row_id":..,"base":..,"col":..}.
std::string pushRecords(const std::vector<Push>& pushes, const std::vector<SyncColumn>& columns,
                        const std::vector<long long>& newIds);
// (row_id, version) pairs as JSON records.
std::string idVersionRecords(const std::vector<std::pair<long long, long long>>& pairs);
std::string jsonString(std::string_view text);

// Reading the server's rows: the SQL turns each row into one text, a JSON array of texts
// [row_id, version, column...] (`rowAsJson`), so the database driver is asked once per row
// instead of once per cell (19 calls per customer).
// `prefix` qualifies the columns ("h." for the history table).
std::string rowAsJson(const std::vector<SyncColumn>& columns, std::string_view prefix = {});
// A JSON array of strings and nulls (what array_to_json makes of a text array): the texts,
// none for null; none at all when `json` is not such an array.
std::optional<std::vector<std::optional<std::string>>> parseJsonTexts(std::string_view json);
// One row as rowAsJson spells it: `columns` values after the id and version, "" for null (as
// the driver's getString gave them). None when the text is not such a row.
std::optional<ServerRow> parseServerRow(std::string_view json, std::size_t columns);

// The sync marks the workbook keeps (a document property): the register they belong to and,
// per synced sheet id, the server's change mark of the last sync and the sheet's fingerprint
// then ("<register> customers=812:2000.9f3a… actions=813:10000.07c1…"). Marks of another
// register, or unreadable ones, are none.
inline constexpr const char* kMarksProperty = "DealSheetSyncMarks";
std::map<std::string, std::string> parseMarks(std::string_view text, std::string_view registerId);
std::string formatMarks(std::string_view registerId,
                        const std::map<std::string, std::string>& marks);

// The team database as the Settings sheet gives it, checked before anything connects.
struct Connection {
    std::string url;  // sdbc:postgresql:host=… port=… dbname=… user=…
    std::optional<Text> problem;
};
Connection connectionUrl(std::string_view database, std::string_view user);

// What a database error means for the user (server down, login refused, no DealSheet
// schema, connection lost ...), from the driver's message.
Text explainDatabaseError(std::string_view message);

// Why the server refused one row of a push, from the driver's message: the reason in words
// and the columns (server names) it concerns, none when the whole row was refused.
struct Refusal {
    Text reason;
    std::vector<std::string> columns;
    std::string serverMessage;  // for a reason DealSheet does not know
    // A customer another member registered first (SPEC §12): SYNC_CLAIMED, with its owner and
    // dates as the server told them (the reason is unused then).
    struct Claim {
        bool pool = false;  // in the pool: `owner` is the former owner, `since` the release
        std::string owner;  // 负责人 of the matching customer
        std::string since;  // claim (or release) day, 2026-11-03
        std::string until;  // end of protection; "signed" under a signed contract
    };
    std::optional<Claim> claim = std::nullopt;
};
// True when the error refuses the statement's rows (permissions, row-level security, the
// approved-contract guard, a value the server will not take), false when it is the
// connection's or the transaction's (those end the whole sync).
bool isRefusal(std::string_view sqlState, std::string_view message);
Refusal explainRefusal(std::string_view message, const SheetSchema& sheet);

// SYNC_CONFLICT and SYNC_REFUSED: findings of the sync, not rules of a sheet.
Finding conflictFinding(const std::string& sheet, int row, int column, const std::string& field,
                        const std::string& mine, const std::string& theirs);
// A row whose Sync ID stands for another key on the server (see Moved).
Finding movedFinding(const std::string& sheet, int row, int column, const std::string& field,
                     const std::string& value, const std::string& oldKey);
// A row whose Sync ID the server no longer shows this user (a customer handed to another).
Finding notShownFinding(const std::string& sheet, int row, int column, const std::string& field,
                        long long id);
Finding refusedFinding(const std::string& sheet, int row, int column, const std::string& field,
                       const std::string& value, const Refusal& refusal);

// What the server told this login beside its push (dealsheet.take_notices): a new customer
// that may be another's (SYNC_POSSIBLE_DUPLICATE, pushed all the same), a customer of theirs
// released to the pool (SYNC_RELEASED).
struct Notice {
    std::string kind;  // "possible_duplicate" or "released"
    long long rowId = 0;
    std::string otherOwner;  // the possible duplicate's owner; the released customer's former
    std::string since, until;
};
// The finding of a notice at the cell it concerns (the customer name, or 负责人 for a release);
// none for a kind this version does not know.
std::optional<Finding> noticeFinding(const Notice& notice, const std::string& sheet, int row,
                                     int column, const std::string& field,
                                     const std::string& value);

}  // namespace dealsheet::team
