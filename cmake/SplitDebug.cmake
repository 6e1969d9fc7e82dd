# Splits one built component into the stripped binary that goes into the package and its debug
# information kept beside the package, as distributions do (Debian's -dbgsym packages):
#   DEBUG_DIR/PLATFORM/dealsheet.uno.so.debug   objcopy --only-keep-debug of the built binary
#   STRIPPED                                     without debug info and local symbols, with a
#                                                .gnu_debuglink naming that file (and its CRC)
#   DEBUG_DIR/.build-id/xx/yyyy.debug            a link to it by build-id, where gdb looks when
#                                                debug-file-directory is DEBUG_DIR
# The build-id (.note.gnu.build-id) stays in both, so a crash report's module list names the
# debug file that belongs to it. Run by cmake/Package.cmake after every link:
#   cmake -DOBJCOPY=objcopy -DREADELF=readelf -DBINARY=built.so -DSTRIPPED=out.so
#         -DDEBUG_DIR=build/debug -DPLATFORM=linux_x86_64 -P SplitDebug.cmake
foreach(variable OBJCOPY READELF BINARY STRIPPED DEBUG_DIR PLATFORM)
  if(NOT ${variable})
    message(FATAL_ERROR "SplitDebug.cmake needs -D${variable}=...")
  endif()
endforeach()

get_filename_component(name ${BINARY} NAME)
set(debug_file ${DEBUG_DIR}/${PLATFORM}/${name}.debug)
get_filename_component(stripped_dir ${STRIPPED} DIRECTORY)
file(MAKE_DIRECTORY ${DEBUG_DIR}/${PLATFORM} ${stripped_dir})
file(REMOVE ${debug_file} ${STRIPPED})

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE failed ERROR_VARIABLE errors)
  if(failed)
    list(JOIN ARGN " " command)
    message(FATAL_ERROR "${command} failed:\n${errors}")
  endif()
endfunction()

run(${OBJCOPY} --only-keep-debug ${BINARY} ${debug_file})
# --strip-unneeded also drops the local symbol table (.symtab); the dynamic symbols the office
# loads the component by stay. The debuglink holds the file's name and CRC; gdb finds the file
# beside the binary, in a .debug/ folder there, or under debug-file-directory.
run(${OBJCOPY} --strip-debug --strip-unneeded --add-gnu-debuglink=${debug_file}
    ${BINARY} ${STRIPPED})

function(build_id file out)
  execute_process(COMMAND ${READELF} -n ${file} OUTPUT_VARIABLE notes RESULT_VARIABLE failed)
  if(failed OR NOT notes MATCHES "Build ID: ([0-9a-f]+)")
    message(FATAL_ERROR "${file} has no build-id (readelf -n): link with --build-id")
  endif()
  set(${out} ${CMAKE_MATCH_1} PARENT_SCOPE)
endfunction()
build_id(${STRIPPED} id)
build_id(${debug_file} debug_id)
if(NOT id STREQUAL debug_id)
  message(FATAL_ERROR "build-ids differ: ${STRIPPED} ${id}, ${debug_file} ${debug_id}")
endif()

string(SUBSTRING ${id} 0 2 head)
string(SUBSTRING ${id} 2 -1 tail)
# The link of this platform's previous build goes: one link per debug file.
file(GLOB_RECURSE old_links LIST_DIRECTORIES false ${DEBUG_DIR}/.build-id/*.debug)
foreach(link IN LISTS old_links)
  if(IS_SYMLINK ${link})
    file(READ_SYMLINK ${link} target)
    if(target STREQUAL "../../${PLATFORM}/${name}.debug")
      file(REMOVE ${link})
    endif()
  endif()
endforeach()
file(MAKE_DIRECTORY ${DEBUG_DIR}/.build-id/${head})
file(CREATE_LINK ../../${PLATFORM}/${name}.debug ${DEBUG_DIR}/.build-id/${head}/${tail}.debug
     SYMBOLIC)
file(SIZE ${STRIPPED} stripped_size)
file(SIZE ${BINARY} built_size)
math(EXPR stripped_kb "${stripped_size} / 1024")
math(EXPR built_kb "${built_size} / 1024")
message(STATUS "${PLATFORM}: ${built_kb} KiB built, ${stripped_kb} KiB packaged; "
               "debug info ${debug_file} (build-id ${id})")
