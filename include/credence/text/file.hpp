#pragma once
/// Reading a whole file and walking its lines, shared by the dataset readers, the importers and
/// the gold reader.

#include <cstddef>
#include <string>
#include <string_view>

namespace credence::text {

/// The whole content of the file at `path`.
/// @throws DataError (at line 0 of `path`) when it cannot be opened or read, or is a directory:
/// "cannot read a directory as <what>".
std::string ReadWholeFile(const std::string& path, std::string_view what);

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

}  // namespace credence::text
