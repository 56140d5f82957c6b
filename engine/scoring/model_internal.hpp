#pragma once
// The pieces of the default model's EM (include/credence/scoring/model.hpp) beyond the belief
// rule: the expected counts behind each source's two coins, the pooled (hierarchical) priors of
// the coins, the base rate, labelled claims, and the trusts and intervals read off at the end.
// Internal: each holds references to the snapshot and the weights, which must outlive it.

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "belief_rule_internal.hpp"
#include "credence/core/dataset.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/scoring/model.hpp"
#include "evidence_weights_internal.hpp"

namespace credence::scoring {

/// Expected counts per source under the current beliefs, each stance weighted by its credit:
/// tp supports of true claims, fp supports of false ones, tn denials of false claims, fn denials
/// of true ones (a denial implied by support for another alternative counts as a denial).
struct Counts {
  std::vector<double> tp, fp, tn, fn;
};

/// The counting half of an iteration, as one sparse product over flat arrays in owner order:
/// each source's credited supports, then its credited denials, as (claim, credit) entries, so
/// that a count is one streaming read and one gather per stance. A byte per entry records the
/// source's stances in unit order (which side, and whether inert), so that its trust, read from
/// its explicit (non-inert) stances, sums them in that order.
class CountPass {
 public:
  /// Credits (docs/model.md): each distinct owner of a unit shares its weight through its
  /// heaviest member; copies and alone units give none. Time O(members + sources).
  CountPass(const graph::EvidenceSnapshot& snap, const EvidenceWeights& weights);
  /// Fills `out` from `belief`. Parallel for kParallelThreshold sources and more; the result does
  /// not depend on it.
  void Count(const std::vector<double>& belief, int threads, Counts* out) const;
  /// The credited agreement of a source's explicit stances with `belief` (supports agree with
  /// b, denials with 1 - b) and their total credit, for its trust.
  double Agreement(Index source, const std::vector<double>& belief, double* total,
                   double* variance = nullptr) const;
  /// The credited agreement of every source's explicit stances with `belief`, over their total
  /// credit (1 when nothing is credited).
  double MeanAgreement(const std::vector<double>& belief, int threads) const;
  std::size_t num_entries() const;

 private:
  static constexpr std::uint8_t kDenial = 1;
  static constexpr std::uint8_t kInert = 2;
  std::vector<Index> offsets_;  // 2 per source: supports, then denials
  std::vector<Index> claim_;
  std::vector<double> credit_;
  std::vector<double> total_;        // 2 per source
  std::vector<std::uint8_t> order_;  // per source, in unit order: kDenial | kInert of each stance
};

/// The hierarchical priors of the coins: each source's sensitivity and specificity are shrunk
/// toward its kind's pooled mean with a strength learned by empirical Bayes (a source with its
/// own `prior` keeps that instead), and the kind's mean is itself learned under a prior centred
/// on the kind's prior_* (docs/model.md, "Two coins").
class CoinPriors {
 public:
  CoinPriors(const Dataset& data, const graph::EvidenceSnapshot& snap,
             const EvidenceWeights& weights, const ModelOptions& options);
  /// The M-step: pooled means and strengths from `counts`, then every source's coins (MAP of
  /// its Beta posterior), written into `coins`. O(sources).
  void Update(const Counts& counts, Coins* coins);
  /// The prior (mean, strength) of a source's coin (0 sensitivity, 1 specificity) as of the
  /// last Update.
  std::pair<double, double> PriorOf(Index source, int coin) const;

 private:
  const ModelOptions& options_;
  const EvidenceWeights& weights_;
  std::vector<std::vector<Index>> members_;  // sources per kind
  std::array<double, kNumPoolKinds> prior_alpha_{}, prior_beta_{};
  std::array<double, kNumPoolKinds> mean_alpha_{}, mean_beta_{};
  std::array<double, kNumPoolKinds> strength_alpha_{}, strength_beta_{};
};

/// The base rate's update: the posterior mean of a Beta prior (base_rate_strength pseudo-claims
/// centred on base_rate) given the beliefs of the claims outside groups with at least
/// base_rate_min_units independent evidence units, the ones that identify it (docs/model.md,
/// "The base rate"). Fixed at base_rate when learn_base_rate is 0.
class BaseRate {
 public:
  BaseRate(const graph::EvidenceSnapshot& snap, const BeliefRule& rule,
           const ModelOptions& options);
  double Update(const std::vector<double>& belief) const;
  /// The claims it learns from.
  const std::vector<Index>& claims() const { return claims_; }
  bool learned() const { return learn_; }
  double prior() const { return prior_; }
  double strength() const { return strength_; }

 private:
  bool learn_;
  double prior_;
  double strength_;
  std::vector<Index> claims_;
};

/// Claims of known truth (--labels): clamped to it in every E-step, so that they teach every
/// source's coins (semi-supervised truth discovery, Yin & Tan, WWW 2011). A claim labelled true
/// in a group makes its alternatives false.
class Labels {
 public:
  /// `labels`: one entry per claim (-1 unknown, 0 false, 1 true), or empty for none.
  Labels(const Dataset& data, const graph::EvidenceSnapshot& snap,
         const std::vector<std::int8_t>& labels);
  void Apply(std::vector<double>* belief) const;
  bool empty() const { return clamped_.empty(); }

 private:
  std::vector<std::pair<Index, double>> clamped_;
};

/// Reads off what the report shows at the end of a run: each source's trust (the posterior mean
/// probability that one of its explicit stances is right) with its 90% interval, and each
/// belief's 90% interval (docs/model.md, "Intervals").
void FinishTrusts(const Dataset& data, const graph::EvidenceSnapshot& snap,
                  const EvidenceWeights& weights, const BeliefRule& rule, const CountPass& counter,
                  const CoinPriors& priors, const BaseRate& base_rate, const Labels& labels,
                  const ModelOptions& options, int threads, ScoringResult* result);

}  // namespace credence::scoring
