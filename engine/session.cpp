#include "credence/session.hpp"

#include <fmt/format.h>

#include <chrono>

#include "credence/core/error.hpp"

namespace credence {

std::unique_ptr<Session> Session::Run(const std::string& path, const SessionOptions& options) {
  options.model.Validate();
  options.analysis.Validate();
  std::unique_ptr<Session> s(new Session());
  s->options_ = options;
  auto clock = std::chrono::steady_clock::now();
  auto announce = [&](std::string_view phase) {
    if (options.on_phase) options.on_phase(phase);
  };
  auto lap = [&](const char* phase, const char* next) {
    const auto now = std::chrono::steady_clock::now();
    s->timings_.emplace_back(phase, std::chrono::duration<double>(now - clock).count());
    clock = now;
    announce(next);
  };
  announce("parse");
  s->data_ = io::ReadDataset(path, options.format, options.model.threads);
  lap("parse", "graph");
  s->graph_ = std::make_unique<graph::ClaimGraph>(s->data_);
  lap("graph", "freeze");
  s->snapshot_ = graph::FreezeEvidence(s->data_, *s->graph_);
  s->weights_ = std::make_unique<scoring::EvidenceWeights>(s->data_, s->snapshot_, options.model);
  lap("freeze", "score");
  s->result_ = scoring::RunAlgorithm(options.algorithm, s->data_, s->snapshot_,
                                     {options.model, options.classic});
  lap("score", "rank");
  scoring::AnalysisOptions analysis = options.analysis;
  if (analysis.threads == 0) analysis.threads = options.model.threads;
  s->analysis_ = scoring::Analyze(s->data_, s->snapshot_, *s->weights_, s->result_, analysis);
  lap("rank", "");
  return s;
}

scoring::Explanation Session::Explain(std::string_view claim_id) const {
  const Index claim = data_.FindClaim(claim_id);
  if (claim == kNone) {
    throw InvalidArgumentError(fmt::format("no claim with id '{}' in {}", claim_id, data_.path));
  }
  return scoring::Explain(data_, *graph_, snapshot_, *weights_, result_, options_.model.base_rate,
                          claim);
}

std::vector<scoring::Explanation> Session::ExplainClaims(const std::vector<Index>& claims) const {
  return scoring::Explain(data_, *graph_, snapshot_, *weights_, result_, options_.model.base_rate,
                          claims);
}

}  // namespace credence
