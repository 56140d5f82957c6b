// ACCU: Dong, Berti-Equille & Srivastava, "Integrating Conflicting Data: The Role of Source
// Dependence", PVLDB 2(1), 2009 (accuracy, vote count with copy detection).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "classic_internal.hpp"

namespace credence::scoring {
namespace {

constexpr double kAlpha = 0.2;            // prior probability that two sources are dependent
constexpr double kCopyRate = 0.8;         // c: share of its values a copier copies
constexpr double kFalseValues = 100.0;    // n: false values in a group object's domain
constexpr double kInitialAccuracy = 0.8;  // A(s) before the first iteration
// Accuracies are kept in [kBound, 1 - kBound] so that ln(n A / (1 - A)) stays finite once a
// probability rounds to 1 in floating point.
constexpr double kBound = 1e-6;

// Two sources that observe a common value, and what they share.
struct SourcePair {
  Index a = 0;
  Index b = 0;
  double differ_binary = 0;  // binary objects both observe without a common value
  double differ_group = 0;   // group objects likewise
  Index shared_begin = 0;    // their common values: [shared_begin, shared_end) of SharedValues
  Index shared_end = 0;
};

struct SharedValues {
  std::vector<Index> value;
  std::vector<Index> pair;   // index into the pairs
  std::vector<Index> obs_a;  // position of (a, value) in view.value_sources
  std::vector<Index> obs_b;
};

// A quadrature rule on [0, 1]: sum over q of weight[q] f(node[q]).
struct Rule {
  std::vector<double> node;
  std::vector<double> weight;
};

// The n-point Gauss-Legendre rule on [lo, hi] appended to `rule`: exact for polynomials of degree
// up to 2n - 1. Nodes by Newton's method on the Legendre polynomial P_n.
void AppendGaussLegendre(int n, double lo, double hi, Rule* rule) {
  const double pi = std::acos(-1.0);
  for (int i = 0; i < n; ++i) {
    double x = std::cos(pi * (i + 0.75) / (n + 0.5));
    double derivative = 1.0;
    for (int step = 0; step < 100; ++step) {
      double p0 = 1.0;
      double p1 = x;
      for (int k = 2; k <= n; ++k) {
        const double p2 = ((2.0 * k - 1.0) * x * p1 - (k - 1.0) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      derivative = n * (x * p1 - p0) / (x * x - 1.0);
      const double dx = p1 / derivative;
      x -= dx;
      if (std::abs(dx) < 1e-16) break;
    }
    const double half = (hi - lo) / 2;
    rule->node.push_back(lo + half * (1.0 - x));
    rule->weight.push_back(half * 2.0 / ((1.0 - x * x) * derivative * derivative));
  }
}

// The rules for averaging the copy discount over counting orders (see RunAccu): for a value with
// m providers the integrand is a polynomial of degree m - 1, integrated exactly by ceil(m / 2)
// Gauss-Legendre nodes up to m = kExactProviders; beyond, by 8-point rules on [0, 2^-13] and on
// [2^-k, 2^-(k-1)] for k = 13..1, a grading that follows the integrand's decay from t = 0.
constexpr int kExactProviders = 64;
class OrderRules {
 public:
  OrderRules() : exact_(kExactProviders / 2 + 1) {
    for (int n = 1; n <= kExactProviders / 2; ++n) AppendGaussLegendre(n, 0.0, 1.0, &exact_[n]);
    constexpr int kLevels = 13;
    AppendGaussLegendre(8, 0.0, std::ldexp(1.0, -kLevels), &graded_);
    for (int k = kLevels; k >= 1; --k) {
      AppendGaussLegendre(8, std::ldexp(1.0, -k), std::ldexp(1.0, 1 - k), &graded_);
    }
  }
  const Rule& For(Index providers) const {
    return providers <= kExactProviders ? exact_[(providers + 1) / 2] : graded_;
  }

 private:
  std::vector<Rule> exact_;  // by number of nodes
  Rule graded_;
};

// One row per (pair, object) before grouping: the common value, or kNone when they differ.
struct PairRow {
  Index a;
  Index b;
  Index value;
  std::uint8_t binary;
  bool operator<(const PairRow& other) const {
    if (a != other.a) return a < other.a;
    if (b != other.b) return b < other.b;
    if (value != other.value) return value < other.value;
    return binary < other.binary;
  }
};

// The position in view.value_sources of `source`'s observation of `value`.
Index FindObservation(const graph::CategoricalView& view, Index value, Index source) {
  const auto sources = view.ValueSources(value);
  return view.value_offsets[value] +
         static_cast<Index>(std::lower_bound(sources.begin(), sources.end(), source) -
                            sources.begin());
}

// The pairs of sources that observe at least one common value (only they are ever discounted),
// with what they share over every object both observe. Time and memory O(sum over objects of the
// square of their number of observations).
std::vector<SourcePair> FindPairs(const graph::CategoricalView& view, SharedValues* shared) {
  std::vector<PairRow> rows;
  std::vector<std::pair<Index, Index>> obs;  // (source, value) of one object
  for (std::size_t o = 0; o < view.num_objects(); ++o) {
    const auto binary = static_cast<std::uint8_t>(view.IsBinary(o) ? 1 : 0);
    obs.clear();
    for (const Index v : view.ObjectValues(o)) {
      for (const Index observer : view.ValueSources(v)) {
        obs.emplace_back(observer, v);
      }
    }
    std::sort(obs.begin(), obs.end());
    // Runs of one source: [run_begin[i], run_begin[i + 1]).
    std::vector<std::size_t> run_begin;
    for (std::size_t i = 0; i < obs.size(); ++i) {
      if (i == 0 || obs[i].first != obs[i - 1].first) run_begin.push_back(i);
    }
    run_begin.push_back(obs.size());
    for (std::size_t x = 0; x + 1 < run_begin.size(); ++x) {
      for (std::size_t y = x + 1; y + 1 < run_begin.size(); ++y) {
        const Index a = obs[run_begin[x]].first;
        const Index b = obs[run_begin[y]].first;
        bool common = false;
        std::size_t i = run_begin[x];
        std::size_t j = run_begin[y];
        while (i < run_begin[x + 1] && j < run_begin[y + 1]) {
          if (obs[i].second < obs[j].second) {
            ++i;
          } else if (obs[j].second < obs[i].second) {
            ++j;
          } else {
            rows.push_back({a, b, obs[i].second, binary});
            common = true;
            ++i;
            ++j;
          }
        }
        if (!common) rows.push_back({a, b, kNone, binary});
      }
    }
  }
  std::sort(rows.begin(), rows.end());

  std::vector<SourcePair> pairs;
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i;
    SourcePair pair{rows[i].a, rows[i].b, 0, 0, static_cast<Index>(shared->value.size()), 0};
    for (; j < rows.size() && rows[j].a == rows[i].a && rows[j].b == rows[i].b; ++j) {
      if (rows[j].value == kNone) {
        (rows[j].binary ? pair.differ_binary : pair.differ_group) += 1.0;
      } else {
        shared->value.push_back(rows[j].value);
        shared->pair.push_back(static_cast<Index>(pairs.size()));
        shared->obs_a.push_back(FindObservation(view, rows[j].value, pair.a));
        shared->obs_b.push_back(FindObservation(view, rows[j].value, pair.b));
      }
    }
    pair.shared_end = static_cast<Index>(shared->value.size());
    if (pair.shared_end > pair.shared_begin) pairs.push_back(pair);
    i = j;
  }
  return pairs;
}

}  // namespace

ScoringResult RunAccu(const graph::CategoricalView& view, const ClassicOptions& options) {
  classic::ValidateOptions(options);
  const auto stopping = classic::StoppingRule::For(Algorithm::kAccu, options);
  const int threads = classic::ThreadCount(options);
  const std::size_t num_objects = view.num_objects();
  const std::vector<char> binary = classic::BinaryObjects(view);
  SharedValues shared;
  const std::vector<SourcePair> pairs = FindPairs(view, &shared);

  std::vector<double> accuracy(view.num_sources, kInitialAccuracy);
  std::vector<double> next_accuracy = accuracy;
  std::vector<double> prob = classic::VoteShares(view);  // P(v)
  std::vector<double> next_prob(view.num_values());
  std::vector<double> vote(view.num_values());
  std::vector<double> discount(view.num_observations(), 1.0);  // I(s, v) by value-major position
  std::vector<double> dependent(pairs.size(), 0.0);            // P(a ~ b), either direction

  // The common values' entries by value, for the discount.
  std::vector<Index> entry_offsets(view.num_values() + 1, 0);
  for (Index v : shared.value) ++entry_offsets[v + 1];
  for (std::size_t v = 0; v < view.num_values(); ++v) entry_offsets[v + 1] += entry_offsets[v];
  std::vector<Index> entries(shared.value.size());
  {
    std::vector<Index> cursor(entry_offsets.begin(), entry_offsets.end() - 1);
    for (std::size_t j = 0; j < shared.value.size(); ++j) {
      entries[cursor[shared.value[j]]++] = static_cast<Index>(j);
    }
  }
  const OrderRules rules;

  ScoringResult result;
  for (int iteration = 1;; ++iteration) {
    // Discounts: I(s, v) = integral over t in [0, 1] of the product over the other providers s'
    // of (1 - t c P(s ~ s')), one value at a time (its providers' products at the rule's nodes).
    if (iteration > 1) {
      classic::ParallelFor(view.num_values(), threads, [&](std::size_t v) {
        const Index base = view.value_offsets[v];
        const Index providers = view.value_offsets[v + 1] - base;
        if (entry_offsets[v] == entry_offsets[v + 1]) return;
        const Rule& rule = rules.For(providers);
        const std::size_t nodes = rule.node.size();
        thread_local std::vector<double> product;
        product.assign(static_cast<std::size_t>(providers) * nodes, 1.0);
        for (Index e = entry_offsets[v]; e < entry_offsets[v + 1]; ++e) {
          const Index j = entries[e];
          const double rate = kCopyRate * dependent[shared.pair[j]];
          double* a = product.data() + static_cast<std::size_t>(shared.obs_a[j] - base) * nodes;
          double* b = product.data() + static_cast<std::size_t>(shared.obs_b[j] - base) * nodes;
          for (std::size_t q = 0; q < nodes; ++q) {
            const double factor = 1.0 - rule.node[q] * rate;
            a[q] *= factor;
            b[q] *= factor;
          }
        }
        for (Index k = 0; k < providers; ++k) {
          double sum = 0.0;
          for (std::size_t q = 0; q < nodes; ++q) {
            sum += rule.weight[q] * product[static_cast<std::size_t>(k) * nodes + q];
          }
          discount[base + k] = sum;
        }
      });
    }
    classic::ParallelFor(view.num_values(), threads, [&](std::size_t v) {
      const double n = binary[view.value_object[v]] ? 1.0 : kFalseValues;
      double sum = 0.0;
      for (const Index k : view.ValueObservations(v)) {
        const double a = accuracy[view.value_sources[k]];
        sum += std::log(n * a / (1.0 - a)) * discount[k];
      }
      vote[v] = sum;
    });
    classic::ParallelFor(num_objects, threads, [&](std::size_t o) {
      const graph::IndexRange values = view.ObjectValues(o);
      const double n = binary[o] ? 1.0 : kFalseValues;
      const double unseen = std::max(0.0, n + 1.0 - static_cast<double>(values.size()));
      double top = 0.0;  // the unseen values' C = 0 takes part in the maximum
      for (const Index v : values) top = std::max(top, vote[v]);
      double total = unseen * std::exp(-top);
      for (const Index v : values) total += std::exp(vote[v] - top);
      for (const Index v : values) next_prob[v] = std::exp(vote[v] - top) / total;
    });
    classic::ParallelFor(view.num_sources, threads, [&](std::size_t s) {
      if (view.SourceValues(s).empty()) return;
      next_accuracy[s] =
          std::clamp(classic::MeanOverValues(view, next_prob, s), kBound, 1.0 - kBound);
    });
    classic::ParallelFor(pairs.size(), threads, [&](std::size_t p) {
      const SourcePair& pair = pairs[p];
      const double a1 = next_accuracy[pair.a];
      const double a2 = next_accuracy[pair.b];
      const auto differ = [&](double n) { return 1.0 - a1 * a2 - (1.0 - a1) * (1.0 - a2) / n; };
      const double log_differ = pair.differ_binary * std::log(differ(1.0)) +
                                pair.differ_group * std::log(differ(kFalseValues));
      const double differ_count = pair.differ_binary + pair.differ_group;
      double independent = log_differ;
      double a_copies = log_differ + differ_count * std::log(1.0 - kCopyRate);
      double b_copies = a_copies;
      for (Index j = pair.shared_begin; j < pair.shared_end; ++j) {
        const Index v = shared.value[j];
        const double n = binary[view.value_object[v]] ? 1.0 : kFalseValues;
        const double pt = next_prob[v];
        const double both_false = (1.0 - a1) * (1.0 - a2) / n;
        independent += std::log(pt * a1 * a2 + (1.0 - pt) * both_false);
        a_copies +=
            std::log(pt * (a2 * kCopyRate + a1 * a2 * (1.0 - kCopyRate)) +
                     (1.0 - pt) * ((1.0 - a2) * kCopyRate + both_false * (1.0 - kCopyRate)));
        b_copies +=
            std::log(pt * (a1 * kCopyRate + a1 * a2 * (1.0 - kCopyRate)) +
                     (1.0 - pt) * ((1.0 - a1) * kCopyRate + both_false * (1.0 - kCopyRate)));
      }
      independent += std::log(1.0 - kAlpha);
      a_copies += std::log(kAlpha / 2);
      b_copies += std::log(kAlpha / 2);
      const double top = std::max({independent, a_copies, b_copies});
      const double copies = std::exp(a_copies - top) + std::exp(b_copies - top);
      dependent[p] = copies / (std::exp(independent - top) + copies);
    });

    const double residual = std::max(classic::MaxAbsDifference(next_prob, prob, threads),
                                     classic::MaxAbsDifference(next_accuracy, accuracy, threads));
    prob.swap(next_prob);
    accuracy = next_accuracy;
    if (stopping.Stop(iteration, residual, &result)) break;
  }
  result.belief.resize(view.num_claims);
  for (Index c = 0; c < view.num_claims; ++c) result.belief[c] = prob[view.claim_value[c]];
  result.trust = std::move(accuracy);
  return result;
}

}  // namespace credence::scoring
