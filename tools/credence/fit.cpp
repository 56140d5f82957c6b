// credence fit: learns the default model's global parameters from labelled claims and writes
// them to a PARAMS.json file (docs/format.md, "Parameter files").

#include "credence/scoring/fit.hpp"

#include <fmt/format.h>

#include <sstream>

#include "common.hpp"
#include "credence/core/error.hpp"
#include "credence/eval/gold.hpp"
#include "credence/eval/labels.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/io/reader.hpp"
#include "credence/scoring/params.hpp"

namespace credence::cli {

void AddFitCommand(CLI::App& app) {
  struct FitArgs {
    CommonArgs common;
    std::string gold;
    int sweeps = 3;
  };
  auto args = std::make_shared<FitArgs>();
  auto* fit = app.add_subcommand(
      "fit",
      "Learn the default model's global parameters from claims of known truth, by maximum\n"
      "likelihood, and write them to a PARAMS.json file for --params (docs/model.md, \"Fitting\n"
      "the parameters\"; docs/format.md, \"Parameter files\"): the base rate (share of true\n"
      "labels), each source kind's two coins (sensitivity, specificity) from the stances on\n"
      "labelled claims, and the factors of hedges, interest, anonymity, echoes and relay hops\n"
      "(golden-section search on the labels' log-likelihood under the model, run without the\n"
      "labels). A summary (each parameter, old -> new, log-likelihood before and after) goes to\n"
      "standard error.\n"
      "Example: credence fit emergent.jsonl --gold emergent.gold.csv -o params.json\n"
      "         credence analyze emergent.jsonl --params params.json");
  AddInputOptions(fit, args->common);
  fit->add_option("--gold", args->gold,
                  "Gold file of the labelled claims: claim,truth or object,value[,tolerance] "
                  "(the formats `credence eval --gold` takes)")
      ->required();
  fit->add_option("-o,--output", args->common.output,
                  "The PARAMS.json file to write (atomically: a temporary file renamed into "
                  "place)")
      ->required();
  fit->add_option("--threads", args->common.threads,
                  "Scoring threads; 0 = all cores. The result is identical for any count")
      ->check(CLI::NonNegativeNumber);
  fit->add_option("--base-rate", args->common.base_rate,
                  "Fix the base rate instead of fitting it (written as given)");
  fit->add_option("--sweeps", args->sweeps,
                  "Passes of the golden-section search over the six factors (0: fit only the "
                  "base rate and the kinds' coins)")
      ->check(CLI::NonNegativeNumber);
  AddParamOption(fit, args->common);
  fit->callback([args] {
    const CommonArgs& a = args->common;
    const scoring::ModelOptions start = ModelOptionsFromArgs(a);
    const auto gold = eval::ReadGold(args->gold);
    const auto data = io::ReadDataset(a.file, io::ParseInputFormat(a.input_format));
    const graph::ClaimGraph graph(data);
    const auto snapshot = graph::FreezeEvidence(data, graph);
    const std::vector<std::int8_t> labels = eval::LabelClaims(data, gold);
    scoring::FitOptions options;
    options.sweeps = args->sweeps;
    options.fit_base_rate = !a.base_rate.has_value();
    const scoring::FitResult r = scoring::FitParameters(data, snapshot, labels, start, options);
    if (r.claims == 0) {
      throw DataError({{args->gold, 0, "", fmt::format("no labelled claim in {}", a.file)}});
    }
    Note("fit {} on {} labelled claims ({} true) of {}\n", a.output, r.claims, r.true_claims,
         a.file);
    for (const scoring::FittedParameter& p : r.fitted) {
      // What the model would have used without the file: a learned base rate, or a kind's
      // prior_* for a coin left at -1.
      std::string from = fmt::format("{:.6g}", p.start);
      if (p.name == "base_rate" && start.learn_base_rate != 0) from = "learned";
      if (p.start < 0) from = "prior_" + p.name.substr(p.name.find('_') + 1);
      Note("  {:<28} {:>22} -> {:.6g}\n", p.name, from, p.value);
    }
    Note("  log-likelihood of the labels: {:.4f} -> {:.4f} ({} model runs)\n",
         r.log_likelihood_before, r.log_likelihood_after, r.evaluations);
    scoring::FitRecord record{a.file,
                              args->gold,
                              r.claims,
                              r.true_claims,
                              r.log_likelihood_before,
                              r.log_likelihood_after};
    std::ostringstream out;
    scoring::WriteParams(out, r.options, &record);
    Emit(a.output, out.str());
  });
}

}  // namespace credence::cli
