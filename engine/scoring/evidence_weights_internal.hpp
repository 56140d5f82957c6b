#pragma once
// The per-member quantities of the default model (include/credence/scoring/model.hpp): each
// member's weight w_m and relay gain, each source's prior, and the log-odds a member adds under
// its owner's two coins. Shared by the model, the dispute score and the explanations, so that all
// three use one formula. Internal: it holds a reference to the snapshot, which must outlive it.

#include <algorithm>
#include <cstddef>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/scoring/model.hpp"

namespace credence::scoring {

/// A reliability kept in [floor, 1 - floor].
inline double ClampTrust(double theta, double floor) {
  return std::clamp(theta, floor, 1.0 - floor);
}

/// Each source's two coins: sensitivity alpha = P(supports | true) and specificity
/// beta = P(denies | false). The symmetric model (and every classic algorithm's trust, seen by
/// the dispute score) has alpha = beta = theta.
struct Coins {
  std::vector<double> alpha;
  std::vector<double> beta;
  static Coins Symmetric(const std::vector<double>& theta) { return {theta, theta}; }
  std::size_t size() const { return alpha.size(); }
};

/// The log-likelihood ratios of a source's stances without relay hops: ln(alpha / (1 - beta))
/// for a support, ln(beta / (1 - alpha)) for a denial. Computed once per pass.
struct SourceLogits {
  std::vector<double> support;
  std::vector<double> denial;
};

class EvidenceWeights {
 public:
  /// Computes w_m and the relay gain (2f - 1)^hops of every member, and every source's pool and
  /// prior. `options` must be valid. Time O(members + sources).
  EvidenceWeights(const Dataset& data, const graph::EvidenceSnapshot& snap,
                  const ModelOptions& options);

  /// Log-odds (>= 0) a member of polarity `sign` (+1 support, -1 denial) would add with its owner's
  /// coins (alpha, beta): w_m * max(0, L), L = ln(a' / (1 - b')) for a support and
  /// ln(b' / (1 - a')) for a denial, with a' = chain(alpha, hops_m), b' = chain(beta, hops_m).
  double MemberScore(std::size_t member, int sign, double alpha, double beta) const;
  /// The hop-free log-likelihood ratios of every source under `coins`.
  SourceLogits Logits(const Coins& coins) const;
  /// MemberScore from the owner's Logits entries; bitwise the same value.
  double MemberScore(std::size_t member, int sign, double alpha, double beta,
                     const SourceLogits& logits, Index owner) const {
    if (gain_[member] != 1.0) return MemberScore(member, sign, alpha, beta);
    return weight_[member] * std::max(0.0, sign > 0 ? logits.support[owner] : logits.denial[owner]);
  }

  /// The member that carries a unit and its score.
  struct Carrier {
    std::size_t member;
    double score;  ///< MemberScore of that member, >= 0.
  };
  /// The member of unit u that carries it: of the members that may carry it (not copies:
  /// EvidenceSnapshot::CanCarry), the largest MemberScore under `coins` (the first of equals).
  /// `logits` is Logits(coins), or nullptr to score each member from its coins alone (the same
  /// result, bit for bit). The one best-member rule of the model: the belief pass, the dispute
  /// score and the explanations all call it. O(members of u).
  Carrier BestMember(std::size_t unit, const Coins& coins,
                     const SourceLogits* logits = nullptr) const {
    const int sign = snap_.unit_polarity[unit] > 0 ? 1 : -1;
    const auto score = [&](std::size_t m) {
      const Index s = snap_.member_owner[m];
      return logits != nullptr ? MemberScore(m, sign, coins.alpha[s], coins.beta[s], *logits, s)
                               : MemberScore(m, sign, coins.alpha[s], coins.beta[s]);
    };
    const graph::IndexRange members = snap_.Members(unit);
    // Carriers come first in a unit (copies sort after them), so the first member carries unless
    // a later carrier scores more.
    Carrier best{members.front(), snap_.CanCarry(members.front()) ? score(members.front()) : 0.0};
    for (const Index m : members.Rest()) {
      if (!snap_.CanCarry(m)) break;
      const double s = score(m);
      if (s > best.score) best = {m, s};
    }
    return best;
  }

  double weight(std::size_t member) const { return weight_[member]; }  ///< w_m.
  double gain(std::size_t member) const { return gain_[member]; }      ///< (2f - 1)^hops.
  /// The source's prior reliability mean (its own `prior`, else its kind's prior_*): the trust
  /// it starts from and the one the report shows as its prior.
  double prior_mean(std::size_t source) const { return prior_mean_[source]; }
  /// The strength of the source's own prior (its `prior_strength`, or the default when it gives
  /// a `prior` without one); 0 for a source without a prior of its own, which is pooled with its
  /// kind.
  double own_prior_strength(std::size_t source) const { return own_strength_[source]; }
  /// The pool (kind) of each source.
  PoolKind pool(std::size_t source) const { return pool_[source]; }
  double floor() const { return floor_; }
  double echo_factor() const { return echo_; }

 private:
  const graph::EvidenceSnapshot& snap_;
  std::vector<double> weight_;  // w_m
  std::vector<double> gain_;    // (2f - 1)^hops
  std::vector<double> prior_mean_;
  std::vector<double> own_strength_;
  std::vector<PoolKind> pool_;
  double floor_;
  double echo_;
};

}  // namespace credence::scoring
