// Hand-computed tests of the analysis built on the default model
// (include/credence/scoring/analysis.hpp): the options, the dispute score and verdicts, the
// ranking, and the explanations of a claim's belief.

#include "credence/scoring/analysis.hpp"

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
#include "credence/scoring/model.hpp"
#include "testutil/explain_check.hpp"
#include "testutil/scoring.hpp"

namespace credence::scoring {
namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

constexpr double kEps = 1e-12;

using testutil::ScoreModel;

ModelOptions Tight() { return testutil::TightOptions(1e-14); }

TEST(AnalysisOptionsTest, RejectsEachFieldOutOfRange) {
  const std::vector<std::pair<std::string, std::function<void(AnalysisOptions&)>>> cases = {
      {"dispute_scale", [](AnalysisOptions& o) { o.dispute_scale = 0.0; }},
      {"likely_true", [](AnalysisOptions& o) { o.likely_true = 0.5; }},
      {"likely_false", [](AnalysisOptions& o) { o.likely_false = 0.5; }},
      {"contest_mass", [](AnalysisOptions& o) { o.contest_mass = 0.0; }},
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
  std::unique_ptr<testutil::Scored> model;
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

// Scores `jsonl`, then overrides the trusts and beliefs given by id (dropping the beliefs'
// intervals when it overrides any) before analysing. The
// dispute weighs each stance with its owner's two coins (sensitivity for a support, specificity
// for a denial: docs/model.md), so a trust t given here sets both coins to t as well: then
// ln(alpha / (1 - beta)) = ln(beta / (1 - alpha)) = logit(t), the symmetric case the figures
// below are worked out for. `coins` sets (sensitivity, specificity) apart, after `trust`.
Analysed AnalyseWith(const std::string& jsonl, const std::map<std::string, double>& trust,
                     const std::map<std::string, double>& belief,
                     const AnalysisOptions& options = {},
                     const std::map<std::string, std::pair<double, double>>& coins = {}) {
  Analysed out;
  out.model = ScoreModel(jsonl);
  ScoringResult& result = out.model->result;
  for (const auto& [id, t] : trust) {
    const Index s = out.model->data.FindSource(id);
    result.trust.at(s) = t;
    result.sensitivity.at(s) = t;
    result.specificity.at(s) = t;
  }
  for (const auto& [id, ab] : coins) {
    const Index s = out.model->data.FindSource(id);
    result.sensitivity.at(s) = ab.first;
    result.specificity.at(s) = ab.second;
  }
  for (const auto& [id, b] : belief) out.model->result.belief.at(out.model->data.FindClaim(id)) = b;
  // Beliefs set by hand have no interval: the verdicts below follow the point rule (the interval
  // rule has its own tests, verdict_test.cpp).
  if (!belief.empty()) {
    result.belief_low.clear();
    result.belief_high.clear();
  }
  out.analysis =
      Analyze(out.model->data, out.model->snap, out.model->options, out.model->result, options);
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

  // Two coins: a support weighs ln(alpha_a / (1 - beta_a)), a denial ln(beta_d / (1 - alpha_d)).
  //   a (alpha 0.9, beta 0.5): E+ = ln(0.9 / 0.5) = ln 1.8
  //   d (alpha 0.6, beta 0.8): E- = ln(0.8 / 0.4) = ln 2
  //   dispute = (1 - 1/1.8)(1 - 1/2) = (4/9)(1/2) = 2/9
  // Each side reads its own coin: with the coins swapped (a 0.5 / 0.9, d 0.8 / 0.6) the support
  // weighs ln(0.5 / 0.1) = ln 5 and the denial ln(0.6 / 0.2) = ln 3: (4/5)(2/3) = 8/15.
  const auto two = AnalyseWith(text, {}, {{"c", 0.6}}, {}, {{"a", {0.9, 0.5}}, {"d", {0.6, 0.8}}});
  EXPECT_NEAR(two.Claim("c").weight_for, std::log(1.8), kEps);
  EXPECT_NEAR(two.Claim("c").weight_against, std::log(2.0), kEps);
  EXPECT_NEAR(two.Claim("c").dispute, 2.0 / 9.0, kEps);
  const auto swapped =
      AnalyseWith(text, {}, {{"c", 0.6}}, {}, {{"a", {0.5, 0.9}}, {"d", {0.8, 0.6}}});
  EXPECT_NEAR(swapped.Claim("c").weight_for, std::log(5.0), kEps);
  EXPECT_NEAR(swapped.Claim("c").weight_against, std::log(3.0), kEps);
  EXPECT_NEAR(swapped.Claim("c").dispute, 8.0 / 15.0, kEps);
}

// Verdict rules (issue 11, item 6), on claims with one strong voice (0.9: E = ln 9 = 2.197) and
// at most one weak voice on the other side (0.55: E = ln(11/9) = 0.2007 >= contest_mass 0.05):
//   contested (both sides >= contest_mass): "contested, likely true" at belief >= 0.75,
//   "contested, likely false" at <= 0.25, else "disputed";
//   not contested: "likely true", "likely false", else "unresolved".
// A claim without units is unresolved (no evidence). A distrusted voice (0.3) carries no trusted
// mass: E = max(0, logit(0.3)) = 0, so it contests nothing. Before issue 11 "true" was "likely
// true" (the weak side's share 0.091 < dispute_ratio 0.25) and "even" was "unresolved": the
// verdicts hid either the dispute or the lean.
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
{"type":"claim","id":"plain","text":"p"}
{"type":"claim","id":"refuted","text":"r"}
{"type":"stance","holder":"strong","claim":"true","polarity":"supports"}
{"type":"stance","holder":"weak","claim":"true","polarity":"denies"}
{"type":"stance","holder":"strong","claim":"false","polarity":"denies"}
{"type":"stance","holder":"strong","claim":"open","polarity":"supports"}
{"type":"stance","holder":"strong","claim":"even","polarity":"supports"}
{"type":"stance","holder":"weak","claim":"even","polarity":"denies"}
{"type":"stance","holder":"strong","claim":"neutral","polarity":"neutral"}
{"type":"stance","holder":"liar","claim":"lied","polarity":"supports"}
{"type":"stance","holder":"strong","claim":"plain","polarity":"supports"}
{"type":"stance","holder":"liar","claim":"plain","polarity":"denies"}
{"type":"stance","holder":"strong","claim":"refuted","polarity":"denies"}
{"type":"stance","holder":"weak","claim":"refuted","polarity":"supports"})",
                             {{"strong", 0.9}, {"weak", 0.55}, {"liar", 0.3}},
                             {{"true", 0.75},
                              {"false", 0.25},
                              {"open", 0.6},
                              {"even", 0.74},
                              {"empty", 0.5},
                              {"neutral", 0.5},
                              {"lied", 0.3},
                              {"plain", 0.9},
                              {"refuted", 0.25}});
  EXPECT_EQ(r.Claim("true").verdict, Verdict::kContestedTrue);
  EXPECT_NEAR(r.Claim("true").weight_for, std::log(9.0), kEps);
  EXPECT_NEAR(r.Claim("true").weight_against, std::log(11.0 / 9.0), kEps);
  EXPECT_EQ(r.Claim("false").verdict, Verdict::kLikelyFalse);
  EXPECT_EQ(r.Claim("open").verdict, Verdict::kUnresolved);
  EXPECT_EQ(r.Claim("even").verdict, Verdict::kDisputed);  // contested, and 0.74 < 0.75
  EXPECT_EQ(r.Claim("empty").verdict, Verdict::kUnresolved);
  EXPECT_EQ(r.Claim("empty").sources_for + r.Claim("empty").sources_against, 0);
  EXPECT_EQ(r.Claim("empty").dispute, 0.0);
  EXPECT_EQ(r.Claim("neutral").verdict, Verdict::kUnresolved);
  EXPECT_EQ(r.Claim("neutral").stances_neutral, 1);
  EXPECT_EQ(r.Claim("lied").weight_for, 0.0);
  EXPECT_EQ(r.Claim("lied").sources_for, 1);
  EXPECT_EQ(r.Claim("lied").verdict, Verdict::kUnresolved);  // belief 0.3 is above 0.25
  EXPECT_EQ(r.Claim("plain").weight_against, 0.0);           // the liar contests nothing
  EXPECT_EQ(r.Claim("plain").verdict, Verdict::kLikelyTrue);
  EXPECT_EQ(r.Claim("refuted").verdict, Verdict::kContestedFalse);
  EXPECT_EQ(r.Claim("false").dispute, 0.0);  // one side only
  // The six verdicts, exactly.
  EXPECT_EQ(ToString(Verdict::kDisputed), "disputed");
  EXPECT_EQ(ToString(Verdict::kContestedTrue), "contested, likely true");
  EXPECT_EQ(ToString(Verdict::kContestedFalse), "contested, likely false");
  EXPECT_EQ(ToString(Verdict::kLikelyTrue), "likely true");
  EXPECT_EQ(ToString(Verdict::kLikelyFalse), "likely false");
  EXPECT_EQ(ToString(Verdict::kUnresolved), "unresolved");
  // The ranking puts the disputed claim first, then the contested ones (equal dispute
  // (8/9)(2/11) and mass: by id), then the rest.
  EXPECT_EQ(r.model->data.claims[r.analysis.claims[0].claim].id, "even");
  EXPECT_EQ(r.model->data.claims[r.analysis.claims[1].claim].id, "refuted");
  EXPECT_EQ(r.model->data.claims[r.analysis.claims[2].claim].id, "true");
  EXPECT_NEAR(r.Claim("true").dispute, (8.0 / 9.0) * (2.0 / 11.0), kEps);
  for (std::size_t i = 3; i < r.analysis.claims.size(); ++i) {
    EXPECT_GE(static_cast<int>(r.analysis.claims[i].verdict),
              static_cast<int>(Verdict::kLikelyTrue));
  }

  // contest_mass decides on either side of the weak side's 0.2007 nats: above it "true" is
  // uncontested ("likely true"), just below it contested.
  const std::string pair = R"({"type":"outlet","id":"strong"}
{"type":"outlet","id":"weak"}
{"type":"claim","id":"true","text":"t"}
{"type":"stance","holder":"strong","claim":"true","polarity":"supports"}
{"type":"stance","holder":"weak","claim":"true","polarity":"denies"})";
  AnalysisOptions keen;
  keen.contest_mass = 0.25;
  EXPECT_EQ(AnalyseWith(pair, {{"strong", 0.9}, {"weak", 0.55}}, {{"true", 0.9}}, keen)
                .Claim("true")
                .verdict,
            Verdict::kLikelyTrue);
  keen.contest_mass = 0.2;
  EXPECT_EQ(AnalyseWith(pair, {{"strong", 0.9}, {"weak", 0.55}}, {{"true", 0.9}}, keen)
                .Claim("true")
                .verdict,
            Verdict::kContestedTrue);
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
const char* const kKremlin = R"({"type":"outlet","id":"nbc","prior":0.7}
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

// On kKremlin, under the defaults and at a tight fixed point: every figure of every
// explanation recomputed from its unit scores (testutil::ExpectExplanationsAddUp): one counted
// member per evidence unit, lines that sum to the log-odds (issue 11, item 3: before it, the
// grouped claims' alternatives were not a line and the stances' scores did not add up), and
// log_odds = logit(belief) at the fixed point.
TEST(ExplainTest, ContributionsAddUpToTheLogOdds) {
  const std::string text = kKremlin;
  for (const ModelOptions& options : {ModelOptions{}, Tight()}) {
    const auto m = ScoreModel(text, options);
    ASSERT_TRUE(m->result.converged);
    std::vector<Index> all(m->data.claims.size());
    for (Index c = 0; c < all.size(); ++c) all[c] = c;
    const std::vector<Explanation> explanations =
        Explain(m->data, *m->graph, m->snap, options, m->result, all);
    const testutil::ExplanationCounts counts =
        testutil::ExpectExplanationsAddUp(m->data, options, explanations, /*fixed_point=*/true);
    EXPECT_EQ(counts.alternatives, 2);  // q and q2, each against the other
    for (const Explanation& e : explanations) {
      EXPECT_EQ(e.belief, m->result.belief[e.claim]);
      for (const StanceContribution& s : e.stances) {
        EXPECT_EQ(s.owner_trust, m->result.trust[s.owner]);
      }
    }
    const Explanation& q = explanations[m->data.FindClaim("q")];
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
    // peskov's denial: q is `about` the Kremlin with no direction, so any stance of its speakers
    // is treated as possibly self-serving. putin's implied denial has the interest of the support
    // it comes from, on a claim about no one: not interested (issue 11).
    EXPECT_EQ(interested, 1);
    EXPECT_EQ(implied, 1);
  }
}

// With max_iterations = 1, Explain (final trusts) and the beliefs (prior trusts) differ; at a
// tight fixed point they agree to rounding.
TEST(ExplainTest, BeliefIsSigmoidOfLogOddsAtTheFixedPoint) {
  const auto m = ScoreModel(R"({"type":"outlet","id":"o1","prior":0.7}
{"type":"outlet","id":"o2","prior":0.9}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"o1","claim":"c","polarity":"supports"}
{"type":"stance","holder":"o2","claim":"c","polarity":"denies"})",
                            Tight());
  const Explanation e = Explain(m->data, *m->graph, m->snap, m->options, m->result, 0);
  EXPECT_NEAR(e.belief, Sigmoid(e.log_odds), 1e-13);
  ASSERT_EQ(e.stances.size(), 2U);
  // Removing a unit leaves the other alone: L - phi is the other unit's contribution.
  EXPECT_NEAR(e.stances[0].belief_without_unit, Sigmoid(e.stances[1].unit_contribution), kEps);
  EXPECT_NEAR(e.stances[1].belief_without_unit, Sigmoid(e.stances[0].unit_contribution), kEps);
  // Each unit adds its owner's log-likelihood ratio (docs/model.md): a support
  // ln(alpha / (1 - beta)), a denial ln(beta / (1 - alpha)), from the source's own two coins.
  // (Before issue 12 both were logit(trust).)
  const ScoringResult& r = m->result;
  const Index o1 = m->data.FindSource("o1");
  const Index o2 = m->data.FindSource("o2");
  EXPECT_NEAR(e.stances[0].unit_contribution,
              std::log(r.sensitivity[o1] / (1.0 - r.specificity[o1])), kEps);
  EXPECT_NEAR(e.stances[1].unit_contribution,
              -std::log(r.specificity[o2] / (1.0 - r.sensitivity[o2])), kEps);
  // Not the symmetric figure: o1's support was judged against a belief below 1/2, which lowers
  // its specificity more than its sensitivity, so its support weighs less than logit(trust).
  EXPECT_GT(std::abs(e.stances[0].unit_contribution - Logit(m->Trust("o1"))), 1e-3);
}

// The batch form gives the one-claim explanations bit for bit, in the order asked (repeats
// included); every unit has one strongest member, which carries it unless the unit is inert,
// and member_score is the unsigned score whatever the unit. A stance's score is the one number
// every output shows for it (issue 11): its unit's score if it carries the unit, else 0 (before
// issue 11 a relay showed its own member score beside the carrier's).
TEST(ExplainTest, BatchGivesTheOneClaimExplanationsBitForBit) {
  const auto m = ScoreModel(kKremlin);
  const std::vector<Index> claims = {1, 0, 1};
  const std::vector<Explanation> batch =
      Explain(m->data, *m->graph, m->snap, m->options, m->result, claims);
  ASSERT_EQ(batch.size(), claims.size());
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Explanation one = Explain(m->data, *m->graph, m->snap, m->options, m->result, claims[i]);
    const Explanation& b = batch[i];
    EXPECT_EQ(b.claim, claims[i]);
    EXPECT_EQ(b.log_odds, one.log_odds);
    EXPECT_EQ(b.belief, one.belief);
    EXPECT_EQ(b.neutral, one.neutral);
    ASSERT_EQ(b.discounts.size(), one.discounts.size());
    for (std::size_t k = 0; k < b.discounts.size(); ++k) {
      EXPECT_EQ(b.discounts[k].log_odds, one.discounts[k].log_odds);
    }
    ASSERT_EQ(b.stances.size(), one.stances.size());
    std::map<int, int> strongest;  // unit -> strongest members
    for (std::size_t k = 0; k < b.stances.size(); ++k) {
      const StanceContribution& x = b.stances[k];
      const StanceContribution& y = one.stances[k];
      EXPECT_EQ(x.stance, y.stance);
      EXPECT_EQ(x.score, y.score);
      EXPECT_EQ(x.member_score, y.member_score);
      EXPECT_EQ(x.strongest, y.strongest);
      EXPECT_EQ(x.counted, y.counted);
      EXPECT_EQ(x.unit_contribution, y.unit_contribution);
      EXPECT_EQ(x.belief_without_unit, y.belief_without_unit);
      EXPECT_GE(x.member_score, 0.0);
      EXPECT_EQ(x.copied_stance, y.copied_stance);
      const bool inert =
          (x.flags & (graph::EvidenceSnapshot::kImplied | graph::EvidenceSnapshot::kPosition |
                      graph::EvidenceSnapshot::kHeld)) != 0;
      EXPECT_EQ(x.score, x.counted ? x.polarity * x.member_score : 0.0);
      EXPECT_EQ(x.counted, x.strongest && !inert);
      strongest[x.unit] += x.strongest ? 1 : 0;
    }
    for (const auto& [unit, count] : strongest) EXPECT_EQ(count, 1) << "unit " << unit;
  }
}

}  // namespace
}  // namespace credence::scoring
