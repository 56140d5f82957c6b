#pragma once
// Interns the ids a reader meets: strings to dense indices, in order of first appearance. Used by
// DatasetBuilder for names, origins and groups.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "credence/core/dataset.hpp"

namespace credence::io {

/// Maps strings to dense indices, in order of first appearance. An open-addressing table of
/// (hash tag, index) pairs probed linearly: a look-up touches one or two cache lines instead of
/// a chain of heap nodes, which is most of the cost of reading millions of rows.
class Interner {
 public:
  static std::uint64_t Hash(std::string_view s) { return std::hash<std::string_view>{}(s); }
  Index Intern(std::string_view s) { return Intern(s, Hash(s)); }
  /// As Intern(s), with `hash` == Hash(s) computed by the caller.
  Index Intern(std::string_view s, std::uint64_t hash);
  /// Hints for a look-up of a string with this hash that comes soon: first the slot's cache
  /// line, then (once that has arrived) the name a matching slot points to. Readers issue them
  /// for a batch of rows before interning the batch, so that the cache misses of many look-ups
  /// overlap instead of being paid one after another. They change nothing.
  void PrefetchSlot(std::uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }
  /// Prefetches the name a matching first slot points to and returns its index (kNone if the
  /// first slot does not match: the look-up will probe further or insert).
  Index PrefetchName(std::uint64_t hash) const {
    if (slots_.empty()) return kNone;
    const Slot& slot = slots_[hash & (slots_.size() - 1)];
    if (slot.index == 0 || (slot.meta >> 8) != static_cast<std::uint32_t>(hash >> 40)) {
      return kNone;
    }
    __builtin_prefetch(&names_[slot.index - 1]);
    return slot.index - 1;
  }
  Index Find(std::string_view s) const;
  const std::string& Name(Index i) const { return names_[i]; }
  std::size_t size() const { return names_.size(); }
  /// Hands the names over; the interner must not be used afterwards.
  std::vector<std::string> TakeNames() { return std::move(names_); }

 private:
  // A slot holds the name's first 8 bytes, so that names of up to 8 bytes (most generated and
  // many real ids) are compared without reading the name itself, a likely cache miss.
  struct Slot {
    std::uint32_t meta = 0;   // 24 high bits of the hash, then the length (255: more than 8)
    std::uint32_t index = 0;  // name index + 1; 0 = empty
    std::uint64_t head = 0;   // the first 8 bytes, zero-padded
  };
  static Slot Key(std::string_view s, std::uint64_t hash) {
    Slot key;
    key.meta = (static_cast<std::uint32_t>(hash >> 32) & 0xFFFFFF00U) |
               static_cast<std::uint32_t>(s.size() <= 8 ? s.size() : 0xFF);
    std::memcpy(&key.head, s.data(), std::min<std::size_t>(s.size(), 8));
    return key;
  }
  // The slot holding `s`, or the empty slot where it would go.
  std::size_t Probe(std::string_view s, std::uint64_t hash) const;
  void Grow();

  std::vector<Slot> slots_;
  std::vector<std::uint64_t> hashes_;  // per name, for regrowing
  std::vector<std::string> names_;
};

}  // namespace credence::io
