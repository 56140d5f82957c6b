// Sums (Hubs and Authorities) as a fact-finder: Pasternack & Roth, COLING 2010; Kleinberg 1999.
#include <vector>

#include "classic_internal.hpp"

namespace credence::scoring {

ScoringResult RunSums(const graph::CategoricalView& view, const ClassicOptions& options) {
  classic::ValidateOptions(options);
  const auto rule = classic::StoppingRule::For(Algorithm::kSums, options);
  const int threads = classic::ThreadCount(options);

  return classic::RunHubsAndAuthorities(view, std::vector<double>(view.num_sources, 1.0), rule,
                                        threads);
}

}  // namespace credence::scoring
