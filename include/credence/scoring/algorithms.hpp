#pragma once
/// Every scoring algorithm behind one interface: the default model and the classic
/// truth-discovery algorithms (docs/algorithms.md has their equations, parameters and papers).
///
/// To add an algorithm: an enumerator here, its row in AllAlgorithms() (engine/scoring/
/// algorithms.cpp, with its run function), and the function itself, declared with its doc in
/// classic.hpp. The command line, `credence algorithms`, `credence eval --algorithm all` and the
/// tests that run every algorithm all read the table.

#include <cstdint>
#include <string_view>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/scoring/classic.hpp"
#include "credence/scoring/model.hpp"
#include "credence/scoring/result.hpp"

namespace credence::scoring {

/// The algorithms, in the order of AllAlgorithms().
enum class Algorithm {
  kCredence,
  kMajority,
  kSums,
  kAverageLog,
  kInvestment,
  kPooledInvestment,
  kTruthFinder,
  kCosine,
  kTwoEstimates,
  kThreeEstimates,
  kLtm,
  kDawidSkene,
  kCrh,
  kAccu,
};

/// One row of the registry.
struct AlgorithmInfo {
  Algorithm algorithm;
  std::string_view name;       ///< Command-line name, e.g. "pooled-investment".
  std::string_view summary;    ///< One line for `credence algorithms`.
  bool iterative;              ///< Has a stopping rule that --max-iterations/--tolerance override.
  int default_max_iterations;  ///< The published (or documented) default, >= 1.
  double default_tolerance;    ///< Change below which it stops; 0 = fixed iteration count.
  /// Runs a classic algorithm on the categorical view; nullptr for the default model, which
  /// reads the evidence snapshot (ScoreDefault).
  ClassicRunner run_classic;
};

/// All algorithms, the default model first, in enumerator order.
const std::vector<AlgorithmInfo>& AllAlgorithms();
/// The row of `algorithm`. O(1).
const AlgorithmInfo& InfoOf(Algorithm algorithm);
/// The algorithm with this command-line name.
/// @throws InvalidArgumentError naming the valid names when `name` is none of them.
Algorithm ParseAlgorithm(std::string_view name);

/// Options for RunAlgorithm: the default model's, and the classic algorithms'.
struct RunOptions {
  ModelOptions model;
  /// For the classic algorithms; its max_iterations and tolerance, when set, also override the
  /// default model's.
  ClassicOptions classic;
  /// Labelled claims for the default model (--labels): one entry per claim (-1 unknown, 0 false,
  /// 1 true), clamped to their truth during EM; empty for none. The classic algorithms take no
  /// labels (RunAlgorithm rejects them).
  std::vector<std::int8_t> labels;
};

/// Runs one algorithm and names the result after it. Beliefs are per claim in [0, 1] and trusts
/// per source in [0, 1] for every algorithm (scores a paper leaves unnormalised are normalised as
/// docs/algorithms.md says). A classic algorithm first builds the categorical view,
/// O(members + claims).
/// @throws InvalidArgumentError for out-of-range options.
ScoringResult RunAlgorithm(Algorithm algorithm, const Dataset& data,
                           const graph::EvidenceSnapshot& snap, const RunOptions& options);

}  // namespace credence::scoring
