#include "credence/text/utf8.hpp"

#include <fmt/format.h>
#include <simdjson.h>

namespace credence::text {

std::size_t FindInvalidUtf8(std::string_view text) {
  if (simdjson::validate_utf8(text.data(), text.size())) return std::string_view::npos;
  char32_t cp = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = DecodeUtf8At(text, i, &cp);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string EscapeInvalidUtf8(std::string_view s) {
  if (IsValidUtf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() * 2);
  for (char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      out += c;
    } else {
      out += fmt::format("\\x{:02X}", byte);
    }
  }
  return out;
}

std::u32string DecodeUtf8Lenient(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t len = DecodeUtf8At(s, i, &cp);
    if (len > 0) {
      out.push_back(cp);
      i += len;
    } else {
      out.push_back(static_cast<unsigned char>(s[i]));
      ++i;
    }
  }
  return out;
}

std::u32string RepairDoubleEncoding(std::u32string cps) {
  std::string bytes;
  bool high = false;
  for (char32_t c : cps) {
    if (c > 0xFF) return cps;
    high = high || c >= 0x80;
    bytes += static_cast<char>(c);
  }
  if (!high || !IsValidUtf8(bytes)) return cps;
  return DecodeUtf8Lenient(bytes);
}

}  // namespace credence::text
