// A real PostgreSQL for the team tests: initdb into a throw-away folder, the server on
// 127.0.0.1 and a free port, DealSheet's team SQL loaded into the database "dealsheet".
// Every process it starts runs as the unprivileged "postgres" user when the test runs as root
// (the server refuses root), dies with the test process, and is stopped and removed on every
// path: destructor, signal, watchdog.
#pragma once

#include <string>

namespace dealsheet::driver {

class Postgres {
  public:
    // Starts the server and loads `teamSql` (a file) into the database "dealsheet".
    explicit Postgres(const std::string& teamSql);
    ~Postgres();
    Postgres(const Postgres&) = delete;
    Postgres& operator=(const Postgres&) = delete;

    int port() const { return port_; }
    // What a salesperson types into Settings (团队数据库).
    std::string connection(const std::string& database = "dealsheet") const;
    // A file libpq reads passwords from (PGPASSFILE); logins added below are written to it.
    const std::string& passFile() const { return passFile_; }

    // Runs SQL as the superuser and returns the result rows, fields separated by '|'.
    std::string sql(const std::string& statements, const std::string& database = "dealsheet");
    // Starts `statements` in a psql of its own and returns at once (e.g. a lock held).
    void sqlInBackground(const std::string& statements);
    // A login role in group `group` (lead, member, viewer) with a password in passFile().
    void addLogin(const std::string& name, const std::string& group, const std::string& password);
    // A salesperson as a lead adds one: the server's own dealsheet.add_salesperson(login,
    // 负责人 name, role, password) in `database`, the password also in passFile().
    void addSalesperson(const std::string& login, const std::string& ownerName,
                        const std::string& role, const std::string& password,
                        const std::string& database = "dealsheet");

    void kill();     // the server dies as in a crash (SIGKILL)
    void restart();  // after kill(): starts again on the same folder and port
    // After kill(): starts again with the server's clock moved by `offset` (libfaketime's
    // notation: "+31d"), as a server whose time has gone on; "" starts it on the real clock.
    void restartWithClock(const std::string& offset);

  private:
    void startServer();
    std::string root_;
    std::string passFile_;
    int port_ = 0;
    int serverPid_ = -1;
    std::string clockOffset_;
};

}  // namespace dealsheet::driver
