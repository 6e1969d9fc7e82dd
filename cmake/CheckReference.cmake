# Fails when docs/REFERENCE.md differs from what make_reference writes now.
execute_process(COMMAND ${GENERATOR} ${ADDONS} OUTPUT_FILE ${OUT} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "make_reference failed (${status})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT} ${COMMITTED}
                RESULT_VARIABLE differs)
if(differs)
  message(FATAL_ERROR "docs/REFERENCE.md is out of date: regenerate it with\n"
                      "  build/make_reference registration/Addons.xcu > docs/REFERENCE.md")
endif()
