#pragma once
/// Writing JSON text.

#include <string>
#include <string_view>

namespace credence::text {

/// A JSON string literal, quotes included; '"', '\\' and control characters are escaped.
std::string JsonString(std::string_view s);

}  // namespace credence::text
