// Average.Log: Pasternack & Roth, "Knowing What to Believe (when you already know something)",
// COLING 2010.
#include <cmath>
#include <utility>
#include <vector>

#include "classic_internal.hpp"

namespace credence::scoring {

/// T(s) = ln|C(s)| / |C(s)| * sum over v in C(s) of B(v), then B(v) = sum over s in S(v) of T(s),
/// each divided by its maximum; starts from B = 1 (and T = 1 for the first residual). As
/// published, a source observing a single value has ln 1 = 0 and so trust 0: its observations
/// count for nothing. If every source is such, all B are 0 and every object falls back to 1/k.
/// Beliefs are each value's share of its object's B; trust is the max-normalised T. Residual: max
/// change of the normalised trust. Stops when that is <= the tolerance (default 1e-6) or after 100
/// iterations (a power iteration with fixed weights, like Sums).
/// Time O(iterations * observations); memory O(values + sources).
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunAverageLog(const graph::CategoricalView& view, const ClassicOptions& options) {
  classic::ValidateOptions(options);
  const auto rule = classic::StoppingRule::For(Algorithm::kAverageLog, options);
  const int threads = classic::ThreadCount(options);

  std::vector<double> weight = classic::SourceDegrees(view);
  for (double& w : weight) w = w > 0 ? std::log(w) / w : 0.0;
  std::vector<double> belief(view.num_values(), 1.0);
  std::vector<double> trust(view.num_sources, 1.0);
  std::vector<double> next_trust(view.num_sources);
  ScoringResult result;
  for (int iteration = 1;; ++iteration) {
    classic::ParallelFor(view.num_sources, threads, [&](std::size_t s) {
      double sum = 0.0;
      for (Index k = view.source_offsets[s]; k < view.source_offsets[s + 1]; ++k) {
        sum += belief[view.source_values[k]];
      }
      next_trust[s] = weight[s] * sum;
    });
    classic::NormaliseByMax(&next_trust, threads);
    const double residual = classic::MaxAbsDifference(next_trust, trust, threads);
    trust.swap(next_trust);
    classic::ParallelFor(view.num_values(), threads, [&](std::size_t v) {
      double sum = 0.0;
      for (Index k = view.value_offsets[v]; k < view.value_offsets[v + 1]; ++k) {
        sum += trust[view.value_sources[k]];
      }
      belief[v] = sum;
    });
    classic::NormaliseByMax(&belief, threads);
    if (rule.Stop(iteration, residual, &result)) break;
  }
  result.belief = graph::BeliefsFromValueScores(view, belief);
  result.trust = std::move(trust);
  return result;
}

}  // namespace credence::scoring
