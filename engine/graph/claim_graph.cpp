#include "credence/graph/claim_graph.hpp"

#include <algorithm>
#include <unordered_set>
#include <utility>

namespace credence::graph {

ClaimGraph::ClaimGraph(const Dataset& data)
    : num_sources_(static_cast<Index>(data.sources.size())),
      num_claims_(static_cast<Index>(data.claims.size())) {
  std::vector<std::pair<Vertex, Vertex>> edges;
  std::vector<EdgeInfo> info;
  edges.reserve(data.stances.size() + data.reports.size() * 2 + data.sources.size());
  info.reserve(edges.capacity());
  auto add = [&](Vertex a, Vertex b, EdgeKind kind, Index record) {
    edges.emplace_back(a, b);
    info.push_back({kind, record});
  };
  for (Index i = 0; i < data.stances.size(); ++i) {
    const Stance& s = data.stances[i];
    add(SourceVertex(s.holder), ClaimVertex(s.claim), EdgeKind::kStance, i);
  }
  for (Index r = 0; r < data.reports.size(); ++r) {
    const Report& report = data.reports[r];
    add(ReportVertex(r), SourceVertex(report.outlet), EdgeKind::kPublishedBy, kNone);
    for (Index cited : report.cited_reports) {
      add(ReportVertex(r), ReportVertex(cited), EdgeKind::kCites, kNone);
    }
    for (Index cited : report.cited_sources) {
      add(ReportVertex(r), SourceVertex(cited), EdgeKind::kCites, kNone);
    }
  }
  for (Index s = 0; s < data.sources.size(); ++s) {
    for (Index org : data.sources[s].affiliations) {
      add(SourceVertex(s), SourceVertex(org), EdgeKind::kAffiliatedWith, kNone);
    }
    if (data.sources[s].parent != kNone) {
      add(SourceVertex(s), SourceVertex(data.sources[s].parent), EdgeKind::kParent, kNone);
    }
  }
  for (Index c = 0; c < data.claims.size(); ++c) {
    for (Index about : data.claims[c].about) {
      add(ClaimVertex(c), SourceVertex(about), EdgeKind::kAbout, kNone);
    }
  }
  const auto n = static_cast<std::uint32_t>(num_sources_ + num_claims_ + data.reports.size());
  graph_ = Graph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), info.begin(), n);
}

VertexKind ClaimGraph::KindOf(Vertex v) const {
  if (v < num_sources_) return VertexKind::kSource;
  if (v < num_sources_ + num_claims_) return VertexKind::kClaim;
  return VertexKind::kReport;
}

Index ClaimGraph::RecordOf(Vertex v) const {
  if (v < num_sources_) return v;
  if (v < num_sources_ + num_claims_) return v - num_sources_;
  return v - num_sources_ - num_claims_;
}

namespace {

// The stance numbers of the stance edges among `edges` (a Boost.Graph edge iterator pair),
// ascending.
template <typename Edges>
std::vector<Index> StanceRecords(const ClaimGraph::Graph& graph, Edges edges) {
  std::vector<Index> out;
  for (auto [it, end] = edges; it != end; ++it) {
    if (graph[*it].kind == EdgeKind::kStance) out.push_back(graph[*it].record);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<Index> ClaimGraph::StancesOn(Index claim) const {
  return StanceRecords(graph_, boost::in_edges(ClaimVertex(claim), graph_));
}

std::vector<Index> ClaimGraph::StancesBy(Index source) const {
  return StanceRecords(graph_, boost::out_edges(SourceVertex(source), graph_));
}

std::vector<Index> ClaimGraph::PartiesOf(Index source) const {
  std::vector<Index> parties{source};
  std::unordered_set<Index> seen{source};  // a set: many affiliations must not cost n^2
  for (std::size_t i = 0; i < parties.size(); ++i) {
    for (auto [it, end] = boost::out_edges(SourceVertex(parties[i]), graph_); it != end; ++it) {
      const EdgeKind kind = graph_[*it].kind;
      if (kind != EdgeKind::kAffiliatedWith && kind != EdgeKind::kParent) continue;
      const Index target = boost::target(*it, graph_);
      if (seen.insert(target).second) parties.push_back(target);
    }
  }
  std::sort(parties.begin(), parties.end());
  return parties;
}

}  // namespace credence::graph
