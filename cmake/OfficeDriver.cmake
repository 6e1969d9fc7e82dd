# Drives a real headless LibreOffice over UNO: the integration tests and the build's own
# workbook maker (templates and sample) use it.
add_library(dealsheet_office_driver STATIC ${CMAKE_SOURCE_DIR}/tests/integration/office.cxx
                                           ${CMAKE_SOURCE_DIR}/tests/integration/uno_helpers.cxx)
target_include_directories(dealsheet_office_driver PUBLIC ${CMAKE_SOURCE_DIR}/tests/integration)
target_link_libraries(dealsheet_office_driver PUBLIC LibreOffice::uno GTest::gtest dealsheet_core)
target_compile_options(dealsheet_office_driver PRIVATE ${DEALSHEET_WARNINGS})
target_compile_definitions(dealsheet_office_driver PUBLIC
  DEALSHEET_OXT="${CMAKE_BINARY_DIR}/dealsheet.oxt" DEALSHEET_RDB="${DEALSHEET_RDB}"
  LO_PROGRAM_DIR="${LO_PROGRAM_DIR}" DEALSHEET_WORKBOOKS="${CMAKE_BINARY_DIR}/workbooks"
  DEALSHEET_SOURCE_DIR="${CMAKE_SOURCE_DIR}" DEALSHEET_BUILD_DIR="${CMAKE_BINARY_DIR}")
add_dependencies(dealsheet_office_driver dealsheet_uno_headers)
