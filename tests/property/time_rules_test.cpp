// Properties of the time rules (graph/time_rules.hpp) on seeded random dated datasets
// (testutil::AddTimes over RandomJsonlDataset with every rule of the model on):
//  - an --as-of date after every record changes no bit of the result;
//  - a withdrawn stance weighs exactly nothing: the result equals that of the dataset with the
//    withdrawn stances and the retractions deleted;
//  - the order of the input lines and the thread count change no bit, findings included;
//  - a half-life far longer than the data's span changes beliefs by a rounding only.

#include "credence/graph/time_rules.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "credence/scoring/parallel.hpp"
#include "credence/session.hpp"
#include "testutil/random_dataset.hpp"
#include "testutil/scoring.hpp"

namespace credence {
namespace {

using testutil::Format;

class TimeProperties : public ::testing::TestWithParam<std::uint64_t> {
 protected:
  std::uint64_t seed() const { return GetParam(); }
  std::string Text() const {
    return testutil::AddTimes(testutil::RandomJsonlDataset(testutil::AllRulesShape(seed())),
                              seed() * 7 + 1);
  }
  static std::unique_ptr<Session> Run(const std::string& text, const SessionOptions& options) {
    return Session::Run(testutil::ParseText(text, Format::kJsonl), options);
  }
};

// Findings rendered with ids, so that two runs over differently ordered lines can be compared.
std::vector<std::string> Rendered(const Session& s) {
  const Dataset& d = s.data();
  std::vector<std::string> out;
  for (const graph::Finding& f : s.findings()) {
    std::string line = fmt::format("{} {}", graph::ToString(f.kind), d.sources[f.source].id);
    for (Index c : f.claims) line += " c:" + d.claims[c].id;
    for (Index r : graph::FindingReports(d, f)) line += " r:" + d.reports[r].id;
    for (const std::string& t : graph::FindingTimes(d, f)) line += " t:" + t;
    for (Index i : f.stances) line += " s:" + std::string(d.Text(d.stances[i].id));
    out.push_back(line);
  }
  return out;
}

void ExpectSameResult(const Session& a, const Session& b) {
  EXPECT_EQ(a.result().belief, b.result().belief);
  EXPECT_EQ(a.result().trust, b.result().trust);
  EXPECT_EQ(a.result().belief_low, b.result().belief_low);
  EXPECT_EQ(a.result().belief_high, b.result().belief_high);
  EXPECT_EQ(a.result().iterations, b.result().iterations);
}

TEST_P(TimeProperties, TheDataExerciseTheRules) {
  const auto s = Run(Text(), {});
  std::size_t superseded = 0;
  std::size_t retracted = 0;
  for (Index i = 0; i < s->data().stances.size(); ++i) {
    superseded += s->times().State(i) == graph::StanceState::kSuperseded;
    retracted += s->times().State(i) == graph::StanceState::kRetracted;
  }
  EXPECT_GT(superseded, 0U);
  EXPECT_GT(retracted, 0U);
  EXPECT_FALSE(s->findings().empty());
}

TEST_P(TimeProperties, AsOfAfterEveryRecordEqualsNoAsOf) {
  const std::string text = Text();
  const auto plain = Run(text, {});
  SessionOptions options;
  options.time.as_of = plain->times().reference + 86400;  // a day after the latest record
  const auto after = Run(text, options);
  ExpectSameResult(*plain, *after);
  EXPECT_EQ(Rendered(*plain), Rendered(*after));
}

TEST_P(TimeProperties, AWithdrawnStanceWeighsExactlyNothing) {
  const std::string text = Text();
  const auto with = Run(text, {});
  // Delete the withdrawn stances' lines and every retraction.
  std::vector<std::string> gone;
  for (Index i = 0; i < with->data().stances.size(); ++i) {
    if (with->times().Withdrawn(i)) {
      gone.push_back(fmt::format(R"("id":"{}")", with->data().Text(with->data().stances[i].id)));
    }
  }
  ASSERT_FALSE(gone.empty());
  std::string kept;
  for (const std::string& line : testutil::SplitLines(text)) {
    if (line.rfind(R"({"type":"retraction")", 0) == 0) continue;
    const bool withdrawn = line.rfind(R"({"type":"stance")", 0) == 0 &&
                           std::any_of(gone.begin(), gone.end(), [&](const std::string& id) {
                             return line.find(id + ",") != std::string::npos ||
                                    line.find(id + "}") != std::string::npos;
                           });
    if (!withdrawn) kept += line + "\n";
  }
  const auto without = Run(kept, {});
  ASSERT_EQ(without->data().stances.size() + gone.size(), with->data().stances.size());
  EXPECT_TRUE(without->times().state.empty());  // nothing left to withdraw
  EXPECT_EQ(with->result().belief, without->result().belief);
  EXPECT_EQ(with->result().trust, without->result().trust);
}

// The session limits the self-contradiction and exclusive-alternative search to the snapshot's
// candidate claims (graph::ConsistencyCandidates): it must find all of them.
TEST_P(TimeProperties, TheCandidateClaimsHoldEveryFinding) {
  for (const std::string& text :
       {Text(), testutil::AddTimes(testutil::RandomJsonlDataset(testutil::AllRulesShape(seed())),
                                   seed(), 0.0, 0.0, 1, 0)}) {  // and undated: all contradictions
    const auto s = Run(text, {});
    const auto all = graph::FindConsistency(s->data(), s->times());
    ASSERT_EQ(Rendered(*s).size(), all.size());
    std::size_t k = 0;
    for (const graph::Finding& f : all) {
      const graph::Finding& g = s->findings()[k++];
      EXPECT_EQ(f.kind, g.kind);
      EXPECT_EQ(f.source, g.source);
      EXPECT_EQ(f.claims, g.claims);
      EXPECT_EQ(f.stances, g.stances);
    }
  }
}

TEST_P(TimeProperties, ShufflingLinesChangesNoBit) {
  const std::string text = Text();
  SessionOptions options;
  options.time.half_life_days = 3.0;
  const auto base = Run(text, options);
  for (std::uint64_t shuffle = 1; shuffle <= 2; ++shuffle) {
    const auto shuffled = Run(testutil::ShuffleLines(text, seed() + shuffle), options);
    ExpectSameResult(*base, *shuffled);
    EXPECT_EQ(Rendered(*base), Rendered(*shuffled));
  }
}

TEST_P(TimeProperties, ThreadCountChangesNoBit) {
  const std::string text = testutil::AddTimes(
      testutil::RandomJsonlDataset(testutil::ParallelShape(seed(), scoring::kParallelThreshold)),
      seed(), 0.8, 0.3, 10, 40);
  SessionOptions options;
  options.model.threads = 1;
  options.analysis.threads = 1;
  const auto one = Run(text, options);
  options.model.threads = 2;
  options.analysis.threads = 2;
  const auto two = Run(text, options);
  ExpectSameResult(*one, *two);
  EXPECT_EQ(Rendered(*one), Rendered(*two));
  EXPECT_FALSE(one->findings().empty());
}

TEST_P(TimeProperties, AVeryLongHalfLifeChangesAlmostNothing) {
  const std::string text = Text();
  const auto plain = Run(text, {});
  SessionOptions options;
  options.time.half_life_days = 1e9;  // the data span a month: every factor is 1 - 1e-8 or so
  const auto decayed = Run(text, options);
  for (std::size_t c = 0; c < plain->result().belief.size(); ++c) {
    EXPECT_NEAR(plain->result().belief[c], decayed->result().belief[c], 1e-5);
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, TimeProperties, ::testing::Values(1, 2, 3, 4));

}  // namespace
}  // namespace credence
