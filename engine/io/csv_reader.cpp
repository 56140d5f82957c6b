#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "builder_internal.hpp"
#include "credence/core/error.hpp"
#include "credence/io/reader.hpp"
#include "csv_internal.hpp"
#include "text_internal.hpp"

namespace credence::io {

bool CsvRecords::Next(std::vector<std::string>* fields, long* line, std::string* error) {
  fields->clear();
  error->clear();
  if (pos_ >= text_.size()) return false;
  *line = line_;
  const bool lenient = spaces_ == Spaces::kAroundQuotes;
  auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  std::string field;
  bool quoted = false;
  bool after_quote = false;
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (quoted) {
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field += '"';
          pos_ += 2;
          continue;
        }
        quoted = false;
        after_quote = true;
        ++pos_;
        continue;
      }
      if (c == '\n') ++line_;
      field += c;
      ++pos_;
      continue;
    }
    if (c == ',') {
      fields->push_back(std::move(field));
      field.clear();
      after_quote = false;
      ++pos_;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
      ++pos_;
      ++line_;
      fields->push_back(std::move(field));
      return true;
    }
    if (c == '"' && !after_quote &&
        (field.empty() || (lenient && std::all_of(field.begin(), field.end(), is_space)))) {
      field.clear();  // with kAroundQuotes, spaces before an opening quote are not in the field
      quoted = true;
      ++pos_;
      continue;
    }
    if (after_quote) {
      if (lenient && is_space(c)) {
        ++pos_;
        continue;
      }
      *error = fmt::format("unexpected character '{}' after a closing quote in field {}", c,
                           fields->size() + 1);
      SkipLine();
      return true;
    }
    if (!lenient && field.empty() && !after_quote) {
      // Fast path: an unquoted field runs to the next separator or line end.
      const std::size_t end = text_.find_first_of(",\r\n", pos_);
      const std::size_t stop = end == std::string_view::npos ? text_.size() : end;
      field.assign(text_.data() + pos_, stop - pos_);
      pos_ = stop;
      continue;
    }
    field += c;
    ++pos_;
  }
  if (quoted) {
    *error = "unterminated quoted field";
    return true;
  }
  fields->push_back(std::move(field));
  return true;
}

void CsvRecords::SkipLine() {
  const auto end = text_.find('\n', pos_);
  pos_ = end == std::string_view::npos ? text_.size() : end + 1;
  ++line_;
}

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
bool ReadHeader(CsvRecords& cursor, DatasetBuilder& b, std::vector<Column>* columns,
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
    std::string name = fields[i];
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
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

// Loops over data rows, checking UTF-8 and width, calling fn(line, fields).
template <typename Fn>
void ForEachRow(CsvRecords& cursor, DatasetBuilder& b, std::size_t width, Fn&& fn) {
  std::vector<std::string> fields;
  long line = 0;
  std::string error;
  while (!b.TooManyProblems() && cursor.Next(&fields, &line, &error)) {
    if (!error.empty()) {
      b.Problem(line, "", error);
      continue;
    }
    if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
    if (fields.size() != width) {
      b.Problem(line, "",
                fmt::format("expected {} fields as in the header, got {}", width, fields.size()));
      continue;
    }
    fn(line, fields);
  }
}

std::string_view Trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
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
  if (auto bad = FindInvalidUtf8(value); bad != std::string_view::npos) {
    b.Problem(line, std::string(field_name),
              fmt::format("invalid UTF-8 at byte {} of the field", bad + 1));
    return false;
  }
  return true;
}

bool CheckId(DatasetBuilder& b, long line, std::string_view field_name, std::string_view id) {
  if (id.empty()) {
    b.Problem(line, std::string(field_name), "an id must not be empty");
    return false;
  }
  if (std::any_of(id.begin(), id.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; })) {
    b.Problem(line, std::string(field_name), "an id must not contain control characters");
    return false;
  }
  return CheckUtf8(b, line, field_name, id);
}

}  // namespace

Dataset ParseStancesCsv(std::string_view content, const std::string& path) {
  DatasetBuilder b(path);
  CsvRecords cursor(StripBom(content));
  std::vector<Column> columns{{"source", true},  {"claim", true},   {"stance", true},
                              {"origin", false}, {"weight", false}, {"group", false},
                              {"text", false}};
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
  const int text_col = col("text");
  ForEachRow(cursor, b, width, [&](long line, const std::vector<std::string>& f) {
    const auto source = Trimmed(f[source_col]);
    const auto claim = Trimmed(f[claim_col]);
    const auto stance = Trimmed(f[stance_col]);
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
    if (weight_col >= 0 && !Trimmed(f[weight_col]).empty()) {
      const auto w = Trimmed(f[weight_col]);
      double v = 0;
      const auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), v);
      // The float test rejects positive values, such as 1e-50, that would be stored as 0.
      if (ec != std::errc() || end != w.data() + w.size() || !std::isfinite(v) || v <= 0 || v > 1 ||
          !(static_cast<float>(v) > 0.0F)) {
        b.Problem(line, "weight", fmt::format("must be a number in (0, 1], got '{}'", w));
        ok = false;
      }
      s.weight = static_cast<float>(v);
    }
    std::string_view group = group_col >= 0 ? Trimmed(f[group_col]) : std::string_view{};
    std::string_view text = text_col >= 0 ? std::string_view(f[text_col]) : std::string_view{};
    if (!group.empty()) ok &= CheckId(b, line, "group", group);
    if (!text.empty()) ok &= CheckUtf8(b, line, "text", text);
    if (origin_col >= 0) ok &= CheckUtf8(b, line, "origin", f[origin_col]);
    if (!ok) return;
    // Ids are interned once per row; the declarations are then looked up by index.
    const Index claim_name = b.Name(claim);
    Claim* c = b.DeclaredClaimNamed(claim_name);
    if (c == nullptr) {
      if (b.IsDeclaredName(claim_name)) {
        b.Problem(line, "claim", fmt::format("'{}' is already used as a source id", claim));
        return;
      }
      Claim fresh;
      fresh.id = std::string(claim);
      if (!b.AddClaim(std::move(fresh), {}, line)) return;
      c = b.DeclaredClaimNamed(claim_name);
    }
    if (c->text.empty() && !text.empty()) c->text = std::string(text);
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
    const Index source_name = b.Name(source);
    if (b.DeclaredClaimNamed(source_name) != nullptr) {
      b.Problem(line, "source", fmt::format("'{}' is already used as a claim id", source));
      return;
    }
    if (!b.IsDeclaredName(source_name)) EnsureSource(b, source, line);
    s.holder = source_name;
    s.claim = claim_name;
    if (origin_col >= 0 && !Trimmed(f[origin_col]).empty()) {
      s.origin = b.Origin(Trimmed(f[origin_col]));
    }
    b.AddStance(s);
  });
  return b.Finish();
}

Dataset ParseTriplesCsv(std::string_view content, const std::string& path) {
  DatasetBuilder b(path);
  CsvRecords cursor(StripBom(content));
  std::vector<Column> columns{{"source", true}, {"object", true}, {"value", true}};
  b.SetGroupField("object");
  std::size_t width = 0;
  if (!ReadHeader(cursor, b, &columns, &width)) return b.Finish();
  b.SetEmptyMessage("no records: the file has a header row but no data rows");
  const int source_col = columns[0].index, object_col = columns[1].index;
  const int value_col = columns[2].index;
  std::string claim_id;
  ForEachRow(cursor, b, width, [&](long line, const std::vector<std::string>& f) {
    const auto source = Trimmed(f[source_col]);
    const auto object = Trimmed(f[object_col]);
    const auto value = Trimmed(f[value_col]);
    bool ok = CheckId(b, line, "source", source);
    ok = CheckId(b, line, "object", object) && ok;
    if (value.empty()) {
      b.Problem(line, "value", "a value must not be empty");
      ok = false;
    } else {
      ok &= CheckUtf8(b, line, "value", value);
    }
    if (!ok) return;
    claim_id.assign(object);
    claim_id += '=';
    claim_id += value;
    Claim* c = b.DeclaredClaim(claim_id);
    if (c == nullptr) {
      if (b.IsDeclared(claim_id)) {
        b.Problem(line, "object", fmt::format("'{}' is already used as a source id", claim_id));
        return;
      }
      Claim fresh;
      fresh.id = claim_id;
      fresh.text = fmt::format("{} = {}", object, value);
      fresh.value = std::string(value);
      fresh.group = b.Group(object);
      b.AddClaim(std::move(fresh), {}, line);
    }
    if (b.DeclaredClaim(source) != nullptr) {
      b.Problem(line, "source", fmt::format("'{}' is already used as a claim id", source));
      return;
    }
    EnsureSource(b, source, line);
    RawStance s;
    s.line = static_cast<std::uint32_t>(line);
    s.polarity = Polarity::kSupports;
    s.holder = b.Name(source);
    s.claim = b.Name(claim_id);
    b.AddStance(s);
  });
  return b.Finish();
}

}  // namespace credence::io
