#include "credence/graph/evidence.hpp"

#include <algorithm>
#include <span>
#include <tuple>

namespace credence::graph {
namespace {

struct Pending {
  std::int8_t polarity;   // +1 / -1
  std::uint8_t key_type;  // 0: origin is the holder, 1: explicit origin
  Index key;
  std::uint8_t flags;
  Index owner;
  Index stance;
  std::uint8_t hops;
};

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

// Deterministic order of a claim's members: by unit key, then by every attribute that shows in
// the output, so that shuffling the input lines changes nothing.
bool MemberBefore(const Dataset& data, const Pending& a, const Pending& b) {
  // Members of one owner are contiguous within a unit (the model credits each owner once).
  const bool ia = (a.flags & EvidenceSnapshot::kImplied) != 0;
  const bool ib = (b.flags & EvidenceSnapshot::kImplied) != 0;
  const auto ka = std::make_tuple(-a.polarity, ia, a.key_type, a.key, a.owner, a.flags, a.hops);
  const auto kb = std::make_tuple(-b.polarity, ib, b.key_type, b.key, b.owner, b.flags, b.hops);
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

}  // namespace

EvidenceSnapshot FreezeEvidence(const Dataset& data, const ClaimGraph& graph) {
  EvidenceSnapshot snap;
  snap.num_sources = static_cast<Index>(data.sources.size());
  snap.num_claims = static_cast<Index>(data.claims.size());
  snap.claim_offsets.reserve(snap.num_claims + 1);
  snap.claim_neutral.assign(snap.num_claims, 0);
  snap.unit_offsets.push_back(0);

  // The parties each holder speaks for, computed on first need (only claims with `about` ask).
  std::vector<std::vector<Index>> parties(snap.num_sources);
  std::vector<bool> parties_known(snap.num_sources, false);
  auto parties_of = [&](Index source) -> const std::vector<Index>& {
    if (!parties_known[source]) {
      parties[source] = graph.PartiesOf(source);
      parties_known[source] = true;
    }
    return parties[source];
  };
  std::vector<std::vector<Index>> group_claims(data.groups.size());
  for (Index c = 0; c < snap.num_claims; ++c) {
    if (data.claims[c].group != kNone) group_claims[data.claims[c].group].push_back(c);
  }
  // The stances on each claim, flattened into one CSR array rather than a vector per claim, each
  // claim's run in stance order. These are the claim vertex's stance in-edges (the graph has one
  // stance edge per stance, holder -> claim), gathered here by a counting sort over the stance
  // table: one sequential pass, where walking the in-edges would fetch each edge's property
  // through the CSR's backward links, a cache miss per stance at ten million stances.
  std::vector<Index> on_offsets(snap.num_claims + 1, 0);
  std::vector<Index> on_stances(data.stances.size());
  for (const Stance& s : data.stances) ++on_offsets[s.claim + 1];
  for (Index c = 0; c < snap.num_claims; ++c) on_offsets[c + 1] += on_offsets[c];
  {
    std::vector<Index> next(on_offsets.begin(), on_offsets.end() - 1);
    for (Index i = 0; i < data.stances.size(); ++i) on_stances[next[data.stances[i].claim]++] = i;
  }
  auto stances_on = [&](Index c) {
    return std::span<const Index>(on_stances.data() + on_offsets[c],
                                  on_offsets[c + 1] - on_offsets[c]);
  };

  std::vector<Pending> pending;
  for (Index c = 0; c < snap.num_claims; ++c) {
    snap.claim_offsets.push_back(static_cast<Index>(snap.unit_claim.size()));
    const Claim& claim = data.claims[c];
    pending.clear();
    auto add = [&](Index stance_index, std::int8_t polarity, std::uint8_t flags) {
      const Stance& s = data.stances[stance_index];
      const Source& holder = data.sources[s.holder];
      Index owner = s.holder;
      if (holder.anonymous) {
        const Index vouching = data.VouchingOutlet(s);
        if (vouching != kNone) {
          owner = vouching;
          flags |= EvidenceSnapshot::kAnonymous;
        }
      }
      for (Index about : claim.about) {
        const auto& p = parties_of(s.holder);
        if (std::binary_search(p.begin(), p.end(), about)) {
          flags |= EvidenceSnapshot::kInterested;
          break;
        }
      }
      Pending m{polarity,
                static_cast<std::uint8_t>(s.origin == kNone ? 0 : 1),
                s.origin == kNone ? s.holder : s.origin,
                flags,
                owner,
                stance_index,
                CountHops(data, s, owner)};
      pending.push_back(m);
    };
    for (Index k = on_offsets[c]; k < on_offsets[c + 1]; ++k) {
      // The stances of a claim are scattered through the table: ask for those a few ahead.
      constexpr Index kAhead = 16;
      if (k + kAhead < on_stances.size()) __builtin_prefetch(&data.stances[on_stances[k + kAhead]]);
      const Index i = on_stances[k];
      const Stance& s = data.stances[i];
      if (s.polarity == Polarity::kNeutral) {
        ++snap.claim_neutral[c];
      } else {
        add(i, static_cast<std::int8_t>(s.polarity), 0);
      }
    }
    if (claim.group != kNone) {
      for (Index other : group_claims[claim.group]) {
        if (other == c) continue;
        for (Index i : stances_on(other)) {
          if (data.stances[i].polarity == Polarity::kSupports) {
            add(i, -1, EvidenceSnapshot::kImplied);
          }
        }
      }
    }
    std::sort(pending.begin(), pending.end(),
              [&](const Pending& a, const Pending& b) { return MemberBefore(data, a, b); });
    for (std::size_t k = 0; k < pending.size(); ++k) {
      const Pending& m = pending[k];
      const auto implied = [](const Pending& x) { return x.flags & EvidenceSnapshot::kImplied; };
      const bool new_unit = k == 0 || m.polarity != pending[k - 1].polarity ||
                            implied(m) != implied(pending[k - 1]) ||
                            m.key_type != pending[k - 1].key_type || m.key != pending[k - 1].key;
      if (new_unit) {
        if (k > 0) snap.unit_offsets.push_back(static_cast<Index>(snap.member_owner.size()));
        snap.unit_claim.push_back(c);
        snap.unit_polarity.push_back(m.polarity);
      }
      const Stance& s = data.stances[m.stance];
      snap.member_owner.push_back(m.owner);
      snap.member_stance.push_back(m.stance);
      snap.member_weight.push_back(s.weight);
      snap.member_hops.push_back(m.hops);
      snap.member_hedge.push_back(s.hedge);
      snap.member_flags.push_back(m.flags);
    }
    if (!pending.empty()) snap.unit_offsets.push_back(static_cast<Index>(snap.member_owner.size()));
  }
  snap.claim_offsets.push_back(static_cast<Index>(snap.unit_claim.size()));

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

}  // namespace credence::graph
