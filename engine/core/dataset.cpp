#include "credence/core/dataset.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace credence {
namespace {

template <typename T>
Index FindById(const std::vector<T>& items, std::string_view id) {
  auto it = std::lower_bound(items.begin(), items.end(), id,
                             [](const T& item, std::string_view key) { return item.id < key; });
  return it != items.end() && it->id == id ? static_cast<Index>(it - items.begin()) : kNone;
}

bool EqualsLower(std::string_view word, std::string_view lower) {
  return word.size() == lower.size() &&
         std::equal(word.begin(), word.end(), lower.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

template <typename E, std::size_t N>
bool ParseWord(std::string_view word, const std::array<std::pair<std::string_view, E>, N>& table,
               E* out) {
  for (const auto& [name, value] : table) {
    if (EqualsLower(word, name)) {
      *out = value;
      return true;
    }
  }
  return false;
}

constexpr std::array<std::pair<std::string_view, Polarity>, 13> kPolarityWords{{
    {"supports", Polarity::kSupports},
    {"support", Polarity::kSupports},
    {"for", Polarity::kSupports},
    {"+1", Polarity::kSupports},
    {"1", Polarity::kSupports},
    {"denies", Polarity::kDenies},
    {"deny", Polarity::kDenies},
    {"against", Polarity::kDenies},
    {"-1", Polarity::kDenies},
    {"neutral", Polarity::kNeutral},
    {"observing", Polarity::kNeutral},
    {"0", Polarity::kNeutral},
    {"observes", Polarity::kNeutral},
}};

constexpr std::array<std::pair<std::string_view, Hedge>, 11> kHedgeWords{{
    {"none", Hedge::kNone},
    {"reportedly", Hedge::kReportedly},
    {"allegedly", Hedge::kAllegedly},
    {"claims", Hedge::kClaims},
    {"says", Hedge::kSays},
    {"may", Hedge::kMay},
    {"might", Hedge::kMight},
    {"unconfirmed", Hedge::kUnconfirmed},
    {"rumour", Hedge::kRumour},
    {"rumor", Hedge::kRumour},
    {"alleged", Hedge::kAllegedly},
}};

constexpr std::array<std::pair<std::string_view, OutletKind>, 6> kOutletKindWords{{
    {"news", OutletKind::kNews},
    {"wire", OutletKind::kWire},
    {"fact-checker", OutletKind::kFactChecker},
    {"social", OutletKind::kSocial},
    {"official", OutletKind::kOfficial},
    {"other", OutletKind::kOther},
}};

}  // namespace

Index Dataset::FindSource(std::string_view id) const { return FindById(sources, id); }
Index Dataset::FindClaim(std::string_view id) const { return FindById(claims, id); }
Index Dataset::FindReport(std::string_view id) const { return FindById(reports, id); }

Index Dataset::VouchingOutlet(const Stance& s) const {
  if (s.via_size > 0) return via[s.via_begin + s.via_size - 1];
  if (s.report != kNone) return reports[s.report].outlet;
  return kNone;
}

std::string_view ToString(Polarity polarity) {
  switch (polarity) {
    case Polarity::kSupports:
      return "supports";
    case Polarity::kDenies:
      return "denies";
    case Polarity::kNeutral:
      return "neutral";
  }
  return "neutral";
}

std::string_view ToString(Hedge hedge) {
  switch (hedge) {
    case Hedge::kNone:
      return "";
    case Hedge::kReportedly:
      return "reportedly";
    case Hedge::kAllegedly:
      return "allegedly";
    case Hedge::kClaims:
      return "claims";
    case Hedge::kSays:
      return "says";
    case Hedge::kMay:
      return "may";
    case Hedge::kMight:
      return "might";
    case Hedge::kUnconfirmed:
      return "unconfirmed";
    case Hedge::kRumour:
      return "rumour";
  }
  return "";
}

std::string_view ToString(SourceKind kind) {
  switch (kind) {
    case SourceKind::kOutlet:
      return "outlet";
    case SourceKind::kSpeaker:
      return "speaker";
    case SourceKind::kOrganisation:
      return "organisation";
  }
  return "outlet";
}

std::string_view ToString(OutletKind kind) {
  for (const auto& [name, value] : kOutletKindWords) {
    if (value == kind) return name;
  }
  return "other";
}

bool ParsePolarity(std::string_view word, Polarity* out) {
  return ParseWord(word, kPolarityWords, out);
}
bool ParseHedge(std::string_view word, Hedge* out) { return ParseWord(word, kHedgeWords, out); }
bool ParseOutletKind(std::string_view word, OutletKind* out) {
  return ParseWord(word, kOutletKindWords, out);
}

}  // namespace credence
