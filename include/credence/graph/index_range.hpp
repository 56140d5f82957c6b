#pragma once
/// A run of consecutive indices, for range-for over the CSR arrays of the snapshot and the
/// categorical view: `for (Index u : snap.Units(c))` instead of an offset loop. (A small class
/// rather than std::ranges::iota_view, which clang 14 cannot compile against libstdc++ 12.)

#include <cstddef>
#include <iterator>

#include "credence/core/dataset.hpp"

namespace credence::graph {

/// The indices [first, last). O(1) to build and copy.
class IndexRange {
 public:
  class Iterator {
   public:
    // The names the standard's iterator traits look for.
    // NOLINTBEGIN(readability-identifier-naming)
    using iterator_category = std::forward_iterator_tag;
    using value_type = Index;
    using difference_type = std::ptrdiff_t;
    using pointer = const Index*;
    using reference = Index;
    // NOLINTEND(readability-identifier-naming)

    Iterator() = default;
    explicit Iterator(Index i) : i_(i) {}
    Index operator*() const { return i_; }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++i_;
      return before;
    }
    bool operator==(const Iterator& other) const = default;

   private:
    Index i_ = 0;
  };

  /// `first` <= `last`.
  IndexRange(Index first, Index last) : first_(first), last_(last) {}

  Iterator begin() const { return Iterator(first_); }
  Iterator end() const { return Iterator(last_); }
  std::size_t size() const { return last_ - first_; }
  bool empty() const { return first_ == last_; }
  /// The first index; the range must not be empty.
  Index front() const { return first_; }
  /// The range without its first index; the range must not be empty.
  IndexRange Rest() const { return {first_ + 1, last_}; }

 private:
  Index first_;
  Index last_;
};

}  // namespace credence::graph
