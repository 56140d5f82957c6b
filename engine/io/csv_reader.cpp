#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <exception>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "builder_internal.hpp"
#include "credence/core/error.hpp"
#include "credence/io/reader.hpp"
#include "credence/text/csv.hpp"
#include "credence/text/file.hpp"
#include "credence/text/strings.hpp"
#include "credence/text/utf8.hpp"

namespace credence::io {

namespace {

struct Column {
  std::string_view name;
  bool required;
  int index = -1;
};

std::vector<std::string_view> RequiredNames(const std::vector<Column>& columns) {
  std::vector<std::string_view> names;
  for (const auto& c : columns) {
    if (c.required) names.push_back(c.name);
  }
  return names;
}

// Reads the header row into `columns`. Returns false (and records problems) when it is unusable.
bool ReadHeader(text::CsvRecords& cursor, DatasetBuilder& b, std::vector<Column>* columns,
                std::size_t* width) {
  std::vector<std::string> fields;
  long line = 0;
  std::string error;
  if (!cursor.Next(&fields, &line, &error)) {
    b.Problem(0, "", "no records: the file is empty (expected a header row)");
    return false;
  }
  if (!error.empty()) {
    b.Problem(line, "", error);
    return false;
  }
  bool ok = true;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string name = text::ToLowerAscii(text::Trim(fields[i], " "));
    auto it = std::find_if(columns->begin(), columns->end(),
                           [&](const Column& c) { return c.name == name; });
    if (it == columns->end()) {
      std::vector<std::string_view> names;
      for (const auto& c : *columns) names.push_back(c.name);
      b.Problem(line, fields[i],
                fmt::format("unknown column in the header (expected {})", fmt::join(names, ", ")));
      ok = false;
    } else if (it->index >= 0) {
      b.Problem(line, fields[i], "column given twice in the header");
      ok = false;
    } else {
      it->index = static_cast<int>(i);
    }
  }
  for (const auto& c : *columns) {
    if (c.required && c.index < 0) {
      b.Problem(line, std::string(c.name),
                fmt::format("missing header column '{}' (the first row must be a header such as "
                            "'{}')",
                            c.name, fmt::join(RequiredNames(*columns), ",")));
      ok = false;
    }
  }
  *width = fields.size();
  return ok;
}

// Whether to read rows on a second thread: when more than one thread is allowed (0: as many as
// the machine has) and the input is large enough to repay starting one.
bool UseReaderThread(std::string_view content, int threads) {
  constexpr std::size_t kMinBytes = 4 << 20;
  const int available =
      threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency());
  return available > 1 && content.size() >= kMinBytes;
}

// A data row read ahead, with the hashes of the ids the row will intern.
struct BatchRow {
  long line = 0;
  std::vector<std::string> fields;
  std::string error;  // a syntax or width problem, reported in its turn
  std::array<std::uint64_t, 3> hash{};
};

// Loops over data rows (blank lines skipped, a syntax or width problem reported in its turn),
// calling fn(line, fields, row). Rows are read in blocks, either on this thread or (with
// `reader_thread`) on a second thread that reads and hashes the next blocks while this one
// interns; rows are handed to fn(line, fields, row) in input order either way, so the result
// and the order of problems do not depend on it. `prefetch(row, round)`: round -1 computes the
// row's hashes (a pure function of its fields: it may run on the reading thread), round 0 issues
// the interners' first prefetch hints 32 rows before the row is used, round 1 the second 16 rows
// before: a software pipeline, so that each row finds its look-ups in cache instead of waiting
// for each cache miss in turn.
template <typename Prefetch, typename Fn>
void ForEachRowAhead(text::CsvRecords& cursor, DatasetBuilder& b, std::size_t width,
                     bool reader_thread, Prefetch&& prefetch, Fn&& fn) {
  constexpr std::size_t kBlock = 4096;
  constexpr std::size_t kFar = 32;
  constexpr std::size_t kNear = 16;
  struct Block {
    std::vector<BatchRow> rows{kBlock};
    std::size_t size = 0;
    bool last = false;
  };
  auto fill = [&](Block& block) {
    block.size = 0;
    while (block.size < kBlock) {
      BatchRow& row = block.rows[block.size];
      if (!cursor.Next(&row.fields, &row.line, &row.error)) {
        block.last = true;
        return;
      }
      if (row.error.empty() && row.fields.size() == 1 && row.fields[0].empty()) continue;  // blank
      if (row.error.empty() && row.fields.size() != width) {
        row.error =
            fmt::format("expected {} fields as in the header, got {}", width, row.fields.size());
      }
      if (row.error.empty()) prefetch(row, -1);
      ++block.size;
    }
  };
  // Hands a block's rows to fn; false once too many problems were found.
  auto consume = [&](Block& block) {
    auto hint = [&](std::size_t i, int round) {
      if (i < block.size && block.rows[i].error.empty()) prefetch(block.rows[i], round);
    };
    for (std::size_t i = 0; i < kFar; ++i) hint(i, 0);
    for (std::size_t i = 0; i < kNear; ++i) hint(i, 1);
    for (std::size_t i = 0; i < block.size; ++i) {
      if (b.TooManyProblems()) return false;
      hint(i + kFar, 0);
      hint(i + kNear, 1);
      BatchRow& row = block.rows[i];
      if (row.error.empty()) {
        fn(row.line, row.fields, row);
      } else {
        b.Problem(row.line, "", row.error);
      }
    }
    return !b.TooManyProblems();
  };

  if (!reader_thread) {
    Block block;
    while (!block.last) {
      fill(block);
      if (!consume(block)) return;
    }
    return;
  }
  // Three blocks cycle between the reader (free -> full) and this thread (full -> free).
  std::vector<Block> blocks(3);
  std::deque<Block*> free_blocks;
  std::deque<Block*> full_blocks;
  for (auto& block : blocks) free_blocks.push_back(&block);
  std::mutex mutex;
  std::condition_variable changed;
  bool stop = false;
  std::exception_ptr failure;
  std::thread reader([&] {
    try {
      while (true) {
        Block* block = nullptr;
        {
          std::unique_lock lock(mutex);
          changed.wait(lock, [&] { return stop || !free_blocks.empty(); });
          if (stop) return;
          block = free_blocks.front();
          free_blocks.pop_front();
        }
        fill(*block);
        {
          std::lock_guard lock(mutex);
          full_blocks.push_back(block);
        }
        changed.notify_all();
        if (block->last) return;
      }
    } catch (...) {
      std::lock_guard lock(mutex);
      failure = std::current_exception();
      changed.notify_all();
    }
  });
  auto finish = [&] {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    changed.notify_all();
    reader.join();
  };
  try {
    while (true) {
      Block* block = nullptr;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return failure != nullptr || !full_blocks.empty(); });
        if (full_blocks.empty()) break;  // the reader failed
        block = full_blocks.front();
        full_blocks.pop_front();
      }
      const bool go_on = consume(*block);
      if (!go_on || block->last) break;
      {
        std::lock_guard lock(mutex);
        free_blocks.push_back(block);
      }
      changed.notify_all();
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
  if (failure) std::rethrow_exception(failure);
}

// Declares `id` as a source of kind "other" on first sight.
void EnsureSource(DatasetBuilder& b, std::string_view id, long line) {
  if (b.IsDeclared(id)) return;
  Source s;
  s.id = std::string(id);
  s.name = s.id;
  s.kind = SourceKind::kOutlet;
  s.outlet_kind = OutletKind::kOther;
  b.AddSource(std::move(s), {}, {}, line);
}

bool CheckUtf8(DatasetBuilder& b, long line, std::string_view field_name, std::string_view value) {
  if (auto bad = text::FindInvalidUtf8(value); bad != std::string_view::npos) {
    b.Problem(line, std::string(field_name),
              fmt::format("invalid UTF-8 at byte {} of the field", bad + 1));
    return false;
  }
  return true;
}

// The name of the source `source` of a stance at `line`, declared as an outlet of kind "other" on
// first sight; kNone (a problem recorded) when it is a claim's id.
Index SourceName(DatasetBuilder& b, long line, std::string_view source, std::uint64_t hash) {
  const Index name = b.Name(source, hash);
  if (b.IsClaimName(name)) {
    b.Problem(line, "source", fmt::format("'{}' is already used as a claim id", source));
    return kNone;
  }
  if (!b.IsDeclaredName(name)) EnsureSource(b, source, line);
  return name;
}

// The name of the claim `id` a stance at `line` is on, declared on first sight (after
// fill(&claim) adds what the row says of it); kNone (a problem recorded in `field`) when it is a
// source's id.
template <typename Fill>
Index ClaimName(DatasetBuilder& b, long line, std::string_view field, std::string_view id,
                std::uint64_t hash, Fill&& fill) {
  const Index name = b.Name(id, hash);
  if (b.IsClaimName(name)) return name;
  if (b.IsDeclaredName(name)) {
    b.Problem(line, std::string(field), fmt::format("'{}' is already used as a source id", id));
    return kNone;
  }
  Claim fresh;
  fresh.id = std::string(id);
  fill(&fresh);
  return b.AddClaim(std::move(fresh), DatasetBuilder::ClaimParties{}, line) ? name : kNone;
}

// An id: the id rule (DatasetBuilder::CheckId), then valid UTF-8.
bool CheckId(DatasetBuilder& b, long line, std::string_view field_name, std::string_view id) {
  return b.CheckId(line, field_name, id) && CheckUtf8(b, line, field_name, id);
}

// The optional time column of a row (column `col`, -1 when absent): an empty cell is no time;
// anything else must be ISO 8601 (text::ParseIsoTime). Fills the stance's time; false (and a
// problem recorded) when the cell is not a time.
bool ReadTime(DatasetBuilder& b, long line, const std::vector<std::string>& f, int col,
              RawStance* s) {
  if (col < 0) return true;
  const auto cell = text::Trim(f[col]);
  if (cell.empty()) return true;
  if (!CheckUtf8(b, line, "time", cell)) return false;
  const auto instant = b.ParseTime(line, "time", cell);
  if (!instant) return false;
  s->time = b.TimeText(std::string(cell), *instant);
  return true;
}

}  // namespace

Dataset ParseStancesCsv(std::string_view content, const std::string& path, int threads) {
  DatasetBuilder b(path);
  text::CsvRecords cursor(text::StripBom(content));
  std::vector<Column> columns{{"source", true},  {"claim", true},   {"stance", true},
                              {"origin", false}, {"weight", false}, {"group", false},
                              {"text", false},   {"time", false}};
  std::size_t width = 0;
  if (!ReadHeader(cursor, b, &columns, &width)) return b.Finish();
  b.SetEmptyMessage("no records: the file has a header row but no data rows");
  auto col = [&](std::string_view name) {
    return std::find_if(columns.begin(), columns.end(),
                        [&](const Column& c) { return c.name == name; })
        ->index;
  };
  const int source_col = col("source"), claim_col = col("claim"), stance_col = col("stance");
  const int origin_col = col("origin"), weight_col = col("weight"), group_col = col("group");
  const int text_col = col("text"), time_col = col("time");
  // Three hashes per row (claim, source, origin), then two rounds of prefetch hints over the
  // batch: the interners' slots, then the names those slots point to.
  auto prefetch = [&](BatchRow& row, int round) {
    if (round < 0) {  // may run on the reading thread: touches nothing but the row
      const std::vector<std::string>& f = row.fields;
      row.hash[0] = Interner::Hash(text::Trim(f[claim_col]));
      row.hash[1] = Interner::Hash(text::Trim(f[source_col]));
      row.hash[2] = origin_col >= 0 ? Interner::Hash(text::Trim(f[origin_col])) : 0;
    } else if (round == 0) {
      b.names().PrefetchSlot(row.hash[0]);
      b.names().PrefetchSlot(row.hash[1]);
      if (origin_col >= 0) b.origins().PrefetchSlot(row.hash[2]);
    } else {
      b.PrefetchDeclaration(row.hash[0]);
      b.PrefetchDeclaration(row.hash[1]);
      if (origin_col >= 0) b.origins().PrefetchName(row.hash[2]);
    }
  };
  ForEachRowAhead(
      cursor, b, width, UseReaderThread(content, threads), prefetch,
      [&](long line, const std::vector<std::string>& f, const BatchRow& row) {
        const auto source = text::Trim(f[source_col]);
        const auto claim = text::Trim(f[claim_col]);
        const auto stance = text::Trim(f[stance_col]);
        bool ok = CheckId(b, line, "source", source);
        ok = CheckId(b, line, "claim", claim) && ok;
        RawStance s;
        s.line = static_cast<std::uint32_t>(line);
        if (!ParsePolarity(stance, &s.polarity)) {
          b.Problem(line, "stance",
                    fmt::format("unknown stance '{}' (expected supports/denies/neutral, "
                                "for/against/observing or +1/-1/0)",
                                stance));
          ok = false;
        }
        if (weight_col >= 0 && !text::Trim(f[weight_col]).empty()) {
          const auto w = text::Trim(f[weight_col]);
          double v = 0;
          const auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), v);
          // The float test rejects positive values, such as 1e-50, that would be stored as 0.
          if (ec != std::errc() || end != w.data() + w.size() || !std::isfinite(v) || v <= 0 ||
              v > 1 || !(static_cast<float>(v) > 0.0F)) {
            b.Problem(line, "weight", fmt::format("must be a number in (0, 1], got '{}'", w));
            ok = false;
          }
          s.weight = static_cast<float>(v);
        }
        std::string_view group = group_col >= 0 ? text::Trim(f[group_col]) : std::string_view{};
        std::string_view text = text_col >= 0 ? std::string_view(f[text_col]) : std::string_view{};
        if (!group.empty()) ok &= CheckId(b, line, "group", group);
        if (!text.empty()) ok &= CheckUtf8(b, line, "text", text);
        if (origin_col >= 0) ok &= CheckUtf8(b, line, "origin", f[origin_col]);
        ok &= ReadTime(b, line, f, time_col, &s);
        if (!ok) return;
        // Ids are interned once per row; the declarations are then looked up by index.
        // The kind of a name is one byte in a compact table; the claim record itself (a likely
        // cache miss at a million claims) is fetched only for a text or a group.
        const Index claim_name = ClaimName(b, line, "claim", claim, row.hash[0], [](Claim*) {});
        if (claim_name == kNone) return;
        Claim* c = text.empty() && group.empty() ? nullptr : b.DeclaredClaimNamed(claim_name);
        if (!text.empty() && c->text.empty()) c->text = std::string(text);
        if (!group.empty()) {
          const Index g = b.Group(group);
          if (c->group != kNone && c->group != g) {
            b.Problem(line, "group",
                      fmt::format("claim '{}' is given group '{}' here but another group earlier",
                                  claim, group));
            return;
          }
          c->group = g;
        }
        const Index source_name = SourceName(b, line, source, row.hash[1]);
        if (source_name == kNone) return;
        s.holder = source_name;
        s.claim = claim_name;
        if (origin_col >= 0 && !text::Trim(f[origin_col]).empty()) {
          s.origin = b.Origin(text::Trim(f[origin_col]), row.hash[2]);
        }
        b.AddStance(s);
      });
  return b.Finish();
}

Dataset ParseTriplesCsv(std::string_view content, const std::string& path, int threads) {
  DatasetBuilder b(path);
  text::CsvRecords cursor(text::StripBom(content));
  std::vector<Column> columns{{"source", true}, {"object", true}, {"value", true}, {"time", false}};
  b.SetGroupField("object");
  std::size_t width = 0;
  if (!ReadHeader(cursor, b, &columns, &width)) return b.Finish();
  b.SetEmptyMessage("no records: the file has a header row but no data rows");
  const int source_col = columns[0].index, object_col = columns[1].index;
  const int value_col = columns[2].index, time_col = columns[3].index;
  // The claim of a row is "object=value". Ids are hashed and prefetched rows ahead, as for the
  // stances CSV, and interned once per row.
  std::string claim_id;
  auto make_claim_id = [&](const std::vector<std::string>& f) {
    claim_id.assign(text::Trim(f[object_col]));
    claim_id += '=';
    claim_id += text::Trim(f[value_col]);
  };
  auto prefetch = [&](BatchRow& row, int round) {
    if (round < 0) {  // may run on the reading thread: its own buffer, not claim_id
      thread_local std::string id;
      id.assign(text::Trim(row.fields[object_col]));
      id += '=';
      id += text::Trim(row.fields[value_col]);
      row.hash[0] = Interner::Hash(id);
      row.hash[1] = Interner::Hash(text::Trim(row.fields[source_col]));
    } else if (round == 0) {
      b.names().PrefetchSlot(row.hash[0]);
      b.names().PrefetchSlot(row.hash[1]);
    } else {
      b.PrefetchDeclaration(row.hash[0]);
      b.PrefetchDeclaration(row.hash[1]);
    }
  };
  ForEachRowAhead(cursor, b, width, UseReaderThread(content, threads), prefetch,
                  [&](long line, const std::vector<std::string>& f, const BatchRow& row) {
                    const auto source = text::Trim(f[source_col]);
                    const auto object = text::Trim(f[object_col]);
                    const auto value = text::Trim(f[value_col]);
                    bool ok = CheckId(b, line, "source", source);
                    ok = CheckId(b, line, "object", object) && ok;
                    if (value.empty()) {
                      b.Problem(line, "value", "a value must not be empty");
                      ok = false;
                    } else {
                      ok &= CheckUtf8(b, line, "value", value);
                    }
                    RawStance s;
                    ok &= ReadTime(b, line, f, time_col, &s);
                    if (!ok) return;
                    make_claim_id(f);
                    const Index claim_name =
                        ClaimName(b, line, "object", claim_id, row.hash[0], [&](Claim* fresh) {
                          fresh->text = fmt::format("{} = {}", object, value);
                          fresh->value = std::string(value);
                          fresh->group = b.Group(object);
                        });
                    if (claim_name == kNone) return;
                    const Index source_name = SourceName(b, line, source, row.hash[1]);
                    if (source_name == kNone) return;
                    s.line = static_cast<std::uint32_t>(line);
                    s.polarity = Polarity::kSupports;
                    s.holder = source_name;
                    s.claim = claim_name;
                    b.AddStance(s);
                  });
  return b.Finish();
}

}  // namespace credence::io
