#include "core/team/team_sync.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/team/team_messages.hpp"
#include "core/team/team_sql.hpp"
#include "core/text/messages.hpp"
#include "core/text/text.hpp"

namespace dealsheet::team {
namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

std::vector<SyncColumn> syncedColumns(const RecognisedSheet& sheet) {
    std::vector<SyncColumn> columns;
    for (std::size_t i = 0; i < sheet.schema->columns.size() && i < sheet.columnOf.size(); ++i) {
        const ColumnSchema& column = sheet.schema->columns[i];
        if (sheet.columnOf[i] >= 0 && isSyncedColumn(column))
            columns.push_back({&column, sheet.columnOf[i]});
    }
    return columns;
}

std::string toServerText(const CellValue& value, const ColumnSchema& column,
                         const SerialDates& dates) {
    if (const auto* text = std::get_if<std::string>(&value)) return *text;
    if (const auto* number = std::get_if<double>(&value)) {
        if (column.isDate() && *number == std::floor(*number))
            if (const auto civil = dates.toCivil(*number)) return isoDate(*civil);
        return formatNumber(*number);
    }
    return {};
}

CellValue fromServerText(std::string text, const ColumnSchema& column, const SerialDates& dates) {
    if (text.empty()) return std::monostate{};
    if (column.isDate()) {
        if (const auto civil = parseIsoDate(text))
            if (const auto serial = dates.toSerial(*civil))
                if (toServerText(static_cast<double>(*serial), column, dates) == text)
                    return static_cast<double>(*serial);
    }
    if (column.isNumeric() || column.isDate()) {
        char* end = nullptr;
        const double number = std::strtod(text.c_str(), &end);
        if (end && *end == '\0' && std::isfinite(number) && formatNumber(number) == text)
            return number;
    }
    return text;
}

std::vector<std::pair<long long, long long>> basesNeeded(const std::vector<LocalRow>& local,
                                                         const std::vector<ServerRow>& server) {
    std::unordered_map<long long, long long> versions(server.size());
    for (const auto& row : server) versions[row.id] = row.version;
    std::vector<std::pair<long long, long long>> needed;
    std::unordered_set<long long> seen(local.size());
    for (const auto& row : local) {
        if (!row.id || !row.base || !seen.insert(*row.id).second) continue;
        const auto it = versions.find(*row.id);
        if (it != versions.end() && it->second != *row.base)
            needed.emplace_back(*row.id, *row.base);
    }
    return needed;
}

std::vector<std::size_t> newRows(const std::vector<LocalRow>& local) {
    std::vector<std::size_t> rows;
    std::unordered_set<long long> seen(local.size());
    for (std::size_t i = 0; i < local.size(); ++i) {
        const LocalRow& row = local[i];
        // A row the user copied together with its hidden id is a new row, not the same one.
        const bool firstWithId = row.id && seen.insert(*row.id).second;
        if (!firstWithId && row.filled) rows.push_back(i);
    }
    return rows;
}

namespace {

std::size_t column(int index) { return static_cast<std::size_t>(index); }

// Local rows by their key value, for telling a re-labelled row (see Moved).
std::unordered_map<std::string_view, std::vector<std::size_t>> rowsByKey(
    const std::vector<LocalRow>& local, int key) {
    std::unordered_map<std::string_view, std::vector<std::size_t>> rows;
    if (key < 0) return rows;
    rows.reserve(local.size());
    for (std::size_t i = 0; i < local.size(); ++i)
        if (column(key) < local[i].values.size() && !local[i].values[column(key)].empty())
            rows[local[i].values[column(key)]].push_back(i);
    return rows;
}

}  // namespace

Plan plan(const std::vector<LocalRow>& local, std::vector<ServerRow> server,
          const std::map<long long, Values>& bases, bool incremental,
          const std::set<long long>& visible, PlanColumns special) {
    Plan result;
    // Hash maps sized once: a lead's first pull plans 100,000 rows a sheet.
    std::unordered_map<long long, const ServerRow*> byId(server.size());
    for (const auto& row : server) byId[row.id] = &row;
    std::unordered_set<long long> seen(local.size());
    // Built at the first changed key only: most syncs change no key.
    std::optional<std::unordered_map<std::string_view, std::vector<std::size_t>>> byKey;
    std::vector<Push> updates;
    for (std::size_t i = 0; i < local.size(); ++i) {
        const LocalRow& row = local[i];
        // A row the user copied together with its hidden id is a new row, not the same one.
        const bool firstWithId = row.id && seen.insert(*row.id).second;
        if (!firstWithId) {
            if (row.filled) result.pushes.push_back({i, std::nullopt, 0, row.values});
            continue;
        }
        const auto found = byId.find(*row.id);
        if (found == byId.end()) {
            if (!incremental || !visible.count(*row.id))
                result.unknown.push_back(i);
            else if (row.base && !row.matchesHash)
                updates.push_back({i, row.id, *row.base, row.values});
            continue;
        }
        const ServerRow& theirs = *found->second;
        const long long base = row.base.value_or(-1);
        const auto baseIt = bases.find(*row.id);
        const Values* before = theirs.version == base  ? &theirs.values
                               : baseIt != bases.end() ? &baseIt->second
                                                       : nullptr;
        // The key the Sync ID stands for, now on another row while this one has another key.
        if (special.key >= 0 && before && column(special.key) < before->size()) {
            const std::string& oldKey = (*before)[column(special.key)];
            if (!oldKey.empty() && row.values[column(special.key)] != oldKey) {
                if (!byKey) byKey = rowsByKey(local, special.key);
                const auto holders = byKey->find(oldKey);
                if (holders != byKey->end() &&
                    std::any_of(holders->second.begin(), holders->second.end(),
                                [&](std::size_t other) { return other != i; })) {
                    result.moved.push_back({i, oldKey});
                    continue;
                }
            }
        }
        // An issued number is never blanked: the server's comes back into the cell.
        const Values* mineValues = &row.values;
        Values withNumber;
        if (special.number >= 0 && column(special.number) < theirs.values.size() &&
            row.values[column(special.number)].empty() &&
            !theirs.values[column(special.number)].empty()) {
            withNumber = row.values;
            withNumber[column(special.number)] = theirs.values[column(special.number)];
            mineValues = &withNumber;
        }
        const Values& mine = *mineValues;
        if (theirs.version == base) {
            if (mineValues != &row.values)
                result.pulls.push_back({i, theirs.id, theirs.version, mine, theirs.values});
            if (mine != theirs.values) updates.push_back({i, row.id, theirs.version, mine});
            continue;
        }
        // The server has a version this workbook has not seen: merge cell by cell.
        Values merged = mine;
        bool conflicted = false;
        for (std::size_t c = 0; c < mine.size() && c < theirs.values.size(); ++c) {
            const std::string& l = mine[c];
            const std::string& s = theirs.values[c];
            if (l == s) continue;
            const std::string* b = before && c < before->size() ? &(*before)[c] : nullptr;
            if (b && l == *b) {
                merged[c] = s;  // only the server changed it
            } else if (b && s == *b) {
                // only this workbook changed it: keep, push below
            } else if (row.refused) {
                merged[c] = s;  // the server refused this value and has changed it since
            } else {
                result.conflicts.push_back({i, c, l, s});
                conflicted = true;
            }
        }
        result.pulls.push_back({i, theirs.id, theirs.version, merged, theirs.values});
        if (!conflicted && merged != theirs.values)
            updates.push_back({i, row.id, theirs.version, merged});
    }
    result.pushes.insert(result.pushes.end(), std::make_move_iterator(updates.begin()),
                         std::make_move_iterator(updates.end()));
    result.pulls.reserve(result.pulls.size() + server.size() -
                         std::min(server.size(), seen.size()));
    for (auto& row : server)
        if (!seen.count(row.id)) {
            Values values = row.values;
            result.pulls.push_back(
                {std::nullopt, row.id, row.version, std::move(values), std::move(row.values)});
        }
    return result;
}

std::string rowHash(const std::vector<SyncColumn>& columns, const Values& values) {
    std::uint64_t hash = 14695981039346656037ULL;
    const auto add = [&](std::string_view text) {
        for (const char c : text) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ULL;
        }
    };
    for (std::size_t c = 0; c < columns.size() && c < values.size(); ++c) {
        add(columns[c].schema->id);
        add("\x1f");
        add(values[c]);
        add("\x1e");
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

std::vector<long long> idsToAsk(const std::vector<LocalRow>& local) {
    std::vector<long long> ids;
    std::set<long long> seen;
    for (const auto& row : local)
        if (row.id && seen.insert(*row.id).second && (!row.hash || !row.base || !row.matchesHash))
            ids.push_back(*row.id);
    return ids;
}

std::string fingerprint(const std::vector<std::pair<long long, long long>>& idVersions) {
    std::uint64_t sum = 0;
    for (const auto& [id, version] : idVersions) {
        // splitmix64 of the pair: a sum of well-mixed values is order-free and collision-poor.
        std::uint64_t z = static_cast<std::uint64_t>(id) * 0x9e3779b97f4a7c15ULL +
                          static_cast<std::uint64_t>(version);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        sum += z ^ (z >> 31);
    }
    char text[40];
    std::snprintf(text, sizeof text, "%zu.%016llx", idVersions.size(),
                  static_cast<unsigned long long>(sum));
    return text;
}

std::string fingerprint(const std::vector<LocalRow>& local) {
    std::vector<std::pair<long long, long long>> pairs;
    std::set<long long> seen;
    for (const auto& row : local)
        if (row.id && seen.insert(*row.id).second)
            pairs.emplace_back(*row.id, row.base.value_or(0));
    return fingerprint(pairs);
}

std::map<std::string, std::string> parseMarks(std::string_view text, std::string_view registerId) {
    std::map<std::string, std::string> marks;
    std::vector<std::string> words;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find(' ', at), text.size());
        if (end > at) words.emplace_back(text.substr(at, end - at));
        at = end + 1;
    }
    if (words.empty() || registerId.empty() || words[0] != registerId) return marks;
    for (std::size_t i = 1; i < words.size(); ++i) {
        const std::size_t equals = words[i].find('=');
        const std::string mark = equals == std::string::npos ? "" : words[i].substr(equals + 1);
        const std::size_t colon = mark.find(':');
        if (colon == 0 || colon == std::string::npos || colon > 19 || mark.size() > 60 ||
            !std::all_of(mark.begin(), mark.begin() + static_cast<long>(colon),
                         [](char c) { return c >= '0' && c <= '9'; }))
            return {};
        marks[words[i].substr(0, equals)] = mark;
    }
    return marks;
}

std::string formatMarks(std::string_view registerId,
                        const std::map<std::string, std::string>& marks) {
    std::string text(registerId);
    for (const auto& [sheet, mark] : marks) text += " " + sheet + "=" + mark;
    return text;
}

std::string jsonString(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", u);
            out += buffer;
        } else if (c != '\0') {
            out += c;
        }
    }
    return out + "\"";
}

std::string rowAsJson(const std::vector<SyncColumn>& columns, std::string_view prefix) {
    const std::string p(prefix);
    // Each column cast to text: the same text the driver's getString gave for the column.
    std::string sql =
        "CAST(array_to_json(ARRAY[CAST(" + p + "row_id AS text), CAST(" + p + "version AS text)";
    for (const auto& column : columns)
        sql += ", CAST(" + p + sqlName(column.schema->id) + " AS text)";
    return sql + "]) AS text)";
}

namespace {

std::optional<char32_t> hexUnit(std::string_view json, std::size_t& at) {
    if (at + 4 > json.size()) return std::nullopt;
    char32_t unit = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const char c = json[at + i];
        const int digit = c >= '0' && c <= '9'   ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
        if (digit < 0) return std::nullopt;
        unit = unit * 16 + static_cast<char32_t>(digit);
    }
    at += 4;
    return unit;
}

// The string starting after its opening quote at `at`; `at` ends after the closing quote.
std::optional<std::string> jsonText(std::string_view json, std::size_t& at) {
    std::string text;
    for (;;) {
        // Copy the run up to the next quote, backslash or control character at once.
        std::size_t end = at;
        while (end < json.size() && json[end] != '"' && json[end] != '\\' &&
               static_cast<unsigned char>(json[end]) >= 0x20)
            ++end;
        text.append(json, at, end - at);
        at = end;
        if (at >= json.size() || static_cast<unsigned char>(json[at]) < 0x20) return std::nullopt;
        if (json[at++] == '"') return text;
        if (at >= json.size()) return std::nullopt;
        const char escaped = json[at++];
        constexpr std::string_view kEscapes = "\"\\/bfnrt", kMeanings = "\"\\/\b\f\n\r\t";
        if (const auto k = kEscapes.find(escaped); k != std::string_view::npos) {
            text += kMeanings[k];
            continue;
        }
        if (escaped != 'u') return std::nullopt;
        auto unit = hexUnit(json, at);
        if (!unit || (*unit >= 0xDC00 && *unit < 0xE000)) return std::nullopt;
        if (*unit >= 0xD800 && *unit < 0xDC00) {  // a high surrogate: its low one follows
            if (json.substr(at, 2) != "\\u") return std::nullopt;
            at += 2;
            const auto low = hexUnit(json, at);
            if (!low || *low < 0xDC00 || *low >= 0xE000) return std::nullopt;
            unit = 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00);
        }
        appendUtf8(text, *unit);
    }
}

}  // namespace

std::optional<std::vector<std::optional<std::string>>> parseJsonTexts(std::string_view json) {
    std::vector<std::optional<std::string>> texts;
    std::size_t at = 0;
    const auto skipSpaces = [&] {
        while (at < json.size() &&
               (json[at] == ' ' || json[at] == '\t' || json[at] == '\n' || json[at] == '\r'))
            ++at;
    };
    const auto take = [&](char c) {
        skipSpaces();
        if (at >= json.size() || json[at] != c) return false;
        ++at;
        return true;
    };
    if (!take('[')) return std::nullopt;
    if (!take(']')) {
        do {
            skipSpaces();
            if (json.substr(at, 4) == "null") {
                texts.emplace_back();
                at += 4;
            } else if (at < json.size() && json[at] == '"') {
                auto text = jsonText(json, ++at);
                if (!text) return std::nullopt;
                texts.emplace_back(std::move(*text));
            } else {
                return std::nullopt;
            }
        } while (take(','));
        if (!take(']')) return std::nullopt;
    }
    skipSpaces();
    if (at != json.size()) return std::nullopt;
    return texts;
}

std::optional<ServerRow> parseServerRow(std::string_view json, std::size_t columns) {
    auto texts = parseJsonTexts(json);
    if (!texts || texts->size() != columns + 2) return std::nullopt;
    const auto whole = [](const std::optional<std::string>& text) -> std::optional<long long> {
        if (!text || text->empty() || text->size() > 18 ||
            !std::all_of(text->begin(), text->end(), [](char c) { return c >= '0' && c <= '9'; }))
            return std::nullopt;
        return std::stoll(*text);
    };
    const auto id = whole((*texts)[0]), version = whole((*texts)[1]);
    if (!id || !version) return std::nullopt;
    ServerRow row{*id, *version, {}};
    row.values.reserve(columns);
    for (std::size_t c = 2; c < texts->size(); ++c)
        row.values.push_back(std::move((*texts)[c]).value_or(std::string()));
    return row;
}

std::string pushRecords(const std::vector<Push>& pushes, const std::vector<SyncColumn>& columns,
                        const std::vector<long long>& newIds) {
    std::string json = "[";
    std::size_t nextNew = 0;
    for (std::size_t p = 0; p < pushes.size(); ++p) {
        const Push& push = pushes[p];
        const long long id = push.id ? *push.id : newIds.at(nextNew++);
        json += (p ? ",{" : "{") + std::string("\"ord\":") + std::to_string(p) +
                ",\"row_id\":" + std::to_string(id) + ",\"base\":" + std::to_string(push.expected);
        for (std::size_t c = 0; c < columns.size() && c < push.values.size(); ++c) {
            json += ",\"" + sqlName(columns[c].schema->id) + "\":";
            json += push.values[c].empty() ? std::string("null") : jsonString(push.values[c]);
        }
        json += "}";
    }
    return json + "]";
}

std::string idVersionRecords(const std::vector<std::pair<long long, long long>>& pairs) {
    std::string json = "[";
    for (std::size_t i = 0; i < pairs.size(); ++i)
        json += (i ? ",{" : "{") + std::string("\"row_id\":") + std::to_string(pairs[i].first) +
                ",\"version\":" + std::to_string(pairs[i].second) + "}";
    return json + "]";
}

Connection connectionUrl(std::string_view database, std::string_view user) {
    Connection result;
    const std::string trimmedDatabase(trimSpaces(database));
    const std::string trimmedUser(trimSpaces(user));
    if (trimmedDatabase.empty()) {
        result.problem = msg::kNoTeamDatabase;
        return result;
    }
    if (trimmedUser.empty()) {
        result.problem = msg::kNoTeamUser;
        return result;
    }
    // name=value pairs: a name of letters and underscores, a value without spaces or quotes.
    std::set<std::string> names;
    std::size_t at = 0;
    const std::string& s = trimmedDatabase;
    while (at < s.size()) {
        if (s[at] == ' ') {
            ++at;
            continue;
        }
        const std::size_t equals = s.find('=', at);
        const std::size_t space = s.find(' ', at);
        if (equals == std::string::npos || (space != std::string::npos && space < equals)) {
            result.problem = msg::kBadConnection;
            return result;
        }
        const std::string name = lower(s.substr(at, equals - at));
        const std::size_t end = space == std::string::npos ? s.size() : space;
        const std::string value = s.substr(equals + 1, end - equals - 1);
        const bool nameOk = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
        });
        if (!nameOk || value.empty() || contains(value, "'") || contains(value, "\\")) {
            result.problem = msg::kBadConnection;
            return result;
        }
        if (name == "password" || name == "passfile") {
            result.problem = msg::kPasswordInDocument;
            return result;
        }
        if (name == "user") {
            result.problem = msg::kBadConnection;  // the user has a Settings row of its own
            return result;
        }
        names.insert(name);
        at = end;
    }
    std::string url = "sdbc:postgresql:" + s;
    if (!names.count("connect_timeout")) url += " connect_timeout=10";
    std::string quotedUser = "'";
    for (char c : trimmedUser) {
        if (c == '\'' || c == '\\') quotedUser += '\\';
        quotedUser += c;
    }
    result.url = url + " user=" + quotedUser + "'";
    return result;
}

Text explainDatabaseError(std::string_view message) {
    const std::string m = lower(message);
    if (contains(m, "no postgresql driver")) return msg::kNoDriver;
    if (contains(m, "password authentication failed") || contains(m, "no password supplied") ||
        (contains(m, "role") && contains(m, "does not exist")) ||
        contains(m, "no pg_hba.conf entry") || contains(m, "authentication failed"))
        return msg::kLoginRefused;
    if (contains(m, "database") && contains(m, "does not exist")) return msg::kNoDatabase;
    if (contains(m, "dealsheet") && contains(m, "does not exist")) return msg::kNoTeamSchema;
    if (contains(m, "terminating connection") || contains(m, "server closed the connection") ||
        contains(m, "no connection to the server") ||
        contains(m, "connection to server was lost") || contains(m, "could not receive data") ||
        contains(m, "could not send data") || contains(m, "connection is closed") ||
        contains(m, "administrator command"))
        return msg::kConnectionLost;
    if (contains(m, "could not connect") || contains(m, "connection refused") ||
        contains(m, "could not translate host name") || contains(m, "timeout expired") ||
        contains(m, "is the server running"))
        return msg::kServerUnreachable;
    if (contains(m, "invalid connection option") || contains(m, "missing \"=\"") ||
        contains(m, "invalid port") || contains(m, "invalid integer value"))
        return msg::kBadConnection;
    if (contains(m, "permission denied") || contains(m, "row-level security"))
        return msg::kNoPermission;
    return msg::kDatabaseError;
}

bool isRefusal(std::string_view sqlState, std::string_view message) {
    const std::string m = lower(message);
    if (sqlState == "42501" || sqlState == "P0001" || sqlState.substr(0, 2) == "22" ||
        sqlState.substr(0, 2) == "23")
        return true;
    return contains(m, "permission denied") || contains(m, "row-level security") ||
           contains(m, "dealsheet-approved-contract") || contains(m, "dealsheet-customer-number") ||
           contains(m, "dealsheet-claim") ||
           // LibreOffice's driver passes no SQLSTATE: the unique numbers by their message.
           contains(m, "violates unique constraint");
}

namespace {

// The fields after a tag, up to the end of the message's first line, split at '|'.
std::vector<std::string> taggedFields(std::string_view message, std::string_view tag) {
    const auto at = message.find(tag);
    if (at == std::string_view::npos) return {};
    std::string_view rest = message.substr(at + tag.size());
    rest = rest.substr(0, rest.find('\n'));
    std::vector<std::string> fields;
    for (std::size_t from = 0;;) {
        const auto bar = rest.find('|', from);
        fields.emplace_back(trimSpaces(rest.substr(from, bar - from)));
        if (bar == std::string_view::npos) break;
        from = bar + 1;
    }
    return fields;
}

}  // namespace

Refusal explainRefusal(std::string_view message, const SheetSchema& sheet) {
    const std::string m = lower(message);
    // A customer registered first by another (column|owner|since|until), or in the pool
    // (column|former owner|released): the owner's name is taken from the message as written.
    if (auto fields = taggedFields(message, "dealsheet-claimed:"); fields.size() == 4) {
        return {msg::kRefusedOther,
                {fields[0]},
                {},
                Refusal::Claim{false, fields[1], fields[2], fields[3]}};
    }
    if (auto fields = taggedFields(message, "dealsheet-claimed-pool:"); fields.size() == 3) {
        return {
            msg::kRefusedOther, {fields[0]}, {}, Refusal::Claim{true, fields[1], fields[2], {}}};
    }
    // The server's own guards name the columns they refuse after a tag.
    for (const auto& [tag, reason] :
         {std::pair<std::string_view, Text>{"dealsheet-approved-contract:",
                                            msg::kRefusedApprovedContract},
          {"dealsheet-customer-number:", msg::kRefusedIssuedNumber},
          {"dealsheet-claim-limit:", msg::kRefusedClaimLimit},
          {"dealsheet-claim-cooldown:", msg::kRefusedClaimCooldown}}) {
        const auto at = m.find(tag);
        if (at == std::string::npos) continue;
        Refusal refusal{reason, {}, {}};
        std::size_t from = at + tag.size();
        for (;;) {
            std::size_t end = from;
            while (end < m.size() &&
                   (std::isalnum(static_cast<unsigned char>(m[end])) || m[end] == '_'))
                ++end;
            if (end > from) refusal.columns.push_back(m.substr(from, end - from));
            if (end >= m.size() || m[end] != ',') break;
            from = end + 1;
        }
        return refusal;
    }
    // Numbers unique across the team (unique indexes of the server's SQL).
    if (contains(m, "customers_customer_no_unique"))
        return {msg::kRefusedDuplicateCustomerNo, {"customer_no"}, {}};
    if (contains(m, "approvals_contract_no_unique"))
        return {msg::kRefusedDuplicateContractNo, {"contract_no"}, {}};
    if (contains(m, "row-level security")) {
        const std::string column = ownershipColumn(sheet);
        return {sheet.id == "customers" ? msg::kRefusedNotYourCustomer : msg::kRefusedNotYourRow,
                column.empty() ? std::vector<std::string>{} : std::vector<std::string>{column},
                {}};
    }
    if (contains(m, "permission denied")) return {msg::kRefusedReadOnly, {}, {}};
    std::string first(message.substr(0, message.find('\n')));
    return {msg::kRefusedOther, {}, first};
}

namespace {

// A sync finding of rule `code` at a cell: its message with {value} and {detail} filled in,
// the detail per language.
Finding syncFinding(std::string_view code, const std::string& sheet, int row, int column,
                    const std::string& field, const std::string& value, Text detail) {
    const RuleDefinition& info = rule(code);
    const auto fill = [&](std::string_view pattern, std::string_view detailText) {
        std::string out(pattern);
        for (const auto& [key, text] :
             {std::pair<std::string_view, std::string_view>{"{value}", value},
              {"{detail}", detailText}})
            for (auto at = out.find(key); at != std::string::npos;
                 at = out.find(key, at + text.size()))
                out.replace(at, key.size(), text);
        return out;
    };
    return Finding{info.severity,
                   std::string(info.code),
                   sheet,
                   row,
                   column,
                   field,
                   value,
                   fill(info.message.zh, detail.zh),
                   fill(info.message.en, detail.en)};
}

// "已由 李娜 于 2026-11-03 报备，保护期至 2026-12-03": who owns a customer since when, and until
// when it is protected ("signed": as long as a contract is signed).
std::string claimedBy(Lang lang, const std::string& owner, const std::string& since,
                      const std::string& until) {
    const std::string protection = until == "signed"
                                       ? std::string(msg::kProtectedBySignedContract.in(lang))
                                       : msg::format(msg::kProtectedUntil.in(lang), until);
    return msg::format(msg::format(msg::format(msg::kClaimedBy.in(lang), owner), since),
                       protection);
}

}  // namespace

Finding refusedFinding(const std::string& sheet, int row, int column, const std::string& field,
                       const std::string& value, const Refusal& refusal) {
    if (refusal.claim) {
        const auto& claim = *refusal.claim;
        if (claim.pool)
            return syncFinding(
                "SYNC_CLAIMED", sheet, row, column, field, value,
                {msg::format(msg::format(msg::kClaimedInPool.zh, claim.owner), claim.since),
                 msg::format(msg::format(msg::kClaimedInPool.en, claim.owner), claim.since)});
        return syncFinding("SYNC_CLAIMED", sheet, row, column, field, value,
                           {claimedBy(Lang::Zh, claim.owner, claim.since, claim.until),
                            claimedBy(Lang::En, claim.owner, claim.since, claim.until)});
    }
    const std::string zh = msg::format(refusal.reason.zh, refusal.serverMessage);
    const std::string en = msg::format(refusal.reason.en, refusal.serverMessage);
    return syncFinding("SYNC_REFUSED", sheet, row, column, field, value, {zh, en});
}

Finding movedFinding(const std::string& sheet, int row, int column, const std::string& field,
                     const std::string& value, const std::string& oldKey) {
    return syncFinding("SYNC_MOVED", sheet, row, column, field, value, {oldKey, oldKey});
}

Finding notShownFinding(const std::string& sheet, int row, int column, const std::string& field,
                        long long id) {
    return syncFinding("SYNC_NOT_SHOWN", sheet, row, column, field, std::to_string(id), {});
}

Finding conflictFinding(const std::string& sheet, int row, int column, const std::string& field,
                        const std::string& mine, const std::string& theirs) {
    return syncFinding("SYNC_CONFLICT", sheet, row, column, field, mine, {theirs, theirs});
}

std::optional<Finding> noticeFinding(const Notice& notice, const std::string& sheet, int row,
                                     int column, const std::string& field,
                                     const std::string& value) {
    if (notice.kind == "released")
        return syncFinding("SYNC_RELEASED", sheet, row, column, field, value,
                           {notice.since, notice.since});
    if (notice.kind != "possible_duplicate") return std::nullopt;
    const auto detail = [&](Lang lang) {
        return notice.otherOwner.empty()
                   ? std::string(msg::kPossiblyInPool.in(lang))
                   : claimedBy(lang, notice.otherOwner, notice.since, notice.until);
    };
    return syncFinding("SYNC_POSSIBLE_DUPLICATE", sheet, row, column, field, value,
                       {detail(Lang::Zh), detail(Lang::En)});
}

}  // namespace dealsheet::team
