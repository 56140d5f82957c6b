#pragma once
/// Converters from public benchmark datasets to Credence's own formats, plus gold files
/// (docs/importers.md describes each kind; docs/format.md, "Gold files", the gold format).
///
/// An import reads the benchmark's files as they are distributed, never changes them, and returns
/// three things: the dataset text (native JSON Lines or triples CSV), the gold text (the
/// benchmark's ground truth as `claim,truth` or `object,value[,tolerance]` CSV) and statistics. The
/// library does not print and does not write files; `credence import` does both.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace credence::io {

/// The benchmark datasets an import understands.
enum class ImportKind : std::uint8_t {
  kEmergent,    ///< Emergent (Ferreira & Vlachos 2016): outlets for/against/observing claims.
  kBook,        ///< AbeBooks author lists (Yin, Han & Yu 2007): stores assert authors per ISBN.
  kFlights,     ///< Deep-Web flights (Li et al. 2012): sources assert departure/arrival times.
  kPopulation,  ///< Wikipedia city populations (Pasternack & Roth 2010): editors assert numbers.
  kRumourEval,  ///< SemEval-2017 RumourEval: Twitter users support/deny/query rumours.
  kLiar,        ///< LIAR (Wang 2017): PolitiFact statements and speakers' track records.
};

/// What an import kind reads and writes; used by the command line for its help text.
struct ImportKindInfo {
  ImportKind kind = ImportKind::kEmergent;
  std::string_view name;       ///< Command-line name, e.g. "emergent".
  std::string_view inputs;     ///< The input files in order, e.g. "book.txt [book_golden.txt]".
  std::size_t min_inputs = 1;  ///< Fewest input files accepted.
  std::size_t max_inputs = 1;  ///< Most input files accepted.
  std::string_view extension;  ///< Extension of the dataset written: ".jsonl" or ".triples.csv".
  std::string_view gold;       ///< Gold header written, e.g. "claim,truth".
  std::string_view summary;    ///< One line: what becomes what.
  std::string_view example;    ///< A full command line on the files in ../shared/datasets.
};

/// Every import kind, in the order of ImportKind. O(1).
const std::vector<ImportKindInfo>& AllImportKinds();

/// The description of one kind. O(1).
const ImportKindInfo& GetImportKindInfo(ImportKind kind);

/// Parses a kind name ("emergent", "book", "flights", "population", "rumoureval", "liar").
/// @throws InvalidArgumentError naming the allowed names and the name received.
ImportKind ParseImportKind(std::string_view name);

/// One input file: the path (used in messages and to tell inputs apart) and its whole content.
struct ImportInput {
  std::string path;
  std::string content;
};

/// Rows (or, for flights, cells) left out of the dataset or the gold for one reason.
struct SkippedRows {
  std::string reason;  ///< Why, e.g. "empty author list".
  std::size_t count = 0;
  std::string first;  ///< "FILE:LINE" of the first row skipped for this reason.
};

/// What an import read and wrote.
struct ImportStats {
  std::size_t rows_read = 0;         ///< Data rows read from every input, header rows excluded.
  std::vector<SkippedRows> skipped;  ///< By reason, in the order the reasons were first met.
  std::size_t sources = 0;           ///< Distinct sources (outlets, speakers, stores, ...).
  std::size_t claims = 0;            ///< Claims; for triples, distinct (object, value) pairs.
  std::size_t objects = 0;           ///< Triples only: distinct objects (claim groups).
  std::size_t reports = 0;           ///< Native only: report records.
  std::size_t stances = 0;           ///< Stance records, or triples rows.
  std::size_t gold_items = 0;        ///< Data rows of the gold file.
  std::size_t gold_true = 0;         ///< claim,truth gold: items that are true.
  /// object,value gold: items whose gold value is among the values asserted for the object
  /// (within the gold tolerance, when there is one): an upper bound on any method's accuracy.
  std::size_t gold_covered = 0;
  std::vector<std::string> notes;  ///< Other facts worth a line, e.g. how many priors were set.
};

/// The result of an import.
struct ImportResult {
  std::string dataset;    ///< The dataset file's text.
  std::string extension;  ///< ".jsonl" or ".triples.csv": the dataset must be saved with it.
  std::string gold;       ///< The gold file's text; empty when the inputs hold no ground truth.
  ImportStats stats;
};

/// Converts one benchmark's files, given with their contents, to a dataset and gold.
/// `inputs` are in the order GetImportKindInfo(kind).inputs lists. Deterministic: the same inputs
/// give the same bytes. Rows the benchmark is known to contain but that cannot be used (empty
/// cells, "Not Available", unverified claims, ...) are skipped and counted in `stats.skipped`.
/// Time: O(total input size · log) (sorting); memory O(total input size).
/// @throws InvalidArgumentError when the number of inputs is outside the kind's range.
/// @throws DataError with FILE:LINE diagnostics (at most 1,000) for malformed input: a header row
///         without a column the kind needs (the wrong file in that place), a row with the wrong
///         number of fields, an unknown label, a duplicate id, a gold row that cannot be parsed.
ImportResult Import(ImportKind kind, const std::vector<ImportInput>& inputs);

/// Reads the files at `paths` and calls Import.
/// @throws InvalidArgumentError when the number of paths is outside the kind's range (checked
///         before any file is read); DataError when a file cannot be read; whatever Import throws.
ImportResult ImportFiles(ImportKind kind, const std::vector<std::string>& paths);

/// The canonical form of an author list, as the book import writes values and gold: the authors'
/// last names (lower case, letters and digits only, a compound or particle surname reduced to its
/// last word), deduplicated, sorted and joined by ';'. "Knuth, Donald E.", "Donald Ervin Knuth"
/// and "KNUTH, DONALD E. (Editor)" all give "knuth"; "Jim Melton, Alan R. Simon" and
/// "Simon; Melton" give "melton;simon". HTML entities are decoded, double-encoded UTF-8 repaired
/// and accents dropped. Returns "" when no name is left (empty, "Not Available", only roles).
/// The heuristics and their limits are in docs/importers.md. Time: O(length).
std::string NormaliseAuthorList(std::string_view authors);

/// How a clock-time cell parsed.
enum class ClockTimeStatus : std::uint8_t {
  kOk,       ///< A time was found and is valid.
  kNoTime,   ///< The text holds no H:MM time ("Not Available", "Contact Airline", "").
  kInvalid,  ///< A time was found but is impossible (13:10 p.m., 24:00, 7:61).
};

/// Parses the first H:MM time in a flight-time cell to 24-hour "HH:MM": "7:10 a.m." → "07:10",
/// "6:59aDec 1" → "06:59", "12:00noon" → "12:00", "12:15 a.m. Dec 02" → "00:15", "Thu 19:10" →
/// "19:10", "1:50 p.m. (+8:00)" → "13:50". Dates and remarks around the time are ignored. Sets
/// `status` (may be null) and returns the time, or nullopt unless the status is kOk. Time:
/// O(length).
std::optional<std::string> NormaliseClockTime(std::string_view text,
                                              ClockTimeStatus* status = nullptr);

}  // namespace credence::io
