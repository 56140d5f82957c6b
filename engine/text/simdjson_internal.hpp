#pragma once
// Small helpers over simdjson's DOM shared by the readers of JSON inputs (JSON Lines datasets,
// parameter files). Internal: simdjson is a private dependency of the engine.

#include <simdjson.h>

#include <cstdint>
#include <string_view>

namespace credence::text {

/// "an array", "a number", ...: what a JSON value is, for error messages.
inline std::string_view JsonTypeName(simdjson::dom::element_type t) {
  using simdjson::dom::element_type;
  switch (t) {
    case element_type::ARRAY:
      return "an array";
    case element_type::OBJECT:
      return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "a number";
    case element_type::STRING:
      return "a string";
    case element_type::BOOL:
      return "a boolean";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "a value";
}

/// Whether a JSON value is a number (integer or not).
inline bool JsonIsNumber(simdjson::dom::element_type t) {
  using simdjson::dom::element_type;
  return t == element_type::INT64 || t == element_type::UINT64 || t == element_type::DOUBLE;
}

}  // namespace credence::text
