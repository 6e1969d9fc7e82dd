// A real headless LibreOffice driven over UNO: the built .oxt installed into a throw-away
// profile, one office per process, always shut down and cleaned up, also when the work fails or
// hangs. Used by the build (make_workbooks makes the shipped templates), the benchmark, the demo
// and the integration tests (which add their GoogleTest environment in tests/integration).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace dealsheet::driver {

namespace css = com::sun::star;

class Office {
  public:
    // The office of this process (started by runWithOffice or the tests' environment).
    static Office& get();

    // Installs `oxt` into a throw-away profile and starts a headless office with it.
    // With `window`, the office opens real windows (on $DISPLAY, e.g. under xvfb-run).
    // `withoutModules` ("writer", ...) leaves those modules' configuration (<module>.xcd of the
    // installation's registry) out of this office, as in an office installed without them:
    // Debian's libreoffice-calc alone has no writer.xcd, so no Writer module and no Writer
    // filters.
    void start(const std::string& oxt, bool window = false,
               const std::vector<std::string>& withoutModules = {});
    void stop();

    css::uno::Reference<css::uno::XComponentContext> context() const { return context_; }
    css::uno::Reference<css::lang::XMultiComponentFactory> serviceManager() const;
    css::uno::Reference<css::frame::XDesktop2> desktop() const;
    // A folder inside the throw-away area, removed with the office.
    const std::string& workDir() const { return workDir_; }
    int pid() const { return officePid_; }
    // What the office printed (stdout and stderr), kept until the office is stopped.
    std::string logPath() const { return root_ + "/office.log"; }

  private:
    Office() = default;

    std::string root_;     // everything of this run: profile, extension cache, files
    std::string workDir_;  // files written by the tools and tests
    int officePid_ = -1;
    css::uno::Reference<css::uno::XComponentContext> context_;
};

// Prints the "[timings]" lines the office printed since the last call (where each command's
// time went; the office prints them when DEALSHEET_TIMINGS is set in its environment).
void printOfficeTimings();

// main() of a tool that drives an office: installs `oxt`, starts a headless office, runs
// `work`, stops the office on every path (watchdog after `limit`) and turns failures into a
// message on stderr and exit code 1.
int runWithOffice(const char* tool, const std::string& oxt, std::chrono::seconds limit,
                  const std::function<void()>& work);

// Kills the office and removes its folders; safe to call more than once.
void emergencyCleanup();
// Another real component a test started (a database server) to stop on the emergency path.
void addEmergencyCleanup(std::function<void()> cleanup);
// SIGINT, SIGTERM, SIGHUP and SIGABRT clean up before the process ends.
void installCleanupHandlers();

// Ends the process (after cleanup) when it runs longer than `limit`.
class Watchdog {
  public:
    explicit Watchdog(std::chrono::seconds limit);
    ~Watchdog();

  private:
    std::unique_ptr<class WatchdogImpl> impl_;
};

}  // namespace dealsheet::driver
