# Cross build of the component for linux_aarch64 with Debian's g++-aarch64-linux-gnu.
# DEALSHEET_ARM64_SDK is the folder of scripts/arm64-sdk.sh (the arm64 UNO libraries in root/).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
set(LO_LINK_DIR ${DEALSHEET_ARM64_SDK}/root/usr/lib/libreoffice/sdk/lib CACHE PATH "" FORCE)
set(LO_LINK_DEPENDENCY_DIR ${DEALSHEET_ARM64_SDK}/root/usr/lib/libreoffice/program
    CACHE PATH "" FORCE)
set(LO_ARCH_INCLUDE_DIR ${DEALSHEET_ARM64_SDK}/root/usr/include/aarch64-linux-gnu/libreoffice
    CACHE PATH "" FORCE)
