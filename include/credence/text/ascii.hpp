#pragma once
/// Folding text to ASCII, so that names spelt with and without accents, or written with HTML
/// entities or double-encoded UTF-8, compare equal (the book importer's author names).

#include <string>
#include <string_view>

namespace credence::text {

/// Appends the ASCII spelling of the code point `c` to `out`: ASCII as it is, a no-break space
/// (U+00A0) as a space, the letters of Latin-1 (U+00C0-U+00FF) and Latin Extended-A
/// (U+0100-U+017F) without their accents, with the ligatures and special letters spelt out
/// (Æ "AE", ß "ss", Þ "TH", Œ "OE", Ĳ "IJ"; Ð "D", Ø "O"); anything else, including × and ÷, as
/// '?'. O(1).
void AppendAsciiFold(char32_t c, std::string* out);

/// `s` folded to ASCII: read as UTF-8 where it is and as Latin-1 where it is not
/// (DecodeUtf8Lenient), HTML references decoded (DecodeHtmlEntities), double-encoded UTF-8
/// repaired (RepairDoubleEncoding), then every code point folded (AppendAsciiFold).
/// "Gagn&eacute;", "GagnÃ©" and "Gagné" all give "Gagne". O(|s|).
std::string FoldToAscii(std::string_view s);

}  // namespace credence::text
