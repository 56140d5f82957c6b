#include "credence/report/model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "credence/core/error.hpp"
#include "credence/graph/evidence.hpp"
#include "report_internal.hpp"

namespace credence::report {
namespace {

using graph::EvidenceSnapshot;

// A probability fit to print: finite and within [0, 1].
bool IsProbability(double v) { return std::isfinite(v) && v >= 0.0 && v <= 1.0; }

// What the report reads of a scoring result beyond the analysis: only what is present (the
// classic algorithms leave the vectors empty and the base rate negative), sized for the dataset
// and within [0, 1]; anything else reads as absent, so that no writer prints garbage.
class ResultReader {
 public:
  ResultReader(const Dataset& data, const scoring::ScoringResult* result) {
    if (result == nullptr) return;
    const std::size_t claims = data.claims.size();
    const std::size_t sources = data.sources.size();
    if (result->belief_low.size() == claims && result->belief_high.size() == claims) {
      belief_low_ = &result->belief_low;
      belief_high_ = &result->belief_high;
    }
    if (result->trust_low.size() == sources && result->trust_high.size() == sources &&
        result->sensitivity.size() == sources && result->specificity.size() == sources) {
      result_ = result;
    }
    if (std::isfinite(result->base_rate) && result->base_rate > 0.0 && result->base_rate < 1.0) {
      base_rate_ = result->base_rate;
    }
  }

  std::optional<Interval> Belief(Index claim) const {
    if (belief_low_ == nullptr) return std::nullopt;
    return IntervalOf((*belief_low_)[claim], (*belief_high_)[claim]);
  }

  std::optional<Reliability> Source(Index source) const {
    if (result_ == nullptr) return std::nullopt;
    const auto trust = IntervalOf(result_->trust_low[source], result_->trust_high[source]);
    const double sensitivity = result_->sensitivity[source];
    const double specificity = result_->specificity[source];
    if (!trust || !IsProbability(sensitivity) || !IsProbability(specificity)) return std::nullopt;
    return Reliability{*trust, sensitivity, specificity};
  }

  std::optional<double> base_rate() const { return base_rate_; }

 private:
  static std::optional<Interval> IntervalOf(double low, double high) {
    if (!IsProbability(low) || !IsProbability(high) || low > high) return std::nullopt;
    return Interval{low, high};
  }

  const std::vector<double>* belief_low_ = nullptr;
  const std::vector<double>* belief_high_ = nullptr;
  const scoring::ScoringResult* result_ = nullptr;  // when its per-source vectors are sized
  std::optional<double> base_rate_;
};

// The parties a source speaks for: itself, its affiliations and their ancestor organisations
// (as graph::ClaimGraph::PartiesOf, read from the dataset), in breadth-first order.
std::vector<Index> PartiesOf(const Dataset& data, Index source) {
  std::vector<Index> parties{source};
  for (std::size_t i = 0; i < parties.size(); ++i) {
    const Source& s = data.sources[parties[i]];
    auto add = [&](Index p) {
      if (p != kNone && std::find(parties.begin(), parties.end(), p) == parties.end()) {
        parties.push_back(p);
      }
    };
    for (Index a : s.affiliations) add(a);
    add(s.parent);
  }
  return parties;
}

bool Contains(const std::vector<Index>& list, Index e) {
  return std::find(list.begin(), list.end(), e) != list.end();
}

// The first entity of `entities` (that `keep` accepts) the holder speaks for, or kNone.
template <typename Keep>
Index FirstParty(const std::vector<Index>& entities, const std::vector<Index>& parties, Keep keep) {
  for (Index e : entities) {
    if (keep(e) && Contains(parties, e)) return e;
  }
  return kNone;
}

// The party behind an interested (self-serving) or admission mark, by the rule of
// graph::EvidenceSnapshot::kInterested and kAdmission: for a self-serving stance the party it
// denies harm to or supports praise of, else a party the claim is about without a direction;
// for an admission the party it admits harm to or denies praise of.
Index InterestParty(const Dataset& data, const Claim& claim, Index holder, int polarity,
                    bool admission) {
  const std::vector<Index> parties = PartiesOf(data, holder);
  const auto any = [](Index) { return true; };
  const std::vector<Index>& harmed_or_favoured =
      (polarity < 0) != admission ? claim.adverse_to : claim.favours;
  const Index directed = FirstParty(harmed_or_favoured, parties, any);
  if (directed != kNone || admission) return directed;
  return FirstParty(claim.about, parties, [&](Index e) {
    return !Contains(claim.adverse_to, e) && !Contains(claim.favours, e);
  });
}

std::string PartyText(const Dataset& data, Index party, Index holder, bool admission) {
  if (party == kNone) return admission ? "against interest" : "interested party";
  if (!admission && party == holder) return "interested party: speaks about itself";
  return fmt::format("{}: {}", admission ? "against interest" : "interested party",
                     internal::SourceLabel(data, party));
}

// "same position as its support of [ID]" (or "as NAME's support" when the alternative is that
// of the stance a copy copies).
std::string PositionText(const Dataset& data, const Stance& stance, Index alternative,
                         Index alternative_holder) {
  if (alternative == kNone) return "same position as a support of another alternative";
  const std::string whose = alternative_holder == stance.holder
                                ? std::string("its")
                                : internal::SourceLabel(data, alternative_holder) + "'s";
  return fmt::format("same position as {} support of [{}]", whose, data.claims[alternative].id);
}

struct MarkInput {
  const scoring::StanceContribution* contribution;
  Index alternative;         // StanceView::alternative
  Index alternative_holder;  // whose support of it (the holder, or the copied stance's)
};

std::vector<Mark> MarksOf(const Dataset& data, const Stance& stance, const Claim& claim,
                          const MarkInput& in) {
  const scoring::StanceContribution& c = *in.contribution;
  const std::uint8_t flags = c.flags;
  std::vector<Mark> marks;
  if (data.sources[stance.holder].anonymous) marks.push_back({MarkKind::kAnonymous, "anonymous"});
  for (const bool admission : {false, true}) {
    if (!(flags & (admission ? EvidenceSnapshot::kAdmission : EvidenceSnapshot::kInterested))) {
      continue;
    }
    const Index party = InterestParty(data, claim, stance.holder, c.polarity, admission);
    marks.push_back({admission ? MarkKind::kAdmission : MarkKind::kInterested,
                     PartyText(data, party, stance.holder, admission)});
  }
  if (stance.hedge != Hedge::kNone) {
    marks.push_back({MarkKind::kHedge, std::string(ToString(stance.hedge))});
  }
  if (flags & EvidenceSnapshot::kImplied) {
    marks.push_back({MarkKind::kImplied, "implied by an alternative"});
  }
  if (flags & EvidenceSnapshot::kPosition) {
    marks.push_back(
        {MarkKind::kPosition, PositionText(data, stance, in.alternative, in.alternative_holder)});
  }
  if (flags & EvidenceSnapshot::kHeld) {
    marks.push_back(
        {MarkKind::kPosition, "position carried by its firmer denial of an alternative"});
  }
  if (c.copied_stance != kNone) {
    const Stance& copied = data.stances[c.copied_stance];
    marks.push_back(
        {MarkKind::kCopy, fmt::format("copy of {} by {}",
                                      copied.report == kNone ? "-" : data.reports[copied.report].id,
                                      internal::SourceLabel(data, copied.holder))});
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
  constexpr std::uint8_t kInertFlags =
      EvidenceSnapshot::kImplied | EvidenceSnapshot::kPosition | EvidenceSnapshot::kHeld;
  std::vector<EvidenceUnit> units;
  for (std::size_t i = 0; i < stances.size();) {
    EvidenceUnit unit;
    unit.polarity = stances[i].polarity;
    unit.begin = i;
    unit.carrier = i;
    std::size_t end = i;
    for (; end < stances.size() && stances[end].unit == stances[i].unit; ++end) {
      if (stances[end].strongest) unit.carrier = end;
    }
    unit.end = end;
    unit.inert = !stances[unit.carrier].counted && (stances[unit.carrier].flags & kInertFlags) != 0;
    units.push_back(unit);
    i = end;
  }
  return units;
}

// The alternative each position-merged or implied member stands for. An implied denial's
// stance is a support of the alternative; a position-merged denial's holder supports an
// alternative whose implied denial of this claim is among the members. O(members log members).
void FindAlternatives(const Dataset& data, const std::vector<scoring::StanceContribution>& stances,
                      std::vector<Index>* alternative, std::vector<Index>* alternative_holder) {
  alternative->assign(stances.size(), kNone);
  alternative_holder->assign(stances.size(), kNone);
  std::vector<std::pair<Index, Index>> supports;  // (holder, claim supported), first per holder
  for (const auto& c : stances) {
    if (c.flags & EvidenceSnapshot::kImplied) {
      const Stance& s = data.stances[c.stance];
      supports.emplace_back(s.holder, s.claim);
    }
  }
  std::stable_sort(supports.begin(), supports.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  const auto supported = [&](Index holder) {
    const auto it = std::lower_bound(supports.begin(), supports.end(), holder,
                                     [](const auto& p, Index h) { return p.first < h; });
    return it != supports.end() && it->first == holder ? it->second : kNone;
  };
  for (std::size_t i = 0; i < stances.size(); ++i) {
    const auto& c = stances[i];
    const Stance& s = data.stances[c.stance];
    if (c.flags & EvidenceSnapshot::kImplied) {
      (*alternative)[i] = s.claim;
      (*alternative_holder)[i] = s.holder;
    } else if (c.flags & EvidenceSnapshot::kPosition) {
      Index holder = s.holder;
      Index claim = supported(holder);
      if (claim == kNone && c.copied_stance != kNone) {
        holder = data.stances[c.copied_stance].holder;
        claim = supported(holder);
      }
      (*alternative)[i] = claim;
      (*alternative_holder)[i] = holder;
    }
  }
}

// How a withdrawn stance is shown: its own time and chain, and what withdrew it when.
WithdrawnView ViewWithdrawn(const Dataset& data, const scoring::WithdrawnStance& w) {
  const Stance& s = data.stances[w.stance];
  WithdrawnView view;
  view.stance = w.stance;
  view.holder = s.holder;
  view.polarity = static_cast<int>(s.polarity);
  view.chain = ChainOf(data, s);
  view.time = graph::StanceTimeText(data, s);
  view.state = w.state;
  if (w.state == graph::StanceState::kSuperseded && w.by < data.stances.size()) {
    const Stance& later = data.stances[w.by];
    view.by_stance = w.by;
    view.by_holder = later.holder;
    view.by_polarity = static_cast<int>(later.polarity);
    view.by_claim = later.claim;
    view.withdrawn_on = graph::StanceTimeText(data, later);
    view.withdrawn_in = later.report;
  } else if (w.state == graph::StanceState::kRetracted && w.by < data.retractions.size()) {
    const Retraction& r = data.retractions[w.by];
    view.retraction = w.by;
    view.withdrawn_on = graph::RetractionTimeText(data, r);
    view.withdrawn_in = r.report;
  }
  return view;
}

ClaimEvidence GatherEvidence(const Dataset& data, scoring::Explanation explanation,
                             const ResultReader& reader) {
  ClaimEvidence out;
  out.explanation = std::move(explanation);
  const auto& stances = out.explanation.stances;
  const Claim& claim = data.claims[out.explanation.claim];
  std::vector<Index> alternative;
  std::vector<Index> alternative_holder;
  FindAlternatives(data, stances, &alternative, &alternative_holder);
  out.stances.reserve(stances.size());
  for (std::size_t i = 0; i < stances.size(); ++i) {
    const auto& c = stances[i];
    const Stance& s = data.stances[c.stance];
    out.stances.push_back({c.stance, s.holder,
                           MarksOf(data, s, claim, {&c, alternative[i], alternative_holder[i]}),
                           ChainOf(data, s), alternative[i], reader.Source(c.owner)});
    out.stances_log_odds += c.score;
  }
  for (const scoring::DiscountLine& d : out.explanation.discounts) {
    out.discounts_log_odds += d.log_odds;
  }
  for (Index n : out.explanation.neutral) {
    const Stance& s = data.stances[n];
    out.neutral.push_back({n, s.holder, {}, ChainOf(data, s), kNone, std::nullopt});
  }
  for (const scoring::WithdrawnStance& w : out.explanation.withdrawn) {
    out.withdrawn.push_back(ViewWithdrawn(data, w));
  }
  out.units = UnitsOf(stances);
  // Ties are broken by snapshot order (the unit number), as a stable sort of it would.
  const auto unit_number = [&](const EvidenceUnit& u) { return stances[u.begin].unit; };
  std::sort(out.units.begin(), out.units.end(), [&](const EvidenceUnit& a, const EvidenceUnit& b) {
    if (a.polarity != b.polarity) return a.polarity > b.polarity;
    const double ca = std::abs(stances[a.carrier].unit_contribution);
    const double cb = std::abs(stances[b.carrier].unit_contribution);
    if (ca != cb) return ca > cb;
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

std::optional<AsOf> AsOfOf(const graph::StanceTimes* times) {
  if (times == nullptr || times->options.as_of_text.empty()) return std::nullopt;
  return AsOf{times->options.as_of_text, times->undated};
}

// "supported", "denied", "was neutral on".
std::string_view Took(Polarity polarity) {
  switch (polarity) {
    case Polarity::kSupports:
      return "supported";
    case Polarity::kDenies:
      return "denied";
    case Polarity::kNeutral:
      break;
  }
  return "was neutral on";
}

// " on DATE", or " (undated)".
std::string On(const std::string& time) { return time.empty() ? " (undated)" : " on " + time; }

std::string TimeAt(const Dataset& data, const graph::Finding& f, std::size_t i) {
  const std::vector<std::string> times = graph::FindingTimes(data, f);
  return i < times.size() ? times[i] : std::string();
}

// What the finding says, before its reports.
std::string FindingBody(const Dataset& data, const graph::Finding& f) {
  const std::string who = f.source == kNone ? "-" : internal::SourceLabel(data, f.source);
  const auto claim = [&](std::size_t i) {
    return i < f.claims.size() ? fmt::format("[{}]", data.claims[f.claims[i]].id) : "[-]";
  };
  switch (f.kind) {
    case graph::FindingKind::kReversal: {
      if (f.stances.size() < 2) break;
      const Stance& first = data.stances[f.stances.front()];
      const Stance& last = data.stances[f.stances.back()];
      return fmt::format("{} {} {}{}, then {} {}{}", who, Took(first.polarity), claim(0),
                         On(TimeAt(data, f, 0)), Took(last.polarity),
                         f.claims.size() > 1 ? claim(1) : std::string("it"),
                         On(TimeAt(data, f, 1)));
    }
    case graph::FindingKind::kRetraction: {
      if (f.stances.empty()) break;
      const Stance& s = data.stances[f.stances.front()];
      const std::string whose =
          s.holder == f.source ? "its" : internal::SourceLabel(data, s.holder) + "'s";
      return fmt::format("{} retracted {} {} of {}{}{}", who, whose,
                         s.polarity == Polarity::kDenies     ? "denial"
                         : s.polarity == Polarity::kSupports ? "support"
                                                             : "neutral stance",
                         claim(0),
                         TimeAt(data, f, 0).empty() ? "" : " (" + TimeAt(data, f, 0) + ")",
                         On(TimeAt(data, f, 1)));
    }
    case graph::FindingKind::kSelfContradiction:
      return fmt::format("{} both supported and denied {}, neither later than the other", who,
                         claim(0));
    case graph::FindingKind::kExclusiveAlternatives: {
      std::vector<std::string> ids;
      for (Index c : f.claims) ids.push_back(fmt::format("[{}]", data.claims[c].id));
      const Index group = f.claims.empty() ? kNone : data.claims[f.claims.front()].group;
      return fmt::format("{} supported {} of the group '{}' of alternatives, none later", who,
                         fmt::join(ids, " and "), group == kNone ? "-" : data.groups[group]);
    }
  }
  return who;
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

const scoring::DiscountLine* ClaimEvidence::Echo(int polarity) const {
  for (const scoring::DiscountLine& d : explanation.discounts) {
    if (d.kind == scoring::DiscountLine::Kind::kEcho && d.polarity == polarity) return &d;
  }
  return nullptr;
}

const scoring::DiscountLine* ClaimEvidence::Alternatives() const {
  for (const scoring::DiscountLine& d : explanation.discounts) {
    if (d.kind == scoring::DiscountLine::Kind::kAlternatives) return &d;
  }
  return nullptr;
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

std::string FindingText(const Dataset& data, const graph::Finding& finding) {
  std::string text =
      fmt::format("{}: {}", graph::ToString(finding.kind), FindingBody(data, finding));
  if (const std::vector<Index> reports = graph::FindingReports(data, finding); !reports.empty()) {
    std::vector<std::string_view> ids;
    for (Index r : reports) ids.push_back(data.reports[r].id);
    text += fmt::format(" (report{} {})", ids.size() == 1 ? "" : "s", fmt::join(ids, ", "));
  }
  return text;
}

std::vector<std::size_t> ReportModel::FindingsOfClaim(Index claim) const {
  std::vector<std::size_t> out;
  if (findings == nullptr) return out;
  for (std::size_t i = 0; i < findings->size(); ++i) {
    if (Contains((*findings)[i].claims, claim)) out.push_back(i);
  }
  return out;
}

std::vector<std::size_t> ReportModel::FindingsOfSource(Index source) const {
  std::vector<std::size_t> out;
  if (findings == nullptr) return out;
  for (std::size_t i = 0; i < findings->size(); ++i) {
    if ((*findings)[i].source == source) out.push_back(i);
  }
  return out;
}

ReportModel BuildReport(const Dataset& data, const scoring::Analysis& analysis,
                        std::vector<scoring::Explanation> explanations,
                        const ReportOptions& options, const scoring::ScoringResult* result,
                        const std::vector<graph::Finding>* findings,
                        const graph::StanceTimes* times) {
  const ResultReader reader(data, result);
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
    report.evidence.push_back(GatherEvidence(data, std::move(explanations[i]), reader));
  }
  const std::size_t listed = Listed(analysis.claims.size(), options.top_claims);
  report.claims.reserve(listed);
  std::size_t next = 0;
  for (std::size_t i = 0; i < listed; ++i) {
    const scoring::ClaimAssessment& c = analysis.claims[i];
    ClaimRow row{&c, nullptr, reader.Belief(c.claim)};
    if (next < report.evidence.size() && report.evidence[next].explanation.claim == c.claim) {
      row.evidence = &report.evidence[next++];
    }
    report.claims.push_back(row);
    report.max_weight = std::max({report.max_weight, c.weight_for, c.weight_against});
  }
  const std::size_t sources = Listed(analysis.sources.size(), options.top_sources);
  report.sources.reserve(sources);
  for (std::size_t i = 0; i < sources; ++i) {
    const scoring::SourceAssessment& s = analysis.sources[i];
    report.sources.push_back({&s, {}, {}, s.carried ? std::nullopt : reader.Source(s.source)});
  }
  report.reliabilities =
      std::any_of(report.sources.begin(), report.sources.end(),
                  [](const SourceRow& row) { return row.reliability.has_value(); });
  report.base_rate = reader.base_rate();
  if (options.source_claims) FillSourceClaims(data, report);
  report.disputed = static_cast<std::size_t>(
      std::count_if(analysis.claims.begin(), analysis.claims.end(),
                    [](const auto& c) { return c.verdict == scoring::Verdict::kDisputed; }));
  report.contested = static_cast<std::size_t>(
      std::count_if(analysis.claims.begin(), analysis.claims.end(), [](const auto& c) {
        return c.verdict == scoring::Verdict::kContestedTrue ||
               c.verdict == scoring::Verdict::kContestedFalse;
      }));
  report.trust = HistogramOf(analysis);
  report.findings = findings;
  report.as_of = AsOfOf(times);
  return report;
}

ExplainedClaim BuildExplainedClaim(const Dataset& data, const scoring::Analysis& analysis,
                                   scoring::Explanation explanation,
                                   const scoring::ScoringResult* result,
                                   const graph::StanceTimes* times) {
  const ResultReader reader(data, result);
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
  out.algorithm = analysis.algorithm;
  out.belief_interval = reader.Belief(explanation.claim);
  out.evidence = GatherEvidence(data, std::move(explanation), reader);
  out.as_of = AsOfOf(times);
  return out;
}

}  // namespace credence::report
