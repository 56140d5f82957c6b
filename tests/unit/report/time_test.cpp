// Unit tests of the time rules in the report model and writers (issue 13): withdrawn stances
// (superseded, retracted) shown with why and since when but weighing nothing, the consistency
// findings in the JSON, table and HTML, and the as-of note.

#include "credence/text/time.hpp"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cmath>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "credence/io/reader.hpp"
#include "credence/report/html.hpp"
#include "credence/report/model.hpp"
#include "credence/report/writers.hpp"
#include "credence/session.hpp"

namespace credence::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The minister denies d in r1 (1 May) and supports it in r2 (3 May): the denial is superseded.
// The Post supports t in p1 (2 May, stance "pt") and retracts it in p2 (4 May). Herald supports
// d and t (r1); Wire denies t (r2); Herald's neutral stance on t is undated.
//
//   minister --denies (r1, 05-01)--> d <--supports (r1)-- herald
//   minister --supports (r2, 05-03)-^
//   post --supports (p1, 05-02; retracted by p2, 05-04)--> t <--denies (r2)-- wire
const char* const kDated = R"json({"type":"outlet","id":"herald","name":"Herald"}
{"type":"outlet","id":"post","name":"Post"}
{"type":"outlet","id":"wire","name":"Wire","kind":"wire"}
{"type":"speaker","id":"minister","name":"Minister"}
{"type":"claim","id":"d","text":"D"}
{"type":"claim","id":"t","text":"T"}
{"type":"report","id":"r1","outlet":"herald","time":"2024-05-01"}
{"type":"report","id":"p1","outlet":"post","time":"2024-05-02"}
{"type":"report","id":"r2","outlet":"wire","time":"2024-05-03"}
{"type":"report","id":"p2","outlet":"post","time":"2024-05-04"}
{"type":"stance","holder":"minister","claim":"d","polarity":"denies","report":"r1"}
{"type":"stance","holder":"minister","claim":"d","polarity":"supports","report":"r2"}
{"type":"stance","holder":"herald","claim":"d","polarity":"supports","report":"r1"}
{"type":"stance","id":"pt","holder":"post","claim":"t","polarity":"supports","report":"p1"}
{"type":"stance","holder":"wire","claim":"t","polarity":"denies","report":"r2"}
{"type":"stance","holder":"herald","claim":"t","polarity":"supports","report":"r1"}
{"type":"stance","holder":"herald","claim":"t","polarity":"neutral"}
{"type":"retraction","stance":"pt","report":"p2"}
)json";

std::unique_ptr<Session> RunDated(const std::string& text, const SessionOptions& options = {}) {
  return Session::Run(io::ParseJsonl(text, "dated.jsonl"), options);
}

ReportModel Build(const Session& session, const ReportOptions& options) {
  return BuildReport(session.data(), session.analysis(),
                     session.ExplainClaims(ClaimsToExplain(session.analysis(), options)), options,
                     &session.result(), &session.findings(), &session.times());
}

ExplainedClaim ExplainOne(const Session& session, const std::string& claim) {
  return BuildExplainedClaim(session.data(), session.analysis(), session.Explain(claim),
                             &session.result(), &session.times());
}

std::string ExplainText(const Session& session, const std::string& claim, OutputFormat format) {
  std::ostringstream out;
  WriteExplanation(out, ExplainOne(session, claim), format);
  return out.str();
}

// Options as of the end of 2 May 2024 (as --as-of 2024-05-02 gives them).
SessionOptions AsOfMay2() {
  SessionOptions options;
  options.time.as_of = text::DaysFromCivil(2024, 5, 2) * 86400 + 86399;
  options.time.as_of_text = "2024-05-02";
  return options;
}

TEST(WithdrawnTest, SupersededDenialIsShownWithItsSuccessor) {
  const auto session = RunDated(kDated);
  const ExplainedClaim x = ExplainOne(*session, "d");
  ASSERT_EQ(x.evidence.withdrawn.size(), 1U);
  const WithdrawnView& w = x.evidence.withdrawn[0];
  const Dataset& data = session->data();
  EXPECT_EQ(w.state, graph::StanceState::kSuperseded);
  EXPECT_EQ(data.sources[w.holder].id, "minister");
  EXPECT_EQ(w.polarity, -1);
  EXPECT_EQ(w.time, "2024-05-01");
  EXPECT_EQ(data.reports[w.chain.report].id, "r1");
  EXPECT_EQ(w.withdrawn_on, "2024-05-03");
  EXPECT_EQ(data.reports[w.withdrawn_in].id, "r2");
  EXPECT_EQ(data.sources[w.by_holder].id, "minister");
  EXPECT_EQ(w.by_polarity, +1);
  EXPECT_EQ(data.claims[w.by_claim].id, "d");
  EXPECT_EQ(w.retraction, kNone);
  // The withdrawn denial is no member of the evidence.
  for (const auto& c : x.evidence.explanation.stances) EXPECT_NE(c.stance, w.stance);
}

TEST(WithdrawnTest, RetractedSupportNamesTheCorrection) {
  const auto session = RunDated(kDated);
  const ExplainedClaim x = ExplainOne(*session, "t");
  ASSERT_EQ(x.evidence.withdrawn.size(), 1U);
  const WithdrawnView& w = x.evidence.withdrawn[0];
  const Dataset& data = session->data();
  EXPECT_EQ(w.state, graph::StanceState::kRetracted);
  EXPECT_EQ(data.sources[w.holder].id, "post");
  EXPECT_EQ(w.polarity, +1);
  EXPECT_EQ(w.time, "2024-05-02");
  EXPECT_EQ(w.withdrawn_on, "2024-05-04");  // the correcting report's date
  EXPECT_EQ(data.reports[w.withdrawn_in].id, "p2");
  EXPECT_EQ(w.by_holder, kNone);
  ASSERT_NE(w.retraction, kNone);
  EXPECT_EQ(data.retractions[w.retraction].stance, w.stance);
}

// "Explanations add up": withdrawn stances are lines of their own, outside the sum.
TEST(WithdrawnTest, ContributionsStillSumToTheLogOdds) {
  const auto session = RunDated(kDated);
  for (const char* claim : {"d", "t"}) {
    const ExplainedClaim x = ExplainOne(*session, claim);
    const scoring::Explanation& e = x.evidence.explanation;
    double sum = e.base_log_odds;
    for (const auto& c : e.stances) sum += c.score;
    for (const auto& d : e.discounts) sum += d.log_odds;
    EXPECT_NEAR(sum, e.log_odds, 1e-9) << claim;
    EXPECT_NEAR(e.base_log_odds + x.evidence.stances_log_odds + x.evidence.discounts_log_odds,
                e.log_odds, 1e-9)
        << claim;
    EXPECT_EQ(x.evidence.withdrawn.size(), 1U) << claim;
  }
}

TEST(WithdrawnTest, ExplainTableSaysWhyAndSinceWhen) {
  const auto session = RunDated(kDated);
  EXPECT_THAT(ExplainText(*session, "d", OutputFormat::kTable),
              HasSubstr("Minister in Herald (r1), 2024-05-01: superseded on 2024-05-03 by "
                        "Minister's support (r2)"));
  EXPECT_THAT(ExplainText(*session, "t", OutputFormat::kTable),
              HasSubstr("Post in Post (p1), 2024-05-02: retracted on 2024-05-04 in p2"));
}

TEST(WithdrawnTest, ExplainCsvRowsWeighZeroAndAddUp) {
  const auto session = RunDated(kDated);
  std::istringstream csv(ExplainText(*session, "t", OutputFormat::kCsv));
  std::string line;
  std::getline(csv, line);
  EXPECT_THAT(line, ::testing::EndsWith(",time,state,withdrawn_on,withdrawn_in,superseded_by"));
  const auto columns = [](const std::string& l) {
    std::vector<std::string> out(1);
    for (char ch : l) {
      if (ch == ',') {
        out.emplace_back();
      } else {
        out.back() += ch;
      }
    }
    return out;
  };
  const std::size_t header_columns = columns(line).size();
  double sum = 0.0;
  double total = NAN;
  int withdrawn = 0;
  while (std::getline(csv, line)) {
    const auto f = columns(line);  // no dataset text in this file has a comma or quote
    ASSERT_EQ(f.size(), header_columns) << line;
    if (f[0] == "total") {
      total = std::stod(f[9]);
    } else {
      sum += std::stod(f[9]);
    }
    if (f[0] == "withdrawn") {
      ++withdrawn;
      EXPECT_EQ(f[9], "0");
      EXPECT_EQ(f[4], "post");
      EXPECT_EQ(f[25], "2024-05-02");
      EXPECT_EQ(f[26], "retracted");
      EXPECT_EQ(f[27], "2024-05-04");
      EXPECT_EQ(f[28], "p2");
    }
  }
  EXPECT_EQ(withdrawn, 1);
  EXPECT_NEAR(sum, total, 1e-9);
}

TEST(WithdrawnTest, ExplainJsonListsWithdrawn) {
  const auto session = RunDated(kDated);
  const std::string json = ExplainText(*session, "d", OutputFormat::kJson);
  simdjson::dom::parser parser;
  const simdjson::dom::element doc = parser.parse(json);
  const simdjson::dom::array withdrawn = doc["withdrawn"].get_array();
  ASSERT_EQ(withdrawn.size(), 1U);
  const simdjson::dom::element w = withdrawn.at(0);
  EXPECT_EQ(std::string_view(w["holder"]), "minister");
  EXPECT_EQ(std::string_view(w["polarity"]), "denies");
  EXPECT_EQ(std::string_view(w["state"]), "superseded");
  EXPECT_EQ(std::string_view(w["time"]), "2024-05-01");
  EXPECT_EQ(std::string_view(w["withdrawn_on"]), "2024-05-03");
  EXPECT_EQ(std::string_view(w["superseded_by"]["holder"]), "minister");
  EXPECT_EQ(std::string_view(w["superseded_by"]["polarity"]), "supports");
  EXPECT_EQ(std::string_view(w["superseded_by"]["report"]), "r2");
  EXPECT_TRUE(doc["as_of"].error() == simdjson::NO_SUCH_FIELD);
}

TEST(WithdrawnTest, HtmlStrikesARetractionThrough) {
  const auto session = RunDated(kDated);
  std::ostringstream html;
  WriteHtmlReport(html, Build(*session, DocumentReportOptions(0)));
  EXPECT_THAT(html.str(),
              HasSubstr("<li class=\"retracted\"><del><a href=\"#source-post\">Post</a> "
                        "supports"));
  EXPECT_THAT(html.str(), HasSubstr("retracted on 2024-05-04 in p2"));
  EXPECT_THAT(html.str(), HasSubstr("<li class=\"superseded\"><a href=\"#source-minister\">"
                                    "Minister</a> denies"));
  EXPECT_THAT(html.str(), HasSubstr("superseded on 2024-05-03 by <a href=\"#source-minister\">"
                                    "Minister</a>'s support (r2)"));
}

TEST(WithdrawnTest, MarkdownStrikesARetractionThrough) {
  const auto session = RunDated(kDated);
  std::ostringstream md;
  WriteMarkdownReport(md, Build(*session, DocumentReportOptions(0)));
  EXPECT_THAT(md.str(), HasSubstr("- ~~[Post](#source-post) supports in [Post](#source-post) (p1), "
                                  "2024-05-02~~ retracted on 2024-05-04 in p2"));
  EXPECT_THAT(md.str(), HasSubstr("superseded on 2024-05-03 by [Minister](#source-minister)'s "
                                  "support (r2)"));
}

// A retracted neutral stance: the table says "neutral", the finding "neutral stance".
TEST(WithdrawnTest, RetractedNeutralStanceIsNeitherForNorAgainst) {
  const auto session = RunDated(R"json({"type":"outlet","id":"o","name":"O"}
{"type":"claim","id":"c","text":"C"}
{"type":"report","id":"r1","outlet":"o","time":"2024-01-01"}
{"type":"report","id":"r2","outlet":"o","time":"2024-01-02"}
{"type":"stance","id":"s1","holder":"o","claim":"c","polarity":"neutral","report":"r1"}
{"type":"stance","holder":"o","claim":"c","polarity":"supports","report":"r1"}
{"type":"retraction","stance":"s1","report":"r2"}
)json");
  ASSERT_EQ(session->findings().size(), 1U);
  EXPECT_EQ(FindingText(session->data(), session->findings()[0]),
            "retraction: O retracted its neutral stance of [c] (2024-01-01) on 2024-01-02 "
            "(reports r1, r2)");
  ReportOptions options = AnalysisReportOptions(OutputFormat::kTable, 0);
  options.evidence = EvidenceFor::kAll;
  std::ostringstream out;
  WriteAnalysis(out, Build(*session, options), OutputFormat::kTable);
  EXPECT_THAT(out.str(), HasSubstr("neutral      -  O in O (r1), 2024-01-01: retracted on "
                                   "2024-01-02 in r2"));
}

TEST(FindingsTest, MarkdownListsEachFinding) {
  const auto session = RunDated(kDated);
  std::ostringstream md;
  WriteMarkdownReport(md, Build(*session, DocumentReportOptions(0)));
  EXPECT_THAT(md.str(),
              HasSubstr("\n## Findings\n\n- reversal: Minister denied \\[d\\] on "
                        "2024-05-01, then supported it on 2024-05-03 (reports r1, r2)\n"));
}

TEST(FindingsTest, AnalyzeJsonListsEachFinding) {
  const auto session = RunDated(kDated);
  std::ostringstream out;
  WriteAnalysis(out, Build(*session, AnalysisReportOptions(OutputFormat::kJson, 0)),
                OutputFormat::kJson);
  simdjson::dom::parser parser;
  const simdjson::dom::element doc = parser.parse(out.str());
  const simdjson::dom::array findings = doc["findings"].get_array();
  ASSERT_EQ(findings.size(), 2U);
  const auto strings = [](simdjson::dom::element e) {
    std::vector<std::string> list;
    for (simdjson::dom::element s : e.get_array()) list.emplace_back(std::string_view(s));
    return list;
  };
  // Ordered by kind: the reversal, then the retraction.
  const simdjson::dom::element reversal = findings.at(0);
  EXPECT_EQ(std::string_view(reversal["kind"]), "reversal");
  EXPECT_EQ(std::string_view(reversal["source"]), "minister");
  EXPECT_THAT(strings(reversal["claims"]), ::testing::ElementsAre("d"));
  EXPECT_THAT(strings(reversal["reports"]), ::testing::ElementsAre("r1", "r2"));
  EXPECT_THAT(strings(reversal["times"]), ::testing::ElementsAre("2024-05-01", "2024-05-03"));
  const simdjson::dom::element retraction = findings.at(1);
  EXPECT_EQ(std::string_view(retraction["kind"]), "retraction");
  EXPECT_EQ(std::string_view(retraction["source"]), "post");
  EXPECT_THAT(strings(retraction["claims"]), ::testing::ElementsAre("t"));
  EXPECT_THAT(strings(retraction["reports"]), ::testing::ElementsAre("p1", "p2"));
  EXPECT_THAT(strings(retraction["times"]), ::testing::ElementsAre("2024-05-02", "2024-05-04"));
  EXPECT_TRUE(doc["as_of"].error() == simdjson::NO_SUCH_FIELD);
}

TEST(FindingsTest, FindingTextTellsTheStory) {
  const auto session = RunDated(kDated);
  ASSERT_EQ(session->findings().size(), 2U);
  EXPECT_EQ(FindingText(session->data(), session->findings()[0]),
            "reversal: Minister denied [d] on 2024-05-01, then supported it on 2024-05-03 "
            "(reports r1, r2)");
  EXPECT_EQ(FindingText(session->data(), session->findings()[1]),
            "retraction: Post retracted its support of [t] (2024-05-02) on 2024-05-04 "
            "(reports p1, p2)");
}

TEST(FindingsTest, HtmlSectionIsLinkedFromClaimsAndSources) {
  const auto session = RunDated(kDated);
  std::ostringstream out;
  WriteHtmlReport(out, Build(*session, DocumentReportOptions(0)));
  const std::string html = out.str();
  EXPECT_THAT(html, HasSubstr("<section id=\"findings\">"));
  EXPECT_THAT(html, HasSubstr("<li id=\"finding-1\" class=\"finding reversal\">"));
  EXPECT_THAT(html, HasSubstr("<li id=\"finding-2\" class=\"finding retraction\">"));
  // From the claims (ranking row and evidence section) and the sources.
  std::size_t links = 0;
  for (std::size_t at = html.find("href=\"#finding-"); at != std::string::npos;
       at = html.find("href=\"#finding-", at + 1)) {
    ++links;
  }
  // Each finding: its claim's ranking row, its claim's section, its source's row.
  EXPECT_EQ(links, 6U);
}

// Twelve holders who each deny c and then support it: twelve reversals, ten in the table.
TEST(FindingsTest, TableListsTenThenCounts) {
  std::string text = "{\"type\":\"claim\",\"id\":\"c\",\"text\":\"C\"}\n";
  for (int i = 0; i < 12; ++i) {
    text += fmt::format("{{\"type\":\"speaker\",\"id\":\"s{:02}\"}}\n", i);
    text += fmt::format(
        "{{\"type\":\"stance\",\"holder\":\"s{:02}\",\"claim\":\"c\",\"polarity\":\"denies\","
        "\"time\":\"2024-01-01\"}}\n",
        i);
    text += fmt::format(
        "{{\"type\":\"stance\",\"holder\":\"s{:02}\",\"claim\":\"c\",\"polarity\":\"supports\","
        "\"time\":\"2024-01-02\"}}\n",
        i);
  }
  const auto session = RunDated(text);
  ASSERT_EQ(session->findings().size(), 12U);
  std::ostringstream out;
  WriteAnalysis(out, Build(*session, AnalysisReportOptions(OutputFormat::kTable, 20)),
                OutputFormat::kTable);
  EXPECT_THAT(out.str(), HasSubstr("\nFindings (12)\n"));
  EXPECT_THAT(out.str(), HasSubstr("reversal: s09 denied [c]"));
  EXPECT_THAT(out.str(), Not(HasSubstr("reversal: s10 denied [c]")));
  EXPECT_THAT(out.str(), HasSubstr("  and 2 more (--format json lists all)\n"));
}

TEST(AsOfTest, TableJsonAndHtmlSayWhatCounts) {
  const auto session = RunDated(kDated, AsOfMay2());
  // As of 2 May: the support of 3 May and the retraction of 4 May do not exist yet; the only
  // undated stance is Herald's neutral one on t.
  EXPECT_EQ(session->times().undated, 1U);
  std::ostringstream table;
  WriteAnalysis(table, Build(*session, AnalysisReportOptions(OutputFormat::kTable, 0)),
                OutputFormat::kTable);
  EXPECT_THAT(table.str(), HasSubstr("Evidence as of 2024-05-02; 1 undated stance always counts."));
  EXPECT_THAT(table.str(), Not(HasSubstr("Findings")));
  std::ostringstream json;
  WriteAnalysis(json, Build(*session, AnalysisReportOptions(OutputFormat::kJson, 0)),
                OutputFormat::kJson);
  simdjson::dom::parser parser;
  const simdjson::dom::element doc = parser.parse(json.str());
  EXPECT_EQ(std::string_view(doc["as_of"]["date"]), "2024-05-02");
  EXPECT_EQ(std::int64_t(doc["as_of"]["undated"]), 1);
  EXPECT_EQ(doc["findings"].get_array().size(), 0U);
  std::ostringstream html;
  WriteHtmlReport(html, Build(*session, DocumentReportOptions(0)));
  EXPECT_THAT(html.str(), HasSubstr("as of <b>2024-05-02</b>; 1 undated stance always counts"));
  EXPECT_THAT(ExplainText(*session, "d", OutputFormat::kTable),
              HasSubstr("Evidence as of 2024-05-02; 1 undated stance always counts."));
  // Nothing is withdrawn yet: the denial counts.
  EXPECT_TRUE(ExplainOne(*session, "d").evidence.withdrawn.empty());
}

}  // namespace
}  // namespace credence::report
