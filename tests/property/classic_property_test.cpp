// Properties of every classic truth-discovery algorithm (include/credence/scoring/classic.hpp) over
// seeded random datasets: relabelling sources and claims permutes the result and changes nothing
// else; beliefs and trusts are in [0, 1]; the same options give the same result; the iteration
// cap and the tolerance override the defaults; and the thread count changes no bit, on a dataset
// large enough for the parallel loops to run. Each test runs every classic row of AllAlgorithms().

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "credence/graph/categorical.hpp"
#include "credence/scoring/algorithms.hpp"
#include "credence/scoring/parallel.hpp"
#include "testutil/random_dataset.hpp"
#include "testutil/scoring.hpp"

namespace credence::scoring {
namespace {

using testutil::Classic;
using testutil::Format;
using testutil::ScoreAlgorithm;
using testutil::Scored;

// The rows of the classic algorithms (every row but the default model's).
const std::vector<AlgorithmInfo>& ClassicAlgorithms() {
  static const std::vector<AlgorithmInfo> kClassic = [] {
    std::vector<AlgorithmInfo> out;
    for (const AlgorithmInfo& info : AllAlgorithms()) {
      if (info.run_classic != nullptr) out.push_back(info);
    }
    return out;
  }();
  return kClassic;
}

// Algorithms whose beliefs are shares of each object's total (graph::BeliefsFromValueScores, or a
// posterior over the object's values): the beliefs of a group's claims sum to 1.
bool BeliefsAreShares(Algorithm a) {
  switch (a) {
    case Algorithm::kMajority:
    case Algorithm::kSums:
    case Algorithm::kAverageLog:
    case Algorithm::kInvestment:
    case Algorithm::kPooledInvestment:
    case Algorithm::kTruthFinder:
    case Algorithm::kCosine:
      return true;
    case Algorithm::kCredence:
    case Algorithm::kTwoEstimates:
    case Algorithm::kThreeEstimates:
    case Algorithm::kLtm:
    case Algorithm::kDawidSkene:
    case Algorithm::kCrh:
    case Algorithm::kAccu:
      return false;
  }
  return false;
}

// Algorithms that run their iteration cap whatever the residual.
bool FixedCount(Algorithm a) { return a == Algorithm::kPooledInvestment || a == Algorithm::kLtm; }

std::string RandomJsonl(std::uint64_t seed) {
  testutil::RandomDatasetOptions o;
  o.seed = seed;
  o.claims = 40;
  o.stances = 260;
  o.p_grouped = 0.4;
  return testutil::RandomJsonlDataset(o);
}

// Compares a result with the one on relabelled data: beliefs and trusts by id (within `tolerance`;
// 1e-9 allows for sums taken in another order), and that the relabelling did reorder something.
void ExpectPermuted(const Scored& a, const Scored& b,
                    const std::map<std::string, std::string>& renamed, double tolerance) {
  ASSERT_EQ(a.data.claims.size(), b.data.claims.size());
  ASSERT_EQ(a.data.sources.size(), b.data.sources.size());
  bool reordered = false;
  for (Index c = 0; c < a.data.claims.size(); ++c) {
    const std::string& id = a.data.claims[c].id;
    const Index d = b.data.FindClaim(renamed.at(id));
    ASSERT_NE(d, kNone) << id;
    reordered |= d != c;
    EXPECT_NEAR(a.result.belief[c], b.result.belief[d], tolerance) << id;
  }
  for (Index s = 0; s < a.data.sources.size(); ++s) {
    const std::string& id = a.data.sources[s].id;
    const Index d = b.data.FindSource(renamed.at(id));
    ASSERT_NE(d, kNone) << id;
    reordered |= d != s;
    EXPECT_NEAR(a.result.trust[s], b.result.trust[d], tolerance) << id;
  }
  EXPECT_TRUE(reordered);
}

class ClassicProperty
    : public testing::TestWithParam<std::tuple<std::size_t, std::uint64_t>> {  // algorithm, seed
 protected:
  const AlgorithmInfo& Algo() const { return ClassicAlgorithms()[std::get<0>(GetParam())]; }
  std::uint64_t Seed() const { return std::get<1>(GetParam()); }
  bool Sampling() const { return Algo().algorithm == Algorithm::kLtm; }
};

// Relabelling permutes the result and changes nothing else. LTM draws its random numbers fact by
// fact in index order, so a relabelled run is another sample path: its posterior means agree only
// within sampling noise, checked with 1,000 sweeps (400 kept) and a loose tolerance (its
// determinism is checked by SameOptionsSameResult).
TEST_P(ClassicProperty, RelabellingPermutesTheResult) {
  const double tolerance = Sampling() ? 0.2 : 1e-9;
  ClassicOptions options = Classic();
  if (Sampling()) options.max_iterations = 1000;
  const auto check = [&](const std::string& text, const std::string& relabelled, Format format,
                         const std::map<std::string, std::string>& renamed) {
    const auto a = ScoreAlgorithm(Algo().algorithm, text, format, options);
    const auto b = ScoreAlgorithm(Algo().algorithm, relabelled, format, options);
    const auto view_a = graph::BuildCategoricalView(a->data, a->snap);
    const auto view_b = graph::BuildCategoricalView(b->data, b->snap);
    ASSERT_GT(view_a.num_observations(), 0u);
    EXPECT_EQ(view_a.num_observations(), view_b.num_observations());
    ExpectPermuted(*a, *b, renamed, tolerance);
    if (!Sampling()) {
      EXPECT_EQ(a->result.iterations, b->result.iterations);
      EXPECT_EQ(a->result.converged, b->result.converged);
      EXPECT_NEAR(a->result.residual, b->result.residual, 1e-9);
    }
  };
  {
    SCOPED_TRACE("jsonl");
    const std::string text = RandomJsonl(Seed());
    std::map<std::string, std::string> renamed;
    const std::string relabelled = testutil::RelabelIds(text, Seed() + 1000, &renamed);
    check(text, relabelled, Format::kJsonl, renamed);
  }
  {
    SCOPED_TRACE("triples");
    std::string plain;
    std::string relabelled;
    std::map<std::string, std::string> renamed;
    testutil::RandomTriples(Seed(), &plain, &relabelled, &renamed);
    check(plain, relabelled, Format::kTriples, renamed);
  }
}

TEST_P(ClassicProperty, BeliefsAndTrustsAreProbabilities) {
  std::string plain;
  std::string relabelled;
  std::map<std::string, std::string> renamed;
  testutil::RandomTriples(Seed(), &plain, &relabelled, &renamed);
  for (const auto& [text, format] :
       {std::pair{RandomJsonl(Seed()), Format::kJsonl}, std::pair{plain, Format::kTriples}}) {
    const auto m = ScoreAlgorithm(Algo().algorithm, text, format, Classic());
    ASSERT_EQ(m->result.belief.size(), m->data.claims.size());
    ASSERT_EQ(m->result.trust.size(), m->data.sources.size());
    for (double b : m->result.belief) EXPECT_TRUE(b >= 0.0 && b <= 1.0) << b;
    for (double t : m->result.trust) EXPECT_TRUE(t >= 0.0 && t <= 1.0) << t;
    if (BeliefsAreShares(Algo().algorithm)) {
      // A group's beliefs are shares of one total: they sum to 1.
      std::vector<double> group_sum(m->data.groups.size(), 0.0);
      for (Index c = 0; c < m->data.claims.size(); ++c) {
        const Index g = m->data.claims[c].group;
        if (g != kNone) group_sum[g] += m->result.belief[c];
      }
      for (double sum : group_sum) EXPECT_NEAR(sum, 1.0, 1e-9);
    }
    EXPECT_GE(m->result.iterations, 1);
    EXPECT_LE(m->result.iterations, Algo().default_max_iterations);
    EXPECT_GE(m->result.residual, 0.0);
    EXPECT_EQ(m->result.converged, m->result.residual <= Algo().default_tolerance);
  }
}

TEST_P(ClassicProperty, SameOptionsSameResult) {
  std::string plain;
  std::string relabelled;
  std::map<std::string, std::string> renamed;
  testutil::RandomTriples(Seed(), &plain, &relabelled, &renamed);
  ClassicOptions options = Classic();
  options.seed = Seed();
  const auto a = ScoreAlgorithm(Algo().algorithm, plain, Format::kTriples, options);
  const auto b = ScoreAlgorithm(Algo().algorithm, plain, Format::kTriples, options);
  EXPECT_EQ(a->result.belief, b->result.belief);
  EXPECT_EQ(a->result.trust, b->result.trust);
  EXPECT_EQ(a->result.residual, b->result.residual);
}

// The iteration cap and the tolerance override the defaults.
TEST_P(ClassicProperty, OverridesTakeEffect) {
  const std::string text = RandomJsonl(Seed());
  const auto capped = ScoreAlgorithm(Algo().algorithm, text, Format::kJsonl, Classic(2, 0.0));
  EXPECT_EQ(capped->result.iterations, Algo().algorithm == Algorithm::kMajority ? 1 : 2);
  const auto loose = ScoreAlgorithm(Algo().algorithm, text, Format::kJsonl, Classic(50, 1e9));
  EXPECT_TRUE(loose->result.converged);
  // Only the fixed-count algorithms keep going after their tolerance is met.
  EXPECT_EQ(loose->result.iterations, FixedCount(Algo().algorithm) ? 50 : 1);
}

std::string PropertyName(
    const testing::TestParamInfo<std::tuple<std::size_t, std::uint64_t>>& info) {
  std::string name(ClassicAlgorithms()[std::get<0>(info.param)].name);
  std::replace(name.begin(), name.end(), '-', '_');
  return fmt::format("{}_seed{}", name, std::get<1>(info.param));
}

INSTANTIATE_TEST_SUITE_P(Seeds, ClassicProperty,
                         testing::Combine(testing::Range<std::size_t>(0,
                                                                      ClassicAlgorithms().size()),
                                          testing::Values(1u, 7u, 42u, 2024u)),
                         PropertyName);

// ------------------------------------------------------------------------------------------------
// Thread count. Loops over fewer than kParallelThreshold elements run on one thread, so the
// comparison needs a dataset past it in every loop an algorithm runs in parallel (sources, values,
// objects): one or two threads must then give the same bits. One dataset, parsed once per
// process, serves every algorithm.

class ClassicThreads : public testing::TestWithParam<std::size_t> {  // algorithm
 protected:
  const AlgorithmInfo& Algo() const { return ClassicAlgorithms()[GetParam()]; }

  static const graph::CategoricalView& LargeView() {
    static const graph::CategoricalView kView = testutil::ViewOf(
        testutil::RandomJsonlDataset(testutil::ParallelShape(/*seed=*/5, kParallelThreshold)),
        Format::kJsonl);
    return kView;
  }
};

TEST_P(ClassicThreads, ThreadCountChangesNothing) {
  const graph::CategoricalView& view = LargeView();
  ASSERT_GE(static_cast<std::int64_t>(view.num_sources), kParallelThreshold);
  ASSERT_GE(static_cast<std::int64_t>(view.num_values()), kParallelThreshold);
  ASSERT_GE(static_cast<std::int64_t>(view.num_objects()), kParallelThreshold);
  ASSERT_GE(static_cast<std::int64_t>(view.num_observations()), kParallelThreshold);
  // Eight iterations reach every loop of every algorithm (LTM's sweeps are sequential, but its
  // result must not depend on the thread count either); each iteration's result is exact, so a
  // longer run would only repeat the comparison.
  ClassicOptions one = Classic(/*max_iterations=*/8, std::nullopt, /*threads=*/1);
  ClassicOptions two = one;
  two.threads = 2;
  const ScoringResult a = Algo().run_classic(view, one);
  const ScoringResult b = Algo().run_classic(view, two);
  EXPECT_EQ(a.belief, b.belief);
  EXPECT_EQ(a.trust, b.trust);
  EXPECT_EQ(a.iterations, b.iterations);
  EXPECT_EQ(a.residual, b.residual);
  EXPECT_EQ(a.converged, b.converged);
}

INSTANTIATE_TEST_SUITE_P(Algorithms, ClassicThreads,
                         testing::Range<std::size_t>(0, ClassicAlgorithms().size()),
                         [](const testing::TestParamInfo<std::size_t>& param) {
                           std::string name(ClassicAlgorithms()[param.param].name);
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace credence::scoring
