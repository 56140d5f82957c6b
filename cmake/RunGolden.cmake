# Runs TOOL with ARGS (a ;-list) in WORKDIR and compares its standard output with EXPECTED.
# On a mismatch prints a unified diff. Set UPDATE=1 in the environment to rewrite EXPECTED.
execute_process(COMMAND ${TOOL} ${ARGS} WORKING_DIRECTORY ${WORKDIR}
                OUTPUT_VARIABLE actual ERROR_VARIABLE errors RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "exit code ${code}\n${errors}")
endif()
# Nothing on standard error when it is not a terminal (no progress display in piped runs).
if(NOT errors STREQUAL "")
  message(FATAL_ERROR "unexpected output on standard error:\n${errors}")
endif()
if(DEFINED ENV{UPDATE})
  file(WRITE ${EXPECTED} "${actual}")
  return()
endif()
string(RANDOM LENGTH 8 tag)
set(actual_file ${CMAKE_CURRENT_BINARY_DIR}/golden-${tag}.out)
file(WRITE ${actual_file} "${actual}")
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files --ignore-eol ${EXPECTED} ${actual_file}
                RESULT_VARIABLE different)
if(different)
  execute_process(COMMAND diff -u ${EXPECTED} ${actual_file} OUTPUT_VARIABLE diff)
  file(REMOVE ${actual_file})
  message(FATAL_ERROR "output differs from ${EXPECTED}:\n${diff}")
endif()
file(REMOVE ${actual_file})
