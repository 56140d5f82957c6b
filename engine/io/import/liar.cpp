// credence import liar: LIAR (Wang, ACL 2017) PolitiFact statements as native JSON Lines. The
// VALID statements are the claims, each asserted by its speaker; a speaker's prior trust comes
// from the labels of its TRAIN statements only (docs/importers.md).

#include <fmt/format.h>

#include <map>

#include "credence/core/error.hpp"
#include "import_internal.hpp"

namespace credence::io::importer {
namespace {

// Columns of the LIAR TSV files (liar/README); 9-13 are the speaker's credit history, which
// counts the statement's own label, and are never read.
constexpr std::size_t kColumns = 14;
constexpr std::size_t kId = 0;
constexpr std::size_t kLabel = 1;
constexpr std::size_t kStatement = 2;
constexpr std::size_t kSpeaker = 4;
constexpr std::size_t kJobTitle = 5;

// The six PolitiFact ratings, binarised: true, mostly-true and half-true count as true (the
// statement is at least half accurate); barely-true, false and pants-fire as false.
std::optional<bool> TruthOf(std::string_view label) {
  if (label == "true" || label == "mostly-true" || label == "half-true") return true;
  if (label == "barely-true" || label == "false" || label == "pants-fire") return false;
  return std::nullopt;
}

struct Row {
  std::string id;
  std::string speaker;
  std::string job;
  std::string statement;
  bool truth = false;
  long line = 0;
};

// Reads one statement into `row`: false when it is left out (a problem, or a skip).
bool ReadRow(const std::string& path, long line, const std::vector<std::string_view>& f,
             ImportLog* log, Row* row) {
  row->id = text::EscapeInvalidUtf8(TrimCell(f[kId]));
  if (row->id.size() > 5 && row->id.compare(row->id.size() - 5, 5, ".json") == 0) {
    row->id.resize(row->id.size() - 5);
  }
  row->speaker = text::EscapeInvalidUtf8(TrimCell(f[kSpeaker]));
  row->job = text::EscapeInvalidUtf8(text::CollapseSpaces(f[kJobTitle]));
  row->statement = text::EscapeInvalidUtf8(TrimCell(f[kStatement]));
  row->line = line;
  const auto truth = TruthOf(TrimCell(f[kLabel]));
  if (!CheckIdCell(row->id, path, line, "id", log) ||
      (!row->speaker.empty() && !CheckIdCell(row->speaker, path, line, "speaker", log))) {
    return false;
  }
  if (!truth) {
    log->Problem(path, line, "label",
                 fmt::format("expected true, mostly-true, half-true, barely-true, false or "
                             "pants-fire, got '{}'",
                             text::EscapeInvalidUtf8(TrimCell(f[kLabel]))));
    return false;
  }
  if (row->speaker.empty()) {
    log->Skip("statement without a speaker", path, line);
    return false;
  }
  row->truth = *truth;
  return true;
}

// Reads one LIAR TSV: tab-separated, no header, no quoting (statements hold bare '"').
std::vector<Row> ReadLiar(const ImportInput& input, ImportStats* stats, ImportLog* log) {
  std::vector<Row> rows;
  ForEachTsvRow(input, kColumns, "", log, stats,
                [&](long line, const std::vector<std::string_view>& f) {
                  Row row;
                  if (ReadRow(input.path, line, f, log, &row)) rows.push_back(std::move(row));
                });
  if (stats->rows_read == 0 && !log->HasProblems()) {
    log->Problem(input.path, 0, "", "no records: the file is empty");
  }
  return rows;
}

}  // namespace

ImportResult ImportLiar(const std::vector<ImportInput>& inputs) {
  ImportResult result;
  ImportLog log(&result.stats);
  const ImportInput& train_input = inputs[0];
  const ImportInput& valid_input = inputs[1];
  const std::vector<Row> train = ReadLiar(train_input, &result.stats, &log);
  const std::size_t train_rows = result.stats.rows_read;
  const std::vector<Row> valid = ReadLiar(valid_input, &result.stats, &log);
  if (result.stats.rows_read == train_rows && !log.HasProblems()) {
    log.Problem(valid_input.path, 0, "", "no records: the file is empty");
  }

  // Track records: statements and true-ish statements per speaker, from TRAIN only.
  std::map<std::string, std::pair<int, int>> record;  // speaker -> (statements, true)
  for (const auto& row : train) {
    auto& r = record[row.speaker];
    ++r.first;
    r.second += row.truth ? 1 : 0;
  }

  struct Speaker {
    std::string job;
  };
  std::map<std::string, Speaker> speakers;
  std::map<std::string, const Row*> claims;
  for (const auto& row : valid) {
    auto& speaker = speakers[row.speaker];
    if (speaker.job.empty()) speaker.job = row.job;
    if (const auto [it, fresh] = claims.emplace(row.id, &row); !fresh) {
      log.Problem(
          valid_input.path, row.line, "id",
          fmt::format("duplicate statement '{}', first at line {}", row.id, it->second->line));
    }
  }
  for (const auto& [id, row] : claims) {
    if (speakers.count(id) != 0) {
      log.Problem(valid_input.path, row->line, "id",
                  fmt::format("statement id '{}' is also a speaker id", id));
    }
  }
  log.ThrowIfProblems();

  std::string& out = result.dataset;
  out += fmt::format(
      "# LIAR (Wang, ACL 2017), imported by `credence import liar` from {} (claims) and {} "
      "(speaker priors only).\n# prior = (true-ish TRAIN statements + 1) / (TRAIN statements + "
      "2); prior_strength = TRAIN statements.\n",
      FileName(valid_input.path), FileName(train_input.path));
  text::JsonWriter json(&out);
  std::size_t with_prior = 0;
  for (const auto& [id, speaker] : speakers) {
    json.BeginObject()
        .Field("type", "speaker")
        .Field("id", id)
        .FieldIfNotEmpty("role", speaker.job);
    if (const auto it = record.find(id); it != record.end()) {
      const auto [n, k] = it->second;
      // Laplace's rule of succession: strictly inside (0, 1), and 1/2 with no evidence.
      json.Key("prior").Number((k + 1.0) / (n + 2.0), kJsonDigits);
      json.Key("prior_strength").Number(static_cast<double>(n), kJsonDigits);
      ++with_prior;
    }
    json.EndObject().EndLine();
  }
  for (const auto& [id, row] : claims) {
    json.BeginObject().Field("type", "claim").Field("id", id);
    json.Field("text", row->statement.empty() ? id : row->statement).EndObject().EndLine();
  }
  for (const auto& [id, row] : claims) {
    json.BeginObject().Field("type", "stance").Field("holder", row->speaker).Field("claim", id);
    json.Field("polarity", "supports").EndObject().EndLine();
  }
  result.stats.notes.push_back(fmt::format(
      "{} of {} speakers have a TRAIN track record and get a prior ({} statements in TRAIN)",
      with_prior, speakers.size(), train.size()));

  result.gold = "claim,truth\n";
  for (const auto& [id, row] : claims) {
    AddTruthGold(id, row->truth, &result);
  }
  result.stats.sources = speakers.size();
  result.stats.claims = claims.size();
  result.stats.stances = claims.size();
  return result;
}

}  // namespace credence::io::importer
