#pragma once
/// Renders analyses and explanations as a readable table, JSON or CSV. Numbers are printed with
/// fixed precision and rows in a deterministic order, so output is stable across runs.

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "credence/session.hpp"

namespace credence::report {

enum class OutputFormat { kTable, kJson, kCsv };

/// Parses "table", "json", "csv". @throws InvalidArgumentError otherwise.
OutputFormat ParseOutputFormat(std::string_view name);

/// The conflict report: ranked claims (the first `top`; 0 means all), then source trust.
void WriteAnalysis(std::ostream& out, const Session& session, OutputFormat format, std::size_t top);

/// Every stance on a claim and what it did to the belief.
void WriteExplanation(std::ostream& out, const Session& session,
                      const scoring::Explanation& explanation, OutputFormat format);

/// How a stance reached the reader: "via NBC News, in The Moscow Times (report mt-...)".
std::string ChainText(const Dataset& data, const Stance& stance);

}  // namespace credence::report
