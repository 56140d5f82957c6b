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
#include <span>
#include <string>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/scoring/assessment.hpp"

namespace credence::report {

/// What kind of qualification a mark is.
enum class MarkKind { kAnonymous, kInterested, kHedge, kImplied, kWeight };

/// A qualification shown beside a stance.
struct Mark {
  MarkKind kind = MarkKind::kHedge;
  /// "anonymous", "interested party" (with ": NAME" of the first party the claim is about that the
  /// holder is affiliated with, or ": speaks about itself"), the hedge word, "implied by an
  /// alternative" or "weight W".
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
};

/// One independent piece of evidence (a unit): the members [begin, end) of its claim's
/// ClaimEvidence::explanation.stances, relays of one origin.
struct EvidenceUnit {
  int polarity = 0;      ///< +1 for, -1 against.
  bool implied = false;  ///< Its carrier is a denial implied by support for an alternative.
  std::size_t begin = 0;
  std::size_t end = 0;
  /// The member the documents show for the unit: the counted one, or the first of an implied unit.
  std::size_t carrier = 0;
  /// The member the table shows for the unit: the strongest (the carrier unless implied).
  std::size_t strongest = 0;
};

/// The evidence on one claim: its explanation and how each stance is shown.
struct ClaimEvidence {
  scoring::Explanation explanation;
  std::vector<StanceView> stances;  ///< One a member, parallel to explanation.stances.
  std::vector<StanceView> neutral;  ///< Parallel to explanation.neutral (no marks).
  /// Supporting units, then denying ones; on each side by |unit contribution| descending, ties in
  /// snapshot order (the documents' order).
  std::vector<EvidenceUnit> units;
  /// Indices into `units`: supporting, then denying; on each side by the strongest member's
  /// member_score descending, ties in snapshot order (the table's order).
  std::vector<std::size_t> by_strength;

  /// Member i of the explanation (an index of `stances`).
  const scoring::StanceContribution& member(std::size_t i) const { return explanation.stances[i]; }
  /// The units on one side (polarity +1 or -1) in the documents' order. O(units).
  std::span<const EvidenceUnit> Side(int polarity) const;
};

/// One listed claim of the report.
struct ClaimRow {
  const scoring::ClaimAssessment* assessment = nullptr;  ///< Into the analysis.
  const ClaimEvidence* evidence = nullptr;  ///< Into ReportModel::evidence; null when not gathered.
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
};

/// Sources with a trust of their own (not carried) by trust, in ten bins of width 0.1 (bin
/// floor(10 t), clamped to 0..9).
struct TrustHistogram {
  std::array<int, 10> bins{};
  int total = 0;
};

/// The whole report. Move-only: rows point into `evidence`.
struct ReportModel {
  const Dataset* data = nullptr;
  const scoring::Analysis* analysis = nullptr;
  std::vector<ClaimRow> claims;         ///< The listed claims: the first of the ranking.
  std::vector<SourceRow> sources;       ///< The listed sources: the first by trust.
  std::vector<ClaimEvidence> evidence;  ///< Behind ClaimRow::evidence, in rank order.
  std::size_t disputed = 0;             ///< Claims of the analysis whose verdict is disputed.
  double max_weight = 0.0;  ///< Largest trusted weight on either side of a listed claim.
  TrustHistogram trust;     ///< Over every source of the analysis.

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
/// order (Session::ExplainClaims). Time O(C + S + the explained claims' stances), plus
/// O(stances) with source_claims.
/// @throws InvalidArgumentError when `explanations` are not those claims'.
ReportModel BuildReport(const Dataset& data, const scoring::Analysis& analysis,
                        std::vector<scoring::Explanation> explanations,
                        const ReportOptions& options);

/// One claim explained (`credence explain`).
struct ExplainedClaim {
  const Dataset* data = nullptr;
  const scoring::ClaimAssessment* assessment = nullptr;  ///< Into the analysis.
  std::size_t ranked_claims = 0;                         ///< Claims in the analysis.
  ClaimEvidence evidence;
};

/// The explanation of one claim with its assessment. Time O(C + the claim's stances).
/// @throws InvalidArgumentError when the analysis has no row for the explained claim.
ExplainedClaim BuildExplainedClaim(const Dataset& data, const scoring::Analysis& analysis,
                                   scoring::Explanation explanation);

}  // namespace credence::report
