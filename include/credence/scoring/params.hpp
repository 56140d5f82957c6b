#pragma once
/// Parameter files (PARAMS.json): the default model's parameters as JSON (docs/format.md,
/// "Parameter files"), written by `credence fit` and read by `--params` on analyze, report,
/// explain and eval.
///
///   {"format": "credence-params", "version": 1, "credence": "0.1.0",
///    "fitted_on": {"dataset": "emergent.jsonl", "gold": "emergent.gold.csv",
///                  "claims": 140, "true": 57},
///    "log_likelihood": {"before": -80.1, "after": -61.3},
///    "parameters": {"base_rate": 0.41, "learn_base_rate": 0, ...}}
///
/// "format" and "version" (kParamsVersion) say what the file is; "parameters" maps
/// ModelOptions parameter names (ModelOptions::ParameterNames) to numbers; "credence" (the
/// version that wrote it), "fitted_on" and "log_likelihood" are informational. A file may give
/// any subset of the parameters: the others keep their values.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

#include "credence/scoring/model.hpp"

namespace credence::scoring {

/// The "format" value of a parameter file.
inline constexpr std::string_view kParamsFormat = "credence-params";
/// The parameter-file version this build writes and reads. It changes when the meaning of a
/// parameter changes; a file of another version is rejected.
inline constexpr int kParamsVersion = 1;

/// Where fitted parameters came from ("fitted_on" and "log_likelihood" of a parameter file).
struct FitRecord {
  std::string dataset;                 ///< The data file they were fitted on, as given.
  std::string gold;                    ///< The gold file of its labelled claims, as given.
  std::size_t claims = 0;              ///< Labelled claims.
  std::size_t true_claims = 0;         ///< Of which labelled true ("true").
  double log_likelihood_before = 0.0;  ///< Log-likelihood of the labels under the start values.
  double log_likelihood_after = 0.0;   ///< The same under the fitted values.
};

/// Writes a parameter file: every parameter of `options` in ModelOptions::ParameterNames()
/// order, each as the shortest text that reads back to the same double, and `fitted` unless
/// nullptr. Deterministic: the same arguments give the same bytes (no date). O(parameters).
void WriteParams(std::ostream& out, const ModelOptions& options, const FitRecord* fitted);

/// Reads the parameter file at `path` and sets its parameters in `*options` (the others keep
/// their values); `fitted`, unless nullptr, receives its record (left as it is when the file
/// has none). Nothing is changed when the file is rejected.
/// @throws DataError naming the file and the field ("FILE: field 'parameters.NAME': message")
/// of every problem: the file missing or unreadable, empty, malformed JSON (with the line and
/// byte of the first error when the parser can place it), not an object,
/// "format" missing or not "credence-params", "version" missing or not 1, an unknown top-level
/// field, "parameters" missing or not an object, an unknown parameter name (the message lists
/// the known ones), a value that is not a number (or, for max_iterations and threads, not a
/// whole number), a value out of its range (ModelOptions::Validate's, on the options with the
/// file's values set). Time O(file size).
void LoadParams(const std::string& path, ModelOptions* options, FitRecord* fitted = nullptr);

/// LoadParams on a file's content; `path` is used in messages only.
void ParseParams(std::string_view content, const std::string& path, ModelOptions* options,
                 FitRecord* fitted = nullptr);

}  // namespace credence::scoring
