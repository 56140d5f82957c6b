#pragma once
// Matchers and printers for Diagnostic, and the harness that collects the diagnostics of an
// expected DataError; shared by the reader, importer and gold tests.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "credence/core/error.hpp"

namespace credence {
/// Prints a diagnostic as FILE:LINE: field 'F': message in failure output (found by ADL).
inline void PrintTo(const Diagnostic& d, std::ostream* os) { *os << d.ToString(); }
}  // namespace credence

namespace credence::testutil {

/// Matches a diagnostic with this file, line and field whose message contains `message`.
inline ::testing::Matcher<const Diagnostic&> DiagnosticIs(const std::string& file, long line,
                                                          const std::string& field,
                                                          const std::string& message) {
  using ::testing::Field;
  return ::testing::AllOf(Field("file", &Diagnostic::file, file),
                          Field("line", &Diagnostic::line, line),
                          Field("field", &Diagnostic::field, field),
                          Field("message", &Diagnostic::message, ::testing::HasSubstr(message)));
}

/// What a DataError carried: its what() text and its diagnostics.
struct DataFailure {
  std::string what;
  std::vector<Diagnostic> diagnostics;
};

/// Runs `action`, which must throw DataError, and returns what the error carried. Any other
/// exception escapes and fails the test; if `action` returns normally, the test fails
/// (ADD_FAILURE, naming `input`, e.g. the parsed text or path) and the result is empty.
template <typename Action>
DataFailure CatchDataError(Action&& action, const std::string& input = "") {
  try {
    std::forward<Action>(action)();
  } catch (const DataError& e) {
    return {e.what(), e.diagnostics()};
  }
  ADD_FAILURE() << "expected a DataError" << (input.empty() ? "" : " for:\n") << input;
  return {};
}

/// The diagnostics of the DataError that `action` must throw (see CatchDataError).
template <typename Action>
std::vector<Diagnostic> DataErrorDiagnostics(Action&& action, const std::string& input = "") {
  return CatchDataError(std::forward<Action>(action), input).diagnostics;
}

}  // namespace credence::testutil
