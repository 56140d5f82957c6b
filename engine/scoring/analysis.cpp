#include "credence/scoring/analysis.hpp"

#include <fmt/format.h>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

#include "belief_rule_internal.hpp"
#include "credence/core/error.hpp"
#include "credence/scoring/parallel.hpp"
#include "evidence_weights_internal.hpp"

namespace credence::scoring {
namespace {

// One claim's assessment, before ranking: its side masses, counts, dispute and verdict.
ClaimAssessment AssessClaim(const graph::EvidenceSnapshot& snap, const BeliefRule& rule,
                            const ScoringResult& result, const std::vector<double>& logits,
                            const AnalysisOptions& options, Index c) {
  ClaimAssessment a;
  a.claim = c;
  a.belief = result.belief[c];
  a.stances_neutral = static_cast<int>(snap.claim_neutral[c]);
  std::tie(a.weight_for, a.weight_against) = rule.SideMass(c, result.trust, logits);
  for (const Index u : snap.Units(c)) {
    if (snap.unit_polarity[u] > 0) {
      ++a.sources_for;
      a.stances_for += static_cast<int>(snap.unit_size(u));
    } else {
      ++a.sources_against;
      a.stances_against += static_cast<int>(snap.unit_size(u));
    }
  }
  const double k = options.dispute_scale;
  a.dispute = (1.0 - std::exp(-a.weight_for / k)) * (1.0 - std::exp(-a.weight_against / k));
  const double strong = std::max(a.weight_for, a.weight_against);
  const double weak = std::min(a.weight_for, a.weight_against);
  if (a.sources_for + a.sources_against == 0) {
    a.verdict = Verdict::kUnresolved;
  } else if (weak > 0 && weak >= options.dispute_ratio * strong) {
    a.verdict = Verdict::kDisputed;
  } else if (a.belief >= options.likely_true) {
    a.verdict = Verdict::kLikelyTrue;
  } else if (a.belief <= options.likely_false) {
    a.verdict = Verdict::kLikelyFalse;
  } else {
    a.verdict = Verdict::kUnresolved;
  }
  return a;
}

// Most disputed first, then more trusted mass, then by id (claims are numbered in id order, so
// the index breaks the tie); numbers the ranks from 1. Sorting small keys and moving each
// assessment once is cheaper than sorting the assessments themselves.
void RankClaims(std::vector<ClaimAssessment>* claims) {
  struct RankKey {
    double dispute;
    double mass;
    Index claim;
  };
  std::vector<RankKey> keys(claims->size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const ClaimAssessment& a = (*claims)[i];
    keys[i] = {a.dispute, a.weight_for + a.weight_against, a.claim};
  }
  std::sort(keys.begin(), keys.end(), [](const RankKey& x, const RankKey& y) {
    if (x.dispute != y.dispute) return x.dispute > y.dispute;
    if (x.mass != y.mass) return x.mass > y.mass;
    return x.claim < y.claim;
  });
  std::vector<ClaimAssessment> ranked;
  ranked.reserve(claims->size());
  for (const RankKey& k : keys) ranked.push_back(std::move((*claims)[k.claim]));
  *claims = std::move(ranked);
  for (std::size_t i = 0; i < claims->size(); ++i) (*claims)[i].rank = static_cast<int>(i + 1);
}

// Each source's assessment, by trust descending (carried sources last), then id. Its agreement
// (its weighted share of stances on the side of the beliefs) and its explicit stances are
// accumulated by walking the members in order: an owner's members are summed in member order, as
// in the owner CSR, and every read is sequential.
std::vector<SourceAssessment> AssessSources(const Dataset& data,
                                            const graph::EvidenceSnapshot& snap,
                                            const EvidenceWeights& weights,
                                            const ScoringResult& result) {
  std::vector<double> agree(snap.num_sources, 0.0);
  std::vector<double> total(snap.num_sources, 0.0);
  std::vector<int> stances(snap.num_sources, 0);
  for (std::size_t u = 0; u < snap.num_units(); ++u) {
    const double b = result.belief[snap.unit_claim[u]];
    const double agreeing = snap.unit_polarity[u] > 0 ? b : 1.0 - b;
    for (const Index m : snap.Members(u)) {
      const Index owner = snap.member_owner[m];
      agree[owner] += weights.weight(m) * agreeing;
      total[owner] += weights.weight(m);
      if (!(snap.member_flags[m] & graph::EvidenceSnapshot::kImplied)) ++stances[owner];
    }
  }
  std::vector<SourceAssessment> sources(snap.num_sources);
  for (Index s = 0; s < snap.num_sources; ++s) {
    SourceAssessment& a = sources[s];
    a.source = s;
    a.trust = result.trust[s];
    a.prior = weights.prior_mean(s);
    a.stances = stances[s];
    a.agreement = total[s] > 0 ? agree[s] / total[s] : 0.0;
    a.carried = data.sources[s].anonymous && a.stances == 0;
  }
  std::sort(sources.begin(), sources.end(),
            [&](const SourceAssessment& x, const SourceAssessment& y) {
              if (x.carried != y.carried) return !x.carried;
              if (x.trust != y.trust) return x.trust > y.trust;
              return data.sources[x.source].id < data.sources[y.source].id;
            });
  return sources;
}

}  // namespace

void AnalysisOptions::Validate() const {
  auto fail = [](std::string_view field, std::string_view range, double v) {
    throw InvalidArgumentError(
        fmt::format("AnalysisOptions.{} must be in {}, got {}", field, range, v));
  };
  if (!(dispute_scale > 0 && std::isfinite(dispute_scale))) {
    fail("dispute_scale", "(0, inf)", dispute_scale);
  }
  if (!(likely_true > 0.5 && likely_true < 1)) fail("likely_true", "(0.5, 1)", likely_true);
  if (!(likely_false > 0 && likely_false < 0.5)) fail("likely_false", "(0, 0.5)", likely_false);
  if (!(dispute_ratio > 0 && dispute_ratio <= 1)) fail("dispute_ratio", "(0, 1]", dispute_ratio);
}

std::string_view ToString(Verdict verdict) {
  switch (verdict) {
    case Verdict::kLikelyTrue:
      return "likely true";
    case Verdict::kLikelyFalse:
      return "likely false";
    case Verdict::kDisputed:
      return "disputed";
    case Verdict::kUnresolved:
      return "unresolved";
  }
  return "unresolved";
}

Analysis Analyze(const Dataset& data, const graph::EvidenceSnapshot& snap,
                 const ModelOptions& model, const ScoringResult& result,
                 const AnalysisOptions& options) {
  options.Validate();
  model.Validate();
  const EvidenceWeights weights(data, snap, model);
  Analysis out;
  out.algorithm = result.algorithm;
  out.iterations = result.iterations;
  out.residual = result.residual;
  out.converged = result.converged;
  out.claims.resize(snap.num_claims);
  const BeliefRule rule(data, snap, weights, 0.5);  // the base rate plays no part in SideMass
  const std::vector<double> logits = weights.SourceLogits(result.trust);
  const int threads = options.threads > 0 ? options.threads : omp_get_max_threads();
  const auto num_claims = static_cast<std::int64_t>(snap.num_claims);
  // Each claim's assessment depends on that claim alone: the same values on any thread count.
#pragma omp parallel for schedule(static) num_threads(threads) if (num_claims >= kParallelThreshold)
  for (std::int64_t c = 0; c < num_claims; ++c) {
    out.claims[c] = AssessClaim(snap, rule, result, logits, options, static_cast<Index>(c));
  }
  RankClaims(&out.claims);
  out.sources = AssessSources(data, snap, weights, result);
  return out;
}

namespace {

// One claim's explanation; `group_claims` holds the claims of its group of alternatives in index
// order (empty for a claim in no group).
Explanation ExplainClaim(const Dataset& data, const graph::ClaimGraph& graph,
                         const graph::EvidenceSnapshot& snap, const EvidenceWeights& weights,
                         const ScoringResult& result, double base_rate, const BeliefRule& rule,
                         const std::vector<Index>& group_claims, Index claim) {
  Explanation out;
  out.claim = claim;
  out.belief = result.belief[claim];
  const Index group = data.claims[claim].group;
  out.grouped = group != kNone;
  out.base_log_odds = out.grouped ? 0.0 : Logit(base_rate);
  std::vector<double> contribution;
  out.log_odds = out.base_log_odds + rule.Evidence(claim, result.trust, &contribution);
  // For a group: the other alternatives' share, sum of exp(S_o - S_c), to recompute the softmax.
  double others = 0.0;
  for (Index c : group_claims) {
    if (c != claim) others += std::exp(rule.Evidence(c, result.trust) - out.log_odds);
  }
  auto belief_given = [&](double log_odds) {
    if (!out.grouped) return Sigmoid(log_odds);
    return 1.0 / (1.0 + others * std::exp(out.log_odds - log_odds));
  };
  const Index first_unit = snap.claim_offsets[claim];
  for (const Index u : snap.Units(claim)) {
    const std::size_t best = weights.BestMember(u, result.trust).member;
    const bool implied = snap.IsImplied(u);
    const double phi = contribution[u - first_unit];
    for (const Index m : snap.Members(u)) {
      StanceContribution c;
      c.stance = snap.member_stance[m];
      c.polarity = snap.unit_polarity[u];
      c.flags = snap.member_flags[m];
      c.owner = snap.member_owner[m];
      c.owner_trust = result.trust[c.owner];
      c.hops = snap.member_hops[m];
      c.weight = weights.weight(m);
      c.member_score = weights.MemberScore(m, c.owner_trust);
      c.score = implied ? 0.0 : c.polarity * c.member_score;
      c.strongest = m == best;
      c.counted = !implied && c.strongest;
      c.unit = static_cast<int>(u - first_unit + 1);
      c.unit_contribution = phi;
      c.belief_without_unit = belief_given(out.log_odds - phi);
      out.stances.push_back(c);
    }
  }
  for (Index s : graph.StancesOn(claim)) {
    if (data.stances[s].polarity == Polarity::kNeutral) out.neutral.push_back(s);
  }
  return out;
}

}  // namespace

Explanation Explain(const Dataset& data, const graph::ClaimGraph& graph,
                    const graph::EvidenceSnapshot& snap, const ModelOptions& model,
                    const ScoringResult& result, Index claim) {
  return std::move(Explain(data, graph, snap, model, result, std::vector<Index>{claim}).front());
}

std::vector<Explanation> Explain(const Dataset& data, const graph::ClaimGraph& graph,
                                 const graph::EvidenceSnapshot& snap, const ModelOptions& model,
                                 const ScoringResult& result, const std::vector<Index>& claims) {
  model.Validate();
  const EvidenceWeights weights(data, snap, model);
  const BeliefRule rule(data, snap, weights, model.base_rate);
  // The claims of each group that one of `claims` is in, in index order: one pass over the claims.
  std::vector<std::vector<Index>> group_claims(data.groups.size());
  std::vector<char> wanted(data.groups.size(), 0);
  for (Index c : claims) {
    if (data.claims[c].group != kNone) wanted[data.claims[c].group] = 1;
  }
  if (std::find(wanted.begin(), wanted.end(), 1) != wanted.end()) {
    for (Index c = 0; c < snap.num_claims; ++c) {
      const Index g = data.claims[c].group;
      if (g != kNone && wanted[g]) group_claims[g].push_back(c);
    }
  }
  const std::vector<Index> none;
  std::vector<Explanation> out;
  out.reserve(claims.size());
  for (Index c : claims) {
    const Index g = data.claims[c].group;
    out.push_back(ExplainClaim(data, graph, snap, weights, result, model.base_rate, rule,
                               g == kNone ? none : group_claims[g], c));
  }
  return out;
}

}  // namespace credence::scoring
