// credence analyze / explain / validate / algorithms.

#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <sstream>

#include "common.hpp"
#include "credence/graph/time_rules.hpp"
#include "credence/io/reader.hpp"
#include "credence/report/writers.hpp"
#include "progress.hpp"

namespace credence::cli {
namespace {

// --timings: each phase's wall time, then the report's, the iterations and the peak memory.
void PrintTimings(const Session& session, double report_seconds) {
  for (const auto& [phase, seconds] : session.timings()) {
    Note("{:<9} {:8.3f} s\n", phase, seconds);
  }
  Note("{:<9} {:8.3f} s\n", "report", report_seconds);
  const auto& result = session.result();
  Note("{} iterations, {}\n", result.iterations, result.converged ? "converged" : "not converged");
  if (result.bytes_per_iteration > 0 && result.iterations > 0) {
    const double each = result.iteration_seconds / result.iterations;
    Note(
        "iterations {:.3f} s, {:.1f} ms each, each moving at least {:.1f} MiB "
        "({:.2f} GB/s)\n",
        result.iteration_seconds, 1000.0 * each,
        static_cast<double>(result.bytes_per_iteration) / (1024.0 * 1024.0),
        static_cast<double>(result.bytes_per_iteration) / each / 1e9);
  }
  struct rusage usage {};
  if (::getrusage(RUSAGE_SELF, &usage) == 0) {
    Note("peak memory {:.1f} MiB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  }
}

}  // namespace

void AddAnalyzeCommands(CLI::App& app) {
  auto analyze_args = std::make_shared<CommonArgs>();
  auto top = std::make_shared<std::size_t>(0);
  auto* analyze = app.add_subcommand(
      "analyze",
      "Score a dataset and print the ranked disputed statements and source trust.\n"
      "Example: credence analyze datasets/arms-race-2018.jsonl --top 10\n"
      "         credence analyze data.csv --format csv -o claims.csv\n"
      "         credence analyze data.triples.csv --algorithm truthfinder --format json");
  AddInputOptions(analyze, *analyze_args);
  AddScoringOptions(analyze, *analyze_args);
  auto* top_option = analyze->add_option(
      "--top", *top,
      "Show the first N claims and sources (default: 20 in a table, all in json/csv)");
  top_option->check(CLI::PositiveNumber);
  auto timings = std::make_shared<bool>(false);
  analyze->add_flag(
      "--timings", *timings,
      "Print the wall time of each phase (parse, graph, freeze, score, intervals, rank, "
      "report) to standard error");
  analyze->callback([analyze_args, top, top_option, timings] {
    const auto format = report::ParseOutputFormat(analyze_args->format);
    Progress progress(!analyze_args->quiet);
    SessionOptions options = ToSessionOptions(*analyze_args);
    options.on_phase = [&](std::string_view phase) { progress.Phase(phase); };
    const auto session = Session::Run(analyze_args->file, options);
    std::size_t shown = *top;
    if (top_option->empty()) shown = format == report::OutputFormat::kTable ? 20 : 0;
    std::ostringstream out;
    const auto start = std::chrono::steady_clock::now();
    report::WriteAnalysis(out, BuildReport(*session, report::AnalysisReportOptions(format, shown)),
                          format);
    Emit(analyze_args->output, out.str());
    if (*timings) {
      PrintTimings(*session,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
  });

  auto explain_args = std::make_shared<CommonArgs>();
  auto claim_id = std::make_shared<std::string>();
  auto* explain = app.add_subcommand(
      "explain",
      "Show every stance on one claim, the chain it came through and how much it moved the "
      "belief, and the discounts (echo, alternatives): base rate + every line = the claim's "
      "log-odds.\nExample: credence explain datasets/arms-race-2018.jsonl arms-race-quote");
  AddInputOptions(explain, *explain_args);
  explain->add_option("CLAIM_ID", *claim_id, "Id of the claim to explain")->required();
  AddScoringOptions(explain, *explain_args);
  explain->callback([explain_args, claim_id] {
    const auto format = report::ParseOutputFormat(explain_args->format);
    Progress progress(!explain_args->quiet);
    SessionOptions options = ToSessionOptions(*explain_args);
    options.on_phase = [&](std::string_view phase) { progress.Phase(phase); };
    const auto session = Session::Run(explain_args->file, options);
    std::ostringstream out;
    report::WriteExplanation(out,
                             report::BuildExplainedClaim(session->data(), session->analysis(),
                                                         session->Explain(*claim_id),
                                                         &session->result(), &session->times()),
                             format);
    Emit(explain_args->output, out.str());
  });

  auto validate_args = std::make_shared<CommonArgs>();
  auto* validate = app.add_subcommand(
      "validate",
      "Check a dataset and list every problem found (file:line: field: message).\n"
      "Exit code 0 when the file is clean, 2 otherwise. Consistency findings (a source that\n"
      "reversed or contradicted itself, a retraction) are warnings on standard error: exit 0.\n"
      "Example: credence validate datasets/arms-race-2018.jsonl");
  AddInputOptions(validate, *validate_args);
  auto max_warnings = std::make_shared<std::size_t>(100);
  validate
      ->add_option("--max-warnings", *max_warnings,
                   "Print at most N finding warnings, then how many more there are (0: all)")
      ->capture_default_str();
  validate->callback([validate_args, max_warnings] {
    const auto data =
        io::ReadDataset(validate_args->file, io::ParseInputFormat(validate_args->input_format));
    fmt::print("{}: OK: {} sources, {} claims, {} reports, {} stances\n", validate_args->file,
               data.sources.size(), data.claims.size(), data.reports.size(), data.stances.size());
    // The consistency findings are warnings, not errors: the file is valid (exit 0).
    const auto findings =
        graph::FindConsistency(data, graph::ApplyTimeRules(data, graph::TimeOptions{}));
    const std::size_t shown =
        *max_warnings == 0 ? findings.size() : std::min(*max_warnings, findings.size());
    for (std::size_t k = 0; k < shown; ++k) {
      Note("warning: {}: {}\n", validate_args->file, report::FindingText(data, findings[k]));
    }
    if (shown < findings.size()) {
      Note(
          "warning: {}: and {} more findings (--max-warnings 0 prints all; analyze "
          "--format json lists them)\n",
          validate_args->file, findings.size() - shown);
    }
  });

  auto* algorithms =
      app.add_subcommand("algorithms",
                         "List the scoring algorithms (for --algorithm), one line each.\n"
                         "Example: credence algorithms");
  algorithms->callback([] {
    for (const auto& info : scoring::AllAlgorithms()) {
      const std::string stop =
          !info.iterative ? "one pass"
          : info.default_tolerance > 0
              ? fmt::format("up to {} iterations, tolerance {:g}", info.default_max_iterations,
                            info.default_tolerance)
              : fmt::format("{} iterations", info.default_max_iterations);
      fmt::print("{:<18} {} [{}]\n", info.name, info.summary, stop);
    }
  });
}

}  // namespace credence::cli
