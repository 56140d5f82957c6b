#pragma once
/// The frozen scoring snapshot: a claim graph reduced to independent pieces of evidence, stored
/// as flat arrays in compressed-sparse-row form. Every scorer reads only this.
///
/// A *member* is one stance as it reaches a claim (or a denial implied by a stance on a mutually
/// exclusive alternative). Members that share a claim, a polarity and an origin form one *unit*:
/// one independent piece of evidence, weighed once however many reports relay it (MODEL.md,
/// independence rule). The origin is said in three ways, and each merges:
///  - a stance's `origin` field;
///  - its holder (the same holder relayed through several outlets);
///  - citation: a stance in a report that cites (transitively, through at most kMaxCitationHops
///    reports) a report holding a stance of the same polarity on the same claim is a *copy* of
///    that stance, whoever holds it, and joins the unit of the stance it copies (kCopy); unless
///    the first cited level holding such stances holds one of its own origin: then it is an
///    ordinary relay of that origin, whatever other origins sort first. A copy
///    carries nothing of its own: neither weight nor trust credit. A stance of the other polarity
///    in a citing report is a rebuttal, not a copy, and stays independent evidence.
/// Units that are not evidence of their own are *inert* (IsInert): denials implied by support
/// for an alternative of a group, and a holder's explicit denial of an alternative when the same
/// holder supports another alternative of the group (kPosition: one position, counted once,
/// joining the denial its support implies whatever the origins). A position is carried by its
/// strongest part: when one of those explicit denials is stated more firmly (weight and hedge)
/// than every support of the holder in the group, the denials carry it as ordinary evidence and
/// the supports, with the denials they imply, are held instead (kHeld: inert, no credit). A
/// support that is a copy is the copied stance's evidence, not its holder's position: it merges
/// no denial and is not held.
///
/// Each member has an *owner*: the source whose trust it carries and whose trust it informs. It
/// is the holder, except for an anonymous holder with a vouching outlet, whose stance carries
/// that outlet's credibility (MODEL.md, anonymity rule).

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/graph/index_range.hpp"
#include "credence/graph/time_rules.hpp"

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
  std::vector<std::uint8_t> member_flags;  ///< Bit set of the k* member flags below.

  /// Self-serving: the holder (or an organisation it belongs to) is harmed by a claim it denies
  /// or favoured by a claim it supports, or the claim is `about` it without saying which
  /// (docs/model.md, "Interest with a direction").
  static constexpr std::uint8_t kInterested = 1;
  static constexpr std::uint8_t kAnonymous = 2;  ///< Anonymous holder carried by its outlet.
  static constexpr std::uint8_t kImplied = 4;    ///< Denial implied by support for an alternative.
  /// Against interest: the holder supports a claim adverse to it or denies one favouring it. Not
  /// discounted (courts treat admissions as strong evidence: US FRE 804(b)(3)).
  static constexpr std::uint8_t kAdmission = 8;
  static constexpr std::uint8_t kCopy = 16;  ///< Republishes a cited report's stance (see above).
  /// An explicit denial merged into the holder's support (not a copy) of another alternative of
  /// the group, or a copy of such a denial.
  static constexpr std::uint8_t kPosition = 32;
  /// A support (or a denial it implies, or a copy of it) held by its holder's position in the
  /// group: one of the holder's explicit denials of another alternative is stated more firmly
  /// than every support of the holder there, so the denials carry the position and this member
  /// is shown but weighs nothing and earns no credit (docs/model.md, one position per holder).
  static constexpr std::uint8_t kHeld = 64;

  /// Per unit: bit set of kUnitInert and kUnitAlone.
  std::vector<std::uint8_t> unit_flags;
  /// Not evidence of its own (implied denials, position-merged denials, held supports): shown,
  /// never weighed.
  static constexpr std::uint8_t kUnitInert = 1;
  /// No evidence unit on the claim or its group has an owner outside this unit's owners: the
  /// belief rests on these owners alone, so the unit does not judge their reliability (MODEL.md,
  /// no self-judgement). Inert units are marked too (an implied denial is alone when the support
  /// it comes from is).
  static constexpr std::uint8_t kUnitAlone = 2;

  /// For each kCopy member, in member order: (member, the stance it copies: the nearest cited
  /// stance of the same claim and polarity).
  std::vector<std::pair<Index, Index>> copies;

  // The members each source owns: [owner_offsets[s], owner_offsets[s + 1]) of owner_members.
  std::vector<Index> owner_offsets;  ///< num_sources + 1 entries.
  std::vector<Index> owner_members;

  /// Neutral stances per claim (they weigh nothing but are shown).
  std::vector<Index> claim_neutral;

  /// The time rules the snapshot was frozen under (time_rules.hpp): only the stances that count
  /// (StanceTimes::Counts) are members, each weighed with its decay; the others are shown
  /// apart (superseded, retracted) or not at all (dated after the as-of date).
  StanceTimes times;

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

  /// True for an inert unit: implied denials (support for an alternative of a group), denials
  /// merged into the holder's position in the group, and held supports. It shows the other side of
  /// a group's dispute but is not evidence of its own (the group's beliefs are normalised instead).
  bool IsInert(std::size_t u) const { return (unit_flags[u] & kUnitInert) != 0; }
  /// True when the unit's owners are the only owners of evidence on its claim (or group).
  bool IsAlone(std::size_t u) const { return (unit_flags[u] & kUnitAlone) != 0; }
  /// A member that may carry its unit and earn its owner credit (not a copy, not held).
  bool CanCarry(std::size_t m) const { return (member_flags[m] & (kCopy | kHeld)) == 0; }
  /// The stance a kCopy member copies, or kNone. O(log copies).
  Index CopiedStance(std::size_t member) const;
  Index unit_size(std::size_t u) const { return unit_offsets[u + 1] - unit_offsets[u]; }
};

/// Citations followed from a report to find the stance a copy republishes.
inline constexpr int kMaxCitationHops = 100;

/// Freezes a dataset into an evidence snapshot, leaving out the stances `times` (from
/// ApplyTimeRules on the same dataset) says do not count. Deterministic: the result does not
/// depend on the order of the input lines. Time O(E log E + sum over groups of k * supports +
/// citing stances * reports within kMaxCitationHops), E stances.
EvidenceSnapshot FreezeEvidence(const Dataset& data, const ClaimGraph& graph, StanceTimes times);
/// The claims that may hold a self-contradiction or exclusive alternatives (FindConsistency's
/// `claims`), read from the snapshot's arrays in order: a claim where one owner has members of
/// both polarities or where an anonymous holder's stances take both sides, and every claim of a
/// group where one owner (or anonymous holders) supports two claims. A superset: owners are the
/// holders, except anonymous ones, which are flagged apart. Time O(members log k).
std::vector<bool> ConsistencyCandidates(const Dataset& data, const EvidenceSnapshot& snap);

/// FreezeEvidence under the default time rules (retractions and supersession, no as-of date, no
/// decay): ApplyTimeRules(data, {}).
EvidenceSnapshot FreezeEvidence(const Dataset& data, const ClaimGraph& graph);

}  // namespace credence::graph
