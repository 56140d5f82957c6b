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

/// The trust step of Investment (classic::InvestmentTrustStep); then, with H(v) = sum over s in
/// S(v) of T(s)/|C(s)|, B(v) = H(v) * H(v)^1.4 / sum over the values d of v's object of H(d)^1.4
/// (0 when that sum is 0). Starts from T = 1 and B = 1/k over the k values of each object. T and B
/// are divided by their maxima after each step (no ratio changes). Beliefs are each value's share
/// of its object's B; trust is the max-normalised T.
///
/// Stopping: PooledInvestment does not converge on hard data and drifts further from the truth
/// the longer it runs, so Credence runs the published fixed count (10 iterations, or
/// --max-iterations) and never stops early. converged is true only if the last iteration changed
/// no normalised trust by more than the tolerance (default 0, so in practice false; pass
/// --tolerance to set the threshold). Residual: max change of the normalised trust in the last
/// iteration.
/// Time O(iterations * observations); memory O(values + sources).
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunPooledInvestment(const graph::CategoricalView& view,
                                  const ClassicOptions& options) {
  classic::ValidateOptions(options);
  const auto rule =
      classic::StoppingRule::For(Algorithm::kPooledInvestment, options, /*fixed_count=*/true);
  const int threads = classic::ThreadCount(options);

  const std::vector<double> degree = classic::SourceDegrees(view);
  std::vector<double> belief(view.num_values());
  for (std::size_t o = 0; o < view.num_objects(); ++o) {
    for (Index v = view.object_offsets[o]; v < view.object_offsets[o + 1]; ++v) {
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
      const Index begin = view.object_offsets[o];
      const Index end = view.object_offsets[o + 1];
      double pooled = 0.0;
      for (Index v = begin; v < end; ++v) pooled += std::pow(invested[v], kGrowth);
      for (Index v = begin; v < end; ++v) {
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
