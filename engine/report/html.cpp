#include "credence/report/html.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>

#include "credence/graph/evidence.hpp"
#include "credence/version.hpp"
#include "report_assets.hpp"  // generated from assets/report.css and assets/report.js
#include "report_internal.hpp"

namespace credence::report {
namespace {

using internal::Fixed;
using internal::Side;
using internal::SourceLabel;
using scoring::ClaimAssessment;
using scoring::SourceAssessment;

std::string Esc(std::string_view s) { return HtmlEscape(s); }

// Only web addresses become links: a "javascript:" or "data:" URL from a dataset must not run.
bool IsWebUrl(std::string_view url) {
  auto starts = [&](std::string_view p) {
    if (url.size() < p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
    }
    return true;
  };
  return starts("https://") || starts("http://");
}

std::string ClaimHref(const Dataset& data, Index c) {
  return "#claim-" + AnchorId(data.claims[c].id);
}
std::string SourceHref(const Dataset& data, Index s) {
  return "#source-" + AnchorId(data.sources[s].id);
}

std::string SourceLink(const Dataset& data, Index s) {
  return fmt::format("<a href=\"{}\">{}</a>", SourceHref(data, s), Esc(SourceLabel(data, s)));
}

// "via <a>NBC News</a>, in <a>The Moscow Times</a> (mt-2018-03-30)".
std::string ChainHtml(const Dataset& data, const Chain& chain) {
  return internal::ChainWith(
      data, chain, [&](Index s) { return SourceLink(data, s); },
      [](const Report& r) {
        const std::string title = r.title.empty() ? r.id : r.title;
        return IsWebUrl(r.url)
                   ? fmt::format("<a href=\"{}\" rel=\"noreferrer\">{}</a>", Esc(r.url), Esc(title))
                   : Esc(title);
      });
}

std::string MarksHtml(const std::vector<Mark>& marks) {
  std::string out;
  for (const Mark& m : marks) {
    const char* cls = m.kind == MarkKind::kAnonymous    ? "mark anonymous"
                      : m.kind == MarkKind::kInterested ? "mark interested"
                      : m.kind == MarkKind::kAdmission  ? "mark admission"
                      : m.kind == MarkKind::kCopy       ? "mark copy"
                                                        : "mark";
    out += fmt::format("<span class=\"{}\">{}</span>", cls, Esc(m.text));
  }
  return out;
}

// A bar for a belief or trust `value` in [0, 1] with a whisker over its 90% interval (ends as
// the text prints them: rounded outward to 2 decimals), 60 px wide; its <title> names the interval.
std::string Meter(double value, const Interval& interval) {
  constexpr double kWidth = 60.0;
  const std::string low = internal::IntervalLow(interval);
  const std::string high = internal::IntervalHigh(interval);
  const Interval ends = internal::Outward(interval);
  const double x0 = kWidth * ends.low;
  const double x1 = kWidth * ends.high;
  return fmt::format(
      "<svg class=\"meter\" viewBox=\"0 0 60 12\" width=\"60\" height=\"12\" role=\"img\" "
      "aria-label=\"{0} (90% interval {1} to {2})\"><title>{0} (90% interval {1}&ndash;{2})"
      "</title><rect class=\"track\" x=\"0\" y=\"3\" width=\"60\" height=\"6\"/><rect "
      "class=\"fill\" x=\"0\" y=\"3\" width=\"{3:.1f}\" height=\"6\"/><path class=\"whisker\" "
      "d=\"M{4:.1f} 6H{5:.1f}M{4:.1f} 1V11M{5:.1f} 1V11\"/></svg>",
      Fixed(value, 3), low, high, kWidth * std::clamp(value, 0.0, 1.0), x0, x1);
}

// " <svg class=\"meter\">...</svg>" for a value with an interval; "" without one.
std::string MeterOrNothing(double value, const std::optional<Interval>& interval) {
  return interval ? fmt::format(" {}", Meter(value, *interval)) : std::string();
}

// A diverging bar: against to the left of the centre line, for to the right, on a shared scale.
void DivergingRow(std::string& svg, double y, double h, double centre, double half, double scale,
                  double w_for, double w_against) {
  const double lf = scale > 0 ? half * std::min(1.0, w_for / scale) : 0.0;
  const double la = scale > 0 ? half * std::min(1.0, w_against / scale) : 0.0;
  auto bar = [&](std::string_view side, double x, double length) {
    if (length <= 0) return;
    svg += fmt::format(
        "<rect class=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
        "rx=\"2\"/>",
        side, x, y, length, h);
  };
  bar("against", centre - la, la);
  bar("for", centre, lf);
  svg +=
      fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" class=\"muted\">{}</text>",
                  centre - la - 4, y + h / 2 + 4, Fixed(w_against, 2));
  svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" class=\"muted\">{}</text>", centre + lf + 4,
                     y + h / 2 + 4, Fixed(w_for, 2));
}

// One bar per listed claim with trusted weight on both sides (dispute > 0), in rank order.
std::string WeightChart(const ReportModel& report) {
  const Dataset& data = *report.data;
  std::vector<const ClaimAssessment*> rows;
  double scale = 0.0;
  for (const ClaimRow& row : report.claims) {
    const ClaimAssessment& c = *row.assessment;
    if (c.weight_for > 0 && c.weight_against > 0) {
      rows.push_back(&c);
      scale = std::max({scale, c.weight_for, c.weight_against});
    }
  }
  if (rows.empty()) {
    return "<p class=\"detail\">No claim has trusted weight on both sides.</p>";
  }
  const double width = 640, label = 210, row_h = 30, top = 26;
  const double centre = label + (width - label) / 2, half = (width - label) / 2 - 44;
  const double height = top + row_h * static_cast<double>(rows.size()) + 8;
  std::string svg = fmt::format(
      "<svg id=\"weight-chart\" viewBox=\"0 0 {} {:.0f}\" width=\"{}\" height=\"{:.0f}\" "
      "role=\"img\" aria-label=\"Trusted weight for and against each disputed claim\">",
      width, height, width, height);
  svg += fmt::format(
      "<text x=\"{:.1f}\" y=\"14\" text-anchor=\"end\" class=\"against\">\u25C0 against</text>"
      "<text x=\"{:.1f}\" y=\"14\" class=\"for\">for \u25B6</text>",
      centre - 6, centre + 6);
  double y = top;
  for (const ClaimAssessment* c : rows) {
    const Claim& claim = data.claims[c->claim];
    svg += fmt::format("<a href=\"{}\"><title>{}: {}</title>", ClaimHref(data, c->claim),
                       Esc(claim.id), Esc(claim.text));
    svg += fmt::format("<text x=\"0\" y=\"{:.1f}\">{}</text>", y + 15,
                       Esc(internal::Shorten(claim.id, 28, 28)));
    DivergingRow(svg, y + 3, row_h - 10, centre, half, scale, c->weight_for, c->weight_against);
    svg += "</a>";
    y += row_h;
  }
  svg += fmt::format(
      "<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"20\" y2=\"{1:.1f}\" stroke=\"#1d2430\" "
      "stroke-width=\"1\"/></svg>",
      centre, height - 4);
  return svg;
}

// The histogram of trust (sources that carry a trust of their own).
std::string TrustChart(const TrustHistogram& trust) {
  const auto& bins = trust.bins;
  const int most = std::max(1, *std::max_element(bins.begin(), bins.end()));
  const double width = 400, left = 28, right = 10, top = 16, plot_h = 110, bottom = 34;
  const double bw = (width - left - right) / 10.0;
  std::string svg = fmt::format(
      "<svg id=\"trust-chart\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-label=\"Distribution of source trust\">",
      width, top + plot_h + bottom, width, top + plot_h + bottom);
  for (std::size_t b = 0; b < bins.size(); ++b) {
    const double h = plot_h * bins[b] / most;
    const double x = left + bw * static_cast<double>(b);
    if (bins[b] > 0) {
      svg += fmt::format(
          "<rect class=\"bin\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
          "rx=\"2\"><title>trust {:.1f}\u2013{:.1f}: {} source{}</title></rect>",
          x + 2, top + plot_h - h, bw - 4, h, 0.1 * static_cast<double>(b),
          0.1 * static_cast<double>(b + 1), bins[b], bins[b] == 1 ? "" : "s");
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>",
                         x + bw / 2, top + plot_h - h - 4, bins[b]);
    }
  }
  const double base = top + plot_h;
  svg += fmt::format(
      "<line x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#1d2430\"/>", left,
      width - right, base, base);
  for (int t = 0; t <= 10; t += 5) {
    svg += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" class=\"muted\">{}</text>",
        left + bw * t, base + 16,
        t == 0   ? "0"
        : t == 5 ? "0.5"
                 : "1");
  }
  const double half = left + bw * 5;
  svg += fmt::format(
      "<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\" stroke=\"#5b6472\" "
      "stroke-dasharray=\"3 3\"/>",
      half, top - 6, base);
  svg += fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" class=\"muted\">trust "
      "({} sources)</text></svg>",
      width / 2, base + 30, trust.total);
  return svg;
}

std::string MiniBar(const ClaimAssessment& c, double scale) {
  std::string svg =
      "<svg class=\"mini\" viewBox=\"0 0 360 22\" width=\"360\" height=\"22\" role=\"img\" "
      "aria-label=\"trusted weight against and for\">";
  DivergingRow(svg, 3, 16, 180, 130, scale, c.weight_for, c.weight_against);
  svg += "<line x1=\"180\" x2=\"180\" y1=\"0\" y2=\"22\" stroke=\"#1d2430\"/></svg>";
  return svg;
}

// The trust it carries and whose, its weight and hops, the belief without it.
std::string EvidenceDetail(const Dataset& data, const scoring::StanceContribution& c,
                           const StanceView& view, bool inert) {
  if (inert) return "not evidence of its own: counted through the group of alternatives";
  std::string detail = fmt::format("trust {}", Fixed(c.owner_trust, 3));
  if (c.owner != view.holder) {
    detail += " of " + SourceLink(data, c.owner) + ", which vouches for it";
  }
  detail += fmt::format("; weight {}", Fixed(c.weight, 2));
  if (c.hops > 0) detail += fmt::format("; {} hop{}", c.hops, c.hops == 1 ? "" : "s");
  if (c.score == 0.0) detail += "; trust below 0.5: carries no weight";
  detail += fmt::format("; belief without it {}", Fixed(c.belief_without_unit, 3));
  return detail;
}

void WriteEvidenceItem(std::ostream& out, const Dataset& data, const ClaimEvidence& ev,
                       const EvidenceUnit& unit) {
  const scoring::StanceContribution& c = ev.member(unit.carrier);
  const StanceView& view = ev.stances[unit.carrier];
  const Stance& s = data.stances[view.stance];
  fmt::print(out, "<li{}><span class=\"contrib\">{}</span>{}{}",
             unit.inert ? " class=\"inert\"" : "",
             fmt::format("{:+.2f}", c.unit_contribution + 0.0), SourceLink(data, view.holder),
             MarksHtml(view.marks));
  if (!view.chain.empty()) {
    fmt::print(out, " <span class=\"chain\">{}</span>", ChainHtml(data, view.chain));
  }
  if ((c.flags & graph::EvidenceSnapshot::kImplied) && view.alternative != kNone) {
    fmt::print(out, " <span class=\"chain\">supports the alternative <a href=\"{}\">{}</a></span>",
               ClaimHref(data, view.alternative), Esc(data.claims[view.alternative].id));
  }
  fmt::print(out, "<div class=\"detail\">{}</div>", EvidenceDetail(data, c, view, unit.inert));
  if (s.quote != kNone) fmt::print(out, "<blockquote>{}</blockquote>", Esc(data.Text(s.quote)));
  const auto relays =
      internal::RelayTexts(ev, unit, unit.carrier, [&](const StanceView& other, bool same_holder) {
        return (same_holder ? std::string() : SourceLink(data, other.holder) + " ") +
               ChainHtml(data, other.chain) + Esc(internal::RelayMarks(other));
      });
  if (!relays.empty()) {
    fmt::print(out, "<div class=\"relays\">Same origin, counted once: also {}</div>",
               fmt::join(relays, "; "));
  }
  out << "</li>\n";
}

// The echo discount of one side, as the last line of its list.
void WriteEchoItem(std::ostream& out, const ClaimEvidence& ev, int polarity) {
  const scoring::DiscountLine* echo = ev.Echo(polarity);
  if (echo == nullptr) return;
  fmt::print(out,
             "<li class=\"discount\"><span class=\"contrib\">{:+.2f}</span>{}<div "
             "class=\"detail\">after the strongest, each further unit on this side counts a little "
             "less</div></li>\n",
             echo->log_odds + 0.0, internal::EchoText(*echo));
}

// How the lines add up to the claim's log-odds, when a discount makes the sum more than the
// base rate and the units (or the claim is alone in its group: +infinity).
void WriteLogOddsSum(std::ostream& out, const Dataset& data, const ClaimEvidence& ev) {
  const internal::LogOddsSum sum = internal::SumOfLines(
      data, ev, "+&infin;", [](const std::string& g) { return "<code>" + Esc(g) + "</code>"; });
  if (sum.terms.empty()) return;
  fmt::print(out, "<p class=\"sum\">log-odds <b>{}</b> = {}</p>\n", sum.total,
             fmt::join(sum.terms, " + "));
}

void WriteClaimMeta(std::ostream& out, const Dataset& data, const ClaimRow& row) {
  const ClaimAssessment& c = *row.assessment;
  const Claim& claim = data.claims[c.claim];
  fmt::print(out,
             "<p class=\"meta\"><span class=\"verdict {}\">{}</span> belief <b>{}</b>{}{} &middot; "
             "dispute <b>{}</b> &middot; trusted weight for {} ({} independent), against {} ({} "
             "independent)",
             internal::VerdictClass(c.verdict), ToString(c.verdict), Fixed(c.belief, 3),
             row.belief_interval
                 ? fmt::format(" (90% interval {})", internal::IntervalText(row.belief_interval))
                 : "",
             MeterOrNothing(c.belief, row.belief_interval), Fixed(c.dispute, 3),
             Fixed(c.weight_for, 2), c.sources_for, Fixed(c.weight_against, 2), c.sources_against);
  if (claim.group != kNone) {
    fmt::print(out, " &middot; one of the alternatives of <code>{}</code>",
               Esc(data.groups[claim.group]));
  }
  if (!claim.value.empty()) fmt::print(out, " &middot; value <code>{}</code>", Esc(claim.value));
  if (!claim.about.empty()) {
    std::vector<std::string> about;
    for (Index s : claim.about) about.push_back(SourceLink(data, s));
    fmt::print(out, " &middot; about {}", fmt::join(about, ", "));
  }
  out << "</p>\n";
}

// Findings: each one's anchor, and the links to those of a claim or a source.
std::string FindingHref(std::size_t i) { return fmt::format("#finding-{}", i + 1); }

// " <span class=\"findings-of\">findings: <a href=\"#finding-1\">reversal</a>, ...</span>", or
// "" when there is none.
std::string FindingLinks(const ReportModel& report, const std::vector<std::size_t>& which) {
  if (which.empty()) return "";
  std::vector<std::string> links;
  for (std::size_t i : which) {
    links.push_back(fmt::format("<a class=\"finding-link\" href=\"{}\">{}</a>", FindingHref(i),
                                graph::ToString((*report.findings)[i].kind)));
  }
  return fmt::format(" <span class=\"findings-of\">findings: {}</span>", fmt::join(links, ", "));
}

// Stances the time rules withdrew: superseded ones as they were, retracted ones struck through;
// each with why and since when. They weigh nothing.
void WriteWithdrawn(std::ostream& out, const Dataset& data, const ClaimEvidence& ev) {
  if (ev.withdrawn.empty()) return;
  out << "<div class=\"withdrawn\"><h4>No longer counted</h4><ul>\n";
  for (const WithdrawnView& w : ev.withdrawn) {
    std::string stance =
        fmt::format("{} {}", SourceLink(data, w.holder), internal::SideWord(w.polarity));
    if (!w.chain.empty()) {
      stance += fmt::format(" <span class=\"chain\">{}</span>", ChainHtml(data, w.chain));
    }
    if (!w.time.empty()) stance += fmt::format(", <time>{}</time>", Esc(w.time));
    const bool retracted = w.state == graph::StanceState::kRetracted;
    const std::string why = internal::WithdrawnText(
        w, ev.explanation.claim, [&](Index s) { return SourceLink(data, s); },
        [&](Index r) { return Esc(data.reports[r].id); },
        [&](Index c) { return Esc(data.claims[c].id); });
    fmt::print(out, "<li class=\"{}\">{}{} <span class=\"detail\">{}</span></li>\n",
               retracted ? "retracted" : "superseded",
               retracted ? fmt::format("<del>{}</del>", stance) : stance, retracted ? "" : ":",
               why);
  }
  out << "</ul></div>\n";
}

void WriteClaimSection(std::ostream& out, const ReportModel& report, const ClaimRow& row) {
  const Dataset& data = *report.data;
  const ClaimAssessment& c = *row.assessment;
  const Claim& claim = data.claims[c.claim];
  fmt::print(out, "<article class=\"claim\" id=\"claim-{}\">\n", AnchorId(claim.id));
  fmt::print(out, "<h3><span class=\"rank\">#{}</span>{} <code>{}</code></h3>\n", c.rank,
             Esc(claim.text.empty() ? claim.id : claim.text), Esc(claim.id));
  WriteClaimMeta(out, data, row);
  if (const std::string links = FindingLinks(report, report.FindingsOfClaim(c.claim));
      !links.empty()) {
    fmt::print(out, "<p class=\"detail\">{}</p>\n", links);
  }
  for (const ClaimTimeline& t : report.timelines) {
    if (t.claim != c.claim) continue;
    fmt::print(out, "<p class=\"detail\"><a href=\"#timeline-{}\">Belief over time</a></p>\n",
               AnchorId(claim.id));
  }
  if (c.weight_for > 0 || c.weight_against > 0) out << MiniBar(c, report.max_weight) << "\n";
  out << "<div class=\"sides\">\n";
  for (int polarity : {+1, -1}) {
    fmt::print(out, "<div class=\"side {}\"><h4>{}</h4><ul>\n", polarity > 0 ? "for" : "against",
               polarity > 0 ? "For" : "Against");
    const auto units = Side(row, polarity);
    for (const EvidenceUnit& unit : units) WriteEvidenceItem(out, data, *row.evidence, unit);
    if (units.empty()) out << "<li class=\"none\">No evidence on this side.</li>\n";
    if (row.evidence != nullptr) WriteEchoItem(out, *row.evidence, polarity);
    out << "</ul></div>\n";
  }
  out << "</div>\n";
  if (row.evidence != nullptr) WriteLogOddsSum(out, data, *row.evidence);
  if (row.evidence != nullptr && !row.evidence->neutral.empty()) {
    std::vector<std::string> neutral;
    for (const StanceView& view : row.evidence->neutral) {
      neutral.push_back(
          internal::WithChain(SourceLink(data, view.holder), ChainHtml(data, view.chain)));
    }
    fmt::print(out, "<p class=\"neutral\">Neutral: {}</p>\n", fmt::join(neutral, "; "));
  }
  if (row.evidence != nullptr) WriteWithdrawn(out, data, *row.evidence);
  out << "</article>\n";
}

// The timelines of the report (ReportModel::timelines), each linked back to its claim.
void WriteTimelines(std::ostream& out, const ReportModel& report) {
  if (report.timelines.empty()) return;
  const Dataset& data = *report.data;
  out << "<section id=\"timelines\">\n<h2>Belief over time</h2>\n<p class=\"detail\">The "
         "belief of the most disputed dated claims after each dated event bearing on them, each "
         "point the whole analysis as of that instant (credence timeline), with its 90% interval "
         "as a band and 0.5 dashed. Hover a point for what happened then.</p>\n";
  for (const ClaimTimeline& t : report.timelines) {
    const Claim& claim = data.claims[t.claim];
    const std::string anchor = AnchorId(claim.id);
    fmt::print(out,
               "<article class=\"timeline\" id=\"timeline-{}\">\n<h3><a href=\"{}\">{}</a> "
               "<code>{}</code></h3>\n{}\n",
               anchor, ClaimHref(data, t.claim), Esc(claim.text.empty() ? claim.id : claim.text),
               Esc(claim.id), TimelineSvg(data, t, "timeline-svg-" + anchor));
    if (t.omitted > 0) {
      fmt::print(out, "<p class=\"detail\">{} earlier events not shown.</p>\n", t.omitted);
    }
    out << "</article>\n";
  }
  out << "</section>\n";
}

void WriteHead(std::ostream& out, const Dataset& data) {
  fmt::print(out,
             "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             "<meta name=\"generator\" content=\"credence\">\n"
             "<title>Credence conflict report: {}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
             Esc(data.path), assets::kReportCss);
  fmt::print(out,
             "<header class=\"top\"><div class=\"inner\"><h1>Credence conflict report</h1>"
             "<p><code>{}</code></p>\n<nav><a href=\"#summary\">Summary</a><a "
             "href=\"#ranking\">Claims ranked by dispute</a><a href=\"#evidence\">Evidence</a>"
             "<a href=\"#sources\">Sources</a></nav></div></header>\n<main>\n",
             Esc(data.path));
}

void WriteSummary(std::ostream& out, const ReportModel& report) {
  const Dataset& data = *report.data;
  const scoring::Analysis& a = *report.analysis;
  out << "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">";
  fmt::print(
      out,
      "<div class=\"card\"><div class=\"n\">{}</div><div class=\"l\">claims</div></div>"
      "<div class=\"card\"><div class=\"n\">{}</div><div class=\"l\">sources</div></div>"
      "<div class=\"card\"><div class=\"n\">{}</div><div class=\"l\">stances</div></div>"
      "<div class=\"card{}\"><div class=\"n\">{}</div><div class=\"l\">disputed</div></div>"
      "<div class=\"card{}\"><div class=\"n\">{}</div><div class=\"l\">contested</div></div>",
      data.claims.size(), data.sources.size(), data.stances.size(),
      report.disputed > 0 ? " hot" : "", report.disputed, report.contested > 0 ? " warm" : "",
      report.contested);
  out << "</div>\n";
  fmt::print(out,
             "<p class=\"model\">Model <b>{}</b>: <span class=\"{}\">{}</span> after {} "
             "iteration{} (largest last change {:.1e}){}. {} reports.</p>\n",
             Esc(a.algorithm), a.converged ? "ok" : "bad",
             a.converged ? "converged" : "not converged", a.iterations,
             a.iterations == 1 ? "" : "s", a.residual,
             report.base_rate ? fmt::format("; base rate {}", Fixed(*report.base_rate, 3)) : "",
             data.reports.size());
  if (report.as_of) {
    fmt::print(out,
               "<p class=\"as-of\">Evidence as of <b>{}</b>; {} undated stance{} always "
               "count{}.</p>\n",
               Esc(report.as_of->date), report.as_of->undated,
               report.as_of->undated == 1 ? "" : "s", report.as_of->undated == 1 ? "s" : "");
  }
  if (report.findings != nullptr && !report.findings->empty()) {
    fmt::print(out, "<p class=\"model\"><a href=\"#findings\">{} consistency finding{}</a>.</p>\n",
               report.findings->size(), report.findings->size() == 1 ? "" : "s");
  }
  out << "<div class=\"figures\">\n<figure><figcaption><b>Trusted weight for and against</b> "
         "(log-odds; claims with evidence on both sides)</figcaption>\n";
  out << WeightChart(report) << "\n</figure>\n";
  out << "<figure><figcaption><b>Source trust</b> (the dashed line at 0.5: below it a source "
         "adds nothing)</figcaption>\n";
  out << TrustChart(report.trust) << "\n</figure>\n</div>\n</section>\n";
}

void WriteRanking(std::ostream& out, const ReportModel& report) {
  const Dataset& data = *report.data;
  out << "<section id=\"ranking\">\n";
  fmt::print(out, "<h2>Claims ranked by dispute{}</h2>\n",
             internal::TopNote(report.claims.size(), report.analysis->claims.size()));
  if (std::any_of(report.claims.begin(), report.claims.end(),
                  [](const ClaimRow& row) { return row.belief_interval.has_value(); })) {
    out << "<p class=\"detail\">Beside each belief, a bar from 0 to 1; its whisker spans the "
           "belief's 90% interval.</p>\n";
  }
  out << "<table id=\"claims-table\"><thead><tr><th class=\"num\">Rank</th><th>Claim</th>"
         "<th>Verdict</th><th class=\"num\">Dispute</th><th class=\"num\">Belief</th>"
         "<th class=\"num\">For (n)</th><th class=\"num\">Against (n)</th></tr></thead>\n"
         "<tbody>\n";
  for (const ClaimRow& row : report.claims) {
    const ClaimAssessment& c = *row.assessment;
    const Claim& claim = data.claims[c.claim];
    fmt::print(out,
               "<tr data-claim=\"{}\"{}><td class=\"num\">{}</td><td class=\"claim-cell\"><a "
               "href=\"{}\" title=\"{}\">{}</a>{}</td><td><span class=\"verdict {}\">{}</span></td>"
               "<td class=\"num\">{}</td><td class=\"num\">{}{}</td><td class=\"num\">{} ({})</td>"
               "<td class=\"num\">{} ({})</td></tr>\n",
               Esc(claim.id),
               c.verdict == scoring::Verdict::kDisputed ? " class=\"disputed\""
               : internal::Contested(c.verdict)         ? " class=\"contested\""
                                                        : "",
               c.rank, ClaimHref(data, c.claim), Esc(claim.id),
               Esc(claim.text.empty() ? claim.id : claim.text),
               FindingLinks(report, report.FindingsOfClaim(c.claim)),
               internal::VerdictClass(c.verdict), ToString(c.verdict), Fixed(c.dispute, 3),
               Fixed(c.belief, 3), MeterOrNothing(c.belief, row.belief_interval),
               Fixed(c.weight_for, 2), c.sources_for, Fixed(c.weight_against, 2),
               c.sources_against);
  }
  out << "</tbody></table>\n</section>\n";
}

std::string ClaimLinks(const Dataset& data, const ClaimList& list) {
  std::vector<std::string> links;
  for (const ListedClaim& c : list.claims) {
    links.push_back(c.shown ? fmt::format("<a href=\"{}\">{}</a>", ClaimHref(data, c.claim),
                                          Esc(data.claims[c.claim].id))
                            : Esc(data.claims[c.claim].id));
  }
  if (list.more) links.emplace_back("&hellip;");
  return fmt::format("{}", fmt::join(links, ", "));
}

void WriteSourceRow(std::ostream& out, const ReportModel& report, const SourceRow& row,
                    std::size_t order) {
  const Dataset& data = *report.data;
  const SourceAssessment& s = *row.assessment;
  const Source& src = data.sources[s.source];
  std::string name = Esc(SourceLabel(data, s.source));
  if (IsWebUrl(src.url)) {
    name = fmt::format("<a href=\"{}\" rel=\"noreferrer\">{}</a>", Esc(src.url), name);
  }
  std::vector<std::string> parts;
  if (!src.role.empty()) parts.push_back(Esc(src.role));
  if (src.anonymous) parts.push_back("<span class=\"mark anonymous\">anonymous</span>");
  for (Index o : src.affiliations) parts.push_back("of " + SourceLink(data, o));
  if (src.parent != kNone) parts.push_back("part of " + SourceLink(data, src.parent));
  if (std::string links = FindingLinks(report, report.FindingsOfSource(s.source)); !links.empty()) {
    parts.push_back(std::move(links));
  }
  std::string claims = ClaimLinks(data, row.held);
  if (!row.relayed.claims.empty()) {
    claims += fmt::format("{}<span class=\"detail\">relayed or published:</span> {}",
                          claims.empty() ? "" : "<br>", ClaimLinks(data, row.relayed));
  }
  fmt::print(out,
             "<tr id=\"source-{}\" data-order=\"{}\"><td data-value=\"{}\">{} <code>{}</code>{}"
             "{}</td><td>{}</td>",
             AnchorId(src.id), order, Esc(SourceLabel(data, s.source)), name, Esc(src.id),
             parts.empty() ? "" : "<div class=\"detail\">",
             parts.empty() ? "" : fmt::format("{}</div>", fmt::join(parts, " &middot; ")),
             Esc(internal::KindText(src)));
  constexpr std::string_view kDash = "<td class=\"num\" data-value=\"\">&ndash;</td>";
  if (s.carried) {
    for (int i = 0; i < 6; ++i) out << kDash;
  } else {
    fmt::print(
        out, "<td class=\"num\" data-value=\"{0}\">{0}{1}</td>", Fixed(s.trust, 3),
        MeterOrNothing(s.trust, row.reliability ? std::optional<Interval>(row.reliability->trust)
                                                : std::nullopt));
    for (const double Reliability::*coin : {&Reliability::sensitivity, &Reliability::specificity}) {
      if (row.reliability) {
        fmt::print(out, "<td class=\"num\" data-value=\"{0}\">{0}</td>",
                   Fixed((*row.reliability).*coin, 3));
      } else {
        out << kDash;
      }
    }
    fmt::print(out,
               "<td class=\"num\" data-value=\"{0}\">{0}</td><td class=\"num\" "
               "data-value=\"{1}\">{1}</td><td class=\"num\" data-value=\"{2}\">{3}</td>",
               Fixed(s.prior, 3), s.stances, s.stances > 0 ? Fixed(s.agreement, 3) : "",
               s.stances > 0 ? Fixed(s.agreement, 2) : "&ndash;");
  }
  fmt::print(out, "<td class=\"claims-of\">{}</td></tr>\n", claims);
}

void WriteSources(std::ostream& out, const ReportModel& report) {
  fmt::print(out,
             "<section id=\"sources\">\n<h2>Sources</h2>\n<p class=\"detail\">Click a column "
             "header to sort. Anonymous sources carry the trust of the outlet that vouches for "
             "them.{}</p>\n",
             report.reliabilities
                 ? " The whisker on a trust's bar spans its 90% interval. Sens. and spec. are "
                   "the source's two coins: how often it supports a true claim it speaks on "
                   "(sensitivity) and how often it denies a false one (specificity)."
                 : "");
  out << "<table id=\"source-table\"><thead><tr>"
         "<th data-key=\"name\" data-type=\"text\"><button type=\"button\">Source</button></th>"
         "<th data-key=\"kind\" data-type=\"text\"><button type=\"button\">Kind</button></th>"
         "<th class=\"num\" data-key=\"trust\" data-type=\"number\" aria-sort=\"descending\">"
         "<button type=\"button\">Trust</button></th>"
         "<th class=\"num\" data-key=\"sensitivity\" data-type=\"number\" title=\"Sensitivity: "
         "P(supports | true), how often the source supports a true claim it speaks on (default "
         "model only)\"><button type=\"button\">Sens.</button></th>"
         "<th class=\"num\" data-key=\"specificity\" data-type=\"number\" title=\"Specificity: "
         "P(denies | false), how often the source denies a false claim it speaks on (default "
         "model only)\"><button type=\"button\">Spec.</button></th>"
         "<th class=\"num\" data-key=\"prior\" data-type=\"number\"><button "
         "type=\"button\">Prior</button></th>"
         "<th class=\"num\" data-key=\"stances\" data-type=\"number\"><button "
         "type=\"button\">Stances</button></th>"
         "<th class=\"num\" data-key=\"agreement\" data-type=\"number\"><button "
         "type=\"button\">Agreement</button></th>"
         "<th>Claims</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < report.sources.size(); ++i) {
    WriteSourceRow(out, report, report.sources[i], i);
  }
  out << "</tbody></table>\n</section>\n";
}

// The consistency findings, each with an anchor (finding-1, ...) that claims and sources link to;
// the claims and the source link back where the report lists them.
void WriteFindings(std::ostream& out, const ReportModel& report) {
  if (report.findings == nullptr || report.findings->empty()) return;
  const Dataset& data = *report.data;
  std::vector<char> shown(data.claims.size(), 0);
  for (const ClaimRow& row : report.claims) shown[row.assessment->claim] = 1;
  std::vector<char> listed(data.sources.size(), 0);
  for (const SourceRow& row : report.sources) listed[row.assessment->source] = 1;
  out << "<section id=\"findings\">\n<h2>Findings</h2>\n<p class=\"detail\">What the sources' "
         "own records show: a reversal (a later stance replaced an earlier one), a retraction "
         "(a correction withdrew a stance), a self-contradiction (both sides, neither later), "
         "exclusive alternatives (support of two claims of one group, neither later).</p>\n"
         "<ol class=\"findings\">\n";
  for (std::size_t i = 0; i < report.findings->size(); ++i) {
    const graph::Finding& f = (*report.findings)[i];
    std::vector<std::string> about;
    if (f.source != kNone) {
      about.push_back(listed[f.source] ? SourceLink(data, f.source)
                                       : Esc(SourceLabel(data, f.source)));
    }
    for (Index c : f.claims) {
      about.push_back(shown[c] ? fmt::format("<a href=\"{}\">{}</a>", ClaimHref(data, c),
                                             Esc(data.claims[c].id))
                               : Esc(data.claims[c].id));
    }
    fmt::print(out,
               "<li id=\"finding-{}\" class=\"finding {}\"><span class=\"mark\">{}</span>{}"
               "<div class=\"detail\">{}</div></li>\n",
               i + 1, graph::ToString(f.kind), graph::ToString(f.kind),
               Esc(FindingText(data, f).substr(graph::ToString(f.kind).size() + 1)),
               fmt::join(about, " &middot; "));
  }
  out << "</ol>\n</section>\n";
}

}  // namespace

std::string AnchorId(std::string_view id) {
  std::string out;
  out.reserve(id.size());
  for (char ch : id) {
    const auto u = static_cast<unsigned char>(ch);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' ||
        u == '_' || u == '.') {
      out += ch;
    } else {
      out += fmt::format("~{:02X}", u);
    }
  }
  return out;
}

ReportOptions DocumentReportOptions(std::size_t top) {
  ReportOptions options;
  options.top_claims = top;
  options.top_sources = 0;
  options.evidence = EvidenceFor::kAll;
  options.source_claims = true;
  return options;
}

void WriteHtmlReport(std::ostream& out, const ReportModel& report) {
  WriteHead(out, *report.data);
  WriteSummary(out, report);
  WriteRanking(out, report);
  out << "<section id=\"evidence\">\n<h2>Evidence</h2>\n<p class=\"detail\">Each line is one "
         "independent piece of evidence: its signed contribution to the claim's log-odds "
         "(before the echo discount), who holds it, the chain of outlets it came through, and "
         "the claim's belief without it. Relays and copies of the same origin count once. Each "
         "side's echo discount and, for alternatives, the other claims' share are lines of "
         "their own; with the base rate they add up to the claim's log-odds.</p>\n";
  for (const ClaimRow& row : report.claims) WriteClaimSection(out, report, row);
  out << "</section>\n";
  WriteTimelines(out, report);
  WriteSources(out, report);
  WriteFindings(out, report);
  fmt::print(out,
             "<footer>Written by credence {}. Belief is the probability that a claim is true "
             "given the evidence; the dispute score is high only when both sides carry "
             "substantial trusted weight (docs/model.md).</footer>\n</main>\n",
             kVersion);
  // The script sorts the source table when a column header is clicked: a number column first
  // sorts from the highest value, a text column from A; clicking the sorted column again
  // reverses it. Rows with no value (anonymous sources, which carry no trust) stay last; ties
  // keep the report's order.
  fmt::print(out, "<script>\n{}</script>\n</body>\n</html>\n", assets::kReportJs);
}

}  // namespace credence::report
