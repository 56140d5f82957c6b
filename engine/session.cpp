#include "credence/session.hpp"

#include <fmt/format.h>

#include <chrono>

#include "credence/core/error.hpp"
#include "credence/eval/gold.hpp"
#include "credence/eval/labels.hpp"

namespace credence {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void Announce(const SessionOptions& options, std::string_view phase) {
  if (options.on_phase) options.on_phase(phase);
}

}  // namespace

std::unique_ptr<Session> Session::Run(const std::string& path, const SessionOptions& options) {
  options.model.Validate();
  options.analysis.Validate();
  options.time.Validate();
  Announce(options, "parse");
  const auto start = Clock::now();
  Dataset data = io::ReadDataset(path, options.format, options.model.threads);
  return Analyse(std::move(data), options, {{"parse", SecondsSince(start)}});
}

std::unique_ptr<Session> Session::Run(Dataset data, const SessionOptions& options) {
  options.model.Validate();
  options.analysis.Validate();
  options.time.Validate();
  return Analyse(std::move(data), options, {});
}

std::unique_ptr<Session> Session::Analyse(Dataset data, const SessionOptions& options,
                                          std::vector<std::pair<std::string, double>> timings) {
  std::unique_ptr<Session> s(new Session());
  s->options_ = options;
  s->timings_ = std::move(timings);
  s->data_ = std::move(data);
  auto clock = Clock::now();
  auto lap = [&](const char* phase, const char* next) {
    s->timings_.emplace_back(phase, SecondsSince(clock));
    clock = Clock::now();
    Announce(options, next);
  };
  Announce(options, "graph");
  s->graph_ = std::make_unique<graph::ClaimGraph>(s->data_);
  lap("graph", "freeze");
  s->snapshot_ =
      graph::FreezeEvidence(s->data_, *s->graph_, graph::ApplyTimeRules(s->data_, options.time));
  lap("freeze", "score");
  scoring::RunOptions run{options.model, options.classic, {}};
  if (!options.labels_path.empty()) {
    run.labels = eval::LabelClaims(s->data_, eval::ReadGold(options.labels_path));
  }
  s->result_ = scoring::RunAlgorithm(options.algorithm, s->data_, s->snapshot_, run);
  // "score" is the model alone; the default model's intervals are a phase of their own.
  const double interval_seconds = s->result_.interval_seconds;
  s->timings_.emplace_back("score", SecondsSince(clock) - interval_seconds);
  if (!s->result_.belief_low.empty()) s->timings_.emplace_back("intervals", interval_seconds);
  clock = Clock::now();
  Announce(options, "rank");
  scoring::AnalysisOptions analysis = options.analysis;
  if (analysis.threads == 0) analysis.threads = options.model.threads;
  s->analysis_ = scoring::Analyze(s->data_, s->snapshot_, options.model, s->result_, analysis);
  // Last, when the scoring's working memory is released: a dataset may hold many findings.
  const std::vector<bool> candidates = graph::ConsistencyCandidates(s->data_, s->snapshot_);
  s->findings_ = graph::FindConsistency(s->data_, s->snapshot_.times, &candidates);
  lap("rank", "");
  return s;
}

scoring::Explanation Session::Explain(std::string_view claim_id) const {
  const Index claim = data_.FindClaim(claim_id);
  if (claim == kNone) {
    throw InvalidArgumentError(fmt::format("no claim with id '{}' in {}", claim_id, data_.path));
  }
  return scoring::Explain(data_, *graph_, snapshot_, options_.model, result_, claim);
}

std::vector<scoring::Explanation> Session::ExplainClaims(const std::vector<Index>& claims) const {
  return scoring::Explain(data_, *graph_, snapshot_, options_.model, result_, claims);
}

}  // namespace credence
