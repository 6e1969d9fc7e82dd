// Writes the team register's SQL (server/dealsheet-team.sql) from the compiled-in schema:
//   make_server_sql OUT.sql
#include <fstream>
#include <iostream>

#include "core/team/team_sql.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_server_sql OUT.sql\n";
        return 2;
    }
    std::ofstream out(argv[1], std::ios::binary);
    out << dealsheet::teamServerSql(dealsheet::productSchema());
    return out.good() ? 0 : 1;
}
