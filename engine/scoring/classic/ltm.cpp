// The Latent Truth Model: Zhao, Rubinstein, Gemmell & Han, "A Bayesian Approach to Discovering
// Truth from Conflicting Sources for Data Integration", PVLDB 5(6), 2012.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <random>
#include <span>
#include <utility>
#include <vector>

#include "classic_internal.hpp"

namespace credence::scoring {
namespace {

// Published priors. kAlpha[i][o]: pseudo-counts of observation o (1: the source asserts the fact,
// 0: it covers the object without asserting it) when the truth is i. alpha_0 = (alpha_01,
// alpha_00) = (10, 1000): false positives are rare; alpha_1 = (alpha_11, alpha_10) = (50, 50).
constexpr double kAlpha[2][2] = {{1000.0, 10.0}, {50.0, 50.0}};
constexpr double kBeta[2] = {10.0, 10.0};  // (beta_0, beta_1): prior counts of false and true
constexpr int kThinning = 2;

double Uniform01(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;  // 53 random bits, portable
}

// Counts n[s][i][o] of the claims of each source by truth i and observation o.
class Counts {
 public:
  explicit Counts(Index num_sources) : n_(4 * static_cast<std::size_t>(num_sources), 0.0) {}
  double& At(Index s, int i, int o) { return n_[4 * static_cast<std::size_t>(s) + 2 * i + o]; }
  double At(Index s, int i, int o) const { return n_[4 * static_cast<std::size_t>(s) + 2 * i + o]; }
  // log P(observation o | truth i) for source s, from its counts, minus `own` of its own claim.
  double LogLikelihood(Index s, int i, int o, double own) const {
    return std::log(At(s, i, o) - own + kAlpha[i][o]) -
           std::log(At(s, i, 0) + At(s, i, 1) - own + kAlpha[i][0] + kAlpha[i][1]);
  }

 private:
  std::vector<double> n_;
};

}  // namespace

ScoringResult RunLtm(const graph::CategoricalView& view, const ClassicOptions& options) {
  classic::ValidateOptions(options);
  const auto rule = classic::StoppingRule::For(Algorithm::kLtm, options, /*fixed_count=*/true);
  const int sweeps = rule.max_iterations;
  const int burn_in = sweeps / 5;

  // The distinct sources covering each object, ascending.
  std::vector<Index> cover_offsets(view.num_objects() + 1, 0);
  std::vector<Index> cover_sources;
  cover_sources.reserve(view.num_observations());
  for (std::size_t o = 0; o < view.num_objects(); ++o) {
    const auto start = cover_sources.size();
    for (const Index k : view.ObjectObservations(o)) cover_sources.push_back(view.value_sources[k]);
    std::sort(cover_sources.begin() + static_cast<std::ptrdiff_t>(start), cover_sources.end());
    cover_sources.erase(std::unique(cover_sources.begin() + static_cast<std::ptrdiff_t>(start),
                                    cover_sources.end()),
                        cover_sources.end());
    cover_offsets[o + 1] = static_cast<Index>(cover_sources.size());
  }
  const auto covering = [&](std::size_t obj) {
    return std::span<const Index>(cover_sources.data() + cover_offsets[obj],
                                  cover_offsets[obj + 1] - cover_offsets[obj]);
  };
  // Calls fn(s, o) for the claim of every covering source s on fact f of object obj.
  const auto for_each_claim = [&](std::size_t obj, Index f, const auto& fn) {
    const auto asserters = view.ValueSources(f);  // ascending, like the covering sources
    auto next = asserters.begin();
    for (const Index s : covering(obj)) {
      while (next != asserters.end() && *next < s) ++next;
      fn(s, next != asserters.end() && *next == s ? 1 : 0);
    }
  };

  std::mt19937_64 rng(options.seed);
  std::vector<std::uint8_t> truth(view.num_values(), 0);
  Counts counts(view.num_sources);
  for (std::size_t obj = 0; obj < view.num_objects(); ++obj) {
    if (covering(obj).empty()) continue;
    for (const Index f : view.ObjectValues(obj)) {
      if (view.value_sign[f] < 0) continue;
      truth[f] = static_cast<std::uint8_t>(rng() >> 63);
      for_each_claim(obj, f, [&](Index s, int o) { counts.At(s, truth[f], o) += 1.0; });
    }
  }

  // Kept sweeps: after the burn-in, every kThinning-th counting back from the last.
  int kept_total = 0;
  for (int sweep = burn_in + 1; sweep <= sweeps; ++sweep) {
    if ((sweeps - sweep) % kThinning == 0) ++kept_total;
  }
  std::vector<double> first_half(view.num_values(), 0.0);
  std::vector<double> second_half(view.num_values(), 0.0);
  std::vector<double> sensitivity(view.num_sources, 0.0);
  int kept = 0;

  // Per object: sum over covering sources of the o = 0 log-likelihood, with (own = 1) and without
  // (own = 0) the source's claim on the fact being sampled, for each truth i.
  std::array<double, 2> without_own{};
  std::array<double, 2> with_own{};
  const auto object_sums = [&](std::size_t obj) {
    without_own = {0.0, 0.0};
    with_own = {0.0, 0.0};
    for (const Index s : covering(obj)) {
      for (int i = 0; i < 2; ++i) {
        without_own[i] += counts.LogLikelihood(s, i, 0, 1.0);
        with_own[i] += counts.LogLikelihood(s, i, 0, 0.0);
      }
    }
  };

  for (int sweep = 1; sweep <= sweeps; ++sweep) {
    for (std::size_t obj = 0; obj < view.num_objects(); ++obj) {
      if (covering(obj).empty()) continue;
      object_sums(obj);
      for (const Index f : view.ObjectValues(obj)) {
        if (view.value_sign[f] < 0) continue;
        const int t = truth[f];
        std::array<double, 2> score{};
        for (int i = 0; i < 2; ++i) {
          // Every covering source has a claim on f, counted under truth t: take it out for i = t.
          const double own = i == t ? 1.0 : 0.0;
          double sum = std::log(kBeta[i]) + (i == t ? without_own[i] : with_own[i]);
          for (const Index s : view.ValueSources(f)) {  // o = 1: swap its o = 0 term for o = 1
            sum += counts.LogLikelihood(s, i, 1, own) - counts.LogLikelihood(s, i, 0, own);
          }
          score[i] = sum;
        }
        const double p_true = 1.0 / (1.0 + std::exp(score[0] - score[1]));
        const int next = Uniform01(rng) < p_true ? 1 : 0;
        if (next == t) continue;
        for_each_claim(obj, f, [&](Index s, int o) {
          counts.At(s, t, o) -= 1.0;
          counts.At(s, next, o) += 1.0;
        });
        truth[f] = static_cast<std::uint8_t>(next);
        object_sums(obj);
      }
    }
    if (sweep <= burn_in || (sweeps - sweep) % kThinning != 0) continue;
    auto& half = 2 * kept < kept_total ? first_half : second_half;
    for (std::size_t v = 0; v < view.num_values(); ++v) half[v] += truth[v];
    for (Index s = 0; s < view.num_sources; ++s) {
      const double hits = counts.At(s, 1, 1);
      sensitivity[s] +=
          (hits + kAlpha[1][1]) / (hits + counts.At(s, 1, 0) + kAlpha[1][1] + kAlpha[1][0]);
    }
    ++kept;
  }

  const int first_count = (kept_total + 1) / 2;
  const int second_count = kept_total - first_count;
  double residual = kept_total >= 2 ? 0.0 : 1.0;
  std::vector<double> mean(view.num_values(), kBeta[1] / (kBeta[0] + kBeta[1]));
  for (std::size_t obj = 0; obj < view.num_objects(); ++obj) {
    if (covering(obj).empty()) continue;
    for (const Index f : view.ObjectValues(obj)) {
      if (view.value_sign[f] < 0) continue;
      mean[f] = (first_half[f] + second_half[f]) / kept_total;
      if (second_count > 0) {
        residual = std::max(residual,
                            std::abs(first_half[f] / first_count - second_half[f] / second_count));
      }
    }
  }
  ScoringResult result;
  rule.Stop(sweeps, residual, &result);
  result.belief.resize(view.num_claims);
  for (Index c = 0; c < view.num_claims; ++c) result.belief[c] = mean[view.claim_value[c]];
  result.trust.resize(view.num_sources);
  for (Index s = 0; s < view.num_sources; ++s) result.trust[s] = sensitivity[s] / kept_total;
  return result;
}

}  // namespace credence::scoring
