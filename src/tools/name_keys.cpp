// The core's match keys of every line of a file, for tests/team_match_keys.sh to compare with
// the team server's (src/core/team/match_sql.cpp):
//   name_keys keys FILE    one line per data line: its number, the name key of the line taken
//                          as a company name (core, industry class, legal form, region,
//                          branch), its mobile keys and landline keys (',' between) taken as a
//                          联系方式 cell, and its credit code key (the normalised code when
//                          valid, else empty), tab-separated
//   name_keys pairs FILE   for each line "a<TAB>b<TAB>…": its number and 1 or 0 (sameCompany)
// Lines starting with '#' are skipped; a line is read with PostgreSQL COPY's escapes (\n, \t,
// \r, \\), so the server reads the same text from the same file.
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "core/matching/credit_code.hpp"
#include "core/matching/name_key.hpp"
#include "core/matching/phone_key.hpp"

namespace {

using namespace dealsheet;

std::string unescaped(const std::string& line) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] != '\\' || i + 1 == line.size()) {
            out += line[i];
            continue;
        }
        const char next = line[++i];
        out += next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next;
    }
    return out;
}

std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> out(1);
    for (char c : line) {
        if (c == '\t')
            out.emplace_back();
        else
            out.back() += c;
    }
    for (std::string& field : out) field = unescaped(field);
    return out;
}

std::string joined(const std::vector<PhoneKey>& keys, PhoneKind kind) {
    std::string out;
    for (const PhoneKey& key : keys)
        if (key.kind == kind) out += (out.empty() ? "" : ",") + key.digits;
    return out;
}

void printKeys(const std::string& text, int number) {
    const NameKey name = nameKey(text);
    const std::vector<PhoneKey> phones = phoneKeys(text);
    const std::string code = normaliseCreditCode(text);
    std::cout << number << '\t' << name.core << '\t' << name.industryClass << '\t' << name.legalForm
              << '\t' << name.region << '\t' << name.branch << '\t'
              << joined(phones, PhoneKind::Mobile) << '\t' << joined(phones, PhoneKind::Landline)
              << '\t' << (validCreditCode(code) ? code : "") << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc == 3 ? argv[1] : "";
    std::ifstream in(argc == 3 ? argv[2] : "");
    if ((mode != "keys" && mode != "pairs") || !in) {
        std::cerr << "usage: name_keys keys|pairs FILE\n";
        return 2;
    }
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.front() == '#') continue;
        ++number;
        if (mode == "keys") {
            printKeys(unescaped(line), number);
            continue;
        }
        const std::vector<std::string> pair = fields(line);
        if (pair.size() < 2) {
            std::cerr << "line " << number << ": no two names\n";
            return 1;
        }
        std::cout << number << '\t' << (sameCompany(nameKey(pair[0]), nameKey(pair[1])) ? 1 : 0)
                  << '\n';
    }
    return 0;
}
