// Unit tests of the intervals, coins and base rate in the report model and its writers (issue
// 12): structure only (fields present or absent, low <= point <= high, column counts, a whisker
// per bar inside its track), never a number the model produces, which may still change.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "credence/io/reader.hpp"
#include "credence/report/html.hpp"
#include "credence/report/model.hpp"
#include "credence/report/writers.hpp"
#include "credence/scoring/algorithms.hpp"
#include "credence/session.hpp"
#include "report/report_internal.hpp"
#include "testutil/random_dataset.hpp"
#include "testutil/testutil.hpp"

namespace credence::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Room for the 6 decimals JSON and CSV print.
constexpr double kPrinted = 5e-7;

std::unique_ptr<Session> RunFile(const std::string& relative,
                                 scoring::Algorithm algorithm = scoring::Algorithm::kCredence) {
  SessionOptions options;
  options.algorithm = algorithm;
  return Session::Run(testutil::SourcePath(relative), options);
}

std::unique_ptr<Session> RunText(const std::string& text) {
  return Session::Run(io::ParseJsonl(text, "credence-intervals.jsonl"), SessionOptions{});
}

ReportModel Build(const Session& session, const ReportOptions& options,
                  const scoring::ScoringResult* result) {
  return BuildReport(session.data(), session.analysis(),
                     session.ExplainClaims(ClaimsToExplain(session.analysis(), options)), options,
                     result);
}

ReportModel BuildAll(const Session& session) {
  return Build(session, DocumentReportOptions(0), &session.result());
}

std::string Analysis(const Session& session, OutputFormat format) {
  std::ostringstream out;
  WriteAnalysis(out, Build(session, AnalysisReportOptions(format, 0), &session.result()), format);
  return out.str();
}

std::string Html(const ReportModel& model) {
  std::ostringstream out;
  WriteHtmlReport(out, model);
  return out.str();
}

std::string Markdown(const ReportModel& model) {
  std::ostringstream out;
  WriteMarkdownReport(out, model);
  return out.str();
}

ExplainedClaim ExplainClaim(const Session& session, Index claim) {
  return BuildExplainedClaim(session.data(), session.analysis(),
                             session.Explain(session.data().claims[claim].id), &session.result());
}

std::string Explained(const Session& session, Index claim, OutputFormat format) {
  std::ostringstream out;
  WriteExplanation(out, ExplainClaim(session, claim), format);
  return out.str();
}

// Every listed claim has a belief interval holding its belief, every source with a trust of its
// own an interval holding its trust and two coins, the carried ones nothing; a base rate.
void CheckModel(const ReportModel& model) {
  ASSERT_FALSE(model.claims.empty());
  for (const ClaimRow& row : model.claims) {
    SCOPED_TRACE(model.data->claims[row.assessment->claim].id);
    ASSERT_TRUE(row.belief_interval.has_value());
    EXPECT_GE(row.belief_interval->low, 0.0);
    EXPECT_LE(row.belief_interval->low, row.assessment->belief);
    EXPECT_LE(row.assessment->belief, row.belief_interval->high);
    EXPECT_LE(row.belief_interval->high, 1.0);
  }
  for (const SourceRow& row : model.sources) {
    const scoring::SourceAssessment& s = *row.assessment;
    SCOPED_TRACE(model.data->sources[s.source].id);
    if (s.carried) {
      EXPECT_FALSE(row.reliability.has_value());
      continue;
    }
    ASSERT_TRUE(row.reliability.has_value());
    const Reliability& r = *row.reliability;
    EXPECT_GE(r.trust.low, 0.0);
    EXPECT_LE(r.trust.low, s.trust);
    EXPECT_LE(s.trust, r.trust.high);
    EXPECT_LE(r.trust.high, 1.0);
    EXPECT_GE(r.sensitivity, 0.0);
    EXPECT_LE(r.sensitivity, 1.0);
    EXPECT_GE(r.specificity, 0.0);
    EXPECT_LE(r.specificity, 1.0);
  }
  ASSERT_TRUE(model.base_rate.has_value());
  EXPECT_GT(*model.base_rate, 0.0);
  EXPECT_LT(*model.base_rate, 1.0);
  for (const ClaimEvidence& ev : model.evidence) {
    for (const StanceView& view : ev.stances) EXPECT_TRUE(view.owner.has_value());
    for (const StanceView& view : ev.neutral) EXPECT_FALSE(view.owner.has_value());
  }
}

// The analysis JSON: every claim's belief_low <= belief <= belief_high, every source with a
// trust its interval and coins, the others none of them; a top-level base_rate.
void CheckAnalysisJson(const std::string& json, bool intervals) {
  simdjson::dom::parser parser;
  const simdjson::dom::element doc = parser.parse(json);
  EXPECT_EQ(doc["base_rate"].error() == simdjson::SUCCESS, intervals);
  if (intervals) {
    EXPECT_GT(doc["base_rate"].get_double().value(), 0.0);
    EXPECT_LT(doc["base_rate"].get_double().value(), 1.0);
  }
  std::size_t claims = 0;
  for (simdjson::dom::element c : doc["claims"].get_array()) {
    ++claims;
    ASSERT_EQ(c["belief_low"].error() == simdjson::SUCCESS, intervals);
    ASSERT_EQ(c["belief_high"].error() == simdjson::SUCCESS, intervals);
    if (!intervals) continue;
    const double belief = c["belief"].get_double().value();
    EXPECT_LE(c["belief_low"].get_double().value(), belief + kPrinted);
    EXPECT_LE(belief, c["belief_high"].get_double().value() + kPrinted);
  }
  EXPECT_GT(claims, 0u);
  for (simdjson::dom::element s : doc["sources"].get_array()) {
    const bool own = !s["trust"].is_null();
    for (const char* key : {"trust_low", "trust_high", "sensitivity", "specificity"}) {
      ASSERT_EQ(s[key].error() == simdjson::SUCCESS, intervals && own) << key;
    }
    if (!(intervals && own)) continue;
    const double trust = s["trust"].get_double().value();
    EXPECT_LE(s["trust_low"].get_double().value(), trust + kPrinted);
    EXPECT_LE(trust, s["trust_high"].get_double().value() + kPrinted);
    for (const char* key : {"sensitivity", "specificity"}) {
      EXPECT_GE(s[key].get_double().value(), 0.0);
      EXPECT_LE(s[key].get_double().value(), 1.0);
    }
  }
}

// The fields of one CSV line (RFC 4180 quoting; no line breaks inside fields here).
std::vector<std::string> CsvFields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char ch = line[i];
    if (quoted) {
      if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        fields.back() += ch;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      fields.emplace_back();
    } else {
      fields.back() += ch;
    }
  }
  return fields;
}

TEST(ReportIntervalsTest, OutwardRoundingKeepsThePointInside) {
  EXPECT_EQ(internal::IntervalText(std::nullopt), "-");
  EXPECT_EQ(internal::IntervalText(Interval{0.41, 0.80}), "[0.41, 0.80]");
  EXPECT_EQ(internal::IntervalText(Interval{0.4199, 0.8001}), "[0.41, 0.81]");
  EXPECT_EQ(internal::IntervalText(Interval{0.0, 1.0}), "[0.00, 1.00]");
  EXPECT_EQ(internal::IntervalText(Interval{0.625, 0.625}), "[0.62, 0.63]");
}

TEST(ReportIntervalsTest, NewsroomModelHasEveryIntervalAroundItsPoint) {
  const auto session = RunFile("datasets/newsroom-sample.jsonl");
  CheckModel(BuildAll(*session));
}

TEST(ReportIntervalsTest, RandomDatasetsHaveEveryIntervalAroundItsPoint) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    SCOPED_TRACE(seed);
    const auto session = RunText(testutil::RandomJsonlDataset(testutil::AllRulesShape(seed)));
    const ReportModel model = BuildAll(*session);
    CheckModel(model);
    CheckAnalysisJson(Analysis(*session, OutputFormat::kJson), true);
  }
}

TEST(ReportIntervalsTest, NewsroomJsonCarriesTheNewFields) {
  const auto session = RunFile("datasets/newsroom-sample.jsonl");
  CheckAnalysisJson(Analysis(*session, OutputFormat::kJson), true);
}

TEST(ReportIntervalsTest, WithoutAResultTheModelHasNoIntervals) {
  const auto session = RunFile("datasets/newsroom-sample.jsonl");
  const ReportModel model = Build(*session, DocumentReportOptions(0), nullptr);
  for (const ClaimRow& row : model.claims) EXPECT_FALSE(row.belief_interval.has_value());
  for (const SourceRow& row : model.sources) EXPECT_FALSE(row.reliability.has_value());
  EXPECT_FALSE(model.base_rate.has_value());
}

TEST(ReportIntervalsTest, UnsoundResultFieldsReadAsAbsent) {
  const auto session = RunFile("datasets/newsroom-sample.jsonl");
  scoring::ScoringResult bad = session->result();
  const Index claim = session->analysis().claims.front().claim;
  const Index source = session->analysis().sources.front().source;
  bad.belief_low[claim] = std::numeric_limits<double>::quiet_NaN();
  bad.trust_high[source] = 1.5;
  bad.base_rate = 0.0;
  ReportModel model = Build(*session, DocumentReportOptions(0), &bad);
  for (const ClaimRow& row : model.claims) {
    EXPECT_EQ(row.belief_interval.has_value(), row.assessment->claim != claim);
  }
  for (const SourceRow& row : model.sources) {
    EXPECT_EQ(row.reliability.has_value(),
              row.assessment->source != source && !row.assessment->carried);
  }
  EXPECT_FALSE(model.base_rate.has_value());
  // Vectors of the wrong size: nothing is read from them.
  bad.belief_high.pop_back();
  bad.specificity.pop_back();
  model = Build(*session, DocumentReportOptions(0), &bad);
  for (const ClaimRow& row : model.claims) EXPECT_FALSE(row.belief_interval.has_value());
  for (const SourceRow& row : model.sources) EXPECT_FALSE(row.reliability.has_value());
  EXPECT_THAT(Html(model), Not(HasSubstr("class=\"meter\"")));
}

// Under a classic algorithm the result has no intervals or coins: JSON omits the keys, the
// tables print a dash, the CSV leaves the columns empty and the HTML draws no whisker.
TEST(ReportIntervalsTest, ClassicAlgorithmsPrintNoIntervals) {
  for (const scoring::Algorithm algorithm :
       {scoring::Algorithm::kSums, scoring::Algorithm::kMajority, scoring::Algorithm::kLtm}) {
    const auto session = RunFile("datasets/newsroom-sample.jsonl", algorithm);
    SCOPED_TRACE(session->analysis().algorithm);
    CheckAnalysisJson(Analysis(*session, OutputFormat::kJson), false);
    const std::string csv = Analysis(*session, OutputFormat::kCsv);
    for (const std::string& line : testutil::SplitLines(csv)) {
      if (line.rfind("rank,", 0) == 0) continue;
      const auto fields = CsvFields(line);
      ASSERT_EQ(fields.size(), 15u) << line;
      EXPECT_EQ(fields[13], "");
      EXPECT_EQ(fields[14], "");
    }
    const std::string table = Analysis(*session, OutputFormat::kTable);
    EXPECT_THAT(table, Not(HasSubstr("base rate")));
    const ReportModel model = BuildAll(*session);
    EXPECT_THAT(Html(model), Not(HasSubstr("class=\"meter\"")));
    EXPECT_THAT(Html(model), Not(HasSubstr("90% interval")));
    EXPECT_THAT(Markdown(model), Not(HasSubstr("90% interval")));
    const std::string json =
        Explained(*session, model.claims.front().assessment->claim, OutputFormat::kJson);
    EXPECT_THAT(json, Not(HasSubstr("belief_low")));
    EXPECT_THAT(json, Not(HasSubstr("owner_sensitivity")));
  }
}

// The analysis CSV: the old 13 columns in their places, then belief_low and belief_high, on
// every row, around the belief.
TEST(ReportIntervalsTest, CsvAppendsTheIntervalColumns) {
  const auto session = RunFile("datasets/newsroom-sample.jsonl");
  const auto lines = testutil::SplitLines(Analysis(*session, OutputFormat::kCsv));
  ASSERT_GT(lines.size(), 1u);
  EXPECT_EQ(lines[0],
            "rank,id,text,belief,dispute,verdict,weight_for,weight_against,sources_for,"
            "sources_against,stances_neutral,group,value,belief_low,belief_high");
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto fields = CsvFields(lines[i]);
    ASSERT_EQ(fields.size(), 15u) << lines[i];
    const double belief = std::stod(fields[3]);
    EXPECT_LE(std::stod(fields[13]), belief + kPrinted) << lines[i];
    EXPECT_LE(belief, std::stod(fields[14]) + kPrinted) << lines[i];
  }
}

// The claims and sources tables: the interval column holds the point (as printed) and every row
// keeps the header's columns.
TEST(ReportIntervalsTest, TableShowsIntervalsAligned) {
  const auto session = RunFile("datasets/newsroom-sample.jsonl");
  const auto lines = testutil::SplitLines(Analysis(*session, OutputFormat::kTable));
  const std::regex row(R"(^\s*\d+\s+\d\.\d{3}\s+(\d\.\d{3}) \[(\d\.\d\d), (\d\.\d\d)\]  (\S))");
  const std::regex source(
      R"(^ *(\d\.\d{3}) \[(\d\.\d\d), (\d\.\d\d)\]  (\d\.\d{3})  (\d\.\d{3})  +(\d\.\d{3}) )");
  std::size_t verdict_column = std::string::npos;
  std::size_t prior_column = std::string::npos;
  std::size_t sens_column = std::string::npos;
  std::size_t spec_column = std::string::npos;
  int claims = 0;
  int sources = 0;
  for (const std::string& line : lines) {
    std::smatch m;
    if (line.find("rank  dispute") == 0) verdict_column = line.find("verdict");
    if (line.find(" trust [90%]") == 0) {
      prior_column = line.find("prior");
      sens_column = line.find("sens.");
      spec_column = line.find("spec.");
    }
    if (std::regex_search(line, m, row)) {
      ++claims;
      EXPECT_LE(std::stod(m[2]), std::stod(m[1])) << line;
      EXPECT_LE(std::stod(m[1]), std::stod(m[3])) << line;
      EXPECT_EQ(static_cast<std::size_t>(m.position(4)), verdict_column) << line;
    } else if (std::regex_search(line, m, source)) {
      ++sources;
      EXPECT_LE(std::stod(m[2]), std::stod(m[1])) << line;
      EXPECT_LE(std::stod(m[1]), std::stod(m[3])) << line;
      // The coins and the prior right-aligned under their headers (5 characters each; the
      // prior's column is one wider than its header).
      EXPECT_EQ(static_cast<std::size_t>(m.position(4)), sens_column) << line;
      EXPECT_EQ(static_cast<std::size_t>(m.position(5)), spec_column) << line;
      EXPECT_EQ(static_cast<std::size_t>(m.position(6)), prior_column) << line;
      for (const int coin : {4, 5}) {
        EXPECT_GE(std::stod(m[coin]), 0.0) << line;
        EXPECT_LE(std::stod(m[coin]), 1.0) << line;
      }
    }
  }
  EXPECT_EQ(claims, static_cast<int>(session->data().claims.size()));
  EXPECT_GT(sources, 0);
  EXPECT_THAT(lines[1], HasSubstr("; base rate 0."));
}

// The sources tables of the text, HTML and Markdown outputs give each source's two coins as the
// model holds them (3 decimals), a dash where it has none (carried sources; every source under a
// classic algorithm, as for the trust interval), and explain the columns only when there are
// coins to explain.
TEST(ReportIntervalsTest, SourcesTablesShowTheCoins) {
  for (const scoring::Algorithm algorithm :
       {scoring::Algorithm::kCredence, scoring::Algorithm::kSums}) {
    const auto session = RunFile("datasets/newsroom-sample.jsonl", algorithm);
    SCOPED_TRACE(session->analysis().algorithm);
    const bool coins = algorithm == scoring::Algorithm::kCredence;
    const ReportModel model = BuildAll(*session);
    EXPECT_EQ(model.reliabilities, coins);
    // What each source's coin cells must read: "0.812" / "0.700", or nothing.
    std::map<std::string, std::pair<std::string, std::string>> expected;
    int with_coins = 0;
    for (const SourceRow& row : model.sources) {
      const std::string& id = model.data->sources[row.assessment->source].id;
      EXPECT_EQ(row.reliability.has_value(), coins && !row.assessment->carried) << id;
      if (row.reliability) {
        ++with_coins;
        expected[id] = {internal::Fixed(row.reliability->sensitivity, 3),
                        internal::Fixed(row.reliability->specificity, 3)};
      } else {
        expected[id] = {"", ""};
      }
    }
    EXPECT_EQ(with_coins > 0, coins);

    // Text: the columns "sens." and "spec." after the trust interval.
    const std::string table = Analysis(*session, OutputFormat::kTable);
    EXPECT_EQ(table.find("sens. = P(supports | claim true), spec. = P(denies | claim false)") !=
                  std::string::npos,
              coins);
    const std::regex text_row(
        R"(^ *(\S+) (\S+|\[\S+ \S+\])  +(\S+)  +(\S+)  .* \[([^\]]+)\]( \(anonymous.*)?$)");
    int text_rows = 0;
    bool in_sources = false;
    for (const std::string& line : testutil::SplitLines(table)) {
      if (line.find(" trust [90%]") == 0 &&
          line.find("sens.  spec.   prior") != std::string::npos) {
        in_sources = true;
        continue;
      }
      std::smatch m;
      if (!in_sources || !std::regex_match(line, m, text_row)) continue;
      ++text_rows;
      const auto& [sens, spec] = expected.at(m[5]);
      EXPECT_EQ(m[3], sens.empty() ? "-" : sens) << line;
      EXPECT_EQ(m[4], spec.empty() ? "-" : spec) << line;
    }
    EXPECT_EQ(text_rows, static_cast<int>(model.sources.size()));

    // HTML: two sortable number columns with a title saying what they are; one cell each a row.
    const std::string html = Html(model);
    EXPECT_THAT(html, HasSubstr("<th class=\"num\" data-key=\"sensitivity\" data-type=\"number\" "
                                "title=\"Sensitivity: P(supports | true)"));
    EXPECT_THAT(html, HasSubstr("<th class=\"num\" data-key=\"specificity\" data-type=\"number\" "
                                "title=\"Specificity: P(denies | false)"));
    const std::regex html_row(
        R"re(<tr id="source-([^"]+)" data-order="\d+">(?:<td[^>]*>.*?</td>){2}<td class="num" data-value="[^"]*">.*?</td><td class="num" data-value="([^"]*)">[^<]*</td><td class="num" data-value="([^"]*)">[^<]*</td>)re");
    int html_rows = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), html_row);
         it != std::sregex_iterator(); ++it) {
      ++html_rows;
      const auto& [sens, spec] = expected.at((*it)[1]);
      EXPECT_EQ((*it)[2], sens) << (*it)[0];
      EXPECT_EQ((*it)[3], spec) << (*it)[0];
    }
    EXPECT_EQ(html_rows, static_cast<int>(model.sources.size()));

    // Markdown: nine columns a row, the coins fourth and fifth.
    const std::string md = Markdown(model);
    EXPECT_THAT(md, HasSubstr("| source | id | kind | trust | sens. | spec. | prior | stances | "
                              "agreement |\n|---|---|---|---:|---:|---:|---:|---:|---:|\n"));
    EXPECT_EQ(md.find("sens. = P(supports | claim true), spec. = P(denies | claim false)") !=
                  std::string::npos,
              coins);
    const std::regex md_row(
        R"re(^\| <a id="source-([^"]+)"></a>.* \| [^|]+ \| ([^|]+) \| ([^|]+) \| [^|]+ \| [^|]+ \| [^|]+ \|$)re");
    int md_rows = 0;
    for (const std::string& line : testutil::SplitLines(md)) {
      std::smatch m;
      if (!std::regex_match(line, m, md_row)) continue;
      ++md_rows;
      const auto& [sens, spec] = expected.at(m[1]);
      EXPECT_EQ(m[2], sens.empty() ? "\u2013" : sens) << line;
      EXPECT_EQ(m[3], spec.empty() ? "\u2013" : spec) << line;
    }
    EXPECT_EQ(md_rows, static_cast<int>(model.sources.size()));
  }
}

// The HTML report: a meter per belief (the ranking and each claim's section) and per source
// with a trust of its own, each with one whisker inside its track that spans the bar's end.
TEST(ReportIntervalsTest, HtmlDrawsAWhiskerPerBar) {
  // A claim whose text holds markup: the report stays escaped around the meters.
  std::string text = testutil::RandomJsonlDataset(testutil::AllRulesShape(3));
  text += R"({"type":"claim","id":"c<x>","text":"<script>alert(1)</script> & \"q\""})";
  text += "\n";
  text += R"({"type":"stance","holder":"outlet-0","claim":"c<x>","polarity":"supports"})";
  text += "\n";
  const auto session = RunText(text);
  const ReportModel model = BuildAll(*session);
  const std::string html = Html(model);
  EXPECT_THAT(html, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;"));
  std::size_t own = 0;
  for (const SourceRow& row : model.sources) own += row.assessment->carried ? 0 : 1;
  const std::regex meter(
      R"re(<svg class="meter"[^>]*><title>(\d\.\d{3}) \(90% interval (\d\.\d\d)&ndash;(\d\.\d\d)\)</title><rect class="track" x="0" y="3" width="60" height="6"/><rect class="fill" x="0" y="3" width="([\d.]+)" height="6"/><path class="whisker" d="M([\d.]+) 6H([\d.]+)M[\d.]+ 1V11M[\d.]+ 1V11"/></svg>)re");
  std::size_t meters = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), meter);
       it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    ++meters;
    const double point = std::stod(m[1]);
    EXPECT_LE(std::stod(m[2]), point);
    EXPECT_LE(point, std::stod(m[3]));
    const double bar = std::stod(m[4]);
    const double x0 = std::stod(m[5]);
    const double x1 = std::stod(m[6]);
    EXPECT_LE(0.0, x0);
    EXPECT_LE(x0, bar + 0.1);
    EXPECT_LE(bar, x1 + 0.1);
    EXPECT_LE(x1, 60.0);
  }
  // Every meter matched the pattern (one whisker each, nothing else inside).
  std::size_t opened = 0;
  for (std::size_t at = html.find("<svg class=\"meter\""); at != std::string::npos;
       at = html.find("<svg class=\"meter\"", at + 1)) {
    ++opened;
  }
  EXPECT_EQ(meters, opened);
  EXPECT_EQ(meters, 2 * model.claims.size() + own);
  // Deterministic: the same model gives the same bytes.
  EXPECT_EQ(html, Html(BuildAll(*session)));
}

TEST(ReportIntervalsTest, MarkdownGivesTheIntervalsInText) {
  const auto session = RunFile("datasets/newsroom-sample.jsonl");
  const ReportModel model = BuildAll(*session);
  const std::string md = Markdown(model);
  const std::regex ranking(std::string(R"(\| (\d\.\d{3}) \((\d\.\d\d))") + "\u2013" +
                           R"((\d\.\d\d)\) \|)");
  std::size_t rows = 0;
  for (auto it = std::sregex_iterator(md.begin(), md.end(), ranking); it != std::sregex_iterator();
       ++it) {
    ++rows;
    EXPECT_LE(std::stod((*it)[2]), std::stod((*it)[1]));
    EXPECT_LE(std::stod((*it)[1]), std::stod((*it)[3]));
  }
  std::size_t own = 0;
  for (const SourceRow& row : model.sources) own += row.assessment->carried ? 0 : 1;
  // The ranking's belief cells and the sources' trust cells.
  EXPECT_EQ(rows, model.claims.size() + own);
  EXPECT_THAT(md, HasSubstr("; base rate 0."));
}

// explain: the header gives the interval; JSON and CSV the belief's and the owners' figures,
// every CSV row as many fields as the header.
TEST(ReportIntervalsTest, ExplainCarriesTheIntervalAndTheOwnersCoins) {
  const auto session = RunFile("datasets/newsroom-sample.jsonl");
  for (Index c = 0; c < session->data().claims.size(); ++c) {
    SCOPED_TRACE(session->data().claims[c].id);
    const auto table = testutil::SplitLines(Explained(*session, c, OutputFormat::kTable));
    ASSERT_GT(table.size(), 1u);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        table[1], m,
        std::regex(R"(^belief (\d\.\d{3}) .*, 90% interval \[(\d\.\d\d), (\d\.\d\d)\];)")))
        << table[1];
    EXPECT_LE(std::stod(m[2]), std::stod(m[1]));
    EXPECT_LE(std::stod(m[1]), std::stod(m[3]));

    simdjson::dom::parser parser;
    const std::string json = Explained(*session, c, OutputFormat::kJson);
    const simdjson::dom::element doc = parser.parse(json);
    const double belief = doc["belief"].get_double().value();
    EXPECT_LE(doc["belief_low"].get_double().value(), belief + kPrinted);
    EXPECT_LE(belief, doc["belief_high"].get_double().value() + kPrinted);
    for (simdjson::dom::element s : doc["stances"].get_array()) {
      for (const char* key :
           {"owner_trust_low", "owner_trust_high", "owner_sensitivity", "owner_specificity"}) {
        const double v = s[key].get_double().value();
        EXPECT_GE(v, 0.0) << key;
        EXPECT_LE(v, 1.0) << key;
      }
      EXPECT_LE(s["owner_trust_low"].get_double().value(),
                s["owner_trust_high"].get_double().value());
    }

    const auto lines = testutil::SplitLines(Explained(*session, c, OutputFormat::kCsv));
    ASSERT_FALSE(lines.empty());
    const std::size_t columns = CsvFields(lines[0]).size();
    EXPECT_EQ(columns, 30u);
    EXPECT_THAT(lines[0], HasSubstr(",units,owner_trust_low,owner_trust_high,owner_sensitivity,"
                                    "owner_specificity"));
    for (const std::string& line : lines) {
      const auto fields = CsvFields(line);
      EXPECT_EQ(fields.size(), columns) << line;
      if (fields[0] == "stance") {
        EXPECT_NE(fields[24], "") << line;
      }
    }
  }
}

}  // namespace
}  // namespace credence::report
