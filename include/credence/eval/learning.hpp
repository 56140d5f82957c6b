#pragma once
/// What labelled claims are worth to the default model (`credence eval --folds K`): K-fold
/// cross-validation of its two ways of learning from labels, at growing shares of the training
/// labels.
///
/// The gold rows (claims for claim gold, objects for object gold) are shuffled with the seed and
/// dealt into K folds (row i of the shuffled order into fold i mod K). For each fold, the other
/// K - 1 are the training rows, in shuffled order; a share q of them is their first
/// round(q * n) rows, so that the subsets of one fold are nested. Each share is learned by two
/// routes:
///   - fit:    scoring::FitParameters on the training labels, then the model run with the
///             fitted parameters and no labels;
///   - labels: the model run with the training labels clamped during EM (--labels);
/// (share 0 is the unsupervised model for both), and scored on the held-out fold. Accuracy is
/// pooled over the folds (correct held-out rows over all rows); ECE over the pooled held-out
/// claims (the claims Evaluate scores: the gold claims, or every claim of the gold objects).
/// Deterministic for a seed, whatever the thread count.

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/eval/gold.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/scoring/fit.hpp"
#include "credence/scoring/model.hpp"

namespace credence::eval {

/// What RunLearningCurve does.
struct LearningOptions {
  int folds = 5;            ///< K, in [2, number of gold rows].
  std::uint64_t seed = 42;  ///< Seeds the shuffle (std::mt19937_64).
  /// Shares of the training rows used as labels, each in [0, 1], ascending.
  std::vector<double> shares = {0.0, 0.05, 0.1, 0.2, 0.5, 1.0};
  scoring::ModelOptions model;  ///< The model both routes start from.
  /// The fit route's search: one sweep by default, to keep folds x shares fits affordable.
  scoring::FitOptions fit{.sweeps = 1, .steps = 14};

  /// @throws InvalidArgumentError naming the first field out of range (folds checked against
  /// the gold in RunLearningCurve).
  void Validate() const;
};

/// Out-of-fold scores of one route at one share, pooled over the folds.
struct RouteScore {
  std::size_t items = 0;          ///< Gold rows (all folds).
  std::size_t correct = 0;        ///< Of which predicted right.
  double accuracy = 0.0;          ///< correct / items.
  std::size_t scored_claims = 0;  ///< Held-out claims the ECE is over.
  double ece = 0.0;               ///< ExpectedCalibrationError of those claims (NaN for none).
};

/// One share of the labels.
struct LearningPoint {
  double share = 0.0;            ///< Of the training rows, in [0, 1].
  double labels_per_fold = 0.0;  ///< Training rows used as labels, mean over the folds.
  RouteScore fit;                ///< The fit route.
  RouteScore labels;             ///< The labels route.
};

/// A learning curve.
struct LearningCurve {
  std::string dataset;  ///< Paths as given, for the printers.
  std::string gold;
  GoldKind kind = GoldKind::kClaim;
  int folds = 0;
  std::uint64_t seed = 0;
  std::size_t items = 0;              ///< Gold rows.
  std::size_t missing = 0;            ///< Of which naming nothing in the dataset (always wrong).
  std::vector<LearningPoint> points;  ///< One per share, in order.
};

/// Runs the cross-validation of the file comment. `dataset_path` and the gold's path are only
/// copied into the result. Time: folds * (1 + 2 * shares) model runs plus folds * shares fits.
/// @throws InvalidArgumentError when options fail Validate or folds exceed the gold rows.
LearningCurve RunLearningCurve(const Dataset& data, const graph::EvidenceSnapshot& snap,
                               const Gold& gold, const LearningOptions& options);

/// The curve as a table for people: one line a share with the labels per fold and both routes'
/// accuracy (correct/items) and ECE. Fixed precision; O(points).
void WriteLearningTable(std::ostream& out, const LearningCurve& curve);

/// {"dataset":..,"gold":..,"gold_kind":..,"folds":..,"seed":..,"gold_items":..,"missing":..,
///  "points":[{"share":..,"labels_per_fold":..,"fit":{"accuracy":..,"correct":..,"items":..,
///  "ece":..,"scored_claims":..},"labels":{...}}]}; NaN as null. O(points).
void WriteLearningJson(std::ostream& out, const LearningCurve& curve);

/// The rows 0..n-1 in the seeded random order of the file comment (Fisher-Yates with
/// std::mt19937_64(seed), unbiased draws): the same on every platform. O(n).
std::vector<std::size_t> ShuffledRows(std::size_t n, std::uint64_t seed);

/// The fold of each of n gold rows: row order[p] of ShuffledRows(n, seed) goes to fold p mod
/// `folds`, so every row is in exactly one fold and the folds differ in size by one at most.
/// @throws InvalidArgumentError when folds < 1. O(n).
std::vector<int> FoldAssignment(std::size_t n, int folds, std::uint64_t seed);

/// The held-out claims Evaluate scores for `gold` with their labels: (belief, label) of every
/// claim LabelClaims labels, in claim order. Time O(claims + gold rows * log claims).
void ScoredClaims(const Dataset& data, const std::vector<double>& belief, const Gold& gold,
                  std::vector<double>* scored_belief, std::vector<int>* scored_label);

}  // namespace credence::eval
