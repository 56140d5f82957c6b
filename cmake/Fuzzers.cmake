# CREDENCE_BUILD_FUZZERS: compile everything with libFuzzer's coverage instrumentation (the
# targets in tests/fuzz add the driver). Needs clang (Debian: clang-14, libclang-rt-14-dev).
if(CREDENCE_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CREDENCE_BUILD_FUZZERS needs clang (-DCMAKE_CXX_COMPILER=clang++-14), "
                        "got ${CMAKE_CXX_COMPILER_ID}")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
