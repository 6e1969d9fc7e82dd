// Writes the team register's SQL from the compiled-in schema:
//   make_server_sql OUT.sql                      (server/dealsheet-team.sql)
//   make_server_sql --upgrade-from N OUT.sql     (server/upgrade-N.sql)
#include <fstream>
#include <iostream>
#include <string>

#include "core/team/team_sql.hpp"

int main(int argc, char** argv) {
    const bool upgrade = argc == 4 && std::string(argv[1]) == "--upgrade-from";
    if (argc != 2 && !upgrade) {
        std::cerr << "usage: make_server_sql [--upgrade-from N] OUT.sql\n";
        return 2;
    }
    std::ofstream out(argv[argc - 1], std::ios::binary);
    out << (upgrade ? dealsheet::teamUpgradeSql(dealsheet::productSchema(), std::stoi(argv[2]))
                    : dealsheet::teamServerSql(dealsheet::productSchema()));
    return out.good() ? 0 : 1;
}
