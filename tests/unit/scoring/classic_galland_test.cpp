// Hand-worked tests of Galland, Abiteboul, Marian & Senellart's algorithms (WSDM 2010): Cosine,
// 2-Estimates and 3-Estimates (include/credence/scoring/classic.hpp), whose observations assert a
// value and deny the other facts of its object. docs/algorithms.md has their equations; the
// numbers below are worked out by hand from them (fractions where they are exact).
//
// Notation: a stances CSV claim outside any group is a binary object {claim true, claim false};
// "a+ x" means source a supports x (observes "x true"), "c- x" that c denies it (observes
// "x false").

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
  const auto m = ScoreClassic(RunCosine, kG1, Format::kTriples, Classic(/*max_iterations=*/1));
  const double ta = 0.8 + 0.2 / std::sqrt(2.0);
  const double tc = 0.8 - 0.2 / std::sqrt(2.0);
  EXPECT_NEAR(m->Trust("a"), (1 + ta) / 2, kEps);
  EXPECT_NEAR(m->Trust("a"), 0.970711, 1e-6);
  EXPECT_NEAR(m->Trust("b"), 1.0, kEps);
  EXPECT_NEAR(m->Trust("c"), (1 + tc) / 2, kEps);
  EXPECT_NEAR(m->result.residual, (1 - tc) / 2, kEps);
  const double a3 = ta * ta * ta;
  const double c3 = tc * tc * tc;
  EXPECT_NEAR(m->Belief("y=1"), a3 / (a3 + c3), kEps);
  EXPECT_NEAR(m->Belief("y=1"), 0.744962, 1e-6);
  EXPECT_NEAR(m->Belief("x=1"), (a3 + 1) / (a3 + 1 + c3), kEps);
  EXPECT_NEAR(m->Belief("x=2"), c3 / (a3 + 1 + c3), kEps);
}

// Denials are native: a source observing "claim false" denies the claim, exactly as a source
// observing the other value of a two-value group does.
TEST(CosineTest, DenialsOfBinaryClaimsMatchTwoValueGroups) {
  const auto grouped = ScoreClassic(RunCosine, kG1);
  const auto binary = ScoreClassic(RunCosine, R"(source,claim,stance
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
  EXPECT_TRUE(grouped->result.converged);
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
  const auto m = ScoreClassic(RunCosine, R"(source,claim,stance,group
a,x1,supports,x
b,x2,supports,x
c,x3,neutral,x
)",
                              Format::kStances, Classic(/*max_iterations=*/1));
  const double t = 0.8 + 0.2 / std::sqrt(3.0);
  EXPECT_NEAR(m->Trust("a"), (1 + t) / 2, kEps);
  EXPECT_NEAR(m->Trust("b"), (1 + t) / 2, kEps);
  EXPECT_NEAR(m->Trust("c"), 0.5, kEps);
  EXPECT_NEAR(m->Belief("x1"), 0.5, kEps);
  EXPECT_NEAR(m->Belief("x2"), 0.5, kEps);
  EXPECT_NEAR(m->Belief("x3"), 0.0, kEps);
  EXPECT_NEAR(m->result.residual, (1 - t) / 2, kEps);
}

// ------------------------------------------------------------------------------------------------
// 2-Estimates and 3-Estimates
//
//   G2 (stances):   a+ x   b+ x   c- x          x: asserted by a, b; denied by c
//                   a+ y   b+ y   c+ y          y: asserted by everyone
//                          b+ z   c- z          z: asserted by b; denied by c
//
// Facts x, y, z (one binary object each); |F(a)| = 2, |F(b)| = |F(c)| = 3.
// Normalisation N(x) = 1/2 (x - min) / (max - min) + 1/2 round(x), round(1/2) = 1.
const char* const kG2 = R"(source,claim,stance
a,x,supports
b,x,supports
c,x,denies
a,y,supports
b,y,supports
c,y,supports
b,z,supports
c,z,denies
)";

// Iteration 1 (eps = 2/5 for all):
//   theta raw: x = (3/5 + 3/5 + 2/5) / 3 = 8/15, y = 3/5, z = (3/5 + 2/5) / 2 = 1/2.
//   N with min 1/2, max 3/5: x = 1/2 * 1/3 + 1/2 = 2/3, y = 1/2 + 1/2 = 1, z = 0 + 1/2 = 1/2.
//   eps raw: a = (1/3 + 0) / 2 = 1/6, b = (1/3 + 0 + 1/2) / 3 = 5/18,
//            c = (2/3 [denies x] + 0 + 1/2 [denies z]) / 3 = 7/18.
//   N with min 3/18, max 7/18 (all round to 0): a = 0, b = 1/4, c = 1/2.
// Iteration 2:
//   theta raw: x = (1 + 3/4 + 1/2) / 3 = 3/4, y = (1 + 3/4 + 1/2) / 3 = 3/4, z = (3/4 + 1/2) / 2
//   = 5/8; N with min 5/8, max 3/4: x = y = 1/2 + 1/2 = 1, z = 0 + 1/2 = 1/2.
//   eps raw: a = 0, b = (0 + 0 + 1/2) / 3 = 1/6, c = (1 + 0 + 1/2) / 3 = 1/2;
//   N with min 0, max 1/2: a = 0, b = 1/6 (1/3 stretched, rounds to 0), c = 1/2 + 1/2 = 1.
//   Residual: c's eps moved from 1/2 to 1.
TEST(TwoEstimatesTest, TwoIterationsByHand) {
  const auto one = ScoreAlgorithm(Algorithm::kTwoEstimates, kG2, Format::kStances, Classic(1));
  EXPECT_NEAR(one->Belief("x"), 2.0 / 3.0, kEps);
  EXPECT_NEAR(one->Belief("y"), 1.0, kEps);
  EXPECT_NEAR(one->Belief("z"), 0.5, kEps);
  EXPECT_NEAR(one->Trust("a"), 1.0, kEps);
  EXPECT_NEAR(one->Trust("b"), 0.75, kEps);
  EXPECT_NEAR(one->Trust("c"), 0.5, kEps);
  EXPECT_EQ(one->result.iterations, 1);
  EXPECT_FALSE(one->result.converged);
  EXPECT_NEAR(one->result.residual, 0.5, kEps);  // y: 1/2 -> 1, a: 2/5 -> 0 is less

  const auto two = ScoreAlgorithm(Algorithm::kTwoEstimates, kG2, Format::kStances, Classic(2));
  EXPECT_NEAR(two->Belief("x"), 1.0, kEps);
  EXPECT_NEAR(two->Belief("y"), 1.0, kEps);
  EXPECT_NEAR(two->Belief("z"), 0.5, kEps);
  EXPECT_NEAR(two->Trust("a"), 1.0, kEps);
  EXPECT_NEAR(two->Trust("b"), 5.0 / 6.0, kEps);
  EXPECT_NEAR(two->Trust("c"), 0.0, kEps);
  EXPECT_EQ(two->result.iterations, 2);
  EXPECT_NEAR(two->result.residual, 0.5, kEps);
  EXPECT_EQ(two->result.algorithm, "2-estimates");
}

//   G3 (triples):  p: o=A   q: o=A   r: o=B        object o = {o=A, o=B}
//                  p: o2=C  r: o2=C                object o2 = {o2=C}
//
// Each observation of o asserts its value and denies the other: |V(o=A)| = |V(o=B)| = 3,
// |V(o2=C)| = 2; |F(p)| = 2 + 1 = 3, |F(q)| = 2, |F(r)| = 3.
// theta raw: o=A = (3/5 + 3/5 + 2/5) / 3 = 8/15, o=B = (3/5 + 2/5 + 2/5) / 3 = 7/15, o2=C = 3/5;
//   N with min 7/15, max 3/5: o=A = 1/2 * 1/2 + 1/2 = 3/4, o=B = 0, o2=C = 1.
// eps raw: p = (1/4 [asserts A] + 0 [denies B] + 0 [asserts C]) / 3 = 1/12,
//          q = (1/4 + 0) / 2 = 1/8, r = (1 [asserts B] + 3/4 [denies A] + 0) / 3 = 7/12;
//   N with min 1/12, max 7/12: p = 0, q = 1/2 * 1/12 = 1/24, r = 1/2 + 1/2 = 1.
TEST(TwoEstimatesTest, ValuesOfAGroupDenyEachOther) {
  const auto m = ScoreAlgorithm(Algorithm::kTwoEstimates, R"(source,object,value
p,o,A
q,o,A
r,o,B
p,o2,C
r,o2,C
)",
                                Format::kTriples, Classic(1));
  EXPECT_NEAR(m->Belief("o=A"), 0.75, kEps);
  EXPECT_NEAR(m->Belief("o=B"), 0.0, kEps);
  EXPECT_NEAR(m->Belief("o2=C"), 1.0, kEps);
  EXPECT_NEAR(m->Trust("p"), 1.0, kEps);
  EXPECT_NEAR(m->Trust("q"), 23.0 / 24.0, kEps);
  EXPECT_NEAR(m->Trust("r"), 0.0, kEps);
}

// A source that observes nothing (its only stance is neutral) keeps 1 - 0.4; a claim nobody
// takes a side on keeps 1/2. With every eps equal there is nothing to stretch: N(eps) = 1/2 eps.
//   a+ x, b+ x: theta raw x = 3/5, alone: N = 3/10 + 1/2 = 4/5. eps raw = 1/5 for both: N = 1/10.
TEST(TwoEstimatesTest, EqualValuesAreNotStretched) {
  const auto m = ScoreAlgorithm(Algorithm::kTwoEstimates, R"(source,claim,stance
a,x,supports
b,x,supports
n,w,neutral
)",
                                Format::kStances, Classic(1));
  EXPECT_NEAR(m->Belief("x"), 0.8, kEps);
  EXPECT_NEAR(m->Belief("w"), 0.5, kEps);
  EXPECT_NEAR(m->Trust("a"), 0.9, kEps);
  EXPECT_NEAR(m->Trust("n"), 0.6, kEps);
}

// 3-Estimates on G2 (eps = 2/5, phi = 1 at the start, so theta and eps of iteration 1 are those
// of 2-Estimates: theta x = 2/3, y = 1, z = 1/2; eps a = 0, b = 1/4, c = 1/2).
// phi raw = mean over the statements on f of min(1, w / eps(s)), w = 1 - theta(f) for an assertion
// and theta(f) for a denial:
//   x: a (1/3 / 0 -> 1), b (1/3 / 1/4 -> 1), c (2/3 / 1/2 -> 1): 1;   y: w = 0 for all: 0;
//   z: b (1/2 / 1/4 -> 1), c (1/2 / 1/2 = 1): 1.   N: phi x = 1, y = 0, z = 1.
// Iteration 2: theta raw = [sum over asserters of (1 - eps phi) + sum over deniers of eps phi] / n:
//   x = (1 + 3/4 + 1/2) / 3 = 3/4; y = (1 + 1 + 1) / 3 = 1 (phi = 0: nobody errs on y);
//   z = (3/4 + 1/2) / 2 = 5/8. N with min 5/8, max 1: x = 1/2 * 1/3 + 1/2 = 2/3, y = 1, z = 1/2.
// That is iteration 1's theta (2-Estimates had x = 1 here), so eps and phi repeat too: a fixed
// point, residual 0, converged after 2 iterations.
TEST(ThreeEstimatesTest, DifficultyByHand) {
  const auto one = ScoreAlgorithm(Algorithm::kThreeEstimates, kG2, Format::kStances, Classic(1));
  EXPECT_NEAR(one->Belief("x"), 2.0 / 3.0, kEps);
  EXPECT_NEAR(one->Trust("b"), 0.75, kEps);
  EXPECT_FALSE(one->result.converged);

  const auto m = ScoreAlgorithm(Algorithm::kThreeEstimates, kG2, Format::kStances);
  EXPECT_NEAR(m->Belief("x"), 2.0 / 3.0, kEps);
  EXPECT_NEAR(m->Belief("y"), 1.0, kEps);
  EXPECT_NEAR(m->Belief("z"), 0.5, kEps);
  EXPECT_NEAR(m->Trust("a"), 1.0, kEps);
  EXPECT_NEAR(m->Trust("b"), 0.75, kEps);
  EXPECT_NEAR(m->Trust("c"), 0.5, kEps);
  EXPECT_EQ(m->result.iterations, 2);
  EXPECT_TRUE(m->result.converged);
  EXPECT_NEAR(m->result.residual, 0.0, kEps);
  EXPECT_EQ(m->result.algorithm, "3-estimates");
}

}  // namespace
}  // namespace credence::scoring
