#pragma once
// Line splitting and UTF-8 checks shared by the readers.

#include <cstddef>
#include <string_view>

namespace credence::io {

/// Offset of the first byte that is not valid UTF-8, or npos.
std::size_t FindInvalidUtf8(std::string_view text);

/// Strips a UTF-8 byte-order mark.
inline std::string_view StripBom(std::string_view text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

/// Calls fn(line_number, line) for each line, without its "\n" or "\r\n". Stops when fn returns
/// false.
template <typename Fn>
void ForEachLine(std::string_view text, Fn&& fn) {
  long number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!fn(++number, line)) return;
    pos = end + 1;
  }
}

}  // namespace credence::io
