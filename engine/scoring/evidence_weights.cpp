#include <cmath>

#include "evidence_weights_internal.hpp"

namespace credence::scoring {
namespace {

// The factor a hedge word puts on a stance's weight. Every word is listed: a new one must be
// placed in a class here (the compiler warns about a missing case), not silently taken as strong.
double HedgeFactor(Hedge hedge, const ModelOptions& options) {
  switch (hedge) {
    case Hedge::kNone:
      return 1.0;
    case Hedge::kReportedly:
    case Hedge::kAllegedly:
    case Hedge::kClaims:
    case Hedge::kSays:
      return options.hedge_factor;
    case Hedge::kMay:
    case Hedge::kMight:
    case Hedge::kUnconfirmed:
    case Hedge::kRumour:
      return options.strong_hedge_factor;
  }
  return options.strong_hedge_factor;  // not reached: the switch covers every Hedge
}

}  // namespace

EvidenceWeights::EvidenceWeights(const Dataset& data, const graph::EvidenceSnapshot& snap,
                                 const ModelOptions& options)
    : snap_(snap), floor_(options.trust_floor), echo_(options.echo_factor) {
  const std::size_t m_count = snap.num_members();
  weight_.resize(m_count);
  gain_.resize(m_count);
  const double hop_gain = 2.0 * options.relay_fidelity - 1.0;
  for (std::size_t m = 0; m < m_count; ++m) {
    double w = snap.member_weight[m];
    if (snap.member_hedge[m] != Hedge::kNone) w *= HedgeFactor(snap.member_hedge[m], options);
    const std::uint8_t flags = snap.member_flags[m];
    if (flags & graph::EvidenceSnapshot::kInterested) w *= options.interested_factor;
    if (flags & graph::EvidenceSnapshot::kAnonymous) w *= options.anonymous_factor;
    if (flags & graph::EvidenceSnapshot::kImplied) w *= options.implied_factor;
    weight_[m] = w;
    gain_[m] = snap.member_hops[m] == 0 ? 1.0 : std::pow(hop_gain, snap.member_hops[m]);
  }
  prior_mean_.resize(snap.num_sources);
  own_strength_.resize(snap.num_sources);
  pool_.resize(snap.num_sources);
  for (Index s = 0; s < snap.num_sources; ++s) {
    const Source& src = data.sources[s];
    pool_[s] = PoolOf(src);
    const auto [sensitivity, specificity] = KindPriorMeans(options, pool_[s]);
    const bool own = src.prior > 0;
    prior_mean_[s] = own ? src.prior : 0.5 * (sensitivity + specificity);
    own_strength_[s] =
        own ? (src.prior_strength > 0 ? src.prior_strength : options.prior_strength) : 0.0;
  }
}

SourceLogits EvidenceWeights::Logits(const Coins& coins) const {
  SourceLogits out;
  out.support.resize(coins.size());
  out.denial.resize(coins.size());
  for (std::size_t s = 0; s < coins.size(); ++s) {
    const double a = ClampTrust(coins.alpha[s], floor_);
    const double b = ClampTrust(coins.beta[s], floor_);
    out.support[s] = std::log(a / (1.0 - b));
    out.denial[s] = std::log(b / (1.0 - a));
  }
  return out;
}

double EvidenceWeights::MemberScore(std::size_t member, int sign, double alpha, double beta) const {
  const double g = gain_[member];
  const double a = 0.5 + 0.5 * (2.0 * ClampTrust(alpha, floor_) - 1.0) * g;
  const double b = 0.5 + 0.5 * (2.0 * ClampTrust(beta, floor_) - 1.0) * g;
  // A source whose stance is worse than a coin toss adds nothing rather than evidence for the
  // opposite: otherwise a distrusted troll could push a claim down by asserting it
  // (docs/model.md).
  const double l = sign > 0 ? std::log(a / (1.0 - b)) : std::log(b / (1.0 - a));
  return weight_[member] * std::max(0.0, l);
}

}  // namespace credence::scoring
