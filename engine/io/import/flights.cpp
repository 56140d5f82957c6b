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

struct Table {
  std::map<std::string, int> col;
  std::size_t width = 0;
  bool ok = false;
};

// Reads the header row of dirty.csv or clean.csv.
Table ReadHeader(text::CsvRecords* rows, const std::string& path, ImportLog* log) {
  Table table;
  std::vector<std::string> fields;
  std::string error;
  long line = 0;
  if (!rows->Next(&fields, &line, &error) || !error.empty()) {
    log->Problem(path, 1, "", error.empty() ? "no header row: the file is empty" : error);
    return table;
  }
  table.width = fields.size();
  std::vector<std::string> names{"tuple_id", "src", "flight"};
  names.insert(names.end(), kAttributes.begin(), kAttributes.end());
  table.ok = FindColumns(fields, names, path, log, &table.col);
  return table;
}

}  // namespace

ImportResult ImportFlights(const std::vector<ImportInput>& inputs) {
  ImportResult result;
  ImportLog log(&result.stats);
  TriplesWriter triples;
  const ImportInput& dirty = inputs[0];
  std::map<std::string, std::string> flight_of_tuple;  // tuple_id -> flight, for the gold
  text::CsvRecords rows(text::StripBom(dirty.content));
  Table table = ReadHeader(&rows, dirty.path, &log);
  if (!table.ok) log.ThrowIfProblems();
  std::vector<std::string> f;
  std::string error;
  long line = 0;
  while (!log.TooManyProblems() && rows.Next(&f, &line, &error)) {
    if (!error.empty()) {
      log.Problem(dirty.path, line, "", error);
      continue;
    }
    if (f.size() == 1 && Trim(f[0]).empty()) continue;
    ++result.stats.rows_read;
    if (f.size() != table.width) {
      log.Problem(
          dirty.path, line, "",
          fmt::format("expected {} fields as in the header, got {}", table.width, f.size()));
      continue;
    }
    const std::string tuple(Trim(f[table.col["tuple_id"]]));
    const std::string source = EscapeInvalidUtf8(Trim(f[table.col["src"]]));
    const std::string flight = EscapeInvalidUtf8(Trim(f[table.col["flight"]]));
    if (tuple.empty() || source.empty() || flight.empty()) {
      log.Problem(dirty.path, line,
                  tuple.empty()    ? "tuple_id"
                  : source.empty() ? "src"
                                   : "flight",
                  "must not be empty");
      continue;
    }
    if (!CheckIdCell(source, dirty.path, line, "src", &log) ||
        !CheckIdCell(flight, dirty.path, line, "flight", &log)) {
      continue;
    }
    if (const auto [it, fresh] = flight_of_tuple.emplace(tuple, flight); !fresh) {
      log.Problem(dirty.path, line, "tuple_id", fmt::format("duplicate tuple_id '{}'", tuple));
      continue;
    }
    for (const char* attribute : kAttributes) {
      const std::string_view cell = Trim(f[table.col[attribute]]);
      if (cell.empty()) {
        log.Skip("empty cell", dirty.path, line);
        continue;
      }
      ClockTimeStatus status;
      const auto time = NormaliseClockTime(cell, &status);
      if (!time) {
        log.Skip(status == ClockTimeStatus::kNoTime
                     ? "cell without a time (\"Not Available\", \"Contact Airline\")"
                     : "cell with an impossible time",
                 dirty.path, line);
        continue;
      }
      triples.Add(source, flight + "/" + attribute, *time, dirty.path, line, &log);
    }
  }
  if (result.stats.rows_read == 0 && !log.HasProblems()) {
    log.Problem(dirty.path, 0, "", "no records: the file has a header row but no data rows");
  }

  if (inputs.size() > 1) {
    const ImportInput& clean = inputs[1];
    std::map<std::string, std::pair<std::string, long>> gold;  // object -> (time, line)
    text::CsvRecords clean_rows(text::StripBom(clean.content));
    Table clean_table = ReadHeader(&clean_rows, clean.path, &log);
    while (clean_table.ok && !log.TooManyProblems() && clean_rows.Next(&f, &line, &error)) {
      if (!error.empty()) {
        log.Problem(clean.path, line, "", error);
        continue;
      }
      if (f.size() == 1 && Trim(f[0]).empty()) continue;
      if (f.size() != clean_table.width) {
        log.Problem(clean.path, line, "",
                    fmt::format("expected {} fields as in the header, got {}", clean_table.width,
                                f.size()));
        continue;
      }
      const std::string tuple(Trim(f[clean_table.col["tuple_id"]]));
      const std::string flight = EscapeInvalidUtf8(Trim(f[clean_table.col["flight"]]));
      const auto it = flight_of_tuple.find(tuple);
      if (it == flight_of_tuple.end() || it->second != flight) {
        log.Problem(clean.path, line, "tuple_id",
                    fmt::format("tuple {} ({}) does not match a row of {}: the clean table must "
                                "be row-aligned with the dirty one",
                                tuple, flight, dirty.path));
        continue;
      }
      for (const char* attribute : kAttributes) {
        const std::string_view cell = Trim(f[clean_table.col[attribute]]);
        const auto time = NormaliseClockTime(cell);
        if (!time) {
          log.Problem(clean.path, line, attribute,
                      fmt::format("the clean value '{}' is not a time", cell));
          continue;
        }
        const std::string object = flight + "/" + attribute;
        const auto [g, fresh] = gold.emplace(object, std::pair{*time, line});
        if (!fresh && g->second.first != *time) {
          log.Problem(clean.path, line, attribute,
                      fmt::format("{} is {} here but {} at line {}", object, *time, g->second.first,
                                  g->second.second));
        }
      }
    }
    result.gold = "object,value\n";
    for (const auto& [object, entry] : gold) {
      const auto& values = triples.Values(object);
      if (values.empty()) {
        log.Skip("gold item no source gives a time for (left out of the gold)", clean.path,
                 entry.second);
        continue;
      }
      result.gold += CsvField(object) + "," + entry.first + "\n";
      ++result.stats.gold_items;
      if (std::find(values.begin(), values.end(), entry.first) != values.end()) {
        ++result.stats.gold_covered;
      }
    }
  }
  log.ThrowIfProblems();
  triples.FillStats(&result.stats);
  result.dataset = triples.Take();
  return result;
}

}  // namespace importer
}  // namespace credence::io
