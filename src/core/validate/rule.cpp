#include "core/validate/rule.hpp"

#include <stdexcept>

namespace dealsheet {

const std::vector<RuleDefinition>& allRules() {
    static const std::vector<RuleDefinition> all = [] {
        std::vector<RuleDefinition> rules;
        for (const auto* family :
             {&columnRules(), &structureRules(), &sheetRules(), &duplicateRules()})
            rules.insert(rules.end(), family->begin(), family->end());
        return rules;
    }();
    return all;
}

const RuleDefinition* findRule(std::string_view code) {
    for (const auto& definition : allRules())
        if (definition.code == code) return &definition;
    return nullptr;
}

const RuleDefinition& rule(std::string_view code) {
    if (const auto* definition = findRule(code)) return *definition;
    throw std::out_of_range("unknown rule code " + std::string(code));
}

}  // namespace dealsheet
