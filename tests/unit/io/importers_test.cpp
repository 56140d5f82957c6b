// Unit tests for the benchmark importers (include/credence/io/importers.hpp, docs/importers.md).
// Inputs are tiny inline copies of each benchmark's layout; every expected value (normalised
// author lists and times, output lines, counts, priors) was worked out by hand from the rules in
// docs/importers.md. Each converted dataset is also read back with the dataset readers.

#include "credence/io/importers.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/io/reader.hpp"
#include "testutil/diagnostics.hpp"

namespace credence::io {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// The diagnostics of the DataError that importing `inputs` must throw.
std::vector<Diagnostic> ImportErrors(ImportKind kind, const std::vector<ImportInput>& inputs) {
  return testutil::DataErrorDiagnostics([&] { return Import(kind, inputs); });
}

::testing::Matcher<const Diagnostic&> Diag(const std::string& file, long line,
                                           const std::string& field, const std::string& message) {
  return testutil::DiagnosticIs(file, line, field, message);
}

// "reason xN @first" for each skip, in order: compact to compare.
std::vector<std::string> Skips(const ImportStats& stats) {
  std::vector<std::string> out;
  for (const auto& s : stats.skipped) {
    out.push_back(s.reason + " x" + std::to_string(s.count) + " @" + s.first);
  }
  return out;
}

// ---- Registry and arguments ----

TEST(ImportKindTest, ParsesEveryNameAndRejectsOthers) {
  for (const auto& info : AllImportKinds()) {
    EXPECT_EQ(ParseImportKind(info.name), info.kind);
    EXPECT_EQ(GetImportKindInfo(info.kind).name, info.name);
  }
  EXPECT_THAT([] { ParseImportKind("fever"); },
              ::testing::ThrowsMessage<InvalidArgumentError>(::testing::AllOf(
                  HasSubstr("emergent, book, flights, population, rumoureval or liar"),
                  HasSubstr("'fever'"))));
}

TEST(ImportKindTest, RejectsTheWrongNumberOfInputs) {
  EXPECT_THAT(
      [] {
        Import(ImportKind::kLiar, {{"train.tsv", ""}});
      },
      ::testing::ThrowsMessage<InvalidArgumentError>(
          HasSubstr("import liar takes 2 input file(s) (train.tsv valid.tsv), got 1")));
  EXPECT_THAT(
      [] {
        Import(ImportKind::kBook, {{"a", ""}, {"b", ""}, {"c", ""}});
      },
      ::testing::ThrowsMessage<InvalidArgumentError>(HasSubstr("takes 1 or 2")));
  EXPECT_THAT(
      [] {
        Import(ImportKind::kRumourEval, {{"a.tsv", ""}});
      },
      ::testing::ThrowsMessage<InvalidArgumentError>(HasSubstr("at least 2")));
}

TEST(ImportFilesTest, MissingFileIsADataError) {
  EXPECT_THAT(testutil::DataErrorDiagnostics(
                  [] { return ImportFiles(ImportKind::kEmergent, {"no-such-dir/emergent.csv"}); }),
              ElementsAre(Diag("no-such-dir/emergent.csv", 0, "", "cannot open the file")));
}

// ---- Author lists (book) ----

struct AuthorCase {
  const char* raw;
  const char* canonical;
};

class AuthorListTest : public ::testing::TestWithParam<AuthorCase> {};

TEST_P(AuthorListTest, Normalises) {
  EXPECT_EQ(NormaliseAuthorList(GetParam().raw), GetParam().canonical) << GetParam().raw;
}

// Every row is a form found in book.txt or book_golden.txt.
INSTANTIATE_TEST_SUITE_P(
    BookForms, AuthorListTest,
    ::testing::Values(
        // One author, in every order and case, with roles and extra words.
        AuthorCase{"Knuth, Donald E.", "knuth"}, AuthorCase{"Donald Ervin Knuth", "knuth"},
        AuthorCase{"KNUTH, DONALD E. (Editor)", "knuth"}, AuthorCase{"Knuth", "knuth"},
        AuthorCase{"W. Richard Stevens", "stevens"}, AuthorCase{"Stevens, W. Richard", "stevens"},
        AuthorCase{"Editor: LAUREL, BRENDA", "laurel"},
        AuthorCase{"Goldberg, David E. Foreword by John Holland.", "goldberg"},
        AuthorCase{"Lans, Rick F. van der. Trans. by Diane Cools.", "lans"},
        AuthorCase{"Ronald L. Graham, et al", "graham"},
        // "Last First I" without a comma: the surname comes first.
        AuthorCase{"Bowman Doug A et al", "bowman"},
        // Several authors: separators ; | / & "and", full names or Last, First pairs.
        AuthorCase{"Jim Melton, Alan R. Simon", "melton;simon"},
        AuthorCase{"Simon; Melton", "melton;simon"},
        AuthorCase{"Ramez Elmasri|Shamkant B. Navathe", "elmasri;navathe"},
        AuthorCase{"Kouti, Sakari/ Seitsonen, Mika", "kouti;seitsonen"},
        AuthorCase{"Aho &amp; Lam", "aho;lam"},
        AuthorCase{"Ellis , Margaret And Stroustrup , Bjarne", "ellis;stroustrup"},
        AuthorCase{"Tan, Pang-Ning, Steinbach, Michael, Kumar, Vipin", "kumar;steinbach;tan"},
        AuthorCase{"Fischer, Charles N. And LeBlanc, Jr., Richard J.", "fischer;leblanc"},
        AuthorCase{"Charles Fischer; Richard LeBlanc", "fischer;leblanc"},
        // "(Author)" between names, names run together with a space or with nothing.
        AuthorCase{"Donahoo, S. (Author) Donahoo, Michael J. (Author) Calvert, Kenneth L. (Author)",
                   "calvert;donahoo"},
        AuthorCase{"Hornick, Mark F. Marcade, Erik Venkayala, Sunil", "hornick;marcade;venkayala"},
        AuthorCase{"Donald E. Knuth John Fuller", "fuller;knuth"},
        AuthorCase{"Sedgewick, RobertFlajolet, Philippe", "flajolet;sedgewick"},
        AuthorCase{"Aho, Alfred V.Lam, Monica S.", "aho;lam"},
        AuthorCase{"Fischer, CharlesLeBlanc, Richard", "fischer;leblanc"},
        AuthorCase{"McCarthy, Linda", "mccarthy"},
        // Compound names, apostrophes, entities and double-encoded UTF-8.
        AuthorCase{"Hector Garcia-Molina", "molina"}, AuthorCase{"Garcia-Molina, Hector", "molina"},
        AuthorCase{"Timothy J O'Leary, Linda I O'Leary", "oleary"},
        AuthorCase{"Gagn&Atilde;&copy;, Marcel", "gagne"},
        AuthorCase{"St&uuml;tzle, Thomas", "stutzle"},
        AuthorCase{"St\xC3\xBCtzle, Thomas", "stutzle"},
        // Nothing usable.
        AuthorCase{"Not Available", ""}, AuthorCase{"Not Available (NA)", ""}, AuthorCase{"0", ""},
        AuthorCase{"(Editor)", ""}, AuthorCase{"", ""},
        // The golden file's own form.
        AuthorCase{"o'leary, timothy j.;  o'leary, linda i.;  ", "oleary"},
        AuthorCase{"haag, stephen ;  perry, james t.;  sosinsky, barrie ;  estevez, efren ;  ",
                   "estevez;haag;perry;sosinsky"}));

// ---- Clock times (flights) ----

struct TimeCase {
  const char* raw;
  const char* canonical;  // nullptr: no time
  ClockTimeStatus status;
};

class ClockTimeTest : public ::testing::TestWithParam<TimeCase> {};

TEST_P(ClockTimeTest, Normalises) {
  ClockTimeStatus status = ClockTimeStatus::kOk;
  const auto time = NormaliseClockTime(GetParam().raw, &status);
  EXPECT_EQ(status, GetParam().status) << GetParam().raw;
  if (GetParam().canonical == nullptr) {
    EXPECT_FALSE(time.has_value()) << GetParam().raw;
  } else {
    EXPECT_EQ(time.value_or("(none)"), GetParam().canonical) << GetParam().raw;
  }
}

constexpr auto kOk = ClockTimeStatus::kOk;

// Every row but the impossible ones is a form found in dirty.csv.
INSTANTIATE_TEST_SUITE_P(
    FlightForms, ClockTimeTest,
    ::testing::Values(
        TimeCase{"7:10 a.m.", "07:10", kOk}, TimeCase{"7:45 p.m.", "19:45", kOk},
        TimeCase{"12:09 p.m.", "12:09", kOk}, TimeCase{"12:15 a.m. Dec 02", "00:15", kOk},
        TimeCase{"6:59aDec 1", "06:59", kOk}, TimeCase{"12:30aDec 1", "00:30", kOk},
        TimeCase{"19:10", "19:10", kOk}, TimeCase{"Thu  17:40", "17:40", kOk},
        TimeCase{"12:00noon", "12:00", kOk}, TimeCase{"1:50 p.m. (+8:00)", "13:50", kOk},
        TimeCase{"11/30 10:30 p.m.", "22:30", kOk}, TimeCase{"12/2/11 12:01 a.m.", "00:01", kOk},
        TimeCase{"2:45P 12-01-11", "14:45", kOk}, TimeCase{"10:08A", "10:08", kOk},
        TimeCase{"9:16 a.m.            Delayed", "09:16", kOk},
        TimeCase{"10:39 p.m.&nbsp(Estimated)", "22:39", kOk},
        TimeCase{"Dec 02 5:50 a.m.", "05:50", kOk},
        TimeCase{"5:50 a.m.  Fri 02-Dec-2011", "05:50", kOk},
        // "A" starting a word is not a.m.
        TimeCase{"10:28 Arrived", "10:28", kOk},
        TimeCase{"Not Available", nullptr, ClockTimeStatus::kNoTime},
        TimeCase{"Dec 02 Contact Airline", nullptr, ClockTimeStatus::kNoTime},
        TimeCase{"", nullptr, ClockTimeStatus::kNoTime},
        TimeCase{"13:10 p.m.", nullptr, ClockTimeStatus::kInvalid},
        TimeCase{"24:00", nullptr, ClockTimeStatus::kInvalid},
        TimeCase{"7:61 a.m.", nullptr, ClockTimeStatus::kInvalid}));

// ---- emergent ----

constexpr const char* kEmergentHeader =
    "claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId,url,source,claimTruth,"
    "claimCount\n";

TEST(ImportEmergentTest, ConvertsArticlesToStancesAndTruthToGold) {
  const std::string csv = std::string(kEmergentHeader) +
                          "Claim one,\"Outlet says one, loudly\",for,a1,c1,http://x.com/1,"
                          "www.X.com,true,1\n"
                          "Claim one,Doubts about one,against,a2,c1,http://y.org/2,y.org,true,1\n"
                          "Claim two,Observed two,observing,a3,c2,http://x.com/3,x.com,unknown,1\n";
  const auto r = Import(ImportKind::kEmergent, {{"dir/e.csv", csv}});
  EXPECT_EQ(r.extension, ".jsonl");
  // www.X.com and x.com are one outlet; stances are ordered by claim, then article.
  EXPECT_EQ(r.dataset,
            "# Emergent (Ferreira & Vlachos, NAACL 2016), imported by `credence import emergent` "
            "from e.csv.\n"
            "# Outlets take stances on claims: for = supports, against = denies, observing = "
            "neutral.\n"
            "{\"type\":\"outlet\",\"id\":\"x.com\"}\n"
            "{\"type\":\"outlet\",\"id\":\"y.org\"}\n"
            "{\"type\":\"claim\",\"id\":\"c1\",\"text\":\"Claim one\"}\n"
            "{\"type\":\"claim\",\"id\":\"c2\",\"text\":\"Claim two\"}\n"
            "{\"type\":\"report\",\"id\":\"a1\",\"outlet\":\"x.com\",\"title\":\"Outlet says one, "
            "loudly\",\"url\":\"http://x.com/1\"}\n"
            "{\"type\":\"report\",\"id\":\"a2\",\"outlet\":\"y.org\",\"title\":\"Doubts about "
            "one\",\"url\":\"http://y.org/2\"}\n"
            "{\"type\":\"report\",\"id\":\"a3\",\"outlet\":\"x.com\",\"title\":\"Observed "
            "two\",\"url\":\"http://x.com/3\"}\n"
            "{\"type\":\"stance\",\"holder\":\"x.com\",\"claim\":\"c1\",\"polarity\":\"supports\","
            "\"report\":\"a1\",\"quote\":\"Outlet says one, loudly\"}\n"
            "{\"type\":\"stance\",\"holder\":\"y.org\",\"claim\":\"c1\",\"polarity\":\"denies\","
            "\"report\":\"a2\",\"quote\":\"Doubts about one\"}\n"
            "{\"type\":\"stance\",\"holder\":\"x.com\",\"claim\":\"c2\",\"polarity\":\"neutral\","
            "\"report\":\"a3\",\"quote\":\"Observed two\"}\n");
  // The truth labels appear in the gold only.
  for (const char* label : {"true", "false", "unknown"}) {
    EXPECT_THAT(r.dataset, Not(HasSubstr(label)));
  }
  EXPECT_EQ(r.gold, "claim,truth\nc1,true\n");
  EXPECT_EQ(r.stats.rows_read, 3U);
  EXPECT_EQ(r.stats.sources, 2U);
  EXPECT_EQ(r.stats.claims, 2U);
  EXPECT_EQ(r.stats.reports, 3U);
  EXPECT_EQ(r.stats.stances, 3U);
  EXPECT_EQ(r.stats.gold_items, 1U);
  EXPECT_EQ(r.stats.gold_true, 1U);
  EXPECT_THAT(Skips(r.stats),
              ElementsAre("claim whose truth is unknown (left out of the gold) x1 @dir/e.csv:4"));
  const Dataset d = ParseJsonl(r.dataset, "e.jsonl");
  EXPECT_EQ(d.sources.size(), 2U);
  EXPECT_EQ(d.stances.size(), 3U);
}

TEST(ImportEmergentTest, ReportsBadRowsWithFileAndLine) {
  const std::string csv = std::string(kEmergentHeader) +
                          "C,H,for,a1,c1,u,x.com,true,1\n"
                          "C,H,maybe,a2,c1,u,x.com,true,1\n"    // unknown stance
                          "C,H,for,a3,c1,u,x.com,true\n"        // a field short
                          "C,H,for,a4,c1,u,x.com,probably,1\n"  // unknown truth
                          "C,H,for,a5,c1,u,y.com,false,1\n"     // truth differs within c1
                          "C,H,for,a1,c2,u,y.com,false,1\n";    // duplicate article
  EXPECT_THAT(
      ImportErrors(ImportKind::kEmergent, {{"e.csv", csv}}),
      ElementsAre(Diag("e.csv", 3, "articleHeadlineStance", "got 'maybe'"),
                  Diag("e.csv", 4, "", "expected 9 fields as in the header, got 8"),
                  Diag("e.csv", 5, "claimTruth", "expected true, false or unknown, got 'probably'"),
                  Diag("e.csv", 6, "claimTruth", "claim 'c1' is 'false' here but 'true' at line 2"),
                  Diag("e.csv", 7, "articleId", "duplicate article 'a1', first at line 2")));
}

TEST(ImportEmergentTest, MissingColumnIsReportedOnTheHeader) {
  EXPECT_THAT(ImportErrors(ImportKind::kEmergent, {{"e.csv", "claimId,source\nc1,x.com\n"}}),
              Contains(Diag("e.csv", 1, "claimHeadline", "missing column")));
}

// ---- book ----

TEST(ImportBookTest, NormalisesAuthorsAndCountsTheUpperBound) {
  const std::string data =
      "storeA\t111\tTitle\tKnuth, Donald E.\r\n"
      "storeB\t111\tT\tDonald Ervin Knuth\r\n"
      "storeB\t111\tT\tKNUTH, DONALD\r\n"  // the same assertion again once normalised
      "storeC\t111\tT\tNot Available\r\n"
      "storeD\t111\tT\t\r\n"
      "storeA  two\t222\tT\tJim Melton, Alan R. Simon\r\n"
      "storeC\t222\tT\tMelton, Jim\r\n";
  const std::string gold =
      "111\tknuth, donald e.;  \n\n222\tmelton, jim;  simon, alan r.;  \n\n333\tdoe, john;\n";
  const auto r = Import(ImportKind::kBook, {{"book.txt", data}, {"golden.txt", gold}});
  EXPECT_EQ(r.extension, ".triples.csv");
  EXPECT_EQ(r.dataset,
            "source,object,value\n"
            "storeA,111,knuth\n"
            "storeB,111,knuth\n"
            "storeA two,222,melton;simon\n"
            "storeC,222,melton\n");
  EXPECT_EQ(r.gold, "object,value\n111,knuth\n222,melton;simon\n");
  EXPECT_THAT(
      Skips(r.stats),
      ElementsAre(
          "duplicate assertion (same source, object and value) x1 @book.txt:3",
          "no author name in the list (\"Not Available\", \"0\", roles only) x1 @book.txt:4",
          "empty author list x1 @book.txt:5",
          "gold book with no author list in the data (left out of the gold) x1 "
          "@golden.txt:5"));
  EXPECT_EQ(r.stats.rows_read, 7U);
  EXPECT_EQ(r.stats.sources, 4U);
  EXPECT_EQ(r.stats.objects, 2U);
  EXPECT_EQ(r.stats.claims, 3U);
  EXPECT_EQ(r.stats.stances, 4U);
  EXPECT_EQ(r.stats.gold_items, 2U);
  EXPECT_EQ(r.stats.gold_covered, 2U);
  const Dataset d = ParseTriplesCsv(r.dataset, "b.triples.csv");
  EXPECT_EQ(d.claims.size(), 3U);
  EXPECT_EQ(d.groups.size(), 2U);
}

TEST(ImportBookTest, WithoutGoldInputWritesNoGold) {
  const auto r = Import(ImportKind::kBook, {{"book.txt", "s\t1\tT\tKnuth\n"}});
  EXPECT_EQ(r.gold, "");
  EXPECT_EQ(r.stats.gold_items, 0U);
}

TEST(ImportBookTest, ReportsMalformedRows) {
  EXPECT_THAT(
      ImportErrors(ImportKind::kBook, {{"book.txt", "s\t1\tT\tKnuth\ns\t2\tno authors column\n"},
                                       {"golden.txt", "1\tknuth\textra\n\n2\tNot Available\n"}}),
      ElementsAre(Diag("book.txt", 2, "", "expected 4 tab-separated fields"),
                  Diag("golden.txt", 1, "", "got 3 field(s)"),
                  Diag("golden.txt", 3, "authors", "no author name")));
}

// ---- flights ----

constexpr const char* kFlightsHeader =
    "tuple_id,src,flight,sched_dep_time,act_dep_time,sched_arr_time,act_arr_time\r\n";

TEST(ImportFlightsTest, NormalisesTimesAndReadsTheCleanTableAsGold) {
  const std::string dirty = std::string(kFlightsHeader) +
                            "1,aa,AA-1-A-B,7:10 a.m.,7:16 a.m.,9:40 a.m.,\r\n"
                            "2,orbitz,AA-1-A-B,7:10aDec 1,Not Available,21:40,9:32 a.m.\r\n";
  const std::string clean = std::string(kFlightsHeader) +
                            "1,aa,AA-1-A-B,7:10 a.m.,7:16 a.m.,9:40 a.m.,9:32 a.m.\r\n"
                            "2,orbitz,AA-1-A-B,7:10 a.m.,7:16 a.m.,9:40 a.m.,9:32 a.m.\r\n";
  const auto r = Import(ImportKind::kFlights, {{"dirty.csv", dirty}, {"clean.csv", clean}});
  EXPECT_EQ(r.dataset,
            "source,object,value\n"
            "aa,AA-1-A-B/sched_dep_time,07:10\n"
            "aa,AA-1-A-B/act_dep_time,07:16\n"
            "aa,AA-1-A-B/sched_arr_time,09:40\n"
            "orbitz,AA-1-A-B/sched_dep_time,07:10\n"
            "orbitz,AA-1-A-B/sched_arr_time,21:40\n"
            "orbitz,AA-1-A-B/act_arr_time,09:32\n");
  EXPECT_EQ(r.gold,
            "object,value\n"
            "AA-1-A-B/act_arr_time,09:32\n"
            "AA-1-A-B/act_dep_time,07:16\n"
            "AA-1-A-B/sched_arr_time,09:40\n"
            "AA-1-A-B/sched_dep_time,07:10\n");
  EXPECT_THAT(Skips(r.stats),
              ElementsAre("empty cell x1 @dirty.csv:2",
                          "cell without a time (\"Not Available\", \"Contact Airline\") x1 "
                          "@dirty.csv:3"));
  EXPECT_EQ(r.stats.rows_read, 2U);
  EXPECT_EQ(r.stats.sources, 2U);
  EXPECT_EQ(r.stats.objects, 4U);
  EXPECT_EQ(r.stats.claims, 5U);  // sched_arr_time has two values
  EXPECT_EQ(r.stats.stances, 6U);
  EXPECT_EQ(r.stats.gold_items, 4U);
  EXPECT_EQ(r.stats.gold_covered, 4U);
}

TEST(ImportFlightsTest, CleanTableMustBeRowAlignedAndHoldTimes) {
  const std::string dirty = std::string(kFlightsHeader) + "1,aa,F,7:10 a.m.,,,\n";
  const std::string clean = std::string(kFlightsHeader) +
                            "1,aa,F,7:10 a.m.,n/a,7:10 a.m.,7:10 a.m.\n"
                            "2,aa,G,7:10 a.m.,7:10 a.m.,7:10 a.m.,7:10 a.m.\n";
  EXPECT_THAT(ImportErrors(ImportKind::kFlights, {{"dirty.csv", dirty}, {"clean.csv", clean}}),
              ElementsAre(Diag("clean.csv", 2, "act_dep_time", "the clean value 'n/a' is not"),
                          Diag("clean.csv", 3, "tuple_id", "row-aligned")));
}

// ---- population ----

TEST(ImportPopulationTest, EscapesInvalidUtf8AndWritesATolerance) {
  const std::string data =
      "bogot\xE3\x83\xE2\xA1_2005\tcontributor #0 (1.2.3.4)\t06776009\t2005\n"
      "akron, ohio_2000\tcontributor #5: bot\t217074\t2000\n"
      "akron, ohio_2000\tcontributor #6: ed\t217000\t2000\n";
  const std::string gold =
      "akron, ohio, 2000, 217074\r\nmissing, place, 2000, 5\r\nbogot\xE3\x83\xE2\xA1, 2005, "
      "6776010";
  const auto r = Import(ImportKind::kPopulation, {{"pop.txt", data}, {"gd.txt", gold}});
  EXPECT_EQ(r.dataset,
            "source,object,value\n"
            "contributor #0 (1.2.3.4),bogot\\xE3\\x83\\xE2\\xA1_2005,6776009\n"
            "contributor #5: bot,\"akron, ohio_2000\",217074\n"
            "contributor #6: ed,\"akron, ohio_2000\",217000\n");
  // 6776009 is within 1% of 6776010, so both gold items are covered.
  EXPECT_EQ(r.gold,
            "object,value,tolerance\n"
            "\"akron, ohio_2000\",217074,0.01\n"
            "bogot\\xE3\\x83\\xE2\\xA1_2005,6776010,0.01\n");
  EXPECT_EQ(r.stats.gold_items, 2U);
  EXPECT_EQ(r.stats.gold_covered, 2U);
  EXPECT_THAT(Skips(r.stats),
              ElementsAre("gold city-year not in the data (left out of the gold) x1 @gd.txt:2"));
  EXPECT_EQ(r.stats.sources, 3U);
  EXPECT_EQ(r.stats.objects, 2U);
  EXPECT_EQ(r.stats.claims, 3U);
  const Dataset d = ParseTriplesCsv(r.dataset, "p.triples.csv");
  EXPECT_EQ(d.stances.size(), 3U);
}

TEST(ImportPopulationTest, ReportsNonNumericPopulations) {
  EXPECT_THAT(
      ImportErrors(ImportKind::kPopulation, {{"pop.txt", "x_2000\ted\t12k\t2000\ny_2000\ted\n"},
                                             {"gd.txt", "x, 2000, about 5\n"}}),
      ElementsAre(Diag("pop.txt", 1, "population", "expected a whole number, got '12k'"),
                  Diag("pop.txt", 2, "", "expected 4 tab-separated fields"),
                  Diag("gd.txt", 1, "", "numeric year and population")));
}

// ---- rumoureval ----

constexpr const char* kRumourHeader =
    "split\tevent\tthread_id\ttweet_id\tis_source\tparent_id\tuser_id\tuser_screen_name\t"
    "user_verified\tuser_followers\tcreated_at\tstance\tthread_veracity\ttext\n";

std::string RumourRow(const std::string& thread, const std::string& tweet,
                      const std::string& parent, const std::string& user, const std::string& name,
                      const std::string& stance, const std::string& text) {
  return "dev\tevent\t" + thread + "\t" + tweet + "\t" + (thread == tweet ? "1" : "0") + "\t" +
         parent + "\t" + user + "\t" + name + "\t0\t5\tSun Aug 10 01:30:" + tweet +
         " +0200 2014\t" + stance + "\ttrue\t" + text + "\n";
}

TEST(ImportRumourEvalTest, ThreadsBecomeClaimsAndTheVeracityFilesChooseThem) {
  const std::string tsv =
      std::string(kRumourHeader) +
      RumourRow("10", "10", "", "100", "alice", "support", "\"Quoted \"\"rumour\"\" text\"") +
      RumourRow("10", "11", "10", "200", "bob", "deny", "No way") +
      RumourRow("10", "12", "11", "100", "alice", "query", "Really?") +
      RumourRow("20", "20", "", "300", "carol", "support", "Other split");
  // The TSV's thread_veracity column says true; the gold comes from the veracity file only.
  const auto r = Import(ImportKind::kRumourEval,
                        {{"re.tsv", tsv}, {"dev-veracity.json", R"({"10": "false"})"}});
  const Dataset d = ParseJsonl(r.dataset, "re.jsonl");
  ASSERT_EQ(d.sources.size(), 2U);
  EXPECT_EQ(d.sources[0].id, "user:100");
  EXPECT_EQ(d.sources[0].name, "@alice");
  EXPECT_EQ(d.sources[0].outlet_kind, OutletKind::kSocial);
  ASSERT_EQ(d.claims.size(), 1U);
  EXPECT_EQ(d.claims[0].id, "10");
  EXPECT_EQ(d.claims[0].text, "Quoted \"rumour\" text");
  ASSERT_EQ(d.reports.size(), 3U);
  EXPECT_EQ(d.reports[1].id, "tweet:11");
  // A reply answers tweet 10 but does not republish it: no citation, so bob's and alice's
  // stances stay their own evidence (a citing report's agreeing stance would be a copy).
  EXPECT_TRUE(d.reports[1].cited_reports.empty());
  ASSERT_EQ(d.stances.size(), 3U);
  EXPECT_EQ(d.stances[0].polarity, Polarity::kSupports);
  EXPECT_EQ(d.stances[1].polarity, Polarity::kDenies);
  EXPECT_EQ(d.stances[2].polarity, Polarity::kNeutral);
  EXPECT_EQ(d.Text(d.stances[1].quote), "No way");
  // Twitter's created_at becomes ISO 8601: "Sun Aug 10 01:30:11 +0200 2014".
  EXPECT_EQ(d.reports[1].time, "2014-08-10T01:30:11+02:00");
  EXPECT_EQ(d.Text(d.stances[1].time), "2014-08-10T01:30:11+02:00");
  EXPECT_EQ(r.gold, "claim,truth\n10,false\n");
  EXPECT_THAT(Skips(r.stats),
              ElementsAre("tweet of a thread not in the veracity files (another split) x1 "
                          "@re.tsv:5"));
  EXPECT_EQ(r.stats.rows_read, 4U);
  EXPECT_EQ(r.stats.gold_items, 1U);
  EXPECT_EQ(r.stats.gold_true, 0U);

  const auto both =
      Import(ImportKind::kRumourEval, {{"re.tsv", tsv},
                                       {"dev-veracity.json", R"({"10": "false"})"},
                                       {"x-veracity.json", R"({"20": "unverified"})"}});
  EXPECT_EQ(both.stats.claims, 2U);
  EXPECT_EQ(both.gold, "claim,truth\n10,false\n");
  EXPECT_THAT(Skips(both.stats),
              ElementsAre("thread whose veracity is unverified (left out of the gold) x1 "
                          "@x-veracity.json:1"));
}

TEST(ImportRumourEvalTest, ReportsBadLabelsAndMalformedJson) {
  const std::string tsv =
      std::string(kRumourHeader) + RumourRow("10", "10", "", "100", "alice", "maybe", "t");
  EXPECT_THAT(
      ImportErrors(ImportKind::kRumourEval, {{"re.tsv", tsv}, {"v.json", R"({"10": "true"})"}}),
      ElementsAre(Diag("re.tsv", 2, "stance", "got 'maybe'")));
  EXPECT_THAT(ImportErrors(ImportKind::kRumourEval, {{"re.tsv", tsv}, {"v.json", R"({"10": )"}}),
              ElementsAre(Diag("v.json", 1, "", "malformed JSON")));
  EXPECT_THAT(
      ImportErrors(ImportKind::kRumourEval, {{"re.tsv", tsv}, {"v.json", R"({"10": "yes"})"}}),
      ElementsAre(Diag("v.json", 1, "10", "expected \"true\", \"false\" or \"unverified\"")));
}

// ---- liar ----

// A LIAR row; the credit-history columns 9-13 hold 99 to show that they are never read.
std::string LiarRow(const std::string& id, const std::string& label, const std::string& statement,
                    const std::string& speaker, const std::string& job) {
  return id + ".json\t" + label + "\t" + statement + "\tsubject\t" + speaker + "\t" + job +
         "\tTexas\tparty\t99\t99\t99\t99\t99\ta speech\n";
}

TEST(ImportLiarTest, PriorsComeFromTrainAndClaimsFromValid) {
  const std::string train =
      LiarRow("1", "true", "S1", "ann", "Senator") + LiarRow("2", "false", "S2", "ann", "Senator") +
      LiarRow("3", "half-true", "S3", "bob", "") + LiarRow("4", "mostly-true", "S4", "bob", "") +
      LiarRow("5", "pants-fire", "S5", "bob", "");
  const std::string valid = LiarRow("10", "pants-fire", "\"Quoted\" statement", "ann", "Senator") +
                            LiarRow("11", "true", "Statement b", "bob", "") +
                            LiarRow("12", "barely-true", "Statement c", "cyd", "Mayor");
  const auto r = Import(ImportKind::kLiar, {{"train.tsv", train}, {"valid.tsv", valid}});
  // ann: 1 of 2 true-ish -> (1+1)/(2+2) = 0.5; bob: 2 of 3 -> (2+1)/(3+2) = 0.6; cyd: no record.
  EXPECT_EQ(
      r.dataset,
      "# LIAR (Wang, ACL 2017), imported by `credence import liar` from valid.tsv (claims) "
      "and train.tsv (speaker priors only).\n"
      "# prior = (true-ish TRAIN statements + 1) / (TRAIN statements + 2); prior_strength "
      "= TRAIN statements.\n"
      "{\"type\":\"speaker\",\"id\":\"ann\",\"role\":\"Senator\",\"prior\":0.5,"
      "\"prior_strength\":2}\n"
      "{\"type\":\"speaker\",\"id\":\"bob\",\"prior\":0.6,\"prior_strength\":3}\n"
      "{\"type\":\"speaker\",\"id\":\"cyd\",\"role\":\"Mayor\"}\n"
      "{\"type\":\"claim\",\"id\":\"10\",\"text\":\"\\\"Quoted\\\" statement\"}\n"
      "{\"type\":\"claim\",\"id\":\"11\",\"text\":\"Statement b\"}\n"
      "{\"type\":\"claim\",\"id\":\"12\",\"text\":\"Statement c\"}\n"
      "{\"type\":\"stance\",\"holder\":\"ann\",\"claim\":\"10\",\"polarity\":\"supports\"}\n"
      "{\"type\":\"stance\",\"holder\":\"bob\",\"claim\":\"11\",\"polarity\":\"supports\"}\n"
      "{\"type\":\"stance\",\"holder\":\"cyd\",\"claim\":\"12\",\"polarity\":\"supports\"}\n");
  EXPECT_EQ(r.gold, "claim,truth\n10,false\n11,true\n12,false\n");
  EXPECT_EQ(r.stats.rows_read, 8U);
  EXPECT_EQ(r.stats.sources, 3U);
  EXPECT_EQ(r.stats.claims, 3U);
  EXPECT_EQ(r.stats.gold_items, 3U);
  EXPECT_EQ(r.stats.gold_true, 1U);
  const Dataset d = ParseJsonl(r.dataset, "liar.jsonl");
  EXPECT_DOUBLE_EQ(d.sources[d.FindSource("bob")].prior, 0.6);
  EXPECT_LT(d.sources[d.FindSource("cyd")].prior, 0.0);  // not given
}

TEST(ImportLiarTest, ReportsUnknownLabelsAndShortRows) {
  const std::string valid =
      LiarRow("10", "mostly-false", "S", "ann", "") + "11.json\ttrue\tS\tsubject\tann\n";
  EXPECT_THAT(ImportErrors(ImportKind::kLiar, {{"train.tsv", LiarRow("1", "true", "S", "a", "")},
                                               {"valid.tsv", valid}}),
              ElementsAre(Diag("valid.tsv", 1, "label", "got 'mostly-false'"),
                          Diag("valid.tsv", 2, "", "expected 14 tab-separated fields, got 5")));
}

}  // namespace
}  // namespace credence::io
