// credence import emergent: the Emergent claims and articles (Ferreira & Vlachos, NAACL 2016) as
// native JSON Lines, and the claims' truth as claim,truth gold (docs/importers.md).

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "credence/core/error.hpp"
#include "import_internal.hpp"

namespace credence::io::importer {
namespace {

struct Article {
  std::string id;
  std::string outlet;
  std::string claim;
  std::string title;
  std::string url;
  std::string polarity;
};

struct ClaimInfo {
  std::string text;
  std::string truth;  // "true", "false" or "unknown"
  std::string file;
  long line = 0;
};

// "www.DailyMail.co.uk" -> "dailymail.co.uk": outlets are domains; case and a leading "www."
// (www1., www2., ...) name the same outlet.
std::string OutletId(std::string_view domain) {
  std::string id = text::ToLowerAscii(TrimCell(domain));
  if (id.rfind("www", 0) == 0) {
    std::size_t i = 3;
    while (i < id.size() && id[i] >= '0' && id[i] <= '9') ++i;
    if (i < id.size() && id[i] == '.' && i + 1 < id.size()) id.erase(0, i + 1);
  }
  return id;
}

// What one import reads: the articles (one stance each) and the claims they take stances on.
struct Emergent {
  std::vector<Article> articles;
  std::map<std::string, ClaimInfo> claims;
  std::map<std::string, long> article_lines;  // article id -> its row
};

// Reads one data row into `a` and the claim's truth into `truth`; false (problems recorded) when
// the row is unusable.
bool ReadArticle(const CsvTable& table, const std::vector<std::string>& fields,
                 const std::string& path, long line, ImportLog* log, Article* a,
                 std::string* truth) {
  auto get = [&](const char* name) { return text::EscapeInvalidUtf8(table.Cell(fields, name)); };
  a->id = get("articleId");
  a->claim = get("claimId");
  a->outlet = text::EscapeInvalidUtf8(OutletId(fields[table.col.at("source")]));
  a->title = get("articleHeadline");
  a->url = get("url");
  const std::string stance = get("articleHeadlineStance");
  *truth = get("claimTruth");
  bool ok = true;
  for (const auto& [name, value] :
       {std::pair{"articleId", &a->id}, {"claimId", &a->claim}, {"source", &a->outlet}}) {
    ok = CheckIdCell(*value, path, line, name, log) && ok;
  }
  a->polarity =
      Translate(stance, {{"for", "supports"}, {"against", "denies"}, {"observing", "neutral"}});
  if (a->polarity.empty()) {
    log->Problem(path, line, "articleHeadlineStance",
                 fmt::format("expected for, against or observing, got '{}'", stance));
    ok = false;
  }
  if (*truth != "true" && *truth != "false" && *truth != "unknown") {
    log->Problem(path, line, "claimTruth",
                 fmt::format("expected true, false or unknown, got '{}'", *truth));
    ok = false;
  }
  return ok;
}

// Reads the CSV's rows into `data`, recording problems.
void ReadArticles(const ImportInput& input, ImportLog* log, ImportStats* stats, Emergent* data) {
  text::CsvRecords rows(text::StripBom(input.content));
  const CsvTable table = ReadCsvHeader(&rows,
                                       {"claimId", "claimHeadline", "articleId", "articleHeadline",
                                        "articleHeadlineStance", "url", "source", "claimTruth"},
                                       input.path, log);
  if (!table.ok) log->ThrowIfProblems();
  ForEachCsvRow(&rows, table, input.path, log, stats, [&](long line, const auto& fields) {
    Article a;
    std::string truth;
    if (!ReadArticle(table, fields, input.path, line, log, &a, &truth)) return;
    if (const auto [it, fresh] = data->article_lines.emplace(a.id, line); !fresh) {
      log->Problem(input.path, line, "articleId",
                   fmt::format("duplicate article '{}', first at line {}", a.id, it->second));
      return;
    }
    const std::string text = text::EscapeInvalidUtf8(table.Cell(fields, "claimHeadline"));
    auto [it, fresh] = data->claims.emplace(a.claim, ClaimInfo{text, truth, input.path, line});
    if (!fresh && it->second.truth != truth) {
      log->Problem(input.path, line, "claimTruth",
                   fmt::format("claim '{}' is '{}' here but '{}' at line {}", a.claim, truth,
                               it->second.truth, it->second.line));
      return;
    }
    data->articles.push_back(std::move(a));
  });
  if (stats->rows_read == 0 && !log->HasProblems()) {
    log->Problem(input.path, 0, "", "no records: the file has a header row but no data rows");
  }
}

// Every id of a JSON Lines file is unique across record types.
void CheckIdClashes(const ImportInput& input, const Emergent& data,
                    const std::map<std::string, int>& outlets, ImportLog* log) {
  for (const auto& a : data.articles) {
    if (data.claims.count(a.id) != 0 || outlets.count(a.id) != 0) {
      log->Problem(input.path, data.article_lines.at(a.id), "articleId",
                   fmt::format("'{}' is also a claim or outlet id", a.id));
    }
  }
  for (const auto& [id, info] : data.claims) {
    if (outlets.count(id) != 0) {
      log->Problem(info.file, info.line, "claimId", fmt::format("'{}' is also an outlet id", id));
    }
  }
}

// The JSON Lines records: outlets, claims, reports (by id) and stances (by claim, then article:
// the order of the input rows is not carried over). Sorts data->articles.
void WriteRecords(Emergent* data, const std::map<std::string, int>& outlets, std::string* out) {
  text::JsonWriter json(out);
  for (const auto& [id, unused] : outlets) {
    json.BeginObject().Field("type", "outlet").Field("id", id).EndObject().EndLine();
  }
  for (const auto& [id, info] : data->claims) {
    json.BeginObject().Field("type", "claim").Field("id", id);
    json.Field("text", info.text.empty() ? id : info.text).EndObject().EndLine();
  }
  std::vector<Article>& articles = data->articles;
  std::sort(articles.begin(), articles.end(), [](const Article& x, const Article& y) {
    return std::tie(x.claim, x.id) < std::tie(y.claim, y.id);
  });
  std::vector<const Article*> by_id;
  for (const auto& a : articles) by_id.push_back(&a);
  std::sort(by_id.begin(), by_id.end(),
            [](const Article* x, const Article* y) { return x->id < y->id; });
  for (const Article* a : by_id) {
    json.BeginObject().Field("type", "report").Field("id", a->id).Field("outlet", a->outlet);
    json.FieldIfNotEmpty("title", a->title).FieldIfNotEmpty("url", a->url).EndObject().EndLine();
  }
  for (const auto& a : articles) {
    json.BeginObject().Field("type", "stance").Field("holder", a.outlet).Field("claim", a.claim);
    json.Field("polarity", a.polarity).Field("report", a.id).FieldIfNotEmpty("quote", a.title);
    json.EndObject().EndLine();
  }
}

}  // namespace

ImportResult ImportEmergent(const std::vector<ImportInput>& inputs) {
  const ImportInput& input = inputs[0];
  ImportResult result;
  ImportLog log(&result.stats);
  Emergent data;
  ReadArticles(input, &log, &result.stats, &data);
  std::map<std::string, int> outlets;
  for (const auto& a : data.articles) outlets.emplace(a.outlet, 0);
  CheckIdClashes(input, data, outlets, &log);
  log.ThrowIfProblems();

  result.dataset = fmt::format(
      "# Emergent (Ferreira & Vlachos, NAACL 2016), imported by `credence import emergent` from "
      "{}.\n# Outlets take stances on claims: for = supports, against = denies, observing = "
      "neutral.\n",
      FileName(input.path));
  WriteRecords(&data, outlets, &result.dataset);

  result.gold = "claim,truth\n";
  for (const auto& [id, info] : data.claims) {
    if (info.truth == "unknown") {
      log.Skip("claim whose truth is unknown (left out of the gold)", info.file, info.line);
      continue;
    }
    AddTruthGold(id, info.truth == "true", &result);
  }
  result.stats.sources = outlets.size();
  result.stats.claims = data.claims.size();
  result.stats.reports = data.articles.size();
  result.stats.stances = data.articles.size();
  return result;
}

}  // namespace credence::io::importer
