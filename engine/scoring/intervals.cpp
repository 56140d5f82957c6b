// Labelled claims, and what the default model reads off at the end of a run: trusts and the 90%
// intervals of trusts and beliefs (docs/model.md, "Intervals").

#include <algorithm>
#include <array>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>

#include "credence/scoring/parallel.hpp"
#include "model_internal.hpp"

namespace credence::scoring {
namespace {

constexpr double kLowQuantile = 0.05;
constexpr double kHighQuantile = 0.95;
constexpr double kZ90 = 1.6448536269514722;  // the 95th percentile of the standard normal

// The variance of a Beta(a, b) distribution.
double BetaVariance(double a, double b) { return a * b / ((a + b) * (a + b) * (a + b + 1.0)); }

// The 5th and 95th percentiles of Beta(a, b).
// Computed in double: boost's default promotes to long double, several times slower.
using DoublePolicy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
std::pair<double, double> BetaInterval(double a, double b) {
  return {boost::math::ibeta_inv(a, b, kLowQuantile, DoublePolicy()),
          boost::math::ibeta_inv(a, b, kHighQuantile, DoublePolicy())};
}

// A pool's records (hits x of trials n), each distinct one once with its multiplicity: most
// sources share a record with many others (one stance, right; two, one right...), so the
// likelihood costs what the distinct records do.
struct Records {
  std::vector<double> x, n, count;
};

Records Distinct(const std::vector<double>& x, const std::vector<double>& n) {
  std::vector<std::pair<double, double>> all(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) all[i] = {x[i], n[i]};
  std::sort(all.begin(), all.end());
  Records out;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i > 0 && all[i] == all[i - 1]) {
      out.count.back() += 1.0;
      continue;
    }
    out.x.push_back(all[i].first);
    out.n.push_back(all[i].second);
    out.count.push_back(1.0);
  }
  return out;
}

// The derivative in k of the Beta-binomial marginal log-likelihood of the records under a
// Beta(k mu, k (1 - mu)) prior.
double StrengthScore(const Records& r, double mu, double k) {
  using boost::math::digamma;
  const double a = k * mu;
  const double b = k * (1.0 - mu);
  const double prior = mu * digamma(a) + (1.0 - mu) * digamma(b) - digamma(k);
  double sum = 0.0;
  for (std::size_t i = 0; i < r.n.size(); ++i) {
    sum += r.count[i] * (mu * digamma(a + r.x[i]) + (1.0 - mu) * digamma(b + r.n[i] - r.x[i]) -
                         digamma(k + r.n[i]) - prior);
  }
  return sum;
}

// The strength k in [lo, hi] that maximises the marginal likelihood of the records (hits x_i of
// n_i), taken as unimodal in k: lo when it falls from lo on, hi when it still rises at hi, else
// the root of its derivative (bisection on ln k, to the last bits).
double MarginalStrength(const std::vector<double>& x, const std::vector<double>& n, double mu,
                        double lo, double hi) {
  const Records r = Distinct(x, n);
  if (!(lo < hi) || StrengthScore(r, mu, lo) <= 0.0) return lo;
  if (StrengthScore(r, mu, hi) >= 0.0) return hi;
  double left = std::log(lo);
  double right = std::log(hi);
  for (int step = 0; step < 64 && right - left > 1e-15; ++step) {
    const double mid = 0.5 * (left + right);
    (StrengthScore(r, mu, std::exp(mid)) > 0.0 ? left : right) = mid;
  }
  return std::exp(0.5 * (left + right));
}

// The prior (mean, strength) of each pool's trusts (docs/model.md, "Trusts and intervals"): a
// Beta fitted by marginal likelihood to the pool's records against the converged verdicts (each
// belief rounded to 0 or 1; a claim at exactly 1/2 counts half). Soft counts would understate
// the spread between sources (a belief of 0.8 makes a right stance only 0.8 right), and the
// method of moments is unstable on pools of sources with one or two stances. Without
// learn_kind_means the mean is the prior's. A pool with fewer than three sources with explicit
// stances keeps the coins' priors (nullopt).
std::array<std::optional<std::pair<double, double>>, kNumPoolKinds> TrustPoolPriors(
    const graph::EvidenceSnapshot& snap, const EvidenceWeights& weights, const CountPass& counter,
    const std::vector<double>& belief, const ModelOptions& options, int threads) {
  std::vector<double> verdict(belief.size());
  for (std::size_t c = 0; c < belief.size(); ++c) {
    verdict[c] = belief[c] > 0.5 ? 1.0 : (belief[c] < 0.5 ? 0.0 : 0.5);
  }
  // Each source's record in parallel, then gathered in source order.
  const auto num_sources = static_cast<std::int64_t>(snap.num_sources);
  std::vector<double> agree(num_sources);
  std::vector<double> total(num_sources);
#pragma omp parallel for schedule(static) \
    num_threads(threads) if (num_sources >= kParallelThreshold)
  for (std::int64_t s = 0; s < num_sources; ++s) {
    agree[s] = counter.Agreement(static_cast<Index>(s), verdict, &total[s]);
  }
  std::array<std::vector<double>, kNumPoolKinds> hits;
  std::array<std::vector<double>, kNumPoolKinds> trials;
  for (Index s = 0; s < snap.num_sources; ++s) {
    if (weights.own_prior_strength(s) > 0 || !(total[s] > 1e-9)) continue;
    const int k = static_cast<int>(weights.pool(s));
    hits[k].push_back(agree[s]);
    trials[k].push_back(total[s]);
  }
  std::array<std::optional<std::pair<double, double>>, kNumPoolKinds> out;
  for (int k = 0; k < kNumPoolKinds; ++k) {
    if (hits[k].size() < 3) continue;
    double x = 0.0;
    double n = 0.0;
    for (std::size_t i = 0; i < hits[k].size(); ++i) {
      x += hits[k][i];
      n += trials[k][i];
    }
    // Without learn_kind_means the mean stays the prior's (the mean of the coins' prior means).
    const auto [alpha, beta] = KindPriorMeans(options, static_cast<PoolKind>(k));
    const double mu =
        options.learn_kind_means > 0.0 ? ClampTrust(x / n, weights.floor()) : 0.5 * (alpha + beta);
    out[k] =
        std::pair{mu, MarginalStrength(hits[k], trials[k], mu, options.pool_min, options.pool_max)};
  }
  return out;
}

}  // namespace

Labels::Labels(const Dataset& data, const graph::EvidenceSnapshot& snap,
               const std::vector<std::int8_t>& labels) {
  if (labels.empty()) return;
  std::vector<double> value(snap.num_claims, -1.0);
  std::vector<Index> true_in_group(data.groups.size(), kNone);
  for (Index c = 0; c < snap.num_claims; ++c) {
    if (labels[c] < 0) continue;
    value[c] = labels[c] > 0 ? 1.0 : 0.0;
    if (labels[c] > 0 && data.claims[c].group != kNone) true_in_group[data.claims[c].group] = c;
  }
  for (Index c = 0; c < snap.num_claims; ++c) {
    const Index g = data.claims[c].group;
    if (g != kNone && true_in_group[g] != kNone && true_in_group[g] != c) value[c] = 0.0;
    if (value[c] >= 0.0) clamped_.emplace_back(c, value[c]);
  }
}

void Labels::Apply(std::vector<double>* belief) const {
  for (const auto& [c, v] : clamped_) (*belief)[c] = v;
}

void FinishTrusts(const Dataset& data, const graph::EvidenceSnapshot& snap,
                  const EvidenceWeights& weights, const BeliefRule& rule, const CountPass& counter,
                  const CoinPriors& priors, const BaseRate& base_rate, const Labels& labels,
                  const ModelOptions& options, int threads, ScoringResult* result) {
  const Index num_sources = snap.num_sources;
  const std::vector<double>& belief = result->belief;
  // Trusts: a Beta posterior whose prior is the source's pool's trust prior (TrustPoolPriors),
  // and each trust's interval as a Beta(post_a, post_b) with that posterior's mean and total
  // variance.
  result->trust.resize(num_sources);
  const auto pool_priors = TrustPoolPriors(snap, weights, counter, belief, options, threads);
  std::vector<double> post_a(num_sources);
  std::vector<double> post_b(num_sources);
  const auto all_sources = static_cast<std::int64_t>(num_sources);
#pragma omp parallel for schedule(static) \
    num_threads(threads) if (all_sources >= kParallelThreshold)
  for (std::int64_t si = 0; si < all_sources; ++si) {
    const auto s = static_cast<Index>(si);
    const auto [mean_a, k_a] = priors.PriorOf(s, 0);
    const auto [mean_b, k_b] = priors.PriorOf(s, 1);
    const auto& pooled = pool_priors[static_cast<int>(weights.pool(s))];
    const bool own = weights.own_prior_strength(s) > 0;
    const double k = !own && pooled ? pooled->second : 0.5 * (k_a + k_b);
    const double m = !own && pooled ? pooled->first : 0.5 * (mean_a + mean_b);
    double total = 0.0;
    double unsure = 0.0;
    const double agree = counter.Agreement(s, belief, &total, &unsure);
    const double a = k * m + agree;
    const double b = k * (1.0 - m) + (total - agree);
    const double t = a / (a + b);
    result->trust[s] = t;
    // The law of total variance: the Beta posterior's given the agreement, plus the agreement's
    // own variance from the truths it is counted against (each claim true with its belief), as
    // a Beta with the same mean and variance.
    const double v = BetaVariance(a, b) + unsure / ((a + b) * (a + b));
    const double nu = std::max(t * (1.0 - t) / v - 1.0, 1e-6);
    post_a[s] = t * nu;
    post_b[s] = (1.0 - t) * nu;
  }
  // The intervals from here on, timed apart (--timings prints them as a phase of their own).
  const auto start = std::chrono::steady_clock::now();
  Counts counts;
  counter.Count(belief, threads, &counts);
  result->trust_low.resize(num_sources);
  result->trust_high.resize(num_sources);
  std::vector<double> var_alpha(num_sources);
  std::vector<double> var_beta(num_sources);
  // The Beta quantiles are most of the intervals' cost: in parallel above a few hundred
  // sources. Each source is independent, so the result does not depend on the thread count.
  const auto sources = static_cast<std::int64_t>(num_sources);
#pragma omp parallel for schedule(dynamic, 64) num_threads(threads) if (sources >= 512)
  for (std::int64_t si = 0; si < sources; ++si) {
    const auto s = static_cast<Index>(si);
    const auto [mean_a, k_a] = priors.PriorOf(s, 0);
    const auto [mean_b, k_b] = priors.PriorOf(s, 1);
    std::tie(result->trust_low[s], result->trust_high[s]) = BetaInterval(post_a[s], post_b[s]);
    var_alpha[s] = BetaVariance(k_a * mean_a + counts.tp[s], k_a * (1.0 - mean_a) + counts.fn[s]);
    var_beta[s] = BetaVariance(k_b * mean_b + counts.tn[s], k_b * (1.0 - mean_b) + counts.fp[s]);
  }
  // The base rate's posterior variance, when it is learned.
  const double rho = result->base_rate;
  double var_rho = 0.0;
  if (base_rate.learned()) {
    double sum = 0.0;
    for (Index c : base_rate.claims()) sum += belief[c];
    const double n = static_cast<double>(base_rate.claims().size());
    var_rho = BetaVariance(base_rate.strength() * base_rate.prior() + sum,
                           base_rate.strength() * (1.0 - base_rate.prior()) + n - sum);
  }
  // Beliefs: the delta method on each claim's log-odds, through the coins of the sources its
  // evidence rests on and the base rate (claims outside groups). A claim of a group has the
  // log-odds S_c - log sum_{j != c} exp(S_j) (the softmax), so the other alternatives' evidence
  // enters too, each with weight -q_j, q_j = exp(S_j) / sum_{k != c} exp(S_k).
  const Coins coins{result->sensitivity, result->specificity};
  result->belief_low.resize(snap.num_claims);
  result->belief_high.resize(snap.num_claims);
  const auto num_claims = static_cast<std::int64_t>(snap.num_claims);
#pragma omp parallel for schedule(dynamic, 256) \
    num_threads(threads) if (num_claims >= kParallelThreshold)
  for (std::int64_t ci = 0; ci < num_claims; ++ci) {
    const auto c = static_cast<Index>(ci);
    // Buffers reused across claims (one set per thread).
    thread_local std::vector<double> contribution;
    // (owner, d L / d alpha, d L / d beta) per counted unit, merged per owner.
    thread_local std::vector<std::tuple<Index, double, double>> grad;
    grad.clear();
    // Adds the gradient of `scale` x S_j (claim j's evidence) to `grad`.
    const auto add_gradient = [&](Index j, double scale) {
      rule.Evidence(j, coins, &contribution);
      for (const Index u : snap.Units(j)) {
        const double phi = contribution[u - snap.claim_offsets[j]];
        if (phi == 0.0 || snap.IsInert(u)) continue;
        const std::size_t m = weights.BestMember(u, coins).member;
        const Index s = snap.member_owner[m];
        const double g = weights.gain(m);
        const double a = 0.5 + 0.5 * (2.0 * ClampTrust(coins.alpha[s], weights.floor()) - 1.0) * g;
        const double b = 0.5 + 0.5 * (2.0 * ClampTrust(coins.beta[s], weights.floor()) - 1.0) * g;
        const bool supports = snap.unit_polarity[u] > 0;
        const double l = supports ? std::log(a / (1.0 - b)) : std::log(b / (1.0 - a));
        if (!(l > 0.0)) continue;
        // phi = pi d w l, so d phi / d x = (phi / l) d l / d x.
        const double dl_da = g * (supports ? 1.0 / a : 1.0 / (1.0 - a));
        const double dl_db = g * (supports ? 1.0 / (1.0 - b) : 1.0 / b);
        grad.emplace_back(s, scale * phi / l * dl_da, scale * phi / l * dl_db);
      }
    };
    add_gradient(c, 1.0);
    if (rule.grouped(c)) {
      const std::span<const Index> group = rule.GroupClaims(data.claims[c].group);
      thread_local std::vector<double> evidence;
      evidence.clear();
      double top = -std::numeric_limits<double>::infinity();
      for (Index j : group) {
        evidence.push_back(j == c ? 0.0 : rule.Evidence(j, coins, nullptr));
        if (j != c) top = std::max(top, evidence.back());
      }
      double total = 0.0;
      for (std::size_t k = 0; k < group.size(); ++k) {
        if (group[k] != c) total += std::exp(evidence[k] - top);
      }
      for (std::size_t k = 0; k < group.size(); ++k) {
        if (group[k] == c || !(total > 0.0)) continue;
        add_gradient(group[k], -std::exp(evidence[k] - top) / total);
      }
    }
    std::sort(grad.begin(), grad.end());
    double variance = 0.0;
    for (std::size_t i = 0; i < grad.size();) {
      const Index s = std::get<0>(grad[i]);
      double da = 0.0;
      double db = 0.0;
      for (; i < grad.size() && std::get<0>(grad[i]) == s; ++i) {
        da += std::get<1>(grad[i]);
        db += std::get<2>(grad[i]);
      }
      variance += da * da * var_alpha[s] + db * db * var_beta[s];
    }
    // The base rate enters the log-odds of a claim outside a group as logit(rho).
    if (!rule.grouped(c)) variance += var_rho / (rho * rho * (1.0 - rho) * (1.0 - rho));
    const double b = belief[c];
    const double logit = std::log(b / (1.0 - b));
    const double spread = kZ90 * std::sqrt(variance);
    // min / max: sigmoid(logit(b)) may differ from b in the last bit (with spread 0, e.g. a
    // claim whose only units are inert), and an interval must hold its point.
    result->belief_low[c] = std::isfinite(logit) ? std::min(Sigmoid(logit - spread), b) : b;
    result->belief_high[c] = std::isfinite(logit) ? std::max(Sigmoid(logit + spread), b) : b;
  }
  // A labelled claim's belief is its known truth: no interval to speak of.
  std::vector<double> clamped(snap.num_claims, -1.0);
  labels.Apply(&clamped);
  for (Index c = 0; c < snap.num_claims; ++c) {
    if (clamped[c] >= 0.0) result->belief_low[c] = result->belief_high[c] = clamped[c];
  }
  result->interval_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace credence::scoring
