#pragma once
/// "What was known on day X", over time: a claim's belief, interval, verdict and counted units
/// after each dated event bearing on it (`credence timeline`, the HTML report's timelines).
///
/// The events of a claim C are the distinct instants (Stance::time_utc, Retraction::time_utc) of
/// the stances on C or on another claim of C's group (Dataset::claims[c].group), and of the
/// retractions of those stances. For each instant t the whole analysis is run again as of t
/// (SessionOptions::time.as_of = t; graph/time_rules.hpp): everything dated on or before t counts,
/// anywhere in the dataset, undated records always count, and the model learns its trusts again.
/// When some of those stances or retractions are undated, a first row "undated" shows the
/// analysis as of the instant before the first dated event (only undated records count).
///
/// Cost: one full analysis per event, O(events x analysis), each on a copy of the dataset; the
/// number of events is capped (TimelineOptions::max_events: the latest are kept).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/scoring/assessment.hpp"

namespace credence {
struct SessionOptions;
}  // namespace credence

namespace credence::report {

enum class OutputFormat;

/// Options of BuildTimeline.
struct TimelineOptions {
  /// At most this many dated events (>= 1): when a claim has more, only the latest are kept and
  /// ClaimTimeline::omitted says how many earlier ones were left out. The "undated" row is kept
  /// besides them.
  std::size_t max_events = 100;

  /// @throws InvalidArgumentError when max_events is 0.
  void Validate() const;
};

/// One row of a timeline: the analysis as of one event.
struct TimelineEvent {
  /// True for the "undated" row: as of before the first dated event (undated records only).
  bool undated = false;
  /// The instant (seconds since 1970-01-01 UTC); kNoTime for the undated row.
  std::int64_t time_utc = kNoTime;
  /// The time as written in the dataset (of the records at this instant, the shortest text, then
  /// the smallest); "" for the undated row.
  std::string time;
  /// What happened then, one line a record, sorted, duplicates merged: "HOLDER supports
  /// (report R)", "HOLDER denies OTHER-CLAIM" (a claim of the group), "retraction of stance S
  /// (report R)". HOLDER is the source's name, else its id.
  std::vector<std::string> what;
  double belief = 0.5;  ///< The claim's belief as of then, in [0, 1].
  /// The belief's 90% interval (ScoringResult::belief_low/high) when the algorithm gives one.
  bool has_interval = false;
  double belief_low = 0.0;
  double belief_high = 1.0;
  /// The verdict as of then (scoring::VerdictOf), when the analysis has a row for the claim.
  std::optional<scoring::Verdict> verdict;
  int units_for = 0;  ///< Independent units supporting (ClaimAssessment::sources_for).
  int units_against = 0;
};

/// The timeline of one claim.
struct ClaimTimeline {
  Index claim = kNone;
  std::vector<TimelineEvent> events;  ///< The undated row first, then by time ascending.
  std::size_t dated_events = 0;       ///< Dated events shown (the undated row excluded).
  std::size_t omitted = 0;            ///< Earlier dated events left out by max_events.
  std::string as_of;                  ///< The user's --as-of as written, or "".
};

/// The distinct instants of the dated events bearing on `claim` (see the file comment), in
/// ascending order, none after `as_of` when set. Time O(stances + retractions).
std::vector<std::int64_t> TimelineInstants(const Dataset& data, Index claim,
                                           std::optional<std::int64_t> as_of);

/// The timeline of `claim` (an index into data.claims): one Session::Run per event, with
/// `options` (algorithm, model, --half-life, threads...) and its as-of date replaced by the
/// event's; events after options.time.as_of are not shown. Deterministic for any thread count
/// and line order (each run is). Time O(events x analysis) (file comment).
/// @throws InvalidArgumentError when `claim` is out of range or an option fails Validate().
ClaimTimeline BuildTimeline(const Dataset& data, Index claim, const SessionOptions& options,
                            const TimelineOptions& timeline_options = {});

/// The timelines the HTML report draws: of the first `max_claims` of `ranked` (claim indices in
/// rank order) that have at least 2 dated events, each built with BuildTimeline. Time
/// O(claims tried x (stances + retractions) + timelines x events x analysis).
std::vector<ClaimTimeline> BuildReportTimelines(const Dataset& data,
                                                const std::vector<Index>& ranked,
                                                const SessionOptions& options,
                                                std::size_t max_claims = 5,
                                                const TimelineOptions& timeline_options = {});

/// Prints a timeline: a table (one line an event, then what happened), JSON ({"claim", "as_of",
/// "omitted_events", "events": [{"time", "undated", "what", "belief", "belief_low",
/// "belief_high", "verdict", "units_for", "units_against"}]}) or CSV (one row an event; `what`
/// joined by "; "). Numbers to 6 decimals (JSON, CSV) or 3 (table); a missing interval or verdict
/// is null in JSON and empty in CSV. Time O(events + their texts).
void WriteTimeline(std::ostream& out, const Dataset& data, const ClaimTimeline& timeline,
                   OutputFormat format);

/// The timeline as an inline SVG picture (self-contained, escaped): the belief as a step line with
/// its interval band, the 0.5 line, a marker per event with a <title> tooltip (time, belief,
/// what happened) and date labels. The undated row, when present, is drawn at the left edge.
/// `id` is the svg element's id attribute (already a valid id). Time O(events + their texts).
std::string TimelineSvg(const Dataset& data, const ClaimTimeline& timeline, std::string_view id);

}  // namespace credence::report
