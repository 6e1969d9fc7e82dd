// The office of an integration test binary: the tools' driver (src/tools/office_driver.hxx),
// started for the whole binary by office_main.cxx, seen from the tests' namespace.
#pragma once

#include "tools/office_driver.hxx"

namespace dealsheet::test {
using namespace dealsheet::driver;
}  // namespace dealsheet::test
