# The component must load wherever LibreOffice runs, also on Linux systems older than the
# build machine (Debian 12: glibc 2.36, GCC 12). GCC's C++ runtime is linked in statically
# with its symbols hidden (--exclude-libs), so the component needs no libstdc++ at all; the
# few glibc symbols that static runtime refers to beyond glibc 2.28 are defined in
# src/platform/glibc_compat.cxx. libgcc_s stays shared: it is the unwinder the office itself
# uses (one unwinder for exceptions crossing into the office), its interface has been stable
# since GCC 4.2, and GCC 12's static copy would need _dl_find_object from glibc 2.35.
# After every link cmake/CheckSymbolVersions.cmake reads the dynamic symbol table and fails
# the build when a newer version appears (docs/PLATFORMS.md).
if(NOT (CMAKE_SYSTEM_NAME STREQUAL "Linux" AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU"))
  message(STATUS "Portable runtime and symbol check apply to Linux/GCC builds only")
  return()
endif()

target_sources(dealsheet_uno PRIVATE ${CMAKE_SOURCE_DIR}/src/platform/glibc_compat.cxx)
target_link_options(dealsheet_uno PRIVATE -static-libstdc++ -Wl,--exclude-libs,ALL)
# The component's RUNPATH would name the build machine's SDK folder: the office loads the
# UNO libraries itself.
set_target_properties(dealsheet_uno PROPERTIES SKIP_BUILD_RPATH ON)

if(NOT CMAKE_OBJDUMP)
  message(FATAL_ERROR "objdump not found (Debian package binutils): the symbol check needs it")
endif()
add_custom_command(TARGET dealsheet_uno POST_BUILD
  COMMAND ${CMAKE_COMMAND} -DOBJDUMP=${CMAKE_OBJDUMP} -DBINARY=$<TARGET_FILE:dealsheet_uno>
          -P ${CMAKE_SOURCE_DIR}/cmake/CheckSymbolVersions.cmake
  COMMENT "Checking the symbol versions dealsheet.uno.so needs (glibc 2.28, GCC 8)"
  VERBATIM)
