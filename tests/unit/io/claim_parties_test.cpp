// The claim fields that give interest a direction (docs/format.md, `adverse_to` and `favours`):
// how the JSON Lines reader resolves them and which mistakes it rejects.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "credence/core/dataset.hpp"
#include "credence/core/error.hpp"
#include "credence/io/reader.hpp"
#include "testutil/diagnostics.hpp"

namespace credence::io {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr const char* kFile = "parties.jsonl";

// Lines 1-3: two organisations and a speaker of the first.
const std::string kBase =
    "{\"type\":\"organisation\",\"id\":\"ministry\"}\n"
    "{\"type\":\"organisation\",\"id\":\"rival\"}\n"
    "{\"type\":\"speaker\",\"id\":\"minister\",\"affiliation\":[\"ministry\"]}\n";

std::vector<Diagnostic> Errors(const std::string& content) {
  try {
    ParseJsonl(content, kFile);
  } catch (const DataError& e) {
    return e.diagnostics();
  }
  ADD_FAILURE() << "expected a DataError";
  return {};
}

TEST(ClaimParties, ResolvesAdverseToAndFavoursToSourceIndices) {
  // Sources sorted by id: minister 0, ministry 1, rival 2.
  const Dataset d =
      ParseJsonl(kBase +
                     "{\"type\":\"claim\",\"id\":\"met\",\"text\":\"The minister met him.\","
                     "\"adverse_to\":[\"ministry\"],\"favours\":\"rival\"}\n"
                     "{\"type\":\"claim\",\"id\":\"praised\",\"text\":\"The ministry did well.\","
                     "\"favors\":[\"ministry\"],\"about\":[\"rival\"]}\n",
                 kFile);
  ASSERT_EQ(d.claims.size(), 2u);
  EXPECT_THAT(d.claims[0].adverse_to, ElementsAre(1u));
  EXPECT_THAT(d.claims[0].favours, ElementsAre(2u));
  EXPECT_THAT(d.claims[0].about, IsEmpty());
  EXPECT_THAT(d.claims[1].favours, ElementsAre(1u));  // "favors" is accepted too
  EXPECT_THAT(d.claims[1].about, ElementsAre(2u));
  EXPECT_THAT(d.claims[1].adverse_to, IsEmpty());
}

TEST(ClaimParties, UnknownIdsAreErrorsNamingTheField) {
  EXPECT_THAT(
      Errors(kBase + "{\"type\":\"claim\",\"id\":\"c\",\"text\":\"t\",\"adverse_to\":[\"nobody\"],"
                     "\"favours\":[\"ghost\"]}\n"),
      ElementsAre(testutil::DiagnosticIs(kFile, 4, "adverse_to", "'nobody'"),
                  testutil::DiagnosticIs(kFile, 4, "favours", "'ghost'")));
}

TEST(ClaimParties, AClaimThatBothHarmsAndFavoursOneEntityIsAnError) {
  EXPECT_THAT(
      Errors(kBase +
             "{\"type\":\"claim\",\"id\":\"c\",\"text\":\"t\",\"adverse_to\":[\"ministry\"],"
             "\"favours\":[\"rival\",\"ministry\"]}\n"),
      ElementsAre(
          testutil::DiagnosticIs(kFile, 4, "favours", "claim both harms and favours 'ministry'")));
}

TEST(ClaimParties, AdverseToMustNameIds) {
  EXPECT_THAT(Errors(kBase + "{\"type\":\"claim\",\"id\":\"c\",\"text\":\"t\",\"adverse_to\":3}\n"),
              ElementsAre(testutil::DiagnosticIs(kFile, 4, "adverse_to", "")));
}

}  // namespace
}  // namespace credence::io
