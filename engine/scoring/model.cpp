#include "credence/scoring/model.hpp"

#include <fmt/format.h>
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>

#include "credence/core/error.hpp"

namespace credence::scoring {
namespace {

void Require(bool ok, std::string_view field, std::string_view range, double value) {
  if (!ok) {
    throw InvalidArgumentError(
        fmt::format("ModelOptions.{} must be in {}, got {}", field, range, value));
  }
}

// Loops shorter than this run on one thread: OpenMP start-up and spinning cost more than they save.
constexpr std::int64_t kParallelThreshold = 8192;

double Clamp(double theta, double floor) { return std::clamp(theta, floor, 1.0 - floor); }

// Sorts [first, last) by `before`. Most claims have a handful of units per side, where insertion
// sort beats std::sort's set-up; long runs use std::sort. `before` must be a total order (or the
// elements equal where it ties), so that either sort gives the same sequence.
template <typename It, typename Before>
void SortShortRun(It first, It last, Before before) {
  if (last - first > 16) {
    std::sort(first, last, before);
    return;
  }
  for (It i = first; i != last; ++i) {
    const auto item = *i;
    It j = i;
    for (; j != first && before(item, *(j - 1)); --j) *j = *(j - 1);
    *j = item;
  }
}

}  // namespace

double Logit(double p) { return std::log(p / (1.0 - p)); }
double Sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

void ModelOptions::Validate() const {
  auto open01 = [](double v) { return v > 0.0 && v < 1.0; };
  auto half_open01 = [](double v) { return v > 0.0 && v <= 1.0; };
  Require(open01(base_rate), "base_rate", "(0, 1)", base_rate);
  Require(prior_strength > 0 && std::isfinite(prior_strength), "prior_strength", "(0, inf)",
          prior_strength);
  Require(relay_fidelity > 0.5 && relay_fidelity <= 1.0, "relay_fidelity", "(0.5, 1]",
          relay_fidelity);
  Require(half_open01(interested_factor), "interested_factor", "(0, 1]", interested_factor);
  Require(half_open01(anonymous_factor), "anonymous_factor", "(0, 1]", anonymous_factor);
  Require(half_open01(implied_factor), "implied_factor", "(0, 1]", implied_factor);
  Require(half_open01(hedge_factor), "hedge_factor", "(0, 1]", hedge_factor);
  Require(half_open01(strong_hedge_factor), "strong_hedge_factor", "(0, 1]", strong_hedge_factor);
  Require(accelerate == 0.0 || accelerate == 1.0, "accelerate", "{0, 1}", accelerate);
  Require(echo_factor > 0 && echo_factor <= 1.0, "echo_factor", "(0, 1]", echo_factor);
  Require(trust_floor > 0 && trust_floor < 0.5, "trust_floor", "(0, 0.5)", trust_floor);
  for (auto [name, v] : {std::pair{"prior_news", prior_news},
                         {"prior_wire", prior_wire},
                         {"prior_fact_checker", prior_fact_checker},
                         {"prior_social", prior_social},
                         {"prior_official", prior_official},
                         {"prior_other", prior_other},
                         {"prior_speaker", prior_speaker},
                         {"prior_organisation", prior_organisation}}) {
    Require(open01(v), name, "(0, 1)", v);
  }
  Require(max_iterations >= 1, "max_iterations", "[1, inf)", max_iterations);
  Require(tolerance > 0 && std::isfinite(tolerance), "tolerance", "(0, inf)", tolerance);
  Require(threads >= 0, "threads", "[0, inf)", threads);
}

namespace {

// Every numeric parameter of ModelOptions, by name (the threads count excluded).
template <typename Options, typename Fn>
void ForEachParameter(Options& o, Fn&& fn) {
  fn("base_rate", o.base_rate);
  fn("prior_strength", o.prior_strength);
  fn("relay_fidelity", o.relay_fidelity);
  fn("interested_factor", o.interested_factor);
  fn("anonymous_factor", o.anonymous_factor);
  fn("implied_factor", o.implied_factor);
  fn("hedge_factor", o.hedge_factor);
  fn("strong_hedge_factor", o.strong_hedge_factor);
  fn("trust_floor", o.trust_floor);
  fn("echo_factor", o.echo_factor);
  fn("accelerate", o.accelerate);
  fn("prior_news", o.prior_news);
  fn("prior_wire", o.prior_wire);
  fn("prior_fact_checker", o.prior_fact_checker);
  fn("prior_social", o.prior_social);
  fn("prior_official", o.prior_official);
  fn("prior_other", o.prior_other);
  fn("prior_speaker", o.prior_speaker);
  fn("prior_organisation", o.prior_organisation);
  fn("tolerance", o.tolerance);
}

}  // namespace

void ModelOptions::Set(std::string_view name, double value) {
  bool found = false;
  ForEachParameter(*this, [&](std::string_view n, double& field) {
    if (n == name) {
      field = value;
      found = true;
    }
  });
  if (name == "max_iterations") {
    max_iterations = static_cast<int>(value);
    found = true;
  }
  if (!found) {
    throw InvalidArgumentError(fmt::format("unknown model parameter '{}' (known: {})", name,
                                           fmt::join(ParameterNames(), ", ")));
  }
}

std::vector<std::string_view> ModelOptions::ParameterNames() {
  std::vector<std::string_view> names;
  ModelOptions o;
  ForEachParameter(o, [&](std::string_view n, double&) { names.push_back(n); });
  names.push_back("max_iterations");
  return names;
}

EvidenceWeights::EvidenceWeights(const Dataset& data, const graph::EvidenceSnapshot& snap,
                                 const ModelOptions& options)
    : snap_(snap), floor_(options.trust_floor), echo_(options.echo_factor) {
  const std::size_t m_count = snap.num_members();
  weight_.resize(m_count);
  gain_.resize(m_count);
  const double hop_gain = 2.0 * options.relay_fidelity - 1.0;
  for (std::size_t m = 0; m < m_count; ++m) {
    double w = snap.member_weight[m];
    switch (snap.member_hedge[m]) {
      case Hedge::kNone:
        break;
      case Hedge::kReportedly:
      case Hedge::kAllegedly:
      case Hedge::kClaims:
      case Hedge::kSays:
        w *= options.hedge_factor;
        break;
      default:
        w *= options.strong_hedge_factor;
        break;
    }
    const std::uint8_t flags = snap.member_flags[m];
    if (flags & graph::EvidenceSnapshot::kInterested) w *= options.interested_factor;
    if (flags & graph::EvidenceSnapshot::kAnonymous) w *= options.anonymous_factor;
    if (flags & graph::EvidenceSnapshot::kImplied) w *= options.implied_factor;
    weight_[m] = w;
    gain_[m] = snap.member_hops[m] == 0 ? 1.0 : std::pow(hop_gain, snap.member_hops[m]);
  }
  prior_a_.resize(snap.num_sources);
  prior_b_.resize(snap.num_sources);
  for (Index s = 0; s < snap.num_sources; ++s) {
    const Source& src = data.sources[s];
    double mean = options.prior_other;
    if (src.kind == SourceKind::kSpeaker) {
      mean = options.prior_speaker;
    } else if (src.kind == SourceKind::kOrganisation) {
      mean = options.prior_organisation;
    } else {
      switch (src.outlet_kind) {
        case OutletKind::kNews:
          mean = options.prior_news;
          break;
        case OutletKind::kWire:
          mean = options.prior_wire;
          break;
        case OutletKind::kFactChecker:
          mean = options.prior_fact_checker;
          break;
        case OutletKind::kSocial:
          mean = options.prior_social;
          break;
        case OutletKind::kOfficial:
          mean = options.prior_official;
          break;
        case OutletKind::kOther:
          mean = options.prior_other;
          break;
      }
    }
    if (src.prior > 0) mean = src.prior;
    const double strength = src.prior_strength > 0 ? src.prior_strength : options.prior_strength;
    prior_a_[s] = mean * strength;
    prior_b_[s] = (1.0 - mean) * strength;
  }
}

std::vector<double> EvidenceWeights::SourceLogits(const std::vector<double>& trust) const {
  std::vector<double> logits(trust.size());
  for (std::size_t s = 0; s < trust.size(); ++s) {
    logits[s] = Logit(0.5 + 0.5 * (2.0 * Clamp(trust[s], floor_) - 1.0) * 1.0);
  }
  return logits;
}

double EvidenceWeights::MemberScore(std::size_t member, double theta) const {
  const double chained = 0.5 + 0.5 * (2.0 * Clamp(theta, floor_) - 1.0) * gain_[member];
  // A source trusted below 1/2 adds nothing rather than evidence for the opposite: otherwise a
  // distrusted troll could push a claim down by asserting it (docs/model.md).
  return weight_[member] * std::max(0.0, Logit(chained));
}

std::size_t EvidenceWeights::BestMember(std::size_t unit, const std::vector<double>& trust) const {
  std::size_t best = snap_.unit_offsets[unit];
  double best_score = MemberScore(best, trust[snap_.member_owner[best]]);
  for (std::size_t m = best + 1; m < snap_.unit_offsets[unit + 1]; ++m) {
    const double score = MemberScore(m, trust[snap_.member_owner[m]]);
    if (score > best_score) {
      best = m;
      best_score = score;
    }
  }
  return best;
}

BeliefRule::BeliefRule(const Dataset& data, const graph::EvidenceSnapshot& snap,
                       const EvidenceWeights& weights, double base_rate)
    : snap_(snap), weights_(weights), base_(Logit(base_rate)), echo_(weights.echo_factor()) {
  group_offsets_.push_back(0);
  std::vector<std::vector<Index>> members(data.groups.size());
  for (Index c = 0; c < snap.num_claims; ++c) {
    if (data.claims[c].group != kNone) members[data.claims[c].group].push_back(c);
  }
  for (const auto& claims : members) {
    group_claims_.insert(group_claims_.end(), claims.begin(), claims.end());
    group_offsets_.push_back(static_cast<Index>(group_claims_.size()));
  }
  for (Index c = 0; c < snap.num_claims; ++c) {
    if (data.claims[c].group == kNone) ungrouped_.push_back(c);
  }
}

double BeliefRule::Evidence(Index claim, const std::vector<double>& trust) const {
  return Evidence(claim, trust, nullptr);
}

double BeliefRule::Evidence(Index claim, const std::vector<double>& trust,
                            std::vector<double>* contribution) const {
  return Evidence(claim, trust, nullptr, contribution);
}

double BeliefRule::FastEvidence(Index claim, const std::vector<double>& trust,
                                const std::vector<double>& source_logits) const {
  // As Evidence without contributions: the discounted sum of a side does not depend on the
  // order of equal scores, so plain doubles are sorted, not (score, unit) pairs.
  thread_local std::vector<double> side[2];
  const Index first = snap_.claim_offsets[claim];
  const Index last = snap_.claim_offsets[claim + 1];
  for (auto& scores : side) {
    if (scores.size() < last - first) scores.resize(last - first);
  }
  std::size_t n[2] = {0, 0};
  for (Index u = first; u < last; ++u) {
    if (snap_.IsImplied(u)) continue;
    double best = -std::numeric_limits<double>::infinity();
    for (Index m = snap_.unit_offsets[u]; m < snap_.unit_offsets[u + 1]; ++m) {
      const Index s = snap_.member_owner[m];
      best = std::max(best, weights_.MemberScore(m, trust[s], source_logits[s]));
    }
    const int k = snap_.unit_polarity[u] > 0 ? 0 : 1;
    side[k][n[k]++] = best;
  }
  double sum = 0.0;
  for (int k = 0; k < 2; ++k) {
    double* scores = side[k].data();
    SortShortRun(scores, scores + n[k], std::greater<>());
    double discount = 1.0;
    const double sign = k == 0 ? 1.0 : -1.0;
    for (std::size_t i = 0; i < n[k]; ++i) {
      sum += sign * scores[i] * discount;
      discount *= echo_;
    }
  }
  return sum;
}

double BeliefRule::Evidence(Index claim, const std::vector<double>& trust,
                            const std::vector<double>* source_logits,
                            std::vector<double>* contribution) const {
  // Scores per side, strongest first (ties in unit order); the k-th on a side counts echo^k.
  thread_local std::vector<std::pair<double, Index>> side[2];
  side[0].clear();
  side[1].clear();
  const Index first = snap_.claim_offsets[claim];
  const Index last = snap_.claim_offsets[claim + 1];
  if (contribution != nullptr) contribution->assign(last - first, 0.0);
  for (Index u = first; u < last; ++u) {
    if (snap_.IsImplied(u)) continue;
    double best = 0.0;
    if (source_logits == nullptr) {
      const std::size_t m = weights_.BestMember(u, trust);
      best = weights_.MemberScore(m, trust[snap_.member_owner[m]]);
    } else {
      // As BestMember: the largest score (the first of equals), from the cached logits.
      best = -std::numeric_limits<double>::infinity();
      for (Index m = snap_.unit_offsets[u]; m < snap_.unit_offsets[u + 1]; ++m) {
        const Index s = snap_.member_owner[m];
        best = std::max(best, weights_.MemberScore(m, trust[s], (*source_logits)[s]));
      }
    }
    side[snap_.unit_polarity[u] > 0 ? 0 : 1].emplace_back(best, u);
  }
  double sum = 0.0;
  for (int k = 0; k < 2; ++k) {
    auto& units = side[k];
    // Strongest first, ties in unit order.
    SortShortRun(units.begin(), units.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    double discount = 1.0;
    const double sign = k == 0 ? 1.0 : -1.0;
    for (const auto& [score, u] : units) {
      const double phi = sign * score * discount;
      sum += phi;
      if (contribution != nullptr) (*contribution)[u - first] = phi;
      discount *= echo_;
    }
  }
  return sum;
}

std::pair<double, double> BeliefRule::SideMass(Index claim,
                                               const std::vector<double>& trust) const {
  return SideMass(claim, trust, weights_.SourceLogits(trust));
}

std::pair<double, double> BeliefRule::SideMass(Index claim, const std::vector<double>& trust,
                                               const std::vector<double>& source_logits) const {
  thread_local std::vector<double> explicit_for;
  thread_local std::vector<double> explicit_against;
  thread_local std::vector<double> implied;
  explicit_for.clear();
  explicit_against.clear();
  implied.clear();
  for (Index u = snap_.claim_offsets[claim]; u < snap_.claim_offsets[claim + 1]; ++u) {
    // The unit's best score, as BestMember finds it, from the cached logits.
    double score = -std::numeric_limits<double>::infinity();
    for (Index m = snap_.unit_offsets[u]; m < snap_.unit_offsets[u + 1]; ++m) {
      const Index s = snap_.member_owner[m];
      score = std::max(score, weights_.MemberScore(m, trust[s], source_logits[s]));
    }
    if (snap_.IsImplied(u)) {
      implied.push_back(score);
    } else {
      (snap_.unit_polarity[u] > 0 ? explicit_for : explicit_against).push_back(score);
    }
  }
  auto discounted = [&](std::vector<double>& scores, double* discount) {
    std::sort(scores.begin(), scores.end(), std::greater<>());
    double sum = 0.0;
    for (double s : scores) {
      sum += s * *discount;
      *discount *= echo_;
    }
    return sum;
  };
  double d_for = 1.0;
  double d_against = 1.0;
  const double mass_for = discounted(explicit_for, &d_for);
  double mass_against = discounted(explicit_against, &d_against);
  mass_against += discounted(implied, &d_against);
  return {mass_for, mass_against};
}

void BeliefRule::Beliefs(const std::vector<double>& trust, int threads,
                         std::vector<double>* belief) const {
  const std::vector<double> logits = weights_.SourceLogits(trust);
  const auto num_ungrouped = static_cast<std::int64_t>(ungrouped_.size());
#pragma omp parallel for schedule(static) \
    num_threads(threads) if (num_ungrouped >= kParallelThreshold)
  for (std::int64_t i = 0; i < num_ungrouped; ++i) {
    const Index c = ungrouped_[i];
    (*belief)[c] = Sigmoid(base_ + FastEvidence(c, trust, logits));
  }
  const auto num_groups = static_cast<std::int64_t>(group_offsets_.size() - 1);
#pragma omp parallel for schedule(dynamic, 64) \
    num_threads(threads) if (num_groups >= kParallelThreshold / 8)
  for (std::int64_t g = 0; g < num_groups; ++g) {
    const Index begin = group_offsets_[g];
    const Index end = group_offsets_[g + 1];
    double top = -std::numeric_limits<double>::infinity();
    for (Index i = begin; i < end; ++i) {
      const double e = FastEvidence(group_claims_[i], trust, logits);
      (*belief)[group_claims_[i]] = e;  // evidence for now; normalised below
      top = std::max(top, e);
    }
    double total = 0.0;
    for (Index i = begin; i < end; ++i) total += std::exp((*belief)[group_claims_[i]] - top);
    for (Index i = begin; i < end; ++i) {
      (*belief)[group_claims_[i]] = std::exp((*belief)[group_claims_[i]] - top) / total;
    }
  }
}

ScoringResult ScoreDefault(const Dataset& data, const graph::EvidenceSnapshot& snap,
                           const ModelOptions& options) {
  options.Validate();
  const EvidenceWeights weights(data, snap, options);
  const BeliefRule rule(data, snap, weights, options.base_rate);
  const auto num_claims = static_cast<std::int64_t>(snap.num_claims);
  const auto num_sources = static_cast<std::int64_t>(snap.num_sources);
  const int threads = options.threads > 0 ? options.threads : omp_get_max_threads();

  // The credit each member gives its owner: each distinct owner of a unit gets an equal share,
  // through its heaviest member, so that relays change nothing. Implied denials give no credit:
  // a source supporting one alternative is judged by the belief in that alternative, which the
  // normalisation of the group already ties to the others.
  std::vector<double> credit(snap.num_members(), 0.0);
  std::vector<Index> heaviest;  // per owner run of the current unit
  for (std::size_t u = 0; u < snap.num_units(); ++u) {
    heaviest.clear();
    for (Index m = snap.unit_offsets[u]; m < snap.unit_offsets[u + 1]; ++m) {
      if (heaviest.empty() || snap.member_owner[heaviest.back()] != snap.member_owner[m]) {
        heaviest.push_back(m);
      } else if (weights.weight(m) > weights.weight(heaviest.back())) {
        heaviest.back() = m;
      }
    }
    if (snap.IsImplied(u)) continue;
    for (Index m : heaviest) credit[m] = weights.weight(m) / static_cast<double>(heaviest.size());
  }

  // The trust update as one sparse product over flat arrays in owner order: for source s,
  // agree = a_s + sum(credit of its denials) + sum(signed credit * belief), where a denial's
  // credit enters with a minus sign (it agrees with 1 - b), and total = a_s + b_s + sum(credit)
  // does not change between iterations. Each entry is (claim, signed credit): one streaming
  // read and one gather per stance, instead of chasing member -> unit -> claim.
  // Built by a counting sort that walks the members in order (an owner's entries in member
  // order, as in the owner CSR), so that its reads are sequential.
  std::vector<Index> trust_offsets(snap.num_sources + 1, 0);
  for (Index m = 0; m < snap.num_members(); ++m) {
    if (credit[m] != 0.0) ++trust_offsets[snap.member_owner[m] + 1];
  }
  for (Index s = 0; s < snap.num_sources; ++s) trust_offsets[s + 1] += trust_offsets[s];
  std::vector<Index> trust_claim(trust_offsets.back());
  std::vector<double> trust_coef(trust_offsets.back());
  std::vector<double> agree_base(snap.num_sources);
  std::vector<double> total_weight(snap.num_sources);
  for (Index s = 0; s < snap.num_sources; ++s) {
    agree_base[s] = weights.prior_a(s);
    total_weight[s] = weights.prior_a(s) + weights.prior_b(s);
  }
  {
    std::vector<Index> next(trust_offsets.begin(), trust_offsets.end() - 1);
    for (std::size_t u = 0; u < snap.num_units(); ++u) {
      const bool supports = snap.unit_polarity[u] > 0;
      for (Index m = snap.unit_offsets[u]; m < snap.unit_offsets[u + 1]; ++m) {
        if (credit[m] == 0.0) continue;
        const Index owner = snap.member_owner[m];
        const Index k = next[owner]++;
        trust_claim[k] = snap.unit_claim[u];
        trust_coef[k] = supports ? credit[m] : -credit[m];
        if (!supports) agree_base[owner] += credit[m];
        total_weight[owner] += credit[m];
      }
    }
  }
  std::vector<double>().swap(credit);

  ScoringResult result;
  result.algorithm = "credence";
  {
    // The belief pass reads the claim, unit and member arrays it uses (offsets, polarity, the
    // first member's flags, owner, weight, relay gain), the trusts and their logits, and writes
    // the beliefs; the residual reads old and new beliefs; the trust pass reads its CSR (offsets,
    // claim, signed credit, base, total) and the beliefs, and writes the trusts.
    const std::size_t c = snap.num_claims;
    const std::size_t s = snap.num_sources;
    const std::size_t u = snap.num_units();
    const std::size_t m = snap.num_members();
    const std::size_t i = sizeof(Index);
    const std::size_t d = sizeof(double);
    result.bytes_per_iteration = (c + 1) * i + c * i + (u + 1) * i + u * 2 + m * (i + 2 * d) +
                                 3 * s * d + c * d + 2 * c * d + (s + 1) * i +
                                 trust_claim.size() * (i + d) + 2 * s * d + c * d + 2 * s * d;
  }
  result.trust.resize(snap.num_sources);
  for (Index s = 0; s < snap.num_sources; ++s) result.trust[s] = weights.prior_mean(s);
  result.belief.assign(snap.num_claims, options.base_rate);
  std::vector<double> next_belief(snap.num_claims);
  std::vector<double> next_trust(snap.num_sources);

  // One plain iteration: beliefs from the current trusts, then trusts from those beliefs.
  // Returns the largest change of any belief or trust.
  auto step = [&]() {
    rule.Beliefs(result.trust, threads, &next_belief);
    double residual = 0.0;
    for (std::int64_t c = 0; c < num_claims; ++c) {
      residual = std::max(residual, std::abs(next_belief[c] - result.belief[c]));
    }
    result.belief.swap(next_belief);
#pragma omp parallel for schedule(static) num_threads(threads) \
    reduction(max                                              \
              : residual) if (num_sources >= kParallelThreshold)
    for (std::int64_t s = 0; s < num_sources; ++s) {
      double agree = agree_base[s];
      for (Index k = trust_offsets[s]; k < trust_offsets[s + 1]; ++k) {
        agree += trust_coef[k] * result.belief[trust_claim[k]];
      }
      const double total = total_weight[s];
      const double theta = agree / total;
      residual = std::max(residual, std::abs(theta - result.trust[s]));
      next_trust[s] = theta;
    }
    result.trust.swap(next_trust);
    return residual;
  };

  // SQUAREM: from trusts t0, two plain steps give t1 and t2; with r = t1 - t0 and
  // v = t2 - 2 t1 + t0, the next point is t0 - 2 a r + a^2 v with a = -|r| / |v| (at most -1),
  // kept inside [floor, 1 - floor]. The norms are sequential sums, so the result does not depend
  // on the thread count. Should an extrapolated point make the next step's change more than ten
  // times the plain step's before it, acceleration is switched off for the rest of the run.
  // An extrapolation moves every trust at once, so the next step's change may well exceed the
  // last plain step's; only a tenfold jump counts as a failure.
  constexpr double kAccelerationGuard = 10.0;
  constexpr double kMaxStep = 4.0;  // |a| at most 4: longer jumps overshoot on skewed data
  bool accelerate = options.accelerate > 0.0;
  std::vector<double> t0;
  std::vector<double> t1;
  double last_plain = std::numeric_limits<double>::infinity();
  bool extrapolated = false;
  int plain_steps = 0;
  const auto loop_start = std::chrono::steady_clock::now();
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    if (accelerate && plain_steps == 0) t0 = result.trust;
    const double residual = step();
    result.iterations = iteration;
    result.residual = residual;
    if (residual < options.tolerance) {
      result.converged = true;
      break;
    }
    if (extrapolated) {
      extrapolated = false;
      if (residual > kAccelerationGuard * last_plain) accelerate = false;
    }
    last_plain = residual;
    if (!accelerate) continue;
    if (++plain_steps == 1) {
      t1 = result.trust;
      continue;
    }
    plain_steps = 0;
    double r2 = 0.0;
    double v2 = 0.0;
    for (Index s = 0; s < snap.num_sources; ++s) {
      const double r = t1[s] - t0[s];
      const double v = result.trust[s] - 2.0 * t1[s] + t0[s];
      r2 += r * r;
      v2 += v * v;
    }
    if (!(v2 > 0.0)) continue;
    const double a = std::clamp(-std::sqrt(r2 / v2), -kMaxStep, -1.0);
    for (Index s = 0; s < snap.num_sources; ++s) {
      const double r = t1[s] - t0[s];
      const double v = result.trust[s] - 2.0 * t1[s] + t0[s];
      result.trust[s] = Clamp(t0[s] - 2.0 * a * r + a * a * v, weights.floor());
    }
    extrapolated = true;
  }
  result.iteration_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - loop_start).count();
  // At convergence, final beliefs from the final trusts (a change below the tolerance), so that
  // every belief is exactly what its explanation lists. A run cut short by max_iterations keeps
  // the beliefs of its last iteration.
  if (result.converged) rule.Beliefs(result.trust, threads, &result.belief);
  return result;
}

}  // namespace credence::scoring
