#include "credence/graph/evidence.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <span>
#include <tuple>

namespace credence::graph {
namespace {

// The key of a stance's own origin: its `origin` if given (type 1), else its holder (type 0).
struct OriginKey {
  std::uint8_t type = 0;
  Index key = kNone;
  auto operator<=>(const OriginKey&) const = default;
};

OriginKey OwnKey(const Stance& s) {
  return s.origin == kNone ? OriginKey{0, s.holder} : OriginKey{1, s.origin};
}

struct Pending {
  std::int8_t polarity;  // +1 / -1
  OriginKey key;
  std::uint8_t flags;
  Index owner;
  Index stance;
  std::uint8_t hops;
  Index copied;  // for a copy, the stance it copies; else kNone
};

bool Inert(std::uint8_t flags) {
  return (flags & (EvidenceSnapshot::kImplied | EvidenceSnapshot::kPosition |
                   EvidenceSnapshot::kHeld)) != 0;
}
// A member that cannot carry its unit (EvidenceSnapshot::CanCarry): sorted after those that can.
bool NoCarry(std::uint8_t flags) {
  return (flags & (EvidenceSnapshot::kCopy | EvidenceSnapshot::kHeld)) != 0;
}

// Relay hops between the witness and the reader: the chain is the publisher followed by the
// relays in `via`; a named holder is one more hop behind the outlet that quotes it.
std::uint8_t CountHops(const Dataset& data, const Stance& s, Index witness) {
  Index last = kNone;
  int links = 0;
  auto visit = [&](Index outlet) {
    if (outlet != last) {
      ++links;
      last = outlet;
    }
  };
  if (s.report != kNone) visit(data.reports[s.report].outlet);
  for (Index k = 0; k < s.via_size; ++k) visit(data.via[s.via_begin + k]);
  if (links == 0) return 0;
  const int hops = links - 1 + (witness != last ? 1 : 0);
  return static_cast<std::uint8_t>(std::min(hops, 255));
}

// Deterministic order of a claim's members: by unit (polarity, inert, origin key), carriers
// before the members that cannot carry (copies, held), then by every attribute that shows in the
// output, so that shuffling the input lines changes nothing. Within the carriers of a unit, the
// members of one owner are contiguous (the model credits each owner once).
bool MemberBefore(const Dataset& data, const Pending& a, const Pending& b) {
  const auto ka = std::make_tuple(-a.polarity, Inert(a.flags), a.key, NoCarry(a.flags), a.owner,
                                  a.flags, a.hops);
  const auto kb = std::make_tuple(-b.polarity, Inert(b.flags), b.key, NoCarry(b.flags), b.owner,
                                  b.flags, b.hops);
  if (ka != kb) return ka < kb;
  const Stance& sa = data.stances[a.stance];
  const Stance& sb = data.stances[b.stance];
  // The stance's claim differs only between implied members drawn from different alternatives.
  const auto ta = std::make_tuple(sa.holder, sa.claim, sa.report, sa.hedge, sa.weight, sa.via_size);
  const auto tb = std::make_tuple(sb.holder, sb.claim, sb.report, sb.hedge, sb.weight, sb.via_size);
  if (ta != tb) return ta < tb;
  for (Index k = 0; k < sa.via_size; ++k) {
    const Index va = data.via[sa.via_begin + k];
    const Index vb = data.via[sb.via_begin + k];
    if (va != vb) return va < vb;
  }
  // Stances that differ only in their texts (two quotes of one holder in one report) are ordered
  // by those texts; only stances identical in content fall back to the input order.
  const auto xa = std::make_tuple(data.Text(sa.id), data.Text(sa.quote), data.Text(sa.time));
  const auto xb = std::make_tuple(data.Text(sb.id), data.Text(sb.quote), data.Text(sb.time));
  if (xa != xb) return xa < xb;
  return a.stance < b.stance;
}

// A CSR list of stance indices by some key (claim or report), each run in stance order, built by
// a counting sort over the stance table: one sequential pass. (For claims these are the claim
// vertex's stance in-edges; walking them in the graph would fetch each edge's property through
// the CSR's backward links, a cache miss per stance at ten million stances.)
struct StanceLists {
  std::vector<Index> offsets;
  std::vector<Index> stances;

  template <typename KeyOf>
  StanceLists(const Dataset& data, std::size_t num_keys, KeyOf key_of) : offsets(num_keys + 1, 0) {
    Index listed = 0;
    for (const Stance& s : data.stances) {
      const Index k = key_of(s);
      if (k == kNone) continue;
      ++offsets[k + 1];
      ++listed;
    }
    for (std::size_t k = 0; k < num_keys; ++k) offsets[k + 1] += offsets[k];
    stances.resize(listed);
    std::vector<Index> next(offsets.begin(), offsets.end() - 1);
    for (Index i = 0; i < data.stances.size(); ++i) {
      const Index k = key_of(data.stances[i]);
      if (k != kNone) stances[next[k]++] = i;
    }
  }
  std::span<const Index> Of(Index key) const {
    return {stances.data() + offsets[key], offsets[key + 1] - offsets[key]};
  }
};

// Interest with a direction (docs/model.md): a stance is self-serving when its holder speaks for
// a party the claim harms and denies it, or a party the claim favours and supports it; an
// admission when it supports a claim harming its party or denies one favouring it. A party named
// only in `about` (no direction said) makes any stance of its speakers self-serving.
class InterestRule {
 public:
  InterestRule(const Dataset& data, const ClaimGraph& graph)
      : graph_(graph), parties_(data.sources.size()), known_(data.sources.size()) {}

  std::uint8_t Flags(const Claim& claim, Index holder, int polarity) {
    if (claim.about.empty() && claim.adverse_to.empty() && claim.favours.empty()) return 0;
    const auto names = [&](const std::vector<Index>& entities) {
      const std::vector<Index>& p = PartiesOf(holder);
      return std::any_of(entities.begin(), entities.end(),
                         [&](Index e) { return std::binary_search(p.begin(), p.end(), e); });
    };
    const bool harmed = names(claim.adverse_to);
    const bool favoured = names(claim.favours);
    // A party named in `about` and also in adverse_to or favours has its direction from those.
    bool undirected = false;
    if (!claim.about.empty()) {
      const std::vector<Index>& p = PartiesOf(holder);
      for (Index e : claim.about) {
        const auto listed = [e](const std::vector<Index>& v) {
          return std::find(v.begin(), v.end(), e) != v.end();
        };
        if (!listed(claim.adverse_to) && !listed(claim.favours) &&
            std::binary_search(p.begin(), p.end(), e)) {
          undirected = true;
          break;
        }
      }
    }
    if ((polarity < 0 && harmed) || (polarity > 0 && favoured) || undirected) {
      return EvidenceSnapshot::kInterested;
    }
    if (harmed || favoured) return EvidenceSnapshot::kAdmission;
    return 0;
  }

 private:
  // The parties each holder speaks for, computed on first need (only claims naming parties ask).
  const std::vector<Index>& PartiesOf(Index source) {
    if (!known_[source]) {
      parties_[source] = graph_.PartiesOf(source);
      known_[source] = true;
    }
    return parties_[source];
  }

  const ClaimGraph& graph_;
  std::vector<std::vector<Index>> parties_;
  std::vector<bool> known_;
};

// How firmly a stance is stated, as the data says it (no model factor): its hedge class (0: none;
// 1: reportedly, allegedly, claims, says; 2: may, might, unconfirmed, rumour) and its weight.
struct Firmness {
  int hedge = 0;
  float weight = 1.0F;
};

Firmness FirmnessOf(const Stance& s) {
  int hedge = 0;
  switch (s.hedge) {
    case Hedge::kNone:
      hedge = 0;
      break;
    case Hedge::kReportedly:
    case Hedge::kAllegedly:
    case Hedge::kClaims:
    case Hedge::kSays:
      hedge = 1;
      break;
    case Hedge::kMay:
    case Hedge::kMight:
    case Hedge::kUnconfirmed:
    case Hedge::kRumour:
      hedge = 2;
      break;
  }
  return {hedge, s.weight};
}

// Whether `a` is stated more firmly than `b` in every respect and strictly in one: no stronger a
// hedge and no lower a weight, and a weaker hedge or a higher weight. Whatever the model's hedge
// factors (each in (0, 1], a strong hedge weighing no more than a weak one), `a` then weighs
// at least as much as `b`.
bool Firmer(const Firmness& a, const Firmness& b) {
  return a.hedge <= b.hedge && a.weight >= b.weight && (a.hedge < b.hedge || a.weight > b.weight);
}

// One position per holder per group (docs/model.md): a holder that supports an alternative of a
// group and explicitly denies another holds one position, carried by its strongest part:
//  - by its supports (the explicit denials merge with the denials the supports imply: kPosition,
//    keyed by the origin of the holder's support, whatever their own origin);
//  - or, when one of its explicit denials is stated more firmly (Firmer) than every one of its
//    supports in the group, by its explicit denials, weighed as if the holder supported nothing;
//    its supports and the denials they imply are then shown but weigh nothing (kHeld).
// A support that is a citation copy (`is_copy`) is the copied stance's evidence, not its holder's
// position: it neither merges the holder's own denials (else adding a copy, which carries
// nothing, would take the holder's own denial out of the evidence) nor is held. Copies of
// denials do not decide the carrier either.
class Positions {
 public:
  template <typename IsCopy>
  Positions(const Dataset& data, const std::vector<std::vector<Index>>& group_claims,
            const StanceLists& on_claim, IsCopy is_copy)
      : supports_(group_claims.size()), by_denials_(group_claims.size()) {
    for (std::size_t g = 0; g < group_claims.size(); ++g) {
      for (Index c : group_claims[g]) {
        for (Index i : on_claim.Of(c)) {
          const Stance& s = data.stances[i];
          if (s.polarity == Polarity::kSupports && !is_copy(i)) {
            supports_[g].push_back({s.holder, c, OwnKey(s), FirmnessOf(s)});
          }
        }
      }
      std::sort(supports_[g].begin(), supports_[g].end(), [](const Support& a, const Support& b) {
        return std::tie(a.holder, a.key, a.claim) < std::tie(b.holder, b.key, b.claim);
      });
    }
    // The holders whose position is carried by an explicit denial, per group.
    for (std::size_t g = 0; g < group_claims.size(); ++g) {
      for (Index c : group_claims[g]) {
        for (Index i : on_claim.Of(c)) {
          const Stance& s = data.stances[i];
          if (s.polarity != Polarity::kDenies || is_copy(i) || !SupportsAnother(g, s.holder, c)) {
            continue;
          }
          const Firmness f = FirmnessOf(s);
          const auto [lo, hi] = Of(g, s.holder);
          if (std::all_of(lo, hi, [&](const Support& t) { return Firmer(f, t.firmness); })) {
            by_denials_[g].push_back(s.holder);
          }
        }
      }
      std::sort(by_denials_[g].begin(), by_denials_[g].end());
      by_denials_[g].erase(std::unique(by_denials_[g].begin(), by_denials_[g].end()),
                           by_denials_[g].end());
    }
  }

  // Whether `holder` supports a claim of `group` other than `claim`.
  bool SupportsAnother(Index group, Index holder, Index claim) const {
    const auto [lo, hi] = Of(group, holder);
    return std::any_of(lo, hi, [claim](const Support& t) { return t.claim != claim; });
  }

  // Whether `holder`'s position in `group` is carried by its explicit denials.
  bool ByDenials(Index group, Index holder) const {
    return std::binary_search(by_denials_[group].begin(), by_denials_[group].end(), holder);
  }

  // The origin key of the implied denial a merged denial of `claim` joins: the smallest origin
  // key of the holder's supports of the group's other claims. Requires SupportsAnother.
  OriginKey MergeKey(Index group, Index holder, Index claim) const {
    const auto [lo, hi] = Of(group, holder);
    return std::find_if(lo, hi, [claim](const Support& t) { return t.claim != claim; })->key;
  }

 private:
  struct Support {
    Index holder;
    Index claim;
    OriginKey key;
    Firmness firmness;
  };
  using Iter = std::vector<Support>::const_iterator;
  std::pair<Iter, Iter> Of(Index group, Index holder) const {
    const auto& s = supports_[group];
    const auto lo = std::partition_point(s.begin(), s.end(),
                                         [holder](const Support& t) { return t.holder < holder; });
    const auto hi = std::partition_point(lo, s.end(),
                                         [holder](const Support& t) { return t.holder == holder; });
    return {lo, hi};
  }

  std::vector<std::vector<Support>> supports_;  // per group, by (holder, origin key, claim)
  std::vector<std::vector<Index>> by_denials_;  // per group, sorted holders
};

// The stance a citing stance republishes (MODEL.md, independence by citation). Reports are
// visited in citation order (cited before citing; the builder rejects cycles), so a copy of a
// copy finds its root already resolved.
class CopyFinder {
 public:
  struct Root {
    OriginKey key;         // the origin key of the unit it joins
    Index copied = kNone;  // the nearest cited stance it copies; kNone: not a copy
  };

  // `by_report`: the stances of each report; nullptr when no report cites another (then no
  // stance is a copy, and nothing is stored per stance).
  CopyFinder(const Dataset& data, const StanceLists* by_report)
      : data_(data), by_report_(by_report) {
    if (by_report == nullptr) return;
    roots_.resize(data.stances.size());
    for (Index i = 0; i < data.stances.size(); ++i) roots_[i].key = OwnKey(data.stances[i]);
    for (Index r : CitationOrder()) {
      if (data.reports[r].cited_reports.empty()) continue;
      for (Index i : by_report->Of(r)) {
        if (data.stances[i].polarity != Polarity::kNeutral) {
          Resolve(i);
          if (roots_[i].copied != kNone) copies_.push_back(i);
        }
      }
    }
  }

  Root Of(Index stance) const {
    return roots_.empty() ? Root{OwnKey(data_.stances[stance]), kNone} : roots_[stance];
  }

  // For each copy, whether the stance it copies is inert as a position denial, or is a copy of
  // one: a copy of a position-merged denial is inert too. `position` marks the stances merged
  // into their holder's position (empty: none is). Empty when there is no such copy.
  std::vector<bool> CopiesOfPositions(const std::vector<bool>& position) const {
    if (copies_.empty() || position.empty()) return {};
    std::vector<bool> out(roots_.size(), false);
    for (Index i : copies_) {  // in citation order: the copied stance is settled first
      const Index j = roots_[i].copied;
      out[i] = position[j] || out[j];
    }
    return out;
  }

 private:
  // Reports ordered so that each comes after every report it cites (Kahn's algorithm; ties in
  // index order).
  std::vector<Index> CitationOrder() const {
    const std::size_t n = data_.reports.size();
    std::vector<Index> waiting(n, 0);
    std::vector<std::vector<Index>> citers(n);
    for (Index r = 0; r < n; ++r) {
      for (Index cited : data_.reports[r].cited_reports) {
        ++waiting[r];
        citers[cited].push_back(r);
      }
    }
    std::vector<Index> order;
    order.reserve(n);
    for (Index r = 0; r < n; ++r) {
      if (waiting[r] == 0) order.push_back(r);
    }
    for (std::size_t k = 0; k < order.size(); ++k) {
      for (Index citer : citers[order[k]]) {
        if (--waiting[citer] == 0) order.push_back(citer);
      }
    }
    return order;
  }

  // Breadth-first from the stance's report through `cites`, at most kMaxCitationHops deep: the
  // first level that holds stances of the same claim and polarity decides. If one of them has
  // the stance's own root key, the stance relays its own origin: not a copy (so that the order
  // of the ids cannot make a holder's relay a copy of someone else). Otherwise the smallest root
  // key wins (then the smallest stance index). A report holding such a stance is not walked
  // past: that stance's own root already accounts for what it cites.
  void Resolve(Index i) {
    const Stance& s = data_.stances[i];
    std::vector<Index> frontier = data_.reports[s.report].cited_reports;
    std::vector<Index> visited;
    const Root* best = nullptr;
    Index best_stance = kNone;
    bool own = false;  // the deciding level holds a stance of the stance's own origin
    for (int depth = 0; depth < kMaxCitationHops && !frontier.empty() && best == nullptr; ++depth) {
      std::sort(frontier.begin(), frontier.end());
      frontier.erase(std::unique(frontier.begin(), frontier.end()), frontier.end());
      std::vector<Index> next;
      for (Index r : frontier) {
        if (std::binary_search(visited.begin(), visited.end(), r)) continue;
        bool holds = false;
        for (Index j : by_report_->Of(r)) {
          const Stance& t = data_.stances[j];
          if (j == i || t.claim != s.claim || t.polarity != s.polarity) continue;
          holds = true;
          own = own || roots_[j].key == roots_[i].key;
          if (best == nullptr || std::tie(roots_[j].key, j) < std::tie(best->key, best_stance)) {
            best = &roots_[j];
            best_stance = j;
          }
        }
        if (!holds) {
          const auto& cited = data_.reports[r].cited_reports;
          next.insert(next.end(), cited.begin(), cited.end());
        }
      }
      visited.insert(visited.end(), frontier.begin(), frontier.end());
      std::sort(visited.begin(), visited.end());
      frontier.swap(next);
    }
    // No copy: nothing cited holds the stance, or what does includes the stance's own origin (a
    // relay of its own holder or origin, whatever other origins sort first).
    if (best == nullptr || own) return;
    roots_[i] = Root{best->key, best_stance};
  }

  const Dataset& data_;
  const StanceLists* by_report_;
  std::vector<Root> roots_;    // per stance; empty when no report cites another
  std::vector<Index> copies_;  // the copies, in citation order
};

// Marks each unit inert or alone (EvidenceSnapshot::kUnitInert, kUnitAlone). A scope is a claim
// outside any group, or a whole group: a unit is alone when every owner of evidence in its scope
// is one of its own owners.
void MarkUnits(const Dataset& data, const std::vector<std::vector<Index>>& group_claims,
               EvidenceSnapshot* snap) {
  snap->unit_flags.assign(snap->num_units(), 0);
  for (std::size_t u = 0; u < snap->num_units(); ++u) {
    if (Inert(snap->member_flags[snap->unit_offsets[u]])) {
      snap->unit_flags[u] |= EvidenceSnapshot::kUnitInert;
    }
  }
  std::vector<Index> scope_owners;
  std::vector<Index> unit_owners;
  const auto owners_of = [&](std::size_t u, std::vector<Index>* out) {
    for (const Index m : snap->Members(u)) {
      if (snap->CanCarry(m)) out->push_back(snap->member_owner[m]);
    }
  };
  const auto distinct = [](std::vector<Index>* v) {
    std::sort(v->begin(), v->end());
    return static_cast<std::size_t>(std::unique(v->begin(), v->end()) - v->begin());
  };
  const auto mark_scope = [&](std::span<const Index> claims) {
    scope_owners.clear();
    for (Index c : claims) {
      for (const Index u : snap->Units(c)) {
        if (!snap->IsInert(u)) owners_of(u, &scope_owners);
      }
    }
    // The scope's owners counted without a sort when there is only one (the common case).
    std::size_t in_scope = 0;
    if (!scope_owners.empty()) {
      const auto [lo, hi] = std::minmax_element(scope_owners.begin(), scope_owners.end());
      in_scope = *lo == *hi ? 1 : distinct(&scope_owners);
    }
    // Inert units too: an implied denial is alone when the support it comes from is.
    for (Index c : claims) {
      for (const Index u : snap->Units(c)) {
        unit_owners.clear();
        owners_of(u, &unit_owners);
        if (unit_owners.size() < in_scope) continue;
        const std::size_t own =
            unit_owners.size() <= 1 ? unit_owners.size() : distinct(&unit_owners);
        if (own == in_scope) {
          snap->unit_flags[u] |= EvidenceSnapshot::kUnitAlone;
        }
      }
    }
  };
  for (Index c = 0; c < snap->num_claims; ++c) {
    if (data.claims[c].group == kNone) mark_scope(std::span<const Index>(&c, 1));
  }
  for (const auto& claims : group_claims) mark_scope(claims);
}

// Appends the claim's pending members, sorted, to the snapshot as units.
void AppendUnits(const Dataset& data, Index c, std::vector<Pending>* pending,
                 EvidenceSnapshot* snap, const std::vector<float>& decay) {
  std::sort(pending->begin(), pending->end(),
            [&](const Pending& a, const Pending& b) { return MemberBefore(data, a, b); });
  for (std::size_t k = 0; k < pending->size(); ++k) {
    const Pending& m = (*pending)[k];
    const Pending* prev = k == 0 ? nullptr : &(*pending)[k - 1];
    const bool new_unit = prev == nullptr || m.polarity != prev->polarity ||
                          Inert(m.flags) != Inert(prev->flags) || m.key != prev->key;
    if (new_unit) {
      if (prev != nullptr) snap->unit_offsets.push_back(static_cast<Index>(snap->num_members()));
      snap->unit_claim.push_back(c);
      snap->unit_polarity.push_back(m.polarity);
    }
    const Stance& s = data.stances[m.stance];
    if (m.copied != kNone) {
      snap->copies.emplace_back(static_cast<Index>(snap->num_members()), m.copied);
    }
    snap->member_owner.push_back(m.owner);
    snap->member_stance.push_back(m.stance);
    // Decay never takes a weight to 0 (a float product can underflow).
    snap->member_weight.push_back(
        decay.empty() ? s.weight
                      : std::max(s.weight * decay[m.stance], std::numeric_limits<float>::min()));
    snap->member_hops.push_back(m.hops);
    snap->member_hedge.push_back(s.hedge);
    snap->member_flags.push_back(m.flags);
  }
  if (!pending->empty()) snap->unit_offsets.push_back(static_cast<Index>(snap->num_members()));
}

}  // namespace

Index EvidenceSnapshot::CopiedStance(std::size_t member) const {
  const auto it = std::lower_bound(copies.begin(), copies.end(),
                                   std::pair<Index, Index>{static_cast<Index>(member), 0});
  return it != copies.end() && it->first == member ? it->second : kNone;
}

EvidenceSnapshot FreezeEvidence(const Dataset& data, const ClaimGraph& graph) {
  return FreezeEvidence(data, graph, ApplyTimeRules(data, {}));
}

EvidenceSnapshot FreezeEvidence(const Dataset& data, const ClaimGraph& graph, StanceTimes times) {
  EvidenceSnapshot snap;
  snap.times = std::move(times);
  const StanceTimes& when = snap.times;
  const auto counts = [&when](Index i) { return when.Counts(i); };
  snap.num_sources = static_cast<Index>(data.sources.size());
  snap.num_claims = static_cast<Index>(data.claims.size());
  snap.claim_offsets.reserve(snap.num_claims + 1);
  snap.claim_neutral.assign(snap.num_claims, 0);
  snap.unit_offsets.push_back(0);

  std::vector<std::vector<Index>> group_claims(data.groups.size());
  for (Index c = 0; c < snap.num_claims; ++c) {
    if (data.claims[c].group != kNone) group_claims[data.claims[c].group].push_back(c);
  }
  // Only the stances that count are listed: the others are not evidence (time_rules.hpp).
  const Stance* const first = data.stances.data();
  const bool all_count = when.state.empty();
  const auto counting = [&](const Stance& s) {
    return all_count || counts(static_cast<Index>(&s - first));
  };
  const StanceLists on_claim(data, snap.num_claims,
                             [&](const Stance& s) { return counting(s) ? s.claim : kNone; });
  // Citations, positions and their copies cost a pass over every stance: skipped when the data
  // has no citation (no copy) or no group (no position).
  const bool cites = std::any_of(data.reports.begin(), data.reports.end(),
                                 [](const Report& r) { return !r.cited_reports.empty(); });
  std::optional<StanceLists> by_report;
  if (cites) {
    by_report.emplace(data, data.reports.size(),
                      [&](const Stance& s) { return counting(s) ? s.report : kNone; });
  }
  const CopyFinder copies(data, by_report ? &*by_report : nullptr);
  const Positions positions(data, group_claims, on_claim,
                            [&](Index i) { return copies.Of(i).copied != kNone; });
  // Explicit denials merged into their holder's position in a group, and supports held by a
  // position its explicit denials carry (both empty: no group).
  std::vector<bool> position(data.groups.empty() ? 0 : data.stances.size(), false);
  std::vector<bool> held(position.size(), false);
  for (Index i = 0; i < position.size(); ++i) {
    const Stance& s = data.stances[i];
    const Index g = data.claims[s.claim].group;
    if (g == kNone) continue;
    if (s.polarity == Polarity::kDenies) {
      position[i] =
          positions.SupportsAnother(g, s.holder, s.claim) && !positions.ByDenials(g, s.holder);
    } else if (s.polarity == Polarity::kSupports) {
      held[i] = copies.Of(i).copied == kNone && positions.ByDenials(g, s.holder);
    }
  }
  const std::vector<bool> copies_position = copies.CopiesOfPositions(position);
  const std::vector<bool> copies_held = copies.CopiesOfPositions(held);
  const auto is_held = [&](Index i) {
    return (!held.empty() && held[i]) || (!copies_held.empty() && copies_held[i]);
  };
  InterestRule interest(data, graph);

  std::vector<Pending> pending;
  for (Index c = 0; c < snap.num_claims; ++c) {
    snap.claim_offsets.push_back(static_cast<Index>(snap.unit_claim.size()));
    const Claim& claim = data.claims[c];
    pending.clear();
    auto add = [&](Index stance_index, std::int8_t polarity, std::uint8_t flags) {
      const Stance& s = data.stances[stance_index];
      Index owner = s.holder;
      if (data.sources[s.holder].anonymous) {
        const Index vouching = data.VouchingOutlet(s);
        if (vouching != kNone) {
          owner = vouching;
          flags |= EvidenceSnapshot::kAnonymous;
        }
      }
      // An implied denial is its support seen from the other alternative: the interest, the
      // origin and the copy status are those of the support, on the claim it supports.
      const bool implied = (flags & EvidenceSnapshot::kImplied) != 0;
      flags |= implied ? interest.Flags(data.claims[s.claim], s.holder, 1)
                       : interest.Flags(claim, s.holder, polarity);
      const CopyFinder::Root root = copies.Of(stance_index);
      OriginKey key = root.key;
      const Index copied = root.copied;
      if (copied != kNone) flags |= EvidenceSnapshot::kCopy;
      if (!implied && ((!position.empty() && position[stance_index]) ||
                       (!copies_position.empty() && copies_position[stance_index]))) {
        flags |= EvidenceSnapshot::kPosition;
        // One position whatever the origins: the holder's own denial joins the denial its
        // support implies (a copy stays with the origin it copies).
        if (copied == kNone) key = positions.MergeKey(claim.group, s.holder, c);
      }
      if (is_held(stance_index)) flags |= EvidenceSnapshot::kHeld;
      pending.push_back(
          {polarity, key, flags, owner, stance_index, CountHops(data, s, owner), copied});
    };
    const std::vector<Index>& all = on_claim.stances;
    for (Index k = on_claim.offsets[c]; k < on_claim.offsets[c + 1]; ++k) {
      // The stances of a claim are scattered through the table: ask for those a few ahead, past
      // the end of this claim's run (a claim has ten stances or so: within a run, a prefetch
      // would rarely be issued).
      constexpr std::size_t kAhead = 16;
      if (k + kAhead < all.size()) __builtin_prefetch(&data.stances[all[k + kAhead]]);
      const Stance& s = data.stances[all[k]];
      if (s.polarity == Polarity::kNeutral) {
        ++snap.claim_neutral[c];
      } else {
        add(all[k], static_cast<std::int8_t>(s.polarity), 0);
      }
    }
    if (claim.group != kNone) {
      for (Index other : group_claims[claim.group]) {
        if (other == c) continue;
        for (Index i : on_claim.Of(other)) {
          if (data.stances[i].polarity == Polarity::kSupports) {
            add(i, -1, EvidenceSnapshot::kImplied);
          }
        }
      }
    }
    AppendUnits(data, c, &pending, &snap, when.decay);
  }
  snap.claim_offsets.push_back(static_cast<Index>(snap.unit_claim.size()));
  MarkUnits(data, group_claims, &snap);

  // Owner CSR by counting sort: members of a source in member order.
  snap.owner_offsets.assign(snap.num_sources + 1, 0);
  for (Index owner : snap.member_owner) ++snap.owner_offsets[owner + 1];
  for (Index s = 0; s < snap.num_sources; ++s) snap.owner_offsets[s + 1] += snap.owner_offsets[s];
  snap.owner_members.resize(snap.member_owner.size());
  std::vector<Index> cursor(snap.owner_offsets.begin(), snap.owner_offsets.end() - 1);
  for (Index m = 0; m < snap.member_owner.size(); ++m) {
    snap.owner_members[cursor[snap.member_owner[m]]++] = m;
  }
  return snap;
}

std::vector<bool> ConsistencyCandidates(const Dataset& data, const EvidenceSnapshot& snap) {
  std::vector<bool> out(snap.num_claims, false);
  std::vector<std::pair<Index, Index>> seen;  // (owner, polarity or claim)
  const auto repeats = [&seen] {
    std::sort(seen.begin(), seen.end());
    for (std::size_t k = 1; k < seen.size(); ++k) {
      if (seen[k].first == seen[k - 1].first && seen[k].second != seen[k - 1].second) return true;
    }
    return false;
  };
  std::vector<std::vector<Index>> group_claims(data.groups.size());
  for (Index c = 0; c < snap.num_claims; ++c) {
    if (data.claims[c].group != kNone) group_claims[data.claims[c].group].push_back(c);
    seen.clear();
    bool anonymous[2] = {false, false};  // by side: an anonymous holder's member
    for (const Index u : snap.Units(c)) {
      const int side = snap.unit_polarity[u] > 0 ? 1 : 0;
      for (const Index m : snap.Members(u)) {
        const std::uint8_t flags = snap.member_flags[m];
        if (flags & EvidenceSnapshot::kImplied) continue;
        seen.emplace_back(snap.member_owner[m], side);
        if (flags & EvidenceSnapshot::kAnonymous) anonymous[side] = true;
      }
    }
    out[c] = (anonymous[0] && anonymous[1]) || (seen.size() > 1 && repeats());
  }
  for (const std::vector<Index>& claims : group_claims) {
    seen.clear();
    std::size_t anonymous_claims = 0;
    for (Index c : claims) {
      bool anonymous = false;
      for (const Index u : snap.Units(c)) {
        if (snap.unit_polarity[u] < 0) continue;
        for (const Index m : snap.Members(u)) {
          const std::uint8_t flags = snap.member_flags[m];
          if (flags & EvidenceSnapshot::kImplied) continue;
          seen.emplace_back(snap.member_owner[m], c);
          anonymous = anonymous || (flags & EvidenceSnapshot::kAnonymous) != 0;
        }
      }
      anonymous_claims += anonymous ? 1 : 0;
    }
    if (anonymous_claims > 1 || (seen.size() > 1 && repeats())) {
      for (Index c : claims) out[c] = true;
    }
  }
  return out;
}

}  // namespace credence::graph
