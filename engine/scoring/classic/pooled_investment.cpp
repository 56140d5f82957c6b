// PooledInvestment: Pasternack & Roth, "Knowing What to Believe (when you already know
// something)", COLING 2010.
#include <cmath>
#include <utility>
#include <vector>

#include "classic_internal.hpp"

namespace credence::scoring {
namespace {

constexpr double kGrowth = 1.4;  // g, the exponent of G(x) = x^g

}  // namespace

ScoringResult RunPooledInvestment(const graph::CategoricalView& view,
                                  const ClassicOptions& options) {
  classic::ValidateOptions(options);
  const auto rule =
      classic::StoppingRule::For(Algorithm::kPooledInvestment, options, /*fixed_count=*/true);
  const int threads = classic::ThreadCount(options);

  std::vector<double> uniform(view.num_values());
  for (std::size_t o = 0; o < view.num_objects(); ++o) {
    for (const Index v : view.ObjectValues(o)) {
      uniform[v] = 1.0 / static_cast<double>(view.object_size(o));
    }
  }
  return classic::RunInvestmentIteration(
      view, std::move(uniform), rule, threads,
      [&](const std::vector<double>& invested, std::vector<double>* belief) {
        classic::ParallelFor(view.num_objects(), threads, [&](std::size_t o) {
          double pooled = 0.0;
          for (const Index v : view.ObjectValues(o)) pooled += std::pow(invested[v], kGrowth);
          for (const Index v : view.ObjectValues(o)) {
            (*belief)[v] = pooled > 0 ? invested[v] * std::pow(invested[v], kGrowth) / pooled : 0.0;
          }
        });
      });
}

}  // namespace credence::scoring
