// Placeholders until the second group of classic algorithms lands; each throws. Delete this file
// when 2-estimates, 3-estimates, ltm, dawid-skene, crh and accu exist.
#include "credence/core/error.hpp"
#include "credence/scoring/algorithms.hpp"

namespace credence::scoring {
#define CREDENCE_PENDING(fn)                                                        \
  ScoringResult fn(const graph::CategoricalView&, const ClassicOptions&) {          \
    throw InvalidArgumentError(#fn " is not implemented yet");                      \
  }
CREDENCE_PENDING(RunTwoEstimates)
CREDENCE_PENDING(RunThreeEstimates)
CREDENCE_PENDING(RunLtm)
CREDENCE_PENDING(RunDawidSkene)
CREDENCE_PENDING(RunCrh)
CREDENCE_PENDING(RunAccu)
#undef CREDENCE_PENDING
}  // namespace credence::scoring
