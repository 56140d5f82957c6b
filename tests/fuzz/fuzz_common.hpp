#pragma once
// Shared by the libFuzzer targets (docs/fuzzing.md). A DataError is the expected answer to
// bad input; any other exception, a crash, a sanitizer report or a timeout is a finding.

#include <cstdio>
#include <cstdlib>
#include <exception>

#include "credence/core/error.hpp"

namespace credence::fuzz {

/// Runs fn(); returns normally on success or DataError. Any other exception aborts (a finding).
/// A DataError must carry at least one diagnostic, each naming the file: an empty list would
/// print nothing to the user.
template <typename Fn>
void ExpectDataErrorOnly(Fn&& fn) {
  try {
    fn();
  } catch (const DataError& e) {
    if (e.diagnostics().empty()) {
      std::fprintf(stderr, "finding: DataError without diagnostics\n");
      std::abort();
    }
    for (const auto& d : e.diagnostics()) {
      if (d.file.empty() || d.message.empty()) {
        std::fprintf(stderr, "finding: diagnostic without file or message: %s\n",
                     d.ToString().c_str());
        std::abort();
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "finding: unexpected exception: %s\n", e.what());
    std::abort();
  }
}

}  // namespace credence::fuzz
