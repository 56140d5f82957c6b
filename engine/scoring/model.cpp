#include "credence/scoring/model.hpp"

#include <omp.h>

#include <chrono>
#include <cmath>
#include <cstdint>

#include "belief_rule_internal.hpp"
#include "credence/scoring/parallel.hpp"
#include "evidence_weights_internal.hpp"
#include "squarem_internal.hpp"

namespace credence::scoring {
namespace {

// The credit each member gives its owner: each distinct owner of a unit gets an equal share,
// through its heaviest member, so that relays change nothing. No credit from:
//  - copies (a republished stance is its origin's evidence, whoever republished it);
//  - inert units (implied denials: a source supporting one alternative is judged by the belief
//    in that alternative, which the normalisation of the group already ties to the others);
//  - units alone on their claim or group (no self-judgement: a scoop nobody else addressed
//    neither raises nor lowers its owner's trust).
std::vector<double> MemberCredits(const graph::EvidenceSnapshot& snap,
                                  const EvidenceWeights& weights) {
  std::vector<double> credit(snap.num_members(), 0.0);
  std::vector<Index> heaviest;  // per owner run of the current unit
  for (std::size_t u = 0; u < snap.num_units(); ++u) {
    if (snap.IsInert(u) || snap.IsAlone(u)) continue;
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

// The trust half of an iteration, as one sparse product over flat arrays in owner order: for
// source s, agree = a_s + sum(credit of its denials) + sum(signed credit * belief), where a
// denial's credit enters with a minus sign (it agrees with 1 - b), and total = a_s + b_s +
// sum(credit) does not change between iterations; theta_s = agree / total. Each entry is
// (claim, signed credit): one streaming read and one gather per stance, instead of chasing
// member -> unit -> claim.
class TrustPass {
 public:
  // Built by a counting sort that walks the members in order (an owner's entries in member
  // order, as in the owner CSR), so that its reads are sequential. Time O(members + sources).
  TrustPass(const graph::EvidenceSnapshot& snap, const EvidenceWeights& weights)
      : offsets_(snap.num_sources + 1, 0),
        agree_base_(snap.num_sources),
        total_weight_(snap.num_sources) {
    const std::vector<double> credit = MemberCredits(snap, weights);
    for (Index m = 0; m < snap.num_members(); ++m) {
      if (credit[m] != 0.0) ++offsets_[snap.member_owner[m] + 1];
    }
    for (Index s = 0; s < snap.num_sources; ++s) offsets_[s + 1] += offsets_[s];
    claim_.resize(offsets_.back());
    coef_.resize(offsets_.back());
    for (Index s = 0; s < snap.num_sources; ++s) {
      agree_base_[s] = weights.prior_a(s);
      total_weight_[s] = weights.prior_a(s) + weights.prior_b(s);
    }
    std::vector<Index> next(offsets_.begin(), offsets_.end() - 1);
    for (std::size_t u = 0; u < snap.num_units(); ++u) {
      const bool supports = snap.unit_polarity[u] > 0;
      for (const Index m : snap.Members(u)) {
        if (credit[m] == 0.0) continue;
        const Index owner = snap.member_owner[m];
        const Index k = next[owner]++;
        claim_[k] = snap.unit_claim[u];
        coef_[k] = supports ? credit[m] : -credit[m];
        if (!supports) agree_base_[owner] += credit[m];
        total_weight_[owner] += credit[m];
      }
    }
  }

  // Writes every source's new trust into `next` from `belief`; returns the largest change from
  // `trust`. Parallel for kParallelThreshold sources and more; the result does not depend on it.
  double Apply(const std::vector<double>& belief, const std::vector<double>& trust, int threads,
               std::vector<double>* next) const {
    const auto num_sources = static_cast<std::int64_t>(agree_base_.size());
    double residual = 0.0;
#pragma omp parallel for schedule(static) num_threads(threads) \
    reduction(max                                              \
              : residual) if (num_sources >= kParallelThreshold)
    for (std::int64_t s = 0; s < num_sources; ++s) {
      double agree = agree_base_[s];
      for (Index k = offsets_[s]; k < offsets_[s + 1]; ++k) agree += coef_[k] * belief[claim_[k]];
      const double theta = agree / total_weight_[s];
      residual = std::max(residual, std::abs(theta - trust[s]));
      (*next)[s] = theta;
    }
    return residual;
  }

  std::size_t num_entries() const { return claim_.size(); }

 private:
  std::vector<Index> offsets_;  // entries of source s: [offsets_[s], offsets_[s + 1])
  std::vector<Index> claim_;
  std::vector<double> coef_;  // signed credit
  std::vector<double> agree_base_;
  std::vector<double> total_weight_;
};

// The bytes one iteration moves (ScoringResult::bytes_per_iteration). The belief pass reads the
// claim, unit and member arrays it uses (offsets, polarity, the first member's flags, owner,
// weight, relay gain), the trusts and their logits, and writes the beliefs; the residual reads
// old and new beliefs; the trust pass reads its CSR (offsets, claim, signed credit, base, total)
// and the beliefs, and writes the trusts.
std::size_t BytesPerIteration(const graph::EvidenceSnapshot& snap, std::size_t trust_entries) {
  const std::size_t c = snap.num_claims;
  const std::size_t s = snap.num_sources;
  const std::size_t u = snap.num_units();
  const std::size_t m = snap.num_members();
  const std::size_t i = sizeof(Index);
  const std::size_t d = sizeof(double);
  return (c + 1) * i + c * i + (u + 1) * i + u * 2 + m * (i + 2 * d) + 3 * s * d + c * d +
         2 * c * d + (s + 1) * i + trust_entries * (i + d) + 2 * s * d + c * d + 2 * s * d;
}

}  // namespace

double Logit(double p) { return std::log(p / (1.0 - p)); }
double Sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

ScoringResult ScoreDefault(const Dataset& data, const graph::EvidenceSnapshot& snap,
                           const ModelOptions& options) {
  options.Validate();
  const EvidenceWeights weights(data, snap, options);
  const BeliefRule rule(data, snap, weights, options.base_rate);
  const TrustPass trust_pass(snap, weights);
  const int threads = options.threads > 0 ? options.threads : omp_get_max_threads();

  ScoringResult result;
  result.algorithm = "credence";
  result.bytes_per_iteration = BytesPerIteration(snap, trust_pass.num_entries());
  result.trust.resize(snap.num_sources);
  for (Index s = 0; s < snap.num_sources; ++s) result.trust[s] = weights.prior_mean(s);
  result.belief.assign(snap.num_claims, options.base_rate);
  std::vector<double> next_belief(snap.num_claims);
  std::vector<double> next_trust(snap.num_sources);

  // One plain iteration: beliefs from the current trusts, then trusts from those beliefs.
  // Returns the largest change of any belief or trust.
  const auto step = [&] {
    rule.Beliefs(result.trust, threads, &next_belief);
    double residual = 0.0;
    for (std::size_t c = 0; c < next_belief.size(); ++c) {
      residual = std::max(residual, std::abs(next_belief[c] - result.belief[c]));
    }
    result.belief.swap(next_belief);
    residual =
        std::max(residual, trust_pass.Apply(result.belief, result.trust, threads, &next_trust));
    result.trust.swap(next_trust);
    return residual;
  };
  FixedPointOptions iteration;
  iteration.max_iterations = options.max_iterations;
  iteration.tolerance = options.tolerance;
  iteration.accelerate = options.accelerate > 0.0;
  iteration.lower = weights.floor();
  iteration.upper = 1.0 - weights.floor();
  const auto loop_start = std::chrono::steady_clock::now();
  const FixedPointStats stats = IterateToFixedPoint(&result.trust, iteration, step);
  result.iteration_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - loop_start).count();
  result.iterations = stats.iterations;
  result.residual = stats.residual;
  result.converged = stats.converged;
  // At convergence, final beliefs from the final trusts (a change below the tolerance), so that
  // every belief is exactly what its explanation lists. A run cut short by max_iterations keeps
  // the beliefs of its last iteration.
  if (result.converged) rule.Beliefs(result.trust, threads, &result.belief);
  return result;
}

}  // namespace credence::scoring
