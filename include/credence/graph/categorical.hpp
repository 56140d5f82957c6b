#pragma once
/// The categorical view of a snapshot that the classic truth-discovery algorithms work on:
/// *objects* with mutually exclusive *values*, and *observations* (a source gives a value).
///
/// - A claim outside any group is a binary object with two values: "the claim is true" (its
///   supporters observe it) and "the claim is false" (its deniers observe it).
/// - A group of alternatives is one object whose values are its claims; supporting a claim
///   observes its value. A denial of a claim in a group names no alternative and is not an
///   observation here (the default model still uses it).
/// Observations come from the snapshot's explicit members (implied denials are not repeated),
/// keyed by the member's owner, so an anonymous source observes through its outlet; a source
/// observes a value at most once however many relays carry it.

#include <cstdint>
#include <span>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/graph/evidence.hpp"

namespace credence::graph {

/// The view itself: flat arrays in compressed-sparse-row form, immutable once built.
struct CategoricalView {
  Index num_sources = 0;
  Index num_claims = 0;

  // Objects and their values: the values of object o are [object_offsets[o], object_offsets[o+1]).
  std::vector<Index> object_offsets;
  std::vector<Index> value_object;  ///< Object of each value.
  std::vector<Index> value_claim;   ///< Claim each value speaks of.
  std::vector<std::int8_t>
      value_sign;                  ///< +1: "claim true" (or a group's claim), -1: "claim false".
  std::vector<Index> claim_value;  ///< The "claim true" value of each claim.

  // Observations, by value: sources observing value v are value_sources[value_offsets[v] ...).
  std::vector<Index> value_offsets;
  std::vector<Index> value_sources;
  // The same observations by source: values observed by s are source_values[source_offsets[s] ...).
  std::vector<Index> source_offsets;
  std::vector<Index> source_values;

  std::size_t num_objects() const { return object_offsets.size() - 1; }
  std::size_t num_values() const { return value_object.size(); }
  std::size_t num_observations() const { return value_sources.size(); }
  Index object_size(std::size_t o) const { return object_offsets[o + 1] - object_offsets[o]; }
  /// True for the object of a claim outside any group: its values are [claim true, claim false].
  bool IsBinary(std::size_t o) const {
    return object_size(o) == 2 && value_sign[object_offsets[o] + 1] < 0;
  }

  /// The values of object o (indices into the value arrays). O(1).
  IndexRange ObjectValues(std::size_t object) const {
    return {object_offsets[object], object_offsets[object + 1]};
  }
  /// The positions in value_sources of the observations of object o's values. O(1).
  IndexRange ObjectObservations(std::size_t object) const {
    return {value_offsets[object_offsets[object]], value_offsets[object_offsets[object + 1]]};
  }
  /// The sources observing value v, ascending. O(1).
  std::span<const Index> ValueSources(std::size_t value) const {
    return {value_sources.data() + value_offsets[value],
            value_offsets[value + 1] - value_offsets[value]};
  }
  /// The positions of value v's observations in value_sources (for arrays parallel to it). O(1).
  IndexRange ValueObservations(std::size_t value) const {
    return {value_offsets[value], value_offsets[value + 1]};
  }
  /// The values source s observes, ascending. O(1).
  std::span<const Index> SourceValues(std::size_t source) const {
    return {source_values.data() + source_offsets[source],
            source_offsets[source + 1] - source_offsets[source]};
  }
};

/// Builds the view. Deterministic (sources, claims and values in index order).
/// Time O(members + claims).
CategoricalView BuildCategoricalView(const Dataset& data, const EvidenceSnapshot& snap);

/// Turns per-value scores (>= 0) into per-claim beliefs: a claim's belief is its value's share of
/// its object's total score; with a zero total, 1/k over the k values (1/2 for a binary object).
std::vector<double> BeliefsFromValueScores(const CategoricalView& view,
                                           const std::vector<double>& value_score);

}  // namespace credence::graph
