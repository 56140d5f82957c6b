// Sums (Hubs and Authorities) as a fact-finder: Pasternack & Roth, COLING 2010; Kleinberg 1999.
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

  return classic::RunHubsAndAuthorities(view, std::vector<double>(view.num_sources, 1.0), rule,
                                        threads);
}

}  // namespace credence::scoring
