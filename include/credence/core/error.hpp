#pragma once
/// Error classes shared by the whole library (house style rule 6).
///
/// - InvalidArgumentError: a caller passed an option out of range (a bug or a bad command line).
/// - DataError: a dataset holds problems; carries every Diagnostic found.
/// - CREDENCE_ASSERT: programmer errors, checked in debug builds only.

#include <stdexcept>
#include <string>
#include <vector>

#include "credence/core/assert.hpp"

namespace credence {

/// One problem found in an input file, with its position.
struct Diagnostic {
  std::string file;     ///< Path as given by the user.
  long line = 0;        ///< 1-based line number; 0 when the problem concerns the whole file.
  std::string field;    ///< Field or column at fault; empty when none applies.
  std::string message;  ///< What is wrong, naming the value received where there is one.

  /// "FILE:LINE: field 'F': message" (parts left out when empty).
  std::string ToString() const;
};

/// Base of every exception the library throws.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An API argument or option out of its documented range.
class InvalidArgumentError : public Error {
 public:
  using Error::Error;
};

/// A dataset that cannot be used. what() lists the first diagnostics; diagnostics() has them all.
class DataError : public Error {
 public:
  explicit DataError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace credence
