// Unit tests for graph::FreezeEvidence. Each test builds a tiny dataset whose units, owners, hops
// and flags were worked out by hand from evidence.hpp and docs/format.md:
//   - a unit is the members of one claim with one polarity and one origin (the stance's origin,
//     else its holder); units of a claim are ordered supports first, then holder-keyed before
//     origin-keyed, then by source or origin index;
//   - the owner is the holder, except an anonymous holder with a vouching outlet (last via, else
//     publisher), which is owned by that outlet and flagged kAnonymous;
//   - hops count the distinct consecutive outlets of publisher + via, minus one, plus one more
//     when the owner is not the last of them.

#include "credence/graph/evidence.hpp"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/io/reader.hpp"
#include "testutil/testutil.hpp"

namespace credence::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr std::uint8_t kInterested = EvidenceSnapshot::kInterested;
constexpr std::uint8_t kAnonymous = EvidenceSnapshot::kAnonymous;
constexpr std::uint8_t kImplied = EvidenceSnapshot::kImplied;
constexpr std::uint8_t kAdmission = EvidenceSnapshot::kAdmission;
constexpr std::uint8_t kCopy = EvidenceSnapshot::kCopy;
constexpr std::uint8_t kPosition = EvidenceSnapshot::kPosition;

// A dataset, its graph and its snapshot. `data` must be declared first: the others read it.
struct Frozen {
  explicit Frozen(const std::string& jsonl)
      : data(io::ParseJsonl(jsonl, "evidence.jsonl")),
        graph(data),
        snap(FreezeEvidence(data, graph)) {}
  Dataset data;
  ClaimGraph graph;
  EvidenceSnapshot snap;
};

// The units of a claim, one string each: the polarity sign, then its members in order as
// "holder:owner:hops:flags" (flags: 1 interested, 2 anonymous, 4 implied, 8 admission, 16 copy,
// 32 position).
std::vector<std::string> UnitsOf(const Frozen& f, const std::string& claim_id) {
  const Index c = f.data.FindClaim(claim_id);
  EXPECT_NE(c, kNone) << claim_id;
  std::vector<std::string> units;
  if (c == kNone) return units;
  const EvidenceSnapshot& s = f.snap;
  for (const Index u : s.Units(c)) {
    std::string text = s.unit_polarity[u] > 0 ? "+" : "-";
    for (const Index m : s.Members(u)) {
      text +=
          fmt::format("{}{}:{}:{}:{}", m == s.unit_offsets[u] ? " " : ", ",
                      f.data.sources[f.data.stances[s.member_stance[m]].holder].id,
                      f.data.sources[s.member_owner[m]].id, s.member_hops[m], s.member_flags[m]);
    }
    units.push_back(text);
  }
  return units;
}

// The one member that stance `stance` contributes to its own claim (not an implied denial).
Index MemberOf(const Frozen& f, Index stance) {
  Index found = kNone;
  for (Index m = 0; m < f.snap.num_members(); ++m) {
    if (f.snap.member_stance[m] == stance && (f.snap.member_flags[m] & kImplied) == 0) {
      EXPECT_EQ(found, kNone) << "stance " << stance << " has two direct members";
      found = m;
    }
  }
  EXPECT_NE(found, kNone) << "stance " << stance << " has no member";
  return found;
}

// Structural invariants every snapshot must satisfy.
void ExpectWellFormed(const Frozen& f) {
  const EvidenceSnapshot& s = f.snap;
  const Dataset& d = f.data;
  ASSERT_EQ(s.num_sources, d.sources.size());
  ASSERT_EQ(s.num_claims, d.claims.size());
  ASSERT_EQ(s.claim_offsets.size(), d.claims.size() + 1);
  ASSERT_EQ(s.claim_neutral.size(), d.claims.size());
  EXPECT_EQ(s.claim_offsets.front(), 0U);
  EXPECT_EQ(s.claim_offsets.back(), s.num_units());
  ASSERT_EQ(s.unit_polarity.size(), s.num_units());
  ASSERT_EQ(s.unit_offsets.size(), s.num_units() + 1);
  EXPECT_EQ(s.unit_offsets.front(), 0U);
  EXPECT_EQ(s.unit_offsets.back(), s.num_members());
  ASSERT_EQ(s.member_stance.size(), s.num_members());
  ASSERT_EQ(s.member_weight.size(), s.num_members());
  ASSERT_EQ(s.member_hops.size(), s.num_members());
  ASSERT_EQ(s.member_hedge.size(), s.num_members());
  ASSERT_EQ(s.member_flags.size(), s.num_members());
  for (Index c = 0; c < s.num_claims; ++c) {
    ASSERT_LE(s.claim_offsets[c], s.claim_offsets[c + 1]);
    // The range accessors cover exactly the offsets' runs.
    ASSERT_EQ(s.Units(c).size(), s.claim_offsets[c + 1] - s.claim_offsets[c]);
    if (!s.Units(c).empty()) {
      EXPECT_EQ(s.Units(c).front(), s.claim_offsets[c]);
    }
    for (const Index u : s.Units(c)) {
      ASSERT_EQ(s.Members(u).size(), s.unit_size(u));
      EXPECT_EQ(s.Members(u).front(), s.unit_offsets[u]);
      EXPECT_EQ(s.unit_claim[u], c);
      EXPECT_TRUE(s.unit_polarity[u] == 1 || s.unit_polarity[u] == -1);
      ASSERT_LT(s.unit_offsets[u], s.unit_offsets[u + 1]) << "empty unit " << u;
      for (const Index m : s.Members(u)) {
        const Stance& st = d.stances[s.member_stance[m]];
        EXPECT_GT(s.member_weight[m], 0.0F);
        EXPECT_LE(s.member_weight[m], 1.0F);
        EXPECT_EQ(s.member_weight[m], st.weight);
        EXPECT_EQ(s.member_hedge[m], st.hedge);
        if (s.member_flags[m] & kImplied) {
          // Support for another claim of the same group, counted against this one.
          EXPECT_NE(st.claim, c);
          EXPECT_NE(d.claims[c].group, kNone);
          EXPECT_EQ(d.claims[st.claim].group, d.claims[c].group);
          EXPECT_EQ(st.polarity, Polarity::kSupports);
          EXPECT_EQ(s.unit_polarity[u], -1);
        } else {
          EXPECT_EQ(st.claim, c);
          EXPECT_EQ(static_cast<int>(st.polarity), s.unit_polarity[u]);
        }
      }
    }
  }
}

// Checks the owner CSR: every member listed once, under its owner, in member order.
void ExpectOwnerIndexIsExact(const EvidenceSnapshot& s) {
  ASSERT_EQ(s.owner_offsets.size(), s.num_sources + std::size_t{1});
  EXPECT_EQ(s.owner_offsets.front(), 0U);
  EXPECT_EQ(s.owner_offsets.back(), s.num_members());
  ASSERT_EQ(s.owner_members.size(), s.num_members());
  std::vector<int> seen(s.num_members(), 0);
  for (Index src = 0; src < s.num_sources; ++src) {
    ASSERT_LE(s.owner_offsets[src], s.owner_offsets[src + 1]);
    const std::span<const Index> owned = s.OwnerMembers(src);
    ASSERT_EQ(owned.size(), s.owner_offsets[src + 1] - s.owner_offsets[src]);
    if (!owned.empty()) {
      EXPECT_EQ(owned.data(), &s.owner_members[s.owner_offsets[src]]);
    }
    for (Index k = s.owner_offsets[src]; k < s.owner_offsets[src + 1]; ++k) {
      const Index m = s.owner_members[k];
      ASSERT_LT(m, s.num_members());
      ++seen[m];
      EXPECT_EQ(s.member_owner[m], src);
      if (k > s.owner_offsets[src]) {
        EXPECT_LT(s.owner_members[k - 1], m);
      }
    }
  }
  for (Index m = 0; m < s.num_members(); ++m) EXPECT_EQ(seen[m], 1) << "member " << m;
}

// ---------------------------------------------------------------------------------------------
// Units

// x is quoted by two outlets' reports: one independent piece of evidence relayed twice.
//   sources: oa=0, ob=1, x=2; reports ra=0 (oa), rb=1 (ob); each member has hops 1 (a named
//   speaker quoted directly in a report).
TEST(EvidenceTest, SameHolderInTwoReportsIsOneUnit) {
  const Frozen f(R"json({"type":"outlet","id":"oa"}
{"type":"outlet","id":"ob"}
{"type":"speaker","id":"x"}
{"type":"claim","id":"k","text":"K"}
{"type":"report","id":"ra","outlet":"oa"}
{"type":"report","id":"rb","outlet":"ob"}
{"type":"stance","holder":"x","claim":"k","polarity":"supports","report":"rb"}
{"type":"stance","holder":"x","claim":"k","polarity":"supports","report":"ra"}
)json");
  ExpectWellFormed(f);
  EXPECT_THAT(UnitsOf(f, "k"), ElementsAre("+ x:x:1:0, x:x:1:0"));
  ASSERT_EQ(f.snap.num_units(), 1U);
  EXPECT_EQ(f.snap.unit_size(0), 2U);
  // Ties on every unit attribute are broken by report index: ra (stance 1) before rb (stance 0).
  EXPECT_THAT(f.snap.member_stance, ElementsAre(1U, 0U));
}

// Three outlets. m1 and m2 share the origin "story": one unit. w has no origin: its own unit.
// m1 also relays an origin spelt "w", which is an origin key, not the holder w: a third unit.
//   units: holder-keyed first (w), then origins in sorted order ("story"=0, "w"=1).
TEST(EvidenceTest, SharedOriginMergesDifferentHolders) {
  const Frozen f(R"json({"type":"outlet","id":"m1"}
{"type":"outlet","id":"m2"}
{"type":"outlet","id":"w"}
{"type":"claim","id":"k","text":"K"}
{"type":"stance","holder":"m1","claim":"k","polarity":"supports","origin":"story"}
{"type":"stance","holder":"m2","claim":"k","polarity":"supports","origin":"story"}
{"type":"stance","holder":"w","claim":"k","polarity":"supports"}
{"type":"stance","holder":"m1","claim":"k","polarity":"supports","origin":"w"}
)json");
  ExpectWellFormed(f);
  EXPECT_THAT(UnitsOf(f, "k"), ElementsAre("+ w:w:0:0", "+ m1:m1:0:0, m2:m2:0:0", "+ m1:m1:0:0"));
}

// The same holder on both sides of a claim gives two units; supports come first.
TEST(EvidenceTest, DifferentPolaritiesAreDifferentUnits) {
  const Frozen f(R"json({"type":"outlet","id":"oa"}
{"type":"outlet","id":"ob"}
{"type":"speaker","id":"x"}
{"type":"speaker","id":"y"}
{"type":"claim","id":"k","text":"K"}
{"type":"report","id":"ra","outlet":"oa"}
{"type":"report","id":"rb","outlet":"ob"}
{"type":"stance","holder":"y","claim":"k","polarity":"denies"}
{"type":"stance","holder":"x","claim":"k","polarity":"denies","report":"rb"}
{"type":"stance","holder":"x","claim":"k","polarity":"supports","report":"ra"}
)json");
  ExpectWellFormed(f);
  EXPECT_THAT(UnitsOf(f, "k"), ElementsAre("+ x:x:1:0", "- x:x:1:0", "- y:y:0:0"));
}

// Neutral stances weigh nothing: they are counted per claim and make no unit.
//   claims: k1=0 (2 neutral, 1 support), k2=1 (1 neutral only).
TEST(EvidenceTest, NeutralStancesAreCountedNotUnits) {
  const Frozen f(R"json({"type":"outlet","id":"x"}
{"type":"outlet","id":"y"}
{"type":"claim","id":"k1","text":"K1"}
{"type":"claim","id":"k2","text":"K2"}
{"type":"stance","holder":"x","claim":"k1","polarity":"neutral"}
{"type":"stance","holder":"y","claim":"k1","polarity":"observing"}
{"type":"stance","holder":"x","claim":"k1","polarity":"supports"}
{"type":"stance","holder":"y","claim":"k2","polarity":"0"}
)json");
  ExpectWellFormed(f);
  EXPECT_THAT(f.snap.claim_neutral, ElementsAre(2U, 1U));
  EXPECT_THAT(UnitsOf(f, "k1"), ElementsAre("+ x:x:0:0"));
  EXPECT_THAT(UnitsOf(f, "k2"), IsEmpty());
  EXPECT_THAT(f.snap.claim_offsets, ElementsAre(0U, 1U, 1U));
  EXPECT_THAT(f.snap.member_stance, ElementsAre(2U));
}

// ---------------------------------------------------------------------------------------------
// Owners and flags

// sources: anon=0, oa=1, ob=2, oc=3; reports ra=0 (oa), rb=1 (ob). One claim per case.
TEST(EvidenceTest, AnonymousHolderIsOwnedByItsVouchingOutlet) {
  const Frozen f(R"json({"type":"outlet","id":"oa"}
{"type":"outlet","id":"ob"}
{"type":"outlet","id":"oc"}
{"type":"speaker","id":"anon","anonymous":true}
{"type":"claim","id":"k1","text":"1"}
{"type":"claim","id":"k2","text":"2"}
{"type":"claim","id":"k3","text":"3"}
{"type":"claim","id":"k4","text":"4"}
{"type":"claim","id":"k5","text":"5"}
{"type":"report","id":"ra","outlet":"oa"}
{"type":"report","id":"rb","outlet":"ob"}
{"type":"stance","holder":"anon","claim":"k1","polarity":"supports","report":"rb","via":["oa"]}
{"type":"stance","holder":"anon","claim":"k2","polarity":"supports","report":"rb"}
{"type":"stance","holder":"anon","claim":"k3","polarity":"supports","via":["ra"]}
{"type":"stance","holder":"anon","claim":"k4","polarity":"supports"}
{"type":"stance","holder":"anon","claim":"k5","polarity":"supports","report":"rb","via":["oc","oa"]}
)json");
  ExpectWellFormed(f);
  // k1: the last via, oa, vouches; chain ob -> oa is 2 links and oa is the owner: 1 hop.
  EXPECT_THAT(UnitsOf(f, "k1"), ElementsAre("+ anon:oa:1:2"));
  // k2: no via, the publisher ob vouches; 1 link, owner is it: 0 hops.
  EXPECT_THAT(UnitsOf(f, "k2"), ElementsAre("+ anon:ob:0:2"));
  // k3: a report in the chain stands for its outlet, oa.
  EXPECT_THAT(UnitsOf(f, "k3"), ElementsAre("+ anon:oa:0:2"));
  // k4: nobody vouches, so the anonymous holder owns itself and is not flagged.
  EXPECT_THAT(UnitsOf(f, "k4"), ElementsAre("+ anon:anon:0:0"));
  // k5: chain ob -> oc -> oa, the last via oa vouches: 3 links, 2 hops.
  EXPECT_THAT(UnitsOf(f, "k5"), ElementsAre("+ anon:oa:2:2"));
  EXPECT_EQ(f.snap.member_owner[MemberOf(f, 0)], f.data.FindSource("oa"));
  EXPECT_EQ(f.data.VouchingOutlet(f.data.stances[0]), f.data.FindSource("oa"));
}

//   gov <--parent-- ministry <--affiliated-- minister, anon (anonymous)
//   claims: on-ministry (about ministry), on-gov (about gov), on-minister (about minister)
TEST(EvidenceTest, InterestedWhenTheHolderSpeaksForAPartyTheClaimIsAbout) {
  const Frozen f(R"json({"type":"organisation","id":"gov"}
{"type":"organisation","id":"ministry","parent":"gov"}
{"type":"speaker","id":"minister","affiliation":["ministry"]}
{"type":"speaker","id":"anon","anonymous":true,"affiliation":["ministry"]}
{"type":"speaker","id":"critic"}
{"type":"outlet","id":"paper"}
{"type":"report","id":"rp","outlet":"paper"}
{"type":"claim","id":"on-ministry","text":"M","about":["ministry"]}
{"type":"claim","id":"on-gov","text":"G","about":["gov"]}
{"type":"claim","id":"on-minister","text":"P","about":["critic","minister"]}
{"type":"stance","holder":"minister","claim":"on-ministry","polarity":"supports"}
{"type":"stance","holder":"ministry","claim":"on-ministry","polarity":"supports"}
{"type":"stance","holder":"gov","claim":"on-ministry","polarity":"supports"}
{"type":"stance","holder":"critic","claim":"on-ministry","polarity":"supports"}
{"type":"stance","holder":"minister","claim":"on-gov","polarity":"denies"}
{"type":"stance","holder":"minister","claim":"on-minister","polarity":"denies"}
{"type":"stance","holder":"anon","claim":"on-ministry","polarity":"supports","report":"rp"}
{"type":"stance","holder":"paper","claim":"on-gov","polarity":"supports","report":"rp"}
)json");
  ExpectWellFormed(f);
  auto flags = [&](Index stance) { return f.snap.member_flags[MemberOf(f, stance)]; };
  EXPECT_EQ(flags(0), kInterested);               // minister is affiliated with ministry
  EXPECT_EQ(flags(1), kInterested);               // ministry itself
  EXPECT_EQ(flags(2), 0);                         // gov is ministry's parent, not ministry
  EXPECT_EQ(flags(3), 0);                         // critic has no affiliation
  EXPECT_EQ(flags(4), kInterested);               // minister -> ministry -> gov
  EXPECT_EQ(flags(5), kInterested);               // minister is named in the about list
  EXPECT_EQ(flags(6), kInterested | kAnonymous);  // interest comes from the holder, not paper
  EXPECT_EQ(f.snap.member_owner[MemberOf(f, 6)], f.data.FindSource("paper"));
  EXPECT_EQ(flags(7), 0);  // an outlet reporting on gov
}

// sources: anon=0, oa=1, ob=2, oc=3, x=4; report ra (oa). All stances are on claim k.
TEST(EvidenceTest, HopsCountRelaysBetweenWitnessAndReader) {
  const Frozen f(R"json({"type":"outlet","id":"oa"}
{"type":"outlet","id":"ob"}
{"type":"outlet","id":"oc"}
{"type":"speaker","id":"x"}
{"type":"speaker","id":"anon","anonymous":true}
{"type":"claim","id":"k","text":"K"}
{"type":"report","id":"ra","outlet":"oa"}
{"type":"stance","holder":"oa","claim":"k","polarity":"supports","report":"ra"}
{"type":"stance","holder":"x","claim":"k","polarity":"supports","report":"ra"}
{"type":"stance","holder":"x","claim":"k","polarity":"supports","report":"ra","via":["ob"]}
{"type":"stance","holder":"anon","claim":"k","polarity":"supports","report":"ra","via":["ob"]}
{"type":"stance","holder":"x","claim":"k","polarity":"supports"}
{"type":"stance","holder":"ob","claim":"k","polarity":"supports","report":"ra"}
{"type":"stance","holder":"x","claim":"k","polarity":"supports","report":"ra","via":["oa"]}
{"type":"stance","holder":"x","claim":"k","polarity":"supports","report":"ra","via":["ob","oc"]}
{"type":"stance","holder":"anon","claim":"k","polarity":"supports","report":"ra"}
)json");
  ExpectWellFormed(f);
  auto hops = [&](Index stance) { return f.snap.member_hops[MemberOf(f, stance)]; };
  EXPECT_EQ(hops(0), 0);  // the outlet's own voice in its own report
  EXPECT_EQ(hops(1), 1);  // a named speaker quoted in a report
  EXPECT_EQ(hops(2), 2);  // ... relayed through one more outlet
  EXPECT_EQ(hops(3), 1);  // an anonymous one through ob: ob owns it, one relay oa <- ob
  EXPECT_EQ(hops(4), 0);  // no report and no chain
  EXPECT_EQ(hops(5), 1);  // an outlet quoted in another outlet's report
  EXPECT_EQ(hops(6), 1);  // via repeating the publisher adds no hop
  EXPECT_EQ(hops(7), 3);  // oa <- ob <- oc <- x
  EXPECT_EQ(hops(8), 0);  // an anonymous holder carried by the publisher itself
}

// Claims g1, g2, g3 form the group "g"; k4 has no group. y also denies g1 outright.
//   sources: w=0, x=1, y=2, z=3. g3 is about y.
//   g1: + x;  - y: y's explicit denial of g1 and the denial implied by y's support of g2 are one
//       position (issue 11, item 2): one inert unit, the implied member (flag 4) first, then the
//       explicit one flagged kPosition (32). Before issue 11 the explicit denial was a unit of
//       its own and counted as evidence beside y's support of g2.
//   g2: + y;  - x (implied)
//   g3: - x (implied), - y (implied: not interested although g3 is `about` y, since an implied
//       denial has the interest of the support it comes from, on g2), - z (explicit)
//   k4: + w
TEST(EvidenceTest, GroupAlternativesImplyDenials) {
  const Frozen f(R"json({"type":"outlet","id":"w"}
{"type":"outlet","id":"x"}
{"type":"outlet","id":"y"}
{"type":"outlet","id":"z"}
{"type":"claim","id":"g1","text":"1","group":"g"}
{"type":"claim","id":"g2","text":"2","group":"g"}
{"type":"claim","id":"g3","text":"3","group":"g","about":["y"]}
{"type":"claim","id":"k4","text":"4"}
{"type":"stance","holder":"x","claim":"g1","polarity":"supports"}
{"type":"stance","holder":"y","claim":"g2","polarity":"supports"}
{"type":"stance","holder":"z","claim":"g3","polarity":"denies"}
{"type":"stance","holder":"w","claim":"k4","polarity":"supports"}
{"type":"stance","holder":"y","claim":"g1","polarity":"denies"}
)json");
  ExpectWellFormed(f);
  EXPECT_THAT(UnitsOf(f, "g1"), ElementsAre("+ x:x:0:0", "- y:y:0:4, y:y:0:32"));
  EXPECT_THAT(UnitsOf(f, "g2"), ElementsAre("+ y:y:0:0", "- x:x:0:4"));
  // Explicit units come before implied ones.
  EXPECT_THAT(UnitsOf(f, "g3"), ElementsAre("- z:z:0:0", "- x:x:0:4", "- y:y:0:4"));
  EXPECT_THAT(UnitsOf(f, "k4"), ElementsAre("+ w:w:0:0"));
  // The implied members point at the supporting stances: on g2, x's stance 0 on g1.
  const Index g2 = f.data.FindClaim("g2");
  const Index denial = f.snap.unit_offsets[f.snap.claim_offsets[g2] + 1];
  EXPECT_EQ(f.snap.member_stance[denial], 0U);
  // 5 direct members plus 4 implied ones (x on g2 and g3, y on g1 and g3), in 8 units.
  EXPECT_EQ(f.snap.num_members(), 9U);
  EXPECT_EQ(f.snap.num_units(), 8U);
  EXPECT_FALSE(f.snap.IsInert(f.snap.claim_offsets[g2]));
  EXPECT_TRUE(f.snap.IsInert(f.snap.claim_offsets[g2] + 1));
  const Index g1 = f.data.FindClaim("g1");
  EXPECT_FALSE(f.snap.IsInert(f.snap.claim_offsets[g1]));
  EXPECT_TRUE(f.snap.IsInert(f.snap.claim_offsets[g1] + 1));
  // Alone (no self-judgement): the group's evidence has owners x, y and z, so no unit of it is
  // alone; k4's only unit is w's, and w is the only owner on k4.
  for (Index c : {g1, g2, f.data.FindClaim("g3")}) {
    for (const Index u : f.snap.Units(c)) EXPECT_FALSE(f.snap.IsAlone(u)) << "unit " << u;
  }
  EXPECT_TRUE(f.snap.IsAlone(f.snap.claim_offsets[f.data.FindClaim("k4")]));
}

// One position per holder (docs/model.md), whatever the origins and carried by its strongest part.
// Claims a, b form the group "g"; sources h, j, k.
//   h supports a repeating the origin wire-1 and denies b in its own voice: the explicit denial
//     joins the denial h's support implies (key wire-1) as one inert unit, not a unit of its own
//     keyed h (before the fix: two inert units, h credited twice on b).
//   j supports a hedged ("rumour") and denies b firmly: the denial is stated more firmly, so it
//     carries j's position as ordinary evidence; j's support and the denial it implies are held
//     (kHeld, 64): inert, and they cannot carry.
TEST(EvidenceTest, OnePositionWhateverItsOriginCarriedByItsStrongestPart) {
  const Frozen f(R"json({"type":"outlet","id":"h"}
{"type":"outlet","id":"j"}
{"type":"outlet","id":"k"}
{"type":"claim","id":"a","text":"a","group":"g"}
{"type":"claim","id":"b","text":"b","group":"g"}
{"type":"stance","holder":"h","claim":"a","polarity":"supports","origin":"wire-1"}
{"type":"stance","holder":"h","claim":"b","polarity":"denies"}
{"type":"stance","holder":"j","claim":"a","polarity":"supports","hedge":"rumour"}
{"type":"stance","holder":"j","claim":"b","polarity":"denies"}
{"type":"stance","holder":"k","claim":"b","polarity":"supports"}
)json");
  ExpectWellFormed(f);
  EXPECT_THAT(UnitsOf(f, "a"), ElementsAre("+ h:h:0:0", "+ j:j:0:64", "- k:k:0:4"));
  EXPECT_THAT(UnitsOf(f, "b"),
              ElementsAre("+ k:k:0:0", "- j:j:0:0", "- j:j:0:68", "- h:h:0:4, h:h:0:32"));
  const Index a = f.data.FindClaim("a");
  EXPECT_TRUE(f.snap.IsInert(f.snap.claim_offsets[a] + 1));
  EXPECT_FALSE(f.snap.CanCarry(f.snap.unit_offsets[f.snap.claim_offsets[a] + 1]));
}

// Members equal in every unit attribute are ordered by content, not by input line: implied
// denials by the claim they come from (a before b), then direct stances by id (q1 before q2).
//   claims: a=0, b=1, c=2, all in group g; stances in file order: 0 s-b, 1 s-a, 2 q2, 3 q1.
//   o supports a and b, so its explicit denials of c are merged into its position (issue 11):
//   c has one inert unit keyed by o, the implied denials s-a (1), s-b (0) first (flag 4), then
//   the position denials q1 (3), q2 (2) (flag 32). Before issue 11 the explicit denials were a
//   unit of their own, ahead of the implied one.
TEST(EvidenceTest, TiesAreBrokenByContentNotInputOrder) {
  const Frozen f(R"json({"type":"outlet","id":"o"}
{"type":"claim","id":"a","text":"A","group":"g"}
{"type":"claim","id":"b","text":"B","group":"g"}
{"type":"claim","id":"c","text":"C","group":"g"}
{"type":"stance","id":"s-b","holder":"o","claim":"b","polarity":"supports"}
{"type":"stance","id":"s-a","holder":"o","claim":"a","polarity":"supports"}
{"type":"stance","id":"q2","holder":"o","claim":"c","polarity":"denies","quote":"second"}
{"type":"stance","id":"q1","holder":"o","claim":"c","polarity":"denies","quote":"first"}
)json");
  ExpectWellFormed(f);
  EXPECT_THAT(UnitsOf(f, "c"), ElementsAre("- o:o:0:4, o:o:0:4, o:o:0:32, o:o:0:32"));
  const Index c = f.data.FindClaim("c");
  const Index unit = f.snap.claim_offsets[c];
  const std::vector<Index> members(f.snap.member_stance.begin() + f.snap.unit_offsets[unit],
                                   f.snap.member_stance.begin() + f.snap.unit_offsets[unit + 1]);
  EXPECT_THAT(members, ElementsAre(1U, 0U, 3U, 2U));
}

// ---------------------------------------------------------------------------------------------
// Issue 11: citation copies, interest with a direction, units alone in their scope

// The stance index of the member a stance contributes to its own claim, by the stance's line.
Index StanceOnLine(const Frozen& f, std::uint32_t line) {
  for (Index i = 0; i < f.data.stances.size(); ++i) {
    if (f.data.stances[i].line == line) return i;
  }
  ADD_FAILURE() << "no stance on line " << line;
  return kNone;
}

// AP's report holds AP's stance; outlets republish it (MODEL.md, independence by citation):
//   ap-r (ap)                 line 13: ap supports c
//   r1 (o1) cites ap-r        line 14: o1 supports c       copy of line 13 (level 1)
//   r2 (o2) cites r1          line 15: o2 supports c       copy of line 14, a copy itself: key ap
//   r3 (o3) cites ap-r        line 16: o3 denies c         a rebuttal: its own unit
//   mid (o4) cites ap-r       (holds nothing on c: walked past)
//   r4 (o4) cites mid         line 17: o4 supports c       copy of line 13 (level 2)
//   r3                        line 18: ap supports c       AP relayed in o3's report: its own
//                                                          origin, an ordinary relay (hops 1)
// sources: ap=0, o1=1, o2=2, o3=3, o4=4. Units of c: supports keyed by ap, carriers first (lines
// 13 and 18, owner ap), then the copies (flag 16) by owner; then o3's denial.
TEST(EvidenceTest, CitationCopiesJoinTheUnitOfTheStanceTheyRepublish) {
  const Frozen f(R"json({"type":"outlet","id":"ap","kind":"wire"}
{"type":"outlet","id":"o1"}
{"type":"outlet","id":"o2"}
{"type":"outlet","id":"o3"}
{"type":"outlet","id":"o4"}
{"type":"claim","id":"c","text":"C"}
{"type":"report","id":"ap-r","outlet":"ap"}
{"type":"report","id":"r1","outlet":"o1","cites":["ap-r"]}
{"type":"report","id":"r2","outlet":"o2","cites":["r1"]}
{"type":"report","id":"r3","outlet":"o3","cites":["ap-r"]}
{"type":"report","id":"mid","outlet":"o4","cites":["ap-r"]}
{"type":"report","id":"r4","outlet":"o4","cites":["mid"]}
{"type":"stance","holder":"ap","claim":"c","polarity":"supports","report":"ap-r"}
{"type":"stance","holder":"o1","claim":"c","polarity":"supports","report":"r1"}
{"type":"stance","holder":"o2","claim":"c","polarity":"supports","report":"r2"}
{"type":"stance","holder":"o3","claim":"c","polarity":"denies","report":"r3"}
{"type":"stance","holder":"o4","claim":"c","polarity":"supports","report":"r4"}
{"type":"stance","holder":"ap","claim":"c","polarity":"supports","report":"r3"}
)json");
  ExpectWellFormed(f);
  ExpectOwnerIndexIsExact(f.snap);
  EXPECT_THAT(
      UnitsOf(f, "c"),
      ElementsAre("+ ap:ap:0:0, ap:ap:1:0, o1:o1:0:16, o2:o2:0:16, o4:o4:0:16", "- o3:o3:0:0"));
  const auto copied = [&](std::uint32_t line) {
    return f.snap.CopiedStance(MemberOf(f, StanceOnLine(f, line)));
  };
  EXPECT_EQ(copied(13), kNone);
  EXPECT_EQ(copied(14), StanceOnLine(f, 13));
  EXPECT_EQ(copied(15), StanceOnLine(f, 14));  // the nearest stance it copies
  EXPECT_EQ(copied(16), kNone);                // a rebuttal
  EXPECT_EQ(copied(17), StanceOnLine(f, 13));
  EXPECT_EQ(copied(18), kNone);  // same origin as what it cites: a relay, not a copy
  for (std::uint32_t line : {13U, 16U, 18U}) {
    EXPECT_TRUE(f.snap.CanCarry(MemberOf(f, StanceOnLine(f, line)))) << line;
  }
  for (std::uint32_t line : {14U, 15U, 17U}) {
    EXPECT_FALSE(f.snap.CanCarry(MemberOf(f, StanceOnLine(f, line)))) << line;
  }
  // The owners of evidence on c are ap and o3 (copies own nothing): neither unit is alone.
  EXPECT_FALSE(f.snap.IsAlone(0));
  EXPECT_FALSE(f.snap.IsAlone(1));
}

// The first level of citations holding a stance of the same claim and polarity decides, even
// against a smaller origin key further away; within a level the smallest origin key wins.
//   rx (x) cites ra, rm; ra (zz) holds zz's support (line 15); rm (empty) cites rb; rb (aa)
//   holds aa's support (line 16). x's support (line 17) is a copy of zz's (level 1), not aa's.
//   ry (y) cites ra and rb: both hold a support at level 1; aa's key (source 0) is smaller.
// sources: aa=0, x=1, y=2, zz=3.
TEST(EvidenceTest, TheFirstCitationLevelHoldingTheStanceDecides) {
  const Frozen f(R"json({"type":"outlet","id":"aa"}
{"type":"outlet","id":"zz"}
{"type":"outlet","id":"x"}
{"type":"outlet","id":"y"}
{"type":"claim","id":"c","text":"C"}
{"type":"report","id":"rb","outlet":"aa"}
{"type":"report","id":"ra","outlet":"zz"}
{"type":"report","id":"rm","outlet":"zz","cites":["rb"]}
{"type":"report","id":"rx","outlet":"x","cites":["ra","rm"]}
{"type":"report","id":"ry","outlet":"y","cites":["rb","ra"]}
{"type":"stance","holder":"y","claim":"c","polarity":"neutral","report":"ry"}
{"type":"stance","holder":"x","claim":"c","polarity":"neutral","report":"rx"}
{"type":"stance","holder":"y","claim":"c","polarity":"neutral","report":"ry"}
{"type":"stance","holder":"x","claim":"c","polarity":"neutral","report":"rx"}
{"type":"stance","holder":"zz","claim":"c","polarity":"supports","report":"ra"}
{"type":"stance","holder":"aa","claim":"c","polarity":"supports","report":"rb"}
{"type":"stance","holder":"x","claim":"c","polarity":"supports","report":"rx"}
{"type":"stance","holder":"y","claim":"c","polarity":"supports","report":"ry"}
)json");
  ExpectWellFormed(f);
  EXPECT_THAT(UnitsOf(f, "c"), ElementsAre("+ aa:aa:0:0, y:y:0:16", "+ zz:zz:0:0, x:x:0:16"));
  EXPECT_EQ(f.snap.CopiedStance(MemberOf(f, StanceOnLine(f, 17))), StanceOnLine(f, 15));
  EXPECT_EQ(f.snap.CopiedStance(MemberOf(f, StanceOnLine(f, 18))), StanceOnLine(f, 16));
  EXPECT_EQ(f.snap.claim_neutral[0], 4U);  // neutral stances are never copies
}

// A stance that cites a report holding its own holder's stance (same claim and polarity) is a
// relay of that holder, an ordinary member of its unit, even when the cited report also holds
// another holder's stance whose origin key sorts first: the spelling of the ids must not turn a
// relay into a copy of someone else (MODEL.md: the same holder relayed through several outlets
// is one piece of evidence).
//   w (wire): alpha denies c; zed denies c ("says": w = 0.7). v (paper) cites w: zed denies c
//   via the wire. sources: alpha=0, paper=1, wire=2, zed=3.
// Engine bug (i11 0751e13): zed's stance in v joined alpha's unit as a copy (alpha's key 0 < 3).
TEST(EvidenceTest, ACitedStanceOfTheSameHolderMakesARelayNotACopy) {
  const Frozen f(R"json({"type":"outlet","id":"wire","kind":"wire"}
{"type":"outlet","id":"paper"}
{"type":"speaker","id":"alpha"}
{"type":"speaker","id":"zed"}
{"type":"claim","id":"c","text":"C"}
{"type":"report","id":"w","outlet":"wire"}
{"type":"report","id":"v","outlet":"paper","cites":["w"]}
{"type":"stance","holder":"alpha","claim":"c","polarity":"denies","report":"w"}
{"type":"stance","holder":"zed","claim":"c","polarity":"denies","report":"w","hedge":"says"}
{"type":"stance","holder":"zed","claim":"c","polarity":"denies","report":"v","via":["wire"]}
)json");
  ExpectWellFormed(f);
  EXPECT_THAT(UnitsOf(f, "c"), ElementsAre("- alpha:alpha:1:0", "- zed:zed:1:0, zed:zed:2:0"));
  EXPECT_EQ(f.snap.CopiedStance(MemberOf(f, StanceOnLine(f, 10))), kNone);
}

// Interest with a direction (docs/model.md): the minister speaks for the ministry.
//   met: adverse_to (and about) the ministry; praised: favours it; probed: about it only;
//   g1 (adverse_to the ministry) and g2 form a group.
//   support of met: an admission (8); denial of met: self-serving (1);
//   support of praised: self-serving; denial of praised: an admission;
//   probed, either way: self-serving (no direction said: the conservative default);
//   support of g2: an implied denial of g1 (4 implied) with the interest of the support it comes
//   from: g2 names no party, so not interested, although g1 is adverse to the ministry;
//   the rival speaks for no party of any claim: 0.
TEST(EvidenceTest, InterestHasADirection) {
  const Frozen f(R"json({"type":"organisation","id":"ministry"}
{"type":"speaker","id":"minister","affiliation":["ministry"]}
{"type":"speaker","id":"rival"}
{"type":"claim","id":"met","text":"M","about":["ministry"],"adverse_to":["ministry"]}
{"type":"claim","id":"praised","text":"P","favours":["ministry"]}
{"type":"claim","id":"probed","text":"Q","about":["ministry"]}
{"type":"claim","id":"g1","text":"1","adverse_to":["ministry"],"group":"g"}
{"type":"claim","id":"g2","text":"2","group":"g"}
{"type":"stance","holder":"minister","claim":"met","polarity":"supports"}
{"type":"stance","holder":"minister","claim":"met","polarity":"denies"}
{"type":"stance","holder":"minister","claim":"praised","polarity":"supports"}
{"type":"stance","holder":"minister","claim":"praised","polarity":"denies"}
{"type":"stance","holder":"minister","claim":"probed","polarity":"supports"}
{"type":"stance","holder":"minister","claim":"probed","polarity":"denies"}
{"type":"stance","holder":"minister","claim":"g2","polarity":"supports"}
{"type":"stance","holder":"rival","claim":"met","polarity":"supports"}
{"type":"stance","holder":"ministry","claim":"met","polarity":"supports"}
)json");
  ExpectWellFormed(f);
  EXPECT_THAT(UnitsOf(f, "met"), ElementsAre("+ minister:minister:0:8", "+ ministry:ministry:0:8",
                                             "+ rival:rival:0:0", "- minister:minister:0:1"));
  EXPECT_THAT(UnitsOf(f, "praised"),
              ElementsAre("+ minister:minister:0:1", "- minister:minister:0:8"));
  EXPECT_THAT(UnitsOf(f, "probed"),
              ElementsAre("+ minister:minister:0:1", "- minister:minister:0:1"));
  EXPECT_THAT(UnitsOf(f, "g1"), ElementsAre("- minister:minister:0:4"));
  EXPECT_THAT(UnitsOf(f, "g2"), ElementsAre("+ minister:minister:0:0"));
  static_assert(kAdmission == 8 && kCopy == 16 && kPosition == 32);
}

// No self-judgement: a unit is alone when every owner of evidence in its scope (its claim, or
// its whole group) is one of its own owners. Copies and inert units own nothing.
//   s1: the anonymous source (owned by scoop) and scoop itself support it; other's copy
//       (rc cites rs) adds no owner: both units alone.
//   s2: scoop supports, other denies: neither alone.
//   group g (a, b): scoop supports a, other supports b: not alone.
//   group h (x, y): scoop supports x and denies y (one position, inert): x's unit alone.
TEST(EvidenceTest, UnitsAloneInTheirScopeAreMarked) {
  const Frozen f(R"json({"type":"outlet","id":"scoop"}
{"type":"outlet","id":"other"}
{"type":"speaker","id":"anon","anonymous":true}
{"type":"report","id":"rs","outlet":"scoop"}
{"type":"report","id":"rc","outlet":"other","cites":["rs"]}
{"type":"claim","id":"s1","text":"1"}
{"type":"claim","id":"s2","text":"2"}
{"type":"claim","id":"a","text":"a","group":"g"}
{"type":"claim","id":"b","text":"b","group":"g"}
{"type":"claim","id":"x","text":"x","group":"h"}
{"type":"claim","id":"y","text":"y","group":"h"}
{"type":"stance","holder":"anon","claim":"s1","polarity":"supports","report":"rs"}
{"type":"stance","holder":"scoop","claim":"s1","polarity":"supports","report":"rs"}
{"type":"stance","holder":"other","claim":"s1","polarity":"supports","report":"rc"}
{"type":"stance","holder":"scoop","claim":"s2","polarity":"supports"}
{"type":"stance","holder":"other","claim":"s2","polarity":"denies"}
{"type":"stance","holder":"scoop","claim":"a","polarity":"supports"}
{"type":"stance","holder":"other","claim":"b","polarity":"supports"}
{"type":"stance","holder":"scoop","claim":"x","polarity":"supports"}
{"type":"stance","holder":"scoop","claim":"y","polarity":"denies"}
)json");
  ExpectWellFormed(f);
  // sources: anon=0, other=1, scoop=2. On s1, anon's key (0) sorts first; other's stance
  // copies the smallest key of rs's supports, anon's.
  EXPECT_THAT(UnitsOf(f, "s1"),
              ElementsAre("+ anon:scoop:0:2, other:other:0:16", "+ scoop:scoop:0:0"));
  EXPECT_THAT(UnitsOf(f, "y"), ElementsAre("- scoop:scoop:0:4, scoop:scoop:0:32"));
  const auto alone = [&](const char* claim) {
    std::vector<bool> out;
    for (const Index u : f.snap.Units(f.data.FindClaim(claim))) out.push_back(f.snap.IsAlone(u));
    return out;
  };
  EXPECT_THAT(alone("s1"), ElementsAre(true, true));
  EXPECT_THAT(alone("s2"), ElementsAre(false, false));
  EXPECT_THAT(alone("a"), ElementsAre(false, false));  // + scoop, - other (implied, inert)
  EXPECT_THAT(alone("b"), ElementsAre(false, false));
  EXPECT_THAT(alone("x"), ElementsAre(true));
  // y's one unit is inert (scoop's denial merged with the denial its support of x implies), and
  // scoop is the only owner of evidence in group h: alone. Since issue 12 inert units give their
  // owners coin credit (a picked alternative shows the holder's specificity on the others), so
  // they are marked alone like any other unit, and a group nobody else addressed judges no one.
  // (Before issue 12 inert units were never marked alone: they gave no credit anyway.)
  EXPECT_THAT(alone("y"), ElementsAre(true));
}

TEST(EvidenceTest, OwnerIndexListsEachMemberOnce) {
  const Frozen small(R"json({"type":"outlet","id":"oa"}
{"type":"outlet","id":"ob"}
{"type":"speaker","id":"anon","anonymous":true}
{"type":"speaker","id":"x"}
{"type":"claim","id":"g1","text":"1","group":"g"}
{"type":"claim","id":"g2","text":"2","group":"g"}
{"type":"report","id":"ra","outlet":"oa"}
{"type":"stance","holder":"anon","claim":"g1","polarity":"supports","report":"ra"}
{"type":"stance","holder":"x","claim":"g2","polarity":"supports","report":"ra","via":["ob"]}
{"type":"stance","holder":"oa","claim":"g2","polarity":"denies","report":"ra"}
)json");
  ExpectWellFormed(small);
  ExpectOwnerIndexIsExact(small.snap);
  // Members: g1 has anon's support (owner oa) and x's implied denial; g2 has x's support and
  // oa's denial and anon's implied denial (owner oa). So oa owns 3 members, x 2, ob and anon 0.
  const auto& s = small.snap;
  auto owned = [&](const char* id) {
    const Index src = small.data.FindSource(id);
    return s.owner_offsets[src + 1] - s.owner_offsets[src];
  };
  EXPECT_EQ(owned("oa"), 3U);
  EXPECT_EQ(owned("x"), 2U);
  EXPECT_EQ(owned("ob"), 0U);
  EXPECT_EQ(owned("anon"), 0U);

  for (const char* path : {"datasets/newsroom-sample.jsonl", "datasets/arms-race-2018.jsonl"}) {
    SCOPED_TRACE(path);
    const Dataset data = io::ReadDataset(testutil::SourcePath(path));
    const ClaimGraph graph(data);
    ExpectOwnerIndexIsExact(FreezeEvidence(data, graph));
  }
}

// ---------------------------------------------------------------------------------------------
// Order independence

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Each member's stance as the text of its input line, which identifies it whatever the order.
std::vector<std::string> MemberStanceLines(const Frozen& f, const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (Index stance : f.snap.member_stance) out.push_back(lines[f.data.stances[stance].line - 1]);
  return out;
}

class EvidenceShuffleTest : public testing::TestWithParam<std::uint32_t> {};  // param = seed

// Shuffling the lines of a dataset changes stance indices but nothing else: every array of the
// snapshot is equal, and member_stance names the same stances (compared by their line text).
TEST_P(EvidenceShuffleTest, ShuffledLinesGiveTheSameSnapshot) {
  for (const char* path : {"datasets/newsroom-sample.jsonl", "datasets/arms-race-2018.jsonl"}) {
    SCOPED_TRACE(path);
    const std::vector<std::string> lines = SplitLines(ReadText(testutil::SourcePath(path)));
    ASSERT_FALSE(lines.empty());
    std::vector<std::string> shuffled = lines;
    std::mt19937 rng(GetParam());
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    auto join = [](const std::vector<std::string>& v) {
      std::string s;
      for (const auto& line : v) s += line + "\n";
      return s;
    };
    const Frozen a(join(lines));
    const Frozen b(join(shuffled));
    ExpectWellFormed(a);
    ExpectWellFormed(b);
    const EvidenceSnapshot& x = a.snap;
    const EvidenceSnapshot& y = b.snap;
    EXPECT_EQ(x.num_sources, y.num_sources);
    EXPECT_EQ(x.num_claims, y.num_claims);
    EXPECT_EQ(x.claim_offsets, y.claim_offsets);
    EXPECT_EQ(x.unit_claim, y.unit_claim);
    EXPECT_EQ(x.unit_polarity, y.unit_polarity);
    EXPECT_EQ(x.unit_offsets, y.unit_offsets);
    EXPECT_EQ(x.member_owner, y.member_owner);
    EXPECT_EQ(x.member_weight, y.member_weight);
    EXPECT_EQ(x.member_hops, y.member_hops);
    EXPECT_EQ(x.member_hedge, y.member_hedge);
    EXPECT_EQ(x.member_flags, y.member_flags);
    EXPECT_EQ(x.owner_offsets, y.owner_offsets);
    EXPECT_EQ(x.owner_members, y.owner_members);
    EXPECT_EQ(x.claim_neutral, y.claim_neutral);
    const auto stances_a = MemberStanceLines(a, lines);
    const auto stances_b = MemberStanceLines(b, shuffled);
    ASSERT_EQ(stances_a.size(), stances_b.size());
    for (std::size_t m = 0; m < stances_a.size(); ++m) {
      ASSERT_EQ(stances_a[m], stances_b[m]) << "member " << m;  // stop at the first difference
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, EvidenceShuffleTest, testing::Values(1U, 7U, 42U, 2024U));

}  // namespace
}  // namespace credence::graph
