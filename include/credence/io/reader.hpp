#pragma once
/// Reading datasets: the native JSON Lines format and the two CSV imports (docs/format.md).

#include <string>
#include <string_view>

#include "credence/core/dataset.hpp"

namespace credence::io {

enum class InputFormat { kAuto, kJsonl, kStancesCsv, kTriplesCsv };

/// Parses "auto", "jsonl", "stances", "triples". @throws InvalidArgumentError otherwise.
InputFormat ParseInputFormat(std::string_view name);

/// The format a path's extension implies: .jsonl/.ndjson/.json -> JSON Lines, .triples.csv ->
/// triples, other .csv -> stances. @throws InvalidArgumentError for any other extension.
InputFormat DetectFormat(std::string_view path);

/// Reads and checks a dataset file. Time and memory: O(file size).
/// @throws DataError listing every problem (file missing or unreadable, bad records, ...).
/// `threads` (0: all cores) > 1 lets the CSV readers read rows on a second thread while the
/// first resolves them; the result is the same for any value.
Dataset ReadDataset(const std::string& path, InputFormat format = InputFormat::kAuto,
                    int threads = 1);

/// Parses a whole file's content. `path` is used in messages only.
/// @throws DataError listing every problem found.
Dataset ParseJsonl(std::string_view content, const std::string& path);
Dataset ParseStancesCsv(std::string_view content, const std::string& path, int threads = 1);
Dataset ParseTriplesCsv(std::string_view content, const std::string& path, int threads = 1);

}  // namespace credence::io
