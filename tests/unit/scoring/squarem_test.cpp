// The fixed-point driver with SQUAREM acceleration (engine/scoring/squarem_internal.hpp), on maps
// whose fixed points and step counts are known by hand.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "scoring/squarem_internal.hpp"

namespace credence::scoring {
namespace {

// x <- 0.9 x + 0.1 t in every coordinate: a contraction by 0.9 towards t. Returns the largest
// change; records every point it produces in `seen`.
struct Contraction {
  std::vector<double> target;
  std::vector<double>* x;
  std::vector<double> seen;

  double operator()() {
    double residual = 0.0;
    for (std::size_t i = 0; i < x->size(); ++i) {
      const double next = 0.9 * (*x)[i] + 0.1 * target[i];
      residual = std::max(residual, std::abs(next - (*x)[i]));
      (*x)[i] = next;
      seen.push_back(next);
    }
    return residual;
  }
};

// Plain iteration stops when a step moves less than 1e-10: 0.03 * 0.9^k < 1e-10 after 187 steps.
// On this map r = t1 - t0 = -0.1 e and v = t2 - 2 t1 + t0 = 0.01 e for the error e = t0 - t, so
// a = -|r| / |v| = -10 would land on the fixed point, but a is clamped to -4: the jump leaves
// e (1 + 0.2 a + 0.01 a^2) = 0.36 e, and each cycle of two steps and a jump shrinks the error by
// 0.81 * 0.36 = 0.29 instead of 0.81, in under a quarter of the steps.
TEST(SquaremTest, SameFixedPointInFewerSteps) {
  const std::vector<double> target = {0.2, 0.5, 0.8};
  FixedPointOptions options;
  options.max_iterations = 1000;
  options.tolerance = 1e-10;
  options.accelerate = false;
  std::vector<double> plain(3, 0.5);
  const FixedPointStats slow =
      IterateToFixedPoint(&plain, options, Contraction{target, &plain, {}});
  options.accelerate = true;
  std::vector<double> fast(3, 0.5);
  const FixedPointStats quick = IterateToFixedPoint(&fast, options, Contraction{target, &fast, {}});
  ASSERT_TRUE(slow.converged);
  ASSERT_TRUE(quick.converged);
  EXPECT_EQ(slow.iterations, 187);
  EXPECT_LT(4 * quick.iterations, slow.iterations);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(plain[i], target[i], 1e-8);
    EXPECT_NEAR(fast[i], target[i], 1e-8);
  }
}

// Every extrapolated point is clamped into [lower, upper]: a target on the bound is approached
// from inside, whatever the jump.
TEST(SquaremTest, JumpsStayInTheBox) {
  std::vector<double> x = {0.0, 0.5};
  Contraction step{{1.0, 1.0}, &x, {}};
  FixedPointOptions options;
  options.max_iterations = 100;
  options.tolerance = 1e-12;
  options.lower = 0.0;
  options.upper = 1.0;
  const FixedPointStats stats = IterateToFixedPoint(&x, options, [&] {
    for (double v : x) EXPECT_LE(v, 1.0);
    return step();
  });
  EXPECT_TRUE(stats.converged);
  for (double v : x) EXPECT_NEAR(v, 1.0, 1e-10);
}

// x <- min(x + 1, 3) from 0: changes 1, 1, 1, then 0. Tolerance 0 stops only at that 0.
TEST(SquaremTest, ToleranceZeroStopsOnlyWhenNothingMoves) {
  FixedPointOptions options;
  options.tolerance = 0.0;
  options.accelerate = false;
  const auto run = [&](int cap) {
    std::vector<double> x = {0.0};
    options.max_iterations = cap;
    const FixedPointStats stats = IterateToFixedPoint(&x, options, [&] {
      const double next = std::min(x[0] + 1.0, 3.0);
      const double change = next - x[0];
      x[0] = next;
      return change;
    });
    return stats;
  };
  const FixedPointStats capped = run(3);
  EXPECT_EQ(capped.iterations, 3);
  EXPECT_FALSE(capped.converged);
  EXPECT_EQ(capped.residual, 1.0);
  const FixedPointStats done = run(10);
  EXPECT_EQ(done.iterations, 4);
  EXPECT_TRUE(done.converged);
  EXPECT_EQ(done.residual, 0.0);
}

}  // namespace
}  // namespace credence::scoring
