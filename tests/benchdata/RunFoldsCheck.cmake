# Runs `credence eval --folds 5` (the learning curve of issue 12) on a dataset imported by
# data.import_<name> and fails when the out-of-fold accuracy at 100% of the training labels
# falls below MIN_FIT (`credence fit`, then the model with the fitted parameters) or MIN_LABELS
# (`--labels`): the figures reached, docs/benchmarks.md ("Learning curve"). Skipped like the
# import tests when the data is missing outside CI.
#
#   TOOL, DATA_DIR          as in RunImportCheck.cmake
#   DATASET, GOLD           the imported files
#   MIN_FIT, MIN_LABELS     lowest accepted accuracies
include(${CMAKE_CURRENT_LIST_DIR}/RequireData.cmake)
if(credence_data_missing)
  return()
endif()
execute_process(COMMAND ${TOOL} eval ${DATASET} --gold ${GOLD} --folds 5 --format json
                        --threads 1
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "credence eval --folds ${DATASET} exited with ${code}:\n${err}")
endif()
string(JSON last LENGTH "${out}" points)
math(EXPR last "${last} - 1")
string(JSON share GET "${out}" points ${last} share)
string(JSON fit GET "${out}" points ${last} fit accuracy)
string(JSON labels GET "${out}" points ${last} labels accuracy)
message("at ${share} of the labels: fit ${fit} (at least ${MIN_FIT}), "
        "labels ${labels} (at least ${MIN_LABELS})")
if(NOT share EQUAL 1)
  message(FATAL_ERROR "the last point of the learning curve is at ${share}, not 1")
endif()
if(fit LESS MIN_FIT)
  message(FATAL_ERROR "fit's out-of-fold accuracy ${fit} fell below ${MIN_FIT}")
endif()
if(labels LESS MIN_LABELS)
  message(FATAL_ERROR "--labels' out-of-fold accuracy ${labels} fell below ${MIN_LABELS}")
endif()
