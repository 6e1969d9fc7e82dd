// The word lists of the match keys, compiled in from schema/matching/*.txt (cmake/
// MatchingData.cmake): each the text of its file, read by name_key.cpp at first use.
#pragma once

#include <string_view>

namespace dealsheet {

std::string_view legalFormsList();       // schema/matching/legal_forms.txt
std::string_view regionsList();          // schema/matching/regions.txt
std::string_view branchWordsList();      // schema/matching/branch_words.txt
std::string_view industryClassesList();  // schema/matching/industry_classes.txt

}  // namespace dealsheet
