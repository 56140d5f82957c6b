#include <fmt/format.h>

#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "credence/core/error.hpp"
#include "credence/scoring/model.hpp"

namespace credence::scoring {
namespace {

void Require(bool ok, std::string_view field, std::string_view range, double value) {
  if (!ok) {
    throw InvalidArgumentError(
        fmt::format("ModelOptions.{} must be in {}, got {}", field, range, value));
  }
}

}  // namespace

void ModelOptions::Validate() const {
  auto open01 = [](double v) { return v > 0.0 && v < 1.0; };
  auto half_open01 = [](double v) { return v > 0.0 && v <= 1.0; };
  auto positive = [](double v) { return v > 0 && std::isfinite(v); };
  auto flag = [](double v) { return v == 0.0 || v == 1.0; };
  Require(open01(base_rate), "base_rate", "(0, 1)", base_rate);
  Require(flag(learn_base_rate), "learn_base_rate", "{0, 1}", learn_base_rate);
  Require(positive(base_rate_strength), "base_rate_strength", "(0, inf)", base_rate_strength);
  Require(flag(base_rate_from_labels), "base_rate_from_labels", "{0, 1}", base_rate_from_labels);
  Require(base_rate_min_units >= 1 && std::isfinite(base_rate_min_units), "base_rate_min_units",
          "[1, inf)", base_rate_min_units);
  Require(positive(prior_strength), "prior_strength", "(0, inf)", prior_strength);
  Require(positive(pool_min), "pool_min", "(0, inf)", pool_min);
  Require(pool_max >= pool_min && std::isfinite(pool_max), "pool_max", "[pool_min, inf)", pool_max);
  Require(positive(kind_prior_strength), "kind_prior_strength", "(0, inf)", kind_prior_strength);
  Require(flag(learn_kind_means), "learn_kind_means", "{0, 1}", learn_kind_means);
  Require(relay_fidelity > 0.5 && relay_fidelity <= 1.0, "relay_fidelity", "(0.5, 1]",
          relay_fidelity);
  Require(half_open01(interested_factor), "interested_factor", "(0, 1]", interested_factor);
  Require(half_open01(anonymous_factor), "anonymous_factor", "(0, 1]", anonymous_factor);
  Require(half_open01(implied_factor), "implied_factor", "(0, 1]", implied_factor);
  Require(half_open01(hedge_factor), "hedge_factor", "(0, 1]", hedge_factor);
  Require(half_open01(strong_hedge_factor), "strong_hedge_factor", "(0, 1]", strong_hedge_factor);
  Require(accelerate == 0.0 || accelerate == 1.0, "accelerate", "{0, 1}", accelerate);
  Require(echo_factor > 0 && echo_factor <= 1.0, "echo_factor", "(0, 1]", echo_factor);
  Require(trust_floor > 0 && trust_floor < 0.5, "trust_floor", "(0, 0.5)", trust_floor);
  for (auto [name, v] : {std::pair{"prior_news", prior_news},
                         {"prior_wire", prior_wire},
                         {"prior_fact_checker", prior_fact_checker},
                         {"prior_social", prior_social},
                         {"prior_official", prior_official},
                         {"prior_other", prior_other},
                         {"prior_speaker", prior_speaker},
                         {"prior_organisation", prior_organisation}}) {
    Require(open01(v), name, "(0, 1)", v);
  }
  for (int k = 0; k < kNumPoolKinds; ++k) {
    const auto kind = static_cast<PoolKind>(k);
    for (const char* coin : {"sensitivity_", "specificity_"}) {
      const std::string name = std::string(coin) + std::string(ToString(kind));
      const double v = Get(name);
      Require(v == -1.0 || open01(v), name, "(0, 1) or -1", v);
    }
  }
  Require(max_iterations >= 1, "max_iterations", "[1, inf)", max_iterations);
  Require(tolerance >= 0 && std::isfinite(tolerance), "tolerance", "[0, inf)", tolerance);
  Require(threads >= 0, "threads", "[0, inf)", threads);
}

namespace {

// Every numeric parameter of ModelOptions, by name (the threads count excluded).
template <typename Options, typename Fn>
void ForEachParameter(Options& o, Fn&& fn) {
  fn("base_rate", o.base_rate);
  fn("learn_base_rate", o.learn_base_rate);
  fn("base_rate_strength", o.base_rate_strength);
  fn("base_rate_from_labels", o.base_rate_from_labels);
  fn("base_rate_min_units", o.base_rate_min_units);
  fn("prior_strength", o.prior_strength);
  fn("pool_min", o.pool_min);
  fn("pool_max", o.pool_max);
  fn("kind_prior_strength", o.kind_prior_strength);
  fn("learn_kind_means", o.learn_kind_means);
  fn("relay_fidelity", o.relay_fidelity);
  fn("interested_factor", o.interested_factor);
  fn("anonymous_factor", o.anonymous_factor);
  fn("implied_factor", o.implied_factor);
  fn("hedge_factor", o.hedge_factor);
  fn("strong_hedge_factor", o.strong_hedge_factor);
  fn("trust_floor", o.trust_floor);
  fn("echo_factor", o.echo_factor);
  fn("accelerate", o.accelerate);
  fn("prior_news", o.prior_news);
  fn("prior_wire", o.prior_wire);
  fn("prior_fact_checker", o.prior_fact_checker);
  fn("prior_social", o.prior_social);
  fn("prior_official", o.prior_official);
  fn("prior_other", o.prior_other);
  fn("prior_speaker", o.prior_speaker);
  fn("prior_organisation", o.prior_organisation);
  fn("sensitivity_news", o.sensitivity_news);
  fn("specificity_news", o.specificity_news);
  fn("sensitivity_wire", o.sensitivity_wire);
  fn("specificity_wire", o.specificity_wire);
  fn("sensitivity_fact_checker", o.sensitivity_fact_checker);
  fn("specificity_fact_checker", o.specificity_fact_checker);
  fn("sensitivity_social", o.sensitivity_social);
  fn("specificity_social", o.specificity_social);
  fn("sensitivity_official", o.sensitivity_official);
  fn("specificity_official", o.specificity_official);
  fn("sensitivity_other", o.sensitivity_other);
  fn("specificity_other", o.specificity_other);
  fn("sensitivity_speaker", o.sensitivity_speaker);
  fn("specificity_speaker", o.specificity_speaker);
  fn("sensitivity_organisation", o.sensitivity_organisation);
  fn("specificity_organisation", o.specificity_organisation);
  fn("tolerance", o.tolerance);
}

}  // namespace

void ModelOptions::Set(std::string_view name, double value) {
  bool found = false;
  ForEachParameter(*this, [&](std::string_view n, double& field) {
    if (n == name) {
      field = value;
      found = true;
    }
  });
  if (name == "max_iterations") {
    max_iterations = static_cast<int>(value);
    found = true;
  }
  if (!found) {
    throw InvalidArgumentError(fmt::format("unknown model parameter '{}' (known: {})", name,
                                           fmt::join(ParameterNames(), ", ")));
  }
}

double ModelOptions::Get(std::string_view name) const {
  double value = 0.0;
  bool found = false;
  ModelOptions copy = *this;
  ForEachParameter(copy, [&](std::string_view n, double& field) {
    if (n == name) {
      value = field;
      found = true;
    }
  });
  if (name == "max_iterations") return max_iterations;
  if (!found) {
    throw InvalidArgumentError(fmt::format("unknown model parameter '{}' (known: {})", name,
                                           fmt::join(ParameterNames(), ", ")));
  }
  return value;
}

std::string_view ToString(PoolKind kind) {
  switch (kind) {
    case PoolKind::kNews:
      return "news";
    case PoolKind::kWire:
      return "wire";
    case PoolKind::kFactChecker:
      return "fact_checker";
    case PoolKind::kSocial:
      return "social";
    case PoolKind::kOfficial:
      return "official";
    case PoolKind::kOther:
      return "other";
    case PoolKind::kSpeaker:
      return "speaker";
    case PoolKind::kOrganisation:
      return "organisation";
  }
  return "other";
}

PoolKind PoolOf(const Source& source) {
  switch (source.kind) {
    case SourceKind::kSpeaker:
      return PoolKind::kSpeaker;
    case SourceKind::kOrganisation:
      return PoolKind::kOrganisation;
    case SourceKind::kOutlet:
      break;
  }
  switch (source.outlet_kind) {
    case OutletKind::kNews:
      return PoolKind::kNews;
    case OutletKind::kWire:
      return PoolKind::kWire;
    case OutletKind::kFactChecker:
      return PoolKind::kFactChecker;
    case OutletKind::kSocial:
      return PoolKind::kSocial;
    case OutletKind::kOfficial:
      return PoolKind::kOfficial;
    case OutletKind::kOther:
      return PoolKind::kOther;
  }
  return PoolKind::kOther;
}

std::pair<double, double> KindPriorMeans(const ModelOptions& o, PoolKind kind) {
  const std::string name(ToString(kind));
  const double prior = o.Get("prior_" + name);
  const double sensitivity = o.Get("sensitivity_" + name);
  const double specificity = o.Get("specificity_" + name);
  return {sensitivity > 0 ? sensitivity : prior, specificity > 0 ? specificity : prior};
}

std::vector<std::string_view> ModelOptions::ParameterNames() {
  std::vector<std::string_view> names;
  ModelOptions o;
  ForEachParameter(o, [&](std::string_view n, double&) { names.push_back(n); });
  names.push_back("max_iterations");
  return names;
}

}  // namespace credence::scoring
