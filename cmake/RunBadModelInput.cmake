# One entry of the bad-data catalogue's model inputs (tests/data/bad/params, docs/errors.md):
# FILE is a parameter file (*.params.json, given to --params) or a labels file (*.labels.csv,
# given to --labels). Runs `TOOL analyze tiny.csv OPTION FILE` and `TOOL eval tiny.csv --gold
# tiny.gold.csv --algorithm credence OPTION FILE` in WORKDIR and requires, for both, exit code
# 2, nothing on standard output and standard error equal to FILE.expected byte for byte.
file(READ ${WORKDIR}/${FILE}.expected expected)
if(FILE MATCHES "\\.labels\\.csv$")
  set(option --labels)
else()
  set(option --params)
endif()
foreach(command analyze eval)
  if(command STREQUAL "eval")
    set(args eval tiny.csv --gold tiny.gold.csv --algorithm credence ${option} ${FILE})
  else()
    set(args analyze tiny.csv ${option} ${FILE})
  endif()
  execute_process(COMMAND ${TOOL} ${args} WORKING_DIRECTORY ${WORKDIR}
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
