#pragma once
/// The dataset as a typed Boost.Graph: one vertex per source, claim and report, one edge per
/// stance, publication, citation, affiliation, parent link and "about" link. Stored as BGL's
/// bidirectional compressed_sparse_row_graph, so that a claim's stances are its in-edges and a
/// source's stances its out-edges, each O(degree) to walk, with no per-edge allocation.

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <vector>

#include "credence/core/dataset.hpp"

namespace credence::graph {

enum class EdgeKind : std::uint8_t {
  kStance,          ///< holder -> claim; record = stance index
  kPublishedBy,     ///< report -> outlet
  kCites,           ///< report -> report or outlet
  kAffiliatedWith,  ///< speaker -> organisation
  kParent,          ///< organisation -> parent organisation
  kAbout,           ///< claim -> source it is about
};

struct EdgeInfo {
  EdgeKind kind = EdgeKind::kStance;
  Index record = kNone;  ///< Stance index for kStance edges, else kNone.
};

enum class VertexKind : std::uint8_t { kSource, kClaim, kReport };

/// Immutable typed graph of a dataset. Vertex numbering: sources [0, S), claims [S, S + C),
/// reports [S + C, S + C + R), each in the dataset's (id-sorted) order.
class ClaimGraph {
 public:
  using Graph =
      boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, EdgeInfo,
                                         boost::no_property, std::uint32_t, std::uint32_t>;
  using Vertex = Graph::vertex_descriptor;

  /// Builds the graph. Time and memory O(V + E). Stance edges enter in stance order, so a
  /// claim's in-edges list its stances in file order.
  explicit ClaimGraph(const Dataset& data);

  const Graph& graph() const { return graph_; }
  Vertex SourceVertex(Index source) const { return source; }
  Vertex ClaimVertex(Index claim) const { return num_sources_ + claim; }
  Vertex ReportVertex(Index report) const { return num_sources_ + num_claims_ + report; }
  VertexKind KindOf(Vertex v) const;
  /// The dataset index of a vertex within its kind.
  Index RecordOf(Vertex v) const;

  /// Stance indices on a claim, in file order.
  std::vector<Index> StancesOn(Index claim) const;
  /// Stance indices held by a source, in file order.
  std::vector<Index> StancesBy(Index source) const;
  /// The source, its affiliations and their ancestor organisations (the parties it speaks for),
  /// sorted. Walks kAffiliatedWith and kParent edges breadth-first.
  std::vector<Index> PartiesOf(Index source) const;

 private:
  Index num_sources_ = 0;
  Index num_claims_ = 0;
  Graph graph_;
};

}  // namespace credence::graph
