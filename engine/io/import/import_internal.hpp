#pragma once
// Helpers shared by the benchmark importers: problem and skip bookkeeping, TSV splitting, header
// columns, the id check and triples output. Not installed.

#include <fmt/format.h>

#include <cstddef>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/io/importers.hpp"
#include "credence/text/csv.hpp"
#include "credence/text/file.hpp"
#include "credence/text/id.hpp"
#include "credence/text/json.hpp"
#include "credence/text/strings.hpp"
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

// A cell without the spaces, tabs and line breaks around it.
inline std::string_view TrimCell(std::string_view s) { return text::Trim(s, text::kWhitespace); }

// Splits a line on tabs; no quoting (the TSV files of the benchmarks quote nothing and hold
// stray '"' characters).
std::vector<std::string_view> SplitTabs(std::string_view line);

// Calls fn(line, fields) for each line of a headerless TSV input that is not blank, counting
// them into stats->rows_read, until there are too many problems. A line of other than `width`
// fields is a problem instead: "expected WIDTH tab-separated fields (COLUMNS), got N" (without
// the parenthesis when `columns` is empty).
template <typename Fn>
void ForEachTsvRow(const ImportInput& input, std::size_t width, std::string_view columns,
                   ImportLog* log, ImportStats* stats, Fn&& fn) {
  text::ForEachLine(input.content, [&](long line, std::string_view text) {
    if (TrimCell(text).empty()) return true;
    ++stats->rows_read;
    const std::vector<std::string_view> fields = SplitTabs(text);
    if (fields.size() == width) {
      fn(line, fields);
    } else if (columns.empty()) {
      log->Problem(input.path, line, "",
                   fmt::format("expected {} tab-separated fields, got {}", width, fields.size()));
    } else {
      log->Problem(input.path, line, "",
                   fmt::format("expected {} tab-separated fields ({}), got {}", width, columns,
                               fields.size()));
    }
    return !log->TooManyProblems();
  });
}

// Maps header names to column indices. Required names that are missing are recorded as problems
// at line 1 of `file`; returns false then. Names are compared exactly.
bool FindColumns(const std::vector<std::string>& header, const std::vector<std::string>& names,
                 const std::string& file, ImportLog* log, std::map<std::string, int>* columns);

// The last component of a path: provenance comments name the file, not where it was.
std::string_view FileName(std::string_view path);

// The word `table` pairs with `word` (a benchmark's stance word and the polarity it stands for:
// "supports", "denies" or "neutral"), or an empty view when the table has no such word.
std::string_view Translate(
    std::string_view word,
    std::initializer_list<std::pair<std::string_view, std::string_view>> table);

// Whether `id`, a cell that becomes an id of the dataset written, is one the dataset readers
// accept (text::IdProblem); if not, records "FILE:LINE: field 'FIELD': must not ..." and
// returns false.
bool CheckIdCell(std::string_view id, const std::string& file, long line, std::string_view field,
                 ImportLog* log);

// The header of a CSV input: where each named column is and how many fields a row has.
struct CsvTable {
  std::map<std::string, int> col;
  std::size_t width = 0;
  bool ok = false;  // the header was read and has every column named
  // The trimmed cell of a row in the column `name` (one of those the header was read for).
  std::string_view Cell(const std::vector<std::string>& fields, const std::string& name) const {
    return TrimCell(fields[static_cast<std::size_t>(col.at(name))]);
  }
};

// Reads the header row of a CSV input and finds the columns `names` in it (FindColumns). An
// empty file or a syntax error is a problem at line 1.
CsvTable ReadCsvHeader(text::CsvRecords* rows, const std::vector<std::string>& names,
                       const std::string& path, ImportLog* log);

// Calls fn(line, fields) for each data row of a CSV input after its header, until there are too
// many problems. Blank lines are skipped; a syntax error, or a row whose width is not the
// header's, is recorded as a problem. Rows other than blank lines and syntax errors are counted
// into stats->rows_read when `stats` is given.
template <typename Fn>
void ForEachCsvRow(text::CsvRecords* rows, const CsvTable& table, const std::string& path,
                   ImportLog* log, ImportStats* stats, Fn&& fn) {
  std::vector<std::string> fields;
  std::string error;
  long line = 0;
  while (!log->TooManyProblems() && rows->Next(&fields, &line, &error)) {
    if (!error.empty()) {
      log->Problem(path, line, "", error);
      continue;
    }
    if (fields.size() == 1 && TrimCell(fields[0]).empty()) continue;  // a blank line
    if (stats != nullptr) ++stats->rows_read;
    if (fields.size() != table.width) {
      log->Problem(
          path, line, "",
          fmt::format("expected {} fields as in the header, got {}", table.width, fields.size()));
      continue;
    }
    fn(line, fields);
  }
}

// Appends the claim,truth gold row of `claim` to result->gold and counts it (gold_items,
// gold_true).
void AddTruthGold(std::string_view claim, bool truth, ImportResult* result);

// A CSV field: quoted when it holds ',', '"', a line break or leading or trailing space.
inline std::string CsvField(std::string_view s) {
  return text::CsvField(s, text::CsvEdgeSpaces::kQuote);
}
// Numbers in the records written (priors in (0, 1), counts): up to 6 significant digits.
inline constexpr int kJsonDigits = 6;

// Gold values read from a benchmark's truth file: object -> (value, line of the truth file).
using GoldValues = std::map<std::string, std::pair<std::string, long>>;

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

// Writes result->gold: `header`, then in object order "OBJECT,VALUE" followed by `extra` for each
// object of `gold` the data asserts a value for; the others are skipped for `skip_reason` (at
// their line of `gold_path`). Counts gold_items, and gold_covered where covered(the values
// asserted, the gold value) holds (by default: the gold value is among them).
void WriteTriplesGold(const GoldValues& gold, const TriplesWriter& triples,
                      const std::string& gold_path, std::string_view header, std::string_view extra,
                      std::string_view skip_reason, ImportLog* log, ImportResult* result,
                      bool (*covered)(const std::vector<std::string>& values,
                                      const std::string& value) = nullptr);

// Throws the problems recorded, if any; else moves the triples and their counts into `result`.
void FinishTriples(const ImportLog& log, TriplesWriter* triples, ImportResult* result);

}  // namespace credence::io::importer
