# Stages the extension's files and zips them into build/dealsheet.oxt, in two steps: a base
# package without templates, which the build's own office run uses to make the templates and
# the sample workbook with DealSheet's Insert command; then the full package with templates.
find_program(ZIP_PROGRAM zip REQUIRED)
set(OXT_STAGE ${CMAKE_BINARY_DIR}/oxt-stage)
set(DEALSHEET_BASE_OXT ${CMAKE_BINARY_DIR}/dealsheet-base.oxt)
set(DEALSHEET_OXT ${CMAKE_BINARY_DIR}/dealsheet.oxt)
set(WORKBOOKS_DIR ${CMAKE_BINARY_DIR}/workbooks)

# One binary per platform, each in lib/<platform>/ beside a copy of dealsheet.components; the
# manifest registers each copy for its platform only (the platform= parameter of the media
# type), so an office loads the binary of its own architecture.
if(CMAKE_SYSTEM_PROCESSOR STREQUAL "aarch64")
  set(DEALSHEET_NATIVE_PLATFORM linux_aarch64)
else()
  set(DEALSHEET_NATIVE_PLATFORM linux_x86_64)
endif()
set(DEALSHEET_PLATFORMS ${DEALSHEET_NATIVE_PLATFORM})
set(package_binaries $<TARGET_FILE:dealsheet_uno>)
set(package_objcopies ${CMAKE_OBJCOPY})
set(package_binary_targets dealsheet_uno)
set(aarch64_dependencies)
if(DEALSHEET_AARCH64_BINARY)
  list(APPEND DEALSHEET_PLATFORMS linux_aarch64)
  list(APPEND package_binaries ${DEALSHEET_AARCH64_BINARY})
  list(APPEND package_objcopies ${AARCH64_OBJCOPY})
  list(APPEND package_binary_targets dealsheet_uno_aarch64)
  set(aarch64_dependencies dealsheet_uno_aarch64 ${DEALSHEET_AARCH64_BINARY})
endif()
list(JOIN DEALSHEET_PLATFORMS "," DEALSHEET_PLATFORM_LIST)

# The package carries stripped binaries (2-3 MB instead of 40 MB each); their debug info stays
# beside the package in build/debug/<platform>/dealsheet.uno.so.debug, found by gdb through
# each binary's .gnu_debuglink or its build-id (cmake/SplitDebug.cmake). The built binaries
# themselves (build/dealsheet.uno.so, build/aarch64/dealsheet.uno.so) keep their debug info.
if(NOT CMAKE_OBJCOPY OR NOT CMAKE_READELF)
  message(FATAL_ERROR "objcopy and readelf not found (Debian package binutils): the package "
                      "ships stripped binaries")
endif()
set(DEALSHEET_DEBUG_DIR ${CMAKE_BINARY_DIR}/debug)
set(DEALSHEET_STRIPPED_DIR ${CMAKE_BINARY_DIR}/stripped)
set(DEALSHEET_COMPONENT_ENTRIES "")
set(stage_binaries)
set(stripped_binaries)
foreach(platform binary objcopy target IN ZIP_LISTS DEALSHEET_PLATFORMS package_binaries
                                                    package_objcopies package_binary_targets)
  string(APPEND DEALSHEET_COMPONENT_ENTRIES
    "  <manifest:file-entry manifest:full-path=\"lib/${platform}/dealsheet.components\"\n"
    "                       manifest:media-type=\"application/vnd.sun.star.uno-components;platform=${platform}\"/>\n")
  set(stripped ${DEALSHEET_STRIPPED_DIR}/${platform}/dealsheet.uno.so)
  add_custom_command(OUTPUT ${stripped} ${DEALSHEET_DEBUG_DIR}/${platform}/dealsheet.uno.so.debug
    COMMAND ${CMAKE_COMMAND} -DOBJCOPY=${objcopy} -DREADELF=${CMAKE_READELF} -DBINARY=${binary}
            -DSTRIPPED=${stripped} -DDEBUG_DIR=${DEALSHEET_DEBUG_DIR} -DPLATFORM=${platform}
            -P ${CMAKE_SOURCE_DIR}/cmake/SplitDebug.cmake
    DEPENDS ${target} ${binary} ${CMAKE_SOURCE_DIR}/cmake/SplitDebug.cmake
    COMMENT "Stripping the ${platform} binary for the package; debug info into build/debug"
    VERBATIM)
  list(APPEND stripped_binaries ${stripped})
  list(APPEND stage_binaries
    COMMAND ${CMAKE_COMMAND} -E make_directory ${OXT_STAGE}/lib/${platform}
    COMMAND ${CMAKE_COMMAND} -E copy ${stripped} ${CMAKE_SOURCE_DIR}/registration/dealsheet.components
            ${OXT_STAGE}/lib/${platform}/)
endforeach()
message(STATUS "Package platforms: ${DEALSHEET_PLATFORM_LIST}")
configure_file(${CMAKE_SOURCE_DIR}/registration/description.xml.in
               ${CMAKE_BINARY_DIR}/description.xml @ONLY)
configure_file(${CMAKE_SOURCE_DIR}/registration/manifest.xml.in
               ${CMAKE_BINARY_DIR}/manifest.xml @ONLY)

set(REG ${CMAKE_SOURCE_DIR}/registration)
file(GLOB OXT_ICONS CONFIGURE_DEPENDS ${REG}/icons/*.png)
set(OXT_INPUTS
  ${CMAKE_BINARY_DIR}/description.xml ${CMAKE_BINARY_DIR}/manifest.xml ${REG}/dealsheet.components
  ${REG}/Addons.xcu ${REG}/ProtocolHandler.xcu ${REG}/Paths.xcu ${REG}/CalcWindowState.xcu
  ${REG}/Jobs.xcu ${REG}/Sidebar.xcu ${REG}/Factories.xcu ${REG}/dealsheet.png
  ${REG}/description-en.txt ${REG}/description-zh.txt ${REG}/LICENSE-en.txt ${REG}/LICENSE-zh.txt
  ${OXT_ICONS} ${DEALSHEET_RDB})

# The team register's SQL, generated from the schema (server/dealsheet-team.sql is the same
# text, checked by a unit test); shipped in the package's admin/ folder for administrators.
add_executable(make_server_sql ${CMAKE_SOURCE_DIR}/src/tools/make_server_sql.cpp)
target_link_libraries(make_server_sql PRIVATE dealsheet_core)
target_compile_options(make_server_sql PRIVATE ${DEALSHEET_WARNINGS})
set(DEALSHEET_TEAM_SQL ${CMAKE_BINARY_DIR}/server/dealsheet-team.sql)
add_custom_command(OUTPUT ${DEALSHEET_TEAM_SQL}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/server
  COMMAND make_server_sql ${DEALSHEET_TEAM_SQL}
  DEPENDS make_server_sql
  COMMENT "Generating the team register's SQL from the schema")
list(APPEND OXT_INPUTS ${DEALSHEET_TEAM_SQL})

add_custom_command(
  OUTPUT ${DEALSHEET_BASE_OXT}
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${OXT_STAGE} ${DEALSHEET_BASE_OXT}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${OXT_STAGE}/META-INF
          ${OXT_STAGE}/types ${OXT_STAGE}/images ${OXT_STAGE}/description
          ${OXT_STAGE}/registration ${OXT_STAGE}/icons ${OXT_STAGE}/admin
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_BINARY_DIR}/description.xml ${REG}/Addons.xcu
          ${REG}/ProtocolHandler.xcu ${REG}/Paths.xcu ${REG}/CalcWindowState.xcu ${REG}/Jobs.xcu
          ${REG}/Sidebar.xcu ${REG}/Factories.xcu ${OXT_STAGE}/
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_BINARY_DIR}/manifest.xml ${OXT_STAGE}/META-INF/manifest.xml
  ${stage_binaries}
  COMMAND ${CMAKE_COMMAND} -E copy ${DEALSHEET_RDB} ${OXT_STAGE}/types/
  COMMAND ${CMAKE_COMMAND} -E copy ${REG}/dealsheet.png ${OXT_STAGE}/images/
  COMMAND ${CMAKE_COMMAND} -E copy ${OXT_ICONS} ${OXT_STAGE}/icons/
  COMMAND ${CMAKE_COMMAND} -E copy ${DEALSHEET_TEAM_SQL} ${OXT_STAGE}/admin/
  COMMAND ${CMAKE_COMMAND} -E copy ${REG}/description-en.txt ${REG}/description-zh.txt
          ${OXT_STAGE}/description/
  COMMAND ${CMAKE_COMMAND} -E copy ${REG}/LICENSE-en.txt ${REG}/LICENSE-zh.txt
          ${OXT_STAGE}/registration/
  COMMAND ${CMAKE_COMMAND} -E chdir ${OXT_STAGE} ${ZIP_PROGRAM} -q -X -r ${DEALSHEET_BASE_OXT} .
  DEPENDS dealsheet_uno ${OXT_INPUTS} ${aarch64_dependencies} ${stripped_binaries}
  COMMENT "Packaging dealsheet-base.oxt (${DEALSHEET_PLATFORM_LIST})")

add_executable(make_workbooks ${CMAKE_SOURCE_DIR}/src/tools/make_workbooks.cxx)
target_link_libraries(make_workbooks PRIVATE dealsheet_office_driver dealsheet_core)
target_compile_options(make_workbooks PRIVATE ${DEALSHEET_WARNINGS})
set_target_properties(make_workbooks PROPERTIES BUILD_RPATH ${LO_PROGRAM_DIR})

file(GLOB SAMPLE_DATA CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/templates/sample/*.csv)
add_custom_command(
  OUTPUT ${WORKBOOKS_DIR}/templates/DealSheet-zh.ots ${WORKBOOKS_DIR}/templates/DealSheet-en.ots
         ${WORKBOOKS_DIR}/sample-zh.ods
  COMMAND ${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${LO_PROGRAM_DIR}
          $<TARGET_FILE:make_workbooks> ${DEALSHEET_BASE_OXT} ${WORKBOOKS_DIR}
          ${CMAKE_SOURCE_DIR}/templates/sample
  DEPENDS make_workbooks ${DEALSHEET_BASE_OXT} ${SAMPLE_DATA}
  COMMENT "Making the workbook templates and the sample workbook in a headless office")

add_custom_command(
  OUTPUT ${DEALSHEET_OXT}
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${OXT_STAGE}/templates ${DEALSHEET_OXT}
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${WORKBOOKS_DIR}/templates ${OXT_STAGE}/templates
  COMMAND ${CMAKE_COMMAND} -E chdir ${OXT_STAGE} ${ZIP_PROGRAM} -q -X -r ${DEALSHEET_OXT} .
  DEPENDS ${DEALSHEET_BASE_OXT} ${WORKBOOKS_DIR}/templates/DealSheet-zh.ots
          ${WORKBOOKS_DIR}/templates/DealSheet-en.ots ${WORKBOOKS_DIR}/sample-zh.ods
  COMMENT "Packaging dealsheet.oxt")

add_custom_target(oxt ALL DEPENDS ${DEALSHEET_OXT})

# The demo of the README's quick start.
add_executable(demo ${CMAKE_SOURCE_DIR}/src/tools/demo.cxx)
target_link_libraries(demo PRIVATE dealsheet_office_driver dealsheet_core)
target_compile_options(demo PRIVATE ${DEALSHEET_WARNINGS})
set_target_properties(demo PROPERTIES BUILD_RPATH ${LO_PROGRAM_DIR})

# The benchmark (docs/BENCHMARKS.md): bench build/dealsheet.oxt 1000 10000 100000
add_executable(bench ${CMAKE_SOURCE_DIR}/src/tools/bench.cxx)
target_link_libraries(bench PRIVATE dealsheet_office_driver dealsheet_core)
target_compile_options(bench PRIVATE ${DEALSHEET_WARNINGS})
set_target_properties(bench PROPERTIES BUILD_RPATH ${LO_PROGRAM_DIR})

# The core of Validate without the office, for profiling (docs/BENCHMARKS.md).
add_executable(profile_validate ${CMAKE_SOURCE_DIR}/src/tools/profile_validate.cpp)
target_link_libraries(profile_validate PRIVATE dealsheet_core)
target_compile_options(profile_validate PRIVATE ${DEALSHEET_WARNINGS})

# docs/REFERENCE.md, generated from the schema, the rule registry, the functions and the toolbar.
add_executable(make_reference ${CMAKE_SOURCE_DIR}/src/tools/make_reference.cpp)
target_link_libraries(make_reference PRIVATE dealsheet_core)
target_compile_options(make_reference PRIVATE ${DEALSHEET_WARNINGS})
# The team benchmark against a real PostgreSQL (docs/BENCHMARKS.md):
#   team_bench build/dealsheet.oxt build/server/dealsheet-team.sql 100000
add_executable(team_bench ${CMAKE_SOURCE_DIR}/src/tools/team_bench.cxx
                          ${CMAKE_SOURCE_DIR}/src/tools/postgres_server.cxx)
target_link_libraries(team_bench PRIVATE dealsheet_office_driver dealsheet_core)
target_compile_options(team_bench PRIVATE ${DEALSHEET_WARNINGS})
set_target_properties(team_bench PROPERTIES BUILD_RPATH ${LO_PROGRAM_DIR})
