#pragma once
/// One row of an evaluation (eval::Evaluate fills it, report::WriteEvalTable prints it), on its
/// own so that printers need not include the scoring and graph headers.

#include <cstddef>
#include <limits>
#include <string>

namespace credence::eval {

/// The value of a metric that is undefined (a 0/0 ratio): NaN.
inline constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

/// One row of an evaluation. Undefined ratios (0/0) are NaN.
struct Metrics {
  std::string algorithm;
  std::string error;      ///< Non-empty when the algorithm failed; the other fields are then unset.
  bool baseline = false;  ///< A stance-counting rule, not an algorithm.

  std::size_t items = 0;         ///< Gold rows.
  std::size_t missing = 0;       ///< Gold rows whose claim or object is not in the dataset.
  std::size_t correct = 0;       ///< Gold rows predicted right.
  double accuracy = kUndefined;  ///< correct / items.

  /// Confusion counts over the scored claims with "false" as the positive class: tp = predicted
  /// false and false, fp = predicted false but true, fn = predicted true but false, tn = the rest.
  std::size_t scored_claims = 0;
  std::size_t tp = 0, fp = 0, fn = 0, tn = 0;
  double precision = kUndefined;  ///< tp / (tp + fp).
  double recall = kUndefined;     ///< tp / (tp + fn).
  double f1 = kUndefined;         ///< 2 tp / (2 tp + fp + fn).
  double brier = kUndefined;      ///< Mean (belief - label)^2, label 1 for true, 0 for false.
  double ece = kUndefined;        ///< Expected calibration error; see ExpectedCalibrationError.

  /// Spearman correlation between the sources' trust and their accuracy on the gold; see
  /// SourceTrustCorrelation.
  double trust_rho = kUndefined;
  std::size_t trust_sources = 0;

  int iterations = 0;
  bool converged = false;
  double seconds = 0.0;  ///< Wall time of the scoring (set by EvaluateAlgorithms).
};

}  // namespace credence::eval
