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

  const std::vector<double> degree = classic::SourceDegrees(view);
  std::vector<double> belief(view.num_values());
  for (std::size_t o = 0; o < view.num_objects(); ++o) {
    for (const Index v : view.ObjectValues(o)) {
      belief[v] = 1.0 / static_cast<double>(view.object_size(o));
    }
  }
  std::vector<double> trust(view.num_sources, 1.0);
  std::vector<double> next_trust, invest, pool, invested;
  ScoringResult result;
  for (int iteration = 1;; ++iteration) {
    classic::InvestmentTrustStep(view, degree, trust, belief, &invest, &pool, &next_trust, threads);
    const double residual = classic::MaxAbsDifference(next_trust, trust, threads);
    trust.swap(next_trust);
    classic::InvestedTrust(view, degree, trust, &invested, threads);
    classic::ParallelFor(view.num_objects(), threads, [&](std::size_t o) {
      double pooled = 0.0;
      for (const Index v : view.ObjectValues(o)) pooled += std::pow(invested[v], kGrowth);
      for (const Index v : view.ObjectValues(o)) {
        belief[v] = pooled > 0 ? invested[v] * std::pow(invested[v], kGrowth) / pooled : 0.0;
      }
    });
    classic::NormaliseByMax(&belief, threads);
    if (rule.Stop(iteration, residual, &result)) break;
  }
  result.belief = graph::BeliefsFromValueScores(view, belief);
  result.trust = std::move(trust);
  return result;
}

}  // namespace credence::scoring
