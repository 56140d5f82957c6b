#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "credence/graph/evidence.hpp"
#include "report_internal.hpp"

namespace credence::report::internal {

using graph::EvidenceSnapshot;

std::string SourceLabel(const Dataset& data, Index source) {
  const Source& src = data.sources[source];
  return src.name.empty() ? src.id : src.name;
}

std::vector<std::string> MarkList(const Dataset& data, const Stance& stance, std::uint8_t flags,
                                  const std::vector<Index>* about) {
  std::vector<std::string> marks;
  if (data.sources[stance.holder].anonymous) marks.emplace_back("anonymous");
  if (flags & EvidenceSnapshot::kInterested) {
    std::string party = "interested party";
    if (about != nullptr) {
      // Name the first party the holder speaks for that the claim is about.
      for (Index a : *about) {
        if (a == stance.holder) {
          party += ": speaks about itself";
          break;
        }
        const auto& affil = data.sources[stance.holder].affiliations;
        if (std::find(affil.begin(), affil.end(), a) != affil.end()) {
          party += ": " + SourceLabel(data, a);
          break;
        }
      }
    }
    marks.push_back(party);
  }
  if (stance.hedge != Hedge::kNone) marks.emplace_back(ToString(stance.hedge));
  if (flags & EvidenceSnapshot::kImplied) marks.emplace_back("implied by an alternative");
  if (stance.weight < 1.0F) marks.push_back(fmt::format("weight {}", stance.weight));
  return marks;
}

ClaimEvidence GatherEvidence(const Session& session, Index claim) {
  ClaimEvidence out;
  out.explanation = session.Explain(session.data().claims[claim].id);
  const auto& stances = out.explanation.stances;
  for (std::size_t i = 0; i < stances.size();) {
    std::size_t end = i;
    while (end < stances.size() && stances[end].unit == stances[i].unit) ++end;
    std::size_t carrier = i;
    for (std::size_t k = i; k < end; ++k) {
      if (stances[k].counted) carrier = k;
    }
    const auto& c = stances[carrier];
    EvidenceItem item;
    item.polarity = c.polarity;
    item.stance = c.stance;
    item.flags = c.flags;
    item.owner = c.owner;
    item.owner_trust = c.owner_trust;
    item.weight = c.weight;
    item.hops = c.hops;
    item.score = c.score;
    item.contribution = c.unit_contribution;
    item.belief_without = c.belief_without_unit;
    item.implied = (c.flags & EvidenceSnapshot::kImplied) != 0;
    for (std::size_t k = i; k < end; ++k) {
      if (k != carrier) item.relays.push_back(stances[k].stance);
    }
    out.items.push_back(std::move(item));
    i = end;
  }
  std::stable_sort(out.items.begin(), out.items.end(),
                   [](const EvidenceItem& a, const EvidenceItem& b) {
                     if (a.polarity != b.polarity) return a.polarity > b.polarity;
                     return std::abs(a.contribution) > std::abs(b.contribution);
                   });
  out.neutral = out.explanation.neutral;
  return out;
}

std::size_t CountDisputed(const scoring::Analysis& analysis) {
  return static_cast<std::size_t>(
      std::count_if(analysis.claims.begin(), analysis.claims.end(),
                    [](const auto& c) { return c.verdict == scoring::Verdict::kDisputed; }));
}

std::string Fixed(double v, int precision) {
  std::string s = fmt::format("{:.{}f}", v, precision);
  if (s.front() == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

}  // namespace credence::report::internal
