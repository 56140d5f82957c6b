#include "credence/scoring/model.hpp"

#include <omp.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <optional>

#include "belief_rule_internal.hpp"
#include "credence/scoring/parallel.hpp"
#include "evidence_weights_internal.hpp"
#include "model_internal.hpp"
#include "squarem_internal.hpp"

namespace credence::scoring {
namespace {

// The credit each member gives its owner's coins: each distinct owner of a unit gets an equal
// share, through its heaviest member, so that relays change nothing. No credit from:
//  - copies (a republished stance is its origin's evidence, whoever republished it);
//  - units alone on their claim or group (no self-judgement: a scoop nobody else addressed
//    neither raises nor lowers its owner's reliability).
// Inert units (denials implied by support for another alternative, and the explicit denials
// merged with them) do give credit, once per holder: they are how a source that picked the wrong
// value of an object shows its sensitivity (it missed the true value) and how one that picked the
// right value shows its specificity (it rejected the false ones).
std::vector<double> MemberCredits(const graph::EvidenceSnapshot& snap,
                                  const EvidenceWeights& weights) {
  std::vector<double> credit(snap.num_members(), 0.0);
  std::vector<Index> heaviest;  // per owner run of the current unit
  for (std::size_t u = 0; u < snap.num_units(); ++u) {
    if (snap.IsAlone(u)) continue;
    heaviest.clear();
    for (const Index m : snap.Members(u)) {
      if (!snap.CanCarry(m)) break;  // copies come last
      if (heaviest.empty() || snap.member_owner[heaviest.back()] != snap.member_owner[m]) {
        heaviest.push_back(m);
      } else if (weights.weight(m) > weights.weight(heaviest.back())) {
        heaviest.back() = m;
      }
    }
    for (Index m : heaviest) credit[m] = weights.weight(m) / static_cast<double>(heaviest.size());
  }
  return credit;
}

}  // namespace

CountPass::CountPass(const graph::EvidenceSnapshot& snap, const EvidenceWeights& weights)
    : offsets_(2 * snap.num_sources + 1, 0), total_(2 * snap.num_sources, 0.0) {
  const std::vector<double> credit = MemberCredits(snap, weights);
  // Entries of source s: supports in [offsets_[2s], offsets_[2s+1]), denials up to offsets_[2s+2],
  // each side in unit order; order_ over the same range gives the kind of each of its stances in
  // unit order. One counting sort.
  const auto slot = [&](Index owner, bool supports) { return 2 * owner + (supports ? 0 : 1); };
  for (std::size_t u = 0; u < snap.num_units(); ++u) {
    const bool supports = snap.unit_polarity[u] > 0;
    for (const Index m : snap.Members(u)) {
      if (credit[m] != 0.0) ++offsets_[slot(snap.member_owner[m], supports) + 1];
    }
  }
  for (std::size_t k = 0; k + 1 < offsets_.size(); ++k) offsets_[k + 1] += offsets_[k];
  claim_.resize(offsets_.back());
  credit_.resize(offsets_.back());
  order_.resize(offsets_.back());
  std::vector<Index> next(offsets_.begin(), offsets_.end() - 1);
  std::vector<Index> next_order(snap.num_sources);
  for (Index s = 0; s < snap.num_sources; ++s) next_order[s] = offsets_[2 * s];
  for (std::size_t u = 0; u < snap.num_units(); ++u) {
    const bool supports = snap.unit_polarity[u] > 0;
    const auto kind =
        static_cast<std::uint8_t>((supports ? 0 : kDenial) | (snap.IsInert(u) ? kInert : 0));
    const Index claim = snap.unit_claim[u];
    for (const Index m : snap.Members(u)) {
      if (credit[m] == 0.0) continue;
      const Index owner = snap.member_owner[m];
      const Index k = next[slot(owner, supports)]++;
      claim_[k] = claim;
      credit_[k] = credit[m];
      total_[slot(owner, supports)] += credit[m];
      order_[next_order[owner]++] = kind;
    }
  }
}

void CountPass::Count(const std::vector<double>& belief, int threads, Counts* out) const {
  const auto num_sources = static_cast<std::int64_t>(total_.size() / 2);
  out->tp.resize(num_sources);
  out->fp.resize(num_sources);
  out->tn.resize(num_sources);
  out->fn.resize(num_sources);
#pragma omp parallel for schedule(static) \
    num_threads(threads) if (num_sources >= kParallelThreshold)
  for (std::int64_t s = 0; s < num_sources; ++s) {
    double supported_true = 0.0;
    for (Index k = offsets_[2 * s]; k < offsets_[2 * s + 1]; ++k) {
      supported_true += credit_[k] * belief[claim_[k]];
    }
    double denied_true = 0.0;
    for (Index k = offsets_[2 * s + 1]; k < offsets_[2 * s + 2]; ++k) {
      denied_true += credit_[k] * belief[claim_[k]];
    }
    out->tp[s] = supported_true;
    out->fp[s] = total_[2 * s] - supported_true;
    out->fn[s] = denied_true;
    out->tn[s] = total_[2 * s + 1] - denied_true;
  }
}

double CountPass::Agreement(Index source, const std::vector<double>& belief, double* total,
                            double* variance) const {
  double agree = 0.0;
  double spread = 0.0;
  *total = 0.0;
  // The source's stances in unit order: order_ says which side's next entry comes next.
  Index support = offsets_[2 * source];
  Index denial = offsets_[2 * source + 1];
  for (Index j = offsets_[2 * source]; j < offsets_[2 * source + 2]; ++j) {
    const bool supports = (order_[j] & kDenial) == 0;
    const Index k = supports ? support++ : denial++;
    if ((order_[j] & kInert) != 0) continue;
    const double b = belief[claim_[k]];
    const double credit = credit_[k];
    agree += credit * (supports ? b : 1.0 - b);
    spread += credit * credit * b * (1.0 - b);
    *total += credit;
  }
  if (variance != nullptr) *variance = spread;
  return agree;
}

std::size_t CountPass::num_entries() const { return claim_.size(); }

double CountPass::MeanAgreement(const std::vector<double>& belief, int threads) const {
  // Per source in parallel, then summed in source order: the same bits for any thread count.
  const auto num_sources = static_cast<std::int64_t>(total_.size() / 2);
  std::vector<double> agree(num_sources);
  std::vector<double> total(num_sources);
#pragma omp parallel for schedule(static) \
    num_threads(threads) if (num_sources >= kParallelThreshold)
  for (std::int64_t s = 0; s < num_sources; ++s) {
    agree[s] = Agreement(static_cast<Index>(s), belief, &total[s]);
  }
  double agree_sum = 0.0;
  double total_sum = 0.0;
  for (std::int64_t s = 0; s < num_sources; ++s) {
    agree_sum += agree[s];
    total_sum += total[s];
  }
  return total_sum > 0.0 ? agree_sum / total_sum : 1.0;
}

namespace {

// Empirical Bayes for a pool's strength: the Beta-binomial method of moments, shrunk toward the
// prior. With the sources' expected successes x_s of n_s trials and the pooled mean mu, the
// between-source variance of the rates beyond binomial noise is v = sum w_s (p_s - mu)^2 -
// sum w_s mu (1 - mu) / n_s (weights w_s = n_s / sum n; 0 when negative); a Beta(k mu,
// k (1 - mu)) prior has variance mu (1 - mu) / (k + 1). The estimate v rests on the S sources
// with data; it is averaged with the variance v0 that `fallback` (prior_strength) implies, worth
// kPoolPriorSources sources: v' = (S v + m v0) / (S + m), so that the strength moves smoothly
// from the prior's as sources join a pool (no jump at a third source), and k = mu (1 - mu) / v'
// - 1, kept in [lo, hi].
constexpr double kPoolPriorSources = 3.0;

double PoolStrength(const std::vector<double>& x, const std::vector<double>& n, double mu,
                    double lo, double hi, double fallback) {
  double total = 0.0;
  int sources = 0;
  for (double trials : n) {
    if (trials > 1e-9) {
      total += trials;
      ++sources;
    }
  }
  double excess = 0.0;
  if (sources > 0) {
    double spread = 0.0;
    double noise = 0.0;
    for (std::size_t i = 0; i < n.size(); ++i) {
      if (!(n[i] > 1e-9)) continue;
      const double w = n[i] / total;
      const double p = x[i] / n[i];
      spread += w * (p - mu) * (p - mu);
      noise += w * mu * (1.0 - mu) / n[i];
    }
    excess = std::max(spread - noise, 0.0);
  }
  const double prior = mu * (1.0 - mu) / (fallback + 1.0);
  const double v = (sources * excess + kPoolPriorSources * prior) / (sources + kPoolPriorSources);
  if (!(v > 1e-300)) return hi;
  return std::clamp(mu * (1.0 - mu) / v - 1.0, lo, hi);
}

}  // namespace

CoinPriors::CoinPriors(const Dataset& data, const graph::EvidenceSnapshot& snap,
                       const EvidenceWeights& weights, const ModelOptions& options)
    : options_(options), weights_(weights), members_(kNumPoolKinds) {
  for (Index s = 0; s < snap.num_sources; ++s) {
    members_[static_cast<int>(weights.pool(s))].push_back(s);
  }
  for (int k = 0; k < kNumPoolKinds; ++k) {
    std::tie(prior_alpha_[k], prior_beta_[k]) = KindPriorMeans(options, static_cast<PoolKind>(k));
  }
  (void)data;
}

void CoinPriors::Update(const Counts& counts, Coins* coins) {
  const double h = options_.kind_prior_strength;
  const bool learn = options_.learn_kind_means > 0.0;
  const double lo = options_.pool_min;
  const double hi = options_.pool_max;
  const double floor = weights_.floor();
  std::vector<double> x;
  std::vector<double> n;
  for (int k = 0; k < kNumPoolKinds; ++k) {
    const std::vector<Index>& sources = members_[k];
    if (sources.empty()) continue;
    // Sensitivity: successes tp of trials tp + fn; specificity: tn of tn + fp.
    for (int coin = 0; coin < 2; ++coin) {
      const std::vector<double>& hit = coin == 0 ? counts.tp : counts.tn;
      const std::vector<double>& miss = coin == 0 ? counts.fn : counts.fp;
      const double prior = coin == 0 ? prior_alpha_[k] : prior_beta_[k];
      x.clear();
      n.clear();
      double hits = 0.0;
      double trials = 0.0;
      for (Index s : sources) {
        hits += hit[s];
        trials += hit[s] + miss[s];
        // The spread is measured on the sources that draw from the pool (no prior of their own).
        if (weights_.own_prior_strength(s) > 0) continue;
        x.push_back(hit[s]);
        n.push_back(hit[s] + miss[s]);
      }
      const double mu = learn ? (h * prior + hits) / (h + trials) : prior;
      const double strength = PoolStrength(x, n, mu, lo, hi, options_.prior_strength);
      (coin == 0 ? mean_alpha_ : mean_beta_)[k] = mu;
      (coin == 0 ? strength_alpha_ : strength_beta_)[k] = strength;
      std::vector<double>& out = coin == 0 ? coins->alpha : coins->beta;
      for (Index s : sources) {
        const double own = weights_.own_prior_strength(s);
        const double m = own > 0 ? weights_.prior_mean(s) : mu;
        const double kappa = own > 0 ? own : strength;
        out[s] = ClampTrust((kappa * m + hit[s]) / (kappa + hit[s] + miss[s]), floor);
      }
    }
  }
}

std::pair<double, double> CoinPriors::PriorOf(Index source, int coin) const {
  const double own = weights_.own_prior_strength(source);
  const int k = static_cast<int>(weights_.pool(source));
  if (own > 0) return {weights_.prior_mean(source), own};
  return coin == 0 ? std::pair{mean_alpha_[k], strength_alpha_[k]}
                   : std::pair{mean_beta_[k], strength_beta_[k]};
}

BaseRate::BaseRate(const graph::EvidenceSnapshot& snap, const BeliefRule& rule,
                   const ModelOptions& options)
    : learn_(options.learn_base_rate > 0.0),
      prior_(options.base_rate),
      strength_(options.base_rate_strength) {
  if (!learn_) return;
  for (Index c : rule.ungrouped()) {
    int units = 0;
    for (const Index u : snap.Units(c)) units += snap.IsInert(u) ? 0 : 1;
    if (units >= options.base_rate_min_units) claims_.push_back(c);
  }
}

double BaseRate::Update(const std::vector<double>& belief) const {
  if (!learn_) return prior_;
  double sum = 0.0;
  for (Index c : claims_) sum += belief[c];
  return (strength_ * prior_ + sum) / (strength_ + static_cast<double>(claims_.size()));
}

// The bytes one iteration moves (ScoringResult::bytes_per_iteration). The belief pass reads the
// claim, unit and member arrays it uses (offsets, polarity, flags, owner, weight, relay gain),
// both coins and both log-likelihood ratios of every source, and writes the beliefs; the residual
// reads old and new beliefs; the count pass reads its CSR (offsets, claim, credit, totals) and the
// beliefs; the M-step reads the counts and writes both coins.
std::size_t BytesPerIteration(const graph::EvidenceSnapshot& snap, std::size_t count_entries) {
  const std::size_t c = snap.num_claims;
  const std::size_t s = snap.num_sources;
  const std::size_t u = snap.num_units();
  const std::size_t m = snap.num_members();
  const std::size_t i = sizeof(Index);
  const std::size_t d = sizeof(double);
  return (c + 1) * i + c * i + (u + 1) * i + u * 2 + m * (i + 2 * d) + 4 * s * d + c * d +
         2 * c * d + (2 * s + 1) * i + count_entries * (i + d) + 2 * s * d + c * d + 4 * s * d +
         2 * s * d;
}

double Logit(double p) { return std::log(p / (1.0 - p)); }
double Sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

ScoringResult ScoreDefault(const Dataset& data, const graph::EvidenceSnapshot& snap,
                           const ModelOptions& options) {
  return ScoreDefault(data, snap, options, {});
}

std::optional<double> LabelledBaseRate(const Dataset& data, const std::vector<std::int8_t>& labels,
                                       const ModelOptions& options) {
  double n = 0.0;
  double k = 0.0;
  for (std::size_t c = 0; c < labels.size() && c < data.claims.size(); ++c) {
    if (labels[c] < 0 || data.claims[c].group != kNone) continue;
    n += 1.0;
    k += labels[c] == 1 ? 1.0 : 0.0;
  }
  if (n == 0.0) return std::nullopt;
  const double s = options.base_rate_strength;
  return ClampTrust((k + 0.5 * s) / (n + s), options.trust_floor);
}

ScoringResult ScoreDefault(const Dataset& data, const graph::EvidenceSnapshot& snap,
                           const ModelOptions& given, const std::vector<std::int8_t>& labels) {
  given.Validate();
  // With labels, the base rate they imply (docs/model.md, "The base rate").
  ModelOptions options = given;
  if (!labels.empty() && given.base_rate_from_labels > 0.0) {
    if (const auto rho = LabelledBaseRate(data, labels, given)) options.base_rate = *rho;
  }
  const EvidenceWeights weights(data, snap, options);
  const BeliefRule rule(data, snap, weights);
  const CountPass counter(snap, weights);
  CoinPriors priors(data, snap, weights, options);
  const BaseRate base_rate(snap, rule, options);
  const Labels clamp(data, snap, labels);
  const int threads = options.threads > 0 ? options.threads : omp_get_max_threads();
  const Index num_sources = snap.num_sources;

  ScoringResult result;
  result.algorithm = "credence";
  result.bytes_per_iteration = BytesPerIteration(snap, counter.num_entries());
  // The parameters SQUAREM moves: alpha (sources), beta (sources), then the base rate.
  std::vector<double> params(2 * num_sources + 1);
  for (Index s = 0; s < num_sources; ++s) {
    params[s] = params[num_sources + s] = ClampTrust(weights.prior_mean(s), weights.floor());
  }
  params[2 * num_sources] = options.base_rate;
  Coins coins{std::vector<double>(num_sources), std::vector<double>(num_sources)};
  const auto unpack = [&] {
    std::copy(params.begin(), params.begin() + num_sources, coins.alpha.begin());
    std::copy(params.begin() + num_sources, params.begin() + 2 * num_sources, coins.beta.begin());
  };
  result.belief.assign(snap.num_claims, options.base_rate);
  std::vector<double> next_belief(snap.num_claims);
  Counts counts;

  // One plain iteration: beliefs from the coins and the base rate (labelled claims clamped to
  // their truth), then expected counts from those beliefs, then the coins and the base rate from
  // the counts. Returns the largest change of any belief or parameter.
  const auto step = [&] {
    unpack();
    rule.Beliefs(coins, Logit(params[2 * num_sources]), threads, &next_belief);
    clamp.Apply(&next_belief);
    double residual = 0.0;
    for (std::size_t c = 0; c < next_belief.size(); ++c) {
      residual = std::max(residual, std::abs(next_belief[c] - result.belief[c]));
    }
    result.belief.swap(next_belief);
    counter.Count(result.belief, threads, &counts);
    Coins updated = coins;
    priors.Update(counts, &updated);
    const double rho = ClampTrust(base_rate.Update(result.belief), weights.floor());
    for (Index s = 0; s < num_sources; ++s) {
      residual = std::max(residual, std::abs(updated.alpha[s] - params[s]));
      residual = std::max(residual, std::abs(updated.beta[s] - params[num_sources + s]));
      params[s] = updated.alpha[s];
      params[num_sources + s] = updated.beta[s];
    }
    residual = std::max(residual, std::abs(rho - params[2 * num_sources]));
    params[2 * num_sources] = rho;
    return residual;
  };
  FixedPointOptions iteration;
  iteration.max_iterations = options.max_iterations;
  iteration.tolerance = options.tolerance;
  iteration.accelerate = options.accelerate > 0.0;
  iteration.lower = weights.floor();
  iteration.upper = 1.0 - weights.floor();
  const auto loop_start = std::chrono::steady_clock::now();
  FixedPointStats stats = IterateToFixedPoint(&params, iteration, step);
  // Label switching (docs/model.md, "Which way is true"): a two-coin model explains the stances
  // equally well with every truth flipped (alpha <-> 1 - beta, rho <-> 1 - rho). The fixed point
  // meant is the one where the sources' explicit stances agree with the beliefs more often than
  // not; should EM have settled on the other, it restarts once from the mirrored parameters.
  if (clamp.empty() && counter.MeanAgreement(result.belief, threads) < 0.5) {
    const std::vector<double> first_params = params;
    const std::vector<double> first_belief = result.belief;
    const double first_agreement = counter.MeanAgreement(result.belief, threads);
    for (Index s = 0; s < num_sources; ++s) {
      params[s] = 1.0 - first_params[num_sources + s];
      params[num_sources + s] = 1.0 - first_params[s];
    }
    params[2 * num_sources] = 1.0 - first_params[2 * num_sources];
    for (double& b : result.belief) b = 1.0 - b;
    const FixedPointStats again = IterateToFixedPoint(&params, iteration, step);
    if (counter.MeanAgreement(result.belief, threads) >= first_agreement) {
      stats.iterations += again.iterations;
      stats.residual = again.residual;
      stats.converged = again.converged;
    } else {
      params = first_params;
      result.belief = first_belief;
    }
  }
  result.iteration_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - loop_start).count();
  result.iterations = stats.iterations;
  result.residual = stats.residual;
  result.converged = stats.converged;
  // At convergence, final beliefs from the final parameters (a change below the tolerance), so
  // that every belief is exactly what its explanation lists. A run cut short by max_iterations
  // keeps the beliefs of its last iteration.
  unpack();
  result.base_rate = params[2 * num_sources];
  if (result.converged) {
    rule.Beliefs(coins, Logit(result.base_rate), threads, &result.belief);
    clamp.Apply(&result.belief);
  }
  result.sensitivity = coins.alpha;
  result.specificity = coins.beta;
  FinishTrusts(data, snap, weights, rule, counter, priors, base_rate, clamp, options, threads,
               &result);
  return result;
}

}  // namespace credence::scoring
