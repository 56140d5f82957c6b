// credence generate: a seeded synthetic dataset with a planted truth, and its gold file.

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

#include "atomic_file.hpp"
#include "common.hpp"
#include "credence/gen/generator.hpp"

namespace credence::cli {

void AddGenerateCommand(CLI::App& app) {
  struct GenerateArgs {
    gen::GeneratorOptions options;
    std::string format = "csv";
    std::string output;
    std::string gold;
  };
  auto args = std::make_shared<GenerateArgs>();
  auto* cmd = app.add_subcommand(
      "generate",
      "Write a seeded synthetic dataset with a planted truth, and its gold file (claim,truth).\n"
      "Each claim is true or false with probability 1/2; sources, drawn with Zipf-skewed\n"
      "activity, are right with their reliability (a share of them adversarial); a share of the\n"
      "stances are copies of another stance under a shared origin. The same seed gives the\n"
      "same bytes. The story and the parameters are in docs/performance.md.\n"
      "Example: credence generate --stances 1000000 --sources 10000 --claims 100000 --seed 1 "
      "-o w.csv --gold w.gold.csv\n"
      "         credence generate --stances 20000 --sources 500 --claims 2000 --format jsonl "
      "-o w.jsonl --gold w.gold.csv\n"
      "         credence eval w.csv --gold w.gold.csv");
  auto& o = args->options;
  cmd->add_option("--stances", o.stances, "Number of stances to write")
      ->required()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--sources", o.sources, "Number of sources (outlets)")
      ->required()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--claims", o.claims, "Number of claims")->required()->check(CLI::PositiveNumber);
  cmd->add_option("--seed", o.seed, "Random seed")->capture_default_str();
  cmd->add_option("--format", args->format,
                  "Dataset format: csv (stances CSV), jsonl, or triples (source,object,value "
                  "CSV: the claim is the object, true/false the value; gold object,value)")
      ->check(CLI::IsMember({"csv", "jsonl", "triples"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "Dataset file to write")->required();
  cmd->add_option("--gold", args->gold,
                  "Gold file to write (claim,truth; object,value for triples)")
      ->required();
  cmd->add_option("--zipf", o.zipf_exponent, "Zipf exponent of source activity (0: uniform)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--adversarial-share", o.adversarial_share,
                  "Share of sources with reliability in [0.1, 0.4] (others: [0.55, 0.95])")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--denial-share", o.denial_share,
                  "Share of denials written as denials (the rest as neutral)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--relay-share", o.relay_share, "Expected share of stances that are copies")
      ->check(CLI::Range(0.0, 0.99))
      ->capture_default_str();
  cmd->add_option("--anonymous-share", o.anonymous_share,
                  "jsonl: share of stances by anonymous speakers behind an outlet")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--interested-share", o.interested_share,
                  "jsonl: share of stances that are denials by an interested party")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  auto quiet = std::make_shared<bool>(false);
  cmd->add_flag("-q,--quiet", *quiet, "Do not print the summary to standard error");
  cmd->callback([args, quiet] {
    args->options.format = gen::ParseGeneratorFormat(args->format);
    args->options.Validate();
    if (args->output == args->gold) throw UsageError("-o and --gold name the same file");
    AtomicFile data(args->output);
    AtomicFile gold(args->gold);
    gen::GeneratorStats stats;
    try {
      stats = gen::Generate(args->options, data.stream(), gold.stream());
    } catch (const std::ios_base::failure&) {
      data.ThrowIfFailed();  // the file that failed, with the system's reason
      gold.ThrowIfFailed();
      throw OutputError(fmt::format("cannot write to '{}' or '{}'", args->output, args->gold));
    }
    data.Commit();
    gold.Commit();
    if (!*quiet) {
      Note(
          "{}: {} stances ({} copies, {} anonymous, {} interested), {} sources, {} claims "
          "({} true), {} bytes\n",
          args->output, stats.stances, stats.relays, stats.anonymous, stats.interested,
          stats.sources, stats.claims, stats.true_claims, stats.bytes);
    }
  });
}

}  // namespace credence::cli
