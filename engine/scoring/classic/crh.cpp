// CRH: Li, Li, Gao, Zhao, Fan & Han, "Resolving Conflicts in Heterogeneous Data by Truth
// Discovery and Source Reliability Estimation", SIGMOD 2014 (categorical data, 0-1 loss).
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "classic_internal.hpp"

namespace credence::scoring {
namespace {

// Added to every source's loss before the weights are taken, so that a source that agrees with
// every truth gets a large finite weight instead of -log(0) = infinity. A tenth of a wrong answer.
constexpr double kLossSmoothing = 0.1;
// Scores within this relative distance of an object's best score are a tie.
constexpr double kTieTolerance = 1e-9;

}  // namespace

ScoringResult RunCrh(const graph::CategoricalView& view, const ClassicOptions& options) {
  classic::ValidateOptions(options);
  const auto rule = classic::StoppingRule::For(Algorithm::kCrh, options);
  const int threads = classic::ThreadCount(options);
  const std::vector<double> degree = classic::SourceDegrees(view);

  std::vector<double> weight(view.num_sources);
  for (Index s = 0; s < view.num_sources; ++s) weight[s] = degree[s] > 0 ? 1.0 : 0.0;
  std::vector<double> score(view.num_values());
  std::vector<double> share(view.num_values());  // vote share: the belief
  std::vector<double> truth(view.num_values());  // probability that v is the truth
  std::vector<double> loss(view.num_sources);
  std::vector<double> trust = weight;
  std::vector<double> next_trust(view.num_sources);
  std::vector<double> next_share(view.num_values());

  // Weighted vote, vote shares and truths for the current weights.
  const auto vote = [&](std::vector<double>* shares) {
    const bool unweighted = !(classic::MaxOf(weight, threads) > 0);
    classic::ParallelFor(view.num_values(), threads, [&](std::size_t v) {
      double sum = 0.0;
      for (const Index observer : view.ValueSources(v)) {
        sum += unweighted ? 1.0 : weight[observer];
      }
      score[v] = sum;
    });
    classic::ParallelFor(view.num_objects(), threads, [&](std::size_t o) {
      const graph::IndexRange values = view.ObjectValues(o);
      double best = 0.0;
      double total = 0.0;
      for (const Index v : values) {
        best = std::max(best, score[v]);
        total += score[v];
      }
      double tied = 0.0;
      for (const Index v : values) {
        if (score[v] >= best * (1.0 - kTieTolerance)) tied += 1.0;
      }
      for (const Index v : values) {
        truth[v] = score[v] >= best * (1.0 - kTieTolerance) ? 1.0 / tied : 0.0;
        (*shares)[v] = total > 0 ? score[v] / total : 1.0 / static_cast<double>(values.size());
      }
    });
  };
  vote(&share);

  ScoringResult result;
  for (int iteration = 1;; ++iteration) {
    classic::ParallelFor(view.num_sources, threads, [&](std::size_t s) {
      double sum = 0.0;
      for (const Index value : view.SourceValues(s)) {
        sum += 1.0 - truth[value];
      }
      loss[s] = sum;
    });
    double total_loss = 0.0;  // sequential: the order of a floating-point sum is fixed
    for (Index s = 0; s < view.num_sources; ++s) {
      if (degree[s] > 0) total_loss += loss[s] + kLossSmoothing;
    }
    classic::ParallelFor(view.num_sources, threads, [&](std::size_t s) {
      weight[s] = degree[s] > 0 ? -std::log((loss[s] + kLossSmoothing) / total_loss) : 0.0;
    });
    const double top = classic::MaxOf(weight, threads);
    classic::ParallelFor(view.num_sources, threads, [&](std::size_t s) {
      next_trust[s] = degree[s] > 0 ? (top > 0 ? weight[s] / top : 1.0) : 0.0;
    });
    vote(&next_share);
    const double residual = std::max(classic::MaxAbsDifference(next_trust, trust, threads),
                                     classic::MaxAbsDifference(next_share, share, threads));
    trust.swap(next_trust);
    share.swap(next_share);
    if (rule.Stop(iteration, residual, &result)) break;
  }
  result.belief = graph::BeliefsFromValueScores(view, share);
  result.trust = std::move(trust);
  return result;
}

}  // namespace credence::scoring
