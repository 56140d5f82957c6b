// credence eval: accuracy and calibration of the scoring algorithms against a gold file.

#include "credence/report/eval.hpp"

#include <fmt/format.h>

#include <sstream>

#include "common.hpp"
#include "credence/eval/gold.hpp"
#include "credence/eval/metrics.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/io/reader.hpp"

namespace credence::cli {

void AddEvalCommand(CLI::App& app) {
  struct EvalArgs {
    CommonArgs common;
    std::string gold;
    bool no_time = false;
  };
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
      "         credence eval data.jsonl --gold gold.csv --format json -o eval.json");
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
  AddParamOption(eval, args->common);
  eval->add_option("--seed", args->common.seed, "Seed of the sampling algorithms (ltm)");
  eval->add_option("--base-rate", args->common.base_rate,
                   "Default model: fix the prior probability that a claim is true (without it "
                   "the model learns it)");
  eval->add_flag("--no-time", args->no_time,
                 "Leave the scoring times out, so that the output is reproducible");

  eval->callback([args] {
    const CommonArgs& a = args->common;
    const auto gold = eval::ReadGold(args->gold);
    const auto data = io::ReadDataset(a.file, io::ParseInputFormat(a.input_format));
    const graph::ClaimGraph graph(data);
    const auto snapshot = graph::FreezeEvidence(data, graph);

    eval::EvalOptions options;
    options.run.model.threads = a.threads;
    ApplyModelParams(a.params, &options.run.model);
    if (a.base_rate) {
      options.run.model.base_rate = *a.base_rate;
      options.run.model.learn_base_rate = 0.0;
    }
    options.run.classic.threads = a.threads;
    options.run.classic.max_iterations = a.max_iterations;
    options.run.classic.tolerance = a.tolerance;
    options.run.classic.seed = a.seed;
    options.run.model.Validate();
    if (a.algorithm == "all") {
      for (const auto& info : scoring::AllAlgorithms())
        options.algorithms.push_back(info.algorithm);
      options.baselines = true;
      options.keep_going = true;
    } else {
      options.algorithms.push_back(scoring::ParseAlgorithm(a.algorithm));
      options.keep_going = false;  // a single algorithm's failure is the command's failure
    }

    report::EvalReport report{a.file, args->gold, gold.kind,
                              eval::EvaluateAlgorithms(data, snapshot, gold, options)};
    if (!report.rows.empty() && report.rows.front().missing == gold.size()) {
      fmt::print(stderr, "warning: none of the {} gold {}s of {} is in {}\n", gold.size(),
                 gold.kind == eval::GoldKind::kClaim ? "claim" : "object", args->gold, a.file);
    }
    std::ostringstream out;
    if (a.format == "json") {
      report::WriteEvalJson(out, report, !args->no_time);
    } else {
      report::WriteEvalTable(out, report, !args->no_time);
    }
    Emit(a.output, out.str());
  });
}

}  // namespace credence::cli
