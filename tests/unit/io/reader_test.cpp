// Unit tests for reading dataset files: io::ReadDataset, io::DetectFormat and
// io::ParseInputFormat, plus the bundled datasets. The bundled-dataset counts were checked by hand
// against the files (grep -c on the record types, and datasets/README.md, which agrees).

#include "credence/io/reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/core/error.hpp"
#include "testutil/diagnostics.hpp"
#include "testutil/testutil.hpp"

namespace credence::io {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::Matcher;
using ::testing::SizeIs;
using ::testing::ThrowsMessage;

Matcher<const Diagnostic&> Diag(const std::string& file, long line, const std::string& field,
                                const std::string& message) {
  return testutil::DiagnosticIs(file, line, field, message);
}

// A path in the test temporary directory, unique to the running test.
std::string TempPath(const std::string& suffix) {
  const auto* info = testing::UnitTest::GetInstance()->current_test_info();
  return testing::TempDir() + "credence_" + info->test_suite_name() + "_" + info->name() + suffix;
}

std::string WriteFile(const std::string& suffix, const std::string& content) {
  const std::string path = TempPath(suffix);
  std::ofstream out(path, std::ios::binary);
  out << content;
  EXPECT_TRUE(out.good()) << path;
  return path;
}

// The diagnostics of the DataError that reading `path` must throw.
std::vector<Diagnostic> ReadErrors(const std::string& path, InputFormat format) {
  return testutil::DataErrorDiagnostics([&] { return ReadDataset(path, format); }, path);
}

// ---------------------------------------------------------------------------------------------
// Formats

TEST(ReaderTest, DetectFormatFromTheExtension) {
  EXPECT_EQ(DetectFormat("a/b.jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(DetectFormat("b.ndjson"), InputFormat::kJsonl);
  EXPECT_EQ(DetectFormat("b.json"), InputFormat::kJsonl);
  EXPECT_EQ(DetectFormat("news.csv"), InputFormat::kStancesCsv);
  EXPECT_EQ(DetectFormat("capitals.triples.csv"), InputFormat::kTriplesCsv);
  EXPECT_EQ(DetectFormat("dir.jsonl/capitals.triples.csv"), InputFormat::kTriplesCsv);
}

TEST(ReaderTest, DetectFormatRejectsOtherExtensions) {
  EXPECT_THAT([] { DetectFormat("notes.txt"); },
              ThrowsMessage<InvalidArgumentError>(
                  "cannot tell the format of 'notes.txt' from its extension (.jsonl, .csv, "
                  ".triples.csv); name it with --input-format jsonl|stances|triples"));
  EXPECT_THAT([] { DetectFormat("data.tsv"); },
              ThrowsMessage<InvalidArgumentError>(HasSubstr("'data.tsv'")));
  EXPECT_THAT([] { DetectFormat("README"); },
              ThrowsMessage<InvalidArgumentError>(HasSubstr("'README'")));
  // Extensions are case-sensitive.
  EXPECT_THAT([] { DetectFormat("DATA.JSONL"); },
              ThrowsMessage<InvalidArgumentError>(HasSubstr("'DATA.JSONL'")));
}

TEST(ReaderTest, ParseInputFormat) {
  EXPECT_EQ(ParseInputFormat("auto"), InputFormat::kAuto);
  EXPECT_EQ(ParseInputFormat("jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(ParseInputFormat("stances"), InputFormat::kStancesCsv);
  EXPECT_EQ(ParseInputFormat("triples"), InputFormat::kTriplesCsv);
  EXPECT_THAT([] { ParseInputFormat("csv"); },
              ThrowsMessage<InvalidArgumentError>(
                  "input format must be auto, jsonl, stances or triples, got 'csv'"));
  EXPECT_THAT([] { ParseInputFormat("JSONL"); },
              ThrowsMessage<InvalidArgumentError>(HasSubstr("got 'JSONL'")));
  EXPECT_THAT([] { ParseInputFormat(""); },
              ThrowsMessage<InvalidArgumentError>(HasSubstr("got ''")));
}

// ---------------------------------------------------------------------------------------------
// Files

TEST(ReaderTest, MissingFileIsADataErrorNamingThePath) {
  const std::string path = TempPath("_missing.jsonl");
  std::remove(path.c_str());
  EXPECT_THAT(ReadErrors(path, InputFormat::kAuto),
              ElementsAre(Diag(path, 0, "", "cannot open the file: No such file or directory")));
  EXPECT_THAT([&] { ReadDataset(path); },
              ThrowsMessage<DataError>(path + ": cannot open the file: No such file or directory"));
}

TEST(ReaderTest, DirectoryIsADataError) {
  // A directory whose name has a dataset extension passes format detection, then is refused.
  const std::string dir = TempPath("_dir.jsonl");
  ::mkdir(dir.c_str(), 0700);
  EXPECT_THAT(ReadErrors(dir, InputFormat::kAuto),
              ElementsAre(Diag(dir, 0, "", "cannot read a directory as a dataset")));
  EXPECT_THAT(ReadErrors(testing::TempDir(), InputFormat::kStancesCsv),
              ElementsAre(Diag(testing::TempDir(), 0, "", "cannot read a directory as a dataset")));
  ::rmdir(dir.c_str());
}

TEST(ReaderTest, UnknownExtensionFailsBeforeTheFileIsOpened) {
  EXPECT_THAT([] { ReadDataset("/no/such/dir/data.txt"); },
              ThrowsMessage<InvalidArgumentError>(HasSubstr("'/no/such/dir/data.txt'")));
}

TEST(ReaderTest, ReadsAFileAndReportsProblemsUnderItsPath) {
  const std::string good = WriteFile(".jsonl", "{\"type\":\"outlet\",\"id\":\"o\"}\n");
  EXPECT_EQ(ReadDataset(good).path, good);
  EXPECT_THAT(ReadDataset(good).sources, SizeIs(1));

  const std::string bad = WriteFile("_bad.jsonl", "# one\n{\"type\":\"outlet\"}\n");
  EXPECT_THAT(ReadErrors(bad, InputFormat::kAuto),
              ElementsAre(Diag(bad, 2, "id", "missing required field")));
  std::remove(good.c_str());
  std::remove(bad.c_str());
}

TEST(ReaderTest, AnEmptyFileHasNoRecords) {
  const std::string path = WriteFile(".jsonl", "");
  EXPECT_THAT(ReadErrors(path, InputFormat::kAuto),
              ElementsAre(Diag(path, 0, "", "no records: the file is empty")));
  std::remove(path.c_str());
}

TEST(ReaderTest, ExplicitFormatOverridesTheExtension) {
  const std::string path = WriteFile(".txt", "source,object,value\na,o,v\n");
  const Dataset d = ReadDataset(path, InputFormat::kTriplesCsv);
  ASSERT_THAT(d.claims, SizeIs(1));
  EXPECT_EQ(d.claims[0].id, "o=v");
  // The same content read as a stances CSV has the wrong header.
  EXPECT_THAT(ReadErrors(path, InputFormat::kStancesCsv),
              ElementsAre(Diag(path, 1, "object", "unknown column"),
                          Diag(path, 1, "value", "unknown column"),
                          Diag(path, 1, "claim", "missing header column 'claim'"),
                          Diag(path, 1, "stance", "missing header column 'stance'")));
  std::remove(path.c_str());
}

// ---------------------------------------------------------------------------------------------
// Bundled datasets

// datasets/arms-race-2018.jsonl: 3 outlets + 5 organisations + 5 speakers = 13 sources, 17 claims,
// 3 reports, 20 stances (19 supports, 1 denial), no groups, no origins.
TEST(ReaderTest, ReadsTheArmsRaceDataset) {
  const Dataset d = ReadDataset(testutil::SourcePath("datasets/arms-race-2018.jsonl"));
  EXPECT_THAT(d.sources, SizeIs(13));
  EXPECT_THAT(d.claims, SizeIs(17));
  EXPECT_THAT(d.reports, SizeIs(3));
  ASSERT_THAT(d.stances, SizeIs(20));
  EXPECT_TRUE(d.groups.empty());
  EXPECT_TRUE(d.origins.empty());
  int supports = 0;
  int denies = 0;
  for (const Stance& s : d.stances) {
    supports += s.polarity == Polarity::kSupports;
    denies += s.polarity == Polarity::kDenies;
  }
  EXPECT_EQ(supports, 19);
  EXPECT_EQ(denies, 1);
  EXPECT_EQ(d.stances.front().line, 43U);
  EXPECT_EQ(d.stances.back().line, 126U);

  // The anonymous officials reach the Moscow Times report through NBC, which vouches for them.
  const Index officials = d.FindSource("white-house-officials");
  ASSERT_NE(officials, kNone);
  EXPECT_TRUE(d.sources[officials].anonymous);
  EXPECT_EQ(d.stances[1].holder, officials);
  EXPECT_EQ(d.stances[1].report, d.FindReport("mt-2018-03-30"));
  EXPECT_EQ(d.VouchingOutlet(d.stances[1]), d.FindSource("nbc"));
  EXPECT_EQ(d.stances[1].hedge, Hedge::kReportedly);
  EXPECT_EQ(d.sources[d.FindSource("kremlin")].parent, d.FindSource("russian-government"));
  EXPECT_THAT(d.sources[d.FindSource("peskov")].affiliations, ElementsAre(d.FindSource("kremlin")));
}

// datasets/newsroom-sample.jsonl: 8 + 7 + 6 = 21 sources, 12 claims, 22 reports, 59 stances
// (38 supports, 19 denials, 2 neutral), one group, origins cw-0514 and cw-0516.
TEST(ReaderTest, ReadsTheNewsroomDataset) {
  const Dataset d = ReadDataset(testutil::SourcePath("datasets/newsroom-sample.jsonl"));
  EXPECT_THAT(d.sources, SizeIs(21));
  EXPECT_THAT(d.claims, SizeIs(12));
  EXPECT_THAT(d.reports, SizeIs(22));
  ASSERT_THAT(d.stances, SizeIs(59));
  int counts[3] = {0, 0, 0};  // denies, neutral, supports
  for (const Stance& s : d.stances) ++counts[static_cast<int>(s.polarity) + 1];
  EXPECT_EQ(counts[0], 19);
  EXPECT_EQ(counts[1], 2);
  EXPECT_EQ(counts[2], 38);
  EXPECT_THAT(d.groups, ElementsAre("pier7-injured-count"));
  EXPECT_THAT(d.origins, ElementsAre("cw-0514", "cw-0516"));
  int anonymous = 0;
  for (const Source& s : d.sources) anonymous += s.anonymous;
  EXPECT_EQ(anonymous, 1);  // port-official-anon
}

// datasets/newsroom-sample.stances.csv: 26 rows (18 supports, 7 denials, 1 neutral) from 10
// sources on 7 claims; group pier7-injured-count; origin cw-0514.
TEST(ReaderTest, ReadsTheNewsroomStancesCsv) {
  const Dataset d = ReadDataset(testutil::SourcePath("datasets/newsroom-sample.stances.csv"));
  EXPECT_THAT(d.sources, SizeIs(10));
  EXPECT_THAT(d.claims, SizeIs(7));
  EXPECT_TRUE(d.reports.empty());
  ASSERT_THAT(d.stances, SizeIs(26));
  int counts[3] = {0, 0, 0};  // denies, neutral, supports
  for (const Stance& s : d.stances) ++counts[static_cast<int>(s.polarity) + 1];
  EXPECT_EQ(counts[0], 7);
  EXPECT_EQ(counts[1], 1);
  EXPECT_EQ(counts[2], 18);
  EXPECT_THAT(d.groups, ElementsAre("pier7-injured-count"));
  EXPECT_THAT(d.origins, ElementsAre("cw-0514"));
  // RFC 4180 quoting in the file: a text with commas and one with doubled quotes.
  EXPECT_EQ(d.claims[d.FindClaim("fire-cause-storage-breach")].text,
            "Greenfield Chemicals, the warehouse operator, stored solvents in breach of safety "
            "rules, causing the fire.");
  EXPECT_EQ(d.claims[d.FindClaim("smoke-health-risk")].text,
            "Smoke from the fire posed a health risk to residents of the \"Eastside\" district.");
  EXPECT_FLOAT_EQ(d.stances[6].weight, 0.5F);  // realnewsnow,injured-15 on line 8
  EXPECT_EQ(d.stances[6].line, 8U);
}

// datasets/capitals.triples.csv: 34 rows from 6 sources on 6 objects, 12 distinct values.
TEST(ReaderTest, ReadsTheCapitalsTriples) {
  const Dataset d = ReadDataset(testutil::SourcePath("datasets/capitals.triples.csv"));
  EXPECT_THAT(d.sources, SizeIs(6));
  EXPECT_THAT(d.claims, SizeIs(12));
  EXPECT_THAT(d.groups, SizeIs(6));
  ASSERT_THAT(d.stances, SizeIs(34));
  for (const Stance& s : d.stances) EXPECT_EQ(s.polarity, Polarity::kSupports);
  const Index brasilia = d.FindClaim("brazil-capital=Bras\xc3\xadlia");
  ASSERT_NE(brasilia, kNone);
  EXPECT_EQ(d.claims[brasilia].value, "Bras\xc3\xadlia");
  EXPECT_EQ(d.groups[d.claims[brasilia].group], "brazil-capital");
}

}  // namespace
}  // namespace credence::io
