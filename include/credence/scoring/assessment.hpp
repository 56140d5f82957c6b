#pragma once
/// What the analysis says (scoring/analysis.hpp computes it): each claim's and each source's
/// assessment, and the explanation of a claim's belief. Plain data with no graph types, so that
/// the renderers (report/) can take it without the scoring and graph headers.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/graph/time_rules.hpp"

namespace credence::scoring {

/// What the evidence says about a claim (thresholds in AnalysisOptions; docs/model.md,
/// "Verdicts"). A claim is *contested* when both sides carry real trusted weight; a contested
/// claim that still leans clearly one way says so. Where the belief has a 90% interval (the
/// default model), a claim leans only when the whole interval is on that side of 1/2 as well.
enum class Verdict {
  kDisputed,        ///< Contested, and neither side clearly wins.
  kContestedTrue,   ///< Contested, but the belief clearly leans true.
  kContestedFalse,  ///< Contested, but the belief clearly leans false.
  kLikelyTrue,      ///< One-sided (or nearly), and the belief clearly leans true.
  kLikelyFalse,     ///< One-sided (or nearly), and the belief clearly leans false.
  kUnresolved,      ///< Too little evidence to lean either way.
};
/// "disputed", "contested, likely true", "contested, likely false", "likely true",
/// "likely false", "unresolved".
std::string_view ToString(Verdict verdict);

/// One claim's row of the conflict report.
struct ClaimAssessment {
  Index claim = kNone;
  int rank = 0;  ///< 1 = most disputed.
  double belief = 0.5;
  /// The belief's 90% interval (ScoringResult::belief_low, belief_high), 0 <= low <= belief <=
  /// high <= 1, when the algorithm gives one (the default model): has_interval is then true.
  /// Without one (the classic algorithms) has_interval is false and the pair is [0, 1].
  bool has_interval = false;
  double belief_low = 0.0;
  double belief_high = 1.0;
  double dispute = 0.0;         ///< In [0, 1): (1 - e^(-E+/kappa)) (1 - e^(-E-/kappa)).
  double weight_for = 0.0;      ///< E+: trusted log-odds mass of the supporting units (nats).
  double weight_against = 0.0;  ///< E-.
  int sources_for = 0;          ///< Independent units supporting.
  int sources_against = 0;
  int stances_for = 0;  ///< Stances (members) behind them, implied denials included.
  int stances_against = 0;
  int stances_neutral = 0;
  Verdict verdict = Verdict::kUnresolved;
};

/// One source's row of the trust table.
struct SourceAssessment {
  Index source = kNone;
  double trust = 0.5;
  double prior = 0.5;  ///< Prior mean.
  int stances =
      0;  ///< Stances whose trust it carries (its own, and anonymous ones it vouches for).
  double agreement = 0.0;  ///< Weighted share of those stances that agree with the final beliefs.
  bool carried = false;    ///< Anonymous: has no trust of its own (its outlet's is used).
};

/// The conflict report's numbers: claims ranked by dispute, sources by trust.
struct Analysis {
  std::string algorithm;
  int iterations = 0;
  double residual = 0.0;
  bool converged = false;
  std::vector<ClaimAssessment> claims;    ///< In rank order.
  std::vector<SourceAssessment> sources;  ///< By trust descending, then id.
};

/// One stance's part in a claim's belief.
struct StanceContribution {
  Index stance = kNone;
  int polarity = 0;        ///< +1 / -1 as it acts on this claim (an implied denial is -1).
  std::uint8_t flags = 0;  ///< EvidenceSnapshot flags.
  Index owner = kNone;     ///< Whose trust it carries.
  double owner_trust = 0.5;
  int hops = 0;
  double weight = 0.0;  ///< Effective weight w.
  /// Signed log-odds this stance adds to the claim before the echo discount: its unit's score if
  /// it carries the unit, 0 for relays, copies and inert (implied or position-merged) members.
  /// The one number every output shows for the stance.
  double score = 0.0;
  double member_score = 0.0;  ///< Log-odds (>= 0) it would add alone before polarity, also for an
                              ///< implied denial (EvidenceWeights::MemberScore).
  bool strongest = false;  ///< The member of its unit with the largest member_score (the first of
                           ///< equals: EvidenceWeights::BestMember), also in an implied unit.
  bool counted = false;    ///< Carries its unit (others in the unit are relays of the same origin):
                           ///< the strongest member of a unit that is not implied.
  int unit = 0;            ///< 1-based number of its unit within the claim.
  double unit_contribution = 0.0;  ///< Signed log-odds its unit adds before the echo discount.
  /// The belief recomputed with the unit removed (its side's echo discount re-ranked; for a
  /// grouped claim the other alternatives unchanged). Not a Shapley value: with the rank-based
  /// discount the units' leave-one-out effects do not add up to the belief.
  double belief_without_unit = 0.5;
  Index copied_stance = kNone;  ///< For a copy (EvidenceSnapshot::kCopy): the stance it copies.
};

/// A term of a claim's log-odds that belongs to no one stance: the echo discount of a side, or
/// the share the other alternatives of its group take (docs/model.md, "Explanations").
struct DiscountLine {
  enum class Kind { kEcho, kAlternatives };
  Kind kind = Kind::kEcho;
  int polarity = 0;       ///< For kEcho: the side (+1 supports, -1 denies); 0 for kAlternatives.
  int units = 0;          ///< For kEcho: the evidence units on that side.
  double log_odds = 0.0;  ///< Signed log-odds it adds.
};
/// "echo discount" or "alternatives".
std::string_view ToString(DiscountLine::Kind kind);

/// Why a claim has its belief: every stance's part in it (scoring::Explain).
/// A withdrawn stance as explained.
struct WithdrawnStance {
  Index stance = kNone;
  graph::StanceState state = graph::StanceState::kSuperseded;  ///< kSuperseded or kRetracted.
  /// kSuperseded: the stance that superseded it; kRetracted: index into Dataset::retractions.
  Index by = kNone;
};

struct Explanation {
  Index claim = kNone;
  bool grouped = false;  ///< In a group of alternatives: belief = softmax of the group's evidence.
  double belief = 0.5;
  /// logit(belief) under the default model: base_log_odds + the score of every stance +
  /// the log_odds of every discount line, exactly (to rounding). For a claim alone in its group
  /// the belief is 1 and this is +infinity.
  double log_odds = 0.0;
  double base_log_odds = 0.0;               ///< logit(base rate); 0 for a grouped claim.
  std::vector<StanceContribution> stances;  ///< Units in snapshot order, members within.
  std::vector<DiscountLine> discounts;      ///< Echo discounts (supports, denies), alternatives.
  std::vector<Index> neutral;               ///< Neutral stances on the claim that count.
  /// Stances on the claim withdrawn by the time rules (graph/time_rules.hpp): superseded by a
  /// later stance of their holder, or retracted. Shown, never weighed. Ordered by time, holder,
  /// polarity, report, id.
  std::vector<WithdrawnStance> withdrawn;
};

}  // namespace credence::scoring
