#include "core/functions/grading.hpp"

namespace dealsheet {

LeadGrade gradeLead(std::optional<double> budget, std::optional<double> urgency,
                    std::optional<double> likelihood, const GradeThresholds& thresholds) {
    const int met = (budget && *budget >= thresholds.budget) +
                    (urgency && *urgency >= thresholds.urgency) +
                    (likelihood && *likelihood >= thresholds.likelihood);
    if (met >= 2) return LeadGrade::A;
    return met == 1 ? LeadGrade::B : LeadGrade::C;
}

char gradeLetter(LeadGrade grade) {
    switch (grade) {
        case LeadGrade::A:
            return 'A';
        case LeadGrade::B:
            return 'B';
        case LeadGrade::C:
            break;
    }
    return 'C';
}

}  // namespace dealsheet
