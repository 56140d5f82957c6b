// 2-Estimates: Galland, Abiteboul, Marian & Senellart, "Corroborating Information from
// Disagreeing Views", WSDM 2010.
#include <algorithm>
#include <utility>
#include <vector>

#include "classic_internal.hpp"

namespace credence::scoring {
namespace {

constexpr double kLambda = 0.5;        // weight of min-max stretching against rounding (published)
constexpr double kInitialError = 0.4;  // eps(s) before the first iteration

}  // namespace

ScoringResult RunTwoEstimates(const graph::CategoricalView& view, const ClassicOptions& options) {
  classic::ValidateOptions(options);
  const auto rule = classic::StoppingRule::For(Algorithm::kTwoEstimates, options);
  const int threads = classic::ThreadCount(options);
  const classic::GallandLayout layout(view);

  std::vector<double> theta(view.num_values(), 0.5);  // only facts are used
  std::vector<double> eps(view.num_sources, kInitialError);
  std::vector<double> next_theta = theta;
  std::vector<double> next_eps = eps;
  std::vector<double> value_error(view.num_values());    // E(v) = sum over S(v) of eps
  std::vector<double> object_theta(view.num_objects());  // sum of theta over the object's facts
  ScoringResult result;
  for (int iteration = 1;; ++iteration) {
    classic::GallandThetaStep(view, layout, eps, nullptr, &value_error, &next_theta, threads);
    classic::GallandNormalise(&next_theta, layout.fact_active, kLambda, threads);

    classic::ParallelFor(view.num_objects(), threads, [&](std::size_t o) {
      double sum = 0.0;
      for (const Index v : view.ObjectValues(o)) {
        if (view.value_sign[v] > 0) sum += next_theta[v];
      }
      object_theta[o] = sum;
    });
    classic::ParallelFor(view.num_sources, threads, [&](std::size_t s) {
      if (!layout.source_active[s]) return;
      double wrong = 0.0;
      for (const Index v : view.SourceValues(s)) {
        const double denied = object_theta[view.value_object[v]];
        // asserting fact v is wrong with 1 - theta(v); denying each other fact f with theta(f)
        wrong += view.value_sign[v] > 0 ? (1.0 - next_theta[v]) + (denied - next_theta[v]) : denied;
      }
      next_eps[s] = wrong / layout.source_statements[s];
    });
    classic::GallandNormalise(&next_eps, layout.source_active, kLambda, threads);

    const double residual = std::max(classic::MaxAbsDifference(next_theta, theta, threads),
                                     classic::MaxAbsDifference(next_eps, eps, threads));
    theta = next_theta;
    eps = next_eps;
    if (rule.Stop(iteration, residual, &result)) break;
  }
  classic::GallandResult(view, theta, eps, &result);
  return result;
}

}  // namespace credence::scoring
