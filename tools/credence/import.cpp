// credence import: converts a public benchmark dataset to Credence's formats plus a gold file.

#include <fmt/format.h>

#include <memory>

#include "atomic_file.hpp"
#include "common.hpp"
#include "credence/io/importers.hpp"

namespace credence::cli {
namespace {

struct ImportArgs {
  std::string kind;
  std::vector<std::string> inputs;
  std::string output;
  std::string gold;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Description() {
  std::string text =
      "Convert a public benchmark dataset (../shared/datasets, see its README.md) into a Credence\n"
      "dataset (-o) and a gold file of its ground truth (--gold) for `credence eval`.\n"
      "The dataset's extension must be the one the kind writes (.jsonl or .triples.csv).\n"
      "Statistics (rows read and skipped, claims, sources, gold items) go to standard error.\n"
      "Mappings and normalisation: docs/importers.md; gold files: docs/format.md.\n\nKinds:";
  for (const auto& info : io::AllImportKinds()) {
    text += fmt::format("\n  {} {}  -> {} + {} gold\n      {}\n      Example: {}", info.name,
                        info.inputs, info.extension, info.gold, info.summary, info.example);
  }
  return text;
}

void PrintStats(const ImportArgs& args, const io::ImportResult& result) {
  const auto& s = result.stats;
  Note("import {}: read {} rows from {} file(s)\n", args.kind, s.rows_read, args.inputs.size());
  for (const auto& skip : s.skipped) {
    Note("  skipped {}: {} (first at {})\n", skip.count, skip.reason, skip.first);
  }
  const std::string where = args.output == "-" ? "standard output" : args.output;
  if (result.extension == ".triples.csv") {
    Note("wrote {}: {} sources, {} objects, {} claims (object=value), {} triples\n", where,
         s.sources, s.objects, s.claims, s.stances);
  } else {
    Note("wrote {}: {} sources, {} claims, {} reports, {} stances\n", where, s.sources, s.claims,
         s.reports, s.stances);
  }
  if (!args.gold.empty()) {
    if (result.gold.rfind("claim,truth", 0) == 0) {
      Note("wrote {}: {} gold items ({} true, {} false)\n", args.gold, s.gold_items, s.gold_true,
           s.gold_items - s.gold_true);
    } else {
      Note(
          "wrote {}: {} gold items, the gold value is among the asserted values for {} "
          "(upper bound on accuracy {:.3f})\n",
          args.gold, s.gold_items, s.gold_covered,
          s.gold_items == 0
              ? 0.0
              : static_cast<double>(s.gold_covered) / static_cast<double>(s.gold_items));
    }
  }
  for (const auto& note : s.notes) Note("note: {}\n", note);
}

}  // namespace

void AddImportCommand(CLI::App& app) {
  auto args = std::make_shared<ImportArgs>();
  std::vector<std::string> kinds;
  for (const auto& info : io::AllImportKinds()) kinds.emplace_back(info.name);
  auto* cmd = app.add_subcommand("import", Description());
  cmd->add_option("KIND", args->kind,
                  "Benchmark: emergent, book, flights, population, rumoureval or liar")
      ->required()
      ->check(CLI::IsMember(kinds));
  cmd->add_option("INPUT", args->inputs, "The benchmark's files, in the order the kind lists")
      ->required();
  cmd->add_option("-o,--output", args->output,
                  "Dataset to write (atomically), named with the kind's extension; - for "
                  "standard output")
      ->required();
  cmd->add_option("--gold", args->gold,
                  "Gold file to write (atomically): claim,truth or object,value[,tolerance] CSV");
  cmd->callback([args] {
    const auto kind = io::ParseImportKind(args->kind);
    const auto& info = io::GetImportKindInfo(kind);
    if (args->output != "-" && !EndsWith(args->output, info.extension)) {
      throw UsageError(fmt::format(
          "import {} writes {} data: name the output '...{}' so that credence reads it in that "
          "format, got '{}'",
          info.name, info.extension, info.extension, args->output));
    }
    if (!args->gold.empty() && (args->gold == args->output || args->gold == "-")) {
      throw UsageError("--gold must name a file other than the dataset output");
    }
    const auto result = io::ImportFiles(kind, args->inputs);
    if (!args->gold.empty() && result.gold.empty()) {
      throw UsageError(fmt::format("--gold: these inputs hold no ground truth; import {} takes {}",
                                   info.name, info.inputs));
    }
    if (args->output == "-") {
      Emit(args->output, result.dataset);
      if (!args->gold.empty()) Emit(args->gold, result.gold);
    } else {
      // Both files are written before either is renamed into place.
      AtomicFile data(args->output);
      std::unique_ptr<AtomicFile> gold;
      data.stream() << result.dataset;
      if (!args->gold.empty()) {
        gold = std::make_unique<AtomicFile>(args->gold);
        gold->stream() << result.gold;
      }
      data.Commit();
      if (gold) gold->Commit();
    }
    PrintStats(*args, result);
  });
}

}  // namespace credence::cli
