#pragma once
/// When the scoring loops run in parallel. Every parallel loop of the scoring code computes each
/// output element with one sequential loop (the only reductions are maxima, which are exact), so
/// results never depend on the thread count; this constant only decides when threads pay off.

#include <cstdint>

namespace credence::scoring {

/// Loops over fewer elements than this (claims, sources, values, objects, observations) run on
/// one thread: starting and spinning OpenMP workers costs more than they save, badly so on a
/// loaded machine. Loops over groups of alternatives use kParallelThreshold / 8 (a group is
/// several claims). Tests that compare thread counts must exceed it, or they compare one thread
/// with itself.
inline constexpr std::int64_t kParallelThreshold = 8192;

}  // namespace credence::scoring
