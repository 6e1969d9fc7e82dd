# Fails when a binary imports a symbol version newer than the oldest system DealSheet supports:
# glibc 2.28 and GCC 8's libstdc++ (GLIBCXX_3.4.25, CXXABI_1.3.11), e.g. Debian 10, RHEL 8,
# Ubuntu 20.04. Run by the build after linking:
#   cmake -DOBJDUMP=objdump -DBINARY=lib.so -P CheckSymbolVersions.cmake
set(MAX_VERSION_GLIBC 2.28)
set(MAX_VERSION_GLIBCXX 3.4.25)
set(MAX_VERSION_CXXABI 1.3.11)
set(MAX_VERSION_GCC 7.0.0)  # libgcc_s of GCC 8

execute_process(COMMAND ${OBJDUMP} -T ${BINARY} OUTPUT_VARIABLE table RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "${OBJDUMP} -T ${BINARY} failed")
endif()
string(REGEX MATCHALL "[ (](GLIBC|GLIBCXX|CXXABI|GCC)_[0-9.]+\\)? +[^\n]*" imports "${table}")
set(too_new "")
foreach(line IN LISTS imports)
  string(REGEX MATCH "(GLIBC|GLIBCXX|CXXABI|GCC)_([0-9.]+)" version "${line}")
  set(library ${CMAKE_MATCH_1})
  set(number ${CMAKE_MATCH_2})
  if(number VERSION_GREATER MAX_VERSION_${library})
    string(STRIP "${line}" line)
    list(APPEND too_new "${line}")
  endif()
endforeach()
if(too_new)
  # Removed, so that the next build links again instead of packaging this binary.
  file(REMOVE ${BINARY})
  list(JOIN too_new "\n  " listed)
  message(FATAL_ERROR "${BINARY} needs symbol versions newer than glibc ${MAX_VERSION_GLIBC} / "
                      "GLIBCXX_${MAX_VERSION_GLIBCXX} / CXXABI_${MAX_VERSION_CXXABI}:\n  ${listed}\n"
                      "It would not load on older Linux systems (docs/PLATFORMS.md).")
endif()
list(LENGTH imports count)
message(STATUS "${BINARY}: ${count} versioned imports, none newer than glibc ${MAX_VERSION_GLIBC}")
