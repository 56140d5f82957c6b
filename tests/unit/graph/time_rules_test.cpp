// Unit tests for graph::ApplyTimeRules and graph::FindConsistency. Each dataset is a few stances
// whose fate was worked out by hand from the rules in time_rules.hpp:
//   - a dated stance is superseded by the earliest strictly later stance of its holder that is
//     incompatible with it (same claim, other polarity; in a group, also support of another
//     alternative against a support);
//   - neutral and undated stances neither supersede nor are superseded;
//   - a retraction withdraws its stance; a retracted stance supersedes nothing;
//   - --as-of cuts stances and retractions dated after it;
//   - the half-life multiplies a weight by 2^(-age / half-life).

#include "credence/graph/time_rules.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/scoring/analysis.hpp"
#include "credence/session.hpp"
#include "testutil/scoring.hpp"

namespace credence::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testutil::Format;

// Sources h (a speaker), o (an outlet); claims c (alone), a and b (group g).
const std::string kHeader = R"({"type":"outlet","id":"o","name":"O"}
{"type":"speaker","id":"h","name":"H"}
{"type":"speaker","id":"k","name":"K"}
{"type":"claim","id":"c","text":"C"}
{"type":"claim","id":"a","text":"A","group":"g"}
{"type":"claim","id":"b","text":"B","group":"g"}
{"type":"report","id":"r1","outlet":"o","time":"2018-03-01"}
{"type":"report","id":"r5","outlet":"o","time":"2018-03-05"}
{"type":"report","id":"r9","outlet":"o","time":"2018-03-09"}
)";

std::string Stance(const std::string& id, const std::string& holder, const std::string& claim,
                   const std::string& polarity, const std::string& extra) {
  return R"({"type":"stance","id":")" + id + R"(","holder":")" + holder + R"(","claim":")" + claim +
         R"(","polarity":")" + polarity + "\"" + extra + "}\n";
}

Dataset Parse(const std::string& body) {
  return testutil::ParseText(kHeader + body, Format::kJsonl);
}

// The stance with this id.
Index S(const Dataset& data, const std::string& id) {
  for (Index i = 0; i < data.stances.size(); ++i) {
    if (data.Text(data.stances[i].id) == id) return i;
  }
  ADD_FAILURE() << "no stance " << id;
  return kNone;
}

std::vector<std::string> Kinds(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.emplace_back(ToString(f.kind));
  return out;
}

TEST(TimeRules, UndatedDataChangesNothing) {
  const Dataset data =
      Parse(Stance("s1", "h", "c", "supports", "") + Stance("s2", "h", "c", "denies", ""));
  const StanceTimes t = ApplyTimeRules(data, {});
  EXPECT_THAT(t.state, IsEmpty());  // every stance counts
  EXPECT_EQ(t.undated, 2U);
  // Both polarities, neither later: a self-contradiction.
  const auto findings = FindConsistency(data, t);
  ASSERT_THAT(Kinds(findings), ElementsAre("self-contradiction"));
  EXPECT_EQ(findings[0].source, data.FindSource("h"));
  EXPECT_THAT(findings[0].claims, ElementsAre(data.FindClaim("c")));
  EXPECT_THAT(FindingTimes(data, findings[0]), ElementsAre("", ""));
}

TEST(TimeRules, ALaterDenialSupersedesASupport) {
  const Dataset data = Parse(Stance("s1", "h", "c", "supports", R"(,"report":"r1")") +
                             Stance("s2", "h", "c", "denies", R"(,"report":"r5")"));
  const StanceTimes t = ApplyTimeRules(data, {});
  EXPECT_EQ(t.State(S(data, "s1")), StanceState::kSuperseded);
  EXPECT_EQ(t.by[S(data, "s1")], S(data, "s2"));
  EXPECT_EQ(t.State(S(data, "s2")), StanceState::kCounts);
  const auto findings = FindConsistency(data, t);
  ASSERT_THAT(Kinds(findings), ElementsAre("reversal"));
  EXPECT_THAT(FindingTimes(data, findings[0]), ElementsAre("2018-03-01", "2018-03-05"));
  EXPECT_THAT(FindingReports(data, findings[0]),
              ElementsAre(data.FindReport("r1"), data.FindReport("r5")));
  EXPECT_THAT(findings[0].stances, ElementsAre(S(data, "s1"), S(data, "s2")));
}

TEST(TimeRules, ARestatementSupersedesNothing) {
  // The same position relayed by two reports on two days: both count (they merge as one unit).
  const Dataset data = Parse(Stance("s1", "h", "c", "supports", R"(,"report":"r1")") +
                             Stance("s2", "h", "c", "supports", R"(,"report":"r5")"));
  const StanceTimes t = ApplyTimeRules(data, {});
  EXPECT_TRUE(t.Counts(S(data, "s1")));
  EXPECT_TRUE(t.Counts(S(data, "s2")));
  EXPECT_THAT(FindConsistency(data, t), IsEmpty());
}

TEST(TimeRules, EachStanceIsSupersededByTheEarliestLaterIncompatibleOne) {
  // Denies on the 1st, supports on the 5th, denies again on the 9th.
  const Dataset data = Parse(Stance("s1", "h", "c", "denies", R"(,"report":"r1")") +
                             Stance("s9", "h", "c", "denies", R"(,"report":"r9")") +
                             Stance("s5", "h", "c", "supports", R"(,"report":"r5")"));
  const StanceTimes t = ApplyTimeRules(data, {});
  EXPECT_EQ(t.by[S(data, "s1")], S(data, "s5"));
  EXPECT_EQ(t.by[S(data, "s5")], S(data, "s9"));
  EXPECT_TRUE(t.Counts(S(data, "s9")));
  EXPECT_THAT(Kinds(FindConsistency(data, t)), ElementsAre("reversal", "reversal"));
}

TEST(TimeRules, ARecapRelayedThroughTheOriginalReportKeepsItsTime) {
  // Denies on the 1st (r1); admits on the 5th (r5); r9 recaps the denial through r1 ("via"):
  // the recap dates from r1, so it supersedes nothing and the admission supersedes it.
  const Dataset data = Parse(Stance("s1", "h", "c", "denies", R"(,"report":"r1")") +
                             Stance("s5", "h", "c", "supports", R"(,"report":"r5")") +
                             Stance("s9", "h", "c", "denies", R"(,"report":"r9","via":["r1"])"));
  EXPECT_EQ(data.TimeOf(S(data, "s9")), data.reports[data.FindReport("r1")].time_utc.value());
  EXPECT_EQ(StanceTimeText(data, data.stances[S(data, "s9")]), "2018-03-01");
  const StanceTimes t = ApplyTimeRules(data, {});
  EXPECT_TRUE(t.Counts(S(data, "s5")));
  EXPECT_EQ(t.State(S(data, "s1")), StanceState::kSuperseded);
  EXPECT_EQ(t.State(S(data, "s9")), StanceState::kSuperseded);
  EXPECT_EQ(t.by[S(data, "s9")], S(data, "s5"));
  // Without the chain the recap would be a new denial of the 9th, superseding the admission.
  const Dataset plain = Parse(Stance("s1", "h", "c", "denies", R"(,"report":"r1")") +
                              Stance("s5", "h", "c", "supports", R"(,"report":"r5")") +
                              Stance("s9", "h", "c", "denies", R"(,"report":"r9")"));
  EXPECT_EQ(ApplyTimeRules(plain, {}).State(S(plain, "s5")), StanceState::kSuperseded);
}

TEST(TimeRules, UndatedAndNeutralStancesNeitherSupersedeNorAreSuperseded) {
  const Dataset data = Parse(Stance("s1", "h", "c", "supports", R"(,"report":"r1")") +
                             Stance("s2", "h", "c", "denies", "") +
                             Stance("s3", "h", "c", "neutral", R"(,"report":"r9")"));
  const StanceTimes t = ApplyTimeRules(data, {});
  EXPECT_TRUE(t.Counts(S(data, "s1")));
  EXPECT_TRUE(t.Counts(S(data, "s2")));
  EXPECT_TRUE(t.Counts(S(data, "s3")));
  const auto findings = FindConsistency(data, t);
  ASSERT_THAT(Kinds(findings), ElementsAre("self-contradiction"));
  EXPECT_THAT(FindingTimes(data, findings[0]), ElementsAre("", "2018-03-01"));  // undated first
}

TEST(TimeRules, BothPolaritiesAtOneTimeAreASelfContradiction) {
  const Dataset data = Parse(Stance("s1", "h", "c", "supports", R"(,"report":"r5")") +
                             Stance("s2", "h", "c", "denies", R"(,"time":"2018-03-05")"));
  const StanceTimes t = ApplyTimeRules(data, {});
  EXPECT_TRUE(t.Counts(S(data, "s1")));
  EXPECT_TRUE(t.Counts(S(data, "s2")));
  EXPECT_THAT(Kinds(FindConsistency(data, t)), ElementsAre("self-contradiction"));
}

TEST(TimeRules, InAGroupALaterSupportOfAnotherAlternativeSupersedes) {
  const Dataset data = Parse(Stance("s1", "h", "a", "supports", R"(,"report":"r1")") +
                             Stance("s2", "h", "b", "supports", R"(,"report":"r5")"));
  const StanceTimes t = ApplyTimeRules(data, {});
  EXPECT_EQ(t.State(S(data, "s1")), StanceState::kSuperseded);
  EXPECT_EQ(t.by[S(data, "s1")], S(data, "s2"));
  const auto findings = FindConsistency(data, t);
  ASSERT_THAT(Kinds(findings), ElementsAre("reversal"));
  EXPECT_THAT(findings[0].claims, ElementsAre(data.FindClaim("a"), data.FindClaim("b")));
}

TEST(TimeRules, InAGroupCompatibleStancesStand) {
  // Supports A, then denies B (what supporting A implies); denies A, then supports B.
  const Dataset data = Parse(Stance("s1", "h", "a", "supports", R"(,"report":"r1")") +
                             Stance("s2", "h", "b", "denies", R"(,"report":"r5")") +
                             Stance("s3", "k", "a", "denies", R"(,"report":"r1")") +
                             Stance("s4", "k", "b", "supports", R"(,"report":"r5")"));
  const StanceTimes t = ApplyTimeRules(data, {});
  EXPECT_THAT(t.state, IsEmpty());
  EXPECT_THAT(FindConsistency(data, t), IsEmpty());
}

TEST(TimeRules, TwoAlternativesSupportedAtOnceAreExclusiveAlternatives) {
  const Dataset data = Parse(Stance("s1", "h", "a", "supports", R"(,"report":"r5")") +
                             Stance("s2", "h", "b", "supports", R"(,"report":"r5")"));
  const StanceTimes t = ApplyTimeRules(data, {});
  EXPECT_THAT(t.state, IsEmpty());
  const auto findings = FindConsistency(data, t);
  ASSERT_THAT(Kinds(findings), ElementsAre("exclusive-alternatives"));
  EXPECT_THAT(findings[0].claims, ElementsAre(data.FindClaim("a"), data.FindClaim("b")));
  EXPECT_THAT(FindingReports(data, findings[0]), ElementsAre(data.FindReport("r5")));
}

TEST(TimeRules, ARetractionWithdrawsItsStanceFromItsTimeOn) {
  const std::string body = Stance("s1", "o", "c", "supports", R"(,"report":"r1")") +
                           R"({"type":"retraction","stance":"s1","report":"r5"})" + "\n";
  const Dataset data = Parse(body);
  ASSERT_EQ(data.retractions.size(), 1U);
  EXPECT_EQ(data.retractions[0].time_utc, data.reports[data.FindReport("r5")].time_utc);

  const StanceTimes now = ApplyTimeRules(data, {});
  EXPECT_EQ(now.State(S(data, "s1")), StanceState::kRetracted);
  EXPECT_EQ(now.by[S(data, "s1")], 0U);
  const auto findings = FindConsistency(data, now);
  ASSERT_THAT(Kinds(findings), ElementsAre("retraction"));
  EXPECT_EQ(findings[0].source, data.FindSource("o"));
  EXPECT_THAT(FindingTimes(data, findings[0]), ElementsAre("2018-03-01", "2018-03-05"));
  EXPECT_THAT(FindingReports(data, findings[0]),
              ElementsAre(data.FindReport("r1"), data.FindReport("r5")));

  // On the 3rd the correction had not appeared: the stance counts, nothing is found.
  TimeOptions before;
  before.as_of = data.reports[data.FindReport("r1")].time_utc.value() + 2 * 86400;
  const StanceTimes then = ApplyTimeRules(data, before);
  EXPECT_TRUE(then.Counts(S(data, "s1")));
  EXPECT_THAT(FindConsistency(data, then), IsEmpty());
}

TEST(TimeRules, ARetractedStanceSupersedesNothing) {
  // Denies on the 1st; the support of the 5th is retracted on the 9th: the denial stands.
  const std::string body = Stance("s1", "h", "c", "denies", R"(,"report":"r1")") +
                           Stance("s5", "h", "c", "supports", R"(,"report":"r5")") +
                           R"({"type":"retraction","stance":"s5","time":"2018-03-09"})" + "\n";
  const Dataset data = Parse(body);
  const StanceTimes t = ApplyTimeRules(data, {});
  EXPECT_TRUE(t.Counts(S(data, "s1")));
  EXPECT_EQ(t.State(S(data, "s5")), StanceState::kRetracted);
  EXPECT_THAT(Kinds(FindConsistency(data, t)), ElementsAre("retraction"));
}

TEST(TimeRules, AsOfLeavesOutWhatWasDatedLater) {
  const Dataset data = Parse(Stance("s1", "h", "c", "supports", R"(,"report":"r1")") +
                             Stance("s2", "h", "c", "denies", R"(,"report":"r9")") +
                             Stance("s3", "k", "c", "denies", ""));
  TimeOptions options;
  options.as_of = data.reports[data.FindReport("r5")].time_utc;
  const StanceTimes t = ApplyTimeRules(data, options);
  EXPECT_TRUE(t.Counts(S(data, "s1")));  // not superseded: the denial is not known yet
  EXPECT_EQ(t.State(S(data, "s2")), StanceState::kLater);
  EXPECT_TRUE(t.Counts(S(data, "s3")));  // undated: always counts
  EXPECT_EQ(t.undated, 1U);
  EXPECT_EQ(t.reference, *options.as_of);
  EXPECT_THAT(FindConsistency(data, t), IsEmpty());
}

TEST(TimeRules, HalfLifeHalvesTheWeightOfEvidenceOneHalfLifeOld) {
  const Dataset data = Parse(Stance("s1", "h", "c", "supports", R"(,"report":"r1","weight":0.8)") +
                             Stance("s9", "k", "c", "supports", R"(,"report":"r9")") +
                             Stance("s0", "o", "c", "denies", ""));
  TimeOptions options;
  options.half_life_days = 4.0;  // r1 is 8 days before r9, the latest date: a quarter
  const StanceTimes t = ApplyTimeRules(data, options);
  EXPECT_EQ(t.reference, data.reports[data.FindReport("r9")].time_utc.value());
  EXPECT_FLOAT_EQ(t.decay[S(data, "s1")], 0.25F);
  EXPECT_FLOAT_EQ(t.decay[S(data, "s9")], 1.0F);
  EXPECT_FLOAT_EQ(t.decay[S(data, "s0")], 1.0F);  // undated

  const ClaimGraph graph(data);
  const EvidenceSnapshot snap = FreezeEvidence(data, graph, t);
  bool seen = false;
  for (std::size_t m = 0; m < snap.num_members(); ++m) {
    if (snap.member_stance[m] == S(data, "s1")) {
      EXPECT_FLOAT_EQ(snap.member_weight[m], 0.2F);  // 0.8 x 1/4
      seen = true;
    }
  }
  EXPECT_TRUE(seen);
  EXPECT_THROW(ApplyTimeRules(data, TimeOptions{std::nullopt, "", -1.0}), InvalidArgumentError);
}

TEST(TimeRules, TheSnapshotLeavesWithdrawnStancesOutAndExplainShowsThem) {
  const std::string body = Stance("s1", "h", "c", "supports", R"(,"report":"r1")") +
                           Stance("s5", "h", "c", "denies", R"(,"report":"r5")") +
                           Stance("t1", "o", "c", "supports", R"(,"report":"r1")") +
                           R"({"type":"retraction","stance":"t1","report":"r9"})" + "\n";
  const Dataset data = Parse(body);
  const ClaimGraph graph(data);
  const EvidenceSnapshot snap = FreezeEvidence(data, graph);
  std::vector<Index> members(snap.member_stance.begin(), snap.member_stance.end());
  EXPECT_THAT(members, ElementsAre(S(data, "s5")));

  scoring::ScoringResult result;
  result.algorithm = "credence";
  result.belief.assign(data.claims.size(), 0.5);
  result.trust.assign(data.sources.size(), 0.7);
  const scoring::Explanation e =
      scoring::Explain(data, graph, snap, scoring::ModelOptions{}, result, data.FindClaim("c"));
  ASSERT_EQ(e.withdrawn.size(), 2U);
  // Ordered by time: the support of the 1st (superseded), then the outlet's retracted support
  // of the 1st (its holder o sorts after h).
  EXPECT_EQ(e.withdrawn[0].stance, S(data, "s1"));
  EXPECT_EQ(e.withdrawn[0].state, StanceState::kSuperseded);
  EXPECT_EQ(e.withdrawn[0].by, S(data, "s5"));
  EXPECT_EQ(e.withdrawn[1].stance, S(data, "t1"));
  EXPECT_EQ(e.withdrawn[1].state, StanceState::kRetracted);
  ASSERT_EQ(e.stances.size(), 1U);
  EXPECT_EQ(e.stances[0].stance, S(data, "s5"));
}

TEST(TimeRules, TheSessionAppliesTheRulesAndTheAsOfDate) {
  const std::string body = Stance("s1", "h", "c", "supports", R"(,"report":"r1")") +
                           Stance("s5", "h", "c", "denies", R"(,"report":"r5")");
  SessionOptions options;
  const auto now = Session::Run(Parse(body), options);
  EXPECT_LT(now->result().belief[now->data().FindClaim("c")], 0.5);
  EXPECT_THAT(Kinds(now->findings()), ElementsAre("reversal"));

  options.time.as_of = now->data().reports[now->data().FindReport("r1")].time_utc;
  const auto then = Session::Run(Parse(body), options);
  EXPECT_GT(then->result().belief[then->data().FindClaim("c")], 0.5);
  EXPECT_THAT(then->findings(), IsEmpty());
}

}  // namespace
}  // namespace credence::graph
