// Unit tests for graph::ClaimGraph on a small hand-made dataset. Every expected value is worked
// out by hand from the drawing below and the numbering rule of claim_graph.hpp.

#include "credence/graph/claim_graph.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/io/reader.hpp"

namespace credence::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Sources, sorted by id, are vertices 0-7; claims 8-11; reports 12-13:
//
//   0 anon (speaker, anonymous) --affiliated--> 5 ministry --parent--> 3 gov
//   4 minister (speaker) ---------affiliated--> 5 ministry
//                        ---------affiliated--> 6 party
//   1 critic (speaker)   2 daily (outlet)   7 wire (outlet)
//
//   8 fire  --about--> 5 ministry       9 flood (group cause)
//   10 quiet (no stance)                11 storm (group cause)
//
//   12 r-daily --published by--> 2 daily     12 r-daily --cites--> 13 r-wire, 7 wire
//   13 r-wire  --published by--> 7 wire
//
//   stances (index: holder -> claim):
//     0: minister -> fire (denies)     1: critic -> fire (supports, via wire)
//     2: daily -> fire (supports)      3: anon -> flood (supports, via r-wire)
//     4: wire -> storm (supports)      5: critic -> fire (neutral)
//
// Edges: 6 stance + 2 published-by + 2 cites + 3 affiliated-with + 1 parent + 1 about = 15.
const char* const kDataset = R"json({"type":"outlet","id":"daily"}
{"type":"outlet","id":"wire","kind":"wire"}
{"type":"organisation","id":"gov"}
{"type":"organisation","id":"ministry","parent":"gov"}
{"type":"organisation","id":"party"}
{"type":"speaker","id":"minister","affiliation":["ministry","party"]}
{"type":"speaker","id":"anon","anonymous":true,"affiliation":["ministry"]}
{"type":"speaker","id":"critic"}
{"type":"claim","id":"fire","text":"F","about":["ministry"]}
{"type":"claim","id":"flood","text":"Fl","group":"cause"}
{"type":"claim","id":"storm","text":"S","group":"cause"}
{"type":"claim","id":"quiet","text":"Q"}
{"type":"report","id":"r-daily","outlet":"daily","cites":["r-wire","wire"]}
{"type":"report","id":"r-wire","outlet":"wire"}
{"type":"stance","holder":"minister","claim":"fire","polarity":"denies","report":"r-daily"}
{"type":"stance","holder":"critic","claim":"fire","polarity":"supports",)json"
                             R"json("report":"r-daily","via":["wire"]}
{"type":"stance","holder":"daily","claim":"fire","polarity":"supports","report":"r-daily"}
{"type":"stance","holder":"anon","claim":"flood","polarity":"supports",)json"
                             R"json("report":"r-daily","via":["r-wire"]}
{"type":"stance","holder":"wire","claim":"storm","polarity":"supports","report":"r-wire"}
{"type":"stance","holder":"critic","claim":"fire","polarity":"neutral"}
)json";

class ClaimGraphTest : public testing::Test {
 protected:
  ClaimGraphTest() : data_(io::ParseJsonl(kDataset, "graph.jsonl")), graph_(data_) {}

  // Index constants, checked against the dataset in IdsSortAsDrawn.
  static constexpr Index kAnon = 0, kCritic = 1, kDaily = 2, kGov = 3, kMinister = 4, kMinistry = 5,
                         kParty = 6, kWire = 7;
  static constexpr Index kFire = 0, kFlood = 1, kQuiet = 2, kStorm = 3;
  static constexpr Index kRDaily = 0, kRWire = 1;

  Dataset data_;
  ClaimGraph graph_;
};

TEST_F(ClaimGraphTest, IdsSortAsDrawn) {
  EXPECT_EQ(data_.FindSource("anon"), kAnon);
  EXPECT_EQ(data_.FindSource("critic"), kCritic);
  EXPECT_EQ(data_.FindSource("daily"), kDaily);
  EXPECT_EQ(data_.FindSource("gov"), kGov);
  EXPECT_EQ(data_.FindSource("minister"), kMinister);
  EXPECT_EQ(data_.FindSource("ministry"), kMinistry);
  EXPECT_EQ(data_.FindSource("party"), kParty);
  EXPECT_EQ(data_.FindSource("wire"), kWire);
  EXPECT_EQ(data_.FindClaim("fire"), kFire);
  EXPECT_EQ(data_.FindClaim("flood"), kFlood);
  EXPECT_EQ(data_.FindClaim("quiet"), kQuiet);
  EXPECT_EQ(data_.FindClaim("storm"), kStorm);
  EXPECT_EQ(data_.FindReport("r-daily"), kRDaily);
  EXPECT_EQ(data_.FindReport("r-wire"), kRWire);
}

TEST_F(ClaimGraphTest, NumbersSourcesThenClaimsThenReports) {
  EXPECT_EQ(boost::num_vertices(graph_.graph()), 14U);
  EXPECT_EQ(graph_.SourceVertex(kWire), 7U);
  EXPECT_EQ(graph_.ClaimVertex(kFire), 8U);
  EXPECT_EQ(graph_.ClaimVertex(kStorm), 11U);
  EXPECT_EQ(graph_.ReportVertex(kRDaily), 12U);
  EXPECT_EQ(graph_.ReportVertex(kRWire), 13U);
  for (ClaimGraph::Vertex v = 0; v < 14; ++v) {
    const VertexKind expected =
        v < 8 ? VertexKind::kSource : (v < 12 ? VertexKind::kClaim : VertexKind::kReport);
    const Index record = v < 8 ? v : (v < 12 ? v - 8 : v - 12);
    EXPECT_EQ(graph_.KindOf(v), expected) << v;
    EXPECT_EQ(graph_.RecordOf(v), record) << v;
  }
}

TEST_F(ClaimGraphTest, CountsEdgesByKind) {
  std::array<int, 6> count{};
  const auto& g = graph_.graph();
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    ++count[static_cast<std::size_t>(g[*it].kind)];
  }
  EXPECT_EQ(boost::num_edges(g), 15U);
  EXPECT_EQ(count[static_cast<int>(EdgeKind::kStance)], 6);
  EXPECT_EQ(count[static_cast<int>(EdgeKind::kPublishedBy)], 2);
  EXPECT_EQ(count[static_cast<int>(EdgeKind::kCites)], 2);
  EXPECT_EQ(count[static_cast<int>(EdgeKind::kAffiliatedWith)], 3);
  EXPECT_EQ(count[static_cast<int>(EdgeKind::kParent)], 1);
  EXPECT_EQ(count[static_cast<int>(EdgeKind::kAbout)], 1);
}

TEST_F(ClaimGraphTest, EdgesConnectTheRightVertices) {
  const auto& g = graph_.graph();
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const EdgeInfo& info = g[*it];
    const auto from = boost::source(*it, g);
    const auto to = boost::target(*it, g);
    switch (info.kind) {
      case EdgeKind::kStance: {
        // Each stance edge carries its stance index and joins its holder to its claim.
        ASSERT_LT(info.record, data_.stances.size());
        EXPECT_EQ(from, graph_.SourceVertex(data_.stances[info.record].holder));
        EXPECT_EQ(to, graph_.ClaimVertex(data_.stances[info.record].claim));
        break;
      }
      case EdgeKind::kPublishedBy:
        EXPECT_EQ(info.record, kNone);
        EXPECT_TRUE((from == 12 && to == kDaily) || (from == 13 && to == kWire)) << from << to;
        break;
      case EdgeKind::kCites:
        EXPECT_EQ(from, 12U);
        EXPECT_TRUE(to == 13 || to == kWire) << to;
        break;
      case EdgeKind::kAffiliatedWith:
        EXPECT_TRUE((from == kMinister && (to == kMinistry || to == kParty)) ||
                    (from == kAnon && to == kMinistry))
            << from << "->" << to;
        break;
      case EdgeKind::kParent:
        EXPECT_EQ(from, kMinistry);
        EXPECT_EQ(to, kGov);
        break;
      case EdgeKind::kAbout:
        EXPECT_EQ(from, graph_.ClaimVertex(kFire));
        EXPECT_EQ(to, kMinistry);
        break;
    }
  }
}

TEST_F(ClaimGraphTest, StancesOnAClaimInFileOrder) {
  EXPECT_THAT(graph_.StancesOn(kFire), ElementsAre(0U, 1U, 2U, 5U));
  EXPECT_THAT(graph_.StancesOn(kFlood), ElementsAre(3U));
  EXPECT_THAT(graph_.StancesOn(kStorm), ElementsAre(4U));
  EXPECT_THAT(graph_.StancesOn(kQuiet), IsEmpty());
}

TEST_F(ClaimGraphTest, StancesByASourceInFileOrder) {
  EXPECT_THAT(graph_.StancesBy(kCritic), ElementsAre(1U, 5U));
  EXPECT_THAT(graph_.StancesBy(kMinister), ElementsAre(0U));
  EXPECT_THAT(graph_.StancesBy(kDaily), ElementsAre(2U));
  EXPECT_THAT(graph_.StancesBy(kAnon), ElementsAre(3U));
  EXPECT_THAT(graph_.StancesBy(kWire), ElementsAre(4U));
  // Relaying (via) or publishing is not holding a stance.
  EXPECT_THAT(graph_.StancesBy(kGov), IsEmpty());
  EXPECT_THAT(graph_.StancesBy(kMinistry), IsEmpty());
}

TEST_F(ClaimGraphTest, PartiesFollowAffiliationsAndParents) {
  // minister -> ministry -> gov, and minister -> party.
  EXPECT_THAT(graph_.PartiesOf(kMinister), ElementsAre(kGov, kMinister, kMinistry, kParty));
  EXPECT_THAT(graph_.PartiesOf(kAnon), ElementsAre(kAnon, kGov, kMinistry));
  EXPECT_THAT(graph_.PartiesOf(kMinistry), ElementsAre(kGov, kMinistry));
  // A parent does not speak for its children.
  EXPECT_THAT(graph_.PartiesOf(kGov), ElementsAre(kGov));
  EXPECT_THAT(graph_.PartiesOf(kCritic), ElementsAre(kCritic));
  // An outlet that publishes and is cited has no parties but itself.
  EXPECT_THAT(graph_.PartiesOf(kWire), ElementsAre(kWire));
}

// A diamond: the speaker reaches "state" through two organisations; it is listed once.
TEST(ClaimGraphPartiesTest, DiamondListsEachPartyOnce) {
  const Dataset data = io::ParseJsonl(R"json({"type":"organisation","id":"state"}
{"type":"organisation","id":"army","parent":"state"}
{"type":"organisation","id":"police","parent":"state"}
{"type":"speaker","id":"general","affiliation":["army","police"]}
)json",
                                      "diamond.jsonl");
  const ClaimGraph graph(data);
  // Sorted: army=0, general=1, police=2, state=3.
  EXPECT_THAT(graph.PartiesOf(1), ElementsAre(0U, 1U, 2U, 3U));
  EXPECT_EQ(boost::num_vertices(graph.graph()), 4U);
  EXPECT_EQ(boost::num_edges(graph.graph()), 4U);
}

}  // namespace
}  // namespace credence::graph
