// Majority vote: a value's score is the number of sources observing it (docs/algorithms.md).
#include <vector>

#include "classic_internal.hpp"

namespace credence::scoring {

/// One pass. belief(c) = |S(v_c)| / sum over the values v' of c's object of |S(v')|; 1/k for an
/// object nobody observes. Every source has trust 1: a vote gives each source the same weight.
/// iterations = 1, residual = 0, converged = true. Time O(values + sources).
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunMajority(const graph::CategoricalView& view, const ClassicOptions& options) {
  classic::ValidateOptions(options);
  std::vector<double> votes(view.num_values());
  for (std::size_t v = 0; v < view.num_values(); ++v) {
    votes[v] = static_cast<double>(view.value_offsets[v + 1] - view.value_offsets[v]);
  }
  ScoringResult result;
  result.belief = graph::BeliefsFromValueScores(view, votes);
  result.trust.assign(view.num_sources, 1.0);
  result.iterations = 1;
  result.residual = 0.0;
  result.converged = true;
  return result;
}

}  // namespace credence::scoring
