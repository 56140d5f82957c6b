# Runs `credence import` on one public benchmark in DATA_DIR and checks what it reports.
#
#   TOOL       the credence executable
#   DATA_DIR   the benchmark folder (CREDENCE_DATA_DIR); inputs are relative to it
#   ARGS       the import arguments (a ;-list), outputs as absolute paths
#   OUTPUT     the dataset written; `credence validate` must print VALIDATE for it
#   GOLD       the gold file written; it must hold GOLD_ROWS data rows
#   EXPECT     substrings the import's standard error must contain (a ;-list)
#
# When DATA_DIR is missing the test is skipped (it prints CREDENCE_DATA_MISSING, which the test's
# SKIP_REGULAR_EXPRESSION matches), except when the environment variable CI is "true": CI must
# have the data, so there the test fails.
include(${CMAKE_CURRENT_LIST_DIR}/RequireData.cmake)
if(credence_data_missing)
  return()
endif()

get_filename_component(out_dir "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${out_dir}")
file(REMOVE "${OUTPUT}" "${GOLD}")
execute_process(COMMAND ${TOOL} import ${ARGS} WORKING_DIRECTORY ${DATA_DIR}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "credence import ${ARGS} exited with ${code}:\n${err}")
endif()
foreach(expected IN LISTS EXPECT)
  string(FIND "${err}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the import's report lacks '${expected}'; it was:\n${err}")
  endif()
endforeach()

execute_process(COMMAND ${TOOL} validate ${OUTPUT} OUTPUT_VARIABLE valid ERROR_VARIABLE verr
                RESULT_VARIABLE code)
string(FIND "${valid}" "${VALIDATE}" at)
if(NOT code EQUAL 0 OR at EQUAL -1)
  message(FATAL_ERROR "credence validate ${OUTPUT}: expected '${VALIDATE}', got (exit ${code}):\n"
                      "${valid}${verr}")
endif()

file(STRINGS "${GOLD}" gold_lines)
list(LENGTH gold_lines rows)
math(EXPR rows "${rows} - 1")
if(NOT rows EQUAL GOLD_ROWS)
  message(FATAL_ERROR "${GOLD}: expected ${GOLD_ROWS} gold rows, got ${rows}")
endif()
message(STATUS "${err}")
