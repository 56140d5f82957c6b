// The synthetic workload generator (include/credence/gen/generator.hpp has the story).

#include "credence/gen/generator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/text/json.hpp"

namespace credence::gen {
namespace {

constexpr std::size_t kFlushBytes = std::size_t{1} << 20;
constexpr std::size_t kAboutEvery = 50;  // every 50th claim is about an organisation
constexpr std::size_t kMaxOrganisations = 16;
constexpr std::uint8_t kOutletUsed = 1;
constexpr std::uint8_t kAnonymousUsed = 2;
constexpr std::uint8_t kClaimUsed = 1;
constexpr std::uint8_t kClaimTrue = 2;

enum Polarity : std::uint8_t { kSupports, kDenies, kNeutral };
constexpr std::array<std::string_view, 3> kPolarityNames{"supports", "denies", "neutral"};

/// mt19937_64 with conversions of our own: std::*_distribution output differs between standard
/// libraries, the engine's does not.
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  /// Uniform in [0, 1) with 53 random bits.
  double Uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  /// Uniform integer in [0, n), n >= 1, without modulo bias (rejection of the short tail).
  std::uint64_t Below(std::uint64_t n) {
    if (n <= 1) return 0;
    const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
    for (;;) {
      const std::uint64_t x = engine_();
      if (x >= threshold) return x % n;
    }
  }

  bool Chance(double p) { return Uniform() < p; }

 private:
  std::mt19937_64 engine_;
};

/// Zipf over ranks 1..n by inversion of a cumulative table: O(n) memory, O(log n) per draw.
class Zipf {
 public:
  Zipf(std::size_t n, double exponent) : cumulative_(n) {
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      total += exponent == 0 ? 1.0 : std::pow(static_cast<double>(i + 1), -exponent);
      cumulative_[i] = total;
    }
  }

  std::size_t Draw(Random& random) const {
    const double x = random.Uniform() * cumulative_.back();
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), x);
    return std::min<std::size_t>(static_cast<std::size_t>(it - cumulative_.begin()),
                                 cumulative_.size() - 1);
  }

 private:
  std::vector<double> cumulative_;
};

/// A memory buffer written out in chunks. JSON goes through json(), CSV through Write.
class Sink {
 public:
  explicit Sink(std::ostream& out) : out_(out) {}
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;

  template <typename... Args>
  void Write(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(buffer_), format, std::forward<Args>(args)...);
  }
  void Put(std::string_view text) { buffer_.append(text); }
  /// Writes JSON Lines records into the buffer.
  text::JsonWriter& json() { return json_; }
  /// Writes the buffer out once it holds at least a chunk.
  void MaybeFlush() {
    if (buffer_.size() >= kFlushBytes) Flush();
  }
  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    bytes_ += buffer_.size();
    buffer_.clear();
    if (!out_) throw std::ios_base::failure("cannot write the generated output");
  }
  std::size_t bytes() const { return bytes_; }

 private:
  std::ostream& out_;
  std::string buffer_;
  text::JsonWriter json_{&buffer_};
  std::size_t bytes_ = 0;
};

/// Writes `key` and an id made of a prefix and a number ("s12") as a field of the current JSON
/// object.
text::JsonWriter& IdField(text::JsonWriter& json, std::string_view key, std::string_view prefix,
                          std::size_t number) {
  char buffer[32];  // the prefixes are at most 8 bytes, a number at most 20 digits
  const fmt::format_int digits(number);
  std::memcpy(buffer, prefix.data(), prefix.size());
  std::memcpy(buffer + prefix.size(), digits.data(), digits.size());
  return json.Field(key, std::string_view(buffer, prefix.size() + digits.size()));
}

void CheckShare(std::string_view field, double value, double max = 1.0) {
  if (!(value >= 0.0 && value <= max)) {  // also rejects NaN
    throw InvalidArgumentError(
        fmt::format("GeneratorOptions.{} must be in [0, {}], got {}", field, max, value));
  }
}

void CheckCount(std::string_view field, std::size_t value) {
  if (value == 0) {
    throw InvalidArgumentError(fmt::format("GeneratorOptions.{} must be >= 1, got 0", field));
  }
}

/// One stance being written.
struct Stance {
  std::size_t source = 0;
  std::size_t claim = 0;
  Polarity polarity = kSupports;
  bool anonymous = false;
  std::size_t interested = 0;  // organisation + 1, or 0
  bool has_origin = false;
  std::size_t origin = 0;
};

void WriteStance(Sink& sink, GeneratorFormat format, const Stance& s) {
  const std::string_view polarity = kPolarityNames[s.polarity];
  if (format == GeneratorFormat::kTriplesCsv) {
    // The claim is the object; supporting it asserts the value "true", denying it "false".
    sink.Write("s{},c{},{}\n", s.source, s.claim, s.polarity == kSupports ? "true" : "false");
    return;
  }
  if (format == GeneratorFormat::kStancesCsv) {
    sink.Write("s{},c{},{},", s.source, s.claim, polarity);
    if (s.has_origin) sink.Write("o{}", s.origin);
    sink.Put("\n");
    return;
  }
  text::JsonWriter& json = sink.json();
  json.BeginObject().Field("type", "stance");
  if (s.interested != 0) {
    IdField(json, "holder", "spokes", s.interested - 1);
  } else if (s.anonymous) {
    IdField(json, "holder", "anon-s", s.source);
    IdField(json, "via", "s", s.source);
  } else {
    IdField(json, "holder", "s", s.source);
  }
  IdField(json, "claim", "c", s.claim).Field("polarity", polarity);
  if (s.has_origin) IdField(json, "origin", "o", s.origin);
  json.EndObject().EndLine();
}

/// The JSON Lines records of the entities the stances name: outlets, anonymous speakers,
/// organisations and their spokespeople (when there are interested parties), claims.
void WriteEntities(Sink& sink, const GeneratorOptions& options,
                   const std::vector<std::uint8_t>& source_flags,
                   const std::vector<std::uint8_t>& claim_flags, std::size_t organisations,
                   GeneratorStats* stats) {
  text::JsonWriter& json = sink.json();
  for (std::size_t i = 0; i < options.sources; ++i) {
    if (source_flags[i] & kOutletUsed) {
      IdField(json.BeginObject().Field("type", "outlet"), "id", "s", i).EndObject().EndLine();
      ++stats->sources;
    }
    if (source_flags[i] & kAnonymousUsed) {
      IdField(json.BeginObject().Field("type", "speaker"), "id", "anon-s", i);
      json.Key("anonymous").Bool(true).EndObject().EndLine();
    }
    sink.MaybeFlush();
  }
  if (stats->interested > 0) {
    for (std::size_t k = 0; k < organisations; ++k) {
      IdField(json.BeginObject().Field("type", "organisation"), "id", "org", k);
      json.EndObject().EndLine();
      IdField(json.BeginObject().Field("type", "speaker"), "id", "spokes", k);
      IdField(json, "affiliation", "org", k).EndObject().EndLine();
    }
  }
  for (std::size_t c = 0; c < options.claims; ++c) {
    if (!(claim_flags[c] & kClaimUsed)) continue;
    IdField(json.BeginObject().Field("type", "claim"), "id", "c", c);
    IdField(json, "text", "c", c);
    if (stats->interested > 0 && c % kAboutEvery == 0) {
      IdField(json, "about", "org", (c / kAboutEvery) % organisations);
    }
    json.EndObject().EndLine();
    sink.MaybeFlush();
  }
}

/// The gold file: each claim used, true or false.
void WriteGold(std::ostream& gold, bool triples, const std::vector<std::uint8_t>& claim_flags,
               GeneratorStats* stats) {
  Sink sink(gold);
  sink.Put(triples ? "object,value\n" : "claim,truth\n");
  for (std::size_t c = 0; c < claim_flags.size(); ++c) {
    if (!(claim_flags[c] & kClaimUsed)) continue;
    const bool truth = (claim_flags[c] & kClaimTrue) != 0;
    sink.Write("c{},{}\n", c, truth ? "true" : "false");
    ++stats->claims;
    stats->true_claims += truth ? 1 : 0;
    sink.MaybeFlush();
  }
  sink.Flush();
}

}  // namespace

GeneratorFormat ParseGeneratorFormat(std::string_view name) {
  if (name == "csv" || name == "stances") return GeneratorFormat::kStancesCsv;
  if (name == "jsonl") return GeneratorFormat::kJsonl;
  if (name == "triples") return GeneratorFormat::kTriplesCsv;
  throw InvalidArgumentError(
      fmt::format("unknown generator format '{}': expected csv, jsonl or triples", name));
}

void GeneratorOptions::Validate() const {
  CheckCount("stances", stances);
  CheckCount("sources", sources);
  CheckCount("claims", claims);
  if (!(zipf_exponent >= 0.0 && std::isfinite(zipf_exponent))) {
    throw InvalidArgumentError(fmt::format(
        "GeneratorOptions.zipf_exponent must be finite and >= 0, got {}", zipf_exponent));
  }
  CheckShare("adversarial_share", adversarial_share);
  CheckShare("denial_share", denial_share);
  CheckShare("relay_share", relay_share, 0.99);
  CheckShare("anonymous_share", anonymous_share);
  CheckShare("interested_share", interested_share);
}

GeneratorStats Generate(const GeneratorOptions& options, std::ostream& data, std::ostream& gold) {
  options.Validate();
  const bool jsonl = options.format == GeneratorFormat::kJsonl;
  const bool triples = options.format == GeneratorFormat::kTriplesCsv;
  Random random(options.seed);

  // 1. Reliabilities.
  std::vector<double> reliability(options.sources);
  for (auto& r : reliability) {
    const bool adversarial = random.Chance(options.adversarial_share);
    r = adversarial ? 0.1 + 0.3 * random.Uniform() : 0.55 + 0.4 * random.Uniform();
  }
  // 2. Planted truths.
  std::vector<std::uint8_t> claim_flags(options.claims);
  for (auto& c : claim_flags) c = random.Chance(0.5) ? kClaimTrue : 0;

  const Zipf zipf(options.sources, options.zipf_exponent);
  const std::size_t about_claims = (options.claims - 1) / kAboutEvery + 1;
  const std::size_t organisations = std::min(kMaxOrganisations, about_claims);
  std::vector<std::uint8_t> source_flags(options.sources);

  GeneratorStats stats;
  Sink sink(data);
  if (triples) {
    sink.Put("source,object,value\n");
  } else if (!jsonl) {
    sink.Put("source,claim,stance,origin\n");
  }

  std::size_t written = 0;
  while (written < options.stances) {
    Stance s;
    if (jsonl && random.Chance(options.interested_share)) {
      // 6. An interested party denies a claim about its organisation.
      const std::size_t k = random.Below(about_claims);
      s.claim = k * kAboutEvery;
      s.interested = k % organisations + 1;
      s.polarity = kDenies;
      claim_flags[s.claim] |= kClaimUsed;
      WriteStance(sink, options.format, s);
      ++stats.interested;
      ++written;
      sink.MaybeFlush();
      continue;
    }
    // 5. The number of copies, capped by what is left to write.
    std::size_t copies = 0;
    while (written + 1 + copies < options.stances && random.Chance(options.relay_share)) ++copies;
    // 3. The original stance.
    s.source = zipf.Draw(random);
    s.claim = random.Below(options.claims);
    s.anonymous = jsonl && random.Chance(options.anonymous_share);
    const bool truth = (claim_flags[s.claim] & kClaimTrue) != 0;
    const bool right = random.Chance(reliability[s.source]);
    s.polarity = truth == right ? kSupports : kDenies;
    // 4. Some denials are written as neutral mentions.
    if (s.polarity == kDenies && !triples && options.denial_share < 1.0 &&
        !random.Chance(options.denial_share)) {
      s.polarity = kNeutral;
    }
    s.has_origin = copies > 0;
    s.origin = written;
    claim_flags[s.claim] |= kClaimUsed;
    source_flags[s.source] |= s.anonymous ? kAnonymousUsed | kOutletUsed : kOutletUsed;
    stats.anonymous += s.anonymous ? 1 : 0;
    WriteStance(sink, options.format, s);
    ++written;
    const std::size_t original_source = s.source;
    s.anonymous = false;
    for (std::size_t i = 0; i < copies; ++i) {
      // A copy comes from another source where there is one (two redraws at most).
      s.source = zipf.Draw(random);
      for (int retry = 0; retry < 2 && s.source == original_source && options.sources > 1;
           ++retry) {
        s.source = zipf.Draw(random);
      }
      source_flags[s.source] |= kOutletUsed;
      WriteStance(sink, options.format, s);
      ++written;
      ++stats.relays;
    }
    sink.MaybeFlush();
  }
  stats.stances = written;

  if (jsonl) {
    WriteEntities(sink, options, source_flags, claim_flags, organisations, &stats);
  } else {
    for (const auto flags : source_flags) stats.sources += (flags & kOutletUsed) ? 1 : 0;
  }
  sink.Flush();
  stats.bytes = sink.bytes();
  WriteGold(gold, triples, claim_flags, &stats);
  return stats;
}

}  // namespace credence::gen
