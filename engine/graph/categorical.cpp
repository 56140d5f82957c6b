#include "credence/graph/categorical.hpp"

#include <algorithm>

namespace credence::graph {

CategoricalView BuildCategoricalView(const Dataset& data, const EvidenceSnapshot& snap) {
  CategoricalView view;
  view.num_sources = snap.num_sources;
  view.num_claims = snap.num_claims;
  view.claim_value.assign(snap.num_claims, kNone);
  view.object_offsets.push_back(0);
  // Binary objects for ungrouped claims, in claim order; then one object per group.
  std::vector<Index> false_value(snap.num_claims, kNone);
  for (Index c = 0; c < snap.num_claims; ++c) {
    if (data.claims[c].group != kNone) continue;
    const auto object = static_cast<Index>(view.num_objects());
    view.claim_value[c] = static_cast<Index>(view.value_object.size());
    view.value_object.push_back(object);
    view.value_claim.push_back(c);
    view.value_sign.push_back(+1);
    false_value[c] = static_cast<Index>(view.value_object.size());
    view.value_object.push_back(object);
    view.value_claim.push_back(c);
    view.value_sign.push_back(-1);
    view.object_offsets.push_back(static_cast<Index>(view.value_object.size()));
  }
  std::vector<std::vector<Index>> group_claims(data.groups.size());
  for (Index c = 0; c < snap.num_claims; ++c) {
    if (data.claims[c].group != kNone) group_claims[data.claims[c].group].push_back(c);
  }
  for (const auto& claims : group_claims) {
    if (claims.empty()) continue;
    const auto object = static_cast<Index>(view.num_objects());
    for (Index c : claims) {
      view.claim_value[c] = static_cast<Index>(view.value_object.size());
      view.value_object.push_back(object);
      view.value_claim.push_back(c);
      view.value_sign.push_back(+1);
    }
    view.object_offsets.push_back(static_cast<Index>(view.value_object.size()));
  }

  // Observations (value, source), deduplicated.
  std::vector<std::pair<Index, Index>> obs;
  obs.reserve(snap.num_members());
  for (std::size_t u = 0; u < snap.num_units(); ++u) {
    const Index claim = snap.unit_claim[u];
    Index value = kNone;
    if (snap.unit_polarity[u] > 0) {
      value = view.claim_value[claim];
    } else if (false_value[claim] != kNone) {
      value = false_value[claim];
    }
    if (value == kNone) continue;
    for (const Index m : snap.Members(u)) {
      if (snap.member_flags[m] & EvidenceSnapshot::kImplied) continue;
      obs.emplace_back(value, snap.member_owner[m]);
    }
  }
  std::sort(obs.begin(), obs.end());
  obs.erase(std::unique(obs.begin(), obs.end()), obs.end());

  const std::size_t num_values = view.num_values();
  view.value_offsets.assign(num_values + 1, 0);
  view.source_offsets.assign(view.num_sources + 1, 0);
  for (const auto& [v, s] : obs) {
    ++view.value_offsets[v + 1];
    ++view.source_offsets[s + 1];
  }
  for (std::size_t v = 0; v < num_values; ++v) view.value_offsets[v + 1] += view.value_offsets[v];
  for (Index s = 0; s < view.num_sources; ++s) view.source_offsets[s + 1] += view.source_offsets[s];
  view.value_sources.resize(obs.size());
  view.source_values.resize(obs.size());
  std::vector<Index> cursor(view.source_offsets.begin(), view.source_offsets.end() - 1);
  for (std::size_t i = 0; i < obs.size(); ++i) {
    view.value_sources[i] = obs[i].second;  // obs sorted by value: positions match value_offsets
    view.source_values[cursor[obs[i].second]++] = obs[i].first;
  }
  return view;
}

std::vector<double> BeliefsFromValueScores(const CategoricalView& view,
                                           const std::vector<double>& value_score) {
  std::vector<double> belief(view.num_claims, 0.5);
  for (std::size_t o = 0; o < view.num_objects(); ++o) {
    double total = 0.0;
    for (const Index v : view.ObjectValues(o)) {
      total += value_score[v];
    }
    for (const Index v : view.ObjectValues(o)) {
      if (view.value_sign[v] < 0) continue;
      belief[view.value_claim[v]] =
          total > 0 ? value_score[v] / total : 1.0 / static_cast<double>(view.object_size(o));
    }
  }
  return belief;
}

}  // namespace credence::graph
