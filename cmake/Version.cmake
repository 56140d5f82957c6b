# The version string of the code, from project(credence VERSION ...): configured into
# credence/version.hpp (credence::kVersion) in the build tree, which credence_version_header()
# adds to a target's public include path.

configure_file(${CMAKE_CURRENT_LIST_DIR}/version.hpp.in
               ${PROJECT_BINARY_DIR}/generated/include/credence/version.hpp @ONLY)

function(credence_version_header target)
  target_include_directories(${target} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/generated/include>)
endfunction()
