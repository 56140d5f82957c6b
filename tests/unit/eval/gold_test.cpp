// Unit tests for gold files: eval::ParseGold and eval::ReadGold (docs/format.md, "Gold files").
// Every problem must come back as a Diagnostic naming the file, the line and the field at fault.

#include "credence/eval/gold.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "credence/core/error.hpp"
#include "testutil/diagnostics.hpp"
#include "testutil/testutil.hpp"

namespace credence::eval {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::SizeIs;
using testutil::DiagnosticIs;

constexpr const char* kGold = "gold.csv";

// The diagnostics of the DataError that parsing `content` as gold.csv must throw.
std::vector<Diagnostic> Errors(const std::string& content) {
  return testutil::DataErrorDiagnostics([&] { return ParseGold(content, kGold); }, content);
}

TEST(GoldTest, ReadsClaimGold) {
  const Gold g = ParseGold("claim,truth\nc1,true\nc2,false\n", kGold);
  EXPECT_EQ(g.path, kGold);
  EXPECT_EQ(g.kind, GoldKind::kClaim);
  EXPECT_EQ(g.size(), 2U);
  ASSERT_THAT(g.claims, SizeIs(2));
  EXPECT_EQ(g.claims[0].claim, "c1");
  EXPECT_TRUE(g.claims[0].truth);
  EXPECT_EQ(g.claims[0].line, 2);
  EXPECT_EQ(g.claims[1].claim, "c2");
  EXPECT_FALSE(g.claims[1].truth);
  EXPECT_EQ(g.claims[1].line, 3);
  EXPECT_TRUE(g.objects.empty());
}

// A byte-order mark, CRLF ends, columns in another order, header names in any case with spaces,
// truth words in any case, trimmed fields, blank lines, and RFC 4180 quoting (a comma and a
// doubled quote inside quotes).
TEST(GoldTest, AcceptsTheUsualCsvVariations) {
  const Gold g = ParseGold(
      "\xEF\xBB\xBF Truth , CLAIM\r\n"
      "TRUE, a \r\n"
      "\r\n"
      "False,\"b, \"\"quoted\"\"\"\r\n"
      "true,last",
      kGold);
  ASSERT_THAT(g.claims, SizeIs(3));
  EXPECT_EQ(g.claims[0].claim, "a");
  EXPECT_TRUE(g.claims[0].truth);
  EXPECT_EQ(g.claims[1].claim, "b, \"quoted\"");
  EXPECT_FALSE(g.claims[1].truth);
  EXPECT_EQ(g.claims[1].line, 4);
  EXPECT_EQ(g.claims[2].claim, "last");
  EXPECT_EQ(g.claims[2].line, 5);
}

TEST(GoldTest, ReadsObjectGoldWithOptionalTolerance) {
  const Gold g = ParseGold(
      "object,value,tolerance\n"
      "pop-a,1000,0.05\n"
      "city-c,Paris,\n"
      "pop-b,+2.5e3,0\n",
      kGold);
  EXPECT_EQ(g.kind, GoldKind::kObject);
  ASSERT_THAT(g.objects, SizeIs(3));
  EXPECT_EQ(g.objects[0].object, "pop-a");
  EXPECT_EQ(g.objects[0].value, "1000");
  EXPECT_DOUBLE_EQ(g.objects[0].tolerance, 0.05);
  EXPECT_DOUBLE_EQ(g.objects[0].number, 1000.0);
  EXPECT_EQ(g.objects[1].value, "Paris");
  EXPECT_LT(g.objects[1].tolerance, 0);  // empty: exact match
  EXPECT_DOUBLE_EQ(g.objects[2].tolerance, 0.0);
  EXPECT_DOUBLE_EQ(g.objects[2].number, 2500.0);

  // Columns in another order; a value may span lines inside quotes (an id may not: see
  // QuotingEncodingAndControlCharacters), which moves the next record's line number on.
  const Gold two =
      ParseGold("value,object\nOttawa,canada-capital\n\"two\nlines\",x\n\"a, b\",y\n", kGold);
  ASSERT_THAT(two.objects, SizeIs(3));
  EXPECT_EQ(two.objects[0].object, "canada-capital");
  EXPECT_EQ(two.objects[0].value, "Ottawa");
  EXPECT_LT(two.objects[0].tolerance, 0);
  EXPECT_EQ(two.objects[1].value, "two\nlines");
  EXPECT_EQ(two.objects[1].line, 3);
  EXPECT_EQ(two.objects[2].value, "a, b");
  EXPECT_EQ(two.objects[2].line, 5);
}

TEST(GoldTest, ParsesNumbersStrictly) {
  double v = 0;
  EXPECT_TRUE(ParseGoldNumber(" 12.5 ", &v));
  EXPECT_DOUBLE_EQ(v, 12.5);
  EXPECT_TRUE(ParseGoldNumber("-3e2", &v));
  EXPECT_DOUBLE_EQ(v, -300.0);
  EXPECT_TRUE(ParseGoldNumber("+7", &v));
  EXPECT_DOUBLE_EQ(v, 7.0);
  for (const char* bad : {"", "+", "abc", "12abc", "1,000", "inf", "nan", "0x10", "++1", "1e999"}) {
    EXPECT_FALSE(ParseGoldNumber(bad, &v)) << bad;
  }
}

TEST(GoldTest, ReadsAFileAndReportsAMissingOne) {
  const Gold g = ReadGold(testutil::SourcePath("tests/data/eval/tiny.gold.csv"));
  EXPECT_EQ(g.kind, GoldKind::kClaim);
  EXPECT_GT(g.size(), 0U);

  EXPECT_THAT(testutil::DataErrorDiagnostics([] { return ReadGold("no-such-gold.csv"); }),
              ElementsAre(DiagnosticIs("no-such-gold.csv", 0, "", "cannot open the file")));
  EXPECT_THAT(testutil::DataErrorDiagnostics(
                  [] { return ReadGold(testutil::SourcePath("tests/data/eval")); }),
              ElementsAre(Field(&Diagnostic::message, "cannot read a directory as a gold file")));
}

TEST(GoldErrorTest, EmptyFileAndHeaderWithoutRows) {
  EXPECT_THAT(Errors(""), ElementsAre(DiagnosticIs(kGold, 0, "", "no records: the file is empty")));
  EXPECT_THAT(Errors("\n\n"),
              ElementsAre(DiagnosticIs(kGold, 0, "", "no records: the file is empty")));
  EXPECT_THAT(Errors("claim,truth\n"),
              ElementsAre(DiagnosticIs(kGold, 0, "", "header row but no data rows")));
  EXPECT_THAT(Errors("object,value,tolerance\n\n"),
              ElementsAre(DiagnosticIs(kGold, 0, "", "header row but no data rows")));
}

TEST(GoldErrorTest, UnknownRepeatedMixedOrMissingHeaderColumns) {
  EXPECT_THAT(Errors("claim,verdict\nc1,true\n"),
              ElementsAre(DiagnosticIs(kGold, 1, "verdict",
                                       "unknown column in the header (a gold file starts with "
                                       "'claim,truth' or 'object,value[,tolerance]')")));
  EXPECT_THAT(Errors("claim,truth,Claim\nc1,true,c1\n"),
              ElementsAre(DiagnosticIs(kGold, 1, "Claim", "column given twice in the header")));
  EXPECT_THAT(Errors("claim,value\nc1,x\n"),
              ElementsAre(DiagnosticIs(kGold, 1, "", "the header mixes the two kinds")));
  EXPECT_THAT(Errors("claim\nc1\n"),
              ElementsAre(DiagnosticIs(kGold, 1, "truth", "missing header column 'truth'")));
  EXPECT_THAT(Errors("value,tolerance\n1,0.1\n"),
              ElementsAre(DiagnosticIs(kGold, 1, "object", "missing header column 'object'")));
  // A data row where the header should be: both of its fields are unknown columns.
  EXPECT_THAT(Errors("c1,true\n"), ElementsAre(DiagnosticIs(kGold, 1, "c1", "unknown column"),
                                               DiagnosticIs(kGold, 1, "true", "unknown column")));
}

TEST(GoldErrorTest, BadRowsAreAllReported) {
  EXPECT_THAT(
      Errors("claim,truth\n"
             "c1,true,extra\n"  // 2: too many fields
             "c2\n"             // 3: too few
             "c3,maybe\n"       // 4: bad truth word
             ",false\n"         // 5: empty id
             "c5,yes\n"         // 6: bad truth word
             "c6,true\n"        // 7: fine
             "c6,false\n"       // 8: duplicate
             "\"c7,true\n"),    // 9: unterminated quote
      ElementsAre(DiagnosticIs(kGold, 2, "", "expected 2 fields as in the header, got 3"),
                  DiagnosticIs(kGold, 3, "", "expected 2 fields as in the header, got 1"),
                  DiagnosticIs(kGold, 4, "truth", "expected true or false, got 'maybe'"),
                  DiagnosticIs(kGold, 5, "claim", "a claim id must not be empty"),
                  DiagnosticIs(kGold, 6, "truth", "expected true or false, got 'yes'"),
                  DiagnosticIs(kGold, 8, "claim", "duplicate claim 'c6', first given at line 7"),
                  DiagnosticIs(kGold, 9, "", "unterminated quoted field")));
}

TEST(GoldErrorTest, QuotingEncodingAndControlCharacters) {
  EXPECT_THAT(Errors("claim,truth\n\"c1\"x,true\nc2,true\n"),
              ElementsAre(DiagnosticIs(kGold, 2, "",
                                       "unexpected character 'x' after a closing quote in field "
                                       "1")));
  EXPECT_THAT(Errors("claim,truth\nc\xFF,true\n"),
              ElementsAre(DiagnosticIs(kGold, 2, "claim", "invalid UTF-8 at byte 2 of the field")));
  EXPECT_THAT(Errors("claim,truth\n\"c\x01\",true\n"),
              ElementsAre(DiagnosticIs(kGold, 2, "claim",
                                       "a claim id must not contain control characters")));
  EXPECT_THAT(Errors("claim,truth\n\"two\nlines\",true\n"),
              ElementsAre(DiagnosticIs(kGold, 2, "claim",
                                       "a claim id must not contain control characters")));
  EXPECT_THAT(Errors("\"claim,truth\nc1,true\n"),
              ElementsAre(DiagnosticIs(kGold, 1, "", "unterminated quoted field")));
}

TEST(GoldErrorTest, BadObjectRows) {
  EXPECT_THAT(
      Errors("object,value,tolerance\n"
             "a,1,abc\n"    // 2: tolerance not a number
             "b,1,-0.1\n"   // 3: negative tolerance
             "c,ten,0.1\n"  // 4: tolerance for a value that is not a number
             "d,,\n"        // 5: empty value
             ",5,\n"        // 6: empty object
             "e,5,\n"       // 7: fine
             "e,6,0.1\n"    // 8: duplicate object
             "f,1,inf\n"),  // 9: not finite
      ElementsAre(
          DiagnosticIs(kGold, 2, "tolerance", "must be a number >= 0, got 'abc'"),
          DiagnosticIs(kGold, 3, "tolerance", "must be a number >= 0, got '-0.1'"),
          DiagnosticIs(kGold, 4, "tolerance", "a tolerance needs a numeric value, got value 'ten'"),
          DiagnosticIs(kGold, 5, "value", "a value must not be empty"),
          DiagnosticIs(kGold, 6, "object", "an object must not be empty"),
          DiagnosticIs(kGold, 8, "object", "duplicate object 'e', first given at line 7"),
          DiagnosticIs(kGold, 9, "tolerance", "must be a number >= 0, got 'inf'")));
}

TEST(GoldErrorTest, DataErrorMessageListsTheProblems) {
  EXPECT_EQ(
      testutil::CatchDataError([] { return ParseGold("claim,truth\nc1,perhaps\n", kGold); }).what,
      "gold.csv:2: field 'truth': expected true or false, got 'perhaps'");
}

}  // namespace
}  // namespace credence::eval
