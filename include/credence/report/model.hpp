#pragma once
/// The report model: what every report says, built once from an analysis and the explanations of
/// its claims, and printed by the writers (table, JSON and CSV in writers.hpp, HTML and Markdown
/// in html.hpp), which derive no number of their own. The model points into the dataset and the
/// analysis it was built from; they must outlive it.
///
///   const ReportOptions options = DocumentReportOptions(50);
///   ReportModel model = BuildReport(session.data(), session.analysis(),
///                              session.ExplainClaims(ClaimsToExplain(session.analysis(),
///                              options)), options);
///   WriteHtmlReport(out, model);

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/graph/time_rules.hpp"
#include "credence/report/timeline.hpp"
#include "credence/scoring/assessment.hpp"
#include "credence/scoring/result.hpp"

namespace credence::report {

/// What kind of qualification a mark is.
enum class MarkKind {
  kAnonymous,
  kInterested,
  kAdmission,
  kHedge,
  kImplied,
  kPosition,
  kCopy,
  kWeight
};

/// A 90% interval of a belief or a trust: its 5th and 95th percentiles, 0 <= low <= high <= 1
/// (docs/model.md, "Trusts and intervals").
struct Interval {
  double low = 0.0;
  double high = 0.0;
};

/// What the default model says about a source besides its trust: the 90% interval of the trust
/// and its two coins, sensitivity P(supports | true) and specificity P(denies | false), each in
/// [0, 1]. The report holds one only for a source with a trust of its own under an algorithm
/// that gives all four numbers (the default model); the classic algorithms give none.
struct Reliability {
  Interval trust;
  double sensitivity = 0.0;
  double specificity = 0.0;
};

/// A qualification shown beside a stance.
struct Mark {
  MarkKind kind = MarkKind::kHedge;
  /// One of:
  ///  - "anonymous";
  ///  - "interested party: NAME" (a self-serving stance: NAME is the first party the holder
  ///    speaks for that the claim harms and it denies, favours and it supports, or is about
  ///    without a direction), or "interested party: speaks about itself" when that party is the
  ///    holder;
  ///  - "against interest: NAME" (an admission: it supports a claim harming NAME, or denies one
  ///    favouring NAME; not discounted);
  ///  - the hedge word;
  ///  - "implied by an alternative" (a denial implied by its support of another claim of the
  ///    group: StanceView::alternative);
  ///  - "same position as its support of [ID]" (an explicit denial merged into its holder's
  ///    support of the alternative ID; "same position as NAME's support of [ID]" for a copy of
  ///    such a denial);
  ///  - "copy of REPORT by NAME" (it republishes the stance of NAME in the cited report REPORT:
  ///    the same evidence, adding nothing);
  ///  - "weight W".
  std::string text;
};

/// How a stance reached the reader.
struct Chain {
  /// The relaying sources in reading order ("via A, via B"): Dataset::via's range of the stance
  /// backwards, from the source nearest the holder to the one nearest the publisher.
  std::vector<Index> via;
  Index report = kNone;  ///< The report that published it, or kNone.

  /// No relay and no report: the holder's own statement, as the dataset has it.
  bool empty() const { return via.empty() && report == kNone; }
};

/// One stance as shown: who took it, what qualifies it, the chain it came through.
struct StanceView {
  Index stance = kNone;
  Index holder = kNone;
  std::vector<Mark> marks;  ///< In the order of MarkKind; empty for a neutral stance.
  Chain chain;
  /// For an implied denial, the claim of the group its stance supports; for a position-merged
  /// denial (EvidenceSnapshot::kPosition), the alternative its holder supports (kNone when it
  /// cannot be told); else kNone.
  Index alternative = kNone;
  /// The reliability of the source whose trust the stance carries (StanceContribution::owner),
  /// when the scoring result gives one (BuildExplainedClaim and BuildReport with a result).
  std::optional<Reliability> owner;
};

/// One independent piece of evidence (a unit): the members [begin, end) of its claim's
/// ClaimEvidence::explanation.stances, relays and copies of one origin.
struct EvidenceUnit {
  int polarity = 0;    ///< +1 for, -1 against.
  bool inert = false;  ///< Not evidence of its own: implied or position-merged denials.
  std::size_t begin = 0;
  std::size_t end = 0;
  /// The member every output shows for the unit: its strongest member (StanceContribution::
  /// strongest), which carries it unless the unit is inert. Its `unit_contribution` (0 for an
  /// inert unit) is the number shown for the unit.
  std::size_t carrier = 0;
};

/// A stance the time rules withdrew (scoring::Explanation::withdrawn), as shown: "superseded on
/// DATE by HOLDER's denial (REPORT)" or, struck through, "retracted on DATE in REPORT". It
/// weighs nothing: it is no part of the claim's log-odds.
struct WithdrawnView {
  Index stance = kNone;
  Index holder = kNone;
  int polarity = 0;  ///< +1 supports, -1 denies, 0 neutral.
  Chain chain;
  std::string time;  ///< The stance's time as ISO 8601 text (graph::StanceTimeText), or "".
  graph::StanceState state = graph::StanceState::kSuperseded;  ///< kSuperseded or kRetracted.
  /// kSuperseded: the superseding stance's time; kRetracted: the retraction's (its own, else its
  /// report's). "" when undated.
  std::string withdrawn_on;
  /// kSuperseded: the superseding stance's report; kRetracted: the correcting report. kNone when
  /// there is none.
  Index withdrawn_in = kNone;
  Index by_stance = kNone;  ///< kSuperseded: the superseding stance, else kNone.
  Index by_holder = kNone;  ///< kSuperseded: its holder, else kNone.
  int by_polarity = 0;      ///< kSuperseded: its polarity (+1, -1), else 0.
  Index by_claim = kNone;   ///< kSuperseded: its claim (another alternative of the group, or this).
  Index retraction = kNone;  ///< kRetracted: index into Dataset::retractions, else kNone.
};

/// The evidence on one claim: its explanation and how each stance is shown.
struct ClaimEvidence {
  scoring::Explanation explanation;
  std::vector<StanceView> stances;  ///< One a member, parallel to explanation.stances.
  std::vector<StanceView> neutral;  ///< Parallel to explanation.neutral (no marks).
  /// Parallel to explanation.withdrawn: stances that no longer count. Not in any sum below.
  std::vector<WithdrawnView> withdrawn;
  /// Supporting units, then denying ones; on each side by |unit contribution| descending, ties in
  /// snapshot order (the order of every output).
  std::vector<EvidenceUnit> units;
  /// The sum of every stance's score (StanceContribution::score): the log-odds the units add
  /// before the discounts.
  double stances_log_odds = 0.0;
  /// The sum of the discount lines' log-odds (echo discounts, alternatives), so that
  /// explanation.log_odds == base_log_odds + stances_log_odds + discounts_log_odds (to rounding;
  /// +infinity for a claim alone in its group).
  double discounts_log_odds = 0.0;

  /// Member i of the explanation (an index of `stances`).
  const scoring::StanceContribution& member(std::size_t i) const { return explanation.stances[i]; }
  /// The units on one side (polarity +1 or -1). O(units).
  std::span<const EvidenceUnit> Side(int polarity) const;
  /// The echo discount line of one side, or nullptr when that side has none. O(1).
  const scoring::DiscountLine* Echo(int polarity) const;
  /// The alternatives line of a grouped claim, or nullptr. O(1).
  const scoring::DiscountLine* Alternatives() const;
};

/// One listed claim of the report.
struct ClaimRow {
  const scoring::ClaimAssessment* assessment = nullptr;  ///< Into the analysis.
  const ClaimEvidence* evidence = nullptr;  ///< Into ReportModel::evidence; null when not gathered.
  /// The belief's 90% interval; empty when the scoring result gives none (classic algorithms).
  std::optional<Interval> belief_interval;
};

/// One claim a source took a side on or passed on.
struct ListedClaim {
  Index claim = kNone;
  bool shown = false;  ///< Listed in the report (so that it can be linked to).
};

/// The first few distinct claims of a source, in the dataset's stance order.
struct ClaimList {
  static constexpr std::size_t kMaxClaims = 8;
  std::vector<ListedClaim> claims;  ///< At most kMaxClaims.
  bool more = false;                ///< Further claims were left out.
};

/// One listed source of the report.
struct SourceRow {
  const scoring::SourceAssessment* assessment = nullptr;  ///< Into the analysis.
  ClaimList held;     ///< Claims it took a side on (when ReportOptions::source_claims).
  ClaimList relayed;  ///< Claims of stances it relayed or published for another holder (idem).
  /// Its trust's interval and coins; empty under the classic algorithms and for an anonymous
  /// source carried by its outlet (SourceAssessment::carried: no trust of its own).
  std::optional<Reliability> reliability;
};

/// Sources with a trust of their own (not carried) by trust, in ten bins of width 0.1 (bin
/// floor(10 t), clamped to 0..9).
struct TrustHistogram {
  std::array<int, 10> bins{};
  int total = 0;
};

/// The as-of date of the report (--as-of): only what was dated on or before it counts; undated
/// stances always count.
struct AsOf {
  std::string date;         ///< As given (graph::TimeOptions::as_of_text).
  std::size_t undated = 0;  ///< Undated stances that count (graph::StanceTimes::undated).
};

/// The whole report. Move-only: rows point into `evidence`.
struct ReportModel {
  const Dataset* data = nullptr;
  const scoring::Analysis* analysis = nullptr;
  std::vector<ClaimRow> claims;         ///< The listed claims: the first of the ranking.
  std::vector<SourceRow> sources;       ///< The listed sources: the first by trust.
  std::vector<ClaimEvidence> evidence;  ///< Behind ClaimRow::evidence, in rank order.
  std::size_t disputed = 0;             ///< Claims of the analysis whose verdict is disputed.
  std::size_t contested = 0;  ///< Claims of the analysis that are contested but lean one way.
  double max_weight = 0.0;    ///< Largest trusted weight on either side of a listed claim.
  TrustHistogram trust;       ///< Over every source of the analysis.
  /// Some listed source has a Reliability (the default model): the writers then explain the
  /// trust interval and the coins (sensitivity, specificity) beside the sources table.
  bool reliabilities = false;
  /// The share of true claims the beliefs were computed with (learned or given), in (0, 1);
  /// empty under the classic algorithms.
  std::optional<double> base_rate;
  /// The consistency findings (graph::FindConsistency), when BuildReport was given them; they
  /// must outlive the model. Null: none shown.
  const std::vector<graph::Finding>* findings = nullptr;
  /// Set when the rules were applied as of a date (BuildReport given StanceTimes with one).
  std::optional<AsOf> as_of;

  /// The indices into *findings of the findings about a claim (in `claims`) or by a source, in
  /// findings order; empty without findings. O(findings).
  std::vector<std::size_t> FindingsOfClaim(Index claim) const;
  std::vector<std::size_t> FindingsOfSource(Index source) const;
  /// Belief over time of some listed claims (BuildReportTimelines, filled by the caller: the
  /// HTML report draws them, the Markdown report tabulates them). Empty by default.
  std::vector<ClaimTimeline> timelines;

  ReportModel() = default;
  ReportModel(ReportModel&&) = default;
  ReportModel& operator=(ReportModel&&) = default;
  ReportModel(const ReportModel&) = delete;
  ReportModel& operator=(const ReportModel&) = delete;
};

/// Which listed claims get a ClaimEvidence.
enum class EvidenceFor { kNone, kDisputed, kAll };

/// What BuildReport gathers. AnalysisReportOptions (writers.hpp) and DocumentReportOptions
/// (html.hpp) give what each writer prints.
struct ReportOptions {
  std::size_t top_claims = 0;   ///< Claims listed, from the top of the ranking; 0 = all.
  std::size_t top_sources = 0;  ///< Sources listed, from the most trusted; 0 = all.
  EvidenceFor evidence = EvidenceFor::kNone;
  bool source_claims = false;  ///< Fill SourceRow::held and ::relayed (O(stances)).
};

/// The claims whose explanations BuildReport takes, in rank order. Time O(listed claims).
std::vector<Index> ClaimsToExplain(const scoring::Analysis& analysis, const ReportOptions& options);

/// Builds the report. `explanations` are those of ClaimsToExplain(analysis, options), in that
/// order (Session::ExplainClaims). `result`, when given, is the scoring result the analysis was
/// made from (Session::result): the intervals, coins and base rate are read from it, each only
/// where it is present, sized for `data` and within [0, 1] (else left empty, as without it).
/// `findings` (Session::findings), when given, are shown (they must outlive the model);
/// `times` (Session::times), when given with an as-of date, sets ReportModel::as_of.
/// Time O(C + S + the explained claims' stances), plus O(stances) with source_claims.
/// @throws InvalidArgumentError when `explanations` are not those claims'.
ReportModel BuildReport(const Dataset& data, const scoring::Analysis& analysis,
                        std::vector<scoring::Explanation> explanations,
                        const ReportOptions& options,
                        const scoring::ScoringResult* result = nullptr,
                        const std::vector<graph::Finding>* findings = nullptr,
                        const graph::StanceTimes* times = nullptr);

/// One line telling a finding, e.g. "reversal: Kremlin denied [c1] on 2018-03-01, then supported
/// it on 2018-03-05 (reports r1, r2)". Plain text (no markup); ids in brackets. Time O(size of
/// the finding).
std::string FindingText(const Dataset& data, const graph::Finding& finding);

/// One claim explained (`credence explain`).
struct ExplainedClaim {
  const Dataset* data = nullptr;
  const scoring::ClaimAssessment* assessment = nullptr;  ///< Into the analysis.
  std::size_t ranked_claims = 0;                         ///< Claims in the analysis.
  /// The algorithm that gave the beliefs and trusts. For another than "credence" the
  /// explanation's log-odds are the default rule's with that algorithm's trusts as weights
  /// (scoring::DisputeTrusts), not the logit of its belief.
  std::string algorithm;
  ClaimEvidence evidence;
  /// The belief's 90% interval; empty when the scoring result gives none.
  std::optional<Interval> belief_interval;
  /// Set when the rules were applied as of a date (BuildExplainedClaim given such StanceTimes).
  std::optional<AsOf> as_of;
};

/// The explanation of one claim with its assessment. `result`, when given, is the scoring
/// result the analysis was made from: the belief's interval and each stance owner's reliability
/// are read from it (as in BuildReport); `times`, when given with an as-of date, sets
/// ExplainedClaim::as_of. Time O(C + the claim's stances).
/// @throws InvalidArgumentError when the analysis has no row for the explained claim.
ExplainedClaim BuildExplainedClaim(const Dataset& data, const scoring::Analysis& analysis,
                                   scoring::Explanation explanation,
                                   const scoring::ScoringResult* result = nullptr,
                                   const graph::StanceTimes* times = nullptr);

}  // namespace credence::report
