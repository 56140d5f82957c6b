#include "credence/core/error.hpp"

#include <fmt/format.h>

namespace credence {
namespace {

std::string Summarise(const std::vector<Diagnostic>& diagnostics) {
  constexpr std::size_t kShown = 20;
  std::string out;
  for (std::size_t i = 0; i < diagnostics.size() && i < kShown; ++i) {
    if (i > 0) out += '\n';
    out += diagnostics[i].ToString();
  }
  if (diagnostics.size() > kShown) {
    out += fmt::format("\n... and {} more problems", diagnostics.size() - kShown);
  }
  return out;
}

}  // namespace

std::string Diagnostic::ToString() const {
  std::string out = file;
  if (line > 0) out += fmt::format(":{}", line);
  out += ": ";
  if (!field.empty()) out += fmt::format("field '{}': ", field);
  out += message;
  return out;
}

DataError::DataError(std::vector<Diagnostic> diagnostics)
    : Error(Summarise(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace credence
