#pragma once
/// The default Credence model: evidence in log-odds, with what each kind of evidence is worth
/// learned from the data by EM (docs/model.md has the equations and the reasons for each
/// parameter). Each source s has two coins (Dawid & Skene 1979; ALGORITHMS.md, "two coins"):
/// a sensitivity alpha_s = P(supports | claim true) and a specificity beta_s = P(denies | false),
/// shrunk toward the pooled values of its kind (hierarchical Beta priors). Then
///
///   evidence: S_c = sum over units u of c of pi_u * echo^rank(u) * max over members m of u of
///                   w_m * max(0, L_m),  L_m = ln(alpha' / (1 - beta')) for a support and
///                   ln(beta' / (1 - alpha')) for a denial, alpha' = chain(alpha_owner, hops_m)
///   belief:   b_c = sigmoid(logit(rho) + S_c), or for a group of alternatives the softmax of S
///   M-step:   alpha_s = (k mu_alpha + tp_s) / (k + tp_s + fn_s),
///             beta_s  = (k mu_beta  + tn_s) / (k + tn_s + fp_s)
///
/// with the expected counts tp (supports of true claims), fn (denials, explicit or implied by
/// support of an alternative, of true claims), tn, fp weighted by each member's credit; the kind
/// means mu and strengths k learned by empirical Bayes; rho learned from the claims with enough
/// independent evidence to identify it. With alpha = beta = theta it is the symmetric log-odds
/// model (theta / (1 - theta) either way).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/scoring/result.hpp"

namespace credence::scoring {

/// Every parameter of the default model, with its documented default.
struct ModelOptions {
  /// Prior probability that a claim is true; in (0, 1). With learn_base_rate it is where the
  /// learning starts and its prior mean.
  double base_rate = 0.5;
  /// 1: learn the base rate from the claims (docs/model.md, "The base rate"); 0 (the default):
  /// keep base_rate. Off by default: on the public benchmarks learning it helped none and hurt
  /// two, EM's base rate drifting along a flat likelihood (RumourEval: 0.38 against a labelled
  /// share of 0.69; docs/model.md, "The base rate").
  double learn_base_rate = 0.0;
  /// Pseudo-claims the base rate's Beta prior is worth; > 0. 2: a uniform prior (Laplace's
  /// rule), weak against a few dozen labels (docs/model.md, "The base rate").
  double base_rate_strength = 2.0;
  /// 1 (the default): with labelled claims (--labels), the base rate is the labelled share
  /// (LabelledBaseRate); 0: keep base_rate (as --base-rate asks).
  double base_rate_from_labels = 1.0;
  /// The base rate is learned from the claims outside groups with at least this many
  /// independent evidence units: a two-class mixture of binomials is identified from three
  /// observations per item on; >= 1.
  double base_rate_min_units = 3.0;
  /// Pseudo-stances a source's own `prior`, or its kind's pooled prior, is worth when the data
  /// cannot estimate the pooling strength (fewer than three sources of the kind); > 0.
  double prior_strength = 4.0;
  /// The pooling strength k of each kind is learned by empirical Bayes and kept in
  /// [pool_min, pool_max] pseudo-stances; 0 < pool_min <= pool_max. At most 50: a source with
  /// more stances than that follows its own record more than its kind's (docs/model.md).
  double pool_min = 2.0;
  double pool_max = 50.0;
  /// Pseudo-stances of the prior on each kind's pooled mean (centred on the kind's prior_*);
  /// > 0.
  double kind_prior_strength = 10.0;
  /// 1: learn each kind's pooled sensitivity and specificity; 0: keep the prior means (as
  /// `credence fit` writes them).
  double learn_kind_means = 1.0;
  double relay_fidelity =
      0.95;  ///< Probability that one relay hop reports a stance faithfully; in (0.5, 1].
  double interested_factor = 0.5;  ///< Weight of a self-serving stance; in (0, 1].
  double anonymous_factor =
      0.8;  ///< Weight of an anonymous source carried by its outlet; in (0, 1].
  double implied_factor =
      1.0;  ///< Weight of a denial implied by support for an alternative; in (0, 1].
  double hedge_factor =
      0.7;  ///< Weight of a hedged stance (reportedly, allegedly, ...); in (0, 1].
  double strong_hedge_factor =
      0.5;                    ///< Weight for "unconfirmed", "rumour", "may", "might"; in (0, 1].
  double trust_floor = 0.01;  ///< Every reliability is kept in [floor, 1 - floor]; in (0, 0.5).
  /// Undeclared dependence: the k-th strongest unit on one side of a claim (k = 0, 1, ...) counts
  /// echo_factor^k, as in ACCU's vote discount prod (1 - c P(dependent)) with its published
  /// c = 0.8 and prior P(dependent) = 0.2 (docs/model.md). 1 turns it off; in (0, 1].
  double echo_factor = 0.84;
  /// 1: accelerate the fixed-point iteration with SQUAREM (Varadhan & Roland 2008): after every
  /// two plain iterations, extrapolate the reliabilities along their path; same fixed point, far
  /// fewer iterations on large data. 0: plain iteration only.
  double accelerate = 1.0;

  /// Default prior reliability (mean of the Beta priors of both coins) by source kind, each in
  /// (0, 1); a source's own `prior` replaces it.
  double prior_news = 0.7;
  double prior_wire = 0.75;
  double prior_fact_checker = 0.8;
  double prior_social = 0.55;
  double prior_official = 0.6;
  double prior_other = 0.65;
  double prior_speaker = 0.6;
  double prior_organisation = 0.6;
  /// Per-coin prior means by kind, in (0, 1), or -1 (the default): the kind's prior_* for both
  /// coins. `credence fit` learns them.
  double sensitivity_news = -1, specificity_news = -1;
  double sensitivity_wire = -1, specificity_wire = -1;
  double sensitivity_fact_checker = -1, specificity_fact_checker = -1;
  double sensitivity_social = -1, specificity_social = -1;
  double sensitivity_official = -1, specificity_official = -1;
  double sensitivity_other = -1, specificity_other = -1;
  double sensitivity_speaker = -1, specificity_speaker = -1;
  double sensitivity_organisation = -1, specificity_organisation = -1;

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
  /// The value of a parameter by name (as Set takes it). @throws InvalidArgumentError when
  /// unknown.
  double Get(std::string_view name) const;
};

/// The source kinds whose reliabilities are pooled (each with its prior_* parameter).
enum class PoolKind : std::uint8_t {
  kNews,
  kWire,
  kFactChecker,
  kSocial,
  kOfficial,
  kOther,
  kSpeaker,
  kOrganisation,
};
inline constexpr int kNumPoolKinds = 8;
/// "news", "wire", "fact_checker", "social", "official", "other", "speaker", "organisation".
std::string_view ToString(PoolKind kind);
/// The pool a source belongs to: its outlet kind, or speaker, or organisation.
PoolKind PoolOf(const Source& source);
/// The prior means (sensitivity, specificity) of a kind under `options`.
std::pair<double, double> KindPriorMeans(const ModelOptions& options, PoolKind kind);

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
/// ScoreDefault with labelled claims clamped to their truth in every E-step (--labels): `labels`
/// holds one entry per claim (-1 unknown, 0 false, 1 true), or is empty. With
/// base_rate_from_labels the base rate is LabelledBaseRate's (when there is one).
ScoringResult ScoreDefault(const Dataset& data, const graph::EvidenceSnapshot& snap,
                           const ModelOptions& options, const std::vector<std::int8_t>& labels);

/// The base rate the labelled claims outside groups of alternatives imply: (K + s/2) / (N + s)
/// for K true of N labelled, s = options.base_rate_strength (the posterior mean under a
/// Beta(s/2, s/2) prior centred on 1/2), kept in [trust_floor, 1 - trust_floor]. `labels` as
/// in ScoreDefault. nullopt when no claim outside a group is labelled.
std::optional<double> LabelledBaseRate(const Dataset& data, const std::vector<std::int8_t>& labels,
                                       const ModelOptions& options);

/// ln(p / (1 - p)) for p in (0, 1); +-inf at 1 and 0.
double Logit(double p);
/// 1 / (1 + e^-x), in [0, 1].
double Sigmoid(double x);

}  // namespace credence::scoring
