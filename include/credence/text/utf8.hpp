#pragma once
/// UTF-8 decoding and validation, shared by the diagnostics (which escape what is not UTF-8),
/// the readers (which reject it) and the importers (which escape it, or read it as Latin-1).

#include <cstddef>
#include <string>
#include <string_view>

namespace credence::text {

/// Length (1-4) of the valid UTF-8 sequence at s[i], storing its code point in `*cp`; 0 when the
/// bytes there are not one (a stray continuation byte, a truncated or overlong sequence, a
/// surrogate or a code point above U+10FFFF). Requires i < s.size().
inline std::size_t DecodeUtf8At(std::string_view s, std::size_t i, char32_t* cp) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  std::size_t len = 0;
  char32_t value = 0;
  char32_t min = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2, value = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, value = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, value = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    value = (value << 6) | (b & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  *cp = value;
  return len;
}

/// Offset of the first byte of `text` that does not start a valid UTF-8 sequence (DecodeUtf8At),
/// or npos when the whole text is valid. O(n), SIMD-validated first.
std::size_t FindInvalidUtf8(std::string_view text);

/// Whether the whole of `text` is valid UTF-8 (FindInvalidUtf8 finds nothing). O(n).
inline bool IsValidUtf8(std::string_view text) {
  return FindInvalidUtf8(text) == std::string_view::npos;
}

/// `s` unchanged when it is valid UTF-8; otherwise every byte from 0x80 up becomes the four ASCII
/// characters "\xHH" (upper-case hex), so that the result is ASCII and distinct inputs stay
/// distinct. O(|s|).
std::string EscapeInvalidUtf8(std::string_view s);

/// The code points of `s`, read as UTF-8 where it is; a byte that does not start a valid sequence
/// (DecodeUtf8At) stands for itself, as Latin-1 would read it. Never fails. O(|s|).
std::u32string DecodeUtf8Lenient(std::string_view s);

/// Undoes UTF-8 read as Latin-1 once too often: when every code point is below 256 and, taken
/// as bytes, they are valid UTF-8 with at least one multi-byte sequence, returns those bytes
/// decoded ("GagnÃ©" -> "Gagné"); otherwise `cps` unchanged. O(|cps|).
std::u32string RepairDoubleEncoding(std::u32string cps);

}  // namespace credence::text
