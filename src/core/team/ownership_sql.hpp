// One customer, one owner across the team (SPEC §12): the server side, generated with the rest
// of the team register's SQL. The server keeps its own match keys of every customer (never the
// client's), decides who first registered a company (报备), releases customers nobody followed up
// to the pool (公海), and enforces the daily claim limit and the former owner's cooldown.
#pragma once

#include <string>

#include "core/workbook/schema.hpp"

namespace dealsheet {

// The tables, functions and triggers of ownership, for a register whose customers table and
// match-key functions (match_sql) exist. Also what an upgrade from version 4 runs: it records
// who owns each existing customer since when (the row's first version on the server).
std::string ownershipSql(const Schema& schema);

// The member's policy on the customers table: their own customers, and the pool's to read and
// to claim (a claim writes their own name into 负责人).
std::string memberCustomersPolicySql();

}  // namespace dealsheet
