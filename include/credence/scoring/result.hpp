#pragma once
/// What every scoring algorithm returns: a belief per claim, a trust per source and the
/// diagnostics of its iteration.

#include <cstddef>
#include <string>
#include <vector>

namespace credence::scoring {

/// The result of one scoring run (the default model or a classic algorithm).
struct ScoringResult {
  std::string algorithm;       ///< Command-line name of the algorithm, e.g. "credence".
  std::vector<double> belief;  ///< Per claim, in [0, 1].
  std::vector<double> trust;   ///< Per source, in [0, 1].
  /// The default model's two coins per source: P(supports | true), P(denies | false); empty for
  /// the classic algorithms.
  std::vector<double> sensitivity;
  std::vector<double> specificity;
  /// The base rate the beliefs were computed with (learned or given); the default model only
  /// (negative for the classic algorithms).
  double base_rate = -1.0;
  /// 90% intervals (5th and 95th percentiles) of each trust and belief; the default model only
  /// (empty for the classic algorithms). docs/model.md, "Intervals".
  std::vector<double> trust_low, trust_high;
  std::vector<double> belief_low, belief_high;
  int iterations = 0;      ///< Iterations run (>= 1 for every algorithm on any input).
  double residual = 0.0;   ///< Largest change in the last iteration.
  bool converged = false;  ///< The last change was within the tolerance.
  /// Bytes of the flat arrays one iteration reads or writes, each array counted once: what an
  /// iteration must move at the least, for stating its speed against the memory bandwidth
  /// (docs/performance.md). 0 where an algorithm does not report it.
  std::size_t bytes_per_iteration = 0;
  /// Wall time of the iterations alone (set-up and the final belief pass excluded), for the
  /// same comparison. Timing only: it never affects a result.
  double iteration_seconds = 0.0;
  /// Wall time of the intervals (trust_low ... belief_high) alone, part of the scoring time;
  /// 0 where an algorithm computes none. Timing only: it never affects a result.
  double interval_seconds = 0.0;
};

}  // namespace credence::scoring
