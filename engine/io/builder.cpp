#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <numeric>
#include <tuple>

#include "builder_internal.hpp"
#include "credence/text/id.hpp"
#include "credence/text/time.hpp"

namespace credence::io {
namespace {

// The permutation that sorts n strings (key(i) for i < n) as std::string's operator< does. Sorts
// (first 8 bytes as a big-endian number, index) pairs, and compares whole strings only where the
// first 8 bytes tie: most comparisons then touch no string at all, which matters for a million
// ids scattered through memory.
template <typename Key>
std::vector<Index> OrderByKey(std::size_t n, Key&& key) {
  std::vector<std::pair<std::uint64_t, Index>> keyed(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view s = key(i);
    std::uint64_t prefix = 0;
    for (std::size_t k = 0; k < 8; ++k) {
      prefix = (prefix << 8) | (k < s.size() ? static_cast<unsigned char>(s[k]) : 0U);
    }
    keyed[i] = {prefix, static_cast<Index>(i)};
  }
  std::sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return key(a.second) < key(b.second);
  });
  std::vector<Index> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = keyed[i].second;
  return order;
}

// Permutation that sorts `items` by their id.
template <typename T>
std::vector<Index> SortedOrder(const std::vector<T>& items) {
  return OrderByKey(items.size(), [&](std::size_t i) { return std::string_view(items[i].id); });
}

template <typename T>
std::vector<T> ApplyOrder(std::vector<T>& items, const std::vector<Index>& order) {
  std::vector<T> out;
  out.reserve(items.size());
  for (Index i : order) out.push_back(std::move(items[i]));
  return out;
}

std::vector<Index> Inverse(const std::vector<Index>& order) {
  std::vector<Index> inverse(order.size());
  for (Index i = 0; i < order.size(); ++i) inverse[order[i]] = i;
  return inverse;
}

// Sorted copy of an interner's names and the map from interned index to sorted index.
std::vector<std::string> SortNames(Interner& interner, std::vector<Index>* remap) {
  std::vector<std::string> names = interner.TakeNames();
  const std::vector<Index> order =
      OrderByKey(names.size(), [&](std::size_t i) { return std::string_view(names[i]); });
  *remap = Inverse(order);
  std::vector<std::string> sorted;
  sorted.reserve(names.size());
  for (Index i : order) sorted.push_back(std::move(names[i]));
  return sorted;
}

// Strongly connected components of size > 1 (or self-loops) are cycles. Returns, for each
// vertex on a cycle, true.
std::vector<bool> OnCycle(std::size_t n, const std::vector<std::pair<Index, Index>>& edges) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Graph g(edges.begin(), edges.end(), n);
  std::vector<int> component(n);
  const int count = boost::strong_components(g, component.data());
  std::vector<int> size(static_cast<std::size_t>(count), 0);
  for (int c : component) ++size[static_cast<std::size_t>(c)];
  std::vector<bool> on_cycle(n, false);
  for (std::size_t v = 0; v < n; ++v)
    on_cycle[v] = size[static_cast<std::size_t>(component[v])] > 1;
  for (const auto& [a, b] : edges) {
    if (a == b) on_cycle[a] = true;
  }
  return on_cycle;
}

}  // namespace

DatasetBuilder::DatasetBuilder(std::string path) : path_(std::move(path)) {}

void DatasetBuilder::Problem(long line, std::string field, std::string message) {
  if (problems_.size() < kMaxProblems) {
    problems_.push_back({path_, line, std::move(field), std::move(message)});
  }
}

Index DatasetBuilder::Text(std::string text) {
  strings_.push_back(std::move(text));
  return static_cast<Index>(strings_.size() - 1);
}

Index DatasetBuilder::AddVia(const std::vector<Index>& names) {
  const auto begin = static_cast<Index>(via_.size());
  via_.insert(via_.end(), names.begin(), names.end());
  return begin;
}

bool DatasetBuilder::IsDeclared(std::string_view id) const {
  const Index name = names_.Find(id);
  return name != kNone && name < decls_.size() && decls_[name].kind != DeclKind::kNone;
}

Claim* DatasetBuilder::DeclaredClaim(std::string_view id) {
  return DeclaredClaimNamed(names_.Find(id));
}

Claim* DatasetBuilder::DeclaredClaimNamed(Index name) {
  if (name == kNone || !IsClaimName(name)) {
    return nullptr;
  }
  return &claims_[decls_[name].record];
}

bool DatasetBuilder::Declare(std::string_view id, DeclKind kind, Index record, long line) {
  const Index name = names_.Intern(id);
  if (decls_.size() <= name) {
    decls_.resize(name + 1);
    kinds_.resize(name + 1, DeclKind::kNone);
  }
  Decl& decl = decls_[name];
  if (decl.kind != DeclKind::kNone) {
    Problem(line, "id",
            decl.line > 0
                ? fmt::format("duplicate id '{}', first defined at line {}", id, decl.line)
                : fmt::format("duplicate id '{}'", id));
    return false;
  }
  decl = {kind, record, line};
  kinds_[name] = kind;
  return true;
}

bool DatasetBuilder::AddSource(Source source, std::vector<std::string> affiliations,
                               std::string parent, long line) {
  if (!Declare(source.id, DeclKind::kSource, static_cast<Index>(sources_.size()), line)) {
    return false;
  }
  sources_.push_back(std::move(source));
  source_affiliations_.push_back(std::move(affiliations));
  source_parents_.push_back(std::move(parent));
  source_lines_.push_back(line);
  return true;
}

bool DatasetBuilder::AddClaim(Claim claim, ClaimParties parties, long line) {
  if (!Declare(claim.id, DeclKind::kClaim, static_cast<Index>(claims_.size()), line)) return false;
  claims_.push_back(std::move(claim));
  claim_parties_.push_back(std::move(parties));
  claim_lines_.push_back(line);
  return true;
}

bool DatasetBuilder::AddReport(Report report, std::string outlet, std::vector<std::string> cites,
                               long line) {
  if (!Declare(report.id, DeclKind::kReport, static_cast<Index>(reports_.size()), line)) {
    return false;
  }
  reports_.push_back(std::move(report));
  report_outlets_.push_back(std::move(outlet));
  report_cites_.push_back(std::move(cites));
  report_lines_.push_back(line);
  return true;
}

bool DatasetBuilder::CheckId(long line, std::string_view field, std::string_view id) {
  const std::string_view problem = text::IdProblem(id);
  if (problem.empty()) return true;
  Problem(line, std::string(field), fmt::format("an id {}", problem));
  return false;
}

std::optional<std::int64_t> DatasetBuilder::ParseTime(long line, std::string_view field,
                                                      std::string_view time) {
  text::ParsedTime parsed;
  std::string error;
  if (text::ParseIsoTime(time, &parsed, &error)) return parsed.utc_seconds;
  Problem(line, std::string(field), fmt::format("bad time '{}': {}", time, error));
  return std::nullopt;
}

Dataset DatasetBuilder::Finish() {
  Dataset data;
  data.path = path_;
  if (sources_.empty() && claims_.empty() && reports_.empty() && stances_.empty() &&
      problems_.empty()) {
    Problem(0, "", empty_message_);
  }
  const Ranks ranks = Resolve();
  ResolveSourceReferences(ranks);
  ResolveClaimReferences(ranks);
  ResolveReportReferences(ranks);
  ResolveStances(ranks, &data);
  if (!retractions_.empty()) ResolveRetractions(ranks, &data);
  if (problems_.empty() && groups_.size() > 0) CheckGroups(ranks, data);
  CheckCitationCycles(ranks);
  if (!CheckParentCycles(ranks)) CheckOrganisationDepth(ranks);
  if (!problems_.empty()) {
    std::stable_sort(problems_.begin(), problems_.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    throw DataError(std::move(problems_));
  }
  Order(ranks, &data);
  return data;
}

// Declares the stance ids, then sorts the entity tables by id and maps every declared name to
// its final index.
DatasetBuilder::Ranks DatasetBuilder::Resolve() {
  // Stance ids are declared here, after all entities, so that a clash names the stance's line.
  for (Index i = 0; i < stances_.size(); ++i) {
    const RawStance& s = stances_[i];
    if (s.id != kNone) Declare(names_.Name(s.id), DeclKind::kStance, i, s.line);
  }
  decls_.resize(names_.size());
  kinds_.resize(names_.size(), DeclKind::kNone);

  Ranks r;
  r.source_order = SortedOrder(sources_);
  r.claim_order = SortedOrder(claims_);
  r.report_order = SortedOrder(reports_);
  r.source_rank = Inverse(r.source_order);
  r.claim_rank = Inverse(r.claim_order);
  r.report_rank = Inverse(r.report_order);
  // One sequential pass over the declarations.
  r.final_of_name.assign(decls_.size(), kNone);
  for (Index name = 0; name < decls_.size(); ++name) {
    const Decl& d = decls_[name];
    switch (d.kind) {
      case DeclKind::kSource:
        r.final_of_name[name] = r.source_rank[d.record];
        break;
      case DeclKind::kClaim:
        r.final_of_name[name] = r.claim_rank[d.record];
        break;
      case DeclKind::kReport:
        r.final_of_name[name] = r.report_rank[d.record];
        break;
      case DeclKind::kNone:
      case DeclKind::kStance:
        break;
    }
  }
  return r;
}

Index DatasetBuilder::FinalOutlet(const Ranks& ranks, Index name) const {
  const Index s = FinalIndex(ranks, name, DeclKind::kSource);
  if (s == kNone || sources_[ranks.source_order[s]].kind != SourceKind::kOutlet) return kNone;
  return s;
}

std::string DatasetBuilder::Undefined(std::string_view what, std::string_view id,
                                      std::string_view expected) const {
  const Index name = names_.Find(id);
  std::string_view actual;
  if (name != kNone && name < decls_.size()) {
    switch (decls_[name].kind) {
      case DeclKind::kSource:
        actual = "a source";
        break;
      case DeclKind::kClaim:
        actual = "a claim";
        break;
      case DeclKind::kReport:
        actual = "a report";
        break;
      case DeclKind::kStance:
        actual = "a stance";
        break;
      case DeclKind::kNone:
        break;
    }
  }
  return actual.empty() ? fmt::format("{} '{}', which is not defined", what, id)
                        : fmt::format("{} '{}', which is {}, not {}", what, id, actual, expected);
}

// Affiliations and parents must be organisations.
void DatasetBuilder::ResolveSourceReferences(const Ranks& ranks) {
  auto organisation = [&](const std::string& id) {
    const Index s = FinalIndex(ranks, names_.Find(id), DeclKind::kSource);
    return std::pair{
        s, s != kNone && sources_[ranks.source_order[s]].kind == SourceKind::kOrganisation};
  };
  for (Index i = 0; i < sources_.size(); ++i) {
    for (const auto& a : source_affiliations_[i]) {
      const auto [s, ok] = organisation(a);
      if (!ok) {
        Problem(source_lines_[i], "affiliation",
                s == kNone ? Undefined("speaker names affiliation", a, "an organisation")
                           : fmt::format("affiliation '{}' is not an organisation", a));
      } else {
        sources_[i].affiliations.push_back(s);
      }
    }
    if (!source_parents_[i].empty()) {
      const auto& p = source_parents_[i];
      const auto [s, ok] = organisation(p);
      if (!ok) {
        Problem(source_lines_[i], "parent",
                s == kNone ? Undefined("organisation names parent", p, "an organisation")
                           : fmt::format("parent '{}' is not an organisation", p));
      } else {
        sources_[i].parent = s;
      }
    }
  }
}

// A claim's text defaults to its id; whom it is about, harms and favours must be sources, and
// no entity may be both harmed and favoured by one claim.
void DatasetBuilder::ResolveClaimReferences(const Ranks& ranks) {
  const auto resolve = [&](Index i, const std::vector<std::string>& ids, const char* field,
                           std::string_view verb, std::vector<Index>* out) {
    for (const auto& a : ids) {
      const Index s = FinalIndex(ranks, names_.Find(a), DeclKind::kSource);
      if (s == kNone) {
        Problem(claim_lines_[i], field, Undefined(verb, a, "a source"));
      } else {
        out->push_back(s);
      }
    }
  };
  for (Index i = 0; i < claims_.size(); ++i) {
    Claim& claim = claims_[i];
    if (claim.text.empty()) claim.text = claim.id;
    const ClaimParties& parties = claim_parties_[i];
    resolve(i, parties.about, "about", "claim is about", &claim.about);
    resolve(i, parties.adverse_to, "adverse_to", "claim is adverse to", &claim.adverse_to);
    resolve(i, parties.favours, "favours", "claim favours", &claim.favours);
    for (Index f : claim.favours) {
      if (std::find(claim.adverse_to.begin(), claim.adverse_to.end(), f) !=
          claim.adverse_to.end()) {
        Problem(claim_lines_[i], "favours",
                fmt::format("claim both harms and favours '{}' (it is also in adverse_to)",
                            sources_[ranks.source_order[f]].id));
      }
    }
  }
}

// A report's outlet must be an outlet; what it cites, reports or outlets.
void DatasetBuilder::ResolveReportReferences(const Ranks& ranks) {
  for (Index i = 0; i < reports_.size(); ++i) {
    const std::string& outlet_id = report_outlets_[i];
    const Index outlet = FinalIndex(ranks, names_.Find(outlet_id), DeclKind::kSource);
    if (outlet == kNone || sources_[ranks.source_order[outlet]].kind != SourceKind::kOutlet) {
      Problem(report_lines_[i], "outlet",
              outlet == kNone ? Undefined("report names outlet", outlet_id, "an outlet")
                              : fmt::format("outlet '{}' is not an outlet", outlet_id));
    }
    reports_[i].outlet = outlet;
    for (const auto& c : report_cites_[i]) {
      const Index name = names_.Find(c);
      if (Index r = FinalIndex(ranks, name, DeclKind::kReport); r != kNone) {
        reports_[i].cited_reports.push_back(r);
      } else if (Index s = FinalOutlet(ranks, name); s != kNone) {
        reports_[i].cited_sources.push_back(s);
      } else {
        Problem(report_lines_[i], "cites", Undefined("report cites", c, "a report or an outlet"));
      }
    }
  }
}

// Resolves every stance's names into data->stances and data->via; stops after too many problems.
void DatasetBuilder::ResolveStances(const Ranks& ranks, Dataset* data) {
  data->stances.reserve(stances_.size());
  data->via.reserve(via_.size());
  for (std::size_t i = 0; i < stances_.size(); ++i) {
    constexpr std::size_t kAhead = 16;  // ask for the look-ups of a stance a few rows ahead
    if (i + kAhead < stances_.size()) {
      const RawStance& ahead = stances_[i + kAhead];
      if (ahead.claim < kinds_.size()) {
        __builtin_prefetch(&ranks.final_of_name[ahead.claim]);
        __builtin_prefetch(&kinds_[ahead.claim]);
      }
      if (ahead.holder < kinds_.size()) __builtin_prefetch(&ranks.final_of_name[ahead.holder]);
    }
    const RawStance& raw = stances_[i];
    Stance s;
    s.polarity = raw.polarity;
    s.hedge = raw.hedge;
    s.weight = raw.weight;
    s.quote = raw.quote;
    s.time = raw.time;
    s.line = raw.line;
    s.origin = raw.origin;
    if (raw.id != kNone) s.id = Text(names_.Name(raw.id));
    s.holder = FinalIndex(ranks, raw.holder, DeclKind::kSource);
    if (s.holder == kNone) {
      Problem(raw.line, "holder",
              Undefined("stance names holder", names_.Name(raw.holder), "a source"));
    }
    s.claim = FinalIndex(ranks, raw.claim, DeclKind::kClaim);
    if (s.claim == kNone) {
      Problem(raw.line, "claim",
              Undefined("stance names claim", names_.Name(raw.claim), "a claim"));
    }
    s.via_begin = static_cast<Index>(data->via.size());
    s.via_size = raw.via_size;
    Index via_report = kNone;  // the dated report of the chain nearest the holder (a record)
    for (Index k = raw.via_begin; k < raw.via_begin + raw.via_size; ++k) {
      const Index name = via_[k];
      Index outlet = kNone;
      if (Index r = FinalIndex(ranks, name, DeclKind::kReport); r != kNone) {
        const Index record = ranks.report_order[r];
        outlet = reports_[record].outlet;
        if (reports_[record].time_utc) via_report = record;
      } else {
        outlet = FinalOutlet(ranks, name);
      }
      if (outlet == kNone) {
        Problem(raw.line, "via",
                Undefined("via names", names_.Name(name), "an outlet or a report"));
      }
      data->via.push_back(outlet);
    }
    std::int64_t time = kNoTime;
    if (raw.time != kNone) {  // its own time: the instant TimeText kept
      const auto it = std::lower_bound(time_instants_.begin(), time_instants_.end(),
                                       std::pair<Index, std::int64_t>{raw.time, kNoTime});
      if (it != time_instants_.end() && it->first == raw.time) time = it->second;
    } else if (via_report != kNone) {
      // Relayed through a report: the holder spoke when that report did, not when the relay
      // appeared (docs/format.md, "Times"); its time becomes the stance's own.
      time = *reports_[via_report].time_utc;
      s.time = Text(reports_[via_report].time);
    }
    if (raw.report != kNone) {
      s.report = FinalIndex(ranks, raw.report, DeclKind::kReport);
      if (s.report == kNone) {
        Problem(raw.line, "report",
                Undefined("stance names report", names_.Name(raw.report), "a report"));
      } else if (time == kNoTime) {
        // A stance without its own time takes its report's (docs/format.md, "Times").
        time = reports_[ranks.report_order[s.report]].time_utc.value_or(kNoTime);
      }
    }
    if (time != kNoTime && data->stance_time.empty()) {
      data->stance_time.assign(stances_.size(), kNoTime);  // the first dated stance
    }
    if (!data->stance_time.empty()) data->stance_time[i] = time;
    data->stances.push_back(s);
    if (TooManyProblems()) break;
  }
  stances_.clear();
  stances_.shrink_to_fit();
}

// A retraction names a stance by its id and, optionally, the report that carries the correction;
// it takes its report's time when it has none, and may not precede the stance it withdraws.
// Ordered by (time, undated first; report; stance id) so that the input order changes nothing.
void DatasetBuilder::ResolveRetractions(const Ranks& ranks, Dataset* data) {
  std::vector<Retraction> out;
  out.reserve(retractions_.size());
  for (const RawRetraction& raw : retractions_) {
    Retraction r;
    r.line = raw.line;
    r.time = raw.time;
    r.time_utc = raw.time_utc;
    const Index name = raw.stance;
    if (name >= kinds_.size() || kinds_[name] != DeclKind::kStance) {
      Problem(raw.line, "stance",
              name < kinds_.size() && kinds_[name] != DeclKind::kNone
                  ? Undefined("retraction names stance", names_.Name(name), "a stance id")
                  : fmt::format("retraction names stance '{}', which no stance has as its id",
                                names_.Name(name)));
      continue;
    }
    r.stance = decls_[name].record;
    if (raw.report != kNone) {
      r.report = FinalIndex(ranks, raw.report, DeclKind::kReport);
      if (r.report == kNone) {
        Problem(raw.line, "report",
                Undefined("retraction names report", names_.Name(raw.report), "a report"));
        continue;
      }
      if (!r.time_utc) r.time_utc = reports_[ranks.report_order[r.report]].time_utc;
    }
    if (r.stance >= data->stances.size()) continue;  // the stances stopped at too many problems
    const Stance& s = data->stances[r.stance];
    // Compared by day: a correction dated by its day alone may name a stance timed that day.
    const auto day = [](std::int64_t t) { return t >= 0 ? t / 86400 : -((-t + 86399) / 86400); };
    const std::int64_t stance_time = data->TimeOf(r.stance);
    if (r.time_utc && stance_time != kNoTime && day(*r.time_utc) < day(stance_time)) {
      const std::string when =
          raw.time_utc
              ? raw.time
              : fmt::format("{} (its report '{}')", reports_[ranks.report_order[r.report]].time,
                            names_.Name(raw.report));
      Problem(raw.line, raw.time_utc ? "time" : "report",
              fmt::format("retraction of stance '{}' is dated {}, before the stance it withdraws "
                          "(line {}): a retraction counts from its own time on",
                          names_.Name(name), when, s.line));
      continue;
    }
    out.push_back(std::move(r));
  }
  // Every retracted stance has an id (that is how it is named), unique in the dataset.
  const auto key = [&](const Retraction& r) {
    return std::make_tuple(r.time_utc.has_value(), r.time_utc.value_or(0), r.report,
                           std::string_view(strings_[data->stances[r.stance].id]), r.line);
  };
  std::sort(out.begin(), out.end(),
            [&](const Retraction& a, const Retraction& b) { return key(a) < key(b); });
  data->retractions = std::move(out);
  retractions_.clear();
}

// Groups of alternatives: a stance supporting one claim of a group counts as a denial of each
// other claim, so the evidence grows as claims x supports per group. Bound it, so that one
// object with 20,000 values cannot take 20 GB (the limit is far above the benchmarks).
void DatasetBuilder::CheckGroups(const Ranks& ranks, const Dataset& data) {
  std::vector<std::uint64_t> group_claims(groups_.size(), 0);
  std::vector<std::uint64_t> group_supports(groups_.size(), 0);
  std::vector<long> group_line(groups_.size(), 0);
  for (Index i = 0; i < claims_.size(); ++i) {
    const Index g = claims_[i].group;
    if (g == kNone) continue;
    if (group_claims[g]++ == 0) group_line[g] = claim_lines_[i];
  }
  for (const Stance& st : data.stances) {
    const Index g = claims_[ranks.claim_order[st.claim]].group;
    if (g != kNone && st.polarity == Polarity::kSupports) ++group_supports[g];
  }
  auto implied_by = [&](Index g) {
    return group_claims[g] == 0 ? std::uint64_t{0} : (group_claims[g] - 1) * group_supports[g];
  };
  std::uint64_t implied = 0;
  Index largest = 0;
  for (Index g = 0; g < groups_.size(); ++g) {
    implied += implied_by(g);
    if (implied_by(g) > implied_by(largest)) largest = g;
  }
  if (implied > kMaxImpliedDenials) {
    Problem(group_line[largest], group_field_,
            fmt::format("the groups of alternatives imply {} denials in all (at most {}): group "
                        "'{}' alone has {} claims and {} supporting stances, each stance "
                        "denying every other claim of its group",
                        implied, kMaxImpliedDenials, groups_.Name(largest), group_claims[largest],
                        group_supports[largest]));
  }
}

// Citations between reports must not go round in a circle.
void DatasetBuilder::CheckCitationCycles(const Ranks& ranks) {
  std::vector<std::pair<Index, Index>> edges;
  for (Index i = 0; i < reports_.size(); ++i) {
    for (Index r : reports_[i].cited_reports) edges.emplace_back(ranks.report_rank[i], r);
  }
  const auto on_cycle = OnCycle(reports_.size(), edges);
  for (Index i = 0; i < reports_.size(); ++i) {
    if (on_cycle[ranks.report_rank[i]]) {
      Problem(report_lines_[i], "cites",
              fmt::format("report '{}' is part of a citation cycle", reports_[i].id));
    }
  }
}

// No organisation may be its own ancestor. Returns whether one is.
bool DatasetBuilder::CheckParentCycles(const Ranks& ranks) {
  std::vector<std::pair<Index, Index>> edges;
  for (Index i = 0; i < sources_.size(); ++i) {
    if (sources_[i].parent != kNone) edges.emplace_back(ranks.source_rank[i], sources_[i].parent);
  }
  const auto parent_cycle = OnCycle(sources_.size(), edges);
  bool any_cycle = false;
  for (Index i = 0; i < sources_.size(); ++i) {
    if (parent_cycle[ranks.source_rank[i]]) {
      any_cycle = true;
      Problem(source_lines_[i], "parent",
              fmt::format("organisation '{}' is its own ancestor", sources_[i].id));
    }
  }
  return any_cycle;
}

// Depth of each organisation below its root, computed without recursion (the parents have no
// cycle). A bound keeps the interested-party look-up (which follows the chain for every holder)
// linear in the input.
void DatasetBuilder::CheckOrganisationDepth(const Ranks& ranks) {
  std::vector<Index> depth(sources_.size(), kNone);  // by original index
  std::vector<Index> path;
  for (Index i = 0; i < sources_.size(); ++i) {
    Index v = i;
    path.clear();
    while (depth[v] == kNone && sources_[v].parent != kNone) {
      path.push_back(v);
      v = ranks.source_order[sources_[v].parent];
    }
    Index d = depth[v] == kNone ? 0 : depth[v];
    depth[v] = d;
    for (auto it = path.rbegin(); it != path.rend(); ++it) depth[*it] = ++d;
  }
  for (Index i = 0; i < sources_.size(); ++i) {
    if (depth[i] != kNone && depth[i] > kMaxOrganisationDepth) {
      Problem(source_lines_[i], "parent",
              fmt::format("organisation '{}' is nested {} levels deep (at most {})", sources_[i].id,
                          depth[i], kMaxOrganisationDepth));
      break;  // one report: every organisation below it is deeper still
    }
  }
}

// Moves the tables into `data` in id order, and the groups and origins in name order.
void DatasetBuilder::Order(const Ranks& ranks, Dataset* data) {
  data->sources = ApplyOrder(sources_, ranks.source_order);
  data->claims = ApplyOrder(claims_, ranks.claim_order);
  data->reports = ApplyOrder(reports_, ranks.report_order);
  std::vector<Index> group_remap;
  std::vector<Index> origin_remap;
  data->groups = SortNames(groups_, &group_remap);
  data->origins = SortNames(origins_, &origin_remap);
  for (Claim& c : data->claims) {
    if (c.group != kNone) c.group = group_remap[c.group];
  }
  for (Stance& s : data->stances) {
    if (s.origin != kNone) s.origin = origin_remap[s.origin];
  }
  data->strings = std::move(strings_);
}

}  // namespace credence::io
