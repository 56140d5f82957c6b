# Runs TOOL with ARGS in WORKDIR; requires exit code CODE, standard error matching REGEX and an
# empty standard output.
execute_process(COMMAND ${TOOL} ${ARGS} WORKING_DIRECTORY ${WORKDIR}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
if(NOT code STREQUAL CODE)
  message(FATAL_ERROR "expected exit code ${CODE}, got ${code}\nstderr: ${err}")
endif()
if(NOT err MATCHES "${REGEX}")
  message(FATAL_ERROR "stderr does not match '${REGEX}':\n${err}")
endif()
if(NOT out STREQUAL "")
  message(FATAL_ERROR "expected no standard output, got:\n${out}")
endif()
