// The team register's server side (SPEC §8), generated from the schema: one table per data
// sheet with the system columns sync needs, a history of every version, the per-month
// customer numbering, and the schema version the extension checks before it syncs.
#pragma once

#include <string>
#include <string_view>

#include "core/workbook/schema.hpp"

namespace dealsheet {

// Raised whenever the generated SQL changes in a way an existing server must not miss.
// 2: roles and row-level security, change_xid; 3: ids reserved by the server, numbers and
// contract numbers unique, EXECUTE only where needed. 4: the register's 统一社会信用代码.
// 5: the server's match keys, one owner per customer, the pool (SPEC §12).
inline constexpr int kTeamSchemaVersion = 5;

// A text as an SQL string literal: quotes doubled ('李娜''s' for 李娜's).
std::string sqlLiteral(std::string_view text);

// The server's name of a schema id: "customerNo" -> "customer_no", "keyPoints" -> "key_points".
std::string sqlName(std::string_view id);

// Data sheets sync; the review, Settings and report sheets stay in each workbook.
bool isSyncedSheet(const SheetSchema& sheet);
// Columns the user types sync; computed and formula-filled columns are the sheet's own.
bool isSyncedColumn(const ColumnSchema& column);

// The column whose value decides which member's a row is: 负责人 on Customers, else the
// customer number or contract number the row refers to ("" when none).
std::string ownershipColumn(const SheetSchema& sheet);

// The whole SQL file an administrator runs once (server/dealsheet-team.sql).
std::string teamServerSql(const Schema& schema);

// The steps that bring a register made by version `from` (3 or later) to kTeamSchemaVersion,
// in one transaction (server/upgrade-3.sql); throws std::invalid_argument for a version it
// cannot upgrade.
std::string teamUpgradeSql(const Schema& schema, int from);

}  // namespace dealsheet
