#include "postgres_server.hxx"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "office_driver.hxx"

namespace dealsheet::driver {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string postgresBin() {
    std::string best;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql"))
        if (fs::exists(entry.path() / "bin/postgres") &&
            (best.empty() || std::stoi(entry.path().filename()) >
                                 std::stoi(fs::path(best).parent_path().filename())))
            best = (entry.path() / "bin").string();
    if (best.empty()) throw std::runtime_error("PostgreSQL is not installed (scripts/deps.sh)");
    return best;
}

int freePort() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (s < 0 || ::bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(s, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        throw std::runtime_error("no free port");
    ::close(s);
    return ntohs(address.sin_port);
}

// Starts argv as the "postgres" user when we are root (the server refuses root), with stdin
// from `in` and stdout/stderr to `out`; the child dies with this process.
int spawnAsPostgres(const std::vector<std::string>& argv, const std::string& in,
                    const std::string& out) {
    const passwd* user = ::getuid() == 0 ? ::getpwnam("postgres") : nullptr;
    if (::getuid() == 0 && !user) throw std::runtime_error("no 'postgres' user on this machine");
    const pid_t parent = ::getpid();
    const int inFd = ::open(in.empty() ? "/dev/null" : in.c_str(), O_RDONLY);
    const int outFd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::setpgid(0, 0);
        if (user && (::setgid(user->pw_gid) != 0 || ::initgroups("postgres", user->pw_gid) != 0 ||
                     ::setuid(user->pw_uid) != 0))
            ::_exit(125);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // after setuid, which clears it
        if (::getppid() != parent) ::_exit(126);
        // The test's folder may be closed to the postgres user (mktemp -d is 0700): psql would
        // print "could not change directory" into the output.
        if (::chdir("/") != 0) ::_exit(124);
        ::dup2(inFd, 0);
        ::dup2(outFd, 1);
        ::dup2(outFd, 2);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::close(inFd);
    ::close(outFd);
    return pid;
}

int waitExit(int pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string readAll(const std::string& path) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

// The folders and the server of every Postgres alive, for the emergency path.
std::vector<std::pair<std::string, int*>> gServers;

}  // namespace

Postgres::Postgres(const std::string& teamSql) {
    char pattern[] = "/tmp/dealsheet-pg-XXXXXX";
    if (!::mkdtemp(pattern)) throw std::runtime_error("mkdtemp failed");
    root_ = pattern;
    gServers.emplace_back(root_, &serverPid_);
    addEmergencyCleanup([root = root_] {
        for (auto& [folder, pid] : gServers)
            if (folder == root && *pid > 0) ::kill(*pid, SIGKILL);
        std::error_code ignored;
        fs::remove_all(root, ignored);
    });
    if (const passwd* user = ::getuid() == 0 ? ::getpwnam("postgres") : nullptr)
        if (::chown(root_.c_str(), user->pw_uid, user->pw_gid) != 0)
            throw std::runtime_error("cannot hand " + root_ + " to postgres");
    const char* configured = std::getenv("PGPASSFILE");
    passFile_ = configured ? configured : root_ + "/pgpass";
    std::ofstream(passFile_, std::ios::trunc).close();
    fs::permissions(passFile_, fs::perms::owner_read | fs::perms::owner_write);
    port_ = freePort();
    const std::string log = root_ + "/initdb.log";
    if (waitExit(spawnAsPostgres({postgresBin() + "/initdb", "-D", root_ + "/data", "-U",
                                  "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
                                  "-E", "UTF8", "--locale=C.UTF-8", "-N"},
                                 "", log)) != 0)
        throw std::runtime_error("initdb failed:\n" + readAll(log));
    startServer();
    sql("CREATE DATABASE dealsheet", "postgres");
    const std::string out = root_ + "/load.log";
    const int loaded = waitExit(
        spawnAsPostgres({postgresBin() + "/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", root_,
                         "-p", std::to_string(port_), "-U", "postgres", "-d", "dealsheet"},
                        teamSql, out));
    if (loaded != 0) throw std::runtime_error("loading " + teamSql + " failed:\n" + readAll(out));
}

Postgres::~Postgres() {
    if (serverPid_ > 0) {
        ::kill(serverPid_, SIGTERM);  // fast shutdown; the folder goes anyway
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (::waitpid(serverPid_, nullptr, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > deadline) {
                ::kill(serverPid_, SIGKILL);
                ::waitpid(serverPid_, nullptr, 0);
                break;
            }
            std::this_thread::sleep_for(20ms);
        }
        serverPid_ = -1;
    }
    std::error_code ignored;
    fs::remove_all(root_, ignored);
    if (passFile_.rfind(root_, 0) != 0) fs::remove(passFile_, ignored);
}

std::string Postgres::connection(const std::string& database) const {
    return "host=127.0.0.1 port=" + std::to_string(port_) + " dbname=" + database;
}

void Postgres::startServer() {
    // fsync off keeps commits cheap; synchronous_commit stays on so that a commit has reached
    // the WAL before the client hears of it: the tests that kill the server expect every
    // committed sync to survive (with it off, a kill within wal_writer_delay lost one).
    std::vector<std::string> argv{postgresBin() + "/postgres",
                                  "-D",
                                  root_ + "/data",
                                  "-p",
                                  std::to_string(port_),
                                  "-k",
                                  root_,
                                  "-c",
                                  "listen_addresses=127.0.0.1",
                                  "-c",
                                  "fsync=off",
                                  "-c",
                                  "full_page_writes=off",
                                  "-c",
                                  "max_connections=60"};
    if (!clockOffset_.empty()) {
        std::string faketime;
        for (const char* arch : {"x86_64-linux-gnu", "aarch64-linux-gnu"})
            if (const std::string lib =
                    std::string("/usr/lib/") + arch + "/faketime/libfaketime.so.1";
                fs::exists(lib))
                faketime = lib;
        if (faketime.empty())
            throw std::runtime_error("libfaketime is not installed: bash scripts/deps.sh");
        argv.insert(argv.begin(), {"/usr/bin/env", "LD_PRELOAD=" + faketime,
                                   "FAKETIME=" + clockOffset_, "FAKETIME_DONT_RESET=1"});
    }
    serverPid_ = spawnAsPostgres(argv, "", root_ + "/server.log");
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    while (std::chrono::steady_clock::now() < deadline) {
        if (::waitpid(serverPid_, nullptr, WNOHANG) != 0) break;
        const int ready = waitExit(spawnAsPostgres(
            {postgresBin() + "/pg_isready", "-q", "-h", root_, "-p", std::to_string(port_)}, "",
            root_ + "/ready.log"));
        if (ready == 0) return;
        std::this_thread::sleep_for(100ms);
    }
    throw std::runtime_error("PostgreSQL did not start:\n" + readAll(root_ + "/server.log"));
}

std::string Postgres::sql(const std::string& statements, const std::string& database) {
    static int counter = 0;
    const std::string in = root_ + "/q" + std::to_string(++counter) + ".sql";
    const std::string out = root_ + "/q" + std::to_string(counter) + ".out";
    std::ofstream(in) << statements << '\n';
    const int status = waitExit(spawnAsPostgres(
        {postgresBin() + "/psql", "-X", "-q", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1", "-h",
         root_, "-p", std::to_string(port_), "-U", "postgres", "-d", database},
        in, out));
    std::string result = readAll(out);
    if (status != 0) throw std::runtime_error("psql failed on: " + statements + "\n" + result);
    while (!result.empty() && result.back() == '\n') result.pop_back();
    return result;
}

void Postgres::sqlInBackground(const std::string& statements) {
    static int counter = 0;
    const std::string in = root_ + "/bg" + std::to_string(++counter) + ".sql";
    std::ofstream(in) << statements << '\n';
    spawnAsPostgres({postgresBin() + "/psql", "-X", "-q", "-h", root_, "-p", std::to_string(port_),
                     "-U", "postgres", "-d", "dealsheet"},
                    in, root_ + "/bg" + std::to_string(counter) + ".out");
}

void Postgres::addLogin(const std::string& name, const std::string& group,
                        const std::string& password) {
    sql("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "' IN ROLE " + group);
    std::ofstream(passFile_, std::ios::app)
        << "127.0.0.1:" << port_ << ":*:" << name << ':' << password << '\n';
}

void Postgres::addSalesperson(const std::string& login, const std::string& ownerName,
                              const std::string& role, const std::string& password,
                              const std::string& database) {
    sql("SELECT dealsheet.add_salesperson('" + login + "', '" + ownerName + "', '" + role + "', '" +
            password + "')",
        database);
    std::ofstream(passFile_, std::ios::app)
        << "127.0.0.1:" << port_ << ":*:" << login << ':' << password << '\n';
}

void Postgres::kill() {
    ::kill(serverPid_, SIGKILL);
    ::waitpid(serverPid_, nullptr, 0);
    serverPid_ = -1;
    // Its backends notice the postmaster's death and end; wait until the port is free.
    std::this_thread::sleep_for(500ms);
}

void Postgres::restart() { startServer(); }

void Postgres::restartWithClock(const std::string& offset) {
    clockOffset_ = offset;
    startServer();
}

}  // namespace dealsheet::driver
