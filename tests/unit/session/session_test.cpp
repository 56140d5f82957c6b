// Session (include/credence/session.hpp): the run from a file and the run on a dataset already in
// memory give the same results; the phases are announced and timed; options are checked first.

#include "credence/session.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/io/reader.hpp"
#include "testutil/testutil.hpp"

namespace credence {
namespace {

using testing::ElementsAre;
using testing::HasSubstr;
using testing::ThrowsMessage;

std::vector<std::string> PhaseNames(const Session& s) {
  std::vector<std::string> names;
  for (const auto& [name, seconds] : s.timings()) {
    EXPECT_GE(seconds, 0.0) << name;
    names.push_back(name);
  }
  return names;
}

void ExpectSameRun(const Session& a, const Session& b) {
  EXPECT_EQ(a.result().algorithm, b.result().algorithm);
  EXPECT_EQ(a.result().belief, b.result().belief);
  EXPECT_EQ(a.result().trust, b.result().trust);
  EXPECT_EQ(a.result().iterations, b.result().iterations);
  EXPECT_EQ(a.result().residual, b.result().residual);
  ASSERT_EQ(a.analysis().claims.size(), b.analysis().claims.size());
  for (std::size_t i = 0; i < a.analysis().claims.size(); ++i) {
    EXPECT_EQ(a.analysis().claims[i].claim, b.analysis().claims[i].claim);
    EXPECT_EQ(a.analysis().claims[i].dispute, b.analysis().claims[i].dispute);
    EXPECT_EQ(a.analysis().claims[i].verdict, b.analysis().claims[i].verdict);
  }
  ASSERT_EQ(a.analysis().sources.size(), b.analysis().sources.size());
  for (std::size_t i = 0; i < a.analysis().sources.size(); ++i) {
    EXPECT_EQ(a.analysis().sources[i].source, b.analysis().sources[i].source);
    EXPECT_EQ(a.analysis().sources[i].agreement, b.analysis().sources[i].agreement);
  }
}

TEST(SessionTest, RunOnADatasetInMemoryMatchesTheRunFromItsFile) {
  const std::string path = testutil::SourcePath("datasets/newsroom-sample.jsonl");
  std::vector<std::string> announced;
  SessionOptions options;
  options.on_phase = [&](std::string_view phase) { announced.emplace_back(phase); };
  const auto from_file = Session::Run(path, options);
  EXPECT_THAT(announced, ElementsAre("parse", "graph", "freeze", "score", "rank", ""));
  EXPECT_THAT(PhaseNames(*from_file),
              ElementsAre("parse", "graph", "freeze", "score", "intervals", "rank"));

  announced.clear();
  const auto in_memory = Session::Run(io::ReadDataset(path), options);
  EXPECT_THAT(announced, ElementsAre("graph", "freeze", "score", "rank", ""));
  EXPECT_THAT(PhaseNames(*in_memory), ElementsAre("graph", "freeze", "score", "intervals", "rank"));
  EXPECT_EQ(in_memory->data().claims.size(), from_file->data().claims.size());
  ASSERT_FALSE(from_file->data().claims.empty());
  ExpectSameRun(*from_file, *in_memory);
  const std::string& claim = from_file->data().claims.front().id;
  EXPECT_EQ(from_file->Explain(claim).log_odds, in_memory->Explain(claim).log_odds);
}

// A dataset built in the test, no file involved, with a classic algorithm.
TEST(SessionTest, RunOnAParsedStringWithAnyAlgorithm) {
  Dataset data = io::ParseJsonl(R"({"type":"outlet","id":"o","prior":0.7}
{"type":"claim","id":"c","text":"c"}
{"type":"stance","holder":"o","claim":"c","polarity":"supports"})",
                                "in-memory.jsonl");
  SessionOptions options;
  const auto session = Session::Run(data, options);
  EXPECT_NEAR(session->result().belief.at(0), 0.7, 1e-12);  // the lone outlet's prior
  EXPECT_EQ(session->analysis().claims.size(), 1u);
  options.algorithm = scoring::Algorithm::kMajority;
  const auto majority = Session::Run(std::move(data), options);
  EXPECT_EQ(majority->result().algorithm, "majority");
  EXPECT_EQ(majority->result().belief.at(0), 1.0);
}

TEST(SessionTest, OptionsAreCheckedBeforeAnything) {
  SessionOptions options;
  options.model.hedge_factor = 2.0;
  EXPECT_THAT([&] { Session::Run(Dataset{}, options); },
              ThrowsMessage<InvalidArgumentError>(HasSubstr("ModelOptions.hedge_factor")));
  options = SessionOptions{};
  options.analysis.likely_true = 0.2;
  EXPECT_THAT([&] { Session::Run(Dataset{}, options); },
              ThrowsMessage<InvalidArgumentError>(HasSubstr("AnalysisOptions.likely_true")));
}

TEST(SessionTest, ExplainNamesAnUnknownClaim) {
  const auto session = Session::Run(
      io::ParseJsonl(R"({"type":"claim","id":"c","text":"c"})", "one.jsonl"), SessionOptions{});
  EXPECT_THAT(
      [&] { session->Explain("nope"); },
      ThrowsMessage<InvalidArgumentError>(HasSubstr("no claim with id 'nope' in one.jsonl")));
}

}  // namespace
}  // namespace credence
