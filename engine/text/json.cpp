#include "credence/text/json.hpp"

#include <fmt/format.h>

#include <array>
#include <iterator>

namespace credence::text {

namespace {

// Appends the JSON string literal of `s` to `out`: runs that need no escape are copied whole, and
// no temporary string is made per value or key.
constexpr std::array<bool, 256> kEscaped = [] {
  std::array<bool, 256> escaped{};
  for (int b = 0; b < 0x20; ++b) escaped[b] = true;
  escaped[0x7F] = escaped['"'] = escaped['\\'] = true;
  return escaped;
}();

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;  // start of the pending run of plain characters
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (!kEscaped[byte]) continue;
    out.append(s, run, i - run);
    run = i + 1;
    switch (byte) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        fmt::format_to(std::back_inserter(out), "\\u{:04x}", byte);
    }
  }
  out.append(s, run, s.size() - run);
  out += '"';
}

}  // namespace

std::string JsonString(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  AppendJsonString(out, s);
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
  AppendJsonString(*out_, key);
  *out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(*out_, value);
  return *this;
}

JsonWriter& JsonWriter::Number(std::string_view formatted) {
  BeforeValue();
  *out_ += formatted;
  return *this;
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
