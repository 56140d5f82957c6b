#include "credence/text/strings.hpp"

#include <gtest/gtest.h>

#include "credence/text/id.hpp"

namespace credence::text {
namespace {

TEST(Trim, DropsBlanksAroundOnly) {
  EXPECT_EQ(Trim("  a b\t"), "a b");
  EXPECT_EQ(Trim(" \r x "), "\r x");  // a line break is not a blank
  EXPECT_EQ(Trim(" \r\n x \n", kWhitespace), "x");
  EXPECT_EQ(Trim("a", " a"), "");
  EXPECT_EQ(Trim(" \t "), "");
  EXPECT_EQ(Trim(""), "");
}

TEST(ToLowerAscii, LowersAsciiLettersOnly) {
  // "\xC3\x84" is the UTF-8 of U+00C4 (A with diaeresis): its bytes are not ASCII letters.
  EXPECT_EQ(ToLowerAscii("AbC-Z9\xC3\x84"), "abc-z9\xC3\x84");
}

TEST(CollapseSpaces, TrimsAndJoinsRuns) {
  EXPECT_EQ(CollapseSpaces("  a \t b  c\n"), "a b c");
  EXPECT_EQ(CollapseSpaces("\r\n"), "");
}

TEST(IdProblem, EmptyAndControlCharacters) {
  EXPECT_EQ(IdProblem(""), "must not be empty");
  EXPECT_EQ(IdProblem("a\x01"), "must not contain control characters");
  EXPECT_EQ(IdProblem("a\tb"), "must not contain control characters");
  EXPECT_EQ(IdProblem("a\x7F"), "must not contain control characters");
  EXPECT_EQ(IdProblem("a b"), "");          // spaces are allowed
  EXPECT_EQ(IdProblem("caf\xC3\xA9"), "");  // so is UTF-8
  EXPECT_EQ(IdProblem("\x80"), "");         // and UTF-8 is not this rule's business
}

}  // namespace
}  // namespace credence::text
