#pragma once
/// A claim's neighbourhood (graph::ClaimNeighbourhood) as Graphviz DOT, written by Boost.Graph's
/// write_graphviz: the claim, its holders coloured by side (blue supports, orange denies: safe
/// for colour-blind readers), the outlets that relayed and published their stances, their
/// organisations and the sources the claim is about. Render with `dot -Tsvg claim.dot`.

#include <ostream>
#include <string>
#include <string_view>

#include "credence/core/dataset.hpp"
#include "credence/scoring/assessment.hpp"

namespace credence::graph {
class ClaimGraph;
}  // namespace credence::graph

namespace credence::report {

/// Writes the neighbourhood of the claim with id `claim_id` in `graph` (built from `data`) as a
/// DOT digraph, labelled with the claim's belief and verdict and the sources' trust from
/// `analysis`. Deterministic.
/// @throws InvalidArgumentError when no claim has this id.
/// Time: that of graph::ClaimNeighbourhood plus O(vertices S + edges) to write.
void WriteNeighbourhoodDot(std::ostream& out, const Dataset& data, const graph::ClaimGraph& graph,
                           const scoring::Analysis& analysis, std::string_view claim_id);

/// A DOT quoted string for `s`, quotes included: '"' and '\\' are backslash-escaped, a line break
/// becomes the DOT escape \n and other control characters a space, so no text can end the
/// string or turn into a DOT escape sequence.
std::string DotString(std::string_view s);

}  // namespace credence::report
