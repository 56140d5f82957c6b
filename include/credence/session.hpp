#pragma once
/// One analysis run, phase by phase: read the dataset, build the Boost.Graph model, freeze the
/// evidence snapshot, score, rank. Holds every stage so that tools can print and explain them.

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "credence/graph/claim_graph.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/io/reader.hpp"
#include "credence/scoring/algorithms.hpp"
#include "credence/scoring/analysis.hpp"
#include "credence/scoring/model.hpp"

namespace credence {

struct SessionOptions {
  io::InputFormat format = io::InputFormat::kAuto;
  scoring::Algorithm algorithm = scoring::Algorithm::kCredence;
  scoring::ModelOptions model;      ///< The default model's parameters (also used for dispute).
  scoring::ClassicOptions classic;  ///< Iteration overrides, seed and threads for any algorithm.
  scoring::AnalysisOptions analysis;
  /// Called with each phase's name ("parse", "graph", "freeze", "score", "rank") as it starts,
  /// and with "" when the run ends; for progress displays. May be empty.
  std::function<void(std::string_view phase)> on_phase;
};

class Session {
 public:
  /// Runs every phase. @throws DataError for a bad dataset, InvalidArgumentError for bad options.
  static std::unique_ptr<Session> Run(const std::string& path, const SessionOptions& options);

  const Dataset& data() const { return data_; }
  const graph::ClaimGraph& graph() const { return *graph_; }
  const graph::EvidenceSnapshot& snapshot() const { return snapshot_; }
  const scoring::EvidenceWeights& weights() const { return *weights_; }
  const scoring::ScoringResult& result() const { return result_; }
  const scoring::Analysis& analysis() const { return analysis_; }
  const SessionOptions& options() const { return options_; }
  /// Wall time of each phase in seconds, in order.
  const std::vector<std::pair<std::string, double>>& timings() const { return timings_; }

  /// @throws InvalidArgumentError when no claim has this id.
  scoring::Explanation Explain(std::string_view claim_id) const;
  /// The explanations of the claims with these indices (each < data().claims.size()), in their
  /// order, with one set-up shared by all (scoring::Explain): what the report writers take.
  std::vector<scoring::Explanation> ExplainClaims(const std::vector<Index>& claims) const;

  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

 private:
  Session() = default;
  SessionOptions options_;
  Dataset data_;
  std::unique_ptr<graph::ClaimGraph> graph_;
  graph::EvidenceSnapshot snapshot_;
  std::unique_ptr<scoring::EvidenceWeights> weights_;
  scoring::ScoringResult result_;
  scoring::Analysis analysis_;
  std::vector<std::pair<std::string, double>> timings_;
};

}  // namespace credence
