#pragma once
/// A seeded synthetic workload generator: datasets with a planted truth, for benchmarks and for
/// checking that the algorithms recover what was planted (docs/performance.md, "Workload
/// generator").
///
/// The generative story, in the order the random numbers are drawn:
///  1. Each source s0..s{S-1} gets a reliability: with probability `adversarial_share` uniform
///     in [0.1, 0.4], otherwise uniform in [0.55, 0.95].
///  2. Each claim c0..c{C-1} gets a planted truth: true with probability 0.5.
///  3. Each stance (an "event" with its copies, see 5): a source is drawn with probability
///     proportional to 1 / rank^zipf_exponent (source s{i} has rank i + 1) and a claim uniformly.
///     The source is right with probability equal to its reliability. Right about a true claim
///     gives `supports`, right about a false claim `denies`; a wrong source takes the opposite.
///  4. A stance whose polarity is `denies` is written as `denies` with probability
///     `denial_share` and as `neutral` otherwise (the source mentions the claim without taking a
///     side): explicit denials are rarer than assertions in real reporting. 1 keeps the story.
///  5. Relays: an event has k copies with P(k >= j) = relay_share^j, so that on average a share
///     `relay_share` of the stances are copies. A copy repeats the original's claim and polarity
///     under another source (drawn as in 3), whatever that source's reliability; the original and
///     its copies share an `origin` ("o" and the index of the original stance).
///  6. JSON Lines only: a share `anonymous_share` of the events are attributed to an anonymous
///     speaker "anon-s{i}" vouched for by the outlet s{i} (`via`), with the outlet's reliability;
///     a share `interested_share` of the events are single denials by an interested party (speaker
///     "spokes{k}", affiliated with organisation "org{k}") of a claim about its organisation,
///     whatever the claim's truth. Every 50th claim (c0, c50, ...) is about an organisation.
///
/// Randomness comes from std::mt19937_64 (whose output the standard fixes) with our own
/// integer-to-double and integer-range conversions, so a seed gives the same bytes with every
/// standard library. (The Zipf table uses std::pow; libms that differ in the last bit could in
/// principle move a draw that falls within one ulp of a table boundary.)
///
/// Only claims and sources with at least one stance are written; the gold file lists exactly the
/// claims that appear in the dataset, in id order.

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string_view>

namespace credence::gen {

enum class GeneratorFormat {
  kStancesCsv,  ///< `source,claim,stance,origin` rows (docs/format.md, "Stances CSV").
  kJsonl,       ///< Native JSON Lines records (docs/format.md).
  kTriplesCsv,  ///< `source,object,value` rows: the claim is the object, the value "true" for
                ///< supports and "false" for denies; step 4 does not apply, and origins are not
                ///< written (copies look like independent sources). Gold: `object,value`.
};

/// Parses "csv" (or "stances"), "jsonl" and "triples". @throws InvalidArgumentError otherwise.
GeneratorFormat ParseGeneratorFormat(std::string_view name);

/// What to generate. Defaults give a small dataset; see the file comment for the story.
struct GeneratorOptions {
  std::uint64_t seed = 1;          ///< Seeds std::mt19937_64.
  std::size_t stances = 1000;      ///< Stance rows or records written; >= 1.
  std::size_t sources = 100;       ///< Outlets s0..s{sources-1}; >= 1.
  std::size_t claims = 100;        ///< Claims c0..c{claims-1}; >= 1.
  double zipf_exponent = 1.1;      ///< Source activity skew; finite, >= 0 (0: uniform).
  double adversarial_share = 0.1;  ///< Share of sources with reliability in [0.1, 0.4]; in [0, 1].
  double denial_share = 1.0;       ///< Share of `denies` stances kept as denials; in [0, 1].
  double relay_share = 0.1;        ///< Expected share of stances that are copies; in [0, 0.99].
  double anonymous_share = 0.02;   ///< JSON Lines: share of anonymous events; in [0, 1].
  double interested_share = 0.01;  ///< JSON Lines: share of interested events; in [0, 1].
  GeneratorFormat format = GeneratorFormat::kStancesCsv;

  /// @throws InvalidArgumentError naming the first out-of-range field and its value.
  void Validate() const;
};

/// Counts of what was written.
struct GeneratorStats {
  std::size_t stances = 0;      ///< Stances written (== options.stances).
  std::size_t relays = 0;       ///< Of which copies (step 5).
  std::size_t anonymous = 0;    ///< Of which by anonymous speakers.
  std::size_t interested = 0;   ///< Of which by interested parties.
  std::size_t claims = 0;       ///< Distinct claims written (== rows of the gold file).
  std::size_t true_claims = 0;  ///< Of which planted true.
  std::size_t sources = 0;      ///< Distinct outlets written.
  std::size_t bytes = 0;        ///< Bytes written to the dataset stream.
};

/// Writes a dataset to `data` and its gold file (`claim,truth`) to `gold`. Output is buffered
/// and written in chunks of about 1 MiB, with no allocation per stance.
/// Time: O(stances × log sources + claims + sources). Memory: O(claims + sources), independent
/// of the number of stances.
/// @throws InvalidArgumentError if `options` fails Validate(); std::ios_base::failure when a
/// stream fails to write.
GeneratorStats Generate(const GeneratorOptions& options, std::ostream& data, std::ostream& gold);

}  // namespace credence::gen
