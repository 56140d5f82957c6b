// Investment: Pasternack & Roth, "Knowing What to Believe (when you already know something)",
// COLING 2010.
#include <cmath>
#include <utility>
#include <vector>

#include "classic_internal.hpp"

namespace credence::scoring {
namespace {

constexpr double kGrowth = 1.2;  // g, the exponent of the belief function G(x) = x^g

}  // namespace

ScoringResult RunInvestment(const graph::CategoricalView& view, const ClassicOptions& options) {
  classic::ValidateOptions(options);
  const auto rule = classic::StoppingRule::For(Algorithm::kInvestment, options);
  const int threads = classic::ThreadCount(options);

  return classic::RunInvestmentIteration(
      view, classic::VoteShares(view), rule, threads,
      [&](const std::vector<double>& invested, std::vector<double>* belief) {
        classic::ParallelFor(view.num_values(), threads,
                             [&](std::size_t v) { (*belief)[v] = std::pow(invested[v], kGrowth); });
      });
}

}  // namespace credence::scoring
