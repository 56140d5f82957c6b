#pragma once
// Shared pieces of the credence subcommands: common options, output, exit codes.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "credence/report/model.hpp"
#include "credence/session.hpp"

namespace credence::cli {

inline constexpr int kExitUsage = 1;
inline constexpr int kExitData = 2;
inline constexpr int kExitInternal = 3;

/// A bad command line found after parsing (exit code 1).
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The result could not be written (a full disk, a closed or broken standard output): exit
/// code 3, with the stream and the system's reason in the message.
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Prints a diagnostic line on standard error and ignores a failure to do so: a message about a
/// problem must never become a second one (abort) when standard error is closed or full.
template <typename... T>
void Note(fmt::format_string<T...> format, T&&... args) noexcept {
  try {
    const std::string text = fmt::format(format, std::forward<T>(args)...);
    (void)std::fwrite(text.data(), 1, text.size(), stderr);
  } catch (...) {  // NOLINT(bugprone-empty-catch): nothing to report it on
  }
}

/// Flushes standard output. @throws OutputError naming the reason when anything written to it
/// was lost (a full disk, a closed descriptor, a broken pipe).
void FlushStandardOutput();

struct CommonArgs {
  std::string file;
  std::string input_format = "auto";
  std::string format = "table";
  std::string output;
  std::string algorithm = "credence";
  int threads = 0;
  std::optional<int> max_iterations;  ///< --max-iterations; unset: the algorithm's default.
  std::optional<double> tolerance;    ///< --tolerance (0 counts); unset: the algorithm's default.
  std::uint64_t seed = 42;
  std::optional<double> base_rate;  ///< --base-rate: fixes the base rate (else it is learned).
  std::string labels;               ///< --labels GOLD: claims of known truth, clamped during EM.
  std::string params_file;          ///< --params PARAMS.json: applied before --param.
  std::vector<std::string> params;  ///< --param NAME=VALUE, applied in order.
  bool quiet = false;               ///< --quiet: no progress display.
  std::string as_of;                ///< --as-of DATE: only what is dated on or before counts.
  double half_life = 0.0;           ///< --half-life DAYS: evidence weighs 2^(-age/DAYS); 0: off.
};

/// Adds --as-of and --half-life to a command.
void AddTimeOptions(CLI::App* cmd, CommonArgs& args);
/// The time options from --as-of and --half-life. An --as-of date (or month, or year) means its
/// last instant: everything dated that day counts.
/// @throws UsageError for a date that is not ISO 8601.
graph::TimeOptions TimeOptionsFromArgs(const CommonArgs& args);

/// Applies --param NAME=VALUE settings to the default model's options.
/// @throws UsageError for a malformed setting, InvalidArgumentError for an unknown name.
void ApplyModelParams(const std::vector<std::string>& params, scoring::ModelOptions* model);
/// Adds --params and --param to a command.
void AddParamOption(CLI::App* cmd, CommonArgs& args);
/// The default model's options from the parsed arguments, in this order: the defaults, the
/// --params file, --param settings, --base-rate (so that command-line flags win), --threads.
/// @throws DataError for a bad --params file (exit 2), UsageError or InvalidArgumentError for
/// a bad --param or --base-rate.
scoring::ModelOptions ModelOptionsFromArgs(const CommonArgs& args);

/// FILE and --input-format.
void AddInputOptions(CLI::App* cmd, CommonArgs& args);
/// --format (one of `formats`, described by `format_help`), -o, --threads, --algorithm,
/// --max-iterations, --tolerance, --seed, --base-rate, --labels, --param, --quiet, --as-of,
/// --half-life.
void AddScoringOptions(
    CLI::App* cmd, CommonArgs& args,
    const std::vector<std::string>& formats = {"table", "json", "csv"},
    const std::string& format_help = "Output: table (for people), json or csv (for scripts)");
/// Whether two paths name one existing file (same device and inode). O(1) system calls.
bool SameFile(const std::string& a, const std::string& b);
/// Session options from the parsed arguments.
/// @throws UsageError when -o names the input file (under any spelling).
SessionOptions ToSessionOptions(const CommonArgs& args);
/// The report model of the session's analysis, with the explanations `options` asks for.
report::ReportModel BuildReport(const Session& session, const report::ReportOptions& options);
/// Writes to -o FILE atomically (temporary file renamed into place) or to standard output.
void Emit(const std::string& output, const std::string& text);

// Each subcommand registers itself; its callback runs when it is parsed.
void AddAnalyzeCommands(CLI::App& app);  // analyze, explain, validate, algorithms
void AddImportCommand(CLI::App& app);    // import
void AddEvalCommand(CLI::App& app);      // eval
void AddFitCommand(CLI::App& app);       // fit
void AddGenerateCommand(CLI::App& app);  // generate
void AddReportCommands(CLI::App& app);   // report, graph
void AddTimelineCommand(CLI::App& app);  // timeline

}  // namespace credence::cli
