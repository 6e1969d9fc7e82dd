# The word lists of the match keys (schema/matching/*.txt, read by src/core/matching), compiled
# in as the schema is: dealsheet_matching_data(<repository root> <generated .cpp>).
function(dealsheet_matching_data root output)
  foreach(list legal_forms regions branch_words industry_classes)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
                 ${root}/schema/matching/${list}.txt)
    string(TOUPPER ${list} list_var)
    file(READ ${root}/schema/matching/${list}.txt DEALSHEET_${list_var})
  endforeach()
  configure_file(${root}/cmake/matching_data.cpp.in ${output} @ONLY)
endfunction()
