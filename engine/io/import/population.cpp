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
  text = TrimCell(text);
  if (text.empty() ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const std::size_t first = text.find_first_not_of('0');
  return first == std::string_view::npos ? std::string("0") : std::string(text.substr(first));
}

// Whether one of the values asserted is within kTolerance of the gold one.
bool WithinTolerance(const std::vector<std::string>& values, const std::string& gold) {
  const double truth = std::stod(gold);
  return std::any_of(values.begin(), values.end(), [&](const std::string& v) {
    return std::fabs(std::stod(v) - truth) <= kTolerance * std::fabs(truth);
  });
}

// Reads the true populations ("city, year, population"; the city name holds commas).
GoldValues ReadTruePopulations(const ImportInput& gold, ImportLog* log) {
  GoldValues golden;  // city_year -> (count, line)
  text::ForEachLine(gold.content, [&](long line, std::string_view text) {
    if (TrimCell(text).empty()) return true;
    // "cleveland, ohio, 2000, 478403": the city name holds commas, so split from the right.
    const std::size_t last = text.rfind(',');
    const std::size_t year_start = last == std::string_view::npos || last == 0
                                       ? std::string_view::npos
                                       : text.rfind(',', last - 1);
    if (year_start == std::string_view::npos) {
      log->Problem(gold.path, line, "", "expected 'city, year, population'");
      return !log->TooManyProblems();
    }
    const std::string_view city = TrimCell(text.substr(0, year_start));
    const std::string_view year = TrimCell(text.substr(year_start + 1, last - year_start - 1));
    const auto value = CanonicalCount(text.substr(last + 1));
    if (city.empty() || !CanonicalCount(year) || !value) {
      log->Problem(gold.path, line, "",
                   fmt::format("expected 'city, year, population' with a numeric year and "
                               "population, got '{}'",
                               text::EscapeInvalidUtf8(text)));
      return !log->TooManyProblems();
    }
    const std::string object = text::EscapeInvalidUtf8(city) + "_" + std::string(year);
    if (const auto [it, fresh] = golden.emplace(object, std::pair{*value, line}); !fresh) {
      log->Problem(
          gold.path, line, "",
          fmt::format("'{}' is listed twice, first at line {}", object, it->second.second));
    }
    return !log->TooManyProblems();
  });
  return golden;
}

}  // namespace

ImportResult ImportPopulation(const std::vector<ImportInput>& inputs) {
  ImportResult result;
  ImportLog log(&result.stats);
  TriplesWriter triples;
  const ImportInput& data = inputs[0];
  bool escaped = false;
  ForEachTsvRow(data, 4, "city_year, editor, population, year", &log, &result.stats,
                [&](long line, const std::vector<std::string_view>& f) {
                  const std::string object = text::EscapeInvalidUtf8(TrimCell(f[0]));
                  const std::string editor = text::EscapeInvalidUtf8(text::CollapseSpaces(f[1]));
                  escaped = escaped || !text::IsValidUtf8(f[0]) || !text::IsValidUtf8(f[1]);
                  const auto value = CanonicalCount(f[2]);
                  if (object.empty() || editor.empty()) {
                    log.Problem(data.path, line, object.empty() ? "city_year" : "editor",
                                "must not be empty");
                  } else if (!CheckIdCell(object, data.path, line, "city_year", &log) ||
                             !CheckIdCell(editor, data.path, line, "editor", &log)) {
                    // recorded
                  } else if (!value) {
                    log.Problem(data.path, line, "population",
                                fmt::format("expected a whole number, got '{}'",
                                            text::EscapeInvalidUtf8(f[2])));
                  } else {
                    triples.Add(editor, object, *value, data.path, line, &log);
                  }
                });
  if (result.stats.rows_read == 0 && !log.HasProblems()) {
    log.Problem(data.path, 0, "", "no records: the file is empty");
  }
  if (escaped) {
    result.stats.notes.emplace_back(
        "bytes that are not valid UTF-8 in city names and editors are written as \\xHH");
  }
  if (inputs.size() > 1) {
    WriteTriplesGold(ReadTruePopulations(inputs[1], &log), triples, inputs[1].path,
                     "object,value,tolerance\n", std::string(",") + kToleranceText,
                     "gold city-year not in the data (left out of the gold)", &log, &result,
                     WithinTolerance);
  }
  FinishTriples(log, &triples, &result);
  return result;
}

}  // namespace credence::io::importer
