#include "testutil/scoring.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "credence/io/reader.hpp"

namespace credence::testutil {

Dataset ParseText(const std::string& text, Format format, const std::string& jsonl_name) {
  switch (format) {
    case Format::kTriples:
      return io::ParseTriplesCsv(text, "tiny.triples.csv");
    case Format::kStances:
      return io::ParseStancesCsv(text, "tiny.csv");
    case Format::kJsonl:
      return io::ParseJsonl(text, jsonl_name);
  }
  return io::ParseJsonl(text, jsonl_name);
}

graph::CategoricalView ViewOf(const Dataset& data) {
  const graph::ClaimGraph graph(data);
  const graph::EvidenceSnapshot snap = graph::FreezeEvidence(data, graph);
  return graph::BuildCategoricalView(data, snap);
}

graph::CategoricalView ViewOf(const std::string& text, Format format) {
  return ViewOf(ParseText(text, format));
}

double Scored::Belief(std::string_view claim) const {
  const Index c = data.FindClaim(claim);
  EXPECT_NE(c, kNone) << "no claim " << claim;
  return c == kNone ? -1.0 : result.belief.at(c);
}

double Scored::Trust(std::string_view source) const {
  const Index s = data.FindSource(source);
  EXPECT_NE(s, kNone) << "no source " << source;
  return s == kNone ? -1.0 : result.trust.at(s);
}

std::map<std::string, double> BeliefsById(const Scored& s) {
  std::map<std::string, double> out;
  for (Index c = 0; c < s.data.claims.size(); ++c) out[s.data.claims[c].id] = s.result.belief[c];
  return out;
}

std::map<std::string, double> TrustsById(const Scored& s) {
  std::map<std::string, double> out;
  for (Index i = 0; i < s.data.sources.size(); ++i) out[s.data.sources[i].id] = s.result.trust[i];
  return out;
}

double MaxDiff(const std::map<std::string, double>& a, const std::map<std::string, double>& b) {
  double worst = 0.0;
  for (const auto& [id, v] : a) {
    const auto it = b.find(id);
    if (it == b.end()) {
      ADD_FAILURE() << "missing id " << id;
      continue;
    }
    worst = std::max(worst, std::abs(v - it->second));
  }
  return worst;
}

std::unique_ptr<Scored> Freeze(const std::string& text, Format format,
                               const std::string& jsonl_name) {
  auto scored = std::make_unique<Scored>();
  scored->data = ParseText(text, format, jsonl_name);
  scored->graph = std::make_unique<graph::ClaimGraph>(scored->data);
  scored->snap = graph::FreezeEvidence(scored->data, *scored->graph);
  return scored;
}

std::unique_ptr<Scored> ScoreModel(const std::string& jsonl, const scoring::ModelOptions& options,
                                   const std::string& jsonl_name) {
  auto scored = Freeze(jsonl, Format::kJsonl, jsonl_name);
  scored->options = options;
  scored->result = scoring::ScoreDefault(scored->data, scored->snap, options);
  return scored;
}

std::unique_ptr<Scored> ScoreAlgorithm(scoring::Algorithm algorithm, const std::string& text,
                                       Format format, const scoring::RunOptions& options) {
  auto scored = Freeze(text, format);
  scored->options = options.model;
  scored->result = scoring::RunAlgorithm(algorithm, scored->data, scored->snap, options);
  return scored;
}

std::unique_ptr<Scored> ScoreAlgorithm(scoring::Algorithm algorithm, const std::string& text,
                                       Format format, const scoring::ClassicOptions& classic) {
  scoring::RunOptions options;
  options.classic = classic;
  return ScoreAlgorithm(algorithm, text, format, options);
}

std::unique_ptr<Scored> ScoreClassic(scoring::ClassicRunner run, const std::string& text,
                                     Format format, const scoring::ClassicOptions& options) {
  auto scored = Freeze(text, format);
  scored->view = graph::BuildCategoricalView(scored->data, scored->snap);
  scored->result = run(scored->view, options);
  return scored;
}

scoring::ClassicOptions Classic(std::optional<int> max_iterations, std::optional<double> tolerance,
                                int threads) {
  scoring::ClassicOptions options;
  options.max_iterations = max_iterations;
  options.tolerance = tolerance;
  options.threads = threads;
  return options;
}

scoring::ModelOptions TightOptions(double tolerance) {
  scoring::ModelOptions o;
  o.tolerance = tolerance;
  o.max_iterations = 100000;
  o.threads = 1;
  return o;
}

}  // namespace credence::testutil
