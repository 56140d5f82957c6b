#include "credence/report/writers.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cmath>

#include "credence/core/error.hpp"
#include "credence/text/csv.hpp"
#include "credence/text/file.hpp"
#include "credence/text/json.hpp"
#include "credence/text/utf8.hpp"
#include "report_internal.hpp"
// Temporary (issue 10, scoring branch): EvidenceWeights became internal to scoring; the report
// branch replaces SideLines and drops this include.
#include "../scoring/evidence_weights_internal.hpp"

namespace credence::report {
namespace {

using graph::EvidenceSnapshot;
using scoring::ClaimAssessment;
using scoring::SourceAssessment;

std::string Num(double v, int precision = 6) {
  if (!std::isfinite(v)) return "null";
  std::string s = fmt::format("{:.{}f}", v, precision);
  if (s == "-0.000000" || s.find_first_not_of("-0.") == std::string::npos) {
    if (s.front() == '-') s.erase(0, 1);
  }
  return s;
}

// Cuts `s` to at most `width` characters (counting UTF-8 code points), adding an ellipsis.
std::string Fit(std::string_view s, std::size_t width) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == width - 1 && s.size() - i > 1) {
        std::size_t rest = 0;
        for (std::size_t j = i; j < s.size(); ++j) {
          if ((static_cast<unsigned char>(s[j]) & 0xC0) != 0x80) ++rest;
        }
        if (rest > 1) return std::string(s.substr(0, i)) + "\u2026";
      }
      ++count;
    }
  }
  return std::string(s);
}

using internal::SourceLabel;

std::string Marks(const Dataset& data, const Stance& stance, std::uint8_t flags,
                  const std::vector<Index>* about) {
  const auto marks = internal::MarkList(data, stance, flags, about);
  return marks.empty() ? "" : fmt::format(" ({})", fmt::join(marks, ", "));
}

std::string JsonStringList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ",";
    out += text::JsonString(items[i]);
  }
  return out + "]";
}

struct SideItem {
  std::string text;
  double score;
};

// The units on one side of a claim, strongest first, one line each.
std::vector<SideItem> SideLines(const Session& session, const scoring::EvidenceWeights& w,
                                Index claim, int polarity) {
  const auto& data = session.data();
  const auto& snap = session.snapshot();
  const auto& trust = session.result().trust;
  std::vector<SideItem> items;
  for (Index u = snap.claim_offsets[claim]; u < snap.claim_offsets[claim + 1]; ++u) {
    if (snap.unit_polarity[u] != polarity) continue;
    const std::size_t m = w.BestMember(u, trust).member;
    const Stance& s = data.stances[snap.member_stance[m]];
    std::string line = SourceLabel(data, s.holder) +
                       Marks(data, s, snap.member_flags[m], &data.claims[claim].about);
    const std::string chain = ChainText(data, s);
    if (!chain.empty()) line += " " + chain;
    std::vector<std::string> relays;
    for (Index k = snap.unit_offsets[u]; k < snap.unit_offsets[u + 1]; ++k) {
      if (k == m) continue;
      const Stance& other = data.stances[snap.member_stance[k]];
      std::string text =
          other.holder == s.holder ? std::string() : SourceLabel(data, other.holder) + " ";
      text += ChainText(data, other);
      if (std::find(relays.begin(), relays.end(), text) == relays.end()) relays.push_back(text);
    }
    if (!relays.empty()) line += fmt::format("; same origin also {}", fmt::join(relays, "; "));
    const double score = w.MemberScore(m, trust[snap.member_owner[m]]);
    if (score <= 0) line += " [trust below 0.5: carries no weight]";
    items.push_back({std::move(line), score});
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const SideItem& a, const SideItem& b) { return a.score > b.score; });
  return items;
}

void WriteTable(std::ostream& out, const Session& session, std::size_t top) {
  const auto& data = session.data();
  const auto& a = session.analysis();
  const scoring::EvidenceWeights weights(data, session.snapshot(), session.options().model);
  const std::size_t disputed = static_cast<std::size_t>(std::count_if(
      a.claims.begin(), a.claims.end(),
      [](const ClaimAssessment& c) { return c.verdict == scoring::Verdict::kDisputed; }));
  fmt::print(out, "Credence conflict report: {}\n", data.path);
  fmt::print(out,
             "{} claims, {} sources, {} stances; {} disputed. Model: {}, {} after {} iterations "
             "(largest last change {:.1e}).\n\n",
             data.claims.size(), data.sources.size(), data.stances.size(), disputed, a.algorithm,
             a.converged ? "converged" : "NOT converged", a.iterations, a.residual);
  const std::size_t shown = top == 0 ? a.claims.size() : std::min(top, a.claims.size());
  fmt::print(out, "Claims ranked by dispute{}\n",
             shown < a.claims.size() ? fmt::format(" (top {} of {})", shown, a.claims.size()) : "");
  fmt::print(out, "{:>4}  {:>7}  {:>6}  {:<12}  {:>12}  {:>12}  {}\n", "rank", "dispute", "belief",
             "verdict", "for (n)", "against (n)", "claim");
  for (std::size_t i = 0; i < shown; ++i) {
    const ClaimAssessment& c = a.claims[i];
    const Claim& claim = data.claims[c.claim];
    fmt::print(out, "{:>4}  {:>7.3f}  {:>6.3f}  {:<12}  {:>12}  {:>12}  [{}] {}\n", c.rank,
               c.dispute, c.belief, ToString(c.verdict),
               fmt::format("{:.2f} ({})", c.weight_for, c.sources_for),
               fmt::format("{:.2f} ({})", c.weight_against, c.sources_against), claim.id,
               Fit(claim.text, 70));
    if (c.verdict == scoring::Verdict::kDisputed) {
      for (int polarity : {+1, -1}) {
        for (const auto& item : SideLines(session, weights, c.claim, polarity)) {
          fmt::print(out, "{:>10} {:<8} {:+.2f}  {}\n", "", polarity > 0 ? "for" : "against",
                     polarity * item.score + 0.0, item.text);
        }
      }
    }
  }
  const std::size_t shown_sources = top == 0 ? a.sources.size() : std::min(top, a.sources.size());
  fmt::print(out, "\nSource trust{}\n",
             shown_sources < a.sources.size()
                 ? fmt::format(" (top {} of {})", shown_sources, a.sources.size())
                 : "");
  fmt::print(out, "{:>6}  {:>6}  {:>7}  {:>9}  {:<19}  {}\n", "trust", "prior", "stances",
             "agreement", "kind", "source");
  for (std::size_t i = 0; i < shown_sources; ++i) {
    const SourceAssessment& s = a.sources[i];
    const Source& src = data.sources[s.source];
    const std::string kind = src.kind == SourceKind::kOutlet
                                 ? fmt::format("outlet/{}", ToString(src.outlet_kind))
                                 : std::string(ToString(src.kind));
    if (s.carried) {
      fmt::print(out,
                 "{:>6}  {:>6}  {:>7}  {:>9}  {:<19}  {} [{}] (anonymous: carries the trust of the "
                 "outlet that vouches for it)\n",
                 "-", "-", "-", "-", kind, SourceLabel(data, s.source), src.id);
    } else {
      fmt::print(out, "{:>6.3f}  {:>6.3f}  {:>7}  {:>9}  {:<19}  {} [{}]\n", s.trust, s.prior,
                 s.stances, s.stances > 0 ? fmt::format("{:.2f}", s.agreement) : "-", kind,
                 SourceLabel(data, s.source), src.id);
    }
  }
}

void WriteJson(std::ostream& out, const Session& session, std::size_t top) {
  const auto& data = session.data();
  const auto& a = session.analysis();
  const std::size_t shown = top == 0 ? a.claims.size() : std::min(top, a.claims.size());
  const std::size_t shown_sources = top == 0 ? a.sources.size() : std::min(top, a.sources.size());
  fmt::print(
      out,
      "{{\"dataset\":{},\"algorithm\":{},\"iterations\":{},\"converged\":{},\"residual\":{:.3e},",
      text::JsonString(data.path), text::JsonString(a.algorithm), a.iterations, a.converged,
      a.residual);
  fmt::print(
      out,
      "\"counts\":{{\"claims\":{},\"sources\":{},\"stances\":{},\"reports\":{}}},\n\"claims\":[",
      data.claims.size(), data.sources.size(), data.stances.size(), data.reports.size());
  for (std::size_t i = 0; i < shown; ++i) {
    const ClaimAssessment& c = a.claims[i];
    const Claim& claim = data.claims[c.claim];
    fmt::print(
        out,
        "{}\n{{\"id\":{},\"text\":{},\"rank\":{},\"belief\":{},\"dispute\":{},\"verdict\":{},"
        "\"weight_for\":{},\"weight_against\":{},\"sources_for\":{},\"sources_against\":{},"
        "\"stances_for\":{},\"stances_against\":{},\"stances_neutral\":{}",
        i == 0 ? "" : ",", text::JsonString(claim.id), text::JsonString(claim.text), c.rank,
        Num(c.belief), Num(c.dispute), text::JsonString(ToString(c.verdict)), Num(c.weight_for),
        Num(c.weight_against), c.sources_for, c.sources_against, c.stances_for, c.stances_against,
        c.stances_neutral);
    if (claim.group != kNone)
      fmt::print(out, ",\"group\":{}", text::JsonString(data.groups[claim.group]));
    if (!claim.value.empty()) fmt::print(out, ",\"value\":{}", text::JsonString(claim.value));
    std::vector<std::string> about;
    for (Index s : claim.about) about.push_back(data.sources[s].id);
    if (!about.empty()) fmt::print(out, ",\"about\":{}", JsonStringList(about));
    out << "}";
  }
  out << "],\n\"sources\":[";
  for (std::size_t i = 0; i < shown_sources; ++i) {
    const SourceAssessment& s = a.sources[i];
    const Source& src = data.sources[s.source];
    fmt::print(out,
               "{}\n{{\"id\":{},\"name\":{},\"kind\":{},\"trust\":{},\"prior\":{},\"stances\":{},"
               "\"agreement\":{},\"anonymous\":{}}}",
               i == 0 ? "" : ",", text::JsonString(src.id),
               text::JsonString(SourceLabel(data, s.source)),
               text::JsonString(src.kind == SourceKind::kOutlet ? ToString(src.outlet_kind)
                                                                : ToString(src.kind)),
               s.carried ? "null" : Num(s.trust), Num(s.prior), s.stances, Num(s.agreement),
               src.anonymous);
  }
  out << "]}\n";
}

void WriteCsv(std::ostream& out, const Session& session, std::size_t top) {
  const auto& data = session.data();
  const auto& a = session.analysis();
  const std::size_t shown = top == 0 ? a.claims.size() : std::min(top, a.claims.size());
  out << "rank,id,text,belief,dispute,verdict,weight_for,weight_against,sources_for,"
         "sources_against,stances_neutral,group,value\n";
  for (std::size_t i = 0; i < shown; ++i) {
    const ClaimAssessment& c = a.claims[i];
    const Claim& claim = data.claims[c.claim];
    fmt::print(out, "{},{},{},{},{},{},{},{},{},{},{},{},{}\n", c.rank, text::CsvField(claim.id),
               text::CsvField(claim.text), Num(c.belief), Num(c.dispute), ToString(c.verdict),
               Num(c.weight_for), Num(c.weight_against), c.sources_for, c.sources_against,
               c.stances_neutral,
               text::CsvField(claim.group == kNone ? "" : data.groups[claim.group]),
               text::CsvField(claim.value));
  }
}

}  // namespace

OutputFormat ParseOutputFormat(std::string_view name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "json") return OutputFormat::kJson;
  if (name == "csv") return OutputFormat::kCsv;
  throw InvalidArgumentError(
      fmt::format("output format must be table, json or csv, got '{}'", name));
}

std::string ChainText(const Dataset& data, const Stance& stance) {
  std::vector<std::string> parts;
  for (Index k = stance.via_size; k > 0; --k) {
    parts.push_back("via " + SourceLabel(data, data.via[stance.via_begin + k - 1]));
  }
  if (stance.report != kNone) {
    const Report& r = data.reports[stance.report];
    parts.push_back(fmt::format("in {} ({})", SourceLabel(data, r.outlet), r.id));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

void WriteAnalysis(std::ostream& out, const Session& session, OutputFormat format,
                   std::size_t top) {
  switch (format) {
    case OutputFormat::kTable:
      WriteTable(out, session, top);
      break;
    case OutputFormat::kJson:
      WriteJson(out, session, top);
      break;
    case OutputFormat::kCsv:
      WriteCsv(out, session, top);
      break;
  }
}

void WriteExplanation(std::ostream& out, const Session& session, const scoring::Explanation& e,
                      OutputFormat format) {
  const auto& data = session.data();
  const Claim& claim = data.claims[e.claim];
  const auto& a = session.analysis();
  const auto it = std::find_if(a.claims.begin(), a.claims.end(),
                               [&](const ClaimAssessment& c) { return c.claim == e.claim; });
  if (format == OutputFormat::kTable) {
    fmt::print(out, "Claim [{}] {}\n", claim.id, claim.text);
    if (e.grouped) {
      fmt::print(out,
                 "belief {:.3f}: the claim's share of its group '{}' of alternatives (softmax of "
                 "each alternative's evidence; this one's is {:+.3f}); verdict {}; dispute {:.3f}; "
                 "rank {} of {}\n\n",
                 e.belief, data.groups[claim.group], e.log_odds, ToString(it->verdict), it->dispute,
                 it->rank, a.claims.size());
    } else {
      fmt::print(out,
                 "belief {:.3f} = sigmoid(log-odds {:+.3f}: base rate {:+.3f} + evidence {:+.3f}); "
                 "verdict {}; dispute {:.3f}; rank {} of {}\n\n",
                 e.belief, e.log_odds, e.base_log_odds, e.log_odds - e.base_log_odds,
                 ToString(it->verdict), it->dispute, it->rank, a.claims.size());
    }
    fmt::print(out,
               "Each unit is one independent piece of evidence; stances of one origin relayed "
               "several times form one unit, carried by its strongest member.\n");
    fmt::print(out, "{:>4}  {:<8}  {:>7}  {:>6}  {:>6}  {:>4}  {:>9}  {:>14}  {}\n", "unit", "side",
               "counted", "trust", "weight", "hops", "log-odds", "belief without", "stance");
    for (const auto& c : e.stances) {
      const Stance& s = data.stances[c.stance];
      std::string who = SourceLabel(data, s.holder) + Marks(data, s, c.flags, &claim.about);
      if (c.owner != s.holder) who += fmt::format(", carried by {}", SourceLabel(data, c.owner));
      const std::string chain = ChainText(data, s);
      if (!chain.empty()) who += " " + chain;
      if (c.flags & EvidenceSnapshot::kImplied) {
        who += fmt::format(" -> supports [{}]", data.claims[s.claim].id);
      }
      fmt::print(
          out, "{:>4}  {:<8}  {:>7}  {:>6.3f}  {:>6.3f}  {:>4}  {:>+9.3f}  {:>14}  {} (line {})\n",
          c.unit, c.polarity > 0 ? "supports" : "denies",
          c.counted ? "yes" : ((c.flags & EvidenceSnapshot::kImplied) ? "implied" : "relay"),
          c.owner_trust, c.weight, c.hops, c.score,
          c.counted ? fmt::format("{:.3f}", c.belief_without_unit) : "-", who, s.line);
      if (s.quote != kNone) fmt::print(out, "{:>66}\u201c{}\u201d\n", "", data.Text(s.quote));
    }
    for (Index n : e.neutral) {
      const Stance& s = data.stances[n];
      fmt::print(out, "{:>4}  {:<8}  {:>7}  {:>6}  {:>6}  {:>4}  {:>9}  {:>14}  {} {} (line {})\n",
                 "-", "neutral", "-", "-", "-", "-", "0", "-", SourceLabel(data, s.holder),
                 ChainText(data, s), s.line);
    }
    if (e.stances.empty() && e.neutral.empty()) fmt::print(out, "No stance on this claim.\n");
    return;
  }
  if (format == OutputFormat::kCsv) {
    out << "unit,polarity,counted,holder,owner,owner_trust,weight,hops,log_odds,"
           "belief_without_unit,report,via,flags,line\n";
    for (const auto& c : e.stances) {
      const Stance& s = data.stances[c.stance];
      std::vector<std::string> via;
      for (Index k = 0; k < s.via_size; ++k)
        via.push_back(data.sources[data.via[s.via_begin + k]].id);
      fmt::print(out, "{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", c.unit,
                 c.polarity > 0 ? "supports" : "denies", c.counted,
                 text::CsvField(data.sources[s.holder].id),
                 text::CsvField(data.sources[c.owner].id), Num(c.owner_trust), Num(c.weight),
                 c.hops, Num(c.score), Num(c.belief_without_unit),
                 text::CsvField(s.report == kNone ? "" : data.reports[s.report].id),
                 text::CsvField(fmt::format("{}", fmt::join(via, ";"))), c.flags, s.line);
    }
    return;
  }
  fmt::print(out,
             "{{\"claim\":{},\"text\":{},\"belief\":{},\"log_odds\":{},\"base_log_odds\":{},"
             "\"verdict\":{},\"dispute\":{},\"rank\":{},\"stances\":[",
             text::JsonString(claim.id), text::JsonString(claim.text), Num(e.belief),
             Num(e.log_odds), Num(e.base_log_odds), text::JsonString(ToString(it->verdict)),
             Num(it->dispute), it->rank);
  for (std::size_t i = 0; i < e.stances.size(); ++i) {
    const auto& c = e.stances[i];
    const Stance& s = data.stances[c.stance];
    std::vector<std::string> via;
    for (Index k = 0; k < s.via_size; ++k)
      via.push_back(data.sources[data.via[s.via_begin + k]].id);
    fmt::print(
        out,
        "{}\n{{\"unit\":{},\"polarity\":{},\"counted\":{},\"holder\":{},\"owner\":{},\"owner_"
        "trust\":{},"
        "\"weight\":{},\"hops\":{},\"log_odds\":{},\"belief_without_unit\":{},\"report\":{},"
        "\"via\":{},"
        "\"anonymous\":{},\"interested\":{},\"implied\":{},\"hedge\":{},\"line\":{}}}",
        i == 0 ? "" : ",", c.unit, text::JsonString(c.polarity > 0 ? "supports" : "denies"),
        c.counted, text::JsonString(data.sources[s.holder].id),
        text::JsonString(data.sources[c.owner].id), Num(c.owner_trust), Num(c.weight), c.hops,
        Num(c.score), Num(c.belief_without_unit),
        s.report == kNone ? "null" : text::JsonString(data.reports[s.report].id),
        JsonStringList(via), (c.flags & EvidenceSnapshot::kAnonymous) != 0,
        (c.flags & EvidenceSnapshot::kInterested) != 0, (c.flags & EvidenceSnapshot::kImplied) != 0,
        s.hedge == Hedge::kNone ? "null" : text::JsonString(ToString(s.hedge)), s.line);
  }
  out << "],\"neutral\":[";
  for (std::size_t i = 0; i < e.neutral.size(); ++i) {
    const Stance& s = data.stances[e.neutral[i]];
    fmt::print(out, "{}{{\"holder\":{},\"line\":{}}}", i == 0 ? "" : ",",
               text::JsonString(data.sources[s.holder].id), s.line);
  }
  out << "]}\n";
}

}  // namespace credence::report
