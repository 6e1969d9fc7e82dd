# The linux_aarch64 binary of the component, cross-compiled from the same sources into
# build/aarch64 when Debian's cross compiler and the arm64 SDK libraries are present
# (scripts/deps.sh installs both). Without them the package holds linux_x86_64 only.
set(DEALSHEET_ARM64_SDK /var/cache/dealsheet-sdk/arm64 CACHE PATH
    "arm64 LibreOffice SDK libraries (scripts/arm64-sdk.sh)")
find_program(AARCH64_CXX aarch64-linux-gnu-g++)
# Strips the binary for the package (cmake/Package.cmake); binutils-aarch64-linux-gnu comes
# with the cross compiler.
find_program(AARCH64_OBJCOPY aarch64-linux-gnu-objcopy)
set(DEALSHEET_AARCH64_BINARY "")
if(CMAKE_SYSTEM_PROCESSOR STREQUAL "aarch64")
  return()  # a native arm64 build: its own binary is the linux_aarch64 one
endif()
if(NOT AARCH64_CXX OR NOT AARCH64_OBJCOPY OR
   NOT EXISTS ${DEALSHEET_ARM64_SDK}/root/usr/lib/libreoffice/sdk/lib/libuno_sal.so)
  message(STATUS "linux_aarch64 binary skipped: needs g++-aarch64-linux-gnu, its objcopy "
                 "and ${DEALSHEET_ARM64_SDK} (scripts/deps.sh installs them)")
  return()
endif()

include(ExternalProject)
set(DEALSHEET_AARCH64_BINARY ${CMAKE_BINARY_DIR}/aarch64/dealsheet.uno.so)
set(aarch64_generator)
if(CMAKE_GENERATOR MATCHES "Ninja")
  set(aarch64_generator CMAKE_GENERATOR Ninja)
endif()
ExternalProject_Add(dealsheet_uno_aarch64
  SOURCE_DIR ${CMAKE_SOURCE_DIR}
  BINARY_DIR ${CMAKE_BINARY_DIR}/aarch64
  ${aarch64_generator}
  CMAKE_ARGS -DCMAKE_TOOLCHAIN_FILE=${CMAKE_SOURCE_DIR}/cmake/toolchain-linux-aarch64.cmake
             -DDEALSHEET_ARM64_SDK=${DEALSHEET_ARM64_SDK} -DDEALSHEET_COMPONENT_ONLY=ON
             -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE}
             -DCMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER}
  BUILD_COMMAND ${CMAKE_COMMAND} --build <BINARY_DIR> --target dealsheet_uno
  BUILD_ALWAYS ON  # the inner build is incremental; this only asks it
  BUILD_BYPRODUCTS ${DEALSHEET_AARCH64_BINARY}
  INSTALL_COMMAND ""
  USES_TERMINAL_BUILD ON)
