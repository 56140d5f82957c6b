#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>

#include "belief_rule_internal.hpp"
#include "credence/scoring/parallel.hpp"

namespace credence::scoring {
namespace {

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

// The echo discount of one side of a claim: walks `items`, sorted strongest first, adding
// sign * score * discount to *total, then multiplying *discount by `echo`, one term at a time (so
// that every caller sums in the same order, bit for bit); on_term(item, term) sees each term.
template <typename It, typename ScoreOf, typename OnTerm>
void AddDiscounted(It first, It last, ScoreOf score_of, double sign, double echo, double* discount,
                   double* total, OnTerm on_term) {
  for (It it = first; it != last; ++it) {
    const double term = sign * score_of(*it) * *discount;
    *total += term;
    on_term(*it, term);
    *discount *= echo;
  }
}

// AddDiscounted over plain scores, sorted here, from a fresh discount of 1.
double DiscountedSum(double* first, double* last, double sign, double echo, double total) {
  SortShortRun(first, last, std::greater<>());
  double discount = 1.0;
  AddDiscounted(
      first, last, [](double s) { return s; }, sign, echo, &discount, &total,
      [](double, double) {});
  return total;
}

// Asks the cache for the log-likelihood ratio each unit of `claim` will read through its first
// member (most units have one): the belief pass gathers them at random from two arrays of one
// double per source, which at 10^5 sources no longer fit a core's L2 cache, so each pass fetches
// a claim's ahead of time. A hint only: it changes no value.
void PrefetchLogits(const graph::EvidenceSnapshot& snap, Index claim, const SourceLogits& logits) {
  const Index end = snap.claim_offsets[claim + 1];
  for (Index u = snap.claim_offsets[claim]; u < end; ++u) {
    const Index s = snap.member_owner[snap.unit_offsets[u]];
    __builtin_prefetch(snap.unit_polarity[u] > 0 ? &logits.support[s] : &logits.denial[s]);
  }
}

// How many claims ahead the belief pass prefetches.
constexpr std::int64_t kPrefetchClaims = 16;

}  // namespace

BeliefRule::BeliefRule(const Dataset& data, const graph::EvidenceSnapshot& snap,
                       const EvidenceWeights& weights)
    : snap_(snap), weights_(weights), echo_(weights.echo_factor()) {
  group_offsets_.push_back(0);
  std::vector<std::vector<Index>> members(data.groups.size());
  for (Index c = 0; c < snap.num_claims; ++c) {
    if (data.claims[c].group != kNone) members[data.claims[c].group].push_back(c);
  }
  for (const auto& claims : members) {
    group_claims_.insert(group_claims_.end(), claims.begin(), claims.end());
    group_offsets_.push_back(static_cast<Index>(group_claims_.size()));
  }
  grouped_.resize(snap.num_claims);
  for (Index c = 0; c < snap.num_claims; ++c) {
    grouped_[c] = data.claims[c].group != kNone;
    if (!grouped_[c]) ungrouped_.push_back(c);
  }
}

double BeliefRule::FastEvidence(Index claim, const Coins& coins,
                                const SourceLogits& source_logits) const {
  // The discounted sum of a side does not depend on the order of equal scores, so plain doubles
  // are sorted, in buffers grown once per thread and written by position.
  thread_local std::vector<double> side[2];
  const graph::IndexRange units = snap_.Units(claim);
  for (auto& scores : side) {
    if (scores.size() < units.size()) scores.resize(units.size());
  }
  std::size_t n[2] = {0, 0};
  for (const Index u : units) {
    if (snap_.IsInert(u)) continue;
    const int k = snap_.unit_polarity[u] > 0 ? 0 : 1;
    side[k][n[k]++] = weights_.BestMember(u, coins, &source_logits).score;
  }
  const double sum = DiscountedSum(side[0].data(), side[0].data() + n[0], 1.0, echo_, 0.0);
  return DiscountedSum(side[1].data(), side[1].data() + n[1], -1.0, echo_, sum);
}

double BeliefRule::Evidence(Index claim, const Coins& coins,
                            std::vector<double>* contribution) const {
  // Scores per side, strongest first (ties in unit order); the k-th on a side counts echo^k.
  thread_local std::vector<std::pair<double, Index>> side[2];
  side[0].clear();
  side[1].clear();
  const graph::IndexRange units = snap_.Units(claim);
  if (contribution != nullptr) contribution->assign(units.size(), 0.0);
  for (const Index u : units) {
    if (snap_.IsInert(u)) continue;
    side[snap_.unit_polarity[u] > 0 ? 0 : 1].emplace_back(weights_.BestMember(u, coins).score, u);
  }
  double sum = 0.0;
  for (int k = 0; k < 2; ++k) {
    auto& scored = side[k];
    SortShortRun(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    double discount = 1.0;
    AddDiscounted(
        scored.begin(), scored.end(), [](const auto& item) { return item.first; },
        k == 0 ? 1.0 : -1.0, echo_, &discount, &sum,
        [&](const auto& item, double phi) {
          if (contribution != nullptr) (*contribution)[item.second - units.front()] = phi;
        });
  }
  return sum;
}

BeliefRule::Detail BeliefRule::Explain(Index claim, const Coins& coins) const {
  Detail d;
  std::vector<double> discounted;
  d.sum = Evidence(claim, coins, &discounted);
  const graph::IndexRange units = snap_.Units(claim);
  d.unit_score.assign(units.size(), 0.0);
  for (const Index u : units) {
    if (snap_.IsInert(u)) continue;
    const int sign = snap_.unit_polarity[u] > 0 ? 1 : -1;
    const double score = sign * weights_.BestMember(u, coins).score;
    d.unit_score[u - units.front()] = score;
    (sign > 0 ? d.echo_for : d.echo_against) += discounted[u - units.front()] - score;
    ++(sign > 0 ? d.units_for : d.units_against);
  }
  return d;
}

double BeliefRule::EvidenceWithout(Index claim, const Coins& coins, Index without) const {
  std::vector<double> side[2];
  for (const Index u : snap_.Units(claim)) {
    if (snap_.IsInert(u) || u == without) continue;
    side[snap_.unit_polarity[u] > 0 ? 0 : 1].push_back(weights_.BestMember(u, coins).score);
  }
  const double sum =
      DiscountedSum(side[0].data(), side[0].data() + side[0].size(), 1.0, echo_, 0.0);
  return DiscountedSum(side[1].data(), side[1].data() + side[1].size(), -1.0, echo_, sum);
}

std::pair<double, double> BeliefRule::SideMass(Index claim, const Coins& coins,
                                               const SourceLogits& source_logits) const {
  thread_local std::vector<double> explicit_for;
  thread_local std::vector<double> explicit_against;
  thread_local std::vector<double> implied;
  explicit_for.clear();
  explicit_against.clear();
  implied.clear();
  for (const Index u : snap_.Units(claim)) {
    const double score = weights_.BestMember(u, coins, &source_logits).score;
    if (snap_.IsInert(u)) {
      implied.push_back(score);
    } else {
      (snap_.unit_polarity[u] > 0 ? explicit_for : explicit_against).push_back(score);
    }
  }
  // The implied denials continue the discount of the explicit ones.
  const auto discounted = [&](std::vector<double>& scores, double* discount) {
    SortShortRun(scores.begin(), scores.end(), std::greater<>());
    double sum = 0.0;
    AddDiscounted(
        scores.begin(), scores.end(), [](double s) { return s; }, 1.0, echo_, discount, &sum,
        [](double, double) {});
    return sum;
  };
  double d_for = 1.0;
  double d_against = 1.0;
  const double mass_for = discounted(explicit_for, &d_for);
  double mass_against = discounted(explicit_against, &d_against);
  mass_against += discounted(implied, &d_against);
  return {mass_for, mass_against};
}

void BeliefRule::Beliefs(const Coins& coins, double base_log_odds, int threads,
                         std::vector<double>* belief) const {
  const SourceLogits logits = weights_.Logits(coins);
  const auto num_ungrouped = static_cast<std::int64_t>(ungrouped_.size());
#pragma omp parallel for schedule(static) \
    num_threads(threads) if (num_ungrouped >= kParallelThreshold)
  for (std::int64_t i = 0; i < num_ungrouped; ++i) {
    if (i + kPrefetchClaims < num_ungrouped) {
      PrefetchLogits(snap_, ungrouped_[i + kPrefetchClaims], logits);
    }
    const Index c = ungrouped_[i];
    (*belief)[c] = Sigmoid(base_log_odds + FastEvidence(c, coins, logits));
  }
  const auto num_groups = static_cast<std::int64_t>(group_offsets_.size() - 1);
#pragma omp parallel for schedule(dynamic, 64) \
    num_threads(threads) if (num_groups >= kParallelThreshold / 8)
  for (std::int64_t g = 0; g < num_groups; ++g) {
    const Index begin = group_offsets_[g];
    const Index end = group_offsets_[g + 1];
    double top = -std::numeric_limits<double>::infinity();
    for (Index i = begin; i < end; ++i) {
      const double e = FastEvidence(group_claims_[i], coins, logits);
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

}  // namespace credence::scoring
