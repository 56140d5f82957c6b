#include "credence/scoring/algorithms.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "credence/core/error.hpp"

namespace credence::scoring {

const std::vector<AlgorithmInfo>& AllAlgorithms() {
  static const std::vector<AlgorithmInfo> kAll = {
      {Algorithm::kCredence, "credence",
       "the default model: log-odds evidence, independent origins, regularised EM trust", true, 200,
       1e-6},
      {Algorithm::kMajority, "majority", "share of the votes each value gets", false, 1, 0.0},
      {Algorithm::kSums, "sums", "Hubs and Authorities (Pasternack & Roth 2010)", true, 100, 1e-6},
      {Algorithm::kAverageLog, "average-log",
       "Sums with log-scaled averages (Pasternack & Roth 2010)", true, 100, 1e-6},
      {Algorithm::kInvestment, "investment",
       "sources invest trust in claims (Pasternack & Roth 2010)", true, 20, 1e-6},
      {Algorithm::kPooledInvestment, "pooled-investment",
       "Investment pooled over mutually exclusive values (Pasternack & Roth 2010)", true, 10, 0.0},
      {Algorithm::kTruthFinder, "truthfinder", "Yin, Han & Yu, KDD 2007", true, 100, 1e-6},
      {Algorithm::kCosine, "cosine", "Galland et al., WSDM 2010", true, 200, 1e-6},
      {Algorithm::kTwoEstimates, "2-estimates",
       "truth values and error rates with native denials (Galland et al., WSDM 2010)", true, 100,
       0.001},
      {Algorithm::kThreeEstimates, "3-estimates",
       "2-Estimates with the difficulty of each fact (Galland et al., WSDM 2010)", true, 100,
       0.001},
      {Algorithm::kLtm, "ltm", "Latent Truth Model, collapsed Gibbs sampling (Zhao et al. 2012)",
       true, 50, 0.0},
      {Algorithm::kDawidSkene, "dawid-skene", "EM with per-source confusion matrices (1979)", true,
       100, 1e-5},
      {Algorithm::kCrh, "crh", "conflict resolution on heterogeneous data (Li et al. 2014)", true,
       20, 1e-6},
      {Algorithm::kAccu, "accu", "ACCU with copy detection (Dong, Berti-Equille & Srivastava 2009)",
       true, 100, 1e-6},
  };
  return kAll;
}

const AlgorithmInfo& InfoOf(Algorithm algorithm) {
  for (const auto& info : AllAlgorithms()) {
    if (info.algorithm == algorithm) return info;
  }
  throw InvalidArgumentError("unknown algorithm");
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
  if (options.classic.max_iterations == 0) {
    throw InvalidArgumentError("max_iterations must be at least 1, got 0");
  }
  if (algorithm == Algorithm::kCredence) {
    ModelOptions model = options.model;
    if (options.classic.max_iterations > 0) model.max_iterations = options.classic.max_iterations;
    if (options.classic.tolerance > 0) model.tolerance = options.classic.tolerance;
    return ScoreDefault(data, snap, model);
  }
  const graph::CategoricalView view = graph::BuildCategoricalView(data, snap);
  ScoringResult result;
  switch (algorithm) {
    case Algorithm::kMajority:
      result = RunMajority(view, options.classic);
      break;
    case Algorithm::kSums:
      result = RunSums(view, options.classic);
      break;
    case Algorithm::kAverageLog:
      result = RunAverageLog(view, options.classic);
      break;
    case Algorithm::kInvestment:
      result = RunInvestment(view, options.classic);
      break;
    case Algorithm::kPooledInvestment:
      result = RunPooledInvestment(view, options.classic);
      break;
    case Algorithm::kTruthFinder:
      result = RunTruthFinder(view, options.classic);
      break;
    case Algorithm::kCosine:
      result = RunCosine(view, options.classic);
      break;
    case Algorithm::kTwoEstimates:
      result = RunTwoEstimates(view, options.classic);
      break;
    case Algorithm::kThreeEstimates:
      result = RunThreeEstimates(view, options.classic);
      break;
    case Algorithm::kLtm:
      result = RunLtm(view, options.classic);
      break;
    case Algorithm::kDawidSkene:
      result = RunDawidSkene(view, options.classic);
      break;
    case Algorithm::kCrh:
      result = RunCrh(view, options.classic);
      break;
    case Algorithm::kAccu:
      result = RunAccu(view, options.classic);
      break;
    case Algorithm::kCredence:
      break;
  }
  result.algorithm = std::string(info.name);
  return result;
}

}  // namespace credence::scoring
