// The import registry (kinds, argument checks, file reading) and the helpers every importer
// shares: bookkeeping, splitting and escaping.

#include "credence/io/importers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "credence/core/error.hpp"
#include "credence/text/csv.hpp"
#include "credence/text/file.hpp"
#include "credence/text/json.hpp"
#include "credence/text/utf8.hpp"
#include "import_internal.hpp"

namespace credence::io {
namespace {

constexpr std::size_t kAny = std::numeric_limits<std::size_t>::max();

const std::vector<ImportKindInfo> kKinds = {
    {ImportKind::kEmergent, "emergent", "emergent-train.csv", 1, 1, ".jsonl", "claim,truth",
     "outlets (the source domains) take stances on claims: for/against/observing; each article "
     "a report",
     "credence import emergent ../shared/datasets/emergent/emergent-train.csv -o emergent.jsonl "
     "--gold emergent.gold.csv"},
    {ImportKind::kBook, "book", "book.txt [book_golden.txt]", 1, 2, ".triples.csv", "object,value",
     "stores assert author lists per ISBN; authors normalised to sorted last names",
     "credence import book ../shared/datasets/book/book.txt "
     "../shared/datasets/book/book_golden.txt -o book.triples.csv --gold book.gold.csv"},
    {ImportKind::kFlights, "flights", "dirty.csv [clean.csv]", 1, 2, ".triples.csv", "object,value",
     "web sources assert flight times per flight/attribute; times normalised to 24-hour HH:MM",
     "credence import flights ../shared/datasets/flights/dirty.csv "
     "../shared/datasets/flights/clean.csv -o flights.triples.csv --gold flights.gold.csv"},
    {ImportKind::kPopulation, "population", "population-new.txt [population-gd.txt]", 1, 2,
     ".triples.csv", "object,value,tolerance",
     "Wikipedia editors assert city populations per city_year; gold compared within 1%",
     "credence import population ../shared/datasets/population/population-new.txt "
     "../shared/datasets/population/population-gd.txt -o population.triples.csv "
     "--gold population.gold.csv"},
    {ImportKind::kRumourEval, "rumoureval", "rumoureval2017-train-dev.tsv VERACITY.json...", 2,
     kAny, ".jsonl", "claim,truth",
     "Twitter users support/deny/query/comment on each thread's rumour; the veracity files "
     "choose the threads (train, dev or both)",
     "credence import rumoureval ../shared/datasets/rumoureval2017/rumoureval2017-train-dev.tsv "
     "../shared/datasets/rumoureval2017/train-veracity.json "
     "../shared/datasets/rumoureval2017/dev-veracity.json -o rumoureval.jsonl "
     "--gold rumoureval.gold.csv"},
    {ImportKind::kLiar, "liar", "train.tsv valid.tsv", 2, 2, ".jsonl", "claim,truth",
     "VALID statements are claims asserted by their speakers; speaker priors from TRAIN only",
     "credence import liar ../shared/datasets/liar/train.tsv ../shared/datasets/liar/valid.tsv "
     "-o liar.jsonl --gold liar.gold.csv"},
};

// @throws InvalidArgumentError unless `count` is in the kind's range of inputs.
void CheckInputCount(const ImportKindInfo& info, std::size_t count) {
  if (count >= info.min_inputs && count <= info.max_inputs) return;
  const std::string range = info.max_inputs == kAny ? fmt::format("at least {}", info.min_inputs)
                            : info.min_inputs == info.max_inputs
                                ? fmt::format("{}", info.min_inputs)
                                : fmt::format("{} or {}", info.min_inputs, info.max_inputs);
  throw InvalidArgumentError(fmt::format("import {} takes {} input file(s) ({}), got {}", info.name,
                                         range, info.inputs, count));
}

}  // namespace

const std::vector<ImportKindInfo>& AllImportKinds() { return kKinds; }

const ImportKindInfo& GetImportKindInfo(ImportKind kind) {
  return kKinds[static_cast<std::size_t>(kind)];
}

ImportKind ParseImportKind(std::string_view name) {
  for (const auto& info : kKinds) {
    if (info.name == name) return info.kind;
  }
  throw InvalidArgumentError(fmt::format(
      "import kind must be emergent, book, flights, population, rumoureval or liar, got '{}'",
      name));
}

ImportResult Import(ImportKind kind, const std::vector<ImportInput>& inputs) {
  const auto& info = GetImportKindInfo(kind);
  CheckInputCount(info, inputs.size());
  ImportResult result;
  switch (kind) {
    case ImportKind::kEmergent:
      result = importer::ImportEmergent(inputs);
      break;
    case ImportKind::kBook:
      result = importer::ImportBook(inputs);
      break;
    case ImportKind::kFlights:
      result = importer::ImportFlights(inputs);
      break;
    case ImportKind::kPopulation:
      result = importer::ImportPopulation(inputs);
      break;
    case ImportKind::kRumourEval:
      result = importer::ImportRumourEval(inputs);
      break;
    case ImportKind::kLiar:
      result = importer::ImportLiar(inputs);
      break;
  }
  result.extension = std::string(info.extension);
  return result;
}

ImportResult ImportFiles(ImportKind kind, const std::vector<std::string>& paths) {
  CheckInputCount(GetImportKindInfo(kind), paths.size());
  std::vector<ImportInput> inputs;
  inputs.reserve(paths.size());
  for (const auto& path : paths)
    inputs.push_back({path, text::ReadWholeFile(path, "an input file")});
  return Import(kind, inputs);
}

namespace importer {

void ImportLog::Problem(const std::string& file, long line, std::string field,
                        std::string message) {
  if (TooManyProblems()) return;
  problems_.push_back(Diagnostic{file, line, std::move(field), std::move(message)});
}

void ImportLog::Skip(std::string_view reason, const std::string& file, long line) {
  for (auto& s : stats_->skipped) {
    if (s.reason == reason) {
      ++s.count;
      return;
    }
  }
  stats_->skipped.push_back({std::string(reason), 1, fmt::format("{}:{}", file, line)});
}

void ImportLog::ThrowIfProblems() const {
  if (!problems_.empty()) throw DataError(problems_);
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t pos = 0;
  while (true) {
    const std::size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(pos));
      return fields;
    }
    fields.push_back(line.substr(pos, tab - pos));
    pos = tab + 1;
  }
}

bool FindColumns(const std::vector<std::string>& header, const std::vector<std::string>& names,
                 const std::string& file, ImportLog* log, std::map<std::string, int>* columns) {
  bool ok = true;
  for (const auto& name : names) {
    int found = -1;
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (TrimCell(header[i]) == name) {
        found = static_cast<int>(i);
        break;
      }
    }
    if (found < 0) {
      log->Problem(file, 1, name, "missing column in the header row");
      ok = false;
    }
    (*columns)[name] = found;
  }
  return ok;
}

CsvTable ReadCsvHeader(text::CsvRecords* rows, const std::vector<std::string>& names,
                       const std::string& path, ImportLog* log) {
  CsvTable table;
  std::vector<std::string> fields;
  std::string error;
  long line = 0;
  if (!rows->Next(&fields, &line, &error) || !error.empty()) {
    log->Problem(path, 1, "", error.empty() ? "no header row: the file is empty" : error);
    return table;
  }
  table.width = fields.size();
  table.ok = FindColumns(fields, names, path, log, &table.col);
  return table;
}

void AddTruthGold(std::string_view claim, bool truth, ImportResult* result) {
  result->gold += CsvField(claim);
  result->gold += truth ? ",true\n" : ",false\n";
  ++result->stats.gold_items;
  if (truth) ++result->stats.gold_true;
}

std::string_view Translate(
    std::string_view word,
    std::initializer_list<std::pair<std::string_view, std::string_view>> table) {
  for (const auto& [from, to] : table) {
    if (word == from) return to;
  }
  return {};
}

std::string_view FileName(std::string_view path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool CheckIdCell(std::string_view id, const std::string& file, long line, std::string_view field,
                 ImportLog* log) {
  const std::string_view problem = text::IdProblem(id);
  if (!problem.empty()) log->Problem(file, line, std::string(field), std::string(problem));
  return problem.empty();
}

TriplesWriter::TriplesWriter() : text_("source,object,value\n") {}

bool TriplesWriter::Add(std::string_view source, std::string_view object, std::string_view value,
                        const std::string& file, long line, ImportLog* log) {
  std::string key;
  key.reserve(source.size() + object.size() + value.size() + 2);
  key.append(source).append(1, '\0').append(object).append(1, '\0').append(value);
  if (!seen_.insert(std::move(key)).second) {
    log->Skip("duplicate assertion (same source, object and value)", file, line);
    return false;
  }
  text_ += CsvField(source);
  text_ += ',';
  text_ += CsvField(object);
  text_ += ',';
  text_ += CsvField(value);
  text_ += '\n';
  ++rows_;
  sources_.emplace(source);
  auto& values = values_[std::string(object)];
  bool known = false;
  for (const auto& v : values) known = known || v == value;
  if (!known) {
    values.emplace_back(value);
    ++claims_;
  }
  return true;
}

void TriplesWriter::FillStats(ImportStats* stats) const {
  stats->sources = sources_.size();
  stats->claims = claims_;
  stats->objects = values_.size();
  stats->stances = rows_;
}

const std::vector<std::string>& TriplesWriter::Values(const std::string& object) const {
  static const std::vector<std::string> kEmpty;
  const auto it = values_.find(object);
  return it == values_.end() ? kEmpty : it->second;
}

void WriteTriplesGold(const GoldValues& gold, const TriplesWriter& triples,
                      const std::string& gold_path, std::string_view header, std::string_view extra,
                      std::string_view skip_reason, ImportLog* log, ImportResult* result,
                      bool (*covered)(const std::vector<std::string>& values,
                                      const std::string& value)) {
  result->gold = header;
  for (const auto& [object, entry] : gold) {
    const auto& values = triples.Values(object);
    if (values.empty()) {
      log->Skip(skip_reason, gold_path, entry.second);
      continue;
    }
    result->gold += CsvField(object);
    result->gold += ',';
    result->gold += CsvField(entry.first);
    result->gold += extra;
    result->gold += '\n';
    ++result->stats.gold_items;
    const bool hit = covered != nullptr
                         ? covered(values, entry.first)
                         : std::find(values.begin(), values.end(), entry.first) != values.end();
    if (hit) ++result->stats.gold_covered;
  }
}

void FinishTriples(const ImportLog& log, TriplesWriter* triples, ImportResult* result) {
  log.ThrowIfProblems();
  triples->FillStats(&result->stats);
  result->dataset = triples->Take();
}

}  // namespace importer
}  // namespace credence::io
