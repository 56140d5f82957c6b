# Writes the neighbourhood of the worked example's disputed claim with `credence graph` and
# requires Graphviz's `dot -Tsvg` to accept it without a warning, and the picture to show the two
# sides (dot writes '-' as &#45; in SVG text, so the checks avoid hyphens). Without Graphviz: skipped ("SKIP:"), except under CI=true, where it fails.
find_program(DOT_PROGRAM dot)
if(NOT DOT_PROGRAM)
  if("$ENV{CI}" STREQUAL "true")
    message(FATAL_ERROR "Graphviz 'dot' is missing and CI=true (tools/setup --tests installs it)")
  endif()
  message("SKIP: Graphviz 'dot' is not installed (Debian package graphviz)")
  return()
endif()
file(MAKE_DIRECTORY ${OUTDIR})
execute_process(COMMAND ${TOOL} graph datasets/arms-race-2018.jsonl arms-race-quote
                        -o ${OUTDIR}/arms-race-quote.dot
                WORKING_DIRECTORY ${WORKDIR} ERROR_VARIABLE errors RESULT_VARIABLE code)
if(NOT code EQUAL 0 OR NOT errors STREQUAL "")
  message(FATAL_ERROR "credence graph failed (${code}): ${errors}")
endif()
execute_process(COMMAND ${DOT_PROGRAM} -Tsvg ${OUTDIR}/arms-race-quote.dot -o ${OUTDIR}/arms-race-quote.svg
                ERROR_VARIABLE errors RESULT_VARIABLE code)
if(NOT code EQUAL 0 OR NOT errors STREQUAL "")
  message(FATAL_ERROR "dot rejected the output (${code}):\n${errors}")
endif()
file(READ ${OUTDIR}/arms-race-quote.svg svg)
foreach(expected "<svg" "Dmitry Peskov" "two senior White House" "NBC News"
                 "The Moscow Times" "#1f6fb4" "#e66100" ">denies<")
  string(FIND "${svg}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the SVG drawn by dot lacks '${expected}'")
  endif()
endforeach()
# The claim's label carries its belief and verdict (the number is the model's: checked elsewhere).
string(REGEX MATCH "belief [01]\\.[0-9][0-9][0-9] \\(disputed\\)" label "${svg}")
if(label STREQUAL "")
  message(FATAL_ERROR "the SVG drawn by dot lacks the claim's 'belief 0.ddd (disputed)' label")
endif()
