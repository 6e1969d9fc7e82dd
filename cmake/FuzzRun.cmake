# Runs one libFuzzer target for a bounded time (cmake -P, from the fuzz.* ctest entries of
# cmake/Fuzz.cmake). New inputs go to a fresh scratch corpus, listed first; the committed seeds
# come second and are only read. Crash inputs are written to the scratch directory.
#   -DFUZZER=binary -DSEEDS=dir [-DEXTRA_SEEDS=files] [-DDICT=file] -DSCRATCH=dir [-DSECONDS=n]
if(NOT FUZZER OR NOT SEEDS OR NOT SCRATCH)
  message(FATAL_ERROR "usage: cmake -DFUZZER=... -DSEEDS=... -DSCRATCH=... -P FuzzRun.cmake")
endif()
if(NOT SECONDS)
  set(SECONDS 10)
endif()
if(NOT EXISTS ${FUZZER})
  message(FATAL_ERROR "${FUZZER} is not built: cmake --build <build dir> --target dealsheet_fuzz")
endif()

file(REMOVE_RECURSE ${SCRATCH})
file(MAKE_DIRECTORY ${SCRATCH}/corpus ${SCRATCH}/artifacts)
foreach(seed IN LISTS EXTRA_SEEDS)
  file(COPY ${seed} DESTINATION ${SCRATCH}/corpus)
endforeach()
set(options -max_total_time=${SECONDS} -timeout=5 -rss_limit_mb=2048 -print_final_stats=1
            -artifact_prefix=${SCRATCH}/artifacts/)
if(DICT AND EXISTS ${DICT})
  list(APPEND options -dict=${DICT})
endif()
set(ENV{UBSAN_OPTIONS} "print_stacktrace=1")
execute_process(COMMAND ${FUZZER} ${options} ${SCRATCH}/corpus ${SEEDS}
                WORKING_DIRECTORY ${SCRATCH}
                RESULT_VARIABLE result
                OUTPUT_VARIABLE output
                ERROR_VARIABLE output)
string(REGEX MATCH "Done ([0-9]+) runs in ([0-9]+) second" done "${output}")
get_filename_component(name ${FUZZER} NAME)
if(NOT result EQUAL 0 OR NOT done)
  message("${output}")
  message(FATAL_ERROR "${name} failed (exit ${result}); inputs in ${SCRATCH}/artifacts")
endif()
message("${name}: ${CMAKE_MATCH_1} executions in ${CMAKE_MATCH_2} s")
