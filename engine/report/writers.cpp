#include "credence/report/writers.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/text/csv.hpp"
#include "credence/text/json.hpp"
#include "report_internal.hpp"

namespace credence::report {
namespace {

using graph::EvidenceSnapshot;
using internal::ExactNumber;
using internal::Fixed;
using internal::JsonNumber;
using internal::SourceLabel;
using scoring::ClaimAssessment;
using scoring::SourceAssessment;

// " (anonymous, weight 0.5)", or "" without marks.
std::string MarksText(const std::vector<Mark>& marks) {
  if (marks.empty()) return "";
  std::vector<std::string_view> texts;
  for (const Mark& m : marks) texts.push_back(m.text);
  return fmt::format(" ({})", fmt::join(texts, ", "));
}

// "via NBC News, in The Moscow Times (mt-2018-03-30)".
std::string ChainText(const Dataset& data, const Chain& chain) {
  return internal::ChainWith(
      data, chain, [&](Index s) { return SourceLabel(data, s); },
      [](const Report& r) { return r.id; });
}

// The ids of the chain's relays in the dataset's order (from the publisher back).
std::vector<std::string> ViaIds(const Dataset& data, const Chain& chain) {
  std::vector<std::string> ids;
  for (auto it = chain.via.rbegin(); it != chain.via.rend(); ++it) {
    ids.push_back(data.sources[*it].id);
  }
  return ids;
}

std::string ReportId(const Dataset& data, Index report) {
  return report == kNone ? std::string() : data.reports[report].id;
}

// "Kremlin in Moscow Times (r1), 2018-03-01: superseded on 2018-03-05 by Kremlin's support (r2)".
std::string WithdrawnLine(const Dataset& data, const WithdrawnView& w, Index claim) {
  std::string who = internal::WithChain(SourceLabel(data, w.holder), ChainText(data, w.chain));
  if (!w.time.empty()) who += ", " + w.time;
  return who + ": " +
         internal::WithdrawnText(
             w, claim, [&](Index s) { return SourceLabel(data, s); },
             [&](Index r) { return ReportId(data, r); },
             [&](Index c) { return fmt::format("[{}]", data.claims[c].id); });
}

// "as of DATE; N undated stances always count".
std::string AsOfText(const AsOf& as_of) {
  return fmt::format("as of {}; {} undated stance{} always count{}", as_of.date, as_of.undated,
                     as_of.undated == 1 ? "" : "s", as_of.undated == 1 ? "s" : "");
}

// The findings section of the table: at most kTableFindings lines, then how many more.
constexpr std::size_t kTableFindings = 10;

void WriteTableFindings(std::ostream& out, const ReportModel& report) {
  if (report.findings == nullptr || report.findings->empty()) return;
  const auto& findings = *report.findings;
  fmt::print(out, "\nFindings ({})\n", findings.size());
  for (std::size_t i = 0; i < findings.size() && i < kTableFindings; ++i) {
    fmt::print(out, "  {}\n", FindingText(*report.data, findings[i]));
  }
  if (findings.size() > kTableFindings) {
    fmt::print(out, "  and {} more (--format json lists all)\n", findings.size() - kTableFindings);
  }
}

// One table line for a unit: the member shown for it, its chain, the relays merged into it.
// The number is the unit's undiscounted log-odds, as `explain` prints it (0 for an inert unit).
void WriteUnitLine(std::ostream& out, const Dataset& data, const ClaimEvidence& ev,
                   const EvidenceUnit& unit) {
  const StanceView& view = ev.stances[unit.carrier];
  const scoring::StanceContribution& c = ev.member(unit.carrier);
  std::string line = internal::WithChain(SourceLabel(data, view.holder) + MarksText(view.marks),
                                         ChainText(data, view.chain));
  if ((c.flags & EvidenceSnapshot::kImplied) && view.alternative != kNone) {
    line += fmt::format(" -> supports [{}]", data.claims[view.alternative].id);
  }
  const auto relays =
      internal::RelayTexts(ev, unit, unit.carrier, [&](const StanceView& other, bool same_holder) {
        return (same_holder ? std::string() : SourceLabel(data, other.holder) + " ") +
               ChainText(data, other.chain) + internal::RelayMarks(other);
      });
  if (!relays.empty()) line += fmt::format("; same origin also {}", fmt::join(relays, "; "));
  if (unit.inert) {
    line += " [not evidence of its own: counted through the group]";
  } else if (c.unit_contribution == 0.0) {
    line += " [trust below 0.5: carries no weight]";
  }
  fmt::print(out, "{:>10} {:<8} {:+.2f}  {}\n", "", unit.polarity > 0 ? "for" : "against",
             c.unit_contribution + 0.0, line);
}

// The evidence lines of a listed claim: each side's units, then its echo discount.
void WriteClaimEvidence(std::ostream& out, const Dataset& data, const ClaimEvidence& ev) {
  for (int polarity : {+1, -1}) {
    for (const EvidenceUnit& unit : ev.Side(polarity)) WriteUnitLine(out, data, ev, unit);
    if (const scoring::DiscountLine* echo = ev.Echo(polarity)) {
      fmt::print(out, "{:>10} {:<8} {:+.2f}  {}\n", "", polarity > 0 ? "for" : "against",
                 echo->log_odds + 0.0, internal::EchoText(*echo));
    }
  }
  for (const WithdrawnView& w : ev.withdrawn) {
    fmt::print(out, "{:>10} {:<8} {:>5}  {}\n", "",
               w.polarity > 0   ? "for"
               : w.polarity < 0 ? "against"
                                : "neutral",
               "-", WithdrawnLine(data, w, ev.explanation.claim));
  }
}

// Wide enough for the longest verdict, "contested, likely false".
constexpr int kVerdictWidth = 23;
// An interval as internal::IntervalText prints it, "[0.41, 0.80]".
constexpr int kIntervalWidth = 12;

void WriteTableClaims(std::ostream& out, const ReportModel& report) {
  const Dataset& data = *report.data;
  fmt::print(out, "Claims ranked by dispute{}\n",
             internal::TopNote(report.claims.size(), report.analysis->claims.size()));
  fmt::print(out, "{:>4}  {:>7}  {:>6} {:<{}}  {:<{}}  {:>12}  {:>12}  {}\n", "rank", "dispute",
             "belief", "[90%]", kIntervalWidth, "verdict", kVerdictWidth, "for (n)", "against (n)",
             "claim");
  for (const ClaimRow& row : report.claims) {
    const ClaimAssessment& c = *row.assessment;
    const Claim& claim = data.claims[c.claim];
    fmt::print(out, "{:>4}  {:>7.3f}  {:>6.3f} {:<{}}  {:<{}}  {:>12}  {:>12}  [{}] {}\n", c.rank,
               c.dispute, c.belief, internal::IntervalText(row.belief_interval), kIntervalWidth,
               ToString(c.verdict), kVerdictWidth,
               fmt::format("{:.2f} ({})", c.weight_for, c.sources_for),
               fmt::format("{:.2f} ({})", c.weight_against, c.sources_against), claim.id,
               internal::Shorten(claim.text, 70, 69));
    if (row.evidence != nullptr) WriteClaimEvidence(out, data, *row.evidence);
  }
}

// A coin as the sources table prints it, "0.812", or "-" when the result gives none.
std::string CoinText(const std::optional<Reliability>& r, double Reliability::*coin) {
  return r ? fmt::format("{:.3f}", (*r).*coin) : "-";
}

void WriteTableSources(std::ostream& out, const ReportModel& report) {
  const Dataset& data = *report.data;
  fmt::print(out, "\nSource trust{}\n",
             internal::TopNote(report.sources.size(), report.analysis->sources.size()));
  if (report.reliabilities) fmt::print(out, "{}\n", internal::kCoinsLegend);
  fmt::print(out, "{:>6} {:<{}}  {:>5}  {:>5}  {:>6}  {:>7}  {:>9}  {:<19}  {}\n", "trust", "[90%]",
             kIntervalWidth, "sens.", "spec.", "prior", "stances", "agreement", "kind", "source");
  for (const SourceRow& row : report.sources) {
    const SourceAssessment& s = *row.assessment;
    const Source& src = data.sources[s.source];
    const std::string kind = internal::KindText(src);
    if (s.carried) {
      fmt::print(out,
                 "{:>6} {:<{}}  {:>5}  {:>5}  {:>6}  {:>7}  {:>9}  {:<19}  {} [{}] (anonymous: "
                 "carries the trust of the outlet that vouches for it)\n",
                 "-", "-", kIntervalWidth, "-", "-", "-", "-", "-", kind,
                 SourceLabel(data, s.source), src.id);
    } else {
      const std::optional<Interval> interval =
          row.reliability ? std::optional<Interval>(row.reliability->trust) : std::nullopt;
      fmt::print(out, "{:>6.3f} {:<{}}  {:>5}  {:>5}  {:>6.3f}  {:>7}  {:>9}  {:<19}  {} [{}]\n",
                 s.trust, internal::IntervalText(interval), kIntervalWidth,
                 CoinText(row.reliability, &Reliability::sensitivity),
                 CoinText(row.reliability, &Reliability::specificity), s.prior, s.stances,
                 s.stances > 0 ? fmt::format("{:.2f}", s.agreement) : "-", kind,
                 SourceLabel(data, s.source), src.id);
    }
  }
}

void WriteTable(std::ostream& out, const ReportModel& report) {
  const Dataset& data = *report.data;
  const scoring::Analysis& a = *report.analysis;
  fmt::print(out, "Credence conflict report: {}\n", data.path);
  fmt::print(out,
             "{} claims, {} sources, {} stances; {} disputed, {} contested. Model: {}, {} after {} "
             "iterations (largest last change {:.1e}){}.\n\n",
             data.claims.size(), data.sources.size(), data.stances.size(), report.disputed,
             report.contested, a.algorithm, a.converged ? "converged" : "NOT converged",
             a.iterations, a.residual,
             report.base_rate ? fmt::format("; base rate {:.3f}", *report.base_rate) : "");
  if (report.as_of) fmt::print(out, "Evidence {}.\n\n", AsOfText(*report.as_of));
  WriteTableClaims(out, report);
  WriteTableSources(out, report);
  WriteTableFindings(out, report);
}

std::int64_t Count(std::size_t n) { return static_cast<std::int64_t>(n); }

// "belief_low" and "belief_high" (or the `prefix`ed keys) when there is an interval.
void WriteIntervalJson(text::JsonWriter& w, std::string_view prefix,
                       const std::optional<Interval>& interval) {
  if (!interval) return;
  w.Key(fmt::format("{}_low", prefix)).Number(JsonNumber(interval->low));
  w.Key(fmt::format("{}_high", prefix)).Number(JsonNumber(interval->high));
}

// "PREFIXtrust_low", "PREFIXtrust_high", "PREFIXsensitivity", "PREFIXspecificity" when known.
void WriteReliabilityJson(text::JsonWriter& w, std::string_view prefix,
                          const std::optional<Reliability>& r) {
  if (!r) return;
  WriteIntervalJson(w, fmt::format("{}trust", prefix), r->trust);
  w.Key(fmt::format("{}sensitivity", prefix)).Number(JsonNumber(r->sensitivity));
  w.Key(fmt::format("{}specificity", prefix)).Number(JsonNumber(r->specificity));
}

void WriteClaimJson(text::JsonWriter& w, const Dataset& data, const ClaimRow& row) {
  const ClaimAssessment& c = *row.assessment;
  const Claim& claim = data.claims[c.claim];
  w.BeginObject().Key("id").String(claim.id).Key("text").String(claim.text);
  w.Key("rank").Int(c.rank).Key("belief").Number(JsonNumber(c.belief));
  WriteIntervalJson(w, "belief", row.belief_interval);
  w.Key("dispute").Number(JsonNumber(c.dispute)).Key("verdict").String(ToString(c.verdict));
  w.Key("weight_for").Number(JsonNumber(c.weight_for));
  w.Key("weight_against").Number(JsonNumber(c.weight_against));
  w.Key("sources_for").Int(c.sources_for).Key("sources_against").Int(c.sources_against);
  w.Key("stances_for").Int(c.stances_for).Key("stances_against").Int(c.stances_against);
  w.Key("stances_neutral").Int(c.stances_neutral);
  if (claim.group != kNone) w.Key("group").String(data.groups[claim.group]);
  if (!claim.value.empty()) w.Key("value").String(claim.value);
  if (!claim.about.empty()) {
    std::vector<std::string> about;
    for (Index s : claim.about) about.push_back(data.sources[s].id);
    w.Key("about").StringList(about);
  }
  w.EndObject();
}

void WriteSourceJson(text::JsonWriter& w, const Dataset& data, const SourceRow& row) {
  const SourceAssessment& s = *row.assessment;
  const Source& src = data.sources[s.source];
  w.BeginObject().Key("id").String(src.id).Key("name").String(SourceLabel(data, s.source));
  w.Key("kind").String(src.kind == SourceKind::kOutlet ? ToString(src.outlet_kind)
                                                       : ToString(src.kind));
  w.Key("trust").Number(s.carried ? "null" : JsonNumber(s.trust));
  WriteReliabilityJson(w, "", row.reliability);
  w.Key("prior").Number(JsonNumber(s.prior)).Key("stances").Int(s.stances);
  w.Key("agreement").Number(JsonNumber(s.agreement)).Key("anonymous").Bool(src.anonymous);
  w.EndObject();
}

// "as_of": {"date": ..., "undated": N}, when set.
void WriteAsOfJson(text::JsonWriter& w, const std::optional<AsOf>& as_of) {
  if (!as_of) return;
  w.Key("as_of").BeginObject().Key("date").String(as_of->date);
  w.Key("undated").Int(Count(as_of->undated)).EndObject();
}

void WriteFindingJson(text::JsonWriter& w, const Dataset& data, const graph::Finding& f) {
  std::vector<std::string> claims;
  for (Index c : f.claims) claims.push_back(data.claims[c].id);
  std::vector<std::string> reports;
  for (Index r : graph::FindingReports(data, f)) reports.push_back(data.reports[r].id);
  w.BeginObject().Key("kind").String(graph::ToString(f.kind)).Key("source");
  if (f.source == kNone) {
    w.Null();
  } else {
    w.String(data.sources[f.source].id);
  }
  w.Key("claims").StringList(claims).Key("reports").StringList(reports);
  w.Key("times")
      .StringList(graph::FindingTimes(data, f))
      .Key("text")
      .String(FindingText(data, f))
      .EndObject();
}

// The rows are written to `out` one at a time, so that a large report is not held twice.
void WriteJson(std::ostream& out, const ReportModel& report) {
  const Dataset& data = *report.data;
  const scoring::Analysis& a = *report.analysis;
  std::string buffer;
  text::JsonWriter w(&buffer);
  w.BeginObject().Key("dataset").String(data.path).Key("algorithm").String(a.algorithm);
  w.Key("iterations").Int(a.iterations).Key("converged").Bool(a.converged);
  w.Key("residual").Number(fmt::format("{:.3e}", a.residual));
  if (report.base_rate) w.Key("base_rate").Number(JsonNumber(*report.base_rate));
  WriteAsOfJson(w, report.as_of);
  w.Key("counts").BeginObject().Key("claims").Int(Count(data.claims.size()));
  w.Key("sources").Int(Count(data.sources.size())).Key("stances").Int(Count(data.stances.size()));
  w.Key("reports").Int(Count(data.reports.size())).EndObject();
  w.Newline().Key("claims").BeginArray();
  for (const ClaimRow& row : report.claims) {
    WriteClaimJson(w.Newline(), data, row);
    out << buffer;
    buffer.clear();
  }
  w.EndArray().Newline().Key("sources").BeginArray();
  for (const SourceRow& row : report.sources) {
    WriteSourceJson(w.Newline(), data, row);
    out << buffer;
    buffer.clear();
  }
  w.EndArray();
  if (report.findings != nullptr) {
    w.Newline().Key("findings").BeginArray();
    for (const graph::Finding& f : *report.findings) {
      WriteFindingJson(w.Newline(), data, f);
      out << buffer;
      buffer.clear();
    }
    w.EndArray();
  }
  w.EndObject();
  out << buffer << "\n";
}

void WriteCsv(std::ostream& out, const ReportModel& report) {
  const Dataset& data = *report.data;
  out << "rank,id,text,belief,dispute,verdict,weight_for,weight_against,sources_for,"
         "sources_against,stances_neutral,group,value,belief_low,belief_high\n";
  for (const ClaimRow& row : report.claims) {
    const ClaimAssessment& c = *row.assessment;
    const Claim& claim = data.claims[c.claim];
    fmt::print(out, "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", c.rank,
               text::CsvField(claim.id), text::CsvField(claim.text), JsonNumber(c.belief),
               JsonNumber(c.dispute), text::CsvField(ToString(c.verdict)), JsonNumber(c.weight_for),
               JsonNumber(c.weight_against), c.sources_for, c.sources_against, c.stances_neutral,
               text::CsvField(claim.group == kNone ? "" : data.groups[claim.group]),
               text::CsvField(claim.value),
               row.belief_interval ? JsonNumber(row.belief_interval->low) : "",
               row.belief_interval ? JsonNumber(row.belief_interval->high) : "");
  }
}

// "+3.283", or "+inf" for a claim alone in its group.
std::string LogOdds(double v) {
  return std::isfinite(v) ? fmt::format("{:+.3f}", v + 0.0) : "+inf";
}

// What the claim's belief is and how its log-odds add up: the first lines of the table.
void WriteExplanationHeader(std::ostream& out, const ExplainedClaim& x) {
  const Dataset& data = *x.data;
  const ClaimEvidence& ev = x.evidence;
  const scoring::Explanation& e = ev.explanation;
  const ClaimAssessment& a = *x.assessment;
  const Claim& claim = data.claims[e.claim];
  fmt::print(out, "Claim [{}] {}\n", claim.id, claim.text);
  std::string belief;
  if (x.algorithm != "credence") {
    belief = fmt::format("belief {:.3f} by {}", e.belief, x.algorithm);
  } else {
    belief = fmt::format("belief {:.3f} = sigmoid(log-odds {})", e.belief, LogOdds(e.log_odds));
    if (e.grouped) {
      belief +=
          fmt::format(", its share of the group '{}' of alternatives", data.groups[claim.group]);
    }
  }
  if (x.belief_interval) {
    belief += fmt::format(", 90% interval {}", internal::IntervalText(x.belief_interval));
  }
  fmt::print(out, "{}; verdict {}; dispute {:.3f}; rank {} of {}\n", belief, ToString(a.verdict),
             a.dispute, a.rank, x.ranked_claims);
  if (x.as_of) fmt::print(out, "Evidence {}.\n", AsOfText(*x.as_of));
  std::string sum = fmt::format("log-odds {} = ", LogOdds(e.log_odds));
  if (!e.grouped) sum += fmt::format("base rate {:+.3f} + ", e.base_log_odds + 0.0);
  sum += fmt::format("stances {:+.3f} + discounts {:+.3f}", ev.stances_log_odds + 0.0,
                     ev.discounts_log_odds + 0.0);
  if (e.grouped && !std::isfinite(e.log_odds)) {
    sum += " (no other claim of its group has evidence: nothing shares the belief)";
  }
  if (x.algorithm != "credence") {
    sum += fmt::format(": the default rule weighing {}'s trusts (it would give belief {:.3f})",
                       x.algorithm,
                       std::isfinite(e.log_odds) ? 1.0 / (1.0 + std::exp(-e.log_odds)) : 1.0);
  }
  fmt::print(out, "{}\n\n", sum);
  fmt::print(out,
             "Each unit is one independent piece of evidence, carried by its strongest member; "
             "relays and copies of its origin and inert denials (implied or merged into a "
             "position) add 0. Log-odds column: base rate + every line = the claim's log-odds.\n");
  fmt::print(out, "{:>4}  {:<8}  {:>8}  {:>6}  {:>6}  {:>4}  {:>9}  {:>14}  {}\n", "unit", "side",
             "counted", "trust", "weight", "hops", "log-odds", "belief without", "stance");
}

// "yes", "relay", "copy", "implied" or "position": the part a member plays in its unit.
std::string_view Counted(const scoring::StanceContribution& c) {
  if (c.counted) return "yes";
  if (c.flags & EvidenceSnapshot::kImplied) return "implied";
  if (c.flags & (EvidenceSnapshot::kPosition | EvidenceSnapshot::kHeld)) return "position";
  if (c.flags & EvidenceSnapshot::kCopy) return "copy";
  return "relay";
}

void WriteDiscountRows(std::ostream& out, const Dataset& data, const ClaimEvidence& ev) {
  for (const scoring::DiscountLine& d : ev.explanation.discounts) {
    std::string text;
    std::string_view side = "-";
    if (d.kind == scoring::DiscountLine::Kind::kEcho) {
      text = internal::EchoText(d);
      side = d.polarity > 0 ? "supports" : "denies";
    } else {
      text = fmt::format("alternatives: the share of the other claims of group '{}'",
                         data.groups[data.claims[ev.explanation.claim].group]);
    }
    fmt::print(out, "{:>4}  {:<8}  {:>8}  {:>6}  {:>6}  {:>4}  {:>+9.3f}  {:>14}  {}\n", "-", side,
               "discount", "", "", "", d.log_odds + 0.0, "-", text);
  }
}

void WriteExplanationTable(std::ostream& out, const ExplainedClaim& x) {
  const Dataset& data = *x.data;
  const ClaimEvidence& ev = x.evidence;
  WriteExplanationHeader(out, x);
  for (std::size_t i = 0; i < ev.stances.size(); ++i) {
    const scoring::StanceContribution& c = ev.member(i);
    const StanceView& view = ev.stances[i];
    const Stance& s = data.stances[c.stance];
    std::string who = SourceLabel(data, view.holder) + MarksText(view.marks);
    if (c.owner != view.holder) who += fmt::format(", carried by {}", SourceLabel(data, c.owner));
    who = internal::WithChain(std::move(who), ChainText(data, view.chain));
    if ((c.flags & EvidenceSnapshot::kImplied) && view.alternative != kNone) {
      who += fmt::format(" -> supports [{}]", data.claims[view.alternative].id);
    }
    fmt::print(
        out, "{:>4}  {:<8}  {:>8}  {:>6.3f}  {:>6.3f}  {:>4}  {:>+9.3f}  {:>14}  {} (line {})\n",
        c.unit, c.polarity > 0 ? "supports" : "denies", Counted(c), c.owner_trust, c.weight, c.hops,
        c.score + 0.0, c.counted ? fmt::format("{:.3f}", c.belief_without_unit) : "-", who, s.line);
    if (s.quote != kNone) fmt::print(out, "{:>67}\u201c{}\u201d\n", "", data.Text(s.quote));
  }
  WriteDiscountRows(out, data, ev);
  for (const StanceView& view : ev.neutral) {
    fmt::print(out, "{:>4}  {:<8}  {:>8}  {:>6}  {:>6}  {:>4}  {:>9}  {:>14}  {} {} (line {})\n",
               "-", "neutral", "-", "-", "-", "-", "0", "-", SourceLabel(data, view.holder),
               ChainText(data, view.chain), data.stances[view.stance].line);
  }
  for (const WithdrawnView& w : ev.withdrawn) {
    fmt::print(out, "{:>4}  {:<8}  {:>8}  {:>6}  {:>6}  {:>4}  {:>9}  {:>14}  {} (line {})\n", "-",
               internal::SideWord(w.polarity), "no", "-", "-", "-", "0", "-",
               WithdrawnLine(data, w, ev.explanation.claim), data.stances[w.stance].line);
  }
  if (ev.stances.empty() && ev.neutral.empty() && ev.withdrawn.empty()) {
    fmt::print(out, "No stance on this claim.\n");
  }
}

// The copied stance's report id and holder id ("" and "" when not a copy).
std::pair<std::string, std::string> CopyOf(const Dataset& data,
                                           const scoring::StanceContribution& c) {
  if (c.copied_stance == kNone) return {};
  const Stance& copied = data.stances[c.copied_stance];
  return {copied.report == kNone ? std::string() : data.reports[copied.report].id,
          data.sources[copied.holder].id};
}

std::string ClaimIdOr(const Dataset& data, Index claim) {
  return claim == kNone ? std::string() : data.claims[claim].id;
}

// The four owner columns of a stance row of the explanation CSV: trust_low, trust_high,
// sensitivity, specificity; empty fields when the result gives none.
std::string OwnerCsv(const std::optional<Reliability>& r) {
  if (!r) return ",,,";
  return fmt::format("{},{},{},{}", JsonNumber(r->trust.low), JsonNumber(r->trust.high),
                     JsonNumber(r->sensitivity), JsonNumber(r->specificity));
}

// CSV: one row a line of the explanation. `row` says which: base, stance, echo discount,
// alternatives, total; the log_odds of every row but the total add up to the total's.
void WriteExplanationCsv(std::ostream& out, const ExplainedClaim& x) {
  const Dataset& data = *x.data;
  const ClaimEvidence& ev = x.evidence;
  const scoring::Explanation& e = ev.explanation;
  out << "row,unit,polarity,counted,holder,owner,owner_trust,weight,hops,log_odds,"
         "belief_without_unit,report,via,flags,line,copy_of_report,copy_of_holder,position,"
         "admission,alternative,units,owner_trust_low,owner_trust_high,owner_sensitivity,"
         "owner_specificity,time,state,withdrawn_on,withdrawn_in,superseded_by\n";
  fmt::print(out, "base,,,,,,,,,{},,,,,,,,,,,,,,,,,,,,\n", ExactNumber(e.base_log_odds));
  for (std::size_t i = 0; i < ev.stances.size(); ++i) {
    const scoring::StanceContribution& c = ev.member(i);
    const StanceView& view = ev.stances[i];
    const auto [copy_report, copy_holder] = CopyOf(data, c);
    fmt::print(
        out, "stance,{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},,{},{},counts,,,\n",
        c.unit, c.polarity > 0 ? "supports" : "denies", c.counted,
        text::CsvField(data.sources[view.holder].id), text::CsvField(data.sources[c.owner].id),
        JsonNumber(c.owner_trust), JsonNumber(c.weight), c.hops, ExactNumber(c.score),
        JsonNumber(c.belief_without_unit),
        text::CsvField(view.chain.report == kNone ? "" : data.reports[view.chain.report].id),
        text::CsvField(fmt::format("{}", fmt::join(ViaIds(data, view.chain), ";"))), c.flags,
        data.stances[view.stance].line, text::CsvField(copy_report), text::CsvField(copy_holder),
        (c.flags & (EvidenceSnapshot::kPosition | EvidenceSnapshot::kHeld)) != 0,
        (c.flags & EvidenceSnapshot::kAdmission) != 0,
        text::CsvField(ClaimIdOr(data, view.alternative)), OwnerCsv(view.owner),
        text::CsvField(graph::StanceTimeText(data, data.stances[view.stance])));
  }
  for (const scoring::DiscountLine& d : e.discounts) {
    if (d.kind == scoring::DiscountLine::Kind::kEcho) {
      fmt::print(out, "echo discount,,{},,,,,,,{},,,,,,,,,,,{},,,,,,,,,\n",
                 d.polarity > 0 ? "supports" : "denies", ExactNumber(d.log_odds), d.units);
    } else {
      fmt::print(out, "alternatives,,,,,,,,,{},,,,,,,,,,,,,,,,,,,,\n", ExactNumber(d.log_odds));
    }
  }
  // Withdrawn stances weigh nothing: log_odds 0, so that the rows still add up to the total.
  for (const WithdrawnView& w : ev.withdrawn) {
    fmt::print(out, "withdrawn,,{},false,{},,,,,0,,{},{},,{},,,,,,,,,,,{},{},{},{},{}\n",
               internal::SideWord(w.polarity), text::CsvField(data.sources[w.holder].id),
               text::CsvField(ReportId(data, w.chain.report)),
               text::CsvField(fmt::format("{}", fmt::join(ViaIds(data, w.chain), ";"))),
               data.stances[w.stance].line, text::CsvField(w.time),
               w.state == graph::StanceState::kRetracted ? "retracted" : "superseded",
               text::CsvField(w.withdrawn_on), text::CsvField(ReportId(data, w.withdrawn_in)),
               text::CsvField(w.by_holder == kNone ? "" : data.sources[w.by_holder].id));
  }
  // +infinity (a claim alone in its group) is an empty field.
  const std::string total = ExactNumber(e.log_odds);
  fmt::print(out, "total,,,,,,,,,{},,,,,,,,,,,,,,,,,,,,\n", total == "null" ? "" : total);
}

void WriteStanceJson(text::JsonWriter& w, const Dataset& data, const scoring::StanceContribution& c,
                     const StanceView& view) {
  const Stance& s = data.stances[view.stance];
  w.BeginObject()
      .Key("unit")
      .Int(c.unit)
      .Key("polarity")
      .String(c.polarity > 0 ? "supports" : "denies");
  w.Key("counted").Bool(c.counted).Key("holder").String(data.sources[view.holder].id);
  w.Key("owner")
      .String(data.sources[c.owner].id)
      .Key("owner_trust")
      .Number(JsonNumber(c.owner_trust));
  WriteReliabilityJson(w, "owner_", view.owner);
  w.Key("weight").Number(JsonNumber(c.weight)).Key("hops").Int(c.hops);
  w.Key("log_odds").Number(ExactNumber(c.score));
  w.Key("unit_log_odds").Number(ExactNumber(c.unit_contribution));
  w.Key("belief_without_unit").Number(JsonNumber(c.belief_without_unit)).Key("report");
  if (view.chain.report == kNone) {
    w.Null();
  } else {
    w.String(data.reports[view.chain.report].id);
  }
  w.Key("via").StringList(ViaIds(data, view.chain));
  w.Key("anonymous").Bool((c.flags & EvidenceSnapshot::kAnonymous) != 0);
  w.Key("interested").Bool((c.flags & EvidenceSnapshot::kInterested) != 0);
  w.Key("admission").Bool((c.flags & EvidenceSnapshot::kAdmission) != 0);
  w.Key("implied").Bool((c.flags & EvidenceSnapshot::kImplied) != 0);
  w.Key("position")
      .Bool((c.flags & (EvidenceSnapshot::kPosition | EvidenceSnapshot::kHeld)) != 0)
      .Key("alternative");
  if (view.alternative == kNone) {
    w.Null();
  } else {
    w.String(data.claims[view.alternative].id);
  }
  w.Key("copy_of");
  if (c.copied_stance == kNone) {
    w.Null();
  } else {
    const auto [report, holder] = CopyOf(data, c);
    w.BeginObject().Key("report").String(report).Key("holder").String(holder);
    w.Key("line").Int(data.stances[c.copied_stance].line).EndObject();
  }
  w.Key("hedge");
  if (s.hedge == Hedge::kNone) {
    w.Null();
  } else {
    w.String(ToString(s.hedge));
  }
  w.Key("line").Int(s.line).EndObject();
}

void WriteDiscountJson(text::JsonWriter& w, const scoring::DiscountLine& d) {
  w.BeginObject().Key("kind").String(ToString(d.kind));
  if (d.kind == scoring::DiscountLine::Kind::kEcho) {
    w.Key("side").String(d.polarity > 0 ? "supports" : "denies").Key("units").Int(d.units);
  }
  w.Key("log_odds").Number(ExactNumber(d.log_odds)).EndObject();
}

// A withdrawn stance: who, when, and what withdrew it ("superseded_by" or "retraction").
void WriteWithdrawnJson(text::JsonWriter& w, const Dataset& data, const WithdrawnView& v,
                        Index claim) {
  const auto string_or_null = [&](const std::string& s) {
    if (s.empty()) {
      w.Null();
    } else {
      w.String(s);
    }
  };
  w.BeginObject().Key("holder").String(data.sources[v.holder].id);
  w.Key("polarity").String(internal::SideWord(v.polarity)).Key("report");
  string_or_null(ReportId(data, v.chain.report));
  w.Key("via").StringList(ViaIds(data, v.chain)).Key("time");
  string_or_null(v.time);
  const bool retracted = v.state == graph::StanceState::kRetracted;
  w.Key("state").String(retracted ? "retracted" : "superseded").Key("withdrawn_on");
  string_or_null(v.withdrawn_on);
  w.Key("withdrawn_in");
  string_or_null(ReportId(data, v.withdrawn_in));
  if (!retracted && v.by_holder != kNone) {
    w.Key("superseded_by").BeginObject().Key("holder").String(data.sources[v.by_holder].id);
    w.Key("polarity").String(internal::SideWord(v.by_polarity));
    w.Key("claim").String(ClaimIdOr(data, v.by_claim)).Key("report");
    string_or_null(ReportId(data, v.withdrawn_in));
    w.Key("time");
    string_or_null(v.withdrawn_on);
    w.EndObject();
  }
  w.Key("text").String(WithdrawnLine(data, v, claim)).Key("line");
  w.Int(data.stances[v.stance].line).EndObject();
}

void WriteExplanationJson(std::ostream& out, const ExplainedClaim& x) {
  const Dataset& data = *x.data;
  const ClaimEvidence& ev = x.evidence;
  const scoring::Explanation& e = ev.explanation;
  const Claim& claim = data.claims[e.claim];
  std::string buffer;
  text::JsonWriter w(&buffer);
  w.BeginObject().Key("claim").String(claim.id).Key("text").String(claim.text);
  w.Key("algorithm").String(x.algorithm);
  w.Key("belief").Number(JsonNumber(e.belief));
  WriteIntervalJson(w, "belief", x.belief_interval);
  w.Key("log_odds").Number(ExactNumber(e.log_odds));
  w.Key("base_log_odds").Number(ExactNumber(e.base_log_odds)).Key("group");
  if (claim.group == kNone) {
    w.Null();
  } else {
    w.String(data.groups[claim.group]);
  }
  w.Key("verdict").String(ToString(x.assessment->verdict));
  w.Key("dispute").Number(JsonNumber(x.assessment->dispute)).Key("rank").Int(x.assessment->rank);
  WriteAsOfJson(w, x.as_of);
  w.Key("stances").BeginArray();
  for (std::size_t i = 0; i < ev.stances.size(); ++i) {
    WriteStanceJson(w.Newline(), data, ev.member(i), ev.stances[i]);
  }
  w.EndArray().Key("discounts").BeginArray();
  for (const scoring::DiscountLine& d : e.discounts) WriteDiscountJson(w.Newline(), d);
  w.EndArray().Key("neutral").BeginArray();
  for (const StanceView& view : ev.neutral) {
    w.BeginObject().Key("holder").String(data.sources[view.holder].id);
    w.Key("line").Int(data.stances[view.stance].line).EndObject();
  }
  w.EndArray().Key("withdrawn").BeginArray();
  for (const WithdrawnView& v : ev.withdrawn) WriteWithdrawnJson(w.Newline(), data, v, e.claim);
  w.EndArray().EndObject();
  out << buffer << "\n";
}

}  // namespace

OutputFormat ParseOutputFormat(std::string_view name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "json") return OutputFormat::kJson;
  if (name == "csv") return OutputFormat::kCsv;
  throw InvalidArgumentError(
      fmt::format("output format must be table, json or csv, got '{}'", name));
}

ReportOptions AnalysisReportOptions(OutputFormat format, std::size_t top) {
  ReportOptions options;
  options.top_claims = top;
  options.top_sources = top;
  options.evidence = format == OutputFormat::kTable ? EvidenceFor::kDisputed : EvidenceFor::kNone;
  return options;
}

void WriteAnalysis(std::ostream& out, const ReportModel& report, OutputFormat format) {
  switch (format) {
    case OutputFormat::kTable:
      WriteTable(out, report);
      break;
    case OutputFormat::kJson:
      WriteJson(out, report);
      break;
    case OutputFormat::kCsv:
      WriteCsv(out, report);
      break;
  }
}

void WriteExplanation(std::ostream& out, const ExplainedClaim& claim, OutputFormat format) {
  switch (format) {
    case OutputFormat::kTable:
      WriteExplanationTable(out, claim);
      break;
    case OutputFormat::kJson:
      WriteExplanationJson(out, claim);
      break;
    case OutputFormat::kCsv:
      WriteExplanationCsv(out, claim);
      break;
  }
}

}  // namespace credence::report
