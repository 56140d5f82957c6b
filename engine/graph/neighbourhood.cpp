#include "credence/graph/neighbourhood.hpp"

#include <algorithm>
#include <unordered_map>

namespace credence::graph {
namespace {

class Builder {
 public:
  explicit Builder(NeighbourGraph* g) : g_(g) {}

  NeighbourGraph::vertex_descriptor Vertex(Index source) {
    auto [it, added] = index_.emplace(source, 0);
    if (added) {
      NeighbourVertex v;
      v.source = source;
      it->second = boost::add_vertex(v, *g_);
    }
    return it->second;
  }

  // Adds an edge unless one of the same kind, polarity and report already joins u and v; returns
  // it either way.
  NeighbourEdge& Edge(NeighbourGraph::vertex_descriptor u, NeighbourGraph::vertex_descriptor v,
                      LinkKind kind, int polarity, Index report) {
    for (auto [it, end] = boost::out_edges(u, *g_); it != end; ++it) {
      NeighbourEdge& e = (*g_)[*it];
      if (boost::target(*it, *g_) == v && e.kind == kind && e.polarity == polarity &&
          e.report == report) {
        return e;
      }
    }
    NeighbourEdge e;
    e.kind = kind;
    e.polarity = polarity;
    e.report = report;
    return (*g_)[boost::add_edge(u, v, e, *g_).first];
  }

 private:
  NeighbourGraph* g_;
  std::unordered_map<Index, NeighbourGraph::vertex_descriptor> index_;
};

}  // namespace

NeighbourGraph ClaimNeighbourhood(const Dataset& data, const ClaimGraph& graph, Index claim) {
  NeighbourGraph g;
  const auto claim_vertex = boost::add_vertex(NeighbourVertex{}, g);
  Builder b(&g);
  std::vector<Index> holders;
  // The claim's stances (its in-edges in the Boost graph), in file order.
  for (Index stance : graph.StancesOn(claim)) {
    const Stance& s = data.stances[stance];
    const Index holder = s.holder;
    const auto hv = b.Vertex(holder);
    if (std::find(holders.begin(), holders.end(), holder) == holders.end())
      holders.push_back(holder);
    const int polarity = static_cast<int>(s.polarity);
    g[hv].sides |= polarity > 0 ? 1 : polarity < 0 ? 2 : 4;
    ++b.Edge(hv, claim_vertex, LinkKind::kStance, polarity, kNone).stances;
    // The chain towards the reader: holder -> via[last] -> ... -> via[0] -> publisher.
    auto from = hv;
    for (Index k = s.via_size; k > 0; --k) {
      const auto next = b.Vertex(data.via[s.via_begin + k - 1]);
      if (next != from) b.Edge(from, next, LinkKind::kRelayed, 0, kNone);
      from = next;
    }
    if (s.report != kNone) {
      const auto publisher = b.Vertex(data.reports[s.report].outlet);
      if (publisher != from) b.Edge(from, publisher, LinkKind::kPublished, 0, s.report);
    }
  }
  // Affiliations of the holders and the parents of those organisations, breadth-first.
  const auto& bgl = graph.graph();
  std::vector<Index> queue = holders;
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const Index src = queue[i];
    for (auto [it, end] = boost::out_edges(graph.SourceVertex(src), bgl); it != end; ++it) {
      const EdgeKind kind = bgl[*it].kind;
      if (kind != EdgeKind::kAffiliatedWith && kind != EdgeKind::kParent) continue;
      const Index target = graph.RecordOf(boost::target(*it, bgl));
      b.Edge(b.Vertex(src), b.Vertex(target),
             kind == EdgeKind::kParent ? LinkKind::kParent : LinkKind::kAffiliatedWith, 0, kNone);
      if (std::find(queue.begin(), queue.end(), target) == queue.end()) queue.push_back(target);
    }
  }
  for (Index about : data.claims[claim].about) {
    b.Edge(claim_vertex, b.Vertex(about), LinkKind::kAbout, 0, kNone);
  }
  return g;
}

}  // namespace credence::graph
