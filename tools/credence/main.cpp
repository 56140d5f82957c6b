// The credence command line: parses arguments, calls the library, prints. No scoring here.

#include <fmt/format.h>

#include "common.hpp"
#include "credence/core/error.hpp"
#include "credence/version.hpp"

int main(int argc, char** argv) {
  using namespace credence::cli;  // NOLINT: the tool's own namespace
  CLI::App app{
      "credence: source credibility and claim conflicts.\n"
      "Loads who asserted or denied which claim, through which outlets, weighs corroborations\n"
      "against denials and prints the disputed statements ranked, with beliefs and source "
      "trust.\n\n"
      "Examples:\n"
      "  credence analyze datasets/arms-race-2018.jsonl\n"
      "  credence analyze stances.csv --format json --top 50 -o report.json\n"
      "  credence explain datasets/arms-race-2018.jsonl arms-race-quote\n"
      "  credence report datasets/arms-race-2018.jsonl -o report.html\n"
      "  credence graph datasets/arms-race-2018.jsonl arms-race-quote -o claim.dot\n"
      "  credence timeline datasets/arms-race-2018.jsonl arms-race-quote\n"
      "  credence validate my-annotations.jsonl\n"
      "  credence algorithms\n"
      "  credence fit data.jsonl --gold gold.csv -o params.json\n\n"
      "Formats are described in docs/format.md, the model in docs/model.md.\n"
      "Exit codes: 0 success, 1 bad usage, 2 bad data, 3 internal error or output that could\n"
      "not be written.",
      "credence"};
  app.require_subcommand(1);
  app.set_version_flag("--version", fmt::format("credence {}", credence::kVersion));
  AddAnalyzeCommands(app);
  AddImportCommand(app);
  AddEvalCommand(app);
  AddFitCommand(app);
  AddGenerateCommand(app);
  AddReportCommands(app);
  AddTimelineCommand(app);

  try {
    app.parse(argc, argv);
    FlushStandardOutput();  // what a command printed itself must have reached its reader
    return 0;
  } catch (const OutputError& e) {
    Note("error: {}\n", e.what());
    return kExitInternal;
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  } catch (const credence::DataError& e) {
    for (const auto& d : e.diagnostics()) Note("error: {}\n", d.ToString());
    if (e.diagnostics().size() >= 1000) Note("error: stopped after 1000 problems\n");
    return kExitData;
  } catch (const credence::InvalidArgumentError& e) {
    Note("usage error: {}\n", e.what());
    return kExitUsage;
  } catch (const UsageError& e) {
    Note("usage error: {}\n", e.what());
    return kExitUsage;
  } catch (const std::bad_alloc&) {
    Note("error: out of memory\n");
    return kExitInternal;
  } catch (const std::exception& e) {
    Note("internal error: {}\n", e.what());
    return kExitInternal;
  }
}
