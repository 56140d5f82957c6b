#pragma once
// Helpers shared by the benchmark importers: problem and skip bookkeeping, TSV and CSV splitting,
// escaped CSV and JSON output. Not installed.

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/io/importers.hpp"
#include "credence/text/csv.hpp"
#include "credence/text/file.hpp"
#include "credence/text/json.hpp"
#include "credence/text/utf8.hpp"

namespace credence::io::importer {

// One converter per kind (engine/io/import/<kind>.cpp). Each gets the inputs in the order
// ImportKindInfo::inputs lists, their number already checked.
ImportResult ImportEmergent(const std::vector<ImportInput>& inputs);
ImportResult ImportBook(const std::vector<ImportInput>& inputs);
ImportResult ImportFlights(const std::vector<ImportInput>& inputs);
ImportResult ImportPopulation(const std::vector<ImportInput>& inputs);
ImportResult ImportRumourEval(const std::vector<ImportInput>& inputs);
ImportResult ImportLiar(const std::vector<ImportInput>& inputs);

// Collects the problems of an import (thrown together as one DataError) and counts skipped rows
// into the statistics.
class ImportLog {
 public:
  explicit ImportLog(ImportStats* stats) : stats_(stats) {}

  void Problem(const std::string& file, long line, std::string field, std::string message);
  // Past this many problems importers stop reading (matches the dataset readers).
  static constexpr std::size_t kMaxProblems = 1000;
  bool TooManyProblems() const { return problems_.size() >= kMaxProblems; }
  bool HasProblems() const { return !problems_.empty(); }

  // Counts one row (or cell) skipped for `reason`; remembers where the first one was.
  void Skip(std::string_view reason, const std::string& file, long line);

  // @throws DataError with every problem recorded, if there is any.
  void ThrowIfProblems() const;

 private:
  ImportStats* stats_;
  std::vector<Diagnostic> problems_;
};

// Splits a line on tabs; no quoting (the TSV files of the benchmarks quote nothing and hold
// stray '"' characters).
std::vector<std::string_view> SplitTabs(std::string_view line);

// Maps header names to column indices. Required names that are missing are recorded as problems
// at line 1 of `file`; returns false then. Names are compared exactly.
bool FindColumns(const std::vector<std::string>& header, const std::vector<std::string>& names,
                 const std::string& file, ImportLog* log, std::map<std::string, int>* columns);

std::string_view Trim(std::string_view s);
// The last component of a path: provenance comments name the file, not where it was.
std::string_view FileName(std::string_view path);
std::string ToLowerAscii(std::string_view s);
// Trims and replaces every run of spaces and tabs by one space.
std::string CollapseSpaces(std::string_view s);
bool IsValidUtf8(std::string_view s);
// `s` unchanged when it is valid UTF-8; otherwise every byte from 0x80 up becomes the four ASCII
// characters "\xHH" (upper-case hex), so that the result is ASCII and distinct inputs stay
// distinct.
std::string EscapeInvalidUtf8(std::string_view s);

// Whether `id`, a cell that becomes an id of the dataset written, is one the dataset readers
// accept; if not, records "FILE:LINE: field 'FIELD': must not contain control characters" and
// returns false. Call it on trimmed, non-empty cells.
bool CheckIdCell(std::string_view id, const std::string& file, long line, std::string_view field,
                 ImportLog* log);

// A CSV field: quoted when it holds ',', '"', a line break or leading or trailing space.
inline std::string CsvField(std::string_view s) {
  return text::CsvField(s, text::CsvEdgeSpaces::kQuote);
}
// Formats a number in (0, 1) or a count for JSON: up to 6 significant digits.
std::string JsonNumber(double value);

// Builds one JSON object on one line, keys in the order added.
class JsonLine {
 public:
  JsonLine& Add(std::string_view key, std::string_view value);
  // Adds the key only when the value is not empty.
  JsonLine& AddIfNotEmpty(std::string_view key, std::string_view value);
  JsonLine& AddNumber(std::string_view key, double value);
  JsonLine& AddList(std::string_view key, const std::vector<std::string>& values);
  // "{...}\n".
  std::string Finish() const { return "{" + body_ + "}\n"; }

 private:
  void Key(std::string_view key);
  std::string body_;
};

// A triples CSV under construction: the header, then one row per distinct (source, object,
// value); repeats are counted as skipped ("duplicate assertion").
class TriplesWriter {
 public:
  TriplesWriter();
  // Returns false (and counts a skip) when this exact assertion was already written.
  bool Add(std::string_view source, std::string_view object, std::string_view value,
           const std::string& file, long line, ImportLog* log);
  // Fills sources, claims, objects and stances of `stats`.
  void FillStats(ImportStats* stats) const;
  std::string Take() { return std::move(text_); }
  // The distinct values asserted for `object` (empty when none).
  const std::vector<std::string>& Values(const std::string& object) const;

 private:
  std::string text_;
  std::map<std::string, std::vector<std::string>> values_;  // object -> distinct values
  std::set<std::string> seen_;                              // "source\0object\0value"
  std::set<std::string> sources_;
  std::size_t rows_ = 0;
  std::size_t claims_ = 0;
};

}  // namespace credence::io::importer
