// 3-Estimates: Galland, Abiteboul, Marian & Senellart, "Corroborating Information from
// Disagreeing Views", WSDM 2010.
#include <algorithm>
#include <utility>
#include <vector>

#include "classic_internal.hpp"

namespace credence::scoring {
namespace {

constexpr double kLambda = 0.5;             // weight of min-max stretching against rounding
constexpr double kInitialError = 0.4;       // eps(s) before the first iteration
constexpr double kInitialDifficulty = 1.0;  // phi(f) before the first iteration

// One statement's estimate of a factor of its error probability: w / d, where w is the
// probability that the statement is wrong and d the other factor. The product eps * phi is a
// probability, so the estimate is capped at 1; 0 / 0 (no error on a fact nobody can get wrong)
// is 0. Without the cap a fact or source normalised to exactly 0 would divide by zero.
double Ratio(double wrong, double other) {
  if (wrong <= 0) return 0.0;
  return wrong >= other ? 1.0 : wrong / other;
}

}  // namespace

ScoringResult RunThreeEstimates(const graph::CategoricalView& view, const ClassicOptions& options) {
  classic::ValidateOptions(options);
  const auto rule = classic::StoppingRule::For(Algorithm::kThreeEstimates, options);
  const int threads = classic::ThreadCount(options);
  const classic::GallandLayout layout(view);

  std::vector<double> theta(view.num_values(), 0.5);  // only facts are used
  std::vector<double> phi(view.num_values(), kInitialDifficulty);
  std::vector<double> eps(view.num_sources, kInitialError);
  std::vector<double> next_theta = theta;
  std::vector<double> next_phi = phi;
  std::vector<double> next_eps = eps;
  std::vector<double> value_error(view.num_values());       // sum over S(v) of eps
  std::vector<double> denial_sum(view.num_objects());       // sum over facts of min(1, theta / phi)
  std::vector<double> sorted_eps(view.num_observations());  // per object, ascending
  std::vector<double> tail_inverse(view.num_observations());  // suffix sums of 1 / eps
  ScoringResult result;
  for (int iteration = 1;; ++iteration) {
    // theta from eps and phi.
    classic::GallandThetaStep(view, layout, eps, &phi, &value_error, &next_theta, threads);
    classic::GallandNormalise(&next_theta, layout.fact_active, kLambda, threads);

    // eps from theta and phi. A denial of f says "f is false" and is wrong with theta(f); its
    // estimate min(1, theta / phi) does not depend on who denies, so it is summed per object.
    classic::ParallelFor(view.num_objects(), threads, [&](std::size_t o) {
      double sum = 0.0;
      for (const Index v : view.ObjectValues(o)) {
        if (view.value_sign[v] > 0) sum += Ratio(next_theta[v], phi[v]);
      }
      denial_sum[o] = sum;
    });
    classic::ParallelFor(view.num_sources, threads, [&](std::size_t s) {
      if (!layout.source_active[s]) return;
      double sum = 0.0;
      for (const Index v : view.SourceValues(s)) {
        const double denied = denial_sum[view.value_object[v]];
        sum += view.value_sign[v] > 0
                   ? Ratio(1.0 - next_theta[v], phi[v]) + (denied - Ratio(next_theta[v], phi[v]))
                   : denied;
      }
      next_eps[s] = sum / layout.source_statements[s];
    });
    classic::GallandNormalise(&next_eps, layout.source_active, kLambda, threads);

    // phi from theta and eps. The deniers of f are every observation of its object but those of
    // f; sum over all of them of min(1, t / eps) = #{eps <= t} + t * sum over eps > t of 1 / eps,
    // read off the object's sorted error rates.
    classic::ParallelFor(view.num_objects(), threads, [&](std::size_t o) {
      const graph::IndexRange observations = view.ObjectObservations(o);
      if (observations.empty()) return;
      const Index first = observations.front();
      const auto last = static_cast<Index>(first + observations.size());
      for (const Index k : observations) sorted_eps[k] = next_eps[view.value_sources[k]];
      std::sort(sorted_eps.begin() + first, sorted_eps.begin() + last);
      double tail = 0.0;  // tail_inverse[k] = sum over [k, last) of 1 / sorted_eps
      for (Index k = last; k > first; --k) {
        const double e = sorted_eps[k - 1];
        tail += e > 0 ? 1.0 / e : 0.0;
        tail_inverse[k - 1] = tail;
      }
      const auto all_denials = [&](double t) {
        if (t <= 0) return 0.0;
        const auto split = static_cast<Index>(
            std::upper_bound(sorted_eps.begin() + first, sorted_eps.begin() + last, t) -
            sorted_eps.begin());
        return static_cast<double>(split - first) + (split < last ? t * tail_inverse[split] : 0.0);
      };
      for (const Index v : view.ObjectValues(o)) {
        if (view.value_sign[v] < 0) continue;
        const double t = next_theta[v];
        double asserted = 0.0;
        double own_denials = 0.0;  // the asserters' terms, included in all_denials(t)
        for (const Index observer : view.ValueSources(v)) {
          const double e = next_eps[observer];
          asserted += Ratio(1.0 - t, e);
          own_denials += Ratio(t, e);
        }
        const double denied = std::max(0.0, all_denials(t) - own_denials);
        next_phi[v] = (asserted + denied) / layout.object_statements[o];
      }
    });
    classic::GallandNormalise(&next_phi, layout.fact_active, kLambda, threads);

    const double residual = std::max({classic::MaxAbsDifference(next_theta, theta, threads),
                                      classic::MaxAbsDifference(next_eps, eps, threads),
                                      classic::MaxAbsDifference(next_phi, phi, threads)});
    theta = next_theta;
    eps = next_eps;
    phi = next_phi;
    if (rule.Stop(iteration, residual, &result)) break;
  }
  classic::GallandResult(view, theta, eps, &result);
  return result;
}

}  // namespace credence::scoring
