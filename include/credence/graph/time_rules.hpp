#pragma once
/// Time (MODEL.md, "Time"; docs/model.md, "Time"): which stances count at a date, which a later
/// stance of their holder supersedes, which a retraction withdraws, how much stale evidence
/// weighs, and the consistency findings a holder's record shows.
///
/// The rules, applied in this order:
///  1. As of a date: a stance dated after it does not exist yet, and neither does a retraction
///     dated after it. Undated records always count.
///  2. A retraction withdraws the stance it names (kRetracted).
///  3. Supersession: of the stances that remain, a dated stance is superseded (kSuperseded) when
///     its holder took a position incompatible with it at a strictly later time on the same
///     claim, or, for a claim in a group of alternatives, on the group: support of A is
///     incompatible with a denial of A and with support of another alternative B; a denial of A
///     only with support of A. Neutral stances and undated stances neither supersede nor are
///     superseded (no time says which came last). A restatement of the same position supersedes
///     nothing: relays of one statement dated by their reports all count (and merge as one).
///  4. Stale evidence (optional): with a half-life of h days, a dated stance weighs
///     2^(-age / h) of its weight, age in days before the reference date (the as-of date, else the
///     latest date of any stance or retraction), floored at kMinDecay.
///
/// A withdrawn stance (superseded or retracted) is not evidence: the snapshot leaves it out, so
/// it neither moves a belief nor informs a trust; the reports show it with why and since when.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "credence/core/dataset.hpp"

namespace credence::graph {

/// Options of the time rules. The defaults apply rules 2 and 3 only.
struct TimeOptions {
  /// Seconds since 1970-01-01 UTC: only what is dated on or before counts (unset: everything).
  std::optional<std::int64_t> as_of;
  /// The as-of date as given, for messages and output (empty when unset).
  std::string as_of_text;
  /// Half-life of evidence in days (> 0); 0: no decay (the default).
  double half_life_days = 0.0;

  /// @throws InvalidArgumentError for a negative or non-finite half-life.
  void Validate() const;
};

/// A withdrawn stance's weight multiplier is never below this (a weight must stay positive).
inline constexpr double kMinDecay = 1e-9;

/// What the time rules make of each stance.
enum class StanceState : std::uint8_t {
  kCounts,      ///< Evidence.
  kLater,       ///< Dated after the as-of date: not known yet, not shown.
  kSuperseded,  ///< Its holder's later, incompatible stance replaced it.
  kRetracted,   ///< Withdrawn by a retraction.
};

/// The time rules applied to a dataset (ApplyTimeRules).
struct StanceTimes {
  /// Per stance; empty when every stance counts (no as-of cut, no retraction, no supersession).
  std::vector<StanceState> state;
  /// Per stance, for kSuperseded: the stance that superseded it (the earliest later
  /// incompatible stance of its holder); for kRetracted: the index of the retraction in
  /// Dataset::retractions; else kNone. Empty when `state` is.
  std::vector<Index> by;
  /// Per stance, the multiplier of its weight in (0, 1]; empty without a half-life.
  std::vector<float> decay;
  /// Per retraction: true when it applies (not dated after the as-of date). Same size as
  /// Dataset::retractions.
  std::vector<bool> retraction_applies;
  /// The date ages are measured from (kNoTime when no record is dated).
  std::int64_t reference = kNoTime;
  /// The options the rules were applied with.
  TimeOptions options;
  /// Undated stances counted (shown in the output when an as-of date is set: they always count).
  std::size_t undated = 0;

  bool Counts(Index stance) const { return state.empty() || state[stance] == StanceState::kCounts; }
  StanceState State(Index stance) const {
    return state.empty() ? StanceState::kCounts : state[stance];
  }
  bool Withdrawn(Index stance) const {
    const StanceState s = State(stance);
    return s == StanceState::kSuperseded || s == StanceState::kRetracted;
  }
};

/// Applies the time rules. Deterministic: which stance supersedes which depends on the stances'
/// contents, never on the order of the input lines. Time O(E log E), E stances.
/// @throws InvalidArgumentError if `options` fails Validate().
StanceTimes ApplyTimeRules(const Dataset& data, const TimeOptions& options);

/// What a consistency finding is about.
enum class FindingKind : std::uint8_t {
  kReversal,               ///< A holder changed its position: a stance superseded by a later one.
  kRetraction,             ///< A stance was retracted (corrected).
  kSelfContradiction,      ///< A holder supports and denies one claim, neither later.
  kExclusiveAlternatives,  ///< A holder supports two or more claims of one group, neither later.
};

std::string_view ToString(FindingKind kind);

/// One consistency finding.
struct Finding {
  FindingKind kind = FindingKind::kReversal;
  /// The holder; for a retraction, the outlet of the correcting report (the holder when the
  /// retraction names no report).
  Index source = kNone;
  std::vector<Index> claims;   ///< The claims involved, in the order the finding tells them.
  std::vector<Index> stances;  ///< The stances involved (earlier first).
  Index retraction = kNone;    ///< For a retraction: index into Dataset::retractions.
};

/// The consistency findings of the dataset under `times`: one reversal per superseded stance
/// (relays of one statement with the same reversal count once), one finding per applied
/// retraction, one self-contradiction per holder and claim with both polarities counting, one
/// exclusive-alternatives per holder and group with supports of two claims counting. Ordered by
/// kind, then source id, then claim ids, then times. Time O(E log E).
/// `only`, when given (one flag per claim), limits the self-contradictions and exclusive
/// alternatives to the flagged claims (and the groups they are in): ConsistencyCandidates gives
/// a superset of those that have any, cheaply.
std::vector<Finding> FindConsistency(const Dataset& data, const StanceTimes& times,
                                     const std::vector<bool>* only = nullptr);

/// The times of a finding, as ISO 8601 text ("" when undated): for a reversal, the superseded
/// stance's then the superseding one's; for a retraction, the stance's then the retraction's;
/// for the others, those of its stances. O(stances).
std::vector<std::string> FindingTimes(const Dataset& data, const Finding& finding);
/// The reports of a finding's stances (and a retraction's correcting report), distinct, sorted.
std::vector<Index> FindingReports(const Dataset& data, const Finding& finding);

/// The time of a stance as ISO 8601 text: its own as written, else its report's, else "".
std::string StanceTimeText(const Dataset& data, const Stance& stance);
/// The time of a retraction as ISO 8601 text: its own as written, else its report's, else "".
std::string RetractionTimeText(const Dataset& data, const Retraction& retraction);

}  // namespace credence::graph
