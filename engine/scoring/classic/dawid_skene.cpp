// Dawid & Skene, "Maximum Likelihood Estimation of Observer Error-Rates Using the EM Algorithm",
// Journal of the Royal Statistical Society C 28(1), 1979.
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "classic_internal.hpp"

namespace credence::scoring {
namespace {

// Probabilities are kept in [kFloor, 1 - kFloor] so that a source that agrees (or disagrees)
// with every posterior does not make a log-likelihood infinite.
constexpr double kFloor = 1e-6;

double Clamp(double p) { return std::clamp(p, kFloor, 1.0 - kFloor); }

}  // namespace

ScoringResult RunDawidSkene(const graph::CategoricalView& view, const ClassicOptions& options) {
  classic::ValidateOptions(options);
  const auto rule = classic::StoppingRule::For(Algorithm::kDawidSkene, options);
  const int threads = classic::ThreadCount(options);
  const std::size_t num_objects = view.num_objects();
  const std::vector<char> binary = classic::BinaryObjects(view);

  std::vector<double> q = classic::VoteShares(view);
  std::vector<double> next_q(view.num_values());
  // Parameters, as one vector so that their change is one MaxAbsDifference: [0] the prior, then
  // sensitivity, specificity and accuracy of each source.
  const std::size_t num_params = 1 + 3 * static_cast<std::size_t>(view.num_sources);
  std::vector<double> params(num_params, 0.5);
  std::vector<double> next_params(num_params, 0.5);
  const auto sensitivity = [](std::size_t s) { return 1 + 3 * s; };
  const auto specificity = [](std::size_t s) { return 2 + 3 * s; };
  const auto accuracy = [](std::size_t s) { return 3 + 3 * s; };

  ScoringResult result;
  for (int iteration = 1;; ++iteration) {
    // M-step.
    double prior_sum = 0.0;
    double prior_count = 0.0;
    for (std::size_t o = 0; o < num_objects; ++o) {
      if (!binary[o] || view.ObjectObservations(o).empty()) continue;
      prior_sum += q[view.ObjectValues(o).front()];
      prior_count += 1.0;
    }
    next_params[0] = prior_count > 0 ? Clamp(prior_sum / prior_count) : 0.5;
    classic::ParallelFor(view.num_sources, threads, [&](std::size_t s) {
      double says_true_if_true = 0.0, given_true = 0.0;
      double says_false_if_false = 0.0, given_false = 0.0;
      double right = 0.0, answers = 0.0;
      for (const Index v : view.SourceValues(s)) {
        const Index o = view.value_object[v];
        if (binary[o]) {
          const double q_true = q[view.ObjectValues(o).front()];
          given_true += q_true;
          given_false += 1.0 - q_true;
          if (view.value_sign[v] > 0) {
            says_true_if_true += q_true;
          } else {
            says_false_if_false += 1.0 - q_true;
          }
        } else {
          right += q[v];
          answers += 1.0;
        }
      }
      next_params[sensitivity(s)] = given_true > 0 ? Clamp(says_true_if_true / given_true) : 0.5;
      next_params[specificity(s)] =
          given_false > 0 ? Clamp(says_false_if_false / given_false) : 0.5;
      next_params[accuracy(s)] = answers > 0 ? Clamp(right / answers) : 0.5;
    });

    // E-step.
    classic::ParallelFor(num_objects, threads, [&](std::size_t o) {
      const graph::IndexRange values = view.ObjectValues(o);
      const Index begin = values.front();  // a binary object's "true" value
      if (binary[o]) {
        const double prior = next_params[0];
        double log_true = std::log(prior);
        double log_false = std::log(1.0 - prior);
        for (const Index observer : view.ValueSources(begin)) {
          const double sens = next_params[sensitivity(observer)];
          log_true += std::log(sens);
          log_false += std::log(1.0 - next_params[specificity(observer)]);
        }
        for (const Index observer : view.ValueSources(begin + 1)) {
          log_true += std::log(1.0 - next_params[sensitivity(observer)]);
          log_false += std::log(next_params[specificity(observer)]);
        }
        next_q[begin] = 1.0 / (1.0 + std::exp(log_false - log_true));
        next_q[begin + 1] = 1.0 - next_q[begin];
        return;
      }
      const Index k_values = values.size();
      if (k_values == 1) {
        next_q[begin] = 1.0;
        return;
      }
      // log P(answers | v) = sum over all answers of log((1 - a) / (k - 1))
      //                      + sum over answers of v of [log a - log((1 - a) / (k - 1))].
      const double log_others = std::log(static_cast<double>(k_values - 1));
      double base = 0.0;
      for (const Index k : view.ObjectObservations(o)) {
        base += std::log(1.0 - next_params[accuracy(view.value_sources[k])]) - log_others;
      }
      double top = -std::numeric_limits<double>::infinity();
      for (const Index v : values) {
        double score = base;
        for (const Index observer : view.ValueSources(v)) {
          const double a = next_params[accuracy(observer)];
          score += std::log(a) - (std::log(1.0 - a) - log_others);
        }
        next_q[v] = score;
        top = std::max(top, score);
      }
      double total = 0.0;
      for (const Index v : values) {
        next_q[v] = std::exp(next_q[v] - top);
        total += next_q[v];
      }
      for (const Index v : values) next_q[v] /= total;
    });

    double residual = classic::MaxAbsDifference(next_q, q, threads);
    if (iteration > 1) {
      residual = std::max(residual, classic::MaxAbsDifference(next_params, params, threads));
    }
    q.swap(next_q);
    params.swap(next_params);
    if (rule.Stop(iteration, residual, &result)) break;
  }

  result.belief.resize(view.num_claims);
  for (Index c = 0; c < view.num_claims; ++c) result.belief[c] = q[view.claim_value[c]];
  result.trust.assign(view.num_sources, 0.5);
  classic::ParallelFor(view.num_sources, threads, [&](std::size_t s) {
    if (!view.SourceValues(s).empty()) result.trust[s] = classic::MeanOverValues(view, q, s);
  });
  return result;
}

}  // namespace credence::scoring
