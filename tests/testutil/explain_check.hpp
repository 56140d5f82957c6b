#pragma once
// An independent check of scoring::Explain (docs/model.md, "Explanations"; issue 11, item 3):
// every derived figure of an explanation is recomputed here from the explanation's own unit
// scores and the model's options, by the formulas, not by the engine's code.

#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/scoring/assessment.hpp"
#include "credence/scoring/model.hpp"

namespace credence::testutil {

/// What ExpectExplanationsAddUp saw, so that a test can tell that it was not vacuous.
struct ExplanationCounts {
  int claims = 0;        ///< Explanations checked.
  int echo_lines = 0;    ///< kEcho discount lines.
  int alternatives = 0;  ///< kAlternatives lines.
  int copies = 0;        ///< Copy members (kCopy).
  int inert_units = 0;   ///< Inert units (implied or position-merged denials).
};

/// Checks `explanations` (one per claim of `data`, indexed by claim) with gtest expectations:
///  - each unit that is not inert has exactly one counted member, which is not a copy and has
///    the largest member_score of its unit; its score is its unit_contribution, polarity *
///    member_score; every other member's score is 0; inert units add 0 and keep the belief as
///    their belief_without_unit; copies have member_score 0 and name the stance they copy;
///  - each side with two or more units has an echo line equal to the sum, strongest first, of
///    (echo_factor^k - 1) * score (none when that is 0); a grouped claim with other alternatives
///    has an alternatives line of -log(sum of exp(S)) over them, S being each one's evidence;
///  - base_log_odds (logit(base_rate), 0 when grouped) + the stances' scores + the lines ==
///    log_odds, to 1e-9; a claim alone in its group has log_odds +infinity; `base_rate` is the
///    one the beliefs were computed with (ScoringResult::base_rate, learned by default), or
///    negative for options.base_rate;
///  - with `fixed_point` (the default model at convergence, beliefs from the same trusts):
///    sigmoid(log_odds) == belief to 1e-9, and each unit's belief_without_unit is the belief with
///    that unit removed and its side re-ranked (for a grouped claim, the others unchanged).
ExplanationCounts ExpectExplanationsAddUp(const Dataset& data, const scoring::ModelOptions& options,
                                          const std::vector<scoring::Explanation>& explanations,
                                          bool fixed_point, double base_rate = -1.0);

}  // namespace credence::testutil
