#pragma once
/// Gold files: the known truth that `credence eval` measures the algorithms against
/// (docs/format.md, "Gold files"). Two shapes, told apart by the header row:
///
///   claim,truth               one row a claim: its id and `true` or `false`
///   object,value[,tolerance]  one row an object (a group of alternatives; for triples, the
///                             `object` column): its true value, and optionally a relative
///                             tolerance for numbers (|predicted - gold| <= tolerance * |gold|)
///
/// CSV as RFC 4180 (quoted fields may hold commas, "" and newlines); columns in any order, header
/// names matched without case and surrounding spaces; fields trimmed of spaces and tabs; blank
/// lines skipped; UTF-8 with an optional byte-order mark.

#include <string>
#include <string_view>
#include <vector>

#include "credence/core/dataset.hpp"

namespace credence::eval {

enum class GoldKind { kClaim, kObject };

/// The truth about one claim.
struct GoldClaim {
  std::string claim;  ///< Claim id.
  bool truth = false;
  long line = 0;  ///< Line in the gold file, for messages.
};

/// The true value of one object.
struct GoldObject {
  std::string object;     ///< Group name (for triples, the `object` column).
  std::string value;      ///< Compared with the claims' `value` (or, without one, their id).
  double tolerance = -1;  ///< Relative tolerance >= 0; negative: exact match of the strings.
  double number = 0;      ///< `value` as a number, when tolerance >= 0.
  long line = 0;
};

struct Gold {
  std::string path;
  GoldKind kind = GoldKind::kClaim;
  std::vector<GoldClaim> claims;    ///< For kClaim, in file order; ids are unique.
  std::vector<GoldObject> objects;  ///< For kObject, in file order; objects are unique.

  /// Number of gold rows.
  std::size_t size() const { return kind == GoldKind::kClaim ? claims.size() : objects.size(); }
};

/// Parses a number the way gold values and tolerances are read: the whole (trimmed) string, in
/// decimal or exponent notation, an optional leading '+'; finite only. Returns false otherwise.
bool ParseGoldNumber(std::string_view text, double* out);

/// Whether a claim holds an object's gold value: its `value` (triples; else its id) equals the
/// gold value, or, with a tolerance, is a number within it.
bool GoldMatches(const Claim& claim, const GoldObject& gold);

/// Reads a gold file. Time and memory O(file size).
/// @throws DataError listing every problem as FILE:LINE: field 'F': message: the file missing or
/// empty, an unknown, missing or repeated header column, a row with the wrong number of fields,
/// an unterminated quote, invalid UTF-8, an empty id or value, a truth other than true/false, a
/// duplicate claim or object, a tolerance that is not a number >= 0 or is given for a value that
/// is not a number, a header with no rows.
Gold ReadGold(const std::string& path);

/// Parses a gold file's content; `path` is used in messages only. @throws DataError as ReadGold.
Gold ParseGold(std::string_view content, const std::string& path);

}  // namespace credence::eval
