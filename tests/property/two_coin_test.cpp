// Properties of the two-coin model (issue 12; docs/model.md, "Equations" and "Trusts and
// intervals") over seeded random datasets:
//  - monotonicity through the belief rule: with every coin held at its converged value, adding a
//    support by a source whose support raises the odds (alpha > 1 - beta) never lowers that
//    claim's belief, and adding its denial never raises it (whole runs: ModelRules's
//    TrustedCorroborationNeverLowersBelief, for newcomers pinned trusted);
//  - intervals: low <= point <= high, inside [0, 1], for every belief and trust;
//  - coverage: on synthetic data with a planted accuracy per source, the 90% trust intervals of
//    sources with 20 or more stances cover the planted accuracy 85-95% of the time; and claims
//    resting on one or two stances get wider belief intervals than claims resting on eight or
//    more (issue 12, part 3).

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "credence/scoring/model.hpp"
#include "scoring/belief_rule_internal.hpp"
#include "scoring/evidence_weights_internal.hpp"
#include "testutil/random_dataset.hpp"
#include "testutil/scoring.hpp"

namespace credence {
namespace {

using scoring::ModelOptions;
using testutil::Scored;

ModelOptions Tight() { return testutil::TightOptions(); }

std::unique_ptr<Scored> Score(const std::string& jsonl, const ModelOptions& options) {
  return testutil::ScoreModel(jsonl, options, "random.jsonl");
}

std::string StanceLine(const std::string& holder, const std::string& claim,
                       const std::string& polarity) {
  return fmt::format(R"({{"type":"stance","holder":"{}","claim":"{}","polarity":"{}"}})", holder,
                     claim, polarity) +
         "\n";
}

// Every belief of `s`'s dataset under fixed coins (given by source id) and base rate, through the
// engine's belief rule on `s`'s own snapshot.
std::vector<double> BeliefsUnder(
    const Scored& s, const ModelOptions& options,
    const std::map<std::string, std::pair<double, double>>& coins_by_id, double base_rate) {
  const scoring::EvidenceWeights weights(s.data, s.snap, options);
  const scoring::BeliefRule rule(s.data, s.snap, weights);
  scoring::Coins coins{std::vector<double>(s.data.sources.size()),
                       std::vector<double>(s.data.sources.size())};
  for (Index i = 0; i < s.data.sources.size(); ++i) {
    std::tie(coins.alpha[i], coins.beta[i]) = coins_by_id.at(s.data.sources[i].id);
  }
  std::vector<double> belief(s.data.claims.size());
  rule.Beliefs(coins, scoring::Logit(base_rate), 1, &belief);
  return belief;
}

class TwoCoin : public testing::TestWithParam<std::uint64_t> {
 protected:
  std::vector<std::string> Texts() const {
    testutil::RandomDatasetOptions plain;
    plain.seed = GetParam();
    return {testutil::RandomJsonlDataset(plain),
            testutil::RandomJsonlDataset(testutil::AllRulesShape(GetParam()))};
  }
};

// Monotonicity through the belief rule. A support adds w max(0, ln(a' / (1 - b'))) >= 0 to its
// claim's evidence, > 0 when alpha > 1 - beta (the relay chain keeps the sign), and the echo
// discount never lowers a side's total when a unit joins it; in a group the softmax then raises
// the claim's share. A source already on the claim's group is checked too, except where the new
// stance changes which part carries its position (docs/model.md, "one position per holder"): a
// support (weight 1, unhedged: at least as firm as anything) by a source that denies another
// alternative as ordinary evidence merges that denial into its position, and a denial by a
// source that supports another alternative (not held) merges into it or, stated more firmly,
// takes the position over. Evidence then moves between the alternatives and, under the echo
// discount and asymmetric coins, the move can go either way; that is the documented cost of
// counting a position once. A new stance that joins a position without taking it over changes
// nothing.
TEST_P(TwoCoin, SupportByAnInformativeSourceNeverLowersItsClaim) {
  int raised = 0;
  int checked = 0;
  int skipped = 0;
  for (const std::string& text : Texts()) {
    const ModelOptions options = Tight();
    const auto base = Score(text, options);
    const Dataset& d = base->data;
    std::map<std::string, std::pair<double, double>> coins;
    for (Index s = 0; s < d.sources.size(); ++s) {
      coins[d.sources[s].id] = {base->result.sensitivity[s], base->result.specificity[s]};
    }
    const std::vector<double> before = BeliefsUnder(*base, options, coins, base->result.base_rate);
    // At the fixed point the rule reproduces the engine's beliefs.
    for (Index c = 0; c < d.claims.size(); ++c) {
      EXPECT_NEAR(before[c], base->result.belief[c], 1e-12) << d.claims[c].id;
    }
    for (Index s = 0; s < d.sources.size(); s += 2) {
      if (d.sources[s].anonymous) continue;  // its stance would carry its outlet's coins
      for (Index c = s % 3; c < d.claims.size(); c += 3) {
        const Index group = d.claims[c].group;
        // Whether s holds, on another alternative of c's group, an explicit stance of `polarity`
        // that is ordinary evidence (not merged into a position, not held).
        const auto ordinary_on_group = [&](Polarity polarity) {
          const graph::EvidenceSnapshot& snap = base->snap;
          for (Index m = 0; m < snap.num_members(); ++m) {
            const Stance& t = d.stances[snap.member_stance[m]];
            constexpr std::uint8_t kMerged = graph::EvidenceSnapshot::kImplied |
                                             graph::EvidenceSnapshot::kPosition |
                                             graph::EvidenceSnapshot::kHeld;
            if (group != kNone && t.holder == s && t.claim != c && t.polarity == polarity &&
                d.claims[t.claim].group == group && (snap.member_flags[m] & kMerged) == 0) {
              return true;
            }
          }
          return false;
        };
        const double a = base->result.sensitivity[s];
        const double b = base->result.specificity[s];
        for (const char* polarity : {"supports", "denies"}) {
          if (ordinary_on_group(polarity[0] == 's' ? Polarity::kDenies : Polarity::kSupports)) {
            ++skipped;
            continue;
          }
          const auto more =
              testutil::Freeze(text + StanceLine(d.sources[s].id, d.claims[c].id, polarity),
                               testutil::Format::kJsonl, "random.jsonl");
          const double after = BeliefsUnder(*more, options, coins, base->result.base_rate)[c];
          const double sign = polarity[0] == 's' ? 1.0 : -1.0;
          SCOPED_TRACE(fmt::format("{} {} {} (alpha {}, beta {})", d.sources[s].id, polarity,
                                   d.claims[c].id, a, b));
          // Never against its side, whatever the coins (max(0, L)).
          EXPECT_GE(sign * (after - before[c]), -1e-12);
          ++checked;
          if (a + b > 1.0 + 1e-6 && sign * (after - before[c]) > 1e-12) ++raised;
        }
      }
    }
  }
  EXPECT_GE(checked, 100);
  EXPECT_GE(raised, 20);  // not vacuous: informative sources do move their claims
  RecordProperty("skipped", skipped);
}

// Intervals (docs/model.md, "Trusts and intervals"): every trust and belief lies within its 90%
// interval, and the interval within [0, 1]; with the documented defaults and with the base rate
// fixed.
TEST_P(TwoCoin, IntervalsBracketTheirPoint) {
  for (const std::string& text : Texts()) {
    for (double learn : {1.0, 0.0}) {
      ModelOptions options;
      options.threads = 1;
      options.learn_base_rate = learn;
      const auto r = Score(text, options);
      const scoring::ScoringResult& x = r->result;
      ASSERT_EQ(x.belief_low.size(), x.belief.size());
      ASSERT_EQ(x.belief_high.size(), x.belief.size());
      ASSERT_EQ(x.trust_low.size(), x.trust.size());
      ASSERT_EQ(x.trust_high.size(), x.trust.size());
      for (Index c = 0; c < x.belief.size(); ++c) {
        SCOPED_TRACE(r->data.claims[c].id);
        EXPECT_LE(0.0, x.belief_low[c]);
        EXPECT_LE(x.belief_low[c], x.belief[c]);
        EXPECT_LE(x.belief[c], x.belief_high[c]);
        EXPECT_LE(x.belief_high[c], 1.0);
      }
      for (Index s = 0; s < x.trust.size(); ++s) {
        SCOPED_TRACE(r->data.sources[s].id);
        EXPECT_LE(0.0, x.trust_low[s]);
        EXPECT_LT(x.trust_low[s], x.trust[s]);  // a Beta posterior has a spread
        EXPECT_LT(x.trust[s], x.trust_high[s]);
        EXPECT_LE(x.trust_high[s], 1.0);
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, TwoCoin, testing::Values(1u, 7u, 42u, 2024u, 31337u));

// ------------------------------------------------------------------------------------------------
// Coverage on synthetic data with planted reliabilities.

// One synthetic dataset: `sources` news outlets, each with a planted accuracy drawn uniformly from
// [0.55, 0.95] (the probability that one of its stances is right: supports a true claim, denies a
// false one), speaking on a number of distinct claims drawn uniformly from [min_stances,
// max_stances]; `claims` claims, each true with probability 1/2. Stances in the outlet's own
// voice, no reports: nothing but the two-coin story.
struct Planted {
  std::string text;
  std::vector<double> accuracy;  // per outlet "p<i>"
};

Planted PlantedDataset(std::uint64_t seed, int sources, int claims, int min_stances,
                       int max_stances) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Planted p;
  std::vector<bool> truth(claims);
  for (int c = 0; c < claims; ++c) {
    truth[c] = unit(rng) < 0.5;
    p.text += fmt::format(R"({{"type":"claim","id":"c{}","text":"claim {}"}})", c, c) + "\n";
  }
  std::vector<int> order(claims);
  for (int c = 0; c < claims; ++c) order[c] = c;
  for (int s = 0; s < sources; ++s) {
    const double accuracy = 0.55 + 0.4 * unit(rng);
    p.accuracy.push_back(accuracy);
    p.text += fmt::format(R"({{"type":"outlet","id":"p{}","kind":"news"}})", s) + "\n";
    const int n = min_stances + static_cast<int>(unit(rng) * (max_stances - min_stances + 1));
    std::shuffle(order.begin(), order.end(), rng);
    for (int k = 0; k < std::min(n, claims); ++k) {
      const int c = order[k];
      const bool right = unit(rng) < accuracy;
      const bool supports = truth[c] == right;
      p.text += StanceLine(fmt::format("p{}", s), fmt::format("c{}", c),
                           supports ? "supports" : "denies");
    }
  }
  return p;
}

// The share of sources whose 90% trust interval covers their planted accuracy, over 8 datasets x
// 60 sources of 20-40 stances on 150 claims (about 10 stances a claim): 480 sources, so the
// share has a standard error of about 0.014 around a true 0.90. `pool_strength` > 0 fixes the
// kinds' pooling strength k (pool_min = pool_max); otherwise it is learned (the default).
double TrustCoverage(double pool_strength) {
  int covered = 0;
  int counted = 0;
  double width = 0.0;
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const Planted p = PlantedDataset(seed, 60, 150, 20, 40);
    ModelOptions options;
    options.threads = 1;
    if (pool_strength > 0) options.pool_min = options.pool_max = pool_strength;
    const auto r = Score(p.text, options);
    EXPECT_TRUE(r->result.converged);
    for (Index s = 0; s < r->data.sources.size(); ++s) {
      const double planted = p.accuracy[std::stoi(r->data.sources[s].id.substr(1))];
      ++counted;
      covered += r->result.trust_low[s] <= planted && planted <= r->result.trust_high[s] ? 1 : 0;
      width += r->result.trust_high[s] - r->result.trust_low[s];
    }
  }
  EXPECT_GE(counted, 400);
  const double coverage = static_cast<double>(covered) / counted;
  std::printf(
      "trust interval coverage (pool strength %s): %d of %d sources = %.4f, mean width %.4f\n",
      pool_strength > 0 ? fmt::format("{}", pool_strength).c_str() : "learned", covered, counted,
      coverage, width / counted);
  return coverage;
}

// Issue 12, part 3: the 90% trust intervals of sources with 20+ stances cover the planted
// accuracy 85-95% of the time, with the defaults. Measured 0.900 (432 of 480). Before the trust
// prior was fitted by marginal likelihood on the verdicts and the interval took in the
// uncertainty of the truths (docs/model.md, "Trusts and intervals") it was 0.658: the coins'
// pooling strength, estimated by moments on soft counts, landed near 40 where the planted spread
// (uniform on [0.55, 0.95]: variance 0.0133 around 0.75) is worth k = 13.
// In a group of two alternatives b_A = 1 - b_B, so the delta method through the softmax must
// give complementary intervals: [l_A, h_A] = [1 - h_B, 1 - l_B] (to rounding), whichever side
// holds the stances (a claim whose only evidence is its alternative's implied denial included).
TEST_P(TwoCoin, AGroupOfTwoHasComplementaryIntervals) {
  int pairs = 0;
  for (const std::string& text : Texts()) {
    ModelOptions options;
    options.threads = 1;
    const auto r = Score(text, options);
    const scoring::ScoringResult& x = r->result;
    std::map<Index, std::vector<Index>> groups;
    for (Index c = 0; c < r->data.claims.size(); ++c) {
      if (r->data.claims[c].group != kNone) groups[r->data.claims[c].group].push_back(c);
    }
    for (const auto& [g, claims] : groups) {
      if (claims.size() != 2) continue;
      const Index a = claims[0];
      const Index b = claims[1];
      SCOPED_TRACE(r->data.claims[a].id);
      ASSERT_NEAR(x.belief[a], 1.0 - x.belief[b], 1e-12);
      EXPECT_NEAR(x.belief_low[a], 1.0 - x.belief_high[b], 1e-9);
      EXPECT_NEAR(x.belief_high[a], 1.0 - x.belief_low[b], 1e-9);
      ++pairs;
    }
  }
  EXPECT_GT(pairs, 0);
}

TEST(TwoCoinCoverage, TrustIntervalsCoverPlantedAccuracy) {
  const double coverage = TrustCoverage(-1.0);
  RecordProperty("coverage", fmt::format("{:.4f}", coverage));
  EXPECT_GE(coverage, 0.85);
  EXPECT_LE(coverage, 0.95);
}

// The same with the pooling strength fixed at the planted spread's: a Beta(k mu, k (1 - mu))
// with the planted mean 0.75 and variance 0.4^2 / 12 has k = 0.75 * 0.25 / 0.01333 - 1 = 13.
// Measured 0.904.
TEST(TwoCoinCoverage, TrustIntervalsCoverPlantedAccuracyAtThePlantedSpread) {
  const double coverage = TrustCoverage(13.0);
  RecordProperty("coverage", fmt::format("{:.4f}", coverage));
  EXPECT_GE(coverage, 0.85);
  EXPECT_LE(coverage, 0.95);
}

// Issue 12, part 3: claims resting on one or two stances get wider belief intervals (high - low,
// as the report shows them) than claims resting on eight or more. Compared as medians over
// synthetic datasets as above, with 5-40 stances a source on 400 claims (about 3.4 a claim).
TEST(TwoCoinCoverage, ThinClaimsGetWiderBeliefIntervals) {
  std::vector<double> thin, thin_logit;
  std::vector<double> thick, thick_logit;
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const Planted p = PlantedDataset(seed, 60, 400, 5, 40);
    ModelOptions options;
    options.threads = 1;
    const auto r = Score(p.text, options);
    for (Index c = 0; c < r->data.claims.size(); ++c) {
      const int units = static_cast<int>(r->snap.Units(c).size());
      const double width = r->result.belief_high[c] - r->result.belief_low[c];
      const double logit_width =
          scoring::Logit(r->result.belief_high[c]) - scoring::Logit(r->result.belief_low[c]);
      if (units >= 1 && units <= 2) {
        thin.push_back(width);
        thin_logit.push_back(logit_width);
      }
      if (units >= 8) {
        thick.push_back(width);
        thick_logit.push_back(logit_width);
      }
    }
  }
  ASSERT_GE(thin.size(), 20U);
  ASSERT_GE(thick.size(), 20U);
  const auto median = [](std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
  };
  std::printf("median belief interval width: 1-2 units %.4f (%zu claims), 8+ units %.4f (%zu)\n",
              median(thin), thin.size(), median(thick), thick.size());
  std::printf("in log-odds: 1-2 units %.4f, 8+ units %.4f\n", median(thin_logit),
              median(thick_logit));
  EXPECT_GT(median(thin), median(thick));
}

// MODEL.md's monotonicity with docs/model.md's one position per holder. H, trusted (prior 0.9
// worth 1000 stances), denies "ten died"; then H also supports "twenty died", hedged ("rumour").
// The support makes H's denial part of one position, carried by its strongest part: the denial,
// stated more firmly, still carries it, and the hedged support is held (before: the position
// weighed as the hedged support and "twenty died" fell from 0.900 to 0.728).
TEST(TwoCoinMonotonicity, TrustedSupportJoiningAPositionNeverLowersItsClaim) {
  const std::string base = R"({"type":"claim","id":"c","text":"twenty died","group":"g"})"
                           "\n"
                           R"({"type":"claim","id":"c2","text":"ten died","group":"g"})"
                           "\n"
                           R"({"type":"outlet","id":"H","prior":0.9,"prior_strength":1000})"
                           "\n"
                           R"({"type":"outlet","id":"K"})"
                           "\n"
                           R"({"type":"outlet","id":"L"})"
                           "\n" +
                           StanceLine("K", "c", "supports") + StanceLine("L", "c2", "supports") +
                           StanceLine("H", "c2", "denies");
  const std::string more =
      base + R"({"type":"stance","holder":"H","claim":"c","polarity":"supports","hedge":"rumour"})"
             "\n";
  const auto before = Score(base, Tight());
  const auto after = Score(more, Tight());
  EXPECT_GE(after->Belief("c"), before->Belief("c") - 1e-12);
}

}  // namespace
}  // namespace credence
