// Sums (Hubs and Authorities) as a fact-finder: Pasternack & Roth, COLING 2010; Kleinberg 1999.
#include <utility>
#include <vector>

#include "classic_internal.hpp"

namespace credence::scoring {

/// T(s) = sum over v in C(s) of B(v), then B(v) = sum over s in S(v) of T(s), each divided by its
/// maximum. Starts from B = 1 for every value (and reports the change from T = 1 in the first
/// iteration). Beliefs are each value's share of its object's B; trust is the max-normalised T
/// (0 for a source that observes nothing). Residual: max change of the normalised trust.
/// Stopping: Sums is a power iteration and converges (to the principal singular vectors of the
/// source-value matrix), so it stops when the residual is <= the tolerance (default 1e-6) or after
/// 100 iterations; Pasternack & Roth ran a fixed 20, which is usually past that point already.
/// Time O(iterations * observations); memory O(values + sources).
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunSums(const graph::CategoricalView& view, const ClassicOptions& options) {
  classic::ValidateOptions(options);
  const auto rule = classic::StoppingRule::For(Algorithm::kSums, options);
  const int threads = classic::ThreadCount(options);

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
      next_trust[s] = sum;
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
