#pragma once
// Pieces shared by the report writers (table/JSON/CSV, HTML, Markdown, DOT, eval). Not installed.

#include <fmt/format.h>

#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/report/model.hpp"

namespace credence::report::internal {

/// A source's display name: its name, else its id.
std::string SourceLabel(const Dataset& data, Index source);

/// "outlet/national", "person", ...: the kind column of the table, HTML and Markdown.
std::string KindText(const Source& source);

/// Fixed-precision number without a negative zero ("-0.00" becomes "0.00").
std::string Fixed(double v, int precision);

/// A JSON number with 6 decimals (as Fixed), or null when `v` is not finite.
std::string JsonNumber(double v);

/// A JSON number that reads back as exactly `v` (the shortest such form, "1e-05" style for
/// very small or large values; 0 for a negative zero), or null when `v` is not finite. The
/// explanation's log-odds use it, so that the printed terms add up to the printed total.
std::string ExactNumber(double v);

/// The interval with its ends rounded outward to 2 decimals (low down, high up), so that the
/// printed interval still holds any point inside it printed to 2 or 3 decimals.
Interval Outward(const Interval& interval);

/// An end of Outward(interval), to 2 decimals.
std::string IntervalLow(const Interval& interval);
std::string IntervalHigh(const Interval& interval);

/// "[0.41, 0.80]" (ends as IntervalLow and IntervalHigh), or "-" when there is no interval.
std::string IntervalText(const std::optional<Interval>& interval);

/// What the coin columns of a sources table mean, for the table and Markdown writers.
inline constexpr std::string_view kCoinsLegend =
    "sens. = P(supports | claim true), spec. = P(denies | claim false): each source's two coins.";

/// A claim whose both sides carry real weight but which leans one way.
bool Contested(scoring::Verdict verdict);

/// The CSS class of a verdict: "disputed", "contested-true", "contested-false", "likely-true",
/// "likely-false", "unresolved".
std::string_view VerdictClass(scoring::Verdict verdict);

/// The marks of a relay that say why it adds nothing of its own although it is not the same
/// holder's (copy, position-merged denial), as " (copy of ...)"; "" without such a mark.
std::string RelayMarks(const StanceView& view);

/// "echo discount on 3 supporting units" / "... denying units".
std::string EchoText(const scoring::DiscountLine& line);

/// The sum a claim's explanation lines add up to, when a discount makes it more than the base
/// rate and the units (or the claim is alone in its group): the total (`infinity` for +infinity)
/// and its terms, "base rate +0.00", "evidence +1.23", "echo discount for -0.10", "alternatives of
/// GROUP -0.52", the group's id as `group_text` renders it. Empty when there is nothing to add up.
struct LogOddsSum {
  std::string total;
  std::vector<std::string> terms;
};
template <typename GroupText>
LogOddsSum SumOfLines(const Dataset& data, const ClaimEvidence& ev, std::string_view infinity,
                      GroupText group_text) {
  const scoring::Explanation& e = ev.explanation;
  LogOddsSum sum;
  if (e.discounts.empty() && std::isfinite(e.log_odds)) return sum;
  if (!e.grouped) sum.terms.push_back(fmt::format("base rate {:+.2f}", e.base_log_odds + 0.0));
  sum.terms.push_back(fmt::format("evidence {:+.2f}", ev.stances_log_odds + 0.0));
  for (int polarity : {+1, -1}) {
    if (const scoring::DiscountLine* echo = ev.Echo(polarity)) {
      sum.terms.push_back(fmt::format("echo discount {} {:+.2f}", polarity > 0 ? "for" : "against",
                                      echo->log_odds + 0.0));
    }
  }
  if (const scoring::DiscountLine* alt = ev.Alternatives()) {
    sum.terms.push_back(fmt::format("alternatives of {} {:+.2f}",
                                    group_text(data.groups[data.claims[e.claim].group]),
                                    alt->log_odds + 0.0));
  }
  sum.total =
      std::isfinite(e.log_odds) ? fmt::format("{:+.2f}", e.log_odds + 0.0) : std::string(infinity);
  return sum;
}

/// " (top N of M)" when `shown` < `total`, else "".
std::string TopNote(std::size_t shown, std::size_t total);

/// Number of UTF-8 code points of `s` (bytes that are not continuation bytes).
std::size_t CodePoints(std::string_view s);

/// `s` itself when it has at most `limit` code points, else its first `keep` code points and an
/// ellipsis.
std::string Shorten(std::string_view s, std::size_t limit, std::size_t keep);

/// `who`, then a space and `chain` when there is a chain: "NBC News via Reuters, in ...".
std::string WithChain(std::string who, const std::string& chain);

/// The chain as "via A, via B, in OUTLET (REPORT)", each source rendered by `source(Index)` and
/// the report in parentheses by `report(const Report&)`; "" for no chain.
template <typename SourceFn, typename ReportFn>
std::string ChainWith(const Dataset& data, const Chain& chain, SourceFn source, ReportFn report) {
  std::vector<std::string> parts;
  for (Index v : chain.via) parts.push_back("via " + source(v));
  if (chain.report != kNone) {
    const Report& r = data.reports[chain.report];
    parts.push_back(fmt::format("in {} ({})", source(r.outlet), report(r)));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

/// Why a withdrawn stance no longer counts: "superseded on DATE by HOLDER's denial (REPORT)"
/// (" of [B]" after "denial" when it is a stance on another alternative) or "retracted on DATE in
/// REPORT"; " on DATE" and the report are left out when absent. Sources are rendered by
/// `source(Index)`, reports by `report(Index)`, claim ids by `claim(Index)`.
template <typename SourceFn, typename ReportFn, typename ClaimFn>
std::string WithdrawnText(const WithdrawnView& w, Index claim_shown, SourceFn source,
                          ReportFn report, ClaimFn claim) {
  const std::string on = w.withdrawn_on.empty() ? std::string() : " on " + w.withdrawn_on;
  if (w.state == graph::StanceState::kRetracted) {
    return "retracted" + on + (w.withdrawn_in == kNone ? "" : " in " + report(w.withdrawn_in));
  }
  std::string text = "superseded" + on;
  if (w.by_holder != kNone) {
    text += " by " + source(w.by_holder) + "'s " + (w.by_polarity < 0 ? "denial" : "support");
    if (w.by_claim != kNone && w.by_claim != claim_shown) text += " of " + claim(w.by_claim);
  }
  if (w.withdrawn_in != kNone) text += " (" + report(w.withdrawn_in) + ")";
  return text;
}

/// "supports", "denies" or "neutral".
inline std::string_view SideWord(int polarity) {
  return polarity > 0 ? "supports" : polarity < 0 ? "denies" : "neutral";
}

/// Appends `text` to `list` unless it is there already (relays that read the same show once).
void AppendUnique(std::vector<std::string>& list, std::string text);

/// The units on one side of a listed claim; none when the model holds no evidence for it.
inline std::span<const EvidenceUnit> Side(const ClaimRow& row, int polarity) {
  return row.evidence == nullptr ? std::span<const EvidenceUnit>() : row.evidence->Side(polarity);
}

/// The relays merged into a unit, as shown beside its member `shown`: for every other member,
/// `render(view, same_holder)` (same_holder: its holder is the shown member's, so writers leave
/// the name out), each distinct text once, in snapshot order.
template <typename Render>
std::vector<std::string> RelayTexts(const ClaimEvidence& evidence, const EvidenceUnit& unit,
                                    std::size_t shown, Render render) {
  std::vector<std::string> texts;
  for (std::size_t k = unit.begin; k < unit.end; ++k) {
    if (k == shown) continue;
    const StanceView& other = evidence.stances[k];
    AppendUnique(texts, render(other, other.holder == evidence.stances[shown].holder));
  }
  return texts;
}

}  // namespace credence::report::internal
