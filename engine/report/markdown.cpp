#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "credence/graph/evidence.hpp"
#include "credence/report/html.hpp"
#include "report_internal.hpp"

namespace credence::report {
namespace {

using internal::Fixed;
using internal::Side;
using internal::SourceLabel;
using scoring::ClaimAssessment;
using scoring::SourceAssessment;

// Dataset text in Markdown: every character that could start markup is backslash-escaped
// (CommonMark escapes any ASCII punctuation), line breaks become spaces, so that text can
// neither open a link, emphasis, code span or HTML tag nor end a table cell.
std::string Md(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char ch : s) {
    switch (ch) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '~':
      case '&':
      case '#':
      case '!':
      case '{':
      case '}':
      case '$':
        out += '\\';
        out += ch;
        break;
      case '\n':
      case '\r':
      case '\t':
        out += ' ';
        break;
      default:
        out += ch;
    }
  }
  return out;
}

// Dataset text at the start of a line (in a block quote): also keeps a leading "-", "+", "="
// or "1." from starting a list or a heading underline.
std::string MdLine(std::string_view s) {
  std::string out = Md(s);
  if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '=')) {
    out.insert(0, 1, '\\');
    return out;
  }
  std::size_t digits = 0;
  while (digits < out.size() && out[digits] >= '0' && out[digits] <= '9') ++digits;
  if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')')) {
    out.insert(digits, 1, '\\');
  }
  return out;
}

std::string SourceLink(const Dataset& data, Index s) {
  return fmt::format("[{}](#source-{})", Md(SourceLabel(data, s)), AnchorId(data.sources[s].id));
}

std::string ClaimLink(const Dataset& data, Index c) {
  return fmt::format("[{}](#claim-{})", Md(data.claims[c].id), AnchorId(data.claims[c].id));
}

std::string ChainMd(const Dataset& data, const Chain& chain) {
  return internal::ChainWith(
      data, chain, [&](Index s) { return SourceLink(data, s); },
      [](const Report& r) { return Md(r.title.empty() ? r.id : r.title); });
}

void WriteItem(std::ostream& out, const Dataset& data, const ClaimEvidence& ev,
               const EvidenceUnit& unit) {
  const scoring::StanceContribution& c = ev.member(unit.carrier);
  const StanceView& view = ev.stances[unit.carrier];
  const Stance& s = data.stances[view.stance];
  std::string line =
      fmt::format("- **{:+.2f}** {}", c.unit_contribution + 0.0, SourceLink(data, view.holder));
  if (!view.marks.empty()) {
    std::vector<std::string> escaped;
    for (const Mark& m : view.marks) escaped.push_back(fmt::format("*{}*", Md(m.text)));
    line += fmt::format(" ({})", fmt::join(escaped, ", "));
  }
  line = internal::WithChain(std::move(line), ChainMd(data, view.chain));
  if (unit.inert) {
    if ((c.flags & graph::EvidenceSnapshot::kImplied) && view.alternative != kNone) {
      line += fmt::format(" supports the alternative {};", ClaimLink(data, view.alternative));
    } else {
      line += ":";
    }
    line += " not evidence of its own, counted through the group";
  } else {
    line += fmt::format(": trust {}", Fixed(c.owner_trust, 3));
    if (c.owner != view.holder) line += " of " + SourceLink(data, c.owner);
    line += fmt::format(", weight {}", Fixed(c.weight, 2));
    if (c.hops > 0) line += fmt::format(", {} hop{}", c.hops, c.hops == 1 ? "" : "s");
    if (c.score == 0.0) line += ", trust below 0.5: carries no weight";
    line += fmt::format("; belief without it {}", Fixed(c.belief_without_unit, 3));
  }
  out << line << "\n";
  const auto relays =
      internal::RelayTexts(ev, unit, unit.carrier, [&](const StanceView& other, bool same_holder) {
        return (same_holder ? std::string() : SourceLink(data, other.holder) + " ") +
               ChainMd(data, other.chain) + Md(internal::RelayMarks(other));
      });
  if (!relays.empty()) {
    fmt::print(out, "  - same origin, counted once: also {}\n", fmt::join(relays, "; "));
  }
  if (s.quote != kNone) fmt::print(out, "  > {}\n", MdLine(data.Text(s.quote)));
}

// Stances the time rules withdrew: superseded ones with why, retracted ones struck through.
void WriteWithdrawn(std::ostream& out, const Dataset& data, const ClaimEvidence& ev) {
  if (ev.withdrawn.empty()) return;
  out << "\nNo longer counted:\n\n";
  for (const WithdrawnView& w : ev.withdrawn) {
    std::string stance =
        fmt::format("{} {}", SourceLink(data, w.holder), internal::SideWord(w.polarity));
    stance = internal::WithChain(std::move(stance), ChainMd(data, w.chain));
    if (!w.time.empty()) stance += ", " + Md(w.time);
    const std::string why = internal::WithdrawnText(
        w, ev.explanation.claim, [&](Index s) { return SourceLink(data, s); },
        [&](Index r) { return Md(data.reports[r].id); },
        [&](Index c) { return ClaimLink(data, c); });
    if (w.state == graph::StanceState::kRetracted) {
      fmt::print(out, "- ~~{}~~ {}\n", stance, why);
    } else {
      fmt::print(out, "- {}: {}\n", stance, why);
    }
  }
}

// How the lines add up to the claim's log-odds, when a discount makes the sum more than the
// base rate and the units (or the claim is alone in its group: +infinity).
void WriteLogOddsSum(std::ostream& out, const Dataset& data, const ClaimEvidence& ev) {
  const internal::LogOddsSum sum =
      internal::SumOfLines(data, ev, "+\u221e", [](const std::string& g) { return Md(g); });
  if (sum.terms.empty()) return;
  fmt::print(out, "\nLog-odds **{}** = {}.\n", sum.total, fmt::join(sum.terms, " + "));
}

// The verdict as the ranking shows it: bold when disputed, italic when contested.
std::string VerdictMd(scoring::Verdict verdict) {
  if (verdict == scoring::Verdict::kDisputed) return fmt::format("**{}**", ToString(verdict));
  if (internal::Contested(verdict)) return fmt::format("*{}*", ToString(verdict));
  return std::string(ToString(verdict));
}

// " (0.41–0.80)": a 90% interval in text, its ends rounded outward; "" without one.
// Parentheses rather than brackets, which Markdown could take for a link.
std::string IntervalMd(const std::optional<Interval>& interval) {
  if (!interval) return "";
  return fmt::format(" ({}\u2013{})", internal::IntervalLow(*interval),
                     internal::IntervalHigh(*interval));
}

void WriteClaimSection(std::ostream& out, const Dataset& data, const ClaimRow& row) {
  const ClaimAssessment& c = *row.assessment;
  const Claim& claim = data.claims[c.claim];
  fmt::print(out, "\n<a id=\"claim-{}\"></a>\n### {}. {}\n\n", AnchorId(claim.id), c.rank,
             Md(claim.id));
  if (!claim.text.empty()) fmt::print(out, "> {}\n\n", MdLine(claim.text));
  fmt::print(
      out,
      "Verdict **{}**; belief {}{}; dispute {}; trusted weight for {} ({} independent), "
      "against {} ({} independent).",
      ToString(c.verdict), Fixed(c.belief, 3),
      row.belief_interval ? fmt::format(", 90% interval{}", IntervalMd(row.belief_interval)) : "",
      Fixed(c.dispute, 3), Fixed(c.weight_for, 2), c.sources_for, Fixed(c.weight_against, 2),
      c.sources_against);
  if (claim.group != kNone) {
    fmt::print(out, " One of the alternatives of group {}.", Md(data.groups[claim.group]));
  }
  if (!claim.value.empty()) fmt::print(out, " Value: {}.", Md(claim.value));
  if (!claim.about.empty()) {
    std::vector<std::string> about;
    for (Index s : claim.about) about.push_back(SourceLink(data, s));
    fmt::print(out, " About: {}.", fmt::join(about, ", "));
  }
  out << "\n";
  for (int polarity : {+1, -1}) {
    fmt::print(out, "\n**{}**\n\n", polarity > 0 ? "For" : "Against");
    const auto units = Side(row, polarity);
    for (const EvidenceUnit& unit : units) WriteItem(out, data, *row.evidence, unit);
    if (units.empty()) out << "- none\n";
    const scoring::DiscountLine* echo =
        row.evidence == nullptr ? nullptr : row.evidence->Echo(polarity);
    if (echo != nullptr) {
      fmt::print(out, "- **{:+.2f}** {}: after the strongest, each further unit counts less\n",
                 echo->log_odds + 0.0, internal::EchoText(*echo));
    }
  }
  if (row.evidence != nullptr) WriteLogOddsSum(out, data, *row.evidence);
  if (row.evidence != nullptr && !row.evidence->neutral.empty()) {
    std::vector<std::string> neutral;
    for (const StanceView& view : row.evidence->neutral) {
      neutral.push_back(
          internal::WithChain(SourceLink(data, view.holder), ChainMd(data, view.chain)));
    }
    fmt::print(out, "\nNeutral: {}.\n", fmt::join(neutral, "; "));
  }
  if (row.evidence != nullptr) WriteWithdrawn(out, data, *row.evidence);
}

void WriteRanking(std::ostream& out, const ReportModel& report) {
  const Dataset& data = *report.data;
  fmt::print(out, "## Claims ranked by dispute{}\n\n",
             internal::TopNote(report.claims.size(), report.analysis->claims.size()));
  out << "| rank | claim | verdict | dispute | belief | for (n) | against (n) |\n"
         "|---:|---|---|---:|---:|---:|---:|\n";
  for (const ClaimRow& row : report.claims) {
    const ClaimAssessment& c = *row.assessment;
    const Claim& claim = data.claims[c.claim];
    fmt::print(out, "| {} | {} {} | {} | {} | {}{} | {} ({}) | {} ({}) |\n", c.rank,
               ClaimLink(data, c.claim), Md(claim.text), VerdictMd(c.verdict), Fixed(c.dispute, 3),
               Fixed(c.belief, 3), IntervalMd(row.belief_interval), Fixed(c.weight_for, 2),
               c.sources_for, Fixed(c.weight_against, 2), c.sources_against);
  }
}

void WriteSources(std::ostream& out, const ReportModel& report) {
  const Dataset& data = *report.data;
  fmt::print(out,
             "\n## Sources\n\nAnonymous sources carry the trust of the outlet that vouches for "
             "them.{}\n\n| source | id | kind | trust | sens. | spec. | prior | stances | "
             "agreement |\n|---|---|---|---:|---:|---:|---:|---:|---:|\n",
             report.reliabilities ? fmt::format(" {}", internal::kCoinsLegend) : "");
  for (const SourceRow& row : report.sources) {
    const SourceAssessment& s = *row.assessment;
    const Source& src = data.sources[s.source];
    fmt::print(out, "| <a id=\"source-{}\"></a>{}{} | {} | {} | ", AnchorId(src.id),
               Md(SourceLabel(data, s.source)), src.anonymous ? " *(anonymous)*" : "", Md(src.id),
               internal::KindText(src));
    if (s.carried) {
      out << "\u2013 | \u2013 | \u2013 | \u2013 | \u2013 | \u2013 |\n";
    } else {
      const std::optional<Reliability>& r = row.reliability;
      fmt::print(out, "{}{} | {} | {} | {} | {} | {} |\n", Fixed(s.trust, 3),
                 r ? IntervalMd(r->trust) : "", r ? Fixed(r->sensitivity, 3) : "\u2013",
                 r ? Fixed(r->specificity, 3) : "\u2013", Fixed(s.prior, 3), s.stances,
                 s.stances > 0 ? Fixed(s.agreement, 2) : "\u2013");
    }
  }
}

// The consistency findings, one line each (the HTML report's Findings section).
void WriteFindings(std::ostream& out, const ReportModel& report) {
  if (report.findings == nullptr || report.findings->empty()) return;
  out << "\n## Findings\n\n";
  for (const graph::Finding& f : *report.findings) {
    fmt::print(out, "- {}\n", Md(FindingText(*report.data, f)));
  }
}

}  // namespace

// The timelines (ReportModel::timelines) as small tables: one row an event.
void WriteTimelines(std::ostream& out, const ReportModel& report) {
  if (report.timelines.empty()) return;
  const Dataset& data = *report.data;
  out << "\n## Belief over time\n\nThe belief after each dated event bearing on the claim, each "
         "row the whole analysis as of that instant (`credence timeline`).\n";
  for (const ClaimTimeline& t : report.timelines) {
    fmt::print(out,
               "\n### {}\n\n| time | belief | verdict | for | against | "
               "what happened |\n|---|---|---|---:|---:|---|\n",
               Md(data.claims[t.claim].id));
    for (const TimelineEvent& e : t.events) {
      fmt::print(
          out, "| {} | {}{} | {} | {} | {} | {} |\n", e.undated ? "undated" : Md(e.time),
          Fixed(e.belief, 3),
          IntervalMd(e.has_interval ? std::optional<Interval>(Interval{e.belief_low, e.belief_high})
                                    : std::nullopt),
          e.verdict ? scoring::ToString(*e.verdict) : "", e.units_for, e.units_against,
          Md(fmt::format("{}", fmt::join(e.what, "; "))));
    }
    if (t.omitted > 0) fmt::print(out, "\n{} earlier events not shown.\n", t.omitted);
  }
  out << "\nBelief is followed by its 90% interval in parentheses.\n";
}

void WriteMarkdownReport(std::ostream& out, const ReportModel& report) {
  const Dataset& data = *report.data;
  const scoring::Analysis& a = *report.analysis;
  fmt::print(out, "# Credence conflict report: {}\n\n", Md(data.path));
  fmt::print(out,
             "**{} claims, {} sources, {} stances, {} reports; {} disputed, {} contested.** Model: "
             "{}, {} after {} iterations (largest last change {:.1e}){}.\n\n",
             data.claims.size(), data.sources.size(), data.stances.size(), data.reports.size(),
             report.disputed, report.contested, Md(a.algorithm),
             a.converged ? "converged" : "**not converged**", a.iterations, a.residual,
             report.base_rate ? fmt::format("; base rate {}", Fixed(*report.base_rate, 3)) : "");
  if (report.as_of) {
    fmt::print(out, "Evidence as of {}; {} undated stance{} always count{}.\n\n",
               Md(report.as_of->date), report.as_of->undated, report.as_of->undated == 1 ? "" : "s",
               report.as_of->undated == 1 ? "s" : "");
  }
  WriteRanking(out, report);
  out << "\n## Evidence\n\nEach line is one independent piece of evidence: its signed "
         "contribution to the claim's log-odds (before the echo discount), who holds it, the "
         "chain of outlets it came through, and the claim's belief without it. Relays and copies "
         "of the same origin count once. Each side's echo discount and, for alternatives, the "
         "other claims' share are lines of their own; with the base rate they add up to the "
         "claim's log-odds.\n";
  for (const ClaimRow& row : report.claims) WriteClaimSection(out, data, row);
  WriteTimelines(out, report);
  WriteSources(out, report);
  WriteFindings(out, report);
}

}  // namespace credence::report
