#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report_internal.hpp"

namespace credence::report::internal {

std::string SourceLabel(const Dataset& data, Index source) {
  const Source& src = data.sources[source];
  return src.name.empty() ? src.id : src.name;
}

std::string KindText(const Source& source) {
  return source.kind == SourceKind::kOutlet ? fmt::format("outlet/{}", ToString(source.outlet_kind))
                                            : std::string(ToString(source.kind));
}

std::string Fixed(double v, int precision) {
  std::string s = fmt::format("{:.{}f}", v, precision);
  if (s.front() == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::string JsonNumber(double v) { return std::isfinite(v) ? Fixed(v, 6) : "null"; }

std::string ExactNumber(double v) {
  if (!std::isfinite(v)) return "null";
  if (v == 0.0) return "0";
  return fmt::format("{}", v);
}

// The 1e-9 keeps an end that is a multiple of 0.01 but not exactly representable (0.41 is
// 0.409999...) from being pushed a step outward.
Interval Outward(const Interval& interval) {
  return {std::floor(interval.low * 100.0 + 1e-9) / 100.0,
          std::ceil(interval.high * 100.0 - 1e-9) / 100.0};
}

std::string IntervalLow(const Interval& interval) { return Fixed(Outward(interval).low, 2); }

std::string IntervalHigh(const Interval& interval) { return Fixed(Outward(interval).high, 2); }

std::string IntervalText(const std::optional<Interval>& interval) {
  if (!interval) return "-";
  return fmt::format("[{}, {}]", IntervalLow(*interval), IntervalHigh(*interval));
}

bool Contested(scoring::Verdict verdict) {
  return verdict == scoring::Verdict::kContestedTrue ||
         verdict == scoring::Verdict::kContestedFalse;
}

std::string_view VerdictClass(scoring::Verdict verdict) {
  switch (verdict) {
    case scoring::Verdict::kDisputed:
      return "disputed";
    case scoring::Verdict::kContestedTrue:
      return "contested-true";
    case scoring::Verdict::kContestedFalse:
      return "contested-false";
    case scoring::Verdict::kLikelyTrue:
      return "likely-true";
    case scoring::Verdict::kLikelyFalse:
      return "likely-false";
    case scoring::Verdict::kUnresolved:
      break;
  }
  return "unresolved";
}

std::string RelayMarks(const StanceView& view) {
  std::vector<std::string_view> texts;
  for (const Mark& m : view.marks) {
    if (m.kind == MarkKind::kCopy || m.kind == MarkKind::kPosition) texts.push_back(m.text);
  }
  return texts.empty() ? std::string() : fmt::format(" ({})", fmt::join(texts, ", "));
}

std::string EchoText(const scoring::DiscountLine& line) {
  return fmt::format("echo discount on {} {} units", line.units,
                     line.polarity > 0 ? "supporting" : "denying");
}

std::string TopNote(std::size_t shown, std::size_t total) {
  return shown < total ? fmt::format(" (top {} of {})", shown, total) : "";
}

std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

std::string Shorten(std::string_view s, std::size_t limit, std::size_t keep) {
  if (CodePoints(s) <= limit) return std::string(s);
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == keep) return std::string(s.substr(0, i)) + "\u2026";
      ++count;
    }
  }
  return std::string(s) + "\u2026";
}

std::string WithChain(std::string who, const std::string& chain) {
  if (!chain.empty()) {
    who += ' ';
    who += chain;
  }
  return who;
}

void AppendUnique(std::vector<std::string>& list, std::string text) {
  if (std::find(list.begin(), list.end(), text) == list.end()) list.push_back(std::move(text));
}

}  // namespace credence::report::internal
