# Runs `credence eval` with the default model on a dataset imported by data.import_<name> and
# fails when its accuracy falls below MIN_ACCURACY or its expected calibration error rises above
# MAX_ECE (the figures reached, docs/benchmarks.md). Skipped like the import tests when the data
# is missing outside CI.
#
#   TOOL, DATA_DIR   as in RunImportCheck.cmake
#   DATASET, GOLD    the imported files
#   MIN_ACCURACY     lowest accepted accuracy
#   MAX_ECE          highest accepted expected calibration error (optional)
include(${CMAKE_CURRENT_LIST_DIR}/RequireData.cmake)
if(credence_data_missing)
  return()
endif()
execute_process(COMMAND ${TOOL} eval ${DATASET} --gold ${GOLD} --algorithm credence --format json
                        --no-time --threads 1
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "credence eval ${DATASET} exited with ${code}:\n${err}")
endif()
string(JSON accuracy GET "${out}" results 0 accuracy)
string(JSON ece GET "${out}" results 0 ece)
message("accuracy ${accuracy} (at least ${MIN_ACCURACY}), ECE ${ece}")
if(accuracy LESS MIN_ACCURACY)
  message(FATAL_ERROR "accuracy ${accuracy} fell below ${MIN_ACCURACY}")
endif()
if(DEFINED MAX_ECE AND ece GREATER MAX_ECE)
  message(FATAL_ERROR "expected calibration error ${ece} rose above ${MAX_ECE}")
endif()
