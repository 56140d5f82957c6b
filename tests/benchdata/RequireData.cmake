# Included by the Run*Check.cmake scripts of the data tests: when DATA_DIR (the benchmark folder,
# CREDENCE_DATA_DIR) is missing, fails when the environment variable CI is "true" (CI must have
# the data), and otherwise prints CREDENCE_DATA_MISSING (which the tests'
# SKIP_REGULAR_EXPRESSION matches) and sets credence_data_missing, on which the caller returns.
set(credence_data_missing FALSE)
if(NOT IS_DIRECTORY "${DATA_DIR}")
  if("$ENV{CI}" STREQUAL "true")
    message(FATAL_ERROR "the benchmark data is missing: no directory ${DATA_DIR}. CI must provide "
                        "it (see ../shared/datasets/README.md) or set -DCREDENCE_DATA_DIR=...")
  endif()
  message("CREDENCE_DATA_MISSING: no directory ${DATA_DIR}; skipping (set -DCREDENCE_DATA_DIR=...)")
  set(credence_data_missing TRUE)
endif()
