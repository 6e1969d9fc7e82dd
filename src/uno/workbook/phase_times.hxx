// Where a command's time goes, printed to the office's stderr when DEALSHEET_TIMINGS is set
// (the benchmark sets it; nobody else sees it).
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace dealsheet::uno {

class PhaseTimes {
  public:
    explicit PhaseTimes(const char* command) : command_(command) {}
    PhaseTimes(const PhaseTimes&) = delete;
    PhaseTimes& operator=(const PhaseTimes&) = delete;
    void mark(const char* phase) {
        const auto now = std::chrono::steady_clock::now();
        line_ += std::string(" ") + phase + "=" +
                 std::to_string(
                     std::chrono::duration_cast<std::chrono::milliseconds>(now - last_).count()) +
                 "ms";
        last_ = now;
    }
    ~PhaseTimes() {
        if (std::getenv("DEALSHEET_TIMINGS"))
            std::fprintf(stderr, "[timings] %s%s\n", command_, line_.c_str());
    }

  private:
    const char* command_;
    std::string line_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// Marks a phase when the caller keeps times (readers and writers shared by several commands).
inline void markPhase(PhaseTimes* times, const char* phase) {
    if (times) times->mark(phase);
}

}  // namespace dealsheet::uno
