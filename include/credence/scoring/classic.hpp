#pragma once
/// The classic truth-discovery algorithms, each a function of the categorical view
/// (include/credence/graph/categorical.hpp) and ClassicOptions (docs/algorithms.md has their
/// equations, parameters and papers). Each returns a belief per claim (BeliefsFromValueScores over
/// its per-value scores unless its doc says otherwise), a trust per source, the iterations, the
/// residual and whether it converged; results do not depend on the thread count. RunAlgorithm
/// (algorithms.hpp) calls them by name.

#include <cstdint>
#include <optional>

#include "credence/graph/categorical.hpp"
#include "credence/scoring/result.hpp"

namespace credence::scoring {

/// Options shared by the classic algorithms.
struct ClassicOptions {
  /// Iteration cap, >= 1; unset: the algorithm's default (AlgorithmInfo::default_max_iterations).
  std::optional<int> max_iterations;
  /// Stopping tolerance, >= 0 (0: stop only when nothing moves); unset: the algorithm's default
  /// (AlgorithmInfo::default_tolerance).
  std::optional<double> tolerance;
  std::uint64_t seed = 42;  ///< For the sampling algorithms (LTM).
  int threads = 0;          ///< >= 0; 0 = all cores. Results do not depend on it.
};

/// The signature every classic algorithm has.
using ClassicRunner = ScoringResult (*)(const graph::CategoricalView& view,
                                        const ClassicOptions& options);

/// Majority vote: a value's score is the number of sources observing it (docs/algorithms.md).
///
/// One pass. belief(c) = |S(v_c)| / sum over the values v' of c's object of |S(v')|; 1/k for an
/// object nobody observes. Every source has trust 1: a vote gives each source the same weight.
/// iterations = 1, residual = 0, converged = true. Time O(values + sources).
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunMajority(const graph::CategoricalView& view, const ClassicOptions& options);

/// Sums (Hubs and Authorities) as a fact-finder: Pasternack & Roth, COLING 2010; Kleinberg 1999.
///
/// T(s) = sum over v in C(s) of B(v), then B(v) = sum over s in S(v) of T(s), each divided by its
/// maximum. Starts from B = 1 for every value (and reports the change from T = 1 in the first
/// iteration). Beliefs are each value's share of its object's B; trust is the max-normalised T
/// (0 for a source that observes nothing). Residual: max change of the normalised trust.
/// Stopping: Sums is a power iteration and converges (to the principal singular vectors of the
/// source-value matrix), so it stops when the residual is <= the tolerance (default 1e-6) or after
/// 100 iterations; Pasternack & Roth ran a fixed 20, which is usually past that point already.
/// Time O(iterations * observations); memory O(values + sources).
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunSums(const graph::CategoricalView& view, const ClassicOptions& options);

/// Average.Log: Pasternack & Roth, "Knowing What to Believe (when you already know something)",
/// COLING 2010.
///
/// T(s) = ln|C(s)| / |C(s)| * sum over v in C(s) of B(v), then B(v) = sum over s in S(v) of T(s),
/// each divided by its maximum; starts from B = 1 (and T = 1 for the first residual). As
/// published, a source observing a single value has ln 1 = 0 and so trust 0: its observations
/// count for nothing. If every source is such, all B are 0 and every object falls back to 1/k.
/// Beliefs are each value's share of its object's B; trust is the max-normalised T. Residual: max
/// change of the normalised trust. Stops when that is <= the tolerance (default 1e-6) or after 100
/// iterations (a power iteration with fixed weights, like Sums).
/// Time O(iterations * observations); memory O(values + sources).
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunAverageLog(const graph::CategoricalView& view, const ClassicOptions& options);

/// Investment: Pasternack & Roth, "Knowing What to Believe (when you already know something)",
/// COLING 2010.
///
/// Sources invest their trust equally in the values they observe (classic::InvestmentTrustStep),
/// then B(v) = G(sum over s in S(v) of T(s)/|C(s)|) with G(x) = x^1.2. Starts from T = 1 and the
/// vote shares as beliefs (the "voted" prior). T and B are divided by their maxima after each
/// step; both steps are homogeneous in the scale of T and B, so this changes no ratio. Beliefs
/// are each value's share of its object's B; trust is the max-normalised T (0 for a source that
/// observes nothing). Residual: max change of the normalised trust.
/// Stopping: the published 20 iterations, earlier if the residual is <= the tolerance (default
/// 1e-6). Investment has no convergence guarantee: after 20 iterations trust usually still moves
/// (converged = false), and run for long it collapses onto one winner per object and can fall
/// below majority vote (docs/algorithms.md), so the cap is kept at 20.
/// Time O(iterations * observations); memory O(values + sources).
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunInvestment(const graph::CategoricalView& view, const ClassicOptions& options);

/// PooledInvestment: Pasternack & Roth, "Knowing What to Believe (when you already know
/// something)", COLING 2010.
///
/// The trust step of Investment (classic::InvestmentTrustStep); then, with H(v) = sum over s in
/// S(v) of T(s)/|C(s)|, B(v) = H(v) * H(v)^1.4 / sum over the values d of v's object of H(d)^1.4
/// (0 when that sum is 0). Starts from T = 1 and B = 1/k over the k values of each object. T and B
/// are divided by their maxima after each step (no ratio changes). Beliefs are each value's share
/// of its object's B; trust is the max-normalised T.
///
/// Stopping: PooledInvestment does not converge on hard data and drifts further from the truth
/// the longer it runs, so Credence runs the published fixed count (10 iterations, or
/// --max-iterations) and never stops early. converged is true only if the last iteration changed
/// no normalised trust by more than the tolerance (default 0, so in practice false; pass
/// --tolerance to set the threshold). Residual: max change of the normalised trust in the last
/// iteration.
/// Time O(iterations * observations); memory O(values + sources).
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunPooledInvestment(const graph::CategoricalView& view,
                                  const ClassicOptions& options);

/// TruthFinder: Yin, Han & Yu, "Truth Discovery with Multiple Conflicting Information Providers on
/// the Web", KDD 2007 (and IEEE TKDE 20(6), 2008).
///
/// With t(w) a source's trust, tau(w) = -ln(1 - t(w)), sigma(v) = sum over S(v) of tau,
/// sigma*(v) = sigma(v) + rho * sum over the other values v' of v's object of imp(v' -> v) *
/// sigma(v') with imp = -1 (distinct values of one object exclude each other; for a claim outside
/// a group the other value is "the claim is false", so deniers count against it), confidence
/// s(v) = 1 / (1 + e^(-gamma sigma*(v))), and t(w) = the mean of s over the values w observes.
/// rho = 0.5, gamma = 0.3, initial trust 0.9 (the paper's defaults). Trust is already a mean of
/// probabilities and is reported as is (a source that observes nothing keeps 0.9); beliefs are
/// each value's share of its object's confidence (values nobody observes have sigma = 0 and still
/// get a confidence, below 1/2 when other values are observed).
///
/// Stopping: the paper stops when 1 - cos(t, t_previous) < 0.001. The cosine sees only the
/// direction of the trust vector, and from equal trusts consecutive vectors are nearly parallel, so
/// that rule stops after one or two iterations; after one, confidences depend only on vote counts
/// (majority vote). Credence instead stops when no trust moves by more than the tolerance (max
/// absolute change, default 1e-6), which a first iteration from equal trusts meets only if no
/// trust moves at all, or after 100 iterations.
/// Residual: that max change in the last iteration.
/// Time O(iterations * observations); memory O(values + sources).
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunTruthFinder(const graph::CategoricalView& view, const ClassicOptions& options);

/// Cosine: Galland, Abiteboul, Marian & Senellart, "Corroborating Information from Disagreeing
/// Views", WSDM 2010.
///
/// Galland's *facts* are the claims (the "claim true" values of the view), and every observation
/// (s, v) of an object *states* each fact of that object: it asserts v if v is a fact and denies
/// every other fact of the object. So for a claim outside a group, observing "claim false" denies
/// it; in a group, observing one value denies the object's other claims. (The same convention as
/// 2- and 3-Estimates, classic::GallandLayout.) With T(s) in [-1, 1] a source's trust and
/// theta(f) in [-1, 1] a fact's truth value:
///   theta(f) = (sum over asserters of T^3 - sum over deniers of T^3) / sum over both of |T|^3
///   T(s) <- (1 - eta) T(s) + eta * (sum over f asserted of theta - sum over f denied of theta)
///           / sqrt(|F(s)| * sum over f in F(s) of theta^2),
/// eta = 0.2: each step moves T a fifth of the way to the cosine between the source's +-1
/// statements and the current truth values. The denominator of theta uses |T|^3 (the summary in
/// the paper writes T^3) so that theta stays in [-1, 1] when some T < 0; theta = 0 for a fact
/// nobody states, and the cosine is taken as 0 when all of a source's facts have theta = 0 (or it
/// states none), pulling T towards 0. Starts from T = 1 for every source that states something (0
/// for the others), so the first theta is the signed vote share.
///
/// Reported: trust (1 + T) / 2; value scores (1 + theta) / 2 for a fact and (1 - theta) / 2 for
/// "claim false", turned into beliefs as shares of each object's total (so a claim outside a group
/// has belief (1 + theta) / 2). Residual: max change of the reported trust; stops when that is <=
/// the tolerance (default 1e-6) or after 200 iterations (eta = 0.2 makes it slow to settle).
/// Time O(iterations * observations); memory O(values + sources).
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunCosine(const graph::CategoricalView& view, const ClassicOptions& options);

/// 2-Estimates: Galland, Abiteboul, Marian & Senellart, "Corroborating Information from
/// Disagreeing Views", WSDM 2010.
///
/// Facts f are the "claim true" values; an observation asserts its value and denies the other
/// facts of its object (GallandLayout). With eps(s) the error rate of source s:
///   theta(f) = [sum over asserters of (1 - eps(s)) + sum over deniers of eps(s)] / |V(f)|
///   eps(s)   = [sum over asserted f of (1 - theta(f)) + sum over denied f of theta(f)] / |F(s)|
/// each followed by GallandNormalise (lambda = 0.5) over the facts stated by someone / the sources
/// that observe something. Starts from eps = 0.4 (with equal errors the first theta is an affine
/// function of the vote share, which the normalisation undoes, so any equal start below 1/2 gives
/// the same first theta). Belief of a claim = theta of its fact (0.5 when nobody states it); trust
/// = 1 - eps (0.6 for a source that observes nothing). Stops when no theta or eps moves by more
/// than the tolerance (default 0.001), or after 100 iterations; residual = that largest move.
/// Time O(iterations * (values + observations)); memory O(values + sources).
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunTwoEstimates(const graph::CategoricalView& view, const ClassicOptions& options);

/// 3-Estimates: Galland, Abiteboul, Marian & Senellart, "Corroborating Information from
/// Disagreeing Views", WSDM 2010.
///
/// The error model: source s errs on fact f with probability eps(s) * phi(f), eps the source's
/// error rate and phi the fact's difficulty. An asserter of f is then right with probability
/// 1 - eps phi and a denier of f wrong (f true) with probability eps phi, and a statement's
/// probability of being wrong is w = 1 - theta(f) for an assertion and theta(f) for a denial, so
/// with |V(f)| and |F(s)| as in 2-Estimates (GallandLayout):
///   theta(f) = [sum over asserters of (1 - eps(s) phi(f)) + sum over deniers of eps(s) phi(f)]
///              / |V(f)|
///   eps(s)   = sum over the facts s states of min(1, w / phi(f)) / |F(s)|
///   phi(f)   = sum over the sources stating f of min(1, w / eps(s)) / |V(f)|
/// (each a mean of one-statement estimates of the factor, from E[wrong] = eps * phi), each step
/// followed by GallandNormalise (lambda = 0.5); theta, then eps, then phi. Starts from eps = 0.4,
/// phi = 1: every statement wrong with probability 0.4, so the first theta and eps are those of
/// 2-Estimates. The cap at 1 and 0 / 0 = 0 are Credence's (see Ratio); the paper leaves division
/// by a normalised 0 open. Belief = theta (0.5 when nobody states the fact); trust = 1 - eps (0.6
/// for a source that observes nothing). Stops when no theta, eps or phi moves by more than the
/// tolerance (default 0.001), or after 100 iterations; residual = that largest move.
/// Time O(iterations * (values + observations * log observations)): the denial terms of phi are
/// summed with a sort of each object's error rates; memory O(values + observations).
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunThreeEstimates(const graph::CategoricalView& view, const ClassicOptions& options);

/// The Latent Truth Model: Zhao, Rubinstein, Gemmell & Han, "A Bayesian Approach to Discovering
/// Truth from Conflicting Sources for Data Integration", PVLDB 5(6), 2012.
///
/// Facts are the "claim true" values. Every source that observes any value of an object makes one
/// claim on each fact of the object: o = 1 if it observes the fact, o = 0 if not (for a claim
/// outside a group the only other value is "claim false", so a denial is o = 0). Each fact has a
/// latent truth t_f; each source a false-positive rate phi0 ~ Beta(alpha_01, alpha_00) and a
/// sensitivity phi1 ~ Beta(alpha_11, alpha_10). Collapsed Gibbs sampling of each t_f in turn:
///   p(t_f = i | rest) proportional to beta_i * product over the claims (s, o) on f of
///     (n_s,i,o - own + alpha_i,o) / (n_s,i,0 + n_s,i,1 - own + alpha_i,0 + alpha_i,1)
/// where n counts the claims of s by current truth and observation, and `own` (1 for t_f = i) takes
/// f's own claim out. Published settings: beta = (10, 10), alpha_0 = (10, 1000), alpha_1 =
/// (50, 50), 50 sweeps, burn-in 10, thinning 2; truths start from fair coin flips.
/// Belief of a claim = the posterior mean of t_f over the kept sweeps (burn-in = max_iterations /
/// 5, then every second sweep counting back from the last: 20 samples by default); a fact nobody
/// states keeps the prior mean 1/2. Trust = posterior mean sensitivity, (n_s,1,1 + 50) /
/// (n_s,1,1 + n_s,1,0 + 100), averaged over the same sweeps (1/2 for a source with no claims).
/// Deterministic: one std::mt19937_64 seeded with options.seed, objects and facts in index order,
/// sampled sequentially whatever the thread count. Runs all sweeps; residual = the largest
/// difference between a fact's mean over the first and over the second half of the kept sweeps
/// (1 with a single kept sweep), converged = residual <= tolerance (default 0).
/// Time O(sweeps * (observations + sum over objects of covering sources * (1 + truth changes)))
/// thanks to per-object sums of the o = 0 terms; memory O(values + observations + sources).
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunLtm(const graph::CategoricalView& view, const ClassicOptions& options);

/// Dawid & Skene, "Maximum Likelihood Estimation of Observer Error-Rates Using the EM Algorithm",
/// Journal of the Royal Statistical Society C 28(1), 1979.
///
/// EM over every object at once, each with one true value among its values.
/// - A binary object (a claim outside any group) has the two classes "true" and "false", a class
///   prior p = P(true) shared by all binary objects, and for each source a 2 x 2 confusion matrix,
///   held as its sensitivity P(says true | true) and specificity P(says false | false).
/// - A group's values are particular to it, so no confusion matrix over them can be shared across
///   objects: each source has one accuracy a(s) (the "one-coin" model): it gives the true value
///   with probability a(s) and each of the k - 1 others with (1 - a(s)) / (k - 1); the prior over a
///   group's values is uniform. In a group of one value that value is certain, and an observation
///   of it counts as a correct answer towards a(s).
/// E-step: q(v) proportional to prior * product over the object's observations of P(answer | v).
/// M-step: p = mean of q(true) over the observed binary objects; sensitivity = sum of q(true) over
/// the source's "true" answers / sum of q(true) over all its binary answers; specificity likewise
/// with q(false); a(s) = mean of q over its answers in groups. Parameters are clamped to
/// [1e-6, 1 - 1e-6]; a source with no answers of a kind keeps 1/2 for those parameters.
/// Starts from q = the vote shares (majority vote), then iterates M-step, E-step. Stops when no
/// parameter (p, sensitivities, specificities, accuracies) and no q moves by more than the
/// tolerance (default 1e-5), or after 100 iterations; residual = that largest move (the first
/// iteration has no previous parameters and compares q only). Belief of a claim = q of its value;
/// trust = the expected share of the source's answers that are right, the mean of q over the
/// values it observes (1/2 when it observes nothing).
/// Time O(iterations * (values + observations)); memory O(values + sources).
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunDawidSkene(const graph::CategoricalView& view, const ClassicOptions& options);

/// CRH: Li, Li, Gao, Zhao, Fan & Han, "Resolving Conflicts in Heterogeneous Data by Truth
/// Discovery and Source Reliability Estimation", SIGMOD 2014 (categorical data, 0-1 loss).
///
/// Block coordinate descent on the CRH objective with the 0-1 loss:
///   truths:  each object's truth is the value with the largest weighted vote sum over S(v) of
///            w(s); values tied for the largest vote share the truth, each counted as true with
///            probability 1/(number tied) (an order-free tie-break);
///   weights: w(s) = -log((L(s) + 0.1) / sum over observing sources s' of (L(s') + 0.1)), where
///            L(s) = sum over the values s observes of the probability that the value is not the
///            truth.
/// Starts from equal weights (majority vote); each iteration takes the weights from the truths,
/// then the truths from the weights. Known faults: the published -log(L / sum L) is infinite for a
/// source with no loss (Credence adds 0.1 to each loss); a reference implementation stores dense
/// claim-by-claim matrices and cannot pass about 10k claims (Credence works on the sparse view);
/// L sums rather than averages, so a source observing many values gets a larger loss than a
/// sparse one with the same error rate (kept, as published). Beliefs = each value's share of its
/// object's weighted vote (uniform for an object nobody observes, and unweighted when every weight
/// is 0, which happens with a single source); trust = w / max w (0 for a source that observes
/// nothing, 1 for all when every weight is 0). Stops when no trust and no belief moves by more
/// than the tolerance (default 1e-6), or after 20 iterations; residual = that largest move.
/// Time O(iterations * (values + observations)); memory O(values + sources).
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunCrh(const graph::CategoricalView& view, const ClassicOptions& options);

/// ACCU: Dong, Berti-Equille & Srivastava, "Integrating Conflicting Data: The Role of Source
/// Dependence", PVLDB 2(1), 2009 (accuracy, vote count with copy detection).
///
/// Each source s has an accuracy A(s); an object's domain holds its true value and n false ones
/// (n = 100 for a group; a binary object's domain is {true, false}, so n = 1 there).
/// - Vote count: C(v) = sum over s in S(v) of A'(s) * I(s, v), A'(s) = ln(n A(s) / (1 - A(s))).
/// - P(v) = e^C(v) / (sum over the object's values v' of e^C(v') + max(0, n + 1 - k)), k the
///   object's number of values: the values nobody observes have C = 0.
/// - A(s) = mean of P(v) over the values s observes.
/// - Copy detection, for every pair of sources that observe a common value, from P and A: over the
///   objects both observe, a common value v is seen with probability P(v) A1 A2 + (1 - P(v))
///   (1 - A1)(1 - A2) / n if they are independent and P(v) (A2 c + A1 A2 (1 - c)) + (1 - P(v))
///   ((1 - A2) c + (1 - A1)(1 - A2)(1 - c) / n) if source 1 copies source 2; different values with
///   P_d = 1 - A1 A2 - (1 - A1)(1 - A2) / n and P_d (1 - c). With the prior alpha (alpha / 2 for
///   each direction) this gives P(1 ~ 2), the probability that one copies the other.
/// - Discount: the paper counts the providers of v in some order and multiplies a source's vote by
///   I = product over the sources counted before it of (1 - c P(s ~ s')). The result depends on the
///   order (the paper picks a greedy one, so ties, e.g. equal accuracies, are broken by names).
///   Credence averages over all orders of S(v): with uniform random positions, each other provider
///   precedes s independently with probability t given s's position t, so
///     I(s, v) = integral over t in [0, 1] of prod over s' in S(v) - {s} of (1 - t c P(s ~ s')),
///   computed exactly by Gauss-Legendre quadrature for values with up to 64 providers and with a
///   graded 112-node rule beyond (relative error below 1e-12).
/// alpha = 0.2, c = 0.8, n = 100 as published; accuracies start at 0.8 and are kept in
/// [1e-6, 1 - 1e-6]. Shared values are weighted by P(v) rather than split into "true" and "false"
/// by a threshold. Each iteration: vote counts (no discount in the first), P, A, then copy
/// detection. Belief of a claim = P of its value (for a group, the remainder is the probability
/// that the truth is a value nobody gave); trust = A(s) (0.8 for a source that observes nothing).
/// Stops when no P and no A moves by more than the tolerance (default 1e-6), or after 100
/// iterations; residual = that largest move.
/// Time O(iterations * (observations + nodes * shared values of the pairs)) after building the
/// pairs in O(sum over objects of their number of observations squared), which bounds the memory.
/// @throws InvalidArgumentError if `options` are out of range.
ScoringResult RunAccu(const graph::CategoricalView& view, const ClassicOptions& options);

}  // namespace credence::scoring
