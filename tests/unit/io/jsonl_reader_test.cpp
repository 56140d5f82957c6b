// Unit tests for the JSON Lines reader (io::ParseJsonl) and the dataset builder behind it.
// Every expected value below was worked out by hand from docs/format.md and the sorting rule of
// include/credence/core/dataset.hpp (entity tables sorted by id); the comments show the working.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
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
using ::testing::StartsWith;

constexpr const char* kFile = "test.jsonl";

std::string Lines(const std::vector<std::string>& lines, std::string_view eol = "\n") {
  std::string out;
  for (const auto& line : lines) {
    out += line;
    out += eol;
  }
  return out;
}

using testutil::DataFailure;

// Parses `content`, which must be rejected with a DataError (any other exception escapes and
// fails the test; a successful parse is reported as a failure).
DataFailure ParseFailure(const std::string& content) {
  return testutil::CatchDataError([&] { return ParseJsonl(content, kFile); }, content);
}

std::vector<Diagnostic> ParseErrors(const std::string& content) {
  return ParseFailure(content).diagnostics;
}

// A diagnostic in test.jsonl at `line`, blaming `field` ("" for none), whose message contains
// `message`.
Matcher<const Diagnostic&> Diag(long line, const std::string& field, const std::string& message) {
  return testutil::DiagnosticIs(kFile, line, field, message);
}

// Four valid records on lines 1-4, so that a bad record appended to them is on line 5.
const std::vector<std::string> kBase = {
    R"json({"type":"outlet","id":"o"})json",
    R"json({"type":"speaker","id":"sp"})json",
    R"json({"type":"claim","id":"c","text":"C"})json",
    R"json({"type":"report","id":"r","outlet":"o"})json",
};

// The start of a stance by "sp" on "c"; tests append the other fields and the closing brace.
const std::string kStanceOnC = R"json({"type":"stance","holder":"sp","claim":"c",)json";

// The diagnostics of kBase followed by `bad` on line 5.
std::vector<Diagnostic> ErrorsOnLine5(const std::string& bad) {
  std::vector<std::string> lines = kBase;
  lines.push_back(bad);
  return ParseErrors(Lines(lines));
}

// ---------------------------------------------------------------------------------------------
// Valid input

// Element i is line i + 1 (so the three stances are on lines 15, 16 and 17). Sorted ids give:
//   sources: anon=0, gov=1, minister=2, ministry=3, paper=4, wire=5
//   claims:  b-flood=0, c-fire=1        reports: r1=0, r2=1
//   groups:  cause=0                    origins: press-release=0
const std::vector<std::string> kSmall = {
    "# a small newsroom",
    R"json({"type":"outlet","id":"wire","name":"The Wire","kind":"wire"})json",
    R"json({"type":"outlet","id":"paper","kind":"news","prior":0.7,"prior_strength":8})json",
    "",
    R"json({"type":"organisation","id":"gov"})json",
    R"json({"type":"organisation","id":"ministry","parent":"gov"})json",
    R"json({"type":"speaker","id":"minister","affiliation":["ministry"],"role":"Minister"})json",
    R"json({"type":"speaker","id":"anon","anonymous":true,"affiliation":"ministry"})json",
    "   # an indented comment",
    R"json({"type":"claim","id":"c-fire","text":"A fire.","about":["ministry"],)json"
    R"json("group":"cause"})json",
    R"json({"type":"claim","id":"b-flood","text":"A flood.","group":"cause","time":"2018-03-21"})json",
    R"json({"type":"report","id":"r2","outlet":"paper","cites":["r1","wire"],)json"
    R"json("time":"2018-03-30"})json",
    R"json({"type":"report","id":"r1","outlet":"wire","title":"T","url":"u","time":"2018-03-29T12:00:00+02:00"})json",
    "\t",
    R"json({"type":"stance","id":"s1","holder":"minister","claim":"c-fire",)json"
    R"json("polarity":"denies","report":"r2","via":["r1"],"hedge":"reportedly","weight":0.5,)json"
    R"json("origin":"press-release","quote":"No fire.","time":"2024"})json",
    R"json({"type":"stance","holder":"anon","claim":"b-flood","polarity":"for","report":"r2"})json",
    R"json({"type":"stance","holder":"paper","claim":"b-flood","polarity":"observing"})json",
};

TEST(JsonlReaderTest, SmallDatasetResolvesEveryReference) {
  const Dataset d = ParseJsonl(Lines(kSmall), kFile);
  EXPECT_EQ(d.path, kFile);

  ASSERT_THAT(d.sources, SizeIs(6));
  std::vector<std::string> ids;
  for (const auto& s : d.sources) ids.push_back(s.id);
  EXPECT_THAT(ids, ElementsAre("anon", "gov", "minister", "ministry", "paper", "wire"));
  ASSERT_THAT(d.claims, SizeIs(2));
  EXPECT_EQ(d.claims[0].id, "b-flood");
  EXPECT_EQ(d.claims[1].id, "c-fire");
  ASSERT_THAT(d.reports, SizeIs(2));
  EXPECT_EQ(d.reports[0].id, "r1");
  EXPECT_EQ(d.reports[1].id, "r2");

  EXPECT_EQ(d.FindSource("minister"), 2U);
  EXPECT_EQ(d.FindSource("nobody"), kNone);
  EXPECT_EQ(d.FindClaim("c-fire"), 1U);
  EXPECT_EQ(d.FindClaim("minister"), kNone);
  EXPECT_EQ(d.FindReport("r2"), 1U);

  // Sources: kinds, defaults and resolved links.
  const Source& wire = d.sources[5];
  EXPECT_EQ(wire.kind, SourceKind::kOutlet);
  EXPECT_EQ(wire.outlet_kind, OutletKind::kWire);
  EXPECT_EQ(wire.name, "The Wire");
  EXPECT_LT(wire.prior, 0.0);  // not given
  const Source& paper = d.sources[4];
  EXPECT_EQ(paper.name, "paper");  // defaults to the id
  EXPECT_EQ(paper.outlet_kind, OutletKind::kNews);
  EXPECT_DOUBLE_EQ(paper.prior, 0.7);
  EXPECT_DOUBLE_EQ(paper.prior_strength, 8.0);
  EXPECT_EQ(d.sources[1].kind, SourceKind::kOrganisation);
  EXPECT_EQ(d.sources[1].parent, kNone);
  EXPECT_EQ(d.sources[3].parent, 1U);  // ministry -> gov
  const Source& minister = d.sources[2];
  EXPECT_EQ(minister.kind, SourceKind::kSpeaker);
  EXPECT_EQ(minister.role, "Minister");
  EXPECT_FALSE(minister.anonymous);
  EXPECT_THAT(minister.affiliations, ElementsAre(3U));  // ministry
  const Source& anon = d.sources[0];
  EXPECT_TRUE(anon.anonymous);
  EXPECT_THAT(anon.affiliations, ElementsAre(3U));  // a single string is a list of one

  // Claims: about, groups (one group, "cause", index 0), optional time.
  EXPECT_EQ(d.claims[1].text, "A fire.");
  EXPECT_THAT(d.claims[1].about, ElementsAre(3U));
  EXPECT_THAT(d.groups, ElementsAre("cause"));
  EXPECT_EQ(d.claims[0].group, 0U);
  EXPECT_EQ(d.claims[1].group, 0U);
  // Times: the text as written and the instant (seconds since 1970-01-01 UTC; 2018-01-01 is
  // day 48 * 365 + 12 leap days = 17532, 21 March is day 17532 + 79).
  EXPECT_EQ(d.claims[0].time, "2018-03-21");
  EXPECT_EQ(d.claims[0].time_utc, std::optional<std::int64_t>(17611LL * 86400));
  EXPECT_EQ(d.claims[1].time, "");
  EXPECT_EQ(d.claims[1].time_utc, std::nullopt);

  // Reports: the outlet and the citations, split into reports and outlets.
  EXPECT_EQ(d.reports[1].outlet, 4U);                        // r2 by paper
  EXPECT_THAT(d.reports[1].cited_reports, ElementsAre(0U));  // r1
  EXPECT_THAT(d.reports[1].cited_sources, ElementsAre(5U));  // wire
  EXPECT_EQ(d.reports[0].outlet, 5U);                        // r1 by wire
  EXPECT_EQ(d.reports[0].title, "T");
  EXPECT_EQ(d.reports[0].url, "u");
  EXPECT_EQ(d.reports[0].time, "2018-03-29T12:00:00+02:00");
  EXPECT_EQ(d.reports[0].time_utc, std::optional<std::int64_t>(17619LL * 86400 + 10 * 3600));
  EXPECT_EQ(d.reports[1].time_utc, std::optional<std::int64_t>(17620LL * 86400));

  // Stances stay in input order.
  ASSERT_THAT(d.stances, SizeIs(3));
  const Stance& s1 = d.stances[0];
  EXPECT_EQ(s1.line, 15U);
  EXPECT_EQ(d.Text(s1.id), "s1");
  EXPECT_EQ(s1.holder, 2U);
  EXPECT_EQ(s1.claim, 1U);
  EXPECT_EQ(s1.report, 1U);
  EXPECT_EQ(s1.polarity, Polarity::kDenies);
  EXPECT_EQ(s1.hedge, Hedge::kReportedly);
  EXPECT_FLOAT_EQ(s1.weight, 0.5F);
  EXPECT_THAT(d.origins, ElementsAre("press-release"));
  EXPECT_EQ(s1.origin, 0U);
  EXPECT_EQ(d.Text(s1.quote), "No fire.");
  EXPECT_EQ(d.Text(s1.time), "2024");
  // Its own time (2024-01-01: day 54 * 365 + 13 leap days), not its report's.
  EXPECT_EQ(d.TimeOf(s1), 19723LL * 86400);
  // via ["r1"]: a report in a chain stands for its outlet, wire (5); wire also vouches.
  EXPECT_THAT(d.Via(s1), ElementsAre(5U));
  EXPECT_EQ(d.VouchingOutlet(s1), 5U);

  const Stance& s2 = d.stances[1];
  EXPECT_EQ(s2.line, 16U);
  EXPECT_EQ(s2.id, kNone);
  EXPECT_EQ(d.Text(s2.id), "");
  EXPECT_EQ(s2.holder, 0U);
  EXPECT_EQ(s2.claim, 0U);
  EXPECT_EQ(s2.polarity, Polarity::kSupports);  // "for"
  EXPECT_EQ(s2.hedge, Hedge::kNone);
  EXPECT_FLOAT_EQ(s2.weight, 1.0F);
  EXPECT_EQ(s2.origin, kNone);
  EXPECT_TRUE(d.Via(s2).empty());
  EXPECT_EQ(d.VouchingOutlet(s2), 4U);  // no via: the publisher of r2, paper
  // No time of its own: its report's (r2, 2018-03-30), the text left empty.
  EXPECT_EQ(s2.time, kNone);
  EXPECT_EQ(d.TimeOf(s2), 17620LL * 86400);
  EXPECT_EQ(d.TimeOf(2), kNoTime);  // no time and no report

  const Stance& s3 = d.stances[2];
  EXPECT_EQ(s3.polarity, Polarity::kNeutral);  // "observing"
  EXPECT_EQ(s3.report, kNone);
  EXPECT_EQ(d.VouchingOutlet(s3), kNone);  // neither report nor via
}

TEST(JsonlReaderTest, ForwardReferencesResolve) {
  // The stance comes before the claim, holder and report it names.
  const Dataset d = ParseJsonl(
      Lines({
          R"json({"type":"stance","holder":"a","claim":"c","polarity":"+1","report":"r"})json",
          R"json({"type":"report","id":"r","outlet":"a"})json",
          R"json({"type":"claim","id":"c","text":"C"})json",
          R"json({"type":"outlet","id":"a"})json",
      }),
      kFile);
  ASSERT_THAT(d.stances, SizeIs(1));
  EXPECT_EQ(d.stances[0].holder, 0U);
  EXPECT_EQ(d.stances[0].claim, 0U);
  EXPECT_EQ(d.stances[0].report, 0U);
  EXPECT_EQ(d.stances[0].polarity, Polarity::kSupports);
}

TEST(JsonlReaderTest, AmericanSpellingOfOrganisationIsAccepted) {
  const Dataset d = ParseJsonl(R"json({"type":"organization","id":"x"})json", kFile);
  ASSERT_THAT(d.sources, SizeIs(1));
  EXPECT_EQ(d.sources[0].kind, SourceKind::kOrganisation);
}

TEST(JsonlReaderTest, CommentsAndBlankLinesCountAsLines) {
  // The bad record is on line 6 of the file, after a comment, blank lines and an indented
  // comment; its line number must count them all.
  const auto errors = ParseErrors(Lines({
      "# comment",
      "",
      R"json({"type":"outlet","id":"o"})json",
      "   ",
      "  # indented comment",
      R"json({"type":"outlet","id":"o2","kind":"blog"})json",
  }));
  EXPECT_THAT(errors, ElementsAre(Diag(6, "kind", "unknown outlet kind 'blog'")));
}

TEST(JsonlReaderTest, AcceptsCrlfLineEnds) {
  const Dataset d = ParseJsonl(Lines(kSmall, "\r\n"), kFile);
  EXPECT_THAT(d.sources, SizeIs(6));
  ASSERT_THAT(d.stances, SizeIs(3));
  EXPECT_EQ(d.stances[0].line, 15U);
  EXPECT_EQ(d.Text(d.stances[0].time), "2024");  // no stray '\r'

  // Line numbers stay right in a CRLF file.
  const auto errors = ParseErrors(Lines({"# c", R"json({"type":"outlet"})json"}, "\r\n"));
  EXPECT_THAT(errors, ElementsAre(Diag(2, "id", "missing required field")));
}

TEST(JsonlReaderTest, SkipsAByteOrderMark) {
  const Dataset d = ParseJsonl("\xEF\xBB\xBF" + Lines(kSmall), kFile);
  EXPECT_THAT(d.sources, SizeIs(6));
  EXPECT_EQ(d.sources[0].id, "anon");
  // A BOM before a record on line 1 does not shift line numbers.
  EXPECT_THAT(ParseErrors("\xEF\xBB\xBF{\"type\":\"outlet\"}\n"),
              ElementsAre(Diag(1, "id", "missing required field")));
}

TEST(JsonlReaderTest, LastLineWithoutNewlineIsRead) {
  const Dataset d = ParseJsonl(R"json({"type":"outlet","id":"o"})json", kFile);
  ASSERT_THAT(d.sources, SizeIs(1));
  EXPECT_EQ(d.sources[0].id, "o");
}

// Two files with the same records in different line orders: every entity table, group and origin
// list is identical, and the stances are the same set (stances keep input order, so they are
// compared by id).
TEST(JsonlReaderTest, IndicesDoNotDependOnLineOrder) {
  std::vector<std::string> reversed = kSmall;
  std::reverse(reversed.begin(), reversed.end());
  // The one stance without an id would be ambiguous: give both files the same ids.
  auto with_ids = [](std::vector<std::string> lines) {
    for (auto& line : lines) {
      if (line.find(R"("holder":"anon")") != std::string::npos) {
        line.insert(1, R"("id":"s2",)");
      } else if (line.find(R"("holder":"paper")") != std::string::npos) {
        line.insert(1, R"("id":"s3",)");
      }
    }
    return lines;
  };
  const Dataset a = ParseJsonl(Lines(with_ids(kSmall)), kFile);
  const Dataset b = ParseJsonl(Lines(with_ids(reversed)), kFile);

  ASSERT_EQ(a.sources.size(), b.sources.size());
  for (std::size_t i = 0; i < a.sources.size(); ++i) {
    SCOPED_TRACE(a.sources[i].id);
    EXPECT_EQ(a.sources[i].id, b.sources[i].id);
    EXPECT_EQ(a.sources[i].kind, b.sources[i].kind);
    EXPECT_EQ(a.sources[i].affiliations, b.sources[i].affiliations);
    EXPECT_EQ(a.sources[i].parent, b.sources[i].parent);
  }
  ASSERT_EQ(a.claims.size(), b.claims.size());
  for (std::size_t i = 0; i < a.claims.size(); ++i) {
    EXPECT_EQ(a.claims[i].id, b.claims[i].id);
    EXPECT_EQ(a.claims[i].about, b.claims[i].about);
    EXPECT_EQ(a.claims[i].group, b.claims[i].group);
  }
  ASSERT_EQ(a.reports.size(), b.reports.size());
  for (std::size_t i = 0; i < a.reports.size(); ++i) {
    EXPECT_EQ(a.reports[i].id, b.reports[i].id);
    EXPECT_EQ(a.reports[i].outlet, b.reports[i].outlet);
    EXPECT_EQ(a.reports[i].cited_reports, b.reports[i].cited_reports);
    EXPECT_EQ(a.reports[i].cited_sources, b.reports[i].cited_sources);
  }
  EXPECT_EQ(a.groups, b.groups);
  EXPECT_EQ(a.origins, b.origins);

  ASSERT_EQ(a.stances.size(), b.stances.size());
  for (const Stance& sa : a.stances) {
    const auto it = std::find_if(b.stances.begin(), b.stances.end(),
                                 [&](const Stance& sb) { return b.Text(sb.id) == a.Text(sa.id); });
    ASSERT_NE(it, b.stances.end()) << a.Text(sa.id);
    const Stance& sb = *it;
    SCOPED_TRACE(a.Text(sa.id));
    EXPECT_EQ(sa.holder, sb.holder);
    EXPECT_EQ(sa.claim, sb.claim);
    EXPECT_EQ(sa.report, sb.report);
    EXPECT_EQ(sa.origin, sb.origin);
    EXPECT_EQ(a.Via(sa), b.Via(sb));
    EXPECT_EQ(sa.polarity, sb.polarity);
    EXPECT_EQ(sa.hedge, sb.hedge);
    EXPECT_EQ(sa.weight, sb.weight);
    EXPECT_EQ(a.Text(sa.quote), b.Text(sb.quote));
    EXPECT_EQ(a.Text(sa.time), b.Text(sb.time));
  }
}

// ---------------------------------------------------------------------------------------------
// Syntax errors

TEST(JsonlReaderTest, RejectsMalformedJson) {
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"outlet","id":})json"),
              ElementsAre(Diag(5, "", "malformed JSON: ")));
}

TEST(JsonlReaderTest, RejectsATruncatedLine) {
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"outlet","id":"x")json"),
              ElementsAre(Diag(5, "", "malformed JSON: ")));
}

TEST(JsonlReaderTest, RejectsTrailingGarbage) {
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"outlet","id":"x"} extra)json"),
              ElementsAre(Diag(5, "", "malformed JSON: ")));
}

TEST(JsonlReaderTest, RejectsLinesThatAreNotObjects) {
  EXPECT_THAT(ErrorsOnLine5(R"json(["outlet"])json"),
              ElementsAre(Diag(5, "", "expected a JSON object, got an array")));
  EXPECT_THAT(ErrorsOnLine5(R"json("outlet")json"),
              ElementsAre(Diag(5, "", "expected a JSON object, got a string")));
  EXPECT_THAT(ErrorsOnLine5("42"),
              ElementsAre(Diag(5, "", "expected a JSON object, got a number")));
  EXPECT_THAT(ErrorsOnLine5("null"), ElementsAre(Diag(5, "", "expected a JSON object, got null")));
}

TEST(JsonlReaderTest, RejectsNestingDeeperThan64) {
  // The record object is level 1, so 63 nested arrays make 64 levels: allowed (the url is then
  // merely of the wrong type); 64 nested arrays make 65 levels: rejected by the parser.
  auto nested = [](int arrays) {
    return R"json({"type":"outlet","id":"x","url":)json" + std::string(arrays, '[') +
           std::string(arrays, ']') + "}";
  };
  EXPECT_THAT(ErrorsOnLine5(nested(63)),
              ElementsAre(Diag(5, "url", "expected a string, got an array")));
  EXPECT_THAT(ErrorsOnLine5(nested(64)),
              ElementsAre(Diag(5, "", "malformed JSON: The JSON document was too deep")));
  EXPECT_THAT(ErrorsOnLine5(nested(1000)),
              ElementsAre(Diag(5, "", "malformed JSON: The JSON document was too deep")));
}

TEST(JsonlReaderTest, RejectsInvalidUtf8) {
  // {"type":"outlet","id":"x","name":" is 34 bytes, so the 0xFF is byte 35.
  EXPECT_THAT(ErrorsOnLine5("{\"type\":\"outlet\",\"id\":\"x\",\"name\":\"\xff\"}"),
              ElementsAre(Diag(5, "", "invalid UTF-8 at byte 35 of the line")));
  // An overlong encoding of '/' (C0 AF) and a UTF-16 surrogate (ED A0 80) are invalid too.
  EXPECT_THAT(ErrorsOnLine5("{\"type\":\"outlet\",\"id\":\"\xc0\xaf\"}"),
              ElementsAre(Diag(5, "", "invalid UTF-8 at byte 24 of the line")));
  EXPECT_THAT(ErrorsOnLine5("{\"type\":\"outlet\",\"id\":\"\xed\xa0\x80\"}"),
              ElementsAre(Diag(5, "", "invalid UTF-8 at byte 24 of the line")));
  // Valid multi-byte text is fine: "Brasília" and an emoji.
  const Dataset d = ParseJsonl(
      "{\"type\":\"outlet\",\"id\":\"bras\xc3\xadlia\",\"name\":\"\xf0\x9f\x93\xb0\"}", kFile);
  EXPECT_EQ(d.sources[0].id, "bras\xc3\xadlia");
}

// ---------------------------------------------------------------------------------------------
// Record-level errors

TEST(JsonlReaderTest, RejectsAMissingType) {
  EXPECT_THAT(ErrorsOnLine5(R"json({"id":"x"})json"),
              ElementsAre(Diag(5, "type", "missing required field")));
}

TEST(JsonlReaderTest, RejectsATypeThatIsNotAString) {
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":5,"id":"x"})json"),
              ElementsAre(Diag(5, "type", "expected a string, got a number")));
}

TEST(JsonlReaderTest, RejectsAnUnknownType) {
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"person","id":"x"})json"),
              ElementsAre(Diag(5, "type",
                               "unknown record type 'person' (expected outlet, speaker, "
                               "organisation, claim, report, stance or retraction)")));
}

TEST(JsonlReaderTest, RejectsAnUnknownField) {
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"outlet","id":"x","colour":"red"})json"),
              ElementsAre(Diag(5, "colour",
                               "unknown field for an outlet record (allowed: type, id, name, kind, "
                               "prior, prior_strength, url)")));
  // A misspelt required field is reported twice: as unknown, and as missing.
  EXPECT_THAT(
      ErrorsOnLine5(R"json({"type":"stance","holder":"sp","claim":"c","polarty":"supports"})json"),
      ElementsAre(Diag(5, "polarty", "unknown field for a stance record"),
                  Diag(5, "polarity", "missing required field")));
  // A field of another record type is unknown here: "parent" belongs to organisations.
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"speaker","id":"x","parent":"o"})json"),
              ElementsAre(Diag(5, "parent", "unknown field for a speaker record")));
}

TEST(JsonlReaderTest, RejectsMissingRequiredFields) {
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"claim","id":"x"})json"),
              ElementsAre(Diag(5, "text", "missing required field")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"report","id":"x"})json"),
              ElementsAre(Diag(5, "outlet", "missing required field")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"stance","claim":"c","polarity":"supports"})json"),
              ElementsAre(Diag(5, "holder", "missing required field")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"stance","holder":"sp","polarity":"supports"})json"),
              ElementsAre(Diag(5, "claim", "missing required field")));
}

TEST(JsonlReaderTest, RejectsTimesThatAreNotIso8601) {
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"claim","id":"x","text":"X","time":"2018-13-01"})json"),
              ElementsAre(Diag(5, "time", "bad time '2018-13-01': month 13 out of range (01-12)")));
  EXPECT_THAT(
      ErrorsOnLine5(R"json({"type":"report","id":"x","outlet":"o","time":"2019-02-29"})json"),
      ElementsAre(
          Diag(5, "time", "bad time '2019-02-29': day 29 out of range for 2019-02 (01-28)")));
  EXPECT_THAT(ErrorsOnLine5(kStanceOnC + R"json("polarity":"supports","time":"March 2018"})json"),
              ElementsAre(Diag(5, "time",
                               "bad time 'March 2018': not ISO 8601 (YYYY-MM-DD or "
                               "YYYY-MM-DDThh:mm[:ss][Z|+hh:mm])")));
  EXPECT_THAT(ErrorsOnLine5(kStanceOnC + R"json("polarity":"supports","time":2018})json"),
              ElementsAre(Diag(5, "time", "expected a string, got a number")));
}

TEST(JsonlReaderTest, RejectsFieldsOfTheWrongType) {
  const std::string stance = kStanceOnC + R"json("polarity":"supports",)json";
  EXPECT_THAT(ErrorsOnLine5(stance + R"json("weight":"high"})json"),
              ElementsAre(Diag(5, "weight", "expected a number, got a string")));
  EXPECT_THAT(ErrorsOnLine5(stance + R"json("via":{"a":1}})json"),
              ElementsAre(Diag(5, "via", "expected an array of ids, got an object")));
  EXPECT_THAT(ErrorsOnLine5(stance + R"json("quote":null})json"),
              ElementsAre(Diag(5, "quote", "expected a string, got null")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"speaker","id":"x","anonymous":"yes"})json"),
              ElementsAre(Diag(5, "anonymous", "expected true or false, got a string")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"claim","id":"x","text":"X","about":5})json"),
              ElementsAre(Diag(5, "about", "expected an array of ids, got a number")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"claim","id":"x","text":"X","about":["sp",5]})json"),
              ElementsAre(Diag(5, "about", "expected an array of ids, found a number in it")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"outlet","id":7})json"),
              ElementsAre(Diag(5, "id", "expected a string, got a number")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"outlet","id":"x","name":true})json"),
              ElementsAre(Diag(5, "name", "expected a string, got a boolean")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"outlet","id":"x","prior":[0.5]})json"),
              ElementsAre(Diag(5, "prior", "expected a number, got an array")));
}

TEST(JsonlReaderTest, RejectsWeightsOutsideZeroToOne) {
  // weight must be in (0, 1]: 1 is allowed, 0, 1.5 and negatives are not.
  const std::string stance = kStanceOnC + R"json("polarity":"supports",)json";
  EXPECT_THAT(ErrorsOnLine5(stance + R"json("weight":0})json"),
              ElementsAre(Diag(5, "weight", "must be in (0, 1], got 0")));
  EXPECT_THAT(ErrorsOnLine5(stance + R"json("weight":1.5})json"),
              ElementsAre(Diag(5, "weight", "must be in (0, 1], got 1.5")));
  EXPECT_THAT(ErrorsOnLine5(stance + R"json("weight":-0.2})json"),
              ElementsAre(Diag(5, "weight", "must be in (0, 1], got -0.2")));
  // 1e-50 is in (0, 1] but rounds to 0 as a float; it must not slip through as weight 0.
  EXPECT_THAT(ErrorsOnLine5(stance + R"json("weight":1e-50})json"),
              ElementsAre(Diag(5, "weight", "must be in (0, 1], got 1e-50")));
  std::vector<std::string> lines = kBase;
  lines.push_back(stance + R"json("weight":1})json");
  lines.push_back(stance + R"json("weight":0.25})json");
  const Dataset d = ParseJsonl(Lines(lines), kFile);
  ASSERT_THAT(d.stances, SizeIs(2));
  EXPECT_FLOAT_EQ(d.stances[0].weight, 1.0F);
  EXPECT_FLOAT_EQ(d.stances[1].weight, 0.25F);
}

TEST(JsonlReaderTest, RejectsPriorsOutsideTheOpenInterval) {
  // prior must be in (0, 1): both ends are excluded; prior_strength must be > 0.
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"outlet","id":"x","prior":1.0})json"),
              ElementsAre(Diag(5, "prior", "must be in (0, 1), got 1")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"speaker","id":"x","prior":0})json"),
              ElementsAre(Diag(5, "prior", "must be in (0, 1), got 0")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"organisation","id":"x","prior_strength":0})json"),
              ElementsAre(Diag(5, "prior_strength", "got 0")));
}

TEST(JsonlReaderTest, RejectsAnUnknownPolarity) {
  EXPECT_THAT(
      ErrorsOnLine5(R"json({"type":"stance","holder":"sp","claim":"c","polarity":"maybe"})json"),
      ElementsAre(
          Diag(5, "polarity", "unknown polarity 'maybe' (expected supports, denies or neutral)")));
}

TEST(JsonlReaderTest, AcceptsEveryDocumentedPolaritySpelling) {
  // docs/format.md: supports/denies/neutral, for/against/observing, +1/-1/0.
  const std::vector<std::pair<std::string, Polarity>> cases = {
      {"supports", Polarity::kSupports}, {"denies", Polarity::kDenies},
      {"neutral", Polarity::kNeutral},   {"for", Polarity::kSupports},
      {"against", Polarity::kDenies},    {"observing", Polarity::kNeutral},
      {"+1", Polarity::kSupports},       {"-1", Polarity::kDenies},
      {"0", Polarity::kNeutral},         {"SUPPORTS", Polarity::kSupports},
  };
  for (const auto& [word, polarity] : cases) {
    std::vector<std::string> lines = kBase;
    lines.push_back(R"json({"type":"stance","holder":"sp","claim":"c","polarity":")json" + word +
                    "\"}");
    const Dataset d = ParseJsonl(Lines(lines), kFile);
    ASSERT_THAT(d.stances, SizeIs(1));
    EXPECT_EQ(d.stances[0].polarity, polarity) << word;
  }
}

TEST(JsonlReaderTest, RejectsAnUnknownHedge) {
  EXPECT_THAT(ErrorsOnLine5(kStanceOnC + R"json("polarity":"denies","hedge":"perhaps"})json"),
              ElementsAre(Diag(5, "hedge", "unknown hedge 'perhaps'")));
}

TEST(JsonlReaderTest, AcceptsEveryDocumentedHedge) {
  const std::vector<std::pair<std::string, Hedge>> cases = {
      {"reportedly", Hedge::kReportedly},
      {"allegedly", Hedge::kAllegedly},
      {"claims", Hedge::kClaims},
      {"says", Hedge::kSays},
      {"may", Hedge::kMay},
      {"might", Hedge::kMight},
      {"unconfirmed", Hedge::kUnconfirmed},
      {"rumour", Hedge::kRumour},
      {"rumor", Hedge::kRumour},
  };
  for (const auto& [word, hedge] : cases) {
    std::vector<std::string> lines = kBase;
    lines.push_back(kStanceOnC + R"json("polarity":"denies","hedge":")json" + word + "\"}");
    const Dataset d = ParseJsonl(Lines(lines), kFile);
    ASSERT_THAT(d.stances, SizeIs(1));
    EXPECT_EQ(d.stances[0].hedge, hedge) << word;
  }
}

TEST(JsonlReaderTest, RejectsADuplicateId) {
  // "sp" is first defined on line 2 (a speaker); ids are unique across all record types.
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"outlet","id":"sp"})json"),
              ElementsAre(Diag(5, "id", "duplicate id 'sp', first defined at line 2")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"claim","id":"r","text":"R"})json"),
              ElementsAre(Diag(5, "id", "duplicate id 'r', first defined at line 4")));
  // Ids are case-sensitive: "SP" is another id.
  EXPECT_NO_THROW(ParseJsonl(Lines(kBase) + R"json({"type":"outlet","id":"SP"})json", kFile));
}

TEST(JsonlReaderTest, RejectsADuplicateStanceId) {
  const std::string stance =
      R"json({"type":"stance","id":"s","holder":"sp","claim":"c","polarity":"supports"})json";
  std::vector<std::string> lines = kBase;
  lines.push_back(stance);  // line 5
  lines.push_back(stance);  // line 6
  EXPECT_THAT(ParseErrors(Lines(lines)),
              ElementsAre(Diag(6, "id", "duplicate id 's', first defined at line 5")));
  // A stance id that clashes with an entity is blamed on the stance, whatever the order.
  EXPECT_THAT(ErrorsOnLine5(kStanceOnC + R"json("id":"c","polarity":"+1"})json"),
              ElementsAre(Diag(5, "id", "duplicate id 'c', first defined at line 3")));
  EXPECT_THAT(ParseErrors(Lines({
                  R"json({"type":"stance","id":"o","holder":"o","claim":"c","polarity":"+1"})json",
                  R"json({"type":"outlet","id":"o"})json",
                  R"json({"type":"claim","id":"c","text":"C"})json",
              })),
              ElementsAre(Diag(1, "id", "duplicate id 'o', first defined at line 2")));
}

TEST(JsonlReaderTest, RejectsAnEmptyId) {
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"outlet","id":""})json"),
              ElementsAre(Diag(5, "id", "an id must not be empty")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"stance","holder":"","claim":"c","polarity":"+1"})json"),
              ElementsAre(Diag(5, "holder", "an id must not be empty")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"claim","id":"x","text":"X","about":[""]})json"),
              ElementsAre(Diag(5, "about", "an id must not be empty")));
}

TEST(JsonlReaderTest, RejectsControlCharactersInIds) {
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"outlet","id":"a\tb"})json"),
              ElementsAre(Diag(5, "id", "an id must not contain control characters")));
}

TEST(JsonlReaderTest, RejectsAFieldGivenTwice) {
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"outlet","id":"x","name":"a","name":"b"})json"),
              ElementsAre(Diag(5, "name", "field given twice")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"outlet","type":"outlet","id":"x"})json"),
              ElementsAre(Diag(5, "type", "field given twice")));
}

// ---------------------------------------------------------------------------------------------
// References

TEST(JsonlReaderTest, RejectsAStanceOnAClaimThatDoesNotExist) {
  EXPECT_THAT(
      ErrorsOnLine5(R"json({"type":"stance","holder":"sp","claim":"nope","polarity":"+1"})json"),
      ElementsAre(Diag(5, "claim", "stance names claim 'nope', which is not defined")));
  // "sp" exists, but it is a speaker, not a claim.
  EXPECT_THAT(
      ErrorsOnLine5(R"json({"type":"stance","holder":"sp","claim":"sp","polarity":"+1"})json"),
      ElementsAre(Diag(5, "claim", "stance names claim 'sp', which is a source, not a claim")));
}

TEST(JsonlReaderTest, RejectsAMissingHolder) {
  EXPECT_THAT(
      ErrorsOnLine5(R"json({"type":"stance","holder":"ghost","claim":"c","polarity":"+1"})json"),
      ElementsAre(Diag(5, "holder", "stance names holder 'ghost', which is not defined")));
  EXPECT_THAT(
      ErrorsOnLine5(R"json({"type":"stance","holder":"r","claim":"c","polarity":"+1"})json"),
      ElementsAre(Diag(5, "holder", "stance names holder 'r', which is a report, not a source")));
}

TEST(JsonlReaderTest, RejectsAMissingReport) {
  EXPECT_THAT(ErrorsOnLine5(kStanceOnC + R"json("polarity":"+1","report":"r9"})json"),
              ElementsAre(Diag(5, "report", "stance names report 'r9', which is not defined")));
  EXPECT_THAT(
      ErrorsOnLine5(kStanceOnC + R"json("polarity":"+1","report":"o"})json"),
      ElementsAre(Diag(5, "report", "stance names report 'o', which is a source, not a report")));
}

TEST(JsonlReaderTest, RejectsAMissingViaLink) {
  const std::string stance = kStanceOnC + R"json("polarity":"+1",)json";
  EXPECT_THAT(ErrorsOnLine5(stance + R"json("via":["o","nbc"]})json"),
              ElementsAre(Diag(5, "via", "via names 'nbc', which is not defined")));
  // A speaker cannot relay: only outlets and reports can.
  EXPECT_THAT(
      ErrorsOnLine5(stance + R"json("via":["sp"]})json"),
      ElementsAre(Diag(5, "via", "via names 'sp', which is a source, not an outlet or a report")));
}

TEST(JsonlReaderTest, RejectsBadAffiliationsAndParents) {
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"speaker","id":"x","affiliation":["o"]})json"),
              ElementsAre(Diag(5, "affiliation", "affiliation 'o' is not an organisation")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"speaker","id":"x","affiliation":["party"]})json"),
              ElementsAre(Diag(5, "affiliation", "'party', which is not defined")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"speaker","id":"x","affiliation":["c"]})json"),
              ElementsAre(Diag(5, "affiliation", "'c', which is a claim, not an organisation")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"organisation","id":"x","parent":"sp"})json"),
              ElementsAre(Diag(5, "parent", "parent 'sp' is not an organisation")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"organisation","id":"x","parent":"state"})json"),
              ElementsAre(Diag(5, "parent", "'state', which is not defined")));
}

TEST(JsonlReaderTest, RejectsAReportWhoseOutletIsNotAnOutlet) {
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"report","id":"r2","outlet":"sp"})json"),
              ElementsAre(Diag(5, "outlet", "outlet 'sp' is not an outlet")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"report","id":"r2","outlet":"bbc"})json"),
              ElementsAre(Diag(5, "outlet", "'bbc', which is not defined")));
}

TEST(JsonlReaderTest, RejectsBadCitationsAndAboutLinks) {
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"report","id":"r2","outlet":"o","cites":["r9"]})json"),
              ElementsAre(Diag(5, "cites", "'r9', which is not defined")));
  // A report may cite a report or an outlet, not a speaker.
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"report","id":"r2","outlet":"o","cites":["sp"]})json"),
              ElementsAre(Diag(5, "cites", "'sp', which is a source, not a report or an outlet")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"claim","id":"x","text":"X","about":["nobody"]})json"),
              ElementsAre(Diag(5, "about", "'nobody', which is not defined")));
}

TEST(JsonlReaderTest, RejectsCitationCycles) {
  // r1 -> r2 -> r1: both reports are on the cycle, each blamed on its own line.
  EXPECT_THAT(ParseErrors(Lines({
                  R"json({"type":"outlet","id":"o"})json",
                  R"json({"type":"report","id":"r1","outlet":"o","cites":["r2"]})json",
                  R"json({"type":"report","id":"r2","outlet":"o","cites":["r1","o"]})json",
                  R"json({"type":"report","id":"r3","outlet":"o","cites":["r1"]})json",
              })),
              ElementsAre(Diag(2, "cites", "report 'r1' is part of a citation cycle"),
                          Diag(3, "cites", "report 'r2' is part of a citation cycle")));
  // A self-citation is a cycle of one.
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"report","id":"r2","outlet":"o","cites":["r2"]})json"),
              ElementsAre(Diag(5, "cites", "report 'r2' is part of a citation cycle")));
  // A chain without a cycle is fine.
  EXPECT_NO_THROW(ParseJsonl(Lines({
                                 R"json({"type":"outlet","id":"o"})json",
                                 R"json({"type":"report","id":"a","outlet":"o","cites":["b"]})json",
                                 R"json({"type":"report","id":"b","outlet":"o","cites":["c"]})json",
                                 R"json({"type":"report","id":"c","outlet":"o"})json",
                             }),
                             kFile));
}

TEST(JsonlReaderTest, RejectsOrganisationParentCycles) {
  EXPECT_THAT(ParseErrors(Lines({
                  R"json({"type":"organisation","id":"a","parent":"b"})json",
                  R"json({"type":"organisation","id":"b","parent":"c"})json",
                  R"json({"type":"organisation","id":"c","parent":"a"})json",
                  R"json({"type":"organisation","id":"d","parent":"a"})json",
              })),
              ElementsAre(Diag(1, "parent", "organisation 'a' is its own ancestor"),
                          Diag(2, "parent", "organisation 'b' is its own ancestor"),
                          Diag(3, "parent", "organisation 'c' is its own ancestor")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"organisation","id":"x","parent":"x"})json"),
              ElementsAre(Diag(5, "parent", "organisation 'x' is its own ancestor")));
}

// ---------------------------------------------------------------------------------------------
// Whole-file errors and the error list

TEST(JsonlReaderTest, RejectsAnEmptyFile) {
  const DataFailure f = ParseFailure("");
  EXPECT_THAT(f.diagnostics, ElementsAre(Diag(0, "", "no records")));
  EXPECT_EQ(f.what, "test.jsonl: no records: the file is empty");
  EXPECT_THAT(ParseErrors("\xEF\xBB\xBF"), ElementsAre(Diag(0, "", "no records")));
  EXPECT_THAT(ParseErrors("\n\n"), ElementsAre(Diag(0, "", "no records")));
}

TEST(JsonlReaderTest, RejectsAFileOfOnlyComments) {
  EXPECT_THAT(ParseErrors(Lines({"# one", "", "  # two"})), ElementsAre(Diag(0, "", "no records")));
}

TEST(JsonlReaderTest, ListsEveryProblemSortedByLine) {
  // Problems found while reading lines (3, 5, 6) and while resolving references at the end (2)
  // come out in line order.
  const DataFailure f = ParseFailure(Lines({
      R"json({"type":"outlet","id":"o"})json",                                            // 1
      R"json({"type":"stance","holder":"ghost","claim":"c","polarity":"supports"})json",  // 2
      "garbage",                                                                          // 3
      R"json({"type":"claim","id":"c","text":"C"})json",                                  // 4
      R"json({"type":"outlet","id":"o"})json",                                            // 5
      "[1]",                                                                              // 6
  }));
  EXPECT_THAT(f.diagnostics,
              ElementsAre(Diag(2, "holder", "stance names holder 'ghost', which is not defined"),
                          Diag(3, "", "malformed JSON"),
                          Diag(5, "id", "duplicate id 'o', first defined at line 1"),
                          Diag(6, "", "expected a JSON object, got an array")));
  // what() lists them one per line as FILE:LINE: field 'F': message.
  EXPECT_THAT(f.what, StartsWith("test.jsonl:2: field 'holder': stance names holder 'ghost'"));
  EXPECT_THAT(f.what, HasSubstr("\ntest.jsonl:3: malformed JSON: "));
  EXPECT_THAT(f.what, HasSubstr("\ntest.jsonl:6: expected a JSON object, got an array"));
}

TEST(JsonlReaderTest, StopsAfterAThousandProblems) {
  // 1,500 bad lines: the reader keeps the first 1,000 (kMaxProblems) and what() shows 20.
  std::string content;
  for (int i = 0; i < 1500; ++i) content += "x\n";
  const DataFailure f = ParseFailure(content);
  ASSERT_THAT(f.diagnostics, SizeIs(1000));
  EXPECT_EQ(f.diagnostics.front().line, 1);
  EXPECT_EQ(f.diagnostics.back().line, 1000);
  EXPECT_THAT(f.what, HasSubstr("\n... and 980 more problems"));
}

// ---------------------------------------------------------------------------------------------
// Retractions (docs/format.md, "retraction"; docs/model.md, "Time")

// Stances with ids on lines 5-7 (indices 0-2 in input order), reports r1 (2024-05-01) and r2
// (2024-05-03); sorted ids make r1 report 0 and r2 report 1.
const std::vector<std::string> kRetractable = {
    R"json({"type":"outlet","id":"paper"})json",
    R"json({"type":"claim","id":"c","text":"C"})json",
    R"json({"type":"report","id":"r1","outlet":"paper","time":"2024-05-01"})json",
    R"json({"type":"report","id":"r2","outlet":"paper","time":"2024-05-03"})json",
    R"json({"type":"stance","id":"s-a","holder":"paper","claim":"c","polarity":"+1","report":"r1"})json",
    R"json({"type":"stance","id":"s-b","holder":"paper","claim":"c","polarity":"-1","time":"2024-05-02"})json",
    R"json({"type":"stance","id":"s-c","holder":"paper","claim":"c","polarity":"+1"})json",
};

// Line 8 retracts s-a in report r2 (no time of its own: r2's, 2024-05-03 = 1714694400 s);
// line 9 corrects s-b at 2024-05-02T18:00Z (1714672800 s; "correction" is the same record);
// line 10 retracts the undated s-c without a date. Order: undated first, then by time.
TEST(JsonlReaderTest, ReadsRetractions) {
  std::vector<std::string> lines = kRetractable;
  lines.push_back(R"json({"type":"retraction","stance":"s-a","report":"r2"})json");
  lines.push_back(R"json({"type":"correction","stance":"s-b","time":"2024-05-02T18:00Z"})json");
  lines.push_back(R"json({"type":"retraction","stance":"s-c"})json");
  const Dataset d = ParseJsonl(Lines(lines), kFile);
  ASSERT_THAT(d.stances, SizeIs(3));
  ASSERT_THAT(d.retractions, SizeIs(3));

  const Retraction& undated = d.retractions[0];
  EXPECT_EQ(undated.stance, 2U);
  EXPECT_EQ(undated.report, kNone);
  EXPECT_EQ(undated.time, "");
  EXPECT_FALSE(undated.time_utc.has_value());
  EXPECT_EQ(undated.line, 10U);

  const Retraction& own_time = d.retractions[1];
  EXPECT_EQ(own_time.stance, 1U);
  EXPECT_EQ(own_time.report, kNone);
  EXPECT_EQ(own_time.time, "2024-05-02T18:00Z");
  EXPECT_EQ(own_time.time_utc, std::optional<std::int64_t>(1714672800));
  EXPECT_EQ(own_time.line, 9U);

  const Retraction& from_report = d.retractions[2];
  EXPECT_EQ(from_report.stance, 0U);
  EXPECT_EQ(from_report.report, d.FindReport("r2"));
  EXPECT_EQ(from_report.report, 1U);
  EXPECT_EQ(from_report.time, "");  // the text stays empty: the time is the report's
  EXPECT_EQ(from_report.time_utc, std::optional<std::int64_t>(1714694400));
  EXPECT_EQ(from_report.line, 8U);
}

// A retraction may come before the stance it names, and may be dated at the very instant of its
// stance (not before it).
TEST(JsonlReaderTest, AcceptsARetractionBeforeItsStanceAndAtItsTime) {
  const Dataset d = ParseJsonl(
      Lines({
          R"json({"type":"retraction","stance":"s","time":"2024-05-01"})json",
          R"json({"type":"outlet","id":"o"})json",
          R"json({"type":"claim","id":"c","text":"C"})json",
          R"json({"type":"stance","id":"s","holder":"o","claim":"c","polarity":"+1","time":"2024-05-01"})json",
      }),
      kFile);
  ASSERT_THAT(d.retractions, SizeIs(1));
  EXPECT_EQ(d.retractions[0].stance, 0U);
  EXPECT_EQ(d.retractions[0].time_utc, std::optional<std::int64_t>(1714521600));
  EXPECT_EQ(d.retractions[0].line, 1U);
}

// The same records in reverse line order give the same retractions in the same order (compared
// by the retracted stance's id, since stances keep input order).
TEST(JsonlReaderTest, RetractionOrderDoesNotDependOnLineOrder) {
  std::vector<std::string> lines = kRetractable;
  lines.push_back(R"json({"type":"retraction","stance":"s-a","report":"r2"})json");
  lines.push_back(R"json({"type":"retraction","stance":"s-b","report":"r2"})json");
  lines.push_back(R"json({"type":"retraction","stance":"s-c","time":"2024-05-03"})json");
  lines.push_back(R"json({"type":"retraction","stance":"s-a","time":"2024-05-02"})json");
  std::vector<std::string> reversed = lines;
  std::reverse(reversed.begin(), reversed.end());
  const Dataset a = ParseJsonl(Lines(lines), kFile);
  const Dataset b = ParseJsonl(Lines(reversed), kFile);
  const auto describe = [](const Dataset& d) {
    std::vector<std::string> out;
    for (const Retraction& r : d.retractions) {
      out.push_back(std::string(d.Text(d.stances[r.stance].id)) + "|" +
                    (r.report == kNone ? std::string("-") : d.reports[r.report].id) + "|" + r.time +
                    "|" + std::to_string(r.time_utc.value_or(-1)));
    }
    return out;
  };
  // By time (2024-05-02 = 1714608000 s, then 2024-05-03 = 1714694400 s), then report (r2 is
  // report 1; none sorts after every report), then stance id.
  EXPECT_THAT(describe(a), ElementsAre("s-a|-|2024-05-02|1714608000", "s-a|r2||1714694400",
                                       "s-b|r2||1714694400", "s-c|-|2024-05-03|1714694400"));
  EXPECT_EQ(describe(a), describe(b));
}

TEST(JsonlReaderTest, RejectsARetractionOfAnUnknownStance) {
  std::vector<std::string> lines = kRetractable;
  lines.push_back(R"json({"type":"retraction","stance":"s-z"})json");  // line 8
  lines.push_back(R"json({"type":"retraction","stance":"c"})json");    // line 9: a claim
  lines.push_back(R"json({"type":"retraction","stance":"r1"})json");   // line 10: a report
  EXPECT_THAT(
      ParseErrors(Lines(lines)),
      ElementsAre(
          Diag(8, "stance", "retraction names stance 's-z', which no stance has as its id"),
          Diag(9, "stance", "retraction names stance 'c', which is a claim, not a stance id"),
          Diag(10, "stance", "retraction names stance 'r1', which is a report, not a stance id")));
}

TEST(JsonlReaderTest, RejectsARetractionInAnUnknownReport) {
  std::vector<std::string> lines = kRetractable;
  lines.push_back(R"json({"type":"retraction","stance":"s-a","report":"r9"})json");
  lines.push_back(R"json({"type":"retraction","stance":"s-a","report":"paper"})json");
  EXPECT_THAT(
      ParseErrors(Lines(lines)),
      ElementsAre(
          Diag(8, "report", "retraction names report 'r9', which is not defined"),
          Diag(9, "report", "retraction names report 'paper', which is a source, not a report")));
}

TEST(JsonlReaderTest, AcceptsARetractionDatedByTheDayOfItsTimedStance) {
  // The correction gives only its day; the stance was timed at noon that day.
  const Dataset d = ParseJsonl(
      Lines({
          R"json({"type":"outlet","id":"o"})json",
          R"json({"type":"claim","id":"c","text":"C"})json",
          R"json({"type":"stance","id":"s","holder":"o","claim":"c","polarity":"+1","time":"2024-05-01T12:00Z"})json",
          R"json({"type":"retraction","stance":"s","time":"2024-05-01"})json",
      }),
      kFile);
  ASSERT_THAT(d.retractions, SizeIs(1));
  EXPECT_EQ(d.retractions[0].time_utc, std::optional<std::int64_t>(1714521600));
}

TEST(JsonlReaderTest, RejectsARetractionDatedBeforeItsStance) {
  std::vector<std::string> lines = kRetractable;
  // s-b is dated 2024-05-02 (line 6); s-a takes r1's 2024-05-01 (line 5).
  lines.push_back(R"json({"type":"retraction","stance":"s-b","time":"2024-05-01T23:59Z"})json");
  lines.push_back(R"json({"type":"retraction","stance":"s-b","report":"r1"})json");
  lines.push_back(R"json({"type":"retraction","stance":"s-a","time":"2024-04-30"})json");
  EXPECT_THAT(
      ParseErrors(Lines(lines)),
      ElementsAre(Diag(8, "time",
                       "retraction of stance 's-b' is dated 2024-05-01T23:59Z, before the stance "
                       "it withdraws (line 6): a retraction counts from its own time on"),
                  Diag(9, "report",
                       "retraction of stance 's-b' is dated 2024-05-01 (its report 'r1'), before "
                       "the stance it withdraws (line 6)"),
                  Diag(10, "time",
                       "retraction of stance 's-a' is dated 2024-04-30, before the stance it "
                       "withdraws (line 5)")));
}

TEST(JsonlReaderTest, RejectsMalformedRetractions) {
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"retraction","report":"r"})json"),
              ElementsAre(Diag(5, "stance", "missing required field")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"correction","stance":7})json"),
              ElementsAre(Diag(5, "stance", "expected a string, got a number")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"retraction","stance":""})json"),
              ElementsAre(Diag(5, "stance", "an id must not be empty")));
  EXPECT_THAT(
      ErrorsOnLine5(R"json({"type":"retraction","stance":"s","reason":"typo"})json"),
      // A record with an unknown field is dropped: the name 's' is not looked up.
      ElementsAre(Diag(5, "reason",
                       "unknown field for a retraction record (allowed: type, stance, report, "
                       "time)")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"correction","stance":"s","why":1})json"),
              ElementsAre(Diag(5, "why", "unknown field for a correction record")));
  EXPECT_THAT(ErrorsOnLine5(R"json({"type":"retraction","stance":"s","time":"May 2"})json"),
              ElementsAre(Diag(5, "time", "bad time 'May 2': not ISO 8601")));
}

}  // namespace
}  // namespace credence::io
