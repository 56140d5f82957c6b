#pragma once
/// The rule for the ids of a dataset (sources, claims, reports, stances, groups, objects), shared
/// by the dataset readers and by the importers, which check every cell that becomes an id so that
/// what they write is read back.

#include <algorithm>
#include <string_view>

namespace credence::text {

/// What is wrong with `id` as an id, as the end of a message: "must not be empty" or "must not
/// contain control characters" (a byte below 0x20, or 0x7F); an empty view when `id` is valid.
/// Callers name the id before it ("an id must not be empty", "field 'editor': must not be
/// empty"). Whether the bytes are UTF-8 is not part of this check: readers that do not validate
/// whole lines check it with FindInvalidUtf8. O(|id|); allocates nothing. Inline: the readers
/// call it for every id of every row.
inline std::string_view IdProblem(std::string_view id) {
  if (id.empty()) return "must not be empty";
  if (std::any_of(id.begin(), id.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; })) {
    return "must not contain control characters";
  }
  return {};
}

}  // namespace credence::text
