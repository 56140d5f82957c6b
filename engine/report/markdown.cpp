#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>

#include "credence/report/html.hpp"
#include "credence/report/writers.hpp"
#include "report_internal.hpp"

namespace credence::report {
namespace {

using internal::ClaimEvidence;
using internal::EvidenceItem;
using internal::Fixed;
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

std::string ChainMd(const Dataset& data, const Stance& stance) {
  std::vector<std::string> parts;
  for (Index k = stance.via_size; k > 0; --k) {
    parts.push_back("via " + SourceLink(data, data.via[stance.via_begin + k - 1]));
  }
  if (stance.report != kNone) {
    const Report& r = data.reports[stance.report];
    parts.push_back(fmt::format("in {} ({})", SourceLink(data, r.outlet),
                                Md(r.title.empty() ? r.id : r.title)));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

void WriteItem(std::ostream& out, const Dataset& data, Index claim, const EvidenceItem& item) {
  const Stance& s = data.stances[item.stance];
  std::string line =
      fmt::format("- **{:+.2f}** {}", item.contribution + 0.0, SourceLink(data, s.holder));
  const auto marks = internal::MarkList(data, s, item.flags, &data.claims[claim].about);
  if (!marks.empty()) {
    std::vector<std::string> escaped;
    for (const auto& m : marks) escaped.push_back(fmt::format("*{}*", Md(m)));
    line += fmt::format(" ({})", fmt::join(escaped, ", "));
  }
  const std::string chain = ChainMd(data, s);
  if (!chain.empty()) line += " " + chain;
  if (item.implied) {
    line += fmt::format(" supports the alternative {}; counted through the group",
                        ClaimLink(data, s.claim));
  } else {
    line += fmt::format(": trust {}", Fixed(item.owner_trust, 3));
    if (item.owner != s.holder) line += " of " + SourceLink(data, item.owner);
    line += fmt::format(", weight {}", Fixed(item.weight, 2));
    if (item.hops > 0) line += fmt::format(", {} hop{}", item.hops, item.hops == 1 ? "" : "s");
    if (item.score == 0.0) line += ", trust below 0.5: carries no weight";
    line += fmt::format("; belief without it {}", Fixed(item.belief_without, 3));
  }
  out << line << "\n";
  if (!item.relays.empty()) {
    std::vector<std::string> relays;
    for (Index r : item.relays) {
      const Stance& o = data.stances[r];
      std::string text = o.holder == s.holder ? std::string() : SourceLink(data, o.holder) + " ";
      text += ChainMd(data, o);
      if (std::find(relays.begin(), relays.end(), text) == relays.end()) relays.push_back(text);
    }
    fmt::print(out, "  - same origin, counted once: also {}\n", fmt::join(relays, "; "));
  }
  if (s.quote != kNone) fmt::print(out, "  > {}\n", MdLine(data.Text(s.quote)));
}

}  // namespace

void WriteMarkdownReport(std::ostream& out, const Session& session,
                         const DocumentOptions& options) {
  const auto& data = session.data();
  const auto& a = session.analysis();
  const std::size_t shown =
      options.top == 0 ? a.claims.size() : std::min(options.top, a.claims.size());
  fmt::print(out, "# Credence conflict report: {}\n\n", Md(data.path));
  fmt::print(out,
             "**{} claims, {} sources, {} stances, {} reports; {} disputed.** Model: {}, {} after "
             "{} iterations (largest last change {:.1e}).\n\n",
             data.claims.size(), data.sources.size(), data.stances.size(), data.reports.size(),
             internal::CountDisputed(a), Md(a.algorithm),
             a.converged ? "converged" : "**not converged**", a.iterations, a.residual);

  fmt::print(out, "## Claims ranked by dispute{}\n\n",
             shown < a.claims.size() ? fmt::format(" (top {} of {})", shown, a.claims.size()) : "");
  out << "| rank | claim | verdict | dispute | belief | for (n) | against (n) |\n"
         "|---:|---|---|---:|---:|---:|---:|\n";
  for (std::size_t i = 0; i < shown; ++i) {
    const ClaimAssessment& c = a.claims[i];
    const Claim& claim = data.claims[c.claim];
    fmt::print(out, "| {} | {} {} | {}{}{} | {} | {} | {} ({}) | {} ({}) |\n", c.rank,
               ClaimLink(data, c.claim), Md(claim.text),
               c.verdict == scoring::Verdict::kDisputed ? "**" : "", ToString(c.verdict),
               c.verdict == scoring::Verdict::kDisputed ? "**" : "", Fixed(c.dispute, 3),
               Fixed(c.belief, 3), Fixed(c.weight_for, 2), c.sources_for,
               Fixed(c.weight_against, 2), c.sources_against);
  }

  out << "\n## Evidence\n\nEach line is one independent piece of evidence: its signed "
         "contribution to the claim's log-odds, who holds it, the chain of outlets it came "
         "through, and the claim's belief without it. Relays of the same origin count once.\n";
  for (std::size_t i = 0; i < shown; ++i) {
    const ClaimAssessment& c = a.claims[i];
    const Claim& claim = data.claims[c.claim];
    const ClaimEvidence ev = internal::GatherEvidence(session, c.claim);
    fmt::print(out, "\n<a id=\"claim-{}\"></a>\n### {}. {}\n\n", AnchorId(claim.id), c.rank,
               Md(claim.id));
    if (!claim.text.empty()) fmt::print(out, "> {}\n\n", MdLine(claim.text));
    fmt::print(out,
               "Verdict **{}**; belief {}; dispute {}; trusted weight for {} ({} independent), "
               "against {} ({} independent).",
               ToString(c.verdict), Fixed(c.belief, 3), Fixed(c.dispute, 3), Fixed(c.weight_for, 2),
               c.sources_for, Fixed(c.weight_against, 2), c.sources_against);
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
      bool any = false;
      for (const auto& item : ev.items) {
        if (item.polarity != polarity) continue;
        WriteItem(out, data, c.claim, item);
        any = true;
      }
      if (!any) out << "- none\n";
    }
    if (!ev.neutral.empty()) {
      std::vector<std::string> neutral;
      for (Index n : ev.neutral) {
        const Stance& s = data.stances[n];
        std::string text = SourceLink(data, s.holder);
        const std::string chain = ChainMd(data, s);
        if (!chain.empty()) text += " " + chain;
        neutral.push_back(text);
      }
      fmt::print(out, "\nNeutral: {}.\n", fmt::join(neutral, "; "));
    }
  }

  out << "\n## Sources\n\nAnonymous sources carry the trust of the outlet that vouches for "
         "them.\n\n| source | id | kind | trust | prior | stances | agreement |\n"
         "|---|---|---|---:|---:|---:|---:|\n";
  for (const SourceAssessment& s : a.sources) {
    const Source& src = data.sources[s.source];
    const std::string kind = src.kind == SourceKind::kOutlet
                                 ? fmt::format("outlet/{}", ToString(src.outlet_kind))
                                 : std::string(ToString(src.kind));
    fmt::print(out, "| <a id=\"source-{}\"></a>{}{} | {} | {} | ", AnchorId(src.id),
               Md(SourceLabel(data, s.source)), src.anonymous ? " *(anonymous)*" : "", Md(src.id),
               kind);
    if (s.carried) {
      out << "\u2013 | \u2013 | \u2013 | \u2013 |\n";
    } else {
      fmt::print(out, "{} | {} | {} | {} |\n", Fixed(s.trust, 3), Fixed(s.prior, 3), s.stances,
                 s.stances > 0 ? Fixed(s.agreement, 2) : "\u2013");
    }
  }
}

}  // namespace credence::report
