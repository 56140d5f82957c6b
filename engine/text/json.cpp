#include "credence/text/json.hpp"

#include <fmt/format.h>

namespace credence::text {

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  out.reserve(s.size() + 2);
  for (char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
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
        if (byte < 0x20 || byte == 0x7F) {
          out += fmt::format("\\u{:04x}", byte);
        } else {
          out += c;
        }
    }
  }
  out += '"';
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
  *out_ += JsonString(key);
  *out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  *out_ += JsonString(value);
  return *this;
}

JsonWriter& JsonWriter::Number(std::string_view formatted) {
  BeforeValue();
  *out_ += formatted;
  return *this;
}

JsonWriter& JsonWriter::Int(std::int64_t value) { return Number(fmt::format("{}", value)); }

JsonWriter& JsonWriter::Bool(bool value) { return Number(value ? "true" : "false"); }

JsonWriter& JsonWriter::Null() { return Number("null"); }

JsonWriter& JsonWriter::StringList(const std::vector<std::string>& values) {
  BeginArray();
  for (const std::string& v : values) String(v);
  return EndArray();
}

}  // namespace credence::text
