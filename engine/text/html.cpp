#include "credence/text/html.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace credence::text {
namespace {

// HTML 4 entity names for U+00A0 ... U+00FF, in code-point order.
constexpr std::array<std::string_view, 96> kLatin1Entities = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",
    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn",
    "sup2",   "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",
    "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
    "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
    "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde",
    "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

bool IsAsciiAlnum(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The code point of a numeric reference's name ("#233", "#xE9"); false when it is not one.
bool NumericReference(const std::string& name, char32_t* cp) {
  const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
  const std::string digits = name.substr(hex ? 2 : 1);
  bool known = !digits.empty() && digits.size() <= 6;
  char32_t value = 0;
  for (char d : digits) {
    if (hex && std::isxdigit(static_cast<unsigned char>(d))) {
      value = value * 16 + static_cast<char32_t>(std::isdigit(static_cast<unsigned char>(d))
                                                     ? d - '0'
                                                     : (d | 0x20) - 'a' + 10);
    } else if (!hex && d >= '0' && d <= '9') {
      value = value * 10 + static_cast<char32_t>(d - '0');
    } else {
      known = false;
    }
  }
  *cp = value;
  return known && value > 0 && value <= 0x10FFFF;
}

// The code point of a reference's name ("amp", "eacute", "#233"); false when it is not one.
bool Reference(const std::string& name, char32_t* cp) {
  if (name[0] == '#') return NumericReference(name, cp);
  constexpr std::array<std::pair<std::string_view, char32_t>, 5> kXml = {
      {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}}};
  for (const auto& [xml_name, value] : kXml) {
    if (name == xml_name) {
      *cp = value;
      return true;
    }
  }
  const auto it = std::find(kLatin1Entities.begin(), kLatin1Entities.end(), name);
  if (it == kLatin1Entities.end()) return false;
  *cp = static_cast<char32_t>(0xA0 + (it - kLatin1Entities.begin()));
  return true;
}

}  // namespace

std::u32string DecodeHtmlEntities(std::u32string_view in) {
  std::u32string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '&') {
      out.push_back(in[i]);
      continue;
    }
    std::size_t j = i + 1;
    std::string name;
    while (j < in.size() && j - i <= 10 && (IsAsciiAlnum(in[j]) || (j == i + 1 && in[j] == '#'))) {
      name += static_cast<char>(in[j]);
      ++j;
    }
    char32_t cp = 0;
    if (j >= in.size() || in[j] != ';' || name.empty() || !Reference(name, &cp)) {
      out.push_back(in[i]);
      continue;
    }
    out.push_back(cp);
    i = j;
  }
  return out;
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

}  // namespace credence::text
