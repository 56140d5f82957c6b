#pragma once
/// The default Credence model: evidence in log-odds with trust learned by a regularised EM
/// (docs/model.md has the equations and the reasons for each parameter).
///
///   evidence: S_c = sum over units u of c of  pi_u * max over members m of u of
///                   w_m * max(0, logit(chain(theta_owner(m), hops_m)))
///   belief:   b_c = sigmoid(logit(rho) + S_c), or for a group of alternatives the softmax of S
///             over the group (BeliefRule)
///   trust:   theta_s = (a_s + sum_m credit_m * agree_m) / (a_s + b_s + sum_m credit_m)
///
/// where w_m = weight * hedge factor * interested factor * anonymous factor, chain(theta, h) =
/// 1/2 + 1/2 (2 theta - 1) (2 f - 1)^h for relay fidelity f, credit = w_m / (number of distinct
/// owners in u) for each owner's heaviest member (0 for its other members), agree_m = b_c for a
/// supporting member and 1 - b_c for a denying one, and (a_s, b_s) the Beta prior.

#include <string>
#include <vector>

#include "credence/graph/evidence.hpp"

namespace credence::scoring {

/// Every parameter of the default model, with its documented default.
struct ModelOptions {
  double base_rate = 0.5;       ///< Prior probability that a claim is true; in (0, 1).
  double prior_strength = 4.0;  ///< Stances a default prior is worth; > 0.
  double relay_fidelity =
      0.95;  ///< Probability that one relay hop reports a stance faithfully; in (0.5, 1].
  double interested_factor = 0.5;  ///< Weight of an interested party's stance; in (0, 1].
  double anonymous_factor =
      0.8;  ///< Weight of an anonymous source carried by its outlet; in (0, 1].
  double implied_factor =
      1.0;  ///< Weight of a denial implied by support for an alternative; in (0, 1].
  double hedge_factor =
      0.7;  ///< Weight of a hedged stance (reportedly, allegedly, ...); in (0, 1].
  double strong_hedge_factor =
      0.5;                    ///< Weight for "unconfirmed", "rumour", "may", "might"; in (0, 1].
  double trust_floor = 0.01;  ///< Trust is kept in [floor, 1 - floor]; in (0, 0.5).
  /// Undeclared dependence: the k-th strongest unit on one side of a claim (k = 0, 1, ...) counts
  /// echo_factor^k, as in ACCU's vote discount prod (1 - c P(dependent)) with its published
  /// c = 0.8 and prior P(dependent) = 0.2 (docs/model.md). 1 turns it off; in (0, 1].
  double echo_factor = 0.84;
  /// 1: accelerate the fixed-point iteration with SQUAREM (Varadhan & Roland 2008): after every
  /// two plain iterations, extrapolate the trusts along their path; same fixed point, far fewer
  /// iterations on large data. 0: plain iteration only.
  double accelerate = 1.0;

  // Default prior trust by source kind.
  double prior_news = 0.7;
  double prior_wire = 0.75;
  double prior_fact_checker = 0.8;
  double prior_social = 0.55;
  double prior_official = 0.6;
  double prior_other = 0.65;
  double prior_speaker = 0.6;
  double prior_organisation = 0.6;

  int max_iterations = 200;  ///< >= 1.
  double tolerance = 1e-6;   ///< Stop when no belief or trust moves more than this; > 0.
  int threads = 0;           ///< 0: all cores. Results do not depend on it.

  /// @throws InvalidArgumentError naming the first field out of range.
  void Validate() const;

  /// Sets a numeric parameter by its field name (e.g. "echo_factor", "prior_news"), for
  /// command-line ablations. @throws InvalidArgumentError naming the valid names when unknown.
  /// Ranges are checked by Validate().
  void Set(std::string_view name, double value);
  /// The names Set() accepts.
  static std::vector<std::string_view> ParameterNames();
};

/// What any scoring algorithm returns.
struct ScoringResult {
  std::string algorithm;
  std::vector<double> belief;  ///< Per claim, in [0, 1].
  std::vector<double> trust;   ///< Per source, in [0, 1].
  int iterations = 0;
  double residual = 0.0;  ///< Largest change in the last iteration.
  bool converged = false;
  /// Bytes of the flat arrays one iteration reads or writes, each array counted once: what an
  /// iteration must move at the least, for stating its speed against the memory bandwidth
  /// (docs/performance.md). 0 where an algorithm does not report it.
  std::size_t bytes_per_iteration = 0;
  /// Wall time of the iterations alone (set-up and the final belief pass excluded), for the
  /// same comparison. Timing only: it never affects a result.
  double iteration_seconds = 0.0;
};

/// The per-member quantities the default model's log-odds are built from; shared by the model,
/// the dispute score and the explanations so that all three use one formula.
class EvidenceWeights {
 public:
  EvidenceWeights(const Dataset& data, const graph::EvidenceSnapshot& snap,
                  const ModelOptions& options);

  /// Log-odds (>= 0) a member would add with its owner at trust `theta`, before polarity.
  double MemberScore(std::size_t member, double theta) const;
  /// logit(chain(theta_s, 0 hops)) for every source: the part of MemberScore shared by all the
  /// members of a source without relay hops, computed once per iteration instead of per member.
  std::vector<double> SourceLogits(const std::vector<double>& trust) const;
  /// MemberScore(member, theta) from a SourceLogits entry; bitwise the same value.
  double MemberScore(std::size_t member, double theta, double source_logit) const {
    return gain_[member] == 1.0 ? weight_[member] * std::max(0.0, source_logit)
                                : MemberScore(member, theta);
  }
  /// The member of unit u that carries it (the largest MemberScore), given trusts.
  std::size_t BestMember(std::size_t unit, const std::vector<double>& trust) const;
  double weight(std::size_t member) const { return weight_[member]; }
  double prior_a(std::size_t source) const { return prior_a_[source]; }
  double prior_b(std::size_t source) const { return prior_b_[source]; }
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

/// The belief half of an iteration, shared by the model and the explanations.
///   ungrouped claim c:  b_c = sigmoid(logit(base_rate) + S_c)
///   group of alternatives G:  b_c = exp(S_c) / sum over c' in G of exp(S_c')  (exactly one is
///   true)
/// where S_c, the claim's evidence, sums the signed scores of its units (implied units, which only
/// restate the alternatives' support, excluded), each side discounted for undeclared echo.
class BeliefRule {
 public:
  BeliefRule(const Dataset& data, const graph::EvidenceSnapshot& snap,
             const EvidenceWeights& weights, double base_rate);
  /// S_c under the given trusts: on each side, the units' scores strongest first, the k-th
  /// counting echo_factor^k. O(members of the claim + units log units).
  double Evidence(Index claim, const std::vector<double>& trust) const;
  /// The same, filling `contribution` with each unit's signed share of S_c (0 for implied
  /// units), indexed from the claim's first unit.
  double Evidence(Index claim, const std::vector<double>& trust,
                  std::vector<double>* contribution) const;
  /// The same with SourceLogits(trust) precomputed (nullptr: computed per member).
  double Evidence(Index claim, const std::vector<double>& trust,
                  const std::vector<double>* source_logits,
                  std::vector<double>* contribution) const;
  /// Evidence(claim, trust, &source_logits, nullptr) by a cheaper route, bitwise the same value.
  double FastEvidence(Index claim, const std::vector<double>& trust,
                      const std::vector<double>& source_logits) const;
  /// Every claim's belief under the given trusts; `belief` must have one entry per claim.
  void Beliefs(const std::vector<double>& trust, int threads, std::vector<double>* belief) const;
  /// Trusted mass on each side of a claim (E+, E-) for the dispute score: the same discounted
  /// scores as S_c, with the implied denials of a group's alternatives added to E- after the
  /// explicit denials (docs/model.md).
  std::pair<double, double> SideMass(Index claim, const std::vector<double>& trust) const;
  /// As SideMass, with `source_logits` = weights.SourceLogits(trust) computed once by the caller.
  std::pair<double, double> SideMass(Index claim, const std::vector<double>& trust,
                                     const std::vector<double>& source_logits) const;

 private:
  const graph::EvidenceSnapshot& snap_;
  const EvidenceWeights& weights_;
  double base_;
  double echo_;
  std::vector<Index> ungrouped_;
  std::vector<Index> group_offsets_;
  std::vector<Index> group_claims_;
};

/// Runs the default model to convergence. Deterministic for any thread count: each claim's and
/// each source's update is a sequential sum in snapshot order.
/// Time O(iterations * (units + members)); memory O(claims + sources + members).
/// @throws InvalidArgumentError if options fail Validate().
ScoringResult ScoreDefault(const Dataset& data, const graph::EvidenceSnapshot& snap,
                           const ModelOptions& options);

double Logit(double p);
double Sigmoid(double x);

}  // namespace credence::scoring
