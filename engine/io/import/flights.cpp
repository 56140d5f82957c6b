// credence import flights: the Deep-Web flight data (Li, Dong, Lyons, Meng & Srivastava, VLDB
// 2012), as shipped with Raha, as triples (source, flight/attribute, HH:MM) and the clean table as
// object,value gold (docs/importers.md).

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "credence/core/error.hpp"
#include "import_internal.hpp"

namespace credence::io {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithNoCase(std::string_view s, std::size_t i, std::string_view prefix) {
  if (s.size() - i < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (Lower(s[i + k]) != prefix[k]) return false;
  }
  return true;
}

enum class Meridiem : std::uint8_t { kNone, kAm, kPm, kNoon };

// Reads the a.m./p.m. marker that may follow a time at `i` (after optional spaces): "a.m.",
// "a.m", "am", "a" (not followed by a lower-case letter, so "aDec 1" is a.m. but "Arrived" is
// not), the same with p, and "noon".
Meridiem ReadMeridiem(std::string_view s, std::size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size()) return Meridiem::kNone;
  if (StartsWithNoCase(s, i, "noon")) {
    return i + 4 < s.size() && IsLetter(s[i + 4]) ? Meridiem::kNone : Meridiem::kNoon;
  }
  const char c = Lower(s[i]);
  if (c != 'a' && c != 'p') return Meridiem::kNone;
  const Meridiem m = c == 'a' ? Meridiem::kAm : Meridiem::kPm;
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '.') {
    return j + 1 < s.size() && Lower(s[j + 1]) == 'm' ? m : Meridiem::kNone;
  }
  if (j < s.size() && Lower(s[j]) == 'm') {
    ++j;
    return j < s.size() && IsLetter(s[j]) ? Meridiem::kNone : m;
  }
  return j < s.size() && s[j] >= 'a' && s[j] <= 'z' ? Meridiem::kNone : m;
}

}  // namespace

std::optional<std::string> NormaliseClockTime(std::string_view text, ClockTimeStatus* status) {
  ClockTimeStatus unused;
  if (status == nullptr) status = &unused;
  *status = ClockTimeStatus::kNoTime;
  // The first H:MM or HH:MM not inside a longer number.
  for (std::size_t colon = text.find(':'); colon != std::string_view::npos;
       colon = text.find(':', colon + 1)) {
    std::size_t start = colon;
    while (start > 0 && IsDigit(text[start - 1])) --start;
    const std::size_t hour_digits = colon - start;
    if (hour_digits < 1 || hour_digits > 2) continue;
    if (colon + 2 >= text.size()) continue;
    if (!IsDigit(text[colon + 1]) || !IsDigit(text[colon + 2])) continue;
    if (colon + 3 < text.size() && IsDigit(text[colon + 3])) continue;
    int hour = 0;
    for (std::size_t k = start; k < colon; ++k) hour = hour * 10 + (text[k] - '0');
    const int minute = (text[colon + 1] - '0') * 10 + (text[colon + 2] - '0');
    const Meridiem m = ReadMeridiem(text, colon + 3);
    bool valid = minute <= 59;
    switch (m) {
      case Meridiem::kAm:
        valid = valid && hour >= 1 && hour <= 12;
        if (hour == 12) hour = 0;
        break;
      case Meridiem::kPm:
        valid = valid && hour >= 1 && hour <= 12;
        if (hour != 12) hour += 12;
        break;
      case Meridiem::kNoon:
        valid = valid && hour == 12;
        break;
      case Meridiem::kNone:
        valid = valid && hour <= 23;
        break;
    }
    *status = valid ? ClockTimeStatus::kOk : ClockTimeStatus::kInvalid;
    if (!valid) return std::nullopt;
    return fmt::format("{:02}:{:02}", hour, minute);
  }
  return std::nullopt;
}

namespace importer {
namespace {

constexpr std::array<const char*, 4> kAttributes = {"sched_dep_time", "act_dep_time",
                                                    "sched_arr_time", "act_arr_time"};

// The columns both tables must have.
std::vector<std::string> ColumnNames() {
  std::vector<std::string> names{"tuple_id", "src", "flight"};
  names.insert(names.end(), kAttributes.begin(), kAttributes.end());
  return names;
}

// Reads the cells of one dirty row as triples (source, flight/attribute, HH:MM) into `triples`,
// and its tuple's flight into `flight_of_tuple`.
void ReadDirtyRow(const CsvTable& table, const std::vector<std::string>& f, const std::string& path,
                  long line, ImportLog* log, TriplesWriter* triples,
                  std::map<std::string, std::string>* flight_of_tuple) {
  const std::string tuple(table.Cell(f, "tuple_id"));
  const std::string source = text::EscapeInvalidUtf8(table.Cell(f, "src"));
  const std::string flight = text::EscapeInvalidUtf8(table.Cell(f, "flight"));
  if (tuple.empty() || source.empty() || flight.empty()) {
    log->Problem(path, line,
                 tuple.empty()    ? "tuple_id"
                 : source.empty() ? "src"
                                  : "flight",
                 "must not be empty");
    return;
  }
  if (!CheckIdCell(source, path, line, "src", log) ||
      !CheckIdCell(flight, path, line, "flight", log)) {
    return;
  }
  if (const auto [it, fresh] = flight_of_tuple->emplace(tuple, flight); !fresh) {
    log->Problem(path, line, "tuple_id", fmt::format("duplicate tuple_id '{}'", tuple));
    return;
  }
  for (const char* attribute : kAttributes) {
    const std::string_view cell = table.Cell(f, attribute);
    if (cell.empty()) {
      log->Skip("empty cell", path, line);
      continue;
    }
    ClockTimeStatus status;
    const auto time = NormaliseClockTime(cell, &status);
    if (!time) {
      log->Skip(status == ClockTimeStatus::kNoTime
                    ? "cell without a time (\"Not Available\", \"Contact Airline\")"
                    : "cell with an impossible time",
                path, line);
      continue;
    }
    triples->Add(source, flight + "/" + attribute, *time, path, line, log);
  }
}

// Reads the clean table, row-aligned with the dirty one, into `gold` (object -> (time, line)).
void ReadClean(const ImportInput& clean, const std::string& dirty_path,
               const std::map<std::string, std::string>& flight_of_tuple, ImportLog* log,
               GoldValues* gold) {
  text::CsvRecords rows(text::StripBom(clean.content));
  const CsvTable table = ReadCsvHeader(&rows, ColumnNames(), clean.path, log);
  if (!table.ok) return;
  ForEachCsvRow(&rows, table, clean.path, log, nullptr, [&](long line, const auto& f) {
    const std::string tuple(table.Cell(f, "tuple_id"));
    const std::string flight = text::EscapeInvalidUtf8(table.Cell(f, "flight"));
    const auto it = flight_of_tuple.find(tuple);
    if (it == flight_of_tuple.end() || it->second != flight) {
      log->Problem(clean.path, line, "tuple_id",
                   fmt::format("tuple {} ({}) does not match a row of {}: the clean table must "
                               "be row-aligned with the dirty one",
                               tuple, flight, dirty_path));
      return;
    }
    for (const char* attribute : kAttributes) {
      const std::string_view cell = table.Cell(f, attribute);
      const auto time = NormaliseClockTime(cell);
      if (!time) {
        log->Problem(clean.path, line, attribute,
                     fmt::format("the clean value '{}' is not a time", cell));
        continue;
      }
      const std::string object = flight + "/" + attribute;
      const auto [g, fresh] = gold->emplace(object, std::pair{*time, line});
      if (!fresh && g->second.first != *time) {
        log->Problem(clean.path, line, attribute,
                     fmt::format("{} is {} here but {} at line {}", object, *time, g->second.first,
                                 g->second.second));
      }
    }
  });
}

}  // namespace

ImportResult ImportFlights(const std::vector<ImportInput>& inputs) {
  ImportResult result;
  ImportLog log(&result.stats);
  TriplesWriter triples;
  const ImportInput& dirty = inputs[0];
  std::map<std::string, std::string> flight_of_tuple;  // tuple_id -> flight, for the gold
  text::CsvRecords rows(text::StripBom(dirty.content));
  const CsvTable table = ReadCsvHeader(&rows, ColumnNames(), dirty.path, &log);
  if (!table.ok) log.ThrowIfProblems();
  ForEachCsvRow(&rows, table, dirty.path, &log, &result.stats, [&](long line, const auto& f) {
    ReadDirtyRow(table, f, dirty.path, line, &log, &triples, &flight_of_tuple);
  });
  if (result.stats.rows_read == 0 && !log.HasProblems()) {
    log.Problem(dirty.path, 0, "", "no records: the file has a header row but no data rows");
  }

  if (inputs.size() > 1) {
    const ImportInput& clean = inputs[1];
    GoldValues gold;  // object -> (time, line)
    ReadClean(clean, dirty.path, flight_of_tuple, &log, &gold);
    WriteTriplesGold(gold, triples, clean.path, "object,value\n", "",
                     "gold item no source gives a time for (left out of the gold)", &log, &result);
  }
  FinishTriples(log, &triples, &result);
  return result;
}

}  // namespace importer
}  // namespace credence::io
