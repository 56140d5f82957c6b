#pragma once
/// The in-memory dataset: typed tables of sources, claims, reports and stances, with every
/// reference resolved to an index. Entity tables are sorted by id, so the indices do not depend on
/// the order of the input lines. Stances are kept compact (about 40 bytes each) so that ten
/// million fit in memory; their optional texts live in a shared string pool.

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace credence {

using Index = std::uint32_t;
inline constexpr Index kNone = std::numeric_limits<Index>::max();
/// The instant of an undated record (Dataset::TimeOf).
inline constexpr std::int64_t kNoTime = std::numeric_limits<std::int64_t>::min();

/// What kind of entity a source is. All three may hold stances.
enum class SourceKind : std::uint8_t { kOutlet, kSpeaker, kOrganisation };

/// Outlet kinds; each sets a default prior trust (docs/model.md).
enum class OutletKind : std::uint8_t { kNews, kWire, kFactChecker, kSocial, kOfficial, kOther };

enum class Polarity : std::int8_t { kDenies = -1, kNeutral = 0, kSupports = 1 };

/// Hedge words weaken a stance's weight (docs/model.md lists the factors).
enum class Hedge : std::uint8_t {
  kNone,
  kReportedly,
  kAllegedly,
  kClaims,
  kSays,
  kMay,
  kMight,
  kUnconfirmed,
  kRumour
};

/// An outlet, speaker or organisation.
struct Source {
  std::string id;
  std::string name;
  SourceKind kind = SourceKind::kOutlet;
  OutletKind outlet_kind = OutletKind::kNews;  ///< Meaningful for outlets only.
  std::string role;
  std::string url;
  bool anonymous = false;
  double prior = -1.0;              ///< Prior trust in (0, 1); negative when not given.
  double prior_strength = -1.0;     ///< Pseudo-stances the prior is worth; negative when not given.
  std::vector<Index> affiliations;  ///< Organisation source indices.
  Index parent = kNone;             ///< Parent organisation, for organisations.
};

struct Claim {
  std::string id;
  std::string text;
  std::vector<Index> about;  ///< Source indices the claim is about (direction not said).
  /// Source indices the claim harms (an accusation against them): their denial of it is
  /// self-serving, their support an admission (docs/model.md, "Interest with a direction").
  std::vector<Index> adverse_to;
  /// Source indices the claim favours (praise, an excuse): their support of it is self-serving.
  std::vector<Index> favours;
  Index group = kNone;  ///< Index into Dataset::groups, or kNone.
  std::string time;     ///< The time as written (ISO 8601, text::ParseIsoTime), or empty.
  /// `time` as seconds since 1970-01-01 UTC (a date: its 00:00 UTC), or nullopt when undated.
  std::optional<std::int64_t> time_utc;
  std::string value;  ///< For claims read from triples: the asserted value (group = object).
};

struct Report {
  std::string id;
  Index outlet = kNone;  ///< Source index of the publishing outlet.
  std::string title;
  std::string url;
  std::string time;  ///< The time as written (ISO 8601, text::ParseIsoTime), or empty.
  /// `time` as seconds since 1970-01-01 UTC (a date: its 00:00 UTC), or nullopt when undated.
  std::optional<std::int64_t> time_utc;
  std::vector<Index> cited_reports;
  std::vector<Index> cited_sources;
};

/// One stance. Texts are indices into Dataset::strings (kNone when absent).
struct Stance {
  Index holder = kNone;  ///< Source index.
  Index claim = kNone;   ///< Claim index.
  Index report = kNone;  ///< Report index or kNone.
  Index origin = kNone;  ///< Index into Dataset::origins, or kNone (origin = holder).
  Index via_begin = 0;   ///< Range [via_begin, via_begin + via_size) of Dataset::via.
  std::uint16_t via_size = 0;
  Polarity polarity = Polarity::kNeutral;
  Hedge hedge = Hedge::kNone;
  float weight = 1.0F;  ///< In (0, 1].
  Index id = kNone;     ///< Optional stance id, index into strings.
  Index quote = kNone;
  Index time = kNone;      ///< The stance's own time as written, index into strings (kNone: none).
  std::uint32_t line = 0;  ///< Line in the input file, for messages.
  // The stance's instant is Dataset::TimeOf(stance): kept apart, so that a dataset without dates
  // costs no byte per stance for them.
};

/// A retraction or correction: from its time on, the stance it names no longer counts
/// (docs/model.md, "Time"). Read from JSON Lines records of type "retraction".
struct Retraction {
  Index stance = kNone;  ///< The stance it withdraws (index into Dataset::stances).
  Index report = kNone;  ///< The report that carries the correction, or kNone.
  std::string time;      ///< Its own time as written, or empty (then its report's applies).
  /// Seconds since 1970-01-01 UTC: its own time, else its report's; nullopt when neither is
  /// dated (then it applies at any date).
  std::optional<std::int64_t> time_utc;
  std::uint32_t line = 0;  ///< Line in the input file, for messages.
};

/// A whole dataset, as read from one file.
struct Dataset {
  std::string path;
  std::vector<Source> sources;       ///< Sorted by id.
  std::vector<Claim> claims;         ///< Sorted by id.
  std::vector<Report> reports;       ///< Sorted by id.
  std::vector<Stance> stances;       ///< In input order.
  std::vector<std::string> groups;   ///< Group names, sorted.
  std::vector<std::string> origins;  ///< Origin keys, sorted.
  std::vector<Index> via;            ///< Attribution chains: source indices of relaying outlets.
  std::vector<std::string> strings;  ///< Pool for optional stance texts.
  /// Retractions, ordered by (time, undated first; report; the retracted stance's id): not by
  /// input line, so that the order of the lines changes nothing.
  std::vector<Retraction> retractions;

  /// Per stance: seconds since 1970-01-01 UTC of its own time, else its report's, else kNoTime.
  /// Empty when no stance and no report is dated (read it through TimeOf).
  std::vector<std::int64_t> stance_time;

  /// The instant of stance `stance` (an index of `stances`), or kNoTime when undated. O(1).
  std::int64_t TimeOf(Index stance) const {
    return stance_time.empty() ? kNoTime : stance_time[stance];
  }
  /// The instant of `s`, which must be an element of `stances`. O(1).
  std::int64_t TimeOf(const Stance& s) const {
    return TimeOf(static_cast<Index>(&s - stances.data()));
  }

  /// Index of the source / claim with this id, or kNone. O(log n).
  Index FindSource(std::string_view id) const;
  Index FindClaim(std::string_view id) const;
  Index FindReport(std::string_view id) const;

  /// The chain of a stance: relaying outlets from the publisher back towards the holder.
  std::vector<Index> Via(const Stance& s) const {
    return {via.begin() + s.via_begin, via.begin() + s.via_begin + s.via_size};
  }
  /// The outlet that vouches for the holder: the last relay, else the publisher, else kNone.
  Index VouchingOutlet(const Stance& s) const;
  std::string_view Text(Index string_index) const {
    return string_index == kNone ? std::string_view{} : std::string_view{strings[string_index]};
  }
};

std::string_view ToString(Polarity polarity);
std::string_view ToString(Hedge hedge);
std::string_view ToString(SourceKind kind);
std::string_view ToString(OutletKind kind);

/// Parses a polarity word: supports/for/+1/1, denies/against/-1, neutral/observing/0 (any case).
/// Returns false when the word is none of those.
bool ParsePolarity(std::string_view word, Polarity* out);
bool ParseHedge(std::string_view word, Hedge* out);
bool ParseOutletKind(std::string_view word, OutletKind* out);

}  // namespace credence
