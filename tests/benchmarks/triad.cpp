// STREAM-style triad, a[i] = b[i] + s * c[i], to measure this machine's memory bandwidth beside
// the scoring benchmarks (McCalpin's STREAM counts 3 arrays x 8 bytes per element).
// Usage: credence_triad [elements] (default 2^25 doubles per array, 768 MiB in all).

#include <fmt/format.h>
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : (std::size_t{1} << 25);
  std::vector<double> a(n, 0.0);
  std::vector<double> b(n, 1.0);
  std::vector<double> c(n, 2.0);
  const auto count = static_cast<std::int64_t>(n);
  const double scalar = 3.0;
  for (int threads : {1, omp_get_max_threads()}) {
    double best = 1e300;
    for (int repeat = 0; repeat < 5; ++repeat) {
      const auto start = std::chrono::steady_clock::now();
#pragma omp parallel for schedule(static) num_threads(threads)
      for (std::int64_t i = 0; i < count; ++i) a[i] = b[i] + scalar * c[i];
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      best = std::min(best, seconds);
    }
    const double bytes = 3.0 * 8.0 * static_cast<double>(n);
    fmt::print("triad threads={} elements={} best={:.4f} s bandwidth={:.2f} GB/s check={}\n",
               threads, n, best, bytes / best / 1e9, a[n / 2]);
  }
  return 0;
}
