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

// An object is binary when it has a "claim false" value: then its values are [true, false].
bool IsBinary(const graph::CategoricalView& view, std::size_t o) {
  return view.object_size(o) == 2 && view.value_sign[view.object_offsets[o] + 1] < 0;
}

}  // namespace

/// EM over every object at once, each with one true value among its values.
/// - A binary object (a claim outside any group) has the two classes "true" and "false", a class
///   prior p = P(true) shared by all binary objects, and for each source a 2 x 2 confusion matrix,
///   held as its sensitivity P(says true | true) and specificity P(says false | false).
/// - A group's values are particular to it, so no confusion matrix over them can be shared across
///   objects: each source has one accuracy a(s) (the "one-coin" model): it gives the true value
///   with probability a(s) and each of the k - 1 others with (1 - a(s)) / (k - 1); the prior over a
///   group's values is uniform. In a group of one value that value is certain, and an observation
///   of it counts as a correct answer towards a(s).
/// E-step: q(v) proportional to prior * product over the object's observations of P(answer | v).
/// M-step: p = mean of q(true) over the observed binary objects; sensitivity = sum of q(true) over
/// the source's "true" answers / sum of q(true) over all its binary answers; specificity likewise
/// with q(false); a(s) = mean of q over its answers in groups. Parameters are clamped to
/// [1e-6, 1 - 1e-6]; a source with no answers of a kind keeps 1/2 for those parameters.
/// Starts from q = the vote shares (majority vote), then iterates M-step, E-step. Stops when no
/// parameter (p, sensitivities, specificities, accuracies) and no q moves by more than the
/// tolerance (default 1e-5), or after 100 iterations; residual = that largest move (the first
/// iteration has no previous parameters and compares q only). Belief of a claim = q of its value;
/// trust = the expected share of the source's answers that are right, the mean of q over the
/// values it observes (1/2 when it observes nothing).
/// Time O(iterations * (values + observations)); memory O(values + sources).
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunDawidSkene(const graph::CategoricalView& view, const ClassicOptions& options) {
  classic::ValidateOptions(options);
  const auto rule = classic::StoppingRule::For(Algorithm::kDawidSkene, options);
  const int threads = classic::ThreadCount(options);
  const std::size_t num_objects = view.num_objects();
  std::vector<char> binary(num_objects);
  for (std::size_t o = 0; o < num_objects; ++o) binary[o] = IsBinary(view, o) ? 1 : 0;

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
      const Index begin = view.object_offsets[o];
      if (!binary[o] || view.value_offsets[begin] == view.value_offsets[begin + 2]) continue;
      prior_sum += q[begin];
      prior_count += 1.0;
    }
    next_params[0] = prior_count > 0 ? Clamp(prior_sum / prior_count) : 0.5;
    classic::ParallelFor(view.num_sources, threads, [&](std::size_t s) {
      double says_true_if_true = 0.0, given_true = 0.0;
      double says_false_if_false = 0.0, given_false = 0.0;
      double right = 0.0, answers = 0.0;
      for (Index k = view.source_offsets[s]; k < view.source_offsets[s + 1]; ++k) {
        const Index v = view.source_values[k];
        const Index o = view.value_object[v];
        if (binary[o]) {
          const double q_true = q[view.object_offsets[o]];
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
      const Index begin = view.object_offsets[o];
      const Index end = view.object_offsets[o + 1];
      if (binary[o]) {
        const double prior = next_params[0];
        double log_true = std::log(prior);
        double log_false = std::log(1.0 - prior);
        for (Index k = view.value_offsets[begin]; k < view.value_offsets[begin + 1]; ++k) {
          const double sens = next_params[sensitivity(view.value_sources[k])];
          log_true += std::log(sens);
          log_false += std::log(1.0 - next_params[specificity(view.value_sources[k])]);
        }
        for (Index k = view.value_offsets[begin + 1]; k < view.value_offsets[begin + 2]; ++k) {
          log_true += std::log(1.0 - next_params[sensitivity(view.value_sources[k])]);
          log_false += std::log(next_params[specificity(view.value_sources[k])]);
        }
        next_q[begin] = 1.0 / (1.0 + std::exp(log_false - log_true));
        next_q[begin + 1] = 1.0 - next_q[begin];
        return;
      }
      const Index k_values = end - begin;
      if (k_values == 1) {
        next_q[begin] = 1.0;
        return;
      }
      // log P(answers | v) = sum over all answers of log((1 - a) / (k - 1))
      //                      + sum over answers of v of [log a - log((1 - a) / (k - 1))].
      const double log_others = std::log(static_cast<double>(k_values - 1));
      double base = 0.0;
      for (Index k = view.value_offsets[begin]; k < view.value_offsets[end]; ++k) {
        base += std::log(1.0 - next_params[accuracy(view.value_sources[k])]) - log_others;
      }
      double top = -std::numeric_limits<double>::infinity();
      for (Index v = begin; v < end; ++v) {
        double score = base;
        for (Index k = view.value_offsets[v]; k < view.value_offsets[v + 1]; ++k) {
          const double a = next_params[accuracy(view.value_sources[k])];
          score += std::log(a) - (std::log(1.0 - a) - log_others);
        }
        next_q[v] = score;
        top = std::max(top, score);
      }
      double total = 0.0;
      for (Index v = begin; v < end; ++v) {
        next_q[v] = std::exp(next_q[v] - top);
        total += next_q[v];
      }
      for (Index v = begin; v < end; ++v) next_q[v] /= total;
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
    const Index begin = view.source_offsets[s];
    const Index end = view.source_offsets[s + 1];
    if (begin == end) return;
    double sum = 0.0;
    for (Index k = begin; k < end; ++k) sum += q[view.source_values[k]];
    result.trust[s] = sum / static_cast<double>(end - begin);
  });
  return result;
}

}  // namespace credence::scoring
