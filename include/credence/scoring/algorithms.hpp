#pragma once
/// Every scoring algorithm behind one interface: the default model and the classic
/// truth-discovery algorithms (docs/algorithms.md has their equations, parameters and papers).

#include <cstdint>
#include <string_view>
#include <vector>

#include "credence/graph/categorical.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/scoring/model.hpp"

namespace credence::scoring {

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

struct AlgorithmInfo {
  Algorithm algorithm;
  std::string_view name;       ///< Command-line name, e.g. "pooled-investment".
  std::string_view summary;    ///< One line for `credence algorithms`.
  bool iterative;              ///< Has a stopping rule that --max-iterations/--tolerance override.
  int default_max_iterations;  ///< The published (or documented) default.
  double default_tolerance;    ///< Change below which it stops; 0 = fixed iteration count.
};

/// All algorithms, the default model first.
const std::vector<AlgorithmInfo>& AllAlgorithms();
const AlgorithmInfo& InfoOf(Algorithm algorithm);
/// @throws InvalidArgumentError naming the valid names when `name` is none of them.
Algorithm ParseAlgorithm(std::string_view name);

/// Options shared by the classic algorithms. Negative max_iterations / tolerance mean "the
/// algorithm's default" (AlgorithmInfo).
struct ClassicOptions {
  int max_iterations = -1;
  double tolerance = -1.0;
  std::uint64_t seed = 42;  ///< For the sampling algorithms (LTM).
  int threads = 0;          ///< 0 = all cores; results do not depend on it.

  int MaxIterations(const AlgorithmInfo& info) const {
    return max_iterations > 0 ? max_iterations : info.default_max_iterations;
  }
  double Tolerance(const AlgorithmInfo& info) const {
    return tolerance >= 0 ? tolerance : info.default_tolerance;
  }
};

/// Options for RunAlgorithm: the default model's, and the classic algorithms'.
struct RunOptions {
  ModelOptions model;
  ClassicOptions classic;
};

/// Runs one algorithm. Beliefs are per claim in [0, 1] and trusts per source in [0, 1] for every
/// algorithm (scores a paper leaves unnormalised are normalised as docs/algorithms.md says).
/// @throws InvalidArgumentError for out-of-range options.
ScoringResult RunAlgorithm(Algorithm algorithm, const Dataset& data,
                           const graph::EvidenceSnapshot& snap, const RunOptions& options);

// The classic algorithms, each on the categorical view (engine/scoring/classic/*.cpp). Each
// returns beliefs per claim (BeliefsFromValueScores over its per-value scores unless its doc
// says otherwise), trusts per source, iterations, residual and whether it converged.
ScoringResult RunMajority(const graph::CategoricalView& view, const ClassicOptions& options);
ScoringResult RunSums(const graph::CategoricalView& view, const ClassicOptions& options);
ScoringResult RunAverageLog(const graph::CategoricalView& view, const ClassicOptions& options);
ScoringResult RunInvestment(const graph::CategoricalView& view, const ClassicOptions& options);
ScoringResult RunPooledInvestment(const graph::CategoricalView& view,
                                  const ClassicOptions& options);
ScoringResult RunTruthFinder(const graph::CategoricalView& view, const ClassicOptions& options);
ScoringResult RunCosine(const graph::CategoricalView& view, const ClassicOptions& options);
ScoringResult RunTwoEstimates(const graph::CategoricalView& view, const ClassicOptions& options);
ScoringResult RunThreeEstimates(const graph::CategoricalView& view, const ClassicOptions& options);
ScoringResult RunLtm(const graph::CategoricalView& view, const ClassicOptions& options);
ScoringResult RunDawidSkene(const graph::CategoricalView& view, const ClassicOptions& options);
ScoringResult RunCrh(const graph::CategoricalView& view, const ClassicOptions& options);
ScoringResult RunAccu(const graph::CategoricalView& view, const ClassicOptions& options);

}  // namespace credence::scoring
