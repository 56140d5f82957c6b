#pragma once
/// The conflict report as one self-contained HTML page (inline CSS, a small script and inline SVG
/// pictures; nothing is fetched to view it) and as Markdown. Both hold the same report: a
/// summary, the claims ranked by dispute, each shown claim's evidence on both sides (attribution
/// chains, interested-party and anonymity marks, each piece's contribution to the belief) and the
/// source trust table. Output is deterministic: the same analysis gives the same bytes.

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "credence/session.hpp"

namespace credence::report {

struct DocumentOptions {
  /// Claims listed in the ranking and given an evidence section, from the top; 0 = all.
  /// Every source is listed in the source table whatever this is.
  std::size_t top = 50;
};

/// Writes the HTML report. Every text of the dataset is escaped (&, <, >, " and '), so a claim
/// text holding markup shows as text. Claims, sources and outlets link to each other through
/// anchors `#claim-ID` and `#source-ID` (IDs encoded by AnchorId). The source table sorts by
/// clicking a column header. Time O(shown claims' stances + sources log sources), plus the
/// claims of a group of alternatives for each shown claim in one.
void WriteHtmlReport(std::ostream& out, const Session& session, const DocumentOptions& options);

/// The same report as CommonMark/GitHub Markdown (tables, explicit anchors), with the dataset's
/// text escaped so that it never turns into markup. Same complexity as WriteHtmlReport.
void WriteMarkdownReport(std::ostream& out, const Session& session, const DocumentOptions& options);

/// `s` with &, <, >, " and ' replaced by character references; safe in element content and in
/// quoted attribute values.
std::string HtmlEscape(std::string_view s);

/// An id usable in an HTML id attribute and URL fragment: ASCII letters, digits, '-', '_' and '.'
/// are kept, every other byte becomes "~HH" (upper-case hex), so distinct ids stay distinct.
std::string AnchorId(std::string_view id);

}  // namespace credence::report
