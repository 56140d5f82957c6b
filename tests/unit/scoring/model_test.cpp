// Hand-computed tests of the default model (include/credence/scoring/model.hpp) and of the
// analysis built on it (include/credence/scoring/analysis.hpp).
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

namespace credence::scoring {
namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

constexpr double kEps = 1e-12;

// A parsed, frozen and scored dataset. Held by pointer: EvidenceWeights refers to the snapshot.
struct Model {
  Dataset data;
  std::unique_ptr<graph::ClaimGraph> graph;
  graph::EvidenceSnapshot snap;
  ModelOptions options;
  ScoringResult result;

  double Belief(std::string_view claim) const { return result.belief.at(data.FindClaim(claim)); }
  double Trust(std::string_view source) const { return result.trust.at(data.FindSource(source)); }
};

std::unique_ptr<Model> ScoreText(const std::string& jsonl, const ModelOptions& options = {}) {
  auto m = std::make_unique<Model>();
  m->data = io::ParseJsonl(jsonl, "tiny.jsonl");
  m->graph = std::make_unique<graph::ClaimGraph>(m->data);
  m->snap = graph::FreezeEvidence(m->data, *m->graph);
  m->options = options;
  m->result = ScoreDefault(m->data, m->snap, options);
  return m;
}

ModelOptions FirstIteration() {
  ModelOptions o;
  o.max_iterations = 1;
  return o;
}

ModelOptions Tight() {
  ModelOptions o;
  o.tolerance = 1e-14;
  o.max_iterations = 10000;
  return o;
}

// ------------------------------------------------------------------------------------------------
// Fixed points

//   o (outlet, prior 0.7) --supports--> c
//
// Start: theta_o = 0.7. Iteration 1: L_c = logit(1/2) + logit(0.7) = logit(0.7), so b_c = 0.7;
// theta_o = (a + b_c) / (a + b + 1) = (2.8 + 0.7) / 5 = 0.7. Nothing moved, so iteration 2 has
// residual 0 and the run stops there: trust 0.7, belief 0.7 is the fixed point.
TEST(ModelTest, LoneOutletKeepsItsPriorAsTrustAndBelief) {
  const auto m = ScoreText(R"({"type":"outlet","id":"o","prior":0.7}
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
  const auto m = ScoreText(R"({"type":"outlet","id":"o","prior":0.7}
{"type":"report","id":"r","outlet":"o"}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"o","claim":"c","polarity":"supports","report":"r"})");
  EXPECT_EQ(m->snap.member_hops.at(0), 0);
  EXPECT_NEAR(m->Belief("c"), 0.7, kEps);
}

//   o1 (0.7) --supports--> c <--supports-- o2 (0.7)      two units (different holders)
//
// Iteration 1: L = 2 logit(0.7) = 2 ln(7/3), b = 49 / (49 + 9) = 49/58 = 0.844828;
//              theta = (2.8 + 49/58) / 5 = 0.728966 for both.
// Fixed point: theta = (2.8 + b) / 5 with b = theta^2 / (theta^2 + (1 - theta)^2), whose root in
// (0.7, 1) is theta = 0.7375145, b = 0.8875723.
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
  const auto first = ScoreText(text, one);
  EXPECT_NEAR(first->Belief("c"), 49.0 / 58.0, kEps);
  EXPECT_NEAR(first->Trust("o1"), (2.8 + 49.0 / 58.0) / 5.0, kEps);
  EXPECT_FALSE(first->result.converged);
  EXPECT_EQ(first->result.iterations, 1);

  const auto m = ScoreText(text, tight);
  ASSERT_TRUE(m->result.converged);
  const double theta = m->Trust("o1");
  const double b = m->Belief("c");
  EXPECT_NEAR(theta, 0.7375145, 1e-7);
  EXPECT_NEAR(b, 0.8875723, 1e-7);
  EXPECT_NEAR(theta, (2.8 + b) / 5.0, 1e-12);
  EXPECT_NEAR(b, theta * theta / (theta * theta + (1 - theta) * (1 - theta)), 1e-12);
  EXPECT_DOUBLE_EQ(m->Trust("o2"), theta);
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
  const auto m = ScoreText(text, FirstIteration());
  EXPECT_NEAR(m->Belief("c"), Sigmoid(s), kEps);
  const auto denied =
      ScoreText(text + "\n" + R"({"type":"stance","holder":"o4","claim":"c","polarity":"denies"})",
                FirstIteration());
  EXPECT_NEAR(denied->Belief("c"), Sigmoid(s - std::log(7.0 / 3.0)), kEps);
}

//   o1 (0.7) --supports--> c <--denies-- o2 (0.7)
//
// L = logit(theta1) - logit(theta2) = 0 while theta1 = theta2, so b = 1/2 exactly; each outlet
// then agrees with the belief half the time: theta = (2.8 + 0.5) / 5 = 0.66, for both.
TEST(ModelTest, SupportAndDenialWithEqualPriorsGiveOneHalf) {
  const auto m = ScoreText(R"({"type":"outlet","id":"o1","prior":0.7}
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
  const auto m = ScoreText(R"({"type":"outlet","id":"o","prior":0.7}
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
//   theta after iteration 1 = (2.8 + 0.7 b) / (4 + 0.7): the hedged stance gives credit 0.7.
//   With "unconfirmed", w = strong_hedge_factor = 0.5: b = sigmoid(0.5 logit(0.7)) = 0.6043561.
TEST(ModelTest, HedgeFactorsScaleTheLogOdds) {
  const auto hedged = ScoreText(R"({"type":"outlet","id":"o","prior":0.7}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"o","claim":"c","polarity":"supports","hedge":"reportedly"})",
                                FirstIteration());
  EXPECT_NEAR(hedged->Belief("c"), 0.6440781, 1e-7);
  EXPECT_NEAR(hedged->Belief("c"), Sigmoid(0.7 * Logit(0.7)), kEps);
  EXPECT_NEAR(hedged->Trust("o"), (2.8 + 0.7 * hedged->Belief("c")) / 4.7, kEps);

  const auto strong = ScoreText(R"({"type":"outlet","id":"o","prior":0.7}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"o","claim":"c","polarity":"supports","hedge":"unconfirmed"})",
                                FirstIteration());
  EXPECT_NEAR(strong->Belief("c"), 0.6043561, 1e-7);

  // The annotator's weight multiplies the hedge: 0.5 * 0.7.
  const auto weighted = ScoreText(R"({"type":"outlet","id":"o","prior":0.7}
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
  const auto interested = ScoreText(
      common + R"({"type":"speaker","id":"peskov","affiliation":["kremlin"]})", FirstIteration());
  EXPECT_NEAR(interested->Belief("c"), 1.0 / (1.0 + std::sqrt(1.5)), kEps);
  EXPECT_EQ(interested->snap.member_flags.at(0), graph::EvidenceSnapshot::kInterested);

  const auto plain = ScoreText(common + R"({"type":"speaker","id":"peskov"})", FirstIteration());
  EXPECT_NEAR(plain->Belief("c"), 0.4, kEps);
  EXPECT_EQ(plain->snap.member_flags.at(0), 0);
}

// A speaker affiliated with a child organisation speaks for its parent too.
TEST(ModelTest, InterestedThroughParentOrganisation) {
  const auto m = ScoreText(R"({"type":"organisation","id":"government"}
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
  const auto m = ScoreText(R"({"type":"outlet","id":"nbc","prior":0.7}
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
  const auto one_hop = ScoreText(
      common + R"({"type":"stance","holder":"s","claim":"c","polarity":"supports","report":"r"})",
      FirstIteration());
  EXPECT_EQ(one_hop->snap.member_hops.at(0), 1);
  EXPECT_NEAR(one_hop->Belief("c"), 0.59, kEps);

  const auto two_hops = ScoreText(
      common +
          R"({"type":"stance","holder":"s","claim":"c","polarity":"supports","report":"r","via":["nbc"]})",
      FirstIteration());
  EXPECT_EQ(two_hops->snap.member_hops.at(0), 2);
  EXPECT_NEAR(two_hops->Belief("c"), 0.581, kEps);

  const auto relayed_outlet = ScoreText(
      common +
          R"({"type":"stance","holder":"nbc","claim":"c","polarity":"supports","report":"r","via":["nbc"]})",
      FirstIteration());
  EXPECT_EQ(relayed_outlet->snap.member_hops.at(0), 1);
  EXPECT_NEAR(relayed_outlet->Belief("c"), 0.68, kEps);

  // relay_fidelity = 1: relays lose nothing.
  ModelOptions faithful = FirstIteration();
  faithful.relay_fidelity = 1.0;
  const auto lossless = ScoreText(
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
      ScoreText(group + R"({"type":"stance","holder":"o","claim":"c1961","polarity":"supports"})",
                FirstIteration());
  EXPECT_NEAR(m->Belief("c1961"), 0.7, kEps);
  EXPECT_NEAR(m->Belief("c1962"), 0.3, kEps);
  ASSERT_EQ(m->snap.num_units(), 2U);
  EXPECT_TRUE(m->snap.IsImplied(m->snap.claim_offsets[m->data.FindClaim("c1962")]));

  const auto denial =
      ScoreText(group + R"({"type":"stance","holder":"o","claim":"c1961","polarity":"denies"})",
                FirstIteration());
  EXPECT_NEAR(denial->Belief("c1961"), 0.3, kEps);
  EXPECT_NEAR(denial->Belief("c1962"), 0.7, kEps);

  const auto three =
      ScoreText(group + R"({"type":"claim","id":"c1963","text":"born in 1963","group":"born"}
{"type":"stance","holder":"o","claim":"c1961","polarity":"supports"})",
                FirstIteration());
  EXPECT_NEAR(three->Belief("c1961"), 7.0 / 13.0, kEps);
  EXPECT_NEAR(three->Belief("c1962"), 3.0 / 13.0, kEps);
  EXPECT_NEAR(three->Belief("c1963"), 3.0 / 13.0, kEps);
}

// Trust is clamped to [floor, 1 - floor] where it enters the log-odds: an outlet of prior 0.995
// supports as if its trust were 0.99: L = logit(0.99) = 4.5951199, b = 0.99.
TEST(ModelTest, TrustFloorClampsTheLogOdds) {
  const auto m = ScoreText(R"({"type":"outlet","id":"o","prior":0.995}
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
    const auto m = ScoreText(fmt::format(R"({{"type":"outlet","id":"o","prior":0.3}}
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
  const auto m = ScoreText(R"({"type":"outlet","id":"o","prior":0.7}
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
      {"tolerance", [](ModelOptions& o) { o.tolerance = 0.0; }},
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

TEST(AnalysisOptionsTest, RejectsEachFieldOutOfRange) {
  const std::vector<std::pair<std::string, std::function<void(AnalysisOptions&)>>> cases = {
      {"dispute_scale", [](AnalysisOptions& o) { o.dispute_scale = 0.0; }},
      {"likely_true", [](AnalysisOptions& o) { o.likely_true = 0.5; }},
      {"likely_false", [](AnalysisOptions& o) { o.likely_false = 0.5; }},
      {"dispute_ratio", [](AnalysisOptions& o) { o.dispute_ratio = 1.5; }},
  };
  EXPECT_NO_THROW(AnalysisOptions{}.Validate());
  for (const auto& [field, spoil] : cases) {
    AnalysisOptions o;
    spoil(o);
    EXPECT_THAT([&] { o.Validate(); },
                ThrowsMessage<InvalidArgumentError>(HasSubstr("AnalysisOptions." + field + " ")))
        << field;
  }
}

// ------------------------------------------------------------------------------------------------
// Analyze: dispute, verdicts, ranking. The trusts and beliefs are set by hand, so the numbers
// follow from the formulas alone.

struct Analysed {
  std::unique_ptr<Model> model;
  Analysis analysis;

  const ClaimAssessment& Claim(std::string_view id) const {
    const Index c = model->data.FindClaim(id);
    for (const auto& a : analysis.claims) {
      if (a.claim == c) return a;
    }
    ADD_FAILURE() << "no claim " << id;
    return analysis.claims.front();
  }
};

// Scores `jsonl`, then overrides the trusts and beliefs given by id before analysing.
Analysed AnalyseWith(const std::string& jsonl, const std::map<std::string, double>& trust,
                     const std::map<std::string, double>& belief,
                     const AnalysisOptions& options = {}) {
  Analysed out;
  out.model = ScoreText(jsonl);
  for (const auto& [id, t] : trust) out.model->result.trust.at(out.model->data.FindSource(id)) = t;
  for (const auto& [id, b] : belief) out.model->result.belief.at(out.model->data.FindClaim(id)) = b;
  const EvidenceWeights weights(out.model->data, out.model->snap, out.model->options);
  out.analysis = Analyze(out.model->data, out.model->snap, weights, out.model->result, options);
  return out;
}

//   a (trust 0.8) --supports--> c <--denies-- d (trust 0.6)
//   E+ = logit(0.8) = ln 4, E- = logit(0.6) = ln 1.5
//   dispute = (1 - e^-E+)(1 - e^-E-) = (1 - 1/4)(1 - 2/3) = 1/4
//   weak / strong = ln 1.5 / ln 4 = 0.29 >= dispute_ratio 0.25: disputed.
//   With kappa = 2: (1 - 4^-1/2)(1 - 1.5^-1/2) = (1/2)(1 - 0.8164966) = 0.0917517.
TEST(AnalyzeTest, DisputeIsTheProductOfBothSidesSaturations) {
  const std::string text = R"({"type":"outlet","id":"a"}
{"type":"outlet","id":"d"}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"a","claim":"c","polarity":"supports"}
{"type":"stance","holder":"d","claim":"c","polarity":"denies"})";
  const auto r = AnalyseWith(text, {{"a", 0.8}, {"d", 0.6}}, {{"c", 0.6}});
  const ClaimAssessment& c = r.Claim("c");
  EXPECT_NEAR(c.weight_for, std::log(4.0), kEps);
  EXPECT_NEAR(c.weight_against, std::log(1.5), kEps);
  EXPECT_NEAR(c.dispute, 0.25, kEps);
  EXPECT_EQ(c.verdict, Verdict::kDisputed);
  EXPECT_EQ(c.sources_for, 1);
  EXPECT_EQ(c.sources_against, 1);
  EXPECT_EQ(c.stances_for, 1);
  EXPECT_EQ(c.stances_against, 1);
  EXPECT_EQ(c.rank, 1);

  AnalysisOptions wide;
  wide.dispute_scale = 2.0;
  const auto scaled = AnalyseWith(text, {{"a", 0.8}, {"d", 0.6}}, {{"c", 0.6}}, wide);
  EXPECT_NEAR(scaled.Claim("c").dispute, 0.5 * (1.0 - 1.0 / std::sqrt(1.5)), kEps);
}

// Verdict rules, on claims with one strong supporter (0.9: E+ = ln 9 = 2.197) and at most one
// weak denier (0.55: E- = ln(11/9) = 0.2007, a share of 0.091 < 0.25 of E+):
//   not disputed, so the belief decides: >= 0.75 likely true, <= 0.25 likely false, else
//   unresolved. A claim without units is unresolved (no evidence). A distrusted voice (0.3)
//   carries no trusted mass: E = max(0, logit(0.3)) = 0.
TEST(AnalyzeTest, VerdictRules) {
  const auto r = AnalyseWith(R"({"type":"outlet","id":"strong"}
{"type":"outlet","id":"weak"}
{"type":"outlet","id":"liar"}
{"type":"claim","id":"true","text":"t"}
{"type":"claim","id":"false","text":"f"}
{"type":"claim","id":"open","text":"o"}
{"type":"claim","id":"even","text":"e"}
{"type":"claim","id":"empty","text":"n"}
{"type":"claim","id":"neutral","text":"n"}
{"type":"claim","id":"lied","text":"l"}
{"type":"stance","holder":"strong","claim":"true","polarity":"supports"}
{"type":"stance","holder":"weak","claim":"true","polarity":"denies"}
{"type":"stance","holder":"strong","claim":"false","polarity":"denies"}
{"type":"stance","holder":"strong","claim":"open","polarity":"supports"}
{"type":"stance","holder":"strong","claim":"even","polarity":"supports"}
{"type":"stance","holder":"weak","claim":"even","polarity":"denies"}
{"type":"stance","holder":"strong","claim":"neutral","polarity":"neutral"}
{"type":"stance","holder":"liar","claim":"lied","polarity":"supports"})",
                             {{"strong", 0.9}, {"weak", 0.55}, {"liar", 0.3}},
                             {{"true", 0.75},
                              {"false", 0.25},
                              {"open", 0.6},
                              {"even", 0.74},
                              {"empty", 0.5},
                              {"neutral", 0.5},
                              {"lied", 0.3}});
  EXPECT_EQ(r.Claim("true").verdict, Verdict::kLikelyTrue);
  EXPECT_NEAR(r.Claim("true").weight_against, std::log(11.0 / 9.0), kEps);
  EXPECT_EQ(r.Claim("false").verdict, Verdict::kLikelyFalse);
  EXPECT_EQ(r.Claim("open").verdict, Verdict::kUnresolved);
  EXPECT_EQ(r.Claim("even").verdict, Verdict::kUnresolved);  // 0.74 < 0.75
  EXPECT_EQ(r.Claim("empty").verdict, Verdict::kUnresolved);
  EXPECT_EQ(r.Claim("empty").sources_for + r.Claim("empty").sources_against, 0);
  EXPECT_EQ(r.Claim("empty").dispute, 0.0);
  EXPECT_EQ(r.Claim("neutral").verdict, Verdict::kUnresolved);
  EXPECT_EQ(r.Claim("neutral").stances_neutral, 1);
  EXPECT_EQ(r.Claim("lied").weight_for, 0.0);
  EXPECT_EQ(r.Claim("lied").sources_for, 1);
  EXPECT_EQ(r.Claim("lied").verdict, Verdict::kUnresolved);  // belief 0.3 is above 0.25
  EXPECT_EQ(r.Claim("false").dispute, 0.0);                  // one side only
  EXPECT_EQ(ToString(Verdict::kDisputed), "disputed");
  EXPECT_EQ(ToString(Verdict::kLikelyTrue), "likely true");
  EXPECT_EQ(ToString(Verdict::kLikelyFalse), "likely false");
  EXPECT_EQ(ToString(Verdict::kUnresolved), "unresolved");

  // dispute_ratio 0.05 makes the 0.091 share enough to call "true" disputed.
  AnalysisOptions keen;
  keen.dispute_ratio = 0.05;
  const auto k = AnalyseWith(R"({"type":"outlet","id":"strong"}
{"type":"outlet","id":"weak"}
{"type":"claim","id":"true","text":"t"}
{"type":"stance","holder":"strong","claim":"true","polarity":"supports"}
{"type":"stance","holder":"weak","claim":"true","polarity":"denies"})",
                             {{"strong", 0.9}, {"weak", 0.55}}, {{"true", 0.9}}, keen);
  EXPECT_EQ(k.Claim("true").verdict, Verdict::kDisputed);
}

// Rank: dispute descending, then trusted mass descending, then id ascending.
//   "hot": 0.8 vs 0.8, dispute (3/4)^2. "a-tie" and "b-tie": the same evidence (their own
//   outlets, same trusts), dispute (1 - 1/4)(1 - 2/3) = 1/4 each: tied, so by id. "big" and
//   "small": one-sided (dispute 0) with mass 2 ln 4 and ln 4: by mass.
TEST(AnalyzeTest, RankingBreaksTiesByMassThenId) {
  const auto r = AnalyseWith(
      R"({"type":"outlet","id":"p1"}
{"type":"outlet","id":"p2"}
{"type":"outlet","id":"p3"}
{"type":"outlet","id":"p4"}
{"type":"outlet","id":"q1"}
{"type":"outlet","id":"q2"}
{"type":"claim","id":"small","text":"s"}
{"type":"claim","id":"b-tie","text":"b"}
{"type":"claim","id":"big","text":"g"}
{"type":"claim","id":"hot","text":"h"}
{"type":"claim","id":"a-tie","text":"a"}
{"type":"stance","holder":"q1","claim":"hot","polarity":"supports"}
{"type":"stance","holder":"q2","claim":"hot","polarity":"denies"}
{"type":"stance","holder":"p1","claim":"b-tie","polarity":"supports"}
{"type":"stance","holder":"p2","claim":"b-tie","polarity":"denies"}
{"type":"stance","holder":"p3","claim":"a-tie","polarity":"supports"}
{"type":"stance","holder":"p4","claim":"a-tie","polarity":"denies"}
{"type":"stance","holder":"p1","claim":"small","polarity":"supports"}
{"type":"stance","holder":"q1","claim":"big","polarity":"supports"}
{"type":"stance","holder":"q2","claim":"big","polarity":"supports"})",
      {{"q1", 0.8}, {"q2", 0.8}, {"p1", 0.8}, {"p2", 0.6}, {"p3", 0.8}, {"p4", 0.6}}, {});
  std::vector<std::string> order;
  for (const auto& a : r.analysis.claims) order.push_back(r.model->data.claims[a.claim].id);
  EXPECT_THAT(order, testing::ElementsAre("hot", "a-tie", "b-tie", "big", "small"));
  EXPECT_NEAR(r.Claim("hot").dispute, 0.5625, kEps);
  EXPECT_EQ(r.Claim("a-tie").dispute, r.Claim("b-tie").dispute);
  for (std::size_t i = 0; i < r.analysis.claims.size(); ++i) {
    EXPECT_EQ(r.analysis.claims[i].rank, static_cast<int>(i + 1));
  }
}

// Sources: by trust descending, then id; an anonymous source that carries nothing comes last.
TEST(AnalyzeTest, SourcesByTrustThenId) {
  const auto r = AnalyseWith(R"({"type":"outlet","id":"b"}
{"type":"outlet","id":"a"}
{"type":"outlet","id":"c"}
{"type":"speaker","id":"anon","anonymous":true}
{"type":"report","id":"r","outlet":"c"}
{"type":"claim","id":"x","text":"x"}
{"type":"stance","holder":"anon","claim":"x","polarity":"supports","report":"r"})",
                             {{"a", 0.6}, {"b", 0.6}, {"c", 0.9}, {"anon", 0.99}}, {{"x", 1.0}});
  std::vector<std::string> order;
  for (const auto& s : r.analysis.sources) order.push_back(r.model->data.sources[s.source].id);
  EXPECT_THAT(order, testing::ElementsAre("c", "a", "b", "anon"));
  EXPECT_TRUE(r.analysis.sources.back().carried);
  EXPECT_EQ(r.analysis.sources.front().stances, 1);  // c vouches for the anonymous stance
  EXPECT_NEAR(r.analysis.sources.front().agreement, 1.0, kEps);
}

// ------------------------------------------------------------------------------------------------
// Explain

//   nbc (0.7) --r1--> officials (anonymous) --supports--> q
//   mt (0.7)  --r2, via nbc--> officials --supports, "reportedly"--> q   (same unit: same holder)
//   mt --r2--> peskov (affiliated with kremlin; q is about kremlin) --denies--> q
//   mt --r2--> putin --supports--> q2, which is in group g with q: an implied denial of q
//   o (0.6) --neutral--> q
TEST(ExplainTest, ContributionsAddUpToTheLogOdds) {
  const std::string text = R"({"type":"outlet","id":"nbc","prior":0.7}
{"type":"outlet","id":"mt","prior":0.7}
{"type":"outlet","id":"o","prior":0.6}
{"type":"organisation","id":"kremlin"}
{"type":"speaker","id":"officials","anonymous":true}
{"type":"speaker","id":"peskov","affiliation":["kremlin"]}
{"type":"speaker","id":"putin","affiliation":["kremlin"]}
{"type":"report","id":"r1","outlet":"nbc"}
{"type":"report","id":"r2","outlet":"mt"}
{"type":"claim","id":"q","text":"q","about":["kremlin"],"group":"g"}
{"type":"claim","id":"q2","text":"q2","group":"g"}
{"type":"stance","holder":"officials","claim":"q","polarity":"supports","report":"r1"}
{"type":"stance","holder":"officials","claim":"q","polarity":"supports","report":"r2","via":["nbc"],"hedge":"reportedly"}
{"type":"stance","holder":"peskov","claim":"q","polarity":"denies","report":"r2"}
{"type":"stance","holder":"putin","claim":"q2","polarity":"supports","report":"r2"}
{"type":"stance","holder":"o","claim":"q","polarity":"neutral"})";
  for (const ModelOptions& options : {ModelOptions{}, Tight()}) {
    const auto m = ScoreText(text, options);
    const EvidenceWeights weights(m->data, m->snap, options);
    for (Index c = 0; c < m->data.claims.size(); ++c) {
      const Explanation e =
          Explain(m->data, *m->graph, m->snap, weights, m->result, options.base_rate, c);
      EXPECT_EQ(e.claim, c);
      const bool grouped = m->data.claims[c].group != kNone;
      EXPECT_EQ(e.grouped, grouped);
      // A grouped claim's belief is a softmax of evidence: no base rate enters it.
      EXPECT_NEAR(e.base_log_odds, grouped ? 0.0 : Logit(options.base_rate), kEps);
      double sum = e.base_log_odds;
      int counted = 0;
      int last_unit = 0;
      std::set<int> implied_units;
      for (const StanceContribution& s : e.stances) {
        EXPECT_GE(s.unit, last_unit);  // units numbered 1, 2, ... in snapshot order
        last_unit = s.unit;
        if (s.flags & graph::EvidenceSnapshot::kImplied) {
          implied_units.insert(s.unit);
          EXPECT_FALSE(s.counted);  // shown, never counted
          EXPECT_EQ(s.unit_contribution, 0.0);
        }
        if (s.counted) {
          ++counted;
          sum += s.unit_contribution;
          EXPECT_NEAR(s.score, s.unit_contribution, kEps);
        }
        if (!grouped) {
          EXPECT_NEAR(s.belief_without_unit, Sigmoid(e.log_odds - s.unit_contribution), kEps);
        }
        EXPECT_NEAR(s.owner_trust, m->result.trust[s.owner], 0.0);
      }
      EXPECT_EQ(counted + static_cast<int>(implied_units.size()), last_unit)
          << "one counted member per unit that is not implied";
      EXPECT_NEAR(e.log_odds, sum, kEps);
      // The belief was computed from the trusts of the previous iteration, the explanation from
      // the final trusts; they agree to the convergence tolerance, not exactly (reported).
      if (grouped) {
        // softmax over the group: b_c = 1 / sum over the group of exp(S_o - S_c).
        double total = 0.0;
        for (Index o = 0; o < m->data.claims.size(); ++o) {
          if (m->data.claims[o].group != m->data.claims[c].group) continue;
          const Explanation other =
              Explain(m->data, *m->graph, m->snap, weights, m->result, options.base_rate, o);
          total += std::exp(other.log_odds - e.log_odds);
        }
        EXPECT_NEAR(e.belief, 1.0 / total, options.tolerance);
      } else {
        EXPECT_NEAR(e.belief, Sigmoid(e.log_odds), options.tolerance);
      }
      EXPECT_EQ(e.belief, m->result.belief[c]);
    }
    const Explanation q = Explain(m->data, *m->graph, m->snap, weights, m->result,
                                  options.base_rate, m->data.FindClaim("q"));
    // Units of q: officials (2 members), peskov (interested), putin (implied). Neutral: o.
    ASSERT_EQ(q.stances.size(), 4U);
    ASSERT_EQ(q.neutral.size(), 1U);
    EXPECT_EQ(m->data.stances[q.neutral[0]].holder, m->data.FindSource("o"));
    int anonymous = 0;
    int interested = 0;
    int implied = 0;
    for (const StanceContribution& s : q.stances) {
      anonymous += (s.flags & graph::EvidenceSnapshot::kAnonymous) ? 1 : 0;
      interested += (s.flags & graph::EvidenceSnapshot::kInterested) ? 1 : 0;
      implied += (s.flags & graph::EvidenceSnapshot::kImplied) ? 1 : 0;
      if (s.flags & graph::EvidenceSnapshot::kAnonymous) {
        EXPECT_EQ(s.owner, m->data.FindSource("nbc"));
        EXPECT_EQ(s.polarity, 1);
        // The direct report (0 hops, w 0.8) carries the unit, not the hedged relay (1 hop, w 0.56).
        EXPECT_EQ(s.counted, s.hops == 0);
      }
      if (s.flags & graph::EvidenceSnapshot::kImplied) {
        EXPECT_EQ(s.polarity, -1);
      }
    }
    EXPECT_EQ(anonymous, 2);
    EXPECT_EQ(interested, 2);  // peskov's denial and putin's implied one (q is about kremlin)
    EXPECT_EQ(implied, 1);
  }
}

// With max_iterations = 1, Explain (final trusts) and the beliefs (prior trusts) differ; at a
// tight fixed point they agree to rounding.
TEST(ExplainTest, BeliefIsSigmoidOfLogOddsAtTheFixedPoint) {
  const auto m = ScoreText(R"({"type":"outlet","id":"o1","prior":0.7}
{"type":"outlet","id":"o2","prior":0.9}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"o1","claim":"c","polarity":"supports"}
{"type":"stance","holder":"o2","claim":"c","polarity":"denies"})",
                           Tight());
  const EvidenceWeights weights(m->data, m->snap, m->options);
  const Explanation e = Explain(m->data, *m->graph, m->snap, weights, m->result, 0.5, 0);
  EXPECT_NEAR(e.belief, Sigmoid(e.log_odds), 1e-13);
  ASSERT_EQ(e.stances.size(), 2U);
  // Removing a unit leaves the other alone: L - phi is the other unit's contribution.
  EXPECT_NEAR(e.stances[0].belief_without_unit, Sigmoid(e.stances[1].unit_contribution), kEps);
  EXPECT_NEAR(e.stances[1].belief_without_unit, Sigmoid(e.stances[0].unit_contribution), kEps);
  EXPECT_NEAR(e.stances[0].unit_contribution, Logit(m->Trust("o1")), kEps);
  EXPECT_NEAR(e.stances[1].unit_contribution, -Logit(m->Trust("o2")), kEps);
}

}  // namespace
}  // namespace credence::scoring
