# Runs TOOL with ARGS in WORKDIR; requires exit code 0 and standard error matching REGEX (the
# warnings of a valid file, e.g. the consistency findings of `credence validate`).
execute_process(COMMAND ${TOOL} ${ARGS} WORKING_DIRECTORY ${WORKDIR}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
if(NOT code STREQUAL "0")
  message(FATAL_ERROR "expected exit code 0, got ${code}\nstderr: ${err}")
endif()
if(NOT err MATCHES "${REGEX}")
  message(FATAL_ERROR "stderr does not match '${REGEX}':\n${err}")
endif()
