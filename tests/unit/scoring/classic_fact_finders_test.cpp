// Hand-worked tests of the fact-finders among the classic truth-discovery algorithms
// (include/credence/scoring/classic.hpp): majority vote, Sums, Average.Log, Investment and
// PooledInvestment (Pasternack & Roth 2010) and TruthFinder (Yin, Han & Yu 2007).
// docs/algorithms.md has their equations; the numbers below are worked out by hand from them, most
// on the graph G1 of testutil/scoring.hpp.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/graph/categorical.hpp"
#include "credence/scoring/algorithms.hpp"
#include "credence/scoring/classic.hpp"
#include "testutil/random_dataset.hpp"
#include "testutil/scoring.hpp"

namespace credence::scoring {
namespace {

using testutil::Classic;
using testutil::Format;
using testutil::kG1;
using testutil::ScoreAlgorithm;
using testutil::ScoreClassic;
using testutil::ViewOf;

constexpr double kEps = 1e-12;

// ------------------------------------------------------------------------------------------------
// Majority

// G1: x=1 has 2 of the 3 votes on x, y=1 1 of 2. Every source has trust 1.
TEST(MajorityTest, SharesOfTheVotesOnG1) {
  const auto m = ScoreClassic(RunMajority, kG1);
  EXPECT_NEAR(m->Belief("x=1"), 2.0 / 3.0, kEps);
  EXPECT_NEAR(m->Belief("x=2"), 1.0 / 3.0, kEps);
  EXPECT_NEAR(m->Belief("y=1"), 0.5, kEps);
  EXPECT_NEAR(m->Belief("y=2"), 0.5, kEps);
  for (const char* s : {"a", "b", "c"}) EXPECT_EQ(m->Trust(s), 1.0);
  EXPECT_EQ(m->result.iterations, 1);
  EXPECT_EQ(m->result.residual, 0.0);
  EXPECT_TRUE(m->result.converged);
}

//   a ──supports──> p <──denies── b, c        p: 1 vote "true", 2 votes "false" -> 1/3
//   a ──neutral───> q                          q: nobody observes it -> 1/2
TEST(MajorityTest, DenialsVoteForClaimFalse) {
  const auto m = ScoreClassic(RunMajority, R"(source,claim,stance
a,p,supports
b,p,denies
c,p,denies
a,q,neutral
)",
                              Format::kStances);
  EXPECT_NEAR(m->Belief("p"), 1.0 / 3.0, kEps);
  EXPECT_NEAR(m->Belief("q"), 0.5, kEps);
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
  const auto one = ScoreClassic(RunSums, kG1, Format::kTriples, Classic(/*max_iterations=*/1));
  EXPECT_NEAR(one->Trust("a"), 1.0, kEps);
  EXPECT_NEAR(one->Trust("b"), 0.5, kEps);
  EXPECT_NEAR(one->Trust("c"), 1.0, kEps);
  EXPECT_NEAR(one->Belief("x=1"), 0.6, kEps);
  EXPECT_NEAR(one->Belief("x=2"), 0.4, kEps);
  EXPECT_NEAR(one->Belief("y=1"), 0.5, kEps);
  EXPECT_NEAR(one->result.residual, 0.5, kEps);
  EXPECT_EQ(one->result.iterations, 1);
  EXPECT_FALSE(one->result.converged);

  const auto two = ScoreClassic(RunSums, kG1, Format::kTriples, Classic(/*max_iterations=*/2));
  EXPECT_NEAR(two->Trust("a"), 1.0, kEps);
  EXPECT_NEAR(two->Trust("b"), 0.6, kEps);
  EXPECT_NEAR(two->Trust("c"), 0.8, kEps);
  EXPECT_NEAR(two->Belief("x=1"), 2.0 / 3.0, kEps);
  EXPECT_NEAR(two->Belief("y=1"), 5.0 / 9.0, kEps);
  EXPECT_NEAR(two->Belief("y=2"), 4.0 / 9.0, kEps);
  EXPECT_NEAR(two->result.residual, 0.2, kEps);
  EXPECT_EQ(two->result.iterations, 2);
}

// With the defaults Sums runs to its fixed point (a power iteration) and says so.
TEST(SumsTest, DefaultRunConvergesAndSidesWithTheCorroboratedSource) {
  const auto m = ScoreClassic(RunSums, kG1);
  EXPECT_TRUE(m->result.converged);
  EXPECT_LE(m->result.residual, 1e-6);
  EXPECT_GT(m->result.iterations, 2);
  EXPECT_LT(m->result.iterations, 100);
  EXPECT_GT(m->Belief("y=1"), 0.5);
  EXPECT_NEAR(m->Trust("a"), 1.0, kEps);
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
  const auto m = ScoreClassic(RunAverageLog, R"(source,object,value
a,x,1
a,y,1
a,z,1
b,x,1
b,y,2
c,x,2
c,y,2
)",
                              Format::kTriples, Classic(/*max_iterations=*/1));
  const double r = std::log(2.0) / std::log(3.0);
  EXPECT_NEAR(m->Trust("a"), 1.0, kEps);
  EXPECT_NEAR(m->Trust("b"), r, kEps);
  EXPECT_NEAR(m->Trust("c"), r, kEps);
  EXPECT_NEAR(m->result.residual, 1.0 - r, kEps);
  EXPECT_NEAR(m->Belief("x=1"), (1 + r) / (1 + 2 * r), kEps);
  EXPECT_NEAR(m->Belief("x=1"), 0.721057, 1e-6);
  EXPECT_NEAR(m->Belief("y=1"), 1 / (1 + 2 * r), kEps);
  EXPECT_NEAR(m->Belief("y=2"), 2 * r / (1 + 2 * r), kEps);
  EXPECT_NEAR(m->Belief("z=1"), 1.0, kEps);
}

// G1: b observes one value, so its weight is ln 1 = 0 and its trust 0 (the published rule). Then
// a and c are symmetric: T = (1, 0, 1), every B = 1, every belief 1/2; the second iteration
// changes nothing, so the default run stops there, converged.
TEST(AverageLogTest, SourcesWithOneObservationCountForNothing) {
  const auto m = ScoreClassic(RunAverageLog, kG1);
  EXPECT_NEAR(m->Trust("a"), 1.0, kEps);
  EXPECT_NEAR(m->Trust("b"), 0.0, kEps);
  EXPECT_NEAR(m->Trust("c"), 1.0, kEps);
  EXPECT_NEAR(m->Belief("x=1"), 0.5, kEps);
  EXPECT_NEAR(m->Belief("y=1"), 0.5, kEps);
  EXPECT_EQ(m->result.iterations, 2);
  EXPECT_TRUE(m->result.converged);
  EXPECT_EQ(m->result.residual, 0.0);
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
  const auto m = ScoreClassic(RunInvestment, kG1, Format::kTriples, Classic(/*max_iterations=*/1));
  EXPECT_NEAR(m->Trust("a"), 13.0 / 15.0, kEps);
  EXPECT_NEAR(m->Trust("b"), 8.0 / 15.0, kEps);
  EXPECT_NEAR(m->Trust("c"), 1.0, kEps);
  EXPECT_NEAR(m->result.residual, 7.0 / 15.0, kEps);
  const double x1 = std::pow(29.0, 1.2);
  const double x2 = std::pow(15.0, 1.2);
  const double y1 = std::pow(13.0, 1.2);
  EXPECT_NEAR(m->Belief("x=1"), x1 / (x1 + x2), kEps);
  EXPECT_NEAR(m->Belief("x=1"), 0.688066, 1e-6);
  EXPECT_NEAR(m->Belief("y=1"), y1 / (y1 + x2), kEps);
  EXPECT_NEAR(m->Belief("y=1"), 0.457175, 1e-6);
  EXPECT_FALSE(m->result.converged);
}

TEST(InvestmentTest, DefaultRunStopsAtThePublishedTwentyIterations) {
  const auto m = ScoreClassic(RunInvestment, kG1);
  EXPECT_LE(m->result.iterations, 20);
  EXPECT_EQ(m->result.converged, m->result.residual <= 1e-6);
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
  const auto m =
      ScoreClassic(RunPooledInvestment, kG1, Format::kTriples, Classic(/*max_iterations=*/1));
  EXPECT_NEAR(m->Trust("a"), 2.0 / 3.0, kEps);
  EXPECT_NEAR(m->Trust("b"), 1.0 / 3.0, kEps);
  EXPECT_NEAR(m->Trust("c"), 1.0, kEps);
  EXPECT_NEAR(m->result.residual, 2.0 / 3.0, kEps);
  EXPECT_NEAR(m->Belief("x=1"), 1.0 / (1.0 + std::pow(0.75, 2.4)), kEps);
  EXPECT_NEAR(m->Belief("x=1"), 0.666064, 1e-6);
  EXPECT_NEAR(m->Belief("y=1"), 1.0 / (1.0 + std::pow(1.5, 2.4)), kEps);
  EXPECT_NEAR(m->Belief("y=1"), 0.274260, 1e-6);
  EXPECT_EQ(m->result.iterations, 1);
}

// The published fixed count: 10 iterations, never fewer, even when nothing moves.
//   a ──> x=1        one source: T stays 1, every residual is 0
TEST(PooledInvestmentTest, RunsTheFixedCountAndReportsConvergenceHonestly) {
  const auto still = ScoreClassic(RunPooledInvestment, "source,object,value\na,x,1\n");
  EXPECT_EQ(still->result.iterations, 10);
  EXPECT_EQ(still->result.residual, 0.0);
  EXPECT_TRUE(still->result.converged);

  const auto g1 = ScoreClassic(RunPooledInvestment, kG1);
  EXPECT_EQ(g1->result.iterations, 10);
  EXPECT_GT(g1->result.residual, 0.0);
  EXPECT_FALSE(g1->result.converged);  // default tolerance 0: the last step still moved trust

  const auto loose = ScoreClassic(RunPooledInvestment, kG1, Format::kTriples,
                                  Classic(std::nullopt, /*tolerance=*/1.0));
  EXPECT_EQ(loose->result.iterations, 10);  // a tolerance does not stop it early...
  EXPECT_TRUE(loose->result.converged);     // ...it only sets the flag

  const auto three =
      ScoreClassic(RunPooledInvestment, kG1, Format::kTriples, Classic(/*max_iterations=*/3));
  EXPECT_EQ(three->result.iterations, 3);
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
  const auto one =
      ScoreClassic(RunTruthFinder, kG1, Format::kTriples, Classic(/*max_iterations=*/1));
  const double sx1 = 1.0 / (1.0 + std::pow(10.0, -0.45));
  const double sy = 1.0 / (1.0 + std::pow(10.0, -0.15));
  EXPECT_NEAR(one->Trust("a"), (sx1 + sy) / 2, kEps);
  EXPECT_NEAR(one->Trust("b"), sx1, kEps);
  EXPECT_NEAR(one->Trust("c"), (0.5 + sy) / 2, kEps);
  EXPECT_NEAR(one->Trust("a"), 0.661804, 1e-6);
  EXPECT_NEAR(one->result.residual, 0.9 - (0.5 + sy) / 2, kEps);
  EXPECT_NEAR(one->Belief("x=1"), sx1 / (sx1 + 0.5), kEps);
  EXPECT_NEAR(one->Belief("y=1"), 0.5, kEps);

  const auto two =
      ScoreClassic(RunTruthFinder, kG1, Format::kTriples, Classic(/*max_iterations=*/2));
  const double tau_a = -std::log(1 - (sx1 + sy) / 2);
  const double tau_c = -std::log(1 - (0.5 + sy) / 2);
  const double s_y1 = 1.0 / (1.0 + std::exp(-0.3 * (tau_a - 0.5 * tau_c)));
  const double s_y2 = 1.0 / (1.0 + std::exp(-0.3 * (tau_c - 0.5 * tau_a)));
  EXPECT_NEAR(two->Belief("y=1"), s_y1 / (s_y1 + s_y2), kEps);
  EXPECT_NEAR(two->Belief("y=1"), 0.515775, 1e-6);
  EXPECT_EQ(two->result.iterations, 2);
}

// The published rule (1 - cos(t, t_previous) < 0.001) stops after one or two iterations on larger
// data; after one, beliefs are still vote counts. Credence's rule (max change <= 1e-6) keeps going
// to the fixed point, where a's trust decides y.
TEST(TruthFinderTest, DefaultRunDoesNotStopAtMajorityVote) {
  const auto m = ScoreClassic(RunTruthFinder, kG1);
  EXPECT_GT(m->result.iterations, 2);
  EXPECT_LT(m->result.iterations, 100);
  EXPECT_TRUE(m->result.converged);
  EXPECT_LE(m->result.residual, 1e-6);
  EXPECT_GT(m->Belief("y=1"), 0.505);  // majority vote: exactly 1/2
  EXPECT_GT(m->Trust("a"), m->Trust("c"));
}

// A claim outside a group is a binary object whose deniers observe "claim false", and imp = -1
// between the two values: the same numbers as a group of two values.
TEST(TruthFinderTest, DenialsCountAgainstAClaimLikeAnAlternative) {
  const auto grouped = ScoreClassic(RunTruthFinder, kG1);
  const auto binary = ScoreClassic(RunTruthFinder, R"(source,claim,stance
a,x,supports
b,x,supports
c,x,denies
a,y,supports
c,y,denies
)",
                                   Format::kStances);
  EXPECT_NEAR(binary->Belief("x"), grouped->Belief("x=1"), 1e-12);
  EXPECT_NEAR(binary->Belief("y"), grouped->Belief("y=1"), 1e-12);
  for (const char* s : {"a", "b", "c"}) EXPECT_NEAR(binary->Trust(s), grouped->Trust(s), 1e-12);
  EXPECT_EQ(binary->result.iterations, grouped->result.iterations);
}

}  // namespace
}  // namespace credence::scoring
