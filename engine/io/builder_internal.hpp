#pragma once
// Collects records from any reader (names unresolved, with line numbers), then resolves every
// reference, sorts entities by id and checks the dataset as a whole. Shared by the JSON Lines and
// CSV readers so that both enforce the same rules with the same messages.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "credence/core/dataset.hpp"
#include "credence/core/error.hpp"
#include "interner_internal.hpp"

namespace credence::io {

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
  Index time = kNone;  // its own time's text (TimeText), whose instant the builder keeps
  std::uint32_t line = 0;
};

struct RawRetraction {
  Index stance = kNone;                  // name index of the retracted stance's id
  Index report = kNone;                  // name index, or kNone
  std::string time;                      // as written, or empty
  std::optional<std::int64_t> time_utc;  // its own time
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
  /// Text(text) for a stance's own time, remembering its instant (kept apart from RawStance, so
  /// that undated stances cost nothing for it).
  Index TimeText(std::string text, std::int64_t instant) {
    const Index i = Text(std::move(text));
    time_instants_.emplace_back(i, instant);
    return i;
  }
  /// Appends a chain of names and returns its start in the via pool.
  Index AddVia(const std::vector<Index>& names);
  void AddVia(Index name) { via_.push_back(name); }
  Index ViaSize() const { return static_cast<Index>(via_.size()); }

  /// Declarations: each returns false (and records a problem) on a duplicate id.
  bool AddSource(Source source, std::vector<std::string> affiliations, std::string parent,
                 long line);
  /// The ids a claim names, resolved in Finish(): whom it is about, harms and favours.
  struct ClaimParties {
    std::vector<std::string> about;
    std::vector<std::string> adverse_to;
    std::vector<std::string> favours;
  };
  bool AddClaim(Claim claim, ClaimParties parties, long line);
  bool AddReport(Report report, std::string outlet, std::vector<std::string> cites, long line);
  void AddStance(const RawStance& stance) { stances_.push_back(stance); }
  void AddRetraction(RawRetraction retraction) { retractions_.push_back(std::move(retraction)); }

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

  /// The `time` rule (text::ParseIsoTime) for `time` given in `field` at `line`: the instant in
  /// seconds since 1970-01-01 UTC, else records "bad time 'TIME': WHAT IS WRONG" and returns
  /// nullopt.
  std::optional<std::int64_t> ParseTime(long line, std::string_view field, std::string_view time);

  /// True when `id` was declared as any entity.
  bool IsDeclared(std::string_view id) const;

  /// The id rule (text::IdProblem) for the id `id` given in `field` at `line`: true when it
  /// holds, else records "an id must not ..." and returns false.
  bool CheckId(long line, std::string_view field, std::string_view id);

  /// Resolves and checks everything. @throws DataError listing every problem found.
  Dataset Finish();

 private:
  enum class DeclKind : std::uint8_t { kNone, kSource, kClaim, kReport, kStance };
  struct Decl {
    DeclKind kind = DeclKind::kNone;
    Index record = kNone;
    long line = 0;
  };
  // Where each entity goes once the tables are sorted by id (Resolve).
  struct Ranks {
    std::vector<Index> source_order, claim_order, report_order;  // sorted position -> record
    std::vector<Index> source_rank, claim_rank, report_rank;     // record -> sorted position
    // Each name's final index, whatever its kind (kNone: not an entity), in one table: the
    // million look-ups that resolve stances then touch two compact tables (kinds_ and this)
    // instead of a declaration and a rank table each.
    std::vector<Index> final_of_name;
  };
  bool Declare(std::string_view id, DeclKind kind, Index record, long line);

  // The steps of Finish, in order.
  Ranks Resolve();
  void ResolveSourceReferences(const Ranks& ranks);
  void ResolveClaimReferences(const Ranks& ranks);
  void ResolveReportReferences(const Ranks& ranks);
  void ResolveStances(const Ranks& ranks, Dataset* data);
  void ResolveRetractions(const Ranks& ranks, Dataset* data);
  void CheckGroups(const Ranks& ranks, const Dataset& data);
  void CheckCitationCycles(const Ranks& ranks);
  bool CheckParentCycles(const Ranks& ranks);
  void CheckOrganisationDepth(const Ranks& ranks);
  void Order(const Ranks& ranks, Dataset* data);

  // The final index of the entity `name` declares if it is of `kind`, else kNone.
  Index FinalIndex(const Ranks& ranks, Index name, DeclKind kind) const {
    if (name >= kinds_.size() || kinds_[name] != kind) return kNone;
    return ranks.final_of_name[name];
  }
  // The final index of the source `id` names if it is an outlet, else kNone.
  Index FinalOutlet(const Ranks& ranks, Index name) const;
  // "WHAT 'ID', which is not defined" or "WHAT 'ID', which is a claim, not EXPECTED".
  std::string Undefined(std::string_view what, std::string_view id,
                        std::string_view expected) const;

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
  std::vector<ClaimParties> claim_parties_;
  std::vector<long> claim_lines_;
  std::vector<Report> reports_;
  std::vector<std::string> report_outlets_;
  std::vector<std::vector<std::string>> report_cites_;
  std::vector<long> report_lines_;
  std::vector<RawStance> stances_;
  std::vector<RawRetraction> retractions_;
  std::vector<Index> via_;
  std::vector<std::string> strings_;
  std::vector<std::pair<Index, std::int64_t>> time_instants_;  // (text index, instant), ascending
};

}  // namespace credence::io
