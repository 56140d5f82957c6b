#pragma once
/// The conflict report as one self-contained HTML page (inline CSS, a small script and inline SVG
/// pictures; nothing is fetched to view it) and as Markdown. Both print the same report model: a
/// summary, the claims ranked by dispute, each listed claim's evidence on both sides (attribution
/// chains, interested-party and anonymity marks, each piece's contribution to the belief) and the
/// source trust table. Output is deterministic: the same model gives the same bytes.

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "credence/report/model.hpp"
#include "credence/text/html.hpp"

namespace credence::report {

/// What the HTML and Markdown reports print: the first `top` claims of the ranking (0 = all),
/// each with its evidence, and every source with the claims it took a side on or passed on.
ReportOptions DocumentReportOptions(std::size_t top);

/// Writes the HTML report of a model built with DocumentReportOptions. Every text of the dataset
/// is escaped (&, <, >, " and '), so a claim text holding markup shows as text. Claims, sources
/// and outlets link to each other through anchors `#claim-ID` and `#source-ID` (IDs encoded by
/// AnchorId). The source table sorts by clicking a column header. Time O(the model's size).
void WriteHtmlReport(std::ostream& out, const ReportModel& report);

/// The same report as CommonMark/GitHub Markdown (tables, explicit anchors), with the dataset's
/// text escaped so that it never turns into markup. Time O(the model's size).
void WriteMarkdownReport(std::ostream& out, const ReportModel& report);

/// `s` with &, <, >, " and ' replaced by character references (text::HtmlEscape).
using text::HtmlEscape;

/// An id usable in an HTML id attribute and URL fragment: ASCII letters, digits, '-', '_' and '.'
/// are kept, every other byte becomes "~HH" (upper-case hex), so distinct ids stay distinct.
std::string AnchorId(std::string_view id);

}  // namespace credence::report
