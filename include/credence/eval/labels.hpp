#pragma once
/// Labelled claims: a gold file turned into the known truth of a dataset's claims, for the
/// default model to learn from (`--labels GOLD`: clamped during EM) and for `credence fit`.

#include <cstdint>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/eval/gold.hpp"

namespace credence::eval {

/// One entry per claim of `data`: 1 labelled true, 0 labelled false, -1 unlabelled. A
/// `claim,truth` gold labels its claims; an `object,value` gold labels every claim of the
/// object's group: true for the claim whose value matches (as `credence eval` matches it), false
/// for the others (all false when no claim matches).
/// @throws DataError naming the gold file, line and field ('claim' or 'object') of every row
/// that names no claim (or group) of `data`. Time O(gold rows * log claims + claims).
std::vector<std::int8_t> LabelClaims(const Dataset& data, const Gold& gold);

}  // namespace credence::eval
