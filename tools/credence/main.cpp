// The credence command line: parses arguments, calls the library, prints. No scoring here.

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "credence/core/error.hpp"
#include "credence/io/reader.hpp"
#include "credence/report/writers.hpp"
#include "credence/session.hpp"

namespace {

constexpr int kExitUsage = 1;
constexpr int kExitData = 2;
constexpr int kExitInternal = 3;

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct CommonArgs {
  std::string file;
  std::string input_format = "auto";
  std::string format = "table";
  std::string output;
  std::string algorithm = "credence";
  int threads = 0;
  std::size_t top = 0;
  bool top_given = false;
  credence::scoring::ModelOptions model;
};

// Writes `text` to `path` through a temporary file renamed into place, so that an interrupted
// run leaves the old file or the new one, never a fragment.
void WriteAtomically(const std::string& path, const std::string& text) {
  const std::string tmp = fmt::format("{}.tmp.{}", path, ::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw UsageError(fmt::format("cannot write to '{}'", path));
    out << text;
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      throw UsageError(fmt::format("cannot write to '{}'", path));
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw UsageError(fmt::format("cannot move the output into place at '{}'", path));
  }
}

void Emit(const CommonArgs& args, const std::string& text) {
  if (args.output.empty() || args.output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
  } else {
    WriteAtomically(args.output, text);
  }
}

void AddInput(CLI::App* cmd, CommonArgs& args) {
  cmd->add_option("FILE", args.file, "Dataset: .jsonl (native), .csv (stances) or .triples.csv")
      ->required();
  cmd->add_option("--input-format", args.input_format,
                  "Force the input format: auto, jsonl, stances, triples")
      ->check(CLI::IsMember({"auto", "jsonl", "stances", "triples"}));
}

void AddScoring(CLI::App* cmd, CommonArgs& args) {
  cmd->add_option("--format", args.format, "Output: table (for people), json or csv (for scripts)")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  cmd->add_option("-o,--output", args.output,
                  "Write to this file (atomically: a temporary file renamed into place)");
  cmd->add_option("--threads", args.threads,
                  "Scoring threads; 0 = all cores. Output is identical for any count")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-iterations", args.model.max_iterations, "Iteration cap of the model")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--tolerance", args.model.tolerance,
                  "Stop when no belief or trust moves more than this");
  cmd->add_option("--base-rate", args.model.base_rate,
                  "Prior probability that a claim is true (0.5 = no leaning)");
}

std::unique_ptr<credence::Session> RunSession(const CommonArgs& args) {
  credence::SessionOptions options;
  options.format = credence::io::ParseInputFormat(args.input_format);
  options.model = args.model;
  options.model.threads = args.threads;
  return credence::Session::Run(args.file, options);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "credence: source credibility and claim conflicts.\n"
      "Loads who asserted or denied which claim, through which outlets, weighs corroborations\n"
      "against denials and prints the disputed statements ranked, with beliefs and source "
      "trust.\n\n"
      "Examples:\n"
      "  credence analyze datasets/arms-race-2018.jsonl\n"
      "  credence analyze stances.csv --format json --top 50 -o report.json\n"
      "  credence explain datasets/arms-race-2018.jsonl arms-race-quote\n"
      "  credence validate my-annotations.jsonl\n\n"
      "Formats are described in docs/format.md, the model in docs/model.md.\n"
      "Exit codes: 0 success, 1 bad usage, 2 bad data, 3 internal error.",
      "credence"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "credence 0.1.0");
  CommonArgs args;
  std::string claim_id;

  auto* analyze = app.add_subcommand(
      "analyze",
      "Score a dataset and print the ranked disputed statements and source trust.\n"
      "Example: credence analyze datasets/arms-race-2018.jsonl --top 10\n"
      "         credence analyze data.csv --format csv -o claims.csv");
  AddInput(analyze, args);
  AddScoring(analyze, args);
  analyze
      ->add_option("--top", args.top,
                   "Show the first N claims and sources (default: 20 in a table, all in json/csv)")
      ->check(CLI::PositiveNumber);
  analyze
      ->add_option("--algorithm", args.algorithm,
                   "Scoring algorithm: credence (the default model, docs/model.md)")
      ->check(CLI::IsMember({"credence"}));

  auto* explain =
      app.add_subcommand("explain",
                         "Show every stance on one claim, the chain it came through and how much "
                         "it moved the belief.\n"
                         "Example: credence explain datasets/arms-race-2018.jsonl arms-race-quote");
  AddInput(explain, args);
  explain->add_option("CLAIM_ID", claim_id, "Id of the claim to explain")->required();
  AddScoring(explain, args);

  auto* validate = app.add_subcommand(
      "validate",
      "Check a dataset and list every problem found (file:line: field: message).\n"
      "Exit code 0 when the file is clean, 2 otherwise.\n"
      "Example: credence validate datasets/arms-race-2018.jsonl");
  AddInput(validate, args);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  if (analyze->parsed() && !analyze->get_option("--top")->empty()) args.top_given = true;

  try {
    if (validate->parsed()) {
      credence::SessionOptions options;
      const auto data =
          credence::io::ReadDataset(args.file, credence::io::ParseInputFormat(args.input_format));
      fmt::print("{}: OK: {} sources, {} claims, {} reports, {} stances\n", args.file,
                 data.sources.size(), data.claims.size(), data.reports.size(), data.stances.size());
      return 0;
    }
    const auto format = credence::report::ParseOutputFormat(args.format);
    const auto session = RunSession(args);
    std::ostringstream out;
    if (analyze->parsed()) {
      std::size_t top = args.top;
      if (!args.top_given) top = format == credence::report::OutputFormat::kTable ? 20 : 0;
      credence::report::WriteAnalysis(out, *session, format, top);
    } else {
      const auto explanation = session->Explain(claim_id);
      credence::report::WriteExplanation(out, *session, explanation, format);
    }
    Emit(args, out.str());
    return 0;
  } catch (const credence::DataError& e) {
    for (const auto& d : e.diagnostics()) fmt::print(stderr, "error: {}\n", d.ToString());
    if (e.diagnostics().size() >= 1000) fmt::print(stderr, "error: stopped after 1000 problems\n");
    return kExitData;
  } catch (const credence::InvalidArgumentError& e) {
    fmt::print(stderr, "usage error: {}\n", e.what());
    return kExitUsage;
  } catch (const UsageError& e) {
    fmt::print(stderr, "usage error: {}\n", e.what());
    return kExitUsage;
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "error: out of memory\n");
    return kExitInternal;
  } catch (const std::exception& e) {
    fmt::print(stderr, "internal error: {}\n", e.what());
    return kExitInternal;
  }
}
