#pragma once
/// From scores to a conflict report: each claim's evidence on both sides, its dispute score and
/// verdict, the ranking, each source's trust, and per-claim explanations.

#include <string>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/scoring/model.hpp"
#include "credence/scoring/result.hpp"

namespace credence::scoring {

/// Thresholds of the verdicts and the dispute score (docs/model.md).
struct AnalysisOptions {
  double dispute_scale =
      1.0;  ///< kappa: the trusted mass (nats) at which a side counts as strong; > 0.
  double likely_true =
      0.75;  ///< Belief at or above which a one-sided claim is likely true; in (0.5, 1).
  double likely_false = 0.25;   ///< Belief at or below which it is likely false; in (0, 0.5).
  double dispute_ratio = 0.25;  ///< A claim is disputed when the weaker side carries at least this
                                ///< share of the stronger side's trusted mass; in (0, 1].
  int threads = 0;  ///< Threads for the per-claim and per-source passes; 0 = OpenMP's default.

  /// @throws InvalidArgumentError naming the first field out of range.
  void Validate() const;
};

enum class Verdict { kLikelyTrue, kLikelyFalse, kDisputed, kUnresolved };
std::string_view ToString(Verdict verdict);

struct ClaimAssessment {
  Index claim = kNone;
  int rank = 0;  ///< 1 = most disputed.
  double belief = 0.5;
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

struct SourceAssessment {
  Index source = kNone;
  double trust = 0.5;
  double prior = 0.5;  ///< Prior mean.
  int stances =
      0;  ///< Stances whose trust it carries (its own, and anonymous ones it vouches for).
  double agreement = 0.0;  ///< Weighted share of those stances that agree with the final beliefs.
  bool carried = false;    ///< Anonymous: has no trust of its own (its outlet's is used).
};

struct Analysis {
  std::string algorithm;
  int iterations = 0;
  double residual = 0.0;
  bool converged = false;
  std::vector<ClaimAssessment> claims;    ///< In rank order.
  std::vector<SourceAssessment> sources;  ///< By trust descending, then id.
};

/// Assesses every claim and source under the beliefs and trusts in `result` (from any
/// algorithm): each claim's trusted mass on both sides, weighed with the default model's
/// evidence weights under `model` (docs/model.md), its dispute score and verdict; each source's
/// agreement with the beliefs. Ranks claims by dispute score, then by total trusted mass, then by
/// id; sources by trust, then id. The per-claim pass runs on options.threads threads for
/// kParallelThreshold claims and more; the result does not depend on it.
/// Time O(units log units + members + C log C + S log S).
/// @throws InvalidArgumentError if `model` or `options` fail Validate().
Analysis Analyze(const Dataset& data, const graph::EvidenceSnapshot& snap,
                 const ModelOptions& model, const ScoringResult& result,
                 const AnalysisOptions& options);

/// One stance's part in a claim's belief.
struct StanceContribution {
  Index stance = kNone;
  int polarity = 0;        ///< +1 / -1 as it acts on this claim (an implied denial is -1).
  std::uint8_t flags = 0;  ///< EvidenceSnapshot flags.
  Index owner = kNone;     ///< Whose trust it carries.
  double owner_trust = 0.5;
  int hops = 0;
  double weight = 0.0;   ///< Effective weight w.
  double score = 0.0;    ///< Signed log-odds it would add alone.
  bool counted = false;  ///< Carries its unit (others in the unit are relays of the same origin).
  int unit = 0;          ///< 1-based number of its unit within the claim.
  double unit_contribution = 0.0;    ///< Signed log-odds its unit adds (counted member's score).
  double belief_without_unit = 0.5;  ///< The belief with the unit's contribution removed.
};

struct Explanation {
  Index claim = kNone;
  bool grouped = false;  ///< In a group of alternatives: belief = softmax of the group's evidence.
  double belief = 0.5;
  double log_odds = 0.0;                    ///< base + S_c, from the evidence below.
  double base_log_odds = 0.0;               ///< logit(base rate); 0 for a grouped claim.
  std::vector<StanceContribution> stances;  ///< Units in snapshot order, members within.
  std::vector<Index> neutral;               ///< Neutral stances on the claim.
};

/// Explains a claim's belief under the trusts in `result`, with the default model's evidence
/// weights and base rate under `model`. For the default model the belief is exactly
/// sigmoid(log_odds) (for a grouped claim, the softmax of the group's evidence); other algorithms
/// report their own belief beside it. `claim` must be a claim of `data`.
/// Time O(members + sources + claims): the weights are computed for the call.
/// @throws InvalidArgumentError if `model` fails Validate().
Explanation Explain(const Dataset& data, const graph::ClaimGraph& graph,
                    const graph::EvidenceSnapshot& snap, const ModelOptions& model,
                    const ScoringResult& result, Index claim);

}  // namespace credence::scoring
