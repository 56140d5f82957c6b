#include "common.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "atomic_file.hpp"
#include "credence/io/reader.hpp"
#include "credence/scoring/params.hpp"
#include "credence/text/time.hpp"

namespace credence::cli {

void AddInputOptions(CLI::App* cmd, CommonArgs& args) {
  cmd->add_option("FILE", args.file, "Dataset: .jsonl (native), .csv (stances) or .triples.csv")
      ->required();
  cmd->add_option("--input-format", args.input_format,
                  "Force the input format: auto, jsonl, stances, triples")
      ->check(CLI::IsMember({"auto", "jsonl", "stances", "triples"}));
}

void AddScoringOptions(CLI::App* cmd, CommonArgs& args, const std::vector<std::string>& formats,
                       const std::string& format_help) {
  std::vector<std::string> names;
  for (const auto& info : scoring::AllAlgorithms()) names.emplace_back(info.name);
  cmd->add_option("--format", args.format, format_help)->check(CLI::IsMember(formats));
  cmd->add_option("-o,--output", args.output,
                  "Write to this file (atomically: a temporary file renamed into place)");
  cmd->add_option("--algorithm", args.algorithm,
                  "Scoring algorithm (default: credence; `credence algorithms` lists them)")
      ->check(CLI::IsMember(names));
  cmd->add_option("--threads", args.threads,
                  "Scoring threads; 0 = all cores. Output is identical for any count")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-iterations", args.max_iterations, "Override the algorithm's iteration cap")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--tolerance", args.tolerance, "Override the algorithm's stopping tolerance")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--seed", args.seed, "Seed of the sampling algorithms (ltm)");
  cmd->add_option("--base-rate", args.base_rate,
                  "Default model: fix the prior probability that a claim is true (otherwise 0.5, "
                  "or with --labels the labelled share of true claims); overrides --params and "
                  "--labels");
  cmd->add_option("--labels", args.labels,
                  "Default model: a gold file (claim,truth or object,value) of claims whose truth "
                  "is known; they are clamped to it while the model learns, so that they teach "
                  "every source's reliability, and their share of true claims is the base rate "
                  "(unless --base-rate is given)");
  AddParamOption(cmd, args);
  AddTimeOptions(cmd, args);
  cmd->add_flag("-q,--quiet", args.quiet,
                "No progress display (it appears on standard error, for phases longer than a "
                "second, only when standard error is a terminal)");
}

void AddParamOption(CLI::App* cmd, CommonArgs& args) {
  cmd->add_option("--params", args.params_file,
                  "Default model: read its parameters from a PARAMS.json file written by "
                  "`credence fit` (docs/format.md). Applied first: --param and --base-rate "
                  "override its values. E.g. credence fit data.jsonl --gold gold.csv -o "
                  "params.json, then credence analyze data.jsonl --params params.json");
  cmd->add_option("--param", args.params,
                  "Set a default-model parameter, NAME=VALUE (repeatable), e.g. --param "
                  "echo_factor=1; names and defaults in docs/model.md. Overrides --params");
}

void AddTimeOptions(CLI::App* cmd, CommonArgs& args) {
  cmd->add_option("--as-of", args.as_of,
                  "Only what was known on DATE counts: stances, reports and retractions dated "
                  "after it are left out (undated ones always count). ISO 8601: 2018-03-29, "
                  "2018-03-29T18:00Z, 2018-03 or 2018 (a day, month or year means all of it)");
  cmd->add_option("--half-life", args.half_life,
                  "Weigh evidence down by its age: a stance DAYS days older than the --as-of date "
                  "(else the latest date in the data) weighs half as much; undated stances keep "
                  "their weight. Off (0) by default")
      ->check(CLI::Validator(
          [](const std::string& text) -> std::string {
            double days = 0.0;
            std::size_t used = 0;
            try {
              days = std::stod(text, &used);
            } catch (const std::exception&) {
              used = 0;
            }
            if (used != text.size() || !std::isfinite(days) || days < 0.0) {
              return "a number of days >= 0 (0: off), got '" + text + "'";
            }
            return {};
          },
          "DAYS"));
}

graph::TimeOptions TimeOptionsFromArgs(const CommonArgs& args) {
  graph::TimeOptions time;
  time.half_life_days = args.half_life;
  if (args.as_of.empty()) return time;
  std::int64_t last = 0;
  std::string error;
  if (!text::ParseIsoPeriodEnd(args.as_of, &last, &error)) {
    throw UsageError(fmt::format("--as-of: bad date '{}': {}", args.as_of, error));
  }
  time.as_of = last;
  time.as_of_text = args.as_of;
  return time;
}

scoring::ModelOptions ModelOptionsFromArgs(const CommonArgs& args) {
  scoring::ModelOptions model;
  if (!args.params_file.empty()) scoring::LoadParams(args.params_file, &model);
  ApplyModelParams(args.params, &model);
  if (args.base_rate) {
    model.base_rate = *args.base_rate;
    model.learn_base_rate = 0.0;
    model.base_rate_from_labels = 0.0;
  }
  model.threads = args.threads;
  model.Validate();
  return model;
}

void ApplyModelParams(const std::vector<std::string>& params, scoring::ModelOptions* model) {
  for (const std::string& p : params) {
    const auto eq = p.find('=');
    double value = 0.0;
    std::size_t used = 0;
    bool ok = eq != std::string::npos && eq > 0;
    if (ok) {
      try {
        value = std::stod(p.substr(eq + 1), &used);
      } catch (const std::exception&) {
        ok = false;
      }
      ok = ok && used == p.size() - eq - 1;
    }
    if (!ok) throw UsageError(fmt::format("--param takes NAME=NUMBER, got '{}'", p));
    model->Set(p.substr(0, eq), value);
  }
  model->Validate();
}

// Whether two paths name one existing file (compared by device and inode, so that "x.csv",
// "./x.csv", "../d/x.csv" and a symbolic link to it are the same).
bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa {};
  struct stat sb {};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

SessionOptions ToSessionOptions(const CommonArgs& args) {
  if (!args.output.empty() && args.output != "-" && SameFile(args.file, args.output)) {
    throw UsageError(fmt::format(
        "-o '{}' is the input file: it would be overwritten; write the output elsewhere",
        args.output));
  }
  SessionOptions options;
  options.format = io::ParseInputFormat(args.input_format);
  options.algorithm = scoring::ParseAlgorithm(args.algorithm);
  options.model = ModelOptionsFromArgs(args);
  options.labels_path = args.labels;
  options.classic.threads = args.threads;
  options.classic.max_iterations = args.max_iterations;
  options.classic.tolerance = args.tolerance;
  options.classic.seed = args.seed;
  options.time = TimeOptionsFromArgs(args);
  return options;
}

report::ReportModel BuildReport(const Session& session, const report::ReportOptions& options) {
  return report::BuildReport(
      session.data(), session.analysis(),
      session.ExplainClaims(report::ClaimsToExplain(session.analysis(), options)), options,
      &session.result(), &session.findings(), &session.times());
}

void FlushStandardOutput() {
  errno = 0;
  if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
    const int error = errno;
    std::clearerr(stdout);
    throw OutputError(fmt::format("cannot write to standard output: {}",
                                  error != 0 ? std::strerror(error) : "write error"));
  }
}

void Emit(const std::string& output, const std::string& text) {
  if (output.empty() || output == "-") {
    errno = 0;
    const std::size_t written = std::fwrite(text.data(), 1, text.size(), stdout);
    if (written != text.size()) {
      const int error = errno;
      throw OutputError(fmt::format("cannot write to standard output: {}",
                                    error != 0 ? std::strerror(error) : "write error"));
    }
    FlushStandardOutput();
    return;
  }
  AtomicFile file(output);
  file.stream() << text;
  file.Commit();
}

}  // namespace credence::cli
