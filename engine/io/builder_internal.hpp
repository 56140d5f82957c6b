#pragma once
// Collects records from any reader (names unresolved, with line numbers), then resolves every
// reference, sorts entities by id and checks the dataset as a whole. Shared by the JSON Lines and
// CSV readers so that both enforce the same rules with the same messages.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/core/dataset.hpp"

namespace credence::io {

/// Maps strings to dense indices, in order of first appearance. An open-addressing table of
/// (hash tag, index) pairs probed linearly: a look-up touches one or two cache lines instead of
/// a chain of heap nodes, which is most of the cost of reading millions of rows.
class Interner {
 public:
  static std::uint64_t Hash(std::string_view s) { return std::hash<std::string_view>{}(s); }
  Index Intern(std::string_view s) { return Intern(s, Hash(s)); }
  /// As Intern(s), with `hash` == Hash(s) computed by the caller.
  Index Intern(std::string_view s, std::uint64_t hash);
  /// Hints for a look-up of a string with this hash that comes soon: first the slot's cache
  /// line, then (once that has arrived) the name a matching slot points to. Readers issue them
  /// for a batch of rows before interning the batch, so that the cache misses of many look-ups
  /// overlap instead of being paid one after another. They change nothing.
  void PrefetchSlot(std::uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }
  /// Prefetches the name a matching first slot points to and returns its index (kNone if the
  /// first slot does not match: the look-up will probe further or insert).
  Index PrefetchName(std::uint64_t hash) const {
    if (slots_.empty()) return kNone;
    const Slot& slot = slots_[hash & (slots_.size() - 1)];
    if (slot.index == 0 || (slot.meta >> 8) != static_cast<std::uint32_t>(hash >> 40)) {
      return kNone;
    }
    __builtin_prefetch(&names_[slot.index - 1]);
    return slot.index - 1;
  }
  Index Find(std::string_view s) const;
  const std::string& Name(Index i) const { return names_[i]; }
  std::size_t size() const { return names_.size(); }
  /// Hands the names over; the interner must not be used afterwards.
  std::vector<std::string> TakeNames() { return std::move(names_); }

 private:
  // A slot holds the name's first 8 bytes, so that names of up to 8 bytes (most generated and
  // many real ids) are compared without reading the name itself, a likely cache miss.
  struct Slot {
    std::uint32_t meta = 0;   // 24 high bits of the hash, then the length (255: more than 8)
    std::uint32_t index = 0;  // name index + 1; 0 = empty
    std::uint64_t head = 0;   // the first 8 bytes, zero-padded
  };
  static Slot Key(std::string_view s, std::uint64_t hash) {
    Slot key;
    key.meta = (static_cast<std::uint32_t>(hash >> 32) & 0xFFFFFF00U) |
               static_cast<std::uint32_t>(s.size() <= 8 ? s.size() : 0xFF);
    std::memcpy(&key.head, s.data(), std::min<std::size_t>(s.size(), 8));
    return key;
  }
  // The slot holding `s`, or the empty slot where it would go.
  std::size_t Probe(std::string_view s, std::uint64_t hash) const;
  void Grow();

  std::vector<Slot> slots_;
  std::vector<std::uint64_t> hashes_;  // per name, for regrowing
  std::vector<std::string> names_;
};

struct RawStance {
  Index holder = kNone;  // name index
  Index claim = kNone;   // name index
  Index report = kNone;  // name index
  Index origin = kNone;  // origin interner index
  Index via_begin = 0;   // into DatasetBuilder via pool (name indices)
  std::uint16_t via_size = 0;
  Polarity polarity = Polarity::kNeutral;
  Hedge hedge = Hedge::kNone;
  float weight = 1.0F;
  Index id = kNone;  // name index, if the stance has an id
  Index quote = kNone;
  Index time = kNone;
  std::uint32_t line = 0;
};

/// Builds a Dataset. Add* calls record problems instead of throwing; Finish() throws DataError
/// when any problem was recorded.
class DatasetBuilder {
 public:
  explicit DatasetBuilder(std::string path);

  void Problem(long line, std::string field, std::string message);
  std::size_t num_problems() const { return problems_.size(); }
  /// Past this many problems readers stop early (a file of garbage gives 1,000 lines, not 10^7).
  static constexpr std::size_t kMaxProblems = 1000;
  /// Longest chain of organisation parents accepted (real hierarchies are a few levels deep).
  static constexpr Index kMaxOrganisationDepth = 100;
  /// Most implied denials (a support of one claim of a group against each other claim) a
  /// dataset may carry: each costs about 40 bytes when scored.
  static constexpr std::uint64_t kMaxImpliedDenials = 10'000'000;
  /// The name of the group field in messages: "group" (JSON Lines, stances CSV) or "object".
  void SetGroupField(std::string field) { group_field_ = std::move(field); }
  bool TooManyProblems() const { return problems_.size() >= kMaxProblems; }

  /// The message Finish() gives when no record was added (readers with a header say so).
  void SetEmptyMessage(std::string message) { empty_message_ = std::move(message); }

  Index Name(std::string_view id) { return names_.Intern(id); }
  Index Origin(std::string_view origin) { return origins_.Intern(origin); }
  /// As Name / Origin, with the hash (Interner::Hash) computed by the caller.
  Index Name(std::string_view id, std::uint64_t hash) { return names_.Intern(id, hash); }
  Index Origin(std::string_view origin, std::uint64_t hash) {
    return origins_.Intern(origin, hash);
  }
  const Interner& names() const { return names_; }
  const Interner& origins() const { return origins_; }
  /// Second-round prefetch hint for an id (after names().PrefetchSlot): its name and its kind.
  void PrefetchDeclaration(std::uint64_t hash) const {
    const Index name = names_.PrefetchName(hash);
    if (name != kNone && name < kinds_.size()) __builtin_prefetch(&kinds_[name]);
  }
  Index Group(std::string_view group) { return groups_.Intern(group); }
  Index Text(std::string text);
  /// Appends a chain of names and returns its start in the via pool.
  Index AddVia(const std::vector<Index>& names);
  void AddVia(Index name) { via_.push_back(name); }
  Index ViaSize() const { return static_cast<Index>(via_.size()); }

  /// Declarations: each returns false (and records a problem) on a duplicate id.
  bool AddSource(Source source, std::vector<std::string> affiliations, std::string parent,
                 long line);
  bool AddClaim(Claim claim, std::vector<std::string> about, long line);
  bool AddReport(Report report, std::string outlet, std::vector<std::string> cites, long line);
  void AddStance(const RawStance& stance) { stances_.push_back(stance); }

  /// The claim declared with this id so far, or nullptr (for readers that fill claims in as they
  /// go).
  Claim* DeclaredClaim(std::string_view id);

  /// The same by interned name (Name(id)): no hashing, for readers that look ids up per row.
  Claim* DeclaredClaimNamed(Index name);
  bool IsDeclaredName(Index name) const {
    return name < kinds_.size() && kinds_[name] != DeclKind::kNone;
  }
  bool IsClaimName(Index name) const {
    return name < kinds_.size() && kinds_[name] == DeclKind::kClaim;
  }

  /// True when `id` was declared as any entity.
  bool IsDeclared(std::string_view id) const;

  /// Resolves and checks everything. @throws DataError listing every problem found.
  Dataset Finish();

 private:
  enum class DeclKind : std::uint8_t { kNone, kSource, kClaim, kReport, kStance };
  struct Decl {
    DeclKind kind = DeclKind::kNone;
    Index record = kNone;
    long line = 0;
  };
  bool Declare(std::string_view id, DeclKind kind, Index record, long line);

  std::string path_;
  std::string empty_message_ = "no records: the file is empty";
  std::string group_field_ = "group";
  std::vector<Diagnostic> problems_;
  Interner names_;
  Interner origins_;
  Interner groups_;
  std::vector<Decl> decls_;      // by name index
  std::vector<DeclKind> kinds_;  // decls_[i].kind, one byte each: a table that stays in cache
  std::vector<Source> sources_;
  std::vector<std::vector<std::string>> source_affiliations_;
  std::vector<std::string> source_parents_;
  std::vector<long> source_lines_;
  std::vector<Claim> claims_;
  std::vector<std::vector<std::string>> claim_about_;
  std::vector<long> claim_lines_;
  std::vector<Report> reports_;
  std::vector<std::string> report_outlets_;
  std::vector<std::vector<std::string>> report_cites_;
  std::vector<long> report_lines_;
  std::vector<RawStance> stances_;
  std::vector<Index> via_;
  std::vector<std::string> strings_;
};

}  // namespace credence::io
