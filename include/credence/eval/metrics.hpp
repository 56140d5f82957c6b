#pragma once
/// Accuracy and calibration of a scoring result against a gold file, and the stance-counting
/// baselines it is compared with (`credence eval`; docs/benchmarks.md shows them on real data).
///
/// Claim gold (claim,truth): a claim is predicted true iff its belief > 0.5, and labelled by its
/// gold truth. Object gold (object,value[,tolerance]): the predicted value of an object is the
/// claim of its group with the highest belief (ties: the smallest claim id); each claim of a gold
/// object is labelled true iff its value matches the gold value, and predicted true iff it is the
/// predicted value. A claim's value is its `value` field (triples), else its id; with a tolerance
/// t two values match when both are numbers and |predicted - gold| <= t * |gold|, otherwise when
/// the strings are equal.
///
/// Accuracy is over the gold rows: a gold claim or object that is not in the dataset counts as
/// wrong (and is counted in `missing`). The per-claim metrics (precision, recall, F1, Brier,
/// ECE) are over the *scored claims*: the gold claims in the dataset, or every claim of the gold
/// objects in the dataset.

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/eval/gold.hpp"
#include "credence/eval/metrics_row.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/scoring/algorithms.hpp"
#include "credence/scoring/model.hpp"

namespace credence::eval {

/// Scores `result` against `gold` (every metric but `seconds`).
/// Time O(claims + stances + gold rows + sources log sources).
/// @throws InvalidArgumentError when result.belief does not have one entry per claim, or
/// result.trust is neither empty (no trust: the baselines) nor one entry per source.
Metrics Evaluate(const Dataset& data, const scoring::ScoringResult& result, const Gold& gold);

/// Expected calibration error of probabilities `belief` for 0/1 `label`s (same size): claims
/// fall into 10 equal-width bins by belief (bin floor(10 b), b = 1 in the last), and
/// ECE = sum over bins of n_b / N * |acc_b - conf_b|, where acc_b is the share of the bin's
/// claims labelled true and conf_b their mean belief (Naeini, Cooper & Hauskrecht, AAAI 2015;
/// Guo et al., ICML 2017). NaN for no claims. Time O(N).
double ExpectedCalibrationError(const std::vector<double>& belief, const std::vector<int>& label);

/// Spearman's rank correlation of x and y (same size): the Pearson correlation of their ranks,
/// tied values sharing their average rank. NaN with fewer than 2 points or when either side is
/// constant. Time O(n log n).
double SpearmanCorrelation(const std::vector<double>& x, const std::vector<double>& y);

/// The trust correlation of Metrics::trust_rho, over sources with at least `min_stances` stances
/// on scored claims: a source's measured accuracy is the share of its stances on scored claims
/// that agree with the gold (support a claim labelled true, or deny one labelled false; neutral
/// stances are ignored). A stance is the holder's, or for an anonymous holder the vouching
/// outlet's when there is one (the owner rule of docs/model.md). `label` is per claim: 1 true,
/// 0 false, -1 not scored. Returns the correlation and sets `sources_used`.
double SourceTrustCorrelation(const Dataset& data, const std::vector<double>& trust,
                              const std::vector<int>& label, std::size_t min_stances,
                              std::size_t* sources_used);

/// The stance-counting baselines, for claim gold.
enum class Baseline {
  kForOverAgainst,  ///< "rule:for>against": true iff supports outnumber denials.
  kNoDenialTwoFor,  ///< "rule:no-denial&>=2for": true iff no denial and at least two supports.
};

/// Both baselines, in the order above.
const std::vector<Baseline>& AllBaselines();
std::string_view NameOf(Baseline baseline);

/// Applies a baseline to the raw stances (each stance line counts once; neutral ones not at
/// all): belief 1 or 0 per claim, no trust, 0 iterations, converged. Time O(claims + stances).
scoring::ScoringResult RunBaseline(const Dataset& data, Baseline baseline);

/// What EvaluateAlgorithms runs.
struct EvalOptions {
  std::vector<scoring::Algorithm> algorithms;  ///< In this order.
  bool baselines = false;  ///< Add the baseline rows (claim gold only) after the algorithms.
  /// When an algorithm throws, report its message as the row's `error` and go on with the
  /// others (true), or let the exception through (false).
  bool keep_going = true;
  scoring::RunOptions run;
};

/// Runs each algorithm on the snapshot, times it (wall clock) and evaluates it: one row each,
/// then the baseline rows. Time: the algorithms' plus O(claims + stances) each.
/// @throws whatever an algorithm throws when keep_going is false; std::bad_alloc always.
std::vector<Metrics> EvaluateAlgorithms(const Dataset& data, const graph::EvidenceSnapshot& snap,
                                        const Gold& gold, const EvalOptions& options);

}  // namespace credence::eval
