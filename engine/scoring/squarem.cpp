#include <algorithm>
#include <cmath>
#include <limits>

#include "squarem_internal.hpp"

namespace credence::scoring {
namespace {

constexpr double kAccelerationGuard = 10.0;  // a step after a jump may change 10x the last one
constexpr double kMaxStep = 4.0;             // |a| at most 4

// The SQUAREM jump from t0 through t1 to t2 = *params; false (nothing changed) when t2 - 2 t1 + t0
// is 0.
bool Extrapolate(const std::vector<double>& t0, const std::vector<double>& t1,
                 std::vector<double>* params, const FixedPointOptions& options) {
  std::vector<double>& t2 = *params;
  double r2 = 0.0;
  double v2 = 0.0;
  for (std::size_t i = 0; i < t2.size(); ++i) {
    const double r = t1[i] - t0[i];
    const double v = t2[i] - 2.0 * t1[i] + t0[i];
    r2 += r * r;
    v2 += v * v;
  }
  if (!(v2 > 0.0)) return false;
  const double a = std::clamp(-std::sqrt(r2 / v2), -kMaxStep, -1.0);
  for (std::size_t i = 0; i < t2.size(); ++i) {
    const double r = t1[i] - t0[i];
    const double v = t2[i] - 2.0 * t1[i] + t0[i];
    t2[i] = std::clamp(t0[i] - 2.0 * a * r + a * a * v, options.lower, options.upper);
  }
  return true;
}

}  // namespace

FixedPointStats IterateToFixedPoint(std::vector<double>* params, const FixedPointOptions& options,
                                    const std::function<double()>& step) {
  FixedPointStats stats;
  bool accelerate = options.accelerate;
  std::vector<double> t0;
  std::vector<double> t1;
  double last_plain = std::numeric_limits<double>::infinity();
  bool extrapolated = false;
  int plain_steps = 0;  // since the last jump (or the start): 0, then 1
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    if (accelerate && plain_steps == 0) t0 = *params;
    const double residual = step();
    stats.iterations = iteration;
    stats.residual = residual;
    if (residual < options.tolerance || residual == 0.0) {
      stats.converged = true;
      break;
    }
    if (extrapolated) {
      extrapolated = false;
      if (residual > kAccelerationGuard * last_plain) accelerate = false;
    }
    last_plain = residual;
    if (!accelerate) continue;
    if (++plain_steps == 1) {
      t1 = *params;
      continue;
    }
    plain_steps = 0;
    extrapolated = Extrapolate(t0, t1, params, options);
  }
  return stats;
}

}  // namespace credence::scoring
