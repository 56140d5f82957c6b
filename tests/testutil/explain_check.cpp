#include "testutil/explain_check.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "credence/graph/evidence.hpp"

namespace credence::testutil {
namespace {

using graph::EvidenceSnapshot;
using scoring::DiscountLine;
using scoring::Explanation;
using scoring::StanceContribution;

// One unit of an explanation: its members are the consecutive stances with one unit number.
struct Unit {
  int number = 0;
  int polarity = 0;
  bool inert = false;
  double score = 0.0;  // the unit's signed contribution before the echo discount
  std::vector<const StanceContribution*> members;
};

std::vector<Unit> UnitsOf(const Explanation& e) {
  std::vector<Unit> units;
  for (const StanceContribution& s : e.stances) {
    if (units.empty() || units.back().number != s.unit) {
      EXPECT_TRUE(units.empty() || s.unit == units.back().number + 1) << "units numbered 1, 2, ...";
      units.push_back({s.unit, s.polarity, false, s.unit_contribution, {}});
    }
    Unit& u = units.back();
    u.members.push_back(&s);
    EXPECT_EQ(s.polarity, u.polarity);
    EXPECT_EQ(s.unit_contribution, u.score);
    if (s.flags &
        (EvidenceSnapshot::kImplied | EvidenceSnapshot::kPosition | EvidenceSnapshot::kHeld)) {
      u.inert = true;
    }
  }
  return units;
}

// The claim's evidence S from its units' scores: each side's units strongest first, the k-th
// counting echo^k; `skip` (a unit number, or 0) left out. The echo discount of each side, the
// sum of (echo^k - 1) * score, goes to echo[0] (supports) and echo[1] (denials).
double Evidence(const std::vector<Unit>& units, double echo_factor, int skip, double echo[2],
                int counts[2]) {
  std::vector<double> side[2];
  for (const Unit& u : units) {
    if (u.inert || u.number == skip) continue;
    side[u.polarity > 0 ? 0 : 1].push_back(u.polarity * u.score);  // >= 0
  }
  double sum = 0.0;
  for (int k = 0; k < 2; ++k) {
    std::sort(side[k].begin(), side[k].end(), std::greater<>());
    const double sign = k == 0 ? 1.0 : -1.0;
    echo[k] = 0.0;
    counts[k] = static_cast<int>(side[k].size());
    for (std::size_t rank = 0; rank < side[k].size(); ++rank) {
      const double factor = std::pow(echo_factor, static_cast<double>(rank));
      sum += sign * side[k][rank] * factor;
      echo[k] += sign * side[k][rank] * (factor - 1.0);
    }
  }
  return sum;
}

double Evidence(const std::vector<Unit>& units, double echo_factor) {
  double echo[2];
  int counts[2];
  return Evidence(units, echo_factor, 0, echo, counts);
}

// log(sum of exp(x)), or -infinity for none.
double LogSumExp(const std::vector<double>& xs) {
  if (xs.empty()) return -std::numeric_limits<double>::infinity();
  const double top = *std::max_element(xs.begin(), xs.end());
  double sum = 0.0;
  for (double x : xs) sum += std::exp(x - top);
  return top + std::log(sum);
}

void ExpectNear(double actual, double expected, const char* what) {
  EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::abs(expected))) << what;
}

// The per-unit rules: one counted carrier per evidence unit, nothing from inert units or copies.
void CheckUnits(const std::vector<Unit>& units, double belief, ExplanationCounts* counts) {
  for (const Unit& u : units) {
    SCOPED_TRACE(::testing::Message() << "unit " << u.number);
    int counted = 0;
    double strongest = 0.0;
    for (const StanceContribution* s : u.members) strongest = std::max(strongest, s->member_score);
    for (const StanceContribution* s : u.members) {
      const bool copy = (s->flags & EvidenceSnapshot::kCopy) != 0;
      counts->copies += copy ? 1 : 0;
      EXPECT_EQ(copy, s->copied_stance != kNone);
      EXPECT_GE(s->member_score, 0.0);
      if (copy) {
        EXPECT_EQ(s->member_score, 0.0);
      }
      if (s->counted) {
        ++counted;
        EXPECT_FALSE(copy);
        EXPECT_TRUE(s->strongest);
        EXPECT_EQ(s->member_score, strongest);
        EXPECT_EQ(s->score, u.score);
        ExpectNear(s->score, s->polarity * s->member_score, "counted score");
      } else {
        EXPECT_EQ(s->score, 0.0);
      }
    }
    if (u.inert) {
      ++counts->inert_units;
      EXPECT_EQ(counted, 0);
      EXPECT_EQ(u.score, 0.0);
      for (const StanceContribution* s : u.members) EXPECT_EQ(s->belief_without_unit, belief);
    } else {
      EXPECT_EQ(counted, 1);
    }
  }
}

}  // namespace

ExplanationCounts ExpectExplanationsAddUp(const Dataset& data, const scoring::ModelOptions& options,
                                          const std::vector<Explanation>& explanations,
                                          bool fixed_point, double base_rate) {
  ExplanationCounts counts;
  EXPECT_EQ(explanations.size(), data.claims.size());
  std::vector<std::vector<Unit>> units(explanations.size());
  std::vector<double> evidence(explanations.size());
  for (std::size_t c = 0; c < explanations.size(); ++c) {
    units[c] = UnitsOf(explanations[c]);
    evidence[c] = Evidence(units[c], options.echo_factor);
  }
  for (std::size_t c = 0; c < explanations.size(); ++c) {
    const Explanation& e = explanations[c];
    SCOPED_TRACE(::testing::Message() << "claim " << data.claims[c].id);
    ++counts.claims;
    EXPECT_EQ(e.claim, c);
    const Index group = data.claims[c].group;
    EXPECT_EQ(e.grouped, group != kNone);
    const double rho = base_rate >= 0.0 ? base_rate : options.base_rate;
    ExpectNear(e.base_log_odds, e.grouped ? 0.0 : scoring::Logit(rho), "base");
    CheckUnits(units[c], e.belief, &counts);

    // The lines: echo discounts, then the alternatives.
    double echo[2];
    int sides[2];
    Evidence(units[c], options.echo_factor, 0, echo, sides);
    std::vector<double> others;
    for (std::size_t o = 0; o < explanations.size(); ++o) {
      if (o != c && group != kNone && data.claims[o].group == group) others.push_back(evidence[o]);
    }
    std::vector<DiscountLine> expected;
    for (int k = 0; k < 2; ++k) {
      if (sides[k] >= 2 && echo[k] != 0.0) {
        expected.push_back({DiscountLine::Kind::kEcho, k == 0 ? 1 : -1, sides[k], echo[k]});
      }
    }
    if (e.grouped && !others.empty()) {
      expected.push_back({DiscountLine::Kind::kAlternatives, 0, 0, -LogSumExp(others)});
    }
    EXPECT_EQ(e.discounts.size(), expected.size());
    for (std::size_t i = 0; i < std::min(e.discounts.size(), expected.size()); ++i) {
      EXPECT_EQ(e.discounts[i].kind, expected[i].kind) << "line " << i;
      EXPECT_EQ(e.discounts[i].polarity, expected[i].polarity) << "line " << i;
      EXPECT_EQ(e.discounts[i].units, expected[i].units) << "line " << i;
      ExpectNear(e.discounts[i].log_odds, expected[i].log_odds, "discount line");
      counts.echo_lines += e.discounts[i].kind == DiscountLine::Kind::kEcho ? 1 : 0;
      counts.alternatives += e.discounts[i].kind == DiscountLine::Kind::kAlternatives ? 1 : 0;
    }

    // The sum of the listed lines is the log-odds.
    if (e.grouped && others.empty()) {
      EXPECT_EQ(e.log_odds, std::numeric_limits<double>::infinity());
      EXPECT_EQ(e.belief, 1.0);
      continue;
    }
    double sum = e.base_log_odds;
    for (const StanceContribution& s : e.stances) sum += s.score;
    for (const DiscountLine& line : e.discounts) sum += line.log_odds;
    ExpectNear(sum, e.log_odds, "lines sum to the log-odds");
    ExpectNear(e.log_odds, e.base_log_odds + evidence[c] + (e.grouped ? -LogSumExp(others) : 0.0),
               "log-odds from the units");
    if (!fixed_point) continue;
    ExpectNear(scoring::Sigmoid(e.log_odds), e.belief, "belief = sigmoid(log-odds)");
    for (const Unit& u : units[c]) {
      if (u.inert) continue;
      double unused_echo[2];
      int unused_counts[2];
      const double without =
          Evidence(units[c], options.echo_factor, u.number, unused_echo, unused_counts);
      const double expected_belief = e.grouped ? 1.0 / (1.0 + std::exp(LogSumExp(others) - without))
                                               : scoring::Sigmoid(e.base_log_odds + without);
      for (const StanceContribution* s : u.members) {
        ExpectNear(s->belief_without_unit, expected_belief, "belief without the unit");
      }
    }
  }
  return counts;
}

}  // namespace credence::testutil
