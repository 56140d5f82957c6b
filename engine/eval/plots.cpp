#include "credence/eval/plots.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ostream>
#include <string_view>

#include "credence/core/assert.hpp"
#include "credence/text/html.hpp"

namespace credence::eval {
namespace {

// The plot area, in SVG user units: x from kLeft to kLeft + kWidth, y from kTop (value 1) down
// to kTop + kHeight (the bottom of the axis).
constexpr double kSvgWidth = 520;
constexpr double kSvgHeight = 400;
constexpr double kLeft = 64;
constexpr double kTop = 48;
constexpr double kWidth = 420;
constexpr double kHeight = 280;
constexpr int kBins = 10;

// A coordinate with two decimals: fixed text, so the bytes do not depend on the platform.
std::string P(double v) { return fmt::format("{:.2f}", v); }

void Header(std::ostream& out, std::string_view title) {
  out << fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} "
      "{1}\" font-family=\"sans-serif\" font-size=\"12\">\n",
      kSvgWidth, kSvgHeight);
  out << fmt::format("<title>{}</title>\n", text::HtmlEscape(title));
  out << fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", kSvgWidth,
                     kSvgHeight);
  out << fmt::format("<text x=\"{}\" y=\"24\" text-anchor=\"middle\" font-size=\"14\">{}</text>\n",
                     P(kSvgWidth / 2), text::HtmlEscape(title));
}

// The y axis from `lo` to `hi` with ticks every `step`, and the x axis line.
void YAxis(std::ostream& out, double lo, double hi, double step, std::string_view label) {
  const double bottom = kTop + kHeight;
  out << fmt::format(
      "<g stroke=\"#000000\"><line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>"
      "<line x1=\"{0}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\"/></g>\n",
      P(kLeft), P(kTop), P(bottom), P(kLeft + kWidth));
  const int ticks = static_cast<int>(std::lround((hi - lo) / step));
  for (int i = 0; i <= ticks; ++i) {
    const double v = lo + i * step;
    const double y = bottom - (v - lo) / (hi - lo) * kHeight;
    out << fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#000000\"/>"
        "<line x1=\"{2}\" y1=\"{1}\" x2=\"{3}\" y2=\"{1}\" stroke=\"#e0e0e0\"/>"
        "<text x=\"{4}\" y=\"{5}\" text-anchor=\"end\">{6:.1f}</text>\n",
        P(kLeft - 4), P(y), P(kLeft), P(kLeft + kWidth), P(kLeft - 7), P(y + 4), v);
  }
  out << fmt::format(
      "<text x=\"16\" y=\"{0}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {0})\">{1}"
      "</text>\n",
      P(kTop + kHeight / 2), text::HtmlEscape(label));
}

void XLabel(std::ostream& out, std::string_view label) {
  out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                     P(kLeft + kWidth / 2), P(kTop + kHeight + 38), text::HtmlEscape(label));
}

}  // namespace

std::vector<ReliabilityBin> ReliabilityBins(const std::vector<double>& belief,
                                            const std::vector<int>& label) {
  CREDENCE_ASSERT(belief.size() == label.size(), "one label per belief");
  std::vector<ReliabilityBin> bins(kBins);
  std::vector<double> sum(kBins, 0.0), positives(kBins, 0.0);
  for (std::size_t i = 0; i < belief.size(); ++i) {
    const int b = std::clamp(static_cast<int>(std::floor(belief[i] * kBins)), 0, kBins - 1);
    ++bins[b].count;
    sum[b] += belief[i];
    positives[b] += label[i] == 1 ? 1 : 0;
  }
  for (int b = 0; b < kBins; ++b) {
    bins[b].lower = b / static_cast<double>(kBins);
    bins[b].upper = (b + 1) / static_cast<double>(kBins);
    if (bins[b].count == 0) continue;
    bins[b].mean_belief = sum[b] / static_cast<double>(bins[b].count);
    bins[b].frequency = positives[b] / static_cast<double>(bins[b].count);
  }
  return bins;
}

void WriteReliabilitySvg(std::ostream& out, const std::vector<ReliabilityBin>& bins,
                         const std::string& title) {
  std::size_t n = 0;
  for (const ReliabilityBin& b : bins) n += b.count;
  double ece = 0.0;
  for (const ReliabilityBin& b : bins) {
    if (b.count > 0)
      ece += b.count / static_cast<double>(n) * std::abs(b.frequency - b.mean_belief);
  }
  const std::string heading = n == 0 ? fmt::format("{}: no claims", title)
                                     : fmt::format("{}: ECE {:.3f} ({} claims)", title, ece, n);
  Header(out, heading);
  YAxis(out, 0.0, 1.0, 0.2, "observed share true");
  const auto x = [](double v) { return kLeft + v * kWidth; };
  const auto y = [](double v) { return kTop + (1.0 - v) * kHeight; };
  for (int i = 0; i <= 5; ++i) {
    out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{:.1f}</text>\n",
                       P(x(i * 0.2)), P(kTop + kHeight + 16), i * 0.2);
  }
  XLabel(out, "predicted belief (10 equal-width bins)");
  out << fmt::format(
      "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#888888\" stroke-dasharray=\"4 "
      "3\"/>\n",
      P(x(0)), P(y(0)), P(x(1)), P(y(1)));
  for (std::size_t i = 0; i < bins.size(); ++i) {
    const ReliabilityBin& b = bins[i];
    if (b.count == 0) continue;
    out << fmt::format(
        "<g data-bin=\"{}\" data-count=\"{}\" data-mean-belief=\"{:.6f}\" "
        "data-frequency=\"{:.6f}\">",
        i, b.count, b.mean_belief, b.frequency);
    out << fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#9ecae1\" stroke=\"#3182bd\"/>",
        P(x(b.lower) + 1), P(y(b.frequency)), P((b.upper - b.lower) * kWidth - 2),
        P(b.frequency * kHeight));
    out << fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"#08519c\"/>",
                       P(x(b.mean_belief)), P(y(b.frequency)));
    out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10\">{}</text>",
                       P(x((b.lower + b.upper) / 2)), P(y(b.frequency) - 4), b.count);
    out << "</g>\n";
  }
  out << fmt::format(
      "<text x=\"{}\" y=\"{}\" font-size=\"10\">bars: share true per bin (count above); dots: at "
      "the bin's mean belief; dashed: perfect calibration</text>\n",
      P(kLeft), P(kSvgHeight - 12));
  out << "</svg>\n";
}

void WriteLearningSvg(std::ostream& out, const LearningCurve& curve) {
  Header(out, fmt::format("Learning curve: out-of-fold accuracy, {} folds (seed {})", curve.folds,
                          curve.seed));
  double lowest = 1.0;
  for (const LearningPoint& p : curve.points) {
    for (const double a : {p.fit.accuracy, p.labels.accuracy}) {
      if (!std::isnan(a)) lowest = std::min(lowest, a);
    }
  }
  const double lo = std::clamp(std::floor(lowest * 10.0 - 0.5) / 10.0, 0.0, 0.9);
  YAxis(out, lo, 1.0, 0.1, "out-of-fold accuracy");
  const std::size_t k = curve.points.size();
  const auto x = [&](std::size_t i) {
    return k <= 1 ? kLeft + kWidth / 2 : kLeft + 20 + i * (kWidth - 40) / (k - 1.0);
  };
  const auto y = [&](double a) { return kTop + (1.0 - (a - lo) / (1.0 - lo)) * kHeight; };
  for (std::size_t i = 0; i < k; ++i) {
    out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{:g}%</text>\n", P(x(i)),
                       P(kTop + kHeight + 16), curve.points[i].share * 100.0);
  }
  XLabel(out, "share of the training labels");
  struct Route {
    const char* name;
    const char* colour;
    const char* dash;
    RouteScore LearningPoint::*score;
  };
  const Route routes[] = {
      {"fit", "#1f77b4", "", &LearningPoint::fit},
      {"labels", "#d62728", " stroke-dasharray=\"6 3\"", &LearningPoint::labels}};
  for (std::size_t r = 0; r < 2; ++r) {
    const Route& route = routes[r];
    std::string points;
    for (std::size_t i = 0; i < k; ++i) {
      const double a = (curve.points[i].*route.score).accuracy;
      if (std::isnan(a)) continue;
      points += fmt::format("{}{},{}", points.empty() ? "" : " ", P(x(i)), P(y(a)));
    }
    out << fmt::format(
        "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{} points=\"{}\"/>\n",
        route.colour, route.dash, points);
    for (std::size_t i = 0; i < k; ++i) {
      const double a = (curve.points[i].*route.score).accuracy;
      if (std::isnan(a)) continue;
      out << fmt::format(
          "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{}\" data-route=\"{}\" data-share=\"{:g}\" "
          "data-accuracy=\"{:.6f}\"/>\n",
          P(x(i)), P(y(a)), route.colour, route.name, curve.points[i].share, a);
    }
    const double ly = kTop + 14 + 18 * r;
    out << fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"2\"{4}/>"
        "<text x=\"{5}\" y=\"{6}\">{7}</text>\n",
        P(kLeft + kWidth - 150), P(ly), P(kLeft + kWidth - 120), route.colour, route.dash,
        P(kLeft + kWidth - 114), P(ly + 4),
        r == 0 ? "fit (credence fit, no labels)" : "labels (--labels, clamped)");
  }
  out << "</svg>\n";
}

}  // namespace credence::eval
