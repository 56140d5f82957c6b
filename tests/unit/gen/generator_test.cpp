// Unit tests for the synthetic workload generator: determinism, counts, that every file it writes
// parses, and that the default model recovers the planted truth of mostly reliable sources.

#include "credence/gen/generator.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>

#include "credence/core/error.hpp"
#include "credence/eval/gold.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/io/reader.hpp"
#include "credence/scoring/algorithms.hpp"

namespace credence::gen {
namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

struct Output {
  std::string data;
  std::string gold;
  GeneratorStats stats;
};

Output Generated(const GeneratorOptions& options) {
  std::ostringstream data;
  std::ostringstream gold;
  Output out;
  out.stats = Generate(options, data, gold);
  out.data = data.str();
  out.gold = gold.str();
  return out;
}

GeneratorOptions Small(GeneratorFormat format, std::uint64_t seed = 7) {
  GeneratorOptions o;
  o.seed = seed;
  o.stances = 3000;
  o.sources = 200;
  o.claims = 400;
  o.format = format;
  o.anonymous_share = 0.05;
  o.interested_share = 0.05;
  o.denial_share = 0.8;
  return o;
}

std::size_t Lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

std::size_t Count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

class GeneratorFormatTest : public testing::TestWithParam<GeneratorFormat> {};

TEST_P(GeneratorFormatTest, SameSeedSameBytesOtherSeedOtherBytes) {
  const Output a = Generated(Small(GetParam(), 7));
  const Output b = Generated(Small(GetParam(), 7));
  const Output c = Generated(Small(GetParam(), 8));
  EXPECT_EQ(a.data, b.data);
  EXPECT_EQ(a.gold, b.gold);
  EXPECT_NE(a.data, c.data);
  EXPECT_EQ(a.stats.bytes, a.data.size());
}

TEST_P(GeneratorFormatTest, WritesTheRequestedNumberOfStancesAndAParsableDataset) {
  const GeneratorOptions options = Small(GetParam());
  const Output out = Generated(options);
  EXPECT_EQ(out.stats.stances, options.stances);
  const bool jsonl = GetParam() == GeneratorFormat::kJsonl;
  if (jsonl) {
    EXPECT_EQ(Count(out.data, R"("type":"stance")"), options.stances);
    EXPECT_GT(out.stats.anonymous, 0U);
    EXPECT_GT(out.stats.interested, 0U);
  } else {
    EXPECT_EQ(Lines(out.data), options.stances + 1);  // the header
  }
  EXPECT_GT(out.stats.relays, 0U);
  const Dataset data =
      jsonl ? io::ParseJsonl(out.data, "gen.jsonl") : io::ParseStancesCsv(out.data, "gen.csv");
  EXPECT_EQ(data.stances.size(), options.stances);
  EXPECT_EQ(data.claims.size(), out.stats.claims);
  EXPECT_LE(data.claims.size(), options.claims);

  const eval::Gold gold = eval::ParseGold(out.gold, "gen.gold.csv");
  EXPECT_EQ(gold.kind, eval::GoldKind::kClaim);
  EXPECT_EQ(gold.size(), out.stats.claims);
  std::size_t truths = 0;
  for (const auto& g : gold.claims) {
    EXPECT_NE(data.FindClaim(g.claim), kNone) << g.claim;
    truths += g.truth ? 1 : 0;
  }
  EXPECT_EQ(truths, out.stats.true_claims);
}

INSTANTIATE_TEST_SUITE_P(Formats, GeneratorFormatTest,
                         testing::Values(GeneratorFormat::kStancesCsv, GeneratorFormat::kJsonl),
                         [](const testing::TestParamInfo<GeneratorFormat>& param_info) {
                           return param_info.param == GeneratorFormat::kJsonl ? "Jsonl" : "Csv";
                         });

// The triples format tells the same story as the stances CSV: with the same seed (and every
// denial kept), row i names the same source and claim, with "true" exactly where the stances CSV
// says supports; the gold has the same claims and truths.
TEST(GeneratorTest, TriplesMirrorTheStancesCsvOfTheSameSeed) {
  GeneratorOptions o = Small(GeneratorFormat::kStancesCsv);
  o.denial_share = 1.0;
  const Output csv = Generated(o);
  o.format = GeneratorFormat::kTriplesCsv;
  const Output triples = Generated(o);
  std::istringstream a(csv.data);
  std::istringstream b(triples.data);
  std::string row_a;
  std::string row_b;
  std::getline(a, row_a);
  std::getline(b, row_b);
  EXPECT_EQ(row_b, "source,object,value");
  std::size_t rows = 0;
  while (std::getline(a, row_a) && std::getline(b, row_b)) {
    // "s1,c2,supports,o3" -> "s1,c2,true"
    const auto third = row_a.find(',', row_a.find(',') + 1);
    const std::string polarity = row_a.substr(third + 1, row_a.find(',', third + 1) - third - 1);
    ASSERT_TRUE(polarity == "supports" || polarity == "denies") << row_a;
    EXPECT_EQ(row_b, row_a.substr(0, third + 1) + (polarity == "supports" ? "true" : "false"));
    ++rows;
  }
  EXPECT_EQ(rows, o.stances);
  EXPECT_FALSE(std::getline(b, row_b));
  EXPECT_EQ(triples.gold.substr(triples.gold.find('\n')), csv.gold.substr(csv.gold.find('\n')));
  const Dataset data = io::ParseTriplesCsv(triples.data, "gen.triples.csv");
  EXPECT_EQ(data.stances.size(), o.stances);
  const eval::Gold gold = eval::ParseGold(triples.gold, "gen.gold.csv");
  EXPECT_EQ(gold.kind, eval::GoldKind::kObject);
  EXPECT_EQ(gold.size(), csv.stats.claims);
}

TEST(GeneratorTest, ExactlyOneStance) {
  GeneratorOptions o;
  o.stances = 1;
  o.sources = 1;
  o.claims = 1;
  o.relay_share = 0.99;
  const Output out = Generated(o);
  EXPECT_EQ(Lines(out.data), 2U);
  EXPECT_EQ(io::ParseStancesCsv(out.data, "one.csv").stances.size(), 1U);
  EXPECT_EQ(Lines(out.gold), 2U);
}

// The fraction of planted truths the default model recovers, with 2% adversarial sources.
double DefaultModelAccuracy(GeneratorFormat format) {
  GeneratorOptions o;
  o.seed = 11;
  o.stances = 20000;
  o.sources = 500;
  o.claims = 2000;
  o.adversarial_share = 0.02;
  o.format = format;
  const Output out = Generated(o);
  const Dataset data = format == GeneratorFormat::kJsonl ? io::ParseJsonl(out.data, "g.jsonl")
                                                         : io::ParseStancesCsv(out.data, "g.csv");
  const auto graph = std::make_unique<graph::ClaimGraph>(data);
  const auto snap = graph::FreezeEvidence(data, *graph);
  const auto result = scoring::RunAlgorithm(scoring::Algorithm::kCredence, data, snap, {});
  const eval::Gold gold = eval::ParseGold(out.gold, "g.gold.csv");
  std::size_t right = 0;
  for (const auto& g : gold.claims) {
    const Index c = data.FindClaim(g.claim);
    right += ((result.belief.at(c) > 0.5) == g.truth) ? 1 : 0;
  }
  return static_cast<double>(right) / static_cast<double>(gold.size());
}

TEST(GeneratorTest, DefaultModelRecoversMostPlantedTruthsCsv) {
  EXPECT_GT(DefaultModelAccuracy(GeneratorFormat::kStancesCsv), 0.9);
}

TEST(GeneratorTest, DefaultModelRecoversMostPlantedTruthsJsonl) {
  EXPECT_GT(DefaultModelAccuracy(GeneratorFormat::kJsonl), 0.9);
}

TEST(GeneratorTest, RejectsOutOfRangeOptions) {
  GeneratorOptions o;
  o.relay_share = 1.0;
  EXPECT_THAT([&] { o.Validate(); },
              ThrowsMessage<InvalidArgumentError>(HasSubstr("relay_share must be in [0, 0.99]")));
  o = {};
  o.stances = 0;
  EXPECT_THAT([&] { o.Validate(); },
              ThrowsMessage<InvalidArgumentError>(HasSubstr("stances must be >= 1")));
  o = {};
  o.zipf_exponent = -1;
  EXPECT_THAT([&] { o.Validate(); },
              ThrowsMessage<InvalidArgumentError>(HasSubstr("zipf_exponent")));
  EXPECT_THAT([] { ParseGeneratorFormat("xml"); },
              ThrowsMessage<InvalidArgumentError>(HasSubstr("expected csv, jsonl or triples")));
}

}  // namespace
}  // namespace credence::gen
