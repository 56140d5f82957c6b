#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "../text/simdjson_internal.hpp"
#include "builder_internal.hpp"
#include "credence/io/reader.hpp"
#include "credence/text/file.hpp"
#include "credence/text/strings.hpp"
#include "credence/text/utf8.hpp"

namespace credence::io {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

constexpr std::size_t kMaxDepth = 64;
// Longest record accepted. simdjson needs several bytes of working memory per byte of a line, so
// a single 100 MB line would cost gigabytes; no real record comes near this.
constexpr std::size_t kMaxLineBytes = std::size_t{16} << 20;

std::string_view TypeName(element_type t) { return text::JsonTypeName(t); }
bool IsNumber(element_type t) { return text::JsonIsNumber(t); }

// The fields of one record, checked against the keys its type allows.
class Record {
 public:
  Record(DatasetBuilder& builder, long line) : builder_(builder), line_(line) {}

  // Collects the fields; records a problem for unknown or repeated keys.
  void Load(simdjson::dom::object object, std::string_view type,
            std::initializer_list<std::string_view> allowed) {
    for (auto field : object) {
      if (std::find(allowed.begin(), allowed.end(), field.key) == allowed.end()) {
        Fail(field.key,
             fmt::format("unknown field for {} {} record (allowed: {})",
                         type.front() == 'o' ? "an" : "a", type, fmt::join(allowed, ", ")));
        continue;
      }
      if (Find(field.key) != nullptr) {
        Fail(field.key, "field given twice");
        continue;
      }
      fields_.emplace_back(field.key, field.value);
    }
  }

  bool ok() const { return ok_; }
  long line() const { return line_; }

  void Fail(std::string_view field, std::string message) {
    ok_ = false;
    builder_.Problem(line_, std::string(field), std::move(message));
  }

  // A string field. Returns nullopt when absent (a problem if required) or of the wrong type.
  std::optional<std::string_view> String(std::string_view key, bool required) {
    const element* e = Find(key);
    if (e == nullptr) {
      if (required) Fail(key, "missing required field");
      return std::nullopt;
    }
    if (e->type() != element_type::STRING) {
      Fail(key, fmt::format("expected a string, got {}", TypeName(e->type())));
      return std::nullopt;
    }
    return std::string_view(*e);
  }

  // An id field: a non-empty string without control characters.
  std::optional<std::string_view> Id(std::string_view key, bool required) {
    auto s = String(key, required);
    if (s && !CheckId(key, *s)) return std::nullopt;
    return s;
  }

  // An array of ids; a single string is accepted as an array of one.
  std::vector<std::string> IdList(std::string_view key) {
    std::vector<std::string> out;
    const element* e = Find(key);
    if (e == nullptr) return out;
    if (e->type() == element_type::STRING) {
      if (CheckId(key, std::string_view(*e))) out.emplace_back(std::string_view(*e));
      return out;
    }
    if (e->type() != element_type::ARRAY) {
      Fail(key, fmt::format("expected an array of ids, got {}", TypeName(e->type())));
      return out;
    }
    for (element item : simdjson::dom::array(*e)) {
      if (item.type() != element_type::STRING) {
        Fail(key, fmt::format("expected an array of ids, found {} in it", TypeName(item.type())));
        continue;
      }
      if (CheckId(key, std::string_view(item))) out.emplace_back(std::string_view(item));
    }
    return out;
  }

  // A number within (low, high) or (low, high] as `high_inclusive` says.
  std::optional<double> Number(std::string_view key, double low, double high, bool high_inclusive) {
    const element* e = Find(key);
    if (e == nullptr) return std::nullopt;
    if (!IsNumber(e->type())) {
      Fail(key, fmt::format("expected a number, got {}", TypeName(e->type())));
      return std::nullopt;
    }
    const double v = double(*e);
    const bool in_range = std::isfinite(v) && v > low && (high_inclusive ? v <= high : v < high);
    if (!in_range) {
      Fail(key,
           fmt::format("must be in ({}, {}{}, got {}", low, high, high_inclusive ? "]" : ")", v));
      return std::nullopt;
    }
    return v;
  }

  // A time field: a string in ISO 8601 (text::ParseIsoTime). Returns the text and its instant,
  // or nullopt when absent or bad (a problem recorded).
  std::optional<std::pair<std::string_view, std::int64_t>> Time(std::string_view key) {
    auto s = String(key, false);
    if (!s) return std::nullopt;
    auto instant = builder_.ParseTime(line_, key, *s);
    if (!instant) {
      ok_ = false;
      return std::nullopt;
    }
    return std::make_pair(*s, *instant);
  }

  std::optional<bool> Bool(std::string_view key) {
    const element* e = Find(key);
    if (e == nullptr) return std::nullopt;
    if (e->type() != element_type::BOOL) {
      Fail(key, fmt::format("expected true or false, got {}", TypeName(e->type())));
      return std::nullopt;
    }
    return bool(*e);
  }

 private:
  const element* Find(std::string_view key) const {
    for (const auto& [k, v] : fields_) {
      if (k == key) return &v;
    }
    return nullptr;
  }

  bool CheckId(std::string_view key, std::string_view id) {
    if (builder_.CheckId(line_, key, id)) return true;
    ok_ = false;
    return false;
  }

  DatasetBuilder& builder_;
  long line_;
  bool ok_ = true;
  std::vector<std::pair<std::string_view, element>> fields_;
};

void ReadPrior(Record& r, Source* source) {
  if (auto p = r.Number("prior", 0.0, 1.0, false)) source->prior = *p;
  if (auto p = r.Number("prior_strength", 0.0, 1e9, true)) source->prior_strength = *p;
}

void ReadSource(Record& r, DatasetBuilder& b, SourceKind kind) {
  Source s;
  s.kind = kind;
  auto id = r.Id("id", true);
  if (auto name = r.String("name", false)) s.name = std::string(*name);
  if (auto url = r.String("url", false)) s.url = std::string(*url);
  ReadPrior(r, &s);
  std::vector<std::string> affiliations;
  std::string parent;
  if (kind == SourceKind::kOutlet) {
    if (auto k = r.String("kind", false); k && !ParseOutletKind(*k, &s.outlet_kind)) {
      r.Fail("kind", fmt::format("unknown outlet kind '{}' (expected news, wire, fact-checker, "
                                 "social, official or other)",
                                 *k));
    }
  } else if (kind == SourceKind::kSpeaker) {
    if (auto role = r.String("role", false)) s.role = std::string(*role);
    if (auto anonymous = r.Bool("anonymous")) s.anonymous = *anonymous;
    affiliations = r.IdList("affiliation");
  } else {
    if (auto p = r.Id("parent", false)) parent = std::string(*p);
  }
  if (!id || !r.ok()) return;
  s.id = std::string(*id);
  if (s.name.empty()) s.name = s.id;
  b.AddSource(std::move(s), std::move(affiliations), std::move(parent), r.line());
}

void ReadClaim(Record& r, DatasetBuilder& b) {
  Claim c;
  auto id = r.Id("id", true);
  auto text = r.String("text", true);
  DatasetBuilder::ClaimParties parties{r.IdList("about"), r.IdList("adverse_to"),
                                       r.IdList("favours")};
  if (parties.favours.empty()) parties.favours = r.IdList("favors");
  if (auto group = r.Id("group", false)) c.group = b.Group(*group);
  if (auto time = r.Time("time")) {
    c.time = std::string(time->first);
    c.time_utc = time->second;
  }
  if (!id || !text || !r.ok()) return;
  c.id = std::string(*id);
  c.text = std::string(*text);
  b.AddClaim(std::move(c), std::move(parties), r.line());
}

void ReadReport(Record& r, DatasetBuilder& b) {
  Report rep;
  auto id = r.Id("id", true);
  auto outlet = r.Id("outlet", true);
  if (auto v = r.String("title", false)) rep.title = std::string(*v);
  if (auto v = r.String("url", false)) rep.url = std::string(*v);
  if (auto time = r.Time("time")) {
    rep.time = std::string(time->first);
    rep.time_utc = time->second;
  }
  auto cites = r.IdList("cites");
  if (!id || !outlet || !r.ok()) return;
  rep.id = std::string(*id);
  b.AddReport(std::move(rep), std::string(*outlet), std::move(cites), r.line());
}

void ReadStance(Record& r, DatasetBuilder& b) {
  RawStance s;
  s.line = static_cast<std::uint32_t>(r.line());
  auto id = r.Id("id", false);
  auto holder = r.Id("holder", true);
  auto claim = r.Id("claim", true);
  auto polarity = r.String("polarity", true);
  if (polarity && !ParsePolarity(*polarity, &s.polarity)) {
    r.Fail("polarity",
           fmt::format("unknown polarity '{}' (expected supports, denies or neutral)", *polarity));
  }
  auto report = r.Id("report", false);
  auto via = r.IdList("via");
  if (via.size() > 1000) r.Fail("via", "an attribution chain may have at most 1000 links");
  if (auto hedge = r.String("hedge", false); hedge && !ParseHedge(*hedge, &s.hedge)) {
    r.Fail("hedge", fmt::format("unknown hedge '{}' (see docs/format.md for the list)", *hedge));
  }
  if (auto w = r.Number("weight", 0.0, 1.0, true)) {
    s.weight = static_cast<float>(*w);
    // A positive double below the smallest float, such as 1e-50, would be stored as 0.
    if (!(s.weight > 0.0F)) {
      r.Fail("weight", fmt::format("must be in (0, 1], got {} (rounds to 0)", *w));
    }
  }
  auto origin = r.String("origin", false);
  auto quote = r.String("quote", false);
  auto time = r.Time("time");
  if (!holder || !claim || !polarity || !r.ok()) return;
  s.holder = b.Name(*holder);
  s.claim = b.Name(*claim);
  if (report) s.report = b.Name(*report);
  if (id) s.id = b.Name(*id);
  if (origin && !origin->empty()) s.origin = b.Origin(*origin);
  if (quote) s.quote = b.Text(std::string(*quote));
  if (time) {
    s.time = b.TimeText(std::string(time->first), time->second);
  }
  s.via_begin = b.ViaSize();
  s.via_size = static_cast<std::uint16_t>(via.size());
  for (const auto& v : via) b.AddVia(b.Name(v));
  b.AddStance(s);
}

// A retraction (or correction: the same record) withdraws the stance it names from its time on.
void ReadRetraction(Record& r, DatasetBuilder& b) {
  RawRetraction t;
  t.line = static_cast<std::uint32_t>(r.line());
  auto stance = r.Id("stance", true);
  auto report = r.Id("report", false);
  auto time = r.Time("time");
  if (!stance || !r.ok()) return;
  t.stance = b.Name(*stance);
  if (report) t.report = b.Name(*report);
  if (time) {
    t.time = std::string(time->first);
    t.time_utc = time->second;
  }
  b.AddRetraction(std::move(t));
}

}  // namespace

Dataset ParseJsonl(std::string_view content, const std::string& path) {
  DatasetBuilder builder(path);
  simdjson::dom::parser parser;
  if (parser.allocate(std::size_t{1} << 16, kMaxDepth) != simdjson::SUCCESS) {
    throw Error("cannot allocate the JSON parser");
  }
  const std::string_view text = text::StripBom(content);
  builder.SetEmptyMessage(text::Trim(text, text::kWhitespace).empty()
                              ? "no records: the file is empty"
                              : "no records: the file holds only blank lines and comments");
  text::ForEachLine(text, [&](long number, std::string_view line) {
    if (builder.TooManyProblems()) return false;
    const std::string_view record = text::Trim(line);
    if (record.empty() || record.front() == '#') return true;
    if (line.size() > kMaxLineBytes) {
      builder.Problem(number, "",
                      fmt::format("line too long: {} bytes (a record may have at most {})",
                                  line.size(), kMaxLineBytes));
      return true;
    }
    if (record.substr(0, 3) == "\xEF\xBB\xBF") {
      builder.Problem(number, "",
                      "a byte-order mark is allowed only at the start of the file (were two "
                      "files joined?)");
      return true;
    }
    if (auto bad = text::FindInvalidUtf8(line); bad != std::string_view::npos) {
      builder.Problem(number, "", fmt::format("invalid UTF-8 at byte {} of the line", bad + 1));
      return true;
    }
    if (line.size() > parser.capacity() &&
        parser.allocate(line.size(), kMaxDepth) != simdjson::SUCCESS) {
      builder.Problem(number, "", "line too long to parse");
      return true;
    }
    element doc;
    if (auto error = parser.parse(line.data(), line.size(), true).get(doc); error) {
      builder.Problem(number, "",
                      fmt::format("malformed JSON: {}", simdjson::error_message(error)));
      return true;
    }
    if (doc.type() != element_type::OBJECT) {
      builder.Problem(number, "",
                      fmt::format("expected a JSON object, got {}", TypeName(doc.type())));
      return true;
    }
    simdjson::dom::object object(doc);
    element type_element;
    if (object["type"].get(type_element) != simdjson::SUCCESS) {
      builder.Problem(number, "type", "missing required field");
      return true;
    }
    if (type_element.type() != element_type::STRING) {
      builder.Problem(number, "type",
                      fmt::format("expected a string, got {}", TypeName(type_element.type())));
      return true;
    }
    const std::string_view type(type_element);
    Record r(builder, number);
    if (type == "stance") {
      r.Load(object, type,
             {"type", "id", "holder", "claim", "polarity", "report", "via", "hedge", "weight",
              "origin", "quote", "time"});
      ReadStance(r, builder);
    } else if (type == "claim") {
      r.Load(object, type,
             {"type", "id", "text", "about", "adverse_to", "favours", "favors", "group", "time"});
      ReadClaim(r, builder);
    } else if (type == "outlet") {
      r.Load(object, type, {"type", "id", "name", "kind", "prior", "prior_strength", "url"});
      ReadSource(r, builder, SourceKind::kOutlet);
    } else if (type == "speaker") {
      r.Load(object, type,
             {"type", "id", "name", "role", "affiliation", "anonymous", "prior", "prior_strength",
              "url"});
      ReadSource(r, builder, SourceKind::kSpeaker);
    } else if (type == "organisation" || type == "organization") {
      r.Load(object, type, {"type", "id", "name", "parent", "prior", "prior_strength", "url"});
      ReadSource(r, builder, SourceKind::kOrganisation);
    } else if (type == "report") {
      r.Load(object, type, {"type", "id", "outlet", "title", "url", "time", "cites"});
      ReadReport(r, builder);
    } else if (type == "retraction" || type == "correction") {
      r.Load(object, type, {"type", "stance", "report", "time"});
      ReadRetraction(r, builder);
    } else {
      builder.Problem(number, "type",
                      fmt::format("unknown record type '{}' (expected outlet, speaker, "
                                  "organisation, claim, report, stance or retraction)",
                                  type));
    }
    return true;
  });
  return builder.Finish();
}

}  // namespace credence::io
