#pragma once
// Matchers and printers for Diagnostic, shared by the reader tests.

#include <gmock/gmock.h>

#include <ostream>
#include <string>

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

}  // namespace credence::testutil
