#pragma once
/// CREDENCE_ASSERT(cond, "why"): checks an invariant of the library's own code (house style rule
/// 6: programmer errors; never for user input, which becomes a Diagnostic or an exception).
///
/// Active unless NDEBUG is defined (the Debug build and the `debug` preset; Release, the
/// sanitizer tree and the fuzz tree define NDEBUG), like DuckDB's D_ASSERT. When `cond` is false it
/// prints "FILE:LINE: CREDENCE_ASSERT(cond) failed: why" to stderr and aborts; this is the only
/// place where library code prints. With NDEBUG, `cond` is not evaluated (it must have no side
/// effects) but is still compiled, so the names it uses count as used.
///
///   CREDENCE_ASSERT(offsets.back() == targets.size(), "CSR offsets end at the edge count");

#include <cstdio>
#include <cstdlib>

namespace credence::internal {

/// Reports a failed CREDENCE_ASSERT on stderr and aborts. Not for direct use.
[[noreturn]] inline void AssertionFailed(const char* file, int line, const char* condition,
                                         const char* why) noexcept {
  std::fprintf(stderr, "%s:%d: CREDENCE_ASSERT(%s) failed: %s\n", file, line, condition, why);
  std::fflush(stderr);
  std::abort();
}

}  // namespace credence::internal

#ifdef NDEBUG
#define CREDENCE_ASSERT(cond, why) static_cast<void>(sizeof(static_cast<bool>(cond) ? 1 : 0))
#else
#define CREDENCE_ASSERT(cond, why) \
  (static_cast<bool>(cond)         \
       ? static_cast<void>(0)      \
       : ::credence::internal::AssertionFailed(__FILE__, __LINE__, #cond, (why)))
#endif
