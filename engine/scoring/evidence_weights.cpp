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

// The prior mean of a source without a prior of its own: by source kind, and for an outlet by
// outlet kind.
double DefaultPriorMean(const Source& src, const ModelOptions& options) {
  switch (src.kind) {
    case SourceKind::kSpeaker:
      return options.prior_speaker;
    case SourceKind::kOrganisation:
      return options.prior_organisation;
    case SourceKind::kOutlet:
      break;
  }
  switch (src.outlet_kind) {
    case OutletKind::kNews:
      return options.prior_news;
    case OutletKind::kWire:
      return options.prior_wire;
    case OutletKind::kFactChecker:
      return options.prior_fact_checker;
    case OutletKind::kSocial:
      return options.prior_social;
    case OutletKind::kOfficial:
      return options.prior_official;
    case OutletKind::kOther:
      return options.prior_other;
  }
  return options.prior_other;
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
  prior_a_.resize(snap.num_sources);
  prior_b_.resize(snap.num_sources);
  for (Index s = 0; s < snap.num_sources; ++s) {
    const Source& src = data.sources[s];
    const double mean = src.prior > 0 ? src.prior : DefaultPriorMean(src, options);
    const double strength = src.prior_strength > 0 ? src.prior_strength : options.prior_strength;
    prior_a_[s] = mean * strength;
    prior_b_[s] = (1.0 - mean) * strength;
  }
}

std::vector<double> EvidenceWeights::SourceLogits(const std::vector<double>& trust) const {
  std::vector<double> logits(trust.size());
  for (std::size_t s = 0; s < trust.size(); ++s) {
    logits[s] = Logit(0.5 + 0.5 * (2.0 * ClampTrust(trust[s], floor_) - 1.0) * 1.0);
  }
  return logits;
}

double EvidenceWeights::MemberScore(std::size_t member, double theta) const {
  const double chained = 0.5 + 0.5 * (2.0 * ClampTrust(theta, floor_) - 1.0) * gain_[member];
  // A source trusted below 1/2 adds nothing rather than evidence for the opposite: otherwise a
  // distrusted troll could push a claim down by asserting it (docs/model.md).
  return weight_[member] * std::max(0.0, Logit(chained));
}

}  // namespace credence::scoring
