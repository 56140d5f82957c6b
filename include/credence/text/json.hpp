#pragma once
/// Writing JSON text: string literals, and a small streaming writer that places the commas and
/// colons, so that no output builds JSON by format strings.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace credence::text {

/// A JSON string literal, quotes included; '"', '\\' and control characters are escaped.
std::string JsonString(std::string_view s);

/// Appends JSON to a string. Values and keys are separated by commas and colons as needed; the
/// caller chooses number formats (Number takes text already formatted, e.g. "0.587395") and may
/// ask for a line break before the next value or closing bracket (Newline; it comes after the
/// value's comma), which JSON readers ignore. Misuse (a value where a
/// key is due, an unbalanced End) is a programmer error, not checked in release builds.
///
///   std::string out;
///   JsonWriter w(&out);
///   w.BeginObject().Key("id").String("x").Key("n").Int(3).EndObject();   // {"id":"x","n":3}
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  /// The key of the next value in the current object.
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  /// A number already formatted as JSON (digits, sign, '.', exponent), written as it is.
  JsonWriter& Number(std::string_view formatted);
  JsonWriter& Int(std::int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  /// An array of strings.
  JsonWriter& StringList(const std::vector<std::string>& values);
  /// A line break before the next value (after its comma) or the next closing bracket.
  JsonWriter& Newline() {
    newline_ = true;
    return *this;
  }

 private:
  JsonWriter& Open(char bracket);
  JsonWriter& Close(char bracket);
  void BeforeValue();
  void LineBreak();

  std::string* out_;
  std::vector<bool> has_items_;  // per open container: a value was written in it
  bool after_key_ = false;
  bool newline_ = false;
};

}  // namespace credence::text
