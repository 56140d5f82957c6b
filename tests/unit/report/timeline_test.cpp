// Unit tests of the timeline (report/timeline.hpp): the events of a claim worked out by hand on
// small dated datasets, each event's numbers against a separate Session run as of that date
// (the CLI's --as-of semantics: the whole day), a reversal moving the belief, retractions, the
// undated row, the user's as-of and the event cap, determinism over threads and line order, and
// the property that the last event equals the plain analysis when nothing is dated after it.

#include "credence/report/timeline.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/io/reader.hpp"
#include "credence/report/html.hpp"
#include "credence/report/writers.hpp"
#include "credence/session.hpp"
#include "credence/text/time.hpp"
#include "testutil/testutil.hpp"

namespace credence::report {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::int64_t kDay = 86400;

std::int64_t Utc(const std::string& iso) {
  text::ParsedTime t;
  std::string error;
  EXPECT_TRUE(text::ParseIsoTime(iso, &t, &error)) << iso << ": " << error;
  return t.utc_seconds;
}

// A minister denies claim c on 1 January (in the wire's report r1), then supports it on 5
// January (r2): the support supersedes the denial. A paper supports c on 3 January (r3) and
// retracts that stance on 4 January (r4). A blogger supports c, undated. A commentator
// supports c2, the other alternative of c's group, on 2 January (no report; its own time).
// Another claim z, outside the group, is supported by the wire on 9 January.
//
//   2020-01-01  minister -c     (r1)
//   2020-01-02  commentator +c2
//   2020-01-03  paper +c        (r3)
//   2020-01-04  retraction of p1 (r4)
//   2020-01-05  minister +c     (r2)
//   undated     blogger +c
const char* const kDated = R"({"type":"outlet","id":"wire","name":"The Wire","kind":"wire"}
{"type":"outlet","id":"paper","name":"The Paper"}
{"type":"speaker","id":"minister","name":"The Minister"}
{"type":"speaker","id":"blogger"}
{"type":"speaker","id":"commentator","name":"A Commentator"}
{"type":"claim","id":"c","text":"It happened.","group":"g"}
{"type":"claim","id":"c2","text":"Something else happened.","group":"g"}
{"type":"claim","id":"z","text":"Unrelated."}
{"type":"report","id":"r1","outlet":"wire","time":"2020-01-01"}
{"type":"report","id":"r2","outlet":"wire","time":"2020-01-05"}
{"type":"report","id":"r3","outlet":"paper","time":"2020-01-03"}
{"type":"report","id":"r4","outlet":"paper","time":"2020-01-04"}
{"type":"report","id":"r5","outlet":"wire","time":"2020-01-09"}
{"type":"stance","id":"m1","holder":"minister","claim":"c","polarity":"denies","report":"r1"}
{"type":"stance","id":"k1","holder":"commentator","claim":"c2","polarity":"supports","time":"2020-01-02"}
{"type":"stance","id":"p1","holder":"paper","claim":"c","polarity":"supports","report":"r3"}
{"type":"retraction","stance":"p1","report":"r4"}
{"type":"stance","id":"m2","holder":"minister","claim":"c","polarity":"supports","report":"r2"}
{"type":"stance","id":"b1","holder":"blogger","claim":"c","polarity":"supports"}
{"type":"stance","id":"w1","holder":"wire","claim":"z","polarity":"supports","report":"r5"}
)";

Dataset Parse(const std::string& text) { return io::ParseJsonl(text, "dated.jsonl"); }

SessionOptions Options(int threads = 1) {
  SessionOptions options;
  options.model.threads = threads;
  options.analysis.threads = threads;
  options.classic.threads = threads;
  return options;
}

// The claim's row of a separate analysis as of `as_of` (unset: no cut).
scoring::ClaimAssessment Separate(const Dataset& data, const std::string& claim,
                                  std::optional<std::int64_t> as_of, SessionOptions options) {
  options.time.as_of = as_of;
  const auto session = Session::Run(Dataset(data), options);
  const Index c = data.FindClaim(claim);
  for (const auto& a : session->analysis().claims) {
    if (a.claim == c) return a;
  }
  ADD_FAILURE() << "no row for " << claim;
  return {};
}

std::vector<std::string> Times(const ClaimTimeline& t) {
  std::vector<std::string> times;
  for (const TimelineEvent& e : t.events) times.push_back(e.undated ? "undated" : e.time);
  return times;
}

TEST(TimelineTest, EventsOfAClaimAndItsGroupWorkedByHand) {
  const Dataset data = Parse(kDated);
  const ClaimTimeline t = BuildTimeline(data, data.FindClaim("c"), Options());
  EXPECT_THAT(Times(t), ElementsAre("undated", "2020-01-01", "2020-01-02", "2020-01-03",
                                    "2020-01-04", "2020-01-05"));
  ASSERT_EQ(t.events.size(), 6U);
  EXPECT_EQ(t.dated_events, 5U);
  EXPECT_EQ(t.omitted, 0U);
  EXPECT_THAT(t.events[0].what, ElementsAre("blogger supports"));
  EXPECT_THAT(t.events[1].what, ElementsAre("The Minister denies (report r1)"));
  EXPECT_THAT(t.events[2].what, ElementsAre("A Commentator supports c2"));
  EXPECT_THAT(t.events[3].what, ElementsAre("The Paper supports (report r3)"));
  EXPECT_THAT(t.events[4].what, ElementsAre("retraction of The Paper's stance p1 (report r4)"));
  EXPECT_THAT(t.events[5].what, ElementsAre("The Minister supports (report r2)"));
  EXPECT_EQ(t.events[1].time_utc, Utc("2020-01-01"));
  EXPECT_TRUE(t.events[0].undated);
  EXPECT_EQ(t.events[0].time, "");
  // z's own event (9 January) bears on z alone.
  EXPECT_THAT(TimelineInstants(data, data.FindClaim("z"), std::nullopt),
              ElementsAre(Utc("2020-01-09")));
}

TEST(TimelineTest, CountedUnitsFollowTheTimeRules) {
  const Dataset data = Parse(kDated);
  const ClaimTimeline t = BuildTimeline(data, data.FindClaim("c"), Options());
  ASSERT_EQ(t.events.size(), 6U);
  // (for, against): the blogger alone; + the minister's denial; + the denial of c implied by
  // the commentator's support of c2, its alternative; + the paper; the paper retracted; the
  // minister's reversal replaces its denial by a support.
  const std::vector<std::pair<int, int>> expected = {{1, 0}, {1, 1}, {1, 2},
                                                     {2, 2}, {1, 2}, {2, 1}};
  for (std::size_t i = 0; i < t.events.size(); ++i) {
    EXPECT_EQ(t.events[i].units_for, expected[i].first) << t.events[i].time;
    EXPECT_EQ(t.events[i].units_against, expected[i].second) << t.events[i].time;
    ASSERT_TRUE(t.events[i].verdict.has_value());
  }
}

TEST(TimelineTest, EachEventIsTheAnalysisAsOfThatDay) {
  const Dataset data = Parse(kDated);
  const ClaimTimeline t = BuildTimeline(data, data.FindClaim("c"), Options());
  ASSERT_EQ(t.events.size(), 6U);
  for (const TimelineEvent& e : t.events) {
    // The CLI's --as-of DAY: everything dated that day; the undated row: the day before the first.
    const std::int64_t as_of = e.undated ? Utc("2019-12-31") + kDay - 1 : Utc(e.time) + kDay - 1;
    const scoring::ClaimAssessment a = Separate(data, "c", as_of, Options());
    EXPECT_DOUBLE_EQ(e.belief, a.belief) << e.time;
    EXPECT_EQ(e.has_interval, a.has_interval);
    EXPECT_DOUBLE_EQ(e.belief_low, a.belief_low);
    EXPECT_DOUBLE_EQ(e.belief_high, a.belief_high);
    EXPECT_EQ(e.verdict, a.verdict);
    EXPECT_GE(e.belief, 0.0);
    EXPECT_LE(e.belief, 1.0);
    if (e.has_interval) {
      EXPECT_LE(e.belief_low, e.belief);
      EXPECT_GE(e.belief_high, e.belief);
    }
  }
}

TEST(TimelineTest, AReversalMovesTheBelief) {
  // Only the minister: a denial on 1 January, a support on 5 January.
  const Dataset data = Parse(R"({"type":"speaker","id":"minister"}
{"type":"claim","id":"c","text":"C."}
{"type":"stance","holder":"minister","claim":"c","polarity":"denies","time":"2020-01-01"}
{"type":"stance","holder":"minister","claim":"c","polarity":"supports","time":"2020-01-05"}
)");
  const ClaimTimeline t = BuildTimeline(data, 0, Options());
  ASSERT_THAT(Times(t), ElementsAre("2020-01-01", "2020-01-05"));
  EXPECT_EQ(t.events[0].units_against, 1);
  EXPECT_EQ(t.events[0].units_for, 0);
  EXPECT_EQ(t.events[1].units_against, 0);
  EXPECT_EQ(t.events[1].units_for, 1);
  // One voice against, then the same voice for: the belief crosses from below the base rate
  // (0.5: nothing else teaches another) to above it.
  EXPECT_LT(t.events[0].belief, 0.5);
  EXPECT_GT(t.events[1].belief, 0.5);
  EXPECT_THAT(t.events[0].what, ElementsAre("minister denies"));
}

TEST(TimelineTest, TheUsersAsOfHidesLaterEvents) {
  const Dataset data = Parse(kDated);
  SessionOptions options = Options();
  options.time.as_of = Utc("2020-01-03") + kDay - 1;
  options.time.as_of_text = "2020-01-03";
  const ClaimTimeline t = BuildTimeline(data, data.FindClaim("c"), options);
  EXPECT_THAT(Times(t), ElementsAre("undated", "2020-01-01", "2020-01-02", "2020-01-03"));
  EXPECT_EQ(t.as_of, "2020-01-03");
  // As of a date before every event: the undated row alone, as of that date.
  options.time.as_of = Utc("2019-06-01");
  const ClaimTimeline early = BuildTimeline(data, data.FindClaim("c"), options);
  EXPECT_THAT(Times(early), ElementsAre("undated"));
  EXPECT_DOUBLE_EQ(early.events[0].belief,
                   Separate(data, "c", Utc("2019-06-01"), Options()).belief);
}

TEST(TimelineTest, TheCapKeepsTheLatestEvents) {
  const Dataset data = Parse(kDated);
  TimelineOptions cap;
  cap.max_events = 2;
  const ClaimTimeline t = BuildTimeline(data, data.FindClaim("c"), Options(), cap);
  EXPECT_THAT(Times(t), ElementsAre("undated", "2020-01-04", "2020-01-05"));
  EXPECT_EQ(t.omitted, 3U);
  EXPECT_EQ(t.dated_events, 2U);
  // The undated row is still as of before the first dated event, shown or not.
  const ClaimTimeline all = BuildTimeline(data, data.FindClaim("c"), Options());
  EXPECT_DOUBLE_EQ(t.events[0].belief, all.events[0].belief);
  cap.max_events = 0;
  EXPECT_THROW(BuildTimeline(data, 0, Options(), cap), InvalidArgumentError);
  EXPECT_THROW(BuildTimeline(data, 99, Options()), InvalidArgumentError);
}

TEST(TimelineTest, SameInstantWrittenTwoWaysIsOneEventWithTheShortestText) {
  const Dataset data = Parse(R"({"type":"speaker","id":"a"}
{"type":"speaker","id":"b"}
{"type":"claim","id":"c","text":"C."}
{"type":"stance","holder":"b","claim":"c","polarity":"denies","time":"2020-01-01T00:00:00Z"}
{"type":"stance","holder":"a","claim":"c","polarity":"supports","time":"2020-01-01"}
{"type":"stance","holder":"a","claim":"c","polarity":"supports","time":"2020-01-01"}
)");
  const ClaimTimeline t = BuildTimeline(data, 0, Options());
  ASSERT_THAT(Times(t), ElementsAre("2020-01-01"));
  EXPECT_THAT(t.events[0].what, ElementsAre("a supports", "b denies"));
}

// Deterministic whatever the thread count and the order of the lines.
TEST(TimelineTest, SameTimelineForAnyThreadCountAndLineOrder) {
  const Dataset data = Parse(kDated);
  const ClaimTimeline one = BuildTimeline(data, data.FindClaim("c"), Options(1));
  const ClaimTimeline two = BuildTimeline(data, data.FindClaim("c"), Options(2));
  std::vector<std::string> lines;
  std::istringstream in(kDated);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::reverse(lines.begin(), lines.end());
  std::string reversed;
  for (const std::string& line : lines) reversed += line + "\n";
  const Dataset data_reversed = Parse(reversed);
  const ClaimTimeline rev = BuildTimeline(data_reversed, data_reversed.FindClaim("c"), Options(2));
  for (const ClaimTimeline* other : {&two, &rev}) {
    std::ostringstream a, b;
    WriteTimeline(a, data, one, OutputFormat::kJson);
    WriteTimeline(b, other == &rev ? data_reversed : data, *other, OutputFormat::kJson);
    EXPECT_EQ(a.str(), b.str());
  }
}

// A random dated dataset (fixed seed): sources, claims in pairs of alternatives, stances dated
// on one of six days or undated, some retracted.
std::string RandomDated(unsigned seed) {
  std::mt19937 rng(seed);
  std::string text;
  const int sources = 6, claims = 6;
  for (int s = 0; s < sources; ++s)
    text += "{\"type\":\"speaker\",\"id\":\"s" + std::to_string(s) + "\"}\n";
  for (int c = 0; c < claims; ++c) {
    text += "{\"type\":\"claim\",\"id\":\"c" + std::to_string(c) + "\",\"text\":\"T\"" +
            (c < 2 ? ",\"group\":\"g\"" : "") + "}\n";
  }
  std::vector<std::string> ids;
  std::vector<int> days;
  for (int i = 0; i < 24; ++i) {
    const std::string id = "st" + std::to_string(i);
    const int day = static_cast<int>(rng() % 7);  // 6: undated
    days.push_back(day % 6);
    text += "{\"type\":\"stance\",\"id\":\"" + id + "\",\"holder\":\"s" +
            std::to_string(rng() % sources) + "\",\"claim\":\"c" + std::to_string(rng() % claims) +
            "\",\"polarity\":\"" + (rng() % 3 == 0 ? "denies" : "supports") + "\"" +
            (day < 6 ? ",\"time\":\"2021-02-0" + std::to_string(day + 1) + "\"" : "") + "}\n";
    ids.push_back(id);
  }
  for (int i = 0; i < 3; ++i) {
    const std::size_t stance = rng() % ids.size();
    // Not before the stance it retracts (an undated stance counts as day 0 here).
    const int day = days[stance] + static_cast<int>(rng() % (6 - days[stance]));
    text += "{\"type\":\"retraction\",\"stance\":\"" + ids[stance] + "\",\"time\":\"2021-02-0" +
            std::to_string(day + 1) + "\"}\n";
  }
  return text;
}

// Property: the last event of a claim whose last event is the latest date of any stance or
// retraction is the plain analysis (no as-of); every event is the analysis as of its instant.
TEST(TimelineTest, LastEventEqualsThePlainAnalysisWhenNothingIsDatedAfter) {
  int checked = 0;
  for (unsigned seed = 1; seed <= 4; ++seed) {
    const Dataset data = Parse(RandomDated(seed));
    std::int64_t latest = kNoTime;
    for (const Stance& s : data.stances) latest = std::max(latest, data.TimeOf(s));
    for (const Retraction& r : data.retractions)
      latest = std::max(latest, r.time_utc.value_or(kNoTime));
    for (Index c = 0; c < data.claims.size(); ++c) {
      const ClaimTimeline t = BuildTimeline(data, c, Options());
      if (t.events.empty()) continue;
      const TimelineEvent& last = t.events.back();
      const scoring::ClaimAssessment plain =
          Separate(data, data.claims[c].id, std::nullopt, Options());
      if (last.undated || last.time_utc == latest) {
        if (last.undated && latest != kNoTime) continue;  // dated records elsewhere come after
        EXPECT_DOUBLE_EQ(last.belief, plain.belief) << "seed " << seed << " claim " << c;
        EXPECT_EQ(last.verdict, plain.verdict);
        EXPECT_EQ(last.units_for, plain.sources_for);
        EXPECT_EQ(last.units_against, plain.sources_against);
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 4);
}

TEST(TimelineTest, WritersPrintEveryEvent) {
  const Dataset data = Parse(kDated);
  const ClaimTimeline t = BuildTimeline(data, data.FindClaim("c"), Options());
  std::ostringstream table, json, csv;
  WriteTimeline(table, data, t, OutputFormat::kTable);
  WriteTimeline(json, data, t, OutputFormat::kJson);
  WriteTimeline(csv, data, t, OutputFormat::kCsv);
  EXPECT_THAT(table.str(), HasSubstr("Timeline of c: It happened."));
  EXPECT_THAT(table.str(), HasSubstr("retraction of The Paper's stance p1 (report r4)"));
  EXPECT_THAT(json.str(), HasSubstr("{\"claim\":\"c\",\"as_of\":null,\"omitted_events\":0,"));
  EXPECT_THAT(json.str(), HasSubstr("\"time\":\"2020-01-05\",\"undated\":false,"
                                    "\"what\":[\"The Minister supports (report r2)\"]"));
  std::istringstream lines(csv.str());
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(line);
  ASSERT_EQ(rows.size(), 7U);  // header and six events
  EXPECT_EQ(rows[0],
            "time,undated,belief,belief_low,belief_high,verdict,units_for,units_against,what");
  EXPECT_EQ(rows[1].substr(0, 6), ",true,");
  EXPECT_THAT(rows[6], ::testing::StartsWith("2020-01-05,false,"));
}

TEST(TimelineTest, SvgHasBandLineHalfLineAndEscapedTooltips) {
  const Dataset data = Parse(R"({"type":"speaker","id":"x","name":"<b>&X"}
{"type":"claim","id":"c","text":"C."}
{"type":"stance","holder":"x","claim":"c","polarity":"denies","time":"2020-01-01"}
{"type":"stance","holder":"x","claim":"c","polarity":"supports","time":"2020-01-05"}
)");
  const std::string svg = TimelineSvg(data, BuildTimeline(data, 0, Options()), "t-c");
  EXPECT_THAT(svg, ::testing::StartsWith("<svg class=\"timeline\" id=\"t-c\""));
  EXPECT_THAT(svg, ::testing::EndsWith("</svg>"));
  EXPECT_THAT(svg, HasSubstr("class=\"band\""));
  EXPECT_THAT(svg, HasSubstr("class=\"belief\""));
  EXPECT_THAT(svg, HasSubstr("class=\"half\""));
  EXPECT_THAT(svg, HasSubstr("&lt;b&gt;&amp;X denies"));
  EXPECT_THAT(svg, ::testing::Not(HasSubstr("<b>")));
  const auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (auto at = svg.find(what); at != std::string::npos; at = svg.find(what, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("<circle"), 2U);  // one marker an event
  EXPECT_EQ(count("<title>"), 2U);
  EXPECT_EQ(count("</title>"), 2U);
  EXPECT_EQ(count("<text class=\"date\""), 2U);  // 2020-01-01 and 2020-01-05 are far apart
  // The band: its upper edge left to right, then its lower edge right to left (a simple shape).
  const auto from = svg.find("points=\"", svg.find("class=\"band\"")) + 8;
  std::istringstream points(svg.substr(from, svg.find('"', from) - from));
  std::vector<double> xs;
  for (std::string point; points >> point;) xs.push_back(std::stod(point));
  ASSERT_EQ(xs.size(), 8U);  // two steps, two points each, on each edge
  EXPECT_TRUE(std::is_sorted(xs.begin(), xs.begin() + 4));
  EXPECT_TRUE(std::is_sorted(xs.rbegin(), xs.rbegin() + 4));
}

TEST(TimelineTest, HtmlReportLinksEachClaimToItsTimeline) {
  const Dataset data = Parse(kDated);
  const SessionOptions options = Options();
  const auto session = Session::Run(Dataset(data), options);
  const ReportOptions report_options = DocumentReportOptions(0);
  ReportModel model =
      BuildReport(session->data(), session->analysis(),
                  session->ExplainClaims(ClaimsToExplain(session->analysis(), report_options)),
                  report_options, &session->result());
  std::vector<Index> ranked;
  for (const ClaimRow& row : model.claims) ranked.push_back(row.assessment->claim);
  // c and c2 have 5 dated events each (the same: one group), z one: z gets no timeline.
  model.timelines = BuildReportTimelines(session->data(), ranked, options, 5);
  ASSERT_EQ(model.timelines.size(), 2U);
  for (const ClaimTimeline& t : model.timelines) EXPECT_NE(data.claims[t.claim].id, "z");
  std::ostringstream html, md;
  WriteHtmlReport(html, model);
  WriteMarkdownReport(md, model);
  EXPECT_THAT(html.str(), HasSubstr("<section id=\"timelines\">"));
  EXPECT_THAT(html.str(), HasSubstr("<a href=\"#timeline-c\">Belief over time</a>"));
  EXPECT_THAT(html.str(), HasSubstr("<svg class=\"timeline\" id=\"timeline-svg-c\""));
  EXPECT_THAT(md.str(), HasSubstr("## Belief over time"));
  EXPECT_THAT(md.str(), HasSubstr("| 2020-01-05 |"));
  // At most max_claims timelines.
  EXPECT_EQ(BuildReportTimelines(session->data(), ranked, options, 1).size(), 1U);
}

}  // namespace
}  // namespace credence::report
