#include "credence/report/model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "credence/core/error.hpp"
#include "credence/graph/evidence.hpp"
#include "report_internal.hpp"

namespace credence::report {
namespace {

using graph::EvidenceSnapshot;

std::vector<Mark> MarksOf(const Dataset& data, const Stance& stance, std::uint8_t flags,
                          const std::vector<Index>& about) {
  std::vector<Mark> marks;
  if (data.sources[stance.holder].anonymous) marks.push_back({MarkKind::kAnonymous, "anonymous"});
  if (flags & EvidenceSnapshot::kInterested) {
    std::string party = "interested party";
    // Name the first party the holder speaks for that the claim is about.
    for (Index a : about) {
      if (a == stance.holder) {
        party += ": speaks about itself";
        break;
      }
      const auto& affil = data.sources[stance.holder].affiliations;
      if (std::find(affil.begin(), affil.end(), a) != affil.end()) {
        party += ": " + internal::SourceLabel(data, a);
        break;
      }
    }
    marks.push_back({MarkKind::kInterested, std::move(party)});
  }
  if (stance.hedge != Hedge::kNone) {
    marks.push_back({MarkKind::kHedge, std::string(ToString(stance.hedge))});
  }
  if (flags & EvidenceSnapshot::kImplied) {
    marks.push_back({MarkKind::kImplied, "implied by an alternative"});
  }
  if (stance.weight < 1.0F) {
    marks.push_back({MarkKind::kWeight, fmt::format("weight {}", stance.weight)});
  }
  return marks;
}

Chain ChainOf(const Dataset& data, const Stance& stance) {
  Chain chain;
  chain.via.reserve(stance.via_size);
  for (Index k = stance.via_size; k > 0; --k)
    chain.via.push_back(data.via[stance.via_begin + k - 1]);
  chain.report = stance.report;
  return chain;
}

// The units of an explanation (runs of one unit number), in snapshot order.
std::vector<EvidenceUnit> UnitsOf(const std::vector<scoring::StanceContribution>& stances) {
  std::vector<EvidenceUnit> units;
  for (std::size_t i = 0; i < stances.size();) {
    EvidenceUnit unit;
    unit.polarity = stances[i].polarity;
    unit.begin = i;
    unit.carrier = i;
    unit.strongest = i;
    std::size_t end = i;
    for (; end < stances.size() && stances[end].unit == stances[i].unit; ++end) {
      if (stances[end].counted) unit.carrier = end;
      if (stances[end].strongest) unit.strongest = end;
    }
    unit.end = end;
    unit.implied = (stances[unit.carrier].flags & EvidenceSnapshot::kImplied) != 0;
    units.push_back(unit);
    i = end;
  }
  return units;
}

ClaimEvidence GatherEvidence(const Dataset& data, scoring::Explanation explanation) {
  ClaimEvidence out;
  out.explanation = std::move(explanation);
  const auto& stances = out.explanation.stances;
  const auto& about = data.claims[out.explanation.claim].about;
  out.stances.reserve(stances.size());
  for (const auto& c : stances) {
    const Stance& s = data.stances[c.stance];
    out.stances.push_back({c.stance, s.holder, MarksOf(data, s, c.flags, about), ChainOf(data, s)});
  }
  for (Index n : out.explanation.neutral) {
    const Stance& s = data.stances[n];
    out.neutral.push_back({n, s.holder, {}, ChainOf(data, s)});
  }
  out.units = UnitsOf(stances);
  // Both orders break ties by snapshot order (the unit number), as a stable sort of it would.
  const auto unit_number = [&](const EvidenceUnit& u) { return stances[u.begin].unit; };
  std::sort(out.units.begin(), out.units.end(), [&](const EvidenceUnit& a, const EvidenceUnit& b) {
    if (a.polarity != b.polarity) return a.polarity > b.polarity;
    const double ca = std::abs(stances[a.carrier].unit_contribution);
    const double cb = std::abs(stances[b.carrier].unit_contribution);
    if (ca != cb) return ca > cb;
    return unit_number(a) < unit_number(b);
  });
  out.by_strength.resize(out.units.size());
  for (std::size_t i = 0; i < out.units.size(); ++i) out.by_strength[i] = i;
  std::sort(out.by_strength.begin(), out.by_strength.end(), [&](std::size_t x, std::size_t y) {
    const EvidenceUnit& a = out.units[x];
    const EvidenceUnit& b = out.units[y];
    if (a.polarity != b.polarity) return a.polarity > b.polarity;
    const double sa = stances[a.strongest].member_score;
    const double sb = stances[b.strongest].member_score;
    if (sa != sb) return sa > sb;
    return unit_number(a) < unit_number(b);
  });
  return out;
}

std::size_t Listed(std::size_t available, std::size_t top) {
  return top == 0 ? available : std::min(top, available);
}

void AddClaim(ClaimList& list, Index claim, const std::vector<char>& shown) {
  for (const ListedClaim& c : list.claims) {
    if (c.claim == claim) return;
  }
  if (list.claims.size() < ClaimList::kMaxClaims) {
    list.claims.push_back({claim, shown[claim] != 0});
  } else {
    list.more = true;
  }
}

// Each listed source's first few claims: those it took a side on, and (for outlets) those whose
// stances it relayed or published, in file order; bounded, so that a source with a million
// stances costs no more than one with ten.
void FillSourceClaims(const Dataset& data, ReportModel& report) {
  std::vector<char> shown(data.claims.size(), 0);
  for (const ClaimRow& row : report.claims) shown[row.assessment->claim] = 1;
  std::vector<ClaimList> held(data.sources.size());
  std::vector<ClaimList> relayed(data.sources.size());
  for (const Stance& s : data.stances) {
    AddClaim(held[s.holder], s.claim, shown);
    for (Index k = 0; k < s.via_size; ++k)
      AddClaim(relayed[data.via[s.via_begin + k]], s.claim, shown);
    if (s.report != kNone && data.reports[s.report].outlet != s.holder) {
      AddClaim(relayed[data.reports[s.report].outlet], s.claim, shown);
    }
  }
  for (SourceRow& row : report.sources) {
    row.held = std::move(held[row.assessment->source]);
    row.relayed = std::move(relayed[row.assessment->source]);
  }
}

TrustHistogram HistogramOf(const scoring::Analysis& analysis) {
  TrustHistogram h;
  for (const scoring::SourceAssessment& s : analysis.sources) {
    if (s.carried) continue;
    const int b = std::clamp(static_cast<int>(std::floor(s.trust * 10.0)), 0, 9);
    ++h.bins[static_cast<std::size_t>(b)];
    ++h.total;
  }
  return h;
}

}  // namespace

std::span<const EvidenceUnit> ClaimEvidence::Side(int polarity) const {
  // Supporting units come first.
  const auto first_denial = std::find_if(units.begin(), units.end(),
                                         [](const EvidenceUnit& u) { return u.polarity < 0; });
  const auto split = static_cast<std::size_t>(first_denial - units.begin());
  const std::span<const EvidenceUnit> all(units);
  return polarity > 0 ? all.first(split) : all.subspan(split);
}

std::vector<Index> ClaimsToExplain(const scoring::Analysis& analysis,
                                   const ReportOptions& options) {
  std::vector<Index> claims;
  if (options.evidence == EvidenceFor::kNone) return claims;
  const std::size_t listed = Listed(analysis.claims.size(), options.top_claims);
  for (std::size_t i = 0; i < listed; ++i) {
    const scoring::ClaimAssessment& c = analysis.claims[i];
    if (options.evidence == EvidenceFor::kAll || c.verdict == scoring::Verdict::kDisputed) {
      claims.push_back(c.claim);
    }
  }
  return claims;
}

ReportModel BuildReport(const Dataset& data, const scoring::Analysis& analysis,
                        std::vector<scoring::Explanation> explanations,
                        const ReportOptions& options) {
  const std::vector<Index> wanted = ClaimsToExplain(analysis, options);
  if (explanations.size() != wanted.size()) {
    throw InvalidArgumentError(
        fmt::format("BuildReport: {} explanations given, {} claims to explain", explanations.size(),
                    wanted.size()));
  }
  ReportModel report;
  report.data = &data;
  report.analysis = &analysis;
  report.evidence.reserve(explanations.size());
  for (std::size_t i = 0; i < explanations.size(); ++i) {
    if (explanations[i].claim != wanted[i]) {
      throw InvalidArgumentError(
          fmt::format("BuildReport: explanation {} is of claim {}, expected claim {}", i,
                      explanations[i].claim, wanted[i]));
    }
    report.evidence.push_back(GatherEvidence(data, std::move(explanations[i])));
  }
  const std::size_t listed = Listed(analysis.claims.size(), options.top_claims);
  report.claims.reserve(listed);
  std::size_t next = 0;
  for (std::size_t i = 0; i < listed; ++i) {
    const scoring::ClaimAssessment& c = analysis.claims[i];
    ClaimRow row{&c, nullptr};
    if (next < report.evidence.size() && report.evidence[next].explanation.claim == c.claim) {
      row.evidence = &report.evidence[next++];
    }
    report.claims.push_back(row);
    report.max_weight = std::max({report.max_weight, c.weight_for, c.weight_against});
  }
  const std::size_t sources = Listed(analysis.sources.size(), options.top_sources);
  report.sources.reserve(sources);
  for (std::size_t i = 0; i < sources; ++i)
    report.sources.push_back({&analysis.sources[i], {}, {}});
  if (options.source_claims) FillSourceClaims(data, report);
  report.disputed = static_cast<std::size_t>(
      std::count_if(analysis.claims.begin(), analysis.claims.end(),
                    [](const auto& c) { return c.verdict == scoring::Verdict::kDisputed; }));
  report.trust = HistogramOf(analysis);
  return report;
}

ExplainedClaim BuildExplainedClaim(const Dataset& data, const scoring::Analysis& analysis,
                                   scoring::Explanation explanation) {
  const auto it =
      std::find_if(analysis.claims.begin(), analysis.claims.end(),
                   [&](const scoring::ClaimAssessment& c) { return c.claim == explanation.claim; });
  if (it == analysis.claims.end()) {
    throw InvalidArgumentError(
        fmt::format("BuildExplainedClaim: claim {} is not in the analysis", explanation.claim));
  }
  ExplainedClaim out;
  out.data = &data;
  out.assessment = &*it;
  out.ranked_claims = analysis.claims.size();
  out.evidence = GatherEvidence(data, std::move(explanation));
  return out;
}

}  // namespace credence::report
