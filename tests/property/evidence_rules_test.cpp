// Issue 11's rules as properties over seeded random datasets (testutil::RandomJsonlDataset, in
// the plain shape and in testutil::AllRulesShape, which adds citing reports, position denials,
// scoops and directed interest):
//  - republication through `cites` changes nothing: adding N reports that cite an existing report
//    and repeat one of its stances (same claim and polarity; new holders or existing ones)
//    changes no belief and no trust by more than 1e-9;
//  - explanations add up on every claim (testutil::ExpectExplanationsAddUp).
// The unit tests of each item, on small hand-worked datasets, are in
// tests/unit/scoring/evidence_rules_test.cpp.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "credence/scoring/analysis.hpp"
#include "credence/scoring/model.hpp"
#include "testutil/explain_check.hpp"
#include "testutil/random_dataset.hpp"
#include "testutil/scoring.hpp"

namespace credence {
namespace {

using scoring::ModelOptions;
using testutil::BeliefsById;
using testutil::MaxDiff;
using testutil::Scored;
using testutil::TrustsById;

ModelOptions Tight() { return testutil::TightOptions(); }

std::unique_ptr<Scored> Score(const std::string& jsonl, const ModelOptions& options) {
  return testutil::ScoreModel(jsonl, options, "random.jsonl");
}

class EvidenceRules : public testing::TestWithParam<std::uint64_t> {
 protected:
  std::vector<std::string> Texts() const {
    testutil::RandomDatasetOptions plain;
    plain.seed = GetParam();
    return {testutil::RandomJsonlDataset(plain),
            testutil::RandomJsonlDataset(testutil::AllRulesShape(GetParam()))};
  }
};

// Existing sources that may repeat stance `i` of `d` in a citing report: those holding no stance
// on its claim (else the repeat could be their own relay, new evidence where it is stronger).
// Those that deny another alternative of the claim's group come first: when the repeated stance
// is a support, its copy must not merge their own denial into a position it does not hold.
std::vector<std::string> ExistingHolders(const Dataset& d, Index i) {
  const Stance& s = d.stances[i];
  std::set<Index> on_claim;
  for (const Stance& t : d.stances) {
    if (t.claim == s.claim) on_claim.insert(t.holder);
  }
  const Index group = d.claims[s.claim].group;
  std::vector<std::string> first;
  std::vector<std::string> rest;
  for (Index h = 0; h < d.sources.size(); ++h) {
    if (on_claim.count(h) > 0) continue;
    bool denies_another = false;
    for (const Stance& t : d.stances) {
      denies_another = denies_another || (t.holder == h && t.polarity == Polarity::kDenies &&
                                          group != kNone && d.claims[t.claim].group == group);
    }
    (denies_another ? first : rest).push_back(d.sources[h].id);
  }
  first.insert(first.end(), rest.begin(), rest.end());
  return first;
}

// The issue's property: for any dataset, adding N reports (N = 1..5) that cite an existing
// report and repeat one of its stances changes no belief and no trust by more than 1e-9. The
// repeats are held alternately by a new outlet in its own voice and by an existing source
// (published by a new outlet). Before issue 11 (4e4591c) each repeat was new evidence.
TEST_P(EvidenceRules, CitingReportsThatRepeatAStanceChangeNothing) {
  int checked = 0;
  int existing = 0;
  for (const std::string& text : Texts()) {
    const auto base = Score(text, Tight());
    const auto beliefs = BeliefsById(*base);
    const auto trusts = TrustsById(*base);
    const Dataset& d = base->data;
    std::vector<Index> chosen;
    for (Index i = 0; i < d.stances.size() && chosen.size() < 12; i += 3) {
      if (d.stances[i].polarity != Polarity::kNeutral && d.stances[i].report != kNone) {
        chosen.push_back(i);
      }
    }
    for (Index i : chosen) {
      const Stance& s = d.stances[i];
      const std::vector<std::string> holders = ExistingHolders(d, i);
      for (int n = 1; n <= 5; ++n) {
        std::string more = text;
        for (int j = 0; j < n; ++j) {
          const std::string outlet = fmt::format("cite-outlet-{}", j);
          const std::string report = fmt::format("cite-report-{}", j);
          const bool own_voice = j % 2 == 0 || holders.empty();
          const std::string holder = own_voice ? outlet : holders[(j / 2) % holders.size()];
          existing += own_voice ? 0 : 1;
          more +=
              fmt::format(R"({{"type":"outlet","id":"{}"}})", outlet) + "\n" +
              fmt::format(R"({{"type":"report","id":"{}","outlet":"{}","cites":["{}"]}})", report,
                          outlet, d.reports[s.report].id) +
              "\n" +
              fmt::format(
                  R"({{"type":"stance","holder":"{}","claim":"{}","polarity":"{}","report":"{}"}})",
                  holder, d.claims[s.claim].id, ToString(s.polarity), report) +
              "\n";
        }
        const auto repeated = Score(more, Tight());
        ++checked;
        EXPECT_LE(MaxDiff(beliefs, BeliefsById(*repeated)), 1e-9)
            << n << " repeats of the stance on line " << s.line;
        EXPECT_LE(MaxDiff(trusts, TrustsById(*repeated)), 1e-9)
            << n << " repeats of the stance on line " << s.line;
      }
    }
  }
  EXPECT_GE(checked, 60);
  EXPECT_GE(existing, 60);
}

// Explanations add up on every claim of every random dataset, at the fixed point of the default
// model (docs/model.md, "Explanations"; issue 11, item 3; issue 12: with the learned base rate
// and each stance's own likelihood ratio): base log-odds + the stances' lines + the discount
// lines = the log-odds = logit(belief), to 1e-9.
TEST_P(EvidenceRules, ExplanationsAddUp) {
  testutil::ExplanationCounts total;
  for (const std::string& text : Texts()) {
    ModelOptions options = Tight();
    options.learn_base_rate = 1.0;  // off by default; learned here so that the property covers it
    const auto m = Score(text, options);
    ASSERT_TRUE(m->result.converged);
    std::vector<Index> all(m->data.claims.size());
    for (Index c = 0; c < all.size(); ++c) all[c] = c;
    const auto explanations =
        scoring::Explain(m->data, *m->graph, m->snap, options, m->result, all);
    // The base log-odds are logit of the base rate the run used: learned (docs/model.md, "The
    // base rate"), so the check is told the learned one.
    ModelOptions used = options;
    used.base_rate = m->result.base_rate;
    EXPECT_NE(used.base_rate, options.base_rate);  // learned: the property covers it
    const auto counts =
        testutil::ExpectExplanationsAddUp(m->data, used, explanations, /*fixed_point=*/true);
    total.echo_lines += counts.echo_lines;
    total.alternatives += counts.alternatives;
    total.copies += counts.copies;
    total.inert_units += counts.inert_units;
  }
  EXPECT_GT(total.echo_lines, 0);
  EXPECT_GT(total.alternatives, 0);
  EXPECT_GT(total.copies, 0);
  EXPECT_GT(total.inert_units, 0);
}

INSTANTIATE_TEST_SUITE_P(Seeds, EvidenceRules, testing::Values(1u, 7u, 42u, 2024u, 31337u));

}  // namespace
}  // namespace credence
