// Unit tests for the two CSV imports: io::ParseStancesCsv and io::ParseTriplesCsv
// (docs/format.md, "Stances CSV" and "Triples CSV"). Expected values were worked out by hand from
// the spec: each distinct source becomes an outlet of kind "other", tables are sorted by id, and
// stances keep the row order, each remembering the line its record starts on.

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/core/error.hpp"
#include "credence/io/reader.hpp"
#include "testutil/diagnostics.hpp"

namespace credence::io {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::Matcher;
using ::testing::SizeIs;

constexpr const char* kCsv = "test.csv";
constexpr const char* kTriples = "test.triples.csv";

std::string Lines(const std::vector<std::string>& lines, const std::string& eol = "\n") {
  std::string out;
  for (const auto& line : lines) out += line + eol;
  return out;
}

std::vector<Diagnostic> StanceErrors(const std::string& content) {
  return testutil::DataErrorDiagnostics([&] { return ParseStancesCsv(content, kCsv); }, content);
}

std::vector<Diagnostic> TripleErrors(const std::string& content) {
  return testutil::DataErrorDiagnostics([&] { return ParseTriplesCsv(content, kTriples); },
                                        content);
}

Matcher<const Diagnostic&> Diag(const std::string& file, long line, const std::string& field,
                                const std::string& message) {
  return testutil::DiagnosticIs(file, line, field, message);
}

Matcher<const Diagnostic&> CsvDiag(long line, const std::string& field,
                                   const std::string& message) {
  return Diag(kCsv, line, field, message);
}

Matcher<const Diagnostic&> TripleDiag(long line, const std::string& field,
                                      const std::string& message) {
  return Diag(kTriples, line, field, message);
}

// A header and one good row; a bad row appended to it is on line 3.
std::vector<Diagnostic> StanceErrorsOnLine3(const std::string& row) {
  return StanceErrors(
      Lines({"source,claim,stance,weight,group,text,origin", "a,c,supports,,,,", row}));
}

// ---------------------------------------------------------------------------------------------
// Stances CSV: valid input

// Columns in a shuffled order; every documented polarity spelling; RFC 4180 quoting (a comma, a
// doubled quote, a newline inside quotes, which makes the record span lines 5 and 6).
//   sources (sorted): alpha=0, beta=1, gamma=2      claims: c1=0, c2=1, c3=2
//   groups: g=0 (c1 and c2)                          origins: wire-1=0
const std::vector<std::string> kStances = {
    "claim,source,stance,weight,origin,group,text",        // line 1
    "c1,alpha,supports,,wire-1,g,\"Text, with a comma\"",  // line 2
    "c1,beta,for,0.5,wire-1,g,",                           // line 3
    "c2,alpha,against,,,g,\"He said \"\"no\"\"\"",         // line 4
    "c3,gamma,+1,1,,,\"two",                               // line 5
    "lines\"",                                             // line 6
    "c3,beta,observing,,,,",                               // line 7
    "c1,gamma,-1,,,,later text is ignored",                // line 8
    "c2,beta,0,,,,",                                       // line 9
    "c3,alpha,neutral,,,,",                                // line 10
    "c2,gamma,denies,0.25,,,",                             // line 11
};

TEST(StancesCsvTest, ReadsAValidFile) {
  const Dataset d = ParseStancesCsv(Lines(kStances), kCsv);
  ASSERT_THAT(d.sources, SizeIs(3));
  for (const Source& s : d.sources) {
    EXPECT_EQ(s.kind, SourceKind::kOutlet) << s.id;
    EXPECT_EQ(s.outlet_kind, OutletKind::kOther) << s.id;
    EXPECT_EQ(s.name, s.id);
  }
  EXPECT_EQ(d.sources[0].id, "alpha");
  EXPECT_EQ(d.sources[1].id, "beta");
  EXPECT_EQ(d.sources[2].id, "gamma");

  ASSERT_THAT(d.claims, SizeIs(3));
  EXPECT_EQ(d.claims[0].id, "c1");
  EXPECT_EQ(d.claims[0].text, "Text, with a comma");  // the first non-empty text wins
  EXPECT_EQ(d.claims[1].text, "He said \"no\"");
  EXPECT_EQ(d.claims[2].text, "two\nlines");
  EXPECT_THAT(d.groups, ElementsAre("g"));
  EXPECT_EQ(d.claims[0].group, 0U);
  EXPECT_EQ(d.claims[1].group, 0U);
  EXPECT_EQ(d.claims[2].group, kNone);
  EXPECT_THAT(d.origins, ElementsAre("wire-1"));
  EXPECT_TRUE(d.reports.empty());

  struct Expected {
    std::uint32_t line;
    Index holder;
    Index claim;
    Polarity polarity;
    float weight;
    Index origin;
  };
  const std::vector<Expected> expected = {
      {2, 0, 0, Polarity::kSupports, 1.0F, 0},     {3, 1, 0, Polarity::kSupports, 0.5F, 0},
      {4, 0, 1, Polarity::kDenies, 1.0F, kNone},   {5, 2, 2, Polarity::kSupports, 1.0F, kNone},
      {7, 1, 2, Polarity::kNeutral, 1.0F, kNone},  {8, 2, 0, Polarity::kDenies, 1.0F, kNone},
      {9, 1, 1, Polarity::kNeutral, 1.0F, kNone},  {10, 0, 2, Polarity::kNeutral, 1.0F, kNone},
      {11, 2, 1, Polarity::kDenies, 0.25F, kNone},
  };
  ASSERT_EQ(d.stances.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(testing::Message() << "stance " << i);
    const Stance& s = d.stances[i];
    EXPECT_EQ(s.line, expected[i].line);
    EXPECT_EQ(s.holder, expected[i].holder);
    EXPECT_EQ(s.claim, expected[i].claim);
    EXPECT_EQ(s.polarity, expected[i].polarity);
    EXPECT_FLOAT_EQ(s.weight, expected[i].weight);
    EXPECT_EQ(s.origin, expected[i].origin);
    EXPECT_EQ(s.report, kNone);
    EXPECT_EQ(s.via_size, 0U);
    EXPECT_EQ(s.hedge, Hedge::kNone);
  }
}

TEST(StancesCsvTest, ClaimTextDefaultsToItsId) {
  const Dataset d = ParseStancesCsv("source,claim,stance\na,c,supports\n", kCsv);
  ASSERT_THAT(d.claims, SizeIs(1));
  EXPECT_EQ(d.claims[0].text, "c");
  EXPECT_EQ(d.claims[0].group, kNone);
  EXPECT_TRUE(d.groups.empty());
  EXPECT_TRUE(d.origins.empty());
}

TEST(StancesCsvTest, HeaderNamesIgnoreCaseAndSpaces) {
  const Dataset d = ParseStancesCsv(" Stance ,CLAIM,Source\nfor,c,a\n", kCsv);
  ASSERT_THAT(d.stances, SizeIs(1));
  EXPECT_EQ(d.sources[d.stances[0].holder].id, "a");
  EXPECT_EQ(d.claims[d.stances[0].claim].id, "c");
  EXPECT_EQ(d.stances[0].polarity, Polarity::kSupports);
}

TEST(StancesCsvTest, AcceptsCrlfAndAByteOrderMark) {
  const std::string crlf =
      "\xEF\xBB\xBF" +
      Lines({"source,claim,stance,text", "a,c,supports,\"x, y\"", "", "b,c,denies,"}, "\r\n");
  const Dataset d = ParseStancesCsv(crlf, kCsv);
  ASSERT_THAT(d.sources, SizeIs(2));
  EXPECT_EQ(d.sources[0].id, "a");  // not "\xEF\xBB\xBF" "a" nor "a\r"
  EXPECT_EQ(d.claims[0].text, "x, y");
  ASSERT_THAT(d.stances, SizeIs(2));
  EXPECT_EQ(d.stances[0].line, 2U);
  EXPECT_EQ(d.stances[1].line, 4U);  // line 3 is blank
  EXPECT_EQ(d.stances[1].polarity, Polarity::kDenies);
  // The last record may end without a line break.
  EXPECT_THAT(ParseStancesCsv("source,claim,stance\r\na,c,supports", kCsv).stances, SizeIs(1));
}

TEST(StancesCsvTest, TrimsSpacesAroundIds) {
  const Dataset d = ParseStancesCsv("source,claim,stance,group\n a , c , supports , g \n", kCsv);
  EXPECT_EQ(d.sources[0].id, "a");
  EXPECT_EQ(d.claims[0].id, "c");
  EXPECT_THAT(d.groups, ElementsAre("g"));
}

TEST(StancesCsvTest, EmptyQuotedFieldIsEmpty) {
  const Dataset d = ParseStancesCsv("source,claim,stance,text\na,c,supports,\"\"\n", kCsv);
  EXPECT_EQ(d.claims[0].text, "c");
}

// ---------------------------------------------------------------------------------------------
// Stances CSV: header errors

TEST(StancesCsvTest, RejectsAMissingHeaderColumn) {
  EXPECT_THAT(StanceErrors("source,claim,weight\na,c,1\n"),
              ElementsAre(CsvDiag(1, "stance",
                                  "missing header column 'stance' (the first row must be a header "
                                  "such as 'source,claim,stance')")));
}

TEST(StancesCsvTest, RejectsAFileWithoutAHeader) {
  // The first row is data: each of its fields is an unknown column, and all three required
  // columns are missing, all on line 1 in that order.
  EXPECT_THAT(StanceErrors("a,c,supports\n"),
              ElementsAre(CsvDiag(1, "a", "unknown column in the header"),
                          CsvDiag(1, "c", "unknown column in the header"),
                          CsvDiag(1, "supports", "unknown column in the header"),
                          CsvDiag(1, "source", "missing header column 'source'"),
                          CsvDiag(1, "claim", "missing header column 'claim'"),
                          CsvDiag(1, "stance", "missing header column 'stance'")));
}

TEST(StancesCsvTest, RejectsAnUnknownColumn) {
  EXPECT_THAT(StanceErrors("source,claim,stance,note\na,c,supports,x\n"),
              ElementsAre(CsvDiag(1, "note",
                                  "unknown column in the header (expected source, claim, stance, "
                                  "origin, weight, group, text, time)")));
}

TEST(StancesCsvTest, RejectsADuplicateColumn) {
  EXPECT_THAT(StanceErrors("source,claim,stance,claim\na,c,supports,c\n"),
              ElementsAre(CsvDiag(1, "claim", "column given twice in the header")));
}

// ---------------------------------------------------------------------------------------------
// Stances CSV: row errors

TEST(StancesCsvTest, RejectsAWrongFieldCount) {
  // The helper's header has 7 columns.
  EXPECT_THAT(StanceErrorsOnLine3("a,c,supports"),
              ElementsAre(CsvDiag(3, "", "expected 7 fields as in the header, got 3")));
  EXPECT_THAT(StanceErrorsOnLine3("a,c,supports,,,,,"),
              ElementsAre(CsvDiag(3, "", "expected 7 fields as in the header, got 8")));
}

TEST(StancesCsvTest, RejectsAnUnterminatedQuote) {
  // The open quote on line 3 swallows the rest of the file.
  EXPECT_THAT(StanceErrors(Lines({"source,claim,stance,text", "a,c,supports,", "b,c,denies,\"oops",
                                  "c,c,supports,"})),
              ElementsAre(CsvDiag(3, "", "unterminated quoted field")));
}

TEST(StancesCsvTest, RejectsACharacterAfterAClosingQuote) {
  // The bad record is skipped up to the end of its line; the next line keeps its own number.
  EXPECT_THAT(
      StanceErrors(Lines({"source,claim,stance", "\"a\"b,c,supports", "a,c,maybe"})),
      ElementsAre(CsvDiag(2, "", "unexpected character 'b' after a closing quote in field 1"),
                  CsvDiag(3, "stance", "unknown stance 'maybe'")));
}

TEST(StancesCsvTest, LineNumbersCountNewlinesInsideQuotes) {
  // The quoted text spans lines 2-4, so the bad row is on line 5.
  EXPECT_THAT(StanceErrors(Lines(
                  {"source,claim,stance,text", "a,c,supports,\"1", "2", "3\"", "a,c,bogus,"})),
              ElementsAre(CsvDiag(5, "stance", "unknown stance 'bogus'")));
}

TEST(StancesCsvTest, RejectsAnUnknownStance) {
  EXPECT_THAT(StanceErrorsOnLine3("b,c,maybe,,,,"),
              ElementsAre(CsvDiag(3, "stance",
                                  "unknown stance 'maybe' (expected supports/denies/neutral, "
                                  "for/against/observing or +1/-1/0)")));
  EXPECT_THAT(StanceErrorsOnLine3("b,c,,,,,"),
              ElementsAre(CsvDiag(3, "stance", "unknown stance ''")));
}

TEST(StancesCsvTest, RejectsBadWeights) {
  // weight must be a finite number in (0, 1].
  for (const std::string w :
       {"nan", "NaN", "inf", "-inf", "0", "2", "abc", "0.5x", "-0.5", "1e-50"}) {
    EXPECT_THAT(StanceErrorsOnLine3("b,c,supports," + w + ",,,"),
                ElementsAre(CsvDiag(3, "weight", "must be a number in (0, 1], got '" + w + "'")))
        << w;
  }
  const Dataset d = ParseStancesCsv(
      Lines({"source,claim,stance,weight", "a,c,supports,1", "b,c,supports, 0.125 "}), kCsv);
  EXPECT_FLOAT_EQ(d.stances[0].weight, 1.0F);
  EXPECT_FLOAT_EQ(d.stances[1].weight, 0.125F);
}

TEST(StancesCsvTest, ReadsAnOptionalTimeColumn) {
  // An empty cell is undated; 2018-03-21 is day 17611 since 1970-01-01 (see time_test.cpp).
  const Dataset d = ParseStancesCsv(Lines({"source,claim,stance,time", "a,c,supports, 2018-03-21 ",
                                           "b,c,denies,", "a,d,supports,1970-01-01T01:00+01:00"}),
                                    kCsv);
  ASSERT_THAT(d.stances, SizeIs(3));
  EXPECT_EQ(d.Text(d.stances[0].time), "2018-03-21");
  EXPECT_EQ(d.TimeOf(0), 17611LL * 86400);
  EXPECT_EQ(d.stances[1].time, kNone);
  EXPECT_EQ(d.TimeOf(1), kNoTime);
  EXPECT_EQ(d.TimeOf(2), 0);
}

TEST(StancesCsvTest, RejectsBadTimes) {
  EXPECT_THAT(StanceErrors(Lines({"source,claim,stance,time", "a,c,supports,2018-02-30",
                                  "b,c,denies,21/03/2018"})),
              ElementsAre(CsvDiag(2, "time",
                                  "bad time '2018-02-30': day 30 out of range for 2018-02 (01-28)"),
                          CsvDiag(3, "time",
                                  "bad time '21/03/2018': not ISO 8601 (YYYY-MM-DD or "
                                  "YYYY-MM-DDThh:mm[:ss][Z|+hh:mm])")));
}

TEST(StancesCsvTest, RejectsAnEmptySource) {
  EXPECT_THAT(StanceErrorsOnLine3(",c,supports,,,,"),
              ElementsAre(CsvDiag(3, "source", "an id must not be empty")));
  EXPECT_THAT(StanceErrorsOnLine3("   ,c,supports,,,,"),
              ElementsAre(CsvDiag(3, "source", "an id must not be empty")));
  // Both ids are checked, so an empty claim is reported too.
  EXPECT_THAT(StanceErrorsOnLine3(",,supports,,,,"),
              ElementsAre(CsvDiag(3, "source", "an id must not be empty"),
                          CsvDiag(3, "claim", "an id must not be empty")));
}

TEST(StancesCsvTest, RejectsInvalidUtf8) {
  // "a\xff" has the bad byte at byte 2 of the field.
  EXPECT_THAT(StanceErrorsOnLine3("a\xff,c,supports,,,,"),
              ElementsAre(CsvDiag(3, "source", "invalid UTF-8 at byte 2 of the field")));
  EXPECT_THAT(StanceErrorsOnLine3("a,c,supports,,,caf\xc3,"),
              ElementsAre(CsvDiag(3, "text", "invalid UTF-8 at byte 4 of the field")));
  EXPECT_THAT(StanceErrorsOnLine3("a,c,supports,,,,\xfe"),
              ElementsAre(CsvDiag(3, "origin", "invalid UTF-8 at byte 1 of the field")));
}

TEST(StancesCsvTest, RejectsControlCharactersInIds) {
  EXPECT_THAT(StanceErrorsOnLine3("a\x01z,c,supports,,,,"),
              ElementsAre(CsvDiag(3, "source", "an id must not contain control characters")));
}

TEST(StancesCsvTest, RejectsAnEmptyFile) {
  EXPECT_THAT(StanceErrors(""),
              ElementsAre(CsvDiag(0, "", "no records: the file is empty (expected a header row)")));
  EXPECT_THAT(StanceErrors("\xEF\xBB\xBF"), ElementsAre(CsvDiag(0, "", "no records")));
}

TEST(StancesCsvTest, RejectsAHeaderWithoutRows) {
  // A header alone holds no records: rejected (line 0), saying that the rows are missing.
  EXPECT_THAT(
      StanceErrors("source,claim,stance\n"),
      ElementsAre(CsvDiag(0, "", "no records: the file has a header row but no data rows")));
  EXPECT_THAT(
      StanceErrors("source,claim,stance\n\n\n"),
      ElementsAre(CsvDiag(0, "", "no records: the file has a header row but no data rows")));
}

TEST(StancesCsvTest, RejectsAClaimGivenTwoGroups) {
  EXPECT_THAT(StanceErrors(Lines({"source,claim,stance,group", "a,c,supports,g1", "b,c,supports,",
                                  "b,c,denies,g1", "d,c,denies,g2"})),
              ElementsAre(CsvDiag(5, "group",
                                  "claim 'c' is given group 'g2' here but another group earlier")));
}

TEST(StancesCsvTest, RejectsAnIdUsedForASourceAndAClaim) {
  EXPECT_THAT(StanceErrors(Lines({"source,claim,stance", "a,x,supports", "x,y,supports"})),
              ElementsAre(CsvDiag(3, "source", "'x' is already used as a claim id")));
  EXPECT_THAT(StanceErrors(Lines({"source,claim,stance", "a,x,supports", "b,a,supports"})),
              ElementsAre(CsvDiag(3, "claim", "'a' is already used as a source id")));
  EXPECT_THAT(StanceErrors(Lines({"source,claim,stance", "a,a,supports"})),
              ElementsAre(CsvDiag(2, "source", "'a' is already used as a claim id")));
}

TEST(StancesCsvTest, ListsEveryBadRowInLineOrder) {
  EXPECT_THAT(
      StanceErrors(Lines({"source,claim,stance,weight", "a,c,maybe,", "a,c,supports,2",
                          "a,c,supports", "a,c,supports,"})),
      ElementsAre(CsvDiag(2, "stance", "unknown stance 'maybe'"), CsvDiag(3, "weight", "got '2'"),
                  CsvDiag(4, "", "expected 4 fields as in the header, got 3")));
}

// ---------------------------------------------------------------------------------------------
// Triples CSV

// Columns in another order; one (object, value) pair asserted twice; a quoted value with a comma.
//   sources: atlas=0, quiz=1
//   claims (sorted by id): australia=Canberra=0, australia=Sydney=1, usa=Washington, D.C.=2
//   groups: australia=0, usa=1
TEST(TriplesCsvTest, ReadsAValidFile) {
  const Dataset d = ParseTriplesCsv(Lines({
                                        "value,source,object",             // line 1
                                        "Canberra,atlas,australia",        // line 2
                                        "Sydney,quiz,australia",           // line 3
                                        " Canberra ,quiz,australia",       // line 4
                                        "\"Washington, D.C.\",atlas,usa",  // line 5
                                    }),
                                    kTriples);
  ASSERT_THAT(d.sources, SizeIs(2));
  EXPECT_EQ(d.sources[0].id, "atlas");
  EXPECT_EQ(d.sources[1].id, "quiz");
  EXPECT_EQ(d.sources[1].outlet_kind, OutletKind::kOther);

  ASSERT_THAT(d.claims, SizeIs(3));
  EXPECT_EQ(d.claims[0].id, "australia=Canberra");
  EXPECT_EQ(d.claims[0].text, "australia = Canberra");
  EXPECT_EQ(d.claims[0].value, "Canberra");
  EXPECT_EQ(d.claims[1].id, "australia=Sydney");
  EXPECT_EQ(d.claims[1].value, "Sydney");
  EXPECT_EQ(d.claims[2].id, "usa=Washington, D.C.");
  EXPECT_EQ(d.claims[2].text, "usa = Washington, D.C.");
  EXPECT_EQ(d.claims[2].value, "Washington, D.C.");
  EXPECT_THAT(d.groups, ElementsAre("australia", "usa"));
  EXPECT_EQ(d.claims[0].group, 0U);
  EXPECT_EQ(d.claims[1].group, 0U);
  EXPECT_EQ(d.claims[2].group, 1U);

  // One supports stance per row, in row order.
  ASSERT_THAT(d.stances, SizeIs(4));
  const std::vector<std::pair<Index, Index>> holder_claim = {{0, 0}, {1, 1}, {1, 0}, {0, 2}};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(d.stances[i].line, i + 2);
    EXPECT_EQ(d.stances[i].polarity, Polarity::kSupports);
    EXPECT_EQ(d.stances[i].holder, holder_claim[i].first) << i;
    EXPECT_EQ(d.stances[i].claim, holder_claim[i].second) << i;
    EXPECT_FLOAT_EQ(d.stances[i].weight, 1.0F);
  }
}

TEST(TriplesCsvTest, AcceptsCrlfAndAByteOrderMark) {
  const Dataset d = ParseTriplesCsv(
      "\xEF\xBB\xBF" + Lines({"source,object,value", "a,brazil,Bras\xc3\xadlia"}, "\r\n"),
      kTriples);
  ASSERT_THAT(d.claims, SizeIs(1));
  EXPECT_EQ(d.claims[0].id, "brazil=Bras\xc3\xadlia");
  EXPECT_EQ(d.sources[0].id, "a");
}

TEST(TriplesCsvTest, RejectsAnEmptyValue) {
  EXPECT_THAT(TripleErrors(Lines({"source,object,value", "a,o,v", "b,o,", "c,o,  "})),
              ElementsAre(TripleDiag(3, "value", "a value must not be empty"),
                          TripleDiag(4, "value", "a value must not be empty")));
}

TEST(TriplesCsvTest, RejectsEmptySourceAndObject) {
  EXPECT_THAT(TripleErrors(Lines({"source,object,value", ",o,v", "a,,v"})),
              ElementsAre(TripleDiag(2, "source", "an id must not be empty"),
                          TripleDiag(3, "object", "an id must not be empty")));
}

TEST(TriplesCsvTest, RejectsInvalidUtf8InAValue) {
  EXPECT_THAT(TripleErrors(Lines({"source,object,value", "a,o,\xff"})),
              ElementsAre(TripleDiag(2, "value", "invalid UTF-8 at byte 1 of the field")));
}

TEST(TriplesCsvTest, ReadsAnOptionalTimeColumn) {
  const Dataset d = ParseTriplesCsv(
      Lines({"source,object,value,time", "atlas,australia,Canberra,2018-03-29T12:00:00+02:00",
             "quiz,australia,Sydney,"}),
      kTriples);
  ASSERT_THAT(d.stances, SizeIs(2));
  EXPECT_EQ(d.TimeOf(0), 1522317600);  // 10:00 UTC on day 17619
  EXPECT_EQ(d.TimeOf(1), kNoTime);
  EXPECT_THAT(TripleErrors(Lines({"source,object,value,time", "a,o,v,2018-03-21T25:00"})),
              ElementsAre(TripleDiag(2, "time",
                                     "bad time '2018-03-21T25:00': hour 25 out of range (00-23)")));
}

TEST(TriplesCsvTest, RejectsExtraAndMissingColumns) {
  EXPECT_THAT(
      TripleErrors(Lines({"source,object,value,weight", "a,o,v,1"})),
      ElementsAre(TripleDiag(
          1, "weight", "unknown column in the header (expected source, object, value, time)")));
  EXPECT_THAT(TripleErrors(Lines({"source,object", "a,o"})),
              ElementsAre(TripleDiag(1, "value",
                                     "missing header column 'value' (the first row must be a "
                                     "header such as 'source,object,value')")));
}

TEST(TriplesCsvTest, RejectsAWrongFieldCount) {
  EXPECT_THAT(TripleErrors(Lines({"source,object,value", "a,o,v,extra"})),
              ElementsAre(TripleDiag(2, "", "expected 3 fields as in the header, got 4")));
}

TEST(TriplesCsvTest, RejectsAClaimIdUsedByASource) {
  // The source "o=v" is declared on line 2; the pair (o, v) on line 3 would be the claim "o=v".
  EXPECT_THAT(TripleErrors(Lines({"source,object,value", "o=v,x,y", "a,o,v"})),
              ElementsAre(TripleDiag(3, "object", "'o=v' is already used as a source id")));
}

TEST(TriplesCsvTest, RejectsAHeaderWithoutRowsAndAnEmptyFile) {
  EXPECT_THAT(
      TripleErrors("source,object,value\n"),
      ElementsAre(TripleDiag(0, "", "no records: the file has a header row but no data rows")));
  EXPECT_THAT(TripleErrors(""), ElementsAre(TripleDiag(0, "", "expected a header row")));
}

// Reading rows on a second thread (threads = 2, inputs of 4 MiB and more) must give what one
// thread gives: the same tables in the same order, and the same problems in the same order.
// The inputs are built here, large enough to span many of the reader's 4096-row blocks.
std::string BigStances(bool with_errors) {
  std::string out = "source,claim,stance,origin\n";
  for (std::int64_t i = 0; i < 250000; ++i) {
    std::string_view stance = i % 3 == 0 ? "denies" : "supports";
    if (with_errors && i % 20011 == 5) stance = "maybe";  // an unknown stance: a problem
    const std::string origin = i % 5 == 0 ? fmt::format("o{}", i / 10) : std::string();
    out += fmt::format("s{},c{},{},{}\n", (i * 7919) % 5003, (i * 104729) % 60013, stance, origin);
    if (with_errors && i % 30011 == 7) out += "too,few\n";  // a width problem
  }
  return out;
}

void ExpectSameDataset(const Dataset& a, const Dataset& b) {
  ASSERT_EQ(a.stances.size(), b.stances.size());
  for (std::size_t i = 0; i < a.stances.size(); ++i) {
    EXPECT_EQ(a.stances[i].holder, b.stances[i].holder) << i;
    EXPECT_EQ(a.stances[i].claim, b.stances[i].claim) << i;
    EXPECT_EQ(a.stances[i].origin, b.stances[i].origin) << i;
    EXPECT_EQ(a.stances[i].polarity, b.stances[i].polarity) << i;
    EXPECT_EQ(a.stances[i].line, b.stances[i].line) << i;
  }
  ASSERT_EQ(a.claims.size(), b.claims.size());
  for (std::size_t i = 0; i < a.claims.size(); ++i) EXPECT_EQ(a.claims[i].id, b.claims[i].id);
  ASSERT_EQ(a.sources.size(), b.sources.size());
  for (std::size_t i = 0; i < a.sources.size(); ++i) EXPECT_EQ(a.sources[i].id, b.sources[i].id);
  EXPECT_EQ(a.origins, b.origins);
}

TEST(CsvReaderThreads, SecondReaderThreadGivesTheSameStancesDataset) {
  const std::string text = BigStances(false);
  ASSERT_GT(text.size(), std::size_t{4} << 20);
  const Dataset one = ParseStancesCsv(text, kCsv, 1);
  const Dataset two = ParseStancesCsv(text, kCsv, 2);
  EXPECT_EQ(one.stances.size(), 250000U);
  ExpectSameDataset(one, two);
}

TEST(CsvReaderThreads, SecondReaderThreadGivesTheSameTriplesDataset) {
  std::string text = "source,object,value\n";
  for (std::int64_t i = 0; i < 300000; ++i) {
    text += fmt::format("s{},object{},{}\n", (i * 7919) % 4001, i % 70001,
                        i % 4 == 0 ? "blue" : "green");
  }
  ASSERT_GT(text.size(), std::size_t{4} << 20);
  ExpectSameDataset(ParseTriplesCsv(text, kTriples, 1), ParseTriplesCsv(text, kTriples, 2));
}

TEST(CsvReaderThreads, SecondReaderThreadGivesTheSameProblems) {
  const std::string text = BigStances(true);
  auto errors = [&](int threads) {
    return testutil::DataErrorDiagnostics([&] { return ParseStancesCsv(text, kCsv, threads); });
  };
  const std::vector<Diagnostic> one = errors(1);
  const std::vector<Diagnostic> two = errors(2);
  // 13 unknown stances (i = 5, 20016, ...) and 9 short rows (i = 7, 30018, ...).
  EXPECT_EQ(one.size(), 13U + 9U);
  ASSERT_EQ(one.size(), two.size());
  for (std::size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i].ToString(), two[i].ToString()) << i;
  }
}

}  // namespace
}  // namespace credence::io
