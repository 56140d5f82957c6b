#include "credence/eval/gold.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unordered_map>

#include "credence/core/error.hpp"
#include "credence/text/csv.hpp"
#include "credence/text/file.hpp"
#include "credence/text/json.hpp"
#include "credence/text/utf8.hpp"

namespace credence::eval {
namespace {

// Past this many problems the reader stops (as the dataset readers do).
constexpr std::size_t kMaxProblems = 1000;

std::string_view Trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

class Problems {
 public:
  explicit Problems(const std::string& path) : path_(path) {}
  void Add(long line, std::string field, std::string message) {
    list_.push_back(Diagnostic{path_, line, std::move(field), std::move(message)});
  }
  bool TooMany() const { return list_.size() >= kMaxProblems; }
  void ThrowIfAny() {
    if (!list_.empty()) throw DataError(std::move(list_));
  }

 private:
  const std::string& path_;
  std::vector<Diagnostic> list_;
};

constexpr std::string_view kHeaders = "'claim,truth' or 'object,value[,tolerance]'";

// Column positions of the header, or -1.
struct Header {
  int claim = -1, truth = -1, object = -1, value = -1, tolerance = -1;
  std::size_t width = 0;
};

bool ReadHeader(const std::vector<std::string>& fields, long line, Problems& problems, Header* h) {
  bool ok = true;
  h->width = fields.size();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string name = Lower(Trimmed(fields[i]));
    int* slot = name == "claim"       ? &h->claim
                : name == "truth"     ? &h->truth
                : name == "object"    ? &h->object
                : name == "value"     ? &h->value
                : name == "tolerance" ? &h->tolerance
                                      : nullptr;
    if (slot == nullptr) {
      problems.Add(
          line, fields[i],
          fmt::format("unknown column in the header (a gold file starts with {})", kHeaders));
      ok = false;
    } else if (*slot >= 0) {
      problems.Add(line, fields[i], "column given twice in the header");
      ok = false;
    } else {
      *slot = static_cast<int>(i);
    }
  }
  if (!ok) return false;
  const bool claim_kind = h->claim >= 0 || h->truth >= 0;
  const bool object_kind = h->object >= 0 || h->value >= 0 || h->tolerance >= 0;
  if (claim_kind && object_kind) {
    problems.Add(
        line, "",
        fmt::format("the header mixes the two kinds of gold file (expected {})", kHeaders));
    return false;
  }
  auto require = [&](int index, std::string_view name) {
    if (index >= 0) return;
    problems.Add(
        line, std::string(name),
        fmt::format("missing header column '{}' (a gold file starts with {})", name, kHeaders));
    ok = false;
  };
  if (claim_kind) {
    require(h->claim, "claim");
    require(h->truth, "truth");
  } else {
    require(h->object, "object");
    require(h->value, "value");
  }
  return ok;
}

// Checks an id or value field: not empty, valid UTF-8, and for ids (as in the dataset readers)
// no control characters.
bool CheckText(Problems& problems, long line, std::string_view field, std::string_view text,
               std::string_view what, bool is_id) {
  if (text.empty()) {
    problems.Add(line, std::string(field), fmt::format("{} must not be empty", what));
    return false;
  }
  if (const auto bad = text::FindInvalidUtf8(text); bad != std::string_view::npos) {
    problems.Add(line, std::string(field),
                 fmt::format("invalid UTF-8 at byte {} of the field", bad + 1));
    return false;
  }
  if (is_id && std::any_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
      })) {
    problems.Add(line, std::string(field),
                 fmt::format("{} must not contain control characters", what));
    return false;
  }
  return true;
}

std::string FileContent(const std::string& path) {
  auto fail = [&](std::string message) -> std::string {
    throw DataError({Diagnostic{path, 0, "", std::move(message)}});
  };
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return fail(fmt::format("cannot open the file: {}", std::strerror(errno)));
  }
  if (S_ISDIR(info.st_mode)) return fail("cannot read a directory as a gold file");
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) return fail(fmt::format("cannot open the file: {}", std::strerror(errno)));
  std::string content;
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) content.append(buffer, n);
  if (std::ferror(file.get())) {
    return fail(fmt::format("cannot read the file: {}", std::strerror(errno)));
  }
  return content;
}

}  // namespace

bool ParseGoldNumber(std::string_view text, double* out) {
  text = Trimmed(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return false;
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

Gold ParseGold(std::string_view content, const std::string& path) {
  Gold gold;
  gold.path = path;
  Problems problems(path);
  text::CsvRecords records(text::StripBom(content), text::CsvRecords::Spaces::kAroundQuotes);
  std::vector<std::string> fields;
  long line = 0;
  std::string error;
  Header h;
  // The header is the first record that is not a blank line.
  bool have_header = false;
  while (records.Next(&fields, &line, &error)) {
    if (!error.empty()) {
      problems.Add(line, "", error);
      problems.ThrowIfAny();
    }
    if (fields.size() == 1 && Trimmed(fields[0]).empty()) continue;
    have_header = true;
    break;
  }
  if (!have_header) {
    problems.Add(0, "",
                 fmt::format("no records: the file is empty (expected a header row {})", kHeaders));
    problems.ThrowIfAny();
  }
  if (!ReadHeader(fields, line, problems, &h)) problems.ThrowIfAny();
  gold.kind = h.claim >= 0 ? GoldKind::kClaim : GoldKind::kObject;

  std::unordered_map<std::string, long> first_line;  // id -> line it was first given at
  while (!problems.TooMany() && records.Next(&fields, &line, &error)) {
    if (!error.empty()) {
      problems.Add(line, "", error);
      continue;
    }
    if (fields.size() == 1 && Trimmed(fields[0]).empty()) continue;  // blank line
    if (fields.size() != h.width) {
      problems.Add(
          line, "",
          fmt::format("expected {} fields as in the header, got {}", h.width, fields.size()));
      continue;
    }
    if (gold.kind == GoldKind::kClaim) {
      const auto id = Trimmed(fields[h.claim]);
      const auto truth = Lower(Trimmed(fields[h.truth]));
      bool ok = CheckText(problems, line, "claim", id, "a claim id", true);
      GoldClaim row{std::string(id), truth == "true", line};
      if (truth != "true" && truth != "false") {
        problems.Add(line, "truth",
                     fmt::format("expected true or false, got '{}'", Trimmed(fields[h.truth])));
        ok = false;
      }
      if (!ok) continue;
      const auto [it, fresh] = first_line.emplace(row.claim, line);
      if (!fresh) {
        problems.Add(line, "claim",
                     fmt::format("duplicate claim '{}', first given at line {}", id, it->second));
        continue;
      }
      gold.claims.push_back(std::move(row));
    } else {
      const auto object = Trimmed(fields[h.object]);
      const auto value = Trimmed(fields[h.value]);
      bool ok = CheckText(problems, line, "object", object, "an object", true);
      ok = CheckText(problems, line, "value", value, "a value", false) && ok;
      GoldObject row{std::string(object), std::string(value), -1.0, 0.0, line};
      const auto tolerance = h.tolerance >= 0 ? Trimmed(fields[h.tolerance]) : "";
      if (!tolerance.empty()) {
        if (!ParseGoldNumber(tolerance, &row.tolerance) || row.tolerance < 0) {
          problems.Add(line, "tolerance",
                       fmt::format("must be a number >= 0, got '{}'", tolerance));
          ok = false;
        } else if (ok && !ParseGoldNumber(value, &row.number)) {
          problems.Add(line, "tolerance",
                       fmt::format("a tolerance needs a numeric value, got value '{}'", value));
          ok = false;
        }
      }
      if (!ok) continue;
      const auto [it, fresh] = first_line.emplace(row.object, line);
      if (!fresh) {
        problems.Add(
            line, "object",
            fmt::format("duplicate object '{}', first given at line {}", object, it->second));
        continue;
      }
      gold.objects.push_back(std::move(row));
    }
  }
  problems.ThrowIfAny();
  if (gold.size() == 0) {
    problems.Add(0, "", "no records: the file has a header row but no data rows");
    problems.ThrowIfAny();
  }
  return gold;
}

Gold ReadGold(const std::string& path) { return ParseGold(FileContent(path), path); }

bool GoldMatches(const Claim& claim, const GoldObject& gold) {
  const std::string& predicted = claim.value.empty() ? claim.id : claim.value;
  if (predicted == gold.value) return true;
  if (gold.tolerance < 0) return false;
  double v = 0;
  if (!ParseGoldNumber(predicted, &v)) return false;
  return std::abs(v - gold.number) <= gold.tolerance * std::abs(gold.number);
}

}  // namespace credence::eval
