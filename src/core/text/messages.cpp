#include "core/text/messages.hpp"

#include <string>

namespace dealsheet::msg {

std::string format(std::string_view pattern, std::string_view value) {
    std::string out(pattern);
    const auto at = out.find("{0}");
    if (at != std::string::npos) out.replace(at, 3, value);
    return out;
}

}  // namespace dealsheet::msg
