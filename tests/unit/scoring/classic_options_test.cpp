// The registry of algorithms (include/credence/scoring/algorithms.hpp) and the options every
// classic algorithm shares (ClassicOptions): validation, overrides of the iteration cap and the
// tolerance, and what every algorithm returns on an empty view. Each test runs every classic
// algorithm of AllAlgorithms(), so a new row of the table is tested without editing this file.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/graph/categorical.hpp"
#include "credence/scoring/algorithms.hpp"
#include "credence/scoring/classic.hpp"
#include "testutil/scoring.hpp"

namespace credence::scoring {
namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;
using testutil::Classic;
using testutil::Format;
using testutil::kG1;

// The rows of the classic algorithms (every row but the default model's).
std::vector<AlgorithmInfo> ClassicAlgorithms() {
  std::vector<AlgorithmInfo> out;
  for (const AlgorithmInfo& info : AllAlgorithms()) {
    if (info.run_classic != nullptr) out.push_back(info);
  }
  return out;
}

// InfoOf finds a row by its position: the table must list the enumerators in order, each once.
TEST(AlgorithmRegistryTest, TableListsTheEnumeratorsInOrder) {
  const auto& all = AllAlgorithms();
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all.front().algorithm, Algorithm::kCredence);
  EXPECT_EQ(all.front().run_classic, nullptr);
  for (std::size_t i = 0; i < all.size(); ++i) {
    SCOPED_TRACE(all[i].name);
    EXPECT_EQ(static_cast<std::size_t>(all[i].algorithm), i);
    EXPECT_EQ(&InfoOf(all[i].algorithm), &all[i]);
    EXPECT_EQ(ParseAlgorithm(all[i].name), all[i].algorithm);
    EXPECT_GE(all[i].default_max_iterations, 1);
    EXPECT_GE(all[i].default_tolerance, 0.0);
    if (i > 0) {
      EXPECT_NE(all[i].run_classic, nullptr);
    }
  }
  EXPECT_EQ(ClassicAlgorithms().size(), 13u);
}

TEST(AlgorithmRegistryTest, UnknownNameListsTheKnownOnes) {
  EXPECT_THAT([] { ParseAlgorithm("pagerank"); },
              ThrowsMessage<InvalidArgumentError>(
                  HasSubstr("unknown algorithm 'pagerank' (expected one of: credence, majority")));
}

TEST(ClassicOptionsTest, EveryAlgorithmRejectsOutOfRangeOptions) {
  const graph::CategoricalView view = ViewOf(kG1, Format::kTriples);
  for (const AlgorithmInfo& algo : ClassicAlgorithms()) {
    SCOPED_TRACE(algo.name);
    ClassicOptions zero;
    zero.max_iterations = 0;
    EXPECT_THAT([&] { algo.run_classic(view, zero); },
                ThrowsMessage<InvalidArgumentError>(
                    HasSubstr("ClassicOptions.max_iterations must be at least 1")));
    ClassicOptions negative;
    negative.max_iterations = -1;
    EXPECT_THAT([&] { algo.run_classic(view, negative); },
                ThrowsMessage<InvalidArgumentError>(HasSubstr("got -1")));
    ClassicOptions nan;
    nan.tolerance = std::numeric_limits<double>::quiet_NaN();
    EXPECT_THAT([&] { algo.run_classic(view, nan); },
                ThrowsMessage<InvalidArgumentError>(
                    HasSubstr("ClassicOptions.tolerance must be a number")));
    ClassicOptions below_zero;
    below_zero.tolerance = -1e-9;
    EXPECT_THAT([&] { algo.run_classic(view, below_zero); },
                ThrowsMessage<InvalidArgumentError>(HasSubstr(">= 0")));
    ClassicOptions threads;
    threads.threads = -2;
    EXPECT_THAT([&] { algo.run_classic(view, threads); },
                ThrowsMessage<InvalidArgumentError>(
                    HasSubstr("ClassicOptions.threads must be in [0, inf), got -2")));
  }
}

// RunAlgorithm builds the view itself, names the result and honours --max-iterations.
TEST(ClassicOptionsTest, RunAlgorithmNamesTheResultAndHonoursTheIterationCap) {
  const auto frozen = testutil::Freeze(kG1, Format::kTriples);
  for (const AlgorithmInfo& algo : ClassicAlgorithms()) {
    SCOPED_TRACE(algo.name);
    RunOptions options;
    options.classic.max_iterations = 1;
    const ScoringResult result = RunAlgorithm(algo.algorithm, frozen->data, frozen->snap, options);
    EXPECT_EQ(result.algorithm, algo.name);
    EXPECT_EQ(result.iterations, 1);
    EXPECT_EQ(result.belief.size(), frozen->data.claims.size());
    EXPECT_EQ(result.trust.size(), frozen->data.sources.size());
  }
}

TEST(ClassicOptionsTest, RunAlgorithmRejectsAnIterationCapBelowOne) {
  const auto frozen = testutil::Freeze(kG1, Format::kTriples);
  for (const AlgorithmInfo& algo : AllAlgorithms()) {
    SCOPED_TRACE(algo.name);
    RunOptions options;
    options.classic.max_iterations = 0;
    EXPECT_THAT(
        [&] { RunAlgorithm(algo.algorithm, frozen->data, frozen->snap, options); },
        ThrowsMessage<InvalidArgumentError>(HasSubstr("max_iterations must be at least 1")));
  }
}

// --tolerance 0 means 0 for every algorithm, the default model included (it used to be taken as
// "the default" there): a run stops before its cap only when an iteration moves nothing at all,
// and has converged exactly then.
TEST(ClassicOptionsTest, ToleranceZeroMeansZero) {
  const auto frozen = testutil::Freeze(kG1, Format::kTriples);
  for (const AlgorithmInfo& algo : AllAlgorithms()) {
    if (!algo.iterative) continue;
    SCOPED_TRACE(algo.name);
    RunOptions zero;
    zero.classic.max_iterations = 7;
    zero.classic.tolerance = 0.0;
    const ScoringResult capped = RunAlgorithm(algo.algorithm, frozen->data, frozen->snap, zero);
    EXPECT_LE(capped.iterations, 7);
    if (capped.iterations < 7) {
      EXPECT_EQ(capped.residual, 0.0);
    }
    EXPECT_EQ(capped.converged, capped.residual == 0.0);
    if (algo.algorithm == Algorithm::kCredence) {
      EXPECT_EQ(capped.iterations, 7);
      EXPECT_FALSE(capped.converged);
      EXPECT_GT(capped.residual, 0.0);
      // With a loose tolerance the same run stops early.
      RunOptions loose = zero;
      loose.classic.tolerance = 1.0;
      EXPECT_LT(RunAlgorithm(algo.algorithm, frozen->data, frozen->snap, loose).iterations, 7);
    }
  }
}

// Unset overrides leave each algorithm's defaults; set ones replace them.
TEST(ClassicOptionsTest, UnsetOverridesKeepTheDefaults) {
  const auto frozen = testutil::Freeze(kG1, Format::kTriples);
  RunOptions defaults;
  RunOptions explicit_defaults;
  const AlgorithmInfo& credence = InfoOf(Algorithm::kCredence);
  explicit_defaults.classic.max_iterations = credence.default_max_iterations;
  explicit_defaults.classic.tolerance = credence.default_tolerance;
  const ScoringResult a = RunAlgorithm(Algorithm::kCredence, frozen->data, frozen->snap, defaults);
  const ScoringResult b =
      RunAlgorithm(Algorithm::kCredence, frozen->data, frozen->snap, explicit_defaults);
  EXPECT_EQ(a.belief, b.belief);
  EXPECT_EQ(a.iterations, b.iterations);
  const graph::CategoricalView view = graph::BuildCategoricalView(frozen->data, frozen->snap);
  for (const AlgorithmInfo& algo : ClassicAlgorithms()) {
    SCOPED_TRACE(algo.name);
    const ScoringResult unset = algo.run_classic(view, Classic());
    const ScoringResult set =
        algo.run_classic(view, Classic(algo.default_max_iterations, algo.default_tolerance));
    EXPECT_EQ(unset.belief, set.belief);
    EXPECT_EQ(unset.trust, set.trust);
    EXPECT_EQ(unset.iterations, set.iterations);
  }
}

TEST(ClassicOptionsTest, EmptyViewGivesEmptyResults) {
  graph::CategoricalView view;
  view.object_offsets = {0};
  view.value_offsets = {0};
  view.source_offsets = {0};
  for (const AlgorithmInfo& algo : ClassicAlgorithms()) {
    SCOPED_TRACE(algo.name);
    const ScoringResult result = algo.run_classic(view, {});
    EXPECT_TRUE(result.belief.empty());
    EXPECT_TRUE(result.trust.empty());
    EXPECT_GE(result.iterations, 1);
    EXPECT_TRUE(result.converged);
  }
}

}  // namespace
}  // namespace credence::scoring
