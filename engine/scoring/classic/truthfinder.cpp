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

/// With t(w) a source's trust, tau(w) = -ln(1 - t(w)), sigma(v) = sum over S(v) of tau,
/// sigma*(v) = sigma(v) + rho * sum over the other values v' of v's object of imp(v' -> v) *
/// sigma(v') with imp = -1 (distinct values of one object exclude each other; for a claim outside
/// a group the other value is "the claim is false", so deniers count against it), confidence
/// s(v) = 1 / (1 + e^(-gamma sigma*(v))), and t(w) = the mean of s over the values w observes.
/// rho = 0.5, gamma = 0.3, initial trust 0.9 (the paper's defaults). Trust is already a mean of
/// probabilities and is reported as is (a source that observes nothing keeps 0.9); beliefs are
/// each value's share of its object's confidence (values nobody observes have sigma = 0 and still
/// get a confidence, below 1/2 when other values are observed).
///
/// Stopping: the paper stops when 1 - cos(t, t_previous) < 0.001. The cosine sees only the
/// direction of the trust vector, and from equal trusts consecutive vectors are nearly parallel, so
/// that rule stops after one or two iterations; after one, confidences depend only on vote counts
/// (majority vote). Credence instead stops when no trust moves by more than the tolerance (max
/// absolute change, default 1e-6), which a first iteration from equal trusts meets only if no
/// trust moves at all, or after 100 iterations.
/// Residual: that max change in the last iteration.
/// Time O(iterations * observations); memory O(values + sources).
/// @throws InvalidArgumentError if `options` are out of range.
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
    classic::ParallelFor(view.num_values(), threads, [&](std::size_t v) {
      double sum = 0.0;
      for (Index k = view.value_offsets[v]; k < view.value_offsets[v + 1]; ++k) {
        sum += tau[view.value_sources[k]];
      }
      sigma[v] = sum;
    });
    classic::ParallelFor(view.num_objects(), threads, [&](std::size_t o) {
      const Index begin = view.object_offsets[o];
      const Index end = view.object_offsets[o + 1];
      double total = 0.0;
      for (Index v = begin; v < end; ++v) total += sigma[v];
      for (Index v = begin; v < end; ++v) {
        // sigma(v) - rho * (sum of the other values' sigma)
        const double adjusted = (1.0 + kRho) * sigma[v] - kRho * total;
        confidence[v] = 1.0 / (1.0 + std::exp(-kGamma * adjusted));
      }
    });
    classic::ParallelFor(view.num_sources, threads, [&](std::size_t s) {
      const Index begin = view.source_offsets[s];
      const Index end = view.source_offsets[s + 1];
      if (begin == end) {
        next_trust[s] = trust[s];
        return;
      }
      double sum = 0.0;
      for (Index k = begin; k < end; ++k) sum += confidence[view.source_values[k]];
      next_trust[s] = sum / static_cast<double>(end - begin);
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
