# Finds Debian's LibreOffice SDK, compiles idl/ into a types library and generates the C++
# headers of every office type and of our own types into the build tree.
set(LO_PROGRAM_DIR /usr/lib/libreoffice/program CACHE PATH "LibreOffice program folder")
set(LO_SDK_DIR /usr/lib/libreoffice/sdk CACHE PATH "LibreOffice SDK folder")
# The UNO libraries the component links against and the folder of their own dependencies. A
# cross build points these (and LO_ARCH_INCLUDE_DIR) into the target architecture's SDK.
set(LO_LINK_DIR ${LO_SDK_DIR}/lib CACHE PATH "LibreOffice SDK link libraries")
set(LO_LINK_DEPENDENCY_DIR ${LO_PROGRAM_DIR} CACHE PATH "Folder of the UNO libraries' dependencies")
set(LO_ARCH_INCLUDE_DIR "" CACHE PATH "Architecture-specific LibreOffice headers (sal/typesizes.h)")

find_program(LO_UNOIDL_WRITE unoidl-write HINTS ${LO_SDK_DIR}/bin NO_DEFAULT_PATH)
find_program(LO_CPPUMAKER cppumaker HINTS ${LO_SDK_DIR}/bin NO_DEFAULT_PATH)
# The headers are architecture-independent (LO_ARCH_INCLUDE_DIR holds the one that is not):
# found on the host also in a cross build.
find_path(LO_INCLUDE_DIR sal/config.h HINTS /usr/include/libreoffice ${LO_SDK_DIR}/include
          NO_CMAKE_FIND_ROOT_PATH)
find_program(LO_SOFFICE soffice.bin HINTS ${LO_PROGRAM_DIR} NO_DEFAULT_PATH)
find_program(LO_UNOPKG unopkg HINTS ${LO_PROGRAM_DIR} NO_DEFAULT_PATH)
set(LO_TYPES_RDB ${LO_PROGRAM_DIR}/types.rdb)
set(LO_OFFAPI_RDB ${LO_PROGRAM_DIR}/types/offapi.rdb)
foreach(required LO_UNOIDL_WRITE LO_CPPUMAKER LO_INCLUDE_DIR)
  if(NOT ${required})
    message(FATAL_ERROR "LibreOffice SDK not found (${required}). Install it with:\n"
                        "  apt-get install libreoffice-dev libreoffice-dev-common libreoffice-calc")
  endif()
endforeach()
foreach(rdb ${LO_TYPES_RDB} ${LO_OFFAPI_RDB})
  if(NOT EXISTS ${rdb})
    message(FATAL_ERROR "${rdb} missing: apt-get install libreoffice-calc")
  endif()
endforeach()

set(DEALSHEET_RDB ${CMAKE_BINARY_DIR}/types/dealsheet.rdb)
set(UNO_HEADER_DIR ${CMAKE_BINARY_DIR}/uno-include)
file(MAKE_DIRECTORY ${UNO_HEADER_DIR})
file(GLOB_RECURSE DEALSHEET_IDL CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/idl/*.idl)

add_custom_command(
  OUTPUT ${DEALSHEET_RDB}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/types
  COMMAND ${LO_UNOIDL_WRITE} ${LO_TYPES_RDB} ${LO_OFFAPI_RDB} ${CMAKE_SOURCE_DIR}/idl
          ${DEALSHEET_RDB}
  DEPENDS ${DEALSHEET_IDL}
  COMMENT "unoidl-write idl/ -> types/dealsheet.rdb")

add_custom_command(
  OUTPUT ${UNO_HEADER_DIR}/office.stamp
  COMMAND ${LO_CPPUMAKER} -Gc -O${UNO_HEADER_DIR} ${LO_TYPES_RDB} ${LO_OFFAPI_RDB}
  COMMAND ${CMAKE_COMMAND} -E touch ${UNO_HEADER_DIR}/office.stamp
  COMMENT "cppumaker: headers of the office types")

add_custom_command(
  OUTPUT ${UNO_HEADER_DIR}/dealsheet.stamp
  COMMAND ${LO_CPPUMAKER} -Gc -O${UNO_HEADER_DIR} ${DEALSHEET_RDB} -X${LO_TYPES_RDB}
          -X${LO_OFFAPI_RDB}
  COMMAND ${CMAKE_COMMAND} -E touch ${UNO_HEADER_DIR}/dealsheet.stamp
  DEPENDS ${DEALSHEET_RDB} ${UNO_HEADER_DIR}/office.stamp
  COMMENT "cppumaker: headers of the DealSheet types")

add_custom_target(dealsheet_uno_headers
  DEPENDS ${UNO_HEADER_DIR}/office.stamp ${UNO_HEADER_DIR}/dealsheet.stamp)

add_library(LibreOffice::uno INTERFACE IMPORTED)
target_include_directories(LibreOffice::uno SYSTEM INTERFACE ${UNO_HEADER_DIR} ${LO_ARCH_INCLUDE_DIR}
                                                           ${LO_INCLUDE_DIR})
target_compile_definitions(LibreOffice::uno INTERFACE UNX GCC LINUX CPPU_ENV=gcc3)
target_link_libraries(LibreOffice::uno INTERFACE
  ${LO_LINK_DIR}/libuno_cppuhelpergcc3.so ${LO_LINK_DIR}/libuno_cppu.so
  ${LO_LINK_DIR}/libuno_sal.so ${LO_LINK_DIR}/libuno_salhelpergcc3.so
  -Wl,-rpath-link,${LO_LINK_DEPENDENCY_DIR})
