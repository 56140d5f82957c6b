// Hand-worked tests of the generative models among the classic truth-discovery algorithms
// (include/credence/scoring/classic.hpp): the Latent Truth Model (Zhao et al. 2012, collapsed
// Gibbs sampling) and Dawid & Skene (1979, EM), each also checked against a direct transcription
// where one is short. docs/algorithms.md has their equations.
//
// Notation: a stances CSV claim outside any group is a binary object {claim true, claim false};
// "a+ x" means source a supports x (observes "x true"), "c- x" that c denies it (observes
// "x false"). In triples CSV each object is a group and "p: o1=A" means p gives o1 the value A.

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
// LTM

// One sweep of the sampler on
//
//   a+ x   b- x        one fact x; a claims it (o = 1), b covers it without claiming it (o = 0)
//
// With x's own claims taken out every count is 0, so whatever the starting truth
//   p(t = 1) = 10 * (50/100) * (50/100) = 2.5,
//   p(t = 0) = 10 * (10/1010) * (1000/1010) = 0.0980296...,
//   P(t = 1) = 2.5 / 2.5980296 = 0.962268: false positives are rare under alpha_0 = (10, 1000),
// so one assertion outweighs one denial. A single sweep keeps one sample (belief 0 or 1); over
// 4000 seeds its mean estimates P(t = 1) (standard error 0.003).
TEST(LtmTest, OneSweepSamplesTheCollapsedConditional) {
  const graph::CategoricalView view =
      ViewOf("source,claim,stance\na,x,supports\nb,x,denies\n", Format::kStances);
  const double expected = 2.5 / (2.5 + 10.0 * (10.0 / 1010.0) * (1000.0 / 1010.0));
  EXPECT_NEAR(expected, 0.962268, 1e-6);
  double sum = 0.0;
  constexpr int kRuns = 4000;
  for (int seed = 0; seed < kRuns; ++seed) {
    ClassicOptions options;
    options.max_iterations = 1;
    options.seed = static_cast<std::uint64_t>(seed);
    const ScoringResult r = RunLtm(view, options);
    ASSERT_TRUE(r.belief[0] == 0.0 || r.belief[0] == 1.0) << r.belief[0];
    sum += r.belief[0];
  }
  EXPECT_NEAR(sum / kRuns, expected, 0.012);
}

// Unanimous assertions: p(t = 1) / p(t = 0) = (0.5 / (10/1010))^3 > 10^5 at every step.
//   a+ x  b+ x  c+ x        and trust = posterior mean sensitivity (n11 + 50) / (n11 + n10 + 100)
TEST(LtmTest, UnanimousAssertionsAreTrue) {
  const auto m = ScoreAlgorithm(Algorithm::kLtm,
                                "source,claim,stance\na,x,supports\nb,x,supports\n"
                                "c,x,supports\n",
                                Format::kStances);
  EXPECT_GT(m->Belief("x"), 0.9);
  EXPECT_EQ(m->result.iterations, 50);
  // x is true in every kept sweep, so n11 = 1, n10 = 0 for each source: 51 / 101.
  EXPECT_NEAR(m->Trust("a"), 51.0 / 101.0, kEps);
  EXPECT_EQ(m->result.algorithm, "ltm");
}

// A clear case, whatever the seed: x asserted by four sources, y denied by four (p(t_y = 1) is
// about 0.06 at each step, so its posterior mean stays small).
const char* const kClearStances = R"(source,claim,stance
a,x,supports
b,x,supports
c,x,supports
d,x,supports
a,y,denies
b,y,denies
c,y,denies
d,y,denies
)";

TEST(LtmTest, SameSeedSameResultAndSeedsAgreeOnAClearCase) {
  ClassicOptions k = Classic();
  k.seed = 7;
  const auto a = ScoreAlgorithm(Algorithm::kLtm, kClearStances, Format::kStances, k);
  const auto b = ScoreAlgorithm(Algorithm::kLtm, kClearStances, Format::kStances, k);
  EXPECT_EQ(a->result.belief, b->result.belief);
  EXPECT_EQ(a->result.trust, b->result.trust);
  EXPECT_EQ(a->result.residual, b->result.residual);
  for (std::uint64_t seed : {1u, 2u, 3u, 99u, 12345u}) {
    k.seed = seed;
    const auto c = ScoreAlgorithm(Algorithm::kLtm, kClearStances, Format::kStances, k);
    EXPECT_GT(c->Belief("x"), 0.9) << seed;
    EXPECT_LT(c->Belief("y"), 0.3) << seed;
    EXPECT_NEAR(c->Belief("x"), a->Belief("x"), 0.1) << seed;
    EXPECT_NEAR(c->Belief("y"), a->Belief("y"), 0.25) << seed;
  }
}

// A direct transcription of the collapsed Gibbs sampler (every claim's factor recomputed from the
// counts at every step) drawing the same random numbers as RunLtm: the two must agree exactly,
// which checks RunLtm's per-object sums of the o = 0 factors.
std::vector<double> NaiveLtm(const graph::CategoricalView& view, int sweeps, std::uint64_t seed) {
  const double alpha[2][2] = {{1000.0, 10.0}, {50.0, 50.0}};
  const double beta[2] = {10.0, 10.0};
  const std::size_t num_values = view.num_values();
  // claims[f] = (source, o) for every source covering f's object.
  std::vector<std::vector<std::pair<Index, int>>> claims(num_values);
  for (std::size_t obj = 0; obj < view.num_objects(); ++obj) {
    std::vector<Index> cover;
    for (Index v = view.object_offsets[obj]; v < view.object_offsets[obj + 1]; ++v) {
      for (Index k = view.value_offsets[v]; k < view.value_offsets[v + 1]; ++k) {
        cover.push_back(view.value_sources[k]);
      }
    }
    std::sort(cover.begin(), cover.end());
    cover.erase(std::unique(cover.begin(), cover.end()), cover.end());
    for (Index f = view.object_offsets[obj]; f < view.object_offsets[obj + 1]; ++f) {
      if (view.value_sign[f] < 0) continue;
      for (Index s : cover) {
        const auto first = view.value_sources.begin() + view.value_offsets[f];
        const auto last = view.value_sources.begin() + view.value_offsets[f + 1];
        claims[f].emplace_back(s, std::binary_search(first, last, s) ? 1 : 0);
      }
    }
  }
  std::mt19937_64 rng(seed);
  std::vector<int> truth(num_values, 0);
  std::vector<std::array<double, 4>> n(view.num_sources, {0, 0, 0, 0});
  for (std::size_t f = 0; f < num_values; ++f) {
    if (claims[f].empty()) continue;
    truth[f] = static_cast<int>(rng() >> 63);
    for (auto [s, o] : claims[f]) n[s][2 * truth[f] + o] += 1;
  }
  const int burn_in = sweeps / 5;
  std::vector<double> sum(num_values, 0.0);
  int kept = 0;
  for (int sweep = 1; sweep <= sweeps; ++sweep) {
    for (std::size_t f = 0; f < num_values; ++f) {
      if (claims[f].empty()) continue;
      double score[2];
      for (int i = 0; i < 2; ++i) {
        const double own = i == truth[f] ? 1.0 : 0.0;
        score[i] = std::log(beta[i]);
        for (auto [s, o] : claims[f]) {
          score[i] += std::log(n[s][2 * i + o] - own + alpha[i][o]) -
                      std::log(n[s][2 * i] + n[s][2 * i + 1] - own + alpha[i][0] + alpha[i][1]);
        }
      }
      const double p = 1.0 / (1.0 + std::exp(score[0] - score[1]));
      const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
      const int next = u < p ? 1 : 0;
      if (next == truth[f]) continue;
      for (auto [s, o] : claims[f]) {
        n[s][2 * truth[f] + o] -= 1;
        n[s][2 * next + o] += 1;
      }
      truth[f] = next;
    }
    if (sweep > burn_in && (sweeps - sweep) % 2 == 0) {
      for (std::size_t f = 0; f < num_values; ++f) sum[f] += truth[f];
      ++kept;
    }
  }
  std::vector<double> belief(view.num_claims, 0.5);
  for (Index c = 0; c < view.num_claims; ++c) {
    const Index f = view.claim_value[c];
    if (!claims[f].empty()) belief[c] = sum[f] / kept;
  }
  return belief;
}

TEST(LtmTest, MatchesADirectTranscriptionOfTheSampler) {
  for (std::uint64_t seed : {1u, 5u, 9u}) {
    testutil::RandomDatasetOptions o;
    o.seed = seed;
    o.claims = 40;
    o.stances = 260;
    o.p_grouped = 0.5;
    const graph::CategoricalView view = ViewOf(testutil::RandomJsonlDataset(o), Format::kJsonl);
    ClassicOptions options;
    options.seed = seed * 31;
    const ScoringResult fast = RunLtm(view, options);
    const std::vector<double> slow = NaiveLtm(view, 50, seed * 31);
    ASSERT_EQ(fast.belief.size(), slow.size());
    for (std::size_t c = 0; c < slow.size(); ++c) {
      EXPECT_DOUBLE_EQ(fast.belief[c], slow[c]) << "seed " << seed << " claim " << c;
    }
  }
}

// ------------------------------------------------------------------------------------------------
// Dawid-Skene

// One-coin model on groups, one iteration (M-step from the vote shares, then E-step):
//
//   p: o1=A  o2=C  o3=E        o1 = {A, B}, o2 = {C, D}, o3 = {E, F, G}
//   q: o1=A  o2=D  o3=E
//   r: o1=B  o2=D  o3=F
//   s:             o3=G
//
// Vote shares: A 2/3, B 1/3; C 1/3, D 2/3; E 1/2, F 1/4, G 1/4.
// M-step: a(p) = (2/3 + 1/3 + 1/2) / 3 = 1/2, a(q) = (2/3 + 2/3 + 1/2) / 3 = 11/18,
//         a(r) = (1/3 + 2/3 + 1/4) / 3 = 5/12, a(s) = 1/4.
// E-step on o1 (k = 2: a wrong answer has probability 1 - a):
//   A: a(p) a(q) (1 - a(r)) = 1/2 * 11/18 * 7/12 = 77/432;  B: 1/2 * 7/18 * 5/12 = 35/432;
//   q(A) = 77/112 = 11/16.
// E-step on o2: C: 1/2 * 7/18 * 7/12 = 49/432, D: 1/2 * 11/18 * 5/12 = 55/432; q(C) = 49/104.
// E-step on o3 (k = 3: each wrong value has probability (1 - a)/2):
//   E: a(p) a(q) (1 - a(r))/2 (1 - a(s))/2 = 1/2 * 11/18 * 7/24 * 3/8 = 462/13824
//   F: (1 - a(p))/2 (1 - a(q))/2 a(r) (1 - a(s))/2 = 1/4 * 7/36 * 5/12 * 3/8 = 105/13824
//   G: 1/4 * 7/36 * 7/24 * a(s) = 1/4 * 7/36 * 7/24 * 1/4 = 49/13824
//   q(E) = 462/616 = 3/4, q(F) = 105/616 = 15/88, q(G) = 49/616 = 7/88.
// Residual: the largest move from the vote shares, q(E): 1/2 -> 3/4.
TEST(DawidSkeneTest, OneCoinModelOnGroupsByHand) {
  const auto m = ScoreAlgorithm(Algorithm::kDawidSkene, R"(source,object,value
p,o1,A
q,o1,A
r,o1,B
p,o2,C
q,o2,D
r,o2,D
p,o3,E
q,o3,E
r,o3,F
s,o3,G
)",
                                Format::kTriples, Classic(1));
  EXPECT_NEAR(m->Belief("o1=A"), 11.0 / 16.0, kEps);
  EXPECT_NEAR(m->Belief("o1=B"), 5.0 / 16.0, kEps);
  EXPECT_NEAR(m->Belief("o2=C"), 49.0 / 104.0, kEps);
  EXPECT_NEAR(m->Belief("o3=E"), 0.75, kEps);
  EXPECT_NEAR(m->Belief("o3=F"), 15.0 / 88.0, kEps);
  EXPECT_NEAR(m->Belief("o3=G"), 7.0 / 88.0, kEps);
  // Trust: the mean posterior of the values a source gives.
  EXPECT_NEAR(m->Trust("p"), (11.0 / 16.0 + 49.0 / 104.0 + 0.75) / 3.0, kEps);
  EXPECT_NEAR(m->Trust("s"), 7.0 / 88.0, kEps);
  EXPECT_EQ(m->result.iterations, 1);
  EXPECT_NEAR(m->result.residual, 0.25, kEps);
}

// Binary objects, one iteration:
//
//   x: a+ b+ c-     y: a+ b- c+     z: a- b+ c+     w: a+ b+ c+
//
// Vote shares q(true): x = y = z = 2/3, w = 1. Prior p = (3 * 2/3 + 1) / 4 = 3/4.
// Each source answers "true" on two 2/3-objects and on w and "false" on one 2/3-object:
//   sensitivity = (2/3 + 2/3 + 1) / (2/3 * 3 + 1) = 7/9,
//   specificity = (1/3) / (1/3 * 3 + 0) = 1/3.
// E-step on x: true: 3/4 * 7/9 * 7/9 * (1 - 7/9) = 49/486; false: 1/4 * (2/3)(2/3)(1/3) = 1/27
//   = 18/486; q(x) = 49/67.
// On w: true: 3/4 (7/9)^3 = 1029/2916; false: 1/4 (2/3)^3 = 216/2916; q(w) = 1029/1245 = 343/415
// (the low specificity makes unanimous "true" answers weaker evidence).
TEST(DawidSkeneTest, ConfusionMatricesOnBinaryClaimsByHand) {
  const auto m = ScoreAlgorithm(Algorithm::kDawidSkene, R"(source,claim,stance
a,x,supports
b,x,supports
c,x,denies
a,y,supports
b,y,denies
c,y,supports
a,z,denies
b,z,supports
c,z,supports
a,w,supports
b,w,supports
c,w,supports
)",
                                Format::kStances, Classic(1));
  EXPECT_NEAR(m->Belief("x"), 49.0 / 67.0, kEps);
  EXPECT_NEAR(m->Belief("y"), 49.0 / 67.0, kEps);
  EXPECT_NEAR(m->Belief("w"), 343.0 / 415.0, kEps);
  // a: right on x, y (49/67 each), on z with q(false) = 18/67, on w with 343/415.
  EXPECT_NEAR(m->Trust("a"), (2 * 49.0 / 67.0 + 18.0 / 67.0 + 343.0 / 415.0) / 4.0, kEps);
  EXPECT_EQ(m->result.algorithm, "dawid-skene");
}

TEST(DawidSkeneTest, ConvergesOnAClearCase) {
  const auto m = ScoreAlgorithm(Algorithm::kDawidSkene, kClearStances, Format::kStances);
  EXPECT_TRUE(m->result.converged);
  EXPECT_LT(m->result.iterations, 100);
  EXPECT_LE(m->result.residual, 1e-5);
  EXPECT_GT(m->Belief("x"), 0.99);
  EXPECT_LT(m->Belief("y"), 0.01);
}

}  // namespace
}  // namespace credence::scoring
