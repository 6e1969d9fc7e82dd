// A network fault between the office's PostgreSQL driver and the test's server: a relay that
// forwards the wire protocol both ways until the client sends a chosen statement (COMMIT,
// RELEASE SAVEPOINT ...). That statement still reaches the server, but its answer is
// swallowed and the connection cut, as when a network drops the answer to a request.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace dealsheet::test {

class PgRelay {
  public:
    // Listens on 127.0.0.1 (a free port) and relays to the server on `serverPort`. The first
    // simple-protocol query that starts with `statement` (case-insensitive) is the one whose
    // answer is lost; later connections are relayed faithfully.
    PgRelay(int serverPort, std::string statement);
    ~PgRelay();
    PgRelay(const PgRelay&) = delete;
    PgRelay& operator=(const PgRelay&) = delete;

    int port() const { return port_; }
    // True once the statement went through and its answer was dropped.
    bool dropped() const { return dropped_; }
    // Every byte the server sent to the clients so far: what the driver received.
    std::string received() const;

  private:
    void acceptLoop();
    void relay(int client);

    int serverPort_;
    std::string statement_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::atomic<bool> armed_{true};
    std::atomic<bool> dropped_{false};
    std::thread acceptor_;
    mutable std::mutex mutex_;
    std::string received_;
    std::vector<std::thread> workers_;
    std::vector<int> sockets_;
};

}  // namespace dealsheet::test
