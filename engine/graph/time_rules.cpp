#include "credence/graph/time_rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <span>
#include <tuple>
#include <unordered_map>

#include "credence/core/error.hpp"
#include "credence/text/time.hpp"

namespace credence::graph {
namespace {

// The scope a stance's holder takes one position in: its claim, or its claim's whole group.
Index ScopeOf(const Dataset& data, const Stance& s) {
  const Index g = data.claims[s.claim].group;
  return g == kNone ? s.claim : static_cast<Index>(data.claims.size()) + g;
}

// Orders stances by what they say (never by input line, except between identical stances):
// time, claim, polarity, report, then their texts.
bool ContentBefore(const Dataset& data, Index a, Index b) {
  const Stance& sa = data.stances[a];
  const Stance& sb = data.stances[b];
  const auto ka = std::make_tuple(data.TimeOf(sa), sa.claim, sa.polarity, sa.report, sa.hedge,
                                  sa.weight, data.Text(sa.id), data.Text(sa.quote));
  const auto kb = std::make_tuple(data.TimeOf(sb), sb.claim, sb.polarity, sb.report, sb.hedge,
                                  sb.weight, data.Text(sb.id), data.Text(sb.quote));
  if (ka != kb) return ka < kb;
  return a < b;
}

// Supersession within one holder's scope: `run` holds its dated, counting, non-neutral stances
// sorted by ContentBefore (time first). Walks back over equal-time groups, keeping the earliest
// later stance of each (claim, polarity) and the two earliest later supports of distinct claims.
void Supersede(const Dataset& data, bool grouped, std::span<const Index> run,
               std::vector<StanceState>* state, std::vector<Index>* by) {
  // Nothing to do unless two positions differ.
  const Stance& first = data.stances[run.front()];
  if (std::all_of(run.begin(), run.end(), [&](Index i) {
        const Stance& s = data.stances[i];
        return s.claim == first.claim && s.polarity == first.polarity;
      })) {
    return;
  }
  std::unordered_map<Index, std::size_t> first_support;  // claim -> position in run
  std::unordered_map<Index, std::size_t> first_denial;
  constexpr std::size_t kNo = static_cast<std::size_t>(-1);
  std::size_t p1 = kNo;  // the earliest later support
  std::size_t p2 = kNo;  // the earliest later support of a claim other than p1's
  const auto claim_at = [&](std::size_t k) { return data.stances[run[k]].claim; };
  std::size_t end = run.size();
  while (end > 0) {
    std::size_t begin = end - 1;
    const std::int64_t t = data.TimeOf(run[begin]);
    while (begin > 0 && data.TimeOf(run[begin - 1]) == t) --begin;
    for (std::size_t k = begin; k < end; ++k) {
      const Stance& s = data.stances[run[k]];
      std::size_t best = kNo;
      const auto consider = [&best](std::size_t candidate) { best = std::min(best, candidate); };
      if (s.polarity == Polarity::kSupports) {
        if (auto it = first_denial.find(s.claim); it != first_denial.end()) consider(it->second);
        if (grouped) {
          if (p1 != kNo && claim_at(p1) != s.claim) {
            consider(p1);
          } else if (p2 != kNo) {
            consider(p2);
          }
        }
      } else if (auto it = first_support.find(s.claim); it != first_support.end()) {
        consider(it->second);
      }
      if (best != kNo) {
        (*state)[run[k]] = StanceState::kSuperseded;
        (*by)[run[k]] = run[best];
      }
    }
    for (std::size_t k = end; k-- > begin;) {  // latest first, so that the earliest stays
      const Stance& s = data.stances[run[k]];
      if (s.polarity == Polarity::kSupports) {
        first_support[s.claim] = k;
        if (p1 == kNo || claim_at(p1) == s.claim) {
          p1 = k;
        } else {
          p2 = p1;
          p1 = k;
        }
      } else {
        first_denial[s.claim] = k;
      }
    }
    end = begin;
  }
}

}  // namespace

std::string RetractionTimeText(const Dataset& data, const Retraction& r) {
  if (!r.time.empty()) return r.time;
  return r.report == kNone ? std::string() : data.reports[r.report].time;
}

void TimeOptions::Validate() const {
  if (!std::isfinite(half_life_days) || half_life_days < 0.0) {
    throw InvalidArgumentError(
        fmt::format("half-life must be a number of days > 0 (or 0: off), got {}", half_life_days));
  }
}

std::string_view ToString(FindingKind kind) {
  switch (kind) {
    case FindingKind::kReversal:
      return "reversal";
    case FindingKind::kRetraction:
      return "retraction";
    case FindingKind::kSelfContradiction:
      return "self-contradiction";
    case FindingKind::kExclusiveAlternatives:
      return "exclusive-alternatives";
  }
  return "?";
}

std::vector<std::string> FindingTimes(const Dataset& data, const Finding& f) {
  const auto text = [&](Index i) { return StanceTimeText(data, data.stances[i]); };
  std::vector<std::string> out;
  if (f.stances.empty()) return out;
  switch (f.kind) {
    case FindingKind::kReversal:
      out = {text(f.stances.front()), text(f.stances.back())};
      break;
    case FindingKind::kRetraction:
      out = {text(f.stances.front()), f.retraction < data.retractions.size()
                                          ? RetractionTimeText(data, data.retractions[f.retraction])
                                          : std::string()};
      break;
    case FindingKind::kSelfContradiction:
    case FindingKind::kExclusiveAlternatives:
      for (Index i : f.stances) out.push_back(text(i));
      break;
  }
  return out;
}

std::vector<Index> FindingReports(const Dataset& data, const Finding& f) {
  std::vector<Index> out;
  for (Index i : f.stances) {
    if (data.stances[i].report != kNone) out.push_back(data.stances[i].report);
  }
  if (f.kind == FindingKind::kRetraction && f.retraction < data.retractions.size() &&
      data.retractions[f.retraction].report != kNone) {
    out.push_back(data.retractions[f.retraction].report);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string StanceTimeText(const Dataset& data, const Stance& stance) {
  if (stance.time != kNone) return std::string(data.Text(stance.time));
  if (stance.report != kNone && data.TimeOf(stance) != kNoTime)
    return data.reports[stance.report].time;
  return {};
}

StanceTimes ApplyTimeRules(const Dataset& data, const TimeOptions& options) {
  options.Validate();
  StanceTimes out;
  out.options = options;
  const std::size_t n = data.stances.size();
  // The per-stance tables are allocated only when some rule can apply (ten million undated
  // stances cost one pass and nothing more).
  std::vector<StanceState> state;
  std::vector<Index> by;
  const auto allocate = [&] {
    if (state.empty()) {
      state.assign(n, StanceState::kCounts);
      by.assign(n, kNone);
    }
  };
  bool any = false;

  // 1. As of a date.
  std::int64_t latest = kNoTime;
  std::size_t dated_count = 0;
  for (Index i = 0; i < n; ++i) {
    const std::int64_t t = data.TimeOf(i);
    if (t == kNoTime) {
      ++out.undated;
      continue;
    }
    if (options.as_of && t > *options.as_of) {
      allocate();
      state[i] = StanceState::kLater;
      any = true;
    } else {
      latest = std::max(latest, t);
      ++dated_count;
    }
  }
  // 2. Retractions (the earliest applicable one of a stance names it).
  out.retraction_applies.assign(data.retractions.size(), false);
  for (Index r = 0; r < data.retractions.size(); ++r) {
    const Retraction& t = data.retractions[r];
    if (options.as_of && t.time_utc && *t.time_utc > *options.as_of) continue;
    out.retraction_applies[r] = true;
    if (t.time_utc) latest = std::max(latest, *t.time_utc);
    allocate();
    if (state[t.stance] == StanceState::kCounts) {
      state[t.stance] = StanceState::kRetracted;
      by[t.stance] = r;
      any = true;
    }
  }
  // 3. Supersession, per holder and scope.
  std::vector<Index> dated;
  if (dated_count > 1) {
    allocate();
    for (Index i = 0; i < n; ++i) {
      const Stance& s = data.stances[i];
      if (data.TimeOf(s) != kNoTime && s.polarity != Polarity::kNeutral &&
          state[i] == StanceState::kCounts) {
        dated.push_back(i);
      }
    }
  }
  std::sort(dated.begin(), dated.end(), [&](Index a, Index b) {
    const Stance& sa = data.stances[a];
    const Stance& sb = data.stances[b];
    const auto ka = std::make_tuple(sa.holder, ScopeOf(data, sa));
    const auto kb = std::make_tuple(sb.holder, ScopeOf(data, sb));
    if (ka != kb) return ka < kb;
    return ContentBefore(data, a, b);
  });
  for (std::size_t begin = 0; begin < dated.size();) {
    const Stance& s = data.stances[dated[begin]];
    const Index scope = ScopeOf(data, s);
    std::size_t end = begin + 1;
    while (end < dated.size() && data.stances[dated[end]].holder == s.holder &&
           ScopeOf(data, data.stances[dated[end]]) == scope) {
      ++end;
    }
    if (end - begin > 1) {
      Supersede(data, data.claims[s.claim].group != kNone,
                std::span<const Index>(dated.data() + begin, end - begin), &state, &by);
    }
    begin = end;
  }
  any = any || std::any_of(state.begin(), state.end(),
                           [](StanceState x) { return x == StanceState::kSuperseded; });
  if (any) {
    out.state = std::move(state);
    out.by = std::move(by);
  }
  // 4. Stale evidence.
  out.reference = options.as_of ? *options.as_of : latest;
  if (options.half_life_days > 0.0 && out.reference != kNoTime) {
    out.decay.assign(n, 1.0F);
    const double seconds = options.half_life_days * 86400.0;
    for (Index i = 0; i < n; ++i) {
      const std::int64_t t = data.TimeOf(i);
      if (t == kNoTime || t >= out.reference) continue;
      const double age = static_cast<double>(out.reference - t) / seconds;
      out.decay[i] = static_cast<float>(std::max(kMinDecay, std::exp2(-age)));
    }
  }
  return out;
}

std::vector<Finding> FindConsistency(const Dataset& data, const StanceTimes& times,
                                     const std::vector<bool>* only) {
  std::vector<Finding> out;
  const auto by_content = [&](std::vector<Index>* v) {
    std::sort(v->begin(), v->end(), [&](Index a, Index b) { return ContentBefore(data, a, b); });
  };

  // Reversals: the superseded stances grouped by (holder, claim, polarity, superseding stance).
  if (!times.state.empty()) {
    std::vector<Index> superseded;
    for (Index i = 0; i < data.stances.size(); ++i) {
      if (times.state[i] == StanceState::kSuperseded) superseded.push_back(i);
    }
    const auto key = [&](Index i) {
      const Stance& s = data.stances[i];
      return std::make_tuple(s.holder, s.claim, s.polarity, times.by[i]);
    };
    std::sort(superseded.begin(), superseded.end(), [&](Index a, Index b) {
      if (key(a) != key(b)) return key(a) < key(b);
      return ContentBefore(data, a, b);
    });
    for (std::size_t begin = 0; begin < superseded.size();) {
      std::size_t end = begin + 1;
      while (end < superseded.size() && key(superseded[end]) == key(superseded[begin])) ++end;
      const Stance& s = data.stances[superseded[begin]];
      const Index later = times.by[superseded[begin]];
      Finding f;
      f.kind = FindingKind::kReversal;
      f.source = s.holder;
      f.claims.push_back(s.claim);
      if (data.stances[later].claim != s.claim) f.claims.push_back(data.stances[later].claim);
      f.stances.assign(superseded.begin() + static_cast<std::ptrdiff_t>(begin),
                       superseded.begin() + static_cast<std::ptrdiff_t>(end));
      f.stances.push_back(later);
      out.push_back(std::move(f));
      begin = end;
    }
  }
  // Retractions that withdrew a stance known at the date.
  for (Index r = 0; r < data.retractions.size(); ++r) {
    const Retraction& t = data.retractions[r];
    if (!times.retraction_applies[r] || times.State(t.stance) == StanceState::kLater) continue;
    const Stance& s = data.stances[t.stance];
    Finding f;
    f.kind = FindingKind::kRetraction;
    f.source = t.report != kNone ? data.reports[t.report].outlet : s.holder;
    f.claims = {s.claim};
    f.stances = {t.stance};
    f.retraction = r;
    out.push_back(std::move(f));
  }
  // Self-contradictions and exclusive alternatives, among the stances that count: the counting
  // non-neutral stances listed by claim (a counting sort: one sequential pass), then each claim's
  // few stances, and each group's supports, sorted by holder.
  const std::size_t num_claims = data.claims.size();
  std::vector<Index> offsets(num_claims + 1, 0);
  const auto listed = [&](Index i) {
    const Stance& s = data.stances[i];
    return s.polarity != Polarity::kNeutral && (only == nullptr || (*only)[s.claim]) &&
           times.Counts(i);
  };
  for (Index i = 0; i < data.stances.size(); ++i) {
    if (listed(i)) ++offsets[data.stances[i].claim + 1];
  }
  for (std::size_t c = 0; c < num_claims; ++c) offsets[c + 1] += offsets[c];
  std::vector<Index> on_claim(offsets.back());
  {
    std::vector<Index> next(offsets.begin(), offsets.end() - 1);
    for (Index i = 0; i < data.stances.size(); ++i) {
      if (listed(i)) on_claim[next[data.stances[i].claim]++] = i;
    }
  }
  struct Entry {
    Index holder;
    Index claim;
    Polarity polarity;
    Index stance;
  };
  std::vector<Entry> entries;
  const auto by_holder = [](const Entry& x, const Entry& y) {
    return std::tie(x.holder, x.claim) < std::tie(y.holder, y.claim);
  };
  // Calls visit(begin, end) for each holder's run of `entries` (sorted by holder, then claim).
  const auto each_holder = [&](auto visit) {
    std::sort(entries.begin(), entries.end(), by_holder);
    for (std::size_t begin = 0; begin < entries.size();) {
      std::size_t end = begin + 1;
      while (end < entries.size() && entries[end].holder == entries[begin].holder) ++end;
      if (end - begin > 1) visit(begin, end);
      begin = end;
    }
  };
  std::vector<std::vector<Index>> group_claims(data.groups.size());
  for (Index c = 0; c < num_claims; ++c) {
    if (data.claims[c].group != kNone) group_claims[data.claims[c].group].push_back(c);
    if (offsets[c + 1] - offsets[c] < 2) continue;
    entries.clear();
    for (Index k = offsets[c]; k < offsets[c + 1]; ++k) {
      const Stance& s = data.stances[on_claim[k]];
      entries.push_back({s.holder, c, s.polarity, on_claim[k]});
    }
    each_holder([&](std::size_t begin, std::size_t end) {
      const auto first = entries.begin() + static_cast<std::ptrdiff_t>(begin);
      const auto last = entries.begin() + static_cast<std::ptrdiff_t>(end);
      const bool both =
          std::any_of(first, last,
                      [](const Entry& e) { return e.polarity == Polarity::kSupports; }) &&
          std::any_of(first, last, [](const Entry& e) { return e.polarity == Polarity::kDenies; });
      if (!both) return;
      Finding f;
      f.kind = FindingKind::kSelfContradiction;
      f.source = entries[begin].holder;
      f.claims = {c};
      for (auto e = first; e != last; ++e) f.stances.push_back(e->stance);
      by_content(&f.stances);
      out.push_back(std::move(f));
    });
  }
  for (const std::vector<Index>& claims : group_claims) {
    entries.clear();
    for (Index c : claims) {
      for (Index k = offsets[c]; k < offsets[c + 1]; ++k) {
        const Stance& s = data.stances[on_claim[k]];
        if (s.polarity == Polarity::kSupports)
          entries.push_back({s.holder, c, s.polarity, on_claim[k]});
      }
    }
    each_holder([&](std::size_t begin, std::size_t end) {
      if (entries[begin].claim == entries[end - 1].claim) return;  // one claim supported
      Finding f;
      f.kind = FindingKind::kExclusiveAlternatives;
      f.source = entries[begin].holder;
      for (std::size_t k = begin; k < end; ++k) {
        if (f.claims.empty() || f.claims.back() != entries[k].claim) {
          f.claims.push_back(entries[k].claim);
        }
        f.stances.push_back(entries[k].stance);
      }
      by_content(&f.stances);
      out.push_back(std::move(f));
    });
  }
  // By kind, source and claims, then by what the stances say (time first): never by input line.
  std::stable_sort(out.begin(), out.end(), [&](const Finding& a, const Finding& b) {
    if (std::tie(a.kind, a.source, a.claims) != std::tie(b.kind, b.source, b.claims)) {
      return std::tie(a.kind, a.source, a.claims) < std::tie(b.kind, b.source, b.claims);
    }
    const std::size_t n = std::min(a.stances.size(), b.stances.size());
    for (std::size_t k = 0; k < n; ++k) {
      if (a.stances[k] == b.stances[k]) continue;
      return ContentBefore(data, a.stances[k], b.stances[k]);
    }
    if (a.stances.size() != b.stances.size()) return a.stances.size() < b.stances.size();
    return a.retraction < b.retraction;
  });
  return out;
}

}  // namespace credence::graph
