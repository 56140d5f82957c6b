#include "credence/report/dot.hpp"

#include <fmt/format.h>

#include <algorithm>

// GCC 12 warns about an iterator inside Boost's write_graphviz edge loop that it cannot prove
// initialised (a false positive in boost/graph/graphviz.hpp, not in this file).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/graphviz.hpp>

#include "credence/core/error.hpp"
#include "credence/graph/neighbourhood.hpp"
#include "report_internal.hpp"

namespace credence::report {
namespace {

using graph::LinkKind;
using graph::NeighbourGraph;

constexpr std::string_view kFor = "#1f6fb4";
constexpr std::string_view kAgainst = "#e66100";
constexpr std::string_view kNeutral = "#7a7a7a";

// Breaks `s` into lines of at most about `width` code points, at spaces.
std::string Wrap(std::string_view s, std::size_t width) {
  std::string out;
  std::size_t line = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    const std::string_view word = s.substr(i, j - i);
    const std::size_t len = internal::CodePoints(word);
    if (line > 0 && line + 1 + len > width) {
      out += '\n';
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out += word;
    line += len;
    i = j + 1;
  }
  return out;
}

struct VertexWriter {
  const Dataset* dataset;
  const scoring::Analysis* analysis;
  const NeighbourGraph* g;
  Index claim;
  void operator()(std::ostream& out, NeighbourGraph::vertex_descriptor v) const {
    const auto& data = *dataset;
    const auto& vertex = (*g)[v];
    if (vertex.source == kNone) {
      const Claim& c = data.claims[claim];
      const auto& claims = analysis->claims;
      const auto it = std::find_if(claims.begin(), claims.end(),
                                   [&](const auto& a) { return a.claim == claim; });
      std::string label = c.id;
      if (!c.text.empty()) label += "\n" + Wrap(c.text, 44);
      label +=
          fmt::format("\nbelief {} ({})", internal::Fixed(it->belief, 3), ToString(it->verdict));
      out << "[shape=box, style=\"rounded,filled,bold\", fillcolor=\"#fff4d6\", label="
          << DotString(label) << "]";
      return;
    }
    const Source& src = data.sources[vertex.source];
    std::string label = Wrap(internal::SourceLabel(data, vertex.source), 30);
    const std::string kind = src.kind == SourceKind::kOutlet
                                 ? fmt::format("outlet ({})", ToString(src.outlet_kind))
                                 : std::string(ToString(src.kind));
    label += "\n" + kind + (src.anonymous ? ", anonymous" : "");
    const auto& a = *analysis;
    const auto sa = std::find_if(a.sources.begin(), a.sources.end(),
                                 [&](const auto& s) { return s.source == vertex.source; });
    if (sa != a.sources.end() && !sa->carried) {
      label += "\ntrust " + internal::Fixed(sa->trust, 3);
    }
    std::string_view colour = "#5b6472";
    std::string_view fill = "#f2f3f5";
    if (vertex.sides == 1) {
      colour = kFor;
      fill = "#dcebf8";
    } else if (vertex.sides == 2) {
      colour = kAgainst;
      fill = "#fde7d6";
    } else if (vertex.sides != 0) {
      fill = "#e9e9e9";
    }
    const char* shape = src.kind == SourceKind::kOutlet         ? "box"
                        : src.kind == SourceKind::kOrganisation ? "house"
                                                                : "ellipse";
    out << "[shape=" << shape << ", style=filled, color=\"" << colour << "\", fillcolor=\"" << fill
        << "\", label=" << DotString(label) << "]";
  }
};

struct EdgeWriter {
  const Dataset* data;
  const NeighbourGraph* g;
  void operator()(std::ostream& out, NeighbourGraph::edge_descriptor e) const {
    const auto& edge = (*g)[e];
    switch (edge.kind) {
      case LinkKind::kStance: {
        const std::string_view colour = edge.polarity > 0   ? kFor
                                        : edge.polarity < 0 ? kAgainst
                                                            : kNeutral;
        std::string label = edge.polarity > 0   ? "supports"
                            : edge.polarity < 0 ? "denies"
                                                : "neutral";
        if (edge.stances > 1) label += fmt::format(" ({} stances)", edge.stances);
        out << "[color=\"" << colour << "\", fontcolor=\"" << colour
            << "\", penwidth=2.2, label=" << DotString(label) << "]";
        return;
      }
      case LinkKind::kRelayed:
        out << "[style=dashed, color=\"#5b6472\", label=\"via\"]";
        return;
      case LinkKind::kPublished:
        out << "[style=dashed, color=\"#5b6472\", label="
            << DotString("in " + data->reports[edge.report].id) << "]";
        return;
      case LinkKind::kAffiliatedWith:
        out << "[style=dotted, arrowhead=empty, label=\"member of\"]";
        return;
      case LinkKind::kParent:
        out << "[style=dotted, arrowhead=empty, label=\"part of\"]";
        return;
      case LinkKind::kAbout:
        out << "[style=dotted, color=\"#b08900\", fontcolor=\"#b08900\", label=\"about\"]";
        return;
    }
  }
};

struct GraphWriter {
  void operator()(std::ostream& out) const {
    out << "rankdir=LR;\n"
           "graph [fontname=\"DejaVu Sans\", fontsize=11, nodesep=0.35, ranksep=0.6];\n"
           "node [fontname=\"DejaVu Sans\", fontsize=10, margin=\"0.12,0.06\"];\n"
           "edge [fontname=\"DejaVu Sans\", fontsize=9, color=\"#5b6472\"];\n";
  }
};

}  // namespace

std::string DotString(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (ch == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F) {
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

void WriteNeighbourhoodDot(std::ostream& out, const Dataset& data, const graph::ClaimGraph& graph,
                           const scoring::Analysis& analysis, std::string_view claim_id) {
  const Index claim = data.FindClaim(claim_id);
  if (claim == kNone) {
    throw InvalidArgumentError(fmt::format("no claim with id '{}' in {}", claim_id, data.path));
  }
  const NeighbourGraph g = graph::ClaimNeighbourhood(data, graph, claim);
  boost::write_graphviz(out, g, VertexWriter{&data, &analysis, &g, claim}, EdgeWriter{&data, &g},
                        GraphWriter{});
}

}  // namespace credence::report
