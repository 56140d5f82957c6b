// Tests of the second group of classic truth-discovery algorithms (engine/scoring/classic/):
// 2-estimates, 3-estimates, ltm, dawid-skene, crh and accu. docs/algorithms.md has their
// equations; the numbers below are worked out by hand from them (fractions where they are exact).
//
// Notation: a stances CSV claim outside any group is a binary object {claim true, claim false};
// "a+ x" means source a supports x (observes "x true"), "c- x" that c denies it (observes
// "x false"). In triples CSV each object is a group and "p: o1=A" means p gives o1 the value A.

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
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

enum class Format { kTriples, kStances, kJsonl };

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

struct Knobs {
  int max_iterations = -1;
  double tolerance = -1.0;
  int threads = 0;
  std::uint64_t seed = 42;
};

// A dataset scored by one algorithm through RunAlgorithm.
struct Scored {
  Dataset data;
  std::unique_ptr<graph::ClaimGraph> graph;
  graph::EvidenceSnapshot snap;
  ScoringResult result;

  double Belief(std::string_view claim) const {
    const Index c = data.FindClaim(claim);
    EXPECT_NE(c, kNone) << claim;
    return c == kNone ? -1.0 : result.belief.at(c);
  }
  double Trust(std::string_view source) const {
    const Index s = data.FindSource(source);
    EXPECT_NE(s, kNone) << source;
    return s == kNone ? -1.0 : result.trust.at(s);
  }
};

std::unique_ptr<Scored> Score(Algorithm algorithm, const std::string& text, Format format,
                              const Knobs& knobs = {}) {
  auto m = std::make_unique<Scored>();
  m->data = Parse(text, format);
  m->graph = std::make_unique<graph::ClaimGraph>(m->data);
  m->snap = graph::FreezeEvidence(m->data, *m->graph);
  RunOptions options;
  options.classic.max_iterations = knobs.max_iterations;
  options.classic.tolerance = knobs.tolerance;
  options.classic.threads = knobs.threads;
  options.classic.seed = knobs.seed;
  m->result = RunAlgorithm(algorithm, m->data, m->snap, options);
  return m;
}

graph::CategoricalView ViewOf(const std::string& text, Format format) {
  const Dataset data = Parse(text, format);
  const graph::ClaimGraph graph(data);
  const graph::EvidenceSnapshot snap = graph::FreezeEvidence(data, graph);
  return graph::BuildCategoricalView(data, snap);
}

Knobs Iterations(int n) {
  Knobs k;
  k.max_iterations = n;
  return k;
}

// A random triples dataset (12 sources of accuracy 0.5 to 0.95, 30 objects, values v0 = the truth
// and v1..v3) written twice: with the plain names, and with every source, object and value name
// prefixed by its place in a seeded permutation. `renamed` maps plain to prefixed names, and
// plain claim ids "o3=v1" to prefixed ones.
void RandomTriples(std::uint64_t seed, std::string* plain, std::string* relabelled,
                   std::map<std::string, std::string>* renamed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  constexpr int kSources = 12;
  constexpr int kObjects = 30;
  std::vector<std::string> names;
  for (int s = 0; s < kSources; ++s) names.push_back(fmt::format("s{}", s));
  for (int o = 0; o < kObjects; ++o) names.push_back(fmt::format("o{}", o));
  for (int v = 0; v < 4; ++v) names.push_back(fmt::format("v{}", v));
  std::vector<std::size_t> order(names.size());
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  for (std::size_t i = 0; i < names.size(); ++i) {
    (*renamed)[names[i]] = fmt::format("{:03}-{}", order[i], names[i]);
  }
  std::vector<double> accuracy(kSources);
  for (double& a : accuracy) a = 0.5 + 0.45 * unit(rng);
  *plain = "source,object,value\n";
  *relabelled = "source,object,value\n";
  for (int o = 0; o < kObjects; ++o) {
    for (int s = 0; s < kSources; ++s) {
      if (unit(rng) < 0.45) continue;
      const int v = unit(rng) < accuracy[s] ? 0 : 1 + static_cast<int>(rng() % 3);
      const std::string source = fmt::format("s{}", s);
      const std::string object = fmt::format("o{}", o);
      const std::string value = fmt::format("v{}", v);
      *plain += fmt::format("{},{},{}\n", source, object, value);
      *relabelled +=
          fmt::format("{},{},{}\n", renamed->at(source), renamed->at(object), renamed->at(value));
      (*renamed)[object + "=" + value] = renamed->at(object) + "=" + renamed->at(value);
    }
  }
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
  const auto one = Score(Algorithm::kTwoEstimates, kG2, Format::kStances, Iterations(1));
  EXPECT_NEAR(one->Belief("x"), 2.0 / 3.0, kEps);
  EXPECT_NEAR(one->Belief("y"), 1.0, kEps);
  EXPECT_NEAR(one->Belief("z"), 0.5, kEps);
  EXPECT_NEAR(one->Trust("a"), 1.0, kEps);
  EXPECT_NEAR(one->Trust("b"), 0.75, kEps);
  EXPECT_NEAR(one->Trust("c"), 0.5, kEps);
  EXPECT_EQ(one->result.iterations, 1);
  EXPECT_FALSE(one->result.converged);
  EXPECT_NEAR(one->result.residual, 0.5, kEps);  // y: 1/2 -> 1, a: 2/5 -> 0 is less

  const auto two = Score(Algorithm::kTwoEstimates, kG2, Format::kStances, Iterations(2));
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
  const auto m = Score(Algorithm::kTwoEstimates, R"(source,object,value
p,o,A
q,o,A
r,o,B
p,o2,C
r,o2,C
)",
                       Format::kTriples, Iterations(1));
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
  const auto m = Score(Algorithm::kTwoEstimates, R"(source,claim,stance
a,x,supports
b,x,supports
n,w,neutral
)",
                       Format::kStances, Iterations(1));
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
  const auto one = Score(Algorithm::kThreeEstimates, kG2, Format::kStances, Iterations(1));
  EXPECT_NEAR(one->Belief("x"), 2.0 / 3.0, kEps);
  EXPECT_NEAR(one->Trust("b"), 0.75, kEps);
  EXPECT_FALSE(one->result.converged);

  const auto m = Score(Algorithm::kThreeEstimates, kG2, Format::kStances);
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
  const auto m = Score(Algorithm::kLtm,
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
  Knobs k;
  k.seed = 7;
  const auto a = Score(Algorithm::kLtm, kClearStances, Format::kStances, k);
  const auto b = Score(Algorithm::kLtm, kClearStances, Format::kStances, k);
  EXPECT_EQ(a->result.belief, b->result.belief);
  EXPECT_EQ(a->result.trust, b->result.trust);
  EXPECT_EQ(a->result.residual, b->result.residual);
  for (std::uint64_t seed : {1u, 2u, 3u, 99u, 12345u}) {
    k.seed = seed;
    const auto c = Score(Algorithm::kLtm, kClearStances, Format::kStances, k);
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
  const auto m = Score(Algorithm::kDawidSkene, R"(source,object,value
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
                       Format::kTriples, Iterations(1));
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
  const auto m = Score(Algorithm::kDawidSkene, R"(source,claim,stance
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
                       Format::kStances, Iterations(1));
  EXPECT_NEAR(m->Belief("x"), 49.0 / 67.0, kEps);
  EXPECT_NEAR(m->Belief("y"), 49.0 / 67.0, kEps);
  EXPECT_NEAR(m->Belief("w"), 343.0 / 415.0, kEps);
  // a: right on x, y (49/67 each), on z with q(false) = 18/67, on w with 343/415.
  EXPECT_NEAR(m->Trust("a"), (2 * 49.0 / 67.0 + 18.0 / 67.0 + 343.0 / 415.0) / 4.0, kEps);
  EXPECT_EQ(m->result.algorithm, "dawid-skene");
}

TEST(DawidSkeneTest, ConvergesOnAClearCase) {
  const auto m = Score(Algorithm::kDawidSkene, kClearStances, Format::kStances);
  EXPECT_TRUE(m->result.converged);
  EXPECT_LT(m->result.iterations, 100);
  EXPECT_LE(m->result.residual, 1e-5);
  EXPECT_GT(m->Belief("x"), 0.99);
  EXPECT_LT(m->Belief("y"), 0.01);
}

// ------------------------------------------------------------------------------------------------
// CRH
//
//   p: o1=A  o2=C  o3=E  o4=X
//   q: o1=A  o2=D  o3=E
//   r: o1=B  o2=D  o3=E  o4=Y
//
// Equal weights first: truths A, D, E, and a tie X/Y (each the truth with probability 1/2).
// Losses: p = 0 + 1 + 0 + 1/2 = 3/2, q = 0, r = 1 + 0 + 0 + 1/2 = 3/2; plus 0.1 each:
// 1.6, 0.1, 1.6, total 3.3. Weights: w(p) = w(r) = ln(3.3 / 1.6) = 0.723919, w(q) = ln 33 =
// 3.496508. The truths do not change (X/Y still tie), so iteration 2 moves nothing: converged.
// Beliefs: o1=A = (w(p) + w(q)) / (2 w(p) + w(q)) = 0.853587; trust = w / max w.
TEST(CrhTest, WeightsAndTiesByHand) {
  const auto m = Score(Algorithm::kCrh, R"(source,object,value
p,o1,A
q,o1,A
r,o1,B
p,o2,C
q,o2,D
r,o2,D
p,o3,E
q,o3,E
r,o3,E
p,o4,X
r,o4,Y
)",
                       Format::kTriples);
  const double wp = std::log(3.3 / 1.6);
  const double wq = std::log(33.0);
  EXPECT_NEAR(m->Belief("o1=A"), (wp + wq) / (2 * wp + wq), kEps);
  EXPECT_NEAR(m->Belief("o1=B"), wp / (2 * wp + wq), kEps);
  EXPECT_NEAR(m->Belief("o2=D"), (wp + wq) / (2 * wp + wq), kEps);
  EXPECT_NEAR(m->Belief("o3=E"), 1.0, kEps);
  EXPECT_NEAR(m->Belief("o4=X"), 0.5, kEps);
  EXPECT_NEAR(m->Trust("q"), 1.0, kEps);
  EXPECT_NEAR(m->Trust("p"), wp / wq, kEps);
  EXPECT_NEAR(m->Trust("r"), wp / wq, kEps);
  EXPECT_EQ(m->result.iterations, 2);
  EXPECT_TRUE(m->result.converged);
  EXPECT_EQ(m->result.residual, 0.0);
  EXPECT_EQ(m->result.algorithm, "crh");
}

// One source: ln(0.1 / 0.1) = 0 is its weight, so the vote is unweighted and its trust is 1.
TEST(CrhTest, ASingleSourceStillVotes) {
  const auto m =
      Score(Algorithm::kCrh, "source,claim,stance\na,x,supports\na,y,denies\n", Format::kStances);
  EXPECT_NEAR(m->Belief("x"), 1.0, kEps);
  EXPECT_NEAR(m->Belief("y"), 0.0, kEps);
  EXPECT_NEAR(m->Trust("a"), 1.0, kEps);
}

// ------------------------------------------------------------------------------------------------
// ACCU

// One iteration on a group: A(s) = 0.8, so A'(s) = ln(100 * 0.8 / 0.2) = ln 400.
//   p: o1=A  q: o1=A  r: o1=B          C(A) = 2 ln 400, C(B) = ln 400, and 99 values nobody gives
// P(A) = 400^2 / (400^2 + 400 + 99) = 160000/160499, P(B) = 400/160499; A(s) = P of its value.
TEST(AccuTest, FirstIterationOnAGroupByHand) {
  const auto m = Score(Algorithm::kAccu, "source,object,value\np,o1,A\nq,o1,A\nr,o1,B\n",
                       Format::kTriples, Iterations(1));
  EXPECT_NEAR(m->Belief("o1=A"), 160000.0 / 160499.0, 1e-12);
  EXPECT_NEAR(m->Belief("o1=B"), 400.0 / 160499.0, 1e-12);
  EXPECT_NEAR(m->Trust("p"), 160000.0 / 160499.0, 1e-12);
  EXPECT_NEAR(m->Trust("r"), 400.0 / 160499.0, 1e-12);
  EXPECT_EQ(m->result.algorithm, "accu");
}

// Two iterations on a binary claim (n = 1: A'(s) = ln(A / (1 - A))):
//
//   a+ x   b+ x   c- x
//
// Iteration 1: A' = ln 4 for all; C(true) = 2 ln 4, C(false) = ln 4; P(true) = 16 / (16 + 4) =
// 0.8. A(a) = A(b) = 0.8, A(c) = 0.2. Copy detection for the pair (a, b), which shares "x true"
// (P = 0.8):
//   independent: 0.8 * 0.8 * 0.8 + 0.2 * 0.2 * 0.2 = 0.52
//   a copies b:  0.8 * (0.8 * 0.8 + 0.64 * 0.2) + 0.2 * (0.2 * 0.8 + 0.04 * 0.2) = 0.648 (b
//                copies a: the same)
//   P(a ~ b) = 2 * 0.1 * 0.648 / (0.8 * 0.52 + 2 * 0.1 * 0.648) = 0.1296 / 0.5456 = 0.237537.
// Iteration 2: counted first, a source keeps its vote; second, it keeps 1 - c P(a ~ b). Averaged
// over both orders: I = 1 - 0.8 * 0.237537 / 2 = 0.904985 for a and for b;
//   C(true) = 2 ln 4 * 0.904985 = 2.509152, C(false) = ln(0.2 / 0.8) = -ln 4;
//   P(true) = e^2.509152 / (e^2.509152 + 1/4) = 0.980071.
TEST(AccuTest, CopyDetectionDiscountByHand) {
  const auto m =
      Score(Algorithm::kAccu, "source,claim,stance\na,x,supports\nb,x,supports\nc,x,denies\n",
            Format::kStances, Iterations(2));
  const double dependent = 0.1296 / 0.5456;
  const double vote = 2 * std::log(4.0) * (1 - 0.8 * dependent / 2);
  const double belief = std::exp(vote) / (std::exp(vote) + 0.25);
  EXPECT_NEAR(belief, 0.980071, 1e-6);
  EXPECT_NEAR(m->Belief("x"), belief, 1e-12);
  EXPECT_NEAR(m->Trust("a"), belief, 1e-12);
  EXPECT_NEAR(m->Trust("c"), 1 - belief, 1e-12);
  EXPECT_EQ(m->result.iterations, 2);
  EXPECT_NEAR(m->result.residual, belief - 0.8, 1e-12);
}

// A direct transcription of ACCU: every pair of sources compared over every object, and the
// discount averaged over all counting orders through the mean products of r-subsets
//   I(s, v) = 1/m * sum over r = 0..m-1 of (mean over r-subsets R of the others of
//             the product over R of (1 - c P(s ~ s'))),
// (s has r predecessors with probability 1/m, a uniformly random r-subset), which RunAccu's
// quadrature must reproduce.
struct AccuReference {
  std::vector<double> belief;
  std::vector<double> trust;
};

AccuReference NaiveAccu(const graph::CategoricalView& view, int iterations) {
  constexpr double kC = 0.8;
  const std::size_t num_values = view.num_values();
  const auto is_binary = [&](std::size_t o) {
    return view.object_size(o) == 2 && view.value_sign[view.object_offsets[o] + 1] < 0;
  };
  const auto observes = [&](Index s, std::size_t v) {
    return std::binary_search(view.value_sources.begin() + view.value_offsets[v],
                              view.value_sources.begin() + view.value_offsets[v + 1], s);
  };
  std::vector<double> accuracy(view.num_sources, 0.8);
  std::vector<double> prob(num_values, 0.0);
  std::map<std::pair<Index, Index>, double> dependent;
  for (int it = 1; it <= iterations; ++it) {
    std::vector<double> vote(num_values, 0.0);
    for (std::size_t v = 0; v < num_values; ++v) {
      const double n = is_binary(view.value_object[v]) ? 1.0 : 100.0;
      for (Index k = view.value_offsets[v]; k < view.value_offsets[v + 1]; ++k) {
        const Index s = view.value_sources[k];
        std::vector<double> mean_product{1.0};  // mean over r-subsets, r = 0..others
        for (Index j = view.value_offsets[v]; j < view.value_offsets[v + 1]; ++j) {
          const Index t = view.value_sources[j];
          if (t == s) continue;
          const auto found = dependent.find({std::min(s, t), std::max(s, t)});
          const double f = 1.0 - kC * (found == dependent.end() ? 0.0 : found->second);
          const double size = static_cast<double>(mean_product.size());  // new set size
          mean_product.push_back(0.0);
          for (std::size_t r = mean_product.size() - 1; r >= 1; --r) {
            mean_product[r] = ((size - r) * mean_product[r] + r * f * mean_product[r - 1]) / size;
          }
        }
        const double discount = std::accumulate(mean_product.begin(), mean_product.end(), 0.0) /
                                static_cast<double>(mean_product.size());
        const double a = accuracy[s];
        vote[v] += std::log(n * a / (1.0 - a)) * discount;
      }
    }
    for (std::size_t o = 0; o < view.num_objects(); ++o) {
      const double n = is_binary(o) ? 1.0 : 100.0;
      double total = std::max(0.0, n + 1.0 - view.object_size(o));
      for (Index v = view.object_offsets[o]; v < view.object_offsets[o + 1]; ++v) {
        total += std::exp(vote[v]);
      }
      for (Index v = view.object_offsets[o]; v < view.object_offsets[o + 1]; ++v) {
        prob[v] = std::exp(vote[v]) / total;
      }
    }
    for (Index s = 0; s < view.num_sources; ++s) {
      const Index begin = view.source_offsets[s];
      const Index end = view.source_offsets[s + 1];
      if (begin == end) continue;
      double sum = 0.0;
      for (Index k = begin; k < end; ++k) sum += prob[view.source_values[k]];
      accuracy[s] = std::clamp(sum / (end - begin), 1e-6, 1.0 - 1e-6);
    }
    dependent.clear();
    for (Index a = 0; a < view.num_sources; ++a) {
      for (Index b = a + 1; b < view.num_sources; ++b) {
        const double a1 = accuracy[a];
        const double a2 = accuracy[b];
        double independent = std::log(0.8);
        double a_copies = std::log(0.1);
        double b_copies = std::log(0.1);
        bool common_value = false;
        for (std::size_t o = 0; o < view.num_objects(); ++o) {
          const double n = is_binary(o) ? 1.0 : 100.0;
          bool a_in = false;
          bool b_in = false;
          bool common = false;
          for (Index v = view.object_offsets[o]; v < view.object_offsets[o + 1]; ++v) {
            const bool has_a = observes(a, v);
            const bool has_b = observes(b, v);
            a_in |= has_a;
            b_in |= has_b;
            if (!has_a || !has_b) continue;
            common = true;
            const double pt = prob[v];
            const double both_false = (1 - a1) * (1 - a2) / n;
            independent += std::log(pt * a1 * a2 + (1 - pt) * both_false);
            a_copies += std::log(pt * (a2 * kC + a1 * a2 * (1 - kC)) +
                                 (1 - pt) * ((1 - a2) * kC + both_false * (1 - kC)));
            b_copies += std::log(pt * (a1 * kC + a1 * a2 * (1 - kC)) +
                                 (1 - pt) * ((1 - a1) * kC + both_false * (1 - kC)));
          }
          common_value |= common;
          if (a_in && b_in && !common) {
            const double differ = 1 - a1 * a2 - (1 - a1) * (1 - a2) / n;
            independent += std::log(differ);
            a_copies += std::log(differ * (1 - kC));
            b_copies += std::log(differ * (1 - kC));
          }
        }
        if (!common_value) continue;
        const double copies = std::exp(a_copies) + std::exp(b_copies);
        dependent[{a, b}] = copies / (std::exp(independent) + copies);
      }
    }
  }
  AccuReference out;
  for (Index c = 0; c < view.num_claims; ++c) out.belief.push_back(prob[view.claim_value[c]]);
  out.trust = accuracy;
  return out;
}

TEST(AccuTest, MatchesADirectTranscription) {
  std::vector<std::string> texts;
  for (std::uint64_t seed : {3u, 8u}) {
    testutil::RandomDatasetOptions o;
    o.seed = seed;
    o.claims = 30;
    o.stances = 200;
    o.p_grouped = 0.5;
    texts.push_back(testutil::RandomJsonlDataset(o));
  }
  std::string triples;
  std::string unused;
  std::map<std::string, std::string> renamed;
  RandomTriples(5, &triples, &unused, &renamed);
  texts.push_back(triples);
  // 100 sources: value "a" of each object has more than 64 providers (the graded rule).
  std::string crowd = "source,object,value\n";
  for (int s = 0; s < 100; ++s) {
    for (int o = 0; o < 4; ++o) {
      crowd += fmt::format("s{},o{},{}\n", s, o, (s + o) % 5 == 0 ? "b" : (s % 7 == 0 ? "c" : "a"));
    }
  }
  texts.push_back(crowd);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const graph::CategoricalView view =
        i < 2 ? ViewOf(texts[i], Format::kJsonl) : ViewOf(texts[i], Format::kTriples);
    for (int iterations : {1, 2, 4}) {
      ClassicOptions options;
      options.max_iterations = iterations;
      options.tolerance = 0.0;
      const ScoringResult fast = RunAccu(view, options);
      const AccuReference slow = NaiveAccu(view, iterations);
      for (std::size_t c = 0; c < slow.belief.size(); ++c) {
        EXPECT_NEAR(fast.belief[c], slow.belief[c], 1e-9) << i << " " << iterations << " " << c;
      }
      for (std::size_t s = 0; s < slow.trust.size(); ++s) {
        EXPECT_NEAR(fast.trust[s], slow.trust[s], 1e-9) << i << " " << iterations << " " << s;
      }
    }
  }
}

// ------------------------------------------------------------------------------------------------
// Options, and properties over seeded random datasets.

struct Named {
  std::string_view name;
  Algorithm algorithm;
  ScoringResult (*run)(const graph::CategoricalView&, const ClassicOptions&);
};

const std::vector<Named>& Ours() {
  static const std::vector<Named> kOurs = {
      {"2-estimates", Algorithm::kTwoEstimates, &RunTwoEstimates},
      {"3-estimates", Algorithm::kThreeEstimates, &RunThreeEstimates},
      {"ltm", Algorithm::kLtm, &RunLtm},
      {"dawid-skene", Algorithm::kDawidSkene, &RunDawidSkene},
      {"crh", Algorithm::kCrh, &RunCrh},
      {"accu", Algorithm::kAccu, &RunAccu},
  };
  return kOurs;
}

TEST(ClassicBOptionsTest, RejectsOutOfRangeOptions) {
  const graph::CategoricalView view = ViewOf(kClearStances, Format::kStances);
  for (const Named& algo : Ours()) {
    SCOPED_TRACE(algo.name);
    ClassicOptions zero;
    zero.max_iterations = 0;
    EXPECT_THAT([&] { algo.run(view, zero); },
                ThrowsMessage<InvalidArgumentError>(HasSubstr("max_iterations")));
    ClassicOptions threads;
    threads.threads = -1;
    EXPECT_THAT([&] { algo.run(view, threads); },
                ThrowsMessage<InvalidArgumentError>(HasSubstr("threads")));
  }
}

TEST(ClassicBOptionsTest, EmptyViewGivesEmptyResults) {
  graph::CategoricalView view;
  view.object_offsets = {0};
  view.value_offsets = {0};
  view.source_offsets = {0};
  for (const Named& algo : Ours()) {
    SCOPED_TRACE(algo.name);
    const ScoringResult result = algo.run(view, {});
    EXPECT_TRUE(result.belief.empty());
    EXPECT_TRUE(result.trust.empty());
    EXPECT_GE(result.iterations, 1);
  }
}

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

class ClassicBProperty
    : public testing::TestWithParam<std::tuple<std::size_t, std::uint64_t>> {  // algorithm, seed
 protected:
  const Named& Algo() const { return Ours()[std::get<0>(GetParam())]; }
  std::uint64_t Seed() const { return std::get<1>(GetParam()); }
  bool Sampling() const { return Algo().algorithm == Algorithm::kLtm; }
};

// Relabelling permutes the result and changes nothing else. LTM draws its random numbers fact by
// fact in index order, so a relabelled run is another sample path: its posterior means agree only
// within sampling noise, checked with 1,000 sweeps (400 kept) and a loose tolerance (its
// determinism is checked by the tests above).
TEST_P(ClassicBProperty, RelabellingPermutesTheResult) {
  const double tolerance = Sampling() ? 0.2 : 1e-9;
  Knobs knobs;
  if (Sampling()) knobs.max_iterations = 1000;
  {
    SCOPED_TRACE("jsonl");
    const std::string text = RandomJsonl(Seed());
    std::map<std::string, std::string> renamed;
    const std::string relabelled = testutil::RelabelIds(text, Seed() + 1000, &renamed);
    const auto a = Score(Algo().algorithm, text, Format::kJsonl, knobs);
    const auto b = Score(Algo().algorithm, relabelled, Format::kJsonl, knobs);
    ExpectPermuted(*a, *b, renamed, tolerance);
    if (!Sampling()) {
      EXPECT_EQ(a->result.iterations, b->result.iterations);
      EXPECT_EQ(a->result.converged, b->result.converged);
      EXPECT_NEAR(a->result.residual, b->result.residual, 1e-9);
    }
  }
  {
    SCOPED_TRACE("triples");
    std::string plain;
    std::string relabelled;
    std::map<std::string, std::string> renamed;
    RandomTriples(Seed(), &plain, &relabelled, &renamed);
    const auto a = Score(Algo().algorithm, plain, Format::kTriples, knobs);
    const auto b = Score(Algo().algorithm, relabelled, Format::kTriples, knobs);
    ExpectPermuted(*a, *b, renamed, tolerance);
    if (!Sampling()) {
      EXPECT_EQ(a->result.iterations, b->result.iterations);
      EXPECT_EQ(a->result.converged, b->result.converged);
      EXPECT_NEAR(a->result.residual, b->result.residual, 1e-9);
    }
  }
}

TEST_P(ClassicBProperty, BeliefsAndTrustsAreProbabilities) {
  std::string plain;
  std::string relabelled;
  std::map<std::string, std::string> renamed;
  RandomTriples(Seed(), &plain, &relabelled, &renamed);
  for (const auto& [text, format] :
       {std::pair{RandomJsonl(Seed()), Format::kJsonl}, std::pair{plain, Format::kTriples}}) {
    const auto m = Score(Algo().algorithm, text, format);
    ASSERT_EQ(m->result.belief.size(), m->data.claims.size());
    ASSERT_EQ(m->result.trust.size(), m->data.sources.size());
    for (double b : m->result.belief) EXPECT_TRUE(b >= 0.0 && b <= 1.0) << b;
    for (double t : m->result.trust) EXPECT_TRUE(t >= 0.0 && t <= 1.0) << t;
    const AlgorithmInfo& info = InfoOf(Algo().algorithm);
    EXPECT_GE(m->result.iterations, 1);
    EXPECT_LE(m->result.iterations, info.default_max_iterations);
    EXPECT_GE(m->result.residual, 0.0);
    EXPECT_EQ(m->result.converged, m->result.residual <= info.default_tolerance);
  }
}

TEST_P(ClassicBProperty, ThreadCountChangesNothing) {
  const std::string text = RandomJsonl(Seed());
  Knobs one;
  one.threads = 1;
  one.seed = Seed();
  Knobs two = one;
  two.threads = 2;
  const auto a = Score(Algo().algorithm, text, Format::kJsonl, one);
  const auto b = Score(Algo().algorithm, text, Format::kJsonl, two);
  EXPECT_EQ(a->result.belief, b->result.belief);
  EXPECT_EQ(a->result.trust, b->result.trust);
  EXPECT_EQ(a->result.iterations, b->result.iterations);
  EXPECT_EQ(a->result.residual, b->result.residual);
  EXPECT_EQ(a->result.converged, b->result.converged);
}

// Loops shorter than classic::kParallelThreshold (8192) run on one thread, so the small datasets
// above do not exercise the parallel code: 3,000 objects of 4 values (12,000 values, about
// 36,000 observations) do.
TEST(ClassicBThreadsTest, ThreadCountChangesNothingOnALargeDataset) {
  std::mt19937_64 rng(77);
  std::string text = "source,object,value\n";
  for (int o = 0; o < 3000; ++o) {
    for (int s = 0; s < 30; ++s) {
      if (rng() % 5 >= 2) continue;
      const auto v = rng() % 10 < 7 ? 0 : 1 + rng() % 3;
      text += fmt::format("s{},o{},v{}\n", s, o, v);
    }
    text += fmt::format("s{},o{},v{}\n", o % 30, o, o % 4);  // every value of o is observed
    text += fmt::format("s{},o{},v{}\n", (o + 1) % 30, o, (o + 1) % 4);
    text += fmt::format("s{},o{},v{}\n", (o + 2) % 30, o, (o + 2) % 4);
    text += fmt::format("s{},o{},v{}\n", (o + 3) % 30, o, (o + 3) % 4);
  }
  const graph::CategoricalView view = ViewOf(text, Format::kTriples);
  ASSERT_GE(view.num_values(), 12000u);
  for (const Named& algo : Ours()) {
    SCOPED_TRACE(algo.name);
    ClassicOptions one;
    one.threads = 1;
    one.max_iterations = 8;
    ClassicOptions two = one;
    two.threads = 2;
    const ScoringResult a = algo.run(view, one);
    const ScoringResult b = algo.run(view, two);
    EXPECT_EQ(a.belief, b.belief);
    EXPECT_EQ(a.trust, b.trust);
    EXPECT_EQ(a.iterations, b.iterations);
    EXPECT_EQ(a.residual, b.residual);
  }
}

TEST_P(ClassicBProperty, SameOptionsSameResult) {
  std::string plain;
  std::string relabelled;
  std::map<std::string, std::string> renamed;
  RandomTriples(Seed(), &plain, &relabelled, &renamed);
  Knobs k;
  k.seed = Seed();
  const auto a = Score(Algo().algorithm, plain, Format::kTriples, k);
  const auto b = Score(Algo().algorithm, plain, Format::kTriples, k);
  EXPECT_EQ(a->result.belief, b->result.belief);
  EXPECT_EQ(a->result.trust, b->result.trust);
  EXPECT_EQ(a->result.residual, b->result.residual);
}

INSTANTIATE_TEST_SUITE_P(Seeds, ClassicBProperty,
                         testing::Combine(testing::Range<std::size_t>(0, 6),
                                          testing::Values(1u, 7u, 42u, 2024u)),
                         [](const testing::TestParamInfo<ClassicBProperty::ParamType>& param) {
                           std::string name(Ours()[std::get<0>(param.param)].name);
                           std::replace(name.begin(), name.end(), '-', '_');
                           return fmt::format("{}_seed{}", name, std::get<1>(param.param));
                         });

}  // namespace
}  // namespace credence::scoring
