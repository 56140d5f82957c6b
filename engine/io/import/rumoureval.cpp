// credence import rumoureval: SemEval-2017 Task 8 RumourEval threads (PHEME) as native JSON
// Lines, users taking stances on each thread's rumour, and the thread veracity files as
// claim,truth gold (docs/importers.md).

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "credence/core/error.hpp"
#include "credence/text/time.hpp"
#include "import_internal.hpp"

namespace credence::io::importer {
namespace {

// A tweet's created_at as ISO 8601 (docs/format.md, "Times"): Twitter's "Sun Aug 10 01:30:14
// +0000 2014" becomes "2014-08-10T01:30:14Z" (another offset: "+hh:mm"); a time already in ISO
// 8601 is kept; anything else gives "" (the record is left undated).
std::string IsoTime(const std::string& created_at) {
  text::ParsedTime parsed;
  std::string error;
  if (text::ParseIsoTime(created_at, &parsed, &error)) return created_at;
  static constexpr std::string_view kMonths = "JanFebMarAprMayJunJulAugSepOctNovDec";
  // "Www Mmm dd hh:mm:ss +zzzz yyyy": 30 characters.
  if (created_at.size() != 30 || created_at[3] != ' ' || created_at[7] != ' ' ||
      created_at[10] != ' ' || created_at[19] != ' ' || created_at[25] != ' ') {
    return "";
  }
  const std::size_t month = kMonths.find(std::string_view(created_at).substr(4, 3));
  if (month == std::string_view::npos || month % 3 != 0) return "";
  const std::string_view zone = std::string_view(created_at).substr(20, 5);
  const std::string iso =
      fmt::format("{}-{:02}-{}T{}{}", created_at.substr(26, 4), month / 3 + 1,
                  created_at.substr(8, 2), created_at.substr(11, 8),
                  zone == "+0000" ? std::string("Z")
                                  : fmt::format("{}:{}", zone.substr(0, 3), zone.substr(3, 2)));
  return text::ParseIsoTime(iso, &parsed, &error) ? iso : "";
}

struct Tweet {
  std::string id;
  std::string thread;
  std::string parent;
  std::string user;  // user id
  std::string screen_name;
  std::string time;
  std::string text;
  std::string polarity;
  long line = 0;
};

struct Thread {
  std::string veracity;  // true, false or unverified
  std::string file;
  bool has_source = false;
  std::string text;  // of the source tweet
  std::string time;
};

// The TSV was written with CSV-style quoting: a field holding '"' is wrapped in quotes, with
// its own quotes doubled. Such a field is unwrapped; any other is kept as it is.
std::string Unquote(std::string_view field) {
  if (field.size() < 2 || field.front() != '"' || field.back() != '"') return std::string(field);
  const std::string_view inner = field.substr(1, field.size() - 2);
  std::string out;
  for (std::size_t i = 0; i < inner.size(); ++i) {
    if (inner[i] != '"') {
      out += inner[i];
    } else if (i + 1 < inner.size() && inner[i + 1] == '"') {
      out += '"';
      ++i;
    } else {
      return std::string(field);  // a lone quote inside: not a quoted field
    }
  }
  return out;
}

std::string UserId(std::string_view id) { return "user:" + std::string(id); }
std::string ReportId(std::string_view id) { return "tweet:" + std::string(id); }

// Reads one *-veracity.json: {"thread id": "true" | "false" | "unverified", ...}.
void ReadVeracity(const ImportInput& input, std::map<std::string, Thread>* threads,
                  ImportLog* log) {
  simdjson::dom::parser parser;
  const simdjson::padded_string json(input.content);
  simdjson::dom::element doc;
  if (const auto error = parser.parse(json).get(doc); error != simdjson::SUCCESS) {
    log->Problem(input.path, 1, "",
                 fmt::format("malformed JSON: {}", simdjson::error_message(error)));
    return;
  }
  simdjson::dom::object object;
  if (doc.get(object) != simdjson::SUCCESS) {
    log->Problem(input.path, 1, "",
                 "expected a JSON object mapping thread ids to true, false or unverified");
    return;
  }
  for (const auto field : object) {
    const std::string thread(field.key);
    std::string_view value;
    if (field.value.get(value) != simdjson::SUCCESS ||
        (value != "true" && value != "false" && value != "unverified")) {
      log->Problem(input.path, 1, thread, "expected \"true\", \"false\" or \"unverified\"");
      continue;
    }
    const auto [it, fresh] =
        threads->emplace(thread, Thread{std::string(value), input.path, false, {}, {}});
    if (!fresh && it->second.veracity != value) {
      log->Problem(input.path, 1, thread,
                   fmt::format("veracity '{}' here but '{}' in {}", value, it->second.veracity,
                               it->second.file));
    }
  }
}

// Reads one data row into `t`; false (problems recorded) when the row is unusable.
bool ReadTweet(const std::vector<std::string>& fields, std::map<std::string, int>& col,
               const std::string& path, long line, ImportLog* log, Tweet* t) {
  auto get = [&](const char* name) { return text::EscapeInvalidUtf8(TrimCell(fields[col[name]])); };
  t->id = get("tweet_id");
  t->thread = get("thread_id");
  t->parent = get("parent_id");
  t->user = get("user_id");
  t->screen_name = get("user_screen_name");
  t->time = IsoTime(get("created_at"));
  t->text = get("text");
  t->line = line;
  const std::string stance = get("stance");
  const std::string is_source = get("is_source");
  bool ok = true;
  if (!t->parent.empty() && !CheckIdCell(t->parent, path, line, "parent_id", log)) ok = false;
  for (const auto& [name, value] :
       {std::pair{"tweet_id", &t->id}, {"thread_id", &t->thread}, {"user_id", &t->user}}) {
    ok = CheckIdCell(*value, path, line, name, log) && ok;
  }
  t->polarity = Translate(
      stance,
      {{"support", "supports"}, {"deny", "denies"}, {"query", "neutral"}, {"comment", "neutral"}});
  if (t->polarity.empty()) {
    log->Problem(path, line, "stance",
                 fmt::format("expected support, deny, query or comment, got '{}'", stance));
    ok = false;
  }
  if (is_source != "0" && is_source != "1") {
    log->Problem(path, line, "is_source", fmt::format("expected 0 or 1, got '{}'", is_source));
    ok = false;
  } else if ((is_source == "1") != (t->id == t->thread)) {
    log->Problem(path, line, "is_source",
                 "a thread's source tweet is the tweet whose id is the thread id");
    ok = false;
  }
  return ok;
}

// Reads the TSV's tweets of the threads in `threads`, recording problems; `tweet_lines` maps
// each tweet id read to its line.
std::vector<Tweet> ReadTweets(const ImportInput& tsv, const std::map<std::string, Thread>& threads,
                              ImportLog* log, ImportStats* stats,
                              std::map<std::string, long>* tweet_lines) {
  std::map<std::string, int> col;
  std::size_t width = 0;
  std::vector<Tweet> tweets;
  text::ForEachLine(tsv.content, [&](long line, std::string_view text) {
    std::vector<std::string> fields;
    for (auto f : SplitTabs(text)) fields.push_back(Unquote(f));
    if (line == 1) {
      width = fields.size();
      return FindColumns(fields,
                         {"thread_id", "tweet_id", "is_source", "parent_id", "user_id",
                          "user_screen_name", "created_at", "stance", "text"},
                         tsv.path, log, &col);
    }
    if (TrimCell(text).empty()) return true;
    ++stats->rows_read;
    if (fields.size() != width) {
      log->Problem(tsv.path, line, "",
                   fmt::format("expected {} tab-separated fields as in the header, got {}", width,
                               fields.size()));
      return !log->TooManyProblems();
    }
    Tweet t;
    if (!ReadTweet(fields, col, tsv.path, line, log, &t)) return !log->TooManyProblems();
    if (threads.count(t.thread) == 0) {
      log->Skip("tweet of a thread not in the veracity files (another split)", tsv.path, line);
      return true;
    }
    if (const auto [it, fresh] = tweet_lines->emplace(t.id, line); !fresh) {
      log->Problem(tsv.path, line, "tweet_id",
                   fmt::format("duplicate tweet '{}', first at line {}", t.id, it->second));
      return !log->TooManyProblems();
    }
    tweets.push_back(std::move(t));
    return true;
  });
  if (width == 0) log->Problem(tsv.path, 1, "", "no header row: the file is empty");
  return tweets;
}

// The JSON Lines records of the tweets: reports (by report id), then stances (by thread, then
// tweet id). Sorts `tweets`. A reply answers its parent tweet but does not republish it, so its
// report does not `cites` the parent: a citing report's stance of the same polarity would be a
// copy of the parent's (docs/model.md), and an agreeing reply is a user's own stance.
void WriteTweets(std::vector<Tweet>& tweets, const std::map<std::string, std::string>& users,
                 text::JsonWriter& json) {
  std::sort(tweets.begin(), tweets.end(), [](const Tweet& x, const Tweet& y) {
    return std::tie(x.thread, x.id) < std::tie(y.thread, y.id);
  });
  std::vector<const Tweet*> by_id;
  for (const auto& t : tweets) by_id.push_back(&t);
  std::sort(by_id.begin(), by_id.end(),
            [](const Tweet* x, const Tweet* y) { return ReportId(x->id) < ReportId(y->id); });
  for (const Tweet* t : by_id) {
    json.BeginObject().Field("type", "report").Field("id", ReportId(t->id));
    json.Field("outlet", UserId(t->user));
    const std::string& screen_name = users.at(t->user);
    if (!screen_name.empty()) {
      json.Field("url", fmt::format("https://twitter.com/{}/status/{}", screen_name, t->id));
    }
    json.FieldIfNotEmpty("time", t->time);
    json.EndObject().EndLine();
  }
  for (const auto& t : tweets) {
    json.BeginObject().Field("type", "stance").Field("holder", UserId(t.user));
    json.Field("claim", t.thread).Field("polarity", t.polarity).Field("report", ReportId(t.id));
    json.FieldIfNotEmpty("quote", t.text).FieldIfNotEmpty("time", t.time).EndObject().EndLine();
  }
}

}  // namespace

ImportResult ImportRumourEval(const std::vector<ImportInput>& inputs) {
  ImportResult result;
  ImportLog log(&result.stats);
  std::map<std::string, Thread> threads;
  for (std::size_t i = 1; i < inputs.size(); ++i) ReadVeracity(inputs[i], &threads, &log);
  log.ThrowIfProblems();

  const ImportInput& tsv = inputs[0];
  std::map<std::string, long> tweet_lines;
  std::vector<Tweet> tweets = ReadTweets(tsv, threads, &log, &result.stats, &tweet_lines);
  log.ThrowIfProblems();

  // user id -> screen name of the user's first tweet in the file (one user changed names).
  std::map<std::string, std::string> users;
  for (const auto& t : tweets) {
    users.emplace(t.user, t.screen_name);
    if (t.id == t.thread) {
      Thread& thread = threads[t.thread];
      thread.has_source = true;
      thread.text = t.text;
      thread.time = t.time;
    }
  }
  for (const auto& [id, thread] : threads) {
    if (!thread.has_source) {
      log.Problem(thread.file, 1, id,
                  fmt::format("thread '{}' has no source tweet in {}", id, tsv.path));
    }
  }
  log.ThrowIfProblems();

  result.dataset = fmt::format(
      "# SemEval-2017 RumourEval (PHEME threads), imported by `credence import rumoureval` from "
      "{}.\n# Each thread is a claim (the source tweet); users support, deny, query or comment "
      "(query and comment are neutral).\n",
      FileName(tsv.path));
  text::JsonWriter json(&result.dataset);
  for (const auto& [id, screen_name] : users) {
    json.BeginObject().Field("type", "outlet").Field("id", UserId(id));
    if (!screen_name.empty()) {
      json.Field("name", "@" + screen_name).Field("url", "https://twitter.com/" + screen_name);
    }
    json.Field("kind", "social").EndObject().EndLine();
  }
  for (const auto& [id, thread] : threads) {
    json.BeginObject().Field("type", "claim").Field("id", id);
    json.Field("text", thread.text.empty() ? id : thread.text).FieldIfNotEmpty("time", thread.time);
    json.EndObject().EndLine();
  }
  WriteTweets(tweets, users, json);

  result.gold = "claim,truth\n";
  for (const auto& [id, thread] : threads) {
    if (thread.veracity == "unverified") {
      log.Skip("thread whose veracity is unverified (left out of the gold)", thread.file, 1);
      continue;
    }
    AddTruthGold(id, thread.veracity == "true", &result);
  }
  result.stats.sources = users.size();
  result.stats.claims = threads.size();
  result.stats.reports = tweets.size();
  result.stats.stances = tweets.size();
  return result;
}

}  // namespace credence::io::importer
