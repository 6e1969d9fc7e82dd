// Lead grading: a lead meets up to three criteria (budget, urgency, decision likelihood);
// two or more make an A, one a B, none a C.
#pragma once

#include <optional>

namespace dealsheet {

// The defaults are the schema's settings (Settings::thresholds()).
struct GradeThresholds {
    double budget = 0;      // 万元
    double urgency = 0;     // 1-5
    double likelihood = 0;  // 1-5
};

enum class LeadGrade { A, B, C };

// A missing value meets no criterion.
LeadGrade gradeLead(std::optional<double> budget, std::optional<double> urgency,
                    std::optional<double> likelihood, const GradeThresholds& thresholds);

char gradeLetter(LeadGrade grade);

}  // namespace dealsheet
