# Turns one flat ODF template source into an .ott with a headless LibreOffice.
# Run as: cmake -DSOFFICE=... -DSRC=x.fodt -DOUT=x.ott -P build_template.cmake
# Each call has its own throw-away profile and output directory, so parallel
# builds never share an office instance; a failure stops the build with a
# message saying what to do.
foreach(var SOFFICE SRC OUT)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "build_template.cmake: ${var} is not set")
  endif()
endforeach()
if(NOT EXISTS "${SOFFICE}")
  message(FATAL_ERROR "Building template ${OUT}: LibreOffice (soffice) was not found at "
    "${SOFFICE}. Install it (sudo apt-get install libreoffice-writer) or configure with "
    "-DSCRQM_SOFFICE=/path/to/soffice.")
endif()

get_filename_component(name "${SRC}" NAME_WE)
set(work "${OUT}.work")
file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${work}/out" "${work}/tmp")
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env TMPDIR=${work}/tmp HOME=${work}
    "${SOFFICE}" --headless --invisible --nologo --norestore --nolockcheck --nodefault
    "-env:UserInstallation=file://${work}/profile"
    "--infilter=OpenDocument Text Flat XML"
    --convert-to ott:writer8_template --outdir "${work}/out" "${SRC}"
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE log
  ERROR_VARIABLE log
  TIMEOUT 180)
set(result "${work}/out/${name}.ott")
if(NOT rc EQUAL 0 OR NOT EXISTS "${result}")
  file(REMOVE_RECURSE "${work}")
  message(FATAL_ERROR "Building template ${OUT} from ${SRC} failed (soffice: ${rc}).\n"
    "LibreOffice said: ${log}\n"
    "Check that the source is well-formed (xmllint --noout ${SRC}) and that no other "
    "LibreOffice is stuck on this machine.")
endif()
# LibreOffice converts even a broken file (as plain text): check that what it
# wrote is the template, with its section tags and placeholder fields.
file(MAKE_DIRECTORY "${work}/check")
execute_process(COMMAND ${CMAKE_COMMAND} -E tar xf "${result}" content.xml
  WORKING_DIRECTORY "${work}/check" RESULT_VARIABLE unzip_rc)
set(content "")
if(unzip_rc EQUAL 0 AND EXISTS "${work}/check/content.xml")
  file(READ "${work}/check/content.xml" content)
endif()
string(FIND "${content}" "scrqm_S_" has_tag)
string(FIND "${content}" "text:placeholder" has_placeholder)
if(has_tag EQUAL -1 OR has_placeholder EQUAL -1)
  file(REMOVE_RECURSE "${work}")
  message(FATAL_ERROR "Building template ${OUT}: LibreOffice did not read ${SRC} as the "
    "template (no scrqm_S_ section tags or placeholder fields in the result). Is the source "
    "well-formed? Run: xmllint --noout ${SRC}")
endif()
file(RENAME "${result}" "${OUT}")
file(REMOVE_RECURSE "${work}")
