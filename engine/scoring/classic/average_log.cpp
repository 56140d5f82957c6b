// Average.Log: Pasternack & Roth, "Knowing What to Believe (when you already know something)",
// COLING 2010.
#include <cmath>
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
  return classic::RunHubsAndAuthorities(view, weight, rule, threads);
}

}  // namespace credence::scoring
