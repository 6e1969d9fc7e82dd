#include "office_driver.hxx"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <rtl/bootstrap.hxx>

#include "office_documents.hxx"

namespace dealsheet::driver {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

// Process group of the child being waited for or the office; killed on every exit path.
std::atomic<int> gChildGroup{-1};
std::atomic<bool> gCleaning{false};
std::string gRootToRemove;
std::vector<std::function<void()>> gMoreCleanups;

void killChildGroup() {
    const int group = gChildGroup.exchange(-1);
    if (group > 0) ::kill(-group, SIGKILL);
}

}  // namespace

void addEmergencyCleanup(std::function<void()> cleanup) {
    gMoreCleanups.push_back(std::move(cleanup));
}

void emergencyCleanup() {
    if (gCleaning.exchange(true)) return;
    killChildGroup();
    for (const auto& cleanup : gMoreCleanups) cleanup();
    if (!gRootToRemove.empty()) {
        std::error_code ignored;
        fs::remove_all(gRootToRemove, ignored);
    }
}

namespace {

void onSignal(int signal) {
    emergencyCleanup();
    ::_exit(128 + signal);
}

// Starts argv in its own process group, output appended to `log`. The child dies with us.
int spawn(const std::vector<std::string>& argv, const std::string& log) {
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(126);
        const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        const int in = ::open("/dev/null", O_RDONLY);
        if (out >= 0) {
            ::dup2(out, 1);
            ::dup2(out, 2);
        }
        if (in >= 0) ::dup2(in, 0);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::setpgid(pid, pid);
    gChildGroup = pid;
    return pid;
}

// Exit status, or -1 after killing the group when `limit` passes.
int waitFor(int pid, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) {
            if (gChildGroup == pid) gChildGroup = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        std::this_thread::sleep_for(50ms);
    }
    ::kill(-pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    if (gChildGroup == pid) gChildGroup = -1;
    return -1;
}

// True while the child runs; reaps it (and forgets its group) once it has ended.
bool alive(int pid) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == 0) return true;
    if (gChildGroup == pid) gChildGroup = -1;
    return false;
}

std::string tail(const std::string& path) {
    std::ifstream in(path);
    std::stringstream all;
    all << in.rdbuf();
    const std::string text = all.str();
    return text.size() > 4000 ? text.substr(text.size() - 4000) : text;
}

// The office's configuration layers (CONFIGURATION_LAYERS of its fundamentalrc) with the
// installation's registry folder, which holds one <module>.xcd per installed module, replaced by
// `folder`: links to everything there but the .xcd files of `modules`. The other layers
// (extensions, the profile) stay as they are, their macros expanded by the office.
std::string layersWithout(const std::string& program, const std::vector<std::string>& modules,
                          const std::string& folder) {
    std::ifstream rc(program + "/fundamentalrc");
    std::string line, layers;
    while (std::getline(rc, line))
        if (line.rfind("CONFIGURATION_LAYERS=", 0) == 0) layers = line.substr(21);
    if (layers.empty()) throw std::runtime_error(program + "/fundamentalrc names no layers");
    std::string registry;  // the folder of the xcsxcu: layer, e.g. file:///etc/libreoffice/registry
    std::istringstream tokens(layers);
    for (std::string token; tokens >> token;)
        if (token.rfind("xcsxcu:", 0) == 0) registry = token.substr(7);
    const std::string brand = "${BRAND_BASE_DIR}";
    std::string path = registry;
    if (path.rfind(brand, 0) == 0)
        path = fs::canonical(program + "/..").string() + path.substr(brand.size());
    else if (path.rfind("file://", 0) == 0)
        path = path.substr(7);
    if (!fs::is_directory(path))
        throw std::runtime_error("the office's registry folder " + path + " is not there");
    fs::create_directories(folder);
    std::vector<std::string> left = modules;
    for (const auto& entry : fs::directory_iterator(path)) {
        const std::string name = entry.path().filename().string();
        const bool xcd = name.size() > 4 && name.compare(name.size() - 4, 4, ".xcd") == 0;
        const auto dropped =
            xcd ? std::find(left.begin(), left.end(), name.substr(0, name.size() - 4)) : left.end();
        if (dropped != left.end()) {
            left.erase(dropped);
            continue;
        }
        fs::create_symlink(entry.path(), folder + "/" + name);
    }
    if (!left.empty())
        throw std::runtime_error("the office has no " + left.front() + ".xcd in " + path);
    std::string result;
    std::istringstream again(layers);
    for (std::string token; again >> token;) {
        if (token == "xcsxcu:" + registry) token = "xcsxcu:file://" + folder;
        if (token == "res:" + registry) token = "res:file://" + folder;
        result += (result.empty() ? "" : " ") + token;
    }
    return result;
}

}  // namespace

void installCleanupHandlers() {
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGABRT}) std::signal(sig, onSignal);
}

// Kills everything and leaves if the whole binary runs past its time: a hung office must not
// hang CI, nor leave its profile behind.
class WatchdogImpl {
  public:
    explicit WatchdogImpl(std::chrono::seconds limit)
        : thread_([this, limit] {
              std::unique_lock<std::mutex> lock(mutex_);
              if (!cv_.wait_for(lock, limit, [this] { return done_; })) {
                  std::cerr << "\n*** DealSheet office watchdog: no end after " << limit.count()
                            << " s; killing the office and cleaning up\n";
                  emergencyCleanup();
                  ::_exit(3);
              }
          }) {}
    ~WatchdogImpl() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            done_ = true;
        }
        cv_.notify_all();
        thread_.join();
    }

  private:
    std::mutex mutex_;
    std::condition_variable cv_;
    bool done_ = false;
    std::thread thread_;
};

Watchdog::Watchdog(std::chrono::seconds limit) : impl_(std::make_unique<WatchdogImpl>(limit)) {}
Watchdog::~Watchdog() = default;

int runWithOffice(const char* tool, const std::string& oxt, std::chrono::seconds limit,
                  const std::function<void()>& work) {
    installCleanupHandlers();
    Watchdog watchdog(limit);
    int status = 0;
    try {
        Office::get().start(oxt);
        work();
    } catch (const css::uno::Exception& e) {
        std::cerr << tool << ": " << toUtf8(e.Message) << '\n';
        status = 1;
    } catch (const std::exception& e) {
        std::cerr << tool << ": " << e.what() << '\n';
        status = 1;
    }
    Office::get().stop();
    return status;
}

Office& Office::get() {
    static Office office;
    return office;
}

css::uno::Reference<css::lang::XMultiComponentFactory> Office::serviceManager() const {
    return context_->getServiceManager();
}

css::uno::Reference<css::frame::XDesktop2> Office::desktop() const {
    return css::frame::Desktop::create(context_);
}

void Office::start(const std::string& oxt, bool window,
                   const std::vector<std::string>& withoutModules) {
    char pattern[] = "/tmp/dealsheet-it-XXXXXX";
    if (!::mkdtemp(pattern)) throw std::runtime_error("mkdtemp failed");
    root_ = pattern;
    gRootToRemove = root_;
    workDir_ = root_ + "/work";
    fs::create_directories(workDir_);
    const std::string program = LO_PROGRAM_DIR;
    const std::string sharedCache = "-env:UNO_SHARED_PACKAGES_CACHE=file://" + root_ + "/shared";
    const std::string profile = "-env:UserInstallation=file://" + root_ + "/profile";
    const std::string log = root_ + "/office.log";
    std::vector<std::string> configuration;  // -env:CONFIGURATION_LAYERS without some modules
    if (!withoutModules.empty())
        configuration.push_back("-env:CONFIGURATION_LAYERS=" +
                                layersWithout(program, withoutModules, root_ + "/registry"));

    const auto begin = std::chrono::steady_clock::now();
    std::vector<std::string> unopkg{program + "/unopkg", "add", "--shared", "--suppress-license"};
    unopkg.insert(unopkg.end(), {sharedCache, profile});
    unopkg.insert(unopkg.end(), configuration.begin(), configuration.end());
    unopkg.push_back(oxt);
    const int install = waitFor(spawn(unopkg, log), 240s);
    if (install != 0)
        throw std::runtime_error("unopkg add failed (" + std::to_string(install) + "):\n" +
                                 tail(log));

    const std::string pipe = "dealsheet_it_" + std::to_string(::getpid());
    for (int attempt = 0; attempt < 3 && !context_.is(); ++attempt) {
        std::vector<std::string> args{program + "/soffice.bin",
                                      sharedCache,
                                      profile,
                                      "--norestore",
                                      "--nologo",
                                      "--nodefault",
                                      "--nolockcheck",
                                      "--accept=pipe,name=" + pipe + ";urp;"};
        args.insert(args.end(), configuration.begin(), configuration.end());
        if (!window) {
            args.push_back("--headless");
            args.push_back("--invisible");
        }
        officePid_ = spawn(args, log);
        setenv("URE_BOOTSTRAP", ("vnd.sun.star.pathname:" + program + "/fundamentalrc").c_str(), 1);
        // The client needs DealSheet's own types too, to talk to the Toolkit over the bridge.
        rtl::Bootstrap::set("URE_MORE_TYPES",
                            toOUString("<file://" + program + "/types>* file://" DEALSHEET_RDB));
        const auto local = cppu::defaultBootstrap_InitialComponentContext();
        const auto resolver = css::bridge::UnoUrlResolver::create(local);
        const auto deadline = std::chrono::steady_clock::now() + 90s;
        while (std::chrono::steady_clock::now() < deadline && alive(officePid_)) {
            try {
                context_.set(resolver->resolve(toOUString("uno:pipe,name=" + pipe +
                                                          ";urp;StarOffice.ComponentContext")),
                             css::uno::UNO_QUERY_THROW);
                break;
            } catch (const css::connection::NoConnectException&) {
                std::this_thread::sleep_for(100ms);
            }
        }
        // A first start with a new profile ends with exit code 81, asking for the restart
        // that the soffice script would do; anything else still running is killed.
        if (!context_.is() && alive(officePid_)) waitFor(officePid_, 0s);
    }
    if (!context_.is()) throw std::runtime_error("the office did not start:\n" + tail(log));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    std::cout << "[office] extension installed and office started in " << seconds << " s\n";
}

void printOfficeTimings() {
    static std::streamoff seen = 0;
    std::ifstream log(Office::get().logPath());
    log.seekg(seen);
    std::string line;
    while (std::getline(log, line))
        if (line.rfind("[timings]", 0) == 0) std::printf("    %s\n", line.c_str());
    log.clear();
    seen = log.tellg() >= 0 ? static_cast<std::streamoff>(log.tellg()) : seen;
}

void Office::stop() {
    if (context_.is()) {
        try {
            desktop()->terminate();
        } catch (const css::uno::Exception&) {
            // The bridge goes away while terminate() returns: expected.
        }
        context_.clear();
    }
    if (officePid_ > 0 && waitFor(officePid_, 30s) < 0)
        std::cerr << "[office] did not end by itself; killed\n";
    officePid_ = -1;
    killChildGroup();
    std::error_code ignored;
    if (!root_.empty()) fs::remove_all(root_, ignored);
    gRootToRemove.clear();
}

}  // namespace dealsheet::driver
