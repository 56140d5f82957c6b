#pragma once
/// One analysis run, phase by phase: read the dataset (or take one already in memory), build the
/// Boost.Graph model, freeze the evidence snapshot, score, rank. Holds every stage so that tools
/// can print and explain them.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/io/reader.hpp"
#include "credence/scoring/algorithms.hpp"
#include "credence/scoring/analysis.hpp"
#include "credence/scoring/model.hpp"
#include "credence/scoring/result.hpp"

namespace credence {

/// Everything a Session run needs besides its dataset.
struct SessionOptions {
  io::InputFormat format = io::InputFormat::kAuto;  ///< For Run(path); ignored by Run(Dataset).
  scoring::Algorithm algorithm = scoring::Algorithm::kCredence;
  scoring::ModelOptions model;      ///< The default model's parameters (also used for dispute).
  scoring::ClassicOptions classic;  ///< Iteration overrides, seed and threads for any algorithm.
  scoring::AnalysisOptions analysis;
  /// As-of date and half-life (graph/time_rules.hpp); retractions and supersession always apply.
  graph::TimeOptions time;
  /// A gold file of claims whose truth is known (--labels): the default model clamps them to it
  /// during EM (eval/labels.hpp). Empty path: none.
  std::string labels_path;
  /// Called with each phase's name ("parse", "graph", "freeze", "score", "rank") as it starts,
  /// and with "" when the run ends; for progress displays. May be empty.
  std::function<void(std::string_view phase)> on_phase;
};

/// The stages of one run, kept for printing and explaining; built only by Run, never copied.
class Session {
 public:
  /// Reads the dataset at `path` (in options.format) and runs every phase.
  /// @throws DataError for a bad dataset, InvalidArgumentError for bad options.
  static std::unique_ptr<Session> Run(const std::string& path, const SessionOptions& options);
  /// Runs every phase but "parse" on a dataset already in memory (from io::ParseJsonl, an
  /// importer or io::DatasetBuilder: a valid dataset). The results are those Run(path) gives for
  /// the same dataset; timings() starts at "graph".
  /// @throws InvalidArgumentError for bad options.
  static std::unique_ptr<Session> Run(Dataset data, const SessionOptions& options);

  const Dataset& data() const { return data_; }
  const graph::ClaimGraph& graph() const { return *graph_; }
  const graph::EvidenceSnapshot& snapshot() const { return snapshot_; }
  const scoring::ScoringResult& result() const { return result_; }
  const scoring::Analysis& analysis() const { return analysis_; }
  /// What the time rules made of each stance (the snapshot's copy).
  const graph::StanceTimes& times() const { return snapshot_.times; }
  /// The consistency findings under those rules (graph::FindConsistency).
  const std::vector<graph::Finding>& findings() const { return findings_; }
  const SessionOptions& options() const { return options_; }
  /// Wall time of each phase in seconds, in order; "score" is the model alone and, for the default
  /// model, "intervals" (its 90% intervals) follows it; "rank" includes the consistency findings.
  const std::vector<std::pair<std::string, double>>& timings() const { return timings_; }

  /// Explains one claim's belief (scoring::Explain under options().model).
  /// @throws InvalidArgumentError when no claim has this id.
  scoring::Explanation Explain(std::string_view claim_id) const;
  /// The explanations of these claims (indices into data().claims) in their order, with one
  /// set-up shared by all (scoring::Explain): what the report writers take.
  std::vector<scoring::Explanation> ExplainClaims(const std::vector<Index>& claims) const;

  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

 private:
  Session() = default;
  // The phases after "parse", with the timings so far.
  static std::unique_ptr<Session> Analyse(Dataset data, const SessionOptions& options,
                                          std::vector<std::pair<std::string, double>> timings);

  SessionOptions options_;
  Dataset data_;
  std::unique_ptr<graph::ClaimGraph> graph_;
  graph::EvidenceSnapshot snapshot_;
  scoring::ScoringResult result_;
  scoring::Analysis analysis_;
  std::vector<graph::Finding> findings_;
  std::vector<std::pair<std::string, double>> timings_;
};

}  // namespace credence
