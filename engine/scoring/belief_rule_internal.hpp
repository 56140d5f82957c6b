#pragma once
// The belief half of an iteration of the default model (include/credence/scoring/model.hpp),
// shared by the model, the dispute score and the explanations. Internal: it holds references to
// the snapshot and the weights, which must outlive it.
//
//   ungrouped claim c:  b_c = sigmoid(logit(base_rate) + S_c)
//   group of alternatives G:  b_c = exp(S_c) / sum over c' in G of exp(S_c')  (exactly one is
//   true)
//
// where S_c, the claim's evidence, sums the signed scores of its units (implied units, which only
// restate the alternatives' support, excluded), each side discounted for undeclared echo: on each
// side the units' scores strongest first, the k-th counting echo_factor^k.

#include <span>
#include <utility>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/graph/evidence.hpp"
#include "evidence_weights_internal.hpp"

namespace credence::scoring {

class BeliefRule {
 public:
  /// Lists the ungrouped claims and the claims of each group. Time O(claims).
  BeliefRule(const Dataset& data, const graph::EvidenceSnapshot& snap,
             const EvidenceWeights& weights);
  /// The claims outside any group, in index order.
  const std::vector<Index>& ungrouped() const { return ungrouped_; }
  /// Whether claim c is in a group of alternatives. O(1).
  bool grouped(Index c) const { return grouped_[c]; }
  /// The claims of group g (an index of Dataset::groups), in index order. O(1).
  std::span<const Index> GroupClaims(Index g) const {
    return {group_claims_.data() + group_offsets_[g], group_offsets_[g + 1] - group_offsets_[g]};
  }

  /// S_c under the given coins. `contribution`, unless nullptr, receives each unit's signed
  /// share of S_c (0 for implied units), indexed from the claim's first unit.
  /// O(members of the claim + units log units).
  double Evidence(Index claim, const Coins& coins,
                  std::vector<double>* contribution = nullptr) const;
  /// S_c taken apart for an explanation (docs/model.md, "Explanations"): each unit's signed,
  /// undiscounted score, and the echo discount of each side as one term, so that
  /// sum == sum of unit_score + echo_for + echo_against (to rounding).
  struct Detail {
    double sum = 0.0;                ///< S_c, as Evidence computes it.
    std::vector<double> unit_score;  ///< Per unit of the claim: pi_u * score (0 for inert units).
    double echo_for = 0.0;           ///< Sum over supporting units of (echo^rank - 1) * score.
    double echo_against = 0.0;       ///< The same for denials (>= 0: less negative evidence).
    int units_for = 0;               ///< Evidence units on each side.
    int units_against = 0;
  };
  Detail Explain(Index claim, const Coins& coins) const;
  /// S_c with unit `without` (a unit of the claim) left out and the echo discount re-ranked.
  double EvidenceWithout(Index claim, const Coins& coins, Index without) const;
  /// Evidence(claim, coins) by a cheaper route (the sources' log-likelihood ratios computed once
  /// per pass, plain scores sorted rather than (score, unit) pairs), bitwise the same value. The
  /// belief pass calls it; `source_logits` = weights.Logits(coins).
  double FastEvidence(Index claim, const Coins& coins, const SourceLogits& source_logits) const;
  /// Every claim's belief under the given coins; `belief` must have one entry per claim. Runs
  /// on `threads` threads (>= 1) for kParallelThreshold ungrouped claims or
  /// kParallelThreshold / 8 groups and more; the result does not depend on it.
  /// `base_log_odds` = logit of the base rate (claims outside groups).
  void Beliefs(const Coins& coins, double base_log_odds, int threads,
               std::vector<double>* belief) const;
  /// Trusted mass on each side of a claim (E+, E-) for the dispute score: the same discounted
  /// scores as S_c, with the implied denials of a group's alternatives added to E- after the
  /// explicit denials (docs/model.md). `source_logits` = weights.Logits(coins).
  std::pair<double, double> SideMass(Index claim, const Coins& coins,
                                     const SourceLogits& source_logits) const;

 private:
  const graph::EvidenceSnapshot& snap_;
  const EvidenceWeights& weights_;
  double echo_;
  std::vector<Index> ungrouped_;
  std::vector<bool> grouped_;
  std::vector<Index> group_offsets_;
  std::vector<Index> group_claims_;
};

}  // namespace credence::scoring
