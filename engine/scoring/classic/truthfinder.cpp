// TruthFinder: Yin, Han & Yu, "Truth Discovery with Multiple Conflicting Information Providers on
// the Web", KDD 2007 (and IEEE TKDE 20(6), 2008).
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "classic_internal.hpp"

namespace credence::scoring {
namespace {

constexpr double kRho = 0.5;           // weight of the other values' confidence (influence)
constexpr double kGamma = 0.3;         // dampening factor
constexpr double kInitialTrust = 0.9;  // t(w) before the first iteration
// Trust is capped here so that tau = -ln(1 - t) stays finite (about 20.7) once confidences round
// to 1; the paper does not say what to do then.
constexpr double kMaxTrust = 1.0 - 1e-9;

}  // namespace

ScoringResult RunTruthFinder(const graph::CategoricalView& view, const ClassicOptions& options) {
  classic::ValidateOptions(options);
  const auto rule = classic::StoppingRule::For(Algorithm::kTruthFinder, options);
  const int threads = classic::ThreadCount(options);

  std::vector<double> trust(view.num_sources, kInitialTrust);
  std::vector<double> next_trust(view.num_sources);
  std::vector<double> tau(view.num_sources);
  std::vector<double> sigma(view.num_values());
  std::vector<double> confidence(view.num_values());
  ScoringResult result;
  for (int iteration = 1;; ++iteration) {
    classic::ParallelFor(view.num_sources, threads, [&](std::size_t s) {
      tau[s] = -std::log1p(-std::min(trust[s], kMaxTrust));
    });
    classic::SumOverSources(view, tau, &sigma, threads);
    classic::ParallelFor(view.num_objects(), threads, [&](std::size_t o) {
      double total = 0.0;
      for (const Index v : view.ObjectValues(o)) total += sigma[v];
      for (const Index v : view.ObjectValues(o)) {
        // sigma(v) - rho * (sum of the other values' sigma)
        const double adjusted = (1.0 + kRho) * sigma[v] - kRho * total;
        confidence[v] = 1.0 / (1.0 + std::exp(-kGamma * adjusted));
      }
    });
    classic::ParallelFor(view.num_sources, threads, [&](std::size_t s) {
      next_trust[s] =
          view.SourceValues(s).empty() ? trust[s] : classic::MeanOverValues(view, confidence, s);
    });
    const double residual = classic::MaxAbsDifference(next_trust, trust, threads);
    trust.swap(next_trust);
    if (rule.Stop(iteration, residual, &result)) break;
  }
  result.belief = graph::BeliefsFromValueScores(view, confidence);
  result.trust = std::move(trust);
  return result;
}

}  // namespace credence::scoring
