#include "credence/report/html.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "credence/graph/evidence.hpp"
#include "credence/report/writers.hpp"
#include "report_internal.hpp"

namespace credence::report {
namespace {

using internal::ClaimEvidence;
using internal::EvidenceItem;
using internal::Fixed;
using internal::SourceLabel;
using scoring::ClaimAssessment;
using scoring::SourceAssessment;

constexpr std::string_view kStyle = R"css(
:root{--for:#1f6fb4;--against:#e66100;--ink:#1d2430;--muted:#5b6472;--line:#d9dee5;--bg:#f6f7f9;--card:#fff}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans","Liberation Sans",Arial,sans-serif;color:var(--ink);background:var(--bg);line-height:1.45;font-size:15px}
body{margin:0}
main{max-width:1100px;margin:0 auto;padding:24px 28px 48px}
header.top{background:#1d2430;color:#fff;padding:22px 28px}
header.top .inner{max-width:1100px;margin:0 auto}
header.top h1{margin:0;font-size:26px;font-weight:650;letter-spacing:.2px}
header.top p{margin:4px 0 0;color:#c4cbd6;font-size:14px}
header.top code{color:#dfe5ee;background:#2c3646}
nav{margin-top:12px;font-size:14px}
nav a{color:#9fc6ff;margin-right:16px;text-decoration:none}
nav a:hover{text-decoration:underline}
h2{font-size:20px;margin:34px 0 12px;padding-bottom:6px;border-bottom:2px solid var(--line)}
#summary h2{margin-top:4px}
h3{font-size:17px;margin:0 0 6px}
h4{font-size:14px;margin:0 0 8px;text-transform:uppercase;letter-spacing:.6px}
a{color:#1b5fa6}
code{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.86em;background:#eef1f5;padding:1px 4px;border-radius:3px;color:#3a4350}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin-top:8px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px}
.card .n{font-size:28px;font-weight:700;line-height:1.1}
.card .l{color:var(--muted);font-size:13px}
.card.hot .n{color:var(--against)}
.model{margin:12px 0 0;color:var(--muted);font-size:14px}
.ok{color:#1a7f37;font-weight:600}.bad{color:#b42318;font-weight:600}
.figures{display:grid;grid-template-columns:3fr 2fr;gap:16px;margin-top:16px;align-items:start}
figure{margin:0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px}
figcaption{font-size:13px;color:var(--muted);margin-bottom:6px}
figcaption b{color:var(--ink);font-size:14px}
svg{display:block;max-width:100%;height:auto;font-family:inherit}
svg text{fill:#1d2430;font-size:12px}
svg .muted{fill:#5b6472}
svg .for{fill:var(--for)}svg .against{fill:var(--against)}svg .bin{fill:#7a8aa3}
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);font-size:14px}
th,td{padding:7px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:600;font-size:13px;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tbody tr:hover{background:#f3f7fd}
#source-table code{white-space:nowrap}
td.claim-cell{max-width:0;width:62%;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#claims-table td{padding-top:6px;padding-bottom:6px}
tr.disputed td:first-child{border-left:4px solid var(--against)}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
th button::after{content:" \2195";color:#9aa3b0}
th[aria-sort=ascending] button::after{content:" \25B2";color:var(--ink)}
th[aria-sort=descending] button::after{content:" \25BC";color:var(--ink)}
.verdict{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap;background:#eef1f5;color:#3a4350}
.verdict.disputed{background:#fde7d6;color:#8a3a00}
.verdict.likely-true{background:#dcebf8;color:#0f4c81}
.verdict.likely-false{background:#f3e1ea;color:#7a1f4d}
article.claim{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 18px;margin:14px 0}
article.claim:target{outline:3px solid #9fc6ff}
.rank{color:var(--muted);font-weight:600;margin-right:6px}
.meta{color:var(--muted);font-size:13px;margin:2px 0 10px}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:14px}
.side{border-top:3px solid var(--line);padding-top:8px}
.side.for{border-color:var(--for)}.side.for h4{color:var(--for)}
.side.against{border-color:var(--against)}.side.against h4{color:var(--against)}
.side ul{list-style:none;margin:0;padding:0}
.side li{margin:0 0 12px}
.side .none{color:var(--muted);font-size:13px}
.contrib{font-weight:700;font-variant-numeric:tabular-nums;margin-right:6px}
.for .contrib{color:var(--for)}.against .contrib{color:var(--against)}
.mark{display:inline-block;font-size:11.5px;padding:0 6px;border-radius:9px;margin-left:4px;background:#eef1f5;color:#3a4350;white-space:nowrap}
.mark.interested{background:#fff1c2;color:#6b4e00}
.mark.anonymous{background:#e6e0f5;color:#432f7a}
.chain,.detail{font-size:13px;color:var(--muted)}
.relays{font-size:13px;color:var(--muted);margin-top:2px}
blockquote{margin:5px 0 0;padding:2px 10px;border-left:3px solid var(--line);color:#3a4350;font-size:13.5px;font-style:italic}
.neutral{font-size:13px;color:var(--muted);margin-top:6px}
.claims-of{font-size:13px}
footer{color:var(--muted);font-size:12.5px;margin-top:36px}
@media (max-width:800px){.cards{grid-template-columns:repeat(2,1fr)}.figures,.sides{grid-template-columns:1fr}}
@media print{html{background:#fff;font-size:11pt}header.top{background:#fff;color:#000;padding:0}header.top p{color:#333}header.top code{color:#000}nav{display:none}
article.claim,figure,.card{break-inside:avoid}th button::after{content:""}a{color:inherit;text-decoration:none}}
)css";

// Sorts the source table when a column header is clicked: a number column first sorts from the
// highest value, a text column from A; clicking the sorted column again reverses it. Rows with no
// value (anonymous sources, which carry no trust) stay last; ties keep the report's order.
constexpr std::string_view kScript = R"js(
(function () {
  "use strict";
  var table = document.getElementById("source-table");
  if (!table) return;
  var heads = table.querySelectorAll("thead th[data-key]");
  function value(row, col, type) {
    var cell = row.cells[col];
    var raw = cell.getAttribute("data-value");
    if (raw === null) raw = cell.textContent;
    if (type === "number") return raw === "" ? null : parseFloat(raw);
    return raw.toLowerCase();
  }
  function sortBy(th) {
    var col = th.cellIndex, type = th.getAttribute("data-type");
    var current = th.getAttribute("aria-sort");
    var dir = current === "descending" ? "ascending" : current === "ascending" ? "descending"
            : (type === "number" ? "descending" : "ascending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var va = value(a, col, type), vb = value(b, col, type);
      if (va === null || vb === null) {
        if (va !== vb) return va === null ? 1 : -1;
      } else if (va !== vb) {
        var less = type === "number" ? va < vb : va.localeCompare(vb) < 0;
        return (less ? -1 : 1) * (dir === "ascending" ? 1 : -1);
      }
      return a.getAttribute("data-order") - b.getAttribute("data-order");
    });
    rows.forEach(function (r) { body.appendChild(r); });
    for (var i = 0; i < heads.length; ++i) heads[i].removeAttribute("aria-sort");
    th.setAttribute("aria-sort", dir);
  }
  for (var i = 0; i < heads.length; ++i) {
    (function (th) {
      th.querySelector("button").addEventListener("click", function () { sortBy(th); });
    })(heads[i]);
  }
})();
)js";

std::string Esc(std::string_view s) { return HtmlEscape(s); }

// Only web addresses become links: a "javascript:" or "data:" URL from a dataset must not run.
bool IsWebUrl(std::string_view url) {
  auto starts = [&](std::string_view p) {
    if (url.size() < p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
    }
    return true;
  };
  return starts("https://") || starts("http://");
}

std::string ClaimHref(const Dataset& data, Index c) {
  return "#claim-" + AnchorId(data.claims[c].id);
}
std::string SourceHref(const Dataset& data, Index s) {
  return "#source-" + AnchorId(data.sources[s].id);
}

std::string SourceLink(const Dataset& data, Index s) {
  return fmt::format("<a href=\"{}\">{}</a>", SourceHref(data, s), Esc(SourceLabel(data, s)));
}

std::string VerdictClass(scoring::Verdict v) {
  std::string s(ToString(v));
  std::replace(s.begin(), s.end(), ' ', '-');
  return s;
}

// "via <a>NBC News</a>, in <a>The Moscow Times</a> (mt-2018-03-30)".
std::string ChainHtml(const Dataset& data, const Stance& stance) {
  std::vector<std::string> parts;
  for (Index k = stance.via_size; k > 0; --k) {
    parts.push_back("via " + SourceLink(data, data.via[stance.via_begin + k - 1]));
  }
  if (stance.report != kNone) {
    const Report& r = data.reports[stance.report];
    std::string in = "in " + SourceLink(data, r.outlet);
    const std::string title = r.title.empty() ? r.id : r.title;
    if (IsWebUrl(r.url)) {
      in += fmt::format(" (<a href=\"{}\" rel=\"noreferrer\">{}</a>)", Esc(r.url), Esc(title));
    } else {
      in += fmt::format(" ({})", Esc(title));
    }
    parts.push_back(in);
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string MarksHtml(const Dataset& data, const Stance& s, std::uint8_t flags,
                      const std::vector<Index>& about) {
  std::string out;
  for (const auto& m : internal::MarkList(data, s, flags, &about)) {
    const char* cls = m == "anonymous"                      ? "mark anonymous"
                      : m.rfind("interested party", 0) == 0 ? "mark interested"
                                                            : "mark";
    out += fmt::format("<span class=\"{}\">{}</span>", cls, Esc(m));
  }
  return out;
}

// A diverging bar: against to the left of the centre line, for to the right, on a shared scale.
void DivergingRow(std::string& svg, double y, double h, double centre, double half, double scale,
                  double w_for, double w_against) {
  const double lf = scale > 0 ? half * std::min(1.0, w_for / scale) : 0.0;
  const double la = scale > 0 ? half * std::min(1.0, w_against / scale) : 0.0;
  if (la > 0) {
    svg += fmt::format(
        "<rect class=\"against\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
        "rx=\"2\"/>",
        centre - la, y, la, h);
  }
  if (lf > 0) {
    svg += fmt::format(
        "<rect class=\"for\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
        "rx=\"2\"/>",
        centre, y, lf, h);
  }
  svg +=
      fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" class=\"muted\">{}</text>",
                  centre - la - 4, y + h / 2 + 4, Fixed(w_against, 2));
  svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" class=\"muted\">{}</text>", centre + lf + 4,
                     y + h / 2 + 4, Fixed(w_for, 2));
}

// Cuts to at most `width` code points, with an ellipsis.
std::string Cut(std::string_view s, std::size_t width) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == width) return std::string(s.substr(0, i)) + "\u2026";
      ++count;
    }
  }
  return std::string(s);
}

// One bar per claim with trusted weight on both sides (dispute > 0), in rank order.
std::string WeightChart(const Session& session, const std::vector<Index>& claims) {
  const auto& data = session.data();
  const auto& a = session.analysis();
  std::vector<const ClaimAssessment*> rows;
  double scale = 0.0;
  for (Index i : claims) {
    const ClaimAssessment& c = a.claims[i];
    if (c.weight_for > 0 && c.weight_against > 0) {
      rows.push_back(&c);
      scale = std::max({scale, c.weight_for, c.weight_against});
    }
  }
  if (rows.empty()) {
    return "<p class=\"detail\">No claim has trusted weight on both sides.</p>";
  }
  const double width = 640, label = 210, row_h = 30, top = 26;
  const double centre = label + (width - label) / 2, half = (width - label) / 2 - 44;
  const double height = top + row_h * static_cast<double>(rows.size()) + 8;
  std::string svg = fmt::format(
      "<svg id=\"weight-chart\" viewBox=\"0 0 {} {:.0f}\" width=\"{}\" height=\"{:.0f}\" "
      "role=\"img\" aria-label=\"Trusted weight for and against each disputed claim\">",
      width, height, width, height);
  svg += fmt::format(
      "<text x=\"{:.1f}\" y=\"14\" text-anchor=\"end\" class=\"against\">\u25C0 against</text>"
      "<text x=\"{:.1f}\" y=\"14\" class=\"for\">for \u25B6</text>",
      centre - 6, centre + 6);
  double y = top;
  for (const ClaimAssessment* c : rows) {
    const Claim& claim = data.claims[c->claim];
    svg += fmt::format("<a href=\"{}\"><title>{}: {}</title>", ClaimHref(data, c->claim),
                       Esc(claim.id), Esc(claim.text));
    svg += fmt::format("<text x=\"0\" y=\"{:.1f}\">{}</text>", y + 15, Esc(Cut(claim.id, 28)));
    DivergingRow(svg, y + 3, row_h - 10, centre, half, scale, c->weight_for, c->weight_against);
    svg += "</a>";
    y += row_h;
  }
  svg += fmt::format(
      "<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"20\" y2=\"{1:.1f}\" stroke=\"#1d2430\" "
      "stroke-width=\"1\"/></svg>",
      centre, height - 4);
  return svg;
}

// Histogram of trust over ten bins of width 0.1 (sources that carry a trust of their own).
std::string TrustChart(const scoring::Analysis& a) {
  std::array<int, 10> bins{};
  int total = 0;
  for (const SourceAssessment& s : a.sources) {
    if (s.carried) continue;
    const int b = std::clamp(static_cast<int>(std::floor(s.trust * 10.0)), 0, 9);
    ++bins[static_cast<std::size_t>(b)];
    ++total;
  }
  const int most = std::max(1, *std::max_element(bins.begin(), bins.end()));
  const double width = 400, left = 28, right = 10, top = 16, plot_h = 110, bottom = 34;
  const double bw = (width - left - right) / 10.0;
  std::string svg = fmt::format(
      "<svg id=\"trust-chart\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-label=\"Distribution of source trust\">",
      width, top + plot_h + bottom, width, top + plot_h + bottom);
  for (std::size_t b = 0; b < bins.size(); ++b) {
    const double h = plot_h * bins[b] / most;
    const double x = left + bw * static_cast<double>(b);
    if (bins[b] > 0) {
      svg += fmt::format(
          "<rect class=\"bin\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
          "rx=\"2\"><title>trust {:.1f}\u2013{:.1f}: {} source{}</title></rect>",
          x + 2, top + plot_h - h, bw - 4, h, 0.1 * static_cast<double>(b),
          0.1 * static_cast<double>(b + 1), bins[b], bins[b] == 1 ? "" : "s");
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>",
                         x + bw / 2, top + plot_h - h - 4, bins[b]);
    }
  }
  const double base = top + plot_h;
  svg += fmt::format(
      "<line x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#1d2430\"/>", left,
      width - right, base, base);
  for (int t = 0; t <= 10; t += 5) {
    svg += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" class=\"muted\">{}</text>",
        left + bw * t, base + 16,
        t == 0   ? "0"
        : t == 5 ? "0.5"
                 : "1");
  }
  const double half = left + bw * 5;
  svg += fmt::format(
      "<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\" stroke=\"#5b6472\" "
      "stroke-dasharray=\"3 3\"/>",
      half, top - 6, base);
  svg += fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" class=\"muted\">trust "
      "({} sources)</text></svg>",
      width / 2, base + 30, total);
  return svg;
}

std::string MiniBar(const ClaimAssessment& c, double scale) {
  std::string svg =
      "<svg class=\"mini\" viewBox=\"0 0 360 22\" width=\"360\" height=\"22\" role=\"img\" "
      "aria-label=\"trusted weight against and for\">";
  DivergingRow(svg, 3, 16, 180, 130, scale, c.weight_for, c.weight_against);
  svg += "<line x1=\"180\" x2=\"180\" y1=\"0\" y2=\"22\" stroke=\"#1d2430\"/></svg>";
  return svg;
}

void WriteEvidenceItem(std::ostream& out, const Session& session, Index claim,
                       const EvidenceItem& item) {
  const auto& data = session.data();
  const Stance& s = data.stances[item.stance];
  const Claim& c = data.claims[claim];
  fmt::print(out, "<li><span class=\"contrib\">{}</span>{}{}",
             fmt::format("{:+.2f}", item.contribution + 0.0), SourceLink(data, s.holder),
             MarksHtml(data, s, item.flags, c.about));
  const std::string chain = ChainHtml(data, s);
  if (!chain.empty()) fmt::print(out, " <span class=\"chain\">{}</span>", chain);
  if (item.implied) {
    fmt::print(out, " <span class=\"chain\">supports the alternative <a href=\"{}\">{}</a></span>",
               ClaimHref(data, s.claim), Esc(data.claims[s.claim].id));
  }
  std::string detail;
  if (item.implied) {
    detail = "counted through the group of alternatives";
  } else {
    detail = fmt::format("trust {}", Fixed(item.owner_trust, 3));
    if (item.owner != s.holder)
      detail += " of " + SourceLink(data, item.owner) + ", which vouches for it";
    detail += fmt::format("; weight {}", Fixed(item.weight, 2));
    if (item.hops > 0) detail += fmt::format("; {} hop{}", item.hops, item.hops == 1 ? "" : "s");
    if (item.score == 0.0) detail += "; trust below 0.5: carries no weight";
    detail += fmt::format("; belief without it {}", Fixed(item.belief_without, 3));
  }
  fmt::print(out, "<div class=\"detail\">{}</div>", detail);
  if (s.quote != kNone) fmt::print(out, "<blockquote>{}</blockquote>", Esc(data.Text(s.quote)));
  if (!item.relays.empty()) {
    std::vector<std::string> relays;
    for (Index r : item.relays) {
      const Stance& o = data.stances[r];
      std::string text = o.holder == s.holder ? std::string() : SourceLink(data, o.holder) + " ";
      text += ChainHtml(data, o);
      if (std::find(relays.begin(), relays.end(), text) == relays.end()) relays.push_back(text);
    }
    fmt::print(out, "<div class=\"relays\">Same origin, counted once: also {}</div>",
               fmt::join(relays, "; "));
  }
  out << "</li>\n";
}

void WriteClaimSection(std::ostream& out, const Session& session, const ClaimAssessment& c,
                       double scale) {
  const auto& data = session.data();
  const Claim& claim = data.claims[c.claim];
  const ClaimEvidence ev = internal::GatherEvidence(session, c.claim);
  fmt::print(out, "<article class=\"claim\" id=\"claim-{}\">\n", AnchorId(claim.id));
  fmt::print(out, "<h3><span class=\"rank\">#{}</span>{} <code>{}</code></h3>\n", c.rank,
             Esc(claim.text.empty() ? claim.id : claim.text), Esc(claim.id));
  fmt::print(out,
             "<p class=\"meta\"><span class=\"verdict {}\">{}</span> belief <b>{}</b> &middot; "
             "dispute <b>{}</b> &middot; trusted weight for {} ({} independent), against {} ({} "
             "independent)",
             VerdictClass(c.verdict), ToString(c.verdict), Fixed(c.belief, 3), Fixed(c.dispute, 3),
             Fixed(c.weight_for, 2), c.sources_for, Fixed(c.weight_against, 2), c.sources_against);
  if (claim.group != kNone) {
    fmt::print(out, " &middot; one of the alternatives of <code>{}</code>",
               Esc(data.groups[claim.group]));
  }
  if (!claim.value.empty()) fmt::print(out, " &middot; value <code>{}</code>", Esc(claim.value));
  if (!claim.about.empty()) {
    std::vector<std::string> about;
    for (Index s : claim.about) about.push_back(SourceLink(data, s));
    fmt::print(out, " &middot; about {}", fmt::join(about, ", "));
  }
  out << "</p>\n";
  if (c.weight_for > 0 || c.weight_against > 0) out << MiniBar(c, scale) << "\n";
  out << "<div class=\"sides\">\n";
  for (int polarity : {+1, -1}) {
    fmt::print(out, "<div class=\"side {}\"><h4>{}</h4><ul>\n", polarity > 0 ? "for" : "against",
               polarity > 0 ? "For" : "Against");
    bool any = false;
    for (const auto& item : ev.items) {
      if (item.polarity != polarity) continue;
      WriteEvidenceItem(out, session, c.claim, item);
      any = true;
    }
    if (!any) out << "<li class=\"none\">No evidence on this side.</li>\n";
    out << "</ul></div>\n";
  }
  out << "</div>\n";
  if (!ev.neutral.empty()) {
    std::vector<std::string> neutral;
    for (Index n : ev.neutral) {
      const Stance& s = data.stances[n];
      std::string text = SourceLink(data, s.holder);
      const std::string chain = ChainHtml(data, s);
      if (!chain.empty()) text += " " + chain;
      neutral.push_back(text);
    }
    fmt::print(out, "<p class=\"neutral\">Neutral: {}</p>\n", fmt::join(neutral, "; "));
  }
  out << "</article>\n";
}

}  // namespace

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string AnchorId(std::string_view id) {
  std::string out;
  out.reserve(id.size());
  for (char ch : id) {
    const auto u = static_cast<unsigned char>(ch);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' ||
        u == '_' || u == '.') {
      out += ch;
    } else {
      out += fmt::format("~{:02X}", u);
    }
  }
  return out;
}

void WriteHtmlReport(std::ostream& out, const Session& session, const DocumentOptions& options) {
  const auto& data = session.data();
  const auto& a = session.analysis();
  const std::size_t shown =
      options.top == 0 ? a.claims.size() : std::min(options.top, a.claims.size());
  std::vector<Index> shown_claims;  // Positions in a.claims.
  std::vector<int> rank_of(data.claims.size(), 0);
  for (std::size_t i = 0; i < shown; ++i) {
    shown_claims.push_back(static_cast<Index>(i));
    rank_of[a.claims[i].claim] = a.claims[i].rank;
  }
  double scale = 0.0;
  for (Index i : shown_claims) {
    scale = std::max({scale, a.claims[i].weight_for, a.claims[i].weight_against});
  }
  const std::size_t disputed = internal::CountDisputed(a);

  fmt::print(out,
             "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             "<meta name=\"generator\" content=\"credence\">\n"
             "<title>Credence conflict report: {}</title>\n<style>{}</style>\n</head>\n<body>\n",
             Esc(data.path), kStyle);
  fmt::print(out,
             "<header class=\"top\"><div class=\"inner\"><h1>Credence conflict report</h1>"
             "<p><code>{}</code></p>\n<nav><a href=\"#summary\">Summary</a><a "
             "href=\"#ranking\">Claims ranked by dispute</a><a href=\"#evidence\">Evidence</a>"
             "<a href=\"#sources\">Sources</a></nav></div></header>\n<main>\n",
             Esc(data.path));

  // Summary.
  out << "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">";
  fmt::print(out,
             "<div class=\"card\"><div class=\"n\">{}</div><div class=\"l\">claims</div></div>"
             "<div class=\"card\"><div class=\"n\">{}</div><div class=\"l\">sources</div></div>"
             "<div class=\"card\"><div class=\"n\">{}</div><div class=\"l\">stances</div></div>"
             "<div class=\"card{}\"><div class=\"n\">{}</div><div class=\"l\">disputed</div></div>",
             data.claims.size(), data.sources.size(), data.stances.size(),
             disputed > 0 ? " hot" : "", disputed);
  out << "</div>\n";
  fmt::print(out,
             "<p class=\"model\">Model <b>{}</b>: <span class=\"{}\">{}</span> after {} "
             "iteration{} (largest last change {:.1e}). {} reports.</p>\n",
             Esc(a.algorithm), a.converged ? "ok" : "bad",
             a.converged ? "converged" : "not converged", a.iterations,
             a.iterations == 1 ? "" : "s", a.residual, data.reports.size());
  out << "<div class=\"figures\">\n<figure><figcaption><b>Trusted weight for and against</b> "
         "(log-odds; claims with evidence on both sides)</figcaption>\n";
  out << WeightChart(session, shown_claims) << "\n</figure>\n";
  out << "<figure><figcaption><b>Source trust</b> (the dashed line at 0.5: below it a source "
         "adds nothing)</figcaption>\n";
  out << TrustChart(a) << "\n</figure>\n</div>\n</section>\n";

  // Ranking.
  out << "<section id=\"ranking\">\n";
  fmt::print(out, "<h2>Claims ranked by dispute{}</h2>\n",
             shown < a.claims.size() ? fmt::format(" (top {} of {})", shown, a.claims.size()) : "");
  out << "<table id=\"claims-table\"><thead><tr><th class=\"num\">Rank</th><th>Claim</th>"
         "<th>Verdict</th><th class=\"num\">Dispute</th><th class=\"num\">Belief</th>"
         "<th class=\"num\">For (n)</th><th class=\"num\">Against (n)</th></tr></thead>\n"
         "<tbody>\n";
  for (Index i : shown_claims) {
    const ClaimAssessment& c = a.claims[i];
    const Claim& claim = data.claims[c.claim];
    fmt::print(out,
               "<tr data-claim=\"{}\"{}><td class=\"num\">{}</td><td class=\"claim-cell\"><a "
               "href=\"{}\" title=\"{}\">{}</a></td><td><span class=\"verdict {}\">{}</span></td>"
               "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{} ({})</td>"
               "<td class=\"num\">{} ({})</td></tr>\n",
               Esc(claim.id), c.verdict == scoring::Verdict::kDisputed ? " class=\"disputed\"" : "",
               c.rank, ClaimHref(data, c.claim), Esc(claim.id),
               Esc(claim.text.empty() ? claim.id : claim.text), VerdictClass(c.verdict),
               ToString(c.verdict), Fixed(c.dispute, 3), Fixed(c.belief, 3), Fixed(c.weight_for, 2),
               c.sources_for, Fixed(c.weight_against, 2), c.sources_against);
  }
  out << "</tbody></table>\n</section>\n";

  // Evidence.
  out << "<section id=\"evidence\">\n<h2>Evidence</h2>\n<p class=\"detail\">Each line is one "
         "independent piece of evidence: its signed contribution to the claim's log-odds, who "
         "holds it, the chain of outlets it came through, and the claim's belief without it. "
         "Relays of the same origin count once.</p>\n";
  for (Index i : shown_claims) WriteClaimSection(out, session, a.claims[i], scale);
  out << "</section>\n";

  // Sources: the first few claims each took a side on, and (for outlets) the first few whose
  // stances it relayed or published, in file order; bounded, so that a source with a million
  // stances costs no more than one with ten.
  struct FewClaims {
    std::vector<Index> claims;
    bool more = false;
    void Add(Index claim) {
      constexpr std::size_t kMax = 8;
      if (std::find(claims.begin(), claims.end(), claim) != claims.end()) return;
      if (claims.size() < kMax) {
        claims.push_back(claim);
      } else {
        more = true;
      }
    }
  };
  std::vector<FewClaims> held(data.sources.size());
  std::vector<FewClaims> relayed(data.sources.size());
  for (const Stance& s : data.stances) {
    held[s.holder].Add(s.claim);
    for (Index k = 0; k < s.via_size; ++k) relayed[data.via[s.via_begin + k]].Add(s.claim);
    if (s.report != kNone && data.reports[s.report].outlet != s.holder) {
      relayed[data.reports[s.report].outlet].Add(s.claim);
    }
  }
  auto claim_links = [&](const FewClaims& few) {
    std::vector<std::string> links;
    for (Index c : few.claims) {
      links.push_back(rank_of[c] > 0 ? fmt::format("<a href=\"{}\">{}</a>", ClaimHref(data, c),
                                                   Esc(data.claims[c].id))
                                     : Esc(data.claims[c].id));
    }
    if (few.more) links.emplace_back("&hellip;");
    return fmt::format("{}", fmt::join(links, ", "));
  };
  out << "<section id=\"sources\">\n<h2>Sources</h2>\n<p class=\"detail\">Click a column header "
         "to sort. Anonymous sources carry the trust of the outlet that vouches for them.</p>\n";
  out << "<table id=\"source-table\"><thead><tr>"
         "<th data-key=\"name\" data-type=\"text\"><button type=\"button\">Source</button></th>"
         "<th data-key=\"kind\" data-type=\"text\"><button type=\"button\">Kind</button></th>"
         "<th class=\"num\" data-key=\"trust\" data-type=\"number\" aria-sort=\"descending\">"
         "<button type=\"button\">Trust</button></th>"
         "<th class=\"num\" data-key=\"prior\" data-type=\"number\"><button "
         "type=\"button\">Prior</button></th>"
         "<th class=\"num\" data-key=\"stances\" data-type=\"number\"><button "
         "type=\"button\">Stances</button></th>"
         "<th class=\"num\" data-key=\"agreement\" data-type=\"number\"><button "
         "type=\"button\">Agreement</button></th>"
         "<th>Claims</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < a.sources.size(); ++i) {
    const SourceAssessment& s = a.sources[i];
    const Source& src = data.sources[s.source];
    const std::string kind = src.kind == SourceKind::kOutlet
                                 ? fmt::format("outlet/{}", ToString(src.outlet_kind))
                                 : std::string(ToString(src.kind));
    std::string name = Esc(SourceLabel(data, s.source));
    if (IsWebUrl(src.url)) {
      name = fmt::format("<a href=\"{}\" rel=\"noreferrer\">{}</a>", Esc(src.url), name);
    }
    std::vector<std::string> parts;
    if (!src.role.empty()) parts.push_back(Esc(src.role));
    if (src.anonymous) parts.push_back("<span class=\"mark anonymous\">anonymous</span>");
    for (Index o : src.affiliations) parts.push_back("of " + SourceLink(data, o));
    if (src.parent != kNone) parts.push_back("part of " + SourceLink(data, src.parent));
    std::string claims = claim_links(held[s.source]);
    if (!relayed[s.source].claims.empty()) {
      claims += fmt::format("{}<span class=\"detail\">relayed or published:</span> {}",
                            claims.empty() ? "" : "<br>", claim_links(relayed[s.source]));
    }
    fmt::print(out,
               "<tr id=\"source-{}\" data-order=\"{}\"><td data-value=\"{}\">{} <code>{}</code>{}"
               "{}</td><td>{}</td>",
               AnchorId(src.id), i, Esc(SourceLabel(data, s.source)), name, Esc(src.id),
               parts.empty() ? "" : "<div class=\"detail\">",
               parts.empty() ? "" : fmt::format("{}</div>", fmt::join(parts, " &middot; ")),
               Esc(kind));
    if (s.carried) {
      out << "<td class=\"num\" data-value=\"\">&ndash;</td><td class=\"num\" "
             "data-value=\"\">&ndash;</td><td class=\"num\" data-value=\"\">&ndash;</td>"
             "<td class=\"num\" data-value=\"\">&ndash;</td>";
    } else {
      fmt::print(out,
                 "<td class=\"num\" data-value=\"{0}\">{0}</td><td class=\"num\" "
                 "data-value=\"{1}\">{1}</td><td class=\"num\" data-value=\"{2}\">{2}</td>"
                 "<td class=\"num\" data-value=\"{3}\">{4}</td>",
                 Fixed(s.trust, 3), Fixed(s.prior, 3), s.stances,
                 s.stances > 0 ? Fixed(s.agreement, 3) : "",
                 s.stances > 0 ? Fixed(s.agreement, 2) : "&ndash;");
    }
    fmt::print(out, "<td class=\"claims-of\">{}</td></tr>\n", claims);
  }
  out << "</tbody></table>\n</section>\n";
  out << "<footer>Written by credence 0.1.0. Belief is the probability that a claim is true "
         "given the evidence; the dispute score is high only when both sides carry substantial "
         "trusted weight (docs/model.md).</footer>\n</main>\n";
  fmt::print(out, "<script>{}</script>\n</body>\n</html>\n", kScript);
}

}  // namespace credence::report
