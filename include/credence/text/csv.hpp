#pragma once
/// RFC 4180 CSV: the record splitter shared by the CSV dataset reader, the importers and the
/// gold reader, and the field writer shared by every CSV output.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace credence::text {

/// Splits RFC 4180 CSV into records. Quoted fields may hold commas, quotes ("") and newlines.
/// The text is taken as it is: strip a byte-order mark first (StripBom).
class CsvRecords {
 public:
  /// How spaces and tabs next to the quotes of a quoted field are taken.
  enum class Spaces {
    kStrict,        // part of the field before the opening quote; an error after the closing one
    kAroundQuotes,  // ignored before the opening quote and after the closing one
  };

  explicit CsvRecords(std::string_view text, Spaces spaces = Spaces::kStrict)
      : text_(text), spaces_(spaces) {}

  /// Reads the next record into `fields` and the line it starts on into `line`. Returns false at
  /// the end of the input. On a syntax error sets `error` (else clears it) and skips the rest of
  /// the line.
  bool Next(std::vector<std::string>* fields, long* line, std::string* error);

 private:
  void SkipLine();

  std::string_view text_;
  Spaces spaces_;
  std::size_t pos_ = 0;
  long line_ = 1;
};

/// Whether CsvField also quotes a field with leading or trailing spaces or tabs.
enum class CsvEdgeSpaces { kKeep, kQuote };

/// A CSV field: quoted, with '"' doubled, when it holds ',', '"' or a line break (and, with
/// CsvEdgeSpaces::kQuote, when it starts or ends with a space or tab).
std::string CsvField(std::string_view s, CsvEdgeSpaces edge_spaces = CsvEdgeSpaces::kKeep);

}  // namespace credence::text
