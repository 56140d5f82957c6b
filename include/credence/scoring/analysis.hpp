#pragma once
/// From scores to a conflict report: each claim's evidence on both sides, its dispute score and
/// verdict, the ranking, each source's trust, and per-claim explanations.

#include <string>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/scoring/assessment.hpp"
#include "credence/scoring/model.hpp"
#include "credence/scoring/result.hpp"

namespace credence::scoring {

/// Thresholds of the verdicts and the dispute score (docs/model.md).
struct AnalysisOptions {
  double dispute_scale =
      1.0;  ///< kappa: the trusted mass (nats) at which a side counts as strong; > 0.
  /// Belief at or above which a claim leans true; in (0.5, 1).
  double likely_true = 0.75;
  /// Belief at or below which a claim leans false; in (0, 0.5).
  double likely_false = 0.25;
  /// A claim is contested when each side carries at least this trusted mass (nats); > 0. The
  /// default 0.05 is about what one stance of a source trusted at 0.51 adds: any voice the model
  /// trusts at all beyond a coin toss counts, a distrusted one (which adds nothing) does not.
  double contest_mass = 0.05;
  int threads = 0;  ///< Threads for the per-claim and per-source passes; 0 = OpenMP's default.

  /// @throws InvalidArgumentError naming the first field out of range.
  void Validate() const;
};

/// The verdict of an assessed claim (docs/model.md, "Verdicts"), from its belief, interval,
/// trusted masses and unit counts (the other fields are not read):
///  - contested when both sides carry at least options.contest_mass of trusted weight;
///  - leaning true when belief >= options.likely_true and, if the claim has an interval
///    (has_interval), belief_low > 1/2 as well; leaning false when belief <= likely_false and,
///    with an interval, belief_high < 1/2: a point past its threshold whose 90% interval still
///    reaches the other side of a coin toss does not lean;
///  - contested and leaning: kContestedTrue / kContestedFalse; contested and not: kDisputed;
///    not contested: kLikelyTrue / kLikelyFalse, else kUnresolved; no units at all: kUnresolved.
/// `options` is not validated here (Analyze does). Time O(1).
Verdict VerdictOf(const ClaimAssessment& assessment, const AnalysisOptions& options);

/// Assesses every claim and source under the beliefs and trusts in `result` (from any
/// algorithm): each claim's trusted mass on both sides, weighed with the default model's
/// evidence weights under `model` (docs/model.md), its belief's interval (read from `result` when
/// belief_low and belief_high are sized for every claim; a pair that is not finite, within
/// [0, 1] and around its belief reads as absent: has_interval false), its dispute score and
/// verdict (VerdictOf); each source's agreement with the beliefs. Ranks claims by dispute score,
/// then by total trusted mass, then by id; sources by trust, then id. The per-claim pass runs on
/// options.threads threads for kParallelThreshold claims and more; the result does not depend on
/// it. Time O(units log units + members + C log C + S log S).
/// @throws InvalidArgumentError if `model` or `options` fail Validate().
Analysis Analyze(const Dataset& data, const graph::EvidenceSnapshot& snap,
                 const ModelOptions& model, const ScoringResult& result,
                 const AnalysisOptions& options);

/// The trusts the dispute score and the explanations weigh evidence with (docs/algorithms.md,
/// "Disputes under every algorithm"): the default model's own trusts; for any other algorithm,
/// whose trusts have a scale of their own, theta_s = sigmoid((t_s / t_mean) * logit(prior_s)),
/// t_mean the mean trust of the sources owning evidence and prior_s the source's prior mean
/// under `model`: a source as trusted as the average weighs as the default model's prior would
/// make it, twice the average twice as much. Time O(members + sources).
std::vector<double> DisputeTrusts(const Dataset& data, const graph::EvidenceSnapshot& snap,
                                  const ModelOptions& model, const ScoringResult& result);

/// Explains a claim's belief under the trusts in `result`, with the default model's evidence
/// weights and base rate under `model`. For the default model the belief is exactly
/// sigmoid(log_odds) (for a grouped claim, the softmax of the group's evidence); other algorithms
/// report their own belief beside it. `claim` must be a claim of `data`.
/// Time O(members + sources + claims): the weights are computed for the call (explain many
/// claims with the overload below).
/// @throws InvalidArgumentError if `model` fails Validate().
Explanation Explain(const Dataset& data, const graph::ClaimGraph& graph,
                    const graph::EvidenceSnapshot& snap, const ModelOptions& model,
                    const ScoringResult& result, Index claim);

/// Explain for each of `claims` (indices < claims in the dataset), in their order, sharing one
/// set-up: O(members + sources + claims) once, then each claim's stances (and its group's
/// claims) instead of the set-up per claim. The same explanations, bit for bit, as one call per
/// claim. @throws InvalidArgumentError if `model` fails Validate().
std::vector<Explanation> Explain(const Dataset& data, const graph::ClaimGraph& graph,
                                 const graph::EvidenceSnapshot& snap, const ModelOptions& model,
                                 const ScoringResult& result, const std::vector<Index>& claims);

}  // namespace credence::scoring
