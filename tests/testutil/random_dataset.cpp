#include "testutil/random_dataset.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <regex>

namespace credence::testutil {
namespace {

// Draws from one seeded engine; every helper consumes it in a fixed order.
class Dice {
 public:
  explicit Dice(std::uint64_t seed) : engine_(seed) {}

  bool Chance(double p) { return std::uniform_real_distribution<double>(0.0, 1.0)(engine_) < p; }
  int Below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(engine_); }
  int Between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(engine_); }

 private:
  std::mt19937_64 engine_;
};

std::string IdList(const std::vector<std::string>& ids) {
  std::string out = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    out += '"' + ids[i] + '"';
  }
  return out + "]";
}

// Appends `"prior":P` (and maybe `"prior_strength":S`) to a source record under construction.
void MaybePrior(Dice& dice, const RandomDatasetOptions& o, std::string* line) {
  if (!dice.Chance(o.p_prior)) return;
  *line += fmt::format(",\"prior\":{:.2f}", dice.Between(20, 92) / 100.0);
  if (dice.Chance(o.p_prior_strength)) {
    *line += fmt::format(",\"prior_strength\":{}", dice.Between(1, 20));
  }
}

struct StanceDraft {
  std::string holder;
  std::string claim;
  std::string polarity;
  std::string origin;  // empty: none
};

// A non-neutral stance in a report, which a citing report may copy, relay or rebut.
struct Target {
  std::string holder;
  std::string claim;
  std::string polarity;
  std::string report;
};

}  // namespace

std::string RandomJsonlDataset(const RandomDatasetOptions& o) {
  Dice dice(o.seed);
  std::string out = fmt::format("# random dataset, seed {}\n", o.seed);
  static constexpr const char* kKinds[] = {"news",   "wire",     "fact-checker",
                                           "social", "official", "other"};
  static constexpr const char* kHedges[] = {"reportedly", "allegedly", "claims",      "says",
                                            "may",        "might",     "unconfirmed", "rumour"};

  std::vector<std::string> outlets;
  std::vector<std::string> speakers;
  std::vector<std::string> organisations;
  std::vector<std::string> reports;
  for (int i = 0; i < o.outlets; ++i) outlets.push_back(fmt::format("outlet-{}", i));
  for (int i = 0; i < o.speakers; ++i) speakers.push_back(fmt::format("speaker-{}", i));
  for (int i = 0; i < o.organisations; ++i) organisations.push_back(fmt::format("org-{}", i));
  for (int i = 0; i < o.reports; ++i) reports.push_back(fmt::format("report-{}", i));

  for (const auto& id : outlets) {
    std::string line =
        fmt::format(R"({{"type":"outlet","id":"{}","kind":"{}")", id, kKinds[dice.Below(6)]);
    MaybePrior(dice, o, &line);
    out += line + "}\n";
  }
  for (int i = 0; i < o.organisations; ++i) {
    std::string line = fmt::format(R"({{"type":"organisation","id":"{}")", organisations[i]);
    if (i > 0 && dice.Chance(o.p_parent)) {
      line += fmt::format(R"(,"parent":"{}")", organisations[dice.Below(i)]);
    }
    MaybePrior(dice, o, &line);
    out += line + "}\n";
  }
  std::vector<std::string> anonymous;
  for (const auto& id : speakers) {
    std::string line = fmt::format(R"({{"type":"speaker","id":"{}")", id);
    if (dice.Chance(o.p_anonymous)) {
      line += R"(,"anonymous":true)";
      anonymous.push_back(id);
    }
    if (!organisations.empty() && dice.Chance(o.p_affiliated)) {
      std::vector<std::string> affiliation{organisations[dice.Below(o.organisations)]};
      if (dice.Chance(0.3)) {
        const auto& second = organisations[dice.Below(o.organisations)];
        if (second != affiliation[0]) affiliation.push_back(second);
      }
      line += fmt::format(R"(,"affiliation":{})", IdList(affiliation));
    }
    MaybePrior(dice, o, &line);
    out += line + "}\n";
  }

  // Claims: consecutive runs of 2-3 claims share a group.
  std::vector<std::string> claims;
  std::vector<int> claim_group;  // per claim: its group number, or -1
  int group_count = 0;
  for (int i = 0; i < o.claims;) {
    int run = 1;
    std::string group;
    if (i + 1 < o.claims && dice.Chance(o.p_grouped)) {
      run = std::min(dice.Between(2, 3), o.claims - i);
      group = fmt::format("group-{}", group_count++);
    }
    for (int k = 0; k < run; ++k, ++i) {
      const std::string id = fmt::format("claim-{}", i);
      claims.push_back(id);
      std::string line =
          fmt::format(R"({{"type":"claim","id":"{}","text":"proposition {}")", id, i);
      const int parties = o.speakers + o.organisations;
      const auto party = [&](int pick) {
        return pick < o.speakers ? speakers[pick] : organisations[pick - o.speakers];
      };
      std::vector<std::string> about;
      if (parties > 0 && dice.Chance(o.p_about)) {
        for (int n = dice.Between(1, 2); n > 0; --n) about.push_back(party(dice.Below(parties)));
        if (about.size() == 2 && about[0] == about[1]) about.pop_back();
        line += fmt::format(R"(,"about":{})", IdList(about));
      }
      // Drawn only when asked for, so that shapes without them keep their old texts.
      std::string adverse;
      if (o.p_adverse > 0 && parties > 0 && dice.Chance(o.p_adverse)) {
        adverse = !about.empty() && dice.Chance(0.5)
                      ? about[dice.Below(static_cast<int>(about.size()))]
                      : party(dice.Below(parties));
        line += fmt::format(R"(,"adverse_to":["{}"])", adverse);
      }
      if (o.p_favours > 0 && parties > 0 && dice.Chance(o.p_favours)) {
        const std::string favoured = !about.empty() && dice.Chance(0.5)
                                         ? about[dice.Below(static_cast<int>(about.size()))]
                                         : party(dice.Below(parties));
        if (favoured != adverse) line += fmt::format(R"(,"favours":["{}"])", favoured);
      }
      if (!group.empty()) line += fmt::format(R"(,"group":"{}")", group);
      claim_group.push_back(group.empty() ? -1 : group_count - 1);
      out += line + "}\n";
    }
  }

  std::map<std::string, std::string> outlet_of;  // report id -> outlet id
  for (int i = 0; i < o.reports; ++i) {
    const std::string& outlet = outlets[dice.Below(o.outlets)];
    outlet_of[reports[i]] = outlet;
    std::string line =
        fmt::format(R"({{"type":"report","id":"{}","outlet":"{}")", reports[i], outlet);
    if (i > 0 && dice.Chance(o.p_cites)) {
      // Only earlier reports (or outlets), so citations stay acyclic.
      const std::string cited =
          dice.Chance(0.7) ? reports[dice.Below(i)] : outlets[dice.Below(o.outlets)];
      line += fmt::format(R"(,"cites":["{}"])", cited);
    }
    out += line + "}\n";
  }

  // Stances; each may be followed by a relay of itself. The non-neutral ones in a report are
  // the targets of the citing reports.
  std::vector<Target> targets;
  auto write_stance = [&](const StanceDraft& d) {
    std::string line =
        fmt::format(R"({{"type":"stance","holder":"{}","claim":"{}","polarity":"{}")", d.holder,
                    d.claim, d.polarity);
    const bool in_report = !reports.empty() && dice.Chance(o.p_report);
    if (in_report) {
      const std::string& report = reports[dice.Below(o.reports)];
      line += fmt::format(R"(,"report":"{}")", report);
      if (d.polarity != "neutral") targets.push_back({d.holder, d.claim, d.polarity, report});
    }
    if (dice.Chance(in_report ? o.p_via : o.p_via / 4)) {
      std::vector<std::string> via;
      for (int n = dice.Between(1, 2); n > 0; --n) {
        via.push_back(!reports.empty() && dice.Chance(0.2) ? reports[dice.Below(o.reports)]
                                                           : outlets[dice.Below(o.outlets)]);
      }
      line += fmt::format(R"(,"via":{})", IdList(via));
    }
    if (dice.Chance(o.p_hedge)) line += fmt::format(R"(,"hedge":"{}")", kHedges[dice.Below(8)]);
    if (dice.Chance(o.p_weight)) {
      line += fmt::format(R"(,"weight":{:.2f})", dice.Between(4, 19) * 0.05);
    }
    if (!d.origin.empty()) line += fmt::format(R"(,"origin":"{}")", d.origin);
    out += line + "}\n";
  };
  const int holders = o.outlets + o.speakers + o.organisations;
  for (int i = 0; i < o.stances && holders > 0 && !claims.empty(); ++i) {
    StanceDraft d;
    const double kind = dice.Between(0, 99) / 100.0;
    if (kind < 0.35 || o.speakers + o.organisations == 0) {
      d.holder = outlets[dice.Below(o.outlets)];
    } else if (kind < 0.9 || o.organisations == 0) {
      d.holder = o.speakers > 0 ? speakers[dice.Below(o.speakers)] : outlets[dice.Below(o.outlets)];
    } else {
      d.holder = organisations[dice.Below(o.organisations)];
    }
    const int claim = dice.Below(o.claims);
    d.claim = claims[claim];
    d.polarity = dice.Chance(o.p_neutral) ? "neutral" : (dice.Chance(0.5) ? "supports" : "denies");
    if (o.origin_pool > 0 && dice.Chance(o.p_origin)) {
      d.origin = fmt::format("origin-{}", dice.Below(o.origin_pool));
    }
    write_stance(d);
    for (int relays = 0; relays < 3 && dice.Chance(o.p_relay); ++relays) write_stance(d);
    // One position in a group: support for one alternative, denial of another.
    if (o.p_position > 0 && d.polarity == "supports" && claim_group[claim] >= 0 &&
        dice.Chance(o.p_position)) {
      std::vector<int> others;
      for (int c = 0; c < o.claims; ++c) {
        if (c != claim && claim_group[c] == claim_group[claim]) others.push_back(c);
      }
      StanceDraft denial{d.holder, claims[others[dice.Below(static_cast<int>(others.size()))]],
                         "denies", ""};
      write_stance(denial);
    }
  }

  // Scoops: claims only one outlet addresses, in its own voice or through anonymous sources it
  // vouches for, in one of its reports.
  for (int k = 0; k < o.scoops && !reports.empty(); ++k) {
    const std::string claim = fmt::format("claim-{}", o.claims + k);
    out += fmt::format(R"({{"type":"claim","id":"{}","text":"scoop {}"}})", claim, k) + "\n";
    const std::string& report = reports[dice.Below(o.reports)];
    for (int n = dice.Between(1, 3); n > 0; --n) {
      const std::string holder = !anonymous.empty() && dice.Chance(0.5)
                                     ? anonymous[dice.Below(static_cast<int>(anonymous.size()))]
                                     : outlet_of[report];
      const std::string polarity = dice.Chance(0.7) ? "supports" : "denies";
      out += fmt::format(
                 R"({{"type":"stance","holder":"{}","claim":"{}","polarity":"{}","report":"{}"}})",
                 holder, claim, polarity, report) +
             "\n";
      targets.push_back({holder, claim, polarity, report});
    }
  }

  // Citing reports: copies, relays and rebuttals of earlier stances through `cites`.
  int next_report = o.reports;
  std::vector<std::string> all_reports = reports;
  auto add_report = [&](const std::vector<std::string>& cites) {
    const std::string id = fmt::format("report-{}", next_report++);
    const std::string& outlet = outlets[dice.Below(o.outlets)];
    outlet_of[id] = outlet;
    all_reports.push_back(id);
    out += fmt::format(R"({{"type":"report","id":"{}","outlet":"{}","cites":{}}})", id, outlet,
                       IdList(cites)) +
           "\n";
    return id;
  };
  for (int k = 0; k < o.citing_reports && !targets.empty() && !outlets.empty(); ++k) {
    const Target t = targets[dice.Below(static_cast<int>(targets.size()))];
    std::vector<std::string> cites{t.report};
    if (dice.Chance(0.3)) cites[0] = add_report(cites);  // an empty report in between
    if (dice.Chance(0.3)) {
      const std::string& also = all_reports[dice.Below(static_cast<int>(all_reports.size()))];
      if (also != cites[0]) cites.push_back(also);
    }
    const std::string report = add_report(cites);
    Target c{t.holder, t.claim, t.polarity, report};
    if (dice.Chance(o.p_rebuttal)) c.polarity = t.polarity == "supports" ? "denies" : "supports";
    const int who = dice.Below(10);
    if (who >= 2 && who < 5) {
      c.holder = outlet_of[report];  // the outlet in its own voice
    } else if (who >= 5) {
      c.holder = o.speakers > 0 && dice.Chance(0.6) ? speakers[dice.Below(o.speakers)]
                                                    : outlets[dice.Below(o.outlets)];
    }  // else the same holder: an ordinary relay
    std::string line =
        fmt::format(R"({{"type":"stance","holder":"{}","claim":"{}","polarity":"{}","report":"{}")",
                    c.holder, c.claim, c.polarity, report);
    if (dice.Chance(0.3)) line += fmt::format(R"(,"via":["{}"])", outlet_of[t.report]);
    if (dice.Chance(o.p_hedge)) line += fmt::format(R"(,"hedge":"{}")", kHedges[dice.Below(8)]);
    out += line + "}\n";
    targets.push_back(c);
  }
  return out;
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string ShuffleLines(std::string_view text, std::uint64_t seed) {
  std::vector<std::string> lines = SplitLines(text);
  std::mt19937_64 engine(seed);
  std::shuffle(lines.begin(), lines.end(), engine);
  std::string out;
  for (const auto& line : lines) out += line + '\n';
  return out;
}

std::string RelabelIds(const std::string& text, std::uint64_t seed,
                       std::map<std::string, std::string>* renamed) {
  static const std::regex kId(R"re("((?:outlet|speaker|org|claim|group)-[0-9]+)")re");
  std::vector<std::string> ids;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kId); it != std::sregex_iterator();
       ++it) {
    ids.push_back((*it)[1].str());
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<std::size_t> order(ids.size());
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), std::mt19937_64(seed));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    (*renamed)[ids[i]] = fmt::format("{:04}-{}", order[i], ids[i]);
  }
  std::string out;
  std::size_t last = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kId); it != std::sregex_iterator();
       ++it) {
    out.append(text, last, static_cast<std::size_t>(it->position()) - last);
    out += '"' + renamed->at((*it)[1].str()) + '"';
    last = static_cast<std::size_t>(it->position() + it->length());
  }
  out.append(text, last);
  return out;
}

RandomDatasetOptions AllRulesShape(std::uint64_t seed) {
  RandomDatasetOptions o;
  o.seed = seed;
  o.p_adverse = 0.3;
  o.p_favours = 0.25;
  o.p_position = 0.4;
  o.citing_reports = 30;
  o.scoops = 6;
  return o;
}

RandomDatasetOptions ParallelShape(std::uint64_t seed, std::int64_t threshold) {
  const auto n = static_cast<int>(threshold);
  RandomDatasetOptions o;
  o.seed = seed;
  o.outlets = n / 4;
  o.speakers = n * 7 / 8;
  o.organisations = n / 32;  // sources: about 1.16 n
  // A run of claims is a group of 2-3 with probability p_grouped, so with p = 0.1 about 78% of the
  // claims are ungrouped (1.37 n) and there are 0.087 groups a claim (0.15 n, above n / 8).
  o.claims = n * 7 / 4;
  o.p_grouped = 0.1;
  o.reports = n / 2;
  o.stances = n * 4;  // 2.3 a claim, before relays
  return o;
}

void RandomTriples(std::uint64_t seed, std::string* plain, std::string* relabelled,
                   std::map<std::string, std::string>* renamed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  constexpr int kSources = 12;
  constexpr int kObjects = 30;
  std::vector<std::string> names;
  for (int s = 0; s < kSources; ++s) names.push_back(fmt::format("s{}", s));
  for (int o = 0; o < kObjects; ++o) names.push_back(fmt::format("o{}", o));
  for (int v = 0; v < 4; ++v) names.push_back(fmt::format("v{}", v));
  std::vector<std::size_t> order(names.size());
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  for (std::size_t i = 0; i < names.size(); ++i) {
    (*renamed)[names[i]] = fmt::format("{:03}-{}", order[i], names[i]);
  }
  std::vector<double> accuracy(kSources);
  for (double& a : accuracy) a = 0.5 + 0.45 * unit(rng);
  *plain = "source,object,value\n";
  *relabelled = "source,object,value\n";
  for (int o = 0; o < kObjects; ++o) {
    for (int s = 0; s < kSources; ++s) {
      if (unit(rng) < 0.45) continue;
      const int v = unit(rng) < accuracy[s] ? 0 : 1 + static_cast<int>(rng() % 3);
      const std::string source = fmt::format("s{}", s);
      const std::string object = fmt::format("o{}", o);
      const std::string value = fmt::format("v{}", v);
      *plain += fmt::format("{},{},{}\n", source, object, value);
      *relabelled +=
          fmt::format("{},{},{}\n", renamed->at(source), renamed->at(object), renamed->at(value));
      (*renamed)[object + "=" + value] = renamed->at(object) + "=" + renamed->at(value);
    }
  }
}

std::string AddTimes(const std::string& text, std::uint64_t seed, double p_dated, double p_own_time,
                     int days, int retractions) {
  std::mt19937_64 engine(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> day(1, std::max(1, days));
  const auto date = [&] { return fmt::format("2024-01-{:02}", day(engine)); };
  std::string out;
  std::vector<std::string> ids;
  std::string an_outlet;
  for (const std::string& line : SplitLines(text)) {
    std::string l = line;
    const bool report = l.rfind(R"({"type":"report")", 0) == 0;
    const bool stance = l.rfind(R"({"type":"stance")", 0) == 0;
    if (l.rfind(R"({"type":"outlet","id":")", 0) == 0 && an_outlet.empty()) {
      const std::size_t at = std::string(R"({"type":"outlet","id":")").size();
      an_outlet = l.substr(at, l.find('"', at) - at);
    }
    if ((report || stance) && !l.empty() && l.back() == '}') {
      l.pop_back();
      if (stance) {
        ids.push_back(fmt::format("stance-{}", ids.size()));
        l += fmt::format(R"(,"id":"{}")", ids.back());
      }
      if (unit(engine) < (report ? p_dated : p_own_time)) {
        l += fmt::format(R"(,"time":"{}")", date());
      }
      l += '}';
    }
    out += l;
    out += '\n';
  }
  if (!ids.empty() && retractions > 0 && !an_outlet.empty()) {
    out += fmt::format(
        R"({{"type":"report","id":"correction-report","outlet":"{}","time":"2024-03-01"}})",
        an_outlet);
    out += '\n';
    std::uniform_int_distribution<std::size_t> pick(0, ids.size() - 1);
    for (int k = 0; k < retractions; ++k) {
      const std::string& id = ids[pick(engine)];
      const double u = unit(engine);
      if (u < 1.0 / 3) {
        out += fmt::format(R"({{"type":"retraction","stance":"{}","time":"2024-03-01"}})", id);
      } else if (u < 2.0 / 3) {
        out += fmt::format(R"({{"type":"retraction","stance":"{}"}})", id);
      } else {
        out += fmt::format(R"({{"type":"retraction","stance":"{}","report":"correction-report"}})",
                           id);
      }
      out += '\n';
    }
  }
  return out;
}

}  // namespace credence::testutil
