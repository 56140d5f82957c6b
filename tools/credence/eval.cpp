// credence eval: accuracy and calibration of the scoring algorithms against a gold file.

#include "credence/report/eval.hpp"

#include <fmt/format.h>

#include <sstream>

#include "common.hpp"
#include "credence/eval/gold.hpp"
#include "credence/eval/labels.hpp"
#include "credence/eval/learning.hpp"
#include "credence/eval/metrics.hpp"
#include "credence/eval/plots.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/io/reader.hpp"

namespace credence::cli {

namespace {

struct EvalArgs {
  CommonArgs common;
  std::string gold;
  bool no_time = false;
  int folds = 0;
  std::string plot;
  std::string plot_learning;
};

// credence eval --folds K: the learning curve as a table or JSON, and its SVG.
void RunFolds(const Dataset& data, const graph::EvidenceSnapshot& snapshot, const eval::Gold& gold,
              const scoring::ModelOptions& model, const CommonArgs& a, int folds,
              const std::string& plot) {
  eval::LearningOptions options;
  options.folds = folds;
  options.seed = a.seed;
  options.model = model;
  const eval::LearningCurve curve = eval::RunLearningCurve(data, snapshot, gold, options);
  std::ostringstream out;
  if (a.format == "json") {
    eval::WriteLearningJson(out, curve);
  } else {
    eval::WriteLearningTable(out, curve);
  }
  if (!plot.empty()) {
    std::ostringstream svg;
    eval::WriteLearningSvg(svg, curve);
    Emit(plot, svg.str());
  }
  Emit(a.output, out.str());
}

// The command's callback.
void RunEval(const EvalArgs& args) {
  const CommonArgs& a = args.common;
  const auto gold = eval::ReadGold(args.gold);
  const auto data = io::ReadDataset(a.file, io::ParseInputFormat(a.input_format));
  const graph::ClaimGraph graph(data);
  const auto snapshot = graph::FreezeEvidence(data, graph);

  eval::EvalOptions options;
  options.run.model = ModelOptionsFromArgs(a);
  if (args.folds > 0) {
    if (!a.labels.empty()) throw UsageError("--folds takes its labels from --gold, not --labels");
    RunFolds(data, snapshot, gold, options.run.model, a, args.folds, args.plot_learning);
    return;
  }
  if (!args.plot_learning.empty()) throw UsageError("--plot-learning needs --folds");
  if (!a.labels.empty()) options.run.labels = eval::LabelClaims(data, eval::ReadGold(a.labels));
  options.run.classic.threads = a.threads;
  options.run.classic.max_iterations = a.max_iterations;
  options.run.classic.tolerance = a.tolerance;
  options.run.classic.seed = a.seed;
  options.run.model.Validate();
  if (a.algorithm == "all") {
    for (const auto& info : scoring::AllAlgorithms()) options.algorithms.push_back(info.algorithm);
    options.baselines = true;
    options.keep_going = true;
  } else {
    options.algorithms.push_back(scoring::ParseAlgorithm(a.algorithm));
    options.keep_going = false;  // a single algorithm's failure is the command's failure
  }

  report::EvalReport report{a.file, args.gold, gold.kind,
                            eval::EvaluateAlgorithms(data, snapshot, gold, options)};
  if (!report.rows.empty() && report.rows.front().missing == gold.size()) {
    Note("warning: none of the {} gold {}s of {} is in {}\n", gold.size(),
         gold.kind == eval::GoldKind::kClaim ? "claim" : "object", args.gold, a.file);
  }
  std::ostringstream out;
  if (a.format == "json") {
    report::WriteEvalJson(out, report, !args.no_time);
  } else {
    report::WriteEvalTable(out, report, !args.no_time);
  }
  if (!args.plot.empty()) {
    const auto result =
        scoring::ScoreDefault(data, snapshot, options.run.model, options.run.labels);
    std::vector<double> belief;
    std::vector<int> label;
    eval::ScoredClaims(data, result.belief, gold, &belief, &label);
    std::ostringstream svg;
    eval::WriteReliabilitySvg(svg, eval::ReliabilityBins(belief, label),
                              "Reliability of the default model");
    Emit(args.plot, svg.str());
  }
  Emit(a.output, out.str());
}

}  // namespace

void AddEvalCommand(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  args->common.algorithm = "all";
  auto* eval = app.add_subcommand(
      "eval",
      "Measure the scoring algorithms against known truth: accuracy, precision/recall/F1 of\n"
      "'false', Brier score, calibration error (ECE) and how well source trust tracks source\n"
      "accuracy (Spearman). A gold file is CSV: 'claim,truth' (true/false per claim) or\n"
      "'object,value[,tolerance]' (the true value per group of alternatives); see docs/format.md.\n"
      "With --algorithm all (the default) every algorithm runs, plus, for claim gold, two\n"
      "stance-counting baselines; an algorithm that fails is reported as an error row.\n"
      "Example: credence eval datasets/capitals.triples.csv --gold "
      "tests/data/eval/capitals.gold.csv\n"
      "         credence eval emergent.jsonl --gold emergent.gold.csv --algorithm credence\n"
      "         credence eval data.jsonl --gold gold.csv --format json -o eval.json\n"
      "         credence eval data.jsonl --gold gold.csv --algorithm credence --plot cal.svg\n"
      "         credence eval data.jsonl --gold gold.csv --folds 5 --plot-learning curve.svg\n"
      "With --folds K it cross-validates learning from labels instead:\n"
      "out-of-fold accuracy of `credence fit` and of --labels at 0-100% of the training labels.");
  AddInputOptions(eval, args->common);
  eval->add_option("--gold", args->gold, "Gold file: claim,truth or object,value[,tolerance]")
      ->required();
  std::vector<std::string> names{"all"};
  for (const auto& info : scoring::AllAlgorithms()) names.emplace_back(info.name);
  eval->add_option("--algorithm", args->common.algorithm,
                   "One algorithm (`credence algorithms` lists them) or all (the default)")
      ->check(CLI::IsMember(names));
  eval->add_option("--format", args->common.format, "Output: table (for people) or json")
      ->check(CLI::IsMember({"table", "json"}));
  eval->add_option("-o,--output", args->common.output,
                   "Write to this file (atomically: a temporary file renamed into place)");
  eval->add_option("--threads", args->common.threads,
                   "Scoring threads; 0 = all cores. Scores are identical for any count")
      ->check(CLI::NonNegativeNumber);
  eval->add_option("--max-iterations", args->common.max_iterations,
                   "Override each algorithm's iteration cap")
      ->check(CLI::PositiveNumber);
  eval->add_option("--tolerance", args->common.tolerance,
                   "Override each algorithm's stopping tolerance")
      ->check(CLI::NonNegativeNumber);
  eval->add_option("--param", args->common.params,
                   "Set a default-model parameter, NAME=VALUE (repeatable), e.g. --param "
                   "echo_factor=1; names and defaults in docs/model.md. Overrides --params");
  eval->add_option("--seed", args->common.seed,
                   "Seed of the sampling algorithms (ltm) and of the --folds shuffle");
  eval->add_option("--base-rate", args->common.base_rate,
                   "Default model: fix the prior probability that a claim is true (otherwise "
                   "0.5, or with --labels the labelled share)");
  eval->add_option("--params", args->common.params_file,
                   "Default model: parameters from a PARAMS.json file written by `credence fit`; "
                   "--param and --base-rate override them");
  eval->add_option("--labels", args->common.labels,
                   "Default model: a gold file of claims of known truth, clamped during EM "
                   "(scoring the model on the claims it was given flatters it: use --folds)");
  eval->add_option("--folds", args->folds,
                   "K-fold cross-validation by gold row (K >= 2; shuffled with --seed): for 0, 5, "
                   "10, 20, 50 and 100% of each training fold's labels, out-of-fold accuracy of "
                   "the fit route (credence fit, then the model without labels) and the labels "
                   "route (--labels). E.g. --folds 5 --seed 7")
      ->check(CLI::Range(2, 1000000));
  eval->add_option("--plot", args->plot,
                   "Write the default model's reliability diagram (calibration: 10 bins of "
                   "belief, share true per bin, ECE in the title) to this SVG file")
      ->excludes("--folds");
  eval->add_option("--plot-learning", args->plot_learning,
                   "With --folds: write the learning curve (accuracy of both routes against the "
                   "share of labels) to this SVG file");
  eval->add_flag("--no-time", args->no_time,
                 "Leave the scoring times out, so that the output is reproducible");

  eval->callback([args] { RunEval(*args); });
}

}  // namespace credence::cli
