#include "core/team/match_sql.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "core/matching/credit_code.hpp"
#include "core/matching/name_key.hpp"
#include "core/matching/word_lists.hpp"
#include "core/team/team_sql.hpp"
#include "core/text/text.hpp"
#include "core/validate/contact.hpp"

namespace dealsheet {
namespace {

// ---- Text for the SQL file --------------------------------------------------------------

std::string hex4(char32_t c) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%04X", static_cast<unsigned>(c));
    return buffer;
}

// An E'' literal of code points, all but ASCII letters and digits as \uXXXX: the file stays
// readable whatever the characters are (controls, quotes, backslashes).
std::string escapedLiteral(const std::u32string& chars) {
    std::string out = "E'";
    for (char32_t c : chars) {
        if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9'))
            out += static_cast<char>(c);
        else
            out += "\\u" + hex4(c);
    }
    return out + "'";
}

// A regular expression bracket expression of the code points, as ranges of \uXXXX.
std::string bracketExpression(const std::vector<char32_t>& sorted) {
    std::string out = "[";
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1) ++j;
        out += "\\u" + hex4(sorted[i]);
        if (j > i) out += "-\\u" + hex4(sorted[j]);
        i = j + 1;
    }
    return out + "]";
}

std::u32string codePoints(std::string_view utf8) {
    std::u32string out;
    for (std::size_t pos = 0; pos < utf8.size();) out += decodeUtf8(utf8, pos);
    return out;
}

std::string utf8(char32_t c) {
    std::string out;
    appendUtf8(out, c);
    return out;
}

// Every code point of the Basic Multilingual Plane a text may hold (no NUL, no surrogates).
// Past it the core's foldings change nothing.
template <typename Visit>
void forEachBmpCodePoint(Visit visit) {
    for (char32_t c = 1; c <= 0xFFFF; ++c)
        if (c < 0xD800 || c > 0xDFFF) visit(c);
}

// ---- The foldings, read off the core's own functions ------------------------------------

struct Translation {
    std::u32string from, to;  // translate(text, from, to); characters of `from` past `to` go
};

// foldCompanyName character by character: between two letters each character is kept,
// replaced by one other (full width, capitals, brackets) or a separator (dropped or a space,
// which splits two ASCII words). The SQL does the same with translate() and one class.
struct NameFolding {
    Translation mapped;
    std::vector<char32_t> separators;
};

NameFolding nameFolding() {
    NameFolding folding;
    forEachBmpCodePoint([&](char32_t c) {
        const std::string folded = foldCompanyName("a" + utf8(c) + "b");
        if (folded == "a b") {
            folding.separators.push_back(c);
            return;
        }
        const std::u32string inner = codePoints(folded);
        if (inner.size() != 3 || inner.front() != U'a' || inner.back() != U'b')
            throw std::logic_error("foldCompanyName folds U+" + hex4(c) + " in a way SQL cannot");
        if (inner[1] != c) {
            folding.mapped.from += c;
            folding.mapped.to += inner[1];
        }
    });
    return folding;
}

// normaliseCreditCode character by character: kept, replaced by one other, or removed.
Translation creditCodeFolding() {
    Translation removed, folding;
    forEachBmpCodePoint([&](char32_t c) {
        const std::u32string out = codePoints(normaliseCreditCode(utf8(c)));
        if (out.empty()) {
            removed.from += c;
        } else if (out.size() != 1) {
            throw std::logic_error("normaliseCreditCode folds U+" + hex4(c) + " into several");
        } else if (out[0] != c) {
            folding.from += c;
            folding.to += out[0];
        }
    });
    folding.from += removed.from;  // past `to`: removed
    return folding;
}

// validate/contact's reading of a 联系方式 cell before it is split: full width to ASCII,
// 【〔〕】 to brackets, dashes to '-', the separators / ; , 、 and line breaks to '\n', spaces
// to ' ' (phonePieces, normaliseContact).
Translation contactFolding() {
    Translation folding;
    forEachBmpCodePoint([&](char32_t c) {
        char32_t m = c;
        if (m >= 0xFF01 && m <= 0xFF5E) m -= 0xFEE0;
        if (m == 0x3010 || m == 0x3014) m = U'(';
        if (m == 0x3011 || m == 0x3015) m = U')';
        if (m == 0x2014 || m == 0x2013 || m == 0x2012) m = U'-';
        if (m == U'/' || m == U';' || m == U',' || m == 0x3001 || m == U'\n' || m == U'\r')
            m = U'\n';
        else if (isSpaceCodePoint(m))
            m = U' ';
        if (m != c) {
            folding.from += c;
            folding.to += m;
        }
    });
    return folding;
}

// phoneNumberKindOfDigits as one CASE over `digits`, from the same table of rules.
std::string phoneKindCase() {
    std::string sql = "CASE";
    for (const PhoneNumberRule& rule : phoneNumberRules()) {
        std::string prefixes;
        for (std::string_view p : rule.prefixes)
            prefixes += (prefixes.empty() ? "" : "|") + std::string(p);
        std::string re = "^(?=(?:" + prefixes + "))(?=[0-9]{" + std::to_string(rule.minDigits) +
                         "," + std::to_string(rule.maxDigits) + "}$)";
        if (rule.areaDigits > 0) re += "[0-9]{" + std::to_string(rule.areaDigits) + "}[2-9]";
        const char* kind = "none";
        switch (rule.kind) {
            case PhoneNumberKind::Mobile:
                kind = "mobile";
                break;
            case PhoneNumberKind::Service:
                kind = "service";
                break;
            case PhoneNumberKind::MistypedMobile:
                kind = "mistyped";
                break;
            case PhoneNumberKind::Landline:
                kind = "landline";
                break;
            case PhoneNumberKind::Local:
                kind = "local";
                break;
            case PhoneNumberKind::Foreign:
                kind = "foreign";
                break;
            case PhoneNumberKind::None:
                break;
        }
        sql +=
            "\n    WHEN digits OPERATOR(pg_catalog.~) " + sqlLiteral(re) + " THEN '" + kind + "'";
    }
    return sql + "\n    ELSE 'none' END";
}

// GB 32100-2015: weights 3^(i-1) mod 31 of positions 1..17.
std::string creditCodeWeights() {
    std::string out = "'{";
    int weight = 1;
    for (int i = 0; i < 17; ++i) {
        out += (i ? "," : "") + std::to_string(weight);
        weight = weight * 3 % 31;
    }
    return out + "}'";
}

// ---- The word lists, as core/matching reads them ----------------------------------------

// Lines without '#' comments and blank lines, each split at spaces unless `wholeLines`.
std::vector<std::vector<std::string>> listEntries(std::string_view list, bool wholeLines) {
    std::vector<std::vector<std::string>> lines;
    for (std::size_t start = 0; start < list.size();) {
        auto end = list.find('\n', start);
        if (end == std::string_view::npos) end = list.size();
        const std::string_view line = trimSpaces(list.substr(start, end - start));
        start = end + 1;
        if (line.empty() || line.front() == '#') continue;
        std::vector<std::string> words;
        if (wholeLines) {
            words.emplace_back(line);
        } else {
            for (std::size_t from = 0; from < line.size();) {
                auto to = line.find_first_of(" \t", from);
                if (to == std::string_view::npos) to = line.size();
                if (to > from) words.emplace_back(line.substr(from, to - from));
                from = to + 1;
            }
        }
        lines.push_back(std::move(words));
    }
    return lines;
}

// INSERT of (folded word[, value]) rows, each folded word once (the first, as the core keeps).
std::string insertRows(const std::string& table,
                       const std::vector<std::pair<std::string, std::string>>& rows,
                       bool withValue) {
    std::set<std::string> seen;
    std::string sql = "INSERT INTO " + table + " VALUES";
    bool first = true;
    for (const auto& [word, value] : rows) {
        if (word.empty() || !seen.insert(word).second) continue;
        sql += (first ? "\n  (" : ",\n  (") + sqlLiteral(word);
        if (withValue) sql += ", " + sqlLiteral(value);
        sql += ")";
        first = false;
    }
    return sql + ";\n";
}

std::string wordListsSql() {
    std::vector<std::pair<std::string, std::string>> legal, branch, regions, parents, industry;
    for (const auto& line : listEntries(legalFormsList(), true))
        legal.emplace_back(foldCompanyName(line.front()), "");
    for (const auto& line : listEntries(branchWordsList(), true))
        branch.emplace_back(foldCompanyName(line.front()), "");
    for (const auto& line : listEntries(regionsList(), false))
        for (const std::string& word : line) {
            if (word.front() == '<')
                parents.emplace_back(line.front(), word.substr(1));
            else
                regions.emplace_back(foldCompanyName(word), line.front());
        }
    for (const auto& line : listEntries(industryClassesList(), false))
        for (const std::string& word : line)
            industry.emplace_back(foldCompanyName(word), line.front());
    return insertRows("dealsheet.match_legal_forms", legal, false) +
           insertRows("dealsheet.match_branch_words", branch, false) +
           insertRows("dealsheet.match_regions", regions, true) +
           insertRows("dealsheet.match_region_parents", parents, true) +
           insertRows("dealsheet.match_industry_words", industry, true);
}

const char* kTables = R"(
-- ---- Match keys (SPEC section 12), computed by the server itself ------------------------
-- The server never trusts a client's keys: it computes them with the functions below, which
-- give what the extension's core gives (core/matching; tests/team_match_keys.sh compares the
-- two on a real server). The word lists are those compiled into the extension
-- (schema/matching/*.txt), already folded as names are; only the register's owner reads or
-- changes them. The functions read none of them while they run: compile_match_lists() turns
-- them into lookup objects held as one constant in match_lists(), built again whenever a list
-- changes (a key computed before keeps the lists of its time). The keys' functions run as
-- their caller and are granted to lead and member (a push computes keys as the salesperson);
-- they reveal nothing but the word lists. Keys of names of thousands of characters take time
-- growing with the square of the length (2 s for a 10,000-character branch name).
CREATE TABLE dealsheet.match_legal_forms (form text PRIMARY KEY);
COMMENT ON TABLE dealsheet.match_legal_forms IS 'Legal forms (组织形式) at the end of a name, folded (schema/matching/legal_forms.txt)';
CREATE TABLE dealsheet.match_branch_words (word text PRIMARY KEY);
COMMENT ON TABLE dealsheet.match_branch_words IS 'Words that end a branch''s name, folded (schema/matching/branch_words.txt)';
CREATE TABLE dealsheet.match_regions (written text PRIMARY KEY, region text NOT NULL);
COMMENT ON TABLE dealsheet.match_regions IS 'A region as written (folded) and its short name (schema/matching/regions.txt)';
CREATE TABLE dealsheet.match_region_parents (region text PRIMARY KEY, parent text NOT NULL);
COMMENT ON TABLE dealsheet.match_region_parents IS 'The region a region lies in (schema/matching/regions.txt, <X)';
CREATE TABLE dealsheet.match_industry_words (word text PRIMARY KEY, class text NOT NULL);
COMMENT ON TABLE dealsheet.match_industry_words IS 'Industry words (folded) and their synonym class (schema/matching/industry_classes.txt)';
)";

const char* kFunctions = R"(
-- The word lists as the functions use them: jsonb objects of the words (a word -> its value),
-- and for each character a word starts with (regions; industry words inside a branch's name)
-- or ends with (legal forms, branch and industry words), the length of the longest such word, so that a name is looked up only where a word may stand,
-- the longest first, as the core does (large alternations of regular expressions measured 5
-- to 60 times slower in PostgreSQL 15).
CREATE TYPE dealsheet.match_lists_t AS (
  legal_forms jsonb, legal_last jsonb, branch_words jsonb, branch_last jsonb,
  regions jsonb, region_first jsonb, region_parents jsonb,
  industries jsonb, industry_first jsonb, industry_last jsonb);
CREATE FUNCTION dealsheet.match_lists() RETURNS dealsheet.match_lists_t LANGUAGE sql
IMMUTABLE PARALLEL SAFE AS $f$ SELECT NULL::dealsheet.match_lists_t $f$;
CREATE FUNCTION dealsheet.compile_match_lists() RETURNS void LANGUAGE plpgsql
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  l dealsheet.match_lists_t;
BEGIN
  WITH words AS (
    SELECT 'legal' AS list, form AS word, 'true'::jsonb AS value FROM dealsheet.match_legal_forms
    UNION ALL SELECT 'branch', word, 'true' FROM dealsheet.match_branch_words
    UNION ALL SELECT 'region', written, to_jsonb(region) FROM dealsheet.match_regions
    UNION ALL SELECT 'industry', word, to_jsonb(class) FROM dealsheet.match_industry_words),
  firsts AS (
    SELECT list, jsonb_object_agg(c, n) AS longest
    FROM (SELECT list, left(word, 1) AS c, max(length(word)) AS n FROM words WHERE word <> ''
          GROUP BY 1, 2) f GROUP BY 1),
  lasts AS (
    SELECT list, jsonb_object_agg(c, n) AS longest
    FROM (SELECT list, right(word, 1) AS c, max(length(word)) AS n FROM words WHERE word <> ''
          GROUP BY 1, 2) f GROUP BY 1),
  objects AS (SELECT list, jsonb_object_agg(word, value) AS words FROM words WHERE word <> '' GROUP BY 1)
  SELECT (SELECT words FROM objects WHERE list = 'legal'),
         (SELECT longest FROM lasts WHERE list = 'legal'),
         (SELECT words FROM objects WHERE list = 'branch'),
         (SELECT longest FROM lasts WHERE list = 'branch'),
         (SELECT words FROM objects WHERE list = 'region'),
         (SELECT longest FROM firsts WHERE list = 'region'),
         (SELECT coalesce(jsonb_object_agg(region, parent), '{}') FROM dealsheet.match_region_parents),
         (SELECT words FROM objects WHERE list = 'industry'),
         (SELECT longest FROM firsts WHERE list = 'industry'),
         (SELECT longest FROM lasts WHERE list = 'industry')
    INTO l;
  l.legal_forms := coalesce(l.legal_forms, '{}');
  l.legal_last := coalesce(l.legal_last, '{}');
  l.branch_words := coalesce(l.branch_words, '{}');
  l.branch_last := coalesce(l.branch_last, '{}');
  l.regions := coalesce(l.regions, '{}');
  l.region_first := coalesce(l.region_first, '{}');
  l.industries := coalesce(l.industries, '{}');
  l.industry_first := coalesce(l.industry_first, '{}');
  l.industry_last := coalesce(l.industry_last, '{}');
  EXECUTE format('CREATE OR REPLACE FUNCTION dealsheet.match_lists() RETURNS dealsheet.match_lists_t '
                 'LANGUAGE sql IMMUTABLE PARALLEL SAFE AS %L',
                 format('SELECT %L::dealsheet.match_lists_t', l));
END $f$;
CREATE FUNCTION dealsheet.compile_match_lists_trigger() RETURNS trigger LANGUAGE plpgsql
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
BEGIN
  PERFORM dealsheet.compile_match_lists();
  RETURN NULL;
END $f$;

-- A name key as the core's NameKey: 字号, industry classes (sorted, '+' between), legal form,
-- most specific region, branch.
CREATE TYPE dealsheet.name_key_t AS (
  core text, industry_class text, legal_form text, region text, branch text);

-- True when region `inner` lies in `outer` (深圳 in 广东), or is it.
CREATE FUNCTION dealsheet.region_within(inner_region text, outer_region text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  at text := inner_region;
  parents jsonb := (dealsheet.match_lists()).region_parents;
BEGIN
  FOR depth IN 1..8 LOOP  -- the lists nest three deep at most
    IF at = outer_region THEN RETURN true; END IF;
    at := parents ->> at;
    IF at IS NULL THEN RETURN false; END IF;
  END LOOP;
  RETURN false;
END $f$;

-- The length of the longest region written at `at` in `s` (0 for none).
CREATE FUNCTION dealsheet.region_at(s text, at integer) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  l dealsheet.match_lists_t := dealsheet.match_lists();
  n integer := least(coalesce((l.region_first ->> substr(s, at, 1))::integer, 0), length(s) - at + 1);
BEGIN
  WHILE n > 0 AND NOT l.regions ? substr(s, at, n) LOOP n := n - 1; END LOOP;
  RETURN coalesce(n, 0);
END $f$;

-- The regions `s` is made of, one after the other, the longest at each place (北京海淀区), or
-- none when it is not.
CREATE FUNCTION dealsheet.region_run(s text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  l dealsheet.match_lists_t := dealsheet.match_lists();
  regions text[] := '{}';
  at integer := 1;
  n integer;
BEGIN
  WHILE at <= length(s) LOOP
    n := least(coalesce((l.region_first ->> substr(s, at, 1))::integer, 0), length(s) - at + 1);
    WHILE n > 0 AND NOT l.regions ? substr(s, at, n) LOOP n := n - 1; END LOOP;
    IF coalesce(n, 0) = 0 THEN RETURN '{}'; END IF;
    regions := regions || (l.regions ->> substr(s, at, n));
    at := at + n;
  END LOOP;
  RETURN regions;
END $f$;

-- A word at the end of `s` must not be the tail of a longer ASCII word ("bag" does not end in
-- AG): its first character and the one before it are not both ASCII letters or digits.
CREATE FUNCTION dealsheet.name_key(name text) RETURNS dealsheet.name_key_t
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  l dealsheet.match_lists_t := dealsheet.match_lists();
  key dealsheet.name_key_t := ROW('', '', '', '', '');
  s text;
  w text;
  before text;
  place text;
  rest text;
  legal text := '';
  classes text[] := '{}';
  regions text[] := '{}';
  lead_regions text[] := '{}';
  inside text[];
  region text;
  cut integer;
  n integer;
  at integer;
  search_from integer := 0;
  close_at integer;
  taken boolean;
BEGIN
  -- The core's folding: full width, capitals and brackets mapped, punctuation and spaces
  -- dropped, one space kept between two ASCII words.
  IF name ~ '@NAME_MAPPED@' THEN  -- translate() is slow on a long list; most names need none
    s := translate(name, @NAME_FROM@, @NAME_TO@);
  ELSE
    s := name;
  END IF;
  s := regexp_replace(s, '@NAME_SEPARATORS@+', ' ', 'g');
  s := regexp_replace(s, '(?<![a-z0-9]) | (?![a-z0-9])', '', 'g');

  -- The branch: 招商银行股份有限公司深圳分行 -> 深圳分行 (a name that is only a branch word
  -- is no branch).
  n := least(coalesce((l.branch_last ->> right(s, 1))::integer, 0), length(s) - 1);
  WHILE n > 0 AND NOT (l.branch_words ? right(s, n)
                       AND substr(s, length(s) - n, 2) !~ '^[a-z0-9]{2}$') LOOP
    n := n - 1;
  END LOOP;
  IF n > 0 THEN
    w := right(s, n);
    before := btrim(left(s, length(s) - n), ' ');
    -- Where its place starts: after the last legal form of 2+ characters (anywhere), else
    -- after the first run of industry words past a 字号, else at the regions that end it.
    cut := 0;
    FOR e IN REVERSE length(before)..2 LOOP
      n := least(coalesce((l.legal_last ->> substr(before, e, 1))::integer, 0), e);
      WHILE n > 1 AND NOT l.legal_forms ? substr(before, e - n + 1, n) LOOP n := n - 1; END LOOP;
      IF n > 1 THEN cut := e; EXIT; END IF;
    END LOOP;
    IF cut = 0 THEN
      FOR e IN 3..length(before) LOOP  -- a word starting after two characters
        at := e;
        LOOP
          n := least(coalesce((l.industry_first ->> substr(before, at, 1))::integer, 0), length(before) - at + 1);
          WHILE n > 0 AND NOT l.industries ? substr(before, at, n) LOOP n := n - 1; END LOOP;
          EXIT WHEN coalesce(n, 0) = 0;
          at := at + n;
        END LOOP;
        IF at > e THEN cut := at - 1; EXIT; END IF;
      END LOOP;
    END IF;
    IF cut = 0 THEN
      cut := length(before);
      taken := true;
      WHILE taken AND cut > 2 LOOP
        taken := false;
        FOR k IN REVERSE least((SELECT max(length(r)) FROM jsonb_object_keys(l.regions) r), cut - 2)..1 LOOP
          IF dealsheet.region_at(before, cut - k + 1) = k THEN
            cut := cut - k;
            taken := true;
            EXIT;
          END IF;
        END LOOP;
      END LOOP;
    END IF;
    -- The place with its regions by their short names (北京市 -> 北京).
    place := translate(substr(before, cut + 1), ' ()', '');
    at := 1;
    WHILE at <= length(place) LOOP
      n := dealsheet.region_at(place, at);
      IF n = 0 THEN
        key.branch := key.branch || substr(place, at, 1);
        at := at + 1;
      ELSE
        key.branch := key.branch || (l.regions ->> substr(place, at, n));
        at := at + n;
      END IF;
    END LOOP;
    key.branch := key.branch || w;
    s := left(before, cut);
  END IF;

  -- Regions in brackets: 华盛科技（北京）有限公司.
  LOOP
    at := position('(' in substr(s, search_from + 1));
    EXIT WHEN at = 0;
    at := search_from + at;
    close_at := position(')' in substr(s, at));
    EXIT WHEN close_at = 0;
    close_at := at + close_at - 1;
    inside := dealsheet.region_run(translate(substr(s, at + 1, close_at - at - 1), ' ()', ''));
    IF cardinality(inside) = 0 THEN
      search_from := at;
    ELSE
      regions := regions || inside;
      s := left(s, at - 1) || substr(s, close_at + 1);
      search_from := at - 1;
    END IF;
  END LOOP;
  s := btrim(s, ' ');

  -- The legal forms at the end, the longest first, again until none is left.
  LOOP
    n := least(coalesce((l.legal_last ->> right(s, 1))::integer, 0), length(s));
    WHILE n > 0 AND NOT (l.legal_forms ? right(s, n)
                         AND substr(s, length(s) - n, 2) !~ '^[a-z0-9]{2}$') LOOP
      n := n - 1;
    END LOOP;
    EXIT WHEN coalesce(n, 0) = 0;
    legal := right(s, n) || legal;
    s := btrim(left(s, length(s) - n), ' ');
  END LOOP;
  key.legal_form := translate(legal, ' ()', '');

  -- The industry words at the end, while a 字号 of two characters is left; a second word
  -- stays when only a region would remain (中国建设银行 is 中国 + 建设 + 银行).
  LOOP
    n := least(coalesce((l.industry_last ->> right(s, 1))::integer, 0), length(s));
    taken := false;
    WHILE n > 0 LOOP
      w := right(s, n);
      IF l.industries ? w AND substr(s, length(s) - n, 2) !~ '^[a-z0-9]{2}$' THEN
        rest := translate(left(s, length(s) - n), ' ()', '');
        IF length(rest) >= 2
           AND (cardinality(classes) = 0 OR cardinality(dealsheet.region_run(rest)) = 0) THEN
          classes := classes || (l.industries ->> w);
          s := btrim(left(s, length(s) - n), ' ');
          taken := true;
          EXIT;
        END IF;
      END IF;
      n := n - 1;
    END LOOP;
    EXIT WHEN NOT taken;
  END LOOP;
  IF cardinality(classes) = 1 THEN
    key.industry_class := classes[1];
  ELSIF cardinality(classes) > 1 THEN  -- sorted by bytes, as the core's std::set
    key.industry_class := (SELECT string_agg(DISTINCT c COLLATE "C", '+' ORDER BY c COLLATE "C")
                           FROM unnest(classes) AS u(c));
  END IF;

  -- The regions at the start (广东省深圳市华盛), while a 字号 of two characters is left.
  LOOP
    n := least(coalesce((l.region_first ->> left(s, 1))::integer, 0), length(s));
    WHILE n > 0 AND NOT l.regions ? left(s, n) LOOP n := n - 1; END LOOP;
    EXIT WHEN coalesce(n, 0) = 0 OR length(translate(substr(s, n + 1), ' ()', '')) < 2;
    lead_regions := lead_regions || (l.regions ->> left(s, n));
    s := btrim(substr(s, n + 1), ' ');
  END LOOP;
  regions := lead_regions || regions;
  FOREACH region IN ARRAY regions LOOP  -- the most specific one
    IF key.region = '' OR dealsheet.region_within(region, key.region) THEN
      key.region := region;
    END IF;
  END LOOP;

  key.core := translate(s, ' ()', '');
  RETURN key;
END $f$;

-- One company: the same non-empty 字号, compatible industry classes, regions agreeing where
-- both are given, the same branch (core: sameCompany).
CREATE FUNCTION dealsheet.same_company(a dealsheet.name_key_t, b dealsheet.name_key_t)
RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
  SELECT a.core <> '' AND a.core = b.core
     AND (a.industry_class = '' OR b.industry_class = '' OR a.industry_class = b.industry_class
          OR string_to_array(a.industry_class, '+') @> string_to_array(b.industry_class, '+')
          OR string_to_array(b.industry_class, '+') @> string_to_array(a.industry_class, '+'))
     AND (a.region = '' OR b.region = '' OR dealsheet.region_within(a.region, b.region)
          OR dealsheet.region_within(b.region, a.region))
     AND a.branch = b.branch
$f$;

-- 统一社会信用代码: the code as normaliseCreditCode gives it (spaces removed, full width and
-- lower case folded) when GB 32100-2015's check character agrees, else NULL.
CREATE FUNCTION dealsheet.credit_code_key(code text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  alphabet constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
  weights constant integer[] := @CODE_WEIGHTS@;
  c text := code;
  total integer := 0;
BEGIN
  IF c !~ '^[0-9A-Z]{18}$' THEN  -- translate() is slow on a long list; most codes need none
    c := translate(c, @CODE_FROM@, @CODE_TO@);
  END IF;
  IF c !~ '^[0-9A-HJ-NP-RTUWXY]{18}$' THEN RETURN NULL; END IF;
  FOR i IN 1..17 LOOP
    total := total + (position(substr(c, i, 1) in alphabet) - 1) * weights[i];
  END LOOP;
  IF substr(alphabet, (31 - total % 31) % 31 + 1, 1) <> right(c, 1) THEN RETURN NULL; END IF;
  RETURN c;
END $f$;

-- validate/contact's table of phone numbers over national digits: mobile, service (400/800),
-- mistyped (a mobile one digit short), landline, local or none.
-- Without a SET clause, so that PostgreSQL inlines it into its callers; it names nothing but
-- pg_catalog's operator, so no search_path can change it.
CREATE FUNCTION dealsheet.phone_digits_kind(digits text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $f$
  SELECT @PHONE_KIND_CASE@
$f$;

-- One number as typed, +86 / 0086 removed (validate/contact: phoneNumberKind); also
-- 'foreign' for + or 00 and another country code.
CREATE FUNCTION dealsheet.phone_number_kind(number text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  t text := btrim(number, ' ');
  digits text;
  plus boolean;
  international boolean := false;
BEGIN
  -- Digits and - ( ) . spaces, one + before the first digit.
  IF t !~ '^[-(). ]*(?:\+[-(). ]*)?(?:[0-9][-0-9(). ]*)?$' THEN RETURN 'none'; END IF;
  -- A dot only between digit groups (138.0013.8000), never a decimal number's point.
  IF length(t) - length(replace(t, '.', '')) = 1 THEN RETURN 'none'; END IF;
  plus := position('+' in t) > 0;
  digits := regexp_replace(t, '[^0-9]', '', 'g');
  IF plus OR left(digits, 2) = '00' THEN
    IF NOT plus THEN digits := substr(digits, 3); END IF;
    IF left(digits, 2) <> '86' THEN
      RETURN CASE WHEN length(digits) BETWEEN 7 AND 15 THEN 'foreign' ELSE 'none' END;
    END IF;
    digits := substr(digits, 3);
    international := true;
  ELSIF length(digits) = 13 AND left(digits, 2) = '86'
        AND dealsheet.phone_digits_kind(substr(digits, 3)) = 'mobile' THEN
    digits := substr(digits, 3);
  END IF;
  IF international AND digits <> '' AND left(digits, 1) <> '0'
     AND dealsheet.phone_digits_kind(digits) NOT IN ('mobile', 'service') THEN
    digits := '0' || digits;
  END IF;
  RETURN dealsheet.phone_digits_kind(digits);
END $f$;

-- The key of one number as typed (phone_key: phoneKeyOf): its national digits when it is a
-- mobile, an area-code landline or a 400/800 number, else NULL.
CREATE FUNCTION dealsheet.phone_key_of(number text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  digits text := regexp_replace(number, '[^0-9]', '', 'g');
  international boolean := false;
BEGIN
  IF number ~ '[^-0-9 ()+.]' THEN RETURN NULL; END IF;
  IF number ~ '^[^0-9]*\+' THEN
    IF left(digits, 2) <> '86' THEN RETURN NULL; END IF;  -- a foreign number has no key
    digits := substr(digits, 3);
    international := true;
  ELSIF left(digits, 4) = '0086' THEN
    digits := substr(digits, 5);
    international := true;
  ELSIF length(digits) = 13 AND left(digits, 2) = '86'
        AND dealsheet.phone_digits_kind(substr(digits, 3)) = 'mobile' THEN
    digits := substr(digits, 3);
  END IF;
  IF international AND digits <> '' AND left(digits, 1) <> '0'
     AND dealsheet.phone_digits_kind(digits) NOT IN ('mobile', 'service') THEN
    digits := '0' || digits;
  END IF;
  IF dealsheet.phone_digits_kind(digits) IN ('mobile', 'landline', 'service') THEN
    RETURN digits;
  END IF;
  RETURN NULL;
END $f$;

-- "0512-62001234转801" -> "0512-62001234" (validate/contact: withoutExtension); after a dash
-- only when the number before it has `fewest_before_dash` digits and a dash of its own.
CREATE FUNCTION dealsheet.phone_without_extension(part text, fewest_before_dash integer)
RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  stop integer := length(part) - length(substring(part from '[0-9]*$'));
  head text;
  base text;
  marker text;
BEGIN
  IF stop = length(part) OR stop = 0 THEN RETURN part; END IF;
  head := btrim(left(part, stop), ' ');
  FOREACH marker IN ARRAY ARRAY['转', '分机', 'ext.', 'ext', 'x', 'X', '#', '-'] LOOP
    CONTINUE WHEN length(head) <= length(marker) OR right(head, length(marker)) <> marker;
    base := btrim(left(head, length(head) - length(marker)), ' ');
    IF marker = '-' AND (position('-' in base) = 0
        OR length(regexp_replace(base, '[^0-9]', '', 'g')) < fewest_before_dash) THEN
      RETURN part;
    END IF;
    IF dealsheet.phone_number_kind(base) IN ('mobile', 'landline', 'local', 'service', 'foreign') THEN
      RETURN base;
    END IF;
  END LOOP;
  RETURN part;
END $f$;

-- Every phone key of a 联系方式 cell, in the order typed, each once (core: phoneKeys): the
-- cell split as phonePieces splits it, each piece's runs of digits and separators, and in a
-- run its words joined while they make no number yet.
CREATE FUNCTION dealsheet.phone_keys(contact text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  keys text[] := '{}';
  part text;
  piece text;
  run text;
  words text[];
  joined text;
  key text;
  colon integer;
  first_word integer;
  digits integer;
  taken boolean;
BEGIN
  -- Full width folded, separators as line breaks, notes in brackets without a digit dropped.
  IF contact ~ '@CONTACT_MAPPED@' THEN  -- translate() is slow on a long list
    contact := translate(contact, @CONTACT_FROM@, @CONTACT_TO@);
  END IF;
  contact := regexp_replace(contact, '\([^)0-9\n]*\)', '', 'g');
  FOREACH part IN ARRAY string_to_array(contact, E'\n') LOOP
    piece := btrim(part, ' ');
    colon := position(':' in piece);  -- 手机：138…: a label without digits or @
    IF colon > 0 AND colon < length(piece) AND left(piece, colon - 1) !~ '[0-9@]'
       AND octet_length(left(piece, colon - 1)) <= 24 THEN
      piece := substr(piece, colon + 1);
    END IF;
    -- 10 digits: a landline with its area code (0512-62001234-801) before a dashed extension.
    piece := btrim(dealsheet.phone_without_extension(btrim(piece, ' '), 10), ' ');
    CONTINUE WHEN piece !~ '[0-9]';
    -- Runs of digits and separators, each from its first digit, + or ( (a name, 转 or x
    -- ends one); split without a query, which would cost more than the rest.
    FOREACH run IN ARRAY string_to_array(regexp_replace(piece, '[^-0-9 ()+.]+', E'\n', 'g'), E'\n') LOOP
      run := btrim(ltrim(run, ' -).'), ' ');
      CONTINUE WHEN run = '';
      words := regexp_split_to_array(run, ' +');
      first_word := 1;
      WHILE first_word <= cardinality(words) LOOP
        joined := '';
        digits := 0;
        taken := false;
        FOR last_word IN first_word..cardinality(words) LOOP
          joined := joined || words[last_word];
          digits := digits + length(regexp_replace(words[last_word], '[^0-9]', '', 'g'));
          EXIT WHEN digits > 15;  -- 0086 and an area-code landline
          key := dealsheet.phone_key_of(joined);
          IF key IS NOT NULL THEN
            IF NOT key = ANY (keys) THEN keys := keys || key; END IF;
            first_word := last_word + 1;
            taken := true;
            EXIT;
          END IF;
        END LOOP;
        IF NOT taken THEN first_word := first_word + 1; END IF;
      END LOOP;
    END LOOP;
  END LOOP;
  RETURN keys;
END $f$;

-- The mobiles (11 digits) and the landlines (area code and number, or 400/800) of a cell.
CREATE FUNCTION dealsheet.mobile_keys(contact text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
  SELECT coalesce(array_agg(k ORDER BY i), '{}') FROM unnest(dealsheet.phone_keys(contact))
    WITH ORDINALITY AS u(k, i) WHERE dealsheet.phone_digits_kind(k) = 'mobile'
$f$;
CREATE FUNCTION dealsheet.landline_keys(contact text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
  SELECT coalesce(array_agg(k ORDER BY i), '{}') FROM unnest(dealsheet.phone_keys(contact))
    WITH ORDINALITY AS u(k, i) WHERE dealsheet.phone_digits_kind(k) <> 'mobile'
$f$;
)";

const char* kCompileAndGrants = R"(
DO $$ BEGIN PERFORM dealsheet.compile_match_lists(); END $$;
CREATE TRIGGER t10_compile AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON dealsheet.match_legal_forms FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.compile_match_lists_trigger();
CREATE TRIGGER t10_compile AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON dealsheet.match_branch_words FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.compile_match_lists_trigger();
CREATE TRIGGER t10_compile AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON dealsheet.match_regions FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.compile_match_lists_trigger();
CREATE TRIGGER t10_compile AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON dealsheet.match_region_parents FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.compile_match_lists_trigger();
CREATE TRIGGER t10_compile AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON dealsheet.match_industry_words FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.compile_match_lists_trigger();

-- The key functions run as whoever calls them, so a lead's or a member's push (a trigger of
-- theirs) may compute keys; they are pure functions of their arguments and reveal only the
-- word lists, which are no secret. The tables and compile_match_lists stay the owner's.
REVOKE EXECUTE ON FUNCTION dealsheet.compile_match_lists(),
  dealsheet.compile_match_lists_trigger(), @KEY_FUNCTIONS@ FROM PUBLIC;
GRANT EXECUTE ON FUNCTION @KEY_FUNCTIONS@ TO lead, member;
)";

}  // namespace

std::string matchKeysSql() {
    const NameFolding name = nameFolding();
    const Translation code = creditCodeFolding();
    const Translation contact = contactFolding();
    std::string functions = kFunctions;
    functions = replaceAll(std::move(functions), "@NAME_FROM@", escapedLiteral(name.mapped.from));
    functions = replaceAll(std::move(functions), "@NAME_TO@", escapedLiteral(name.mapped.to));
    functions =
        replaceAll(std::move(functions), "@NAME_SEPARATORS@", bracketExpression(name.separators));
    std::vector<char32_t> mapped(name.mapped.from.begin(), name.mapped.from.end());
    std::sort(mapped.begin(), mapped.end());
    functions = replaceAll(std::move(functions), "@NAME_MAPPED@", bracketExpression(mapped));
    functions = replaceAll(std::move(functions), "@CODE_FROM@", escapedLiteral(code.from));
    functions = replaceAll(std::move(functions), "@CODE_TO@", escapedLiteral(code.to));
    functions = replaceAll(std::move(functions), "@CODE_WEIGHTS@", creditCodeWeights());
    std::vector<char32_t> contactMapped(contact.from.begin(), contact.from.end());
    std::sort(contactMapped.begin(), contactMapped.end());
    functions =
        replaceAll(std::move(functions), "@CONTACT_MAPPED@", bracketExpression(contactMapped));
    functions = replaceAll(std::move(functions), "@CONTACT_FROM@", escapedLiteral(contact.from));
    functions = replaceAll(std::move(functions), "@CONTACT_TO@", escapedLiteral(contact.to));
    functions = replaceAll(std::move(functions), "@PHONE_KIND_CASE@", phoneKindCase());
    const std::string keyFunctions =
        "dealsheet.match_lists(), dealsheet.region_within(text, text),\n"
        "  dealsheet.region_at(text, integer), dealsheet.region_run(text), "
        "dealsheet.name_key(text),\n"
        "  dealsheet.same_company(dealsheet.name_key_t, dealsheet.name_key_t),\n"
        "  dealsheet.credit_code_key(text), dealsheet.phone_digits_kind(text),\n"
        "  dealsheet.phone_number_kind(text), dealsheet.phone_key_of(text),\n"
        "  dealsheet.phone_without_extension(text, integer), dealsheet.phone_keys(text),\n"
        "  dealsheet.mobile_keys(text), dealsheet.landline_keys(text)";
    return kTables + wordListsSql() + functions +
           replaceAll(kCompileAndGrants, "@KEY_FUNCTIONS@", keyFunctions);
}

}  // namespace dealsheet
