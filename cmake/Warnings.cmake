# credence_enable_warnings(target): the project's warning set, on one target only.
function(credence_enable_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local>
                         $<$<BOOL:${CREDENCE_WERROR}>:-Werror>)
endfunction()
