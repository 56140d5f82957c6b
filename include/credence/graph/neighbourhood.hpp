#pragma once
/// A claim's neighbourhood as a small Boost.Graph of its own: the claim, the holders of its
/// stances, the outlets that relayed and published them, the organisations the holders belong to
/// (with their parents) and the sources the claim is about. Drawn by report::WriteNeighbourhoodDot.

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <string>

#include "credence/graph/claim_graph.hpp"

namespace credence::graph {

/// What an edge of the neighbourhood stands for.
enum class LinkKind : std::uint8_t {
  kStance,          ///< holder -> claim: one edge per holder and polarity.
  kRelayed,         ///< towards the reader through an outlet of the stance's `via` chain.
  kPublished,       ///< last hop: into the outlet that published the report.
  kAffiliatedWith,  ///< speaker -> organisation.
  kParent,          ///< organisation -> parent organisation.
  kAbout,           ///< claim -> source it is about.
};

struct NeighbourVertex {
  Index source = kNone;  ///< Source index; kNone for the claim itself (always vertex 0).
  /// For holders, the sides they take on the claim: bit 1 supports, 2 denies, 4 neutral.
  std::uint8_t sides = 0;
};

struct NeighbourEdge {
  LinkKind kind = LinkKind::kStance;
  int polarity = 0;      ///< For kStance: +1, -1 or 0.
  int stances = 0;       ///< For kStance: stances behind the edge.
  Index report = kNone;  ///< For kPublished: the report.
};

/// Vertices in order of first appearance (the claim; holders and their chain outlets in stance
/// order; organisations; sources the claim is about), edges likewise, without duplicates.
using NeighbourGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                                             NeighbourVertex, NeighbourEdge>;

/// Builds the neighbourhood of `claim` (a claim index, < data.claims.size()) by walking the
/// claim's in-edges and the holders' affiliation and parent out-edges in `graph`.
/// Time O(stances on the claim * chain length + organisations reached * their degree), with a
/// linear duplicate check per added edge (neighbourhoods are small).
NeighbourGraph ClaimNeighbourhood(const Dataset& data, const ClaimGraph& graph, Index claim);

}  // namespace credence::graph
