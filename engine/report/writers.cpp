#include "credence/report/writers.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <string>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/text/csv.hpp"
#include "credence/text/json.hpp"
#include "report_internal.hpp"

namespace credence::report {
namespace {

using graph::EvidenceSnapshot;
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

// One table line for a unit: its strongest member, its chain, the relays merged into it.
void WriteUnitLine(std::ostream& out, const Dataset& data, const ClaimEvidence& ev,
                   const EvidenceUnit& unit) {
  const StanceView& view = ev.stances[unit.strongest];
  std::string line = internal::WithChain(SourceLabel(data, view.holder) + MarksText(view.marks),
                                         ChainText(data, view.chain));
  const auto relays = internal::RelayTexts(
      ev, unit, unit.strongest, [&](const StanceView& other, bool same_holder) {
        return (same_holder ? std::string() : SourceLabel(data, other.holder) + " ") +
               ChainText(data, other.chain);
      });
  if (!relays.empty()) line += fmt::format("; same origin also {}", fmt::join(relays, "; "));
  const double score = ev.member(unit.strongest).member_score;
  if (score <= 0) line += " [trust below 0.5: carries no weight]";
  fmt::print(out, "{:>10} {:<8} {:+.2f}  {}\n", "", unit.polarity > 0 ? "for" : "against",
             unit.polarity * score + 0.0, line);
}

void WriteTableClaims(std::ostream& out, const ReportModel& report) {
  const Dataset& data = *report.data;
  fmt::print(out, "Claims ranked by dispute{}\n",
             internal::TopNote(report.claims.size(), report.analysis->claims.size()));
  fmt::print(out, "{:>4}  {:>7}  {:>6}  {:<12}  {:>12}  {:>12}  {}\n", "rank", "dispute", "belief",
             "verdict", "for (n)", "against (n)", "claim");
  for (const ClaimRow& row : report.claims) {
    const ClaimAssessment& c = *row.assessment;
    const Claim& claim = data.claims[c.claim];
    fmt::print(out, "{:>4}  {:>7.3f}  {:>6.3f}  {:<12}  {:>12}  {:>12}  [{}] {}\n", c.rank,
               c.dispute, c.belief, ToString(c.verdict),
               fmt::format("{:.2f} ({})", c.weight_for, c.sources_for),
               fmt::format("{:.2f} ({})", c.weight_against, c.sources_against), claim.id,
               internal::Shorten(claim.text, 70, 69));
    if (row.evidence == nullptr) continue;
    for (std::size_t u : row.evidence->by_strength) {
      WriteUnitLine(out, data, *row.evidence, row.evidence->units[u]);
    }
  }
}

void WriteTableSources(std::ostream& out, const ReportModel& report) {
  const Dataset& data = *report.data;
  fmt::print(out, "\nSource trust{}\n",
             internal::TopNote(report.sources.size(), report.analysis->sources.size()));
  fmt::print(out, "{:>6}  {:>6}  {:>7}  {:>9}  {:<19}  {}\n", "trust", "prior", "stances",
             "agreement", "kind", "source");
  for (const SourceRow& row : report.sources) {
    const SourceAssessment& s = *row.assessment;
    const Source& src = data.sources[s.source];
    const std::string kind = internal::KindText(src);
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

void WriteTable(std::ostream& out, const ReportModel& report) {
  const Dataset& data = *report.data;
  const scoring::Analysis& a = *report.analysis;
  fmt::print(out, "Credence conflict report: {}\n", data.path);
  fmt::print(out,
             "{} claims, {} sources, {} stances; {} disputed. Model: {}, {} after {} iterations "
             "(largest last change {:.1e}).\n\n",
             data.claims.size(), data.sources.size(), data.stances.size(), report.disputed,
             a.algorithm, a.converged ? "converged" : "NOT converged", a.iterations, a.residual);
  WriteTableClaims(out, report);
  WriteTableSources(out, report);
}

std::int64_t Count(std::size_t n) { return static_cast<std::int64_t>(n); }

void WriteClaimJson(text::JsonWriter& w, const Dataset& data, const ClaimAssessment& c) {
  const Claim& claim = data.claims[c.claim];
  w.BeginObject().Key("id").String(claim.id).Key("text").String(claim.text);
  w.Key("rank").Int(c.rank).Key("belief").Number(JsonNumber(c.belief));
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

void WriteSourceJson(text::JsonWriter& w, const Dataset& data, const SourceAssessment& s) {
  const Source& src = data.sources[s.source];
  w.BeginObject().Key("id").String(src.id).Key("name").String(SourceLabel(data, s.source));
  w.Key("kind").String(src.kind == SourceKind::kOutlet ? ToString(src.outlet_kind)
                                                       : ToString(src.kind));
  w.Key("trust").Number(s.carried ? "null" : JsonNumber(s.trust));
  w.Key("prior").Number(JsonNumber(s.prior)).Key("stances").Int(s.stances);
  w.Key("agreement").Number(JsonNumber(s.agreement)).Key("anonymous").Bool(src.anonymous);
  w.EndObject();
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
  w.Key("counts").BeginObject().Key("claims").Int(Count(data.claims.size()));
  w.Key("sources").Int(Count(data.sources.size())).Key("stances").Int(Count(data.stances.size()));
  w.Key("reports").Int(Count(data.reports.size())).EndObject();
  w.Newline().Key("claims").BeginArray();
  for (const ClaimRow& row : report.claims) {
    WriteClaimJson(w.Newline(), data, *row.assessment);
    out << buffer;
    buffer.clear();
  }
  w.EndArray().Newline().Key("sources").BeginArray();
  for (const SourceRow& row : report.sources) {
    WriteSourceJson(w.Newline(), data, *row.assessment);
    out << buffer;
    buffer.clear();
  }
  w.EndArray().EndObject();
  out << buffer << "\n";
}

void WriteCsv(std::ostream& out, const ReportModel& report) {
  const Dataset& data = *report.data;
  out << "rank,id,text,belief,dispute,verdict,weight_for,weight_against,sources_for,"
         "sources_against,stances_neutral,group,value\n";
  for (const ClaimRow& row : report.claims) {
    const ClaimAssessment& c = *row.assessment;
    const Claim& claim = data.claims[c.claim];
    fmt::print(out, "{},{},{},{},{},{},{},{},{},{},{},{},{}\n", c.rank, text::CsvField(claim.id),
               text::CsvField(claim.text), JsonNumber(c.belief), JsonNumber(c.dispute),
               ToString(c.verdict), JsonNumber(c.weight_for), JsonNumber(c.weight_against),
               c.sources_for, c.sources_against, c.stances_neutral,
               text::CsvField(claim.group == kNone ? "" : data.groups[claim.group]),
               text::CsvField(claim.value));
  }
}

void WriteExplanationHeader(std::ostream& out, const ExplainedClaim& x) {
  const Dataset& data = *x.data;
  const scoring::Explanation& e = x.evidence.explanation;
  const ClaimAssessment& a = *x.assessment;
  const Claim& claim = data.claims[e.claim];
  fmt::print(out, "Claim [{}] {}\n", claim.id, claim.text);
  if (e.grouped) {
    fmt::print(out,
               "belief {:.3f}: the claim's share of its group '{}' of alternatives (softmax of "
               "each alternative's evidence; this one's is {:+.3f}); verdict {}; dispute {:.3f}; "
               "rank {} of {}\n\n",
               e.belief, data.groups[claim.group], e.log_odds, ToString(a.verdict), a.dispute,
               a.rank, x.ranked_claims);
  } else {
    fmt::print(out,
               "belief {:.3f} = sigmoid(log-odds {:+.3f}: base rate {:+.3f} + evidence {:+.3f}); "
               "verdict {}; dispute {:.3f}; rank {} of {}\n\n",
               e.belief, e.log_odds, e.base_log_odds, e.log_odds - e.base_log_odds,
               ToString(a.verdict), a.dispute, a.rank, x.ranked_claims);
  }
  fmt::print(out,
             "Each unit is one independent piece of evidence; stances of one origin relayed "
             "several times form one unit, carried by its strongest member.\n");
  fmt::print(out, "{:>4}  {:<8}  {:>7}  {:>6}  {:>6}  {:>4}  {:>9}  {:>14}  {}\n", "unit", "side",
             "counted", "trust", "weight", "hops", "log-odds", "belief without", "stance");
}

void WriteExplanationTable(std::ostream& out, const ExplainedClaim& x) {
  const Dataset& data = *x.data;
  const ClaimEvidence& ev = x.evidence;
  WriteExplanationHeader(out, x);
  for (std::size_t i = 0; i < ev.stances.size(); ++i) {
    const scoring::StanceContribution& c = ev.member(i);
    const StanceView& view = ev.stances[i];
    const Stance& s = data.stances[c.stance];
    const bool implied = (c.flags & EvidenceSnapshot::kImplied) != 0;
    std::string who = SourceLabel(data, view.holder) + MarksText(view.marks);
    if (c.owner != view.holder) who += fmt::format(", carried by {}", SourceLabel(data, c.owner));
    who = internal::WithChain(std::move(who), ChainText(data, view.chain));
    if (implied) who += fmt::format(" -> supports [{}]", data.claims[s.claim].id);
    fmt::print(
        out, "{:>4}  {:<8}  {:>7}  {:>6.3f}  {:>6.3f}  {:>4}  {:>+9.3f}  {:>14}  {} (line {})\n",
        c.unit, c.polarity > 0 ? "supports" : "denies",
        c.counted ? "yes" : (implied ? "implied" : "relay"), c.owner_trust, c.weight, c.hops,
        c.score, c.counted ? fmt::format("{:.3f}", c.belief_without_unit) : "-", who, s.line);
    if (s.quote != kNone) fmt::print(out, "{:>66}\u201c{}\u201d\n", "", data.Text(s.quote));
  }
  for (const StanceView& view : ev.neutral) {
    fmt::print(out, "{:>4}  {:<8}  {:>7}  {:>6}  {:>6}  {:>4}  {:>9}  {:>14}  {} {} (line {})\n",
               "-", "neutral", "-", "-", "-", "-", "0", "-", SourceLabel(data, view.holder),
               ChainText(data, view.chain), data.stances[view.stance].line);
  }
  if (ev.stances.empty() && ev.neutral.empty()) fmt::print(out, "No stance on this claim.\n");
}

void WriteExplanationCsv(std::ostream& out, const ExplainedClaim& x) {
  const Dataset& data = *x.data;
  const ClaimEvidence& ev = x.evidence;
  out << "unit,polarity,counted,holder,owner,owner_trust,weight,hops,log_odds,"
         "belief_without_unit,report,via,flags,line\n";
  for (std::size_t i = 0; i < ev.stances.size(); ++i) {
    const scoring::StanceContribution& c = ev.member(i);
    const StanceView& view = ev.stances[i];
    fmt::print(out, "{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", c.unit,
               c.polarity > 0 ? "supports" : "denies", c.counted,
               text::CsvField(data.sources[view.holder].id),
               text::CsvField(data.sources[c.owner].id), JsonNumber(c.owner_trust),
               JsonNumber(c.weight), c.hops, JsonNumber(c.score), JsonNumber(c.belief_without_unit),
               text::CsvField(view.chain.report == kNone ? "" : data.reports[view.chain.report].id),
               text::CsvField(fmt::format("{}", fmt::join(ViaIds(data, view.chain), ";"))), c.flags,
               data.stances[view.stance].line);
  }
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
  w.Key("weight").Number(JsonNumber(c.weight)).Key("hops").Int(c.hops);
  w.Key("log_odds").Number(JsonNumber(c.score));
  w.Key("belief_without_unit").Number(JsonNumber(c.belief_without_unit)).Key("report");
  if (view.chain.report == kNone) {
    w.Null();
  } else {
    w.String(data.reports[view.chain.report].id);
  }
  w.Key("via").StringList(ViaIds(data, view.chain));
  w.Key("anonymous").Bool((c.flags & EvidenceSnapshot::kAnonymous) != 0);
  w.Key("interested").Bool((c.flags & EvidenceSnapshot::kInterested) != 0);
  w.Key("implied").Bool((c.flags & EvidenceSnapshot::kImplied) != 0).Key("hedge");
  if (s.hedge == Hedge::kNone) {
    w.Null();
  } else {
    w.String(ToString(s.hedge));
  }
  w.Key("line").Int(s.line).EndObject();
}

void WriteExplanationJson(std::ostream& out, const ExplainedClaim& x) {
  const Dataset& data = *x.data;
  const ClaimEvidence& ev = x.evidence;
  const scoring::Explanation& e = ev.explanation;
  const Claim& claim = data.claims[e.claim];
  std::string buffer;
  text::JsonWriter w(&buffer);
  w.BeginObject().Key("claim").String(claim.id).Key("text").String(claim.text);
  w.Key("belief").Number(JsonNumber(e.belief)).Key("log_odds").Number(JsonNumber(e.log_odds));
  w.Key("base_log_odds").Number(JsonNumber(e.base_log_odds));
  w.Key("verdict").String(ToString(x.assessment->verdict));
  w.Key("dispute").Number(JsonNumber(x.assessment->dispute)).Key("rank").Int(x.assessment->rank);
  w.Key("stances").BeginArray();
  for (std::size_t i = 0; i < ev.stances.size(); ++i) {
    WriteStanceJson(w.Newline(), data, ev.member(i), ev.stances[i]);
  }
  w.EndArray().Key("neutral").BeginArray();
  for (const StanceView& view : ev.neutral) {
    w.BeginObject().Key("holder").String(data.sources[view.holder].id);
    w.Key("line").Int(data.stances[view.stance].line).EndObject();
  }
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
