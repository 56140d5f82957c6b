#include "credence/text/ascii.hpp"

#include "credence/text/html.hpp"
#include "credence/text/utf8.hpp"

namespace credence::text {
namespace {

// ASCII letters for U+00C0 ... U+00FF and U+0100 ... U+017F without their accents; '*' marks
// the letters AppendAsciiFold spells out (Æ, ß, Œ, ...) or that are not letters (×, ÷).
constexpr std::string_view kFoldLatin1 =
    "AAAAAA*CEEEEIIII*NOOOOO**UUUUY**aaaaaa*ceeeeiiii*nooooo**uuuuy*y";
constexpr std::string_view kFoldLatinA =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi**JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo**RrRrRrSsSs"
    "SsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

// The spelling of the letters marked '*' above; nullptr for the others (× and ÷).
const char* SpeltOut(char32_t c) {
  switch (c) {
    case 0xC6:
      return "AE";
    case 0xE6:
      return "ae";
    case 0xD0:
      return "D";
    case 0xF0:
      return "d";
    case 0xD8:
      return "O";
    case 0xF8:
      return "o";
    case 0xDE:
      return "TH";
    case 0xFE:
      return "th";
    case 0xDF:
      return "ss";
    case 0x132:
      return "IJ";
    case 0x133:
      return "ij";
    case 0x152:
      return "OE";
    case 0x153:
      return "oe";
    default:
      return nullptr;
  }
}

}  // namespace

void AppendAsciiFold(char32_t c, std::string* out) {
  if (c < 0x80) {
    *out += static_cast<char>(c);
    return;
  }
  if (c == 0xA0) {
    *out += ' ';
    return;
  }
  char folded = '*';
  if (c >= 0xC0 && c <= 0xFF) folded = kFoldLatin1[c - 0xC0];
  if (c >= 0x100 && c <= 0x17F) folded = kFoldLatinA[c - 0x100];
  if (folded != '*') {
    *out += folded;
    return;
  }
  // Anything else outside ASCII becomes '?', which no rule of the book importer treats as a
  // separator (as in the data's own "E?in").
  const char* spelt = SpeltOut(c);
  *out += spelt != nullptr ? spelt : "?";
}

std::string FoldToAscii(std::string_view s) {
  const std::u32string cps = RepairDoubleEncoding(DecodeHtmlEntities(DecodeUtf8Lenient(s)));
  std::string out;
  out.reserve(cps.size());
  for (char32_t c : cps) AppendAsciiFold(c, &out);
  return out;
}

}  // namespace credence::text
