#pragma once
/// Renders an evaluation (`credence eval`) as a table for people or JSON for scripts. Numbers have
/// a fixed precision and rows keep their given order, so output is stable; the scoring times are
/// the only volatile part and can be left out.

#include <ostream>
#include <string>
#include <vector>

#include "credence/eval/gold.hpp"
#include "credence/eval/metrics_row.hpp"

namespace credence::report {

/// What an evaluation printed: its inputs and one row an algorithm or baseline.
struct EvalReport {
  std::string dataset;  ///< Path of the dataset, as given.
  std::string gold;     ///< Path of the gold file, as given.
  eval::GoldKind kind = eval::GoldKind::kClaim;
  std::vector<eval::Metrics> rows;  ///< From eval::EvaluateAlgorithms.
};

/// One line a row: accuracy (correct/items), P/R/F1 with false as the positive class, Brier, ECE,
/// trust rho (sources used), iterations, converged and, if `show_time`, seconds; an error row
/// shows its message instead. Undefined numbers print as "-". Time O(rows).
void WriteEvalTable(std::ostream& out, const EvalReport& report, bool show_time);

/// {"dataset":..,"gold":..,"gold_kind":"claim"|"object","gold_items":..,"missing":..,
///  "scored_claims":..,"results":[{"algorithm":..,"baseline":..,"accuracy":..,...}]}: every
/// Metrics field by its name (trust_rho as "trust_spearman"), undefined numbers as null, an
/// error row as {"algorithm":..,"error":..}; "seconds" only if `show_time`. Time O(rows).
void WriteEvalJson(std::ostream& out, const EvalReport& report, bool show_time);

}  // namespace credence::report
