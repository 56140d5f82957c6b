// Unit tests of the report model (report/model.hpp): what BuildReport gathers on a small dataset
// worked out by hand, the invariants of its evidence on seeded random datasets, and that the
// batch Session::ExplainClaims gives the one-claim explanations bit for bit.

#include "credence/report/model.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/io/reader.hpp"
#include "credence/report/html.hpp"
#include "credence/report/writers.hpp"
#include "credence/session.hpp"
#include "testutil/random_dataset.hpp"
#include "testutil/testutil.hpp"

namespace credence::report {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Claim x is about Gov; Speaker (of Gov) supports it twice (one origin: one unit, the copy that
// came via Wire is hedged), Anon (anonymous, vouched for by Alpha) supports it, Beta denies it
// with weight 0.5, Wire mentions it (neutral). Alpha alone supports y.
//
//        Speaker --(ra via Wire, reportedly)--+
//        Speaker --(rb)-----------------------+--> x <--(rb, w 0.5)-- Beta
//        Anon ----(ra)------------------------+    ^
//                                                  +-- Wire (neutral)
//        Alpha ---> y
const char* const kSmall = R"json({"type":"outlet","id":"a","name":"Alpha"}
{"type":"outlet","id":"b","name":"Beta"}
{"type":"outlet","id":"w","name":"Wire"}
{"type":"organisation","id":"gov","name":"Gov"}
{"type":"speaker","id":"spk","name":"Speaker","affiliation":["gov"]}
{"type":"speaker","id":"anon","name":"Anon","anonymous":true}
{"type":"claim","id":"x","text":"X","about":["gov"]}
{"type":"claim","id":"y","text":"Y"}
{"type":"report","id":"ra","outlet":"a","title":"Story A"}
{"type":"report","id":"rb","outlet":"b"}
{"type":"stance","holder":"spk","claim":"x","polarity":"supports","report":"ra","via":["w"],"hedge":"reportedly"}
{"type":"stance","holder":"spk","claim":"x","polarity":"supports","report":"rb"}
{"type":"stance","holder":"b","claim":"x","polarity":"denies","report":"rb","weight":0.5}
{"type":"stance","holder":"anon","claim":"x","polarity":"supports","report":"ra"}
{"type":"stance","holder":"w","claim":"x","polarity":"neutral"}
{"type":"stance","holder":"a","claim":"y","polarity":"supports"}
)json";

// In memory: ctest runs each test in its own process, two at a time, so a shared temporary file
// would be written by one test while another reads it.
std::unique_ptr<Session> RunText(const std::string& name, const std::string& text) {
  return Session::Run(io::ParseJsonl(text, name), SessionOptions{});
}

ReportModel Build(const Session& session, const ReportOptions& options) {
  return BuildReport(session.data(), session.analysis(),
                     session.ExplainClaims(ClaimsToExplain(session.analysis(), options)), options);
}

std::vector<std::string> MarkTexts(const StanceView& view) {
  std::vector<std::string> texts;
  for (const Mark& m : view.marks) texts.push_back(m.text);
  return texts;
}

class SmallReportTest : public testing::Test {
 protected:
  void SetUp() override { session_ = RunText("credence-report-model.jsonl", kSmall); }
  const Dataset& data() const { return session_->data(); }
  Index Source(const char* id) const { return data().FindSource(id); }
  std::unique_ptr<Session> session_;
};

TEST_F(SmallReportTest, ClaimsToExplainFollowsTheOptions) {
  const auto& a = session_->analysis();
  ASSERT_EQ(a.claims.size(), 2U);
  const Index x = data().FindClaim("x");
  const Index y = data().FindClaim("y");
  ASSERT_EQ(a.claims[0].claim, x);  // the disputed claim ranks first
  ASSERT_EQ(a.claims[0].verdict, scoring::Verdict::kDisputed);
  EXPECT_TRUE(ClaimsToExplain(a, AnalysisReportOptions(OutputFormat::kJson, 0)).empty());
  EXPECT_THAT(ClaimsToExplain(a, AnalysisReportOptions(OutputFormat::kTable, 0)), ElementsAre(x));
  EXPECT_THAT(ClaimsToExplain(a, DocumentReportOptions(0)), ElementsAre(x, y));
  EXPECT_THAT(ClaimsToExplain(a, DocumentReportOptions(1)), ElementsAre(x));
}

TEST_F(SmallReportTest, RowsPointIntoTheAnalysisAndTheEvidence) {
  ReportModel model = Build(*session_, AnalysisReportOptions(OutputFormat::kTable, 1));
  const auto& a = session_->analysis();
  ASSERT_EQ(model.claims.size(), 1U);
  ASSERT_EQ(model.sources.size(), 1U);
  EXPECT_EQ(model.claims[0].assessment, &a.claims[0]);
  ASSERT_NE(model.claims[0].evidence, nullptr);
  EXPECT_EQ(model.claims[0].evidence, &model.evidence[0]);
  EXPECT_EQ(model.sources[0].assessment, &a.sources[0]);
  EXPECT_EQ(model.disputed, 1U);
  EXPECT_DOUBLE_EQ(model.max_weight, std::max(a.claims[0].weight_for, a.claims[0].weight_against));
  // Five sources carry a trust of their own; Anon is carried by Alpha.
  EXPECT_EQ(model.trust.total, 5);
  EXPECT_EQ(std::accumulate(model.trust.bins.begin(), model.trust.bins.end(), 0), 5);
  // Moving the model keeps the rows' evidence pointers valid.
  const ReportModel moved = std::move(model);
  EXPECT_EQ(moved.claims[0].evidence, &moved.evidence[0]);
}

TEST_F(SmallReportTest, EvidenceMergesRelaysAndNamesMarksAndChains) {
  const ReportModel model = Build(*session_, DocumentReportOptions(0));
  const ClaimEvidence& ev = *model.claims[0].evidence;
  ASSERT_EQ(ev.units.size(), 3U);
  ASSERT_EQ(ev.Side(+1).size(), 2U);
  ASSERT_EQ(ev.Side(-1).size(), 1U);
  // Strongest first: Anon's unit (+0.618) before Speaker's (+0.183); the denial is Beta's.
  const EvidenceUnit& anon = ev.Side(+1)[0];
  const EvidenceUnit& speaker = ev.Side(+1)[1];
  const EvidenceUnit& beta = ev.Side(-1)[0];
  EXPECT_EQ(ev.stances[anon.carrier].holder, Source("anon"));
  EXPECT_THAT(MarkTexts(ev.stances[anon.carrier]), ElementsAre("anonymous"));
  EXPECT_EQ(ev.stances[anon.carrier].marks[0].kind, MarkKind::kAnonymous);
  EXPECT_EQ(ev.member(anon.carrier).owner, Source("a"));  // carried by the vouching outlet
  EXPECT_THAT(MarkTexts(ev.stances[beta.carrier]), ElementsAre("weight 0.5"));
  // Speaker's two stances form one unit; the plain one (line 12) carries it, the hedged copy
  // via Wire is its relay.
  ASSERT_EQ(speaker.end - speaker.begin, 2U);
  EXPECT_TRUE(ev.member(speaker.carrier).strongest);
  EXPECT_TRUE(ev.member(speaker.carrier).counted);
  const std::size_t relay = speaker.carrier == speaker.begin ? speaker.begin + 1 : speaker.begin;
  EXPECT_EQ(data().stances[ev.stances[speaker.carrier].stance].line, 12U);
  EXPECT_THAT(MarkTexts(ev.stances[speaker.carrier]), ElementsAre("interested party: Gov"));
  const StanceView& copy = ev.stances[relay];
  EXPECT_EQ(data().stances[copy.stance].line, 11U);
  EXPECT_THAT(MarkTexts(copy), ElementsAre("interested party: Gov", "reportedly"));
  EXPECT_EQ(copy.marks[0].kind, MarkKind::kInterested);
  EXPECT_EQ(copy.marks[1].kind, MarkKind::kHedge);
  EXPECT_THAT(copy.chain.via, ElementsAre(Source("w")));
  EXPECT_EQ(copy.chain.report, data().FindReport("ra"));
  EXPECT_FALSE(copy.chain.empty());
  // The units' log-odds before the discounts: the sum of the stances' scores (relays add 0).
  double sum = 0.0;
  for (const auto& c : ev.explanation.stances) sum += c.score;
  EXPECT_EQ(ev.stances_log_odds, sum);
  EXPECT_DOUBLE_EQ(ev.member(relay).score, 0.0);
  ASSERT_EQ(ev.neutral.size(), 1U);
  EXPECT_EQ(ev.neutral[0].holder, Source("w"));
  EXPECT_TRUE(ev.neutral[0].chain.empty());
  EXPECT_TRUE(ev.neutral[0].marks.empty());
}

TEST_F(SmallReportTest, SourcesListTheClaimsTheyHoldAndPassOn) {
  const ReportModel model = Build(*session_, DocumentReportOptions(1));
  const Index x = data().FindClaim("x");
  const Index y = data().FindClaim("y");
  auto row_of = [&](const char* id) {
    return *std::find_if(model.sources.begin(), model.sources.end(),
                         [&](const SourceRow& r) { return r.assessment->source == Source(id); });
  };
  auto claims = [](const ClaimList& list) {
    std::vector<std::pair<Index, bool>> out;
    for (const ListedClaim& c : list.claims) out.emplace_back(c.claim, c.shown);
    return out;
  };
  ASSERT_EQ(model.sources.size(), 6U);  // every source, whatever the top
  // Alpha holds y (not listed with top 1) and published the stances of Speaker and Anon on x.
  EXPECT_THAT(claims(row_of("a").held), ElementsAre(std::pair{y, false}));
  EXPECT_THAT(claims(row_of("a").relayed), ElementsAre(std::pair{x, true}));
  // Beta denies x and published Speaker's stance on it; Wire relayed one and mentions x.
  EXPECT_THAT(claims(row_of("b").held), ElementsAre(std::pair{x, true}));
  EXPECT_THAT(claims(row_of("b").relayed), ElementsAre(std::pair{x, true}));
  EXPECT_THAT(claims(row_of("w").relayed), ElementsAre(std::pair{x, true}));
  EXPECT_TRUE(row_of("gov").held.claims.empty());
  EXPECT_FALSE(row_of("a").held.more);
}

TEST(SourceClaimsTest, AListStopsAtEightClaimsAndSaysThereAreMore) {
  std::string text = "{\"type\":\"outlet\",\"id\":\"o\"}\n";
  for (int i = 0; i < 10; ++i) {
    text += "{\"type\":\"claim\",\"id\":\"c" + std::to_string(i) + "\",\"text\":\"t\"}\n";
    text += "{\"type\":\"stance\",\"holder\":\"o\",\"claim\":\"c" + std::to_string(i) +
            "\",\"polarity\":\"supports\"}\n";
  }
  const auto session = RunText("credence-report-many.jsonl", text);
  const ReportModel model = Build(*session, DocumentReportOptions(0));
  ASSERT_EQ(model.sources.size(), 1U);
  EXPECT_EQ(model.sources[0].held.claims.size(), ClaimList::kMaxClaims);
  EXPECT_TRUE(model.sources[0].held.more);
}

TEST_F(SmallReportTest, BuildReportRejectsExplanationsOfOtherClaims) {
  const auto& a = session_->analysis();
  const ReportOptions options = DocumentReportOptions(0);
  EXPECT_THAT([&] { BuildReport(data(), a, {}, options); },
              testing::ThrowsMessage<InvalidArgumentError>(
                  HasSubstr("0 explanations given, 2 claims to explain")));
  auto swapped = session_->ExplainClaims({a.claims[1].claim, a.claims[0].claim});
  EXPECT_THAT([&] { BuildReport(data(), a, std::move(swapped), options); },
              testing::ThrowsMessage<InvalidArgumentError>(HasSubstr("explanation 0 is of claim")));
  EXPECT_THAT([&] { BuildExplainedClaim(data(), scoring::Analysis{}, session_->Explain("x")); },
              testing::ThrowsMessage<InvalidArgumentError>(HasSubstr("not in the analysis")));
}

// The units of x under the two-coin model (issue 12), with (alpha_s, beta_s) the coins the run
// learned and chain(p) = 1/2 + 1/2 (2p - 1) 0.9 for one relay hop:
//   Anon in Alpha:  w = 0.8 (anonymous), 0 hops:    +0.8 ln(alpha_a / (1 - beta_a))
//   Speaker in rb:  w = 0.5 (interested), 1 hop:    +0.5 ln(chain(alpha_spk) / (1 -
//   chain(beta_spk)))
//                   (the hedged relay via Wire, w 0.35 and 2 hops, is weaker: it does not carry)
//   echo discount:  the weaker supporting unit counts 0.84: (0.84 - 1) x the Speaker's score
//   Beta:           w = 0.5, 0 hops:               -0.5 ln(beta_b / (1 - alpha_b))
// The table prints these (to two decimals), supports strongest first, then the echo line, then
// the denial; the JSON prints the same numbers in full. (Before issue 12 the figures were those
// of one trust per source: +0.62, +0.18, -0.03, -0.35.)
struct SmallUnits {
  double anon, speaker, echo, beta;
};
SmallUnits UnitsOfX(const Session& session) {
  const auto& r = session.result();
  const Dataset& data = session.data();
  const auto coin = [&](const char* id, bool sensitivity) {
    const Index s = data.FindSource(id);
    return sensitivity ? r.sensitivity.at(s) : r.specificity.at(s);
  };
  const auto chain = [](double p) { return 0.5 + 0.5 * (2 * p - 1) * 0.9; };
  SmallUnits u{};
  u.anon = 0.8 * std::log(coin("a", true) / (1 - coin("a", false)));
  u.speaker = 0.5 * std::log(chain(coin("spk", true)) / (1 - chain(coin("spk", false))));
  u.echo = (0.84 - 1) * u.speaker;
  u.beta = -0.5 * std::log(coin("b", false) / (1 - coin("b", true)));
  return u;
}

TEST_F(SmallReportTest, TheTablePrintsEachUnitsScoreStrongestFirst) {
  const SmallUnits u = UnitsOfX(*session_);
  ASSERT_GT(u.anon, u.speaker);  // so Anon's unit is printed first
  ASSERT_GT(u.speaker, 0.0);
  std::ostringstream out;
  WriteAnalysis(out, Build(*session_, AnalysisReportOptions(OutputFormat::kTable, 0)),
                OutputFormat::kTable);
  const auto line = [](const char* side, double v, const std::string& what) {
    char number[32];
    std::snprintf(number, sizeof number, "%+.2f", v);
    return std::string("           ") + side + (std::string(side) == "for" ? "      " : "  ") +
           number + "  " + what + "\n";
  };
  EXPECT_THAT(out.str(),
              HasSubstr(line("for", u.anon, "Anon (anonymous) in Alpha (ra)") +
                        line("for", u.speaker,
                             "Speaker (interested party: Gov) in Beta (rb); same origin also via "
                             "Wire, in Alpha (ra)") +
                        line("for", u.echo, "echo discount on 2 supporting units") +
                        line("against", u.beta, "Beta (weight 0.5) in Beta (rb)")));
}

TEST_F(SmallReportTest, ExplainedClaimCarriesItsAssessment) {
  const ExplainedClaim x =
      BuildExplainedClaim(data(), session_->analysis(), session_->Explain("x"));
  EXPECT_EQ(x.assessment, &session_->analysis().claims[0]);
  EXPECT_EQ(x.ranked_claims, 2U);
  EXPECT_EQ(x.evidence.stances.size(), 4U);
  std::ostringstream out;
  WriteExplanation(out, x, OutputFormat::kJson);
  EXPECT_THAT(out.str(), HasSubstr("\"via\":[\"w\"],\"anonymous\":false,\"interested\":true,"
                                   "\"admission\":false,\"implied\":false,\"position\":false,"
                                   "\"alternative\":null,\"copy_of\":null,\"hedge\":\"reportedly\","
                                   "\"line\":11}"));
  // The echo line: (0.84 - 1) x the weaker supporting unit's score, worked out from the coins.
  const scoring::Explanation e = session_->Explain("x");
  ASSERT_EQ(e.discounts.size(), 1U);
  EXPECT_NEAR(e.discounts[0].log_odds, UnitsOfX(*session_).echo, 1e-12);
  EXPECT_THAT(out.str(), HasSubstr("\"discounts\":[\n{\"kind\":\"echo discount\",\"side\":"
                                   "\"supports\",\"units\":2,\"log_odds\":-0.0"));
  EXPECT_THAT(out.str(),
              HasSubstr("],\"neutral\":[{\"holder\":\"w\",\"line\":15}],\"withdrawn\":[]}\n"));
}

// The invariants of every claim's evidence, on seeded random datasets with groups of
// alternatives (implied denials), relays, anonymous holders, hedges and weights.
class EvidenceProperty : public testing::TestWithParam<std::uint64_t> {};

TEST_P(EvidenceProperty, UnitsPartitionTheStancesInBothOrders) {
  testutil::RandomDatasetOptions options;
  options.seed = GetParam();
  const auto session = RunText("credence-report-random-" + std::to_string(GetParam()) + ".jsonl",
                               testutil::RandomJsonlDataset(options));
  const Dataset& data = session->data();
  const ReportModel model = Build(*session, DocumentReportOptions(0));
  ASSERT_EQ(model.evidence.size(), data.claims.size());
  std::size_t implied_units = 0;
  for (const ClaimEvidence& ev : model.evidence) {
    const auto& st = ev.explanation.stances;
    ASSERT_EQ(ev.stances.size(), st.size());
    std::vector<std::size_t> covered(st.size(), 0);
    for (const EvidenceUnit& u : ev.units) {
      ASSERT_LT(u.begin, u.end);
      int strongest = 0;
      for (std::size_t k = u.begin; k < u.end; ++k) {
        ++covered[k];
        EXPECT_EQ(st[k].unit, st[u.begin].unit);
        EXPECT_EQ(st[k].polarity, u.polarity);
        EXPECT_GE(st[u.carrier].member_score, st[k].member_score);
        strongest += st[k].strongest ? 1 : 0;
        // One number per stance: the unit's score on its carrier, 0 on relays, copies and
        // inert members.
        EXPECT_EQ(st[k].score, k == u.carrier && !u.inert ? st[k].unit_contribution : 0.0);
        EXPECT_EQ(st[k].unit_contribution, st[u.carrier].unit_contribution);
        EXPECT_EQ(st[k].counted, k == u.carrier && !u.inert);
      }
      EXPECT_EQ(strongest, 1);
      EXPECT_TRUE(st[u.carrier].strongest);
      if (u.inert) {
        EXPECT_EQ(st[u.carrier].unit_contribution, 0.0);
      } else {
        EXPECT_EQ(st[u.carrier].unit_contribution, u.polarity * st[u.carrier].member_score);
      }
      implied_units += u.inert ? 1 : 0;
    }
    EXPECT_EQ(std::count(covered.begin(), covered.end(), 1U), static_cast<long>(st.size()));
    // Every output's order: side, then |contribution| descending, then snapshot order.
    for (std::size_t i = 1; i < ev.units.size(); ++i) {
      const EvidenceUnit& p = ev.units[i - 1];
      const EvidenceUnit& q = ev.units[i];
      const double cp = std::abs(st[p.carrier].unit_contribution);
      const double cq = std::abs(st[q.carrier].unit_contribution);
      EXPECT_TRUE(p.polarity > q.polarity ||
                  (p.polarity == q.polarity &&
                   (cp > cq || (cp == cq && st[p.begin].unit < st[q.begin].unit))));
    }
    // The lines add up: base + stances + discounts = log-odds.
    if (std::isfinite(ev.explanation.log_odds)) {
      EXPECT_NEAR(ev.explanation.base_log_odds + ev.stances_log_odds + ev.discounts_log_odds,
                  ev.explanation.log_odds, 1e-9);
    }
    // Each stance's chain is its dataset chain read from the holder's side.
    for (std::size_t i = 0; i < st.size(); ++i) {
      const Stance& s = data.stances[st[i].stance];
      std::vector<Index> via(data.via.begin() + s.via_begin,
                             data.via.begin() + s.via_begin + s.via_size);
      std::reverse(via.begin(), via.end());
      EXPECT_EQ(ev.stances[i].chain.via, via);
      EXPECT_EQ(ev.stances[i].chain.report, s.report);
      EXPECT_EQ(ev.stances[i].holder, s.holder);
    }
  }
  EXPECT_GT(implied_units, 0U) << "the dataset should have groups of alternatives";
}

INSTANTIATE_TEST_SUITE_P(Seeds, EvidenceProperty, testing::Values(1U, 7U, 42U));

void ExpectSameExplanation(const scoring::Explanation& a, const scoring::Explanation& b) {
  EXPECT_EQ(a.claim, b.claim);
  EXPECT_EQ(a.grouped, b.grouped);
  EXPECT_EQ(a.belief, b.belief);
  EXPECT_EQ(a.log_odds, b.log_odds);
  EXPECT_EQ(a.base_log_odds, b.base_log_odds);
  EXPECT_EQ(a.neutral, b.neutral);
  ASSERT_EQ(a.stances.size(), b.stances.size());
  for (std::size_t i = 0; i < a.stances.size(); ++i) {
    const auto& x = a.stances[i];
    const auto& y = b.stances[i];
    EXPECT_EQ(x.stance, y.stance);
    EXPECT_EQ(x.score, y.score);
    EXPECT_EQ(x.member_score, y.member_score);
    EXPECT_EQ(x.strongest, y.strongest);
    EXPECT_EQ(x.counted, y.counted);
    EXPECT_EQ(x.unit_contribution, y.unit_contribution);
    EXPECT_EQ(x.belief_without_unit, y.belief_without_unit);  // bit for bit
  }
}

TEST(ExplainClaimsTest, GivesTheOneClaimExplanationsBitForBit) {
  for (const char* file : {"datasets/capitals.triples.csv", "datasets/arms-race-2018.jsonl"}) {
    const auto session = Session::Run(testutil::SourcePath(file), SessionOptions{});
    const Dataset& data = session->data();
    std::vector<Index> claims(data.claims.size());
    std::iota(claims.begin(), claims.end(), 0);
    std::reverse(claims.begin(), claims.end());  // any order
    const auto batch = session->ExplainClaims(claims);
    ASSERT_EQ(batch.size(), claims.size());
    for (std::size_t i = 0; i < claims.size(); ++i) {
      ExpectSameExplanation(batch[i], session->Explain(data.claims[claims[i]].id));
    }
  }
}

}  // namespace
}  // namespace credence::report
