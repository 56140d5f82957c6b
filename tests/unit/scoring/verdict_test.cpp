// Verdicts that use the belief's 90% interval (issue 12, part 3; docs/model.md, "Verdicts"): a
// claim leans true only if its belief is at least likely_true AND its interval lies above 1/2,
// false only if its belief is at most likely_false AND its interval lies below 1/2; without an
// interval (the classic algorithms) the point rule alone. First on hand-built assessments (every
// branch), then Analyze's plumbing of ScoringResult::belief_low / belief_high, then end to end on
// a small hand-made dataset where one support alone pushes the point past the threshold but not
// its interval.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include "credence/scoring/algorithms.hpp"
#include "credence/scoring/analysis.hpp"
#include "testutil/scoring.hpp"

namespace credence::scoring {
namespace {

// A claim with one supporting unit (or one on each side when `contested`), belief `belief`,
// and the interval [low, high] when `interval`.
ClaimAssessment Hand(double belief, bool interval, double low, double high, bool contested) {
  ClaimAssessment a;
  a.claim = 0;
  a.belief = belief;
  a.has_interval = interval;
  a.belief_low = low;
  a.belief_high = high;
  a.sources_for = 1;
  a.weight_for = 1.0;
  if (contested) {
    a.sources_against = 1;
    a.weight_against = 0.5;  // >= contest_mass 0.05
  }
  return a;
}

constexpr bool kInterval = true;
constexpr bool kPoint = false;
constexpr bool kContested = true;
constexpr bool kOneSided = false;

// Point past likely_true (0.75) but the interval reaches below 1/2: it does not lean, so a
// one-sided claim is unresolved and a contested one disputed. The same mirrored for false.
TEST(VerdictTest, PointPastThresholdWithIntervalAcrossOneHalfDoesNotLean) {
  const AnalysisOptions o;
  EXPECT_EQ(VerdictOf(Hand(0.80, kInterval, 0.40, 0.95, kOneSided), o), Verdict::kUnresolved);
  EXPECT_EQ(VerdictOf(Hand(0.80, kInterval, 0.40, 0.95, kContested), o), Verdict::kDisputed);
  EXPECT_EQ(VerdictOf(Hand(0.20, kInterval, 0.05, 0.60, kOneSided), o), Verdict::kUnresolved);
  EXPECT_EQ(VerdictOf(Hand(0.20, kInterval, 0.05, 0.60, kContested), o), Verdict::kDisputed);
  // The interval must lie strictly beyond 1/2: an end at exactly 1/2 does not clear it.
  EXPECT_EQ(VerdictOf(Hand(0.80, kInterval, 0.50, 0.95, kOneSided), o), Verdict::kUnresolved);
  EXPECT_EQ(VerdictOf(Hand(0.20, kInterval, 0.05, 0.50, kOneSided), o), Verdict::kUnresolved);
}

// Both the point and the interval past: it leans.
TEST(VerdictTest, PointAndIntervalPastLean) {
  const AnalysisOptions o;
  EXPECT_EQ(VerdictOf(Hand(0.80, kInterval, 0.51, 0.95, kOneSided), o), Verdict::kLikelyTrue);
  EXPECT_EQ(VerdictOf(Hand(0.80, kInterval, 0.51, 0.95, kContested), o), Verdict::kContestedTrue);
  EXPECT_EQ(VerdictOf(Hand(0.20, kInterval, 0.05, 0.49, kOneSided), o), Verdict::kLikelyFalse);
  EXPECT_EQ(VerdictOf(Hand(0.20, kInterval, 0.05, 0.49, kContested), o), Verdict::kContestedFalse);
  // The threshold is inclusive for the point, as before.
  EXPECT_EQ(VerdictOf(Hand(0.75, kInterval, 0.60, 0.85, kOneSided), o), Verdict::kLikelyTrue);
  EXPECT_EQ(VerdictOf(Hand(0.25, kInterval, 0.15, 0.40, kOneSided), o), Verdict::kLikelyFalse);
}

// An interval wholly on one side of 1/2 is not enough: the point must pass its threshold too.
TEST(VerdictTest, IntervalPastOneHalfWithPointShortOfThresholdDoesNotLean) {
  const AnalysisOptions o;
  EXPECT_EQ(VerdictOf(Hand(0.70, kInterval, 0.60, 0.80, kOneSided), o), Verdict::kUnresolved);
  EXPECT_EQ(VerdictOf(Hand(0.70, kInterval, 0.60, 0.80, kContested), o), Verdict::kDisputed);
  EXPECT_EQ(VerdictOf(Hand(0.30, kInterval, 0.20, 0.40, kOneSided), o), Verdict::kUnresolved);
}

// Without an interval (the classic algorithms) the point rule alone decides, whatever the
// belief_low / belief_high fields hold.
TEST(VerdictTest, WithoutAnIntervalThePointRuleDecides) {
  const AnalysisOptions o;
  EXPECT_EQ(VerdictOf(Hand(0.80, kPoint, 0.0, 1.0, kOneSided), o), Verdict::kLikelyTrue);
  EXPECT_EQ(VerdictOf(Hand(0.80, kPoint, 0.0, 1.0, kContested), o), Verdict::kContestedTrue);
  EXPECT_EQ(VerdictOf(Hand(0.20, kPoint, 0.0, 1.0, kOneSided), o), Verdict::kLikelyFalse);
  EXPECT_EQ(VerdictOf(Hand(0.20, kPoint, 0.0, 1.0, kContested), o), Verdict::kContestedFalse);
  EXPECT_EQ(VerdictOf(Hand(0.80, kPoint, 0.40, 0.95, kOneSided), o), Verdict::kLikelyTrue);
  EXPECT_EQ(VerdictOf(Hand(0.70, kPoint, 0.0, 1.0, kOneSided), o), Verdict::kUnresolved);
  EXPECT_EQ(VerdictOf(Hand(0.70, kPoint, 0.0, 1.0, kContested), o), Verdict::kDisputed);
  // The thresholds are still the options'.
  AnalysisOptions strict;
  strict.likely_true = 0.9;
  EXPECT_EQ(VerdictOf(Hand(0.80, kPoint, 0.0, 1.0, kOneSided), strict), Verdict::kUnresolved);
  EXPECT_EQ(VerdictOf(Hand(0.80, kInterval, 0.70, 0.90, kOneSided), strict), Verdict::kUnresolved);
}

// No units at all: unresolved, interval or not.
TEST(VerdictTest, NoEvidenceIsUnresolved) {
  ClaimAssessment a = Hand(0.95, kInterval, 0.90, 0.99, kOneSided);
  a.sources_for = 0;
  a.weight_for = 0.0;
  EXPECT_EQ(VerdictOf(a, AnalysisOptions{}), Verdict::kUnresolved);
}

// ------------------------------------------------------------------------------------------------
// End to end.
//
//   lone:  one fact-checker, which says nothing else, supports it: the point belief is past 0.75
//          (its kind's prior coins) but rests on a reliability never tested (no other source of
//          its kind, and no one else on the claim), so its interval is wide;
//   gone:  the same mirrored: one other fact-checker alone denies it;
//   broad: six news outlets support it;
//   sunk:  the same six deny it;
//   torn:  three of them support it, three deny it.
// The news outlets speak on several claims each, which gives the model something to learn
// from. The preconditions on "lone" and "gone" are checked before the verdicts, so that the test
// fails loudly (rather than passing vacuously) if the model's numbers move.
std::string Dataset() {
  std::string text = R"({"type":"outlet","id":"lone-checker","kind":"fact-checker"}
{"type":"outlet","id":"gone-checker","kind":"fact-checker"}
{"type":"claim","id":"lone","text":"lone"}
{"type":"claim","id":"gone","text":"gone"}
{"type":"claim","id":"broad","text":"broad"}
{"type":"claim","id":"sunk","text":"sunk"}
{"type":"claim","id":"torn","text":"torn"}
{"type":"stance","holder":"lone-checker","claim":"lone","polarity":"supports"}
{"type":"stance","holder":"gone-checker","claim":"gone","polarity":"denies"}
)";
  for (int i = 1; i <= 6; ++i) {
    const std::string id = "news" + std::to_string(i);
    text += R"({"type":"outlet","id":")" + id + "\"}\n";
    text += R"({"type":"stance","holder":")" + id +
            R"(","claim":"broad","polarity":"supports"})"
            "\n";
    text += R"({"type":"stance","holder":")" + id +
            R"(","claim":"sunk","polarity":"denies"})"
            "\n";
    text += R"({"type":"stance","holder":")" + id + R"(","claim":"torn","polarity":")" +
            (i <= 3 ? "supports" : "denies") + "\"}\n";
  }
  return text;
}

const ClaimAssessment& Find(const Analysis& analysis, const testutil::Scored& s,
                            std::string_view id) {
  const Index c = s.data.FindClaim(id);
  for (const ClaimAssessment& a : analysis.claims) {
    if (a.claim == c) return a;
  }
  ADD_FAILURE() << "no claim " << id;
  return analysis.claims.front();
}

// The verdict by the rule as docs/model.md states it, from the assessment's numbers.
std::string_view Expected(const ClaimAssessment& a, const AnalysisOptions& o) {
  if (a.sources_for + a.sources_against == 0) return "unresolved";
  const bool contested = std::min(a.weight_for, a.weight_against) >= o.contest_mass;
  const bool up = a.belief >= o.likely_true && (!a.has_interval || a.belief_low > 0.5);
  const bool down = a.belief <= o.likely_false && (!a.has_interval || a.belief_high < 0.5);
  if (contested)
    return up ? "contested, likely true" : down ? "contested, likely false" : "disputed";
  return up ? "likely true" : down ? "likely false" : "unresolved";
}

TEST(VerdictTest, OneWeakSupportPastTheThresholdIsUnresolvedWhileItsIntervalStraddlesOneHalf) {
  const auto s = testutil::ScoreModel(Dataset());
  const AnalysisOptions o;
  const Analysis analysis = Analyze(s->data, s->snap, s->options, s->result, o);
  // Analyze carries the result's interval into every assessment.
  for (const ClaimAssessment& a : analysis.claims) {
    SCOPED_TRACE(s->data.claims[a.claim].id);
    ASSERT_TRUE(a.has_interval);
    EXPECT_EQ(a.belief_low, s->result.belief_low[a.claim]);
    EXPECT_EQ(a.belief_high, s->result.belief_high[a.claim]);
    EXPECT_EQ(ToString(a.verdict), Expected(a, o));
  }
  const ClaimAssessment& lone = Find(analysis, *s, "lone");
  const ClaimAssessment& gone = Find(analysis, *s, "gone");
  // Preconditions: the points are past their thresholds, the intervals reach across 1/2.
  ASSERT_GE(lone.belief, o.likely_true) << "the dataset no longer has a point past the threshold";
  ASSERT_LE(lone.belief_low, 0.5) << "the dataset no longer has an interval across 1/2";
  ASSERT_LE(gone.belief, o.likely_false) << "the dataset no longer has a point past the threshold";
  ASSERT_GE(gone.belief_high, 0.5) << "the dataset no longer has an interval across 1/2";
  EXPECT_EQ(lone.verdict, Verdict::kUnresolved);
  EXPECT_EQ(gone.verdict, Verdict::kUnresolved);
  // Six agreeing outlets clear 1/2 by far: the interval rule does not silence them.
  ASSERT_GT(Find(analysis, *s, "broad").belief_low, 0.5);
  EXPECT_EQ(Find(analysis, *s, "broad").verdict, Verdict::kLikelyTrue);
  ASSERT_LT(Find(analysis, *s, "sunk").belief_high, 0.5);
  EXPECT_EQ(Find(analysis, *s, "sunk").verdict, Verdict::kLikelyFalse);
  // The point rule alone (the same result without its intervals) would have said "likely true".
  ScoringResult points = s->result;
  points.belief_low.clear();
  points.belief_high.clear();
  const Analysis by_points = Analyze(s->data, s->snap, s->options, points, o);
  const ClaimAssessment& lone_by_points = Find(by_points, *s, "lone");
  EXPECT_FALSE(lone_by_points.has_interval);
  EXPECT_EQ(lone_by_points.verdict, Verdict::kLikelyTrue);
  EXPECT_EQ(Find(by_points, *s, "gone").verdict, Verdict::kLikelyFalse);
  for (const ClaimAssessment& a : by_points.claims) EXPECT_EQ(ToString(a.verdict), Expected(a, o));
}

// Intervals that are not sound for their claim read as absent (the point rule), claim by claim;
// vectors of the wrong size read as absent for every claim; a classic algorithm has none.
TEST(VerdictTest, AnalyzeReadsOnlySoundIntervals) {
  const auto s = testutil::ScoreModel(Dataset());
  const AnalysisOptions o;
  const Index lone = s->data.FindClaim("lone");
  const Index broad = s->data.FindClaim("broad");
  const Index torn = s->data.FindClaim("torn");
  ScoringResult bad = s->result;
  bad.belief_low[lone] = std::numeric_limits<double>::quiet_NaN();
  bad.belief_high[broad] = bad.belief[broad] / 2.0;  // below its own point
  const Analysis analysis = Analyze(s->data, s->snap, s->options, bad, o);
  EXPECT_FALSE(Find(analysis, *s, "lone").has_interval);
  EXPECT_EQ(ToString(Find(analysis, *s, "lone").verdict), Expected(Find(analysis, *s, "lone"), o));
  EXPECT_FALSE(Find(analysis, *s, "broad").has_interval);
  EXPECT_TRUE(Find(analysis, *s, "torn").has_interval);
  EXPECT_EQ(Find(analysis, *s, "torn").belief_low, s->result.belief_low[torn]);
  bad.belief_high.pop_back();
  for (const ClaimAssessment& a : Analyze(s->data, s->snap, s->options, bad, o).claims) {
    EXPECT_FALSE(a.has_interval);
  }

  const auto majority =
      testutil::ScoreAlgorithm(Algorithm::kMajority, Dataset(), testutil::Format::kJsonl);
  ASSERT_TRUE(majority->result.belief_low.empty());
  const Analysis classic =
      Analyze(majority->data, majority->snap, majority->options, majority->result, o);
  for (const ClaimAssessment& a : classic.claims) {
    SCOPED_TRACE(majority->data.claims[a.claim].id);
    EXPECT_FALSE(a.has_interval);
    EXPECT_EQ(ToString(a.verdict), Expected(a, o));
  }
}

}  // namespace
}  // namespace credence::scoring
