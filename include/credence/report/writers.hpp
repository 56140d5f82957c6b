#pragma once
/// Prints the report model as a readable table, JSON or CSV, and one claim's explanation in the
/// same three formats. Numbers are printed with fixed precision and rows in the model's order, so
/// output is stable across runs.

#include <cstddef>
#include <ostream>
#include <string_view>

#include "credence/report/model.hpp"

namespace credence::report {

/// The formats of WriteAnalysis and WriteExplanation: a table for people, JSON or CSV for scripts.
enum class OutputFormat { kTable, kJson, kCsv };

/// Parses "table", "json", "csv". @throws InvalidArgumentError otherwise.
OutputFormat ParseOutputFormat(std::string_view name);

/// What WriteAnalysis prints in `format`: the first `top` claims and sources (0 = all), and for
/// the table the evidence of the disputed ones among them.
ReportOptions AnalysisReportOptions(OutputFormat format, std::size_t top);

/// The conflict report: the listed claims in rank order (the table also prints each disputed
/// claim's units, strongest first, when the model holds its evidence), then the listed sources.
/// Time O(listed claims + listed sources + the evidence printed).
void WriteAnalysis(std::ostream& out, const ReportModel& report, OutputFormat format);

/// Every stance on a claim and what it did to the belief, one row a stance, then the neutral
/// stances (the table also prints quotes). Time O(the claim's stances).
void WriteExplanation(std::ostream& out, const ExplainedClaim& claim, OutputFormat format);

}  // namespace credence::report
