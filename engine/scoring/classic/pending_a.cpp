// Placeholders until the first group of classic algorithms lands; each throws. Delete this file
// when majority, sums, average-log, investment, pooled-investment, truthfinder and cosine exist.
#include "credence/core/error.hpp"
#include "credence/scoring/algorithms.hpp"

namespace credence::scoring {
#define CREDENCE_PENDING(fn)                                                        \
  ScoringResult fn(const graph::CategoricalView&, const ClassicOptions&) {          \
    throw InvalidArgumentError(#fn " is not implemented yet");                      \
  }
CREDENCE_PENDING(RunMajority)
CREDENCE_PENDING(RunSums)
CREDENCE_PENDING(RunAverageLog)
CREDENCE_PENDING(RunInvestment)
CREDENCE_PENDING(RunPooledInvestment)
CREDENCE_PENDING(RunTruthFinder)
CREDENCE_PENDING(RunCosine)
#undef CREDENCE_PENDING
}  // namespace credence::scoring
