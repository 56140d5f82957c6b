// Unit tests for CREDENCE_ASSERT (include/credence/core/assert.hpp): in a build with assertions
// (no NDEBUG: the `debug` preset) a false condition prints FILE:LINE, the condition and the reason
// to stderr and aborts; without them the condition is not even evaluated.

#include "credence/core/assert.hpp"

#include <gtest/gtest.h>

namespace credence {
namespace {

#ifdef NDEBUG

TEST(AssertTest, DisabledWithNdebugAndDoesNotEvaluateTheCondition) {
  int evaluated = 0;
  auto check = [&] { return ++evaluated > 100; };
  CREDENCE_ASSERT(check(), "never checked");
  EXPECT_EQ(evaluated, 0);
}

#else

TEST(AssertTest, TrueConditionDoesNothing) {
  int evaluated = 0;
  auto check = [&] { return ++evaluated == 1; };
  CREDENCE_ASSERT(check(), "evaluated once");
  EXPECT_EQ(evaluated, 1);
}

TEST(AssertDeathTest, FalseConditionPrintsWhereAndWhyThenAborts) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const int size = 3;
  EXPECT_DEATH(CREDENCE_ASSERT(size == 4, "one label per belief"),
               "assert_test\\.cpp:[0-9]+: CREDENCE_ASSERT\\(size == 4\\) failed: "
               "one label per belief");
}

TEST(AssertDeathTest, IsAnExpressionUsableInACommaOrTernary) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const bool ok = false;
  EXPECT_DEATH((CREDENCE_ASSERT(ok, "chained"), static_cast<void>(0)), "failed: chained");
}

#endif

}  // namespace
}  // namespace credence
