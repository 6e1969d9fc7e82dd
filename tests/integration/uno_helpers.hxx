// Helpers for tests that drive the office over UNO: the tools' document helpers
// (src/tools/office_documents.hxx) plus what only GoogleTest needs.
#pragma once

#include <functional>

#include "office.hxx"
#include "tools/office_documents.hxx"

namespace dealsheet::test {

// Runs a test body, reporting a UNO exception as a failure with its message (GoogleTest
// would only say "unknown exception").
void unoGuard(const std::function<void()>& body);

}  // namespace dealsheet::test
