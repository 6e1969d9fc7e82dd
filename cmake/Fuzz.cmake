# libFuzzer targets of the core (tests/fuzz, docs/FUZZING.md). The main build uses g++, which
# has no libFuzzer, so tests/fuzz is a project of its own built with clang++ through
# ExternalProject; each target gets a short smoke run in ctest (label fuzz).
option(DEALSHEET_FUZZ "Build the libFuzzer targets with clang++ and smoke-run them in ctest" ON)
if(NOT DEALSHEET_FUZZ)
  return()
endif()

find_program(DEALSHEET_CLANGXX NAMES clang++ clang++-14)
if(DEALSHEET_CLANGXX AND (NOT DEALSHEET_FUZZ_WORKS OR
                          NOT DEALSHEET_CLANGXX STREQUAL DEALSHEET_FUZZ_CHECKED_WITH))
  # Links a fuzz target of one line: proves clang++ and the libFuzzer runtime
  # (libclang-rt-14-dev) are there. Checked again until it works, or when the compiler changes.
  set(check_dir ${CMAKE_BINARY_DIR}/fuzz-check)
  file(WRITE ${check_dir}/check.cpp
       "#include <cstddef>\n#include <cstdint>\n"
       "extern \"C\" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }\n")
  execute_process(COMMAND ${DEALSHEET_CLANGXX} -fsanitize=fuzzer,address,undefined
                          ${check_dir}/check.cpp -o ${check_dir}/check
                  RESULT_VARIABLE check_result OUTPUT_QUIET ERROR_QUIET)
  if(check_result EQUAL 0)
    set(DEALSHEET_FUZZ_WORKS TRUE CACHE INTERNAL "clang++ links libFuzzer targets")
  else()
    set(DEALSHEET_FUZZ_WORKS FALSE CACHE INTERNAL "clang++ links libFuzzer targets")
  endif()
  set(DEALSHEET_FUZZ_CHECKED_WITH ${DEALSHEET_CLANGXX} CACHE INTERNAL "compiler of the check")
endif()
if(NOT DEALSHEET_CLANGXX OR NOT DEALSHEET_FUZZ_WORKS)
  message(STATUS "clang++ with libFuzzer not found (Debian: clang libclang-rt-14-dev, "
                 "scripts/deps.sh installs them): the fuzz targets are not built or tested")
  return()
endif()

include(ExternalProject)
set(DEALSHEET_FUZZ_DIR ${CMAKE_BINARY_DIR}/fuzz)
set(fuzz_cmake_args -DCMAKE_CXX_COMPILER=${DEALSHEET_CLANGXX} -DDEALSHEET_WERROR=${DEALSHEET_WERROR})
if(CCACHE_PROGRAM)
  list(APPEND fuzz_cmake_args -DCMAKE_CXX_COMPILER_LAUNCHER=${CCACHE_PROGRAM})
endif()
ExternalProject_Add(dealsheet_fuzz
  SOURCE_DIR ${CMAKE_SOURCE_DIR}/tests/fuzz
  BINARY_DIR ${DEALSHEET_FUZZ_DIR}
  CMAKE_ARGS ${fuzz_cmake_args}
  BUILD_ALWAYS TRUE
  INSTALL_COMMAND ""
  USES_TERMINAL_BUILD TRUE)

# One smoke run per fuzz_*.cpp: the seed corpus, then ten seconds of fuzzing.
file(GLOB fuzz_sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_*.cpp)
foreach(source IN LISTS fuzz_sources)
  get_filename_component(target ${source} NAME_WE)
  set(extra_seeds "")
  if(target STREQUAL "fuzz_schema")
    set(extra_seeds ${CMAKE_SOURCE_DIR}/schema/sheets.json)
  endif()
  add_test(NAME fuzz.${target}
           COMMAND ${CMAKE_COMMAND}
                   -DFUZZER=${DEALSHEET_FUZZ_DIR}/${target}
                   -DSEEDS=${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/${target}
                   -DEXTRA_SEEDS=${extra_seeds}
                   -DDICT=${CMAKE_SOURCE_DIR}/tests/fuzz/dict/${target}.dict
                   -DSCRATCH=${CMAKE_BINARY_DIR}/fuzz-scratch/${target}
                   -DSECONDS=10
                   -P ${CMAKE_SOURCE_DIR}/cmake/FuzzRun.cmake)
  set_tests_properties(fuzz.${target} PROPERTIES LABELS fuzz TIMEOUT 300)
endforeach()
