#include "credence/eval/learning.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <ostream>
#include <random>

#include "credence/core/error.hpp"
#include "credence/eval/labels.hpp"
#include "credence/eval/metrics.hpp"
#include "credence/text/json.hpp"

namespace credence::eval {
namespace {

// A uniform integer in [0, n) from the generator, by rejection (no modulo bias), so that a seed
// gives the same shuffle with every standard library.
std::uint64_t UniformBelow(std::mt19937_64& rng, std::uint64_t n) {
  const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t excess = (max % n + 1) % n;  // 2^64 mod n
  for (;;) {
    const std::uint64_t r = rng();
    if (r <= max - excess) return r % n;
  }
}

// The rows 0..n-1 in a seeded random order (Fisher-Yates).
std::vector<std::size_t> Shuffled(std::size_t n, std::uint64_t seed) {
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::mt19937_64 rng(seed);
  for (std::size_t i = n; i > 1; --i) {
    std::swap(order[i - 1], order[UniformBelow(rng, i)]);
  }
  return order;
}

// The gold with only these rows.
Gold Rows(const Gold& gold, const std::vector<std::size_t>& rows, std::size_t count) {
  Gold out;
  out.path = gold.path;
  out.kind = gold.kind;
  for (std::size_t i = 0; i < count; ++i) {
    if (gold.kind == GoldKind::kClaim) {
      out.claims.push_back(gold.claims[rows[i]]);
    } else {
      out.objects.push_back(gold.objects[rows[i]]);
    }
  }
  return out;
}

// The gold rows that name a claim (or group) of the data: the others count as wrong in
// Evaluate, and teach nothing.
Gold PresentRows(const Dataset& data, const Gold& gold) {
  Gold out;
  out.path = gold.path;
  out.kind = gold.kind;
  for (const GoldClaim& g : gold.claims) {
    if (data.FindClaim(g.claim) != kNone) out.claims.push_back(g);
  }
  for (const GoldObject& g : gold.objects) {
    if (std::binary_search(data.groups.begin(), data.groups.end(), g.object)) {
      out.objects.push_back(g);
    }
  }
  return out;
}

// A route's held-out results, pooled over the folds.
struct Pool {
  std::size_t items = 0;
  std::size_t correct = 0;
  std::vector<double> belief;
  std::vector<int> label;

  void Add(const Dataset& data, const scoring::ScoringResult& result, const Gold& held_out) {
    const Metrics m = Evaluate(data, result, held_out);
    items += m.items;
    correct += m.correct;
    ScoredClaims(data, result.belief, held_out, &belief, &label);
  }
  RouteScore Score() const {
    RouteScore s;
    s.items = items;
    s.correct = correct;
    s.accuracy = items == 0 ? kUndefined : static_cast<double>(correct) / items;
    s.scored_claims = belief.size();
    s.ece = ExpectedCalibrationError(belief, label);
    return s;
  }
};

std::string Fixed(double value, int decimals) {
  return std::isnan(value) ? "-" : fmt::format("{:.{}f}", value, decimals);
}

void RouteJson(text::JsonWriter& w, const RouteScore& s) {
  const auto number = [&](double v) -> text::JsonWriter& {
    return std::isnan(v) ? w.Null() : w.Number(v, 6);
  };
  w.BeginObject();
  w.Key("accuracy");
  number(s.accuracy);
  w.Key("correct").Int(static_cast<std::int64_t>(s.correct));
  w.Key("items").Int(static_cast<std::int64_t>(s.items));
  w.Key("ece");
  number(s.ece);
  w.Key("scored_claims").Int(static_cast<std::int64_t>(s.scored_claims));
  w.EndObject();
}

}  // namespace

void LearningOptions::Validate() const {
  if (folds < 2) {
    throw InvalidArgumentError(fmt::format("LearningOptions.folds must be >= 2, got {}", folds));
  }
  for (std::size_t i = 0; i < shares.size(); ++i) {
    if (!(shares[i] >= 0.0 && shares[i] <= 1.0) || (i > 0 && shares[i] < shares[i - 1])) {
      throw InvalidArgumentError(fmt::format(
          "LearningOptions.shares must be ascending, each in [0, 1], got {}", shares[i]));
    }
  }
  model.Validate();
  fit.Validate();
}

std::vector<std::size_t> ShuffledRows(std::size_t n, std::uint64_t seed) {
  return Shuffled(n, seed);
}

std::vector<int> FoldAssignment(std::size_t n, int folds, std::uint64_t seed) {
  if (folds < 1) {
    throw InvalidArgumentError(fmt::format("FoldAssignment: folds must be >= 1, got {}", folds));
  }
  const std::vector<std::size_t> order = Shuffled(n, seed);
  std::vector<int> fold(n, 0);
  for (std::size_t p = 0; p < n; ++p) fold[order[p]] = static_cast<int>(p % folds);
  return fold;
}

void ScoredClaims(const Dataset& data, const std::vector<double>& belief, const Gold& gold,
                  std::vector<double>* scored_belief, std::vector<int>* scored_label) {
  const std::vector<std::int8_t> labels = LabelClaims(data, PresentRows(data, gold));
  for (std::size_t c = 0; c < labels.size(); ++c) {
    if (labels[c] < 0) continue;
    scored_belief->push_back(belief[c]);
    scored_label->push_back(labels[c]);
  }
}

LearningCurve RunLearningCurve(const Dataset& data, const graph::EvidenceSnapshot& snap,
                               const Gold& gold, const LearningOptions& options) {
  options.Validate();
  const std::size_t n = gold.size();
  if (static_cast<std::size_t>(options.folds) > n) {
    throw InvalidArgumentError(
        fmt::format("--folds {} is more than the {} gold rows", options.folds, n));
  }
  LearningCurve curve;
  curve.dataset = data.path;
  curve.gold = gold.path;
  curve.kind = gold.kind;
  curve.folds = options.folds;
  curve.seed = options.seed;
  curve.items = n;
  const std::vector<int> fold_of = FoldAssignment(n, options.folds, options.seed);
  const std::size_t shares = options.shares.size();
  std::vector<Pool> fit(shares), labelled(shares);
  std::vector<double> used(shares, 0.0);
  // The unsupervised run does not depend on the fold.
  const scoring::ScoringResult unsupervised = scoring::ScoreDefault(data, snap, options.model);
  for (int f = 0; f < options.folds; ++f) {
    std::vector<std::size_t> train, held;
    for (const std::size_t row : ShuffledRows(n, options.seed)) {
      (fold_of[row] == f ? held : train).push_back(row);
    }
    const Gold held_out = Rows(gold, held, held.size());
    curve.missing += Evaluate(data, unsupervised, held_out).missing;
    for (std::size_t i = 0; i < shares; ++i) {
      const auto count = static_cast<std::size_t>(
          std::llround(options.shares[i] * static_cast<double>(train.size())));
      used[i] += static_cast<double>(count) / options.folds;
      if (count == 0) {
        fit[i].Add(data, unsupervised, held_out);
        labelled[i].Add(data, unsupervised, held_out);
        continue;
      }
      const std::vector<std::int8_t> labels =
          LabelClaims(data, PresentRows(data, Rows(gold, train, count)));
      const scoring::FitResult fitted =
          scoring::FitParameters(data, snap, labels, options.model, options.fit);
      fit[i].Add(data, scoring::ScoreDefault(data, snap, fitted.options), held_out);
      labelled[i].Add(data, scoring::ScoreDefault(data, snap, options.model, labels), held_out);
    }
  }
  for (std::size_t i = 0; i < shares; ++i) {
    curve.points.push_back({options.shares[i], used[i], fit[i].Score(), labelled[i].Score()});
  }
  return curve;
}

void WriteLearningTable(std::ostream& out, const LearningCurve& curve) {
  const char* unit = curve.kind == GoldKind::kClaim ? "claim" : "object";
  out << fmt::format("Learning curve of the default model on {} against {}\n", curve.dataset,
                     curve.gold);
  out << fmt::format(
      "{} gold {}s ({} not in the dataset); {} folds by {} (seed {}); out-of-fold scores.\n\n",
      curve.items, unit, curve.missing, curve.folds, unit, curve.seed);
  out << fmt::format("{:>7}  {:>11}  {:>18}  {:>7}  {:>18}  {:>7}\n", "labels", "labels/fold",
                     "fit accuracy", "fit ECE", "labels accuracy", "lab ECE");
  for (const LearningPoint& p : curve.points) {
    const auto accuracy = [](const RouteScore& s) {
      return fmt::format("{} ({}/{})", Fixed(s.accuracy, 3), s.correct, s.items);
    };
    out << fmt::format("{:>6}%  {:>11}  {:>18}  {:>7}  {:>18}  {:>7}\n",
                       fmt::format("{:g}", p.share * 100.0), Fixed(p.labels_per_fold, 1),
                       accuracy(p.fit), Fixed(p.fit.ece, 3), accuracy(p.labels),
                       Fixed(p.labels.ece, 3));
  }
  out << "\nlabels: share of the training folds' gold rows given to the model (nested subsets).\n"
         "fit: `credence fit` on them, then the model with the fitted parameters; labels: the\n"
         "model with them clamped during EM (--labels). 0%: the unsupervised model for both.\n"
         "Accuracy pooled over the held-out folds; ECE over the pooled held-out claims.\n";
}

void WriteLearningJson(std::ostream& out, const LearningCurve& curve) {
  std::string text;
  text::JsonWriter w(&text);
  w.BeginObject();
  w.Field("dataset", curve.dataset).Field("gold", curve.gold);
  w.Field("gold_kind", curve.kind == GoldKind::kClaim ? "claim" : "object");
  w.Key("folds").Int(curve.folds);
  w.Key("seed").Number(fmt::format("{}", curve.seed));
  w.Key("gold_items").Int(static_cast<std::int64_t>(curve.items));
  w.Key("missing").Int(static_cast<std::int64_t>(curve.missing));
  w.Key("points").BeginArray();
  for (const LearningPoint& p : curve.points) {
    w.Newline().BeginObject();
    w.Key("share").Number(p.share, 6);
    w.Key("labels_per_fold").Number(p.labels_per_fold, 6);
    w.Key("fit");
    RouteJson(w, p.fit);
    w.Key("labels");
    RouteJson(w, p.labels);
    w.EndObject();
  }
  w.Newline().EndArray().EndObject().EndLine();
  out << text;
}

}  // namespace credence::eval
