# Stages the extension's files and zips them into build/dealsheet.oxt.
find_program(ZIP_PROGRAM zip REQUIRED)
set(OXT_STAGE ${CMAKE_BINARY_DIR}/oxt-stage)
set(DEALSHEET_OXT ${CMAKE_BINARY_DIR}/dealsheet.oxt)
configure_file(${CMAKE_SOURCE_DIR}/registration/description.xml.in
               ${CMAKE_BINARY_DIR}/description.xml @ONLY)

set(OXT_INPUTS
  ${CMAKE_BINARY_DIR}/description.xml
  ${CMAKE_SOURCE_DIR}/registration/manifest.xml
  ${CMAKE_SOURCE_DIR}/registration/dealsheet.components
  ${CMAKE_SOURCE_DIR}/registration/dealsheet.png
  ${CMAKE_SOURCE_DIR}/registration/description-en.txt
  ${CMAKE_SOURCE_DIR}/registration/description-zh.txt
  ${CMAKE_SOURCE_DIR}/registration/LICENSE-en.txt
  ${CMAKE_SOURCE_DIR}/registration/LICENSE-zh.txt
  ${DEALSHEET_RDB})

add_custom_command(
  OUTPUT ${DEALSHEET_OXT}
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${OXT_STAGE} ${DEALSHEET_OXT}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${OXT_STAGE}/META-INF ${OXT_STAGE}/lib
          ${OXT_STAGE}/types ${OXT_STAGE}/images ${OXT_STAGE}/description
          ${OXT_STAGE}/registration
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_BINARY_DIR}/description.xml ${OXT_STAGE}/
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/registration/manifest.xml
          ${OXT_STAGE}/META-INF/manifest.xml
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/registration/dealsheet.components
          ${OXT_STAGE}/
  COMMAND ${CMAKE_COMMAND} -E copy $<TARGET_FILE:dealsheet_uno> ${OXT_STAGE}/lib/
  COMMAND ${CMAKE_COMMAND} -E copy ${DEALSHEET_RDB} ${OXT_STAGE}/types/
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/registration/dealsheet.png
          ${OXT_STAGE}/images/
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/registration/description-en.txt
          ${CMAKE_SOURCE_DIR}/registration/description-zh.txt ${OXT_STAGE}/description/
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/registration/LICENSE-en.txt
          ${CMAKE_SOURCE_DIR}/registration/LICENSE-zh.txt ${OXT_STAGE}/registration/
  COMMAND ${CMAKE_COMMAND} -E chdir ${OXT_STAGE} ${ZIP_PROGRAM} -q -X -r ${DEALSHEET_OXT} .
  DEPENDS dealsheet_uno ${OXT_INPUTS}
  COMMENT "Packaging dealsheet.oxt")

add_custom_target(oxt ALL DEPENDS ${DEALSHEET_OXT})
