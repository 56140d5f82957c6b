#pragma once
// Helpers shared by the tests.

#include <string>

namespace credence::testutil {

/// Absolute path of a file in the source tree, e.g. SourcePath("datasets/arms-race-2018.jsonl").
inline std::string SourcePath(const std::string& relative) {
  return std::string(CREDENCE_SOURCE_DIR) + "/" + relative;
}

}  // namespace credence::testutil
