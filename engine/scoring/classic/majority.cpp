// Majority vote: a value's score is the number of sources observing it (docs/algorithms.md).
#include <vector>

#include "classic_internal.hpp"

namespace credence::scoring {

ScoringResult RunMajority(const graph::CategoricalView& view, const ClassicOptions& options) {
  classic::ValidateOptions(options);
  std::vector<double> votes(view.num_values());
  for (std::size_t v = 0; v < view.num_values(); ++v) {
    votes[v] = static_cast<double>(view.ValueSources(v).size());
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
