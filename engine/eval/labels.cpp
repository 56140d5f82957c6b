#include "credence/eval/labels.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "credence/core/error.hpp"

namespace credence::eval {

std::vector<std::int8_t> LabelClaims(const Dataset& data, const Gold& gold) {
  std::vector<std::int8_t> labels(data.claims.size(), -1);
  std::vector<Diagnostic> problems;
  if (gold.kind == GoldKind::kClaim) {
    for (const GoldClaim& g : gold.claims) {
      const Index c = data.FindClaim(g.claim);
      if (c == kNone) {
        problems.push_back(
            {gold.path, g.line, "claim", fmt::format("no claim '{}' in {}", g.claim, data.path)});
        continue;
      }
      labels[c] = g.truth ? 1 : 0;
    }
  } else {
    std::vector<std::vector<Index>> members(data.groups.size());
    for (Index c = 0; c < data.claims.size(); ++c) {
      if (data.claims[c].group != kNone) members[data.claims[c].group].push_back(c);
    }
    for (const GoldObject& g : gold.objects) {
      const auto it = std::lower_bound(data.groups.begin(), data.groups.end(), g.object);
      if (it == data.groups.end() || *it != g.object) {
        problems.push_back({gold.path, g.line, "object",
                            fmt::format("no object (group) '{}' in {}", g.object, data.path)});
        continue;
      }
      for (Index c : members[it - data.groups.begin()]) {
        labels[c] = GoldMatches(data.claims[c], g) ? 1 : 0;
      }
    }
  }
  if (!problems.empty()) throw DataError(std::move(problems));
  return labels;
}

}  // namespace credence::eval
