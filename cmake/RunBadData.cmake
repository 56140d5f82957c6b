# One entry of the bad-data catalogue (tests/data/bad, docs/errors.md): runs
# `TOOL validate FILE` and `TOOL analyze FILE` in WORKDIR and requires, for both, exit code 2,
# nothing on standard output and standard error equal to FILE.expected byte for byte.
# LIMIT (optional) is a command prefix bounding memory, e.g. "prlimit;--as=1073741824".
file(READ ${WORKDIR}/${FILE}.expected expected)
foreach(command validate analyze)
  execute_process(COMMAND ${LIMIT} ${TOOL} ${command} ${FILE} WORKING_DIRECTORY ${WORKDIR}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
  if(NOT code STREQUAL "2")
    message(FATAL_ERROR "${command} ${FILE}: expected exit code 2, got ${code}\nstderr:\n${err}")
  endif()
  if(NOT out STREQUAL "")
    message(FATAL_ERROR "${command} ${FILE}: expected no standard output, got:\n${out}")
  endif()
  if(NOT err STREQUAL expected)
    message(FATAL_ERROR "${command} ${FILE}: standard error differs.\nexpected:\n${expected}\n"
                        "got:\n${err}")
  endif()
endforeach()
