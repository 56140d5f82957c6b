#pragma once
/// The plots of `credence eval`, as self-contained SVG (no script, no external style or font):
/// a reliability diagram of a run (--plot) and the learning curve of the cross-validation
/// (--plot-learning). Numbers are printed with fixed precision, so the bytes are deterministic.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "credence/eval/learning.hpp"
#include "credence/eval/metrics_row.hpp"

namespace credence::eval {

/// The curve as a self-contained SVG: out-of-fold accuracy against the share of the training
/// labels (evenly spaced, labelled in percent), one line per route with a legend, axes
/// labelled. Every point is an element with data-route, data-share, data-accuracy attributes.
/// Deterministic bytes. O(points).
void WriteLearningSvg(std::ostream& out, const LearningCurve& curve);

/// One bin of a reliability diagram.
struct ReliabilityBin {
  double lower = 0.0;  ///< The bin is [lower, upper), the last one [0.9, 1].
  double upper = 0.0;
  std::size_t count = 0;            ///< Claims in the bin.
  double mean_belief = kUndefined;  ///< Their mean belief (NaN when empty).
  double frequency = kUndefined;    ///< Share of them labelled true (NaN when empty).
};

/// The 10 equal-width bins of ExpectedCalibrationError (bin floor(10 b), b = 1 in the last) of
/// probabilities `belief` with 0/1 `label`s (same size). sum over bins of count / N *
/// |frequency - mean_belief| is the ECE. Time O(N).
std::vector<ReliabilityBin> ReliabilityBins(const std::vector<double>& belief,
                                            const std::vector<int>& label);

/// A reliability diagram (calibration plot) as a self-contained SVG: per non-empty bin a bar
/// from 0 to its observed frequency over the bin's width and a dot at (mean belief,
/// frequency), the count above it, the diagonal of perfect calibration, axes labelled, and
/// `title` followed by the ECE (3 decimals) and the number of claims. Each bin is a group with
/// data-bin, data-count, data-mean-belief and data-frequency attributes (6 decimals).
/// Deterministic bytes. O(bins).
void WriteReliabilitySvg(std::ostream& out, const std::vector<ReliabilityBin>& bins,
                         const std::string& title);

}  // namespace credence::eval
