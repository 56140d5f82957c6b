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
#include <vector>

#include "credence/graph/evidence.hpp"
#include "credence/core/dataset.hpp"

namespace credence::graph {

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
};

/// Builds the view. Deterministic (sources, claims and values in index order).
/// Time O(members + claims).
CategoricalView BuildCategoricalView(const Dataset& data, const EvidenceSnapshot& snap);

/// Turns per-value scores (>= 0) into per-claim beliefs: a claim's belief is its value's share of
/// its object's total score; with a zero total, 1/k over the k values (1/2 for a binary object).
std::vector<double> BeliefsFromValueScores(const CategoricalView& view,
                                           const std::vector<double>& value_score);

}  // namespace credence::graph
