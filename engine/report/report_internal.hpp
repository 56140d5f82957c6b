#pragma once
// Pieces shared by the report writers (table/json/csv, HTML, Markdown, DOT). Not installed.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "credence/session.hpp"

namespace credence::report::internal {

/// A source's display name: its name, else its id.
std::string SourceLabel(const Dataset& data, Index source);

/// What qualifies a stance: "anonymous", "interested party: The Kremlin", a hedge word,
/// "implied by an alternative", "weight 0.5". `about` is the claim's about-list (may be null).
std::vector<std::string> MarkList(const Dataset& data, const Stance& stance, std::uint8_t flags,
                                  const std::vector<Index>* about);

/// One independent piece of evidence on a claim (a unit): the member that carries it, the
/// relays of the same origin merged into it, and what it does to the claim's belief.
struct EvidenceItem {
  int polarity = 0;        ///< +1 for, -1 against.
  Index stance = kNone;    ///< The carrying member (first member for an implied unit).
  std::uint8_t flags = 0;  ///< Its EvidenceSnapshot flags.
  Index owner = kNone;     ///< Whose trust it carries.
  double owner_trust = 0.5;
  double weight = 0.0;
  int hops = 0;
  double score = 0.0;           ///< Signed log-odds the member would add alone.
  double contribution = 0.0;    ///< Signed log-odds the unit adds to the claim.
  double belief_without = 0.5;  ///< The claim's belief without the unit.
  bool implied = false;         ///< A denial implied by support for an alternative.
  std::vector<Index> relays;    ///< Other stances of the unit (same origin), in snapshot order.
};

struct ClaimEvidence {
  scoring::Explanation explanation;
  std::vector<EvidenceItem> items;  ///< For first, then against; strongest first on each side.
  std::vector<Index> neutral;       ///< Neutral stances.
};

/// The evidence on one claim, from Session::Explain. Time O(stances on the claim), plus the
/// group's claims for a claim in a group of alternatives.
ClaimEvidence GatherEvidence(const Session& session, Index claim);

/// Number of claims whose verdict is disputed.
std::size_t CountDisputed(const scoring::Analysis& analysis);

/// Fixed-precision number without a negative zero ("-0.00" becomes "0.00").
std::string Fixed(double v, int precision);

}  // namespace credence::report::internal
