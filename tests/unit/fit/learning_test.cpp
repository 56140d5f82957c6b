// Unit tests for the K-fold learning curve (eval/learning.hpp) and the SVG plots
// (eval/plots.hpp).

#include "credence/eval/learning.hpp"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "credence/eval/plots.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/io/reader.hpp"

namespace credence::eval {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(FoldsTest, EveryRowInExactlyOneFoldOfBalancedSize) {
  for (const std::size_t n : {1U, 7U, 140U}) {
    for (const int k : {1, 2, 5}) {
      const std::vector<int> fold = FoldAssignment(n, k, 42);
      ASSERT_EQ(fold.size(), n);
      std::vector<std::size_t> size(k, 0);
      for (const int f : fold) {
        ASSERT_GE(f, 0);
        ASSERT_LT(f, k);
        ++size[f];
      }
      for (const std::size_t s : size) {
        EXPECT_TRUE(s == n / k || s == n / k + 1) << n << " rows, " << k << " folds: " << s;
      }
    }
  }
  // ShuffledRows is a permutation.
  const std::vector<std::size_t> order = ShuffledRows(100, 7);
  EXPECT_EQ(std::set<std::size_t>(order.begin(), order.end()).size(), 100U);
}

TEST(FoldsTest, SameSeedSameFoldsOtherSeedOthers) {
  EXPECT_EQ(FoldAssignment(140, 5, 42), FoldAssignment(140, 5, 42));
  EXPECT_NE(FoldAssignment(140, 5, 42), FoldAssignment(140, 5, 43));
}

// 24 claims, 6 sources: sources s0..s2 support true claims and deny false ones, s3..s5 the
// reverse on a third of them; claim i is true when i % 3 != 0.
std::string Stances() {
  std::string csv = "source,claim,stance\n";
  for (int i = 0; i < 24; ++i) {
    const bool truth = i % 3 != 0;
    for (int s = 0; s < 6; ++s) {
      if ((i + s) % 2 != 0) continue;
      const bool honest = s < 3 || i % 4 != 0;
      const bool supports = truth == honest;
      csv += fmt::format("s{},c{},{}\n", s, 100 + i, supports ? "supports" : "denies");
    }
  }
  return csv;
}

std::string GoldCsv() {
  std::string gold = "claim,truth\n";
  for (int i = 0; i < 24; ++i) {
    gold += fmt::format("c{},{}\n", 100 + i, i % 3 != 0 ? "true" : "false");
  }
  return gold;
}

TEST(LearningCurveTest, SameSeedSameTable) {
  const Dataset data = io::ParseStancesCsv(Stances(), "synthetic.csv");
  const graph::ClaimGraph graph(data);
  const auto snap = graph::FreezeEvidence(data, graph);
  const Gold gold = ParseGold(GoldCsv(), "synthetic.gold.csv");
  LearningOptions options;
  options.folds = 4;
  options.seed = 9;
  options.shares = {0.0, 0.5, 1.0};
  options.fit.steps = 6;
  const auto table = [&] {
    std::ostringstream out;
    WriteLearningTable(out, RunLearningCurve(data, snap, gold, options));
    return out.str();
  };
  const LearningCurve curve = RunLearningCurve(data, snap, gold, options);
  ASSERT_EQ(curve.points.size(), 3U);
  for (const LearningPoint& p : curve.points) {
    EXPECT_EQ(p.fit.items, 24U);  // every gold claim held out exactly once
    EXPECT_EQ(p.labels.items, 24U);
  }
  // Share 0 is the unsupervised model for both routes.
  EXPECT_EQ(curve.points[0].fit.correct, curve.points[0].labels.correct);
  EXPECT_DOUBLE_EQ(curve.points[2].labels_per_fold, 18.0);  // 3 of 4 folds of 6
  EXPECT_EQ(table(), table());
  std::ostringstream svg1, svg2;
  WriteLearningSvg(svg1, curve);
  WriteLearningSvg(svg2, RunLearningCurve(data, snap, gold, options));
  EXPECT_EQ(svg1.str(), svg2.str());
  EXPECT_THAT(svg1.str(), StartsWith("<svg"));
  EXPECT_THAT(svg1.str(), ::testing::EndsWith("</svg>\n"));
}

TEST(PlotsTest, LearningSvgCarriesEveryPoint) {
  LearningCurve curve;
  curve.folds = 5;
  curve.seed = 1;
  curve.points = {{0.0, 0.0, {10, 7, 0.7, 10, 0.1}, {10, 7, 0.7, 10, 0.1}},
                  {1.0, 8.0, {10, 9, 0.9, 10, 0.1}, {10, 8, 0.8, 10, 0.1}}};
  std::ostringstream out;
  WriteLearningSvg(out, curve);
  const std::string svg = out.str();
  EXPECT_THAT(svg, StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_THAT(svg, ::testing::EndsWith("</svg>\n"));
  EXPECT_THAT(svg, HasSubstr(R"(data-route="fit" data-share="1" data-accuracy="0.900000")"));
  EXPECT_THAT(svg, HasSubstr(R"(data-route="labels" data-share="1" data-accuracy="0.800000")"));
  EXPECT_THAT(svg, HasSubstr("<polyline"));
}

TEST(PlotsTest, ReliabilityDiagramByHand) {
  // Bins (belief (label)): 0: {0.05 (0)}, 1: {0.15 (1), 0.18 (0)},
  // 9: {0.95 (1), 1.0 (1), 0.91 (0)} (1.0 falls in the last bin).
  const std::vector<double> belief = {0.05, 0.15, 0.18, 0.95, 1.0, 0.91};
  const std::vector<int> label = {0, 1, 0, 1, 1, 0};
  const auto bins = ReliabilityBins(belief, label);
  ASSERT_EQ(bins.size(), 10U);
  EXPECT_EQ(bins[0].count, 1U);
  EXPECT_EQ(bins[1].count, 2U);
  EXPECT_EQ(bins[9].count, 3U);
  EXPECT_DOUBLE_EQ(bins[1].frequency, 0.5);
  EXPECT_TRUE(std::isnan(bins[5].frequency));
  // ECE = 1/6 |0 - 0.05| + 2/6 |0.5 - 0.165| + 3/6 |2/3 - 0.953333...|
  //     = 0.0083333 + 0.1116667 + 0.1433333 = 0.263333...
  const double ece = (1.0 / 6) * 0.05 + (2.0 / 6) * (0.5 - 0.165) +
                     (3.0 / 6) * ((0.95 + 1.0 + 0.91) / 3 - 2.0 / 3);
  EXPECT_NEAR(ece, 0.2633333333, 1e-9);
  std::ostringstream out1, out2;
  WriteReliabilitySvg(out1, bins, "Tiny <test>");
  WriteReliabilitySvg(out2, bins, "Tiny <test>");
  const std::string svg = out1.str();
  EXPECT_EQ(svg, out2.str());
  EXPECT_THAT(svg, StartsWith("<svg"));
  EXPECT_THAT(svg, ::testing::EndsWith("</svg>\n"));
  EXPECT_THAT(svg, HasSubstr("ECE 0.263 (6 claims)"));
  EXPECT_THAT(svg, HasSubstr("Tiny &lt;test&gt;"));
  EXPECT_THAT(svg, HasSubstr(R"(data-bin="9" data-count="3")"));
  EXPECT_THAT(svg, ::testing::Not(HasSubstr(R"(data-bin="5")")));
}

}  // namespace
}  // namespace credence::eval
