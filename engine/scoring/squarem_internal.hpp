#pragma once
// A fixed-point iteration accelerated by SQUAREM (Varadhan & Roland, "Simple and Globally
// Convergent Methods for Accelerating the Convergence of Any EM Algorithm", Scandinavian Journal
// of Statistics 35(2), 2008), for any model whose iteration maps a vector of parameters in a box
// to itself: the default model's trusts today, a learned model's per-source rates tomorrow.

#include <functional>
#include <vector>

namespace credence::scoring {

/// How the iteration stops and what SQUAREM may do.
struct FixedPointOptions {
  int max_iterations = 1;  ///< >= 1.
  /// Stop after the first step whose residual is below this, or is 0 (so 0 runs until nothing
  /// moves at all, or to max_iterations); >= 0.
  double tolerance = 0.0;
  bool accelerate = true;  ///< Extrapolate with SQUAREM after every two plain steps.
  double lower = 0.0;      ///< Extrapolated parameters are clamped into [lower, upper].
  double upper = 1.0;
};

/// What the iteration did.
struct FixedPointStats {
  int iterations = 0;     ///< Plain steps taken, in [1, max_iterations].
  double residual = 0.0;  ///< The last step's residual.
  bool converged = false;
};

/// Runs `step` until its residual (the largest change it made, >= 0) meets the tolerance, or
/// max_iterations times. `step` performs one plain iteration in place on `*params` (and on any
/// state of its own, e.g. beliefs). With acceleration, from parameters t0 two plain steps give t1
/// and t2; with r = t1 - t0 and v = t2 - 2 t1 + t0, the parameters jump to t0 - 2 a r + a^2 v,
/// a = -|r| / |v| clamped to [-4, -1] (longer jumps overshoot on skewed data), each clamped into
/// [lower, upper]. The norms are sequential sums, so the result does not depend on how `step` is
/// parallelised. Should the step after a jump change more than ten times the plain step before
/// it, acceleration is switched off for the rest of the run (a jump moves every parameter at
/// once, so a larger change alone is no failure). Time: the steps' plus O(params) per step.
FixedPointStats IterateToFixedPoint(std::vector<double>* params, const FixedPointOptions& options,
                                    const std::function<double()>& step);

}  // namespace credence::scoring
