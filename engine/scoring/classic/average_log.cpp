// Average.Log: Pasternack & Roth, "Knowing What to Believe (when you already know something)",
// COLING 2010.
#include <cmath>
#include <vector>

#include "classic_internal.hpp"

namespace credence::scoring {

ScoringResult RunAverageLog(const graph::CategoricalView& view, const ClassicOptions& options) {
  classic::ValidateOptions(options);
  const auto rule = classic::StoppingRule::For(Algorithm::kAverageLog, options);
  const int threads = classic::ThreadCount(options);

  std::vector<double> weight = classic::SourceDegrees(view);
  for (double& w : weight) w = w > 0 ? std::log(w) / w : 0.0;
  return classic::RunHubsAndAuthorities(view, weight, rule, threads);
}

}  // namespace credence::scoring
