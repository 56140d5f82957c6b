// Unit tests for parameter files (scoring/params.hpp): the round trip, and every rejection names
// the file and the field.

#include "credence/scoring/params.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <sstream>
#include <string>

#include "credence/core/error.hpp"

namespace credence::scoring {
namespace {

using ::testing::HasSubstr;

constexpr const char* kPath = "p.json";

std::string File(const std::string& parameters,
                 const std::string& header = R"("format":"credence-params","version":1)") {
  return "{" + header + R"(,"parameters":{)" + parameters + "}}";
}

// The first diagnostic of ParseParams on `content`, checking that nothing was changed.
Diagnostic Rejection(const std::string& content) {
  ModelOptions options;
  options.echo_factor = 0.123;
  try {
    ParseParams(content, kPath, &options);
  } catch (const DataError& e) {
    EXPECT_EQ(options.echo_factor, 0.123) << "rejected file changed the options";
    EXPECT_FALSE(e.diagnostics().empty());
    return e.diagnostics().front();
  }
  ADD_FAILURE() << "accepted: " << content;
  return {};
}

TEST(ParamsTest, RoundTripIsBitForBit) {
  ModelOptions written;
  written.base_rate = 0.1 + 0.2;  // 0.30000000000000004
  written.learn_base_rate = 0;
  written.echo_factor = 1.0 / 3.0;
  written.relay_fidelity = 0.9999999999999999;
  written.sensitivity_news = 0.7123456789012345;
  written.specificity_wire = 5e-3 + 1e-17;
  written.trust_floor = 0.012345678901234567;
  written.max_iterations = 77;
  written.tolerance = 1e-300;
  FitRecord record{"d.jsonl", "g.csv", 12, 5, -7.25, -3.0 / 7.0};
  std::ostringstream out;
  WriteParams(out, written, &record);
  ModelOptions read;
  FitRecord got;
  ParseParams(out.str(), kPath, &read, &got);
  for (const std::string_view name : ModelOptions::ParameterNames()) {
    const double a = written.Get(name);
    const double b = read.Get(name);
    EXPECT_EQ(std::memcmp(&a, &b, sizeof a), 0) << name << ": " << a << " vs " << b;
  }
  EXPECT_EQ(got.dataset, "d.jsonl");
  EXPECT_EQ(got.gold, "g.csv");
  EXPECT_EQ(got.claims, 12U);
  EXPECT_EQ(got.true_claims, 5U);
  EXPECT_EQ(got.log_likelihood_after, -3.0 / 7.0);
  // Deterministic bytes.
  std::ostringstream again;
  WriteParams(again, written, &record);
  EXPECT_EQ(out.str(), again.str());
  EXPECT_THAT(out.str(), HasSubstr(R"("format":"credence-params")"));
  EXPECT_THAT(out.str(), HasSubstr(R"("version":1)"));
}

TEST(ParamsTest, ASubsetLeavesTheOthers) {
  ModelOptions options;
  options.hedge_factor = 0.33;
  ParseParams(File(R"("echo_factor":1,"prior_news":0.9)"), kPath, &options);
  EXPECT_EQ(options.echo_factor, 1.0);
  EXPECT_EQ(options.prior_news, 0.9);
  EXPECT_EQ(options.hedge_factor, 0.33);
}

TEST(ParamsTest, MalformedJson) {
  const Diagnostic d = Rejection(R"({"format":"credence-params","version":1,)");
  EXPECT_EQ(d.file, kPath);
  EXPECT_THAT(d.message, HasSubstr("malformed JSON"));
  // The first error placed: line 2, the extra brace, byte 8 + 7 = 15 of the file.
  const Diagnostic at = Rejection("{\"a\":1,\n\"b\":2}}");
  EXPECT_EQ(at.line, 2);
  EXPECT_THAT(at.message, HasSubstr("near byte 15"));
  // A bad literal: "tru" starts at byte 6.
  EXPECT_THAT(Rejection(R"({"a":tru})").message, HasSubstr("near byte 6"));
  EXPECT_THAT(Rejection("").message, HasSubstr("empty"));
  EXPECT_THAT(Rejection("[1]").message, HasSubstr("expected a JSON object, got an array"));
}

TEST(ParamsTest, WrongOrMissingFormat) {
  Diagnostic d = Rejection(File("", R"("format":"credence-data","version":1)"));
  EXPECT_EQ(d.field, "format");
  EXPECT_THAT(d.message, HasSubstr("\"credence-data\""));
  d = Rejection(File("", R"("version":1)"));
  EXPECT_EQ(d.field, "format");
  EXPECT_THAT(d.message, HasSubstr("missing"));
}

TEST(ParamsTest, AnotherVersion) {
  Diagnostic d = Rejection(File("", R"("format":"credence-params","version":2)"));
  EXPECT_EQ(d.file, kPath);
  EXPECT_EQ(d.field, "version");
  EXPECT_THAT(d.message, HasSubstr("version 2 was written by another version"));
  d = Rejection(File("", R"("format":"credence-params","version":"1")"));
  EXPECT_EQ(d.field, "version");
  EXPECT_THAT(d.message, HasSubstr("got a string"));
}

TEST(ParamsTest, UnknownParameterListsTheKnownOnes) {
  const Diagnostic d = Rejection(File(R"("echo":0.5)"));
  EXPECT_EQ(d.field, "parameters.echo");
  EXPECT_THAT(d.message, HasSubstr("unknown parameter"));
  for (const std::string_view name : ModelOptions::ParameterNames()) {
    EXPECT_THAT(d.message, HasSubstr(std::string(name)));
  }
}

TEST(ParamsTest, NotANumber) {
  Diagnostic d = Rejection(File(R"("echo_factor":"0.5")"));
  EXPECT_EQ(d.field, "parameters.echo_factor");
  EXPECT_THAT(d.message, HasSubstr("expected a number, got a string"));
  d = Rejection(File(R"("hedge_factor":null)"));
  EXPECT_EQ(d.field, "parameters.hedge_factor");
  EXPECT_THAT(d.message, HasSubstr("got null"));
  d = Rejection(File(R"("max_iterations":2.5)"));
  EXPECT_EQ(d.field, "parameters.max_iterations");
  EXPECT_THAT(d.message, HasSubstr("whole number"));
}

TEST(ParamsTest, OutOfRangeNamesTheParameter) {
  Diagnostic d = Rejection(File(R"("echo_factor":1.5)"));
  EXPECT_EQ(d.field, "parameters.echo_factor");
  EXPECT_THAT(d.message, HasSubstr("1.5"));
  d = Rejection(File(R"("base_rate":0)"));
  EXPECT_EQ(d.field, "parameters.base_rate");
  d = Rejection(File(R"("relay_fidelity":0.4)"));
  EXPECT_EQ(d.field, "parameters.relay_fidelity");
}

TEST(ParamsTest, StructureErrors) {
  EXPECT_EQ(Rejection(R"({"format":"credence-params","version":1})").field, "parameters");
  EXPECT_EQ(Rejection(R"({"format":"credence-params","version":1,"parameters":[]})").field,
            "parameters");
  EXPECT_EQ(Rejection(File("", R"("format":"credence-params","version":1,"extra":1)")).field,
            "extra");
  EXPECT_EQ(Rejection(File(R"("echo_factor":0.5,"echo_factor":0.6)")).field,
            "parameters.echo_factor");
}

TEST(ParamsTest, MissingFileIsADataError) {
  ModelOptions options;
  EXPECT_THROW(LoadParams("/nonexistent/params.json", &options), DataError);
}

}  // namespace
}  // namespace credence::scoring
