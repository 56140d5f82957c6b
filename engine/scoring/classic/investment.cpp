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

  const std::vector<double> degree = classic::SourceDegrees(view);
  std::vector<double> belief = classic::VoteShares(view);
  std::vector<double> trust(view.num_sources, 1.0);
  std::vector<double> next_trust, invest, pool, invested;
  ScoringResult result;
  for (int iteration = 1;; ++iteration) {
    classic::InvestmentTrustStep(view, degree, trust, belief, &invest, &pool, &next_trust, threads);
    const double residual = classic::MaxAbsDifference(next_trust, trust, threads);
    trust.swap(next_trust);
    classic::InvestedTrust(view, degree, trust, &invested, threads);
    classic::ParallelFor(view.num_values(), threads,
                         [&](std::size_t v) { belief[v] = std::pow(invested[v], kGrowth); });
    classic::NormaliseByMax(&belief, threads);
    if (rule.Stop(iteration, residual, &result)) break;
  }
  result.belief = graph::BeliefsFromValueScores(view, belief);
  result.trust = std::move(trust);
  return result;
}

}  // namespace credence::scoring
