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

/// Sources invest their trust equally in the values they observe (classic::InvestmentTrustStep),
/// then B(v) = G(sum over s in S(v) of T(s)/|C(s)|) with G(x) = x^1.2. Starts from T = 1 and the
/// vote shares as beliefs (the "voted" prior). T and B are divided by their maxima after each
/// step; both steps are homogeneous in the scale of T and B, so this changes no ratio. Beliefs
/// are each value's share of its object's B; trust is the max-normalised T (0 for a source that
/// observes nothing). Residual: max change of the normalised trust.
/// Stopping: the published 20 iterations, earlier if the residual is <= the tolerance (default
/// 1e-6). Investment has no convergence guarantee: after 20 iterations trust usually still moves
/// (converged = false), and run for long it collapses onto one winner per object and can fall
/// below majority vote (docs/algorithms.md), so the cap is kept at 20.
/// Time O(iterations * observations); memory O(values + sources).
/// @throws InvalidArgumentError if `options` are out of range.
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
