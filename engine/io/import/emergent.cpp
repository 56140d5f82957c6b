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
  std::string id = ToLowerAscii(Trim(domain));
  if (id.rfind("www", 0) == 0) {
    std::size_t i = 3;
    while (i < id.size() && id[i] >= '0' && id[i] <= '9') ++i;
    if (i < id.size() && id[i] == '.' && i + 1 < id.size()) id.erase(0, i + 1);
  }
  return id;
}

}  // namespace

ImportResult ImportEmergent(const std::vector<ImportInput>& inputs) {
  const ImportInput& input = inputs[0];
  ImportResult result;
  ImportLog log(&result.stats);
  text::CsvRecords rows(text::StripBom(input.content));
  std::vector<std::string> fields;
  std::string error;
  long line = 0;
  if (!rows.Next(&fields, &line, &error) || !error.empty()) {
    log.Problem(input.path, 1, "", error.empty() ? "no header row: the file is empty" : error);
    log.ThrowIfProblems();
  }
  const std::size_t width = fields.size();
  std::map<std::string, int> col;
  if (!FindColumns(fields,
                   {"claimId", "claimHeadline", "articleId", "articleHeadline",
                    "articleHeadlineStance", "url", "source", "claimTruth"},
                   input.path, &log, &col)) {
    log.ThrowIfProblems();
  }

  std::vector<Article> articles;
  std::map<std::string, ClaimInfo> claims;
  std::map<std::string, long> article_lines;
  while (!log.TooManyProblems() && rows.Next(&fields, &line, &error)) {
    if (!error.empty()) {
      log.Problem(input.path, line, "", error);
      continue;
    }
    if (fields.size() == 1 && Trim(fields[0]).empty()) continue;  // blank line
    ++result.stats.rows_read;
    if (fields.size() != width) {
      log.Problem(input.path, line, "",
                  fmt::format("expected {} fields as in the header, got {}", width, fields.size()));
      continue;
    }
    auto get = [&](const char* name) { return EscapeInvalidUtf8(Trim(fields[col[name]])); };
    Article a;
    a.id = get("articleId");
    a.claim = get("claimId");
    a.outlet = EscapeInvalidUtf8(OutletId(fields[col["source"]]));
    a.title = get("articleHeadline");
    a.url = get("url");
    const std::string stance = get("articleHeadlineStance");
    const std::string truth = get("claimTruth");
    bool ok = true;
    for (const auto& [name, value] :
         {std::pair{"articleId", &a.id}, {"claimId", &a.claim}, {"source", &a.outlet}}) {
      if (value->empty()) {
        log.Problem(input.path, line, name, "must not be empty");
        ok = false;
      } else if (!CheckIdCell(*value, input.path, line, name, &log)) {
        ok = false;
      }
    }
    if (stance == "for") {
      a.polarity = "supports";
    } else if (stance == "against") {
      a.polarity = "denies";
    } else if (stance == "observing") {
      a.polarity = "neutral";
    } else {
      log.Problem(input.path, line, "articleHeadlineStance",
                  fmt::format("expected for, against or observing, got '{}'", stance));
      ok = false;
    }
    if (truth != "true" && truth != "false" && truth != "unknown") {
      log.Problem(input.path, line, "claimTruth",
                  fmt::format("expected true, false or unknown, got '{}'", truth));
      ok = false;
    }
    if (!ok) continue;
    if (const auto [it, fresh] = article_lines.emplace(a.id, line); !fresh) {
      log.Problem(input.path, line, "articleId",
                  fmt::format("duplicate article '{}', first at line {}", a.id, it->second));
      continue;
    }
    auto [it, fresh] =
        claims.emplace(a.claim, ClaimInfo{get("claimHeadline"), truth, input.path, line});
    if (!fresh && it->second.truth != truth) {
      log.Problem(input.path, line, "claimTruth",
                  fmt::format("claim '{}' is '{}' here but '{}' at line {}", a.claim, truth,
                              it->second.truth, it->second.line));
      continue;
    }
    articles.push_back(std::move(a));
  }
  if (result.stats.rows_read == 0 && !log.HasProblems()) {
    log.Problem(input.path, 0, "", "no records: the file has a header row but no data rows");
  }

  std::map<std::string, int> outlets;
  for (const auto& a : articles) outlets.emplace(a.outlet, 0);
  // Every id of a JSON Lines file is unique across record types.
  for (const auto& a : articles) {
    if (claims.count(a.id) != 0 || outlets.count(a.id) != 0) {
      log.Problem(input.path, article_lines[a.id], "articleId",
                  fmt::format("'{}' is also a claim or outlet id", a.id));
    }
  }
  for (const auto& [id, info] : claims) {
    if (outlets.count(id) != 0) {
      log.Problem(info.file, info.line, "claimId", fmt::format("'{}' is also an outlet id", id));
    }
  }
  log.ThrowIfProblems();

  std::string& out = result.dataset;
  out += fmt::format(
      "# Emergent (Ferreira & Vlachos, NAACL 2016), imported by `credence import emergent` from "
      "{}.\n# Outlets take stances on claims: for = supports, against = denies, observing = "
      "neutral.\n",
      FileName(input.path));
  for (const auto& [id, unused] : outlets)
    out += JsonLine().Add("type", "outlet").Add("id", id).Finish();
  for (const auto& [id, info] : claims) {
    out += JsonLine()
               .Add("type", "claim")
               .Add("id", id)
               .Add("text", info.text.empty() ? id : info.text)
               .Finish();
  }
  // Sorted by claim, then article id: the order of the input rows is not carried over.
  std::sort(articles.begin(), articles.end(), [](const Article& x, const Article& y) {
    return std::tie(x.claim, x.id) < std::tie(y.claim, y.id);
  });
  std::vector<const Article*> by_id;
  for (const auto& a : articles) by_id.push_back(&a);
  std::sort(by_id.begin(), by_id.end(),
            [](const Article* x, const Article* y) { return x->id < y->id; });
  for (const Article* a : by_id) {
    out += JsonLine()
               .Add("type", "report")
               .Add("id", a->id)
               .Add("outlet", a->outlet)
               .AddIfNotEmpty("title", a->title)
               .AddIfNotEmpty("url", a->url)
               .Finish();
  }
  for (const auto& a : articles) {
    out += JsonLine()
               .Add("type", "stance")
               .Add("holder", a.outlet)
               .Add("claim", a.claim)
               .Add("polarity", a.polarity)
               .Add("report", a.id)
               .AddIfNotEmpty("quote", a.title)
               .Finish();
  }

  result.gold = "claim,truth\n";
  for (const auto& [id, info] : claims) {
    if (info.truth == "unknown") {
      log.Skip("claim whose truth is unknown (left out of the gold)", info.file, info.line);
      continue;
    }
    result.gold += CsvField(id) + "," + info.truth + "\n";
    ++result.stats.gold_items;
    if (info.truth == "true") ++result.stats.gold_true;
  }
  result.stats.sources = outlets.size();
  result.stats.claims = claims.size();
  result.stats.reports = articles.size();
  result.stats.stances = articles.size();
  return result;
}

}  // namespace credence::io::importer
