#include <fmt/format.h>

#include <cmath>
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
  Require(open01(base_rate), "base_rate", "(0, 1)", base_rate);
  Require(prior_strength > 0 && std::isfinite(prior_strength), "prior_strength", "(0, inf)",
          prior_strength);
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
  Require(max_iterations >= 1, "max_iterations", "[1, inf)", max_iterations);
  Require(tolerance >= 0 && std::isfinite(tolerance), "tolerance", "[0, inf)", tolerance);
  Require(threads >= 0, "threads", "[0, inf)", threads);
}

namespace {

// Every numeric parameter of ModelOptions, by name (the threads count excluded).
template <typename Options, typename Fn>
void ForEachParameter(Options& o, Fn&& fn) {
  fn("base_rate", o.base_rate);
  fn("prior_strength", o.prior_strength);
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

std::vector<std::string_view> ModelOptions::ParameterNames() {
  std::vector<std::string_view> names;
  ModelOptions o;
  ForEachParameter(o, [&](std::string_view n, double&) { names.push_back(n); });
  names.push_back("max_iterations");
  return names;
}

}  // namespace credence::scoring
