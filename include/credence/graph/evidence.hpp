#pragma once
/// The frozen scoring snapshot: a claim graph reduced to independent pieces of evidence, stored
/// as flat arrays in compressed-sparse-row form. Every scorer reads only this.
///
/// A *member* is one stance as it reaches a claim (or a denial implied by a stance on a mutually
/// exclusive alternative). Members that share a claim, a polarity and an origin form one *unit*
/// (implied members form units of their own, see IsImplied):
/// one independent piece of evidence, weighed once however many reports relay it (MODEL.md,
/// independence rule). The origin is the stance's `origin` if given, else its holder.
///
/// Each member has an *owner*: the source whose trust it carries and whose trust it informs. It
/// is the holder, except for an anonymous holder with a vouching outlet, whose stance carries
/// that outlet's credibility (MODEL.md, anonymity rule).

#include <cstdint>
#include <span>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/graph/index_range.hpp"

namespace credence::graph {

/// The snapshot itself: flat arrays, immutable once FreezeEvidence returns.
struct EvidenceSnapshot {
  Index num_sources = 0;
  Index num_claims = 0;

  // Units, grouped by claim: the units of claim c are [claim_offsets[c], claim_offsets[c + 1]).
  std::vector<Index> claim_offsets;        ///< num_claims + 1 entries.
  std::vector<Index> unit_claim;           ///< Claim of each unit.
  std::vector<std::int8_t> unit_polarity;  ///< +1 supports, -1 denies.
  std::vector<Index> unit_offsets;  ///< Members of unit u: [unit_offsets[u], unit_offsets[u+1]).

  // Members, grouped by unit; within a unit, the members of one owner are contiguous.
  std::vector<Index> member_owner;   ///< Source whose trust the member carries.
  std::vector<Index> member_stance;  ///< The stance it comes from.
  std::vector<float> member_weight;  ///< The stance's weight in (0, 1].
  std::vector<std::uint8_t>
      member_hops;  ///< Relay hops between the claim's witness and the reader.
  std::vector<Hedge> member_hedge;
  std::vector<std::uint8_t> member_flags;  ///< Bit set of kInterested, kAnonymous, kImplied.

  static constexpr std::uint8_t kInterested =
      1;  ///< The holder speaks for a party the claim is about.
  static constexpr std::uint8_t kAnonymous = 2;  ///< Anonymous holder carried by its outlet.
  static constexpr std::uint8_t kImplied = 4;    ///< Denial implied by support for an alternative.

  // The members each source owns: [owner_offsets[s], owner_offsets[s + 1]) of owner_members.
  std::vector<Index> owner_offsets;  ///< num_sources + 1 entries.
  std::vector<Index> owner_members;

  /// Neutral stances per claim (they weigh nothing but are shown).
  std::vector<Index> claim_neutral;

  std::size_t num_units() const { return unit_claim.size(); }
  std::size_t num_members() const { return member_owner.size(); }

  /// The units of claim c (indices into the unit arrays). O(1).
  IndexRange Units(Index claim) const { return {claim_offsets[claim], claim_offsets[claim + 1]}; }
  /// The members of unit u (indices into the member arrays), owners contiguous. O(1).
  IndexRange Members(std::size_t unit) const {
    return {unit_offsets[unit], unit_offsets[unit + 1]};
  }
  /// The members source s owns (indices into the member arrays), in member order. O(1).
  std::span<const Index> OwnerMembers(Index source) const {
    return {owner_members.data() + owner_offsets[source],
            owner_offsets[source + 1] - owner_offsets[source]};
  }

  /// True for a unit of implied denials (support for an alternative of a group), which shows the
  /// other side of a group's dispute but is not evidence of its own (the group's beliefs are
  /// normalised instead).
  bool IsImplied(std::size_t u) const { return (member_flags[unit_offsets[u]] & kImplied) != 0; }
  Index unit_size(std::size_t u) const { return unit_offsets[u + 1] - unit_offsets[u]; }
};

/// Freezes a dataset into an evidence snapshot. Deterministic: the result does not depend on
/// the order of the input lines. Time O(E log E + sum over groups of k * supports), E stances.
EvidenceSnapshot FreezeEvidence(const Dataset& data, const ClaimGraph& graph);

}  // namespace credence::graph
