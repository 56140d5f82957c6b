// Unit tests for credence fit (scoring/fit.hpp) on a tiny dataset whose counts are worked out by
// hand below.

#include "credence/scoring/fit.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/eval/gold.hpp"
#include "credence/eval/labels.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/io/reader.hpp"

namespace credence::scoring {
namespace {

//   claim  label   stances (the three sources are of one kind: "other", as a stances CSV
//                  declares none)
//   c1     true    +a +b
//   c2     true    +a -c
//   c3     false   -a +b
//   c4     false   +a -b -c
//   c5     true    +b
//   c6     -       +c        (unlabelled: counts nowhere)
// On true claims: 5 stances, 4 supports. On false ones: 5 stances, 3 denials.
constexpr const char* kStances =
    "source,claim,stance\n"
    "a,c1,supports\nb,c1,supports\n"
    "a,c2,supports\nc,c2,denies\n"
    "a,c3,denies\nb,c3,supports\n"
    "a,c4,supports\nb,c4,denies\nc,c4,denies\n"
    "b,c5,supports\n"
    "c,c6,supports\n";
constexpr const char* kGold = "claim,truth\nc1,true\nc2,true\nc3,false\nc4,false\nc5,true\n";

struct Fixture {
  Dataset data = io::ParseStancesCsv(kStances, "tiny.csv");
  graph::ClaimGraph graph{data};
  graph::EvidenceSnapshot snap = graph::FreezeEvidence(data, graph);
  std::vector<std::int8_t> labels = eval::LabelClaims(data, eval::ParseGold(kGold, "g.csv"));
};

constexpr PoolKind kKind = PoolKind::kOther;

ModelOptions Start() {
  ModelOptions o;
  o.prior_other = 0.6;  // the kind's prior mean for both coins (sensitivity_other = -1)
  o.kind_prior_strength = 10;
  o.base_rate_strength = 50;
  return o;
}

double Fitted(const FitResult& r, const std::string& name) {
  for (const FittedParameter& p : r.fitted) {
    if (p.name == name) return p.value;
  }
  ADD_FAILURE() << name << " not fitted";
  return -1;
}

TEST(FitTest, CountsByKindByHand) {
  const Fixture f;
  for (const Source& s : f.data.sources) ASSERT_EQ(PoolOf(s), kKind);
  const auto counts = CountKindEvidence(f.data, f.snap, f.labels);
  const KindCounts& kind = counts[static_cast<int>(kKind)];
  EXPECT_EQ(kind.stances_true, 5);
  EXPECT_EQ(kind.supports_true, 4);
  EXPECT_EQ(kind.stances_false, 5);
  EXPECT_EQ(kind.denials_false, 3);
  for (int k = 0; k < kNumPoolKinds; ++k) {
    if (k == static_cast<int>(kKind)) continue;
    EXPECT_EQ(counts[k].stances_true + counts[k].stances_false, 0) << k;
  }
}

TEST(FitTest, BaseRateAndKindCoinsInClosedForm) {
  const Fixture f;
  FitOptions options;
  options.sweeps = 0;  // no factor search: steps 1 and 2 only
  const FitResult r = FitParameters(f.data, f.snap, f.labels, Start(), options);
  EXPECT_EQ(r.claims, 5U);
  EXPECT_EQ(r.true_claims, 3U);
  // (K + s/2) / (N + s) = (3 + 25) / (5 + 50).
  EXPECT_DOUBLE_EQ(r.options.base_rate, 28.0 / 55.0);
  EXPECT_EQ(r.options.learn_base_rate, 0.0);
  // (4 + 10 * 0.6) / (5 + 10) and (3 + 10 * 0.6) / (5 + 10).
  EXPECT_DOUBLE_EQ(r.options.sensitivity_other, 10.0 / 15.0);
  EXPECT_DOUBLE_EQ(r.options.specificity_other, 9.0 / 15.0);
  EXPECT_EQ(r.options.learn_kind_means, 0.0);
  EXPECT_DOUBLE_EQ(Fitted(r, "sensitivity_other"), 10.0 / 15.0);
  // Kinds without evidence keep their default.
  EXPECT_EQ(r.options.sensitivity_wire, -1.0);
  // A fixed base rate (--base-rate) is kept.
  options.fit_base_rate = false;
  ModelOptions fixed = Start();
  fixed.base_rate = 0.3;
  fixed.learn_base_rate = 0;
  EXPECT_EQ(FitParameters(f.data, f.snap, f.labels, fixed, options).options.base_rate, 0.3);
}

// Step 2 is kept only when it raises the labels' log-likelihood: the fit keeps the counted coins
// exactly when the model with them explains the labels better than the model without them.
TEST(FitTest, KindCoinsKeptOnlyWhenTheyRaiseTheLikelihood) {
  const Fixture f;
  FitOptions options;
  options.sweeps = 0;
  int kept = 0;
  int dropped = 0;
  for (const double prior : {0.6, 0.9, 0.55, 0.99}) {
    ModelOptions start = Start();
    start.prior_other = prior;
    const FitResult r = FitParameters(f.data, f.snap, f.labels, start, options);
    ModelOptions without = start;
    without.base_rate = 28.0 / 55.0;
    without.learn_base_rate = 0;
    ModelOptions with = without;
    with.sensitivity_other = (4 + 10 * prior) / 15.0;
    with.specificity_other = (3 + 10 * prior) / 15.0;
    with.learn_kind_means = 0;
    const bool better = LabelLogLikelihood(f.data, f.snap, f.labels, with) >
                        LabelLogLikelihood(f.data, f.snap, f.labels, without);
    SCOPED_TRACE(prior);
    EXPECT_DOUBLE_EQ(r.options.sensitivity_other, better ? with.sensitivity_other : -1.0);
    EXPECT_DOUBLE_EQ(r.options.specificity_other, better ? with.specificity_other : -1.0);
    EXPECT_EQ(r.options.learn_kind_means, better ? 0.0 : start.learn_kind_means);
    (better ? kept : dropped) += 1;
  }
  // Both branches happen (measured: kept for 0.6, 0.9 and 0.55; dropped for 0.99).
  EXPECT_GT(kept, 0);
  EXPECT_GT(dropped, 0);
}

// With labels, the model's base rate is the labelled share under the Beta(s/2, s/2) prior
// (LabelledBaseRate): 3 true of 5 labelled, s = 2 by default: (3 + 1) / (5 + 2); --base-rate
// (base_rate_from_labels = 0) keeps the given one.
TEST(FitTest, LabelsSetTheBaseRateUnlessItIsFixed) {
  const Fixture f;
  const ModelOptions defaults;
  ASSERT_EQ(defaults.base_rate_strength, 2.0);
  EXPECT_DOUBLE_EQ(*LabelledBaseRate(f.data, f.labels, defaults), 4.0 / 7.0);
  EXPECT_DOUBLE_EQ(ScoreDefault(f.data, f.snap, defaults, f.labels).base_rate, 4.0 / 7.0);
  EXPECT_DOUBLE_EQ(ScoreDefault(f.data, f.snap, defaults).base_rate, 0.5);
  ModelOptions fixed = defaults;
  fixed.base_rate = 0.3;
  fixed.base_rate_from_labels = 0;
  EXPECT_DOUBLE_EQ(ScoreDefault(f.data, f.snap, fixed, f.labels).base_rate, 0.3);
  const std::vector<std::int8_t> none(f.labels.size(), -1);
  EXPECT_FALSE(LabelledBaseRate(f.data, none, defaults).has_value());
  EXPECT_DOUBLE_EQ(ScoreDefault(f.data, f.snap, defaults, none).base_rate, 0.5);
}

TEST(FitTest, FactorSearchNeverLowersTheLikelihoodAndIsDeterministic) {
  const Fixture f;
  FitOptions none;
  none.sweeps = 0;
  FitOptions some;
  some.sweeps = 2;
  some.steps = 10;
  const FitResult base = FitParameters(f.data, f.snap, f.labels, Start(), none);
  const FitResult searched = FitParameters(f.data, f.snap, f.labels, Start(), some);
  EXPECT_GE(searched.log_likelihood_after, base.log_likelihood_after);
  EXPECT_DOUBLE_EQ(searched.log_likelihood_after,
                   LabelLogLikelihood(f.data, f.snap, f.labels, searched.options));
  const FitResult again = FitParameters(f.data, f.snap, f.labels, Start(), some);
  for (const std::string& name : FittedFactors()) {
    EXPECT_EQ(searched.options.Get(name), again.options.Get(name)) << name;
    EXPECT_GT(searched.options.Get(name), 0.0) << name;
    EXPECT_LE(searched.options.Get(name), 1.0) << name;
  }
  EXPECT_GT(searched.options.relay_fidelity, 0.5);
  searched.options.Validate();
}

TEST(FitTest, LogLikelihoodByHandOnFixedBeliefs) {
  // With no evidence at all, every belief is the base rate: log L = K ln rho + (N - K) ln(1 -
  // rho), here one claim labelled true:
  // ln 0.25 with the base rate fixed at 0.25.
  const Dataset data = io::ParseStancesCsv("source,claim,stance\na,c1,neutral\n", "n.csv");
  const graph::ClaimGraph graph(data);
  const auto snap = graph::FreezeEvidence(data, graph);
  ModelOptions o;
  o.base_rate = 0.25;
  o.learn_base_rate = 0;
  const std::vector<std::int8_t> labels = {1};
  EXPECT_NEAR(LabelLogLikelihood(data, snap, labels, o), std::log(0.25), 1e-12);
  EXPECT_THROW(LabelLogLikelihood(data, snap, {}, o), InvalidArgumentError);
}

}  // namespace
}  // namespace credence::scoring
