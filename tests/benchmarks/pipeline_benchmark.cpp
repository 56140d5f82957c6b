// Google Benchmark programs for the hot loops: parsing, freezing the snapshot, and one scoring
// iteration of every algorithm, on seeded synthetic workloads (credence generate's generator).
// Built with -DCREDENCE_BUILD_BENCHMARKS=ON; run
// build/release/tests/benchmarks/credence_benchmarks.

#include <benchmark/benchmark.h>

#include <sstream>
#include <string>

#include "credence/gen/generator.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/io/reader.hpp"
#include "credence/scoring/algorithms.hpp"

namespace credence {
namespace {

constexpr std::uint64_t kSeed = 27491095;

// A stances CSV of `stances` rows, with a tenth as many sources and claims.
std::string Workload(std::size_t stances) {
  gen::GeneratorOptions options;
  options.seed = kSeed;
  options.stances = stances;
  options.sources = stances / 100 + 1;
  options.claims = stances / 10 + 1;
  std::ostringstream data;
  std::ostringstream gold;
  gen::Generate(options, data, gold);
  return data.str();
}

void BM_ParseStancesCsv(benchmark::State& state) {
  const std::string text = Workload(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(io::ParseStancesCsv(text, "bench.csv"));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ParseStancesCsv)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_GraphAndFreeze(benchmark::State& state) {
  const Dataset data = io::ParseStancesCsv(Workload(state.range(0)), "bench.csv");
  for (auto _ : state) {
    const graph::ClaimGraph graph(data);
    benchmark::DoNotOptimize(graph::FreezeEvidence(data, graph));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_GraphAndFreeze)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

// One iteration of one algorithm (range(1) indexes AllAlgorithms()) on 1M stances.
void BM_OneIteration(benchmark::State& state) {
  static const Dataset data = io::ParseStancesCsv(Workload(1000000), "bench.csv");
  static const graph::ClaimGraph graph(data);
  static const graph::EvidenceSnapshot snap = graph::FreezeEvidence(data, graph);
  const auto& info = scoring::AllAlgorithms()[static_cast<std::size_t>(state.range(0))];
  scoring::RunOptions options;
  options.model.max_iterations = 1;
  options.classic.max_iterations = 1;
  state.SetLabel(std::string(info.name));
  for (auto _ : state) {
    benchmark::DoNotOptimize(scoring::RunAlgorithm(info.algorithm, data, snap, options));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(data.stances.size()));
}
BENCHMARK(BM_OneIteration)->DenseRange(0, 13)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace credence

BENCHMARK_MAIN();
