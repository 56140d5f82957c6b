// Tests of the first group of classic truth-discovery algorithms (engine/scoring/classic/):
// majority, sums, average-log, investment, pooled-investment, truthfinder and cosine.
// docs/algorithms.md has their equations; the numbers below are worked out by hand from them.
//
// Most hand-computed tests use this graph, read from triples CSV (claims "x=1", "x=2", "y=1",
// "y=2"; objects x and y; sources a, b, c; a source observes the values it points at):
//
//   G1:   a ──┬──> x=1 <── b          object x = {x=1, x=2}
//             └──> y=1                 object y = {y=1, y=2}
//         c ──┬──> x=2
//             └──> y=2
//
// |C(a)| = 2, |C(b)| = 1, |C(c)| = 2. Majority says x=1 (2 votes to 1) and cannot decide y
// (1 to 1); the iterative algorithms should side with a on y, since a agrees with b on x.

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <regex>
#include <string>
#include <tuple>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/graph/categorical.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/io/reader.hpp"
#include "credence/scoring/algorithms.hpp"
#include "testutil/random_dataset.hpp"

namespace credence::scoring {
namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

constexpr double kEps = 1e-12;

using Runner = ScoringResult (*)(const graph::CategoricalView&, const ClassicOptions&);

enum class Format { kTriples, kStances, kJsonl };

graph::CategoricalView ViewOf(const Dataset& data) {
  const graph::ClaimGraph graph(data);
  const graph::EvidenceSnapshot snap = graph::FreezeEvidence(data, graph);
  return graph::BuildCategoricalView(data, snap);
}

Dataset Parse(const std::string& text, Format format) {
  switch (format) {
    case Format::kTriples:
      return io::ParseTriplesCsv(text, "tiny.triples.csv");
    case Format::kStances:
      return io::ParseStancesCsv(text, "tiny.csv");
    case Format::kJsonl:
      break;
  }
  return io::ParseJsonl(text, "tiny.jsonl");
}

// A dataset, its categorical view and one algorithm's result on it.
struct Scored {
  Dataset data;
  graph::CategoricalView view;
  ScoringResult result;

  double Belief(std::string_view claim) const {
    const Index c = data.FindClaim(claim);
    EXPECT_NE(c, kNone) << claim;
    return result.belief.at(c);
  }
  double Trust(std::string_view source) const {
    const Index s = data.FindSource(source);
    EXPECT_NE(s, kNone) << source;
    return result.trust.at(s);
  }
};

Scored Score(Runner run, const std::string& text, Format format = Format::kTriples,
             int max_iterations = -1, double tolerance = -1.0, int threads = 1) {
  Scored scored;
  scored.data = Parse(text, format);
  scored.view = ViewOf(scored.data);
  ClassicOptions options;
  options.max_iterations = max_iterations;
  options.tolerance = tolerance;
  options.threads = threads;
  scored.result = run(scored.view, options);
  return scored;
}

const std::string kG1 = R"(source,object,value
a,x,1
b,x,1
c,x,2
a,y,1
c,y,2
)";

// ------------------------------------------------------------------------------------------------
// Majority

// G1: x=1 has 2 of the 3 votes on x, y=1 1 of 2. Every source has trust 1.
TEST(MajorityTest, SharesOfTheVotesOnG1) {
  const Scored m = Score(RunMajority, kG1);
  EXPECT_NEAR(m.Belief("x=1"), 2.0 / 3.0, kEps);
  EXPECT_NEAR(m.Belief("x=2"), 1.0 / 3.0, kEps);
  EXPECT_NEAR(m.Belief("y=1"), 0.5, kEps);
  EXPECT_NEAR(m.Belief("y=2"), 0.5, kEps);
  for (const char* s : {"a", "b", "c"}) EXPECT_EQ(m.Trust(s), 1.0);
  EXPECT_EQ(m.result.iterations, 1);
  EXPECT_EQ(m.result.residual, 0.0);
  EXPECT_TRUE(m.result.converged);
}

//   a ──supports──> p <──denies── b, c        p: 1 vote "true", 2 votes "false" -> 1/3
//   a ──neutral───> q                          q: nobody observes it -> 1/2
TEST(MajorityTest, DenialsVoteForClaimFalse) {
  const Scored m = Score(RunMajority, R"(source,claim,stance
a,p,supports
b,p,denies
c,p,denies
a,q,neutral
)",
                         Format::kStances);
  EXPECT_NEAR(m.Belief("p"), 1.0 / 3.0, kEps);
  EXPECT_NEAR(m.Belief("q"), 0.5, kEps);
}

// ------------------------------------------------------------------------------------------------
// Sums

// G1, from B = 1 for every value (and T = 1 before the first step).
// Iteration 1: T = (a 2, b 1, c 2) / 2 = (1, 0.5, 1); residual max|T - 1| = 0.5.
//              B = (x=1: a+b = 1.5, x=2: 1, y=1: 1, y=2: 1) / 1.5 = (1, 2/3, 2/3, 2/3);
//              beliefs x=1: 1 / (1 + 2/3) = 0.6, y=1: 1/2.
// Iteration 2: T = (a: 1 + 2/3, b: 1, c: 2/3 + 2/3) / (5/3) = (1, 0.6, 0.8); residual 0.2.
//              B = (1.6, 0.8, 1, 0.8) / 1.6; beliefs x=1: 1.6 / 2.4 = 2/3, y=1: 1 / 1.8 = 5/9.
TEST(SumsTest, TwoIterationsOnG1ByHand) {
  const Scored one = Score(RunSums, kG1, Format::kTriples, /*max_iterations=*/1);
  EXPECT_NEAR(one.Trust("a"), 1.0, kEps);
  EXPECT_NEAR(one.Trust("b"), 0.5, kEps);
  EXPECT_NEAR(one.Trust("c"), 1.0, kEps);
  EXPECT_NEAR(one.Belief("x=1"), 0.6, kEps);
  EXPECT_NEAR(one.Belief("x=2"), 0.4, kEps);
  EXPECT_NEAR(one.Belief("y=1"), 0.5, kEps);
  EXPECT_NEAR(one.result.residual, 0.5, kEps);
  EXPECT_EQ(one.result.iterations, 1);
  EXPECT_FALSE(one.result.converged);

  const Scored two = Score(RunSums, kG1, Format::kTriples, /*max_iterations=*/2);
  EXPECT_NEAR(two.Trust("a"), 1.0, kEps);
  EXPECT_NEAR(two.Trust("b"), 0.6, kEps);
  EXPECT_NEAR(two.Trust("c"), 0.8, kEps);
  EXPECT_NEAR(two.Belief("x=1"), 2.0 / 3.0, kEps);
  EXPECT_NEAR(two.Belief("y=1"), 5.0 / 9.0, kEps);
  EXPECT_NEAR(two.Belief("y=2"), 4.0 / 9.0, kEps);
  EXPECT_NEAR(two.result.residual, 0.2, kEps);
  EXPECT_EQ(two.result.iterations, 2);
}

// With the defaults Sums runs to its fixed point (a power iteration) and says so.
TEST(SumsTest, DefaultRunConvergesAndSidesWithTheCorroboratedSource) {
  const Scored m = Score(RunSums, kG1);
  EXPECT_TRUE(m.result.converged);
  EXPECT_LE(m.result.residual, 1e-6);
  EXPECT_GT(m.result.iterations, 2);
  EXPECT_LT(m.result.iterations, 100);
  EXPECT_GT(m.Belief("y=1"), 0.5);
  EXPECT_NEAR(m.Trust("a"), 1.0, kEps);
}

// ------------------------------------------------------------------------------------------------
// Average.Log

//   G2:   a ──> x=1, y=1, z=1           |C(a)| = 3, weight ln 3 / 3
//         b ──> x=1, y=2                |C(b)| = 2, weight ln 2 / 2
//         c ──> x=2, y=2                |C(c)| = 2, weight ln 2 / 2
//
// Iteration 1 (B = 1): T = (a: ln 3, b: ln 2, c: ln 2) / ln 3 = (1, r, r), r = ln 2 / ln 3 =
// 0.630930 (Sums would give 2/3); residual 1 - r = 0.369070.
// B: x=1 = 1 + r, x=2 = r, y=1 = 1, y=2 = 2r, z=1 = 1; beliefs x=1 = (1 + r) / (1 + 2r) =
// 0.721057, y=1 = 1 / (1 + 2r) = 0.442114, z=1 = 1 (the only value of z).
TEST(AverageLogTest, OneIterationOnG2ByHand) {
  const Scored m = Score(RunAverageLog, R"(source,object,value
a,x,1
a,y,1
a,z,1
b,x,1
b,y,2
c,x,2
c,y,2
)",
                         Format::kTriples, /*max_iterations=*/1);
  const double r = std::log(2.0) / std::log(3.0);
  EXPECT_NEAR(m.Trust("a"), 1.0, kEps);
  EXPECT_NEAR(m.Trust("b"), r, kEps);
  EXPECT_NEAR(m.Trust("c"), r, kEps);
  EXPECT_NEAR(m.result.residual, 1.0 - r, kEps);
  EXPECT_NEAR(m.Belief("x=1"), (1 + r) / (1 + 2 * r), kEps);
  EXPECT_NEAR(m.Belief("x=1"), 0.721057, 1e-6);
  EXPECT_NEAR(m.Belief("y=1"), 1 / (1 + 2 * r), kEps);
  EXPECT_NEAR(m.Belief("y=2"), 2 * r / (1 + 2 * r), kEps);
  EXPECT_NEAR(m.Belief("z=1"), 1.0, kEps);
}

// G1: b observes one value, so its weight is ln 1 = 0 and its trust 0 (the published rule). Then
// a and c are symmetric: T = (1, 0, 1), every B = 1, every belief 1/2; the second iteration
// changes nothing, so the default run stops there, converged.
TEST(AverageLogTest, SourcesWithOneObservationCountForNothing) {
  const Scored m = Score(RunAverageLog, kG1);
  EXPECT_NEAR(m.Trust("a"), 1.0, kEps);
  EXPECT_NEAR(m.Trust("b"), 0.0, kEps);
  EXPECT_NEAR(m.Trust("c"), 1.0, kEps);
  EXPECT_NEAR(m.Belief("x=1"), 0.5, kEps);
  EXPECT_NEAR(m.Belief("y=1"), 0.5, kEps);
  EXPECT_EQ(m.result.iterations, 2);
  EXPECT_TRUE(m.result.converged);
  EXPECT_EQ(m.result.residual, 0.0);
}

// ------------------------------------------------------------------------------------------------
// Investment

// G1, from T = 1 and the vote shares B = (x=1 2/3, x=2 1/3, y=1 1/2, y=2 1/2).
// Investments T/|C|: a 1/2, b 1, c 1/2. Invested per value: x=1 3/2, x=2 1/2, y=1 1/2, y=2 1/2.
// T(a) = 1/2 * ((2/3)/(3/2) + (1/2)/(1/2)) = 13/18,  T(b) = 1 * (2/3)/(3/2) = 4/9,
// T(c) = 1/2 * ((1/3)/(1/2) + (1/2)/(1/2)) = 5/6;  divided by 5/6: (13/15, 8/15, 1);
// residual max|T - 1| = 7/15.
// H = sum of T/|C|: x=1 13/30 + 8/15 = 29/30, x=2 1/2 = 15/30, y=1 13/30, y=2 15/30. B = H^1.2,
// so belief x=1 = 29^1.2 / (29^1.2 + 15^1.2) = 0.688066 and y=1 = 13^1.2 / (13^1.2 + 15^1.2) =
// 0.457175: c, whose investments met little competition, now outweighs a on y.
TEST(InvestmentTest, OneIterationOnG1ByHand) {
  const Scored m = Score(RunInvestment, kG1, Format::kTriples, /*max_iterations=*/1);
  EXPECT_NEAR(m.Trust("a"), 13.0 / 15.0, kEps);
  EXPECT_NEAR(m.Trust("b"), 8.0 / 15.0, kEps);
  EXPECT_NEAR(m.Trust("c"), 1.0, kEps);
  EXPECT_NEAR(m.result.residual, 7.0 / 15.0, kEps);
  const double x1 = std::pow(29.0, 1.2);
  const double x2 = std::pow(15.0, 1.2);
  const double y1 = std::pow(13.0, 1.2);
  EXPECT_NEAR(m.Belief("x=1"), x1 / (x1 + x2), kEps);
  EXPECT_NEAR(m.Belief("x=1"), 0.688066, 1e-6);
  EXPECT_NEAR(m.Belief("y=1"), y1 / (y1 + x2), kEps);
  EXPECT_NEAR(m.Belief("y=1"), 0.457175, 1e-6);
  EXPECT_FALSE(m.result.converged);
}

TEST(InvestmentTest, DefaultRunStopsAtThePublishedTwentyIterations) {
  const Scored m = Score(RunInvestment, kG1);
  EXPECT_LE(m.result.iterations, 20);
  EXPECT_EQ(m.result.converged, m.result.residual <= 1e-6);
}

// ------------------------------------------------------------------------------------------------
// PooledInvestment

// G1, from T = 1 and B = 1/2 for every value (uniform over each object's two values).
// Investments and invested amounts as for Investment: a 1/2, b 1, c 1/2; x=1 3/2, others 1/2.
// T(a) = 1/2 * ((1/2)/(3/2) + (1/2)/(1/2)) = 2/3,  T(b) = (1/2)/(3/2) = 1/3,
// T(c) = 1/2 * (1 + 1) = 1;  max 1, so T = (2/3, 1/3, 1); residual 2/3.
// H: x=1 = 1/3 + 1/3 = 2/3, x=2 = 1/2, y=1 = 1/3, y=2 = 1/2. Within an object the pooled B is
// proportional to H^2.4, so belief x=1 = 1 / (1 + (3/4)^2.4) = 0.666064 and
// y=1 = 1 / (1 + (3/2)^2.4) = 0.274260.
TEST(PooledInvestmentTest, OneIterationOnG1ByHand) {
  const Scored m = Score(RunPooledInvestment, kG1, Format::kTriples, /*max_iterations=*/1);
  EXPECT_NEAR(m.Trust("a"), 2.0 / 3.0, kEps);
  EXPECT_NEAR(m.Trust("b"), 1.0 / 3.0, kEps);
  EXPECT_NEAR(m.Trust("c"), 1.0, kEps);
  EXPECT_NEAR(m.result.residual, 2.0 / 3.0, kEps);
  EXPECT_NEAR(m.Belief("x=1"), 1.0 / (1.0 + std::pow(0.75, 2.4)), kEps);
  EXPECT_NEAR(m.Belief("x=1"), 0.666064, 1e-6);
  EXPECT_NEAR(m.Belief("y=1"), 1.0 / (1.0 + std::pow(1.5, 2.4)), kEps);
  EXPECT_NEAR(m.Belief("y=1"), 0.274260, 1e-6);
  EXPECT_EQ(m.result.iterations, 1);
}

// The published fixed count: 10 iterations, never fewer, even when nothing moves.
//   a ──> x=1        one source: T stays 1, every residual is 0
TEST(PooledInvestmentTest, RunsTheFixedCountAndReportsConvergenceHonestly) {
  const Scored still = Score(RunPooledInvestment, "source,object,value\na,x,1\n");
  EXPECT_EQ(still.result.iterations, 10);
  EXPECT_EQ(still.result.residual, 0.0);
  EXPECT_TRUE(still.result.converged);

  const Scored g1 = Score(RunPooledInvestment, kG1);
  EXPECT_EQ(g1.result.iterations, 10);
  EXPECT_GT(g1.result.residual, 0.0);
  EXPECT_FALSE(g1.result.converged);  // default tolerance 0: the last step still moved trust

  const Scored loose = Score(RunPooledInvestment, kG1, Format::kTriples, -1, /*tolerance=*/1.0);
  EXPECT_EQ(loose.result.iterations, 10);  // a tolerance does not stop it early...
  EXPECT_TRUE(loose.result.converged);     // ...it only sets the flag

  const Scored three = Score(RunPooledInvestment, kG1, Format::kTriples, /*max_iterations=*/3);
  EXPECT_EQ(three.result.iterations, 3);
}

// ------------------------------------------------------------------------------------------------
// TruthFinder

// G1 with rho = 0.5, gamma = 0.3, initial trust 0.9, so tau = -ln(0.1) = ln 10 for everyone.
// Iteration 1: sigma: x=1 2 ln 10, x=2 ln 10, y=1 ln 10, y=2 ln 10.
//   sigma*: x=1 = 2 ln 10 - 0.5 ln 10 = 1.5 ln 10, x=2 = ln 10 - 0.5 * 2 ln 10 = 0,
//           y=1 = y=2 = 0.5 ln 10.
//   s = 1 / (1 + e^(-0.3 sigma*)) = 1 / (1 + 10^(-0.3 k)) for sigma* = k ln 10:
//     x=1 1 / (1 + 10^-0.45) = 0.738109, x=2 1/2, y=1 = y=2 = 1 / (1 + 10^-0.15) = 0.585499.
//   t: a = (0.738109 + 0.585499) / 2 = 0.661804, b = 0.738109, c = (0.5 + 0.585499) / 2 =
//      0.542749; residual 0.9 - 0.542749 = 0.357251.
//   beliefs: x=1 = 0.738109 / 1.238109 = 0.596158, y=1 = 1/2: vote counts only, like majority.
// Iteration 2: tau = -ln(1 - t): a 1.084129, b 1.339827, c 0.782524.
//   y=1: sigma* = 1.084129 - 0.5 * 0.782524 = 0.692867, s = 0.551779;
//   y=2: sigma* = 0.782524 - 0.5 * 1.084129 = 0.240459, s = 0.518027;
//   belief y=1 = 0.551779 / (0.551779 + 0.518027) = 0.515775: a, corroborated on x, now wins y.
TEST(TruthFinderTest, TwoIterationsOnG1ByHand) {
  const Scored one = Score(RunTruthFinder, kG1, Format::kTriples, /*max_iterations=*/1);
  const double sx1 = 1.0 / (1.0 + std::pow(10.0, -0.45));
  const double sy = 1.0 / (1.0 + std::pow(10.0, -0.15));
  EXPECT_NEAR(one.Trust("a"), (sx1 + sy) / 2, kEps);
  EXPECT_NEAR(one.Trust("b"), sx1, kEps);
  EXPECT_NEAR(one.Trust("c"), (0.5 + sy) / 2, kEps);
  EXPECT_NEAR(one.Trust("a"), 0.661804, 1e-6);
  EXPECT_NEAR(one.result.residual, 0.9 - (0.5 + sy) / 2, kEps);
  EXPECT_NEAR(one.Belief("x=1"), sx1 / (sx1 + 0.5), kEps);
  EXPECT_NEAR(one.Belief("y=1"), 0.5, kEps);

  const Scored two = Score(RunTruthFinder, kG1, Format::kTriples, /*max_iterations=*/2);
  const double tau_a = -std::log(1 - (sx1 + sy) / 2);
  const double tau_c = -std::log(1 - (0.5 + sy) / 2);
  const double s_y1 = 1.0 / (1.0 + std::exp(-0.3 * (tau_a - 0.5 * tau_c)));
  const double s_y2 = 1.0 / (1.0 + std::exp(-0.3 * (tau_c - 0.5 * tau_a)));
  EXPECT_NEAR(two.Belief("y=1"), s_y1 / (s_y1 + s_y2), kEps);
  EXPECT_NEAR(two.Belief("y=1"), 0.515775, 1e-6);
  EXPECT_EQ(two.result.iterations, 2);
}

// The published rule (1 - cos(t, t_previous) < 0.001) stops after one or two iterations on larger
// data; after one, beliefs are still vote counts. Credence's rule (max change <= 1e-6) keeps going
// to the fixed point, where a's trust decides y.
TEST(TruthFinderTest, DefaultRunDoesNotStopAtMajorityVote) {
  const Scored m = Score(RunTruthFinder, kG1);
  EXPECT_GT(m.result.iterations, 2);
  EXPECT_LT(m.result.iterations, 100);
  EXPECT_TRUE(m.result.converged);
  EXPECT_LE(m.result.residual, 1e-6);
  EXPECT_GT(m.Belief("y=1"), 0.505);  // majority vote: exactly 1/2
  EXPECT_GT(m.Trust("a"), m.Trust("c"));
}

// A claim outside a group is a binary object whose deniers observe "claim false", and imp = -1
// between the two values: the same numbers as a group of two values.
TEST(TruthFinderTest, DenialsCountAgainstAClaimLikeAnAlternative) {
  const Scored grouped = Score(RunTruthFinder, kG1);
  const Scored binary = Score(RunTruthFinder, R"(source,claim,stance
a,x,supports
b,x,supports
c,x,denies
a,y,supports
c,y,denies
)",
                              Format::kStances);
  EXPECT_NEAR(binary.Belief("x"), grouped.Belief("x=1"), 1e-12);
  EXPECT_NEAR(binary.Belief("y"), grouped.Belief("y=1"), 1e-12);
  for (const char* s : {"a", "b", "c"}) EXPECT_NEAR(binary.Trust(s), grouped.Trust(s), 1e-12);
  EXPECT_EQ(binary.result.iterations, grouped.result.iterations);
}

// ------------------------------------------------------------------------------------------------
// Cosine

// G1. Facts: x=1, x=2, y=1, y=2; each observation of an object asserts its value and denies the
// object's other value. T starts at 1 for everyone, so theta starts as the signed vote share:
//   theta(x=1) = (2 - 1) / 3 = 1/3, theta(x=2) = -1/3, theta(y=1) = theta(y=2) = 0.
// Iteration 1: a states +x=1 -x=2 +y=1 -y=2: sum = 1/3 + 1/3 + 0 + 0 = 2/3 over 4 statements
//   with sum of theta^2 = 2/9, cosine = (2/3) / sqrt(4 * 2/9) = 1/sqrt 2; T(a) = 0.8 + 0.2 / sqrt
//   2 = 0.941421. b: 2/3 / sqrt(2 * 2/9) = 1, T(b) = 1. c: -1/sqrt 2, T(c) = 0.658579.
//   Reported trust (1 + T) / 2: a 0.970711, b 1, c 0.829289; residual (1 - 0.658579) / 2 =
//   0.170711.
//   New theta from T^3 (all T > 0): theta(y=1) = (a^3 - c^3) / (a^3 + c^3), and a claim's belief
//   in a two-value object is (1 + theta) / 2, so belief y=1 = a^3 / (a^3 + c^3) = 0.744962 and
//   x=1 = (a^3 + b^3) / (a^3 + b^3 + c^3) = 0.865263.
TEST(CosineTest, OneIterationOnG1ByHand) {
  const Scored m = Score(RunCosine, kG1, Format::kTriples, /*max_iterations=*/1);
  const double ta = 0.8 + 0.2 / std::sqrt(2.0);
  const double tc = 0.8 - 0.2 / std::sqrt(2.0);
  EXPECT_NEAR(m.Trust("a"), (1 + ta) / 2, kEps);
  EXPECT_NEAR(m.Trust("a"), 0.970711, 1e-6);
  EXPECT_NEAR(m.Trust("b"), 1.0, kEps);
  EXPECT_NEAR(m.Trust("c"), (1 + tc) / 2, kEps);
  EXPECT_NEAR(m.result.residual, (1 - tc) / 2, kEps);
  const double a3 = ta * ta * ta;
  const double c3 = tc * tc * tc;
  EXPECT_NEAR(m.Belief("y=1"), a3 / (a3 + c3), kEps);
  EXPECT_NEAR(m.Belief("y=1"), 0.744962, 1e-6);
  EXPECT_NEAR(m.Belief("x=1"), (a3 + 1) / (a3 + 1 + c3), kEps);
  EXPECT_NEAR(m.Belief("x=2"), c3 / (a3 + 1 + c3), kEps);
}

// Denials are native: a source observing "claim false" denies the claim, exactly as a source
// observing the other value of a two-value group does.
TEST(CosineTest, DenialsOfBinaryClaimsMatchTwoValueGroups) {
  const Scored grouped = Score(RunCosine, kG1);
  const Scored binary = Score(RunCosine, R"(source,claim,stance
a,x,supports
b,x,supports
c,x,denies
a,y,supports
c,y,denies
)",
                              Format::kStances);
  EXPECT_NEAR(binary.Belief("x"), grouped.Belief("x=1"), 1e-12);
  EXPECT_NEAR(binary.Belief("y"), grouped.Belief("y=1"), 1e-12);
  for (const char* s : {"a", "b", "c"}) EXPECT_NEAR(binary.Trust(s), grouped.Trust(s), 1e-12);
  EXPECT_TRUE(grouped.result.converged);
}

//   a ──> x1 ┐
//   b ──> x2 ├ group x          c is neutral on x3: nobody observes x3
//         x3 ┘
// Every observation of x denies the values it does not name, so theta(x3) = (0 - 2) / 2 = -1
// and theta(x1) = theta(x2) = (2 - 2) / 2 = 0. Iteration 1: a states +x1 -x2 -x3:
// (0 - 0 + 1) / sqrt(3 * 1) = 1/sqrt 3, T(a) = 0.8 + 0.2/sqrt 3 = 0.915470 (b the same); c
// states nothing, cosine 0, T(c) = 0.8 * 0 = 0, trust 1/2. Beliefs: scores (1 + theta) / 2 =
// (1/2, 1/2, 0), so x1 = x2 = 1/2 and x3 = 0.
TEST(CosineTest, ObservingOneValueOfAGroupDeniesTheOthers) {
  const Scored m = Score(RunCosine, R"(source,claim,stance,group
a,x1,supports,x
b,x2,supports,x
c,x3,neutral,x
)",
                         Format::kStances, /*max_iterations=*/1);
  const double t = 0.8 + 0.2 / std::sqrt(3.0);
  EXPECT_NEAR(m.Trust("a"), (1 + t) / 2, kEps);
  EXPECT_NEAR(m.Trust("b"), (1 + t) / 2, kEps);
  EXPECT_NEAR(m.Trust("c"), 0.5, kEps);
  EXPECT_NEAR(m.Belief("x1"), 0.5, kEps);
  EXPECT_NEAR(m.Belief("x2"), 0.5, kEps);
  EXPECT_NEAR(m.Belief("x3"), 0.0, kEps);
  EXPECT_NEAR(m.result.residual, (1 - t) / 2, kEps);
}

// ------------------------------------------------------------------------------------------------
// Options and the registry

struct Named {
  const char* name;
  Runner run;
  Algorithm algorithm;
};

const std::vector<Named>& Ours() {
  static const std::vector<Named> kOurs = {
      {"majority", RunMajority, Algorithm::kMajority},
      {"sums", RunSums, Algorithm::kSums},
      {"average-log", RunAverageLog, Algorithm::kAverageLog},
      {"investment", RunInvestment, Algorithm::kInvestment},
      {"pooled-investment", RunPooledInvestment, Algorithm::kPooledInvestment},
      {"truthfinder", RunTruthFinder, Algorithm::kTruthFinder},
      {"cosine", RunCosine, Algorithm::kCosine},
  };
  return kOurs;
}

TEST(ClassicOptionsTest, EveryAlgorithmRejectsOutOfRangeOptions) {
  const Dataset data = Parse(kG1, Format::kTriples);
  const graph::CategoricalView view = ViewOf(data);
  for (const Named& algo : Ours()) {
    SCOPED_TRACE(algo.name);
    ClassicOptions zero;
    zero.max_iterations = 0;
    EXPECT_THAT([&] { algo.run(view, zero); },
                ThrowsMessage<InvalidArgumentError>(
                    HasSubstr("ClassicOptions.max_iterations must be at least 1")));
    ClassicOptions nan;
    nan.tolerance = std::numeric_limits<double>::quiet_NaN();
    EXPECT_THAT([&] { algo.run(view, nan); }, ThrowsMessage<InvalidArgumentError>(HasSubstr(
                                                  "ClassicOptions.tolerance must be a number")));
    ClassicOptions threads;
    threads.threads = -2;
    EXPECT_THAT([&] { algo.run(view, threads); },
                ThrowsMessage<InvalidArgumentError>(
                    HasSubstr("ClassicOptions.threads must be in [0, inf), got -2")));
  }
}

// RunAlgorithm builds the view itself, names the result and honours --max-iterations.
TEST(ClassicOptionsTest, RunAlgorithmNamesTheResultAndHonoursTheIterationCap) {
  const Dataset data = Parse(kG1, Format::kTriples);
  const graph::ClaimGraph graph(data);
  const graph::EvidenceSnapshot snap = graph::FreezeEvidence(data, graph);
  for (const Named& algo : Ours()) {
    SCOPED_TRACE(algo.name);
    EXPECT_EQ(ParseAlgorithm(algo.name), algo.algorithm);
    RunOptions options;
    options.classic.max_iterations = 1;
    const ScoringResult result = RunAlgorithm(algo.algorithm, data, snap, options);
    EXPECT_EQ(result.algorithm, algo.name);
    EXPECT_EQ(result.iterations, 1);
    EXPECT_EQ(result.belief.size(), data.claims.size());
    EXPECT_EQ(result.trust.size(), data.sources.size());
  }
}

TEST(ClassicOptionsTest, EmptyViewGivesEmptyResults) {
  graph::CategoricalView view;
  view.object_offsets = {0};
  view.value_offsets = {0};
  view.source_offsets = {0};
  for (const Named& algo : Ours()) {
    SCOPED_TRACE(algo.name);
    const ScoringResult result = algo.run(view, {});
    EXPECT_TRUE(result.belief.empty());
    EXPECT_TRUE(result.trust.empty());
    EXPECT_TRUE(result.converged);
  }
}

// ------------------------------------------------------------------------------------------------
// Properties over seeded random datasets: relabelling sources and claims permutes the result and
// changes nothing else; beliefs and trusts are in [0, 1]; 1 and 2 threads give identical results.

class ClassicProperty
    : public testing::TestWithParam<std::tuple<std::size_t, std::uint64_t>> {  // algorithm, seed
 protected:
  const Named& Algo() const { return Ours()[std::get<0>(GetParam())]; }
  std::uint64_t Seed() const { return std::get<1>(GetParam()); }

  std::string Text() const {
    testutil::RandomDatasetOptions o;
    o.seed = Seed();
    o.claims = 40;
    o.stances = 260;
    o.p_grouped = 0.4;
    return testutil::RandomJsonlDataset(o);
  }
};

TEST_P(ClassicProperty, RelabellingPermutesTheResult) {
  const std::string text = Text();
  std::map<std::string, std::string> renamed;
  const std::string relabelled = testutil::RelabelIds(text, Seed() + 1000, &renamed);
  const Scored a = Score(Algo().run, text, Format::kJsonl);
  const Scored b = Score(Algo().run, relabelled, Format::kJsonl);
  ASSERT_EQ(a.data.claims.size(), b.data.claims.size());
  ASSERT_EQ(a.data.sources.size(), b.data.sources.size());
  ASSERT_GT(a.view.num_observations(), 0u);
  EXPECT_EQ(a.view.num_observations(), b.view.num_observations());
  bool reordered = false;
  for (Index c = 0; c < a.data.claims.size(); ++c) {
    const std::string& id = a.data.claims[c].id;
    const Index d = b.data.FindClaim(renamed.at(id));
    reordered |= d != c;
    EXPECT_NEAR(a.result.belief[c], b.result.belief.at(d), 1e-9) << id;
  }
  for (Index s = 0; s < a.data.sources.size(); ++s) {
    const std::string& id = a.data.sources[s].id;
    const Index d = b.data.FindSource(renamed.at(id));
    reordered |= d != s;
    EXPECT_NEAR(a.result.trust[s], b.result.trust.at(d), 1e-9) << id;
  }
  EXPECT_TRUE(reordered);
  EXPECT_EQ(a.result.iterations, b.result.iterations);
  EXPECT_EQ(a.result.converged, b.result.converged);
  EXPECT_NEAR(a.result.residual, b.result.residual, 1e-9);
}

TEST_P(ClassicProperty, BeliefsAndTrustsAreProbabilities) {
  const Scored m = Score(Algo().run, Text(), Format::kJsonl);
  ASSERT_EQ(m.result.belief.size(), m.data.claims.size());
  ASSERT_EQ(m.result.trust.size(), m.data.sources.size());
  for (double b : m.result.belief) {
    EXPECT_TRUE(b >= 0.0 && b <= 1.0) << b;
  }
  for (double t : m.result.trust) {
    EXPECT_TRUE(t >= 0.0 && t <= 1.0) << t;
  }
  // A group's beliefs are shares of one total: they sum to 1.
  std::vector<double> group_sum(m.data.groups.size(), 0.0);
  for (Index c = 0; c < m.data.claims.size(); ++c) {
    if (m.data.claims[c].group != kNone) group_sum[m.data.claims[c].group] += m.result.belief[c];
  }
  for (double sum : group_sum) EXPECT_NEAR(sum, 1.0, 1e-9);
  const AlgorithmInfo& info = InfoOf(Algo().algorithm);
  EXPECT_GE(m.result.iterations, 1);
  EXPECT_LE(m.result.iterations, info.default_max_iterations);
  EXPECT_GE(m.result.residual, 0.0);
  EXPECT_EQ(m.result.converged, m.result.residual <= info.default_tolerance);
}

TEST_P(ClassicProperty, ThreadCountChangesNothing) {
  const std::string text = Text();
  const Scored one = Score(Algo().run, text, Format::kJsonl, -1, -1.0, /*threads=*/1);
  const Scored two = Score(Algo().run, text, Format::kJsonl, -1, -1.0, /*threads=*/2);
  EXPECT_EQ(one.result.belief, two.result.belief);
  EXPECT_EQ(one.result.trust, two.result.trust);
  EXPECT_EQ(one.result.iterations, two.result.iterations);
  EXPECT_EQ(one.result.residual, two.result.residual);
  EXPECT_EQ(one.result.converged, two.result.converged);
}

// The iteration cap and the tolerance override the defaults.
TEST_P(ClassicProperty, OverridesTakeEffect) {
  const std::string text = Text();
  const Scored capped = Score(Algo().run, text, Format::kJsonl, /*max_iterations=*/2, 0.0);
  EXPECT_EQ(capped.result.iterations, Algo().algorithm == Algorithm::kMajority ? 1 : 2);
  const Scored loose = Score(Algo().run, text, Format::kJsonl, /*max_iterations=*/50, 1e9);
  EXPECT_TRUE(loose.result.converged);
  // Only PooledInvestment keeps going after its tolerance is met (a fixed count).
  const int expected = Algo().algorithm == Algorithm::kPooledInvestment ? 50 : 1;
  EXPECT_EQ(loose.result.iterations, expected);
}

std::string PropertyName(
    const testing::TestParamInfo<std::tuple<std::size_t, std::uint64_t>>& info) {
  std::string name = Ours()[std::get<0>(info.param)].name;
  std::replace(name.begin(), name.end(), '-', '_');
  return fmt::format("{}_seed{}", name, std::get<1>(info.param));
}

INSTANTIATE_TEST_SUITE_P(Seeds, ClassicProperty,
                         testing::Combine(testing::Range<std::size_t>(0, 7),
                                          testing::Values(1u, 7u, 42u, 2024u)),
                         PropertyName);

}  // namespace
}  // namespace credence::scoring
