#include "credence/scoring/algorithms.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "credence/core/error.hpp"

namespace credence::scoring {

const std::vector<AlgorithmInfo>& AllAlgorithms() {
  static const std::vector<AlgorithmInfo> kAll = {
      {Algorithm::kCredence, "credence",
       "the default model: log-odds evidence, independent origins, regularised EM trust", true, 200,
       1e-6, nullptr},
      {Algorithm::kMajority, "majority", "share of the votes each value gets", false, 1, 0.0,
       &RunMajority},
      {Algorithm::kSums, "sums", "Hubs and Authorities (Pasternack & Roth 2010)", true, 100, 1e-6,
       &RunSums},
      {Algorithm::kAverageLog, "average-log",
       "Sums with log-scaled averages (Pasternack & Roth 2010)", true, 100, 1e-6, &RunAverageLog},
      {Algorithm::kInvestment, "investment",
       "sources invest trust in claims (Pasternack & Roth 2010)", true, 20, 1e-6, &RunInvestment},
      {Algorithm::kPooledInvestment, "pooled-investment",
       "Investment pooled over mutually exclusive values (Pasternack & Roth 2010)", true, 10, 0.0,
       &RunPooledInvestment},
      {Algorithm::kTruthFinder, "truthfinder", "Yin, Han & Yu, KDD 2007", true, 100, 1e-6,
       &RunTruthFinder},
      {Algorithm::kCosine, "cosine", "Galland et al., WSDM 2010", true, 200, 1e-6, &RunCosine},
      {Algorithm::kTwoEstimates, "2-estimates",
       "truth values and error rates with native denials (Galland et al., WSDM 2010)", true, 100,
       0.001, &RunTwoEstimates},
      {Algorithm::kThreeEstimates, "3-estimates",
       "2-Estimates with the difficulty of each fact (Galland et al., WSDM 2010)", true, 100, 0.001,
       &RunThreeEstimates},
      {Algorithm::kLtm, "ltm", "Latent Truth Model, collapsed Gibbs sampling (Zhao et al. 2012)",
       true, 50, 0.0, &RunLtm},
      {Algorithm::kDawidSkene, "dawid-skene", "EM with per-source confusion matrices (1979)", true,
       100, 1e-5, &RunDawidSkene},
      {Algorithm::kCrh, "crh", "conflict resolution on heterogeneous data (Li et al. 2014)", true,
       20, 1e-6, &RunCrh},
      {Algorithm::kAccu, "accu", "ACCU with copy detection (Dong, Berti-Equille & Srivastava 2009)",
       true, 100, 1e-6, &RunAccu},
  };
  return kAll;
}

const AlgorithmInfo& InfoOf(Algorithm algorithm) {
  const auto& all = AllAlgorithms();
  const auto i = static_cast<std::size_t>(algorithm);
  // The table lists the enumerators in order (checked by the unit tests), so the row is at i.
  if (i >= all.size() || all[i].algorithm != algorithm) {
    throw InvalidArgumentError("unknown algorithm");
  }
  return all[i];
}

Algorithm ParseAlgorithm(std::string_view name) {
  std::vector<std::string_view> names;
  for (const auto& info : AllAlgorithms()) {
    if (info.name == name) return info.algorithm;
    names.push_back(info.name);
  }
  throw InvalidArgumentError(
      fmt::format("unknown algorithm '{}' (expected one of: {})", name, fmt::join(names, ", ")));
}

ScoringResult RunAlgorithm(Algorithm algorithm, const Dataset& data,
                           const graph::EvidenceSnapshot& snap, const RunOptions& options) {
  const AlgorithmInfo& info = InfoOf(algorithm);
  if (options.classic.max_iterations && *options.classic.max_iterations < 1) {
    throw InvalidArgumentError(
        fmt::format("max_iterations must be at least 1, got {}", *options.classic.max_iterations));
  }
  ScoringResult result;
  if (info.run_classic == nullptr) {
    ModelOptions model = options.model;
    if (options.classic.max_iterations) model.max_iterations = *options.classic.max_iterations;
    if (options.classic.tolerance) model.tolerance = *options.classic.tolerance;
    result = ScoreDefault(data, snap, model, options.labels);
  } else {
    if (!options.labels.empty()) {
      throw InvalidArgumentError(
          fmt::format("labelled claims (--labels) teach the default model only, not --algorithm {}",
                      info.name));
    }
    result = info.run_classic(graph::BuildCategoricalView(data, snap), options.classic);
  }
  result.algorithm = std::string(info.name);
  return result;
}

}  // namespace credence::scoring
