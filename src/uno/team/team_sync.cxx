#include "uno/team/team_sync.hxx"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/sdbc/SQLException.hpp>
#include <com/sun/star/sdbc/XConnection.hpp>
#include <com/sun/star/sdbc/XDriver.hpp>
#include <com/sun/star/sdbc/XParameters.hpp>
#include <com/sun/star/sdbc/XPreparedStatement.hpp>
#include <com/sun/star/sdbc/XResultSet.hpp>
#include <com/sun/star/sdbc/XRow.hpp>
#include <com/sun/star/sdbc/XStatement.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/task/InteractionHandler.hpp>
#include <com/sun/star/task/PasswordContainer.hpp>
#include <com/sun/star/task/XInteractionAbort.hpp>
#include <com/sun/star/task/XInteractionRequest.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/ucb/URLAuthenticationRequest.hpp>
#include <com/sun/star/ucb/XInteractionSupplyAuthentication.hpp>
#include <cppuhelper/implbase1.hxx>
#include <rtl/ref.hxx>

#include "core/customer/customer_card.hpp"
#include "core/team/team_messages.hpp"
#include "core/team/team_sql.hpp"
#include "core/team/team_sync.hpp"
#include "core/text/messages.hpp"
#include "core/text/text.hpp"
#include "core/validate/validator.hpp"
#include "uno/commands/commands.hxx"
#include "uno/workbook/document_settings.hxx"
#include "uno/workbook/office_util.hxx"
#include "uno/workbook/phase_times.hxx"
#include "uno/workbook/undo_action.hxx"
#include "uno/workbook/uno_util.hxx"
#include "uno/workbook/workbook_reader.hxx"

namespace dealsheet::uno {
namespace {

using css::uno::Any;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

// ---- The workbook side ------------------------------------------------------------------

struct SyncedSheet {
    std::string name;
    const SheetSchema* schema = nullptr;
    SheetData data;
    std::vector<team::SyncColumn> columns;
    int idColumn = -1;
    int versionColumn = -1;
    int hashColumn = -1;
    std::vector<int> addedColumns;  // hidden columns new on this sheet
    Lang lang = Lang::Zh;           // of the sheet's name: the hidden headers follow it
    int headerRow = 0;              // 0-based sheet row of the header
    int firstFreeRow = 1;           // where pulled new rows go
    bool insertRows = false;        // something is below the data: insert rows for them
    std::vector<team::LocalRow> rows;
    team::Plan plan;
    team::PlanColumns special;
    std::optional<std::string> mark;  // the server's change mark of the last sync, if any
    // After the push: the server's id, version and customer number of every pushed row.
    std::map<std::size_t, std::pair<long long, long long>> pushedIds;  // local -> id, version
    std::map<std::size_t, std::string> numbers;                        // local -> new number
    // The server-reserved id each new row is inserted with (local -> id), taken before the
    // push's transaction so that a push whose outcome is unknown can be settled later.
    std::map<std::size_t, long long> insertIds;
    // Why the server gave no ids for new rows (a viewer's push): those rows are refused.
    std::optional<team::Refusal> noIds;
    // Rows of the push the server refused (the others went through): the local row, the
    // server version its push was based on, and why.
    struct Refused {
        std::size_t local = 0;
        long long expected = 0;
        team::Refusal why;
    };
    std::vector<Refused> refused;
};

std::optional<long long> wholeNumber(const CellValue& value) {
    if (const auto* number = std::get_if<double>(&value))
        if (*number >= 1 && *number < 9e15 &&
            *number == static_cast<double>(static_cast<long long>(*number)))
            return static_cast<long long>(*number);
    if (const auto* text = std::get_if<std::string>(&value)) {
        if (text->empty() || text->size() > 15 ||
            !std::all_of(text->begin(), text->end(), [](char c) { return c >= '0' && c <= '9'; }))
            return std::nullopt;
        return std::stoll(*text);
    }
    return std::nullopt;
}

// The synced sheets of the workbook (the first of each kind; a second Customers sheet in the
// other language would receive every pulled row twice), read in bulk.
std::vector<SyncedSheet> readSyncedSheets(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                          const SerialDates& dates) {
    // The recognition (SPEC §6) finds each sheet's header row and columns, the user's own
    // names and stored mapping included; title rows above and notes below are not rows.
    WorkbookView view =
        readWorkbook(doc, [](const SheetSchema& schema) { return isSyncedSheet(schema); });
    std::set<const SheetSchema*> taken;
    std::vector<SyncedSheet> sheets;
    for (auto& [schema, data] : view.sheets) {
        if (!taken.insert(schema).second || data.rowCount() == 0) continue;
        SyncedSheet synced;
        synced.name = data.name;
        synced.schema = schema;
        synced.data = std::move(data);
        const SheetData& cut = synced.data;
        const RecognisedSheet located = recognise(*schema, cut);
        synced.columns = team::syncedColumns(located);
        synced.lang = located.lang;
        if (synced.columns.empty()) continue;
        for (std::size_t c = 0; c < synced.columns.size(); ++c) {
            const std::string& id = synced.columns[c].schema->id;
            if (id == schema->key) synced.special.key = static_cast<int>(c);
            if (id == "customerNo" && schema->id == "customers")
                synced.special.number = static_cast<int>(c);
        }
        synced.headerRow = cut.sheetRow(0);
        const auto sheet = sheetByName(doc, synced.name);
        const auto [rows, usedColumns] = usedSize(sheet);
        // The hidden columns are found by their header, wherever sorting or inserting moved
        // them; a sheet synced for the first time gets them right of everything it holds.
        int width = 0;
        for (int c = 0; c < static_cast<int>(cut.cells[0].size()); ++c) {
            if (!isBlankCell(cut.at(0, c))) width = c + 1;
            if (const auto* text = std::get_if<std::string>(&cut.at(0, c))) {
                const std::string_view trimmed = trimSpaces(*text);
                if (team::kIdHeader.matches(trimmed)) synced.idColumn = c;
                if (team::kVersionHeader.matches(trimmed)) synced.versionColumn = c;
                if (team::kHashHeader.matches(trimmed)) synced.hashColumn = c;
            }
        }
        int nextFree = std::max({usedColumns, width, 1});
        for (int* column : {&synced.idColumn, &synced.versionColumn, &synced.hashColumn})
            if (*column < 0) {
                *column = nextFree++;
                synced.addedColumns.push_back(*column);
            }
        const auto hidden = [&](int row, int column) -> const CellValue& {
            static const CellValue blank;
            const bool added = std::find(synced.addedColumns.begin(), synced.addedColumns.end(),
                                         column) != synced.addedColumns.end();
            return added ? blank : cut.at(row, column);
        };
        synced.firstFreeRow = synced.headerRow + 1;
        for (int r = 1; r < cut.rowCount(); ++r) {
            team::LocalRow row;
            row.row = cut.sheetRow(r);
            row.id = wholeNumber(hidden(r, synced.idColumn));
            // A negative version marks a row whose last push the server refused.
            const CellValue& version = hidden(r, synced.versionColumn);
            const auto* number = std::get_if<double>(&version);
            row.refused = number && *number < 0;
            row.base = wholeNumber(row.refused ? CellValue(-*number) : version);
            row.refused = row.refused && row.base;
            if (const auto* hash = std::get_if<std::string>(&hidden(r, synced.hashColumn)))
                if (!hash->empty()) row.hash = *hash;
            row.filled = isRowFilled(located, r);
            for (const auto& column : synced.columns)
                row.values.push_back(
                    team::toServerText(cut.at(r, column.sheetColumn), *column.schema, dates));
            row.matchesHash = row.hash && *row.hash == team::rowHash(synced.columns, row.values);
            if (row.filled || row.id) {
                synced.firstFreeRow = std::max(synced.firstFreeRow, row.row + 1);
                synced.rows.push_back(std::move(row));
            }
        }
        // Pulled rows go right below the data; notes or totals the user keeps there move down
        // (rows are inserted), so they stay below the data and are never taken for rows. The
        // template's computed columns, filled down in advance, are not in the way: pulled rows
        // are written into those rows and keep their formulas.
        if (const int first = synced.firstFreeRow; rows > first) {
            std::set<int> computed;
            for (std::size_t i = 0; i < schema->columns.size(); ++i)
                if (!schema->columns[i].formula.empty() && located.columnOf[i] >= 0)
                    computed.insert(located.columnOf[i]);
            const CellGrid below = readValues(rangeOf(sheet, 0, first, nextFree - 1, rows - 1));
            for (const auto& row : below)
                for (std::size_t c = 0; c < row.size(); ++c)
                    if (!isBlankCell(row[c]) && !computed.count(static_cast<int>(c)))
                        synced.insertRows = true;
        }
        sheets.push_back(std::move(synced));
    }
    return sheets;
}

// The sync marks (team::parseMarks) live in a user-defined document property: saved in .ods
// and .xlsx alike, never in a cell the user could sort or copy. A lost or stale mark costs one
// full read, never a missed row (readServer checks the workbook against the server).
std::string readMarks(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    return readDocumentText(doc, team::kMarksProperty);
}

// No mark written: the next sync reads everything once.
void writeMarks(const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& text) {
    writeDocumentText(doc, team::kMarksProperty, text);
}

// ---- The server side --------------------------------------------------------------------

class Database {
  public:
    explicit Database(Reference<css::sdbc::XConnection> connection)
        : connection_(std::move(connection)) {}
    ~Database() {
        try {
            if (open_) execute("ROLLBACK");
        } catch (...) {
            // The connection is gone: the server has rolled back by itself.
        }
        try {
            connection_->close();
        } catch (...) {
        }
    }

    // LibreOffice's PostgreSQL driver leaves setAutoCommit, commit and rollback unsupported
    // (every statement would commit by itself): the transaction is spelled out in SQL.
    void begin() {
        execute("BEGIN");
        open_ = true;
    }
    void commit() {
        execute("COMMIT");
        open_ = false;
    }
    void rollback() {
        open_ = false;
        execute("ROLLBACK");
    }
    void execute(const char* sql) { connection_->createStatement()->execute(toOUString(sql)); }

    // Runs `sql` with its text parameters, calling `row` for each result row.
    void query(const std::string& sql, const std::vector<std::string>& parameters,
               const std::function<void(const Reference<css::sdbc::XRow>&)>& row) {
        Reference<css::sdbc::XResultSet> result;
        if (!parameters.empty()) {
            const auto statement = connection_->prepareStatement(toOUString(sql));
            Reference<css::sdbc::XParameters> values(statement, UNO_QUERY_THROW);
            for (std::size_t i = 0; i < parameters.size(); ++i)
                values->setString(static_cast<sal_Int32>(i + 1), toOUString(parameters[i]));
            result = statement->executeQuery();
        } else {
            result = connection_->createStatement()->executeQuery(toOUString(sql));
        }
        Reference<css::sdbc::XRow> values(result, UNO_QUERY_THROW);
        while (result->next()) row(values);
    }
    long update(const std::string& sql, const std::string& parameter) {
        const auto statement = connection_->prepareStatement(toOUString(sql));
        Reference<css::sdbc::XParameters>(statement, UNO_QUERY_THROW)
            ->setString(1, toOUString(parameter));
        return statement->executeUpdate();
    }

  private:
    Reference<css::sdbc::XConnection> connection_;
    bool open_ = false;
};

std::string columnList(const std::vector<team::SyncColumn>& columns, const std::string& prefix) {
    std::string list;
    for (const auto& column : columns) list += ", " + prefix + sqlName(column.schema->id);
    return list;
}

std::string recordDefinition(const std::vector<team::SyncColumn>& columns) {
    std::string list = "ord integer, row_id bigint, base integer";
    for (const auto& column : columns) list += ", " + sqlName(column.schema->id) + " text";
    return list;
}

// One server row, sent as one text (team::rowAsJson): the driver's getString costs about as
// much for a whole row as for one cell.
team::ServerRow serverRowOf(const Reference<css::sdbc::XRow>& row, std::size_t columns) {
    auto parsed = team::parseServerRow(toUtf8(row->getString(1)), columns);
    if (!parsed)
        throw css::sdbc::SQLException("the server sent a row DealSheet cannot read", {}, "XX000", 0,
                                      Any());
    return std::move(*parsed);
}

std::string idArray(const std::vector<long long>& ids) {
    std::string json = "[";
    for (const long long id : ids) json += (json.size() > 1 ? "," : "") + std::to_string(id);
    return json + "]";
}

// Reads the server's side of the sheet: only the rows changed since the sheet's last sync
// (`sheet.mark`, when `incremental`) and those the workbook cannot vouch for, or everything
// when the workbook does not hold what the server had then.
void readServer(Database& db, SyncedSheet& sheet, bool incremental, PhaseTimes& times) {
    const std::string table = "dealsheet." + sqlName(sheet.schema->id);
    const std::string select = "SELECT " + team::rowAsJson(sheet.columns) + " FROM " + table;
    std::vector<team::ServerRow> server;
    std::set<long long> visible;
    const auto collect = [&](const Reference<css::sdbc::XRow>& row) {
        server.push_back(serverRowOf(row, sheet.columns.size()));
    };
    // The mark counts only while the workbook holds what it held after that sync.
    const std::size_t colon = sheet.mark ? sheet.mark->find(':') : std::string::npos;
    incremental = incremental && colon != std::string::npos &&
                  sheet.mark->substr(colon + 1) == team::fingerprint(sheet.rows);
    if (incremental) {
        // Rows without a hash are asked for by id; without any, the change index alone serves.
        const auto asked = team::idsToAsk(sheet.rows);
        std::vector<std::string> parameters{sheet.mark->substr(0, colon)};
        std::string changed = " WHERE change_xid >= CAST(? AS xid8)";
        if (!asked.empty()) {
            parameters.push_back(idArray(asked));
            changed +=
                " OR row_id IN (SELECT CAST(value AS bigint) FROM json_array_elements_text(CAST(? "
                "AS json)))";
        }
        db.query(select + changed, parameters, collect);
        // Which of the workbook's rows the server still shows this user (by primary key, so
        // the cost follows the workbook, not the table).
        std::vector<long long> held;
        for (const auto& row : sheet.rows)
            if (row.id) held.push_back(*row.id);
        if (!held.empty())
            db.query("SELECT row_id FROM " + table +
                         " WHERE row_id IN (SELECT CAST(value AS bigint) FROM "
                         "json_array_elements_text(CAST(? AS json)))",
                     {idArray(held)}, [&](const Reference<css::sdbc::XRow>& row) {
                         visible.insert(row->getLong(1));
                     });
    }
    if (!incremental) db.query(select, {}, collect);
    std::map<long long, team::Values> bases;
    const auto needed = team::basesNeeded(sheet.rows, server);
    if (!needed.empty())
        db.query("SELECT " + team::rowAsJson(sheet.columns, "h.") + " FROM " + table +
                     "_history h JOIN json_to_recordset(CAST(? AS json)) AS x(row_id bigint, "
                     "version integer) ON h.row_id = x.row_id AND h.version = x.version",
                 {team::idVersionRecords(needed)}, [&](const Reference<css::sdbc::XRow>& row) {
                     auto base = serverRowOf(row, sheet.columns.size());
                     bases[base.id] = std::move(base.values);
                 });
    times.mark("server_read");
    sheet.plan =
        team::plan(sheet.rows, std::move(server), bases, incremental, visible, sheet.special);
    times.mark("plan");
}

// Runs one push statement in a savepoint. When the server refuses its rows (permissions,
// row-level security, the approved-contract guard), the savepoint is rolled back, the rest of
// the transaction goes on, and `refusal` says why; other errors end the sync.
long guardedUpdate(Database& db, const std::string& sql, const std::string& records,
                   const SheetSchema& schema, std::optional<team::Refusal>& refusal) {
    db.execute("SAVEPOINT dealsheet_rows");
    try {
        const long changed = db.update(sql, records);
        db.execute("RELEASE SAVEPOINT dealsheet_rows");
        return changed;
    } catch (const css::sdbc::SQLException& e) {
        if (!team::isRefusal(toUtf8(e.SQLState), toUtf8(e.Message))) throw;
        db.execute("ROLLBACK TO SAVEPOINT dealsheet_rows");
        db.execute("RELEASE SAVEPOINT dealsheet_rows");
        refusal = team::explainRefusal(toUtf8(e.Message), schema);
        return -1;
    }
}

// A lead's Settings rows for the ownership rules (SPEC §12) become the team's; the server
// refuses anyone else's, which then count for nothing. Rows the sheet lacks leave the server's.
void sendOwnershipRules(Database& db, const Settings& settings) {
    std::vector<std::string> values;
    bool given = false;
    for (const char* id : {"protectionDays", "dailyClaimLimit", "reclaimCooldownDays"}) {
        const bool here = settings.given.count(id) > 0;
        given = given || here;
        values.push_back(here ? std::to_string(settings.days(id)) : std::string());
    }
    if (!given) return;
    try {
        db.query(
            "SELECT dealsheet.set_ownership_rules(CAST(NULLIF(?, '') AS integer), "
            "CAST(NULLIF(?, '') AS integer), CAST(NULLIF(?, '') AS integer))",
            values, [](const Reference<css::sdbc::XRow>&) {});
    } catch (const css::sdbc::SQLException& e) {
        if (!team::isRefusal(toUtf8(e.SQLState), toUtf8(e.Message))) throw;
    }
}

// What the server tells this login beside its push (possible duplicates, releases), taken in
// the push's transaction: rolled back with it, told again next time.
std::vector<team::Notice> takeNotices(Database& db) {
    std::vector<team::Notice> notices;
    db.query("SELECT kind, row_id, other_owner, since, until FROM dealsheet.take_notices()", {},
             [&](const Reference<css::sdbc::XRow>& row) {
                 notices.push_back({toUtf8(row->getString(1)), row->getLong(2),
                                    toUtf8(row->getString(3)), toUtf8(row->getString(4)),
                                    toUtf8(row->getString(5))});
             });
    return notices;
}

// A column's header as it stands on the sheet (the schema's Chinese one when the cell is not
// text): the field a finding names.
std::string headerOf(const SyncedSheet& sheet, const team::SyncColumn& column) {
    const auto* text = std::get_if<std::string>(&sheet.data.at(0, column.sheetColumn));
    return text ? *text : column.schema->header.zh;
}

// The login's own customers: since when they own each, until when it is protected.
std::map<std::string, TeamProtection> ownProtection(Database& db) {
    std::map<std::string, TeamProtection> protection;
    db.query("SELECT customer_no, since, until FROM dealsheet.my_protection()", {},
             [&](const Reference<css::sdbc::XRow>& row) {
                 protection[toUtf8(row->getString(1))] = {toUtf8(row->getString(2)),
                                                          toUtf8(row->getString(3))};
             });
    return protection;
}

// The notices as findings on the customers sheet, at the rows they concern (a row this workbook
// does not hold is left out: the server shows it no longer).
void addNoticeFindings(const std::vector<team::Notice>& notices,
                       const std::vector<SyncedSheet>& sheets, std::vector<Finding>& findings) {
    const auto customers = std::find_if(sheets.begin(), sheets.end(), [](const SyncedSheet& s) {
        return s.schema->id == "customers";
    });
    if (notices.empty() || customers == sheets.end()) return;
    const SyncedSheet& sheet = *customers;
    std::map<long long, std::size_t> localOf;
    for (std::size_t i = 0; i < sheet.rows.size(); ++i)
        if (sheet.rows[i].id) localOf.emplace(*sheet.rows[i].id, i);
    for (const auto& [local, idVersion] : sheet.pushedIds) localOf[idVersion.first] = local;
    const auto columnOf = [&](const char* id) -> std::optional<std::size_t> {
        for (std::size_t c = 0; c < sheet.columns.size(); ++c)
            if (sheet.columns[c].schema->id == id) return c;
        return std::nullopt;
    };
    const auto name = columnOf("customerName");
    for (const auto& notice : notices) {
        const auto local = localOf.find(notice.rowId);
        const auto at = columnOf(notice.kind == "released" ? "owner" : "customerName");
        if (local == localOf.end() || !at || !name) continue;
        const team::LocalRow& row = sheet.rows[local->second];
        const team::SyncColumn& column = sheet.columns[*at];
        if (auto finding = team::noticeFinding(notice, sheet.name, row.row, column.sheetColumn,
                                               headerOf(sheet, column), row.values[*name]))
            findings.push_back(std::move(*finding));
    }
}

// Pushes rows [from, to) with one statement; when the server refuses that, each half again,
// down to the single rows it refuses, so that a refused row holds back none of the others and
// k refused rows of n cost about 2k·log2(n) statements instead of n (a push of 100 customers,
// three of them another's: 40 statements, not 100). `ids` holds each row's reserved id (new
// rows). False when an update found its row changed on the server since it was read (the
// caller rolls back and starts again).
bool pushRange(Database& db, SyncedSheet& sheet, const std::string& sql,
               const std::vector<team::Push>& rows, const std::vector<long long>& ids,
               std::size_t from, std::size_t to, bool updates) {
    if (from >= to) return true;
    const std::vector<team::Push> part(rows.begin() + static_cast<std::ptrdiff_t>(from),
                                       rows.begin() + static_cast<std::ptrdiff_t>(to));
    std::vector<long long> partIds;
    for (std::size_t i = from; i < to; ++i)
        if (!rows[i].id) partIds.push_back(ids[i]);
    std::optional<team::Refusal> refusal;
    const long changed = guardedUpdate(db, sql, team::pushRecords(part, sheet.columns, partIds),
                                       *sheet.schema, refusal);
    if (changed >= 0) return !updates || changed == static_cast<long>(part.size());
    if (to - from == 1) {
        sheet.refused.push_back({rows[from].local, rows[from].expected, *refusal});
        return true;
    }
    const std::size_t middle = from + (to - from) / 2;
    return pushRange(db, sheet, sql, rows, ids, from, middle, updates) &&
           pushRange(db, sheet, sql, rows, ids, middle, to, updates);
}

bool pushRows(Database& db, SyncedSheet& sheet, const std::string& sql,
              const std::vector<team::Push>& rows, const std::vector<long long>& newIds,
              bool updates) {
    std::vector<long long> ids(rows.size(), 0);
    std::size_t nextNew = 0;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (!rows[i].id) ids[i] = newIds.at(nextNew++);
    return pushRange(db, sheet, sql, rows, ids, 0, rows.size(), updates);
}

// Pushes the sheet's plan; false when a row changed on the server since it was read (the
// caller rolls back and starts again).
bool push(Database& db, SyncedSheet& sheet) {
    const auto& pushes = sheet.plan.pushes;
    sheet.pushedIds.clear();
    sheet.numbers.clear();
    sheet.refused.clear();
    if (pushes.empty()) return true;
    const std::string table = "dealsheet." + sqlName(sheet.schema->id);
    // New rows go in with the ids the server reserved for them; without ids (the server
    // would not reserve any) they are refused here, each with the server's reason.
    std::vector<long long> newIds;
    std::vector<team::Push> inserts, updates;
    for (const auto& p : pushes) {
        if (p.id) {
            updates.push_back(p);
        } else if (const auto id = sheet.insertIds.find(p.local); id != sheet.insertIds.end()) {
            inserts.push_back(p);
            newIds.push_back(id->second);
        } else {
            sheet.refused.push_back(
                {p.local, 0, sheet.noIds.value_or(team::Refusal{msg::kRefusedReadOnly, {}, {}})});
        }
    }
    const std::string records =
        "json_to_recordset(CAST(? AS json)) AS x(" + recordDefinition(sheet.columns) + ")";
    if (!pushRows(db, sheet,
                  "INSERT INTO " + table + " (row_id" + columnList(sheet.columns, "") +
                      ") SELECT row_id" + columnList(sheet.columns, "") + " FROM " + records +
                      " ORDER BY ord",
                  inserts, newIds, false))
        return false;
    std::string assignments;
    for (const auto& column : sheet.columns)
        assignments += std::string(assignments.empty() ? "" : ", ") + sqlName(column.schema->id) +
                       " = x." + sqlName(column.schema->id);
    if (!pushRows(db, sheet,
                  "UPDATE " + table + " AS t SET " + assignments + " FROM " + records +
                      " WHERE t.row_id = x.row_id AND t.version = x.base",
                  updates, {}, true))
        return false;
    // What the server made of the rows: their ids, versions and, for customers, the numbers
    // it assigned.
    std::map<long long, std::size_t> localOf;
    std::string ids = "[";
    std::set<std::size_t> refusedRows;
    for (const auto& r : sheet.refused) refusedRows.insert(r.local);
    for (const auto& p : pushes) {
        if (refusedRows.count(p.local)) continue;
        const long long id = p.id ? *p.id : sheet.insertIds.at(p.local);
        localOf[id] = p.local;
        ids += (ids.size() > 1 ? "," : "") + std::to_string(id);
    }
    ids += "]";
    const int numberColumn = [&] {
        for (std::size_t c = 0; c < sheet.columns.size(); ++c)
            if (sheet.columns[c].schema->id == "customerNo" && sheet.schema->id == "customers")
                return static_cast<int>(c);
        return -1;
    }();
    db.query(
        "SELECT row_id, version" + std::string(numberColumn >= 0 ? ", customer_no" : "") +
            " FROM " + table +
            " WHERE row_id IN (SELECT CAST(value AS bigint) FROM "
            "json_array_elements_text(CAST(? AS json)))",
        {ids}, [&](const Reference<css::sdbc::XRow>& row) {
            const long long id = row->getLong(1);
            const auto it = localOf.find(id);
            if (it == localOf.end()) return;
            sheet.pushedIds[it->second] = {id, row->getLong(2)};
            if (numberColumn < 0) return;
            const std::string number = toUtf8(row->getString(3));
            if (!number.empty() &&
                sheet.rows[it->second].values[static_cast<std::size_t>(numberColumn)] != number)
                sheet.numbers[it->second] = number;
        });
    return true;
}

std::string idList(const std::vector<long long>& ids) {
    std::string list = "{";
    for (const long long id : ids) list += (list.size() > 1 ? "," : "") + std::to_string(id);
    return list + "}";
}

// Rows with a Sync ID but no version: new rows of a push whose outcome was unknown. The
// server tells which of their reserved ids a committed insert used: those rows are on the
// server (at version 1, their first), the others are still new and go in with their id.
void settlePendingRows(Database& db, SyncedSheet& sheet) {
    std::vector<long long> pending;
    for (const auto& row : sheet.rows)
        if (row.id && !row.base && !row.refused) pending.push_back(*row.id);
    if (pending.empty()) return;
    std::map<long long, bool> used;
    db.query(
        "SELECT CAST(row_id AS text), CAST(used AS text) FROM dealsheet.settled_row_ids(?, "
        "CAST(? AS bigint[]))",
        {sqlName(sheet.schema->id), idList(pending)}, [&](const Reference<css::sdbc::XRow>& row) {
            used[std::stoll(toUtf8(row->getString(1)))] = toUtf8(row->getString(2)) == "true";
        });
    std::set<long long> seen;
    for (auto& row : sheet.rows) {
        if (!row.id || row.base || row.refused) continue;
        const auto it = used.find(*row.id);
        if (it == used.end()) continue;  // not this login's reservation: an id as any other
        if (!seen.insert(*row.id).second) {
            row.id.reset();  // a copy of the pending row: a new row of its own
        } else if (it->second) {
            row.base = 1;  // inserted by the push whose answer was lost
        } else {
            row.reservedId = row.id;
            row.id.reset();
        }
    }
}

// The server reserves the ids of the sheet's new rows, in a transaction of its own (before
// the push's), so the ids survive a push that fails and are what settles it afterwards.
void reserveIds(Database& db, SyncedSheet& sheet) {
    sheet.insertIds.clear();
    sheet.noIds.reset();
    std::vector<std::size_t> fresh;
    for (const std::size_t local : team::newRows(sheet.rows)) {
        if (const auto& reserved = sheet.rows[local].reservedId)
            sheet.insertIds[local] = *reserved;
        else
            fresh.push_back(local);
    }
    if (fresh.empty()) return;
    std::vector<long long> ids;
    try {
        db.query("SELECT CAST(r AS text) FROM dealsheet.reserve_row_ids(?, CAST(? AS integer)) r",
                 {sqlName(sheet.schema->id), std::to_string(fresh.size())},
                 [&](const Reference<css::sdbc::XRow>& row) {
                     ids.push_back(std::stoll(toUtf8(row->getString(1))));
                 });
    } catch (const css::sdbc::SQLException& e) {
        if (!team::isRefusal(toUtf8(e.SQLState), toUtf8(e.Message))) throw;
        sheet.noIds = team::explainRefusal(toUtf8(e.Message), *sheet.schema);
        return;
    }
    if (ids.size() != fresh.size())
        throw css::sdbc::SQLException("the server reserved the wrong number of ids", {}, "XX000", 0,
                                      Any());
    for (std::size_t i = 0; i < fresh.size(); ++i) sheet.insertIds[fresh[i]] = ids[i];
}

bool isRetryable(const css::sdbc::SQLException& e) {
    return e.SQLState == "40P01" || e.SQLState == "40001" ||
           toUtf8(e.Message).find("deadlock detected") != std::string::npos;
}

// LibreOffice's PostgreSQL driver itself, not the office's driver manager (libsdbc2.so, which
// Debian ships in libreoffice-base-drivers, not with libreoffice-sdbc-postgresql). A password,
// when there is one, goes to the driver as the "password" property: libpq takes it over the
// URL's settings, and it appears in no URL and no message.
Reference<css::sdbc::XConnection> openConnection(
    const Reference<css::uno::XComponentContext>& context, const std::string& url,
    const OUString* password = nullptr) {
    Reference<css::sdbc::XDriver> driver(
        context->getServiceManager()->createInstanceWithContext(
            "org.openoffice.comp.connectivity.pq.Driver.noext", context),
        UNO_QUERY);
    if (!driver.is())
        throw css::sdbc::SQLException("no PostgreSQL driver (libreoffice-sdbc-postgresql)", {},
                                      "08001", 0, Any());
    Sequence<css::beans::PropertyValue> info;
    if (password) {
        info.realloc(1);
        info.getArray()[0].Name = "password";
        info.getArray()[0].Value <<= *password;
    }
    return driver->connect(toOUString(url), info);
}

// Who logs in where: the connection URL (the user is in it), and for the login dialog and the
// office's password container the server as the Settings sheet names it, and the user.
struct Login {
    std::string url;
    std::string server;
    std::string user;
    Lang lang = Lang::Zh;
};

// The server wants a password libpq's environment (PGPASSWORD, .pgpass) did not have, or
// refused the one it had.
bool wantsPassword(const css::sdbc::SQLException& e) {
    const std::string message = toUtf8(e.Message);
    return message.find("no password supplied") != std::string::npos ||
           message.find("password authentication failed") != std::string::npos;
}

// The answers the office's login dialog can give (task::InteractionHandler handles a
// ucb::AuthenticationRequest with the office's own dialog): Cancel, or OK with a password and
// how to remember it.
class LoginCancel : public cppu::WeakImplHelper1<css::task::XInteractionAbort> {
  public:
    void SAL_CALL select() override { chosen = true; }
    bool chosen = false;
};

class LoginPassword : public cppu::WeakImplHelper1<css::ucb::XInteractionSupplyAuthentication> {
  public:
    void SAL_CALL select() override { chosen = true; }
    sal_Bool SAL_CALL canSetRealm() override { return false; }
    void SAL_CALL setRealm(const OUString&) override {}
    sal_Bool SAL_CALL canSetUserName() override { return false; }  // the Settings sheet's
    void SAL_CALL setUserName(const OUString&) override {}
    sal_Bool SAL_CALL canSetPassword() override { return true; }
    void SAL_CALL setPassword(const OUString& typed) override { password = typed; }
    // What the office offers for its own servers: the box ticked keeps the password in the
    // office's password container for good, unticked for this session.
    Sequence<css::ucb::RememberAuthentication> SAL_CALL
    getRememberPasswordModes(css::ucb::RememberAuthentication& preferred) override {
        return guarded(static_cast<cppu::OWeakObject*>(this), [&] {
            preferred = css::ucb::RememberAuthentication_SESSION;
            const css::ucb::RememberAuthentication modes[] = {
                css::ucb::RememberAuthentication_NO, css::ucb::RememberAuthentication_SESSION,
                css::ucb::RememberAuthentication_PERSISTENT};
            return Sequence<css::ucb::RememberAuthentication>(modes, 3);
        });
    }
    void SAL_CALL setRememberPassword(css::ucb::RememberAuthentication) override {
        fromDialog = true;  // the dialog says how to remember; the container's answer does not
    }
    sal_Bool SAL_CALL canSetAccount() override { return false; }
    Sequence<css::ucb::RememberAuthentication> SAL_CALL
    getRememberAccountModes(css::ucb::RememberAuthentication& preferred) override {
        return guarded(static_cast<cppu::OWeakObject*>(this), [&] {
            preferred = css::ucb::RememberAuthentication_NO;
            return Sequence<css::ucb::RememberAuthentication>(&preferred, 1);
        });
    }
    void SAL_CALL setRememberAccount(css::ucb::RememberAuthentication) override {}
    void SAL_CALL setAccount(const OUString&) override {}

    bool chosen = false;
    bool fromDialog = false;
    OUString password;
};

class LoginRequest : public cppu::WeakImplHelper1<css::task::XInteractionRequest> {
  public:
    explicit LoginRequest(css::ucb::URLAuthenticationRequest request)
        : cancel(new LoginCancel), password(new LoginPassword), request_(std::move(request)) {}
    Any SAL_CALL getRequest() override {
        return guarded(static_cast<cppu::OWeakObject*>(this), [&] { return Any(request_); });
    }
    Sequence<Reference<css::task::XInteractionContinuation>> SAL_CALL getContinuations() override {
        return guarded(static_cast<cppu::OWeakObject*>(this), [&] {
            const Reference<css::task::XInteractionContinuation> both[] = {cancel.get(),
                                                                           password.get()};
            return Sequence<Reference<css::task::XInteractionContinuation>>(both, 2);
        });
    }

    const rtl::Reference<LoginCancel> cancel;
    const rtl::Reference<LoginPassword> password;

  private:
    css::ucb::URLAuthenticationRequest request_;
};

// Headless, libpq's environment decides. In a window, a server that wants a password libpq
// does not have gets it from the office: the interaction handler first looks in the office's
// password container (a password remembered for this server and user is used without asking),
// then shows the office's login dialog, whose "remember" box keeps it there (for good, or for
// the session). The server's refusal shows the dialog again with the reason; a refused password
// is taken out of the container, so that it holds only passwords the server took. Cancel ends
// the sync (SyncFailed). No password is ever written into the document.
Reference<css::sdbc::XConnection> connect(const Reference<css::uno::XComponentContext>& context,
                                          const Login& login,
                                          const Reference<css::frame::XFrame>& frame) {
    std::string refusal;
    try {
        return openConnection(context, login.url);
    } catch (const css::sdbc::SQLException& e) {
        if (!wantsPassword(e) || !frame.is() || officeIsHeadless()) throw;
        if (toUtf8(e.Message).find("password authentication failed") != std::string::npos)
            refusal = msg::format(msg::kPasswordRefused.in(login.lang), login.user);
    }
    const Reference<css::task::XInteractionHandler> handler(
        css::task::InteractionHandler::createWithParent(context, frame->getContainerWindow()),
        UNO_QUERY_THROW);
    const auto container = css::task::PasswordContainer::create(context);
    const OUString key = toOUString("sdbc:postgresql:" + login.server);
    const OUString user = toOUString(login.user);
    std::set<OUString> refused;
    for (;;) {
        css::ucb::URLAuthenticationRequest request;
        request.Message = toOUString(msg::kSyncTitle.in(login.lang));
        request.Classification = css::task::InteractionClassification_QUERY;
        request.ServerName =
            toOUString(msg::format(msg::kLoginServer.in(login.lang), login.server));
        request.Diagnostic = toOUString(refusal);
        request.HasRealm = false;
        request.HasUserName = true;
        request.UserName = user;
        request.HasPassword = true;  // and empty: nothing typed yet
        request.HasAccount = false;
        request.URL = key;
        const rtl::Reference<LoginRequest> asking(new LoginRequest(request));
        handler->handle(asking.get());
        const auto& answer = asking->password;
        if (!answer->chosen || asking->cancel->chosen)
            throw SyncFailed(msg::format(msg::kSyncFailed.in(login.lang),
                                         msg::kPasswordCancelled.in(login.lang)));
        // A remembered password the server has refused in this very sync (had it not been
        // taken out of the container below): the container would only give it again.
        if (!answer->fromDialog && refused.count(answer->password))
            throw css::sdbc::SQLException(
                "password authentication failed for user " + user + " (the remembered password)",
                {}, "28P01", 0, Any());
        try {
            return openConnection(context, login.url, &answer->password);
        } catch (const css::sdbc::SQLException& e) {
            if (!wantsPassword(e)) throw;
        }
        refused.insert(answer->password);
        try {
            container->remove(key, user);
        } catch (const css::uno::Exception&) {
            // Not in the container, or it cannot be changed: the dialog comes anyway.
        }
        refusal = msg::format(msg::kPasswordRefused.in(login.lang), login.user);
    }
}

// ---- Writing the result into the workbook -----------------------------------------------

// Cells to write on one sheet: row -> (column, value) by column. A vector per row, not a map:
// a lead's first pull writes millions of cells.
using RowWrites = std::vector<std::pair<int, CellValue>>;
using CellWrites = std::map<int, RowWrites>;

// Sorted by column; of two writes to one cell the later wins.
void settle(CellWrites& writes) {
    for (auto& [row, cells] : writes) {
        if (std::adjacent_find(cells.begin(), cells.end(), [](const auto& a, const auto& b) {
                return a.first >= b.first;
            }) == cells.end())
            continue;  // already so (a pulled row's cells are written in column order)
        std::stable_sort(cells.begin(), cells.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        RowWrites unique;
        for (auto& cell : cells) {
            if (!unique.empty() && unique.back().first == cell.first)
                unique.back() = std::move(cell);
            else
                unique.push_back(std::move(cell));
        }
        cells = std::move(unique);
    }
}

// One block per run of consecutive rows that write the same columns, split where the columns
// are not contiguous: a handful of setDataArray calls, never one per cell. The values move
// from `writes` into the blocks (kept by the undo action). Rows from `blankFrom` on are known
// to be empty (rows pulled below the data, or inserted for them): their old values are not
// read back. `written` receives each block's range and old values, for the rollback.
std::vector<CellBlock> writeBlocks(const Reference<css::sheet::XSpreadsheet>& sheet,
                                   CellWrites& writes, int blankFrom,
                                   const Reference<css::document::XUndoManager>& manager,
                                   std::vector<CellBlock>& written) {
    std::vector<CellBlock> blocks;
    auto it = writes.begin();
    while (it != writes.end()) {
        auto end = std::next(it);
        std::vector<int> columns;
        for (const auto& [column, value] : it->second) columns.push_back(column);
        const auto sameColumns = [&](const RowWrites& cells) {
            if (cells.size() != columns.size()) return false;
            std::size_t i = 0;
            for (const auto& [column, value] : cells)
                if (column != columns[i++]) return false;
            return true;
        };
        int lastRow = it->first;
        while (end != writes.end() && end->first == lastRow + 1 && sameColumns(end->second)) {
            lastRow = end->first;
            ++end;
        }
        for (std::size_t first = 0; first < columns.size();) {
            std::size_t last = first;
            while (last + 1 < columns.size() && columns[last + 1] == columns[last] + 1) ++last;
            const auto range = rangeOf(sheet, columns[first], it->first, columns[last], lastRow);
            CellGrid before;
            if (const int readUntil = std::min(lastRow, blankFrom - 1); readUntil >= it->first)
                before =
                    readValues(rangeOf(sheet, columns[first], it->first, columns[last], readUntil));
            before.resize(static_cast<std::size_t>(lastRow - it->first + 1),
                          std::vector<CellValue>(last - first + 1));
            CellBlock block{range, std::move(before), {}};
            block.after.reserve(block.before.size());
            for (auto row = it; row != end; ++row) {
                auto& cells = block.after.emplace_back();
                cells.reserve(last - first + 1);
                for (std::size_t c = first; c <= last; ++c)
                    cells.push_back(std::move(row->second[c].second));
            }
            // For the rollback, should this write or a later one fail.
            written.push_back({range, block.before, {}});
            writeValuesUnrecorded(manager, range, block.after);
            blocks.push_back(std::move(block));
            first = last + 1;
        }
        it = end;
    }
    return blocks;
}

// The headers of the hidden Sync columns this sync adds to the sheet (in its language).
void addHiddenHeaders(const SyncedSheet& sheet, CellWrites& writes) {
    const std::pair<int, Text> headers[] = {{sheet.idColumn, team::kIdHeader},
                                            {sheet.versionColumn, team::kVersionHeader},
                                            {sheet.hashColumn, team::kHashHeader}};
    for (const auto& [column, header] : headers)
        if (std::find(sheet.addedColumns.begin(), sheet.addedColumns.end(), column) !=
            sheet.addedColumns.end())
            writes[sheet.headerRow].emplace_back(column, std::string(header.in(sheet.lang)));
}

// The cells to write for `sheet`; the pulled values move into them.
CellWrites writesOf(SyncedSheet& sheet, const SerialDates& dates, long& pulled, long& numbered) {
    CellWrites writes;
    const auto hidden = [&](int row, long long id, long long version) {
        writes[row].emplace_back(sheet.idColumn, static_cast<double>(id));
        writes[row].emplace_back(sheet.versionColumn, static_cast<double>(version));
    };
    int nextRow = sheet.firstFreeRow;
    for (auto& pull : sheet.plan.pulls) {
        const int row = pull.local ? sheet.rows[*pull.local].row : nextRow++;
        const team::Values* before = pull.local ? &sheet.rows[*pull.local].values : nullptr;
        RowWrites& cells = writes[row];
        cells.reserve(sheet.columns.size() + 3);  // the hidden columns too
        bool changed = !before;
        for (std::size_t c = 0; c < sheet.columns.size(); ++c)
            if (!before || (*before)[c] != pull.values[c]) {
                cells.emplace_back(sheet.columns[c].sheetColumn,
                                   team::fromServerText(std::move(pull.values[c]),
                                                        *sheet.columns[c].schema, dates));
                changed = true;
            }
        if (changed) ++pulled;
        hidden(row, pull.id, pull.version);
    }
    for (const auto& [local, idVersion] : sheet.pushedIds)
        hidden(sheet.rows[local].row, idVersion.first, idVersion.second);
    // A refused row keeps its cells as typed; its version turns negative, so that the next
    // sync takes the server's value where the server changed it since (a lead's decision).
    for (const auto& refused : sheet.refused)
        if (const auto& row = sheet.rows[refused.local]; row.id)
            writes[row.row].emplace_back(sheet.versionColumn,
                                         -static_cast<double>(refused.expected));
    for (const auto& [local, number] : sheet.numbers) {
        for (const auto& column : sheet.columns)
            if (column.schema->id == "customerNo")
                writes[sheet.rows[local].row].emplace_back(column.sheetColumn, number);
        ++numbered;
    }
    // The hash of what the server now holds for each row, where it differs from the kept one.
    const auto hash = [&](int row, const std::optional<std::string>& kept,
                          const team::Values& values) {
        std::string now = team::rowHash(sheet.columns, values);
        if (kept != now) writes[row].emplace_back(sheet.hashColumn, std::move(now));
    };
    std::map<std::size_t, const team::Values*> synced;  // local -> the server's values
    for (const auto& push : sheet.plan.pushes) synced[push.local] = &push.values;
    nextRow = sheet.firstFreeRow;
    for (const auto& pull : sheet.plan.pulls) {
        if (!pull.local)
            hash(nextRow++, std::nullopt, pull.server);
        else if (!sheet.pushedIds.count(*pull.local))
            synced[*pull.local] = &pull.server;
    }
    std::set<long long> seen;
    // Rows the server does not show and rows that lost their identity keep their old hash,
    // so the next sync looks at them again.
    std::set<std::size_t> unknown(sheet.plan.unknown.begin(), sheet.plan.unknown.end());
    for (const auto& moved : sheet.plan.moved) unknown.insert(moved.local);
    for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
        const team::LocalRow& row = sheet.rows[i];
        const bool pushed = sheet.pushedIds.count(i) > 0;
        const bool first = row.id && seen.insert(*row.id).second;
        if (!pushed && (!first || unknown.count(i))) continue;
        const auto found = synced.find(i);
        team::Values values = found != synced.end() ? *found->second : row.values;
        if (const auto number = sheet.numbers.find(i); number != sheet.numbers.end())
            for (std::size_t c = 0; c < sheet.columns.size(); ++c)
                if (sheet.columns[c].schema->id == "customerNo") values[c] = number->second;
        hash(row.row, row.hash, values);
    }
    if (!writes.empty()) addHiddenHeaders(sheet, writes);
    settle(writes);
    return writes;
}

// The (id, version) of every row the sheet holds after the sync, as the next sync will read
// them: the fingerprint kept with the sheet's mark.
std::vector<std::pair<long long, long long>> idVersionsAfter(const SyncedSheet& sheet) {
    std::map<std::size_t, long long> pulledVersion;
    std::vector<std::pair<long long, long long>> pairs;
    for (const auto& pull : sheet.plan.pulls) {
        if (pull.local)
            pulledVersion[*pull.local] = pull.version;
        else
            pairs.emplace_back(pull.id, pull.version);
    }
    std::set<long long> seen;
    for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
        const team::LocalRow& row = sheet.rows[i];
        if (const auto pushed = sheet.pushedIds.find(i); pushed != sheet.pushedIds.end()) {
            pairs.push_back(pushed->second);
        } else if (row.id && seen.insert(*row.id).second) {
            const auto pulled = pulledVersion.find(i);
            pairs.emplace_back(
                *row.id, pulled != pulledVersion.end() ? pulled->second : row.base.value_or(0));
        }
    }
    return pairs;
}

// The COMMIT of the push went out and its answer never came.
struct CommitUnknown {
    std::string detail;
};

// After a push whose outcome is unknown (the workbook already rolled back): the Sync IDs of
// its new rows, without a version, so the next sync asks the server whether that push used
// them (team::settlePendingRows) instead of pushing the rows again. Written outside the undo
// stack: undoing them would bring the duplicates back.
void keepPendingIds(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                    std::vector<SyncedSheet>& sheets) {
    try {
        const auto manager =
            Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager();
        const RowHeightPause heights(doc);
        for (auto& sheet : sheets) {
            std::set<std::size_t> refused;
            for (const auto& r : sheet.refused) refused.insert(r.local);
            CellWrites writes;
            for (const auto& [local, id] : sheet.insertIds)
                if (!refused.count(local))
                    writes[sheet.rows[local].row].emplace_back(sheet.idColumn,
                                                               static_cast<double>(id));
            if (writes.empty()) continue;
            addHiddenHeaders(sheet, writes);
            settle(writes);
            const auto target = sheetByName(doc, sheet.name);
            std::vector<CellBlock> written;
            writeBlocks(target, writes, sheet.firstFreeRow, manager, written);
            for (const int column : sheet.addedColumns) setColumnsVisible(target, column, 1, false);
        }
    } catch (const std::exception&) {
        // Nothing kept: the next sync may push these rows again (the message said unknown).
    } catch (const css::uno::Exception&) {
    }
}

class Progress {
  public:
    Progress(const Reference<css::frame::XFrame>& frame, Lang lang) : lang_(lang) {
        try {
            Reference<css::task::XStatusIndicatorFactory> factory(frame, UNO_QUERY);
            if (factory.is() && !officeIsHeadless()) indicator_ = factory->createStatusIndicator();
            if (indicator_.is()) indicator_->start(toOUString(msg::kSyncTitle.in(lang)), 100);
        } catch (const css::uno::Exception&) {
            indicator_.clear();
        }
    }
    ~Progress() {
        try {
            if (indicator_.is()) indicator_->end();
        } catch (...) {
        }
    }
    void tell(Text pattern, long count, int percent) {
        if (!indicator_.is()) return;
        try {
            indicator_->setText(toOUString(msg::format(pattern.in(lang_), std::to_string(count))));
            indicator_->setValue(percent);
        } catch (const css::uno::Exception&) {
        }
    }

  private:
    Reference<css::task::XStatusIndicator> indicator_;
    Lang lang_;
};

}  // namespace

SyncOutcome syncTeam(const Reference<css::uno::XComponentContext>& context,
                     const Reference<css::sheet::XSpreadsheetDocument>& doc,
                     const Reference<css::frame::XFrame>& frame) {
    const auto start = std::chrono::steady_clock::now();
    PhaseTimes times("sync");
    const Lang uiLang = officeLanguage(context);
    const auto fail = [&](std::string_view reason, const std::string& detail = {}) {
        throw SyncFailed(msg::format(msg::kSyncFailed.in(uiLang), reason) +
                         (detail.empty() ? "" : "\n" + detail));
    };
    const Settings settings = readDocumentSettings(doc);
    const auto setting = [&](const char* id) {
        const auto it = settings.texts.find(id);
        return it == settings.texts.end() ? std::string() : it->second;
    };
    const auto connection =
        team::connectionUrl(setting("teamDatabase"), setting("teamDatabaseUser"));
    if (connection.problem) fail(connection.problem->in(uiLang));
    const FunctionContext functionContext =
        contextOf(Reference<css::beans::XPropertySet>(doc, UNO_QUERY));
    const SerialDates& dates = functionContext.dates;
    std::vector<SyncedSheet> sheets = readSyncedSheets(doc, dates);
    times.mark("workbook_read");
    SyncOutcome outcome;
    if (sheets.empty()) fail(msg::kNoSyncedSheet.in(uiLang));
    std::vector<team::Notice> notices;
    std::map<std::string, TeamProtection> protection;

    Progress progress(frame, uiLang);
    progress.tell(msg::kProgressConnecting, 0, 5);
    try {
        Database db(connect(context,
                            {connection.url, std::string(trimSpaces(setting("teamDatabase"))),
                             std::string(trimSpaces(setting("teamDatabaseUser"))), uiLang},
                            frame));
        std::string version, registerId;
        db.query("SELECT name, value FROM dealsheet.meta", {},
                 [&](const Reference<css::sdbc::XRow>& row) {
                     const std::string name = toUtf8(row->getString(1));
                     if (name == "schema_version") version = toUtf8(row->getString(2));
                     if (name == "register_id") registerId = toUtf8(row->getString(2));
                 });
        const int serverVersion = version.empty() ? 0 : std::atoi(version.c_str());
        if (serverVersion < kTeamSchemaVersion)
            fail(msg::format(msg::kSchemaTooOld.in(uiLang), version));
        if (serverVersion > kTeamSchemaVersion)
            fail(msg::format(msg::kSchemaTooNew.in(uiLang), version));

        // Read, decide and push in one transaction; when someone else changed a pushed row in
        // between, everything is rolled back and done again from a fresh read.
        times.mark("connect");
        const auto marks = team::parseMarks(readMarks(doc), registerId);
        for (auto& sheet : sheets)
            if (const auto it = marks.find(sheet.schema->id); it != marks.end())
                sheet.mark = it->second;
        for (auto& sheet : sheets) {
            settlePendingRows(db, sheet);
            reserveIds(db, sheet);
        }
        times.mark("ids");
        // The team's rules from a lead's Settings, then the pool release when it is due (by the
        // server's clock), before the reads: a released customer comes back in this sync.
        sendOwnershipRules(db, settings);
        db.query("SELECT dealsheet.release_due()", {}, [](const Reference<css::sdbc::XRow>&) {});
        times.mark("release");
        std::string newMark;
        bool pushed = false;
        for (int attempt = 0; attempt < 4 && !pushed; ++attempt) {
            db.begin();
            try {
                progress.tell(msg::kProgressReading, 0, 15);
                // Taken before any read: every transaction older than it has committed (or
                // failed) by the time the reads start, so the next sync's reads start from it.
                db.query("SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text)", {},
                         [&](const Reference<css::sdbc::XRow>& row) {
                             newMark = toUtf8(row->getString(1));
                         });
                // A retry reads everything: a row the marks said was unchanged may not be.
                for (auto& sheet : sheets) readServer(db, sheet, attempt == 0, times);
                long pushing = 0;
                for (const auto& sheet : sheets)
                    pushing += static_cast<long>(sheet.plan.pushes.size());
                progress.tell(msg::kProgressPushing, pushing, 50);
                pushed = std::all_of(sheets.begin(), sheets.end(),
                                     [&](SyncedSheet& sheet) { return push(db, sheet); });
                if (pushed) {
                    notices = takeNotices(db);
                    protection = ownProtection(db);
                }
            } catch (const css::sdbc::SQLException& e) {
                if (!isRetryable(e)) throw;
            }
            if (!pushed) db.rollback();
        }
        if (!pushed) fail(msg::kSyncBusy.in(uiLang));
        times.mark("push");

        // The workbook receives everything in bulk, then the server commits. Should the commit
        // fail, the scope's rollback writes every cell back: both sides stay as they were.
        std::vector<std::pair<SyncedSheet*, CellWrites>> allWrites;
        long pulled = 0;
        for (auto& sheet : sheets) {
            auto writes = writesOf(sheet, dates, pulled, outcome.numbered);
            if (!writes.empty()) allWrites.emplace_back(&sheet, std::move(writes));
        }
        progress.tell(msg::kProgressPulling, pulled, 75);
        times.mark("cells");
        std::vector<CellBlock> written;
        std::vector<std::pair<Reference<css::sheet::XSpreadsheet>, int>> hiddenAdded;
        std::vector<std::pair<Reference<css::table::XTableRows>, std::pair<int, int>>> inserted;
        {
            const RowHeightPause heights(doc);  // Calc re-measures every row written otherwise
            UndoScope undo(doc, std::string(msg::kSyncTitle.in(uiLang)), [&] {
                for (auto block = written.rbegin(); block != written.rend(); ++block)
                    writeValues(block->range, block->before);
                for (const auto& [sheet, column] : hiddenAdded)
                    setColumnsVisible(sheet, column, 1, true);
                for (auto it = inserted.rbegin(); it != inserted.rend(); ++it)
                    it->first->removeByIndex(it->second.first, it->second.second);
            });
            std::vector<CellBlock> blocks;
            for (auto& [sheet, writes] : allWrites) {
                const auto target = sheetByName(doc, sheet->name);
                const auto newRows =
                    std::count_if(sheet->plan.pulls.begin(), sheet->plan.pulls.end(),
                                  [](const team::Pull& pull) { return !pull.local; });
                if (sheet->insertRows && newRows > 0) {
                    const auto sheetRows =
                        Reference<css::table::XColumnRowRange>(target, UNO_QUERY_THROW)->getRows();
                    sheetRows->insertByIndex(sheet->firstFreeRow, static_cast<sal_Int32>(newRows));
                    inserted.emplace_back(
                        sheetRows, std::make_pair(sheet->firstFreeRow, static_cast<int>(newRows)));
                }
                for (auto& block :
                     writeBlocks(target, writes, sheet->firstFreeRow, undo.manager(), written))
                    blocks.push_back(std::move(block));
                for (const int column : sheet->addedColumns) {
                    hiddenAdded.emplace_back(target, column);
                    setColumnsVisible(target, column, 1, false);
                }
            }
            if (!blocks.empty())
                undo.add(makeCellWritesUndo(std::string(msg::kSyncTitle.in(uiLang)),
                                            std::move(blocks), undo.manager()));
            times.mark("sheet_write");
            try {
                db.commit();
            } catch (const css::sdbc::SQLException& e) {
                // The COMMIT went out and no answer came back: the server may have kept the
                // push. The workbook is rolled back below; the new rows' ids are kept after.
                if (team::explainDatabaseError(toUtf8(e.Message)).en == msg::kConnectionLost.en)
                    throw CommitUnknown{toUtf8(e.Message)};
                throw;
            }
            undo.commit();
        }
        times.mark("commit");
        std::map<std::string, std::string> kept;
        for (const auto& sheet : sheets)
            kept[sheet.schema->id] = newMark + ":" + team::fingerprint(idVersionsAfter(sheet));
        writeMarks(doc, team::formatMarks(registerId, kept));
        // The Customer panel's protection ends, by the server (SPEC §12).
        writeDocumentText(doc, kTeamProtectionProperty, formatTeamProtection(protection));
        outcome.pulled = pulled;
        times.mark("marks");
    } catch (const CommitUnknown& unknown) {
        keepPendingIds(doc, sheets);
        throw SyncFailed(msg::format(msg::kSyncOutcomeUnknown.in(uiLang), unknown.detail));
    } catch (const css::uno::Exception& e) {  // the driver's SQLException, a lost bridge
        const std::string detail = toUtf8(e.Message);
        fail(team::explainDatabaseError(detail).in(uiLang), detail);
    }

    std::vector<Finding> findings;
    long refusedRows = 0;
    for (const auto& sheet : sheets) {
        outcome.pushed += static_cast<long>(sheet.pushedIds.size());
        for (const auto& c : sheet.plan.conflicts) {
            const auto& column = sheet.columns[c.column];
            findings.push_back(team::conflictFinding(sheet.name, sheet.rows[c.local].row,
                                                     column.sheetColumn, headerOf(sheet, column),
                                                     c.mine, c.theirs));
        }
        // Each refused cell with the value the user typed; a row refused as a whole at its
        // first filled cell.
        for (const auto& refused : sheet.refused) {
            const team::LocalRow& row = sheet.rows[refused.local];
            ++refusedRows;
            std::vector<std::size_t> cells;
            for (const auto& name : refused.why.columns)
                for (std::size_t c = 0; c < sheet.columns.size(); ++c)
                    if (sqlName(sheet.columns[c].schema->id) == name) cells.push_back(c);
            if (cells.empty()) {
                std::size_t first = 0;
                while (first + 1 < row.values.size() && row.values[first].empty()) ++first;
                cells.push_back(first);
            }
            for (std::size_t c : cells)
                findings.push_back(
                    team::refusedFinding(sheet.name, row.row, sheet.columns[c].sheetColumn,
                                         headerOf(sheet, sheet.columns[c]),
                                         c < row.values.size() ? row.values[c] : "", refused.why));
        }
    }
    addNoticeFindings(notices, sheets, findings);
    // Rows whose key changed under their Sync ID while another row took the old key.
    long moved = 0;
    for (const auto& sheet : sheets)
        for (const auto& m : sheet.plan.moved) {
            const auto& row = sheet.rows[m.local];
            const auto& column = sheet.columns[static_cast<std::size_t>(sheet.special.key)];
            findings.push_back(team::movedFinding(
                sheet.name, row.row, column.sheetColumn, headerOf(sheet, column),
                row.values[static_cast<std::size_t>(sheet.special.key)], m.oldKey));
            ++moved;
        }
    // Rows the server no longer shows (a customer handed to another member): kept, listed at
    // their hidden Sync ID.
    for (const auto& sheet : sheets)
        for (std::size_t local : sheet.plan.unknown)
            if (const auto& row = sheet.rows[local]; row.id)
                findings.push_back(
                    team::notShownFinding(sheet.name, row.row, sheet.idColumn,
                                          std::string(team::kIdHeader.in(sheet.lang)), *row.id));
    outcome.conflicts =
        static_cast<long>(std::count_if(findings.begin(), findings.end(), [](const Finding& f) {
            return f.rule == "SYNC_CONFLICT";
        }));
    outcome.refused = refusedRows;
    outcome.milliseconds = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                 std::chrono::steady_clock::now() - start)
                                                 .count());
    std::string message(msg::kSyncDone.in(uiLang));
    for (long n : {outcome.pulled, outcome.pushed, outcome.numbered, outcome.conflicts,
                   outcome.milliseconds})
        message = msg::format(message, std::to_string(n));
    if (!findings.empty()) validate(context, doc, findings);  // beside Validate's findings
    if (outcome.conflicts > 0)
        message += "\n" + std::string(msg::kSyncConflictsSeeReport.in(uiLang));
    if (refusedRows > 0)
        message += "\n" + msg::format(msg::kSyncRefused.in(uiLang), std::to_string(refusedRows));
    if (moved > 0)
        message += "\n" + msg::format(msg::kSyncMovedRows.in(uiLang), std::to_string(moved));
    long unknown = 0;
    for (const auto& sheet : sheets) unknown += static_cast<long>(sheet.plan.unknown.size());
    if (unknown > 0)
        message += "\n" + msg::format(msg::kSyncUnknownRows.in(uiLang), std::to_string(unknown));
    outcome.message = message;
    times.mark("report");
    return outcome;
}

}  // namespace dealsheet::uno
