#pragma once
// Pieces shared by the report writers (table/JSON/CSV, HTML, Markdown, DOT, eval). Not installed.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "credence/core/dataset.hpp"

namespace credence::report::internal {

/// A source's display name: its name, else its id.
std::string SourceLabel(const Dataset& data, Index source);

/// "outlet/national", "person", ...: the kind column of the table, HTML and Markdown.
std::string KindText(const Source& source);

/// Fixed-precision number without a negative zero ("-0.00" becomes "0.00").
std::string Fixed(double v, int precision);

/// A JSON number with 6 decimals (as Fixed), or null when `v` is not finite.
std::string JsonNumber(double v);

/// " (top N of M)" when `shown` < `total`, else "".
std::string TopNote(std::size_t shown, std::size_t total);

/// Number of UTF-8 code points of `s` (bytes that are not continuation bytes).
std::size_t CodePoints(std::string_view s);

/// `s` itself when it has at most `limit` code points, else its first `keep` code points and an
/// ellipsis.
std::string Shorten(std::string_view s, std::size_t limit, std::size_t keep);

/// Appends `text` to `list` unless it is there already (relays that read the same show once).
void AppendUnique(std::vector<std::string>& list, std::string text);

}  // namespace credence::report::internal
