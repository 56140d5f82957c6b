#pragma once
/// Fitting the default model's global parameters to labelled claims (`credence fit`;
/// docs/model.md, "Fitting the parameters"): the supervised route, where --labels is the
/// semi-supervised one. Three steps, in this order:
///
///  1. The base rate: rho = (K + s/2) / (N + s) over the N labelled claims outside groups of
///     alternatives, K of them true, s = base_rate_strength (the posterior mean under the
///     model's Beta(s/2, s/2) prior centred on 0.5). Written with learn_base_rate = 0.
///  2. The pooled coins of each kind: over the evidence on labelled claims (the snapshot's
///     members that carry a unit's trust, implied denials left out), grouped by the kind of the
///     member's owner (PoolOf),
///       sensitivity_<kind> = (supports of true claims + k mu_a) / (stances on true claims + k)
///       specificity_<kind> = (denials of false claims + k mu_b) / (stances on false claims + k)
///     with k = kind_prior_strength and (mu_a, mu_b) the kind's prior means (KindPriorMeans),
///     kept in [trust_floor, 1 - trust_floor]. Only kinds with evidence on a labelled claim are
///     set; written with learn_kind_means = 0. The step is kept only when it raises log L of
///     step 3 (the counts ignore the echo discount that tempers the model's likelihood).
///  3. The factors hedge_factor, strong_hedge_factor, interested_factor, anonymous_factor,
///     echo_factor and relay_fidelity, in that order: coordinate-wise golden-section search of
///     each over its valid range ((0, 1], relay_fidelity (0.5, 1]) maximising
///       log L = sum over labelled c of y_c ln b_c + (1 - y_c) ln(1 - b_c)
///     with b_c the belief of the default model run to convergence with the candidate
///     parameters and no labels (ScoreDefault), kept in [1e-12, 1 - 1e-12]. A factor moves
///     only when the best point found raises log L; FitOptions::sweeps passes over the six.
///
/// Deterministic: a fixed order, no random numbers, and ScoreDefault is deterministic for any
/// thread count.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/scoring/model.hpp"

namespace credence::scoring {

/// How FitParameters searches.
struct FitOptions {
  int sweeps = 3;  ///< Passes of the coordinate-wise search over the factors; >= 0.
  int steps = 20;  ///< Golden-section steps per factor and sweep (bracket x 0.618 each); >= 1.
  bool fit_base_rate = true;   ///< false: keep the start base rate (as --base-rate asks).
  bool fit_kind_coins = true;  ///< false: keep the start kinds' coins.

  /// @throws InvalidArgumentError naming the first field out of range.
  void Validate() const;
};

/// Evidence on labelled claims by the kind of its owner (step 2 of the file comment).
struct KindCounts {
  double stances_true = 0;   ///< Evidence members on claims labelled true.
  double supports_true = 0;  ///< Of which supports.
  double stances_false = 0;  ///< On claims labelled false.
  double denials_false = 0;  ///< Of which denials.
};

/// One fitted parameter.
struct FittedParameter {
  std::string name;    ///< A ModelOptions parameter name.
  double start = 0.0;  ///< Its value before fitting.
  double value = 0.0;  ///< Its fitted value.
};

/// What FitParameters found.
struct FitResult {
  /// The start options with the fitted values set (and learn_base_rate = 0, learn_kind_means
  /// = 0 when those were fitted).
  ModelOptions options;
  std::vector<FittedParameter> fitted;             ///< In fitting order.
  std::array<KindCounts, kNumPoolKinds> counts{};  ///< By PoolKind.
  std::size_t claims = 0;                          ///< Labelled claims.
  std::size_t true_claims = 0;                     ///< Of which labelled true.
  double log_likelihood_before = 0.0;              ///< log L under the start options.
  double log_likelihood_after = 0.0;               ///< log L under the fitted options.
  int evaluations = 0;                             ///< Model runs of the search.
};

/// The factors step 3 searches, in order.
const std::vector<std::string>& FittedFactors();

/// Step 2's counts. `labels`: one entry per claim (-1 unknown, 0 false, 1 true).
/// Time O(members of the labelled claims).
std::array<KindCounts, kNumPoolKinds> CountKindEvidence(const Dataset& data,
                                                        const graph::EvidenceSnapshot& snap,
                                                        const std::vector<std::int8_t>& labels);

/// Fits the global parameters to the labelled claims (see the file comment). `labels` holds
/// one entry per claim of `data` (eval::LabelClaims). With no labelled claim nothing is fitted.
/// Time O(sweeps * 6 * (steps + 2) model runs).
/// @throws InvalidArgumentError when `start` or `options` fail Validate, or `labels` does not
/// have one entry per claim.
FitResult FitParameters(const Dataset& data, const graph::EvidenceSnapshot& snap,
                        const std::vector<std::int8_t>& labels, const ModelOptions& start,
                        const FitOptions& options = {});

/// log L of the file comment: the default model run with `model` and no labels.
/// @throws InvalidArgumentError as FitParameters.
double LabelLogLikelihood(const Dataset& data, const graph::EvidenceSnapshot& snap,
                          const std::vector<std::int8_t>& labels, const ModelOptions& model);

}  // namespace credence::scoring
