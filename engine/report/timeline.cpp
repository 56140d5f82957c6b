#include "credence/report/timeline.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "credence/core/error.hpp"
#include "credence/graph/time_rules.hpp"
#include "credence/report/writers.hpp"
#include "credence/session.hpp"
#include "credence/text/csv.hpp"
#include "credence/text/html.hpp"
#include "credence/text/json.hpp"
#include "report_internal.hpp"

namespace credence::report {
namespace {

using internal::Fixed;
using internal::JsonNumber;

// The claims whose stances bear on `claim`: itself and the other claims of its group.
std::vector<bool> Bearing(const Dataset& data, Index claim) {
  std::vector<bool> bearing(data.claims.size(), false);
  bearing[claim] = true;
  const Index group = data.claims[claim].group;
  if (group != kNone) {
    for (std::size_t c = 0; c < data.claims.size(); ++c) {
      if (data.claims[c].group == group) bearing[c] = true;
    }
  }
  return bearing;
}

std::string_view Verb(Polarity polarity) {
  return polarity == Polarity::kNeutral ? "is neutral on" : ToString(polarity);
}

std::string ReportSuffix(const Dataset& data, Index report) {
  return report == kNone ? std::string() : fmt::format(" (report {})", data.reports[report].id);
}

std::string StanceWhat(const Dataset& data, Index claim, const Stance& s) {
  std::string what = internal::SourceLabel(data, s.holder) + " ";
  const std::string_view verb = Verb(s.polarity);
  if (s.claim == claim) {
    what += s.polarity == Polarity::kNeutral ? std::string_view("is neutral") : verb;
  } else {
    what += fmt::format("{} {}", verb, data.claims[s.claim].id);
  }
  return what + ReportSuffix(data, s.report);
}

std::string RetractionWhat(const Dataset& data, const Retraction& r) {
  const Stance& s = data.stances[r.stance];
  const std::string_view id = data.Text(s.id);
  return fmt::format("retraction of {}'s stance{}{}{}", internal::SourceLabel(data, s.holder),
                     id.empty() ? "" : " ", id, ReportSuffix(data, r.report));
}

// What happened at one instant (kNoTime: undated), with the time texts written for it.
struct Happening {
  std::set<std::string> what;
  std::set<std::pair<std::size_t, std::string>> texts;  // (length, text): shortest first
};

std::map<std::int64_t, Happening> Happenings(const Dataset& data, Index claim) {
  const std::vector<bool> bearing = Bearing(data, claim);
  std::map<std::int64_t, Happening> at;
  for (const Stance& s : data.stances) {
    if (!bearing[s.claim]) continue;
    Happening& h = at[data.TimeOf(s)];
    h.what.insert(StanceWhat(data, claim, s));
    const std::string text = graph::StanceTimeText(data, s);
    h.texts.emplace(text.size(), text);
  }
  for (const Retraction& r : data.retractions) {
    if (!bearing[data.stances[r.stance].claim]) continue;
    Happening& h = at[r.time_utc.value_or(kNoTime)];
    h.what.insert(RetractionWhat(data, r));
    const std::string text = graph::RetractionTimeText(data, r);
    h.texts.emplace(text.size(), text);
  }
  return at;
}

TimelineEvent RunAsOf(const Dataset& data, Index claim, SessionOptions options,
                      std::optional<std::int64_t> as_of, std::string as_of_text) {
  options.time.as_of = as_of;
  options.time.as_of_text = std::move(as_of_text);
  options.on_phase = nullptr;
  const auto session = Session::Run(Dataset(data), options);
  TimelineEvent event;
  const scoring::ScoringResult& result = session->result();
  event.belief = result.belief[claim];
  for (const scoring::ClaimAssessment& a : session->analysis().claims) {
    if (a.claim != claim) continue;
    event.belief = a.belief;
    event.has_interval = a.has_interval;
    event.belief_low = a.belief_low;
    event.belief_high = a.belief_high;
    event.verdict = a.verdict;
    event.units_for = a.sources_for;
    event.units_against = a.sources_against;
    break;
  }
  return event;
}

}  // namespace

void TimelineOptions::Validate() const {
  if (max_events == 0) {
    throw InvalidArgumentError("TimelineOptions.max_events must be at least 1, got 0");
  }
}

std::vector<std::int64_t> TimelineInstants(const Dataset& data, Index claim,
                                           std::optional<std::int64_t> as_of) {
  if (claim >= data.claims.size()) {
    throw InvalidArgumentError(
        fmt::format("claim index {} out of range (dataset has {})", claim, data.claims.size()));
  }
  const std::vector<bool> bearing = Bearing(data, claim);
  std::vector<std::int64_t> instants;
  auto add = [&](std::int64_t t) {
    if (t != kNoTime && (!as_of || t <= *as_of)) instants.push_back(t);
  };
  for (const Stance& s : data.stances) {
    if (bearing[s.claim]) add(data.TimeOf(s));
  }
  for (const Retraction& r : data.retractions) {
    if (bearing[data.stances[r.stance].claim]) add(r.time_utc.value_or(kNoTime));
  }
  std::sort(instants.begin(), instants.end());
  instants.erase(std::unique(instants.begin(), instants.end()), instants.end());
  return instants;
}

ClaimTimeline BuildTimeline(const Dataset& data, Index claim, const SessionOptions& options,
                            const TimelineOptions& timeline_options) {
  timeline_options.Validate();
  options.time.Validate();
  const std::vector<std::int64_t> instants = TimelineInstants(data, claim, options.time.as_of);
  const std::map<std::int64_t, Happening> at = Happenings(data, claim);
  ClaimTimeline timeline;
  timeline.claim = claim;
  timeline.as_of = options.time.as_of_text;
  if (const auto undated = at.find(kNoTime); undated != at.end()) {
    // As of the instant before the first dated event (the user's as-of when no event is left):
    // only undated records count.
    std::optional<std::int64_t> before = options.time.as_of;
    if (!instants.empty()) before = instants.front() - 1;
    TimelineEvent event = RunAsOf(data, claim, options, before, "undated");
    event.undated = true;
    event.what.assign(undated->second.what.begin(), undated->second.what.end());
    timeline.events.push_back(std::move(event));
  }
  const std::size_t first = instants.size() > timeline_options.max_events
                                ? instants.size() - timeline_options.max_events
                                : 0;
  timeline.omitted = first;
  for (std::size_t i = first; i < instants.size(); ++i) {
    const Happening& h = at.at(instants[i]);
    const std::string& text = h.texts.begin()->second;
    TimelineEvent event = RunAsOf(data, claim, options, instants[i], text);
    event.time_utc = instants[i];
    event.time = text;
    event.what.assign(h.what.begin(), h.what.end());
    timeline.events.push_back(std::move(event));
  }
  timeline.dated_events = instants.size() - first;
  return timeline;
}

std::vector<ClaimTimeline> BuildReportTimelines(const Dataset& data,
                                                const std::vector<Index>& ranked,
                                                const SessionOptions& options,
                                                std::size_t max_claims,
                                                const TimelineOptions& timeline_options) {
  std::vector<ClaimTimeline> timelines;
  for (Index claim : ranked) {
    if (timelines.size() >= max_claims) break;
    if (TimelineInstants(data, claim, options.time.as_of).size() < 2) continue;
    timelines.push_back(BuildTimeline(data, claim, options, timeline_options));
  }
  return timelines;
}

namespace {

std::string TimeText(const TimelineEvent& e) { return e.undated ? "undated" : e.time; }

std::string VerdictText(const TimelineEvent& e) {
  return e.verdict ? std::string(scoring::ToString(*e.verdict)) : std::string();
}

std::optional<Interval> IntervalOf(const TimelineEvent& e) {
  if (!e.has_interval) return std::nullopt;
  return Interval{e.belief_low, e.belief_high};
}

void WriteTable(std::ostream& out, const Dataset& data, const ClaimTimeline& t) {
  const Claim& claim = data.claims[t.claim];
  fmt::print(out, "Timeline of {}{}\n", claim.id,
             claim.text.empty() ? "" : fmt::format(": {}", internal::Shorten(claim.text, 90, 60)));
  if (!t.as_of.empty()) {
    fmt::print(out, "As of {}: later events are not shown; undated records always count.\n",
               t.as_of);
  }
  if (t.omitted > 0) {
    fmt::print(out, "{} earlier event{} not shown (--max-events).\n", t.omitted,
               t.omitted == 1 ? "" : "s");
  }
  if (t.events.empty()) {
    out << "No stance on this claim or its group is dated, and none is undated.\n";
    return;
  }
  std::size_t width = 10;
  for (const TimelineEvent& e : t.events) width = std::max(width, TimeText(e).size());
  fmt::print(out, "{:<{}}  {:>6}  {:<12}  {:<22}  {:>3}  {:>7}  {}\n", "time", width, "belief",
             "90% interval", "verdict", "for", "against", "what happened");
  for (const TimelineEvent& e : t.events) {
    fmt::print(out, "{:<{}}  {:>6}  {:<12}  {:<22}  {:>3}  {:>7}  {}\n", TimeText(e), width,
               Fixed(e.belief, 3), internal::IntervalText(IntervalOf(e)), VerdictText(e),
               e.units_for, e.units_against, e.what.empty() ? "" : e.what.front());
    for (std::size_t i = 1; i < e.what.size(); ++i) {
      fmt::print(out, "{:<{}}  {}\n", "", width + 6 + 2 + 12 + 2 + 22 + 2 + 3 + 2 + 7, e.what[i]);
    }
  }
  if (!t.events.empty() && t.events.front().undated) {
    out << "undated: as of before the first dated event (only undated records count).\n";
  }
}

void WriteJson(std::ostream& out, const Dataset& data, const ClaimTimeline& t) {
  std::string s;
  text::JsonWriter w(&s);
  w.BeginObject().Field("claim", data.claims[t.claim].id);
  w.Key("as_of");
  if (t.as_of.empty()) {
    w.Null();
  } else {
    w.String(t.as_of);
  }
  w.Key("omitted_events").Int(static_cast<std::int64_t>(t.omitted));
  w.Key("events").BeginArray();
  for (const TimelineEvent& e : t.events) {
    w.Newline().BeginObject();
    w.Key("time");
    if (e.undated) {
      w.Null();
    } else {
      w.String(e.time);
    }
    w.Key("undated").Bool(e.undated);
    w.Key("what").StringList(e.what);
    w.Key("belief").Number(JsonNumber(e.belief));
    w.Key("belief_low");
    e.has_interval ? w.Number(JsonNumber(e.belief_low)) : w.Null();
    w.Key("belief_high");
    e.has_interval ? w.Number(JsonNumber(e.belief_high)) : w.Null();
    w.Key("verdict");
    e.verdict ? w.String(VerdictText(e)) : w.Null();
    w.Key("units_for").Int(e.units_for).Key("units_against").Int(e.units_against);
    w.EndObject();
  }
  w.Newline().EndArray().EndObject();
  out << s << "\n";
}

void WriteCsv(std::ostream& out, const ClaimTimeline& t) {
  out << "time,undated,belief,belief_low,belief_high,verdict,units_for,units_against,what\n";
  for (const TimelineEvent& e : t.events) {
    fmt::print(out, "{},{},{},{},{},{},{},{},{}\n", text::CsvField(e.time), e.undated,
               JsonNumber(e.belief), e.has_interval ? JsonNumber(e.belief_low) : "",
               e.has_interval ? JsonNumber(e.belief_high) : "", text::CsvField(VerdictText(e)),
               e.units_for, e.units_against,
               text::CsvField(fmt::format("{}", fmt::join(e.what, "; "))));
  }
}

}  // namespace

void WriteTimeline(std::ostream& out, const Dataset& data, const ClaimTimeline& timeline,
                   OutputFormat format) {
  switch (format) {
    case OutputFormat::kTable:
      WriteTable(out, data, timeline);
      return;
    case OutputFormat::kJson:
      WriteJson(out, data, timeline);
      return;
    case OutputFormat::kCsv:
      WriteCsv(out, timeline);
      return;
  }
}

std::string TimelineSvg(const Dataset& data, const ClaimTimeline& timeline, std::string_view id) {
  const std::vector<TimelineEvent>& events = timeline.events;
  const double width = 640, height = 200, left = 44, right = 16, top = 14, plot_h = 140;
  const double plot_w = width - left - right;
  const auto y_of = [&](double p) { return top + (1.0 - std::clamp(p, 0.0, 1.0)) * plot_h; };
  // x: the undated row at the left edge, dated events by their time; a single instant in the
  // middle. Steps hold each belief until the next event, the last one to the right edge.
  std::int64_t lo = 0, hi = 0;
  bool any_dated = false;
  for (const TimelineEvent& e : events) {
    if (e.undated) continue;
    lo = any_dated ? std::min(lo, e.time_utc) : e.time_utc;
    hi = any_dated ? std::max(hi, e.time_utc) : e.time_utc;
    any_dated = true;
  }
  const bool has_undated = !events.empty() && events.front().undated;
  const double x0 = left + (has_undated ? 0.15 * plot_w : 0.0);
  const double x1 = left + 0.94 * plot_w;
  const auto x_of = [&](const TimelineEvent& e) {
    if (e.undated) return left;
    if (hi == lo) return (x0 + x1) / 2;
    return x0 + (x1 - x0) * static_cast<double>(e.time_utc - lo) / static_cast<double>(hi - lo);
  };
  std::string svg = fmt::format(
      "<svg class=\"timeline\" id=\"{}\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
      "role=\"img\" aria-label=\"Belief in {} after each dated event\">",
      id, width, height, width, height, text::HtmlEscape(data.claims[timeline.claim].id));
  // Axes: 0, 0.5 (dashed) and 1.
  for (double p : {0.0, 0.5, 1.0}) {
    svg += fmt::format(
        "<line class=\"{}\" x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{:.1f}\" y2=\"{:.1f}\" "
        "stroke=\"#8a94a6\" stroke-width=\"1\"{}/>",
        p == 0.5 ? "half" : "axis", left, width - right, y_of(p), y_of(p),
        p == 0.5 ? " stroke-dasharray=\"4 3\"" : "");
    svg +=
        fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" class=\"muted\">{}</text>",
                    left - 4, y_of(p) + 4, Fixed(p, 1));
  }
  // The interval band and the belief line, as steps.
  std::string band_top, band_bottom, line;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const TimelineEvent& e = events[i];
    const double xa = x_of(e);
    const double xb = i + 1 < events.size() ? x_of(events[i + 1]) : width - right;
    line += fmt::format("{:.1f},{:.1f} {:.1f},{:.1f} ", xa, y_of(e.belief), xb, y_of(e.belief));
    if (e.has_interval) {
      band_top += fmt::format("{:.1f},{:.1f} {:.1f},{:.1f} ", xa, y_of(e.belief_high), xb,
                              y_of(e.belief_high));
      // The lower edge runs back from right to left.
      band_bottom.insert(0, fmt::format("{:.1f},{:.1f} {:.1f},{:.1f} ", xb, y_of(e.belief_low), xa,
                                        y_of(e.belief_low)));
    }
  }
  if (!band_top.empty()) {
    svg += fmt::format(
        "<polygon class=\"band\" points=\"{}{}\" fill=\"#3b6fd4\" fill-opacity=\"0.15\"/>",
        band_top, band_bottom.substr(0, band_bottom.size() - 1));
  }
  if (!line.empty()) {
    line.pop_back();
    svg += fmt::format(
        "<polyline class=\"belief\" points=\"{}\" fill=\"none\" stroke=\"#3b6fd4\" "
        "stroke-width=\"2\"/>",
        line);
  }
  // Markers with tooltips, and date labels (the day only; the first, then any at least 70 px
  // from the last label drawn, so that they do not overlap).
  double last_label = -1e9;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const TimelineEvent& e = events[i];
    const double x = x_of(e);
    const std::string when = TimeText(e);
    svg += fmt::format(
        "<g class=\"event\"><title>{}: belief {}{}{}{}</title><circle cx=\"{:.1f}\" "
        "cy=\"{:.1f}\" r=\"4\" fill=\"#3b6fd4\"/></g>",
        text::HtmlEscape(when), Fixed(e.belief, 3),
        e.has_interval ? fmt::format(" {}", internal::IntervalText(IntervalOf(e))) : "",
        e.verdict ? fmt::format(", {}", VerdictText(e)) : "",
        text::HtmlEscape(e.what.empty() ? "" : fmt::format("; {}", fmt::join(e.what, "; "))), x,
        y_of(e.belief));
    if (i == 0 || x - last_label >= 70) {
      svg += fmt::format(
          "<text class=\"date\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>", x,
          top + plot_h + 18, text::HtmlEscape(when.substr(0, 10)));
      last_label = x;
    }
  }
  svg += "</svg>";
  return svg;
}

}  // namespace credence::report
