// The match keys of SPEC §12 computed by the team server itself (PL/pgSQL), so that it never
// has to trust a client's keys: dealsheet.name_key, same_company, region_within, mobile_keys,
// landline_keys and credit_code_key give what core/matching's nameKey, sameCompany,
// phoneKeys and normaliseCreditCode/validCreditCode give (tests/team_match_keys.sh compares
// them on a real server). The word lists become tables filled from the lists compiled into
// the core, and the folding tables are read off the core's own folding, so there is one source.
#pragma once

#include <string>

namespace dealsheet {

// The SQL that creates the word-list tables, the key functions and their grants in schema
// dealsheet (part of server/dealsheet-team.sql, and of the upgrade to schema version 5).
std::string matchKeysSql();

}  // namespace dealsheet
