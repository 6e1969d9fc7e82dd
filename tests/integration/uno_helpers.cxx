#include "uno_helpers.hxx"

#include <gtest/gtest.h>

namespace dealsheet::test {

void unoGuard(const std::function<void()>& body) {
    try {
        body();
    } catch (const css::uno::Exception& e) {
        ADD_FAILURE() << "UNO exception: " << toUtf8(e.Message);
    }
}

}  // namespace dealsheet::test
