#pragma once
/// The default Credence model: evidence in log-odds with trust learned by a regularised EM
/// (docs/model.md has the equations and the reasons for each parameter).
///
///   evidence: S_c = sum over units u of c of  pi_u * max over members m of u of
///                   w_m * max(0, logit(chain(theta_owner(m), hops_m)))
///   belief:   b_c = sigmoid(logit(rho) + S_c), or for a group of alternatives the softmax of S
///             over the group
///   trust:   theta_s = (a_s + sum_m credit_m * agree_m) / (a_s + b_s + sum_m credit_m)
///
/// where w_m = weight * hedge factor * interested factor * anonymous factor, chain(theta, h) =
/// 1/2 + 1/2 (2 theta - 1) (2 f - 1)^h for relay fidelity f, credit = w_m / (number of distinct
/// owners in u) for each owner's heaviest member (0 for its other members), agree_m = b_c for a
/// supporting member and 1 - b_c for a denying one, and (a_s, b_s) the Beta prior.

#include <string>
#include <string_view>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/scoring/result.hpp"

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

  /// Default prior trust (mean of the Beta prior) by source kind, each in (0, 1); a source's own
  /// `prior` replaces it.
  double prior_news = 0.7;
  double prior_wire = 0.75;
  double prior_fact_checker = 0.8;
  double prior_social = 0.55;
  double prior_official = 0.6;
  double prior_other = 0.65;
  double prior_speaker = 0.6;
  double prior_organisation = 0.6;

  int max_iterations = 200;  ///< >= 1.
  /// Stop when no belief or trust moves more than this; >= 0. With 0 the run stops only when
  /// nothing moves at all (or at max_iterations).
  double tolerance = 1e-6;
  int threads = 0;  ///< 0: all cores. Results do not depend on it.

  /// @throws InvalidArgumentError naming the first field out of range.
  void Validate() const;

  /// Sets a numeric parameter by its field name (e.g. "echo_factor", "prior_news"), for
  /// command-line ablations. @throws InvalidArgumentError naming the valid names when unknown.
  /// Ranges are checked by Validate().
  void Set(std::string_view name, double value);
  /// The names Set() accepts.
  static std::vector<std::string_view> ParameterNames();
};

/// Runs the default model to convergence: from the prior trusts, each iteration computes every
/// belief from the trusts, then every trust from those beliefs, accelerated by SQUAREM when
/// options.accelerate is 1. Stops when the largest change is below options.tolerance or is 0
/// (converged), or after options.max_iterations; at convergence the beliefs are recomputed from the
/// final trusts, so that each is exactly what its explanation lists. Deterministic for any thread
/// count: each claim's and each source's update is a sequential sum in snapshot order.
/// Time O(iterations * (units + members)); memory O(claims + sources + members).
/// @throws InvalidArgumentError if options fail Validate().
ScoringResult ScoreDefault(const Dataset& data, const graph::EvidenceSnapshot& snap,
                           const ModelOptions& options);

/// ln(p / (1 - p)) for p in (0, 1); +-inf at 1 and 0.
double Logit(double p);
/// 1 / (1 + e^-x), in [0, 1].
double Sigmoid(double x);

}  // namespace credence::scoring
