#pragma once
// Seeded random datasets in the native JSON Lines format (docs/format.md), for property and
// differential tests of the scoring model.
//
// Ids follow a fixed scheme so that a test can append records that refer to generated ones:
//   outlets "outlet-<i>", speakers "speaker-<i>", organisations "org-<i>", claims "claim-<i>",
//   reports "report-<i>", groups "group-<i>", origins "origin-<i>", with i counted from 0.
// Each record is written on one line with "type" first and "id" second, e.g.
//   {"type":"outlet","id":"outlet-3","kind":"wire","prior":0.72}

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace credence::testutil {

/// The shape of a random dataset. Probabilities are in [0, 1]; counts are >= 0, except that
/// `outlets` must be >= 1 when `reports` or `stances` is > 0, and `claims` >= 1 when `stances` is.
struct RandomDatasetOptions {
  std::uint64_t seed = 1;  ///< Seeds std::mt19937_64; the same options give the same text.
  int outlets = 10;
  int speakers = 14;
  int organisations = 4;
  int claims = 24;
  int reports = 20;
  int stances = 110;  ///< Stances drawn at random, before relays are added.

  double p_anonymous = 0.25;      ///< A speaker is anonymous.
  double p_affiliated = 0.5;      ///< A named speaker belongs to one or two organisations.
  double p_parent = 0.3;          ///< An organisation has a parent (an earlier organisation).
  double p_about = 0.35;          ///< A claim is about one or two speakers or organisations.
  double p_grouped = 0.3;         ///< A claim belongs to a group of 2-3 alternatives.
  double p_prior = 0.5;           ///< A source is given a prior; 0 gives a dataset with no priors.
  double p_prior_strength = 0.2;  ///< A source with a prior is also given a prior_strength.
  double p_cites = 0.2;           ///< A report cites an earlier report or an outlet.
  double p_report = 0.7;          ///< A stance appears in a report.
  double p_via = 0.3;             ///< A stance has a non-empty attribution chain.
  double p_origin = 0.15;         ///< A stance names an explicit origin from a small pool.
  double p_hedge = 0.2;           ///< A stance is hedged.
  double p_weight = 0.3;          ///< A stance has a weight below 1.
  double p_neutral = 0.08;        ///< A stance is neutral.
  double p_relay = 0.25;          ///< A stance is followed by a relay of it (same holder, claim,
                                  ///< polarity and origin; another report or chain); up to 3 times.
  int origin_pool = 6;            ///< Number of distinct explicit origins.

  // Features of issue 11's rules (docs/model.md). Each is off at 0, and when off draws nothing
  // from the engine, so a shape that leaves them at 0 gives the same text as before they existed.
  double p_adverse = 0.0;   ///< A claim names a party it harms (`adverse_to`): often one of its
                            ///< `about` parties, so that the direction overrides `about`.
  double p_favours = 0.0;   ///< A claim names a party it favours (`favours`), never one it harms.
  double p_position = 0.0;  ///< A holder supporting a grouped claim also denies another
                            ///< alternative of the group (one position, MODEL.md).
  /// Claims added after the stances ("claim-<i>", i from `claims`), each addressed by one outlet
  /// only, in one of its reports, in its own voice or through anonymous sources: evidence alone
  /// in its scope (no self-judgement, MODEL.md).
  int scoops = 0;
  /// Reports added after the stances, each citing a report that holds a stance (directly, or
  /// through an empty report in between, sometimes beside a second cited report) and holding a
  /// stance on the same claim: a copy (same polarity, another holder), a relay (same holder) or a
  /// rebuttal (opposite polarity). Their targets include earlier citing reports' stances, so
  /// copies of copies occur. Ids continue "report-<i>" after `reports`.
  int citing_reports = 0;
  double p_rebuttal = 0.3;  ///< A citing report's stance has the opposite polarity.
};

/// Generates a random dataset as JSON Lines text: outlets of every kind, speakers (some
/// anonymous, some affiliated with organisations), organisations (some with parents), claims
/// (some `about` parties, some in groups), reports (some citing others), and stances with random
/// polarity, report, `via` chain, origin, hedge and weight. Every referenced id is defined and
/// citations are acyclic, so io::ParseJsonl accepts the text. Deterministic in `options`.
/// Time O(records).
std::string RandomJsonlDataset(const RandomDatasetOptions& options);

/// The lines of `text` in an order drawn from std::mt19937_64(seed) (std::shuffle). Every line,
/// comments and blank lines included, is kept; the result ends with a newline.
std::string ShuffleLines(std::string_view text, std::uint64_t seed);

/// Dates a RandomJsonlDataset text (issue 13's time rules): every report gets a time on one of
/// `days` days from 2024-01-01 with probability `p_dated`, every stance an id "stance-<k>" (k in
/// the order of the text) and, with probability `p_own_time`, a time of its own on one of those
/// days (else it takes its report's); then `retractions` retraction records naming random stances,
/// each dated 2024-03-01 (after every stance), undated, or through a report dated so. Few days
/// make equal times (self-contradictions) and reversals likely. Deterministic in `seed`.
std::string AddTimes(const std::string& text, std::uint64_t seed, double p_dated = 0.8,
                     double p_own_time = 0.3, int days = 6, int retractions = 6);

/// The lines of `text`, without their line ends.
std::vector<std::string> SplitLines(std::string_view text);

/// Renames every id of a RandomJsonlDataset text ("outlet-3", "speaker-1", "org-0", "claim-12",
/// "group-2") to "<n>-<old id>", n from a permutation seeded by `seed`, so that their sorted
/// order changes; `renamed` receives old id -> new id. For relabelling property tests.
std::string RelabelIds(const std::string& text, std::uint64_t seed,
                       std::map<std::string, std::string>* renamed);

/// The default shape for `seed` with every feature of issue 11 on: `adverse_to` and `favours`
/// parties, position denials in groups, 6 scoops, and 30 citing reports (copies, relays and
/// rebuttals, some of the scoops),
/// so that a test over it exercises every rule of the model.
RandomDatasetOptions AllRulesShape(std::uint64_t seed);

/// A shape whose dataset exceeds `threshold` (scoring::kParallelThreshold) in every loop the
/// scoring code runs in parallel: sources, claims outside groups (hence binary objects and values
/// of the categorical view), claims, and groups of alternatives (more than threshold / 8), with
/// about four stances a claim; so that a test comparing thread counts runs the parallel code.
/// Tests must still check the sizes of what they score.
RandomDatasetOptions ParallelShape(std::uint64_t seed, std::int64_t threshold);

/// A random triples dataset (12 sources of accuracy 0.5 to 0.95, 30 objects, values v0 = the truth
/// and v1..v3) written twice: with the plain names, and with every source, object and value name
/// prefixed by its place in a permutation seeded by `seed`. `renamed` maps plain to prefixed names,
/// and plain claim ids "o3=v1" to prefixed ones. For relabelling property tests.
void RandomTriples(std::uint64_t seed, std::string* plain, std::string* relabelled,
                   std::map<std::string, std::string>* renamed);

}  // namespace credence::testutil
