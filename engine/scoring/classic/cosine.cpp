// Cosine: Galland, Abiteboul, Marian & Senellart, "Corroborating Information from Disagreeing
// Views", WSDM 2010.
#include <algorithm>
#include <cmath>
#include <vector>

#include "classic_internal.hpp"

namespace credence::scoring {
namespace {

constexpr double kEta = 0.2;  // learning rate of the trust update

}  // namespace

ScoringResult RunCosine(const graph::CategoricalView& view, const ClassicOptions& options) {
  classic::ValidateOptions(options);
  const auto rule = classic::StoppingRule::For(Algorithm::kCosine, options);
  const int threads = classic::ThreadCount(options);

  std::vector<double> facts(view.num_objects(), 0.0);  // number of facts of each object
  for (std::size_t v = 0; v < view.num_values(); ++v) {
    if (view.value_sign[v] > 0) facts[view.value_object[v]] += 1.0;
  }
  std::vector<double> t(view.num_sources);  // Galland's T, in [-1, 1]
  for (Index s = 0; s < view.num_sources; ++s) {
    t[s] = view.SourceValues(s).empty() ? 0.0 : 1.0;
  }
  std::vector<double> next_t(view.num_sources);
  std::vector<double> cube(view.num_sources);
  std::vector<double> theta(view.num_values(), 0.0);  // at facts; 0 at "claim false" values
  std::vector<double> theta_sum(view.num_objects(), 0.0);
  std::vector<double> theta_sq(view.num_objects(), 0.0);

  auto update_theta = [&] {
    classic::ParallelFor(view.num_sources, threads,
                         [&](std::size_t s) { cube[s] = t[s] * t[s] * t[s]; });
    classic::ParallelFor(view.num_objects(), threads, [&](std::size_t o) {
      // Every observation of the object states each of its facts, so for a fact f the deniers'
      // sum is (sum over the object's observations) - (sum over f's asserters).
      double all = 0.0;
      double weight = 0.0;
      for (const Index k : view.ObjectObservations(o)) {
        all += cube[view.value_sources[k]];
        weight += std::abs(cube[view.value_sources[k]]);
      }
      double sum = 0.0;
      double sq = 0.0;
      for (const Index v : view.ObjectValues(o)) {
        if (view.value_sign[v] < 0) continue;
        double asserting = 0.0;
        for (const Index observer : view.ValueSources(v)) asserting += cube[observer];
        theta[v] = weight > 0 ? std::clamp((2.0 * asserting - all) / weight, -1.0, 1.0) : 0.0;
        sum += theta[v];
        sq += theta[v] * theta[v];
      }
      theta_sum[o] = sum;
      theta_sq[o] = sq;
    });
  };

  update_theta();
  ScoringResult result;
  for (int iteration = 1;; ++iteration) {
    classic::ParallelFor(view.num_sources, threads, [&](std::size_t s) {
      double agreement = 0.0;  // sum of +-theta over the source's statements
      double count = 0.0;      // |F(s)|
      double sq = 0.0;         // sum of theta^2 over F(s)
      for (const Index v : view.SourceValues(s)) {
        const Index o = view.value_object[v];
        // Asserts v (when it is a fact), denies the object's other facts.
        agreement += (view.value_sign[v] > 0 ? 2.0 * theta[v] : 0.0) - theta_sum[o];
        count += facts[o];
        sq += theta_sq[o];
      }
      const double cosine = sq > 0 ? agreement / std::sqrt(count * sq) : 0.0;
      next_t[s] = std::clamp((1.0 - kEta) * t[s] + kEta * cosine, -1.0, 1.0);
    });
    // The reported trust is (1 + T) / 2, so its change is half that of T.
    const double residual = 0.5 * classic::MaxAbsDifference(next_t, t, threads);
    t.swap(next_t);
    update_theta();
    if (rule.Stop(iteration, residual, &result)) break;
  }

  std::vector<double> score(view.num_values());
  for (std::size_t v = 0; v < view.num_values(); ++v) {
    // A "claim false" value is the second of its binary object, after the claim's fact.
    score[v] = view.value_sign[v] > 0 ? 0.5 * (1.0 + theta[v]) : 0.5 * (1.0 - theta[v - 1]);
  }
  result.belief = graph::BeliefsFromValueScores(view, score);
  result.trust.resize(view.num_sources);
  for (Index s = 0; s < view.num_sources; ++s) result.trust[s] = 0.5 * (1.0 + t[s]);
  return result;
}

}  // namespace credence::scoring
