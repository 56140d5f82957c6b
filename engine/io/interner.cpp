#include "interner_internal.hpp"

namespace credence::io {

std::size_t Interner::Probe(std::string_view s, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  const Slot key = Key(s, hash);
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.index == 0) return i;
    if (slot.meta == key.meta && slot.head == key.head &&
        (s.size() <= 8 || names_[slot.index - 1] == s)) {
      return i;
    }
  }
}

void Interner::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.index == 0) continue;
    std::size_t i = hashes_[slot.index - 1] & mask;
    while (slots_[i].index != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

Index Interner::Intern(std::string_view s, std::uint64_t hash) {
  if ((names_.size() + 1) * 2 > slots_.size()) Grow();  // load factor at most 1/2
  const std::size_t i = Probe(s, hash);
  if (slots_[i].index != 0) return slots_[i].index - 1;
  const auto index = static_cast<Index>(names_.size());
  names_.emplace_back(s);
  hashes_.push_back(hash);
  slots_[i] = Key(s, hash);
  slots_[i].index = index + 1;
  return index;
}

Index Interner::Find(std::string_view s) const {
  if (slots_.empty()) return kNone;
  const std::size_t i = Probe(s, Hash(s));
  return slots_[i].index == 0 ? kNone : slots_[i].index - 1;
}

}  // namespace credence::io
