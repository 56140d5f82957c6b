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
#include "import_internal.hpp"

namespace credence::io::importer {
namespace {

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

}  // namespace

ImportResult ImportRumourEval(const std::vector<ImportInput>& inputs) {
  ImportResult result;
  ImportLog log(&result.stats);
  std::map<std::string, Thread> threads;
  for (std::size_t i = 1; i < inputs.size(); ++i) ReadVeracity(inputs[i], &threads, &log);
  log.ThrowIfProblems();

  const ImportInput& tsv = inputs[0];
  std::map<std::string, int> col;
  std::size_t width = 0;
  std::vector<Tweet> tweets;
  std::map<std::string, long> tweet_lines;
  text::ForEachLine(tsv.content, [&](long line, std::string_view text) {
    std::vector<std::string> fields;
    for (auto f : SplitTabs(text)) fields.push_back(Unquote(f));
    if (line == 1) {
      width = fields.size();
      return FindColumns(fields,
                         {"thread_id", "tweet_id", "is_source", "parent_id", "user_id",
                          "user_screen_name", "created_at", "stance", "text"},
                         tsv.path, &log, &col);
    }
    if (Trim(text).empty()) return true;
    ++result.stats.rows_read;
    if (fields.size() != width) {
      log.Problem(tsv.path, line, "",
                  fmt::format("expected {} tab-separated fields as in the header, got {}", width,
                              fields.size()));
      return !log.TooManyProblems();
    }
    auto get = [&](const char* name) { return EscapeInvalidUtf8(Trim(fields[col[name]])); };
    Tweet t;
    t.id = get("tweet_id");
    t.thread = get("thread_id");
    t.parent = get("parent_id");
    t.user = get("user_id");
    t.screen_name = get("user_screen_name");
    t.time = get("created_at");
    t.text = get("text");
    t.line = line;
    const std::string stance = get("stance");
    const std::string is_source = get("is_source");
    bool ok = true;
    if (!t.parent.empty() && !CheckIdCell(t.parent, tsv.path, line, "parent_id", &log)) ok = false;
    for (const auto& [name, value] :
         {std::pair{"tweet_id", &t.id}, {"thread_id", &t.thread}, {"user_id", &t.user}}) {
      if (value->empty()) {
        log.Problem(tsv.path, line, name, "must not be empty");
        ok = false;
      } else if (!CheckIdCell(*value, tsv.path, line, name, &log)) {
        ok = false;
      }
    }
    if (stance == "support") {
      t.polarity = "supports";
    } else if (stance == "deny") {
      t.polarity = "denies";
    } else if (stance == "query" || stance == "comment") {
      t.polarity = "neutral";
    } else {
      log.Problem(tsv.path, line, "stance",
                  fmt::format("expected support, deny, query or comment, got '{}'", stance));
      ok = false;
    }
    if (is_source != "0" && is_source != "1") {
      log.Problem(tsv.path, line, "is_source", fmt::format("expected 0 or 1, got '{}'", is_source));
      ok = false;
    } else if ((is_source == "1") != (t.id == t.thread)) {
      log.Problem(tsv.path, line, "is_source",
                  "a thread's source tweet is the tweet whose id is the thread id");
      ok = false;
    }
    if (!ok) return !log.TooManyProblems();
    if (threads.count(t.thread) == 0) {
      log.Skip("tweet of a thread not in the veracity files (another split)", tsv.path, line);
      return true;
    }
    if (const auto [it, fresh] = tweet_lines.emplace(t.id, line); !fresh) {
      log.Problem(tsv.path, line, "tweet_id",
                  fmt::format("duplicate tweet '{}', first at line {}", t.id, it->second));
      return !log.TooManyProblems();
    }
    tweets.push_back(std::move(t));
    return true;
  });
  if (width == 0) log.Problem(tsv.path, 1, "", "no header row: the file is empty");
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

  std::string& out = result.dataset;
  out += fmt::format(
      "# SemEval-2017 RumourEval (PHEME threads), imported by `credence import rumoureval` from "
      "{}.\n# Each thread is a claim (the source tweet); users support, deny, query or comment "
      "(query and comment are neutral).\n",
      FileName(tsv.path));
  for (const auto& [id, screen_name] : users) {
    JsonLine record;
    record.Add("type", "outlet").Add("id", UserId(id));
    if (!screen_name.empty()) {
      record.Add("name", "@" + screen_name).Add("url", "https://twitter.com/" + screen_name);
    }
    out += record.Add("kind", "social").Finish();
  }
  for (const auto& [id, thread] : threads) {
    out += JsonLine()
               .Add("type", "claim")
               .Add("id", id)
               .Add("text", thread.text.empty() ? id : thread.text)
               .AddIfNotEmpty("time", thread.time)
               .Finish();
  }
  std::sort(tweets.begin(), tweets.end(), [](const Tweet& x, const Tweet& y) {
    return std::tie(x.thread, x.id) < std::tie(y.thread, y.id);
  });
  std::vector<const Tweet*> by_id;
  for (const auto& t : tweets) by_id.push_back(&t);
  std::sort(by_id.begin(), by_id.end(),
            [](const Tweet* x, const Tweet* y) { return ReportId(x->id) < ReportId(y->id); });
  std::size_t replies_citing = 0;
  for (const Tweet* t : by_id) {
    JsonLine record;
    record.Add("type", "report").Add("id", ReportId(t->id)).Add("outlet", UserId(t->user));
    const std::string& screen_name = users[t->user];
    if (!screen_name.empty()) {
      record.Add("url", fmt::format("https://twitter.com/{}/status/{}", screen_name, t->id));
    }
    record.AddIfNotEmpty("time", t->time);
    // A reply draws on the tweet it answers, when that tweet is in the data.
    if (!t->parent.empty() && t->parent != t->id && tweet_lines.count(t->parent) != 0) {
      record.AddList("cites", {ReportId(t->parent)});
      ++replies_citing;
    }
    out += record.Finish();
  }
  for (const auto& t : tweets) {
    out += JsonLine()
               .Add("type", "stance")
               .Add("holder", UserId(t.user))
               .Add("claim", t.thread)
               .Add("polarity", t.polarity)
               .Add("report", ReportId(t.id))
               .AddIfNotEmpty("quote", t.text)
               .AddIfNotEmpty("time", t.time)
               .Finish();
  }
  result.stats.notes.push_back(
      fmt::format("{} replies cite the tweet they answer", replies_citing));

  result.gold = "claim,truth\n";
  for (const auto& [id, thread] : threads) {
    if (thread.veracity == "unverified") {
      log.Skip("thread whose veracity is unverified (left out of the gold)", thread.file, 1);
      continue;
    }
    result.gold += CsvField(id) + "," + thread.veracity + "\n";
    ++result.stats.gold_items;
    if (thread.veracity == "true") ++result.stats.gold_true;
  }
  result.stats.sources = users.size();
  result.stats.claims = threads.size();
  result.stats.reports = tweets.size();
  result.stats.stances = tweets.size();
  return result;
}

}  // namespace credence::io::importer
