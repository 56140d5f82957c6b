// Hand-worked tests of the source-reliability algorithms among the classic truth-discovery
// algorithms (include/credence/scoring/classic.hpp): CRH (Li et al. 2014, weights from losses) and
// ACCU (Dong, Berti-Equille & Srivastava 2009, accuracy with copy detection), ACCU also checked
// against a direct transcription. docs/algorithms.md has their equations.
//
// Notation: a stances CSV claim outside any group is a binary object {claim true, claim false};
// in triples CSV each object is a group and "p: o1=A" means p gives o1 the value A.

#include <fmt/format.h>
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
  const auto m = ScoreAlgorithm(Algorithm::kCrh, R"(source,object,value
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
  const auto m = ScoreAlgorithm(Algorithm::kCrh, "source,claim,stance\na,x,supports\na,y,denies\n",
                                Format::kStances);
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
  const auto m = ScoreAlgorithm(Algorithm::kAccu, "source,object,value\np,o1,A\nq,o1,A\nr,o1,B\n",
                                Format::kTriples, Classic(1));
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
  const auto m = ScoreAlgorithm(Algorithm::kAccu,
                                "source,claim,stance\na,x,supports\nb,x,supports\nc,x,denies\n",
                                Format::kStances, Classic(2));
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
  testutil::RandomTriples(5, &triples, &unused, &renamed);
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

}  // namespace
}  // namespace credence::scoring
