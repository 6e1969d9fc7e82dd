# Drives a real headless LibreOffice over UNO (src/tools/office_driver.hxx): the build's own
# workbook maker (templates and sample), the benchmark, the demo and the integration tests use
# it. Product code only: the tests add their GoogleTest parts in tests/integration.
add_library(dealsheet_office_driver STATIC ${CMAKE_SOURCE_DIR}/src/tools/office_driver.cxx
                                           ${CMAKE_SOURCE_DIR}/src/tools/office_documents.cxx)
target_include_directories(dealsheet_office_driver PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_link_libraries(dealsheet_office_driver PUBLIC LibreOffice::uno)
target_compile_options(dealsheet_office_driver PRIVATE ${DEALSHEET_WARNINGS})
target_compile_definitions(dealsheet_office_driver PRIVATE
  DEALSHEET_RDB="${DEALSHEET_RDB}" LO_PROGRAM_DIR="${LO_PROGRAM_DIR}")
add_dependencies(dealsheet_office_driver dealsheet_uno_headers)
