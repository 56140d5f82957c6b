#include "credence/eval/metrics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <new>
#include <numeric>

#include "credence/core/error.hpp"

namespace credence::eval {
namespace {

constexpr int kBins = 10;
constexpr std::size_t kMinTrustStances = 3;

// Average 1-based ranks; ties share the mean of the ranks they span.
std::vector<double> Ranks(const std::vector<double>& x) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> rank(x.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i + 1;
    while (j < order.size() && x[order[j]] == x[order[i]]) ++j;
    const double average = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
    for (std::size_t k = i; k < j; ++k) rank[order[k]] = average;
    i = j;
  }
  return rank;
}

double Ratio(std::size_t num, std::size_t den) {
  return den == 0 ? kUndefined : static_cast<double>(num) / static_cast<double>(den);
}

}  // namespace

double ExpectedCalibrationError(const std::vector<double>& belief, const std::vector<int>& label) {
  CREDENCE_ASSERT(belief.size() == label.size(), "one label per belief");
  if (belief.empty()) return kUndefined;
  std::array<double, kBins> count{}, positives{}, confidence{};
  for (std::size_t i = 0; i < belief.size(); ++i) {
    const int bin = std::clamp(static_cast<int>(std::floor(belief[i] * kBins)), 0, kBins - 1);
    count[bin] += 1;
    positives[bin] += label[i] == 1 ? 1 : 0;
    confidence[bin] += belief[i];
  }
  double ece = 0.0;
  for (int b = 0; b < kBins; ++b) {
    if (count[b] == 0) continue;
    ece += count[b] / static_cast<double>(belief.size()) *
           std::abs(positives[b] / count[b] - confidence[b] / count[b]);
  }
  return ece;
}

double SpearmanCorrelation(const std::vector<double>& x, const std::vector<double>& y) {
  CREDENCE_ASSERT(x.size() == y.size(), "paired samples");
  if (x.size() < 2) return kUndefined;
  const auto rx = Ranks(x);
  const auto ry = Ranks(y);
  const double mean = (static_cast<double>(x.size()) + 1.0) / 2.0;  // mean of any rank vector
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) * (rx[i] - mean);
    syy += (ry[i] - mean) * (ry[i] - mean);
  }
  if (sxx == 0 || syy == 0) return kUndefined;
  return sxy / std::sqrt(sxx * syy);
}

double SourceTrustCorrelation(const Dataset& data, const std::vector<double>& trust,
                              const std::vector<int>& label, std::size_t min_stances,
                              std::size_t* sources_used) {
  std::vector<std::size_t> agree(data.sources.size(), 0), total(data.sources.size(), 0);
  for (const Stance& s : data.stances) {
    if (s.polarity == Polarity::kNeutral || label[s.claim] < 0) continue;
    Index owner = s.holder;
    if (data.sources[owner].anonymous) {
      const Index outlet = data.VouchingOutlet(s);
      if (outlet != kNone) owner = outlet;
    }
    ++total[owner];
    const bool agrees = (s.polarity == Polarity::kSupports) == (label[s.claim] == 1);
    if (agrees) ++agree[owner];
  }
  std::vector<double> x, y;
  for (std::size_t s = 0; s < data.sources.size(); ++s) {
    if (total[s] < min_stances || total[s] == 0) continue;
    x.push_back(trust[s]);
    y.push_back(static_cast<double>(agree[s]) / static_cast<double>(total[s]));
  }
  *sources_used = x.size();
  return SpearmanCorrelation(x, y);
}

Metrics Evaluate(const Dataset& data, const scoring::ScoringResult& result, const Gold& gold) {
  if (result.belief.size() != data.claims.size()) {
    throw InvalidArgumentError(
        fmt::format("result.belief must have one entry per claim ({}), got {}", data.claims.size(),
                    result.belief.size()));
  }
  if (!result.trust.empty() && result.trust.size() != data.sources.size()) {
    throw InvalidArgumentError(
        fmt::format("result.trust must be empty or have one entry per source ({}), got {}",
                    data.sources.size(), result.trust.size()));
  }
  Metrics m;
  m.algorithm = result.algorithm;
  m.iterations = result.iterations;
  m.converged = result.converged;
  m.items = gold.size();
  const auto& belief = result.belief;
  std::vector<int> label(data.claims.size(), -1);      // 1 true, 0 false, -1 not scored
  std::vector<int> predicted(data.claims.size(), -1);  // the same, as predicted

  if (gold.kind == GoldKind::kClaim) {
    for (const GoldClaim& g : gold.claims) {
      const Index c = data.FindClaim(g.claim);
      if (c == kNone) {
        ++m.missing;
        continue;
      }
      label[c] = g.truth ? 1 : 0;
      predicted[c] = belief[c] > 0.5 ? 1 : 0;
      if (predicted[c] == label[c]) ++m.correct;
    }
  } else {
    // The claims of each group, in id order (claims are sorted by id).
    std::vector<std::vector<Index>> members(data.groups.size());
    for (Index c = 0; c < data.claims.size(); ++c) {
      if (data.claims[c].group != kNone) members[data.claims[c].group].push_back(c);
    }
    for (const GoldObject& g : gold.objects) {
      const auto it = std::lower_bound(data.groups.begin(), data.groups.end(), g.object);
      if (it == data.groups.end() || *it != g.object || members[it - data.groups.begin()].empty()) {
        ++m.missing;
        continue;
      }
      const auto& claims = members[it - data.groups.begin()];
      Index best = claims.front();
      for (Index c : claims) {
        if (belief[c] > belief[best]) best = c;  // strict: ties keep the smallest id
      }
      for (Index c : claims) {
        label[c] = GoldMatches(data.claims[c], g) ? 1 : 0;
        predicted[c] = c == best ? 1 : 0;
      }
      if (label[best] == 1) ++m.correct;
    }
  }
  m.accuracy = Ratio(m.correct, m.items);

  std::vector<double> scored_belief;
  std::vector<int> scored_label;
  double squared = 0.0;
  for (std::size_t c = 0; c < data.claims.size(); ++c) {
    if (label[c] < 0) continue;
    const bool truly_false = label[c] == 0;
    const bool said_false = predicted[c] == 0;
    if (said_false && truly_false) ++m.tp;
    if (said_false && !truly_false) ++m.fp;
    if (!said_false && truly_false) ++m.fn;
    if (!said_false && !truly_false) ++m.tn;
    squared += (belief[c] - label[c]) * (belief[c] - label[c]);
    scored_belief.push_back(belief[c]);
    scored_label.push_back(label[c]);
  }
  m.scored_claims = scored_belief.size();
  m.precision = Ratio(m.tp, m.tp + m.fp);
  m.recall = Ratio(m.tp, m.tp + m.fn);
  m.f1 = Ratio(2 * m.tp, 2 * m.tp + m.fp + m.fn);
  m.brier = m.scored_claims == 0 ? kUndefined : squared / static_cast<double>(m.scored_claims);
  m.ece = ExpectedCalibrationError(scored_belief, scored_label);
  if (!result.trust.empty()) {
    m.trust_rho =
        SourceTrustCorrelation(data, result.trust, label, kMinTrustStances, &m.trust_sources);
  }
  return m;
}

const std::vector<Baseline>& AllBaselines() {
  static const std::vector<Baseline> kAll = {Baseline::kForOverAgainst, Baseline::kNoDenialTwoFor};
  return kAll;
}

std::string_view NameOf(Baseline baseline) {
  switch (baseline) {
    case Baseline::kForOverAgainst:
      return "rule:for>against";
    case Baseline::kNoDenialTwoFor:
      return "rule:no-denial&>=2for";
  }
  return "rule";
}

scoring::ScoringResult RunBaseline(const Dataset& data, Baseline baseline) {
  std::vector<std::size_t> supports(data.claims.size(), 0), denials(data.claims.size(), 0);
  for (const Stance& s : data.stances) {
    if (s.polarity == Polarity::kSupports) ++supports[s.claim];
    if (s.polarity == Polarity::kDenies) ++denials[s.claim];
  }
  scoring::ScoringResult r;
  r.algorithm = std::string(NameOf(baseline));
  r.belief.resize(data.claims.size());
  for (std::size_t c = 0; c < data.claims.size(); ++c) {
    const bool truth = baseline == Baseline::kForOverAgainst ? supports[c] > denials[c]
                                                             : denials[c] == 0 && supports[c] >= 2;
    r.belief[c] = truth ? 1.0 : 0.0;
  }
  r.converged = true;
  return r;
}

std::vector<Metrics> EvaluateAlgorithms(const Dataset& data, const graph::EvidenceSnapshot& snap,
                                        const Gold& gold, const EvalOptions& options) {
  using Clock = std::chrono::steady_clock;
  std::vector<Metrics> rows;
  for (const scoring::Algorithm algorithm : options.algorithms) {
    Metrics m;
    try {
      const auto start = Clock::now();
      const auto result = scoring::RunAlgorithm(algorithm, data, snap, options.run);
      const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      m = Evaluate(data, result, gold);
      m.seconds = seconds;
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::exception& e) {
      if (!options.keep_going) throw;
      // The gold's coverage does not depend on the algorithm: take it from a neutral result.
      scoring::ScoringResult neutral;
      neutral.belief.assign(data.claims.size(), 0.5);
      m = Evaluate(data, neutral, gold);
      const std::size_t items = m.items, missing = m.missing, scored = m.scored_claims;
      m = Metrics{};
      m.items = items;
      m.missing = missing;
      m.scored_claims = scored;
      m.error = e.what();
    }
    m.algorithm = std::string(scoring::InfoOf(algorithm).name);
    rows.push_back(std::move(m));
  }
  if (options.baselines && gold.kind == GoldKind::kClaim) {
    for (const Baseline baseline : AllBaselines()) {
      const auto start = Clock::now();
      const auto result = RunBaseline(data, baseline);
      const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      Metrics m = Evaluate(data, result, gold);
      m.seconds = seconds;
      m.baseline = true;
      rows.push_back(std::move(m));
    }
  }
  return rows;
}

}  // namespace credence::eval
