#include "core/sharing/xlsx_lists.hpp"

namespace dealsheet {
namespace {

constexpr std::string_view kOpen = "<dataValidation";
constexpr std::string_view kClose = "</dataValidation>";
constexpr std::string_view kFormula2 = "<formula2>";
constexpr std::string_view kFormula2End = "</formula2>";

// Whether the start tag `tag` (from '<' to '>') has the attribute type="list".
bool isListRule(std::string_view tag) {
    for (std::string_view quote : {"\"", "'"}) {
        const std::string attribute = " type=" + std::string(quote) + "list" + std::string(quote);
        if (tag.find(attribute) != std::string_view::npos) return true;
        // Attributes may be separated by any XML white space, not only a blank.
        for (const char space : {'\t', '\n', '\r'}) {
            std::string other = attribute;
            other[0] = space;
            if (tag.find(other) != std::string_view::npos) return true;
        }
    }
    return false;
}

}  // namespace

std::optional<std::string> withoutListSecondFormulas(std::string_view xml) {
    std::string result;
    std::size_t copied = 0;  // xml[0, copied) is in result
    bool changed = false;
    std::size_t at = xml.find("<dataValidations");
    while (at != std::string_view::npos) {
        at = xml.find(kOpen, at);
        if (at == std::string_view::npos) break;
        const std::size_t nameEnd = at + kOpen.size();
        // "<dataValidations" matches too; a rule's tag continues with white space.
        if (nameEnd >= xml.size() || (xml[nameEnd] != ' ' && xml[nameEnd] != '\t' &&
                                      xml[nameEnd] != '\n' && xml[nameEnd] != '\r')) {
            at = nameEnd;
            continue;
        }
        const std::size_t tagEnd = xml.find('>', nameEnd);
        if (tagEnd == std::string_view::npos) break;
        const std::string_view tag = xml.substr(at, tagEnd + 1 - at);
        if (tag.size() >= 2 && tag[tag.size() - 2] == '/') {  // <dataValidation .../>: no formulas
            at = tagEnd + 1;
            continue;
        }
        const std::size_t end = xml.find(kClose, tagEnd);
        if (end == std::string_view::npos) break;
        if (isListRule(tag)) {
            const std::size_t formula = xml.find(kFormula2, tagEnd);
            if (formula != std::string_view::npos && formula < end) {
                const std::size_t formulaEnd = xml.find(kFormula2End, formula);
                if (formulaEnd != std::string_view::npos && formulaEnd < end) {
                    result.append(xml.substr(copied, formula - copied));
                    copied = formulaEnd + kFormula2End.size();
                    changed = true;
                }
            }
        }
        at = end + kClose.size();
    }
    if (!changed) return std::nullopt;
    result.append(xml.substr(copied));
    return result;
}

}  // namespace dealsheet
