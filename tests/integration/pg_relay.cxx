#include "pg_relay.hxx"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <stdexcept>

namespace dealsheet::test {
namespace {

bool readExactly(int socket, char* buffer, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::recv(socket, buffer + done, size - done, 0);
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

bool sendAll(int socket, const char* buffer, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::send(socket, buffer + done, size - done, MSG_NOSIGNAL);
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

std::uint32_t bigEndian(const char* bytes) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[0])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[2])) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[3]));
}

bool startsWithIgnoringCase(std::string_view text, std::string_view prefix) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(text[i])) !=
            std::toupper(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

// What the two directions of one connection share.
struct Link {
    int client = -1;
    int server = -1;
    std::mutex mutex;
    std::condition_variable answered;
    bool swallowing = false;  // the chosen statement went out: its answer is dropped
    bool answerSeen = false;
};

}  // namespace

PgRelay::PgRelay(int serverPort, std::string statement)
    : serverPort_(serverPort), statement_(std::move(statement)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (listener_ < 0) throw std::runtime_error("relay: no socket");
    const int yes = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listener_, 16) != 0)
        throw std::runtime_error("relay: cannot listen");
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    acceptor_ = std::thread([this] { acceptLoop(); });
}

PgRelay::~PgRelay() {
    stopping_ = true;
    ::shutdown(listener_, SHUT_RDWR);
    ::close(listener_);
    if (acceptor_.joinable()) acceptor_.join();
    std::vector<std::thread> workers;
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        for (const int socket : sockets_) ::shutdown(socket, SHUT_RDWR);
        workers.swap(workers_);
    }
    for (auto& worker : workers) worker.join();
    for (const int socket : sockets_) ::close(socket);
}

void PgRelay::acceptLoop() {
    while (!stopping_) {
        const int client = ::accept(listener_, nullptr, nullptr);
        if (client < 0) return;
        const std::lock_guard<std::mutex> lock(mutex_);
        sockets_.push_back(client);
        workers_.emplace_back([this, client] { relay(client); });
    }
}

void PgRelay::relay(int client) {
    auto link = std::make_shared<Link>();
    link->client = client;
    link->server = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(serverPort_));
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        sockets_.push_back(link->server);
    }
    if (::connect(link->server, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::shutdown(client, SHUT_RDWR);
        return;
    }
    // The server's side, as it comes, unless its answer is the one to lose.
    std::thread answers([this, link] {
        char buffer[65536];
        for (;;) {
            const ssize_t n = ::recv(link->server, buffer, sizeof buffer, 0);
            if (n <= 0) break;
            std::unique_lock<std::mutex> lock(link->mutex);
            if (link->swallowing) {
                link->answerSeen = true;
                link->answered.notify_all();
                continue;
            }
            lock.unlock();
            {
                const std::lock_guard<std::mutex> all(mutex_);
                received_.append(buffer, static_cast<std::size_t>(n));
            }
            if (!sendAll(link->client, buffer, static_cast<std::size_t>(n))) break;
        }
        ::shutdown(link->client, SHUT_RDWR);
    });
    // The client's side, message by message: the startup packets (SSL and GSS requests, which
    // the server answers with one byte, then the startup message) have no type byte.
    bool started = false;
    for (;;) {
        std::string message;
        char head[5];
        const std::size_t headSize = started ? 5 : 4;
        if (!readExactly(client, head, headSize)) break;
        const std::uint32_t length = bigEndian(head + headSize - 4);
        if (length < 4 || length > (1u << 30)) break;
        message.assign(head, headSize);
        message.resize(headSize + length - 4);
        if (!readExactly(client, message.data() + headSize, length - 4)) break;
        if (!started) {
            const std::uint32_t code = message.size() >= 8 ? bigEndian(message.data() + 4) : 0;
            started = code != 80877103 && code != 80877104;  // not SSLRequest / GSSENCRequest
        } else if (head[0] == 'Q' && armed_ &&
                   startsWithIgnoringCase(std::string_view(message).substr(5), statement_) &&
                   armed_.exchange(false)) {
            {
                const std::lock_guard<std::mutex> lock(link->mutex);
                link->swallowing = true;
            }
            sendAll(link->server, message.data(), message.size());
            // The server has done it once its answer arrives; then the line goes dead.
            std::unique_lock<std::mutex> lock(link->mutex);
            link->answered.wait_for(lock, std::chrono::seconds(30),
                                    [&] { return link->answerSeen; });
            dropped_ = true;
            break;
        }
        if (!sendAll(link->server, message.data(), message.size())) break;
    }
    ::shutdown(link->server, SHUT_RDWR);
    ::shutdown(client, SHUT_RDWR);
    answers.join();
}

std::string PgRelay::received() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return received_;
}

}  // namespace dealsheet::test
