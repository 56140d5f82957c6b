#include "credence/scoring/analysis.hpp"

#include <fmt/format.h>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <tuple>

#include "belief_rule_internal.hpp"
#include "credence/core/error.hpp"
#include "credence/scoring/parallel.hpp"
#include "evidence_weights_internal.hpp"

namespace credence::scoring {
namespace {

// The tier of a verdict in the ranking: disputed claims first, then contested ones that lean,
// then the rest, so that no plainly one-sided or unresolved claim ranks above a disputed one.
int Tier(Verdict v) {
  switch (v) {
    case Verdict::kDisputed:
      return 0;
    case Verdict::kContestedTrue:
    case Verdict::kContestedFalse:
      return 1;
    case Verdict::kLikelyTrue:
    case Verdict::kLikelyFalse:
    case Verdict::kUnresolved:
      return 2;
  }
  return 2;
}

// One claim's assessment, before ranking: its interval (when `intervals`: the result has them
// for every claim), side masses, counts, dispute and verdict.
ClaimAssessment AssessClaim(const graph::EvidenceSnapshot& snap, const BeliefRule& rule,
                            const ScoringResult& result, bool intervals, const Coins& coins,
                            const SourceLogits& logits, const AnalysisOptions& options, Index c) {
  ClaimAssessment a;
  a.claim = c;
  a.belief = result.belief[c];
  if (intervals) {
    const double low = result.belief_low[c];
    const double high = result.belief_high[c];
    // Comparisons with NaN are false: a NaN bound reads as no interval.
    if (low >= 0.0 && low <= a.belief && a.belief <= high && high <= 1.0) {
      a.has_interval = true;
      a.belief_low = low;
      a.belief_high = high;
    }
  }
  a.stances_neutral = static_cast<int>(snap.claim_neutral[c]);
  std::tie(a.weight_for, a.weight_against) = rule.SideMass(c, coins, logits);
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
  a.verdict = VerdictOf(a, options);
  return a;
}

// By tier (disputed, contested, the rest), then most disputed first, then more trusted mass,
// then by id (claims are numbered in id order, so the index breaks the tie); numbers the ranks
// from 1. Sorting small keys and moving each
// assessment once is cheaper than sorting the assessments themselves.
void RankClaims(std::vector<ClaimAssessment>* claims) {
  struct RankKey {
    int tier;
    double dispute;
    double mass;
    Index claim;
  };
  std::vector<RankKey> keys(claims->size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const ClaimAssessment& a = (*claims)[i];
    keys[i] = {Tier(a.verdict), a.dispute, a.weight_for + a.weight_against, a.claim};
  }
  std::sort(keys.begin(), keys.end(), [](const RankKey& x, const RankKey& y) {
    if (x.tier != y.tier) return x.tier < y.tier;
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

// A point past its threshold is not enough where the belief has an interval: the interval must
// clear 1/2 too (docs/model.md, "Verdicts"), so that a claim resting on one voice of unknown
// reliability does not lean on a point estimate alone.
Verdict VerdictOf(const ClaimAssessment& a, const AnalysisOptions& options) {
  if (a.sources_for + a.sources_against == 0) return Verdict::kUnresolved;
  const bool contested = std::min(a.weight_for, a.weight_against) >= options.contest_mass;
  const bool leans_true =
      a.belief >= options.likely_true && (!a.has_interval || a.belief_low > 0.5);
  const bool leans_false =
      a.belief <= options.likely_false && (!a.has_interval || a.belief_high < 0.5);
  if (contested) {
    return leans_true ? Verdict::kContestedTrue
                      : (leans_false ? Verdict::kContestedFalse : Verdict::kDisputed);
  }
  return leans_true ? Verdict::kLikelyTrue
                    : (leans_false ? Verdict::kLikelyFalse : Verdict::kUnresolved);
}

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
  if (!(contest_mass > 0 && std::isfinite(contest_mass))) {
    fail("contest_mass", "(0, inf)", contest_mass);
  }
}

std::string_view ToString(Verdict verdict) {
  switch (verdict) {
    case Verdict::kDisputed:
      return "disputed";
    case Verdict::kContestedTrue:
      return "contested, likely true";
    case Verdict::kContestedFalse:
      return "contested, likely false";
    case Verdict::kLikelyTrue:
      return "likely true";
    case Verdict::kLikelyFalse:
      return "likely false";
    case Verdict::kUnresolved:
      return "unresolved";
  }
  return "unresolved";
}

std::string_view ToString(DiscountLine::Kind kind) {
  switch (kind) {
    case DiscountLine::Kind::kEcho:
      return "echo discount";
    case DiscountLine::Kind::kAlternatives:
      return "alternatives";
  }
  return "echo discount";
}

std::vector<double> DisputeTrusts(const Dataset& data, const graph::EvidenceSnapshot& snap,
                                  const ModelOptions& model, const ScoringResult& result) {
  if (result.algorithm == "credence") return result.trust;
  const EvidenceWeights weights(data, snap, model);
  // The mean trust of the sources that own evidence: the scale of this algorithm's trusts.
  double total = 0.0;
  std::size_t owners = 0;
  for (Index s = 0; s < snap.num_sources; ++s) {
    if (snap.OwnerMembers(s).empty()) continue;
    total += result.trust[s];
    ++owners;
  }
  const double mean = owners > 0 ? total / static_cast<double>(owners) : 0.0;
  std::vector<double> theta(snap.num_sources, 0.5);
  if (!(mean > 0)) return theta;
  for (Index s = 0; s < snap.num_sources; ++s) {
    theta[s] = Sigmoid(result.trust[s] / mean * Logit(weights.prior_mean(s)));
  }
  return theta;
}

namespace {

// The coins the dispute score and the explanations weigh evidence with: the default model's own;
// for any other algorithm, both coins at the reliability DisputeTrusts maps its trust to.
Coins DisputeCoins(const Dataset& data, const graph::EvidenceSnapshot& snap,
                   const ModelOptions& model, const ScoringResult& result) {
  if (result.algorithm == "credence" && result.sensitivity.size() == snap.num_sources) {
    return {result.sensitivity, result.specificity};
  }
  return Coins::Symmetric(DisputeTrusts(data, snap, model, result));
}

}  // namespace

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
  const BeliefRule rule(data, snap, weights);
  const Coins coins = DisputeCoins(data, snap, model, result);
  const SourceLogits logits = weights.Logits(coins);
  const int threads = options.threads > 0 ? options.threads : omp_get_max_threads();
  const auto num_claims = static_cast<std::int64_t>(snap.num_claims);
  const bool intervals =
      result.belief_low.size() == snap.num_claims && result.belief_high.size() == snap.num_claims;
  // Each claim's assessment depends on that claim alone: the same values on any thread count.
#pragma omp parallel for schedule(static) num_threads(threads) if (num_claims >= kParallelThreshold)
  for (std::int64_t c = 0; c < num_claims; ++c) {
    out.claims[c] =
        AssessClaim(snap, rule, result, intervals, coins, logits, options, static_cast<Index>(c));
  }
  RankClaims(&out.claims);
  out.sources = AssessSources(data, snap, weights, result);
  return out;
}

namespace {

// One claim's explanation under `trust`; `group_claims` holds the claims of its group of
// alternatives in index order (empty for a claim in no group).
Explanation ExplainClaim(const Dataset& data, const graph::ClaimGraph& graph,
                         const graph::EvidenceSnapshot& snap, const EvidenceWeights& weights,
                         const ScoringResult& result, const Coins& coins, double base_rate,
                         const BeliefRule& rule, const std::vector<Index>& group_claims,
                         Index claim) {
  Explanation out;
  out.claim = claim;
  out.belief = result.belief[claim];
  out.grouped = data.claims[claim].group != kNone;
  out.base_log_odds = out.grouped ? 0.0 : Logit(base_rate);
  const BeliefRule::Detail detail = rule.Explain(claim, coins);
  // The other alternatives' share: log of the sum of exp(S) over them (none: the belief is 1).
  double top = -std::numeric_limits<double>::infinity();
  std::vector<double> others;
  for (Index c : group_claims) {
    if (c == claim) continue;
    others.push_back(rule.Evidence(c, coins));
    top = std::max(top, others.back());
  }
  double others_log_sum = -std::numeric_limits<double>::infinity();
  if (!others.empty()) {
    double sum = 0.0;
    for (double e : others) sum += std::exp(e - top);
    others_log_sum = top + std::log(sum);
  }
  const auto belief_given = [&](double evidence) {
    if (!out.grouped) return Sigmoid(out.base_log_odds + evidence);
    return others.empty() ? 1.0 : 1.0 / (1.0 + std::exp(others_log_sum - evidence));
  };
  out.log_odds = out.base_log_odds + detail.sum - (out.grouped ? others_log_sum : 0.0);
  if (detail.units_for > 1 && detail.echo_for != 0.0) {
    out.discounts.push_back({DiscountLine::Kind::kEcho, 1, detail.units_for, detail.echo_for});
  }
  if (detail.units_against > 1 && detail.echo_against != 0.0) {
    out.discounts.push_back(
        {DiscountLine::Kind::kEcho, -1, detail.units_against, detail.echo_against});
  }
  if (out.grouped && !others.empty()) {
    out.discounts.push_back({DiscountLine::Kind::kAlternatives, 0, 0, -others_log_sum});
  }
  const Index first_unit = snap.claim_offsets[claim];
  for (const Index u : snap.Units(claim)) {
    const std::size_t carrier = weights.BestMember(u, coins).member;
    const bool inert = snap.IsInert(u);
    const double unit_score = detail.unit_score[u - first_unit];
    const double without = inert ? out.belief : belief_given(rule.EvidenceWithout(claim, coins, u));
    for (const Index m : snap.Members(u)) {
      StanceContribution c;
      c.stance = snap.member_stance[m];
      c.polarity = snap.unit_polarity[u];
      c.flags = snap.member_flags[m];
      c.owner = snap.member_owner[m];
      c.owner_trust = result.algorithm == "credence" && c.owner < result.trust.size()
                          ? result.trust[c.owner]
                          : coins.alpha[c.owner];
      c.hops = snap.member_hops[m];
      c.weight = weights.weight(m);
      c.member_score = snap.CanCarry(m) ? weights.MemberScore(m, c.polarity, coins.alpha[c.owner],
                                                              coins.beta[c.owner])
                                        : 0.0;
      c.strongest = m == carrier;
      c.counted = !inert && c.strongest;
      c.score = c.counted ? unit_score : 0.0;
      c.unit = static_cast<int>(u - first_unit + 1);
      c.unit_contribution = unit_score;
      c.belief_without_unit = without;
      c.copied_stance = snap.CopiedStance(m);
      out.stances.push_back(c);
    }
  }
  const graph::StanceTimes& times = snap.times;
  for (Index s : graph.StancesOn(claim)) {
    if (times.Withdrawn(s)) {
      out.withdrawn.push_back({s, times.State(s), times.by[s]});
    } else if (data.stances[s].polarity == Polarity::kNeutral && times.Counts(s)) {
      out.neutral.push_back(s);
    }
  }
  const auto key = [&](const WithdrawnStance& w) {
    const Stance& s = data.stances[w.stance];
    return std::make_tuple(data.TimeOf(s), s.holder, s.polarity, s.report, data.Text(s.id),
                           data.Text(s.quote));
  };
  std::stable_sort(
      out.withdrawn.begin(), out.withdrawn.end(),
      [&](const WithdrawnStance& a, const WithdrawnStance& b) { return key(a) < key(b); });
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
  const BeliefRule rule(data, snap, weights);
  const Coins coins = DisputeCoins(data, snap, model, result);
  const double base_rate = result.base_rate > 0 ? result.base_rate : model.base_rate;
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
    out.push_back(ExplainClaim(data, graph, snap, weights, result, coins, base_rate, rule,
                               g == kNone ? none : group_claims[g], c));
  }
  return out;
}

}  // namespace credence::scoring
