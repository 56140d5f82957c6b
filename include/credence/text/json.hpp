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
///   w.BeginObject().Field("type", "claim").EndObject().EndLine();          // {"type":"claim"}\n
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
  /// A finite number with up to `significant_digits` (1-17) significant digits, written as
  /// printf's %g writes it: Number(0.5873951, 6) gives 0.587395, Number(1234567, 6) 1.23457e+06.
  JsonWriter& Number(double value, int significant_digits);
  JsonWriter& Int(std::int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  /// An array of strings.
  JsonWriter& StringList(const std::vector<std::string>& values);
  /// A key and its string value: Key(key).String(value).
  JsonWriter& Field(std::string_view key, std::string_view value) { return Key(key).String(value); }
  /// Field(key, value) when `value` is not empty; nothing otherwise.
  JsonWriter& FieldIfNotEmpty(std::string_view key, std::string_view value) {
    return value.empty() ? *this : Field(key, value);
  }
  /// A line break after a complete top-level value: one value a line, as JSON Lines writes
  /// records.
  JsonWriter& EndLine() {
    *out_ += '\n';
    return *this;
  }
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
