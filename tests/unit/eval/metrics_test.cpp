// Unit tests for eval::Evaluate and its parts, on tiny made-up results whose every metric is
// worked out by hand in the comments.

#include "credence/eval/metrics.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/io/reader.hpp"

namespace credence::eval {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;

constexpr double kEps = 1e-12;

// Seven claims, five sources (a..e), and a claim gold with one claim (c9) not in the dataset.
//
//   claim  gold   stances (+ supports, - denies, o neutral)   belief   predicted   class (false +)
//   c1     true   +a +b -d +e                                  0.92     true        TN
//   c2     true   +a +c  o d                                   0.64     true        TN
//   c3     true   -c +d                                        0.35     false       FP
//   c4     false  -a +b +d                                     0.15     false       TP
//   c5     false  +c                                           0.62     true        FN
//   c6     false  -a -b                                        0.05     false       TP
//   c7     -      +e                                           0.50     (not scored)
//   c9     false  (not in the dataset)                         -        wrong       (missing)
constexpr const char* kStances =
    "source,claim,stance\n"
    "a,c1,supports\na,c2,supports\na,c4,denies\na,c6,denies\n"
    "b,c1,supports\nb,c4,supports\nb,c6,denies\n"
    "c,c2,supports\nc,c5,supports\nc,c3,denies\n"
    "d,c3,supports\nd,c4,supports\nd,c1,denies\nd,c2,neutral\n"
    "e,c1,supports\ne,c7,supports\n";
constexpr const char* kClaimGold =
    "claim,truth\nc1,true\nc2,true\nc3,true\nc4,false\nc5,false\nc6,false\nc9,false\n";

scoring::ScoringResult Result(std::vector<double> belief, std::vector<double> trust) {
  scoring::ScoringResult r;
  r.algorithm = "made-up";
  r.belief = std::move(belief);
  r.trust = std::move(trust);
  r.iterations = 7;
  r.converged = true;
  return r;
}

TEST(EvaluateTest, ClaimGoldByHand) {
  const Dataset data = io::ParseStancesCsv(kStances, "tiny.csv");
  ASSERT_THAT(data.claims, SizeIs(7));   // c1..c7, sorted by id
  ASSERT_THAT(data.sources, SizeIs(5));  // a..e
  const Gold gold = ParseGold(kClaimGold, "tiny.gold.csv");
  //                                 c1    c2    c3    c4    c5    c6    c7
  const auto result = Result({0.92, 0.64, 0.35, 0.15, 0.62, 0.05, 0.50},
                             //   a    b    c    d    e
                             {0.9, 0.6, 0.6, 0.2, 0.99});
  const Metrics m = Evaluate(data, result, gold);
  EXPECT_EQ(m.algorithm, "made-up");
  EXPECT_TRUE(m.error.empty());
  EXPECT_EQ(m.iterations, 7);
  EXPECT_TRUE(m.converged);

  // Accuracy over the 7 gold rows: c1, c2, c4, c6 right; c3, c5 wrong; c9 missing = wrong.
  EXPECT_EQ(m.items, 7U);
  EXPECT_EQ(m.missing, 1U);
  EXPECT_EQ(m.correct, 4U);
  EXPECT_NEAR(m.accuracy, 4.0 / 7.0, kEps);

  // Over the 6 scored claims, "false" positive: TP = c4, c6; FP = c3; FN = c5; TN = c1, c2.
  // P = 2/3, R = 2/3, F1 = 2*2 / (2*2 + 1 + 1) = 2/3.
  EXPECT_EQ(m.scored_claims, 6U);
  EXPECT_EQ(m.tp, 2U);
  EXPECT_EQ(m.fp, 1U);
  EXPECT_EQ(m.fn, 1U);
  EXPECT_EQ(m.tn, 2U);
  EXPECT_NEAR(m.precision, 2.0 / 3.0, kEps);
  EXPECT_NEAR(m.recall, 2.0 / 3.0, kEps);
  EXPECT_NEAR(m.f1, 2.0 / 3.0, kEps);

  // Brier: (0.92-1)^2 + (0.64-1)^2 + (0.35-1)^2 + 0.15^2 + 0.62^2 + 0.05^2
  //      = 0.0064 + 0.1296 + 0.4225 + 0.0225 + 0.3844 + 0.0025 = 0.9679, / 6.
  EXPECT_NEAR(m.brier, 0.9679 / 6.0, kEps);

  // ECE, bins of width 0.1 by belief:
  //   bin 0: c6 (0.05, false)           acc 0,   conf 0.05   |.| = 0.05   weight 1/6
  //   bin 1: c4 (0.15, false)           acc 0,   conf 0.15   |.| = 0.15   weight 1/6
  //   bin 3: c3 (0.35, true)            acc 1,   conf 0.35   |.| = 0.65   weight 1/6
  //   bin 6: c2 (0.64, true), c5 (0.62, false)
  //                                     acc 1/2, conf 0.63   |.| = 0.13   weight 2/6
  //   bin 9: c1 (0.92, true)            acc 1,   conf 0.92   |.| = 0.08   weight 1/6
  //   ECE = (0.05 + 0.15 + 0.65 + 2 * 0.13 + 0.08) / 6 = 1.19 / 6.
  EXPECT_NEAR(m.ece, 1.19 / 6.0, kEps);

  // Trust against accuracy on the gold, over sources with >= 3 non-neutral stances on scored
  // claims (agree = supports a true claim or denies a false one):
  //   a: +c1 +c2 -c4 -c6          4/4 = 1       trust 0.9
  //   b: +c1 +c4 -c6              2/3           trust 0.6
  //   c: +c2 +c5 -c3              1/3           trust 0.6
  //   d: +c3 +c4 -c1 (o c2)       1/3           trust 0.2
  //   e: +c1 (+c7 is not scored)  1 stance: left out
  // Trust ranks (ties averaged): d 1, b 2.5, c 2.5, a 4. Accuracy ranks: c 1.5, d 1.5, b 3, a 4.
  // Centred on 2.5: x = (1.5, 0, 0, -1.5) for (a, b, c, d), y = (1.5, 0.5, -1, -1).
  // rho = (2.25 + 0 + 0 + 1.5) / sqrt(4.5 * 4.5) = 3.75 / 4.5 = 5/6.
  EXPECT_EQ(m.trust_sources, 4U);
  EXPECT_NEAR(m.trust_rho, 5.0 / 6.0, kEps);
}

TEST(EvaluateTest, NoTrustMeansNoCorrelation) {
  const Dataset data = io::ParseStancesCsv(kStances, "tiny.csv");
  const Gold gold = ParseGold(kClaimGold, "tiny.gold.csv");
  const Metrics m = Evaluate(data, Result({0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9}, {}), gold);
  EXPECT_TRUE(std::isnan(m.trust_rho));
  EXPECT_EQ(m.trust_sources, 0U);
  // Everything predicted true: no predicted false, so precision is 0/0; recall 0/3; F1 0/3.
  EXPECT_TRUE(std::isnan(m.precision));
  EXPECT_NEAR(m.recall, 0.0, kEps);
  EXPECT_NEAR(m.f1, 0.0, kEps);
  EXPECT_EQ(m.correct, 3U);
}

TEST(EvaluateTest, RejectsResultsOfTheWrongSize) {
  const Dataset data = io::ParseStancesCsv(kStances, "tiny.csv");
  const Gold gold = ParseGold(kClaimGold, "tiny.gold.csv");
  EXPECT_THAT([&] { Evaluate(data, Result({0.5}, {}), gold); },
              testing::ThrowsMessage<InvalidArgumentError>(
                  HasSubstr("result.belief must have one entry per claim (7), got 1")));
  EXPECT_THAT([&] { Evaluate(data, Result(std::vector<double>(7, 0.5), {0.5}), gold); },
              testing::ThrowsMessage<InvalidArgumentError>(HasSubstr("result.trust")));
}

// The stance-counting baselines on the same dataset (supports / denials per claim):
//   claim  gold   for  against   for>against   no-denial & >= 2 for
//   c1     true   3    1         true  (TN)    false (FP)
//   c2     true   2    0         true  (TN)    true  (TN)
//   c3     true   1    1         false (FP)    false (FP)
//   c4     false  2    1         true  (FN)    false (TP)
//   c5     false  1    0         true  (FN)    false (TP)
//   c6     false  0    2         false (TP)    false (TP)
//   c7     -      1    0         true          false
TEST(BaselineTest, ForOverAgainstByHand) {
  const Dataset data = io::ParseStancesCsv(kStances, "tiny.csv");
  const Gold gold = ParseGold(kClaimGold, "tiny.gold.csv");
  const auto r = RunBaseline(data, Baseline::kForOverAgainst);
  EXPECT_EQ(r.algorithm, "rule:for>against");
  EXPECT_EQ(r.belief, (std::vector<double>{1, 1, 0, 1, 1, 0, 1}));
  EXPECT_TRUE(r.trust.empty());
  const Metrics m = Evaluate(data, r, gold);
  // Right: c1, c2, c6 of 7. TP 1, FP 1, FN 2: P = 1/2, R = 1/3, F1 = 2 / (2 + 1 + 2) = 0.4.
  EXPECT_EQ(m.correct, 3U);
  EXPECT_NEAR(m.accuracy, 3.0 / 7.0, kEps);
  EXPECT_NEAR(m.precision, 0.5, kEps);
  EXPECT_NEAR(m.recall, 1.0 / 3.0, kEps);
  EXPECT_NEAR(m.f1, 0.4, kEps);
  // Beliefs are 0 or 1: Brier = share wrong = 3/6. ECE: bin 9 holds c1, c2, c4, c5 (2 true,
  // conf 1): 4/6 * 1/2; bin 0 holds c3, c6 (1 true, conf 0): 2/6 * 1/2; ECE = 1/2.
  EXPECT_NEAR(m.brier, 0.5, kEps);
  EXPECT_NEAR(m.ece, 0.5, kEps);
  EXPECT_TRUE(std::isnan(m.trust_rho));
}

TEST(BaselineTest, NoDenialAndTwoForByHand) {
  const Dataset data = io::ParseStancesCsv(kStances, "tiny.csv");
  const Gold gold = ParseGold(kClaimGold, "tiny.gold.csv");
  const auto r = RunBaseline(data, Baseline::kNoDenialTwoFor);
  EXPECT_EQ(r.algorithm, "rule:no-denial&>=2for");
  EXPECT_EQ(r.belief, (std::vector<double>{0, 1, 0, 0, 0, 0, 0}));
  const Metrics m = Evaluate(data, r, gold);
  // Right: c2, c4, c5, c6 of 7. TP 3, FP 2, FN 0: P = 3/5, R = 1, F1 = 6 / (6 + 2) = 0.75.
  EXPECT_EQ(m.correct, 4U);
  EXPECT_NEAR(m.precision, 0.6, kEps);
  EXPECT_NEAR(m.recall, 1.0, kEps);
  EXPECT_NEAR(m.f1, 0.75, kEps);
  // Brier = 2 wrong / 6. ECE: bin 9 holds c2 (true, conf 1): 0; bin 0 holds c1, c3, c4, c5, c6
  // (2 true, conf 0): 5/6 * 2/5 = 1/3.
  EXPECT_NEAR(m.brier, 2.0 / 6.0, kEps);
  EXPECT_NEAR(m.ece, 1.0 / 3.0, kEps);
  EXPECT_EQ(NameOf(Baseline::kForOverAgainst), "rule:for>against");
  EXPECT_THAT(AllBaselines(), SizeIs(2));
}

// Object gold on triples: four objects in the dataset, one gold object (pop-z) that is not.
//
//   claim (id order)   belief   gold of its object          label   predicted
//   city-c=Lyon        0.32     city-c = Paris              false   false   TP
//   city-c=Paris       0.68                                 true    TRUE    TN   -> right
//   city-d=Bergen      0.50     city-d = Oslo               false   TRUE    FN   (tie: smallest id)
//   city-d=Oslo        0.50                                 true    false   FP   -> wrong
//   pop-a=1000         0.22     pop-a = 1000, tolerance 5%  true    false   FP
//   pop-a=1040         0.56     (|1040 - 1000| = 40 <= 50)  true    TRUE    TN   -> right
//   pop-a=1200         0.22                                 false   false   TP
//   pop-b=500          0.45     pop-b = 505, exact          false   false   TP
//   pop-b=510          0.55     (no tolerance: no match)    false   TRUE    FN   -> wrong
//                               pop-z = 7                   (missing)             -> wrong
constexpr const char* kTriples =
    "source,object,value\n"
    "s1,city-c,Paris\ns2,city-c,Lyon\n"
    "s1,city-d,Oslo\ns2,city-d,Bergen\n"
    "s1,pop-a,1000\ns2,pop-a,1040\ns3,pop-a,1200\n"
    "s1,pop-b,500\ns2,pop-b,510\n";
constexpr const char* kObjectGold =
    "object,value,tolerance\n"
    "pop-a,1000,0.05\n"
    "pop-b,505,\n"
    "city-c,Paris,\n"
    "city-d,Oslo,\n"
    "pop-z,7,\n";

TEST(EvaluateTest, ObjectGoldWithToleranceTiesAndMissingObjects) {
  const Dataset data = io::ParseTriplesCsv(kTriples, "t.triples.csv");
  ASSERT_THAT(data.claims, SizeIs(9));
  ASSERT_EQ(data.claims[2].id, "city-d=Bergen");
  const Gold gold = ParseGold(kObjectGold, "t.gold.csv");
  const auto result = Result({0.32, 0.68, 0.50, 0.50, 0.22, 0.56, 0.22, 0.45, 0.55},
                             //  s1   s2   s3
                             {0.8, 0.3, 0.5});
  const Metrics m = Evaluate(data, result, gold);
  // Right: city-c, pop-a. Wrong: city-d (tie), pop-b (exact), pop-z (missing). 2/5.
  EXPECT_EQ(m.items, 5U);
  EXPECT_EQ(m.missing, 1U);
  EXPECT_EQ(m.correct, 2U);
  EXPECT_NEAR(m.accuracy, 0.4, kEps);
  // Over the 9 claims of the 4 present objects: TP 3, FP 2, FN 2, TN 2.
  // P = 3/5, R = 3/5, F1 = 6 / (6 + 2 + 2) = 0.6.
  EXPECT_EQ(m.scored_claims, 9U);
  EXPECT_EQ(m.tp, 3U);
  EXPECT_EQ(m.fp, 2U);
  EXPECT_EQ(m.fn, 2U);
  EXPECT_EQ(m.tn, 2U);
  EXPECT_NEAR(m.precision, 0.6, kEps);
  EXPECT_NEAR(m.recall, 0.6, kEps);
  EXPECT_NEAR(m.f1, 0.6, kEps);
  // Brier: 0.32^2 + 0.32^2 + 0.5^2 + 0.5^2 + 0.78^2 + 0.44^2 + 0.22^2 + 0.45^2 + 0.55^2
  //      = 0.1024 + 0.1024 + 0.25 + 0.25 + 0.6084 + 0.1936 + 0.0484 + 0.2025 + 0.3025
  //      = 2.0602, / 9.
  EXPECT_NEAR(m.brier, 2.0602 / 9.0, kEps);
  // ECE:
  //   bin 2: 1000 (0.22, true), 1200 (0.22, false)      acc 1/2, conf 0.22     0.28 * 2/9
  //   bin 3: Lyon (0.32, false)                          acc 0,   conf 0.32     0.32 * 1/9
  //   bin 4: 500 (0.45, false)                           acc 0,   conf 0.45     0.45 * 1/9
  //   bin 5: Bergen (0.5, f), Oslo (0.5, t), 1040 (0.56, t), 510 (0.55, f)
  //                                       acc 1/2, conf 2.11/4 = 0.5275         0.0275 * 4/9
  //   bin 6: Paris (0.68, true)                          acc 1,   conf 0.68     0.32 * 1/9
  //   ECE = (0.56 + 0.32 + 0.45 + 0.11 + 0.32) / 9 = 1.76 / 9.
  EXPECT_NEAR(m.ece, 1.76 / 9.0, kEps);
  // Sources: s1 supports Paris, Oslo, 1000 (right) and 500 (wrong): 3/4; s2 supports Lyon,
  // Bergen, 510 (wrong) and 1040 (right): 1/4; s3 has one stance and is left out.
  // Two points in the same order: rho = 1.
  EXPECT_EQ(m.trust_sources, 2U);
  EXPECT_NEAR(m.trust_rho, 1.0, kEps);
}

// Groups from a stances CSV have no `value`: the claim id is the value.
TEST(EvaluateTest, ObjectGoldFallsBackToClaimIds) {
  const Dataset data = io::ParseStancesCsv(
      "source,claim,stance,group\n"
      "a,twelve,supports,injured\n"
      "b,fifteen,supports,injured\n",
      "g.csv");
  const Gold gold = ParseGold("object,value\ninjured,twelve\n", "g.gold.csv");
  //                  fifteen twelve
  const Metrics right = Evaluate(data, Result({0.3, 0.7}, {}), gold);
  EXPECT_EQ(right.correct, 1U);
  const Metrics wrong = Evaluate(data, Result({0.7, 0.3}, {}), gold);
  EXPECT_EQ(wrong.correct, 0U);
  EXPECT_EQ(wrong.missing, 0U);
}

TEST(EvaluateTest, NumericToleranceIsRelativeToTheGoldValue) {
  const Dataset data = io::ParseTriplesCsv(
      "source,object,value\ns1,x,-95\ns2,x,abc\ns3,y,0\ns4,y,0.0\n", "n.triples.csv");
  // x = -100 within 5%: |-95 - (-100)| = 5 <= 0.05 * 100, so x=-95 matches; "abc" is no number
  // and does not. y = 0 within 50% admits only 0: "0" matches as a string, "0.0" as a number.
  const Gold gold = ParseGold("object,value,tolerance\nx,-100,0.05\ny,0,0.5\n", "n.gold.csv");
  //   claim    belief  label  predicted
  //   x=-95    0.9     true   true    TN  -> x right
  //   x=abc    0.1     false  false   TP
  //   y=0      0.4     true   false   FP
  //   y=0.0    0.6     true   true    TN  -> y right
  const Metrics m = Evaluate(data, Result({0.9, 0.1, 0.4, 0.6}, {}), gold);
  EXPECT_EQ(m.correct, 2U);
  EXPECT_EQ(m.tp, 1U);
  EXPECT_EQ(m.fp, 1U);
  EXPECT_EQ(m.fn, 0U);
  EXPECT_EQ(m.tn, 2U);
}

// An anonymous holder's stances count for the outlet that vouches for it (the owner rule);
// neutral stances and stances on claims outside the gold count for nobody.
//
//   paper (outlet) publishes r1, in which anon supports t1, t2 and denies f1: 3/3 for paper
//   paper itself supports f1 and f2:                                          3/5 overall
//   blog supports t1, f1, f2 (1/3); wire supports t1, t2 and denies f2 (3/3); wire's neutral
//   stance on t1 and its support of x (not in the gold) are ignored.
TEST(EvaluateTest, AnonymousStancesCountForTheirOutlet) {
  const Dataset data = io::ParseJsonl(
      R"({"type":"outlet","id":"paper"}
{"type":"outlet","id":"blog"}
{"type":"outlet","id":"wire"}
{"type":"speaker","id":"anon","anonymous":true}
{"type":"claim","id":"t1","text":"t1"}
{"type":"claim","id":"t2","text":"t2"}
{"type":"claim","id":"f1","text":"f1"}
{"type":"claim","id":"f2","text":"f2"}
{"type":"claim","id":"x","text":"x"}
{"type":"report","id":"r1","outlet":"paper"}
{"type":"stance","holder":"anon","claim":"t1","polarity":"supports","report":"r1"}
{"type":"stance","holder":"anon","claim":"t2","polarity":"supports","report":"r1"}
{"type":"stance","holder":"anon","claim":"f1","polarity":"denies","report":"r1"}
{"type":"stance","holder":"paper","claim":"f1","polarity":"supports"}
{"type":"stance","holder":"paper","claim":"f2","polarity":"supports"}
{"type":"stance","holder":"blog","claim":"t1","polarity":"supports"}
{"type":"stance","holder":"blog","claim":"f1","polarity":"supports"}
{"type":"stance","holder":"blog","claim":"f2","polarity":"supports"}
{"type":"stance","holder":"wire","claim":"t1","polarity":"supports"}
{"type":"stance","holder":"wire","claim":"t2","polarity":"supports"}
{"type":"stance","holder":"wire","claim":"f2","polarity":"denies"}
{"type":"stance","holder":"wire","claim":"t1","polarity":"neutral"}
{"type":"stance","holder":"wire","claim":"x","polarity":"supports"}
)",
      "anon.jsonl");
  const Gold gold = ParseGold("claim,truth\nt1,true\nt2,true\nf1,false\nf2,false\n", "g.csv");
  // Sources by id: anon, blog, paper, wire. Accuracy: blog 1/3, paper 3/5, wire 1; anon has
  // none of its own. Trust in the same order as the accuracy: rho = 1 over 3 sources.
  const Metrics m =
      Evaluate(data, Result(std::vector<double>(5, 0.5), {0.99, 0.1, 0.5, 0.9}), gold);
  EXPECT_EQ(m.trust_sources, 3U);
  EXPECT_NEAR(m.trust_rho, 1.0, kEps);
  // Reversing the trust of paper and wire reverses part of the order: ranks of trust
  // (blog 1, paper 3, wire 2) against accuracy (1, 2, 3): rho = 1 - 6 * 2 / (3 * 8) = 0.5.
  const Metrics swapped =
      Evaluate(data, Result(std::vector<double>(5, 0.5), {0.99, 0.1, 0.9, 0.5}), gold);
  EXPECT_NEAR(swapped.trust_rho, 0.5, kEps);
}

TEST(CalibrationTest, BinsAndEdges) {
  EXPECT_TRUE(std::isnan(ExpectedCalibrationError({}, {})));
  // 1.0 falls in the last bin, 0.0 in the first: a perfect 0/1 predictor has ECE 0.
  EXPECT_NEAR(ExpectedCalibrationError({1.0, 0.0, 1.0}, {1, 0, 1}), 0.0, kEps);
  // All in bin 7 (0.7, 0.75, 0.78): acc 2/3, conf 2.23/3; |0.6667 - 0.74333| = 0.07667.
  EXPECT_NEAR(ExpectedCalibrationError({0.7, 0.75, 0.78}, {1, 1, 0}),
              std::abs(2.0 / 3.0 - 2.23 / 3.0), kEps);
}

TEST(SpearmanTest, TiesShareTheirAverageRank) {
  // Perfect agreement and perfect reversal.
  EXPECT_NEAR(SpearmanCorrelation({1, 2, 3}, {10, 20, 30}), 1.0, kEps);
  EXPECT_NEAR(SpearmanCorrelation({1, 2, 3}, {30, 20, 10}), -1.0, kEps);
  // x ranks (1, 2.5, 2.5, 4), y ranks (1, 2, 3, 4); centred: (-1.5, 0, 0, 1.5) and
  // (-1.5, -0.5, 0.5, 1.5): sxy = 4.5, sxx = 4.5, syy = 5; rho = 4.5 / sqrt(22.5).
  EXPECT_NEAR(SpearmanCorrelation({0.1, 0.5, 0.5, 0.9}, {1, 2, 3, 4}), 4.5 / std::sqrt(22.5), kEps);
  // Undefined: fewer than two points, or a constant side.
  EXPECT_TRUE(std::isnan(SpearmanCorrelation({1}, {2})));
  EXPECT_TRUE(std::isnan(SpearmanCorrelation({1, 1, 1}, {1, 2, 3})));
}

TEST(EvaluateAlgorithmsTest, RowsErrorsAndBaselines) {
  const Dataset data = io::ParseStancesCsv(kStances, "tiny.csv");
  const graph::ClaimGraph graph(data);
  const auto snap = graph::FreezeEvidence(data, graph);
  const Gold gold = ParseGold(kClaimGold, "tiny.gold.csv");

  EvalOptions options;
  options.algorithms = {scoring::Algorithm::kCredence};
  options.baselines = true;
  const auto rows = EvaluateAlgorithms(data, snap, gold, options);
  ASSERT_THAT(rows, SizeIs(3));
  EXPECT_EQ(rows[0].algorithm, "credence");
  EXPECT_TRUE(rows[0].error.empty());
  EXPECT_FALSE(rows[0].baseline);
  EXPECT_GE(rows[0].seconds, 0.0);
  EXPECT_EQ(rows[0].trust_sources, 4U);
  EXPECT_EQ(rows[1].algorithm, "rule:for>against");
  EXPECT_TRUE(rows[1].baseline);
  EXPECT_EQ(rows[1].correct, 3U);
  EXPECT_EQ(rows[2].algorithm, "rule:no-denial&>=2for");

  // A failing algorithm (here: an option out of range) becomes an error row that still knows the
  // gold's coverage, or stops everything when keep_going is off.
  options.run.model.base_rate = 2.0;
  options.baselines = false;
  const auto failed = EvaluateAlgorithms(data, snap, gold, options);
  ASSERT_THAT(failed, SizeIs(1));
  EXPECT_EQ(failed[0].algorithm, "credence");
  EXPECT_THAT(failed[0].error, HasSubstr("base_rate"));
  EXPECT_EQ(failed[0].items, 7U);
  EXPECT_EQ(failed[0].missing, 1U);
  EXPECT_EQ(failed[0].scored_claims, 6U);
  options.keep_going = false;
  EXPECT_THROW(EvaluateAlgorithms(data, snap, gold, options), InvalidArgumentError);

  // No baselines for object gold.
  const Gold objects = ParseGold("object,value\nnone,1\n", "o.gold.csv");
  options.keep_going = true;
  options.baselines = true;
  options.run.model.base_rate = 0.5;
  const auto object_rows = EvaluateAlgorithms(data, snap, objects, options);
  ASSERT_THAT(object_rows, SizeIs(1));
  EXPECT_EQ(object_rows[0].missing, 1U);
  EXPECT_NEAR(object_rows[0].accuracy, 0.0, kEps);
}

}  // namespace
}  // namespace credence::eval
