#pragma once
// Helpers shared by the classic truth-discovery algorithms (engine/scoring/classic/*.cpp). Not
// installed. Everything here is deterministic for any thread count: parallel loops compute each
// output element with a sequential loop, and the only reductions are max, which is exact.

#include <fmt/format.h>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/graph/categorical.hpp"
#include "credence/scoring/algorithms.hpp"
#include "credence/scoring/parallel.hpp"

namespace credence::scoring::classic {

/// Checks the ClassicOptions fields every classic algorithm reads: max_iterations, when set, is
/// >= 1, tolerance, when set, is a number >= 0, threads >= 0.
/// @throws InvalidArgumentError naming the field, the allowed range and the value received.
inline void ValidateOptions(const ClassicOptions& options) {
  if (options.max_iterations && *options.max_iterations < 1) {
    throw InvalidArgumentError(fmt::format(
        "ClassicOptions.max_iterations must be at least 1 (or unset for the algorithm's default), "
        "got {}",
        *options.max_iterations));
  }
  if (options.tolerance && !(*options.tolerance >= 0.0)) {
    throw InvalidArgumentError(fmt::format(
        "ClassicOptions.tolerance must be a number >= 0 (or unset for the algorithm's default), "
        "got {}",
        *options.tolerance));
  }
  if (options.threads < 0) {
    throw InvalidArgumentError(
        fmt::format("ClassicOptions.threads must be in [0, inf), got {}", options.threads));
  }
}

/// The number of OpenMP threads to use: options.threads, or all cores when it is 0.
inline int ThreadCount(const ClassicOptions& options) {
  return options.threads > 0 ? options.threads : omp_get_max_threads();
}

/// Calls body(i) for every i in [0, n), in parallel with a static schedule. `body` must only write
/// to elements owned by i. Time O(n) calls.
template <typename Body>
void ParallelFor(std::size_t n, int threads, const Body& body) {
  const auto count = static_cast<std::int64_t>(n);
#pragma omp parallel for schedule(static) num_threads(threads) if (count >= kParallelThreshold)
  for (std::int64_t i = 0; i < count; ++i) body(static_cast<std::size_t>(i));
}

/// max(0, value(0), ..., value(n - 1)), in parallel with a static schedule; exact, so the same on
/// any thread count. Time O(n) calls.
template <typename Value>
double ParallelMax(std::size_t n, int threads, const Value& value) {
  double best = 0.0;
  const auto count = static_cast<std::int64_t>(n);
#pragma omp parallel for schedule(static) num_threads(threads) \
    reduction(max                                              \
              : best) if (count >= kParallelThreshold)
  for (std::int64_t i = 0; i < count; ++i)
    best = std::max(best, value(static_cast<std::size_t>(i)));
  return best;
}

/// The largest entry of `x`, or 0 when `x` is empty or has no positive entry. Time O(n).
inline double MaxOf(const std::vector<double>& x, int threads) {
  return ParallelMax(x.size(), threads, [&](std::size_t i) { return x[i]; });
}

/// Divides every entry of `x` (all >= 0) by the largest, so that the largest becomes 1. A vector
/// with no positive entry is left unchanged. Time O(n).
inline void NormaliseByMax(std::vector<double>* x, int threads) {
  const double best = MaxOf(*x, threads);
  if (!(best > 0.0)) return;
  ParallelFor(x->size(), threads, [&](std::size_t i) { (*x)[i] /= best; });
}

/// max over i of |a[i] - b[i]| (0 for empty vectors); a and b have the same size. Time O(n).
inline double MaxAbsDifference(const std::vector<double>& a, const std::vector<double>& b,
                               int threads) {
  return ParallelMax(a.size(), threads, [&](std::size_t i) { return std::abs(a[i] - b[i]); });
}

/// per_value[v] = sum over s in S(v) of per_source[s]: a per-source quantity summed over the
/// sources observing each value. Time O(observations).
inline void SumOverSources(const graph::CategoricalView& view,
                           const std::vector<double>& per_source, std::vector<double>* per_value,
                           int threads) {
  per_value->resize(view.num_values());
  ParallelFor(view.num_values(), threads, [&](std::size_t v) {
    double sum = 0.0;
    for (const Index observer : view.ValueSources(v)) {
      sum += per_source[observer];
    }
    (*per_value)[v] = sum;
  });
}

/// The mean of `per_value` over the values source s observes, summed in order; s must observe at
/// least one. Time O(values of s).
inline double MeanOverValues(const graph::CategoricalView& view,
                             const std::vector<double>& per_value, std::size_t s) {
  const auto values = view.SourceValues(s);
  double sum = 0.0;
  for (const Index v : values) sum += per_value[v];
  return sum / static_cast<double>(values.size());
}

/// Per object: 1 when it is binary (a claim outside any group), else 0. Time O(objects).
inline std::vector<char> BinaryObjects(const graph::CategoricalView& view) {
  std::vector<char> binary(view.num_objects());
  for (std::size_t o = 0; o < binary.size(); ++o) binary[o] = view.IsBinary(o) ? 1 : 0;
  return binary;
}

/// The number of values each source observes (|C(s)|), as doubles. Time O(sources).
inline std::vector<double> SourceDegrees(const graph::CategoricalView& view) {
  std::vector<double> degree(view.num_sources);
  for (Index s = 0; s < view.num_sources; ++s) {
    degree[s] = static_cast<double>(view.SourceValues(s).size());
  }
  return degree;
}

/// Per-value vote shares: |S(v)| over the number of observations of v's object (1/k over the k
/// values of an object nobody observes). Pasternack & Roth's "voted" prior belief. Time O(values).
inline std::vector<double> VoteShares(const graph::CategoricalView& view) {
  std::vector<double> share(view.num_values());
  for (std::size_t o = 0; o < view.num_objects(); ++o) {
    const double total = view.ObjectObservations(o).size();
    for (const Index v : view.ObjectValues(o)) {
      const double votes = view.ValueSources(v).size();
      share[v] = total > 0 ? votes / total : 1.0 / static_cast<double>(view.object_size(o));
    }
  }
  return share;
}

/// The stopping rule of an iterative classic algorithm: at most `max_iterations` iterations;
/// unless `fixed_count`, stop as soon as an iteration's residual is <= `tolerance` (a tolerance
/// of 0 therefore runs every iteration unless nothing moves at all). A run has converged when its
/// last residual is <= `tolerance`, whether or not it stopped early.
struct StoppingRule {
  int max_iterations = 1;
  double tolerance = 0.0;
  bool fixed_count = false;

  /// The rule for `algorithm` with the --max-iterations / --tolerance overrides in `options`.
  static StoppingRule For(Algorithm algorithm, const ClassicOptions& options,
                          bool fixed_count = false) {
    const AlgorithmInfo& info = InfoOf(algorithm);
    return {options.max_iterations.value_or(info.default_max_iterations),
            options.tolerance.value_or(info.default_tolerance), fixed_count};
  }

  /// Records iteration `iteration` (1-based) and its residual in `result`; true when the loop
  /// must stop after it.
  bool Stop(int iteration, double residual, ScoringResult* result) const {
    result->iterations = iteration;
    result->residual = residual;
    result->converged = residual <= tolerance;
    return iteration >= max_iterations || (!fixed_count && result->converged);
  }
};

/// The fact-finder iteration of Pasternack & Roth (2010), from T = 1 and the beliefs B given:
/// trust_step(T, B, &T') writes the new trusts, already divided by their maximum; the residual is
/// the max change of the normalised trust; then belief_step(T', &B) writes every B(v), which is
/// divided by its maximum. Beliefs are each value's share of its object's B; trust is the
/// max-normalised T. Time O(iterations * (the steps + values + sources)).
template <typename TrustStep, typename BeliefStep>
ScoringResult RunFactFinder(const graph::CategoricalView& view, std::vector<double> belief,
                            const StoppingRule& rule, int threads, const TrustStep& trust_step,
                            const BeliefStep& belief_step) {
  std::vector<double> trust(view.num_sources, 1.0);
  std::vector<double> next_trust(view.num_sources);
  ScoringResult result;
  for (int iteration = 1;; ++iteration) {
    trust_step(trust, belief, &next_trust);
    const double residual = MaxAbsDifference(next_trust, trust, threads);
    trust.swap(next_trust);
    belief_step(trust, &belief);
    NormaliseByMax(&belief, threads);
    if (rule.Stop(iteration, residual, &result)) break;
  }
  result.belief = graph::BeliefsFromValueScores(view, belief);
  result.trust = std::move(trust);
  return result;
}

/// The weighted Hubs and Authorities iteration of Sums and Average.Log (Pasternack & Roth 2010):
/// T(s) = weight[s] * sum over v in C(s) of B(v), then B(v) = sum over s in S(v) of T(s), each
/// divided by its maximum, starting from B = 1 (and T = 1 for the first residual, the max change
/// of the normalised trust). Beliefs are each value's share of its object's B; trust is the
/// max-normalised T. Time O(iterations * observations); memory O(values + sources).
inline ScoringResult RunHubsAndAuthorities(const graph::CategoricalView& view,
                                           const std::vector<double>& weight,
                                           const StoppingRule& rule, int threads) {
  return RunFactFinder(
      view, std::vector<double>(view.num_values(), 1.0), rule, threads,
      [&](const std::vector<double>&, const std::vector<double>& belief,
          std::vector<double>* next_trust) {
        ParallelFor(view.num_sources, threads, [&](std::size_t s) {
          double sum = 0.0;
          for (const Index value : view.SourceValues(s)) sum += belief[value];
          (*next_trust)[s] = weight[s] * sum;
        });
        NormaliseByMax(next_trust, threads);
      },
      [&](const std::vector<double>& trust, std::vector<double>* belief) {
        SumOverSources(view, trust, belief, threads);
      });
}

}  // namespace credence::scoring::classic

namespace credence::scoring::classic {

/// invest[s] = T(s) / |C(s)| (0 for a source that observes nothing): what each source puts into
/// each value it observes. Time O(sources).
inline void Investments(const std::vector<double>& degree, const std::vector<double>& trust,
                        std::vector<double>* invest, int threads) {
  invest->resize(trust.size());
  ParallelFor(trust.size(), threads,
              [&](std::size_t s) { (*invest)[s] = degree[s] > 0 ? trust[s] / degree[s] : 0.0; });
}

/// The trust step of Investment and PooledInvestment (Pasternack & Roth 2010): each source invests
/// its trust equally in the values it observes and gets back a share of each value's belief in
/// proportion to its investment,
///   T'(s) = sum over v in C(s) of B(v) * [T(s)/|C(s)|] / sum over r in S(v) of [T(r)/|C(r)|],
/// written into `next_trust` divided by its maximum. `invest` and `pool` are scratch space.
/// Time O(observations).
inline void InvestmentTrustStep(const graph::CategoricalView& view,
                                const std::vector<double>& degree, const std::vector<double>& trust,
                                const std::vector<double>& belief, std::vector<double>* invest,
                                std::vector<double>* pool, std::vector<double>* next_trust,
                                int threads) {
  next_trust->resize(view.num_sources);
  Investments(degree, trust, invest, threads);
  SumOverSources(view, *invest, pool, threads);
  ParallelFor(view.num_sources, threads, [&](std::size_t s) {
    double returns = 0.0;
    for (const Index v : view.SourceValues(s)) {
      // pool[v] includes this source's own investment, so it is 0 only if that is 0 too.
      if ((*pool)[v] > 0) returns += belief[v] / (*pool)[v];
    }
    (*next_trust)[s] = (*invest)[s] * returns;
  });
  NormaliseByMax(next_trust, threads);
}

/// The iteration of Investment and PooledInvestment (Pasternack & Roth 2010), a RunFactFinder
/// from T = 1 and the given beliefs B: the trust step InvestmentTrustStep, then the trust
/// invested in each value, H(v) = sum over s in S(v) of T(s)/|C(s)|, from which grow(H, &B)
/// writes every B(v). Time O(iterations * (observations + grow)); memory O(values + sources).
template <typename Grow>
ScoringResult RunInvestmentIteration(const graph::CategoricalView& view, std::vector<double> belief,
                                     const StoppingRule& rule, int threads, const Grow& grow) {
  const std::vector<double> degree = SourceDegrees(view);
  std::vector<double> invest, pool, invested;
  return RunFactFinder(
      view, std::move(belief), rule, threads,
      [&](const std::vector<double>& trust, const std::vector<double>& beliefs,
          std::vector<double>* next_trust) {
        InvestmentTrustStep(view, degree, trust, beliefs, &invest, &pool, next_trust, threads);
      },
      [&](const std::vector<double>& trust, std::vector<double>* beliefs) {
        Investments(degree, trust, &invest, threads);
        SumOverSources(view, invest, &invested, threads);
        grow(invested, beliefs);
      });
}

}  // namespace credence::scoring::classic

namespace credence::scoring::classic {

/// What 2-Estimates and 3-Estimates (Galland et al., WSDM 2010) read besides the view. Their
/// *facts* are the "claim true" values (a claim outside a group, or a claim of a group); every
/// observation (s, v) of an object *states* each fact of that object: it asserts v when v is a fact
/// and denies every other fact of the object (for a binary object, observing "claim false" denies
/// the claim). So |V(f)| is the number of observations of f's object, and |F(s)| sums, over the
/// observations of s, the number of facts in the observed object. Time O(values + observations).
struct GallandLayout {
  std::vector<double> object_statements;  ///< |V(f)| of each fact of the object.
  std::vector<double> source_statements;  ///< |F(s)|.
  std::vector<char> fact_active;          ///< Per value: a fact that someone states (|V(f)| > 0).
  std::vector<char> source_active;        ///< Per source: it observes something.

  explicit GallandLayout(const graph::CategoricalView& view)
      : object_statements(view.num_objects()),
        source_statements(view.num_sources, 0.0),
        fact_active(view.num_values(), 0),
        source_active(view.num_sources, 0) {
    std::vector<double> object_facts(view.num_objects(), 0.0);
    for (std::size_t o = 0; o < view.num_objects(); ++o) {
      object_statements[o] = view.ObjectObservations(o).size();
      for (const Index v : view.ObjectValues(o)) {
        if (view.value_sign[v] < 0) continue;
        object_facts[o] += 1.0;
        fact_active[v] = object_statements[o] > 0 ? 1 : 0;
      }
    }
    for (Index s = 0; s < view.num_sources; ++s) {
      for (const Index value : view.SourceValues(s)) {
        source_statements[s] += object_facts[view.value_object[value]];
      }
      source_active[s] = view.SourceValues(s).empty() ? 0 : 1;
    }
  }
};

/// Galland et al.'s normalisation, applied after every step of 2- and 3-Estimates to the entries i
/// with active[i] (all in [0, 1]):  x <- lambda * (x - min) / (max - min) + (1 - lambda) *
/// round(x), min and max over the active entries. Both steps are discontinuous, so that
/// floating-point rounding (which depends on the order of a sum, hence on how entities are
/// numbered) does not decide them: round(x) = 1 when x >= 1/2 - 1e-9, else 0, and when max - min <=
/// 1e-12 every entry counts as equal and (x - min) / (max - min) is taken as x itself (nothing to
/// stretch). The stretched value is snapped to 0 or 1 within 1e-12 of them, so that a minimum or
/// maximum reached by several entries gives each exactly 0 or 1 (3-Estimates divides by these
/// values). Inactive entries are left alone. Time O(n); exact, so independent of the thread count.
inline void GallandNormalise(std::vector<double>* x, const std::vector<char>& active, double lambda,
                             int threads) {
  double lo = 0.0;
  double hi = 0.0;
  bool any = false;
  for (std::size_t i = 0; i < x->size(); ++i) {
    if (!active[i]) continue;
    const double value = (*x)[i];
    if (!any || value < lo) lo = value;
    if (!any || value > hi) hi = value;
    any = true;
  }
  if (!any) return;
  constexpr double kRoundingSlack = 1e-9;
  constexpr double kNoRange = 1e-12;
  const double range = hi - lo;
  ParallelFor(x->size(), threads, [&](std::size_t i) {
    if (!active[i]) return;
    const double value = (*x)[i];
    double stretched = range > kNoRange ? (value - lo) / range : value;
    if (stretched < kNoRange) stretched = 0.0;
    if (stretched > 1.0 - kNoRange) stretched = 1.0;
    const double rounded = value >= 0.5 - kRoundingSlack ? 1.0 : 0.0;
    (*x)[i] = lambda * stretched + (1.0 - lambda) * rounded;
  });
}

/// The theta step of 2- and 3-Estimates, before normalisation: for each fact f stated by someone,
///   theta(f) = [sum over asserters of (1 - eps(s) phi(f)) + sum over deniers of eps(s) phi(f)]
///              / |V(f)|
/// into `next_theta`, with phi = 1 when `phi` is null (2-Estimates). `value_error` receives, per
/// value, the sum of eps over its observers. Time O(values + observations).
inline void GallandThetaStep(const graph::CategoricalView& view, const GallandLayout& layout,
                             const std::vector<double>& eps, const std::vector<double>* phi,
                             std::vector<double>* value_error, std::vector<double>* next_theta,
                             int threads) {
  SumOverSources(view, eps, value_error, threads);
  const std::vector<double>& error = *value_error;
  ParallelFor(view.num_objects(), threads, [&](std::size_t o) {
    if (layout.object_statements[o] == 0) return;
    double object_error = 0.0;  // sum of eps over every observation of the object
    for (const Index v : view.ObjectValues(o)) object_error += error[v];
    for (const Index v : view.ObjectValues(o)) {
      if (view.value_sign[v] < 0) continue;
      const double asserters = view.ValueSources(v).size();
      // asserters vote 1 - eps phi; every other observation of the object denies f and votes
      // eps phi
      (*next_theta)[v] =
          phi == nullptr
              ? (asserters - error[v] + (object_error - error[v])) / layout.object_statements[o]
              : (asserters - (*phi)[v] * error[v] + (*phi)[v] * (object_error - error[v])) /
                    layout.object_statements[o];
    }
  });
}

/// The result of 2- and 3-Estimates: belief of a claim = theta of its fact; trust = 1 - eps.
inline void GallandResult(const graph::CategoricalView& view, const std::vector<double>& theta,
                          const std::vector<double>& eps, ScoringResult* result) {
  result->belief.resize(view.num_claims);
  for (Index c = 0; c < view.num_claims; ++c) result->belief[c] = theta[view.claim_value[c]];
  result->trust.resize(view.num_sources);
  for (Index s = 0; s < view.num_sources; ++s) result->trust[s] = 1.0 - eps[s];
}

}  // namespace credence::scoring::classic
