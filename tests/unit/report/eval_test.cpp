// Unit tests of the evaluation printers (report/eval.hpp).

#include "credence/report/eval.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace credence::report {
namespace {

// Cells wider than their column (counts in the millions) stay separated by a space, so that the
// table still splits on whitespace: every data row has as many fields as worked out here.
TEST(EvalTable, WideCellsStaySeparated) {
  EvalReport report;
  report.dataset = "d.csv";
  report.gold = "g.csv";
  eval::Metrics m;
  m.algorithm = "sums";
  m.items = 999889;
  m.correct = 672328;
  m.accuracy = 0.672;
  m.precision = 0.655;
  m.recall = 0.653;
  m.f1 = 0.654;
  m.brier = 0.237;
  m.ece = 0.1297;
  m.trust_rho = 0.056;
  m.trust_sources = 95831;
  m.iterations = 12;
  m.converged = true;
  report.rows.push_back(m);
  std::ostringstream out;
  WriteEvalTable(out, report, false);
  const std::string text = out.str();
  const auto start = text.find("\nsums");
  ASSERT_NE(start, std::string::npos) << text;
  std::istringstream row(text.substr(start + 1, text.find('\n', start + 1) - start - 1));
  std::vector<std::string> fields;
  for (std::string f; row >> f;) fields.push_back(f);
  // sums | 0.672 | (672328/999889) | 0.655 | 0.653 | 0.654 | 0.2370 | 0.1297 | +0.056 | (95831)
  // | 12 | yes
  EXPECT_EQ(fields.size(), 12U) << text;
  ASSERT_GE(fields.size(), 9U);
  EXPECT_EQ(fields[7], "0.1297");
  EXPECT_EQ(fields[8], "+0.056");
}

// An error row holds its message only; no rows still make a well-formed document.
TEST(EvalJsonTest, AnErrorRowHasOnlyItsMessage) {
  EvalReport report;
  report.dataset = "d.csv";
  report.gold = "g \"gold\".csv";
  eval::Metrics m;
  m.algorithm = "sums";
  m.error = "boom";
  report.rows.push_back(m);
  std::ostringstream out;
  WriteEvalJson(out, report, true);
  EXPECT_EQ(out.str(),
            "{\"dataset\":\"d.csv\",\"gold\":\"g \\\"gold\\\".csv\",\"gold_kind\":\"claim\","
            "\"gold_items\":0,\"missing\":0,\"scored_claims\":0,\"results\":[\n"
            "{\"algorithm\":\"sums\",\"error\":\"boom\"}\n]}\n");
  std::ostringstream empty;
  WriteEvalJson(empty, EvalReport{}, false);
  EXPECT_EQ(empty.str(),
            "{\"dataset\":\"\",\"gold\":\"\",\"gold_kind\":\"claim\",\"gold_items\":0,"
            "\"missing\":0,\"scored_claims\":0,\"results\":[\n]}\n");
}

}  // namespace
}  // namespace credence::report
