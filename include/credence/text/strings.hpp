#pragma once
/// Small string utilities shared by the dataset readers and the importers: trimming, ASCII case
/// folding and space collapsing.

#include <string>
#include <string_view>

namespace credence::text {

/// Spaces and tabs: what the dataset readers trim around a field.
inline constexpr std::string_view kBlanks = " \t";
/// Spaces, tabs and line breaks: what the importers trim around a cell.
inline constexpr std::string_view kWhitespace = " \t\r\n";

/// `s` without the leading and trailing characters that are in `chars` (a set of bytes; spaces
/// and tabs unless told). A view into `s`; empty when `s` holds nothing else. O(|s|).
inline std::string_view Trim(std::string_view s, std::string_view chars = kBlanks) {
  const auto first = s.find_first_not_of(chars);
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(chars);
  return s.substr(first, last - first + 1);
}

/// `s` with the ASCII letters A-Z in lower case; every other byte unchanged (so UTF-8 stays
/// UTF-8). O(|s|).
std::string ToLowerAscii(std::string_view s);

/// `s` trimmed of kWhitespace, with every inner run of spaces and tabs replaced by one space.
/// O(|s|).
std::string CollapseSpaces(std::string_view s);

}  // namespace credence::text
