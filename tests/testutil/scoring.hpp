#pragma once
// Harness shared by the scoring tests: parse a dataset from text, freeze it, and score it with the
// default model, any algorithm by name, or one classic algorithm's function.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "credence/core/dataset.hpp"
#include "credence/graph/categorical.hpp"
#include "credence/graph/claim_graph.hpp"
#include "credence/graph/evidence.hpp"
#include "credence/scoring/algorithms.hpp"
#include "credence/scoring/classic.hpp"
#include "credence/scoring/model.hpp"
#include "credence/scoring/result.hpp"

namespace credence::testutil {

/// The text formats the tests write datasets in.
enum class Format { kTriples, kStances, kJsonl };

/// Parses `text`: triples CSV as "tiny.triples.csv", stances CSV as "tiny.csv", JSON Lines as
/// `jsonl_name`. @throws DataError as the readers do.
Dataset ParseText(const std::string& text, Format format,
                  const std::string& jsonl_name = "tiny.jsonl");

/// The categorical view of `data` (through its claim graph and evidence snapshot).
graph::CategoricalView ViewOf(const Dataset& data);
/// The categorical view of a dataset given as text.
graph::CategoricalView ViewOf(const std::string& text, Format format);

/// Default-model options that drive the iteration to its fixed point (`tolerance`, at most
/// 100000 iterations, one thread), so that two datasets can be compared well below the default
/// tolerance (1e-6).
scoring::ModelOptions TightOptions(double tolerance = 1e-13);

/// A dataset with its claim graph, evidence snapshot and one scoring result. Held by pointer:
/// the graph, and the internal classes a test builds on the snapshot, refer to its members.
struct Scored {
  Dataset data;
  std::unique_ptr<graph::ClaimGraph> graph;
  graph::EvidenceSnapshot snap;
  graph::CategoricalView view;    ///< Filled by ScoreClassic only.
  scoring::ModelOptions options;  ///< The default model's options (ScoreModel), else defaults.
  scoring::ScoringResult result;

  /// The belief of the claim with this id; fails the test (and returns -1) when there is none.
  double Belief(std::string_view claim) const;
  /// The trust of the source with this id; fails the test (and returns -1) when there is none.
  double Trust(std::string_view source) const;
};

/// Every claim's belief and every source's trust, by id, so that datasets with extra records can
/// be compared on the records they share.
std::map<std::string, double> BeliefsById(const Scored& s);
std::map<std::string, double> TrustsById(const Scored& s);
/// Largest difference over the ids of `a`; fails the test for an id of `a` missing from `b`.
double MaxDiff(const std::map<std::string, double>& a, const std::map<std::string, double>& b);

/// Parses and freezes `text`; result left empty.
std::unique_ptr<Scored> Freeze(const std::string& text, Format format,
                               const std::string& jsonl_name = "tiny.jsonl");
/// Scores JSON Lines text with the default model (ScoreDefault).
std::unique_ptr<Scored> ScoreModel(const std::string& jsonl,
                                   const scoring::ModelOptions& options = {},
                                   const std::string& jsonl_name = "tiny.jsonl");
/// ClassicOptions with these overrides (nullopt: the algorithm's default) and thread count.
scoring::ClassicOptions Classic(std::optional<int> max_iterations = std::nullopt,
                                std::optional<double> tolerance = std::nullopt, int threads = 1);

/// Scores text with one algorithm through RunAlgorithm (which names the result).
std::unique_ptr<Scored> ScoreAlgorithm(scoring::Algorithm algorithm, const std::string& text,
                                       Format format, const scoring::RunOptions& options = {});
/// The same with the default model's defaults and these classic options.
std::unique_ptr<Scored> ScoreAlgorithm(scoring::Algorithm algorithm, const std::string& text,
                                       Format format, const scoring::ClassicOptions& classic);
/// Scores text with one classic algorithm's function on its categorical view (`view` filled).
std::unique_ptr<Scored> ScoreClassic(scoring::ClassicRunner run, const std::string& text,
                                     Format format = Format::kTriples,
                                     const scoring::ClassicOptions& options = Classic());

/// G1, the triples graph of the hand-worked classic tests (claims "x=1", "x=2", "y=1", "y=2";
/// objects x and y; sources a, b, c; a source observes the values it points at):
///
///   G1:   a ──┬──> x=1 <── b          object x = {x=1, x=2}
///             └──> y=1                 object y = {y=1, y=2}
///         c ──┬──> x=2
///             └──> y=2
///
/// |C(a)| = 2, |C(b)| = 1, |C(c)| = 2. Majority says x=1 (2 votes to 1) and cannot decide y
/// (1 to 1); the iterative algorithms should side with a on y, since a agrees with b on x.
inline const std::string kG1 = R"(source,object,value
a,x,1
b,x,1
c,x,2
a,y,1
c,y,2
)";

}  // namespace credence::testutil
