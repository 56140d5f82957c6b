#include "credence/core/error.hpp"

#include <fmt/format.h>

#include <string_view>

#include "credence/text/utf8.hpp"

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

// Length of the valid UTF-8 sequence at s[i], or 0 when the bytes there are not one.
std::size_t Utf8Length(std::string_view s, std::size_t i) {
  char32_t cp = 0;
  return text::DecodeUtf8At(s, i, &cp);
}

// Appends `s` with control characters and bytes that are not UTF-8 written as \xHH, so that a
// diagnostic is one line of valid text whatever the input held (a value quoted from a hostile
// file cannot break the one-problem-a-line output or send terminal escapes).
void AppendPrintable(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = Utf8Length(s, i);
    if (len == 0 || c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02X}", c);
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
}

}  // namespace

std::string Diagnostic::ToString() const {
  std::string out;
  AppendPrintable(out, file);
  if (line > 0) out += fmt::format(":{}", line);
  out += ": ";
  if (!field.empty()) {
    out += "field '";
    AppendPrintable(out, field);
    out += "': ";
  }
  AppendPrintable(out, message);
  return out;
}

DataError::DataError(std::vector<Diagnostic> diagnostics)
    : Error(Summarise(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace credence
