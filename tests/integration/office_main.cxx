// main() of every integration test binary: one office for the whole binary, a watchdog, and
// cleanup on every exit path.
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "office.hxx"
#include "uno_helpers.hxx"

namespace {

using namespace dealsheet::test;

class OfficeEnvironment : public ::testing::Environment {
  public:
    void SetUp() override {
        try {
            const char* window = std::getenv("DEALSHEET_OFFICE_WINDOW");
            // DEALSHEET_OFFICE_WITHOUT=writer: an office installed without those modules.
            std::vector<std::string> without;
            if (const char* modules = std::getenv("DEALSHEET_OFFICE_WITHOUT")) {
                std::istringstream list(modules);
                for (std::string module; std::getline(list, module, ',');)
                    if (!module.empty()) without.push_back(module);
            }
            Office::get().start(DEALSHEET_OXT, window && std::string(window) == "1", without);
        } catch (const std::exception& e) {
            GTEST_FAIL() << e.what();
        } catch (const css::uno::Exception& e) {
            GTEST_FAIL() << toUtf8(e.Message);
        }
    }
    void TearDown() override { Office::get().stop(); }
};

}  // namespace

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    installCleanupHandlers();
    const char* configured = std::getenv("DEALSHEET_TEST_TIMEOUT");
    const long limit = configured ? std::strtol(configured, nullptr, 10) : 840;
    Watchdog watchdog(std::chrono::seconds(limit > 0 ? limit : 840));
    ::testing::AddGlobalTestEnvironment(new OfficeEnvironment);
    const int result = RUN_ALL_TESTS();
    emergencyCleanup();
    return result;
}
