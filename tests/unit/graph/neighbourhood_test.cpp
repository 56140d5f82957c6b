// Unit tests for graph::ClaimNeighbourhood on a small hand-made dataset. Every expected vertex and
// edge is worked out by hand from the drawing below.

#include "credence/graph/neighbourhood.hpp"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "credence/io/reader.hpp"

namespace credence::graph {
namespace {

using ::testing::UnorderedElementsAre;

//   speakers: minister (of ministry, party), critic, anon (anonymous, of ministry)
//   organisations: ministry --parent--> gov, party        outlets: daily, wire
//   claim fire (about ministry), claim other
//   stances:
//     0 minister denies  fire in r-daily                -> minister -> daily (published)
//     1 critic  supports fire in r-daily via [wire]      -> critic -> wire (via) -> daily
//     (published) 2 critic  supports fire in r-wire                  -> critic -> wire (published)
//     3 daily   supports fire in r-daily                 (the holder publishes: no chain edge)
//     4 anon    supports other                           (another claim: not in fire's picture)
//     5 critic  neutral  fire, no report
//
// Neighbourhood of fire: vertices fire, minister, daily, critic, wire, ministry, party, gov (8;
// anon is absent); 12 edges: 4 stance edges (critic's two supports merge into one edge of 2
// stances; its neutral stance is an edge of its own), 4 chain edges, 2 affiliations, 1 parent,
// 1 about.
const char* const kDataset = R"json({"type":"outlet","id":"daily"}
{"type":"outlet","id":"wire","kind":"wire"}
{"type":"organisation","id":"gov"}
{"type":"organisation","id":"ministry","parent":"gov"}
{"type":"organisation","id":"party"}
{"type":"speaker","id":"minister","affiliation":["ministry","party"]}
{"type":"speaker","id":"anon","anonymous":true,"affiliation":["ministry"]}
{"type":"speaker","id":"critic"}
{"type":"claim","id":"fire","text":"F","about":["ministry"]}
{"type":"claim","id":"other","text":"O"}
{"type":"report","id":"r-daily","outlet":"daily"}
{"type":"report","id":"r-wire","outlet":"wire"}
{"type":"stance","holder":"minister","claim":"fire","polarity":"denies","report":"r-daily"}
{"type":"stance","holder":"critic","claim":"fire","polarity":"supports","report":"r-daily","via":["wire"]}
{"type":"stance","holder":"critic","claim":"fire","polarity":"supports","report":"r-wire"}
{"type":"stance","holder":"daily","claim":"fire","polarity":"supports","report":"r-daily"}
{"type":"stance","holder":"anon","claim":"other","polarity":"supports","report":"r-daily"}
{"type":"stance","holder":"critic","claim":"fire","polarity":"neutral"}
)json";

std::string Name(const Dataset& data, const NeighbourGraph& g,
                 NeighbourGraph::vertex_descriptor v) {
  return g[v].source == kNone ? "CLAIM" : data.sources[g[v].source].id;
}

std::string KindName(LinkKind k) {
  switch (k) {
    case LinkKind::kStance:
      return "stance";
    case LinkKind::kRelayed:
      return "via";
    case LinkKind::kPublished:
      return "published";
    case LinkKind::kAffiliatedWith:
      return "member";
    case LinkKind::kParent:
      return "parent";
    case LinkKind::kAbout:
      return "about";
  }
  return "?";
}

class NeighbourhoodTest : public testing::Test {
 protected:
  NeighbourhoodTest() : data_(io::ParseJsonl(kDataset, "n.jsonl")), graph_(data_) {}
  Dataset data_;
  ClaimGraph graph_;
};

TEST_F(NeighbourhoodTest, FireHasItsHoldersOutletsAndOrganisations) {
  const NeighbourGraph g = ClaimNeighbourhood(data_, graph_, data_.FindClaim("fire"));
  ASSERT_EQ(boost::num_vertices(g), 8U);
  EXPECT_EQ(g[0].source, kNone);  // the claim is vertex 0
  std::vector<std::string> vertices;
  std::set<Index> seen;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    vertices.push_back(Name(data_, g, v));
    if (g[v].source != kNone) {
      EXPECT_TRUE(seen.insert(g[v].source).second) << "duplicate vertex";
    }
  }
  // Order of first appearance: holders and chain outlets in stance order, then organisations.
  EXPECT_THAT(std::vector<std::string>(vertices.begin(), vertices.begin() + 5),
              testing::ElementsAre("CLAIM", "minister", "daily", "critic", "wire"));
  EXPECT_THAT(vertices, UnorderedElementsAre("CLAIM", "minister", "daily", "critic", "wire",
                                             "ministry", "party", "gov"));

  std::vector<std::string> edges;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const auto& p = g[e];
    edges.push_back(fmt::format("{}->{} {} {} {} {}", Name(data_, g, boost::source(e, g)),
                                Name(data_, g, boost::target(e, g)), KindName(p.kind), p.polarity,
                                p.stances, p.report == kNone ? "-" : data_.reports[p.report].id));
  }
  EXPECT_THAT(edges, UnorderedElementsAre(
                         "minister->CLAIM stance -1 1 -", "minister->daily published 0 0 r-daily",
                         "critic->CLAIM stance 1 2 -", "critic->wire via 0 0 -",
                         "wire->daily published 0 0 r-daily", "critic->wire published 0 0 r-wire",
                         "daily->CLAIM stance 1 1 -", "critic->CLAIM stance 0 1 -",
                         "minister->ministry member 0 0 -", "minister->party member 0 0 -",
                         "ministry->gov parent 0 0 -", "CLAIM->ministry about 0 0 -"));
}

TEST_F(NeighbourhoodTest, HoldersKnowTheirSides) {
  const NeighbourGraph g = ClaimNeighbourhood(data_, graph_, data_.FindClaim("fire"));
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const std::string name = Name(data_, g, v);
    const int sides = g[v].sides;
    const int expected = name == "minister" ? 2
                         : name == "critic" ? (1 | 4)
                         : name == "daily"  ? 1
                                            : 0;
    EXPECT_EQ(sides, expected) << name;
  }
}

TEST_F(NeighbourhoodTest, OtherClaimHasOnlyItsAnonymousHolder) {
  const NeighbourGraph g = ClaimNeighbourhood(data_, graph_, data_.FindClaim("other"));
  // other <- anon; anon -> daily (published); anon -> ministry -> gov.
  ASSERT_EQ(boost::num_vertices(g), 5U);
  EXPECT_EQ(boost::num_edges(g), 4U);
}

}  // namespace
}  // namespace credence::graph
