// credence import population: Wikipedia city populations (Pasternack & Roth, COLING 2010), as
// preprocessed for truth discovery, as triples (editor, city_year, population) and the true
// populations as object,value,tolerance gold (docs/importers.md).

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "credence/core/error.hpp"
#include "import_internal.hpp"

namespace credence::io::importer {
namespace {

// Gold values within 1% of the true population count as right: census figures are revised
// (a city's 2000 count differs by a few people between releases) and editors round; 1% keeps
// two different estimates of a growing city apart. docs/importers.md gives the measured effect.
constexpr double kTolerance = 0.01;
constexpr const char* kToleranceText = "0.01";

// "0478403" -> "478403"; nullopt unless the text is digits only. Any length is kept: the data
// holds vandalism such as 6597896664321206405, which is a claim like any other.
std::optional<std::string> CanonicalCount(std::string_view text) {
  text = Trim(text);
  if (text.empty() ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const std::size_t first = text.find_first_not_of('0');
  return first == std::string_view::npos ? std::string("0") : std::string(text.substr(first));
}

}  // namespace

ImportResult ImportPopulation(const std::vector<ImportInput>& inputs) {
  ImportResult result;
  ImportLog log(&result.stats);
  TriplesWriter triples;
  const ImportInput& data = inputs[0];
  bool escaped = false;
  text::ForEachLine(data.content, [&](long line, std::string_view text) {
    if (Trim(text).empty()) return true;
    ++result.stats.rows_read;
    const auto f = SplitTabs(text);
    if (f.size() != 4) {
      log.Problem(data.path, line, "",
                  fmt::format("expected 4 tab-separated fields (city_year, editor, population, "
                              "year), got {}",
                              f.size()));
      return !log.TooManyProblems();
    }
    const std::string object = EscapeInvalidUtf8(Trim(f[0]));
    const std::string editor = EscapeInvalidUtf8(CollapseSpaces(f[1]));
    escaped = escaped || !IsValidUtf8(f[0]) || !IsValidUtf8(f[1]);
    const auto value = CanonicalCount(f[2]);
    if (object.empty() || editor.empty()) {
      log.Problem(data.path, line, object.empty() ? "city_year" : "editor", "must not be empty");
    } else if (!CheckIdCell(object, data.path, line, "city_year", &log) ||
               !CheckIdCell(editor, data.path, line, "editor", &log)) {
      // recorded
    } else if (!value) {
      log.Problem(data.path, line, "population",
                  fmt::format("expected a whole number, got '{}'", EscapeInvalidUtf8(f[2])));
    } else {
      triples.Add(editor, object, *value, data.path, line, &log);
    }
    return !log.TooManyProblems();
  });
  if (result.stats.rows_read == 0 && !log.HasProblems()) {
    log.Problem(data.path, 0, "", "no records: the file is empty");
  }
  if (escaped) {
    result.stats.notes.emplace_back(
        "bytes that are not valid UTF-8 in city names and editors are written as \\xHH");
  }

  if (inputs.size() > 1) {
    const ImportInput& gold = inputs[1];
    std::map<std::string, std::pair<std::string, long>> golden;  // city_year -> (count, line)
    text::ForEachLine(gold.content, [&](long line, std::string_view text) {
      if (Trim(text).empty()) return true;
      // "cleveland, ohio, 2000, 478403": the city name holds commas, so split from the right.
      const std::size_t last = text.rfind(',');
      const std::size_t year_start = last == std::string_view::npos || last == 0
                                         ? std::string_view::npos
                                         : text.rfind(',', last - 1);
      if (year_start == std::string_view::npos) {
        log.Problem(gold.path, line, "", "expected 'city, year, population'");
        return !log.TooManyProblems();
      }
      const std::string_view city = Trim(text.substr(0, year_start));
      const std::string_view year = Trim(text.substr(year_start + 1, last - year_start - 1));
      const auto value = CanonicalCount(text.substr(last + 1));
      if (city.empty() || !CanonicalCount(year) || !value) {
        log.Problem(gold.path, line, "",
                    fmt::format("expected 'city, year, population' with a numeric year and "
                                "population, got '{}'",
                                EscapeInvalidUtf8(text)));
        return !log.TooManyProblems();
      }
      const std::string object = EscapeInvalidUtf8(city) + "_" + std::string(year);
      if (const auto [it, fresh] = golden.emplace(object, std::pair{*value, line}); !fresh) {
        log.Problem(
            gold.path, line, "",
            fmt::format("'{}' is listed twice, first at line {}", object, it->second.second));
      }
      return !log.TooManyProblems();
    });
    result.gold = "object,value,tolerance\n";
    for (const auto& [object, entry] : golden) {
      const auto& values = triples.Values(object);
      if (values.empty()) {
        log.Skip("gold city-year not in the data (left out of the gold)", gold.path, entry.second);
        continue;
      }
      result.gold += CsvField(object) + "," + entry.first + "," + kToleranceText + "\n";
      ++result.stats.gold_items;
      const double truth = std::stod(entry.first);
      for (const auto& v : values) {
        if (std::fabs(std::stod(v) - truth) <= kTolerance * std::fabs(truth)) {
          ++result.stats.gold_covered;
          break;
        }
      }
    }
  }
  log.ThrowIfProblems();
  triples.FillStats(&result.stats);
  result.dataset = triples.Take();
  return result;
}

}  // namespace credence::io::importer
