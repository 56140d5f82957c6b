// Decoding of HTML references, lenient UTF-8 and folding to ASCII. Code points are worked out
// from the Unicode tables: U+00E9 e-acute, U+00C3 A-tilde, U+00A9 copyright sign, U+00DF sharp s.

#include <gtest/gtest.h>

#include "credence/text/ascii.hpp"
#include "credence/text/html.hpp"
#include "credence/text/utf8.hpp"

namespace credence::text {
namespace {

TEST(DecodeHtmlEntities, NamedAndNumericReferences) {
  EXPECT_EQ(DecodeHtmlEntities(U"a&amp;b&lt;&gt;&quot;&apos;"), U"a&b<>\"'");
  EXPECT_EQ(DecodeHtmlEntities(U"&eacute;&Eacute;&nbsp;&yuml;"), U"\u00E9\u00C9\u00A0\u00FF");
  EXPECT_EQ(DecodeHtmlEntities(U"&#233;&#xE9;&#XE9;&#x152;"), U"\u00E9\u00E9\u00E9\u0152");
  // 150 = 0x96 stays as it is (Windows-1252 en dash, or a byte of double-encoded UTF-8).
  EXPECT_EQ(DecodeHtmlEntities(U"&#150;"), U"\u0096");
}

TEST(DecodeHtmlEntities, KeepsWhatIsNotAReference) {
  EXPECT_EQ(DecodeHtmlEntities(U"a & b"), U"a & b");
  EXPECT_EQ(DecodeHtmlEntities(U"&amp"), U"&amp");                    // no ';'
  EXPECT_EQ(DecodeHtmlEntities(U"&nosuch;"), U"&nosuch;");            // unknown name
  EXPECT_EQ(DecodeHtmlEntities(U"&#0;"), U"&#0;");                    // code point 0
  EXPECT_EQ(DecodeHtmlEntities(U"&#1234567;"), U"&#1234567;");        // 7 digits
  EXPECT_EQ(DecodeHtmlEntities(U"&#x110000;"), U"&#x110000;");        // above U+10FFFF
  EXPECT_EQ(DecodeHtmlEntities(U"&#12a;"), U"&#12a;");                // not a decimal digit
  EXPECT_EQ(DecodeHtmlEntities(U"&abcdefghijk;"), U"&abcdefghijk;");  // 11 characters
  EXPECT_EQ(DecodeHtmlEntities(U"&&amp;"), U"&&");
}

TEST(Utf8, LenientDecodingReadsStrayBytesAsLatin1) {
  // "\xC3\xA9" is U+00E9 in UTF-8; the lone "\xE9" is not UTF-8 and stands for U+00E9 itself.
  EXPECT_EQ(DecodeUtf8Lenient("a\xC3\xA9\xE9"), U"a\u00E9\u00E9");
  EXPECT_EQ(DecodeUtf8Lenient(""), U"");
}

TEST(Utf8, RepairsDoubleEncodingOnly) {
  // U+00C3 U+00A9 are the bytes C3 A9, the UTF-8 of U+00E9.
  EXPECT_EQ(RepairDoubleEncoding(U"Gagn\u00C3\u00A9"), U"Gagn\u00E9");
  EXPECT_EQ(RepairDoubleEncoding(U"caf\u00E9"), U"caf\u00E9");  // E9 alone: not UTF-8
  EXPECT_EQ(RepairDoubleEncoding(U"abc"), U"abc");              // nothing above ASCII
  EXPECT_EQ(RepairDoubleEncoding(U"\u00C3\u00A9\u0100"), U"\u00C3\u00A9\u0100");  // > U+00FF
}

TEST(Utf8, EscapesEveryHighByteOfInvalidText) {
  EXPECT_EQ(EscapeInvalidUtf8("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(EscapeInvalidUtf8("\xC3\xA9\xE9!"), "\\xC3\\xA9\\xE9!");
  EXPECT_TRUE(IsValidUtf8("caf\xC3\xA9"));
  EXPECT_FALSE(IsValidUtf8("caf\xE9"));
}

TEST(AsciiFold, OneCodePoint) {
  auto fold = [](char32_t c) {
    std::string out;
    AppendAsciiFold(c, &out);
    return out;
  };
  EXPECT_EQ(fold(U'a'), "a");
  EXPECT_EQ(fold(0xA0), " ");   // no-break space
  EXPECT_EQ(fold(0xC9), "E");   // E-acute
  EXPECT_EQ(fold(0xFD), "y");   // y-acute
  EXPECT_EQ(fold(0x142), "l");  // l with stroke
  EXPECT_EQ(fold(0x17E), "z");  // z with caron, the last of Latin Extended-A
  EXPECT_EQ(fold(0x17F), "s");  // long s
  EXPECT_EQ(fold(0xC6), "AE");
  EXPECT_EQ(fold(0xDF), "ss");
  EXPECT_EQ(fold(0xDE), "TH");
  EXPECT_EQ(fold(0xF0), "d");  // eth
  EXPECT_EQ(fold(0x153), "oe");
  EXPECT_EQ(fold(0x133), "ij");
  EXPECT_EQ(fold(0xD7), "?");    // multiplication sign
  EXPECT_EQ(fold(0xBF), "?");    // inverted question mark: Latin-1 but not a letter
  EXPECT_EQ(fold(0x180), "?");   // past Latin Extended-A
  EXPECT_EQ(fold(0x2013), "?");  // en dash
}

TEST(AsciiFold, WholeText) {
  EXPECT_EQ(FoldToAscii("Gagn&eacute;"), "Gagne");
  EXPECT_EQ(FoldToAscii("Gagn\xC3\xA9"), "Gagne");          // UTF-8
  EXPECT_EQ(FoldToAscii("Gagn\xE9"), "Gagne");              // Latin-1
  EXPECT_EQ(FoldToAscii("Gagn\xC3\x83\xC2\xA9"), "Gagne");  // UTF-8 of U+00C3 U+00A9
  EXPECT_EQ(FoldToAscii("Caf&#195;&#169;"), "Cafe");        // references to C3 A9
  EXPECT_EQ(FoldToAscii("Stra&szlig;e"), "Strasse");        // DF then 'e': not UTF-8, kept
  EXPECT_EQ(FoldToAscii("&#x152;uvre"), "OEuvre");
  EXPECT_EQ(FoldToAscii("a\xE2\x80\x93z"), "a?z");  // U+2013
}

}  // namespace
}  // namespace credence::text
