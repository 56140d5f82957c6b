// SQUAREM acceleration (ModelOptions::accelerate) must reach the same fixed point as the plain
// iteration, in fewer iterations, on seeded random datasets.

#include <gtest/gtest.h>

#include <cmath>

#include "credence/scoring/model.hpp"
#include "testutil/random_dataset.hpp"
#include "testutil/scoring.hpp"

namespace credence {
namespace {

class Acceleration : public testing::TestWithParam<std::uint64_t> {};

TEST_P(Acceleration, SameFixedPointInFewerIterations) {
  testutil::RandomDatasetOptions shape;
  shape.seed = GetParam();
  const auto frozen =
      testutil::Freeze(testutil::RandomJsonlDataset(shape), testutil::Format::kJsonl);
  scoring::ModelOptions plain;
  plain.accelerate = 0.0;
  plain.tolerance = 1e-13;
  plain.max_iterations = 100000;
  scoring::ModelOptions fast = plain;
  fast.accelerate = 1.0;
  const auto a = scoring::ScoreDefault(frozen->data, frozen->snap, plain);
  const auto b = scoring::ScoreDefault(frozen->data, frozen->snap, fast);
  ASSERT_TRUE(a.converged);
  ASSERT_TRUE(b.converged);
  // On these seeds plain iteration takes 48 to 95 iterations and SQUAREM 22 to 35.
  EXPECT_LT(b.iterations, a.iterations);
  for (std::size_t c = 0; c < a.belief.size(); ++c) EXPECT_NEAR(a.belief[c], b.belief[c], 1e-9);
  for (std::size_t s = 0; s < a.trust.size(); ++s) EXPECT_NEAR(a.trust[s], b.trust[s], 1e-9);
}

INSTANTIATE_TEST_SUITE_P(Seeds, Acceleration, testing::Values(1u, 7u, 42u, 2024u, 31337u));

}  // namespace
}  // namespace credence
