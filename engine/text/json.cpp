#include "credence/text/json.hpp"

#include <fmt/format.h>

#include <array>
#include <iterator>

namespace credence::text {

namespace {

// Whether a byte must be escaped in a JSON string: '"', '\\', control characters and DEL.
constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[static_cast<std::size_t>(c)] = true;
  table['"'] = table['\\'] = table[0x7F] = true;
  return table;
}();

bool NeedsEscape(char c) { return kNeedsEscape[static_cast<unsigned char>(c)]; }

// Appends the JSON string literal of `s`. Runs without anything to escape (most ids and text) are
// appended whole.
void AppendJsonString(std::string* out, std::string_view s) {
  *out += '"';
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t run = i;
    while (run < s.size() && !NeedsEscape(s[run])) ++run;
    out->append(s.data() + i, run - i);
    if (run == s.size()) break;
    const char c = s[run];
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default:
        *out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
    }
    i = run + 1;
  }
  *out += '"';
}

}  // namespace

std::string JsonString(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  AppendJsonString(&out, s);
  return out;
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_items_.empty()) {
    if (has_items_.back()) *out_ += ',';
    has_items_.back() = true;
  }
  LineBreak();
}

void JsonWriter::LineBreak() {
  if (newline_) *out_ += '\n';
  newline_ = false;
}

JsonWriter& JsonWriter::Open(char bracket) {
  BeforeValue();
  *out_ += bracket;
  has_items_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::Close(char bracket) {
  LineBreak();
  *out_ += bracket;
  if (!has_items_.empty()) has_items_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendJsonString(out_, key);
  *out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(out_, value);
  return *this;
}

JsonWriter& JsonWriter::Number(std::string_view formatted) {
  BeforeValue();
  *out_ += formatted;
  return *this;
}

JsonWriter& JsonWriter::Number(double value, int significant_digits) {
  return Number(fmt::format("{:.{}g}", value, significant_digits));
}

JsonWriter& JsonWriter::Int(std::int64_t value) {
  BeforeValue();
  fmt::format_to(std::back_inserter(*out_), "{}", value);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) { return Number(value ? "true" : "false"); }

JsonWriter& JsonWriter::Null() { return Number("null"); }

JsonWriter& JsonWriter::StringList(const std::vector<std::string>& values) {
  BeginArray();
  for (const std::string& v : values) String(v);
  return EndArray();
}

}  // namespace credence::text
