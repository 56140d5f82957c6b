// Hand-computed tests of the default model (include/credence/scoring/model.hpp).
//
// Notation: logit(p) = ln(p / (1 - p)), sigmoid(x) = 1 / (1 + e^-x). With the defaults
// (prior_strength 4, base_rate 1/2) an outlet of prior 0.7 has the Beta prior a = 2.8, b = 1.2.
// One iteration of ScoreDefault computes every belief from the current trusts, then every trust
// from those beliefs; max_iterations = 1 therefore shows the first beliefs, computed from the
// prior means.

#include "credence/scoring/model.hpp"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/io/reader.hpp"
#include "credence/scoring/analysis.hpp"
#include "testutil/scoring.hpp"

namespace credence::scoring {
namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

constexpr double kEps = 1e-12;

using testutil::ScoreModel;

ModelOptions FirstIteration() {
  ModelOptions o;
  o.max_iterations = 1;
  return o;
}

ModelOptions Tight() { return testutil::TightOptions(1e-14); }

// ------------------------------------------------------------------------------------------------
// Fixed points

//   o (outlet, prior 0.7) --supports--> c
//
// Start: theta_o = 0.7. Iteration 1: L_c = logit(1/2) + logit(0.7) = logit(0.7), so b_c = 0.7;
// o's unit is alone on c (no self-judgement), so theta_o keeps its prior a / (a + b) = 0.7 (as
// it did before issue 11 too: (a + b_c) / (a + b + 1) = (2.8 + 0.7) / 5 = 0.7). Nothing moved,
// so iteration 2 has residual 0 and the run stops there: trust 0.7, belief 0.7 is the fixed
// point.
TEST(ModelTest, LoneOutletKeepsItsPriorAsTrustAndBelief) {
  const auto m = ScoreModel(R"({"type":"outlet","id":"o","prior":0.7}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"o","claim":"c","polarity":"supports"})");
  EXPECT_NEAR(m->Belief("c"), 0.7, kEps);
  EXPECT_NEAR(m->Trust("o"), 0.7, kEps);
  EXPECT_TRUE(m->result.converged);
  EXPECT_EQ(m->result.iterations, 2);
  EXPECT_NEAR(m->result.residual, 0.0, kEps);
  EXPECT_EQ(m->result.algorithm, "credence");
}

// The same outlet publishing the stance in its own report is zero hops from the claim.
TEST(ModelTest, OutletInItsOwnReportIsZeroHops) {
  const auto m = ScoreModel(R"({"type":"outlet","id":"o","prior":0.7}
{"type":"report","id":"r","outlet":"o"}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"o","claim":"c","polarity":"supports","report":"r"})");
  EXPECT_EQ(m->snap.member_hops.at(0), 0);
  EXPECT_NEAR(m->Belief("c"), 0.7, kEps);
}

//   o1 (0.7) --supports--> c <--supports-- o2 (0.7)      two units (different holders)
//
// Each outlet has its own prior 0.7 (strength prior_strength 4) for both coins; the base rate
// stays 0.5 (c has two units, fewer than base_rate_min_units 3, so no claim informs it and it is
// its prior mean).
// Iteration 1: coins at 0.7: L = 2 logit(0.7) = 2 ln(7/3), b = 49 / (49 + 9) = 49/58 = 0.844828;
//              trust (the Beta posterior of "a stance is right") = (2.8 + 49/58) / 5 = 0.728966.
// Fixed point (two coins): each outlet's support counts tp = b, fp = 1 - b (fn = tn = 0), so
//   alpha = (2.8 + b) / (4 + b),   beta = 2.8 / (4 + 1 - b),
//   b = sigmoid(2 ln(alpha / (1 - beta))),
// whose root in (1/2, 1), by bisection below, is b = 0.8412577, alpha = 0.7521305,
// beta = 0.6732805 (each support is also a chance of being a false positive, so the
// specificity falls below the prior), and trust = (2.8 + b) / 5 = 0.7282515.
// Before issue 12 (one coin theta = (2.8 + b) / 5): theta = 0.7375145, b = 0.8875723.
// (echo_factor = 1 here: no discount for undeclared dependence; see EchoDiscount below.)
TEST(ModelTest, TwoIndependentOutletsAgreeing) {
  const std::string text = R"({"type":"outlet","id":"o1","prior":0.7}
{"type":"outlet","id":"o2","prior":0.7}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"o1","claim":"c","polarity":"supports"}
{"type":"stance","holder":"o2","claim":"c","polarity":"supports"})";
  ModelOptions one = FirstIteration();
  one.echo_factor = 1.0;
  ModelOptions tight = Tight();
  tight.echo_factor = 1.0;
  const auto first = ScoreModel(text, one);
  EXPECT_NEAR(first->Belief("c"), 49.0 / 58.0, kEps);
  EXPECT_NEAR(first->Trust("o1"), (2.8 + 49.0 / 58.0) / 5.0, kEps);
  EXPECT_FALSE(first->result.converged);
  EXPECT_EQ(first->result.iterations, 1);

  const auto alpha_of = [](double b) { return (2.8 + b) / (4.0 + b); };
  const auto beta_of = [](double b) { return 2.8 / (5.0 - b); };
  const auto gap = [&](double b) {
    return Sigmoid(2.0 * std::log(alpha_of(b) / (1.0 - beta_of(b)))) - b;
  };
  double lo = 0.5;
  double hi = 0.999;
  for (int i = 0; i < 200; ++i) (gap(0.5 * (lo + hi)) > 0 ? lo : hi) = 0.5 * (lo + hi);
  const double root = 0.5 * (lo + hi);
  EXPECT_NEAR(root, 0.8412577, 1e-7);

  const auto m = ScoreModel(text, tight);
  ASSERT_TRUE(m->result.converged);
  const Index o1 = m->data.FindSource("o1");
  const double b = m->Belief("c");
  EXPECT_NEAR(b, root, 1e-9);
  EXPECT_NEAR(m->result.base_rate, 0.5, kEps);
  EXPECT_NEAR(m->result.sensitivity[o1], alpha_of(root), 1e-9);
  EXPECT_NEAR(m->result.specificity[o1], beta_of(root), 1e-9);
  EXPECT_NEAR(m->result.sensitivity[o1], 0.7521305, 1e-7);
  EXPECT_NEAR(m->result.specificity[o1], 0.6732805, 1e-7);
  EXPECT_NEAR(m->Trust("o1"), (2.8 + root) / 5.0, 1e-9);
  EXPECT_NEAR(m->Trust("o1"), 0.7282515, 1e-7);
  EXPECT_DOUBLE_EQ(m->Trust("o2"), m->Trust("o1"));
}

// Undeclared dependence: on one side of a claim the k-th strongest unit counts echo^k.
//   o1 (0.9), o2 (0.7), o3 (0.7) all support c; default echo 0.84, first iteration:
//   S = logit(0.9) + 0.84 logit(0.7) + 0.84^2 logit(0.7)
//     = 2.1972246 + 0.84 * 0.8472979 + 0.7056 * 0.8472979 = 3.5076990.
//   A denial by o4 (0.7) is the strongest (only) unit on its side: it counts in full.
TEST(ModelTest, EchoDiscount) {
  const std::string text = R"({"type":"outlet","id":"o1","prior":0.9}
{"type":"outlet","id":"o2","prior":0.7}
{"type":"outlet","id":"o3","prior":0.7}
{"type":"outlet","id":"o4","prior":0.7}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"o2","claim":"c","polarity":"supports"}
{"type":"stance","holder":"o1","claim":"c","polarity":"supports"}
{"type":"stance","holder":"o3","claim":"c","polarity":"supports"})";
  const double s = std::log(9.0) + (0.84 + 0.84 * 0.84) * std::log(7.0 / 3.0);
  const auto m = ScoreModel(text, FirstIteration());
  EXPECT_NEAR(m->Belief("c"), Sigmoid(s), kEps);
  const auto denied =
      ScoreModel(text + "\n" + R"({"type":"stance","holder":"o4","claim":"c","polarity":"denies"})",
                 FirstIteration());
  EXPECT_NEAR(denied->Belief("c"), Sigmoid(s - std::log(7.0 / 3.0)), kEps);
}

//   o1 (0.7) --supports--> c <--denies-- o2 (0.7)
//
// L = logit(theta1) - logit(theta2) = 0 while theta1 = theta2, so b = 1/2 exactly; each outlet
// then agrees with the belief half the time: theta = (2.8 + 0.5) / 5 = 0.66, for both.
TEST(ModelTest, SupportAndDenialWithEqualPriorsGiveOneHalf) {
  const auto m = ScoreModel(R"({"type":"outlet","id":"o1","prior":0.7}
{"type":"outlet","id":"o2","prior":0.7}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"o1","claim":"c","polarity":"supports"}
{"type":"stance","holder":"o2","claim":"c","polarity":"denies"})");
  EXPECT_DOUBLE_EQ(m->Belief("c"), 0.5);
  EXPECT_NEAR(m->Trust("o1"), 0.66, kEps);
  EXPECT_NEAR(m->Trust("o2"), 0.66, kEps);
}

// A claim nobody takes a side on keeps the base rate; a neutral stance weighs nothing.
TEST(ModelTest, ClaimWithoutEvidenceKeepsTheBaseRate) {
  ModelOptions o;
  o.base_rate = 0.3;
  const auto m = ScoreModel(R"({"type":"outlet","id":"o","prior":0.7}
{"type":"claim","id":"c","text":"c"}
{"type":"claim","id":"d","text":"d"}
{"type":"stance","holder":"o","claim":"d","polarity":"neutral"})",
                            o);
  EXPECT_NEAR(m->Belief("c"), 0.3, kEps);
  EXPECT_NEAR(m->Belief("d"), 0.3, kEps);
  EXPECT_NEAR(m->Trust("o"), 0.7, kEps);  // no evidence: the prior mean
  EXPECT_EQ(m->snap.claim_neutral.at(m->data.FindClaim("d")), 1U);
  EXPECT_EQ(m->snap.num_units(), 0U);
}

// ------------------------------------------------------------------------------------------------
// The factors of w_m, and the relay gain, on the first iteration (theta = prior mean)

//   o (0.7) --supports, "reportedly"--> c        w = hedge_factor = 0.7
//   L = 0.7 logit(0.7) = 0.7 * 0.8472979 = 0.5931085, b = sigmoid(0.5931085) = 0.6440781
//   theta after iteration 1 stays 0.7: o is the only owner of evidence on c, so its unit is alone
//   and gives no trust credit (no self-judgement, issue 11 item 5). Before issue 11 the hedged
//   stance gave credit 0.7: theta = (2.8 + 0.7 b) / (4 + 0.7) = 0.6917, judged against a belief
//   that rests on o alone.
//   With "unconfirmed", w = strong_hedge_factor = 0.5: b = sigmoid(0.5 logit(0.7)) = 0.6043561.
TEST(ModelTest, HedgeFactorsScaleTheLogOdds) {
  const auto hedged = ScoreModel(R"({"type":"outlet","id":"o","prior":0.7}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"o","claim":"c","polarity":"supports","hedge":"reportedly"})",
                                 FirstIteration());
  EXPECT_NEAR(hedged->Belief("c"), 0.6440781, 1e-7);
  EXPECT_NEAR(hedged->Belief("c"), Sigmoid(0.7 * Logit(0.7)), kEps);
  EXPECT_EQ(hedged->Trust("o"), 0.7);

  const auto strong = ScoreModel(R"({"type":"outlet","id":"o","prior":0.7}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"o","claim":"c","polarity":"supports","hedge":"unconfirmed"})",
                                 FirstIteration());
  EXPECT_NEAR(strong->Belief("c"), 0.6043561, 1e-7);

  // The annotator's weight multiplies the hedge: 0.5 * 0.7.
  const auto weighted = ScoreModel(R"({"type":"outlet","id":"o","prior":0.7}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"o","claim":"c","polarity":"supports","hedge":"allegedly","weight":0.5})",
                                   FirstIteration());
  EXPECT_NEAR(weighted->Belief("c"), Sigmoid(0.35 * Logit(0.7)), kEps);
}

//   kremlin (organisation) <--affiliated-- peskov (speaker, prior 0.6) --denies--> c
//   c is about kremlin, so peskov is an interested party: w = interested_factor = 1/2.
//   L = -0.5 logit(0.6) = -0.5 ln(1.5) = -0.2027326, b = 0.4494897 (= 1 / (1 + sqrt(1.5))).
//   The same denial by an unaffiliated speaker: b = 1 - 0.6 = 0.4.
TEST(ModelTest, InterestedPartyFactor) {
  const std::string common = R"({"type":"organisation","id":"kremlin"}
{"type":"claim","id":"c","text":"c","about":["kremlin"]}
{"type":"stance","holder":"peskov","claim":"c","polarity":"denies"}
)";
  const auto interested = ScoreModel(
      common + R"({"type":"speaker","id":"peskov","affiliation":["kremlin"]})", FirstIteration());
  EXPECT_NEAR(interested->Belief("c"), 1.0 / (1.0 + std::sqrt(1.5)), kEps);
  EXPECT_EQ(interested->snap.member_flags.at(0), graph::EvidenceSnapshot::kInterested);

  const auto plain = ScoreModel(common + R"({"type":"speaker","id":"peskov"})", FirstIteration());
  EXPECT_NEAR(plain->Belief("c"), 0.4, kEps);
  EXPECT_EQ(plain->snap.member_flags.at(0), 0);
}

// A speaker affiliated with a child organisation speaks for its parent too.
TEST(ModelTest, InterestedThroughParentOrganisation) {
  const auto m = ScoreModel(R"({"type":"organisation","id":"government"}
{"type":"organisation","id":"kremlin","parent":"government"}
{"type":"speaker","id":"peskov","affiliation":["kremlin"]}
{"type":"claim","id":"c","text":"c","about":["government"]}
{"type":"stance","holder":"peskov","claim":"c","polarity":"denies"})",
                            FirstIteration());
  EXPECT_NEAR(m->Belief("c"), 1.0 / (1.0 + std::sqrt(1.5)), kEps);
}

//   nbc (outlet, 0.7) --publishes--> r --contains--> officials (anonymous) --supports--> c
//   The stance carries nbc's trust (owner nbc), zero hops (nbc vouches directly), w = 0.8:
//   L = 0.8 logit(0.7) = 0.6778383, b = 0.6632561. The officials' own prior plays no part.
TEST(ModelTest, AnonymousSourceCarriesItsOutlet) {
  const auto m = ScoreModel(R"({"type":"outlet","id":"nbc","prior":0.7}
{"type":"speaker","id":"officials","anonymous":true,"prior":0.1}
{"type":"report","id":"r","outlet":"nbc"}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"officials","claim":"c","polarity":"supports","report":"r"})",
                            FirstIteration());
  EXPECT_NEAR(m->Belief("c"), 0.6632561, 1e-7);
  EXPECT_NEAR(m->Belief("c"), Sigmoid(0.8 * Logit(0.7)), kEps);
  EXPECT_EQ(m->snap.member_owner.at(0), m->data.FindSource("nbc"));
  EXPECT_EQ(m->snap.member_flags.at(0), graph::EvidenceSnapshot::kAnonymous);
  EXPECT_EQ(m->snap.member_hops.at(0), 0);
  EXPECT_NEAR(m->Trust("officials"), 0.1, kEps);  // owns nothing: keeps its prior
}

// Relay hops: chain(theta, h) = 1/2 + 1/2 (2 theta - 1) (2 f - 1)^h, with f = 0.95 (gain 0.9).
//
//   speaker s (0.6) quoted by outlet mt in report r:         mt -> s          h = 1
//     chain = 0.5 + 0.5 * 0.2 * 0.9 = 0.59, so b = sigmoid(logit(0.59)) = 0.59
//   the same, mt citing nbc citing s (via ["nbc"]):          mt -> nbc -> s   h = 2
//     chain = 0.5 + 0.5 * 0.2 * 0.81 = 0.581
//   nbc in its own voice, relayed by mt (via ["nbc"]):       mt -> nbc        h = 1
//     chain = 0.5 + 0.5 * (2 * 0.7 - 1) * 0.9 = 0.68
TEST(ModelTest, RelayHopGain) {
  const std::string common = R"({"type":"outlet","id":"mt","prior":0.7}
{"type":"outlet","id":"nbc","prior":0.7}
{"type":"speaker","id":"s"}
{"type":"report","id":"r","outlet":"mt"}
{"type":"claim","id":"c","text":"c"}
)";
  const auto one_hop = ScoreModel(
      common + R"({"type":"stance","holder":"s","claim":"c","polarity":"supports","report":"r"})",
      FirstIteration());
  EXPECT_EQ(one_hop->snap.member_hops.at(0), 1);
  EXPECT_NEAR(one_hop->Belief("c"), 0.59, kEps);

  const auto two_hops = ScoreModel(
      common +
          R"({"type":"stance","holder":"s","claim":"c","polarity":"supports","report":"r","via":["nbc"]})",
      FirstIteration());
  EXPECT_EQ(two_hops->snap.member_hops.at(0), 2);
  EXPECT_NEAR(two_hops->Belief("c"), 0.581, kEps);

  const auto relayed_outlet = ScoreModel(
      common +
          R"({"type":"stance","holder":"nbc","claim":"c","polarity":"supports","report":"r","via":["nbc"]})",
      FirstIteration());
  EXPECT_EQ(relayed_outlet->snap.member_hops.at(0), 1);
  EXPECT_NEAR(relayed_outlet->Belief("c"), 0.68, kEps);

  // relay_fidelity = 1: relays lose nothing.
  ModelOptions faithful = FirstIteration();
  faithful.relay_fidelity = 1.0;
  const auto lossless = ScoreModel(
      common +
          R"({"type":"stance","holder":"s","claim":"c","polarity":"supports","report":"r","via":["nbc"]})",
      faithful);
  EXPECT_NEAR(lossless->Belief("c"), 0.6, kEps);
}

//   group "born": c1961, c1962, exactly one true. o (0.7) supports c1961:
//   S(c1961) = logit(0.7) = ln(7/3), S(c1962) = 0; softmax: b(c1961) = (7/3) / (7/3 + 1) = 0.7,
//   b(c1962) = 0.3. The implied denial of c1962 is shown (a unit flagged kImplied) but adds
//   nothing: counting it too would use o's stance twice.
//   If o instead denies c1961: S(c1961) = -ln(7/3), b(c1961) = (3/7) / (3/7 + 1) = 0.3, b(c1962) =
//   0.7. With a third alternative c1963 and o supporting c1961: b = (7/3, 1, 1) / (13/3) =
//   (7/13, 3/13, 3/13).
TEST(ModelTest, GroupBeliefsAreASoftmaxOfTheEvidence) {
  const std::string group = R"({"type":"outlet","id":"o","prior":0.7}
{"type":"claim","id":"c1961","text":"born in 1961","group":"born"}
{"type":"claim","id":"c1962","text":"born in 1962","group":"born"}
)";
  const auto m =
      ScoreModel(group + R"({"type":"stance","holder":"o","claim":"c1961","polarity":"supports"})",
                 FirstIteration());
  EXPECT_NEAR(m->Belief("c1961"), 0.7, kEps);
  EXPECT_NEAR(m->Belief("c1962"), 0.3, kEps);
  ASSERT_EQ(m->snap.num_units(), 2U);
  EXPECT_TRUE(m->snap.IsInert(m->snap.claim_offsets[m->data.FindClaim("c1962")]));

  const auto denial =
      ScoreModel(group + R"({"type":"stance","holder":"o","claim":"c1961","polarity":"denies"})",
                 FirstIteration());
  EXPECT_NEAR(denial->Belief("c1961"), 0.3, kEps);
  EXPECT_NEAR(denial->Belief("c1962"), 0.7, kEps);

  const auto three =
      ScoreModel(group + R"({"type":"claim","id":"c1963","text":"born in 1963","group":"born"}
{"type":"stance","holder":"o","claim":"c1961","polarity":"supports"})",
                 FirstIteration());
  EXPECT_NEAR(three->Belief("c1961"), 7.0 / 13.0, kEps);
  EXPECT_NEAR(three->Belief("c1962"), 3.0 / 13.0, kEps);
  EXPECT_NEAR(three->Belief("c1963"), 3.0 / 13.0, kEps);
}

// Trust is clamped to [floor, 1 - floor] where it enters the log-odds: an outlet of prior 0.995
// supports as if its trust were 0.99: L = logit(0.99) = 4.5951199, b = 0.99.
TEST(ModelTest, TrustFloorClampsTheLogOdds) {
  const auto m = ScoreModel(R"({"type":"outlet","id":"o","prior":0.995}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"o","claim":"c","polarity":"supports"})",
                            FirstIteration());
  EXPECT_NEAR(m->Belief("c"), 0.99, kEps);
}

// A source trusted below 1/2 adds nothing (max(0, logit(theta)) = 0): its support is not turned
// into evidence against the claim. Outlet of prior 0.3 supporting c: L = 0, b = 1/2; the same
// outlet denying c: b = 1/2 too.
TEST(ModelTest, DistrustedSourceAddsNothing) {
  for (const char* polarity : {"supports", "denies"}) {
    const auto m = ScoreModel(fmt::format(R"({{"type":"outlet","id":"o","prior":0.3}}
{{"type":"claim","id":"c","text":"c"}}
{{"type":"stance","holder":"o","claim":"c","polarity":"{}"}})",
                                          polarity),
                              FirstIteration());
    EXPECT_NEAR(m->Belief("c"), 0.5, kEps) << polarity;
  }
}

// Two stances of one holder on one claim are one unit: the stronger (unhedged) one carries it.
//   o (0.7) --supports--> c, twice: plainly and "reportedly". L = logit(0.7), not 1.7 logit(0.7).
TEST(ModelTest, SameHolderTwiceIsOneUnitCarriedByItsStrongestMember) {
  const auto m = ScoreModel(R"({"type":"outlet","id":"o","prior":0.7}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"o","claim":"c","polarity":"supports","hedge":"reportedly"}
{"type":"stance","holder":"o","claim":"c","polarity":"supports"})",
                            FirstIteration());
  EXPECT_EQ(m->snap.num_units(), 1U);
  EXPECT_EQ(m->snap.unit_size(0), 2U);
  EXPECT_NEAR(m->Belief("c"), 0.7, kEps);
}

// ------------------------------------------------------------------------------------------------
// ModelOptions::Validate: each field out of range is named, with its range and the value.

struct BadOption {
  std::string field;
  std::function<void(ModelOptions&)> spoil;
};

TEST(ModelOptionsTest, DefaultsAndBoundariesAreValid) {
  EXPECT_NO_THROW(ModelOptions{}.Validate());
  ModelOptions o;
  o.relay_fidelity = 1.0;
  o.interested_factor = 1.0;
  o.anonymous_factor = 1.0;
  o.implied_factor = 1.0;
  o.hedge_factor = 1.0;
  o.strong_hedge_factor = 1.0;
  o.max_iterations = 1;
  o.threads = 0;
  o.tolerance = 0.0;  // stop only when nothing moves
  EXPECT_NO_THROW(o.Validate());
}

TEST(ModelOptionsTest, RejectsEachFieldOutOfRange) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<BadOption> cases = {
      {"base_rate", [](ModelOptions& o) { o.base_rate = 0.0; }},
      {"base_rate", [](ModelOptions& o) { o.base_rate = 1.0; }},
      {"base_rate", [=](ModelOptions& o) { o.base_rate = nan; }},
      {"prior_strength", [](ModelOptions& o) { o.prior_strength = 0.0; }},
      {"prior_strength", [=](ModelOptions& o) { o.prior_strength = inf; }},
      {"relay_fidelity", [](ModelOptions& o) { o.relay_fidelity = 0.5; }},
      {"relay_fidelity", [](ModelOptions& o) { o.relay_fidelity = 1.01; }},
      {"interested_factor", [](ModelOptions& o) { o.interested_factor = 0.0; }},
      {"interested_factor", [](ModelOptions& o) { o.interested_factor = 1.5; }},
      {"anonymous_factor", [](ModelOptions& o) { o.anonymous_factor = -0.1; }},
      {"implied_factor", [](ModelOptions& o) { o.implied_factor = 2.0; }},
      {"hedge_factor", [](ModelOptions& o) { o.hedge_factor = 0.0; }},
      {"strong_hedge_factor", [=](ModelOptions& o) { o.strong_hedge_factor = nan; }},
      {"trust_floor", [](ModelOptions& o) { o.trust_floor = 0.0; }},
      {"trust_floor", [](ModelOptions& o) { o.trust_floor = 0.5; }},
      {"prior_news", [](ModelOptions& o) { o.prior_news = 1.0; }},
      {"prior_wire", [](ModelOptions& o) { o.prior_wire = 0.0; }},
      {"prior_fact_checker", [](ModelOptions& o) { o.prior_fact_checker = 1.2; }},
      {"prior_social", [](ModelOptions& o) { o.prior_social = -0.3; }},
      {"prior_official", [=](ModelOptions& o) { o.prior_official = nan; }},
      {"prior_other", [](ModelOptions& o) { o.prior_other = 1.0; }},
      {"prior_speaker", [](ModelOptions& o) { o.prior_speaker = 0.0; }},
      {"prior_organisation", [](ModelOptions& o) { o.prior_organisation = 7.0; }},
      {"max_iterations", [](ModelOptions& o) { o.max_iterations = 0; }},
      {"tolerance", [](ModelOptions& o) { o.tolerance = -1e-9; }},
      {"tolerance", [=](ModelOptions& o) { o.tolerance = inf; }},
      {"threads", [](ModelOptions& o) { o.threads = -1; }},
  };
  for (const BadOption& c : cases) {
    ModelOptions o;
    c.spoil(o);
    EXPECT_THAT([&] { o.Validate(); },
                ThrowsMessage<InvalidArgumentError>(HasSubstr("ModelOptions." + c.field + " ")))
        << c.field;
  }
}

TEST(ModelOptionsTest, MessageNamesRangeAndValue) {
  ModelOptions o;
  o.relay_fidelity = 0.25;
  EXPECT_THAT([&] { o.Validate(); },
              ThrowsMessage<InvalidArgumentError>(
                  testing::StrEq("ModelOptions.relay_fidelity must be in (0.5, 1], got 0.25")));
}

TEST(ModelOptionsTest, ScoreDefaultValidatesItsOptions) {
  const Dataset data = io::ParseJsonl(R"({"type":"claim","id":"c","text":"c"})", "x.jsonl");
  const graph::ClaimGraph g(data);
  const auto snap = graph::FreezeEvidence(data, g);
  ModelOptions o;
  o.hedge_factor = 3.0;
  EXPECT_THAT([&] { ScoreDefault(data, snap, o); },
              ThrowsMessage<InvalidArgumentError>(HasSubstr("hedge_factor")));
}

}  // namespace
}  // namespace credence::scoring
