#pragma once
// The per-member quantities of the default model (include/credence/scoring/model.hpp): each
// member's weight w_m and relay gain, each source's Beta prior, and the log-odds a member adds
// under a trust. Shared by the model, the dispute score and the explanations, so that all three
// use one formula. Internal: it holds a reference to the snapshot, which must outlive it.

#include <algorithm>
#include <cstddef>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/scoring/model.hpp"

namespace credence::scoring {

/// theta kept in [floor, 1 - floor].
inline double ClampTrust(double theta, double floor) {
  return std::clamp(theta, floor, 1.0 - floor);
}

class EvidenceWeights {
 public:
  /// Computes w_m and the relay gain (2f - 1)^hops of every member and the prior (a_s, b_s) of
  /// every source. `options` must be valid. Time O(members + sources).
  EvidenceWeights(const Dataset& data, const graph::EvidenceSnapshot& snap,
                  const ModelOptions& options);

  /// Log-odds (>= 0) a member would add with its owner at trust `theta`, before polarity:
  /// w_m * max(0, logit(chain(theta, hops_m))).
  double MemberScore(std::size_t member, double theta) const;
  /// logit(chain(theta_s, 0 hops)) for every source: the part of MemberScore shared by all the
  /// members of a source without relay hops, computed once per iteration instead of per member.
  std::vector<double> SourceLogits(const std::vector<double>& trust) const;
  /// MemberScore(member, theta) from a SourceLogits entry; bitwise the same value.
  double MemberScore(std::size_t member, double theta, double source_logit) const {
    return gain_[member] == 1.0 ? weight_[member] * std::max(0.0, source_logit)
                                : MemberScore(member, theta);
  }

  /// The member that carries a unit and its score.
  struct Carrier {
    std::size_t member;
    double score;  ///< MemberScore of that member, >= 0.
  };
  /// The member of unit u that carries it: of the members that may carry it (not copies:
  /// EvidenceSnapshot::CanCarry), the largest MemberScore under `trust` (the first of equals).
  /// `source_logits` is SourceLogits(trust), or nullptr to score each member from its trust
  /// alone (the same result, bit for bit). The one best-member rule of the model: the belief
  /// pass, the dispute score and the explanations all call it. O(members of u).
  Carrier BestMember(std::size_t unit, const std::vector<double>& trust,
                     const std::vector<double>* source_logits = nullptr) const {
    const auto score = [&](std::size_t m) {
      const Index s = snap_.member_owner[m];
      return source_logits != nullptr ? MemberScore(m, trust[s], (*source_logits)[s])
                                      : MemberScore(m, trust[s]);
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
  double prior_a(std::size_t source) const { return prior_a_[source]; }
  double prior_b(std::size_t source) const { return prior_b_[source]; }
  /// a_s / (a_s + b_s): the trust a source starts from.
  double prior_mean(std::size_t source) const {
    return prior_a_[source] / (prior_a_[source] + prior_b_[source]);
  }
  double floor() const { return floor_; }
  double echo_factor() const { return echo_; }

 private:
  const graph::EvidenceSnapshot& snap_;
  std::vector<double> weight_;  // w_m
  std::vector<double> gain_;    // (2f - 1)^hops
  std::vector<double> prior_a_;
  std::vector<double> prior_b_;
  double floor_;
  double echo_;
};

}  // namespace credence::scoring
